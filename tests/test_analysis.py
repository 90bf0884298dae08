"""``bv:analysis`` and ``bv:advice-rules`` in a small Sphinx project (no browser needed)."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from buurtverbinding.advice._table import advice_table
from buurtverbinding.sphinx._analysis import CSP, DATA_FILE, EVALUATOR_FILE, SCRIPT_FILE, analysis_data, data_script

CONF = 'extensions = ["myst_parser", "buurtverbinding.sphinx"]\nlanguage = "nl"\nhtml_baseurl = "https://wijk.example/"\nbv_csp = True\n'
PAGES = {
    "index.md": "# Start\n\n```{toctree}\nanalyse\nlijst\n```\n",
    "analyse.md": "# Analyse\n\n```{bv:analysis}\n```\n",
    "lijst.md": "# Lijst\n\n```{bv:checklist} plekken-en-fase\n```\n",
}
PREFIX = (
    'var bv = (typeof globalThis !== "undefined" ? globalThis : window).bv = (typeof globalThis !== "undefined" ? globalThis : window).bv || {};\n'
    "bv.data = bv.data || {};\n"
)


def build(root: Path, builder: str = "html") -> tuple[Path, str]:
    src = root / "src"
    src.mkdir(parents=True, exist_ok=True)
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    for name, text in PAGES.items():
        (src / name).write_text(text, encoding="utf-8")
    warnings = io.StringIO()
    app = SphinxTestApp(builder, srcdir=src, builddir=root / "_build", status=io.StringIO(), warning=warnings)
    try:
        app.build()
    finally:
        app.cleanup()
    return Path(app.outdir), warnings.getvalue()


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    folder, warnings = build(tmp_path_factory.mktemp("analysis"))
    assert not warnings.strip(), warnings
    return folder


def read_data(text: str) -> dict[str, dict]:
    assert text.startswith(PREFIX)
    found = dict(re.findall(r"^bv\.data\.(advice|analysis) = (.*);$", text[len(PREFIX) :], re.M))
    return {name: json.loads(value) for name, value in found.items()}


def test_every_question_is_on_the_form(out: Path, cat) -> None:
    html = (out / "analyse.html").read_text(encoding="utf-8")
    for checklist in cat.checklists:
        assert f'id="bv-analysis-{checklist.id}"' in html
        for item in checklist.items:
            assert f'data-item="{item.id}"' in html, item.id
            if item.vocabulary:
                for value in cat.vocabulary(item.vocabulary).ids():
                    assert f'name="{item.id}" value="{value}"' in html, (item.id, value)
            if item.kind == "yes_no":
                for answer in ("ja", "nee", "weet-niet"):  # weet niet is an answer
                    assert f'name="{item.id}" value="{answer}"' in html, item.id
    for field in ("datum", "buurt", "aanwezigen"):
        assert f'data-meta="{field}"' in html
    assert 'aria-live="polite"' in html and "Alles wissen" in html and "Antwoorden opslaan" in html
    assert 'data-bv-site="https://wijk.example/analyse.html"' in html


def test_every_question_says_what_it_feeds(out: Path, cat) -> None:
    html = (out / "analyse.html").read_text(encoding="utf-8")
    texts = advice_table(cat)["texts"]
    for item in advice_table(cat)["items"]:
        block = html[html.index(f'data-item="{item["id"]}"') :]
        block = block[: block.index("bv-an-choices") if "bv-an-choices" in block[:3000] else block.index("</textarea>")]
        if item["feeds"] == "verslag":
            assert texts["feeds_report"] in block, item["id"]
        else:
            assert texts["feeds_advice"].format(what=texts[f"field_{item['feeds']}"]) in block, item["id"]
        assert f"field_{item['feeds']}" not in block and "feeds:" not in block  # words, not field names


def test_only_the_analysis_page_carries_the_policy_and_the_scripts(out: Path) -> None:
    analysis = (out / "analyse.html").read_text(encoding="utf-8")
    other = (out / "lijst.html").read_text(encoding="utf-8")
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in analysis
    assert analysis.index("Content-Security-Policy") < analysis.index("<script")
    for name in (SCRIPT_FILE, EVALUATOR_FILE, DATA_FILE):
        assert name in analysis and name not in other
        assert (out / "_static" / name).exists()
    assert analysis.index(DATA_FILE) < analysis.index(SCRIPT_FILE) and analysis.index(EVALUATOR_FILE) < analysis.index(SCRIPT_FILE)
    assert "Content-Security-Policy" not in other
    assert "https:" not in CSP and "*" not in CSP and "connect-src 'self'" in CSP


def test_the_data_script_sets_the_advice_table_and_the_page_data(out: Path, cat) -> None:
    text = (out / "_static" / DATA_FILE).read_text(encoding="utf-8")
    data = read_data(text)
    assert data["advice"] == json.loads(json.dumps(advice_table(cat)))  # the same table as the Python evaluator
    assert data["analysis"]["version"] == cat.version
    assert set(data["analysis"]["urls"]) <= {e.id for e in cat.examples}  # no example pages in this small project
    assert "</" not in text  # can never close the script element


def test_the_scripts_hold_no_sentence_of_the_advice(cat) -> None:
    static = Path(__file__).resolve().parent.parent / "src" / "buurtverbinding" / "sphinx" / "static"
    scripts = (static / EVALUATOR_FILE).read_text(encoding="utf-8") + (static / SCRIPT_FILE).read_text(encoding="utf-8")
    for key, template in advice_table(cat)["texts"].items():
        if isinstance(template, str) and len(template) > 25:
            for part in re.split(r"\{\w+\}", template):
                assert len(part.strip()) < 25 or part.strip() not in scripts, (key, part)


def test_a_checklist_links_to_its_part_of_the_form(out: Path) -> None:
    html = (out / "lijst.html").read_text(encoding="utf-8")
    assert 'href="analyse.html#bv-analysis-plekken-en-fase"' in html
    assert "Vul deze checklist in op het scherm" in html


def test_other_builders_get_a_sentence(tmp_path: Path) -> None:
    folder, warnings = build(tmp_path, "text")
    assert not warnings.strip(), warnings
    assert "De Buurtanalyse werkt in de HTML-versie van deze documentatie." in (folder / "analyse.txt").read_text(encoding="utf-8")


def test_data_script_escapes_closing_tags(cat, monkeypatch) -> None:
    from buurtverbinding.sphinx import _analysis

    table = json.loads(json.dumps(advice_table(cat)))
    table["examples"][0]["title"] = "</script><script>alert(1)</script>"
    monkeypatch.setattr(_analysis, "advice_table", lambda _cat: table)
    script = data_script(cat)
    assert b"</script>" not in script
    assert read_data(script.decode())["advice"]["examples"][0]["title"] == "</script><script>alert(1)</script>"


def test_analysis_data_without_urls(cat) -> None:
    assert analysis_data(cat)["urls"] == {}
    assert analysis_data(cat, lambda i: f"voorbeelden/{i}.html" if i == "burendag" else None)["urls"] == {"burendag": "voorbeelden/burendag.html"}
