"""The Buurtanalyse page of the built site in Chromium: from file://, private, keyboard-only, accessible.

- Opened from the built folder (``file://``) it requests nothing but its own files, and its
  Content-Security-Policy refuses a request to another origin.
- A portiekflat in the ongemak phase gives woonomgeving first, by mouse and by keyboard alone;
  the live region updates without taking the focus.
- "Antwoorden opslaan" downloads exactly what ``buurtverbinding assess --answers`` reads, and
  the report of ``assess`` gives the same directions and examples; "Antwoorden openen" refuses a
  bad file with a Dutch message that names the key and the valid values, and keeps the answers.
- Answers survive a reload (localStorage) until "Alles wissen".
- "Verslag afdrukken" gives an A4 PDF with the meeting's fields, the licence line and the address.
- Each checklist page links to its part of the form.
- axe-core finds no violation of any impact at 1280×800 and at 390×844.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ._browser import sync_api_or_skip
from .test_sphinx_docs import built_site

sync_api = sync_api_or_skip()

PAGE = "buurtanalyse.html"


@pytest.fixture(scope="session")
def analysis_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site (``BV_TEST_SITE`` may name an already built one, to iterate quickly)."""
    import os

    given = os.environ.get("BV_TEST_SITE")
    site = Path(given) if given else built_site(tmp_path_factory.getbasetemp())
    assert (site / PAGE).exists() and (site / "_static" / "bv-analysis-data.js").exists()
    return site


@pytest.fixture
def page(browser: Any, analysis_site: Path) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    requests: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: requests.append(request.url))
    page.goto((analysis_site / PAGE).as_uri())
    page.locator(".bv-an-summary").wait_for()  # the script has run (no wait_for_function: the policy forbids eval)
    page.requests = requests  # type: ignore[attr-defined]
    yield page
    context.close()
    assert errors == [], f"JavaScript errors: {errors}"


def advice_text(page: Any) -> str:
    return page.locator("[data-bv-advice]").inner_text()


def first_direction(page: Any) -> str:
    return page.locator("[data-bv-advice] h4").first.inner_text()


# --- privacy ------------------------------------------------------------------------------------


def test_only_its_own_files_are_requested(page: Any, analysis_site: Path) -> None:
    page.check("#bv-an-fase-nu-1")
    page.check("#bv-an-locaties-gezien-0")
    page.fill("#bv-an-aanbod-bestaand", "burendag")
    page.wait_for_timeout(200)
    root = analysis_site.as_uri()
    others = [url for url in page.requests if not (url.startswith(root + "/") or url.startswith(("data:", "blob:")))]
    assert others == [] and len(page.requests) > 3


def test_the_policy_refuses_other_origins(page: Any) -> None:
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert "default-src 'self'" in policy and "connect-src 'self'" in policy
    blocked = page.evaluate("() => fetch('https://example.org/x').then(() => 'sent', () => 'refused')")
    assert blocked == "refused"
    answered: list[str] = []
    page.on("response", lambda response: answered.append(response.url))
    image = page.evaluate(
        "() => new Promise((done) => { const i = new Image(); i.onload = () => done('loaded'); i.onerror = () => done('refused'); i.src = 'https://example.org/p.png'; })"
    )
    assert image == "refused"
    assert not [url for url in answered if "example.org" in url]


def test_the_page_says_where_the_answers_are_kept(page: Any) -> None:
    notice = page.locator("#bv-an-privacy").inner_text()
    assert "blijven in deze browser" in notice and "Alles wissen" in notice
    assert page.locator("[data-bv-advice]").get_attribute("aria-live") == "polite"


# --- answering --------------------------------------------------------------------------------


def test_portiekflat_in_ongemak_by_mouse(page: Any) -> None:
    page.click("label[for='bv-an-fase-nu-1']")
    page.click("label[for='bv-an-locaties-gezien-0']")
    assert first_direction(page).startswith("1. Woonomgeving")
    text = advice_text(page)
    assert "plek 'Woning, portiek, galerij of complex' past bij de schaal van deze richting" in text
    assert "Aanbevolen voorbeelden" in text and "Witte vlekken" in text and "Volgende stappen" in text


