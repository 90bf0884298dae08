"""What every command shares: the exit codes, the usage error, JSON output and short echoes."""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Sequence
from typing import Any

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2
"""0: done; 1: something was found wrong or not found; 2: a usage error (a bad argument)."""
EXIT_INTERNAL, EXIT_INTERRUPTED = 70, 130

EXIT_CODES = (
    (EXIT_OK, "ok: the command did what was asked (a search without hits is ok too)"),
    (EXIT_PROBLEM, "something was found wrong or not found: lint errors, an unknown id, a bad answers file, a stale changelog, a file that is in the way"),
    (
        EXIT_USAGE,
        "usage error: an unknown command or option, a missing argument, a value outside its "
        "vocabulary or range (the message names the valid values), an empty search text, options that "
        "do not go together, a content folder that is not there",
    ),
    (EXIT_INTERNAL, "internal error: a bug in buurtverbinding (the message says so; please report it)"),
    (EXIT_INTERRUPTED, "interrupted (Ctrl-C), in any command, with one line on stderr; a file is written whole or not at all"),
)
"""The one table of exit codes: ``buurtverbinding --help`` and docs/dev/cli.md show it."""

ECHO_LIMIT = 60
"""The longest piece of user input a message repeats in full."""


class UsageError(Exception):
    """A bad argument: printed as one line, exit code 2."""


def exit_code_table() -> str:
    """The exit codes as the ``--help`` epilog prints them."""
    rows = (textwrap.fill(meaning, 79, initial_indent=f"  {code:<4} ", subsequent_indent=" " * 7) for code, meaning in EXIT_CODES)
    return "exit codes:\n" + "\n".join(rows)


def short(text: object, limit: int = ECHO_LIMIT) -> str:
    """``text`` for a message: on one line, and cut with an ellipsis when it is longer than ``limit``."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def resolve_id(cat: Any, text: str, example: str) -> str:
    """The id a user typed, for ``Catalog.get``: ids are lower-case slugs, so ``BUURTBEMIDDELING``
    finds ``buurtbemiddeling``; an empty id is a usage error (``example`` shows a good call)."""
    identifier = text.strip()
    if not identifier:
        raise UsageError(f"give an id, e.g. {example}")
    known = identifier in cat or cat.replacement(identifier) is not None
    if not known and (identifier.lower() in cat or cat.replacement(identifier.lower()) is not None):
        return identifier.lower()
    return identifier


FACET_SEPARATOR = re.compile(r"[\s,]+")
"""Between the values of one facet option: commas and spaces, as in the ``bv:examples`` directive's options."""


def facet_values(cat: Any, option: str, facet: str, given: Sequence[str] | None) -> list[str] | None:
    """The values of a repeatable facet option (``--phase a,b --phase c``), checked against the
    facet's vocabulary (case does not matter); ``None`` when the option was not given. A value
    outside the vocabulary, or an empty one, is a usage error that lists the valid values."""
    if not given:
        return None
    from ..catalog import UnknownValueError

    valid = cat.valid_values(facet)
    values: list[str] = []
    for raw in given:
        parts = [part for part in FACET_SEPARATOR.split(raw.strip()) if part]
        if not parts:
            raise UsageError(f"{option}: give a value; valid values: {', '.join(valid)}")
        for part in parts:
            value = part if part in valid or part.lower() not in valid else part.lower()
            if value not in valid:
                raise UsageError(f"{option}: {UnknownValueError(facet.replace('_', ' '), short(part), valid)}")
            values.append(value)
    return values


def print_json(data: Any) -> None:
    """Machine-readable output: indented, sorted keys, UTF-8 kept (not escaped)."""
    print(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True))


def advice_json(advice: Any, gaps: Any, assessment: Any = None) -> dict[str, Any]:
    """``assess --json``: the advice as JSON. Ids and field names are English, the reasons Dutch.

    ``{"answers", "situation", "notes", "directions", "examples", "gaps", "existing"}``; a
    direction, example or gap names its records by id, and every reason is
    ``{"text", "points", "field", "values"}``.
    """

    def reasons(items: Any) -> list[dict[str, Any]]:
        return [reason.model_dump(mode="json") for reason in items]

    return {
        "answers": {key: list(value) if isinstance(value, tuple) else value for key, value in (assessment.answers if assessment else {}).items()},
        "situation": advice.situation.model_dump(mode="json", exclude_defaults=True),
        "notes": list(advice.notes),
        "directions": [
            {"id": d.direction.id, "title": d.direction.title, "score": d.score, "called_for": d.called_for, "reasons": reasons(d.reasons)}
            for d in advice.directions
        ],
        "examples": [
            {
                "id": e.example.id,
                "title": e.example.title,
                "score": e.score,
                "evidence_level": e.evidence_level,
                "effect": e.effect,
                "reasons": reasons(e.reasons),
                "caveats": reasons(e.caveats),
            }
            for e in advice.examples
        ],
        "gaps": [
            {
                "kind": g.kind,
                "direction": g.direction.id if g.direction else None,
                "phase": g.phase,
                "reasons": list(g.reasons),
                "suggestions": [s.example.id for s in g.suggestions],
            }
            for g in gaps
        ],
        "existing": [{"entry": m.entry, "example": m.example.id if m.example else None, "how": m.how} for m in advice.existing],
    }
