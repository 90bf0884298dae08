"""docs/advies.md explains the advice model in Dutch for professionals: no code, no terminal, and the
model's tables come from the catalogue (``bv:advice-rules``), so they cannot drift from the rules."""

from __future__ import annotations

import html as html_module
import io
import re
from pathlib import Path

import pytest

PAGE = Path(__file__).resolve().parent.parent / "docs" / "advies.md"
PARTS = ("threshold", "facets", "phase", "examples")

pytestmark = pytest.mark.skipif(not PAGE.exists(), reason="docs/ is not part of this tree (sdist)")


@pytest.fixture(scope="module")
def page() -> str:
    return PAGE.read_text(encoding="utf-8")


def test_the_page_prints_the_model_from_the_catalogue(page):
    # No hand-written copy of the rules that could drift: the tables come from the catalogue.
    for part in PARTS:
        assert f"```{{bv:advice-rules}}\n:show: {part}\n```" in page, part
    assert "| Antwoord |" not in page and "| Fase |" not in page and "| Regel |" not in page


def test_the_page_has_no_code_or_terminal_text(page):
    fences = re.findall(r"^```(.*)$", page, re.M)
    openers = [f for f in fences if f]
    assert all(re.fullmatch(r"\{(bv:advice-rules|note|tip|important|warning|seealso)\}", f) for f in openers), openers
    assert "`" not in re.sub(r"^```.*$", "", page, flags=re.M)  # no inline code either
    for word in ("buurtverbinding assess", "--json", "--answers", "$ ", "pip ", "python", ".py", ".js", "JSON", "YAML"):
        assert word not in page, word


def test_the_page_is_dutch_and_speaks_of_the_model_in_words(page):
    for heading in (
        "## Stap 2: de analyse doet een voorstel",
        "## De fase bepaalt de volgorde",
        "## Stap 3: het overleg beslist",
        "## Stap 4: de witte vlekken",
    ):
        assert heading in page
    for word in ("Wat nu eerst", "Eerst", "Later", "Weet niet", "witte vlek"):
        assert word in page, word
    lowered = page.lower()
    assert "punten" not in lowered and "drempel" not in lowered
    for field in ("target_groups", "dividing_lines", "suggest_min", "feeds", "judgement"):
        assert field not in page  # Dutch words, never raw field names


@pytest.fixture(scope="module")
def rules_page(tmp_path_factory) -> str:
    from sphinx.testing.util import SphinxTestApp

    src = tmp_path_factory.mktemp("rules") / "src"
    src.mkdir()
    (src / "conf.py").write_text('extensions = ["myst_parser", "buurtverbinding.sphinx"]\nlanguage = "nl"\n', encoding="utf-8")
    (src / "index.md").write_text("# Regels\n\n" + "".join(f"```{{bv:advice-rules}}\n:show: {part}\n```\n\n" for part in PARTS), encoding="utf-8")
    warnings = io.StringIO()
    app = SphinxTestApp("html", srcdir=src, builddir=src.parent / "_build", status=io.StringIO(), warning=warnings)
    try:
        app.build()
    finally:
        app.cleanup()
    assert not warnings.getvalue().strip(), warnings.getvalue()
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    body = html[html.index('<article role="main"') if '<article role="main"' in html else 0 :]
    text = html_module.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)))
    return text.replace("\u2019", "'").replace("\u2018", "'")  # docutils' smart quotes


def test_the_threshold_is_printed(cat, rules_page):
    fit = cat.advice_model[0].fit
    assert f"minstens {fit.suggest_min} is en minstens {fit.suggest_share} procent" in rules_page
    assert f"Vanaf {fit.strong_share} procent" in rules_page


def test_every_fit_rule_is_printed(cat, rules_page):
    short = {d.id: d.short_title for d in cat.directions}
    vocabularies = {"locations": "locaties", "target_groups": "doelgroepen", "forms": "vormen", "causes": "oorzaken", "dividing_lines": "scheidslijnen"}
    for rule_set in cat.advice_rules:
        assert rule_set.title in rules_page, rule_set.id
        for value in dict.fromkeys(r.value for r in rule_set.rules):
            cell = ", ".join(f"{short[r.direction]} {r.points}" for r in rule_set.rules if r.value == value)
            assert f"{cat.label(vocabularies[rule_set.field], value)} {cell}" in rules_page, (rule_set.id, value)


def test_every_phase_is_printed_with_first_later_and_ties(cat, rules_page):
    model = cat.advice_model[0]
    short = {d.id: d.short_title for d in cat.directions}
    steps = {s.id: s.title for s in model.first_steps}
    for order in model.phases:
        first = ", ".join(steps[s] for s in order.first) or "-"
        later = "; ".join(f"{short[h.direction]}: {h.why}" for h in order.later) or "-"
        ties = ", ".join(short[d] for d in order.prefer)
        assert " ".join(f"{cat.label('fasen', order.phase)} {first} {later} {ties}".split()) in rules_page, order.phase


def test_the_example_weights_are_printed(cat, rules_page):
    weights = cat.advice_model[0].examples
    assert f"De richting van het voorbeeld staat bovenaan het plan {weights.plan_first}" in rules_page
    assert f"De kosten liggen boven het budget {weights.over_budget}" in rules_page
    assert f"Een databank of erkenningscommissie beoordeelde het {weights.rated}" in rules_page
    for value, points in weights.effect.items():
        assert f"Effect volgens de bronnen: {cat.label('effectrichtingen', value).lower()} {points}" in rules_page


def test_an_unknown_part_is_refused():
    from buurtverbinding.sphinx._analysis import AdviceRulesDirective

    assert [AdviceRulesDirective.option_spec["show"](part) for part in PARTS] == list(PARTS)
    with pytest.raises(ValueError):
        AdviceRulesDirective.option_spec["show"]("punten")


def test_the_built_site_page_prints_the_tables_and_no_code(cat, tmp_path_factory):
    import os

    from .test_sphinx_docs import built_site

    given = os.environ.get("BV_TEST_SITE")  # an already built site, as in test_analysis_browser
    site = Path(given) if given else built_site(tmp_path_factory.getbasetemp())
    html = (site / "advies.html").read_text(encoding="utf-8")
    main = html[html.index("<h1") : html.index("</article>")]
    assert main.count("bv-rules-table") >= len(cat.advice_rules) + 2  # one per answer field, the phases, the examples
    assert "bv-rules-phase" in main and "bv-rules-examples" in main
    assert "<pre" not in main and "<code" not in main and "highlight-" not in main
    text = html_module.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main)))
    for rule_set in cat.advice_rules:
        assert rule_set.title in text
    assert f"Vanaf {cat.advice_model[0].fit.strong_share} procent" in text
