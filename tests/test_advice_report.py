"""The meeting report: Dutch sections, reasons and caveats, escaping, a self-contained HTML page."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import pytest

from buurtverbinding.advice import Assessment, Situation, _report

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
}
SECTIONS = [
    "## Situatie",
    "## Aanbevolen richtingen",
    "## Aanbevolen voorbeelden",
    "## Witte vlekken",
    "## Volgende stappen: wie doet wat",
    "## Bijlage: alle antwoorden",
]


def report(cat, fmt="md", answers=ANSWERS, limit=5):
    assessment = Assessment(answers=answers)
    situation = assessment.to_situation()
    return _report.render(cat, cat.recommend(situation, limit=limit), cat.gaps(situation), fmt, assessment)


def test_markdown_has_the_sections_in_order(cat):
    text = report(cat)
    positions = [text.index(section) for section in SECTIONS]
    assert positions == sorted(positions)
    assert text.startswith("# Advies voor het buurtoverleg\n")


def test_report_shows_reasons_caveats_and_evidence(cat):
    text = report(cat)
    advice = cat.recommend(Assessment(answers=ANSWERS).to_situation(), limit=5)
    first = advice.examples[0]
    assert f"### 1. {first.example.title} — {first.score} punten" in text
    assert "(+3) fase 'Ongemak' past bij dit voorbeeld" in text
    assert "**Let op**" in text
    assert cat.label("bewijsniveaus", first.evidence_level) in text
    assert "### 1. Woonomgeving" in text
    assert "Er is ongemak." in text  # the phase note


def test_next_steps_name_partners_at_the_table_and_missing_ones(cat):
    text = report(cat)
    steps = text[text.index("## Volgende stappen") :]
    assert "**Woningcorporatie** (aan tafel)" in steps
    invite = next(line for line in steps.splitlines() if "nog niet aan tafel zit" in line)
    assert invite.startswith(tuple(f"{n}. **Voorzitter**: nodigt voor het volgende overleg uit" for n in range(1, 9)))
    advice = cat.recommend(Assessment(answers=ANSWERS).to_situation(), limit=5)
    missing = {p for a in advice.examples[:3] for p in a.example.partners} - set(ANSWERS["partners-aan-tafel"])
    assert missing and all(cat.label("actoren", p) in invite for p in missing)
    assert "**Voorzitter**: legt vast wie wat doet" in steps


def test_without_partners_the_chair_finds_out_who_is_needed(cat):
    answers = {k: v for k, v in ANSWERS.items() if k != "partners-aan-tafel"}
    steps = report(cat, answers=answers).split("## Volgende stappen")[1]
    assert "nagaan wie er aan tafel zit" in steps


def test_witte_vlekken_are_in_the_report(cat):
    text = report(cat)
    gaps = text[text.index("## Witte vlekken") : text.index("## Volgende stappen")]
    assert "### Richting Woonomgeving" in gaps and "'Burendag' (Ontmoeting)" in gaps
    assert "**Voorbeelden om te overwegen**" in gaps


def test_markdown_escapes_user_text(cat):
    text = report(cat)
    line = next(line for line in text.splitlines() if "Lindenhof" in line)
    assert "\\<script\\>" in line and "\\*Lindenhof\\*" in line and "\\[zie\\]" in line
    assert "<script>" not in text


def test_empty_assessment_still_gives_a_readable_report(cat):
    text = report(cat, answers={})
    assert "Er passen nog geen voorbeelden" in text and "niet ingevuld" in text
    assert "## Bijlage" not in text


def test_report_is_deterministic(cat):
    assert report(cat) == report(cat) and report(cat, "html") == report(cat, "html")


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
    text = report(cat, "html")
    checker = _Checker()
    checker.feed(text)
    checker.close()
    return text, checker


def test_html_is_well_formed_and_self_contained(page):
    text, checker = page
    assert text.startswith("<!DOCTYPE html>") and '<html lang="nl">' in text and '<meta charset="utf-8">' in text
    assert checker.stack == []
    assert "script" not in checker.tags and "link" not in checker.tags and "img" not in checker.tags
    assert "style" in checker.tags and "@media print" in text
    assert all(name == "href" and value.startswith("https://") for name, value in checker.attrs if name in ("href", "src"))


def test_html_escapes_user_text(page):
    text, checker = page
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in text
    assert any("<script>alert('x')</script>" in data for data in checker.text)  # shown as text, not run


def test_html_says_the_same_as_markdown(cat, page):
    text, checker = page
    shown = " ".join(checker.text)
    for section in SECTIONS:
        assert section.removeprefix("## ") in shown
    assert "(+3) fase 'Ongemak' past bij dit voorbeeld" in shown


def test_html_headings_are_in_order(page):
    _, checker = page
    headings = [t for t in checker.tags if t in ("h1", "h2", "h3")]
    assert headings[0] == "h1" and headings.count("h1") == 1
    assert all(not (a == "h1" and b == "h3") for a, b in zip(headings, headings[1:]))


def test_situation_without_assessment(cat):
    situation = Situation(phase="incidenten", locations=["plein"], target_groups=["jongeren"])
    text = _report.render(cat, cat.recommend(situation), cat.gaps(situation), "md")
    assert "basisveiligheid" in text and "## Bijlage" not in text
