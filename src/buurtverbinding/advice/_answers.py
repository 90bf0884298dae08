"""Checking checklist answers against their questions, and reading an answers file.

Used by :class:`buurtverbinding.advice.Assessment`. Every problem in a set of answers is
collected, so that a file with several bad answers reports all of them at once.

Accepted answers per kind of question (an empty answer — ``null``, ``""`` or ``[]`` — means
"skipped" and is left out):

``yes_no``           ``"ja"`` or ``"nee"``; ``"yes"``/``"no"`` and booleans are accepted too
                     (YAML reads a bare ``yes`` as ``true``) and stored as ``"ja"``/``"nee"``.
``single_choice``    one value id of the question's vocabulary, e.g. ``"ongemak"``.
``multiple_choice``  a list of value ids; a single id is read as a list of one.
``scale``            a whole number from the scale's ``min`` to its ``max`` (``"3"`` is read as 3).
``text``             a string; a number or date is kept as its text, a list of strings as lines.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..models import ChecklistItem

if TYPE_CHECKING:
    from ..catalog import Catalog

Answer = str | int | tuple[str, ...]

YES = ("ja", "yes")
NO = ("nee", "no")
ANSWER_SUFFIXES = {".json": "json", ".yaml": "yaml", ".yml": "yaml"}


class AnswerError(ValueError):
    """One or more answers do not fit their questions. ``problems`` lists every one of them;
    ``source`` is the answers file, if any."""

    __module__ = "buurtverbinding.advice"  # public (and documented) as buurtverbinding.advice.AnswerError

    def __init__(self, problems: list[str] | tuple[str, ...], source: str | None = None) -> None:
        self.problems = tuple(problems)
        self.source = source
        where = f" in '{source}'" if source else ""
        if len(self.problems) == 1:
            message = f"bad answer{where}: {self.problems[0]}"
        else:
            message = f"{len(self.problems)} problems{where}:\n" + "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(message)


def items_in_order(cat: Catalog) -> tuple[tuple[Any, ChecklistItem], ...]:
    """Every (checklist, item) pair, in the order of the step plan and the checklists."""
    steps = {step.id: step.number for step in cat.steps}
    checklists = sorted(cat.checklists, key=lambda c: (steps.get(c.step, 99), c.order, c.id))
    return tuple((checklist, item) for checklist in checklists for item in checklist.items)


def check_answers(cat: Catalog, answers: object) -> dict[str, Answer]:
    """The answers, normalised and in checklist order; :class:`AnswerError` listing every problem."""
    if not isinstance(answers, Mapping):
        raise AnswerError([f"the answers must be a mapping of checklist item id to answer, not {_kind_of(answers)}"])
    order = {item.id: (number, item) for number, (_, item) in enumerate(items_in_order(cat))}
    problems: list[str] = []
    checked: dict[str, tuple[int, Answer]] = {}
    for key, raw in answers.items():
        entry = order.get(str(key)) if isinstance(key, str) else None
        if entry is None:
            closest = difflib.get_close_matches(str(key).strip().lower(), list(order), n=3, cutoff=0.0)
            problems.append(f"{_unknown('checklist item', key, list(order))}; closest item ids: {', '.join(closest)}")
            continue
        number, item = entry
        try:
            value = answer_for(cat, item, raw)
        except ValueError as exc:
            problems.append(str(exc))
            continue
        if value is not None:
            checked[item.id] = (number, value)
    if problems:
        raise AnswerError(problems)
    return {key: value for key, (_, value) in sorted(checked.items(), key=lambda kv: kv[1][0])}


def answer_for(cat: Catalog, item: ChecklistItem, raw: object) -> Answer | None:
    """One answer checked against its question: the normalised answer, ``None`` for skipped.

    Raises ``ValueError`` with a message that names the item, the answer and the valid answers.
    """
    if raw is None or raw == "" or (isinstance(raw, (list, tuple)) and not raw):
        return None
    if item.kind == "yes_no":
        word = {True: "ja", False: "nee"}.get(raw) if isinstance(raw, bool) else str(raw).strip().lower()
        if word in YES:
            return "ja"
        if word in NO:
            return "nee"
        raise ValueError(f"item '{item.id}' (ja/nee): {_show(raw)} is not an answer; valid answers: ja, nee (yes and no are accepted too)")
    if item.kind in ("single_choice", "multiple_choice"):
        valid = cat.vocabulary(item.vocabulary or "").ids()
        if item.kind == "single_choice":
            if not isinstance(raw, str):
                raise ValueError(f"item '{item.id}' takes one option, not {_kind_of(raw)} {_show(raw)}; valid options: {', '.join(valid)}")
            return _option(item, raw, valid)
        values = [raw] if isinstance(raw, str) else raw
        if not isinstance(values, (list, tuple)) or not all(isinstance(v, str) for v in values):
            raise ValueError(f"item '{item.id}' takes a list of options, not {_show(raw)}; valid options: {', '.join(valid)}")
        bad = [v for v in values if v.strip().lower() not in valid]
        if bad:
            errors = [_unknown("option", v, valid) for v in bad]
            raise ValueError(f"item '{item.id}': {'; '.join(errors)}; valid options: {', '.join(valid)}")
        return tuple(dict.fromkeys(v.strip().lower() for v in values))
    if item.kind == "scale":
        scale = item.scale
        assert scale is not None  # guaranteed by ChecklistItem
        number = raw if isinstance(raw, int) and not isinstance(raw, bool) else None
        if isinstance(raw, float) and raw.is_integer():
            number = int(raw)
        if isinstance(raw, str) and re.fullmatch(r"\s*-?\d+\s*", raw):
            number = int(raw)
        if number is None or not scale.min <= number <= scale.max:
            raise ValueError(
                f"item '{item.id}' (scale): {_show(raw)} is not a whole number from {scale.min} to {scale.max}; "
                f"valid answers: {scale.min} ({scale.low_label}) to {scale.max} ({scale.high_label})"
            )
        return number
    # text
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return str(raw)
    if isinstance(raw, date):
        return raw.isoformat()
    if isinstance(raw, (list, tuple)) and all(isinstance(v, str) for v in raw):
        lines = [v.strip() for v in raw if v.strip()]
        return "\n".join(lines) or None
    if not isinstance(raw, str):
        raise ValueError(f"item '{item.id}' takes text, not {_kind_of(raw)} {_show(raw)}; write the answer as a string")
    return raw.strip() or None


def _option(item: ChecklistItem, raw: str, valid: tuple[str, ...]) -> str:
    value = raw.strip().lower()
    if value not in valid:
        raise ValueError(f"item '{item.id}': {_unknown('option', raw, valid)}; valid options: {', '.join(valid)}")
    return value


def _unknown(kind: str, value: object, valid: list[str] | tuple[str, ...]) -> str:
    close = difflib.get_close_matches(str(value).strip().lower(), valid, n=1)
    return f"unknown {kind} {_show(value)}" + (f" (did you mean '{close[0]}'?)" if close else "")


def _show(value: object) -> str:
    text = f"'{value}'" if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


def _kind_of(value: object) -> str:
    if isinstance(value, bool):
        return "yes/no (true/false)"
    return {dict: "a mapping", list: "a list", tuple: "a list", str: "text", int: "a number", float: "a number"}.get(type(value), f"a {type(value).__name__}")


def read_answers_file(path: str | Path) -> object:
    """The parsed content of an answers file: ``.json`` as JSON, ``.yaml``/``.yml`` as YAML.

    Raises :class:`AnswerError` when the file is missing, unreadable, of another type, or not
    valid JSON/YAML (with the line and column), or when PyYAML is needed but not installed.
    """
    path = Path(path)
    kind = ANSWER_SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise AnswerError([f"unknown file type '{path.suffix or '(none)'}'; write the answers as .yaml, .yml or .json"], str(path))
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise AnswerError(["the file does not exist"], str(path)) from None
    except IsADirectoryError:
        raise AnswerError(["this is a folder, not an answers file"], str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise AnswerError([f"cannot read the file ({exc})"], str(path)) from None
    if kind == "json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise AnswerError([f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"], str(path)) from None
    else:
        data = _load_yaml(text, path)
    if data is None:
        raise AnswerError(["the file is empty; write one line 'item-id: answer' per answer"], str(path))
    return data


def _load_yaml(text: str, path: Path) -> object:
    try:
        import yaml
    except ImportError:
        raise AnswerError(
            ["reading YAML needs PyYAML, which is not installed: pip install 'buurtverbinding[lint]', or write the answers as JSON"],
            str(path),
        ) from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise AnswerError([f"not valid YAML: {problem}{where}"], str(path)) from None
