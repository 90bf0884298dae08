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

The cue phrases for reading a description (``beschrijving.yaml``) have codes of their own:

- BV136: a cue (or ``negated_fields``) names a field that a description cannot fill, or a value
  outside its vocabulary; ``phase_order`` names an unknown phase;
- BV137: the same phrase (the same words, ignoring case and accents) twice for one value, or a
  phase twice in ``phase_order`` (one phrase may point to several values: *hakenkruis*);
- BV138: something empty: a value without phrases, a phrase without words, a phrase made only
  of stop words (it would never count), no negation words or clause marks, a phase missing
  from ``phase_order``.
"""

from __future__ import annotations

import difflib
import typing

from .._search import _TOKEN, normalise, stem
from ..models import SITUATION_FEEDS, AdviceRules, DescriptionCues, ExampleScoring
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
    for item in items:
        if isinstance(item.record, DescriptionCues):
            _check_cues(item, vocabularies, report)


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


DESCRIBABLE: tuple[str, ...] = typing.get_args(AdviceRules.model_fields["field"].annotation)
"""The situation fields that the advice reads and a description can fill (from :class:`AdviceRules`)."""


def _check_cues(item: Loaded, vocabularies: dict[str, tuple[str, ...]], report: Reporter) -> None:
    table: DescriptionCues = item.record
    if table.forms:
        report.add(item.path, item.line("forms"), "BV138", "'forms' is made by the compiler from the cue phrases; leave it out of the file")
    for key in ("negations", "clause_marks"):
        if not "".join(getattr(table, key)).strip():
            report.add(item.path, item.line(key), "BV138", f"'{key}' is empty; a description cannot be read without it")
    stops = {w for word in table.stop_words for w in _TOKEN.findall(normalise(word))}
    phases = vocabularies.get(SITUATION_FEEDS["phase"][0], ())
    seen_phases: set[str] = set()
    for i, phase in enumerate(table.phase_order):
        if phases and phase not in phases:
            report.add(
                item.path,
                item.line("phase_order", i),
                "BV136",
                f"'{phase}' in 'phase_order' is not a phase; {_hint(phase, phases)}valid phases: {', '.join(phases)}",
            )
        elif phase in seen_phases:
            report.add(item.path, item.line("phase_order", i), "BV137", f"the phase '{phase}' stands twice in 'phase_order'")
        seen_phases.add(phase)
    for i, field in enumerate(table.negated_fields):
        if field not in DESCRIBABLE:
            report.add(
                item.path,
                item.line("negated_fields", i),
                "BV136",
                f"'negated_fields' names '{field}'; {_hint(field, DESCRIBABLE)}valid fields: {', '.join(DESCRIBABLE)}",
            )
    missing = [phase for phase in phases if phase not in seen_phases]
    if missing:
        report.add(item.path, item.line("phase_order"), "BV138", f"'phase_order' must name every phase, most severe first; missing: {', '.join(missing)}")
    for field, values in table.cues.items():
        if field not in DESCRIBABLE:
            report.add(
                item.path,
                item.line("cues", field),
                "BV136",
                f"a description cannot fill field '{field}'; {_hint(field, DESCRIBABLE)}valid fields: {', '.join(DESCRIBABLE)}",
            )
            continue
        name = SITUATION_FEEDS[field][0]
        valid = vocabularies.get(name, ())
        for value, phrases in values.items():
            seen: set[tuple[str, ...]] = set()
            if valid and value not in valid:
                report.add(
                    item.path,
                    item.line("cues", field, value),
                    "BV136",
                    f"'{value}' is not in vocabulary '{name}' (field '{field}'); {_hint(value, valid)}valid values: {', '.join(valid)}",
                )
            if not phrases:
                report.add(item.path, item.line("cues", field, value), "BV138", f"'{field}' → '{value}' has no cue phrases; add some or leave the value out")
            for i, phrase in enumerate(phrases):
                written = tuple(_TOKEN.findall(normalise(phrase)))
                where = item.line("cues", field, value, i)
                if not written:
                    report.add(item.path, where, "BV138", f"the cue phrase {phrase!r} for '{value}' has no words")
                elif all(w in stops for w in written):
                    report.add(
                        item.path,
                        where,
                        "BV138",
                        f"the cue phrase '{phrase}' for '{value}' holds only stop words, so it never counts; add a word that carries meaning",
                    )
                elif written in seen:
                    report.add(item.path, where, "BV137", f"the cue phrase '{phrase}' is given twice for '{field}' → '{value}'; give each phrase once")
                seen.add(written)


_ENDINGS = ("s", "e", "n", "en", "d", "de", "den", "te", "ten")
"""Regular Dutch endings tried on a cue word (plural, adjective, past tense); a form is kept only
when the stemmer agrees."""


def _candidates(word: str) -> set[str]:
    """Possible inflected forms of ``word``; :func:`cue_forms` keeps those that have its stem."""
    found = {word + ending for ending in _ENDINGS}
    for ending in ("en", "e", "t", "d"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            base = word[: -len(ending)]  # ergeren → erger, ergerde
            found |= {base, base + "e", base + "de", base + "te", base + "den", base + "ten"}
    if len(word) > 3 and word[-1] not in "aeiouy":
        found |= {word + word[-1] + "en", word + word[-1] + "e"}  # gesprek → gesprekken
        if word[-3] == word[-2] and word[-2] in "aeou":  # steen → stenen, straat → straten
            found |= {word[:-2] + word[-1] + "en", word[:-2] + word[-1] + "e"}
    found.discard(word)
    return found


def cue_forms(table: DescriptionCues) -> dict[str, str]:
    """The written forms of every cue word and negation word, each with its stem (the search's
    stemmer): the words as written, and the regular inflections of a cue word that the stemmer
    gives the same stem. The browser's reader needs this map instead of a stemmer."""
    forms: dict[str, str] = {}
    words = {w for values in table.cues.values() for phrases in values.values() for phrase in phrases for w in _TOKEN.findall(normalise(phrase))}
    words |= {w for word in table.negations for w in _TOKEN.findall(normalise(word))}
    for word in sorted(words):
        forms[word] = stem(word)
    for word in sorted(words):
        for candidate in sorted(_candidates(word)):
            if candidate not in forms and stem(candidate) == forms[word]:
                forms[candidate] = forms[word]
    return dict(sorted(forms.items()))
