"""Print (issue 15): every checklist fits on one A4 page, with blanks for datum, buurt and
aanwezigen and a footer with the licence line and the page's address; single and multiple choice
look different; a printed Interventiewijzer list names its filters and ends without a blank page.

Each page is printed to PDF by Chromium (``page.pdf(format="A4")``) and its pages are counted.
Skipped, with the reason, where Chromium or Playwright is missing (as tests/test_browser.py).
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from . import test_browser
from .test_browser import count_text, sync_api

# the browser tests' site served over loopback (one Chromium per module comes from conftest)
site_url = test_browser.site_url


def pages_of(pdf: bytes) -> int:
    """The number of pages of a PDF that Chromium wrote (one ``/Type /Page`` object per page)."""
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


@pytest.fixture
def page(browser: Any) -> Any:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    yield context.new_page()
    context.close()


def test_every_checklist_prints_on_one_a4_page(page: Any, site_url: str, cat) -> None:
    counts = {}
    for checklist in cat.checklists:
        page.goto(site_url + f"catalogus/checklists/{checklist.id}.html")
        counts[checklist.id] = pages_of(page.pdf(format="A4"))
    print("A4 pages per checklist:", counts)
    assert counts == {checklist.id: 1 for checklist in cat.checklists}


def test_a_printed_checklist_has_header_footer_and_two_kinds_of_box(page: Any, site_url: str, cat) -> None:
    page.goto(site_url + "catalogus/checklists/aan-tafel.html")
    page.emulate_media(media="print")
    fields = page.locator(".bv-print-fields > p")
    assert fields.all_inner_texts() == ["Datum", "Buurt", "Aanwezigen"]
    assert fields.first.is_visible()
    footer = page.locator(".bv-print-footer")
    assert footer.is_visible()
    text = footer.inner_text()
    assert "CC BY 4.0" in text and site_url + "catalogus/checklists/aan-tafel.html" in text
    page.emulate_media(media="screen")
    assert not fields.first.is_visible() and not footer.is_visible()

    def shape(kind: str) -> str:
        box = page.locator(f".bv-kind-{kind} ul.bv-options > li").first
        return box.evaluate("e => getComputedStyle(e, '::before').borderRadius")

    kinds = {item.kind for c in cat.checklists for item in c.items}
    assert {"single_choice", "multiple_choice"} <= kinds
    for checklist in cat.checklists:  # find a page with each kind
        ids = {item.kind for item in checklist.items}
        if {"single_choice", "multiple_choice"} <= ids:
            page.goto(site_url + f"catalogus/checklists/{checklist.id}.html")
            break
    else:
        pytest.fail("no checklist has both single and multiple choice questions")
    assert shape("single-choice") == "50%" and shape("multiple-choice") != "50%"


def test_a_printed_wijzer_list_names_its_filters_without_a_blank_page(page: Any, site_url: str, cat) -> None:
    # a short list (two examples since the content was retagged; five for spanningen on the plein)
    page.goto(site_url + "catalogus/interventiewijzer.html?fase=incidenten&plek=school&doelgroep=jongeren")
    expected = cat.filter(phase="incidenten", location="school", target_group="jongeren")
    assert 1 <= len(expected) <= 2
    sync_api.expect(page.locator(".bv-wijzer-status")).to_have_text(count_text(len(expected)))
    page.emulate_media(media="print")
    chosen = page.locator(".bv-wijzer-chosen")
    assert chosen.is_visible() and "School" in chosen.inner_text() and "Jongeren" in chosen.inner_text()
    assert not page.locator(".bv-wijzer-form").is_visible()
    assert pages_of(page.pdf(format="A4")) == 1  # a short list: one page, no blank one after it


# --- issue 19: paper that can be written on, and only what works on paper ----------------------


@pytest.fixture
def paper(browser: Any) -> Any:
    """A page laid out as print at the width of A4 paper inside its margins (182 mm)."""
    context = browser.new_context(viewport={"width": 688, "height": 1030})
    page = context.new_page()
    page.emulate_media(media="print")
    yield page
    context.close()


def test_open_questions_get_the_free_space_of_the_page(paper: Any, site_url: str, cat) -> None:
    lines = {}
    for checklist in cat.checklists:
        if not any(item.kind == "text" for item in checklist.items):
            continue
        paper.goto(site_url + f"catalogus/checklists/{checklist.id}.html")
        heights = paper.eval_on_selector_all(
            ".bv-kind-text .bv-answer-lines", "els => els.map(e => e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).fontSize) / 1.8)"
        )
        lines[checklist.id] = [round(h, 1) for h in heights]
    print("writing lines per open question:", lines)
    assert lines and all(len(found) == sum(i.kind == "text" for i in cat.get(c).items) for c, found in lines.items())
    assert all(n >= 4 for found in lines.values() for n in found)


def test_every_printed_choice_list_ends_with_anders_namelijk(paper: Any, site_url: str, cat) -> None:
    checklist = next(c for c in cat.checklists if sum(i.kind in ("single_choice", "multiple_choice") for i in c.items) >= 2)
    paper.goto(site_url + f"catalogus/checklists/{checklist.id}.html")
    for kind in ("single-choice", "multiple-choice"):
        for question in paper.locator(f"li.bv-kind-{kind}").all():
            other = question.locator(":scope > ul.bv-options + .bv-other")
            assert other.is_visible() and other.inner_text().startswith("Anders, namelijk:")
    paper.emulate_media(media="screen")
    assert not paper.locator(".bv-other").first.is_visible()


def test_screen_only_links_are_not_printed(paper: Any, site_url: str) -> None:
    paper.goto(site_url + "catalogus/checklists/aan-tafel.html")
    link = paper.locator(".bv-an-fill-link")
    assert link.count() == 1 and not link.is_visible()
    paper.emulate_media(media="screen")
    assert link.is_visible()


def test_printed_headings_have_no_soft_hyphens(page: Any, site_url: str) -> None:
    page.goto(site_url + "catalogus/voorbeelden/buurtbemiddeling.html")
    heading = page.locator("h1")
    assert "\u00ad" in heading.evaluate("e => e.textContent")  # on screen: break opportunities
    # what the page holds while it is printed (this listener runs after the site's own)
    page.evaluate("""() => addEventListener('beforeprint', () => { window.printed = document.body.textContent; })""")
    assert pages_of(page.pdf(format="A4")) >= 1
    printed = page.evaluate("window.printed")
    assert printed and "Buurtbemiddeling" in printed and "\u00ad" not in printed
    assert "\u00ad" in heading.evaluate("e => e.textContent")  # and back after printing
