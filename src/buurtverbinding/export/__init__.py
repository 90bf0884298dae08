"""Open data: the catalogue as JSON, CSV, SQLite and JSON Schema, and examples side by side.

::

    import buurtverbinding as bv
    from buurtverbinding.export import export

    export(bv.load(), "sqlite", "buurtverbinding.sqlite")
    bv.load().compare(["buurtbemiddeling", "portiekgesprekken"]).to_text()

The exported files follow their own format version, ``EXPORT_FORMAT`` (SemVer): a change
that breaks a consumer (a field, column or table removed, renamed or retyped, a separator
changed) bumps the major number; an addition (a new field, column, table or file) bumps the
minor; a fix that leaves the shape alone (a description in the schema) bumps the patch. New or
changed content does not change it: that is the content version. The compiled catalogue inside
the package has a separate, internal ``format_version`` that only the loader reads.

Every writer is atomic: the output appears complete or not at all. An existing output is kept
unless ``force=True``.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic.json_schema import GenerateJsonSchema

from .._compare import Comparison, ComparisonEntry, ComparisonRow, compare
from .._io import write_atomic
from .._version import __version__
from ..catalog import CATALOG_FORMAT, Catalog, UnknownValueError
from ..models import AdviceModel, AdviceRules, Checklist, DescriptionCues, Direction, Example, Retirement, Step, Synonym, Term, Vocabulary
from . import _csv
from ._format import EXPORT_FORMAT
from ._sqlite import sqlite_bytes

__all__ = [
    "FORMATS",
    "EXPORT_FORMAT",
    "Comparison",
    "ComparisonEntry",
    "ComparisonRow",
    "catalog_schema",
    "check_format",
    "compare",
    "export",
    "json_bytes",
    "read_json",
    "schema_bytes",
]

"""Version of the export formats (JSON, CSV, SQLite and the schema), SemVer."""

FORMATS: dict[str, str] = {
    "json": "the whole catalogue as one JSON file",
    "csv": "a folder of CSV files (a zip archive when PATH ends in .zip): examples, sources, directions, one per vocabulary, with a Frictionless datapackage.json",
    "sqlite": "a normalised SQLite database",
    "schema": "the JSON Schema of the JSON export",
}
"""The export formats and what each writes."""


def _this_format(value: str) -> str:
    """The format version this module writes and reads (``Literal[EXPORT_FORMAT]`` is not a valid type)."""
    if value != EXPORT_FORMAT:
        raise ValueError(f"format_version must be {EXPORT_FORMAT!r}")
    return value


class _Export(BaseModel):
    """The catalogue of *Van polarisatie naar verbinding in buurten* as open data.

    Records keep catalogue order: directions and steps by number, checklists by step and
    order, examples, glossary terms and vocabularies by id, vocabulary values in their
    meaningful order. Every key is present; an optional value that is absent is null.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", title="buurtverbinding catalogue", use_attribute_docstrings=True)

    format_version: Annotated[str, AfterValidator(_this_format), Field(json_schema_extra={"const": EXPORT_FORMAT})]
    """Version of this format (SemVer); a new major version breaks consumers."""
    content_version: str
    """Version of the content (the catalogue), e.g. 2026.11.0."""
    package_version: str
    """Version of the buurtverbinding package that wrote the file."""
    title: str
    """Title of the catalogue (Dutch)."""
    directions: tuple[Direction, ...]
    """The five solution directions, by number."""
    steps: tuple[Step, ...]
    """The four steps of the step plan, by number."""
    checklists: tuple[Checklist, ...]
    """The checklists, by step and order."""
    examples: tuple[Example, ...]
    """The practical examples, by id."""
    glossary: tuple[Term, ...]
    """The glossary, by id."""
    vocabularies: tuple[Vocabulary, ...]
    """The controlled vocabularies, by id; the fields of an example hold their value ids."""
    retired: tuple[Retirement, ...]
    """Ids that left the catalogue, by id, each with the id that replaces it; they are never reused."""
    advice_rules: tuple[AdviceRules, ...] = ()
    """The fit rules per situation field (which answer points to which direction, with what weight), in their order."""
    advice_model: tuple[AdviceModel, ...] = ()
    """The advice model: the phase order, thresholds, example weights and every sentence of the advice."""
    synonyms: tuple[Synonym, ...] = ()
    """Groups of Dutch words that search treats as the same (reviewed content), by id."""
    description_cues: tuple[DescriptionCues, ...] = ()
    """How a free-text description is read: cue phrases per situation value (one table)."""


class _EveryKeyRequired(GenerateJsonSchema):
    """The export writes every key (absent values as null), so the schema requires every key."""

    def field_is_required(self, field: Any, total: bool) -> bool:
        return True


_RECORDS = (
    "title",
    "directions",
    "steps",
    "checklists",
    "examples",
    "glossary",
    "vocabularies",
    "retired",
    "advice_rules",
    "advice_model",
    "synonyms",
    "description_cues",
)
"""The fields that the export and :class:`~buurtverbinding.catalog.Catalog` share."""


def check_format(name: str) -> str:
    """``name`` if it is an export format, else :class:`~buurtverbinding.catalog.UnknownValueError` listing the formats."""
    if name not in FORMATS:
        raise UnknownValueError("format", name, FORMATS)
    return name


