"""The advice conformance suite: language-neutral cases for the Python and the browser evaluator.

``tests/advice-cases/*.json`` are written by hand: an answers ``document``, a ``description`` of
what the case shows, ``expect`` (the properties that follow from the guide's logic, written by
hand: what comes first, the plan's order, what waits, what is declined, the witte vlekken, the
messages) and ``expected`` (the whole advice, the golden output). ``_table.json`` is the advice
table the goldens were made with. Besides these, :func:`generated_documents` makes 600 seeded
answer documents (valid and invalid) on which both evaluators must give identical output.

After an intended change of the model or the content, regenerate the goldens and review the diff::

    python tests/_advice_cases.py --update
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from typing import Any

CASES = Path(__file__).parent / "advice-cases"
TABLE = CASES / "_table.json"
GENERATED = 600
SEED = 20261207


def load_cases() -> list[tuple[str, dict[str, Any]]]:
    return [(path.stem, json.loads(path.read_text(encoding="utf-8"))) for path in sorted(CASES.glob("*.json")) if not path.name.startswith("_")]


def current_table() -> dict[str, Any]:
    import buurtverbinding as bv
    from buurtverbinding.advice._table import advice_table

    return json.loads(json.dumps(advice_table(bv.load())))


def generated_documents(table: dict[str, Any], n: int = GENERATED, seed: int = SEED) -> list[Any]:
    """``n`` answer documents: mostly valid answers to a random set of questions, some with a bad answer."""
    rng = random.Random(seed)
    items = table["items"]
    texts = ["jongerenwerk", "Buurtbemiddeling", "wijkagent, buurtpreventie", "koffieochtend", "opbouwwerk; buurthuis", ""]
    documents: list[Any] = []
    for number in range(n):
        answers: dict[str, Any] = {}
        for item in rng.sample(items, rng.randint(0, min(len(items), 30))):
            kind = item["kind"]
            if kind == "yes_no":
                value: Any = rng.choice(["ja", "nee", "weet niet", "Ja", True, False])
            elif kind == "single_choice":
                value = rng.choice(item["options"])[0]
            elif kind == "multiple_choice":
                value = [o[0] for o in rng.sample(item["options"], rng.randint(1, min(4, len(item["options"]))))]
            elif kind == "scale":
                value = rng.randint(item["scale"]["min"], item["scale"]["max"])
            else:
                value = rng.choice(texts) if item["feeds"] == "existing" else rng.choice(["", "Een paar woorden.", "regel een\nregel twee", 12])
            answers[item["id"]] = value
        if number % 10 == 9:  # a bad answer
            bad = rng.choice(items)
            answers[bad["id"]] = rng.choice([{"x": 1}, "zzz", 99, ["zzz"], 1.5])
        if number % 25 == 24:
            answers["onbekende-vraag"] = "ja"
        if number % 3 == 0:
            documents.append(
                {"format": "buurtanalyse", "version": 2, "meeting": {"datum": f"2026-{number % 12 + 1:02d}-07", "buurt": "Buurt"}, "answers": answers}
            )
        else:
            documents.append(answers)
    return documents


def check(output: dict[str, Any], expect: dict[str, Any]) -> list[str]:
    """The hand-written expectations that ``output`` does not meet (empty: all met)."""
    failures: list[str] = []

    def ids(key: str) -> list[str]:
        return [entry["id"] for entry in output[key]]

    def want(ok: bool, what: str) -> None:
        if not ok:
            failures.append(what)

    for key in ("first", "directions", "later", "declined"):
        if key in expect:
            want(ids(key) == expect[key], f"{key}: {ids(key)} != {expect[key]}")
    if "directions_first" in expect:
        want(bool(output["directions"]) and output["directions"][0]["id"] == expect["directions_first"], f"first direction {ids('directions')[:1]}")
    for d in expect.get("not_in_directions", []):
        want(d not in ids("directions"), f"{d} is in the plan")
    for d in expect.get("in_directions", []):
        want(d in ids("directions"), f"{d} is not in the plan")
    if "max_directions" in expect:
        want(len(output["directions"]) <= expect["max_directions"], f"{len(output['directions'])} directions")
    for d, source in expect.get("direction_source", {}).items():
        found = [x["source"] for x in output["directions"] if x["id"] == d]
        want(found == [source], f"source of {d}: {found}")
    for d, text in expect.get("declined_reason_contains", {}).items():
        found = [x["reason"] for x in output["declined"] if x["id"] == d]
        want(bool(found) and text in found[0], f"declined reason of {d}: {found}")
    if "gaps_status" in expect:
        want(output["gaps"]["status"] == expect["gaps_status"], f"gaps status {output['gaps']['status']}")
    if "gaps" in expect:
        found = [g["id"] for g in output["gaps"]["items"]]
        want(found == expect["gaps"], f"gaps {found}")
    for g, status in expect.get("gap_status", {}).items():
        want([x["status"] for x in output["gaps"]["items"] if x["id"] == g] == [status], f"status of gap {g}")
    if "examples" in expect:
        want(ids("examples") == expect["examples"], f"examples {ids('examples')}")
    for e in expect.get("examples_exclude", []):
        want(e not in ids("examples"), f"{e} is recommended")
    for d in expect.get("examples_direction_not", []):
        want(all(x["direction"] != d for x in output["examples"]), f"an example of {d} is recommended")
    if "min_examples" in expect:
        want(len(output["examples"]) >= expect["min_examples"], "too few examples")
    for entry, example, directions in expect.get("running", []):
        found = [r for r in output["running"] if r["entry"] == entry]
        want(bool(found) and found[0]["example"] == example and (directions is None or found[0]["directions"] == directions), f"running {entry}: {found}")
    for text in expect.get("problems_contains", []):
        want(any(text in p for p in output["problems"]), f"no problem says {text!r}: {output['problems']}")
    if "problems_count" in expect:
        want(len(output["problems"]) == expect["problems_count"], f"{len(output['problems'])} problems")
    for text in expect.get("summary_contains", []):
        want(text in output["summary"], f"summary lacks {text!r}")
    if "meeting_lines" in expect:
        want(output["report"]["meeting"] == expect["meeting_lines"], f"meeting lines {output['report']['meeting']}")
    if "answers" in expect:
        want(output["answers"] == expect["answers"], f"answers {output['answers']}")
    want(len(output["summary"].split()) <= 120, "summary longer than 120 words")
    return failures


def update() -> None:
    """Write the golden outputs of every hand-written case, and the table they were made with."""
    from buurtverbinding.advice._evaluate import evaluate

    table = current_table()
    TABLE.write_text(json.dumps(table, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    for name, case in load_cases():
        case["expected"] = evaluate(table, case["document"])
        (CASES / f"{name}.json").write_text(json.dumps(case, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit("usage: python tests/_advice_cases.py --update")
    update()
    print(f"updated {len(load_cases())} cases and {TABLE.name}")
