"""docs/advies.md explains the scoring: its tables and worked examples must match the code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from buurtverbinding.advice import _rules as rules
from buurtverbinding.advice import Assessment, Situation

PAGE = Path(__file__).resolve().parent.parent / "docs" / "advies.md"

pytestmark = pytest.mark.skipif(not PAGE.exists(), reason="docs/ is not part of this tree (sdist)")

ROW = re.compile(r"^\| .*\(`(?P<slug>[a-z0-9-]+)`\) \| (?P<cells>.*) \|$")


@pytest.fixture(scope="module")
def page() -> str:
    return PAGE.read_text(encoding="utf-8")


def rows(page: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for line in page.splitlines():
        match = ROW.match(line)
        if match:
            assert match["slug"] not in found, f"{match['slug']} appears twice in the tables"
            found[match["slug"]] = [cell.strip() for cell in match["cells"].split(" | ")]
    return found


def test_phase_table_matches_the_rules(cat, page):
    table = rows(page)
    directions = sorted(cat.directions, key=lambda d: d.number)
    for phase, points in rules.PHASE_RULES.items():
        expected = [f"{points[d.id][0]:+d}" if d.id in points else "0" for d in directions]
        assert table[phase] == expected, phase


def test_answer_tables_match_the_rules(cat, page):
    table = rows(page)
    short = {d.id: d.short_title for d in cat.directions}
    documented = {slug for slug in table if slug not in rules.PHASE_RULES}
    ruled = {value for values in rules.FACET_RULES.values() for value in values}
    assert documented == ruled
    for values in rules.FACET_RULES.values():
        for value, targets in values.items():
            assert table[value] == [", ".join(f"{short[d]} {p:+d}" for d, p in targets.items())], value


def test_thresholds_and_example_points_are_the_ones_in_the_code(page):
    assert f"**{rules.CALLED_FOR} punten of meer**" in page
    assert f"| De fase van de buurt past bij het voorbeeld | +{rules.PHASE_MATCH} |" in page
    assert f"| Het voorbeeld is bedoeld voor een fase die verder weg ligt | {rules.PHASE_FAR} |" in page
    assert f"| De richting van het voorbeeld staat bovenaan | +{rules.TOP_DIRECTION} |" in page
    assert f"| De kosten liggen boven het budget | {rules.OVER_BUDGET} |" in page
    assert f"| De bronnen melden een negatief effect | {rules.EFFECT_POINTS['negatief']} |" in page


def test_worked_example_adds_up(cat, page):
    block = re.search(r"```yaml\n# antwoorden.yaml\n(.*?)```", page, re.S)
    assert block
    yaml = pytest.importorskip("yaml")
    situation = Assessment(answers=yaml.safe_load(block[1])).to_situation()
    advice = cat.recommend(situation)
    for d in advice.directions:
        assert f"| {d.direction.short_title} | {d.score} |" in page
    assert advice.directions[0].direction.id == "woonomgeving"
    gap_directions = [g.direction.id for g in cat.gaps(situation) if g.direction]
    assert gap_directions == ["woonomgeving"]


def test_second_example_adds_up(cat, page):
    advice = cat.recommend(Situation(phase="incidenten", locations=["plein"], target_groups=["jongeren"]))
    scores = {d.direction.short_title: d.score for d in advice.directions}
    for name in ("Jeugd", "Veiligheid", "Ontmoeting"):
        assert re.search(rf"\*\*{name}: {scores[name]} punt(en)?\*\*", page), name
