"""Problems found in a content tree: a stable code, a place and a sentence."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

CODES: dict[str, str] = {
    "BV001": "file is not valid UTF-8",
    "BV002": "file is empty",
    "BV003": "a folder stands where a file is expected",
    "BV010": "YAML syntax error",
    "BV011": "Markdown file without YAML front matter",
    "BV012": "YAML document is not a mapping",
    "BV013": "key given twice in one mapping",
    "BV101": "required field missing",
    "BV102": "unknown field",
    "BV103": "invalid value or wrong type",
    "BV104": "value outside its vocabulary",
    "BV105": "summary too long",
    "BV106": "not an http(s) address",
    "BV107": "example without source",
    "BV108": "review date in the future",
    "BV109": "malformed id",
    "BV110": "section missing or empty",
    "BV111": "unexpected text or heading in the body",
    "BV112": "raw HTML in Markdown",
    "BV113": "source address on a re-upload, document-sharing or wiki-copy site",
    "BV114": "source address is a tag, category or search page",
    "BV115": "placeholder (TODO) left in",
    "BV116": "example without 'connection' (how it works against polarisation)",
    "BV117": "situation facet empty and not declared not applicable",
    "BV118": "'not_applicable' names an unknown facet or one that has values",
    "BV119": "effect contradicts the evidence level or the study design",
    "BV120": "synonym is not one word that search can use",
    "BV121": "synonym listed twice or in two groups",
    "BV122": "synonym with the same stem as another word of its group",
    "BV130": "advice model names an unknown value, direction, step, topic, example or sentence",
    "BV131": "advice rule, phase, step or topic given twice",
    "BV132": "advice model, phase order, sentence or question declaration missing",
    "BV133": "advice rule without a reason",
    "BV134": "advice sentence with a placeholder its place does not fill, or an incomplete tie order",
    "BV140": "rating without a date and without its source among the example's sources",
    "BV136": "description cue names an unknown field or value",
    "BV137": "description cue phrase given twice",
    "BV138": "description cues empty, or a phrase of stop words only",
    "BV201": "duplicate id",
    "BV202": "reference to an id that does not exist",
    "BV203": "file name does not match id",
    "BV204": "unexpected file in the content tree",
    "BV205": "required content missing",
    "BV206": "checklist item cannot feed the situation field it names",
    "BV207": "published id disappeared without being retired",
    "BV208": "retired id used again",
    "BV209": "kis-gelinkt without a source published by KIS",
    "BV210": "bevestigd without a source that shows the example in the guide",
    "BV301": "review date more than two years ago (warning)",
}
"""Every lint code with a one-line title. Codes are stable: never renumber, only add.

BV0xx: reading a file; BV1xx: one record; BV2xx: across records; BV3xx: warnings, which are
reported but do not fail ``lint``, the build or the wheel (see :data:`WARNINGS`)."""

WARNINGS: frozenset[str] = frozenset({"BV301"})
"""The codes reported with severity ``warning``: advice, never a reason to refuse the content."""


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in the content tree."""

    path: str
    line: int
    code: str
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.code} {self.severity}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity,
            "path": self.path,
            "line": self.line,
            "message": self.message,
        }


class Reporter:
    """Collects problems, with paths shown relative to the folder being checked."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []
        self.invalid_ids: set[str] = set()
        """Ids of records that exist but failed validation: references to them are not dangling."""
        self.ids_unknown = False
        """Set when a file holding several ids (a checklist, the glossary, retired.yaml) could not be
        read or validated: which published ids are gone cannot be told, so BV207 waits for the fix."""
        self.partial: list[tuple[Any, frozenset[int]]] = []
        """Records that failed validation, each as a ``Loaded`` of its valid fields with the lines
        of its invalid ones: ``check_tree`` runs the checks across records on them too."""

    def add(self, path: Path, line: int, code: str, message: str, severity: str | None = None) -> None:
        """Record a problem; its severity follows from its code (``warning`` for :data:`WARNINGS`)."""
        assert code in CODES, code
        severity = severity or ("warning" if code in WARNINGS else "error")
        self.problems.append(Problem(self.show(path), max(line, 1), code, message, severity))

    def show(self, path: Path) -> str:
        try:
            rel = path.relative_to(self.root.parent)
        except ValueError:
            return str(path)
        return rel.as_posix()

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]
