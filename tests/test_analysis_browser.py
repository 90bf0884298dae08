"""The Buurtanalyse page of the built site in Chromium: from file://, private, keyboard-only, accessible.

- Opened from the built folder (``file://``) it requests nothing but its own files, and its
  Content-Security-Policy refuses a request to another origin.
- A portiekflat in the ongemak phase gives woonomgeving first in the plan, by mouse and by
  keyboard alone; the live summary updates without taking the focus.
- "Antwoorden opslaan" downloads the saved document (with the meeting) that
  ``buurtverbinding assess --answers`` reads, and ``assess`` gives the same advice;
  "Antwoorden openen" refuses a bad file in Dutch and keeps the answers.
- Answers survive a reload (localStorage) until "Alles wissen".
- "Verslag afdrukken" gives an A4 PDF with the meeting's fields, the licence line and the address.
- Each checklist page links to its part of the form.
- axe-core finds no violation of any impact at 1280×800 and at 390×844.
- The directive works in another Sphinx project.

(That both evaluators give the same advice is the conformance suite's Chromium run.)
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
NOT_CHANGED = "niet veranderd"


@pytest.fixture(scope="session")
def analysis_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site (``BV_TEST_SITE`` may name an already built one, to iterate quickly)."""
    import os

    given = os.environ.get("BV_TEST_SITE")
    site = Path(given) if given else built_site(tmp_path_factory.getbasetemp())
    assert (site / PAGE).exists() and (site / "_static" / "bv-advice-data.js").exists()
    return site


def ready(page: Any) -> None:
    page.locator(".bv-an-summary").wait_for()  # the script has run and shown the advice


@pytest.fixture
def page(browser: Any, analysis_site: Path) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    requests: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: requests.append(request.url))
    page.goto((analysis_site / PAGE).as_uri())
    ready(page)
    page.requests = requests  # type: ignore[attr-defined]
    yield page
    context.close()
    assert errors == [], f"JavaScript errors: {errors}"


def result(page: Any) -> dict[str, Any]:
    return page.evaluate("() => bv.analysis.pages[0].result")


def answers(page: Any) -> str:
    return page.evaluate("() => JSON.stringify(bv.analysis.pages[0].document())")


def plan_on_screen(page: Any) -> list[str]:
    """The titles of the plan as the page shows them (the list under "Dan: de richtingen")."""
    return page.locator("[data-bv-advice] h3:text-is('Dan: de richtingen') + ol > li > strong").all_inner_texts()


def advice_text(page: Any) -> str:
    return page.locator("[data-bv-advice]").inner_text()


# --- privacy ------------------------------------------------------------------------------------


def test_only_its_own_files_are_requested(page: Any, analysis_site: Path) -> None:
    page.check("#bv-an-fase-nu-1")
    page.check("#bv-an-locaties-gezien-0")
    page.fill("#bv-an-aanbod-bestaand", "burendag")
    page.wait_for_timeout(200)
    root = analysis_site.as_uri()
    others = [url for url in page.requests if not (url.startswith(root + "/") or url.startswith(("data:", "blob:")))]
    assert others == [] and len(page.requests) > 3
    own = {url.split("?")[0].rsplit("/", 1)[-1] for url in page.requests}  # Sphinx adds ?v=checksum
    assert {"bv-advice.js", "bv-analysis.js", "bv-advice-data.js"} <= own


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
    assert page.locator("[data-bv-summary]").get_attribute("aria-live") == "polite"


def test_each_question_says_what_it_feeds(page: Any) -> None:
    assert page.locator("[data-item='fase-nu'] .bv-an-feeds").inner_text() == "Telt mee voor het advies: fase."
    assert page.locator("[data-item='zorg-nu'] .bv-an-feeds").inner_text() == "Alleen voor het verslag."
    assert page.locator("[data-item='nodig-ontmoeting'] .bv-an-feeds").inner_text() == "Telt mee voor het advies: de keuze van richtingen."


# --- answering --------------------------------------------------------------------------------


