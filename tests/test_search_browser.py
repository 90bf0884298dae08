"""The site's search for professionals in Chromium, from the built folder opened as ``file://``
(issue 20, item 2): relevant example pages first and no developer page for the issue's queries,
"Bedoelde u" and the Interventiewijzer when nothing is found, a note for English queries, a
search field at every width, and axe-core with no violation of any impact at 1280×800 and
390×844. Relevance is asserted robustly (what the first hits are about), not on exact lists
that content changes move.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ._browser import sync_api_or_skip
from .test_sphinx_docs import built_site

sync_api = sync_api_or_skip()
SIZES = {"1280x800": {"width": 1280, "height": 800}, "390x844": {"width": 390, "height": 844}}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_site(tmp_path_factory.getbasetemp())


@pytest.fixture(params=list(SIZES), ids=list(SIZES))
def page(request: pytest.FixtureRequest, browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=SIZES[request.param])
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == []


def search(page: Any, site: Path, query: str) -> list[str]:
    """Open the search page for ``query`` and return the addresses of the professional results."""
    page.goto((site / "search.html").as_uri() + "?q=" + query)
    page.locator(".bv-sitesearch-status:not(:empty)").wait_for(timeout=15000)
    return [a.get_attribute("href") for a in page.locator("#bv-sitesearch .bv-sitesearch-list a").all()]


def example_ids(hrefs: list[str]) -> list[str]:
    return [h.split("#bv-", 1)[1] for h in hrefs if "/voorbeelden/" in h and "#bv-" in h]


def no_developer_page(page: Any) -> None:
    """No developer page among the professional results (Sphinx's own list, below them, holds
    only developer pages under "Voor ontwikkelaars")."""
    hrefs = [a.get_attribute("href") or "" for a in page.locator("#bv-sitesearch a").all()]
    assert not [h for h in hrefs if h.startswith(("dev/", "changelog"))], hrefs


def test_steekpartij_finds_the_examples_after_violence(page: Any, site: Path, cat: Any) -> None:
    ids = example_ids(search(page, site, "steekpartij"))
    assert ids, "the search finds examples"
    first = cat.get(ids[0])
    text = " ".join([first.title, first.summary, *first.sections.model_dump().values()]).lower()
    assert "geweld" in text or "incident" in text, first.id
    no_developer_page(page)


def test_hangjongeren_lists_youth_examples_first(page: Any, site: Path, cat: Any) -> None:
    ids = example_ids(search(page, site, "hangjongeren"))
    assert len(ids) >= 3
    for identifier in ids[:3]:  # about young people: aimed at them, or about them in its text
        example = cat.get(identifier)
        text = " ".join([example.title, example.summary, *example.sections.model_dump().values()]).lower()
        assert "jongeren" in example.target_groups or "jongeren" in text, identifier
    assert "jongerenontmoetingsplek" in ids[:10]
    no_developer_page(page)


def test_discrimination_at_the_sport_club(page: Any, site: Path, cat: Any) -> None:
    ids = example_ids(search(page, site, "discriminatie op de sportclub"))
    assert len(ids) >= 5
    for identifier in ids[:5]:
        example = cat.get(identifier)
        text = " ".join([example.title, example.summary, *example.sections.model_dump().values()]).lower()
        assert "discrimin" in text or "sport" in text, identifier
    assert any("sport" in " ".join(cat.get(i).sections.model_dump().values()).lower() for i in ids[:5])
    no_developer_page(page)


def test_nothing_found_suggests_words_and_the_wijzer(page: Any, site: Path) -> None:
    assert search(page, site, "bemidlingg") == []
    suggestion = page.locator(".bv-sitesearch-suggest")
    sync_api.expect(suggestion).to_contain_text("Bedoelde u")
    sync_api.expect(suggestion.locator("a").first).to_have_text("bemiddeling")
    sync_api.expect(page.locator(".bv-sitesearch-wijzer a")).to_have_text("Interventiewijzer")


def test_an_english_query_hears_that_the_content_is_dutch(page: Any, site: Path) -> None:
    search(page, site, "neighbourhood tensions")
    sync_api.expect(page.locator(".bv-sitesearch-note").first).to_contain_text("Nederlandstalig")


def test_a_developer_word_finds_developer_pages_apart(page: Any, site: Path) -> None:
    search(page, site, "sphinx")
    developer = page.locator("#search-results")
    developer.locator("a").first.wait_for(timeout=15000)
    sync_api.expect(developer.locator("h2")).to_have_text("Voor ontwikkelaars")
    hrefs = [a.get_attribute("href") for a in developer.locator("ul.search a").all()]
    assert hrefs and all(h.startswith(("dev/", "changelog")) for h in hrefs), hrefs


def test_the_results_page_has_a_search_field_at_every_width(page: Any, site: Path) -> None:
    search(page, site, "buurtbemiddeling")
    field = page.get_by_role("searchbox", name="Zoek in de voorbeelden, richtingen, stappen, checklists en begrippen")
    sync_api.expect(field).to_be_visible()
    sync_api.expect(field).to_have_value("buurtbemiddeling")
    field.fill("opzoomeren")
    field.press("Enter")
    page.wait_for_url("**q=opzoomeren*")
    page.locator(".bv-sitesearch-status:not(:empty)").wait_for()
    assert "opzoomeren" in example_ids([a.get_attribute("href") for a in page.locator("#bv-sitesearch .bv-sitesearch-list a").all()])[:1]


@pytest.mark.parametrize("query", ["hangjongeren", "bemidlingg"])
@pytest.mark.parametrize("size", list(SIZES))
def test_axe_finds_no_violation_on_the_search_page(browser: Any, site: Path, query: str, size: str) -> None:
    # its own page: axe reads the style sheets with requests that file:// refuses (console noise, not ours)
    context = browser.new_context(viewport=SIZES[size])
    page = context.new_page()
    axe_module = pytest.importorskip("axe_playwright_python.sync_playwright", reason="axe-playwright-python is missing")
    search(page, site, query)
    page.wait_for_timeout(300)
    violations = axe_module.Axe().run(page).response["violations"]
    assert [f"{v['impact']} {v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:3]}" for v in violations] == []
    context.close()
