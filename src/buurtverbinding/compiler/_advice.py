"""Checks of the advice rules in ``content/advies/`` (lint codes BV130–BV139).

The rules are content that professionals review, so a mistake in them gets a coded problem
with the file and the line, like a mistake in an example:

- BV130: a rule names a value outside the vocabulary of its field, a direction that does not
  exist, or (in the example scoring) an unknown field, evidence level or effect;
- BV131: the same rule twice (value and direction), two files for one field, a phase note twice;
- BV132: rules that must be there are missing: the phase rules, a note for every phase, the
  example scoring (``regels-voorbeelden.yaml``);
- BV133: a rule without a reason (neither the rule nor its file has ``why``), or phase notes
  in a file about another field.
"""

from __future__ import annotations

import difflib

from ..models import SITUATION_FEEDS, AdviceRules, ExampleScoring
from ._problems import Reporter
from ._records import Loaded

MATCHABLE = ("locations", "forms", "causes", "dividing_lines", "target_groups")
"""The situation fields whose values can match an example's values (``match``, ``mismatch``)."""


def _hint(value: str, valid: list[str] | tuple[str, ...]) -> str:
    close = difflib.get_close_matches(value, valid, n=1)
    return f"did you mean '{close[0]}'? " if close else ""


def check_advice(items: list[Loaded], vocabularies: dict[str, tuple[str, ...]], directions: list[str], report: Reporter, scoring_file: str) -> None:
    """Every check of the advice rules; ``items`` are the loaded files of ``advies/``."""
    folder = report.root / "advies"
    by_field: dict[str, Loaded] = {}
    scoring = [item for item in items if isinstance(item.record, ExampleScoring)]
    for item in sorted((i for i in items if isinstance(i.record, AdviceRules)), key=lambda i: (i.record.order, str(i.path))):
        rules: AdviceRules = item.record
        if rules.field in by_field:
            other = report.show(by_field[rules.field].path)
            report.add(item.path, item.line("field"), "BV131", f"the rules for '{rules.field}' are already in {other}; keep one file per field")
            continue
        by_field[rules.field] = item
        _check_rules(item, vocabularies, directions, report)
    if not items and not folder.exists():
        report.add(folder, 1, "BV132", "the folder 'advies/' with the advice rules is missing")
        return
    if "phase" not in by_field:
        report.add(folder, 1, "BV132", "the phase rules are missing: add a file with 'field: phase' (regels-fase.yaml)")
    if not scoring and not report.invalid_ids & {scoring_file}:
        report.add(folder / f"{scoring_file}.yaml", 1, "BV132", f"the example scoring '{scoring_file}.yaml' is missing")
    for item in scoring:
        _check_scoring(item, vocabularies, report)


def _check_rules(item: Loaded, vocabularies: dict[str, tuple[str, ...]], directions: list[str], report: Reporter) -> None:
    rules: AdviceRules = item.record
    name = SITUATION_FEEDS[rules.field][0]
    valid = vocabularies.get(name, ())
    seen: set[tuple[str, str]] = set()
    for i, rule in enumerate(rules.rules):
        if valid and rule.value not in valid:
            report.add(
                item.path,
                item.line("rules", i, "value"),
                "BV130",
                f"'{rule.value}' is not in vocabulary '{name}' (field '{rules.field}'); {_hint(rule.value, valid)}valid values: {', '.join(valid)}",
            )
        if rule.direction not in directions:
            report.add(
                item.path,
                item.line("rules", i, "direction"),
                "BV130",
                f"direction '{rule.direction}' does not exist; {_hint(rule.direction, directions)}valid directions: {', '.join(directions)}",
            )
        if (rule.value, rule.direction) in seen:
            report.add(
                item.path,
                item.line("rules", i),
                "BV131",
                f"the rule '{rule.value}' → '{rule.direction}' is given twice; give each value one number of points per direction",
            )
        seen.add((rule.value, rule.direction))
        if rule.why is None and rules.why is None:
            report.add(
                item.path, item.line("rules", i), "BV133", f"the rule '{rule.value}' → '{rule.direction}' has no reason: add 'why' to the rule or to the file"
            )
    if rules.notes and rules.field != "phase":
        report.add(item.path, item.line("notes"), "BV133", f"'notes' belong to the phase rules only, not to '{rules.field}'")
        return
    noted: set[str] = set()
    for i, note in enumerate(rules.notes):
        if valid and note.value not in valid:
            report.add(
                item.path,
                item.line("notes", i, "value"),
                "BV130",
                f"'{note.value}' is not in vocabulary '{name}'; {_hint(note.value, valid)}valid values: {', '.join(valid)}",
            )
        if note.value in noted:
            report.add(item.path, item.line("notes", i), "BV131", f"the note for '{note.value}' is given twice")
        noted.add(note.value)
    if rules.field == "phase":
        missing = [phase for phase in valid if phase not in noted]
        if missing:
            report.add(item.path, item.line("notes") if rules.notes else 1, "BV132", f"every phase needs a note; missing: {', '.join(missing)}")


def _check_scoring(item: Loaded, vocabularies: dict[str, tuple[str, ...]], report: Reporter) -> None:
    scoring: ExampleScoring = item.record
    for key in ("match", "mismatch"):
        for field in getattr(scoring, key):
            if field not in MATCHABLE:
                report.add(
                    item.path,
                    item.line(key, field),
                    "BV130",
                    f"'{key}' names field '{field}', which examples cannot match; {_hint(field, MATCHABLE)}valid fields: {', '.join(MATCHABLE)}",
                )
    for key, name in (("evidence", "bewijsniveaus"), ("effect", "effectrichtingen")):
        valid = vocabularies.get(name, ())
        for value in getattr(scoring, key):
            if valid and value not in valid:
                report.add(
                    item.path,
                    item.line(key, value),
                    "BV130",
                    f"'{value}' in '{key}' is not in vocabulary '{name}'; {_hint(value, valid)}valid values: {', '.join(valid)}",
                )
