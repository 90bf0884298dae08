"""The built site's HTML without a browser (issue 15): a meta description and a favicon on every
page, a Dutch page frame, previous/next in reading order, the Interventiewijzer's data as a
script for ``file://``, the index pages and the glossary; and the installer of the browser tools
when npm is missing."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest

from buurtverbinding.sphinx._labels import WIJZER_FACETS
from buurtverbinding.sphinx._navigation import describe

from . import install_browser, test_sphinx_docs
from .test_sphinx_docs import page

site = test_sphinx_docs.site  # the built site (fixture)

ENGLISH_FRAME = [
    "Skip to content",
    "Made with",
    "Toggle Light",
    "Toggle navigation of",
    "Link to this heading",
    ">Next<",
    ">Previous<",
    "Back to top",
    "On this page",
    "Toggle site navigation",
    "<title>Contents</title>",
    "<title>Expand</title>",
    "<title>Light mode</title>",
    "<title>Dark mode</title>",
    "Auto light/dark",
]


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "_static" not in p.parts and "_modules" not in p.parts)


def test_every_page_has_a_meta_description_and_a_favicon(site: Path) -> None:
    missing = []
    for path in html_pages(site):
        html = path.read_text(encoding="utf-8")
        match = re.search(r'<meta name="description" content="([^"]*)"', html)
        text = unescape(match.group(1)) if match else ""
        if not 20 <= len(text) <= 160 or 'rel="shortcut icon" href="' not in html:
            missing.append(str(path.relative_to(site)))
    assert missing == []
    assert (site / "_static" / "favicon.svg").is_file()


def test_the_page_frame_is_dutch(site: Path) -> None:
    for name in ["index.html", "catalogus/voorbeelden/buurtbemiddeling.html", "catalogus/interventiewijzer.html", "search.html"]:
        html = page(site, name)
        assert [text for text in ENGLISH_FRAME if text in html] == [], name
        assert '<html class="no-js" lang="nl"' in html
    assert "Naar de inhoud" in page(site, "index.html")
    assert re.search(r'<nav class="bv-back-to-top" aria-label="[^"]+">\s*<a href="#" class="back-to-top', page(site, "index.html"))
    assert '<html class="no-js" lang="en"' in page(site, "dev/api.html")  # the developer pages stay English


def test_previous_and_next_never_walk_through_the_examples(site: Path) -> None:
    for path in html_pages(site):
        related = re.search(r'<nav class="related-pages".*?</nav>', path.read_text(encoding="utf-8"), re.S)
        if related:
            assert "voorbeelden/" not in related.group(0), path


def test_wijzer_data_is_a_script_for_file_urls(site: Path, cat) -> None:
    script = page(site, "_static/bv-wijzer-data.js")
    code = re.sub(r"/\*.*?\*/", "", page(site, "_static/bv-wijzer.js"), flags=re.S)
    assert "fetch(" not in code and "bv.data.wijzer" in code  # issue 20: one namespace, bv.data.<name>
    prefix = "bv.data.wijzer = "
    body = script.split(prefix, 1)[1].rstrip().rstrip(";")
    data = json.loads(body)
    assert data == json.loads(page(site, "_static/bv-wijzer.json"))
    assert data["order"] == [f.key for f in WIJZER_FACETS] and sorted(data["facets"]) == sorted(data["order"])
    assert len(data["examples"]) == len(cat.examples)
    assert data["evidence"]["order"] == list(cat.vocabulary("bewijsniveaus").ids())
    html = page(site, "catalogus/interventiewijzer.html")
    assert 'data-bv-script="../_static/bv-wijzer-data.js"' in html and 'src="../_static/bv-wijzer.js' in html
    for facet in WIJZER_FACETS:  # issue 20: a value that no example has is not offered
        used = {value for example in cat.examples for value in facet.values(example)}
        assert html.count(f'name="{facet.parameter}"') == len(used)


def test_index_pages_hide_their_menu_list_and_describe_each_entry(site: Path, cat) -> None:
    html = page(site, "catalogus/richtingen/index.html")
    assert '<div class="toctree-wrapper bv-nav-only compound">' in html
    for direction in cat.directions:
        assert f"{len(cat.filter(direction=direction.id))} voorbeelden" in html
    home = page(site, "index.html")
    assert home.count("bv-nav-only") == 2


def test_apostrophes_and_glossary(site: Path) -> None:
    assert "\u2019s avonds" in page(site, "catalogus/voorbeelden/buurtvaders.html")
    assert "\u2018s avonds" not in page(site, "catalogus/voorbeelden/buurtvaders.html")
    glossary = page(site, "catalogus/begrippen.html")
    assert '<nav class="bv-az" aria-label="Begrippen van A tot Z">' in glossary
    assert 'href="#bv-letter-b"' in glossary and re.search(r'<dt id="bv-[^"]*"><span id="bv-letter-b">', glossary)


SOFT_HYPHEN = "\u00ad"


def test_soft_hyphens_only_in_the_visible_headings_of_dutch_pages(site: Path) -> None:
    hyphenated = []
    for path in html_pages(site):
        html = path.read_text(encoding="utf-8")
        title = re.search(r"<title>(.*?)</title>", html, re.S)
        assert title and SOFT_HYPHEN not in title.group(1), path
        for description in re.findall(r'<meta name="description" content="([^"]*)"', html):
            assert SOFT_HYPHEN not in description, path
        # outside the headings of the page's body (menu, table of contents, previous/next): none
        body = re.sub(r"<h[1-6][^>]*>.*?</h[1-6]>|<p class=\"rubric[^>]*>.*?</p>", "", html, flags=re.S)
        assert SOFT_HYPHEN not in body, path
        english = path.relative_to(site).parts[0] == "dev" or path.name == "changelog.html"
        if SOFT_HYPHEN in html:
            assert not english, path
            hyphenated.append(path)
    assert len(hyphenated) > 50  # the Dutch pages with long words in their headings
    assert SOFT_HYPHEN not in page(site, "searchindex.js")
    example = page(site, "catalogus/voorbeelden/jongerenbuurtbemiddeling.html")
    assert "Jon\u00adge\u00adren\u00adbuurt\u00ad" in example  # compounds break between their words
    assert "bv-typography.js" in example  # and the soft hyphens leave the page while it prints


def test_every_example_page_says_when_it_was_last_checked(site: Path, cat) -> None:
    from buurtverbinding.sphinx._directives import checked_on

    for example in cat.examples:
        html = page(site, f"catalogus/voorbeelden/{example.id}.html")
        expected = checked_on(example)
        assert re.fullmatch(r"(\d{1,2} )?[a-z]+ \d{4}|\d{4}", expected), expected
        assert f'<p class="bv-checked">Laatst gecontroleerd: {expected}</p>' in html, example.id


def test_describe_cuts_at_a_word() -> None:
    from docutils import nodes
    from docutils.utils import new_document

    document = new_document("test")
    document += nodes.paragraph("", "Een korte zin. " * 30)
    text = describe(document, limit=60)
    assert len(text) <= 60 and text.endswith("…") and not text[:-1].endswith(" ")
    document = new_document("test")
    assert describe(document) == ""


def test_installer_says_what_to_do_without_npm(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    monkeypatch.setattr(install_browser, "LIGHTHOUSE_DIR", tmp_path / "lh")
    monkeypatch.setattr(install_browser, "LIGHTHOUSE_BIN", tmp_path / "lh" / "node_modules" / ".bin" / "lighthouse")
    monkeypatch.setattr(install_browser.shutil, "which", lambda name: None)
    assert install_browser.install_lighthouse() == 0
    out = capsys.readouterr().out
    assert "npm is missing" in out and "will be skipped" in out
    assert not (tmp_path / "lh").exists()