def test_portiekflat_in_ongemak_by_mouse(page: Any) -> None:
    page.click("label[for='bv-an-fase-nu-1']")
    page.click("label[for='bv-an-locaties-gezien-0']")
    assert plan_on_screen(page)[:1] == ["Woonomgeving"]
    assert [d["id"] for d in result(page)["directions"]][:1] == ["woonomgeving"]
    text = advice_text(page)
    assert "Woning, portiek, galerij of complex (plek)" in text
    for heading in ("Wat nu eerst", "Eerst", "Dan: de richtingen", "Witte vlekken"):
        assert heading in text, heading
    assert "Zodra stap 4 een antwoord heeft" in text  # no witte vlekken before step 4
    assert "punten" not in text.lower() and "drempel" not in text.lower()
    assert page.locator("[data-bv-summary]").inner_text() == result(page)["headline"]


def test_the_meeting_decides_on_the_page(page: Any) -> None:
    page.check("#bv-an-fase-nu-3")  # incidenten
    page.check("#bv-an-locaties-gezien-0")
    page.check("label[for='bv-an-nodig-woonomgeving-1']")  # nee
    page.check("label[for='bv-an-eerst-basisveiligheid-0']")  # ja
    data = result(page)
    assert "woonomgeving" not in [d["id"] for d in data["directions"]] and "Woonomgeving" not in plan_on_screen(page)
    assert data["first"][0]["id"] == "basisveiligheid" and "U koos ervoor dit eerst te doen." in advice_text(page)
    assert "Niet gekozen" in advice_text(page)
    page.check("label[for='bv-an-beleid-jeugd-2']")  # weet niet: a step-4 answer
    assert result(page)["gaps"]["status"] == "done"


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
    assert plan_on_screen(page)[:1] == ["Woonomgeving"]
    page.keyboard.press("Tab")
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
    "signalen-vaste-plek": "nee",
    "nodig-jeugd": "weet niet",
}


def open_file(page: Any, path: Path) -> str:
    page.set_input_files("[data-bv-file]", str(path))
    message = page.locator("[data-bv-message]")
    message.wait_for(state="visible")
    return message.text_content() or ""


