"""The CSV export: a folder (or a zip archive of it) of spreadsheet-friendly files.

Every CSV file is UTF-8 with a byte order mark (so that Excel shows é and ë correctly when the
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
``datapackage.json``            the Frictionless Data Package descriptor of all of the above

Each file is declared once, as a :class:`~buurtverbinding.export._datapackage.Table` of
:class:`~buurtverbinding.export._datapackage.Column` s (see :func:`tables`); the writer and the
Data Package descriptor both read that declaration. The facet columns of ``examples.csv``
come from :data:`buurtverbinding.models.FACETS`.
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
from ..models import _DATE_PATTERN, FACETS, ID_PATTERN, SUMMARY_MAX, Example
from ._datapackage import Column, Table, descriptor_bytes, xsd_pattern
from ._format import EXPORT_FORMAT

SEPARATOR = " | "
"""Joins the values of a multi-valued field within one cell."""

MARKER = "metadata.csv"
"""The file that marks a folder as a CSV export (``force`` replaces only such a folder)."""

DESCRIPTOR = "datapackage.json"
"""The Frictionless Data Package descriptor of the CSV files."""

LICENSE = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}
"""The licence of the content (see LICENSE)."""

_ID = xsd_pattern(ID_PATTERN)
_PARTIAL_DATE = xsd_pattern(_DATE_PATTERN.pattern)


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


def _vocabulary(name: str) -> str:
    """The table of a vocabulary's values."""
    return f"vocabulary-{name}"


def _facet_vocabulary(path: str) -> str:
    """The vocabulary table of the facet read at ``path`` (``evidence.level``), from the registry."""
    return _vocabulary(next(f.vocabulary for f in FACETS if f.path == path and f.vocabulary))


def _needs_values(field: str) -> bool:
    """The model requires at least one value in this tuple field of an example."""
    info = Example.model_fields[field]
    return info.is_required() and any(getattr(meta, "min_length", 0) for meta in info.metadata)


