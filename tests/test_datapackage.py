"""The CSV export carries a Frictionless Data Package descriptor, derived from the same column
declarations as the CSV files, that ``frictionless validate`` accepts offline, and that makes it
report a broken file (a value outside its vocabulary, a dangling foreign key, ...)."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from buurtverbinding import export as ex
from buurtverbinding.export._csv import DESCRIPTOR, EXAMPLE_COLUMNS, SEPARATOR, tables
from buurtverbinding.export._datapackage import Column, Table, descriptor, xsd_pattern
from buurtverbinding.models import FACETS

from .test_build import blocked_env


@pytest.fixture(scope="module")
def folder(cat, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("datapackage") / "csv"
    ex.export(cat, "csv", out)
    return out


@pytest.fixture(scope="module")
def unzipped(cat, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("datapackage-zip")
    ex.export(cat, "csv", root / "buurtverbinding-csv.zip")
    with zipfile.ZipFile(root / "buurtverbinding-csv.zip") as archive:
        archive.extractall(root / "unzipped")
    return root / "unzipped" / "buurtverbinding-csv"


@pytest.fixture(scope="module")
def package(folder) -> dict:
    return json.loads((folder / DESCRIPTOR).read_bytes())


def validate(where: Path, tmp_path: Path) -> dict:
    """``frictionless validate datapackage.json`` in ``where``, with networking blocked; its JSON report."""
    done = subprocess.run(
        [sys.executable, "-m", "frictionless", "validate", "--json", DESCRIPTOR],
        check=False,
        cwd=where,
        capture_output=True,
        text=True,
        env=blocked_env(tmp_path),
        timeout=300,
    )
    assert done.stdout.startswith("{"), done.stdout[-2000:] + done.stderr[-2000:]
    report = json.loads(done.stdout)
    assert (done.returncode == 0) == report["valid"], done.stderr[-2000:]
    return report


def errors(report: dict) -> list[tuple[str, str, str]]:
    """(resource, error type, note) of every error in a report."""
    found = [("", e["type"], e.get("note", "")) for e in report["errors"]]
    return found + [(task["name"], e["type"], e.get("note", "")) for task in report["tasks"] for e in task["errors"]]


# --- valid ---------------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["folder", "unzipped"])
def test_frictionless_finds_a_fresh_export_valid_offline(request, which, tmp_path):
    where = request.getfixturevalue(which)
    report = validate(where, tmp_path)
    assert report["valid"], errors(report)[:10]
    assert not report["warnings"]
    validated = {task["place"] for task in report["tasks"]}
    assert validated == {p.name for p in where.glob("*.csv")}, "every CSV file is a resource of the package"


def test_the_archive_holds_the_descriptor_of_the_folder(folder, unzipped):
    assert (unzipped / DESCRIPTOR).read_bytes() == (folder / DESCRIPTOR).read_bytes()


def test_versions_and_licence_are_stated(cat, package):
    assert package["profile"] == "tabular-data-package"
    assert package["format_version"] == ex.EXPORT_FORMAT
    assert package["content_version"] == package["version"] == cat.version
    assert package["title"] == cat.title
    assert [licence["name"] for licence in package["licenses"]] == ["CC-BY-4.0"]


def test_descriptor_is_utf8_json_without_a_byte_order_mark(folder):
    raw = (folder / DESCRIPTOR).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and raw.endswith(b"\n")
    json.loads(raw.decode("utf-8"))


# --- derived from the declarations ---------------------------------------------------------


def test_one_resource_per_declared_table_with_the_file_header(cat, folder, package):
    declared = tables(cat)
    resources = {r["name"]: r for r in package["resources"]}
    assert list(resources) == [t.name for t in declared]
    for table in declared:
        resource = resources[table.name]
        assert resource["path"] == table.path
        assert [f["name"] for f in resource["schema"]["fields"]] == table.header
        with (folder / table.path).open(encoding="utf-8-sig", newline="") as handle:
            assert next(csv.reader(handle)) == table.header, table.path
        assert resource["schema"]["primaryKey"] == list(table.primary_key)
    examples = resources["examples"]["schema"]
    assert [f["name"] for f in examples["fields"]] == [c.name for c in EXAMPLE_COLUMNS]


def field(package: dict, resource: str, name: str) -> dict:
    schema = next(r["schema"] for r in package["resources"] if r["name"] == resource)
    return next(f for f in schema["fields"] if f["name"] == name)


def test_every_exported_facet_is_a_described_column(cat, package):
    for facet in FACETS:
        if not facet.export or not facet.vocabulary:
            continue
        if facet.path:  # single-valued: evidence.level, cost.band
            name = facet.path.replace(".", "_")  # evidence_level, cost_band
            described = field(package, "examples", name)
            assert described["constraints"]["enum"] == list(cat.vocabulary(facet.vocabulary).ids()), name
        else:
            described = field(package, "examples", facet.field)
            pattern = re.compile(described["constraints"]["pattern"])
            ids = cat.vocabulary(facet.vocabulary).ids()
            assert pattern.fullmatch(SEPARATOR.join(ids)) and pattern.fullmatch(ids[-1]), facet.field
            assert not pattern.fullmatch("niet-in-de-lijst") and not pattern.fullmatch(ids[0] + "|" + ids[-1]), facet.field
            assert f"vocabulary-{facet.vocabulary}.csv" in described["description"]


def test_types_enums_and_foreign_keys(cat, package):
    assert field(package, "examples", "reviewed")["type"] == "date"
    assert field(package, "sources", "year")["type"] == "integer"
    assert field(package, "sources", "url")["format"] == "uri"
    assert field(package, "examples", "direction")["constraints"]["enum"] == [d.id for d in cat.directions]
    for name, vocabulary in (("evidence_effect", "effectrichtingen"), ("kis_relation", "kis-relaties")):
        assert field(package, "examples", name)["constraints"]["enum"] == list(cat.vocabulary(vocabulary).ids())
    keys = {
        (r["name"], fk["fields"]): (fk["reference"]["resource"], fk["reference"]["fields"])
        for r in package["resources"]
        for fk in r["schema"].get("foreignKeys", [])
    }
    assert keys == {
        ("sources", "example_id"): ("examples", "id"),
        ("examples", "direction"): ("directions", "id"),
        ("examples", "evidence_level"): ("vocabulary-bewijsniveaus", "id"),
        ("examples", "evidence_effect"): ("vocabulary-effectrichtingen", "id"),
        ("examples", "cost_band"): ("vocabulary-kostenniveaus", "id"),
        ("examples", "kis_relation"): ("vocabulary-kis-relaties", "id"),
    }


def test_a_reference_to_a_table_the_export_lacks_is_refused():
    table = Table("things", "Things.", (Column("kind", lambda r: r, "Its kind.", refers="vocabulary-soorten"),), ["a"], ("kind",))
    with pytest.raises(ValueError, match="column 'kind' refers to a table 'vocabulary-soorten' that the export does not hold"):
        descriptor([table], separator=SEPARATOR, properties={})


def test_patterns_are_anchored_by_the_reader_and_free_of_python_only_syntax():
    assert xsd_pattern(r"^[a-z0-9]+(?:-[a-z0-9]+)*$") == "[a-z0-9]+(-[a-z0-9]+)*"
    table = Table("t", "T.", (Column("id", lambda r: r, "Id."),), ["a-b", "c.d"], ("id",))
    listed = Table("u", "U.", (Column("ids", lambda r: r, "Ids.", refers="t", multiple=True),), [], ("ids",))
    pattern = descriptor([table, listed], separator=" | ", properties={})["resources"][1]["schema"]["fields"][0]["constraints"]["pattern"]
    assert pattern == r"(a\-b|c\.d)( \| (a\-b|c\.d))*"
    assert re.fullmatch(pattern, "a-b | c.d") and not re.fullmatch(pattern, "cxd") and not re.fullmatch(pattern, "a-b |c.d")


# --- broken files are reported -------------------------------------------------------------


def _edit(file: str, change: Callable[[list[list[str]]], None]) -> Callable[[Path], None]:
    def apply(where: Path) -> None:
        path = where / file
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
        change(rows)
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle).writerows(rows)

    return apply


def _cell(column: str, value: str) -> Callable[[list[list[str]]], None]:
    def change(rows: list[list[str]]) -> None:
        rows[1][rows[0].index(column)] = value

    return change


BROKEN = {
    "value outside its enum": (_edit("examples.csv", _cell("evidence_level", "heel-goed")), "examples", "constraint-error", "enum"),
    "dangling foreign key": (_edit("sources.csv", _cell("example_id", "bestaat-niet")), "sources", "foreign-key", "bestaat-niet"),
    "multi-valued value outside its vocabulary": (_edit("examples.csv", _cell("locations", "portiek | maan")), "examples", "constraint-error", "pattern"),
    "not a date": (_edit("examples.csv", _cell("reviewed", "2026-13-01")), "examples", "type-error", "date"),
    "required value missing": (_edit("examples.csv", _cell("phases", "")), "examples", "constraint-error", "required"),
    "duplicate primary key": (_edit("directions.csv", lambda rows: rows.append(rows[1])), "directions", "primary-key", ""),
    "renamed column": (_edit("examples.csv", lambda rows: rows[0].__setitem__(0, "ident")), "examples", "incorrect-label", ""),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_a_broken_file_is_reported_invalid(folder, tmp_path, case):
    breaker, resource, kind, note = BROKEN[case]
    broken = tmp_path / "broken"
    shutil.copytree(folder, broken)
    breaker(broken)
    report = validate(broken, tmp_path)
    assert not report["valid"]
    found = errors(report)
    assert any(name == resource and type_ == kind and note in text for name, type_, text in found), found[:10]