def test_saved_answers_are_what_assess_reads(page: Any, tmp_path: Path, cat) -> None:
    source = tmp_path / "in.json"
    source.write_text(json.dumps(PORTIEK), encoding="utf-8")
    assert "zijn geopend" in open_file(page, source)
    assert page.is_checked("#bv-an-locaties-gezien-0") and page.is_checked("#bv-an-nodig-jeugd-2")
    page.fill("#bv-an-datum", "2026-12-01")
    page.fill("#bv-an-buurt", "Oosterpark")
    page.fill("#bv-an-aanwezigen", "wijkagent, opbouwwerker")
    page.wait_for_timeout(600)  # typing is debounced
    with page.expect_download() as download:
        page.click("[data-bv-action='save']")
    assert download.value.suggested_filename == "buurtanalyse-2026-12-01.json"
    saved = tmp_path / "antwoorden.json"
    download.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    order = [item.id for c in cat.checklists for item in c.items]
    assert data["format"] == "buurtanalyse" and data["version"] == 2
    assert data["meeting"] == {"datum": "2026-12-01", "buurt": "Oosterpark", "aanwezigen": "wijkagent, opbouwwerker"}
    assert set(data["answers"]) == set(PORTIEK) and data["answers"]["nodig-jeugd"] == "weet-niet"
    assert list(data["answers"]) == sorted(data["answers"], key=order.index)
    run = subprocess.run([sys.executable, "-m", "buurtverbinding", "assess", "--answers", str(saved), "--json"], capture_output=True, text=True, check=True)
    cli, screen = json.loads(run.stdout), result(page)
    for key in ("summary", "first", "directions", "later", "declined", "examples", "gaps", "running", "report"):
        assert cli[key] == screen[key], key
    assert screen["directions"][0]["id"] == "woonomgeving" and screen["gaps"]["status"] == "done"
    report = subprocess.run([sys.executable, "-m", "buurtverbinding", "assess", "--answers", str(saved)], capture_output=True, text=True, check=True).stdout
    assert "- Datum: 1 december 2026\n- Buurt of gebied: Oosterpark\n- Aanwezigen: wijkagent, opbouwwerker\n" in report


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"fase-nu": "ongemak",', "Dit bestand is geen antwoordbestand van de Buurtanalyse."),
        ('{"fase-nuu": "ongemak"}', "Onbekende vraag 'fase-nuu'. Bedoelde u 'fase-nu'?"),
        ('{"fase-nu": "onrust"}', "is 'onrust' geen keuze. Kies uit: rust, ongemak, spanningen, incidenten."),
        ('{"locaties-gezien": ["portiek", "zolder"]}', "is 'zolder' geen keuze. Kies uit: portiek"),
        ('{"zorg-nu": 9}', "is '9' geen antwoord. Kies een heel getal van 1"),
        ('{"nodig-jeugd": "misschien"}', "is 'misschien' geen antwoord. Kies ja, nee of weet niet."),
        ('["fase-nu"]', "Dit bestand is geen antwoordbestand van de Buurtanalyse."),
        ('{"format": "buurtanalyse", "version": 3, "answers": {}}', "heeft versie 3; deze versie van de Buurtanalyse leest versie 2"),
    ],
)
def test_a_bad_file_is_refused_and_the_answers_stay(page: Any, tmp_path: Path, content: str, expected: str) -> None:
    page.check("#bv-an-fase-nu-2")
    before = answers(page)
    bad = tmp_path / "fout.json"
    bad.write_text(content, encoding="utf-8")
    message = open_file(page, bad)
    assert expected in message and NOT_CHANGED in message
    assert "bv-an-error" in (page.locator("[data-bv-message]").get_attribute("class") or "")
    assert answers(page) == before
    assert page.is_checked("#bv-an-fase-nu-2")


def test_answers_survive_a_reload_until_everything_is_cleared(page: Any) -> None:
    page.check("#bv-an-fase-nu-3")
    page.check("label[for='bv-an-nodig-ontmoeting-2']")  # weet niet
    page.fill("#bv-an-buurt", "Oosterpark")
    page.wait_for_timeout(600)
    page.reload()
    ready(page)
    assert page.is_checked("#bv-an-fase-nu-3") and page.is_checked("#bv-an-nodig-ontmoeting-2")
    assert page.input_value("#bv-an-buurt") == "Oosterpark"
    page.click("[data-bv-action='clear']")
    page.locator("dialog[data-bv-dialog] button", has_text="Alles wissen").click()  # it asks first (issue 19)
    assert page.is_checked("#bv-an-fase-nu-leeg") and page.input_value("#bv-an-buurt") == ""
    assert "gewist" in (page.locator("[data-bv-message]").text_content() or "")
    page.reload()
    ready(page)
    assert page.is_checked("#bv-an-fase-nu-leeg") and json.loads(answers(page))["answers"] == {}


# --- the printed report ---------------------------------------------------------------------------

FULL = {
    "fase-nu": "incidenten",
    "vormen-zichtbaar": ["openlijk-incident", "intimidatie", "vooroordelen", "wij-zij-denken", "vervreemding", "discriminatie"],
    "oorzaken-gezien": ["gerucht-of-incident", "verlies-en-angst", "komst-nieuwe-groep", "snelle-bevolkingsverandering", "landelijk-debat-media"],
    "locaties-gezien": ["plein", "straat", "buurt", "ontmoetingsplek", "wijk"],
    "groepen-betrokken": ["jongeren", "bewoners", "nieuwkomers", "ouders", "ouderen"],
    "partners-aan-tafel": ["wijkagent", "jongerenwerk", "woningcorporatie"],
    "nodig-ontmoeting": "nee",
    "eerst-basisveiligheid": "ja",
    "aanbod-bestaand": "jongerenwerk, buurtpreventie, koffieochtend",
    "beleid-gemeentebreed": "nee",
    "signalen-vaste-plek": "nee",
    "zorg-nu": 4,
}


