"""The Buurtanalyse as a tool a meeting can lean on (issue 19), in Chromium from the built folder (file://).

- Nothing lost: save -> wissen (confirmed) -> ongedaan maken -> wissen -> open restores the
  answers and the meeting (datum, buurt, aanwezigen), and the printed verslag shows them; opening
  a file over answers on screen asks first; "Alles wissen" can be cancelled.
- Always in view: the one-line summary bar is in the viewport in the middle of step 2 at 390,
  768, 1024 and 1280 px; tabbing through the whole form never leaves the focused element under
  it; the live region holds the one-line summary only and changes at most once per typing pause.
- Findable: a step navigation (Stap 1-4 with their checklists) and the progress.
- Presenteren: one question of the current step in large type with the summary, Page Down /
  arrow keys between questions, Esc back to the form.
- axe finds no violation in the confirmation dialog and the presentation view.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ._browser import sync_api_or_skip
from .test_analysis_browser import PAGE, PORTIEK, answers, open_file, ready, result
from .test_sphinx_docs import built_site

sync_api = sync_api_or_skip()

MEETING = {"datum": "2026-12-01", "buurt": "Oosterpark", "aanwezigen": "wijkagent, opbouwwerker"}
PHONE = (390, 844)
DESKTOP = (1280, 800)


def open_page(browser: Any, site: Path, size: tuple[int, int], clock: bool = False) -> tuple[Any, Any, list[str]]:
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    if clock:
        page.clock.install()  # time runs as usual, and can be moved on
    page.goto((site / PAGE).as_uri())
    ready(page)
    return context, page, errors


@pytest.fixture(params=[DESKTOP, PHONE], ids=["1280x800", "390x844"])
def page(request: pytest.FixtureRequest, browser: Any, site_dir: Path) -> Iterator[Any]:
    context, page, errors = open_page(browser, site_dir, request.param, clock=True)
    yield page
    context.close()
    assert errors == [], f"JavaScript errors: {errors}"


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site, as in test_analysis_browser (``BV_TEST_SITE`` may name an already built one)."""
    import os

    given = os.environ.get("BV_TEST_SITE")
    return Path(given) if given else built_site(tmp_path_factory.getbasetemp())


def meeting_on_screen(page: Any) -> dict[str, str]:
    return {key: page.input_value(f"#bv-an-{key}") for key in MEETING}


def dialog(page: Any) -> Any:
    return page.locator("dialog[data-bv-dialog]")


def confirm_clear(page: Any) -> None:
    page.click("[data-bv-action='clear']")
    assert dialog(page).is_visible()
    assert "Alle antwoorden wissen" in dialog(page).inner_text()
    dialog(page).locator("button", has_text="Alles wissen").click()
    assert not dialog(page).is_visible()


# --- nothing lost -------------------------------------------------------------------------------


