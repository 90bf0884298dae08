"""docs/advies.md explains the scoring: its tables come from the catalogue's rules, its worked examples add up."""

from __future__ import annotations

import html as html_module
import re
from pathlib import Path

import pytest

from buurtverbinding.advice import Assessment, Situation
from buurtverbinding.advice import _rules as rules

PAGE = Path(__file__).resolve().parent.parent / "docs" / "advies.md"

pytestmark = pytest.mark.skipif(not PAGE.exists(), reason="docs/ is not part of this tree (sdist)")


@pytest.fixture(scope="module")
def page() -> str:
    return PAGE.read_text(encoding="utf-8")


def test_the_page_prints_the_rules_from_the_catalogue(page):
    # No hand-written copy of the rules that could drift: the tables come from the catalogue.
    for part in ("threshold", "phase", "facets", "examples"):
        assert f"```{{bv:advice-rules}}\n:show: {part}\n```" in page, part
    assert "| Antwoord | Punten per richting |" not in page and "| Regel | Punten |" not in page


@pytest.fixture(scope="module")
def rules_page(tmp_path_factory) -> str:
    import io

    from sphinx.testing.util import SphinxTestApp

    src = tmp_path_factory.mktemp("rules") / "src"
    src.mkdir()
    (src / "conf.py").write_text('extensions = ["myst_parser", "buurtverbinding.sphinx"]\nlanguage = "nl"\n', encoding="utf-8")
    parts = ("threshold", "phase", "facets", "examples")
    (src / "index.md").write_text("# Regels\n\n" + "".join(f"```{{bv:advice-rules}}\n:show: {part}\n```\n\n" for part in parts), encoding="utf-8")
    warnings = io.StringIO()
    app = SphinxTestApp("html", srcdir=src, builddir=src.parent / "_build", status=io.StringIO(), warning=warnings)
    try:
        app.build()
    finally:
        app.cleanup()
    assert not warnings.getvalue().strip(), warnings.getvalue()
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    text = html_module.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))
    return text.replace("\u2019", "'").replace("\u2018", "'")  # docutils' smart quotes


def test_every_rule_is_printed(cat, rules_page):
    book = rules.rules_of(cat)
    short = {d.id: d.short_title for d in cat.directions}
    assert f"Een richting met {book.called_for} punten of meer is nodig" in rules_page
    directions = sorted(cat.directions, key=lambda d: d.number)
    for phase, table in book.phase.items():
        cells = " ".join(f"{table[d.id][0]:+d}" if d.id in table else "0" for d in directions)
        assert f"{cat.label('fasen', phase)} ({phase}) {cells}" in rules_page, phase
    for field, values in book.facets.items():
        vocabulary = rules.FACET_WORDS[field][1]
        for value, targets in values.items():
            cell = ", ".join(f"{short[d]} {p:+d}" for d, (p, _) in targets.items())
            assert f"{cat.label(vocabulary, value)} ({value}) {cell}" in rules_page, value
    s = book.scoring
    assert f"De fase van de buurt past bij het voorbeeld +{s.phase_match}" in rules_page
    assert f"Het voorbeeld is bedoeld voor een fase die verder weg ligt {s.phase_far}" in rules_page
    assert f"De richting van het voorbeeld staat bovenaan +{s.top_direction}" in rules_page
    assert f"De kosten liggen boven het budget {s.over_budget}" in rules_page
    assert f"Effect volgens de bronnen: negatief {s.effect['negatief']}" in rules_page


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
