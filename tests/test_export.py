"""Open data: the JSON export and its schema, and how every export is written (atomic, --force, errors)."""

from __future__ import annotations

import json
import re
import sqlite3

import jsonschema
import pytest

from buurtverbinding import export as ex
from buurtverbinding.cli import main

from .conftest import ROOT

SCHEMA_FILE = ROOT / "schema" / "catalog.schema.json"


@pytest.fixture(scope="module")
def exported(cat) -> bytes:
    return ex.json_bytes(cat)


@pytest.fixture(scope="module")
def validator():
    schema = ex.catalog_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, out.out, out.err


# --- JSON -------------------------------------------------------------------------------


def test_json_round_trips_into_the_same_catalogue(cat, exported):
    again = ex.read_json(exported)
    assert again.model_dump() == cat.model_dump()
    assert again.get("buurtbemiddeling") == cat.get("buurtbemiddeling")
    assert again.filter(phase="incidenten") == cat.filter(phase="incidenten")


def test_json_holds_every_field_of_the_catalogue():
    from buurtverbinding.catalog import Catalog

    assert set(Catalog.model_fields) - {"format_version", "version"} == set(ex._RECORDS)
    assert set(ex._Export.model_fields) == {"format_version", "content_version", "package_version", *ex._RECORDS}


def test_json_starts_with_the_versions(cat, exported):
    data = json.loads(exported)
    assert list(data)[:4] == ["format_version", "content_version", "package_version", "title"]
    assert data["format_version"] == ex.EXPORT_FORMAT
    assert data["content_version"] == cat.version
    from buurtverbinding import __version__

    assert data["package_version"] == __version__


def test_json_is_canonical(cat, exported):
    assert ex.json_bytes(cat) == exported
    assert exported.endswith(b"\n") and "ë".encode() in exported  # UTF-8, not \u escapes
    data = json.loads(exported)

    def sorted_below(value):
        if isinstance(value, dict):
            assert list(value) == sorted(value)
            for item in value.values():
                sorted_below(item)
        elif isinstance(value, list):
            for item in value:
                sorted_below(item)

    for value in data.values():
        sorted_below(value)
    ids = [e["id"] for e in data["examples"]]
    assert ids == sorted(ids) and len(ids) == len(cat.examples)
    assert [d["number"] for d in data["directions"]] == sorted(d["number"] for d in data["directions"])


def test_json_has_every_key_even_when_empty(exported):
    examples = json.loads(exported)["examples"]
    assert all(set(e) == set(examples[0]) for e in examples)
    assert any(e["cost"] is None for e in examples), "absent values are written as null"


def test_format_version_is_semver():
    assert re.fullmatch(r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)", ex.EXPORT_FORMAT)


def test_read_json_refuses_another_format_version(exported):
    data = json.loads(exported)
    data["format_version"] = "2.0.0"
    with pytest.raises(ValueError, match=r"format '2.0.0' cannot be read.*reads format " + re.escape(ex.EXPORT_FORMAT)):
        ex.read_json(json.dumps(data))
    with pytest.raises(ValueError, match="not a JSON export"):
        ex.read_json(b"{not json")


# --- schema -----------------------------------------------------------------------------


