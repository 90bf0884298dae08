"""The SQLite export: a normalised database, written with the standard library.

One table per kind of record, link tables for the many-to-many fields of an example, declared
foreign keys (a reader enables them with ``PRAGMA foreign_keys = ON``) and an index on every
column that link tables are searched by. Text columns that mirror a field of the JSON export
carry the field's name; ``<table>_id`` columns point at another table. ``PRAGMA user_version``
holds the major number of the export format; the ``metadata`` table holds all versions.

The database is built in memory and returned as bytes, so that the caller can write it in one
atomic step.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

from .._version import __version__
from ..models import ANSWER_KINDS, EXAMPLE_VOCABULARIES, Example, Source
from ._format import EXPORT_FORMAT

_SINGLE_VALUED = {"evidence_level": "bewijsniveaus", "evidence_effect": "effectrichtingen", "cost_band": "kostenniveaus", "kis_relation": "kis-relaties"}
"""Columns of ``examples`` that hold one vocabulary value; each gets a foreign key to it."""


_VALUE_FIELDS = {**EXAMPLE_VOCABULARIES, "evidence_checked": "databanken"}
"""Fields in ``example_values``: every multi-valued facet (from the declarations) and the
databanks that were checked."""


def _quoted(values: Any) -> str:
    return ", ".join(f"'{value}'" for value in values)


# A foreign key to vocabulary_values needs the vocabulary id next to the value: for the
# single-valued columns it is a constant, generated column ("evidence_level_vocabulary").
_VOCABULARY_KEYS = ",\n".join(
    [f"    {column}_vocabulary TEXT GENERATED ALWAYS AS ('{vocabulary}') VIRTUAL" for column, vocabulary in _SINGLE_VALUED.items()]
    + [f"    FOREIGN KEY ({column}_vocabulary, {column}) REFERENCES vocabulary_values (vocabulary_id, id)" for column in _SINGLE_VALUED]
)

SCHEMA = f"""
CREATE TABLE metadata (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    publisher TEXT NOT NULL,
    year INTEGER,
    url TEXT NOT NULL
);
CREATE INDEX sources_url ON sources (url);

CREATE TABLE vocabularies (id TEXT PRIMARY KEY, title TEXT NOT NULL, description TEXT NOT NULL);
CREATE TABLE vocabulary_values (
    vocabulary_id TEXT NOT NULL REFERENCES vocabularies (id),
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    label TEXT NOT NULL,
    definition TEXT NOT NULL,
    source_id INTEGER REFERENCES sources (id),
    PRIMARY KEY (vocabulary_id, id)
);

CREATE TABLE directions (
    id TEXT PRIMARY KEY,
    number INTEGER NOT NULL UNIQUE,
    title TEXT NOT NULL,
    short_title TEXT NOT NULL,
    summary TEXT NOT NULL,
    description TEXT NOT NULL
);

CREATE TABLE steps (
    id TEXT PRIMARY KEY,
    number INTEGER NOT NULL UNIQUE,
    title TEXT NOT NULL,
    purpose TEXT NOT NULL,
    description TEXT NOT NULL
);
CREATE TABLE step_participants (
    step_id TEXT NOT NULL REFERENCES steps (id),
    position INTEGER NOT NULL,
    participant TEXT NOT NULL,
    PRIMARY KEY (step_id, position)
);
CREATE TABLE step_outputs (
    step_id TEXT NOT NULL REFERENCES steps (id),
    position INTEGER NOT NULL,
    output TEXT NOT NULL,
    PRIMARY KEY (step_id, position)
);

CREATE TABLE checklists (
    id TEXT PRIMARY KEY,
    step_id TEXT NOT NULL REFERENCES steps (id),
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    purpose TEXT NOT NULL
);
CREATE INDEX checklists_step ON checklists (step_id);
CREATE TABLE checklist_items (
    id TEXT PRIMARY KEY,
    checklist_id TEXT NOT NULL REFERENCES checklists (id),
    position INTEGER NOT NULL,
    question TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ({_quoted(ANSWER_KINDS)})),
    vocabulary_id TEXT REFERENCES vocabularies (id),
    scale_min INTEGER,
    scale_max INTEGER,
    scale_low_label TEXT,
    scale_high_label TEXT,
    help TEXT,
    feeds TEXT
);
CREATE INDEX checklist_items_checklist ON checklist_items (checklist_id);

