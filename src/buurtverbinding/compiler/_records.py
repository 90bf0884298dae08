"""Turning content files into typed records, with pydantic's errors mapped to lint codes."""

from __future__ import annotations

import functools
import re
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from ..models import ID_PATTERN, Retirement, Term
from ._problems import Reporter
from ._source import Document, check_markdown, parse_yaml, read_text, split_front_matter, split_sections

SECTION_FIELDS = {
    "aanleiding": "background",
    "aanpak": "approach",
    "wat het oplevert": "outcomes",
    "aandachtspunten": "considerations",
}
"""The ``##`` headings of an example's body, in order, and the field each one fills."""

PLACEHOLDER = re.compile(r"\bTODO\b")
"""What marks text still to be written (``buurtverbinding new`` fills a skeleton with it): the
word ``TODO`` in capitals, anywhere in a value or a Markdown body (BV115)."""


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "..."


def _placeholders(value: Any, loc: tuple[int | str, ...] = ()) -> typing.Iterator[tuple[tuple[int | str, ...], str]]:
    """Every text inside ``value`` (a YAML document's data) that holds a placeholder, with its place."""
    if isinstance(value, str):
        if PLACEHOLDER.search(value):
            yield loc, value
    elif isinstance(value, dict):
        for key, entry in value.items():
            yield from _placeholders(entry, (*loc, key))
    elif isinstance(value, list):
        for i, entry in enumerate(value):
            yield from _placeholders(entry, (*loc, i))


def check_placeholders(path: Path, body: str, first_line: int, report: Reporter) -> None:
    """BV115 for every line of a Markdown body that still holds a placeholder."""
    for offset, text in enumerate(body.split("\n")):
        if PLACEHOLDER.search(text):
            report.add(path, first_line + offset, "BV115", f"placeholder left in the text ('{_snippet(text)}'); write it out")


@dataclass
class Loaded:
    """A valid record and where it came from."""

    record: Any
    document: Document
    loc: tuple[int | str, ...] = ()
    section_lines: dict[str, int] = field(default_factory=dict)

    @property
    def path(self) -> Path:
        return self.document.path

    def line(self, *loc: int | str) -> int:
        if loc and loc[0] == "sections" and len(loc) > 1 and str(loc[1]) in self.section_lines:
            return self.section_lines[str(loc[1])]
        return self.document.line(self.loc + loc)


def validate(
    model: type[BaseModel],
    data: Any,
    document: Document,
    report: Reporter,
    loc: tuple[int | str, ...] = (),
    section_lines: dict[str, int] | None = None,
    bodies: tuple[str, ...] = (),
) -> Loaded | None:
    """Validate ``data`` as ``model``; report every error with a code and a line.

    Placeholders (``TODO``) are reported first, each once (BV115), whether or not the record is
    otherwise valid; a value that is a placeholder gets no second problem for its type. The
    top-level fields in ``bodies`` come from a Markdown body, whose lines were checked already.
    """
    if isinstance(data, dict):
        for where, text in _placeholders({k: v for k, v in data.items() if k not in bodies}):
            name = ".".join(str(p) for p in where)
            report.add(document.path, document.line(loc + where), "BV115", f"'{name}' still holds a placeholder ('{_snippet(text)}'); fill it in")
    try:
        record = model.model_validate(data)
    except ValidationError as exc:
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            report.invalid_ids.add(data["id"])
        lines = {document.line(loc + tuple(error["loc"][:1])) for error in exc.errors(include_url=False)}
        partial = _partial(model, data, exc)
        if partial is not None:  # the checks across records still run on its valid fields (see check_tree)
            report.partial.append((Loaded(partial, document, loc, section_lines or {}), frozenset(lines)))
        for error in exc.errors(include_url=False):
            if isinstance(error.get("input"), str) and PLACEHOLDER.search(error["input"]):
                continue  # reported above as a placeholder: fill it in first
            if error["type"] == "too_short" and isinstance(error.get("input"), (list, tuple)) and len(error["input"]) >= error["ctx"]["min_length"]:
                continue  # long enough as written: only entries that failed (and are reported) are missing
            where = tuple(error["loc"])
            if where and where[0] == "sections" and section_lines is not None:
                line = section_lines.get(str(where[1]) if len(where) > 1 else "", document.line(loc))
            else:
                line = document.line(loc + where)
            code, message = _explain(model, error)
            report.add(document.path, line, code, message)
        return None
    return Loaded(record, document, loc, section_lines or {})


