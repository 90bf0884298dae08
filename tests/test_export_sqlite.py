"""The SQLite export: normalised, with working foreign keys and indexes; SQL gives the answers of cat.filter."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess

import pytest

from buurtverbinding import export as ex
from buurtverbinding.catalog import FACETS

LINK_TABLES = ("example_directions", "example_values", "example_sources", "example_municipalities", "example_related")


@pytest.fixture(scope="module")
def path(cat, tmp_path_factory):
    out = tmp_path_factory.mktemp("export") / "buurtverbinding.sqlite"
    ex.export(cat, "sqlite", out)
    return out


@pytest.fixture(scope="module")
def db(path):
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA foreign_keys = ON")
    yield connection
    connection.close()


def ids(db, sql, *params):
    return [row[0] for row in db.execute(sql, params)]


def test_database_is_whole(db):
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_versions(cat, db):
    metadata = dict(db.execute("SELECT key, value FROM metadata"))
    assert metadata["format_version"] == ex.EXPORT_FORMAT and metadata["content_version"] == cat.version
    assert db.execute("PRAGMA user_version").fetchone() == (int(ex.EXPORT_FORMAT.split(".")[0]),)


def test_every_record_is_there(cat, db):
    assert ids(db, "SELECT id FROM examples ORDER BY id") == [e.id for e in cat.examples]
    assert ids(db, "SELECT id FROM directions ORDER BY number") == [d.id for d in cat.directions]
    assert ids(db, "SELECT id FROM steps ORDER BY number") == [s.id for s in cat.steps]
    assert set(ids(db, "SELECT id FROM checklists")) == {c.id for c in cat.checklists}
    assert set(ids(db, "SELECT id FROM checklist_items")) == {i.id for c in cat.checklists for i in c.items}
    assert ids(db, "SELECT id FROM terms ORDER BY id") == [t.id for t in cat.glossary]
    assert db.execute("SELECT id, replaced_by FROM retired ORDER BY id").fetchall() == [(r.id, r.replaced_by) for r in cat.retired]
    for vocabulary in cat.vocabularies:
        values = ids(db, "SELECT id FROM vocabulary_values WHERE vocabulary_id = ? ORDER BY position", vocabulary.id)
        assert values == list(vocabulary.ids())


def test_every_source_url_is_there(cat, db):
    for example in cat.examples:
        urls = ids(db, "SELECT s.url FROM example_sources es JOIN sources s ON s.id = es.source_id WHERE es.example_id = ? ORDER BY es.position", example.id)
        assert urls == [s.url for s in example.sources]
    everywhere = {s.url for e in cat.examples for s in e.sources}
    everywhere |= {v.source.url for voc in cat.vocabularies for v in voc.values if v.source}
    everywhere |= {t.source.url for t in cat.glossary if t.source}
    assert set(ids(db, "SELECT url FROM sources")) == everywhere


def test_fields_keep_their_values(cat, db):
    db.row_factory = sqlite3.Row
    try:
        for row in db.execute("SELECT * FROM examples"):
            example = cat.get(row["id"])
            assert (row["direction"], row["evidence_level"], row["evidence_effect"], row["kis_relation"]) == (
                example.direction,
                example.evidence.level,
                example.evidence.effect,
                example.kis_relation,
            )
            assert row["cost_band"] == (example.cost.band if example.cost else None)
            assert row["approach"] == example.sections.approach and row["reviewed"] == example.reviewed.isoformat()
    finally:
        db.row_factory = None
    for example in cat.examples:
        for field in EXAMPLE_FIELDS:
            got = ids(db, "SELECT value FROM example_values WHERE example_id = ? AND field = ? ORDER BY position", example.id, field)
            assert tuple(got) == getattr(example, field), (example.id, field)
        assert tuple(ids(db, "SELECT direction_id FROM example_directions WHERE example_id = ? ORDER BY position", example.id)) == example.directions
        assert tuple(ids(db, "SELECT municipality FROM example_municipalities WHERE example_id = ? ORDER BY position", example.id)) == example.municipalities
        assert tuple(ids(db, "SELECT related_id FROM example_related WHERE example_id = ? ORDER BY position", example.id)) == example.related


EXAMPLE_FIELDS = (
    "phases",
    "locations",
    "target_groups",
    "intermediate_groups",
    "partners",
    "forms",
    "causes",
    "dividing_lines",
    "mechanisms",
    "methods",
    "themes",
)


def facet_sql(facet: str) -> tuple[str, tuple[str, ...]]:
    if facet == "direction":
        return "SELECT example_id FROM example_directions WHERE direction_id = ?", ()
    path = FACETS[facet].path
    if path:  # a single-valued facet is a column of examples: evidence.level -> evidence_level
        return f"SELECT id FROM examples WHERE {path.replace('.', '_')} = ?", ()
    return "SELECT example_id FROM example_values WHERE field = ? AND value = ?", (FACETS[facet].field,)


@pytest.mark.parametrize("facet", sorted(FACETS))
def test_sql_over_link_tables_answers_like_filter(cat, db, facet):
    sql, fixed = facet_sql(facet)
    for value in cat.valid_values(facet):
        expected = [e.id for e in cat.filter(**{facet: value})]
        assert sorted(ids(db, sql, *fixed, value)) == expected, (facet, value)


def test_sql_combines_facets_like_filter(cat, db):
    sql = """
        SELECT e.id FROM examples e
        WHERE e.id IN (SELECT example_id FROM example_directions WHERE direction_id = ?)
          AND e.id IN (SELECT example_id FROM example_values WHERE field = 'phases' AND value IN (?, ?))
          AND e.id IN (SELECT example_id FROM example_values WHERE field = 'target_groups' AND value = ?)
        ORDER BY e.id
    """
    for direction in cat.directions:
        for group in cat.valid_values("target_group"):
            expected = [e.id for e in cat.filter(direction=direction.id, phase=["spanningen", "incidenten"], target_group=group)]
            assert ids(db, sql, direction.id, "spanningen", "incidenten", group) == expected


def test_link_tables_declare_foreign_keys_and_are_indexed(db):
    for table in LINK_TABLES:
        targets = {row[2] for row in db.execute(f"PRAGMA foreign_key_list({table})")}
        assert "examples" in targets, table
    plans = {
        "SELECT example_id FROM example_values WHERE field = 'phases' AND value = 'rust'": "example_values_field_value",
        "SELECT example_id FROM example_directions WHERE direction_id = 'ontmoeting'": "example_directions_direction",
        "SELECT example_id FROM example_sources WHERE source_id = 1": "example_sources_source",
        "SELECT id FROM examples WHERE direction = 'jeugd'": "examples_direction",
    }
    for sql, index in plans.items():
        plan = " ".join(str(row[-1]) for row in db.execute(f"EXPLAIN QUERY PLAN {sql}"))
        assert index in plan, (sql, plan)


@pytest.mark.parametrize(
    "sql",
    [
        "INSERT INTO example_values VALUES ('buurtbemiddeling', 'phases', 'fasen', 'stormachtig', 9)",
        "INSERT INTO example_directions VALUES ('buurtbemiddeling', 'nergens', 9, 0)",
        "UPDATE examples SET evidence_level = 'heel-goed' WHERE id = 'buurtbemiddeling'",
        "INSERT INTO example_related VALUES ('buurtbemiddeling', 'bestaat-niet', 9)",
    ],
)
def test_foreign_keys_refuse_dangling_references(path, tmp_path, sql):
    copy = tmp_path / "copy.sqlite"
    shutil.copy(path, copy)
    connection = sqlite3.connect(copy)
    connection.execute("PRAGMA foreign_keys = ON")
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        connection.execute(sql)
    connection.close()


def test_export_is_reproducible(cat, path, tmp_path):
    again = tmp_path / "again.sqlite"
    ex.export(cat, "sqlite", again)
    assert again.read_bytes() == path.read_bytes()


@pytest.mark.skipif(shutil.which("sqlite3") is None, reason="the sqlite3 command-line tool is not installed")
def test_opens_in_the_sqlite3_tool(cat, path):
    result = subprocess.run(["sqlite3", str(path), "PRAGMA integrity_check;", "SELECT count(*) FROM examples;"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["ok", str(len(cat.examples))]
