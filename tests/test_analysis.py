"""``bv:analysis`` and ``bv:advice-rules`` in a small Sphinx project (no browser needed)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from buurtverbinding.sphinx._analysis import CSP, DATA_FILE, GLOBAL, analysis_data, data_script

CONF = 'extensions = ["myst_parser", "buurtverbinding.sphinx"]\nlanguage = "nl"\nhtml_baseurl = "https://wijk.example/"\nbv_csp = True\n'
PAGES = {
    "index.md": "# Start\n\n```{toctree}\nanalyse\nlijst\n```\n",
    "analyse.md": "# Analyse\n\n```{bv:analysis}\n```\n",
    "lijst.md": "# Lijst\n\n```{bv:checklist} plekken-en-fase\n```\n",
}


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


def test_every_question_is_on_the_form(out: Path, cat) -> None:
    html = (out / "analyse.html").read_text(encoding="utf-8")
    for checklist in cat.checklists:
        assert f'id="bv-analysis-{checklist.id}"' in html
        for item in checklist.items:
            assert f'data-item="{item.id}"' in html, item.id
            if item.vocabulary:
                for value in cat.vocabulary(item.vocabulary).ids():
                    assert f'name="{item.id}" value="{value}"' in html, (item.id, value)
    for field in ("datum", "buurt", "aanwezigen"):
        assert f'data-meta="{field}"' in html
    assert 'aria-live="polite"' in html and "Alles wissen" in html and "Antwoorden opslaan" in html
    assert 'data-bv-site="https://wijk.example/analyse.html"' in html


def test_only_the_analysis_page_carries_the_policy_and_the_script(out: Path) -> None:
    analysis = (out / "analyse.html").read_text(encoding="utf-8")
    other = (out / "lijst.html").read_text(encoding="utf-8")
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in analysis
    assert analysis.index("Content-Security-Policy") < analysis.index("<script")
    assert "bv-analysis.js" in analysis and DATA_FILE in analysis
    assert "Content-Security-Policy" not in other and "bv-analysis.js" not in other
    assert "https:" not in CSP and "*" not in CSP


def test_the_data_is_a_script_that_sets_one_global(out: Path, cat) -> None:
    text = (out / "_static" / DATA_FILE).read_text(encoding="utf-8")
    assert text.startswith(f"window.{GLOBAL} = ") and text.endswith(";\n")
    data = json.loads(text[len(f"window.{GLOBAL} = ") : -2])
    assert [e["id"] for e in data["examples"]] == [e.id for e in cat.examples]
    assert data["scoring"]["called_for"] == cat.example_scoring[0].called_for
    assert "</" not in text  # can never close the script element


def test_a_checklist_links_to_its_part_of_the_form(out: Path) -> None:
    html = (out / "lijst.html").read_text(encoding="utf-8")
    assert 'href="analyse.html#bv-analysis-plekken-en-fase"' in html
    assert "Vul deze checklist in op het scherm" in html


def test_other_builders_get_a_sentence(tmp_path: Path) -> None:
    folder, warnings = build(tmp_path, "text")
    assert not warnings.strip(), warnings
    assert "De Buurtanalyse werkt in de HTML-versie van deze documentatie." in (folder / "analyse.txt").read_text(encoding="utf-8")


def test_data_script_escapes_closing_tags(cat) -> None:
    data = analysis_data(cat)
    data["examples"][0]["title"] = "</script><script>alert(1)</script>"
    assert b"</script>" not in data_script(data)