def test_portiekflat_in_ongemak_by_keyboard_alone(page: Any) -> None:
    page.locator("[data-bv-action='save']").focus()  # start in the tool bar; from here on only keys
    focused = ""
    for _ in range(400):
        page.keyboard.press("Tab")
        focused = page.evaluate("() => document.activeElement.name || document.activeElement.id")
        if focused == "locaties-gezien":
            break
    assert focused == "locaties-gezien"
    page.keyboard.press("Space")  # the first checkbox: Woning, portiek, galerij of complex
    assert page.is_checked("#bv-an-locaties-gezien-0")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.name") == "fase-nu":
            break
    # a radio group: Tab lands on the checked option ("Niet ingevuld", the last one); the arrow
    # keys move on, round to Rust and then Ongemak
    assert page.evaluate("() => document.activeElement.id") == "bv-an-fase-nu-leeg"
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert page.is_checked("#bv-an-fase-nu-1")
    assert page.evaluate("() => document.activeElement.id") == "bv-an-fase-nu-1"  # the live advice took no focus
    assert first_direction(page).startswith("1. Woonomgeving")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.type("1")
    assert page.evaluate("() => document.activeElement.closest('[data-item]').dataset.item") in {"fase-ontwikkeling", "fase-eensgezind"}


# --- saving, opening, keeping, clearing ------------------------------------------------------------

PORTIEK = {
    "fase-nu": "ongemak",
    "locaties-gezien": ["portiek"],
    "scheidslijnen-gezien": ["oud-nieuw"],
    "groepen-betrokken": ["bewoners", "nieuwe-bewoners"],
    "oorzaken-gezien": ["kleine-ergernissen"],
    "partners-aan-tafel": ["woningcorporatie", "opbouwwerk"],
    "aanbod-bestaand": "burendag",
    "zorg-nu": 3,
    "signalen-getoetst": "nee",
}


def open_file(page: Any, path: Path) -> str:
    page.set_input_files("[data-bv-file]", str(path))
    message = page.locator("[data-bv-message]")
    message.wait_for(state="visible")
    return message.inner_text()


def test_saved_answers_are_what_assess_reads(page: Any, tmp_path: Path, cat) -> None:
    source = tmp_path / "in.json"
    source.write_text(json.dumps(PORTIEK), encoding="utf-8")
    assert "zijn geopend" in open_file(page, source)
    assert page.is_checked("#bv-an-locaties-gezien-0")
    with page.expect_download() as download:
        page.click("[data-bv-action='save']")
    saved = tmp_path / "antwoorden.json"
    download.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    ordered = {item.id: PORTIEK[item.id] for c in cat.checklists for item in c.items if item.id in PORTIEK}
    assert saved.read_text(encoding="utf-8") == json.dumps(ordered, ensure_ascii=False, indent=2) + "\n"
    assert data == ordered
    report = subprocess.run(
        [sys.executable, "-m", "buurtverbinding", "assess", "--answers", str(saved), "--limit", "5"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    directions = re.findall(r"^### \d+\. (.+?) — (\d+) punten$", report, re.M)
    shown = page.locator("[data-bv-advice] h4").all_inner_texts()
    screen = [m.groups() for m in (re.match(r"\d+\. (.+?) — (\d+) punten$", t) for t in shown) if m]
    assert screen == directions and directions[0][0] == "Woonomgeving"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"fase-nu": "ongemak",', "geen geldig JSON-bestand"),
        ('{"fase-nuu": "ongemak"}', "Onbekende vraag 'fase-nuu'. Geldige vragen: "),
        ('{"fase-nu": "onrust"}', "Vraag 'fase-nu': 'onrust' is geen geldig antwoord. Geldige antwoorden: rust, ongemak, spanningen, incidenten."),
        ('{"locaties-gezien": ["portiek", "zolder"]}', "Vraag 'locaties-gezien': 'zolder' is geen geldig antwoord. Geldige antwoorden: portiek"),
        ('{"zorg-nu": 9}', "Vraag 'zorg-nu' (schaal): 9 is geen heel getal van 1 tot 5"),
        ('["fase-nu"]', "niet een lijst"),
    ],
)
def test_a_bad_file_is_refused_and_the_answers_stay(page: Any, tmp_path: Path, content: str, expected: str) -> None:
    page.check("#bv-an-fase-nu-2")
    before = page.evaluate("() => JSON.stringify(BV_ANALYSIS.pages[0].answers)")
    bad = tmp_path / "fout.json"
    bad.write_text(content, encoding="utf-8")
    message = open_file(page, bad)
    assert expected in message and "niet veranderd" in message
    assert page.evaluate("() => JSON.stringify(BV_ANALYSIS.pages[0].answers)") == before
    assert page.is_checked("#bv-an-fase-nu-2")


