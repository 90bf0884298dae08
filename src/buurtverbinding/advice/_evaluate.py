"""The advice evaluator: the compiled advice table and the meeting's answers in, the advice out.

This module and the page's ``bv-advice.js`` are the two evaluators of one model. Both take the
same table (``advice_table``: plain JSON) and produce the same
plain-JSON advice; a shared conformance suite (``tests/advice-cases/``) holds them to that. The
rules, thresholds and every Dutch sentence come from the table (``content/advies/``); the code
holds the order of the steps only. Keep the two files in step: same function names, same order
of operations, integer arithmetic only.

The steps, in the guide's order:

1. :func:`read_document` checks an answers document (answers per question, optionally with the
   meeting's datum, buurt and aanwezigen) and lists every problem in Dutch.
2. :func:`situation_from_answers` turns the answers into a situation by each question's
   declaration (``feeds``): step-2 fields, judgements (step 3), first steps, policy (step 4).
3. :func:`advise` makes the advice: *Eerst* (the phase's first steps and the meeting's choice),
   *Dan* (the plan: directions ranked by fit, with the meeting's ja/nee), *Later* (held back in
   this phase), examples that match on their core, and the witte vlekken once step 4 has answers.
4. :func:`report` writes the verslag's sections.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

__all__ = ["DOCUMENT_FORMAT", "DOCUMENT_VERSION", "advise", "evaluate", "read_document", "report", "situation_from_answers"]

DOCUMENT_FORMAT = "buurtanalyse"
"""The ``format`` of a saved answers document (the page's "Antwoorden opslaan")."""
DOCUMENT_VERSION = 2
"""The newest answers document version; version 1 is a plain mapping of answers."""
MEETING_FIELDS = (("datum", "report_date"), ("buurt", "report_area"), ("aanwezigen", "report_present"))
LIST_FIELDS = ("locations", "target_groups", "dividing_lines", "forms", "causes", "partners")
JUDGED = {"judgement": "judgements", "first": "first", "policy": "policy"}
"""A question that feeds a judgement, a first step or policy → the situation's mapping it fills."""
ANSWER_WORDS = {"ja": "ja", "yes": "ja", "nee": "nee", "no": "nee", "weet niet": "weet-niet", "weet-niet": "weet-niet"}

Json = Any


# --- small helpers, the same in bv-advice.js -----------------------------------------------


def fill(template: str, values: dict[str, Any]) -> str:
    """``template`` with each ``{name}`` replaced by ``values[name]``."""
    return re.sub(r"\{(\w+)\}", lambda m: str(values.get(m.group(1), "")), template)


def join(texts: list[str], word: str) -> str:
    """``a``, ``a en b``, ``a, b en c``."""
    if len(texts) <= 1:
        return "".join(texts)
    return ", ".join(texts[:-1]) + word + texts[-1]


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def sentence(text: str) -> str:
    text = upper_first(text.strip())
    return text if text.endswith((".", "!", "?")) else text + "."


def clause(text: str) -> str:
    """A sentence used inside another: first letter small, no final full stop."""
    text = lower_first(text.strip())
    return text[:-1] if text.endswith(".") else text


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFD", text)
    text = re.sub("[\u0300-\u036f]", "", text).lower()
    return " ".join(text.split())


def show(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text if len(text) <= 60 else text[:57] + "..."


def distance(a: str, b: str) -> int:
    """Levenshtein distance."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def closest(word: str, candidates: list[str]) -> str | None:
    """The first candidate that starts with ``word``, else the nearest (first in order on a
    tie) if it is near enough."""
    for candidate in candidates:
        if word and candidate.startswith(word):
            return candidate
    best, best_distance = None, 0
    for candidate in candidates:
        d = distance(word, candidate)
        if best is None or d < best_distance:
            best, best_distance = candidate, d
    return best if best is not None and best_distance <= max(2, len(word) // 3) else None


def is_int(value: Any) -> bool:
    """A whole number (JSON does not tell 2 from 2.0, so neither does this)."""
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and value.is_integer())


def format_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def dutch_date(table: Json, text: str) -> str:
    match = re.fullmatch(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", text)
    if not match or not 1 <= int(match.group(2)) <= 12:
        return text
    return f"{int(match.group(3))} {table['texts']['months'][int(match.group(2)) - 1]} {match.group(1)}"


# --- 1. the document ------------------------------------------------------------------------


def read_document(table: Json, document: Json) -> tuple[dict[str, Any], dict[str, str], list[str]]:
    """The checked answers (in checklist order), the meeting fields, and every problem."""
    texts = table["texts"]
    if not isinstance(document, dict):
        return {}, {}, [texts["problem_not_answers"]]
    answers: Any = document
    meeting: dict[str, str] = {}
    problems: list[str] = []
    if "format" in document:
        if document.get("format") != DOCUMENT_FORMAT or not isinstance(document.get("answers"), dict):
            return {}, {}, [texts["problem_not_answers"]]
        version = document.get("version")
        if not is_int(version) or not 1 <= version <= DOCUMENT_VERSION:  # type: ignore[operator]
            return {}, {}, [fill(texts["problem_version"], {"version": show(version), "supported": DOCUMENT_VERSION})]
        answers = document["answers"]
        given = document.get("meeting")
        given = given if isinstance(given, dict) else {}
        for key, label in MEETING_FIELDS:
            value = given.get(key)
            if value is None or value == "":
                continue
            if isinstance(value, str):
                if value.strip():
                    meeting[key] = value.strip()
            else:
                problems.append(fill(texts["problem_meeting"], {"field": texts[label]}))
    items = table["items"]
    by_id = {item["id"]: item for item in items}
    order = [item["id"] for item in items]
    checked: dict[str, Any] = {}
    for key, raw in answers.items():
        item = by_id.get(key)
        if item is None:
            near = closest(normalise(key), order)
            hint = fill(texts["problem_hint"], {"closest": near}) if near else ""
            problems.append(fill(texts["problem_unknown_item"], {"item": show(key), "hint": hint}))
            continue
        value, problem = check_answer(table, item, raw)
        if problem:
            problems.append(problem)
        elif value is not None:
            checked[key] = value
    return {key: checked[key] for key in order if key in checked}, meeting, problems


def check_answer(table: Json, item: Json, raw: Any) -> tuple[Any, str | None]:
    """One answer checked against its question: (normalised answer or None, problem or None)."""
    texts = table["texts"]
    if raw is None or raw == "" or (isinstance(raw, list) and not raw):
        return None, None
    kind, question = item["kind"], item["question"]
    if kind == "yes_no":
        word = ("ja" if raw else "nee") if isinstance(raw, bool) else ANSWER_WORDS.get(normalise(raw)) if isinstance(raw, str) else None
        if word is None:
            return None, fill(texts["problem_yes_no"], {"question": question, "value": show(raw)})
        return word, None
    if kind in ("single_choice", "multiple_choice"):
        valid = [option[0] for option in item["options"]]
        options = ", ".join(valid)
        if kind == "single_choice":
            if not isinstance(raw, str):
                return None, fill(texts["problem_one_option"], {"question": question, "options": options})
            value = normalise(raw)
            if value not in valid:
                return None, fill(texts["problem_option"], {"question": question, "value": show(raw), "options": options})
            return value, None
        values = [raw] if isinstance(raw, str) else raw
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            return None, fill(texts["problem_option"], {"question": question, "value": show(raw), "options": options})
        bad = [v for v in values if normalise(v) not in valid]
        if bad:
            return None, fill(texts["problem_option"], {"question": question, "value": show(", ".join(bad)), "options": options})
        result: list[str] = []
        for v in values:
            if normalise(v) not in result:
                result.append(normalise(v))
        return result, None
    if kind == "scale":
        scale = item["scale"]
        number = int(raw) if is_int(raw) or (isinstance(raw, str) and re.fullmatch(r"\s*-?[0-9]+\s*", raw)) else None
        if number is None or not scale["min"] <= number <= scale["max"]:
            values = {"question": question, "value": show(raw), "min": scale["min"], "low": scale["low"], "max": scale["max"], "high": scale["high"]}
            return None, fill(texts["problem_scale"], values)
        return number, None
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return format_number(raw), None
    if isinstance(raw, list) and all(isinstance(v, str) for v in raw):
        lines = [v.strip() for v in raw if v.strip()]
        return ("\n".join(lines) or None), None
    if not isinstance(raw, str):
        return None, fill(texts["problem_text"], {"question": question})
    return (raw.strip() or None), None


# --- 2. the situation -----------------------------------------------------------------------


def empty_situation() -> dict[str, Any]:
    situation: dict[str, Any] = {"phase": None, "budget": None, "existing": [], "judgements": {}, "first": {}, "policy": {}}
    for field in LIST_FIELDS:
        situation[field] = []
    return situation


def situation_from_answers(table: Json, answers: dict[str, Any]) -> dict[str, Any]:
    """The situation that the answers describe, by each question's ``feeds`` declaration."""
    situation = empty_situation()
    for item in table["items"]:
        answer = answers.get(item["id"])
        feeds = item["feeds"]
        if answer is None or feeds == "verslag":
            continue
        if feeds in JUDGED:
            situation[JUDGED[feeds]][item["about"]] = answer
        elif feeds in ("phase", "budget"):
            if situation[feeds] is None:
                situation[feeds] = answer
        elif feeds == "existing":
            for part in re.split(r"[\n;,]+", str(answer)):
                entry = part.strip(" -*\t")
                if entry and entry not in situation["existing"]:
                    situation["existing"].append(entry)
        else:
            for value in answer:
                if value not in situation[feeds]:
                    situation[feeds].append(value)
    return situation


# --- 3. the advice --------------------------------------------------------------------------


def value_label(table: Json, field: str, value: str) -> str:
    return str(table["labels"][field].get(value, value))


def fit_directions(table: Json, situation: dict[str, Any]) -> dict[str, Any]:
    """Per direction: its fit (per question the highest weight), the values and the best reason."""
    fits: dict[str, Any] = {d["id"]: {"fit": 0, "values": [], "why": "", "weight": 0} for d in table["directions"]}
    for rule_set in table["fit"]:
        field = rule_set["field"]
        for direction in table["directions"]:
            best = None
            for value in situation[field]:
                rule = rule_set["rules"].get(value, {}).get(direction["id"])
                if rule is not None and (best is None or rule[0] > best[1]):
                    best = (value, rule[0], rule[1])
            if best is None:
                continue
            entry = fits[direction["id"]]
            entry["fit"] += best[1]
            label = value_label(table, field, best[0])
            entry["values"].append(f"{label} ({table['texts']['field_' + field]})")
            if best[1] > entry["weight"]:
                entry["weight"], entry["why"] = best[1], f"{label} {best[2]}"
    return fits


def advise(table: Json, situation: dict[str, Any], limit: int | None = None) -> dict[str, Any]:
    """The advice for a situation (see the module docstring); ``limit`` overrides the number of examples."""
    texts, model = table["texts"], table["model"]
    word = texts["and"]
    titles = {d["id"]: d["short"] for d in table["directions"]}
    phase = situation["phase"]
    order = model["phases"].get(phase) if phase else None
    phase_label = value_label(table, "phase", phase) if phase else ""
    fits = fit_directions(table, situation)
    top = max(entry["fit"] for entry in fits.values())
    thresholds = model["fit"]
    held = {h["direction"]: h["why"] for h in order["later"]} if order else {}
    prefer = order["prefer"] if order else [d["id"] for d in table["directions"]]

    plan, later, declined = [], [], []
    for direction in table["directions"]:
        d = direction["id"]
        entry = fits[d]
        fit = entry["fit"]
        suggested = fit >= thresholds["suggest_min"] and fit * 100 >= thresholds["suggest_share"] * top
        strong = suggested and fit * 100 >= thresholds["strong_share"] * top
        values = join(entry["values"], word)
        because = fill(texts["direction_suggested"], {"values": values, "why": sentence(entry["why"]) if entry["why"] else ""}).strip()
        judgement = situation["judgements"].get(d)
        record = {"id": d, "title": titles[d], "fit": fit}
        if judgement == "nee":
            text = fill(texts["direction_declined_strong"], {"direction": titles[d], "values": values}) if strong else texts["direction_declined"]
            declined.append({**record, "kind": "direction", "reason": text})
        elif d in held:
            key = "direction_later_chosen" if judgement == "ja" else "direction_later"
            later.append({**record, "reason": fill(texts[key], {"why": clause(held[d])}), "why": held[d]})
        elif judgement == "ja":
            text = texts["direction_chosen"] + " " + because if suggested else texts["direction_chosen_only"]
            plan.append({**record, "source": "both" if suggested else "meeting", "reason": text, "values": values if suggested else ""})
        elif suggested:
            plan.append({**record, "source": "analysis", "reason": because, "values": values})
    plan.sort(key=lambda r: (-r["fit"], prefer.index(r["id"])))

    first, first_ids = [], []
    steps = {step["id"]: step for step in model["first_steps"]}
    for step_id in order["first"] if order else []:
        choice = situation["first"].get(step_id)
        step = steps[step_id]
        if choice == "nee":
            declined.append({"id": step_id, "title": step["title"], "fit": 0, "kind": "step", "reason": fill(texts["first_declined"], {"phase": phase_label})})
            continue
        reason = fill(texts["first_phase"], {"phase": phase_label}) + (" " + texts["first_chosen"] if choice == "ja" else "")
        first.append({"id": step_id, "title": step["title"], "text": step["text"], "reason": reason})
        first_ids.append(step_id)
    for step in model["first_steps"]:
        if situation["first"].get(step["id"]) == "ja" and step["id"] not in first_ids:
            first.append({"id": step["id"], "title": step["title"], "text": step["text"], "reason": texts["first_chosen"]})

    running = match_running(table, situation["existing"])
    in_place = {r["example"] for r in running if r["example"]}
    ranked = rank_examples(table, situation, [p["id"] for p in plan], set(held) | {d["id"] for d in declined if d["kind"] == "direction"}, in_place)
    shown = ranked[: limit or model["examples"]["limit"]]
    unknown = sum(1 for e in shown if e["open"])
    examples = [shown_example(table, e, [p["id"] for p in plan]) for e in shown]
    caveat = fill(texts["caveat_general"], {"count": unknown}) if unknown else ""
    gaps = find_gaps(table, situation, plan, ranked, running)

    advice = {
        "situation": situation,
        "note": order["note"] if order else "",
        "first": first,
        "directions": [{k: v for k, v in p.items() if k != "values"} for p in plan],
        "later": later,
        "declined": declined,
        "examples": examples,
        "caveat": caveat,
        "gaps": gaps,
        "running": running,
    }
    advice["summary"] = summarise(table, situation, first, plan, later, gaps, any(d["kind"] == "direction" for d in declined))
    advice["headline"] = headline(table, first, plan)
    return advice


def rank_examples(table: Json, situation: dict[str, Any], plan: list[str], excluded: set[str], in_place: set[str]) -> list[dict[str, Any]]:
    """Examples that match the situation on their core, best first; ``matched`` holds the core
    values that matched (the reason is written only for the examples that are shown)."""
    weights = table["model"]["examples"]
    texts = table["texts"]
    budget_order = table["budget_order"]
    budget = budget_order.index(situation["budget"]) if situation["budget"] in budget_order else -1
    phase = situation["phase"]
    core_weights = list(weights["core"].items())
    wanted = {field: [v for v in situation[field] if v not in weights["generic"].get(field, [])] for field, _ in core_weights}
    cap, place, locations, partners = weights["cap"], weights["place"], situation["locations"], situation["partners"]
    first = plan[0] if plan else None
    lines = situation["dividing_lines"] if weights["skip_other_dividing_lines"] else []
    scored = []
    for e in _candidates(table, wanted, phase):
        if e["direction"] in excluded or e["id"] in in_place:
            continue
        if lines and e["dividing_lines"] and not any(v in e["dividing_lines"] for v in lines):
            continue
        core, matched = 0, []  # type: tuple[int, list[list[str]]]
        for field, weight in core_weights:
            values = e[field]
            hits = [v for v in wanted[field] if v in values][:cap]
            if hits:
                core += weight * len(hits)
                matched.extend([field, v] for v in hits)
        if core == 0:
            continue
        score = core + place * len([v for v in locations if v in e["locations"]][:cap])
        if e["direction"] == first:
            score += weights["plan_first"]
        elif e["direction"] in plan:
            score += weights["plan"]
        elif any(s in plan for s in e["secondary"]):
            score += weights["secondary"]
        if partners:
            score += weights["partner"] * min(weights["partner_cap"], len([p for p in partners if p in e["partners"]]))
        caveats = []
        if budget >= 0 and e["cost"] is not None:
            if budget_order.index(e["cost"]) <= budget:
                score += weights["within_budget"]
            else:
                score += weights["over_budget"]
                caveats.append(texts["example_over_budget"])
        if e["rated"]:
            score += weights["rated"]
        score += weights["effect"].get(e["effect"], 0)
        if e["effect"] == "geen-effect":
            caveats.append(texts["example_no_effect"])
        elif e["effect"] == "negatief":
            caveats.append(texts["example_negative"])
        scored.append(
            {
                "id": e["id"],
                "title": e["title"],
                "direction": e["direction"],
                "score": score,
                "matched": matched,
                "caveats": caveats,
                "open": e["cost"] is None or not e["rated"],
            }
        )
    scored.sort(key=lambda r: (-r["score"], r["id"]))
    return scored


_INDEXES: dict[int, tuple[Any, dict[tuple[str, str], list[int]]]] = {}


def _candidates(table: Json, wanted: dict[str, list[str]], phase: str | None) -> list[Json]:
    """The examples meant for ``phase`` (any phase when None) that share a wanted core value, in
    catalogue order. An index kept per table; it only narrows the examples to look at (the
    browser evaluator, fast enough without one, looks at them all)."""
    cached = _INDEXES.get(id(table))
    if cached is None or cached[0] is not table:
        index: dict[tuple[str, str], list[int]] = {}
        for n, e in enumerate(table["examples"]):
            for field in (*table["model"]["examples"]["core"], "phases"):
                for value in e[field]:
                    index.setdefault((field, value), []).append(n)
        cached = _INDEXES[id(table)] = (table, index)
    found: set[int] = set()
    for field, values in wanted.items():
        for value in values:
            found.update(cached[1].get((field, value), ()))
    if phase:
        found.intersection_update(cached[1].get(("phases", phase), ()))
    examples = table["examples"]
    return [examples[n] for n in sorted(found)]


def shown_example(table: Json, entry: dict[str, Any], plan: list[str]) -> dict[str, Any]:
    """A ranked example as the advice shows it, with its reason in words."""
    texts = table["texts"]
    titles = {d["id"]: d["short"] for d in table["directions"]}
    core = join([value_label(table, field, value) for field, value in entry["matched"]], texts["and"])
    in_plan = texts["example_in_plan"] if entry["direction"] in plan else ""
    reason = fill(texts["example_reason"], {"core": core, "direction": titles[entry["direction"]], "plan": in_plan})
    return {"id": entry["id"], "title": entry["title"], "direction": entry["direction"], "score": entry["score"], "reason": reason, "caveats": entry["caveats"]}


def match_running(table: Json, entries: list[str]) -> list[dict[str, Any]]:
    """How each entry of running work is read: a catalogue example, a common name, or not recognised
    (``table["running"]``: normalised id, title or name → example, directions)."""
    texts = table["texts"]
    titles = {d["id"]: d["short"] for d in table["directions"]}
    result: list[dict[str, Any]] = []
    for entry in entries:
        found = table["running"].get(normalise(entry))
        if found is None:
            result.append({"entry": entry, "example": None, "directions": [], "text": fill(texts["running_unknown"], {"entry": entry})})
        elif found["example"] is not None:
            text = fill(texts["running_example"], {"entry": entry, "title": found["title"]})
            result.append({"entry": entry, "example": found["example"], "directions": list(found["directions"]), "text": text})
        else:
            text = fill(texts["running_name"], {"entry": entry, "directions": join([titles[d] for d in found["directions"]], texts["and"])})
            result.append({"entry": entry, "example": None, "directions": list(found["directions"]), "text": text})
    return result


def find_gaps(
    table: Json, situation: dict[str, Any], plan: list[dict[str, Any]], ranked: list[dict[str, Any]], running: list[dict[str, Any]]
) -> dict[str, Any]:
    """The witte vlekken: what the plan needs and policy and running work do not cover."""
    texts, model = table["texts"], table["model"]
    if not situation["policy"] and not situation["existing"]:
        return {"status": "pending", "text": texts["gaps_pending"], "items": []}
    covered = {d for r in running for d in r["directions"]}
    items = []
    for direction in plan:
        answer = situation["policy"].get(direction["id"])
        if answer == "ja" or direction["id"] in covered:
            continue
        key = "gap_direction" if answer == "nee" else "gap_direction_unknown"
        fillers = [e["id"] for e in ranked if e["direction"] == direction["id"]][: model["examples"]["per_gap"]]
        items.append(
            {
                "id": direction["id"],
                "title": direction["title"],
                "status": "nee" if answer == "nee" else "onbekend",
                "reason": fill(texts[key], {"direction": direction["title"]}),
                "examples": fillers,
            }
        )
    for topic in model["policy_topics"]:
        if situation["policy"].get(topic["id"]) == "nee":
            reason = fill(texts["gap_topic"], {"topic": topic["title"]})
            items.append({"id": topic["id"], "title": topic["title"], "status": "nee", "reason": reason, "examples": list(topic["examples"])})
    return {"status": "done", "text": "" if items else texts["gaps_none"], "items": items}


def answered(situation: dict[str, Any]) -> bool:
    return bool(
        situation["phase"]
        or situation["budget"]
        or situation["existing"]
        or situation["judgements"]
        or situation["first"]
        or situation["policy"]
        or any(situation[field] for field in LIST_FIELDS)
    )


def summarise(table: Json, situation: dict[str, Any], first: list[Any], plan: list[Any], later: list[Any], gaps: dict[str, Any], declined: bool) -> str:
    """ "Wat nu eerst": what comes first, which directions and why, what waits, the witte vlekken."""
    texts = table["texts"]
    word = texts["and"]
    if not answered(situation):
        return str(texts["summary_empty"])
    parts = []
    if first:
        parts.append(fill(texts["summary_first"], {"steps": join([lower_first(f["title"]) for f in first], word)}))
    if plan:
        directions = join([p["title"] for p in plan], word)
        if plan[0]["values"]:
            parts.append(fill(texts["summary_plan"], {"directions": directions, "top": plan[0]["title"], "values": plan[0]["values"]}))
        else:
            parts.append(fill(texts["summary_plan_chosen"], {"directions": directions}))
    elif declined:
        parts.append(texts["summary_plan_declined"])
    else:
        parts.append(texts["summary_plan_none"])
    if later:
        parts.append(fill(texts["summary_later"], {"directions": join([h["title"] for h in later], word), "why": clause(later[0]["why"])}))
    if gaps["status"] == "pending":
        parts.append(texts["summary_gaps_pending"])
    elif gaps["items"]:
        parts.append(fill(texts["summary_gaps"], {"directions": join([g["title"] for g in gaps["items"]], word)}))
    else:
        parts.append(texts["gaps_none"])
    return " ".join(parts)


def headline(table: Json, first: list[Any], plan: list[Any]) -> str:
    texts = table["texts"]
    word = texts["and"]
    directions = join([p["title"] for p in plan], word) if plan else texts["headline_none"]
    if first:
        return fill(texts["headline"], {"first": join([lower_first(f["title"]) for f in first], word), "plan": directions})
    return fill(texts["headline_no_first"], {"plan": directions})


# --- 4. the verslag -------------------------------------------------------------------------


def format_answer(table: Json, item: Json, answer: Any) -> str:
    texts = table["texts"]
    if item["kind"] == "yes_no":
        return str(texts[{"ja": "answer_yes", "nee": "answer_no"}.get(answer, "answer_unknown")])
    if item["kind"] in ("single_choice", "multiple_choice"):
        labels = {o[0]: o[1] for o in item["options"]}
        values = answer if isinstance(answer, list) else [answer]
        return ", ".join(str(labels.get(v, v)) for v in values)
    return str(answer).replace("\n", "; ")


def report(table: Json, advice: dict[str, Any], answers: dict[str, Any], meeting: dict[str, str]) -> dict[str, Any]:
    """The verslag: its title, the meeting lines and the sections (heading and lines)."""
    texts = table["texts"]
    names = {e["id"]: e["title"] for e in table["examples"]}
    header = []
    for key, label in MEETING_FIELDS:
        value = meeting.get(key)
        shown = (dutch_date(table, value) if key == "datum" else value) if value else texts["not_filled"]
        header.append(f"{texts[label]}: {shown}")
    none = [texts["report_none"]]
    sections = [
        {"heading": texts["report_summary"], "lines": [advice["summary"]]},
        {"heading": texts["report_first"], "lines": [f"{f['title']}: {f['text']} {f['reason']}" for f in advice["first"]] or none},
        {"heading": texts["report_plan"], "lines": [f"{d['title']}: {d['reason']}" for d in advice["directions"]] or none},
    ]
    if advice["later"]:
        sections.append({"heading": texts["report_later"], "lines": [f"{d['title']}: {d['reason']}" for d in advice["later"]]})
    if advice["declined"]:
        sections.append({"heading": texts["report_declined"], "lines": [f"{d['title']}: {d['reason']}" for d in advice["declined"]]})
    lines = [" ".join([f"{e['title']}: {e['reason']}", *e["caveats"]]) for e in advice["examples"]]
    if advice["caveat"]:
        lines.append(advice["caveat"])
    sections.append({"heading": texts["report_examples"], "lines": lines or none})
    gaps = advice["gaps"]
    gap_lines = [
        g["reason"] + (" " + fill(texts["gap_fill"], {"examples": join([names.get(x, x) for x in g["examples"]], texts["and"])}) if g["examples"] else "")
        for g in gaps["items"]
    ]
    sections.append({"heading": texts["report_gaps"], "lines": gap_lines or [gaps["text"]]})
    if advice["running"]:
        sections.append({"heading": texts["report_running"], "lines": [r["text"] for r in advice["running"]]})
    answer_lines = [f"{item['question']} {format_answer(table, item, answers[item['id']])}" for item in table["items"] if item["id"] in answers]
    sections.append({"heading": texts["report_answers"], "lines": answer_lines or none})
    return {"title": texts["report_title"], "meeting": header, "sections": sections}


def evaluate(table: Json, document: Json) -> dict[str, Any]:
    """Everything the page and ``assess`` show for one answers document."""
    answers, meeting, problems = read_document(table, document)
    situation = situation_from_answers(table, answers)
    advice = advise(table, situation)
    advice["problems"] = problems
    advice["answers"] = answers
    advice["meeting"] = meeting
    advice["report"] = report(table, advice, answers, meeting)
    return advice