def _partial(model: type[BaseModel], data: Any, exc: ValidationError) -> BaseModel | None:
    """A record of ``model`` that holds only the fields of ``data`` that are valid on their own.

    A field that failed (or is missing) holds its default or, when it has none, ``None``; a list
    of plain values (vocabulary slugs, ids) holds an empty tuple instead, since those are checked
    one value at a time. A list of records (``sources``) holds ``None``, not an empty list, so that
    no check concludes that it lacks an entry. It is never a catalogue record: it only lets the
    checks across records report what they find in the valid fields in the same run (a value
    outside its vocabulary beside a bad address), instead of one round later.
    """
    if not isinstance(data, dict):
        return None
    failed = {error["loc"][0] for error in exc.errors(include_url=False) if error["loc"]}
    values: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if name not in failed and name in data:
            try:
                values[name] = _field_adapter(model, name).validate_python(data[name])
                continue
            except ValidationError:
                pass
        if not info.is_required():
            values[name] = info.get_default(call_default_factory=True)
        else:
            values[name] = () if _plain_list(info.annotation) else None
    return model.model_construct(**values)


@functools.cache
def _field_adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    info = model.model_fields[name]
    annotated: Any = typing.Annotated[info.annotation, info]  # the field's type with its constraints
    return TypeAdapter(annotated)


def _plain_list(annotation: Any) -> bool:
    """A tuple of plain values (``tuple[Id, ...]``), not of records."""
    annotation = _unwrap(annotation)
    if typing.get_origin(annotation) is not tuple:
        return False
    inner = _unwrap(typing.get_args(annotation)[0])
    return not (isinstance(inner, type) and issubclass(inner, BaseModel))


def _unwrap(annotation: Any) -> Any:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def _explain(model: type[BaseModel], error: Any) -> tuple[str, str]:
    loc = tuple(error["loc"])
    name = ".".join(str(p) for p in loc) or model.__name__
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "missing":
        if loc[:1] == ("sections",) and len(loc) > 1:
            heading = next(h for h, f in SECTION_FIELDS.items() if f == loc[1])
            return "BV110", f"section '## {heading.capitalize()}' is missing"
        return "BV101", f"required field '{name}' is missing"
    if kind == "extra_forbidden":
        parent = _model_at(model, loc[:-1])
        valid = ", ".join(parent.model_fields) if parent else ""
        return "BV102", f"unknown field '{loc[-1]}'" + (f"; valid fields here: {valid}" if valid else "")
    if kind == "bv_url":
        return "BV106", error["msg"]
    if kind == "string_too_long" and loc[-1:] == ("summary",):
        return "BV105", f"summary is {len(error['input'])} characters; keep it to {ctx.get('max_length')} or fewer"
    if kind == "too_short" and loc == ("sources",):
        return "BV107", "an example needs at least one source (title, publisher, url)"
    if kind == "string_too_short" and loc[:1] == ("sections",):
        return "BV110", f"section for '{loc[-1]}' is empty"
    if kind == "string_pattern_mismatch":
        return "BV109", f"'{error['input']}' in '{name}' is not a valid id: use lower-case letters, digits and single hyphens"
    return "BV103", f"'{name}': {error['msg']}"


def _model_at(model: type[BaseModel], loc: tuple[int | str, ...]) -> type[BaseModel] | None:
    """The model class found at ``loc`` inside ``model`` (for listing valid fields)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return None
        current = _inner_model(current.model_fields[part].annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    """The model class inside an annotation such as ``Source | None`` or ``tuple[Source, ...]``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


# --- one loader per kind of file ---------------------------------------------------------


