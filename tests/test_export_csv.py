"""The CSV export: every example and source, multi-valued fields that split back, spreadsheet-safe files."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from buurtverbinding import export as ex
from buurtverbinding.export._csv import EXAMPLE_COLUMNS, SEPARATOR, write_csv
from buurtverbinding.models import EXAMPLE_VOCABULARIES

MULTI_VALUED = ("secondary_directions", *EXAMPLE_VOCABULARIES, "municipalities", "related")


@pytest.fixture(scope="module")
def folder(cat, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("export") / "csv"
    ex.export(cat, "csv", out)
    return out


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_one_row_per_example_in_catalogue_order(cat, folder):
    rows = read(folder / "examples.csv")
    assert [r["id"] for r in rows] == [e.id for e in cat.examples]
    assert list(rows[0]) == [column.name for column in EXAMPLE_COLUMNS]


def test_multi_valued_fields_split_back_into_the_record(cat, folder):
    for row in read(folder / "examples.csv"):
        example = cat.get(row["id"])
        for field in MULTI_VALUED:
            values = tuple(row[field].split(SEPARATOR)) if row[field] else ()
            assert values == getattr(example, field), (example.id, field)
        assert row["evidence_level"] == example.evidence.level
        assert row["cost_band"] == (example.cost.band if example.cost else "")
        assert row["reviewed"] == example.reviewed.isoformat()


def test_every_source_url_is_there(cat, folder):
    sources = read(folder / "sources.csv")
    assert [(s["example_id"], s["url"]) for s in sources] == [(e.id, s.url) for e in cat.examples for s in e.sources]
    by_example = {r["id"]: r["source_urls"].split(SEPARATOR) for r in read(folder / "examples.csv")}
    assert by_example == {e.id: [s.url for s in e.sources] for e in cat.examples}


def test_one_file_per_vocabulary_with_every_value_in_order(cat, folder):
    listed = read(folder / "vocabularies.csv")
    assert [v["id"] for v in listed] == [v.id for v in cat.vocabularies]
    for vocabulary, entry in zip(cat.vocabularies, listed, strict=True):
        rows = read(folder / entry["file"])
        assert [(r["id"], r["label"]) for r in rows] == [(v.id, v.label) for v in vocabulary.values]
    assert [d["id"] for d in read(folder / "directions.csv")] == [d.id for d in cat.directions]
    assert [(r["id"], r["replaced_by"]) for r in read(folder / "retired.csv")] == [(r.id, r.replaced_by) for r in cat.retired]


def test_metadata_names_versions_and_separator(cat, folder):
    metadata = {row["key"]: row["value"] for row in read(folder / "metadata.csv")}
    assert metadata["format_version"] == ex.EXPORT_FORMAT
    assert metadata["content_version"] == cat.version
    assert metadata["separator"] == SEPARATOR


def test_files_open_cleanly_in_a_spreadsheet(folder):
    for path in folder.glob("*.csv"):
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), f"{path.name}: no UTF-8 byte order mark (Excel would garble é and ë)"
        raw.decode("utf-8")
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        width = len(rows[0])
        for row in rows:
            assert len(row) == width, path.name
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), f"{path.name}: {cell[:40]!r} would be read as a formula"
                assert len(cell) <= 32767, f"{path.name}: a cell longer than a spreadsheet cell can hold"


def test_a_value_holding_the_separator_is_refused(cat, tmp_path):
    example = cat.examples[0]
    broken = example.model_copy(update={"municipalities": ("Den Haag | Rijswijk",)})
    with pytest.raises(ValueError, match=f"example '{example.id}', field 'municipalities'.*separator"):
        write_csv(cat.model_copy(update={"examples": (broken,)}), tmp_path)


def test_a_zip_archive_holds_the_same_files(cat, folder, tmp_path):
    import zipfile

    out = tmp_path / "buurtverbinding-csv.zip"
    ex.export(cat, "csv", out)
    with zipfile.ZipFile(out) as archive:
        assert archive.testzip() is None
        files = {name: archive.read(name) for name in archive.namelist()}
    assert files == {f"buurtverbinding-csv/{p.name}": p.read_bytes() for p in folder.iterdir()}
    with pytest.raises(FileExistsError):
        ex.export(cat, "csv", out)
    first = out.read_bytes()
    ex.export(cat, "csv", out, force=True)
    assert out.read_bytes() == first, "the same content gives the same archive"