def test_save_clear_undo_clear_open_keeps_answers_and_meeting(page: Any, tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    source.write_text(json.dumps(PORTIEK), encoding="utf-8")
    assert "zijn geopend" in open_file(page, source)  # nothing on screen yet: no question
    page.fill("#bv-an-datum", MEETING["datum"])
    page.fill("#bv-an-buurt", MEETING["buurt"])
    page.fill("#bv-an-aanwezigen", MEETING["aanwezigen"])
    page.wait_for_timeout(600)
    before = json.loads(answers(page))
    assert before["meeting"] == MEETING and before["format"] == "buurtanalyse" and before["version"] == 2
    with page.expect_download() as download:
        page.click("[data-bv-action='save']")
    saved = tmp_path / "overleg.json"
    download.value.save_as(saved)
    assert json.loads(saved.read_text(encoding="utf-8")) == before

    confirm_clear(page)
    assert json.loads(answers(page))["answers"] == {} and meeting_on_screen(page) == dict.fromkeys(MEETING, "")
    assert page.is_checked("#bv-an-fase-nu-leeg")
    undo = page.locator("[data-bv-undo]")
    page.clock.fast_forward(11_000)  # "Ongedaan maken" is offered for at least 10 seconds
    assert undo.is_visible() and undo.inner_text() == "Ongedaan maken"
    undo.click()
    assert json.loads(answers(page)) == before and meeting_on_screen(page) == MEETING
    assert page.is_checked("#bv-an-locaties-gezien-0")

    confirm_clear(page)
    page.clock.fast_forward(40_000)
    assert page.locator("[data-bv-undo]").count() == 0  # the offer ends
    assert "zijn geopend" in open_file(page, saved)
    assert not dialog(page).is_visible()  # nothing on screen: nothing to ask
    assert json.loads(answers(page)) == before and meeting_on_screen(page) == MEETING
    page.evaluate("() => bv.analysis.pages[0].preparePrint()")
    printed = page.locator(".bv-an-print").text_content() or ""
    for wanted in ("1 december 2026", "Oosterpark", "wijkagent, opbouwwerker"):
        assert wanted in printed, wanted
    assert "niet ingevuld" not in printed.split("Wat nu eerst")[0].lower()


def test_clearing_can_be_cancelled_by_keyboard(page: Any) -> None:
    page.check("#bv-an-fase-nu-3")
    page.fill("#bv-an-buurt", "Oosterpark")
    page.wait_for_timeout(600)
    before = answers(page)
    page.focus("[data-bv-action='clear']")
    page.keyboard.press("Enter")
    assert dialog(page).is_visible()
    assert page.evaluate("() => document.activeElement.textContent") == "Annuleren"  # the safe choice has the focus
    page.keyboard.press("Escape")
    assert not dialog(page).is_visible()
    assert answers(page) == before and page.input_value("#bv-an-buurt") == "Oosterpark"
    assert "niets gewist" in (page.locator("[data-bv-message]").text_content() or "")
    assert page.evaluate("() => document.activeElement.getAttribute('data-bv-action')") == "clear"  # focus back where it was


def test_opening_over_answers_asks_first_and_replaces_the_meeting(page: Any, tmp_path: Path) -> None:
    page.check("#bv-an-fase-nu-3")
    page.fill("#bv-an-buurt", "Westwijk")
    page.fill("#bv-an-aanwezigen", "buurtregisseur")
    page.wait_for_timeout(600)
    before = answers(page)
    source = tmp_path / "ander-overleg.json"
    source.write_text(json.dumps({"format": "buurtanalyse", "version": 2, "meeting": {"buurt": "Oosterpark"}, "answers": PORTIEK}), encoding="utf-8")

    page.set_input_files("[data-bv-file]", str(source))
    dialog(page).wait_for()  # the file is read, then the question
    assert "Huidige antwoorden vervangen? Sla ze eerst op." in dialog(page).inner_text()
    assert answers(page) == before  # nothing replaced while asking
    page.keyboard.press("Enter")  # on Annuleren
    assert not dialog(page).is_visible() and answers(page) == before
    assert "niet geopend" in (page.locator("[data-bv-message]").text_content() or "")

    page.set_input_files("[data-bv-file]", str(source))
    dialog(page).wait_for()
    page.keyboard.press("Shift+Tab")  # Annuleren -> Vervangen
    assert page.evaluate("() => document.activeElement.textContent") == "Vervangen"
    page.keyboard.press("Enter")
    data = json.loads(answers(page))
    assert data["answers"]["fase-nu"] == "ongemak" and data["meeting"] == {"buurt": "Oosterpark"}
    assert page.input_value("#bv-an-buurt") == "Oosterpark" and page.input_value("#bv-an-aanwezigen") == ""  # the header too
    assert page.is_checked("#bv-an-fase-nu-1")
    page.locator("[data-bv-undo]").click()  # and back
    assert answers(page) == before and page.input_value("#bv-an-aanwezigen") == "buurtregisseur"


# --- always in view -----------------------------------------------------------------------------


def bar_state(page: Any) -> dict[str, Any]:
    return page.evaluate(
        """() => {
          const bar = document.querySelector('[data-bv-bar]').getBoundingClientRect();
          const hit = document.elementFromPoint(bar.left + bar.width / 2, bar.top + bar.height / 2);
          return {top: bar.top, bottom: bar.bottom, height: innerHeight, on_top: !!(hit && hit.closest('[data-bv-bar]'))};
        }"""
    )


@pytest.mark.parametrize("width", [390, 768, 1024, 1280])
def test_the_summary_bar_is_in_view_in_the_middle_of_step_2(browser: Any, site_dir: Path, width: int) -> None:
    context, page, errors = open_page(browser, site_dir, (width, 844 if width < 1000 else 800))
    try:
        page.check("#bv-an-fase-nu-1")
        page.evaluate(
            """() => {
              const step = document.getElementById('bv-analysis-stap-2').getBoundingClientRect();
              document.documentElement.style.scrollBehavior = 'auto';
              window.scrollBy(0, step.top + step.height / 2 - innerHeight / 2);
            }"""
        )
        page.wait_for_timeout(100)
        state = bar_state(page)
        assert state["top"] >= 0 and state["bottom"] <= state["height"] + 0.5, state
        assert state["on_top"], state  # nothing covers it
        assert page.locator("[data-bv-summary]").inner_text() == result(page)["headline"]
    finally:
        context.close()
    assert errors == []


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["1280x800", "390x844"])
def test_tabbing_through_the_form_never_hides_the_focus_under_the_bar(browser: Any, site_dir: Path, size: tuple[int, int]) -> None:
    context, page, errors = open_page(browser, site_dir, size)
    try:
        page.evaluate("() => { document.documentElement.style.scrollBehavior = 'auto'; }")
        page.focus("[data-bv-action='clear']")
        seen: set[str] = set()
        hidden: list[dict[str, Any]] = []
        for _ in range(600):
            page.keyboard.press("Tab")
            state = page.evaluate(
                """async () => {
                  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));  // what is painted
                  const node = document.activeElement;
                  const form = node.closest('form.bv-an-form');
                  if (!form) return {inside: false};
                  const r = node.getBoundingClientRect(), bar = document.querySelector('[data-bv-bar]').getBoundingClientRect();
                  const inBar = !!node.closest('[data-bv-bar]');
                  return {inside: true, id: node.id || node.getAttribute('href') || node.name, inBar,
                          under: !inBar && r.bottom > bar.top + 0.5 && r.top < bar.bottom,
                          out: r.top < 0 || r.bottom > innerHeight + 0.5};
                }"""
            )
            if not state["inside"]:
                if seen:
                    break
                continue
            seen.add(state["id"])
            if state["under"] or state["out"]:
                hidden.append(state)
        assert len(seen) > 100  # went through the whole form
        assert hidden == [], hidden
    finally:
        context.close()
    assert errors == []