CREATE TABLE examples (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    direction TEXT NOT NULL REFERENCES directions (id),
    organisation TEXT NOT NULL,
    evidence_level TEXT NOT NULL,
    evidence_effect TEXT NOT NULL,
    evidence_rating_databank TEXT,
    evidence_rating_label TEXT,
    evidence_rating_date TEXT,
    evidence_rating_url TEXT,
    evidence_note TEXT,
    cost_band TEXT,
    cost_note TEXT,
    kis_relation TEXT NOT NULL,
    kis_note TEXT,
    reviewed TEXT NOT NULL,
    background TEXT NOT NULL,
    approach TEXT NOT NULL,
    outcomes TEXT NOT NULL,
    considerations TEXT NOT NULL,
    aim TEXT,
    owner_name TEXT,
    owner_url TEXT,
    handbook_title TEXT,
    handbook_url TEXT,
    evidence_checked_on TEXT,
{_VOCABULARY_KEYS}
);
CREATE INDEX examples_direction ON examples (direction);

CREATE TABLE example_directions (
    example_id TEXT NOT NULL REFERENCES examples (id),
    direction_id TEXT NOT NULL REFERENCES directions (id),
    position INTEGER NOT NULL,
    is_primary INTEGER NOT NULL CHECK (is_primary IN (0, 1)),
    PRIMARY KEY (example_id, direction_id)
);
CREATE INDEX example_directions_direction ON example_directions (direction_id);

CREATE TABLE example_values (
    example_id TEXT NOT NULL REFERENCES examples (id),
    field TEXT NOT NULL CHECK (field IN ({_quoted(_VALUE_FIELDS)})),
    vocabulary_id TEXT NOT NULL,
    value TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (example_id, field, value),
    FOREIGN KEY (vocabulary_id, value) REFERENCES vocabulary_values (vocabulary_id, id)
);
CREATE INDEX example_values_field_value ON example_values (field, value);
CREATE INDEX example_values_vocabulary_value ON example_values (vocabulary_id, value);

CREATE TABLE example_texts (
    example_id TEXT NOT NULL REFERENCES examples (id),
    field TEXT NOT NULL CHECK (field IN ('active_ingredients', 'requirements')),
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (example_id, field, position)
);

CREATE TABLE example_sources (
    example_id TEXT NOT NULL REFERENCES examples (id),
    position INTEGER NOT NULL,
    source_id INTEGER NOT NULL REFERENCES sources (id),
    PRIMARY KEY (example_id, position)
);
CREATE INDEX example_sources_source ON example_sources (source_id);

CREATE TABLE example_municipalities (
    example_id TEXT NOT NULL REFERENCES examples (id),
    position INTEGER NOT NULL,
    municipality TEXT NOT NULL,
    PRIMARY KEY (example_id, position)
);
CREATE INDEX example_municipalities_municipality ON example_municipalities (municipality);