def test_schema_validates_the_export(exported, validator):
    errors = sorted(validator.iter_errors(json.loads(exported)), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


@pytest.mark.parametrize(
    "breakage",
    [
        lambda d: d["examples"][0].pop("sources"),
        lambda d: d["examples"][0].update(id="Buurt Bemiddeling"),
        lambda d: d["examples"][0].update(colour="blue"),
        lambda d: d["examples"][0].update(reviewed="30 november"),
        lambda d: d["examples"][0]["evidence"].update(level=None),
        lambda d: d.update(format_version="2.0.0"),
        lambda d: d.pop("content_version"),
    ],
    ids=["missing-field", "bad-id", "unknown-field", "bad-date", "null-level", "other-version", "no-content-version"],
)
def test_schema_rejects_broken_exports(exported, validator, breakage):
    data = json.loads(exported)
    breakage(data)
    assert not validator.is_valid(data)


def test_schema_pins_the_format_version():
    assert ex.catalog_schema()["properties"]["format_version"]["const"] == ex.EXPORT_FORMAT


def test_committed_schema_matches_the_models():
    assert SCHEMA_FILE.read_bytes() == ex.schema_bytes(), (
        "schema/catalog.schema.json differs from the models; if the change is intended, bump EXPORT_FORMAT "
        "as SemVer says and run: buurtverbinding export --format schema --out schema/catalog.schema.json --force"
    )


# --- writing ----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "sqlite", "schema"])
def test_file_formats_write_one_file_and_nothing_else(cat, tmp_path, fmt):
    out = tmp_path / "sub" / "folder" / f"out.{fmt}"
    assert ex.export(cat, fmt, out) == out
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == [out.name]


def test_existing_output_is_kept_without_force(cat, tmp_path):
    out = tmp_path / "catalog.json"
    out.write_text("mine")
    with pytest.raises(FileExistsError, match="already exists.*--force"):
        ex.export(cat, "json", out)
    assert out.read_text() == "mine"
    ex.export(cat, "json", out, force=True)
    assert json.loads(out.read_bytes())["format_version"] == ex.EXPORT_FORMAT


def test_unknown_format_lists_the_formats(cat, tmp_path):
    with pytest.raises(ValueError, match="unknown format 'xlsx'.*valid values: json, csv, sqlite, schema"):
        ex.export(cat, "xlsx", tmp_path / "out")
    assert not any(tmp_path.iterdir())


def test_a_file_format_does_not_replace_a_folder(cat, tmp_path):
    with pytest.raises(IsADirectoryError, match="is a folder; give a file name"):
        ex.export(cat, "sqlite", tmp_path, force=True)


def test_csv_replaces_only_an_earlier_csv_export(cat, tmp_path):
    unrelated = tmp_path / "papers"
    unrelated.mkdir()
    (unrelated / "notes.txt").write_text("keep me")
    with pytest.raises(FileExistsError, match="holds no earlier csv export"):
        ex.export(cat, "csv", unrelated, force=True)
    assert (unrelated / "notes.txt").read_text() == "keep me"

    out = tmp_path / "csv"
    ex.export(cat, "csv", out)
    (out / "examples.csv").write_text("stale")
    with pytest.raises(FileExistsError):
        ex.export(cat, "csv", out)
    ex.export(cat, "csv", out, force=True)
    assert (out / "examples.csv").read_text(encoding="utf-8-sig").startswith("id,title,")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["csv", "papers"], "no temporary folders are left"

    empty = tmp_path / "empty"
    empty.mkdir()
    ex.export(cat, "csv", empty)  # an empty folder holds nothing to lose: no --force needed
    assert (empty / "examples.csv").is_file()


def test_a_failed_csv_export_leaves_the_old_one_whole(cat, tmp_path, monkeypatch):
    import buurtverbinding.export._csv as csv_module

    out = tmp_path / "csv"
    ex.export(cat, "csv", out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def fail(cat, folder):
        (folder / "examples.csv").write_text("half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(csv_module, "write_csv", fail)
    with pytest.raises(OSError, match="No space"):
        ex.export(cat, "csv", out, force=True)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["csv"]


# --- command line -----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "csv", "sqlite", "schema"])
def test_cli_writes_every_format(capsys, cat, tmp_path, fmt):
    out = tmp_path / f"out-{fmt}"
    code, stdout, err = run(capsys, "export", "--format", fmt, "--out", str(out))
    assert code == 0 and stdout == "" and str(out) in err
    if fmt == "json":
        assert ex.read_json(out.read_bytes()).examples == cat.examples
    elif fmt == "schema":
        assert out.read_bytes() == ex.schema_bytes()
    elif fmt == "csv":
        assert (out / "examples.csv").is_file()
    else:
        assert sqlite3.connect(out).execute("SELECT count(*) FROM examples").fetchone() == (len(cat.examples),)


def test_cli_unknown_format_is_one_line(capsys, tmp_path):
    code, _, err = run(capsys, "export", "--format", "xml", "--out", str(tmp_path / "x"))
    assert code == 2 and err.count("\n") == 1
    assert "unknown format 'xml'" in err and "json, csv, sqlite, schema" in err


def test_cli_keeps_an_existing_file(capsys, tmp_path):
    out = tmp_path / "c.sqlite"
    out.write_text("mine")
    code, _, err = run(capsys, "export", "--format", "sqlite", "--out", str(out))
    assert code == 1 and err.count("\n") == 1 and "--force" in err and out.read_text() == "mine"
    code, _, _ = run(capsys, "export", "--format", "sqlite", "--out", str(out), "--force")
    assert code == 0 and out.read_bytes().startswith(b"SQLite format 3\x00")


def test_cli_reports_an_unwritable_path(capsys, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    code, _, err = run(capsys, "export", "--format", "json", "--out", str(blocker / "c.json"))
    assert code == 1 and err.startswith("buurtverbinding export: cannot write") and err.count("\n") == 1
