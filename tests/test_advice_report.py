"""The verslag: the evaluator's report (title, meeting lines, sections) laid out as Markdown or HTML
by ``advice._render.render``; Dutch date, sections in the guide's order, escaping, a short summary,
no "punten" or "drempel"."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import pytest

from buurtverbinding.advice import Assessment
from buurtverbinding.advice._render import render

ANSWERS: dict[str, Any] = {
    "fase-nu": "ongemak",
    "locaties-gezien": ["portiek"],
    "scheidslijnen-gezien": ["oud-nieuw"],
    "groepen-betrokken": ["bewoners", "nieuwe-bewoners"],
    "oorzaken-gezien": ["kleine-ergernissen"],
    "partners-aan-tafel": ["woningcorporatie", "wijkagent"],
    "aanbod-bestaand": "burendag",
    "gebied-afbakenen": "Complex <script>alert('x')</script> *Lindenhof* [zie](javascript:x)",
    "zorg-nu": 3,
    "nodig-jeugd": "nee",
}
MEETING = {"datum": "2026-12-07", "buurt": "Lindenhof & omgeving", "aanwezigen": "wijkagent, corporatie"}
SECTIONS = ["Wat nu eerst", "Eerst", "Dan: de richtingen", "Niet gekozen", "Voorbeelden die passen", "Witte vlekken", "Lopend werk", "De antwoorden"]

# Every answer of a fully answered analysis, for the length checks.
FULL = {
    **ANSWERS,
    "fase-nu": "incidenten",
    "vormen-zichtbaar": ["openlijk-incident", "intimidatie", "vooroordelen", "wij-zij-denken", "vervreemding", "discriminatie"],
    "oorzaken-gezien": ["gerucht-of-incident", "verlies-en-angst", "komst-nieuwe-groep", "snelle-bevolkingsverandering", "landelijk-debat-media"],
    "locaties-gezien": ["plein", "straat", "buurt", "ontmoetingsplek", "wijk"],
    "groepen-betrokken": ["jongeren", "bewoners", "nieuwkomers", "ouders", "ouderen"],
    "nodig-ontmoeting": "nee",
    "eerst-basisveiligheid": "ja",
    "beleid-jeugd": "nee",
    "signalen-vaste-plek": "nee",
}


def evaluated(answers=ANSWERS, meeting=MEETING) -> dict:
    return Assessment(answers=answers, meeting=meeting).evaluate()


def words(text: str) -> str:
    return text.lower()


def test_the_report_has_the_meeting_and_the_sections_in_order(cat):
    report = evaluated()["report"]
    assert report["title"] == "Verslag van het buurtoverleg"
    assert report["meeting"] == ["Datum: 7 december 2026", "Buurt of gebied: Lindenhof & omgeving", "Aanwezigen: wijkagent, corporatie"]
    assert [s["heading"] for s in report["sections"]] == SECTIONS


@pytest.mark.parametrize(("iso", "dutch"), [("2026-01-31", "31 januari 2026"), ("2026-03-05", "5 maart 2026"), ("2026-12-07", "7 december 2026")])
def test_the_date_is_written_in_dutch(cat, iso, dutch):
    assert evaluated(meeting={"datum": iso})["report"]["meeting"][0] == f"Datum: {dutch}"


def test_an_unusual_date_is_kept_as_written_and_missing_fields_say_so(cat):
    report = evaluated(meeting={"datum": "volgende week"})["report"]
    assert report["meeting"] == ["Datum: volgende week", "Buurt of gebied: niet ingevuld", "Aanwezigen: niet ingevuld"]


def test_the_report_says_what_the_advice_says(cat):
    result = evaluated()
    sections = {s["heading"]: s["lines"] for s in result["report"]["sections"]}
    assert sections["Wat nu eerst"] == [result["summary"]]
    assert sections["Dan: de richtingen"][0].startswith("Woonomgeving: Uw analyse wijst hierop")
    assert sections["Niet gekozen"] == [f"Jeugd: {result['declined'][0]['reason']}"]
    assert len(sections["Voorbeelden die passen"]) >= len(result["examples"])
    assert result["examples"][0]["title"] in sections["Voorbeelden die passen"][0]
    assert sections["Lopend werk"] == ["burendag: herkend als Burendag."]
    answers = sections["De antwoorden"]
    assert any(line.startswith("Op welke soorten plekken speelt het vooral? Woning, portiek") for line in answers)  # labels, not ids
    assert any(line.endswith("? Ongemak") for line in answers)


def test_the_general_caveat_is_said_once(cat):
    result = evaluated()
    lines = next(s["lines"] for s in result["report"]["sections"] if s["heading"] == "Voorbeelden die passen")
    if result["caveat"]:
        assert lines[-1] == result["caveat"] and sum(result["caveat"] in line for line in lines) == 1


def test_no_points_or_threshold_in_the_report(cat):
    for answers in (ANSWERS, FULL, {}):
        text = words(render(evaluated(answers)["report"], "md"))
        assert "punten" not in text and "drempel" not in text and "(+" not in text


def test_the_summary_is_at_most_120_words(cat):
    for answers in (ANSWERS, FULL, {}):
        assert 0 < len(evaluated(answers)["summary"].split()) <= 120


def test_a_fully_answered_analysis_stays_short(cat):
    text = render(evaluated(FULL)["report"], "md")
    assert len(text.split()) <= 1500  # about 3 A4 pages of text


def test_an_empty_assessment_still_gives_a_readable_report(cat):
    text = render(evaluated({}, {})["report"], "md")
    assert "Vul de vragen in" in text and "niet ingevuld" in text
    assert "## De antwoorden\n\nGeen.\n" in text


def test_markdown_layout(cat):
    text = render(evaluated()["report"], "md")
    assert text.startswith("# Verslag van het buurtoverleg\n\n- Datum: 7 december 2026\n")
    positions = [text.index(f"\n## {heading}\n") for heading in SECTIONS]
    assert positions == sorted(positions) and text.endswith("\n")


def test_markdown_escapes_user_text(cat):
    text = render(evaluated()["report"], "md")
    line = next(line for line in text.splitlines() if "Complex" in line)
    # escaped brackets make no link, escaped angle brackets no HTML, escaped stars no emphasis
    assert "<script>" not in text and "\\*Lindenhof\\*" in line and "\\[zie\\](javascript:" in line


def test_the_report_is_deterministic(cat):
    assert render(evaluated()["report"], "md") == render(evaluated()["report"], "md")
    assert render(evaluated()["report"], "html") == render(evaluated()["report"], "html")


def test_any_unknown_format_is_markdown(cat):
    report = evaluated()["report"]
    assert render(report) == render(report, "md")


class _Checker(HTMLParser):
    VOID = {"meta", "br", "link", "img"}

    def __init__(self):
        super().__init__()
        self.stack, self.tags, self.attrs, self.text = [], [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1] if self.stack else None}>"
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


@pytest.fixture
def page(cat):
    text = render(evaluated()["report"], "html")
    checker = _Checker()
    checker.feed(text)
    checker.close()
    return text, checker


def test_html_is_well_formed_and_self_contained(page):
    text, checker = page
    assert text.startswith("<!DOCTYPE html>") and '<html lang="nl">' in text and '<meta charset="utf-8">' in text
    assert checker.stack == []
    assert "script" not in checker.tags and "link" not in checker.tags and "img" not in checker.tags
    assert "style" in checker.tags and "size:A4" in text
    assert not [value for name, value in checker.attrs if name in ("href", "src")]


def test_html_escapes_user_text(page):
    text, checker = page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in text and "Lindenhof &amp; omgeving" in text
    assert any("<script>alert('x')</script>" in data for data in checker.text)  # shown as text, not run


def test_html_says_the_same_as_markdown(cat, page):
    _, checker = page
    shown = " ".join(checker.text)
    report = evaluated()["report"]
    for section in report["sections"]:
        assert section["heading"] in shown
        for line in section["lines"]:
            assert line in shown
    assert all(line in shown for line in report["meeting"])


def test_html_headings_are_in_order(page):
    _, checker = page
    headings = [t for t in checker.tags if t in ("h1", "h2", "h3")]
    assert headings[0] == "h1" and headings.count("h1") == 1 and headings.count("h2") == len(SECTIONS)
