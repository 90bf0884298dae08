"""Checks of the advice model in ``content/advies/`` and of what checklist questions feed
(lint codes BV130–BV139).

The rules are content that professionals review, so a mistake in them gets a coded problem
with the file and the line, like a mistake in an example:

- BV130: a rule names a value outside the vocabulary of its field, a direction, first step,
  policy topic or example that does not exist, or an unknown field, evidence level or effect;
- BV131: the same rule twice (value and direction), two files for one field, a phase twice,
  a first step or policy topic id twice;
- BV132: what must be there is missing: the advice model (``model.yaml``), a phase order for
  every phase, a sentence the evaluators need, a ``feeds`` declaration on a checklist question,
  a ``judgement`` question for every direction;
- BV133: a rule without a reason (neither the rule nor its file has ``why``);
- BV134: a sentence with a placeholder that its place does not fill, or ``prefer`` that does
  not list every direction once.

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
import re
import typing

from .._search import _TOKEN, normalise, stem
from ..models import SITUATION_FEEDS, AdviceModel, AdviceRules, Checklist, DescriptionCues
from ._problems import Reporter
from ._records import Loaded

__all__ = ["TEXTS", "check_advice", "cue_forms"]

CORE_FIELDS = ("forms", "causes", "dividing_lines", "target_groups")
"""The situation fields on which an example can match at its core."""

TEXTS: dict[str, tuple[str, ...]] = {
    "and": (),
    "months": (),
    "answer_yes": (),
    "answer_no": (),
    "answer_unknown": (),
    "not_filled": (),
    "field_phase": (),
    "field_locations": (),
    "field_target_groups": (),
    "field_dividing_lines": (),
    "field_forms": (),
    "field_causes": (),
    "field_partners": (),
    "field_budget": (),
    "field_existing": (),
    "field_judgement": (),
    "field_first": (),
    "field_policy": (),
    "feeds_advice": ("what",),
    "feeds_report": (),
    "summary_empty": (),
    "summary_first": ("steps",),
    "summary_plan": ("directions", "top", "values"),
    "summary_plan_chosen": ("directions",),
    "summary_plan_none": (),
    "summary_plan_declined": (),
    "summary_later": ("directions", "why"),
    "summary_gaps": ("directions",),
    "summary_gaps_pending": (),
    "headline": ("first", "plan"),
    "headline_no_first": ("plan",),
    "headline_none": (),
    "direction_suggested": ("values", "why"),
    "direction_chosen": (),
    "direction_chosen_only": (),
    "direction_declined": (),
    "direction_declined_strong": ("direction", "values"),
    "direction_later": ("why",),
    "direction_later_chosen": ("why",),
    "first_phase": ("phase",),
    "first_chosen": (),
    "first_declined": ("phase",),
    "example_reason": ("core", "direction", "plan"),
    "example_in_plan": (),
    "example_over_budget": (),
    "example_no_effect": (),
    "example_negative": (),
    "caveat_general": ("count",),
    "gaps_pending": (),
    "gaps_none": (),
    "gap_direction": ("direction",),
    "gap_direction_unknown": ("direction",),
    "gap_topic": ("topic",),
    "gap_fill": ("examples",),
    "running_example": ("entry", "title"),
    "running_name": ("entry", "directions"),
    "running_unknown": ("entry",),
    "report_title": (),
    "report_date": (),
    "report_area": (),
    "report_present": (),
    "report_summary": (),
    "report_first": (),
    "report_plan": (),
    "report_later": (),
    "report_declined": (),
    "report_examples": (),
    "report_gaps": (),
    "report_running": (),
    "report_answers": (),
    "report_described": (),
    "described_text": ("text",),
    "described_value": ("label", "field", "words"),
    "report_none": (),
    "problem_not_answers": (),
    "problem_version": ("version", "supported"),
    "problem_unknown_item": ("item", "hint"),
    "problem_hint": ("closest",),
    "problem_yes_no": ("question", "value"),
    "problem_option": ("question", "value", "options"),
    "problem_one_option": ("question", "options"),
    "problem_scale": ("question", "value", "min", "low", "max", "high"),
    "problem_text": ("question",),
    "problem_meeting": ("field",),
}
"""Every sentence the evaluators use, with the placeholders its place fills. The sentences
themselves are content (``texts`` in ``model.yaml``); this is the contract of their names."""

LISTS = {"months": 12}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _hint(value: str, valid: list[str] | tuple[str, ...]) -> str:
    close = difflib.get_close_matches(value, valid, n=1)
    return f"did you mean '{close[0]}'? " if close else ""


def check_advice(records: dict[str, list[Loaded]], vocabularies: dict[str, tuple[str, ...]], directions: list[str], report: Reporter) -> None:
    """Every check of the advice model, its fit rules and the checklist declarations."""
    items = records.get("advice", [])
    folder = report.root / "advies"
    if not items and not folder.exists():
        report.add(folder, 1, "BV132", "the folder 'advies/' with the advice model is missing")
        return
    by_field: dict[str, Loaded] = {}
    for item in sorted((i for i in items if isinstance(i.record, AdviceRules)), key=lambda i: (i.record.order, str(i.path))):
        rules: AdviceRules = item.record
        if rules.field in by_field:
            other = report.show(by_field[rules.field].path)
            report.add(item.path, item.line("field"), "BV131", f"the rules for '{rules.field}' are already in {other}; keep one file per field")
            continue
        by_field[rules.field] = item
        _check_rules(item, vocabularies, directions, report)
    for item in items:
        if isinstance(item.record, DescriptionCues):
            _check_cues(item, vocabularies, report)
    models = [item for item in items if isinstance(item.record, AdviceModel)]
    if not models:
        if not (folder / "advies-model.yaml").exists():
            report.add(folder / "advies-model.yaml", 1, "BV132", "the advice model 'advies-model.yaml' is missing")
        return
    model_item = models[0]
    examples = [item.record.id for item in records.get("example", [])]
    complete = not any(p.code == "BV205" for p in report.problems)  # else the set of directions is reported already
    _check_model(model_item, vocabularies, directions, examples, report, complete)
    _check_items(records.get("checklist", []), model_item.record, directions, report, complete)


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
                f"the rule '{rule.value}' → '{rule.direction}' is given twice; give each value one weight per direction",
            )
        seen.add((rule.value, rule.direction))
        if rule.why is None and rules.why is None:
            report.add(
                item.path, item.line("rules", i), "BV133", f"the rule '{rule.value}' → '{rule.direction}' has no reason: add 'why' to the rule or to the file"
            )


def _check_model(item: Loaded, vocabularies: dict[str, tuple[str, ...]], directions: list[str], examples: list[str], report: Reporter, complete: bool) -> None:
    model: AdviceModel = item.record

    def unknown(value: str, valid: list[str] | tuple[str, ...], what: str, *loc: int | str) -> None:
        if value not in valid:
            listed = f"valid: {', '.join(valid)}" if len(valid) <= 30 else "see 'buurtverbinding list' for the ids"
            report.add(item.path, item.line(*loc), "BV130", f"{what} '{value}' does not exist; {_hint(value, valid)}{listed}")

    steps = [step.id for step in model.first_steps]
    for i, step_id in enumerate(steps):
        if step_id in steps[:i]:
            report.add(item.path, item.line("first_steps", i, "id"), "BV131", f"the first step '{step_id}' is given twice")
    phases = vocabularies.get("fasen", ())
    seen: list[str] = []
    for i, order in enumerate(model.phases):
        unknown(order.phase, phases, "phase", "phases", i, "phase")
        if order.phase in seen:
            report.add(item.path, item.line("phases", i, "phase"), "BV131", f"the phase '{order.phase}' is given twice")
        seen.append(order.phase)
        for j, step_id in enumerate(order.first):
            unknown(step_id, steps, "first step", "phases", i, "first", j)
        for j, held in enumerate(order.later):
            unknown(held.direction, directions, "direction", "phases", i, "later", j, "direction")
        if complete and sorted(order.prefer) != sorted(directions):
            report.add(item.path, item.line("phases", i, "prefer"), "BV134", f"'prefer' must list every direction once: {', '.join(directions)}")
    missing = [phase for phase in phases if phase not in seen]
    if missing:
        report.add(item.path, item.line("phases"), "BV132", f"every phase needs its order; missing: {', '.join(missing)}")
    weights = model.examples
    for field in weights.core:
        unknown(field, CORE_FIELDS, "core field", "examples", "core", field)
    for field, values in weights.generic.items():
        unknown(field, CORE_FIELDS, "core field", "examples", "generic", field)
        name = SITUATION_FEEDS.get(field, ("", ""))[0]
        for value in values:
            if field in CORE_FIELDS:
                unknown(value, vocabularies.get(name, ()), f"value of '{name}'", "examples", "generic", field)
    for value in weights.effect:
        unknown(value, vocabularies.get("effectrichtingen", ()), "effect", "examples", "effect", value)
    for i, topic in enumerate(model.policy_topics):
        if topic.id in directions:
            report.add(item.path, item.line("policy_topics", i, "id"), "BV131", f"'{topic.id}' is a direction already; a policy topic needs its own id")
        for j, example in enumerate(topic.examples):
            unknown(example, examples, "example", "policy_topics", i, "examples", j)
    for i, running in enumerate(model.running):
        for j, direction in enumerate(running.directions):
            unknown(direction, directions, "direction", "running", i, "directions", j)
    for key, allowed in TEXTS.items():
        text = model.texts.get(key)
        if text is None:
            report.add(item.path, item.line("texts"), "BV132", f"the sentence '{key}' is missing from 'texts'")
        elif key in LISTS:
            if not isinstance(text, list) or len(text) != LISTS[key]:
                report.add(item.path, item.line("texts", key), "BV134", f"'{key}' must be a list of {LISTS[key]} words")
        elif not isinstance(text, str):
            report.add(item.path, item.line("texts", key), "BV134", f"'{key}' must be one sentence (text), not a list")
        else:
            extra = sorted(set(_PLACEHOLDER.findall(text)) - set(allowed))
            if extra:
                fills = ", ".join("{" + a + "}" for a in allowed) or "none"
                report.add(
                    item.path,
                    item.line("texts", key),
                    "BV134",
                    f"'{key}' uses {', '.join('{' + e + '}' for e in extra)}, which it cannot fill; it fills: {fills}",
                )
    for key in sorted(set(model.texts) - set(TEXTS)):
        report.add(item.path, item.line("texts", key), "BV130", f"unknown sentence '{key}'; {_hint(key, list(TEXTS))}no evaluator uses it")


def _check_items(checklists: list[Loaded], model: AdviceModel, directions: list[str], report: Reporter, complete: bool) -> None:
    steps = [step.id for step in model.first_steps]
    topics = [*directions, *(topic.id for topic in model.policy_topics)]
    judged: set[str] = set()
    for loaded in checklists:
        checklist: Checklist = loaded.record
        for i, question in enumerate(checklist.items):
            if question.feeds is None:
                report.add(
                    loaded.path,
                    loaded.line("items", i),
                    "BV132",
                    f"question '{question.id}' does not say what it feeds: add 'feeds' (a situation field, judgement, first, policy or verslag)",
                )
                continue
            valid = {"judgement": directions, "first": steps, "policy": topics}.get(question.feeds)
            if valid is not None and question.about is not None and question.about not in valid:
                report.add(
                    loaded.path,
                    loaded.line("items", i, "about"),
                    "BV130",
                    f"'{question.about}' is not a {question.feeds} subject; {_hint(question.about, valid)}valid: {', '.join(valid)}",
                )
            if question.feeds == "judgement" and question.about:
                judged.add(question.about)
    if complete and checklists and judged:
        missing = [d for d in directions if d not in judged]
        if missing:
            report.add(checklists[0].path, 1, "BV132", f"every direction needs a 'judgement' question in step 3; missing: {', '.join(missing)}")


DESCRIBABLE: tuple[str, ...] = ("phase", *typing.get_args(AdviceRules.model_fields["field"].annotation))
"""The situation fields that a description can fill: the phase and the fields with fit rules (:class:`AdviceRules`)."""


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