def load_markdown_record(path: Path, model: type[BaseModel], body_field: str | None, report: Reporter) -> Loaded | None:
    """A Markdown file with front matter; the body fills ``body_field`` or, for examples, the sections."""
    text = read_text(path, report)
    if text is None:
        return None
    split = split_front_matter(path, text, report)
    if split is None:
        return None
    document, body, body_line = split
    data = dict(document.data)
    section_lines: dict[str, int] = {}
    check_placeholders(path, body, body_line, report)
    if body_field is None:  # an example: four fixed sections
        sections = split_sections(path, body, body_line, report)
        found: dict[str, str] = {}
        expected = list(SECTION_FIELDS)
        for section in sections:
            key = section.heading.lower()
            if key not in SECTION_FIELDS:
                report.add(
                    path, section.line, "BV111", f"unknown section '## {section.heading}'; the sections are: " + ", ".join(h.capitalize() for h in expected)
                )
                continue
            if SECTION_FIELDS[key] in found:
                report.add(path, section.line, "BV111", f"section '## {section.heading}' is given twice")
                continue
            if not section.text:
                report.add(path, section.line, "BV110", f"section '## {section.heading}' is empty")
            found[SECTION_FIELDS[key]] = section.text or "-"
            section_lines[SECTION_FIELDS[key]] = section.line
        order = [s.heading.lower() for s in sections if s.heading.lower() in SECTION_FIELDS]
        if order != sorted(order, key=expected.index):
            report.add(path, body_line, "BV111", "sections must stand in this order: " + ", ".join(h.capitalize() for h in expected))
        if "sections" in data:
            report.add(path, document.line(("sections",)), "BV102", "unknown field 'sections'; the sections are written as '## ' headings in the body")
            data.pop("sections")
        data["sections"] = found
    else:
        check_markdown(path, body, body_line, report)
        if body_field in data:
            report.add(
                path, document.line((body_field,)), "BV102", f"unknown field '{body_field}'; the {body_field} is the Markdown body below the front matter"
            )
        data[body_field] = body.strip() or "-"  # an empty body is reported just below, once
        if not body.strip():
            report.add(path, body_line, "BV110", f"the {body_field} (the Markdown body) is empty")
    return validate(model, data, document, report, section_lines=section_lines, bodies=("sections",) if body_field is None else (body_field,))


def load_yaml(path: Path, report: Reporter) -> Document | None:
    text = read_text(path, report)
    if text is None:
        return None
    return parse_yaml(path, text, report)


def load_yaml_record(path: Path, model: type[BaseModel], report: Reporter) -> Loaded | None:
    document = load_yaml(path, report)
    return validate(model, document.data, document, report) if document else None


def load_list(path: Path, key: str, model: type[BaseModel], report: Reporter) -> list[Loaded]:
    """A YAML file holding one list of records under ``key`` (the glossary, the retired ids)."""
    document = load_yaml(path, report)
    if document is None:
        report.ids_unknown = True
        return []
    for extra in sorted((name for name in document.data if name != key), key=str):  # keys may be None, numbers, dates
        report.add(path, document.line((extra,)), "BV102", f"unknown field '{extra}'; this file holds only '{key}'")
    entries = document.data.get(key)
    if not isinstance(entries, list):
        report.add(path, document.line((key,)), "BV101" if entries is None else "BV103", f"'{key}' must be a list")
        report.ids_unknown = True
        return []
    loaded = [validate(model, entry, document, report, loc=(key, i)) for i, entry in enumerate(entries)]
    return [item for item in loaded if item is not None]


def load_glossary(path: Path, report: Reporter) -> list[Loaded]:
    return load_list(path, "terms", Term, report)


def load_retired(path: Path, report: Reporter) -> list[Loaded]:
    return load_list(path, "retired", Retirement, report)


def load_manifest(path: Path, report: Reporter) -> dict[str, int]:
    """The published ids (one per line, ``#`` starts a comment), each with its line number."""
    text = read_text(path, report)
    if text is None:
        return {}
    published: dict[str, int] = {}
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if not re.fullmatch(ID_PATTERN, line):
            report.add(path, number, "BV109", f"'{line}' is not a valid id: use lower-case letters, digits and single hyphens")
            continue
        published.setdefault(line, number)
    return published