def test_the_report_prints_on_a4(page: Any, tmp_path: Path) -> None:
    import shutil

    if not (shutil.which("pdfinfo") and shutil.which("pdftotext")):
        pytest.skip("poppler-utils (pdfinfo, pdftotext) is missing")
    source = tmp_path / "overleg.json"
    meeting = {"datum": "2026-12-01", "buurt": "Oosterpark", "aanwezigen": "wijkagent, opbouwwerker, corporatie"}
    source.write_text(json.dumps({"format": "buurtanalyse", "version": 2, "meeting": meeting, "answers": FULL}), encoding="utf-8")
    assert "zijn geopend" in open_file(page, source)
    page.evaluate("() => { window.print = () => {}; }")
    page.click("[data-bv-action='print']")
    pdf = tmp_path / "verslag.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)", info), info
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    for wanted in (
        "Verslag van het buurtoverleg",
        "1 december 2026",
        "Oosterpark",
        "wijkagent, opbouwwerker",
        "CC BY 4.0",
        "buurtanalyse.html",
        "Basisveiligheid herstellen",
        "Witte vlekken",
    ):
        assert wanted in text, wanted
    assert "Antwoorden opslaan" not in text and "Over dit overleg" not in text  # no form, no buttons
    assert "punten" not in text.lower() and "drempel" not in text.lower()
    assert 1 <= pages <= 3, f"{pages} pages for a fully answered analysis"


# --- links from the checklists ----------------------------------------------------------------------


def test_each_checklist_page_links_to_its_part_of_the_form(analysis_site: Path, cat) -> None:
    form = (analysis_site / PAGE).read_text(encoding="utf-8")
    for checklist in cat.checklists:
        page = (analysis_site / "catalogus" / "checklists" / f"{checklist.id}.html").read_text(encoding="utf-8")
        assert f'href="../../{PAGE}#bv-analysis-{checklist.id}"' in page, checklist.id
        assert "Vul deze checklist in op het scherm" in page
        assert f'id="bv-analysis-{checklist.id}"' in form


def test_a_checklist_link_opens_its_part_of_the_form(browser: Any, analysis_site: Path, cat) -> None:
    checklist = cat.checklists[0]
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto((analysis_site / "catalogus" / "checklists" / f"{checklist.id}.html").as_uri())
        page.click("text=Vul deze checklist in op het scherm")
        ready(page)
        assert page.url.endswith(f"{PAGE}#bv-analysis-{checklist.id}")
        assert page.locator(f"#bv-analysis-{checklist.id}").is_visible()
    finally:
        context.close()


# --- accessibility ------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(1280, 800), (390, 844)])
def test_no_accessibility_violation_of_any_impact(browser: Any, analysis_site: Path, size: tuple[int, int]) -> None:
    axe_module = pytest.importorskip("axe_playwright_python.sync_playwright", reason="axe-playwright-python is missing: pip install -e '.[test]'")
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    try:
        page = context.new_page()
        page.goto((analysis_site / PAGE).as_uri())
        ready(page)
        page.check("#bv-an-fase-nu-3")
        page.check("#bv-an-locaties-gezien-0")
        page.check("label[for='bv-an-nodig-woonomgeving-1']")
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
    result_ = sphinx_build(DOWNSTREAM, out, env={"BV_SITE_INVENTORY": str(analysis_site / "objects.inv")})
    assert result_.returncode == 0 and not result_.stderr.strip(), result_.stdout + result_.stderr
    context = browser.new_context()
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto((out / "analyse.html").as_uri())
        ready(page)
        page.check("#bv-an-fase-nu-1")
        page.check("#bv-an-locaties-gezien-0")
        assert plan_on_screen(page)[:1] == ["Woonomgeving"]
        assert errors == []
    finally:
        context.close()
