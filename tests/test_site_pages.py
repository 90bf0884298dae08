"""The site as professionals meet it (issue 15), in Chromium at 1280×800 and 390×844.

The Interventiewijzer (every facet, several values per facet, state in the address, evidence,
sorting, links on, working from ``file://``); the phone (no page wider than the screen, no focus
stop in a closed drawer, headings break only at a hyphen); Dutch throughout; navigation (home,
index pages, glossary A–Z, matrix "Totaal", previous/next, favicon, meta description); and
axe-core with no violation of any impact on every kind of page at both sizes.

Skipped, with the reason, where Chromium or Playwright is missing (as tests/test_browser.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from buurtverbinding.sphinx._labels import WIJZER_FACETS

from . import test_browser
from .test_browser import count_text, sync_api
from .test_sphinx_docs import built_site

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
VIEWPORTS = {"1280x800": DESKTOP, "390x844": PHONE}

KINDS_OF_PAGE = {
    "home": "index.html",
    "direction": "catalogus/richtingen/ontmoeting.html",
    "example": "catalogus/voorbeelden/buurtbemiddeling.html",
    "step": "catalogus/stappenplan/stap-3.html",
    "checklist": "catalogus/checklists/aan-tafel.html",
    "matrix": "catalogus/overzicht.html",
    "wijzer": "catalogus/interventiewijzer.html",
    "wijzer-filtered": "catalogus/interventiewijzer.html?fase=spanningen&plek=plein&doelgroep=jongeren&doelgroep=kinderen",
    "glossary": "catalogus/begrippen.html",
    "open-data": "open-data.html",
    "search": "search.html?q=jongeren",
    "developer-api": "dev/api.html",
}

# the browser tests' site served over loopback (one Chromium per module comes from conftest)
site_url = test_browser.site_url


@pytest.fixture(params=list(VIEWPORTS), ids=list(VIEWPORTS))
def viewport(request: pytest.FixtureRequest) -> dict[str, int]:
    return VIEWPORTS[request.param]


def _page(browser: Any, viewport: dict[str, int]) -> Iterator[tuple[Any, list[str]]]:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    try:
        yield page, errors
    finally:
        context.close()


@pytest.fixture
def desktop(browser: Any) -> Iterator[Any]:
    for page, errors in _page(browser, DESKTOP):
        yield page
        assert errors == [], f"errors in the browser console: {errors}"


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    for page, errors in _page(browser, PHONE):
        yield page
        assert errors == [], f"errors in the browser console: {errors}"


def open_page(page: Any, url: str) -> None:
    page.goto(url)
    if "interventiewijzer" in url:
        page.locator(".bv-wijzer-status:not(:empty)").wait_for()
    if "search.html" in url:
        page.locator(".bv-sitesearch-status:not(:empty)").wait_for(timeout=15000)


def check(page: Any, facet: str, *values: str) -> None:
    """Tick values in the check-box group of ``facet`` (opening its fold first)."""
    group = page.locator(f'[data-bv-facet="{facet}"]')
    if group.get_attribute("open") is None:
        group.locator("summary").click()
    for value in values:
        group.locator(f'input[value="{value}"]').check()


# --- the Interventiewijzer ----------------------------------------------------------------


def test_wijzer_offers_every_facet_of_the_registry(desktop: Any, site_url: str, cat) -> None:
    open_page(desktop, site_url + KINDS_OF_PAGE["wijzer"])
    groups = desktop.locator("[data-bv-facet]")
    assert [groups.nth(n).get_attribute("data-bv-facet") for n in range(groups.count())] == [f.key for f in WIJZER_FACETS]
    assert len(WIJZER_FACETS) == 10
    for facet in WIJZER_FACETS:  # issue 20: a value that no example has is not offered
        boxes = desktop.locator(f'input[name="{facet.parameter}"]')
        used = {value for example in cat.examples for value in facet.values(example)}
        assert boxes.count() == len(used) > 1


def test_wijzer_or_within_a_facet_and_across_facets(desktop: Any, site_url: str, cat) -> None:
    open_page(desktop, site_url + KINDS_OF_PAGE["wijzer"])
    status = desktop.locator(".bv-wijzer-status")
    check(desktop, "phase", "spanningen")
    check(desktop, "location", "plein")
    expected = cat.filter(phase="spanningen", location="plein")
    sync_api.expect(status).to_have_text(count_text(len(expected)))
    check(desktop, "target_group", "jongeren")
    expected = cat.filter(phase="spanningen", location="plein", target_group="jongeren")
    sync_api.expect(status).to_have_text(count_text(len(expected)))
    assert expected, "the case from the issue gives a useful list"
    check(desktop, "location", "portiek")  # OR within the group: the list grows
    wider = cat.filter(phase="spanningen", location=["plein", "portiek"], target_group="jongeren")
    sync_api.expect(status).to_have_text(count_text(len(wider)))
    assert len(wider) >= len(expected)
    titles = desktop.locator(".bv-wijzer-results .bv-wijzer-title").all_inner_texts()
    assert sorted(t.strip() for t in titles) == sorted(e.title for e in wider)
    # the address holds the state; the chosen filters are named above the list
    query = desktop.url.split("?", 1)[1]
    assert sorted(query.split("&")) == sorted(["fase=spanningen", "plek=plein", "plek=portiek", "doelgroep=jongeren"])
    chosen = desktop.locator(".bv-wijzer-chosen").inner_text()
    assert "Fase: (Onderhuidse) spanningen" in chosen and "Plein" in chosen and "Jongeren" in chosen


def test_wijzer_state_in_the_address_is_shared(desktop: Any, site_url: str, cat) -> None:
    open_page(desktop, site_url + "catalogus/interventiewijzer.html?fase=spanningen&plek=plein,portiek&bewijsniveau=niet-beoordeeld&sorteer=bewijs")
    expected = cat.filter(phase="spanningen", location=["plein", "portiek"], evidence="niet-beoordeeld")
    sync_api.expect(desktop.locator(".bv-wijzer-status")).to_have_text(count_text(len(expected)))
    assert desktop.locator('input[name="plek"][value="portiek"]').is_checked()
    assert desktop.locator("#bv-wijzer-sort").input_value() == "bewijs"
    desktop.get_by_role("button", name="Wis alle filters").click()
    sync_api.expect(desktop.locator(".bv-wijzer-status")).to_have_text(count_text(len(cat.examples)))
    assert "plek=" not in desktop.url and "sorteer=" not in desktop.url


def test_wijzer_ignores_unknown_values_in_the_address(desktop: Any, site_url: str, cat) -> None:
    open_page(desktop, site_url + "catalogus/interventiewijzer.html?plek=zolder&fase=spanningen&sorteer=willekeurig&onzin=1")
    expected = cat.filter(phase="spanningen")
    sync_api.expect(desktop.locator(".bv-wijzer-status")).to_have_text(count_text(len(expected)))
    assert "zolder" not in desktop.locator(".bv-wijzer-chosen").inner_text()
    assert desktop.locator("#bv-wijzer-sort").input_value() == "naam"


def test_wijzer_results_show_evidence_places_and_target_groups_and_sort(desktop: Any, site_url: str, cat) -> None:
    open_page(desktop, site_url + KINDS_OF_PAGE["wijzer-filtered"])
    first = desktop.locator(".bv-wijzer-results > li").first
    sync_api.expect(first.locator(".bv-badge")).to_contain_text("Bewijs:")
    meta = first.locator(".bv-wijzer-meta").all_inner_texts()
    assert any(m.startswith("Plekken:") for m in meta) and any(m.startswith("Doelgroepen:") for m in meta)
    # sort by evidence: the strongest level first
    desktop.locator("#bv-wijzer-sort").select_option("bewijs")
    open_page(desktop, site_url + "catalogus/interventiewijzer.html?sorteer=bewijs")
    order = cat.vocabulary("bewijsniveaus").ids()
    labels = {v.id: v.label for v in cat.vocabulary("bewijsniveaus").values}
    by_label = {f"Bewijs: {label}": order.index(level) for level, label in labels.items()}
    ranks = [by_label[t.strip()] for t in desktop.locator(".bv-wijzer-results .bv-badge").all_inner_texts()]
    assert ranks == sorted(ranks, reverse=True) and ranks[0] > ranks[-1]


def test_wijzer_leads_on_to_the_checklist_in_one_click(desktop: Any, site_url: str) -> None:
    open_page(desktop, site_url + KINDS_OF_PAGE["wijzer-filtered"])
    desktop.locator(".bv-wijzer-next a", has_text="Interventies kiezen").click()
    desktop.wait_for_url("**/catalogus/checklists/interventies-kiezen.html*")
    sync_api.expect(desktop.locator("h1")).to_contain_text("Interventies kiezen")


def test_wijzer_links_to_the_buurtanalyse_only_when_the_page_exists(desktop: Any, site_url: str) -> None:
    site = built_site(_basetemp())
    open_page(desktop, site_url + KINDS_OF_PAGE["wijzer"])
    links = desktop.locator(".bv-wijzer-next a", has_text="Buurtanalyse")
    if (site / "buurtanalyse.html").exists():
        assert links.first.get_attribute("href") == "../buurtanalyse.html"
    else:
        assert links.count() == 0


_BASETEMP: list[Path] = []


@pytest.fixture(autouse=True, scope="module")
def _remember_basetemp(tmp_path_factory: pytest.TempPathFactory) -> None:
    _BASETEMP[:] = [tmp_path_factory.getbasetemp()]


def _basetemp() -> Path:
    return _BASETEMP[0]


def test_wijzer_works_from_a_downloaded_copy(browser: Any, cat) -> None:
    site = built_site(_basetemp())
    context = browser.new_context(viewport=DESKTOP)
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.goto((site / "catalogus" / "interventiewijzer.html").as_uri() + "?fase=spanningen&plek=plein")
        expected = cat.filter(phase="spanningen", location="plein")
        sync_api.expect(page.locator(".bv-wijzer-status")).to_have_text(count_text(len(expected)))
        assert errors == []
    finally:
        context.close()


# --- the phone ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(KINDS_OF_PAGE))
def test_no_page_is_wider_than_a_phone(phone: Any, site_url: str, kind: str) -> None:
    open_page(phone, site_url + KINDS_OF_PAGE[kind])
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_closed_side_menu_takes_no_focus_on_a_phone(phone: Any, site_url: str) -> None:
    open_page(phone, site_url + KINDS_OF_PAGE["wijzer"])
    stops = []
    for _ in range(12):
        phone.keyboard.press("Tab")
        stops.append(
            phone.evaluate("""() => {
            const e = document.activeElement;
            return [e.closest('.sidebar-drawer, .toc-drawer') ? 'drawer' : 'page', e.tagName, e.textContent.trim().slice(0, 30)];
        }""")
        )
    assert [s for s in stops if s[0] == "drawer"] == []
    assert any(s[1] == "SUMMARY" for s in stops), f"Tab does not reach the filters soon: {stops}"


_MIDWORD = """() => {
  const broken = [];
  for (const el of document.querySelectorAll('article h1, article h2, article h3, .related-pages .title')) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/[^\\s\\-–]+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        // a word over two lines must break at one of its soft hyphens (which shows a hyphen)
        if (lines.size > 1 && (!match[0].includes('\\u00ad') || lines.size > match[0].split('\\u00ad').length)) broken.push(match[0]);
      }
    }
  }
  return broken;
}"""


@pytest.mark.parametrize(
    "path",
    [
        "catalogus/interventiewijzer.html",
        "catalogus/voorbeelden/buurtbemiddeling.html",
        "catalogus/richtingen/index.html",
        "catalogus/overzicht.html",
        "catalogus/stappenplan/stap-3.html",
    ],
)
def test_headings_break_only_at_a_hyphen_on_a_phone(phone: Any, site_url: str, path: str) -> None:
    pytest.importorskip("pyphen", reason="pyphen (docs extra) gives the Dutch hyphenation points")
    open_page(phone, site_url + path)
    assert phone.evaluate(_MIDWORD) == []
    assert phone.evaluate("document.documentElement.lang") == "nl"


# --- Dutch throughout -------------------------------------------------------------------------

ENGLISH = [
    "Next",
    "Previous",
    "Home",
    "Skip to content",
    "Made with",
    "@pradyunsg",
    "FOR DEVELOPERS",
    "Toggle",
    "Link to this",
    "Back to top",
    "On this page",
    "Search",
]
_FRAME_TEXT = """() => [document.body.innerText,
  ...[...document.querySelectorAll('[aria-label], [title], [placeholder]')].map(e =>
     [e.getAttribute('aria-label'), e.getAttribute('title'), e.getAttribute('placeholder')].join(' '))].join(' ')"""


@pytest.mark.parametrize("kind", ["home", "example", "wijzer", "checklist", "glossary", "search"])
def test_professional_pages_have_no_english_frame(desktop: Any, site_url: str, kind: str) -> None:
    open_page(desktop, site_url + KINDS_OF_PAGE[kind])
    text = desktop.evaluate(_FRAME_TEXT)
    assert [word for word in ENGLISH if re.search(rf"\b{word}\b", text)] == []
    assert "\u2018s " not in desktop.locator("article").inner_text()


def test_apostrophes_are_right(site_url: str, desktop: Any) -> None:
    open_page(desktop, site_url + "catalogus/voorbeelden/buurtvaders.html")
    text = desktop.locator("article").inner_text()
    assert "\u2019s avonds" in text and "\u2018s avonds" not in text


def test_search_snippets_read_as_dutch_and_professional_pages_come_first(desktop: Any, site_url: str) -> None:
    # issue 20: the catalogue's search lists the professional pages; Sphinx's lists only dev pages, below
    open_page(desktop, site_url + "search.html?q=buurtbemiddeling")
    results = desktop.locator("#bv-sitesearch li, #search-results li")
    results.first.wait_for()
    desktop.wait_for_timeout(500)
    texts = results.all_inner_texts()
    assert not any("buurtverbinding praktijkvoorbeeld" in t or ", inBuurt" in t or " inBuurt" in t for t in texts), texts
    assert not any(re.search(r"[a-z]{4}(Aanpak|Bron|Zie ook)", t) for t in texts), texts  # blocks keep a space between them
    hrefs = [results.nth(n).locator("a").first.get_attribute("href") for n in range(results.count())]
    developer = [n for n, h in enumerate(hrefs) if h.startswith("dev/") or h.startswith("changelog")]
    professional = [n for n, h in enumerate(hrefs) if not (h.startswith("dev/") or h.startswith("changelog"))]
    assert professional, hrefs
    assert not developer or max(professional) < min(developer), hrefs
    assert desktop.locator("#bv-sitesearch a[href^='dev/']").count() == 0


# --- navigation -------------------------------------------------------------------------------


def test_home_has_no_duplicate_menu_and_first_steps_on_the_first_phone_screen(phone: Any, site_url: str) -> None:
    open_page(phone, site_url + "index.html")
    assert phone.locator("article .toctree-wrapper").evaluate_all("els => els.filter(e => e.offsetParent !== null).length") == 0
    first_step = phone.locator("#zo-begint-u ol li").first
    box = first_step.bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE["height"]


def test_index_pages_describe_each_direction_and_step(desktop: Any, site_url: str, cat) -> None:
    open_page(desktop, site_url + "catalogus/richtingen/index.html")
    text = desktop.locator("article").inner_text()
    for direction in cat.directions:
        assert f"{len(cat.filter(direction=direction.id))} voorbeelden" in text
        assert direction.summary.split(".")[0] in text
    open_page(desktop, site_url + "catalogus/stappenplan/index.html")
    text = desktop.locator("article").inner_text()
    for step in cat.steps:
        number = len(cat.checklists_for(step.id))
        assert f"{number} checklist" in text and step.purpose.split(".")[0] in text


def test_glossary_has_a_to_z_links_and_terms_link_to_their_example(desktop: Any, site_url: str, cat) -> None:
    open_page(desktop, site_url + KINDS_OF_PAGE["glossary"])
    letters = desktop.locator("nav.bv-az a")
    assert letters.count() >= 10
    first_letters = {t.term.lstrip("'(")[0].upper() for t in cat.glossary}
    assert {letters.nth(n).inner_text() for n in range(letters.count())} == first_letters
    letters.filter(has_text="S").first.click()
    assert desktop.url.endswith("#bv-letter-s")
    link = desktop.locator(".bv-glossary-example a", has_text="Buurtbemiddeling")
    assert link.get_attribute("href").endswith("voorbeelden/buurtbemiddeling.html#bv-buurtbemiddeling")


def test_matrix_explains_totaal(desktop: Any, site_url: str) -> None:
    open_page(desktop, site_url + KINDS_OF_PAGE["matrix"])
    sync_api.expect(desktop.locator(".bv-matrix-note")).to_contain_text("Totaal:")


def test_previous_and_next_follow_the_reading_order(desktop: Any, site_url: str, cat) -> None:
    for path in ["catalogus/richtingen/woonomgeving.html", "catalogus/voorbeelden/buurtbemiddeling.html", "catalogus/stappenplan/stap-1.html"]:
        open_page(desktop, site_url + path)
        for link in desktop.locator(".related-pages a").all():
            assert "voorbeelden/" not in link.get_attribute("href")
    open_page(desktop, site_url + "catalogus/richtingen/woonomgeving.html")
    assert desktop.locator(".related-pages a.next-page").get_attribute("href") == "ontmoeting.html"


@pytest.mark.parametrize("kind", list(KINDS_OF_PAGE))
def test_every_page_has_a_favicon_and_a_meta_description(desktop: Any, site_url: str, kind: str) -> None:
    open_page(desktop, site_url + KINDS_OF_PAGE[kind])
    description = desktop.locator('meta[name="description"]').get_attribute("content")
    assert description and 30 <= len(description) <= 160
    icon = desktop.locator('link[rel~="icon"]').get_attribute("href")
    assert icon.endswith("favicon.svg")


def test_an_example_page_is_described_by_its_summary(desktop: Any, site_url: str, cat) -> None:
    example = cat.get("buurtbemiddeling")
    open_page(desktop, site_url + KINDS_OF_PAGE["example"])
    description = desktop.locator('meta[name="description"]').get_attribute("content")
    assert example.summary.startswith(description.rstrip("…")[:100])


# --- axe-core ---------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(KINDS_OF_PAGE))
def test_axe_finds_no_violation_of_any_impact(browser: Any, site_url: str, kind: str, viewport: dict[str, int]) -> None:
    axe_module = pytest.importorskip("axe_playwright_python.sync_playwright", reason="axe-playwright-python is missing: pip install -e '.[test]'")
    for page, _ in _page(browser, viewport):
        open_page(page, site_url + KINDS_OF_PAGE[kind])
        violations = axe_module.Axe().run(page).response["violations"]
        found = [f"{v['impact']} {v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:3]}" for v in violations]
        assert found == []
