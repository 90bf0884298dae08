"""The tables of a CSV export, declared once, and their Frictionless Data Package descriptor.

A :class:`Table` is one CSV file: its records and its :class:`Column` s, each with a cell
function (what the CSV writer puts in the cell) and the facts a reader needs (Table Schema
type, whether it is required, which table its values come from). The CSV writer
(:mod:`buurtverbinding.export._csv`) writes the cells; :func:`descriptor` turns the very same
declarations into ``datapackage.json`` (Data Package v1, profile ``tabular-data-package``), so
the two cannot drift apart.

How a column that takes its values from another table (``refers``) is described:

- one value per cell: a foreign key to that table's primary key, and, when that table is a
  closed list (a vocabulary, the directions), an ``enum`` constraint with its values;
- several values joined by the separator: Table Schema has no list type in v1 and foreign keys
  cannot split a cell, so the field stays a ``string`` with a ``pattern`` that accepts only
  values of that table joined by the separator (and a description that says so).

Patterns are written in the common subset of XML Schema and Python regular expressions (no
anchors, no ``(?:``): the Table Schema spec anchors them implicitly.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

__all__ = ["Column", "Table", "descriptor", "descriptor_bytes", "xsd_pattern"]

FieldType = Literal["string", "integer", "date"]
"""The Table Schema types the export uses."""


@dataclass(frozen=True)
class Column:
    """One column of a CSV file: how its cell is made, and how the Table Schema describes it."""

    name: str
    cell: Callable[[Any], Any]
    """The cell for one record of the table (``None`` is an empty cell)."""
    description: str
    type: FieldType = "string"
    required: bool = False
    refers: str | None = None
    """The table whose primary key the values are (``directions``, ``vocabulary-fasen``)."""
    multiple: bool = False
    """Several values in one cell, joined by the export's separator."""
    format: Literal["uri"] | None = None
    pattern: str | None = None
    """A pattern every value matches (implicitly anchored; see :func:`xsd_pattern`)."""
    max_length: int | None = None


@dataclass(frozen=True)
class Table:
    """One CSV file of the export: ``<name>.csv``."""

    name: str
    description: str
    columns: tuple[Column, ...]
    records: Sequence[Any]
    primary_key: tuple[str, ...]
    closed: bool = False
    """A closed list of values (a vocabulary, the directions): single-valued columns that
    refer to it get an ``enum`` constraint with its keys."""

    @property
    def path(self) -> str:
        return f"{self.name}.csv"

    @property
    def header(self) -> list[str]:
        return [column.name for column in self.columns]

    def rows(self) -> Iterator[list[Any]]:
        """The cells of every record, in column order."""
        return ([column.cell(record) for column in self.columns] for record in self.records)

    def keys(self) -> list[str]:
        """The values of its (single-column) primary key, in record order."""
        (key,) = self.primary_key
        cell = next(column.cell for column in self.columns if column.name == key)
        return [str(cell(record)) for record in self.records]


_XSD_SPECIAL = set("\\|.?*+(){}[]^-")


def _escape(text: str) -> str:
    """``text`` as a literal in a pattern (escapes valid in both XML Schema and Python)."""
    return "".join(f"\\{char}" if char in _XSD_SPECIAL else char for char in text)


def xsd_pattern(pattern: str) -> str:
    """A Python pattern written for ``re.fullmatch``-like use, as a Table Schema pattern.

    Drops the anchors ``^``/``$`` (Table Schema anchors implicitly) and turns non-capturing
    groups into plain groups (XML Schema has no ``(?:``).
    """
    return pattern.removeprefix("^").removesuffix("$").replace("(?:", "(")


def _list_pattern(values: Sequence[str], separator: str) -> str:
    """Only ``values``, one or more, joined by ``separator``."""
    one = "(" + "|".join(_escape(value) for value in values) + ")"
    return f"{one}({_escape(separator)}{one})*"


def _field(column: Column, tables: Mapping[str, Table], separator: str) -> dict[str, Any]:
    field: dict[str, Any] = {"name": column.name, "type": column.type}
    if column.format:
        field["format"] = column.format
    description = column.description
    constraints: dict[str, Any] = {}
    if column.required:
        constraints["required"] = True
    if column.max_length is not None:
        constraints["maxLength"] = column.max_length
    if column.pattern:
        constraints["pattern"] = column.pattern
    if column.refers:
        target = tables.get(column.refers)
        if target is None:
            raise ValueError(f"column '{column.name}' refers to a table '{column.refers}' that the export does not hold")
        if column.multiple:
            constraints["pattern"] = _list_pattern(target.keys(), separator)
            description += f" Values of the column '{target.primary_key[0]}' of {target.path}, joined by '{separator}'."
        else:
            description += f" A value of the column '{target.primary_key[0]}' of {target.path}."
            if target.closed:
                constraints["enum"] = target.keys()
    elif column.multiple:
        description += f" Several values are joined by '{separator}'."
    field["description"] = description
    if constraints:
        field["constraints"] = constraints
    return field


def _schema(table: Table, tables: Mapping[str, Table], separator: str) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "fields": [_field(column, tables, separator) for column in table.columns],
        "missingValues": [""],
        "primaryKey": list(table.primary_key),
    }
    foreign_keys = [
        {"fields": column.name, "reference": {"resource": column.refers, "fields": tables[column.refers].primary_key[0]}}
        for column in table.columns
        if column.refers and not column.multiple
    ]
    if foreign_keys:
        schema["foreignKeys"] = foreign_keys
    return schema


def descriptor(tables: Sequence[Table], *, separator: str, properties: Mapping[str, Any]) -> dict[str, Any]:
    """The Data Package descriptor of ``tables``: ``properties`` (name, versions, licence) and
    one tabular resource per table, in the given order."""
    by_name = {table.name: table for table in tables}
    resources = [
        {
            "name": table.name,
            "path": table.path,
            "profile": "tabular-data-resource",
            "description": table.description,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": '"', "doubleQuote": True, "header": True},
            "schema": _schema(table, by_name, separator),
        }
        for table in tables
    ]
    return {"profile": "tabular-data-package", **properties, "resources": resources}


def descriptor_bytes(tables: Sequence[Table], *, separator: str, properties: Mapping[str, Any]) -> bytes:
    """:func:`descriptor` as canonical bytes (UTF-8 without a byte order mark, as JSON requires)."""
    document = descriptor(tables, separator=separator, properties=properties)
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
