"""One set of rules, two evaluators: the Buurtanalyse in Chromium gives the same advice as Python.

600 seeded, generated sets of answers (every kind of question, every vocabulary value, ids,
titles and unknown text for what is already in place) go through ``Assessment`` →
``cat.recommend(limit=None)`` / ``cat.gaps`` and, in one page session, through the page's own
evaluator (``BV_ANALYSIS.evaluate``) on the built site opened from its folder (``file://``).
Both must give the same directions (order, points, reasons), the same examples (ids, order,
scores, reasons and caveats) and the same witte vlekken (reasons and suggestions).
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from buurtverbinding.advice import Assessment

from ._browser import CHROMIUM, LAUNCH_ARGS
from .test_analysis_browser import analysis_site, sync_api  # noqa: F401 (skips without a browser)

CASES = 600
SEED = 20261206
UNKNOWN = ("de koffieochtend van de kerk", "xyzzy project", "iets met een moestuin en bijen")


def generate(cat: Any, rng: random.Random) -> dict[str, Any]:
    """One set of answers: each question answered or skipped, in every allowed form."""
    answers: dict[str, Any] = {}
    examples = cat.examples
    for checklist in cat.checklists:
        for item in checklist.items:
            if rng.random() < 0.3:
                continue
            if item.kind == "single_choice":
                answers[item.id] = rng.choice(cat.vocabulary(item.vocabulary).ids())
            elif item.kind == "multiple_choice":
                values = list(cat.vocabulary(item.vocabulary).ids())
                answers[item.id] = rng.sample(values, rng.randint(1, min(4, len(values))))
            elif item.kind == "yes_no":
                answers[item.id] = rng.choice(["ja", "nee"])
            elif item.kind == "scale":
                answers[item.id] = rng.randint(item.scale.min, item.scale.max)
            elif item.feeds == "existing":
                parts = []
                for _ in range(rng.randint(1, 3)):
                    pick = rng.random()
                    example = rng.choice(examples)
                    parts.append(example.id if pick < 0.4 else example.title.upper() if pick < 0.55 else example.title if pick < 0.8 else rng.choice(UNKNOWN))
                answers[item.id] = rng.choice([", ", "; ", "\n"]).join(parts)
            else:
                answers[item.id] = rng.choice(["Het speelt vooral 's avonds.", "Onbekend", "Zie verslag; bespreken"])
    return answers


def python_side(cat: Any, answers: dict[str, Any]) -> dict[str, Any] | None:
    situation = Assessment.model_validate({"answers": answers}, context={"catalog": cat}).to_situation()
    advice = cat.recommend(situation, limit=None)
    if any(m.how == "search" for m in advice.existing):
        return None  # a guess from free text with the search engine: Python only, left out of the comparison
    return {
        "directions": [[d.direction.id, d.score, [[r.text, r.points] for r in d.reasons]] for d in advice.directions],
        "examples": [[a.example.id, a.score, [[r.text, r.points] for r in a.reasons], [[r.text, r.points] for r in a.caveats]] for a in advice.examples],
        "gaps": [
            [g.kind, g.direction.id if g.direction else g.phase, list(g.reasons), [[s.example.id, s.score] for s in g.suggestions]] for g in cat.gaps(situation)
        ],
        "notes": list(advice.notes),
    }


@pytest.fixture(scope="module")
def cases(cat) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    rng = random.Random(SEED)
    found: list[tuple[dict[str, Any], dict[str, Any]]] = []
    while len(found) < CASES:
        answers = generate(cat, rng)
        expected = python_side(cat, answers)
        if expected is not None:
            found.append((answers, expected))
    return found


def test_the_cases_cover_every_value_and_kind(cat, cases) -> None:
    used: dict[str, set[Any]] = {}
    for answers, _ in cases:
        for key, value in answers.items():
            used.setdefault(key, set()).update(value if isinstance(value, list) else [value])
    for checklist in cat.checklists:
        for item in checklist.items:
            assert item.id in used, item.id
            if item.vocabulary:
                assert used[item.id] >= set(cat.vocabulary(item.vocabulary).ids()), item.id
    assert sum(bool(e["gaps"]) for _, e in cases) > CASES // 4
    assert any(g[2][0].startswith("Nog even wachten") for _, e in cases for g in e["gaps"])
    assert any(c[1] < 0 for _, e in cases for a in e["examples"] for c in a[3])


def test_browser_and_python_give_the_same_advice(analysis_site: Path, cases) -> None:  # noqa: F811 (the fixture)
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            page = browser.new_page()
            page.goto((analysis_site / "buurtanalyse.html").as_uri())
            page.locator(".bv-an-summary").wait_for()
            got = page.evaluate("(all) => all.map((answers) => BV_ANALYSIS.evaluate(answers, null))", [a for a, _ in cases])
        finally:
            browser.close()
    assert len(got) == len(cases) >= 500
    for number, ((answers, expected), actual) in enumerate(zip(cases, got)):
        for part in ("directions", "examples", "gaps", "notes"):
            assert actual[part] == expected[part], f"case {number}, {part}, answers {answers}"