CREATE TABLE example_related (
    example_id TEXT NOT NULL REFERENCES examples (id),
    related_id TEXT NOT NULL REFERENCES examples (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (example_id, related_id)
);
CREATE INDEX example_related_related ON example_related (related_id);

CREATE TABLE terms (
    id TEXT PRIMARY KEY,
    term TEXT NOT NULL,
    definition TEXT NOT NULL,
    source_id INTEGER REFERENCES sources (id)
);
CREATE TABLE term_see_also (
    term_id TEXT NOT NULL REFERENCES terms (id),
    position INTEGER NOT NULL,
    target_id TEXT NOT NULL,
    PRIMARY KEY (term_id, position)
);

CREATE TABLE retired (
    id TEXT PRIMARY KEY,
    replaced_by TEXT NOT NULL,
    since TEXT,
    reason TEXT
);
"""
"""The DDL of the database. ``term_see_also.target_id`` and ``retired.replaced_by`` may name any
kind of object, so they have no foreign key."""


def sqlite_bytes(cat: Any) -> bytes:
    """The whole catalogue as an SQLite database file, as bytes."""
    db = sqlite3.connect(":memory:")
    try:
        db.execute("PRAGMA foreign_keys = ON")
        with db:
            db.executescript(SCHEMA)
            _fill(db, cat)
        problems = db.execute("PRAGMA foreign_key_check").fetchall()
        if problems:  # pragma: no cover - the compiler guarantees the references
            raise ValueError(f"the catalogue has dangling references: {problems[:5]}")
        db.execute(f"PRAGMA user_version = {int(EXPORT_FORMAT.split('.')[0])}")
        return db.serialize()
    finally:
        db.close()


def _fill(db: sqlite3.Connection, cat: Any) -> None:
    source_ids: dict[tuple[Any, ...], int] = {}

    def source(record: Source | None) -> int | None:
        if record is None:
            return None
        key = (record.title, record.publisher, record.year, record.url)
        if key not in source_ids:
            source_ids[key] = len(source_ids) + 1
            db.execute("INSERT INTO sources VALUES (?, ?, ?, ?, ?)", (source_ids[key], *key))
        return source_ids[key]

    metadata = {"format_version": EXPORT_FORMAT, "content_version": cat.version, "package_version": __version__, "title": cat.title}
    db.executemany("INSERT INTO metadata VALUES (?, ?)", metadata.items())

    for vocabulary in cat.vocabularies:
        db.execute("INSERT INTO vocabularies VALUES (?, ?, ?)", (vocabulary.id, vocabulary.title, vocabulary.description))
        for position, value in enumerate(vocabulary.values, 1):
            db.execute(
                "INSERT INTO vocabulary_values VALUES (?, ?, ?, ?, ?, ?)",
                (vocabulary.id, value.id, position, value.label, value.definition, source(value.source)),
            )

    db.executemany(
        "INSERT INTO directions VALUES (?, ?, ?, ?, ?, ?)", ((d.id, d.number, d.title, d.short_title, d.summary, d.description) for d in cat.directions)
    )
    for step in cat.steps:
        db.execute("INSERT INTO steps VALUES (?, ?, ?, ?, ?)", (step.id, step.number, step.title, step.purpose, step.description))
        db.executemany("INSERT INTO step_participants VALUES (?, ?, ?)", ((step.id, n, p) for n, p in enumerate(step.participants, 1)))
        db.executemany("INSERT INTO step_outputs VALUES (?, ?, ?)", ((step.id, n, o) for n, o in enumerate(step.outputs, 1)))
    for checklist in cat.checklists:
        db.execute("INSERT INTO checklists VALUES (?, ?, ?, ?, ?)", (checklist.id, checklist.step, checklist.order, checklist.title, checklist.purpose))
        for position, item in enumerate(checklist.items, 1):
            scale = (item.scale.min, item.scale.max, item.scale.low_label, item.scale.high_label) if item.scale else (None,) * 4
            db.execute(
                "INSERT INTO checklist_items VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (item.id, checklist.id, position, item.question, item.kind, item.vocabulary, *scale, item.help, item.feeds),
            )

    for example in cat.examples:
        row = _example_row(example)
        db.execute(f"INSERT INTO examples VALUES ({', '.join('?' * len(row))})", row)
        db.executemany(
            "INSERT INTO example_texts VALUES (?, ?, ?, ?)",
            [(example.id, field, n, text) for field in ("active_ingredients", "requirements") for n, text in enumerate(getattr(example, field), 1)],
        )
        db.executemany("INSERT INTO example_directions VALUES (?, ?, ?, ?)", ((example.id, d, n, int(n == 1)) for n, d in enumerate(example.directions, 1)))
        db.executemany("INSERT INTO example_values VALUES (?, ?, ?, ?, ?)", _example_values(example))
        db.executemany("INSERT INTO example_sources VALUES (?, ?, ?)", [(example.id, n, source(s)) for n, s in enumerate(example.sources, 1)])
        db.executemany("INSERT INTO example_municipalities VALUES (?, ?, ?)", ((example.id, n, m) for n, m in enumerate(example.municipalities, 1)))
    for example in cat.examples:  # every example exists before the first related-link points at it
        db.executemany("INSERT INTO example_related VALUES (?, ?, ?)", ((example.id, r, n) for n, r in enumerate(example.related, 1)))

    for term in cat.glossary:
        db.execute("INSERT INTO terms VALUES (?, ?, ?, ?)", (term.id, term.term, term.definition, source(term.source)))
        db.executemany("INSERT INTO term_see_also VALUES (?, ?, ?)", ((term.id, n, t) for n, t in enumerate(term.see_also, 1)))
    db.executemany("INSERT INTO retired VALUES (?, ?, ?, ?)", ((r.id, r.replaced_by, r.since, r.reason) for r in cat.retired))


def _example_row(e: Example) -> tuple[Any, ...]:
    rating = e.evidence.rating
    return (
        e.id,
        e.title,
        e.summary,
        e.direction,
        e.organisation,
        e.evidence.level,
        e.evidence.effect,
        *((rating.databank, rating.label, rating.date, rating.url) if rating else (None,) * 4),
        e.evidence.note,
        e.cost.band if e.cost else None,
        e.cost.note if e.cost else None,
        e.kis_relation,
        e.kis_note,
        e.reviewed.isoformat(),
        e.sections.background,
        e.sections.approach,
        e.sections.outcomes,
        e.sections.considerations,
        e.aim,
        e.owner.name if e.owner else None,
        e.owner.url if e.owner else None,
        e.handbook.title if e.handbook else None,
        e.handbook.url if e.handbook else None,
        e.evidence.checked_on,
    )


def _example_values(e: Example) -> Iterator[tuple[Any, ...]]:
    for field, vocabulary in EXAMPLE_VOCABULARIES.items():
        for position, value in enumerate(getattr(e, field), 1):
            yield e.id, field, vocabulary, value, position
    for position, value in enumerate(e.evidence.checked, 1):
        yield e.id, "evidence_checked", "databanken", value, position
