"""Examples side by side: ``cat.compare(ids)`` and ``buurtverbinding compare``.

A :class:`Comparison` is a table: one column per example, one :class:`ComparisonRow` per
aspect (directions, phases, locations, target groups, partners, evidence, costs, where it is
used, sources). Headings and values are the Dutch labels; each entry keeps its id or address.
It renders as a plain-text table that fits a terminal, as Markdown and as JSON.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from .models import Example

__all__ = ["Comparison", "ComparisonEntry", "ComparisonRow", "compare"]

_MIN_COLUMN = 18
"""Narrowest text column; more examples than fit side by side are shown in blocks."""


@dataclass(frozen=True)
class ComparisonEntry:
    """One value in a cell: its text, and the vocabulary or direction id or the address it stands for."""

    text: str
    id: str | None = None
    url: str | None = None

    def as_dict(self) -> dict[str, str]:
        return {key: value for key, value in (("text", self.text), ("id", self.id), ("url", self.url)) if value is not None}


@dataclass(frozen=True)
class ComparisonRow:
    """One aspect: ``key`` (English, stable), ``label`` (Dutch heading) and a cell per example."""

    key: str
    label: str
    cells: tuple[tuple[ComparisonEntry, ...], ...]


@dataclass(frozen=True)
class Comparison:
    """The chosen examples side by side, in the order they were asked for."""

    examples: tuple[Example, ...]
    rows: tuple[ComparisonRow, ...]

    def row(self, key: str) -> ComparisonRow:
        """The row with this key (``"phases"``, ``"sources"``, ...)."""
        for row in self.rows:
            if row.key == key:
                return row
        raise KeyError(f"no row '{key}'; rows: {', '.join(r.key for r in self.rows)}")

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: the examples (id, title) and the rows with their cells."""
        return {
            "examples": [{"id": e.id, "title": e.title} for e in self.examples],
            "rows": [{"key": r.key, "label": r.label, "cells": [[entry.as_dict() for entry in cell] for cell in r.cells]} for r in self.rows],
        }

    def to_markdown(self) -> str:
        """A Markdown (GitHub-flavoured) table; entries with an address become links."""

        def cell(key: str, entries: tuple[ComparisonEntry, ...]) -> str:
            parts = [f"[{_md(e.text)}](<{e.url}>)" if e.url else _md(e.text) for e in entries]
            return ("<br>" if key in _BLOCK_ROWS else ", ").join(parts) or "-"

        lines = [
            "| | " + " | ".join(f"**{_md(e.title)}**" for e in self.examples) + " |",
            "|---" * (len(self.examples) + 1) + "|",
        ]
        lines += [f"| {r.label} | " + " | ".join(cell(r.key, c) for c in r.cells) + " |" for r in self.rows]
        return "\n".join(lines) + "\n"

    def to_text(self, width: int = 100) -> str:
        """A plain-text table at most ``width`` characters wide (addresses go in numbered notes below).

        When the examples do not fit side by side at ``_MIN_COLUMN`` characters each, they are
        shown in blocks of as many as fit.
        """
        notes: list[str] = []

        def lines_of(key: str, entries: tuple[ComparisonEntry, ...], column: int) -> list[str]:
            texts = []
            for entry in entries:
                text = entry.text
                if entry.url:
                    notes.append(entry.url)
                    text += f" [{len(notes)}]"
                texts.append(text)
            paragraphs = texts if key in _BLOCK_ROWS else [", ".join(texts)]
            return [line for p in paragraphs for line in textwrap.wrap(p, column)] or ["-"]

        label_width = max(len(r.label) for r in self.rows) + 1
        per_block = max(1, (width - label_width) // (_MIN_COLUMN + 3))
        count = len(self.examples)
        out: list[str] = []
        for start in range(0, count, per_block):
            columns = range(start, min(start + per_block, count))
            column = max(8, (width - label_width) // len(columns) - 3)
            if count > per_block:
                out += [f"Voorbeelden {start + 1}-{columns[-1] + 1} van {count}", ""]
            table = [("", [textwrap.wrap(self.examples[n].title, column) for n in columns])]
            table += [(r.label, [lines_of(r.key, r.cells[n], column) for n in columns]) for r in self.rows]
            for number, (label, cells) in enumerate(table):
                if number:
                    line = "=" if number == 1 else "-"
                    out.append(line * label_width + ("+" + line * (column + 2)) * len(columns))
                for depth in range(max(len(c) for c in cells)):
                    text = (label if depth == 0 else "").ljust(label_width) + "".join(
                        "| " + (c[depth] if depth < len(c) else "").ljust(column + 1) for c in cells
                    )
                    out.append(text.rstrip())
            out.append("")
        if notes:
            out += ["Links:"] + [f"[{n}] {url}" for n, url in enumerate(notes, 1)]
        return "\n".join(out).rstrip() + "\n"

    def __str__(self) -> str:
        return self.to_text()


_BLOCK_ROWS = frozenset({"cost", "sources"})
"""Rows whose entries stand on lines of their own; in the others they are joined by commas."""


def _md(text: str) -> str:
    """Text that stays inside its table cell: one line, with ``|`` and brackets escaped."""
    text = " ".join(text.split())
    for special in ("\\", "|", "[", "]"):
        text = text.replace(special, "\\" + special)
    return text


def compare(cat: Any, ids: Iterable[str]) -> Comparison:
    """The examples with these ids side by side (see :meth:`buurtverbinding.catalog.Catalog.compare`).

    An unknown id raises the same :class:`~buurtverbinding.catalog.UnknownIdError` as ``cat.get``;
    an id of another kind of object, an example given twice or fewer than two examples raise
    ``ValueError``.
    """
    if isinstance(ids, str):
        raise TypeError("compare() takes a list of example ids, not one string")
    examples: list[Example] = []
    for identifier in ids:
        record = cat.get(identifier)
        if not isinstance(record, Example):
            kind = re.sub(r"(?<!^)(?=[A-Z])", " ", type(record).__name__).lower()
            raise ValueError(f"'{identifier}' is a {kind}, not an example; compare takes the ids of examples")
        if record in examples:
            raise ValueError(f"example '{record.id}' is given more than once")
        examples.append(record)
    if len(examples) < 2:
        raise ValueError("compare needs the ids of at least two examples")
    rows = tuple(ComparisonRow(key, label, tuple(tuple(make(cat, e)) for e in examples)) for key, label, make in _ROWS)
    return Comparison(tuple(examples), rows)


Maker = Callable[[Any, Example], Iterable[ComparisonEntry]]


def _values(field: str, vocabulary: str) -> Maker:
    return lambda cat, e: (ComparisonEntry(cat.label(vocabulary, v), id=v) for v in getattr(e, field))


def _rating(cat: Any, e: Example) -> Iterable[ComparisonEntry]:
    rating = e.evidence.rating
    if rating:
        yield ComparisonEntry(f"{rating.label} ({rating.databank}{f', {rating.date}' if rating.date else ''})", url=rating.url)


def _cost(cat: Any, e: Example) -> Iterable[ComparisonEntry]:
    if e.cost:
        yield ComparisonEntry(cat.label("kostenniveaus", e.cost.band), id=e.cost.band)
        if e.cost.note:
            yield ComparisonEntry(e.cost.note)


def _sources(cat: Any, e: Example) -> Iterable[ComparisonEntry]:
    for s in e.sources:
        detail = f"{s.publisher}, {s.year}" if s.year else s.publisher
        yield ComparisonEntry(f"{s.title} ({detail})", url=s.url)


_ROWS: tuple[tuple[str, str, Maker], ...] = (
    ("directions", "Richtingen", lambda cat, e: (ComparisonEntry(cat.get(d).short_title, id=d) for d in e.directions)),
    ("phases", "Fasen", _values("phases", "fasen")),
    ("locations", "Locaties", _values("locations", "locaties")),
    ("target_groups", "Doelgroepen", _values("target_groups", "doelgroepen")),
    ("partners", "Partners", _values("partners", "actoren")),
    ("evidence_level", "Bewijs", lambda cat, e: [ComparisonEntry(cat.label("bewijsniveaus", e.evidence.level), id=e.evidence.level)]),
    ("evidence_effect", "Effect", lambda cat, e: [ComparisonEntry(cat.label("effectrichtingen", e.evidence.effect), id=e.evidence.effect)]),
    ("evidence_rating", "Beoordeling", _rating),
    ("evidence_note", "Toelichting", lambda cat, e: [ComparisonEntry(e.evidence.note)] if e.evidence.note else []),
    ("cost", "Kosten", _cost),
    ("municipalities", "Gebruikt in", lambda cat, e: (ComparisonEntry(m) for m in e.municipalities)),
    ("organisation", "Organisatie", lambda cat, e: [ComparisonEntry(e.organisation)]),
    ("sources", "Bronnen", _sources),
)
"""The rows of a comparison, in order: key, Dutch heading, and how a cell is made."""