EXAMPLE_COLUMNS: tuple[Column, ...] = (
    Column("id", lambda e: e.id, "The example's id, a slug that never changes.", required=True, pattern=_ID),
    Column("title", lambda e: e.title, "Title (Dutch).", required=True),
    Column("summary", lambda e: e.summary, "Summary in one or two sentences (Dutch).", required=True, max_length=SUMMARY_MAX),
    Column("direction", lambda e: e.direction, "The primary solution direction.", required=True, refers="directions"),
    Column("secondary_directions", _multi("secondary_directions"), "Other solution directions it also serves.", refers="directions", multiple=True),
    *(
        Column(
            facet.field,
            _multi(facet.field),
            f"The facet '{facet.key}' (Dutch: {facet.plural}).",
            required=_needs_values(facet.field),
            refers=_vocabulary(facet.vocabulary),
            multiple=True,
        )
        for facet in FACETS
        if facet.export and facet.vocabulary and not facet.path
    ),
    Column("municipalities", _multi("municipalities"), "Municipalities where it was used.", multiple=True),
    Column("organisation", lambda e: e.organisation, "The organisation that carried it out.", required=True),
    Column("evidence_level", lambda e: e.evidence.level, "Strength of the evidence.", required=True, refers=_facet_vocabulary("evidence.level")),
    Column("evidence_effect", lambda e: e.evidence.effect, "Direction of the effect found.", required=True, refers=_vocabulary("effectrichtingen")),
    Column("evidence_rating_databank", _rating("databank"), "The intervention databank that rated it."),
    Column("evidence_rating_label", _rating("label"), "The rating, in the databank's own words."),
    Column("evidence_rating_date", _rating("date"), "When it was rated: YYYY, YYYY-MM or YYYY-MM-DD.", pattern=_PARTIAL_DATE),
    Column("evidence_rating_url", _rating("url"), "The databank's page with the rating.", format="uri"),
    Column("evidence_note", lambda e: e.evidence.note, "A note on the evidence."),
    Column(
        "evidence_checked",
        lambda e: _join(e, "evidence.checked", e.evidence.checked),
        "The databanks searched for a rating.",
        refers=_vocabulary("databanken"),
        multiple=True,
    ),
    Column("evidence_checked_on", lambda e: e.evidence.checked_on, "When those databanks were searched: YYYY, YYYY-MM or YYYY-MM-DD.", pattern=_PARTIAL_DATE),
    Column("cost_band", lambda e: e.cost.band if e.cost else None, "A rough cost band.", refers=_facet_vocabulary("cost.band")),
    Column("cost_note", lambda e: e.cost.note if e.cost else None, "A note on the costs."),
    Column("aim", lambda e: e.aim, "What it sets out to achieve."),
    Column("active_ingredients", _multi("active_ingredients"), "What makes it work, as the sources name them.", multiple=True),
    Column("requirements", _multi("requirements"), "People, training, money and time it takes.", multiple=True),
    Column("owner_name", lambda e: e.owner.name if e.owner else None, "The organisation that owns or supports the method."),
    Column("owner_url", lambda e: e.owner.url if e.owner else None, "The owner's website.", format="uri"),
    Column("handbook_title", lambda e: e.handbook.title if e.handbook else None, "A handbook or materials for the method."),
    Column("handbook_url", lambda e: e.handbook.url if e.handbook else None, "Where the handbook is.", format="uri"),
    Column("kis_relation", lambda e: e.kis_relation, "How it relates to the 2019 KIS guide.", required=True, refers=_vocabulary("kis-relaties")),
    Column("kis_note", lambda e: e.kis_note, "A note on that relation."),
    Column("reviewed", lambda e: e.reviewed.isoformat(), "When the description was last checked against its sources.", type="date", required=True),
    Column("related", _multi("related"), "Related examples.", refers="examples", multiple=True),
    Column(
        "source_urls",
        lambda e: _join(e, "sources", (s.url for s in e.sources)),
        "Addresses of the sources (details in sources.csv).",
        required=True,
        multiple=True,
    ),
)
"""The columns of ``examples.csv``, in order: how each cell is made and how it is described."""

SOURCE_COLUMNS: tuple[Column, ...] = (
    Column("example_id", lambda r: r[0].id, "The example.", required=True, refers="examples"),
    Column("position", lambda r: r[1], "Position among the example's sources, from 1.", type="integer", required=True),
    Column("title", lambda r: r[2].title, "Title of the source.", required=True),
    Column("publisher", lambda r: r[2].publisher, "Who published it.", required=True),
    Column("year", lambda r: r[2].year, "Year of publication.", type="integer"),
    Column("url", lambda r: r[2].url, "The publisher's own page.", required=True, format="uri"),
    Column("copy_url", lambda r: r[2].copy_url, "Where only a copy of the original can be found.", format="uri"),
)
"""The columns of ``sources.csv``; a record is ``(example, position, source)``."""

DIRECTION_COLUMNS: tuple[Column, ...] = (
    Column("id", lambda d: d.id, "The direction's id.", required=True, pattern=_ID),
    Column("number", lambda d: d.number, "Its number in the KIS guide.", type="integer", required=True),
    Column("title", lambda d: d.title, "Title (Dutch).", required=True),
    Column("short_title", lambda d: d.short_title, "Short title (Dutch).", required=True),
    Column("summary", lambda d: d.summary, "Summary (Dutch).", required=True),
)
"""The columns of ``directions.csv``."""

VOCABULARY_COLUMNS: tuple[Column, ...] = (
    Column("id", lambda v: v.id, "The vocabulary's id.", required=True, pattern=_ID),
    Column("title", lambda v: v.title, "Title (Dutch).", required=True),
    Column("description", lambda v: v.description, "What it lists (Dutch).", required=True),
    Column("file", lambda v: f"{_vocabulary(v.id)}.csv", "The file with its values.", required=True),
)
"""The columns of ``vocabularies.csv``."""