def catalog_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the JSON export, generated from the models."""
    schema = _Export.model_json_schema(mode="serialization", schema_generator=_EveryKeyRequired)
    top = ("title", "description", "type", "properties", "required", "additionalProperties")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **{key: schema[key] for key in top}, **schema}


def schema_bytes() -> bytes:
    """The schema as canonical bytes: what ``export --format schema`` writes and the wheel ships."""
    return _dumps(catalog_schema())


def json_bytes(cat: Catalog) -> bytes:
    """The whole catalogue as canonical JSON bytes (sorted keys, catalogue order, UTF-8)."""
    records = {name: getattr(cat, name) for name in _RECORDS}
    document = _Export(format_version=EXPORT_FORMAT, content_version=cat.version, package_version=__version__, **records)
    return _dumps(document.model_dump(mode="json"))


def read_json(data: bytes | str) -> Catalog:
    """A :class:`~buurtverbinding.catalog.Catalog` from a JSON export of this format version (validated like the shipped one)."""
    try:
        raw = json.loads(data)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not a JSON export: {exc}") from None
    found = raw.get("format_version") if isinstance(raw, dict) else None
    if found != EXPORT_FORMAT:
        raise ValueError(f"export format {found!r} cannot be read; this version of buurtverbinding reads format {EXPORT_FORMAT}")
    document = _Export.model_validate(raw)
    records = {name: getattr(document, name) for name in _RECORDS}
    return Catalog(format_version=CATALOG_FORMAT, version=document.content_version, **records)


def _dumps(data: dict[str, Any]) -> bytes:
    """Canonical bytes: the top-level keys in the given order (versions first), every key below sorted."""
    ordered = {key: _sorted(value) for key, value in data.items()}
    return (json.dumps(ordered, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _sorted(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _sorted(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        return [_sorted(item) for item in value]
    return value


# --- writing ------------------------------------------------------------------------------


def export(cat: Catalog, format: str, out: str | os.PathLike[str], *, force: bool = False) -> Path:
    """Write the catalogue in ``format`` (one of :data:`FORMATS`) to ``out``; return the path.

    ``json``, ``sqlite`` and ``schema`` write one file; ``csv`` writes a folder, or a zip
    archive of that folder when ``out`` ends in ``.zip`` (for a download). Missing parent
    folders are made. Raises :class:`FileExistsError` when ``out`` exists and ``force`` is
    false; with ``force`` a file is replaced, and a folder only when it holds an earlier CSV
    export (so that a mistyped path cannot wipe an unrelated folder).
    """
    check_format(format)
    target = Path(out)
    zipped = format == "csv" and target.suffix.lower() == ".zip"
    if format == "csv" and not zipped:
        _check_target(target, force, folder=True, marker=_csv.MARKER)
        _replace_folder(target, lambda folder: _csv.write_csv(cat, folder))
        return target
    _check_target(target, force, folder=False, suggestion=_FILE_NAMES[format])
    if zipped:
        data = _csv.csv_zip_bytes(cat, target.stem)
    elif format == "json":
        data = json_bytes(cat)
    elif format == "schema":
        data = schema_bytes()
    else:
        data = sqlite_bytes(cat)
    _replace_file(target, data)
    return target


_FILE_NAMES = {"json": "buurtverbinding.json", "csv": "buurtverbinding-csv.zip", "sqlite": "buurtverbinding.sqlite", "schema": "buurtverbinding.schema.json"}


def _check_target(target: Path, force: bool, *, folder: bool, marker: str = "", suggestion: str = "") -> None:
    if not target.exists() and not target.is_symlink():
        return
    if folder and not target.is_dir():
        raise FileExistsError(f"'{target}' is a file; the csv export writes a folder: give a new folder name, or a name ending in .zip")
    if not folder and target.is_dir():
        raise IsADirectoryError(f"'{target}' is a folder; give a file name, e.g. '{target / suggestion}'")
    if folder and not any(target.iterdir()):
        return  # an empty folder: nothing to lose
    if folder and not (target / marker).is_file():
        raise FileExistsError(f"'{target}' is a folder that holds no earlier csv export (no {marker}); give a new or empty folder")
    if not force:
        raise FileExistsError(f"'{target}' already exists; use --force (in Python: force=True) to replace it")


def _replace_file(target: Path, data: bytes) -> None:
    write_atomic(target, data, mode=0o644)


def _replace_folder(target: Path, fill: Callable[[Path], None]) -> None:
    """Fill a new folder next to ``target``, then swap it in (an old export is removed after)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    old = None
    try:
        fill(fresh)
        fresh.chmod(0o755)
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
            os.replace(target, old / "export")
        os.replace(fresh, target)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        if old is not None and (old / "export").exists() and not target.exists():
            os.replace(old / "export", target)
        raise
    finally:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


def __getattr__(name: str) -> Any:
    if name == "FORMAT_VERSION":
        import warnings

        warnings.warn("buurtverbinding.export.FORMAT_VERSION is deprecated; use EXPORT_FORMAT", DeprecationWarning, stacklevel=2)
        return EXPORT_FORMAT
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
