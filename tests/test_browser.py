"""The built site in a real browser: Debian's Chromium driven by Playwright, served over loopback.

Search in Dutch, filter in the Interventiewijzer (check boxes, with the mouse and by keyboard alone), follow
the matrix and open an example; axe-core finds no serious or critical accessibility violation on
the home page, an example page, a checklist page, the overview and the Interventiewijzer.

Skipped, with the reason, where Chromium or Playwright is missing; CI installs both
(``tests/install_browser.py`` and the ``test`` extra).
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

from ._browser import sync_api_or_skip
from .test_sphinx_docs import built_site

sync_api = sync_api_or_skip()


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = built_site(tmp_path_factory.getbasetemp())
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port), "--directory", str(site)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url, timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("the local web server did not start")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == [], f"JavaScript errors: {errors}"


def count_text(number: int) -> str:
    return {0: "Geen voorbeelden gevonden", 1: "1 voorbeeld gevonden."}.get(number, f"{number} voorbeelden gevonden.")


def test_search_for_a_dutch_word_finds_the_example(page: Any, site_url: str) -> None:
    # the page says "burenruzies"; Dutch stemming matches the singular
    page.goto(site_url + "search.html?q=burenruzie")
    results = page.locator("#bv-sitesearch a[href*='catalogus/voorbeelden/buurtbemiddeling.html']")  # issue 20: the catalogue's search
    results.first.wait_for(timeout=15000)
    assert results.first.inner_text().strip() == "Buurtbemiddeling"


def choose(page: Any, facet: str, value: str) -> None:
    """Tick one value in the Interventiewijzer's check-box group of ``facet`` (opening its fold)."""
    group = page.locator(f'[data-bv-facet="{facet}"]')
    if group.get_attribute("open") is None:
        group.locator("summary").click()
    group.locator(f'input[value="{value}"]').check()


def test_interventiewijzer_filters_shrink_the_list(page: Any, site_url: str, cat) -> None:
    page.goto(site_url + "catalogus/interventiewijzer.html")
    status = page.locator(".bv-wijzer-status")
    results = page.locator(".bv-wijzer-results > li")
    sync_api.expect(status).to_have_text(count_text(len(cat.examples)))
    assert results.count() == len(cat.examples)

    choose(page, "direction", "ontmoeting")
    expected = cat.filter(direction="ontmoeting")
    sync_api.expect(status).to_have_text(count_text(len(expected)))
    assert results.count() == len(expected) < len(cat.examples)

    choose(page, "phase", "spanningen")
    expected = cat.filter(direction="ontmoeting", phase="spanningen")
    sync_api.expect(status).to_have_text(count_text(len(expected)))
    titles = sorted(t.strip() for t in page.locator(".bv-wijzer-results .bv-wijzer-title").all_inner_texts())
    assert titles == sorted(e.title for e in expected)
    assert "richting=ontmoeting" in page.url and "fase=spanningen" in page.url

    page.get_by_role("button", name="Wis alle filters").click()
    sync_api.expect(status).to_have_text(count_text(len(cat.examples)))
    assert "richting=" not in page.url


def test_interventiewijzer_works_by_keyboard_alone(page: Any, site_url: str, cat) -> None:
    page.goto(site_url + "catalogus/interventiewijzer.html")
    status = page.locator(".bv-wijzer-status")
    sync_api.expect(status).to_have_text(count_text(len(cat.examples)))
    groups = page.locator(".bv-wijzer-form details")
    assert groups.count() == 10  # every facet the professionals filter by
    # Tab from the last link before the form lands on the first group; Enter opens it
    first_summary = page.locator(".bv-wijzer-form summary").first
    first_summary.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    first = cat.directions[0].id
    assert page.evaluate("document.activeElement.value") == first
    page.keyboard.press("Space")
    sync_api.expect(status).to_have_text(count_text(len(cat.filter(direction=first))))
    page.keyboard.press("Tab")  # the next direction: OR within the group
    second = cat.directions[1].id
    page.keyboard.press("Space")
    sync_api.expect(status).to_have_text(count_text(len(cat.filter(direction=[first, second]))))
    page.locator(".bv-wijzer-reset").focus()
    page.keyboard.press("Enter")
    sync_api.expect(status).to_have_text(count_text(len(cat.examples)))
    # past the status line, the links lead on and the results are links that take the focus
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "A"


def test_matrix_cell_opens_the_filtered_interventiewijzer(page: Any, site_url: str, cat) -> None:
    number = len(cat.filter(direction="veiligheid", phase="incidenten"))
    assert number > 0
    page.goto(site_url + "catalogus/overzicht.html")
    row = page.locator("table.bv-matrix tbody tr", has=page.locator("th", has_text=cat.get("veiligheid").short_title))
    column = cat.vocabulary("fasen").ids().index("incidenten") + 1
    row.locator("td").nth(column - 1).locator("a").click()
    page.wait_for_url("**/interventiewijzer.html?*")
    sync_api.expect(page.locator(".bv-wijzer-status")).to_have_text(count_text(number))
    assert page.locator('input[name="richting"][value="veiligheid"]').is_checked()
    assert page.locator('input[name="fase"][value="incidenten"]').is_checked()


def test_open_an_example_page_from_the_interventiewijzer(page: Any, site_url: str, cat) -> None:
    page.goto(site_url + "catalogus/interventiewijzer.html?plek=portiek")
    expected = sorted(cat.filter(location="portiek"), key=lambda e: e.title.casefold())
    first = page.locator(".bv-wijzer-results a").first
    sync_api.expect(first).to_have_text(expected[0].title)
    first.click()
    page.wait_for_url(f"**/catalogus/voorbeelden/{expected[0].id}.html*")
    sync_api.expect(page.locator("h1")).to_contain_text(expected[0].title)
    sync_api.expect(page.locator(".bv-badges")).to_contain_text("Bewijs:")


def test_a_checklist_prints_without_the_site_navigation(page: Any, site_url: str, cat) -> None:
    checklist = cat.checklists[0]
    page.goto(site_url + f"catalogus/checklists/{checklist.id}.html")
    page.emulate_media(media="print")
    assert not page.locator(".sidebar-drawer").is_visible()
    assert not page.locator(".bv-print-hint").is_visible()
    sync_api.expect(page.locator(".bv-questions > li")).to_have_count(len(checklist.items))
    assert page.locator(".bv-questions > li").first.is_visible()
    pdf = page.pdf(format="A4", print_background=False)
    assert pdf.startswith(b"%PDF")  # the page counts: tests/test_site_print.py


AXE_PAGES = [
    "index.html",
    "catalogus/voorbeelden/buurtbemiddeling.html",
    "catalogus/checklists/aan-tafel.html",
    "catalogus/overzicht.html",
    "catalogus/interventiewijzer.html",
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", AXE_PAGES)
def test_no_serious_or_critical_accessibility_violations(browser: Any, site_url: str, path: str, scheme: str) -> None:
    axe_module = pytest.importorskip("axe_playwright_python.sync_playwright", reason="axe-playwright-python is missing: pip install -e '.[test]'")
    context = browser.new_context(color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(site_url + path)
        if "interventiewijzer" in path:
            page.locator(".bv-wijzer-results > li").first.wait_for()
        violations = axe_module.Axe().run(page).response["violations"]
    finally:
        context.close()
    bad = [f"{v['impact']} {v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:3]}" for v in violations if v["impact"] in ("serious", "critical")]
    assert bad == []