def test_answers_survive_a_reload_until_everything_is_cleared(page: Any) -> None:
    page.check("#bv-an-fase-nu-3")
    page.fill("#bv-an-buurt", "Oosterpark")
    page.reload()
    page.locator(".bv-an-summary").wait_for()  # the script has run (no wait_for_function: the policy forbids eval)
    assert page.is_checked("#bv-an-fase-nu-3") and page.input_value("#bv-an-buurt") == "Oosterpark"
    page.click("[data-bv-action='clear']")
    assert page.is_checked("#bv-an-fase-nu-leeg") and page.input_value("#bv-an-buurt") == ""
    page.reload()
    page.locator(".bv-an-summary").wait_for()  # the script has run (no wait_for_function: the policy forbids eval)
    assert page.is_checked("#bv-an-fase-nu-leeg")


# --- the printed report ---------------------------------------------------------------------------


def test_the_report_prints_on_a4(page: Any, tmp_path: Path) -> None:
    import shutil

    if not (shutil.which("pdfinfo") and shutil.which("pdftotext")):
        pytest.skip("poppler-utils (pdfinfo, pdftotext) is missing")
    page.fill("#bv-an-datum", "2026-12-01")
    page.fill("#bv-an-buurt", "Oosterpark")
    page.fill("#bv-an-aanwezigen", "wijkagent, opbouwwerker, corporatie")
    page.check("#bv-an-fase-nu-1")
    page.check("#bv-an-locaties-gezien-0")
    page.evaluate("() => { window.print = () => {}; }")
    page.click("[data-bv-action='print']")
    pdf = tmp_path / "verslag.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)", info), info
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    for wanted in ("Verslag buurtanalyse", "2026-12-01", "Oosterpark", "wijkagent, opbouwwerker", "CC BY 4.0", "buurtanalyse.html", "Woonomgeving"):
        assert wanted in text, wanted
    assert "Antwoorden opslaan" not in text and "Over dit overleg" not in text  # no form, no buttons
    assert 1 <= pages <= 8


# --- links from the checklists ----------------------------------------------------------------------


def test_each_checklist_page_links_to_its_part_of_the_form(analysis_site: Path, cat) -> None:
    form = (analysis_site / PAGE).read_text(encoding="utf-8")
    for checklist in cat.checklists:
        page = (analysis_site / "catalogus" / "checklists" / f"{checklist.id}.html").read_text(encoding="utf-8")
        assert f'href="../../{PAGE}#bv-analysis-{checklist.id}"' in page, checklist.id
        assert "Vul deze checklist in op het scherm" in page
        assert f'id="bv-analysis-{checklist.id}"' in form


# --- accessibility ------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(1280, 800), (390, 844)])
def test_no_accessibility_violation_of_any_impact(browser: Any, analysis_site: Path, size: tuple[int, int]) -> None:
    axe_module = pytest.importorskip("axe_playwright_python.sync_playwright", reason="axe-playwright-python is missing: pip install -e '.[test]'")
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    try:
        page = context.new_page()
        page.goto((analysis_site / PAGE).as_uri())
        page.locator(".bv-an-summary").wait_for()  # the script has run (no wait_for_function: the policy forbids eval)
        page.check("#bv-an-fase-nu-1")
        page.check("#bv-an-locaties-gezien-0")
        page.evaluate("() => window.scrollTo(0, 0)")  # the page at rest: the theme's back-to-top button hidden
        page.wait_for_timeout(300)
        violations = axe_module.Axe().run(page).response["violations"]
    finally:
        context.close()
    assert [f"{v['impact']} {v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:3]}" for v in violations] == []


# --- in another Sphinx project ---------------------------------------------------------------------


def test_the_directive_works_in_the_downstream_project(browser: Any, analysis_site: Path, tmp_path: Path) -> None:
    from .test_sphinx_docs import DOWNSTREAM, sphinx_build

    out = tmp_path / "html"
    result = sphinx_build(DOWNSTREAM, out, env={"BV_SITE_INVENTORY": str(analysis_site / "objects.inv")})
    assert result.returncode == 0 and not result.stderr.strip(), result.stdout + result.stderr
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto((out / "analyse.html").as_uri())
        page.locator(".bv-an-summary").wait_for()
        page.check("#bv-an-fase-nu-1")
        page.check("#bv-an-locaties-gezien-0")
        assert page.locator("[data-bv-advice] h4").first.inner_text().startswith("1. Woonomgeving")
    finally:
        context.close()
