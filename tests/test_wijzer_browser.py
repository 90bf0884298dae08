"""The Interventiewijzer ranks instead of filtering to nothing (issue 20, item 3), in Chromium
from the built folder opened as ``file://``, at 1280×800 and 390×844.

Plek *Plein* + Scheidslijn *Jong en oud* shows results (exact or the closest, marked with what
they miss); the text field ("Beschrijf wat u zoekt") finds the JOP for "hangjongeren" and
combines with the filters; every option shows its count and its definition, and options that
would give nothing are disabled; the count and the chosen filters (removable chips) stay in view
while choosing; the card shows the effect next to the evidence, an unrated level quietly; axe
finds no violation of any impact. Relevance is asserted robustly, not on exact counts.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from buurtverbinding.sphinx._labels import WIJZER_FACETS

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
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    yield page
    context.close()
    assert errors == []


def wijzer(page: Any, site: Path, query: str = "") -> None:
    page.goto((site / "catalogus" / "interventiewijzer.html").as_uri() + query)
    page.locator(".bv-wijzer-status:not(:empty)").wait_for(timeout=15000)


def ids(page: Any, selector: str) -> list[str]:
    return [(a.get_attribute("href") or "").split("#bv-", 1)[-1] for a in page.locator(f"{selector} .bv-wijzer-title a").all()]


def test_plein_and_jong_en_oud_never_end_at_zero(page: Any, site: Path, cat: Any) -> None:
    wijzer(page, site, "?plek=plein&scheidslijn=jong-oud")
    exact = ids(page, ".bv-wijzer-results")
    assert sorted(exact) == sorted(e.id for e in cat.filter(location="plein", dividing_line="jong-oud"))
    closest = page.locator(".bv-wijzer-closest > li")
    if len(exact) < 10:
        sync_api.expect(page.locator(".bv-wijzer-closest-section")).to_be_visible()
        assert closest.count() > 0
        for n in range(closest.count()):  # each closest one says what it misses
            missing = closest.nth(n).locator(".bv-wijzer-missing").inner_text()
            assert missing.startswith("Past op 1 van 2: geen "), missing
            example = cat.get(ids(page, f".bv-wijzer-closest > li:nth-child({n + 1})")[0])
            assert ("plein" in example.locations) != ("jong-oud" in example.dividing_lines)
    assert len(exact) + closest.count() > 0


def test_the_text_field_finds_the_jop_and_combines_with_the_filters(page: Any, site: Path, cat: Any) -> None:
    wijzer(page, site)
    field = page.get_by_role("searchbox", name="Beschrijf wat u zoekt")
    field.fill("hangjongeren")
    page.wait_for_url("**zoek=hangjongeren*")
    sync_api.expect(page.locator(".bv-wijzer-chips")).to_contain_text("hangjongeren")
    found = ids(page, ".bv-wijzer-results")
    python = [hit.example.id for hit in cat.search("hangjongeren", limit=None)]
    assert found == python, "ranked as Catalog.search ranks"
    assert "jongerenontmoetingsplek" in found
    assert page.locator("#bv-wijzer-sort").input_value() == "passend"
    # with a filter: only the found examples on that place, in the same order
    page.locator('[data-bv-facet="location"] summary').click()
    page.locator('input[name="plek"][value="plein"]').check()
    sync_api.expect(page.locator(".bv-wijzer-status")).not_to_have_text(f"{len(found)} voorbeelden gevonden.")
    on_plein = [i for i in python if "plein" in cat.get(i).locations]
    assert ids(page, ".bv-wijzer-results") == on_plein
    # the chip takes the text away again
    page.get_by_role("button", name="“hangjongeren” weghalen").click()
    assert "zoek=" not in page.url
    assert sorted(ids(page, ".bv-wijzer-results")) == sorted(e.id for e in cat.filter(location="plein"))


def test_every_option_shows_its_count_and_its_definition(page: Any, site: Path, cat: Any) -> None:
    wijzer(page, site, "?plek=plein")
    data = json.loads(page.evaluate("JSON.stringify(bv.data.wijzer)"))
    on_plein = cat.filter(location="plein")
    for facet in WIJZER_FACETS:
        for box in page.locator(f'input[name="{facet.parameter}"]').all():
            value = box.get_attribute("value")
            count = page.locator(f'label[for="{box.get_attribute("id")}"] .bv-wijzer-count').text_content()
            if facet.key == "location":  # its own group: what choosing it would add, the others kept
                expected = len(cat.filter(location=value))
            else:
                expected = sum(1 for e in on_plein if value in facet.values(e))
            assert count == f"({expected})", (facet.key, value)
            assert box.is_disabled() == (expected == 0 and not box.is_checked()), (facet.key, value)
            definition = data["facets"][facet.key]["definitions"].get(value)
            if definition:
                described = box.get_attribute("aria-describedby")
                assert page.locator(f"#{described}").text_content() == definition
    plein = page.locator('input[name="plek"][value="plein"]').get_attribute("aria-describedby")
    meeting = page.locator('input[name="plek"][value="ontmoetingsplek"]').get_attribute("aria-describedby")
    assert plein and meeting, "Plein and Ontmoetingsplek each say what they mean"


def test_count_and_chips_stay_in_view_while_choosing(page: Any, site: Path, cat: Any) -> None:
    wijzer(page, site, "?fase=spanningen")
    group = page.locator('[data-bv-facet="dividing_line"]')
    group.locator("summary").click()
    last = group.locator("input").last
    last.scroll_into_view_if_needed()
    last.check()
    bar = page.locator(".bv-wijzer-bar")
    box = bar.bounding_box()
    height = page.viewport_size["height"]
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height / 2, box
    sync_api.expect(page.locator(".bv-wijzer-status")).to_be_in_viewport()
    chips = page.locator(".bv-wijzer-chip")
    assert chips.count() == 2
    chips.first.click()  # removes "spanningen"
    assert "fase=" not in page.url
    sync_api.expect(page.locator(".bv-wijzer-chip")).to_have_count(1)


def test_the_card_shows_the_effect_next_to_the_evidence_and_unrated_is_quiet(page: Any, site: Path, cat: Any) -> None:
    wijzer(page, site)
    first = page.locator(".bv-wijzer-results > li").first
    first.wait_for()
    for item in page.locator(".bv-wijzer-results > li").all()[:20]:
        badges = item.locator(".bv-badges")
        sync_api.expect(badges.locator(".bv-evidence")).to_have_count(1)
        sync_api.expect(badges.locator(".bv-effect")).to_have_count(1)
    unrated = page.locator(".bv-evidence-niet-beoordeeld").first
    rated_levels = [v.id for v in cat.vocabulary("bewijsniveaus").values if v.rated]
    assert "niet-beoordeeld" not in rated_levels
    weight = unrated.evaluate("e => getComputedStyle(e).fontWeight")
    border = unrated.evaluate("e => getComputedStyle(e).borderLeftWidth")
    assert int(weight) < 600 and border == "0px"


@pytest.mark.parametrize("query", ["", "?plek=plein&scheidslijn=jong-oud&zoek=jongeren"])
@pytest.mark.parametrize("size", list(SIZES))
def test_axe_finds_no_violation_on_the_wijzer(browser: Any, site: Path, query: str, size: str) -> None:
    # its own page: axe reads the style sheets with requests that file:// refuses (console noise, not ours)
    context = browser.new_context(viewport=SIZES[size])
    page = context.new_page()
    axe_module = pytest.importorskip("axe_playwright_python.sync_playwright", reason="axe-playwright-python is missing")
    wijzer(page, site, query)
    page.locator('[data-bv-facet="location"] summary').click()
    violations = axe_module.Axe().run(page).response["violations"]
    assert [f"{v['impact']} {v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:3]}" for v in violations] == []
    context.close()


CLS = """window.__cls = 0; new PerformanceObserver((list) => { for (const entry of list.getEntries())
  if (!entry.hadRecentInput) window.__cls += entry.value; }).observe({type: "layout-shift", buffered: true});"""


@pytest.mark.parametrize(
    "path", ["catalogus/interventiewijzer.html", "catalogus/interventiewijzer.html?plek=plein&scheidslijn=jong-oud", "search.html?q=hangjongeren"]
)
def test_layout_shift_stays_below_a_tenth(page: Any, site: Path, path: str) -> None:
    """Cumulative layout shift (the measure Lighthouse reports) while the data loads and fills the list."""
    page.add_init_script(CLS)
    page.goto(site.as_uri() + "/" + path)
    page.wait_for_load_state("load")
    page.wait_for_timeout(1500)
    assert page.evaluate("window.__cls") < 0.1