def test_the_live_region_is_one_line_that_changes_once_per_pause(browser: Any, site_dir: Path) -> None:
    context, page, errors = open_page(browser, site_dir, DESKTOP)
    try:
        live = page.locator("[aria-live]")
        assert live.count() == 1 and live.get_attribute("data-bv-summary") == ""
        assert page.locator("[data-bv-advice]").evaluate("node => node.closest('[aria-live]')") is None  # the long advice is not live
        page.check("#bv-an-fase-nu-3")
        page.check("label[for='bv-an-beleid-jeugd-1']")
        headline = result(page)["headline"]
        assert live.inner_text() == headline and "\n" not in headline and len(headline.split()) <= 40
        assert live.evaluate("node => node.children.length") == 0
        page.evaluate(
            """() => {
              window.bvChanges = 0;
              new MutationObserver(() => { window.bvChanges += 1; })
                .observe(document.querySelector('[data-bv-summary]'), {childList: true, characterData: true, subtree: true});
            }"""
        )
        page.locator("#bv-an-aanbod-bestaand").press_sequentially("jongerenwerk, buurtpreventie", delay=40)
        page.wait_for_timeout(900)
        assert page.evaluate("() => window.bvChanges") <= 1
        page.locator("#bv-an-buurt").press_sequentially("Oosterpark", delay=40)  # feeds nothing
        page.wait_for_timeout(900)
        assert page.evaluate("() => window.bvChanges") <= 1
    finally:
        context.close()
    assert errors == []


# --- findable ----------------------------------------------------------------------------------------