VALUE_COLUMNS: tuple[Column, ...] = (
    Column("id", lambda r: r[1].id, "The value's id, as the other files hold it.", required=True, pattern=_ID),
    Column("position", lambda r: r[0], "Its place in the vocabulary's meaningful order, from 1.", type="integer", required=True),
    Column("label", lambda r: r[1].label, "Label (Dutch).", required=True),
    Column("definition", lambda r: r[1].definition, "Definition (Dutch).", required=True),
    Column("source_url", lambda r: r[1].source.url if r[1].source else None, "Where the definition comes from.", format="uri"),
)
"""The columns of each ``vocabulary-<id>.csv``; a record is ``(position, value)``."""

RETIRED_COLUMNS: tuple[Column, ...] = (
    Column("id", lambda r: r.id, "An id that left the catalogue; it is never reused.", required=True, pattern=_ID),
    Column("replaced_by", lambda r: r.replaced_by, "The id that replaces it.", required=True, pattern=_ID),
    Column("since", lambda r: r.since, "The content version in which it was retired."),
    Column("reason", lambda r: r.reason, "Why (Dutch)."),
)
"""The columns of ``retired.csv``."""

METADATA_COLUMNS: tuple[Column, ...] = (
    Column("key", lambda r: r[0], "What the value is.", required=True),
    Column("value", lambda r: r[1], "The value.", required=True),
)
"""The columns of ``metadata.csv``; a record is ``(key, value)``."""


def _metadata(cat: Any) -> dict[str, str]:
    return {
        "format_version": EXPORT_FORMAT,
        "content_version": cat.version,
        "package_version": __version__,
        "title": cat.title,
        "separator": SEPARATOR,
    }


def tables(cat: Any) -> tuple[Table, ...]:
    """Every CSV file of the export of ``cat``, declared once: what the writer writes and the descriptor describes."""
    return (
        Table("examples", "One row per practical example: the main fields, without the narrative sections.", EXAMPLE_COLUMNS, cat.examples, ("id",)),
        Table(
            "sources",
            "One row per source of an example, in the example's order.",
            SOURCE_COLUMNS,
            [(e, n, s) for e in cat.examples for n, s in enumerate(e.sources, 1)],
            ("example_id", "position"),
        ),
        Table("directions", "The five solution directions, by number.", DIRECTION_COLUMNS, cat.directions, ("id",), closed=True),
        Table("vocabularies", "The controlled vocabularies, by id.", VOCABULARY_COLUMNS, cat.vocabularies, ("id",)),
        *(
            Table(
                _vocabulary(v.id),
                f"The values of the vocabulary '{v.id}' ({v.title}), in their meaningful order.",
                VALUE_COLUMNS,
                list(enumerate(v.values, 1)),
                ("id",),
                closed=True,
            )
            for v in cat.vocabularies
        ),
        Table("retired", "Ids that left the catalogue, each with the id that replaces it.", RETIRED_COLUMNS, cat.retired, ("id",)),
        Table(
            "metadata", "The format version, content version, package version, title and separator.", METADATA_COLUMNS, list(_metadata(cat).items()), ("key",)
        ),
    )


def package_properties(cat: Any) -> dict[str, Any]:
    """The top of ``datapackage.json``: name, title, versions and licence."""
    return {
        "name": "buurtverbinding",
        "title": cat.title,
        "version": cat.version,
        "format_version": EXPORT_FORMAT,
        "content_version": cat.version,
        "package_version": __version__,
        "licenses": [LICENSE],
    }


def write_csv(cat: Any, folder: Path) -> None:
    """Write every file of the export into ``folder`` (which exists and is empty): the CSV files, then the descriptor."""
    declared = tables(cat)
    for table in declared:
        _write(folder / table.path, table.header, table.rows())
    data = descriptor_bytes(declared, separator=SEPARATOR, properties=package_properties(cat))
    (folder / DESCRIPTOR).write_bytes(data)


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
