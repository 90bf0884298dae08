"""Site policy is opt-in (issue 22): a project that loads only ``buurtverbinding.sphinx`` gets the
domain, and none of this site's presentation; each ``bv_*`` switch turns one part on."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from sphinx.errors import ConfigError
from sphinx.testing.util import SphinxTestApp

pytest_plugins = ("sphinx.testing.fixtures",)

CONF = 'extensions = ["myst_parser", "buurtverbinding.sphinx"]\nlanguage = "nl"\n'
POLICY = """
bv_meta_description = True
bv_reading_order = True
bv_glossary_navigation = True
bv_dutch_typography = True
bv_english_pages = ["engels"]
bv_csp = True
"""
PAGES = {
    "index.md": "# Start\n\nWe praten er 's avonds over, in de buurt.\n\n```{toctree}\nanalyse\nbegrippen\nengels\n```\n\n"
    "```{bv:example} buurtbemiddeling\n```\n",
    "analyse.md": "# Analyse\n\n```{bv:analysis}\n```\n",
    "begrippen.md": "# Begrippen\n\n```{bv:glossary}\n```\n",
    "engels.md": "# Neighbourhood mediation\n\nIt's 's avonds, says the Dutch.\n\n## Buurtbemiddeling\n",
}


def _build(make_app: Callable[..., SphinxTestApp], root: Path, conf: str) -> Path:
    src = root / "src"
    src.mkdir(parents=True)
    (src / "conf.py").write_text(conf, encoding="utf-8")
    for name, text in PAGES.items():
        (src / name).write_text(text, encoding="utf-8")
    app = make_app("html", srcdir=src, builddir=root / "_build", confoverrides={"nitpicky": True})
    app.build()
    assert re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue()) == ""
    return Path(app.outdir)


def _page(out: Path, name: str) -> str:
    return (out / f"{name}.html").read_text(encoding="utf-8")


def test_the_extension_alone_imposes_no_site_policy(make_app: Callable[..., SphinxTestApp], tmp_path: Path) -> None:
    out = _build(make_app, tmp_path, CONF)
    pages = {name: _page(out, name) for name in ("index", "analyse", "begrippen", "engels")}
    for name, html in pages.items():
        assert 'name="description"' not in html, name  # no meta description
        assert "Content-Security-Policy" not in html, name  # no CSP, also not on the analysis page
        assert "\u00ad" not in html, name  # no soft hyphens
        assert "bv-typography.js" not in html, name
    assert "\u2018s avonds" in pages["index"]  # docutils' smart quotes as they are: no rewriting
    assert "bv-az" not in pages["begrippen"]  # no A–Z navigation
    # the domain itself is all there
    assert 'id="bv-buurtbemiddeling"' in pages["index"] and 'id="bv-analysis"' in pages["analyse"]


def test_each_switch_turns_its_part_on(make_app: Callable[..., SphinxTestApp], tmp_path: Path) -> None:
    out = _build(make_app, tmp_path, CONF + POLICY)
    index, analyse, glossary, english = (_page(out, name) for name in ("index", "analyse", "begrippen", "engels"))
    assert re.search(r'<meta name="description" content="[^"]{30,}">', index)
    assert "Content-Security-Policy" in analyse and "Content-Security-Policy" not in index
    assert "\u2019s avonds" in index and "\u2018s avonds" not in index
    assert '<nav class="bv-az"' in glossary
    # break opportunities in the visible heading only, never in the <title>
    title = re.search(r"<title>(.*?)</title>", index, re.S)
    assert "Buurt\u00adbemid" in index and title and "\u00ad" not in title.group(1)
    assert "bv-typography.js" in index
    # an English page is left as it is
    assert "\u00ad" not in english and "\u2018s avonds" in english


def test_a_switch_that_is_not_true_or_false_is_refused(make_app: Callable[..., SphinxTestApp], tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(CONF + 'bv_csp = "ja"\n', encoding="utf-8")
    (src / "index.md").write_text("# Start\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bv_csp = 'ja' is not valid; expected True or False"):
        make_app("html", srcdir=src, builddir=tmp_path / "_build")


def test_compounds_break_between_their_words_and_names_stay_whole() -> None:
    from importlib import resources

    from buurtverbinding.sphinx._typography import break_points, hyphenate, lexicon

    known = lexicon((resources.files("buurtverbinding") / "_data" / "catalog.json").read_bytes())

    def split(word: str) -> str:
        points = break_points(word, known)
        return "-".join(word[a:b] for a, b in zip([0, *points], [*points, len(word)], strict=True))

    assert split("buurtoverleg").startswith("buurt-over")  # not "buur-to-verleg"
    assert split("Jongerenbuurtbemiddeling").startswith("Jon-ge-ren-buurt-")
    assert "-s-" not in split("oplossingsrichtingen") and "sings-rich" in split("oplossingsrichtingen")
    # names and English words: the catalogue writes them with capitals, so they stay whole
    for word in ("Wiborgeiland", "Amersfoort", "developers", "Restorative"):
        assert break_points(word, known) == [], word
    # only long words get soft hyphens, and only at those points
    assert hyphenate("Van polarisatie naar verbinding", known) == "Van polarisatie naar verbinding"
    assert hyphenate("Jongerenbuurtbemiddeling", known).replace("\u00ad", "") == "Jongerenbuurtbemiddeling"