def test_step_navigation_and_progress(browser: Any, site_dir: Path, cat) -> None:
    context, page, errors = open_page(browser, site_dir, PHONE)
    try:
        nav = page.locator("nav.bv-an-nav")
        links = nav.locator("a").evaluate_all("links => links.map(a => [a.getAttribute('href'), a.textContent])")
        steps = [step for step in sorted(cat.steps, key=lambda s: s.number) if any(c.step == step.id for c in cat.checklists)]
        assert [text for href, text in links if href.startswith("#bv-analysis-stap-")] == [f"Stap {s.number}: {s.title}" for s in steps]
        assert {href[1:] for href, _ in links} == {f"bv-analysis-{s.id}" for s in steps} | {f"bv-analysis-{c.id}" for c in cat.checklists}
        for href, _ in links:
            assert page.locator(href).count() == 1, href
        total = sum(len(c.items) for c in cat.checklists)
        assert total == page.evaluate("() => bv.data.advice.items.length")
        progress = page.locator("[data-bv-progress]")
        assert progress.inner_text() == f"0 van {total} vragen beantwoord."
        page.check("#bv-an-fase-nu-1")  # feeds the advice
        page.check("label[for='bv-an-fase-ontwikkeling-1']")  # verslag only
        assert progress.inner_text() == f"2 van {total} vragen beantwoord; 1 daarvan telt mee voor het advies."
        checklist = next(c for c in cat.checklists if any(i.id == "fase-nu" for i in c.items))
        assert page.locator(f"[data-bv-count='{checklist.id}']").inner_text() == f"(2 van {len(checklist.items)})"
        # by keyboard, from the bar: "Stappen", then a checklist
        page.evaluate("() => { document.documentElement.style.scrollBehavior = 'auto'; }")
        page.locator("[data-bv-bar] a", has_text="Stappen").focus()
        page.keyboard.press("Enter")
        assert nav.evaluate("node => { const r = node.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }")
        target = cat.checklists[-1].id
        page.locator(f"nav.bv-an-nav a[href='#bv-analysis-{target}']").focus()
        page.keyboard.press("Enter")
        page.wait_for_timeout(100)
        assert page.url.endswith(f"#bv-analysis-{target}")
        top = page.locator(f"#bv-analysis-{target}").evaluate("node => node.getBoundingClientRect().top")
        assert 0 <= top < 200  # at the top, not under the phone's header bar
    finally:
        context.close()
    assert errors == []


# --- presenteren -------------------------------------------------------------------------------------


def test_presenting_shows_the_step_question_by_question(browser: Any, site_dir: Path) -> None:
    context, page, errors = open_page(browser, site_dir, DESKTOP)
    try:
        view = page.locator("dialog[data-bv-present]")
        order = page.evaluate("() => Array.from(document.querySelectorAll('form [data-item]'), b => b.dataset.item)")
        page.focus("#bv-an-fase-nu-leeg")  # a question of step 2
        page.click("[data-bv-action='present']")
        assert view.is_visible()
        assert view.locator("h2").inner_text().startswith("Stap 2:")
        assert view.locator("[data-item]").get_attribute("data-item") == "fase-nu"
        size = view.locator(".bv-an-question").evaluate("node => parseFloat(getComputedStyle(node).fontSize)")
        assert size >= 28  # large type
        assert view.locator("[data-bv-summary]").count() == 1  # the summary with it
        page.keyboard.press("PageDown")
        assert view.locator("[data-item]").get_attribute("data-item") == order[order.index("fase-nu") + 1]
        page.keyboard.press("PageUp")
        page.keyboard.press("ArrowDown")  # the focus is on the question, not in a field: arrows move on too
        second = order[order.index("fase-nu") + 1]
        assert view.locator("[data-item]").get_attribute("data-item") == second
        page.keyboard.press("ArrowUp")
        view.locator("label[for='bv-an-fase-nu-3']").click()  # answering works in the view
        assert result(page)["first"] and "basisveiligheid" in view.locator("[data-bv-summary]").inner_text()
        assert "Plekken en fase" in view.locator("[data-bv-present-count]").inner_text()
        page.keyboard.press("Escape")
        assert not view.is_visible()
        assert page.evaluate("() => Array.from(document.querySelectorAll('form [data-item]'), b => b.dataset.item)") == order
        assert page.locator("form [data-bv-bar] [data-bv-summary]").count() == 1  # the bar is back
        assert page.evaluate("() => document.activeElement.id") == "bv-an-fase-nu-3"
        assert page.is_checked("#bv-an-fase-nu-3")
    finally:
        context.close()
    assert errors == []


# --- accessibility of the dialogs ------------------------------------------------------------------------


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["1280x800", "390x844"])
def test_no_accessibility_violation_in_the_dialogs(browser: Any, site_dir: Path, size: tuple[int, int]) -> None:
    axe_module = pytest.importorskip("axe_playwright_python.sync_playwright", reason="axe-playwright-python is missing: pip install -e '.[test]'")
    context, page, errors = open_page(browser, site_dir, size)
    found = []
    try:
        page.check("#bv-an-fase-nu-3")
        page.evaluate("() => window.scrollTo(0, 0)")
        page.wait_for_timeout(300)
        found += axe_module.Axe().run(page).response["violations"]
        page.click("[data-bv-action='clear']")
        found += axe_module.Axe().run(page).response["violations"]
        page.keyboard.press("Escape")
        page.click("[data-bv-action='present']")
        found += axe_module.Axe().run(page).response["violations"]
    finally:
        context.close()
    assert [f"{v['impact']} {v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:3]}" for v in found] == []
    assert errors == []
