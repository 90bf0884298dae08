"""The CSV export: a folder (or a zip archive of it) of spreadsheet-friendly files.

Every file is UTF-8 with a byte order mark (so that Excel shows é and ë correctly when the
file is opened with a double click), comma-separated, with a header row and CRLF line ends
(RFC 4180). A field that holds several values joins them with :data:`SEPARATOR`. Values are
slugs; the vocabulary files give their labels.

``examples.csv``                one row per example, the main fields (no narrative sections)
``sources.csv``                 one row per source of an example
``directions.csv``              the five directions
``vocabularies.csv``            the vocabularies
``vocabulary-<id>.csv``         the values of one vocabulary, in their meaningful order
``retired.csv``                 ids that left the catalogue, with the id that replaces each
``metadata.csv``                format version, content version, package version, separator
"""

from __future__ import annotations

import csv
import io
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from .._version import __version__
from ._format import EXPORT_FORMAT
from ..models import FACETS, Example

SEPARATOR = " | "
"""Joins the values of a multi-valued field within one cell."""

MARKER = "metadata.csv"
"""The file that marks a folder as a CSV export (``force`` replaces only such a folder)."""


def _join(example: Example, field: str, values: Iterable[str]) -> str:
    values = list(values)
    for value in values:
        if SEPARATOR in value:
            raise ValueError(f"example '{example.id}', field '{field}': the value '{value}' holds the CSV separator '{SEPARATOR}'")
    return SEPARATOR.join(values)


def _multi(field: str) -> Callable[[Example], str]:
    return lambda e: _join(e, field, getattr(e, field))


def _rating(part: str) -> Callable[[Example], Any]:
    return lambda e: getattr(e.evidence.rating, part) if e.evidence.rating else None


EXAMPLE_COLUMNS: tuple[tuple[str, Callable[[Example], Any]], ...] = (
    ("id", lambda e: e.id),
    ("title", lambda e: e.title),
    ("summary", lambda e: e.summary),
    ("direction", lambda e: e.direction),
    ("secondary_directions", _multi("secondary_directions")),
    *((facet.field, _multi(facet.field)) for facet in FACETS if facet.export and facet.vocabulary and not facet.path),
    ("municipalities", _multi("municipalities")),
    ("organisation", lambda e: e.organisation),
    ("evidence_level", lambda e: e.evidence.level),
    ("evidence_effect", lambda e: e.evidence.effect),
    ("evidence_rating_databank", _rating("databank")),
    ("evidence_rating_label", _rating("label")),
    ("evidence_rating_date", _rating("date")),
    ("evidence_rating_url", _rating("url")),
    ("evidence_note", lambda e: e.evidence.note),
    ("evidence_checked", lambda e: _join(e, "evidence.checked", e.evidence.checked)),
    ("evidence_checked_on", lambda e: e.evidence.checked_on),
    ("cost_band", lambda e: e.cost.band if e.cost else None),
    ("cost_note", lambda e: e.cost.note if e.cost else None),
    ("aim", lambda e: e.aim),
    ("active_ingredients", _multi("active_ingredients")),
    ("requirements", _multi("requirements")),
    ("owner_name", lambda e: e.owner.name if e.owner else None),
    ("owner_url", lambda e: e.owner.url if e.owner else None),
    ("handbook_title", lambda e: e.handbook.title if e.handbook else None),
    ("handbook_url", lambda e: e.handbook.url if e.handbook else None),
    ("kis_relation", lambda e: e.kis_relation),
    ("kis_note", lambda e: e.kis_note),
    ("reviewed", lambda e: e.reviewed.isoformat()),
    ("related", _multi("related")),
    ("source_urls", lambda e: _join(e, "sources", (s.url for s in e.sources))),
)
"""The columns of ``examples.csv``, in order, and how each cell is made."""


def write_csv(cat: Any, folder: Path) -> None:
    """Write every CSV file of the export into ``folder`` (which exists and is empty)."""
    _write(folder / "examples.csv", [name for name, _ in EXAMPLE_COLUMNS],
           ([cell(e) for _, cell in EXAMPLE_COLUMNS] for e in cat.examples))
    _write(folder / "sources.csv", ["example_id", "position", "title", "publisher", "year", "url", "copy_url"],
           ([e.id, n, s.title, s.publisher, s.year, s.url, s.copy_url] for e in cat.examples for n, s in enumerate(e.sources, 1)))
    _write(folder / "directions.csv", ["id", "number", "title", "short_title", "summary"],
           ([d.id, d.number, d.title, d.short_title, d.summary] for d in cat.directions))
    _write(folder / "vocabularies.csv", ["id", "title", "description", "file"],
           ([v.id, v.title, v.description, f"vocabulary-{v.id}.csv"] for v in cat.vocabularies))
    for vocabulary in cat.vocabularies:
        _write(folder / f"vocabulary-{vocabulary.id}.csv", ["id", "position", "label", "definition", "source_url"],
               ([v.id, n, v.label, v.definition, v.source.url if v.source else None] for n, v in enumerate(vocabulary.values, 1)))
    _write(folder / "retired.csv", ["id", "replaced_by", "since", "reason"],
           ([r.id, r.replaced_by, r.since, r.reason] for r in cat.retired))
    metadata = {
        "format_version": EXPORT_FORMAT,
        "content_version": cat.version,
        "package_version": __version__,
        "title": cat.title,
        "separator": SEPARATOR,
    }
    _write(folder / MARKER, ["key", "value"], metadata.items())


def csv_zip_bytes(cat: Any, folder_name: str) -> bytes:
    """The same files as a zip archive, in a folder ``folder_name``; the same content gives the same bytes."""
    buffer = io.BytesIO()
    with tempfile.TemporaryDirectory() as tmp, zipfile.ZipFile(buffer, "w") as archive:
        write_csv(cat, Path(tmp))
        for path in sorted(Path(tmp).iterdir()):
            member = zipfile.ZipInfo(f"{folder_name}/{path.name}", date_time=(1980, 1, 1, 0, 0, 0))
            member.external_attr = 0o644 << 16
            archive.writestr(member, path.read_bytes(), compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _write(path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
