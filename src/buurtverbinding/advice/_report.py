"""The meeting report of ``buurtverbinding assess``, in Markdown or HTML (Dutch).

The report is first built as a short list of blocks (headings, paragraphs, lists) and then
written out by one of two small renderers, so that both formats say exactly the same. All
text is escaped for its format: Markdown punctuation with a backslash, HTML with
:func:`html.escape`. The HTML page is self-contained: one inline, print-friendly stylesheet,
no scripts, no external files.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .._version import __version__
from ._answers import items_in_order
from ._rules import FACET_WORDS, rules_of
from ._scoring import WAIT_PREFIX

if TYPE_CHECKING:
    from ..catalog import Catalog
    from ._results import ExampleAdvice, Gap, Reason
    from ._situation import Advice, Assessment, Situation

# Inline content: plain text, ("b", text) for bold, ("a", text, url) for a link.
Inline = str | tuple[str, str] | tuple[str, str, str]
Line = list[Inline]


@dataclass(frozen=True)
class Block:
    kind: str  # h1 h2 h3 p note ul ol
    lines: tuple[Line, ...]


NEXT_STEP_EXAMPLES = 3
"""The next steps are drawn from this many of the top recommended examples."""

_FIELDS = (
    ("phase", "Fase"),
    ("forms", "Vormen"),
    ("causes", "Oorzaken"),
    ("dividing_lines", "Scheidslijnen"),
    ("locations", "Plekken"),
    ("target_groups", "Groepen"),
    ("partners", "Partners aan tafel"),
    ("budget", "Budget"),
)


def build(cat: Catalog, advice: Advice, gaps: tuple[Gap, ...], assessment: Assessment | None = None) -> list[Block]:
    """The report as blocks: situatie, richtingen, voorbeelden, witte vlekken, volgende stappen
    and, for an assessment, all answers."""
    blocks = [Block("h1", (["Advies voor het buurtoverleg"],))]
    blocks.append(
        Block(
            "note",
            (
                [
                    f"Gemaakt met buurtverbinding {__version__} (catalogus {cat.version}). Dit advies is een hulpmiddel voor het "
                    "gesprek aan tafel, geen oordeel: de punten laten zien welke antwoorden tot welke keuze leiden."
                ],
            ),
        )
    )
    blocks += _situation(cat, advice)
    blocks += _directions(cat, advice)
    blocks += _examples(cat, advice)
    blocks += _gaps(cat, gaps)
    blocks += _next_steps(cat, advice, gaps)
    if assessment is not None and assessment.answers:
        blocks += _answers(cat, assessment)
    return blocks


def _labels(cat: Catalog, field: str, values: object) -> str:
    vocabulary = FACET_WORDS[field][1]
    items = (values,) if isinstance(values, str) else tuple(values or ())  # type: ignore[arg-type]
    return ", ".join(cat.label(vocabulary, v) for v in items) or "niet ingevuld"


def _situation(cat: Catalog, advice: Advice) -> list[Block]:
    s = advice.situation
    rows: list[Line] = [[("b", f"{title}: "), _labels(cat, field, getattr(s, field))] for field, title in _FIELDS]
    existing = []
    for m in advice.existing:
        if m.example is None:
            existing.append(f"'{m.entry}' (niet herkend in de catalogus)")
        elif m.how == "search":
            existing.append(f"'{m.entry}' (lijkt op {m.example.title}; gevonden via zoeken, controleer dit)")
        else:
            existing.append(m.example.title)
    rows.append([("b", "Wat er al loopt: "), "; ".join(existing) or "niet ingevuld"])
    blocks = [Block("h2", (["Situatie"],)), Block("ul", tuple(rows))]
    blocks += _described(cat, s)
    blocks += [Block("p", ([note],)) for note in advice.notes]
    return blocks


def _described(cat: Catalog, s: Situation) -> list[Block]:
    """The description in the meeting's words and every value read from it, with its words."""
    if not s.description:
        return []
    blocks = [Block("p", ([("b", "Beschrijving: "), s.description],))]
    if not s.inferred:
        return blocks + [Block("note", (["In de beschrijving is geen fase, plek, groep, vorm, oorzaak of scheidslijn herkend; vul die velden zelf in."],))]
    titles = dict(_FIELDS)
    rows: list[Line] = [[("b", f"{titles.get(i.field, i.field)}: "), f"{_labels(cat, i.field, i.value)} (uit: {', '.join(i.words)})"] for i in s.inferred]
    note = "Afgeleid uit de beschrijving. Controleer dit: wat u zelf invult, gaat voor wat uit de beschrijving is afgeleid."
    return blocks + [Block("note", ([note],)), Block("ul", tuple(rows))]


def _reason_lines(reasons: tuple[Reason, ...]) -> tuple[Line, ...]:
    """One line per reason, led by its points when it has any: ``(+3) fase 'Ongemak' past ...``."""
    return tuple([f"({r.points:+d}) {r.text}" if r.points else r.text] for r in reasons)


def _directions(cat: Catalog, advice: Advice) -> list[Block]:
    blocks = [
        Block("h2", (["Aanbevolen richtingen"],)),
        Block(
            "p",
            (
                [
                    f"Elke richting krijgt punten voor de antwoorden die erbij passen. Vanaf {rules_of(cat).called_for} punten is een richting nodig in deze situatie."
                ],
            ),
        ),
    ]
    called = [d for d in advice.directions if d.called_for]
    for rank, d in enumerate(called, 1):
        blocks.append(Block("h3", ([f"{rank}. {d.direction.short_title} — {d.score} punten"],)))
        blocks.append(Block("p", ([d.direction.title],)))
        blocks.append(Block("ul", _reason_lines(d.reasons)))
    if not called:
        blocks.append(
            Block("p", (["Geen enkele richting komt boven de drempel. Vul meer antwoorden in: de fase, de plekken en de groepen wegen het zwaarst."],))
        )
    rest = [d for d in advice.directions if not d.called_for]
    if rest:
        blocks.append(Block("p", ([("b", "Minder nodig: "), ", ".join(f"{d.direction.short_title} ({d.score})" for d in rest)],)))
    return blocks


def _example(cat: Catalog, rank: int, a: ExampleAdvice) -> list[Block]:
    ex = a.example
    directions = ", ".join(cat.get(d).short_title for d in ex.directions)  # type: ignore[union-attr]
    evidence = f"{cat.label('bewijsniveaus', a.evidence_level)}; effect {cat.label('effectrichtingen', a.effect).lower()}"
    facts: list[Line] = [
        [("b", "Richting: "), directions],
        [("b", "Bewijs: "), evidence],
        [("b", "Organisatie: "), ex.organisation],
        [("b", "Meer lezen: "), ("a", ex.sources[0].title, ex.sources[0].url)],
    ]
    blocks = [
        Block("h3", ([f"{rank}. {ex.title} — {a.score} punten"],)),
        Block("p", ([ex.summary],)),
        Block("ul", tuple(facts)),
        Block("p", ([("b", "Waarom dit voorbeeld")],)),
        Block("ul", _reason_lines(a.reasons)),
    ]
    if a.caveats:
        blocks += [Block("p", ([("b", "Let op")],)), Block("ul", _reason_lines(a.caveats))]
    return blocks


def _examples(cat: Catalog, advice: Advice) -> list[Block]:
    blocks = [Block("h2", (["Aanbevolen voorbeelden"],))]
    if not advice.examples:
        blocks.append(Block("p", (["Er passen nog geen voorbeelden. Vul meer antwoorden in: de fase, de plekken, de groepen en de vormen."],)))
    for rank, a in enumerate(advice.examples, 1):
        blocks += _example(cat, rank, a)
    return blocks


def _gaps(cat: Catalog, gaps: tuple[Gap, ...]) -> list[Block]:
    blocks = [Block("h2", (["Witte vlekken"],))]
    if not gaps:
        blocks.append(Block("p", (["Geen witte vlekken gevonden: wat er al loopt, dekt de richtingen die deze situatie vraagt."],)))
    for gap in gaps:
        title = f"Richting {gap.direction.short_title}" if gap.direction else f"Fase '{cat.label('fasen', gap.phase or '')}'"
        if gap.reasons and gap.reasons[0].startswith(WAIT_PREFIX):
            title += " (later, als de fase het toelaat)"
        blocks.append(Block("h3", ([title],)))
        blocks += [Block("p", ([reason],)) for reason in gap.reasons]
        if gap.suggestions:
            blocks.append(Block("p", ([("b", "Voorbeelden om te overwegen")],)))
            blocks.append(Block("ul", tuple([("b", s.example.title), f" ({s.score} punten): {_first_sentence(s.example.summary)}"] for s in gap.suggestions)))
    return blocks


def _next_steps(cat: Catalog, advice: Advice, gaps: tuple[Gap, ...]) -> list[Block]:
    top = advice.examples[:NEXT_STEP_EXAMPLES]
    needed: dict[str, list[str]] = {}
    for a in top:
        for partner in a.example.partners:
            needed.setdefault(partner, []).append(a.example.title)
    order = {p: n for n, p in enumerate(cat.vocabulary("actoren").ids())}
    steps: list[Line] = []
    at_table = [p for p in sorted(needed, key=order.__getitem__) if p in advice.situation.partners]
    missing = [p for p in sorted(needed, key=order.__getitem__) if p not in advice.situation.partners]
    for partner in at_table:
        steps.append(
            [("b", cat.label("actoren", partner)), f" (aan tafel): verkent {_and(needed[partner])} en vertelt in het volgende overleg wat ervoor nodig is."]
        )
    if advice.situation.partners and missing:
        invite = "; ".join(f"{cat.label('actoren', p)} (voor {_and(needed[p])})" for p in missing)
        steps.append([("b", "Voorzitter"), f": nodigt voor het volgende overleg uit wie nodig is maar nog niet aan tafel zit: {invite}."])
    elif missing:
        names = ", ".join(cat.label("actoren", p) for p in missing)
        steps.append([("b", "Voorzitter"), f": nagaan wie er aan tafel zit. Voor de aanbevolen voorbeelden zijn nodig: {names}."])
    direction_gaps = [g.direction.short_title for g in gaps if g.direction]
    if gaps:
        what = _and([f"richting {t}" for t in direction_gaps] + [f"fase '{cat.label('fasen', g.phase)}'" for g in gaps if g.phase])
        steps.append([("b", "Beleidsadviseur van de gemeente"), f": legt de witte vlekken ({what}) voor aan het bestuur (stap 4 van het stappenplan)."])
    unrated = [a.example.title for a in top if not cat.value("bewijsniveaus", a.evidence_level).rated]
    if unrated:
        steps.append(
            [
                ("b", "Wie een voorbeeld kiest"),
                f": gaat na wat er bekend is over de werking van {_and(unrated)}, bijvoorbeeld in een databank van interventies, en praat met de organisatie die het uitvoert.",
            ]
        )
    steps.append(
        [("b", "Voorzitter"), ": legt vast wie wat doet, wie het overzicht houdt en wanneer u samen terugkijkt of het werkt (stap 3 van het stappenplan)."]
    )
    return [Block("h2", (["Volgende stappen: wie doet wat"],)), Block("ol", tuple(steps))]


def _first_sentence(text: str) -> str:
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    return match.group(1) if match else text


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


def _answers(cat: Catalog, assessment: Assessment) -> list[Block]:
    blocks = [Block("h2", (["Bijlage: alle antwoorden"],))]
    current = None
    rows: list[Line] = []
    for checklist, item in items_in_order(cat):
        if item.id not in assessment.answers:
            continue
        if checklist.id != current:
            if rows:
                blocks.append(Block("ul", tuple(rows)))
                rows = []
            blocks.append(Block("h3", ([checklist.title],)))
            current = checklist.id
        answer = assessment.answers[item.id]
        if item.vocabulary:
            shown = ", ".join(cat.label(item.vocabulary, str(v)) for v in (answer if isinstance(answer, tuple) else (answer,)))
        elif item.scale is not None:
            shown = f"{answer} op een schaal van {item.scale.min} ({item.scale.low_label}) tot {item.scale.max} ({item.scale.high_label})"
        else:
            shown = str(answer).replace("\n", "; ")
        rows.append([("b", item.question), " ", shown])
    if rows:
        blocks.append(Block("ul", tuple(rows)))
    return blocks


# --- renderers ------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def _md_text(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text.replace("\n", " "))


def _md_inline(line: Line) -> str:
    out = []
    for part in line:
        if isinstance(part, str):
            out.append(_md_text(part))
        elif part[0] == "b":
            out.append(f"**{_md_text(part[1]).strip()}**" + (" " if part[1].endswith(" ") else ""))
        else:
            url = part[2].replace("(", "%28").replace(")", "%29").replace(" ", "%20")  # type: ignore[misc]
            out.append(f"[{_md_text(part[1])}]({url})")
    return "".join(out)


def to_markdown(blocks: list[Block]) -> str:
    """The report as CommonMark."""
    out: list[str] = []
    for block in blocks:
        if block.kind in ("h1", "h2", "h3"):
            out.append("#" * int(block.kind[1]) + " " + _md_inline(block.lines[0]))
        elif block.kind in ("p", "note"):
            text = _md_inline(block.lines[0])
            out.append(f"*{text}*" if block.kind == "note" else text)
        else:
            numbered = block.kind == "ol"
            out.append("\n".join(f"{f'{n}.' if numbered else '-'} {_md_inline(line)}" for n, line in enumerate(block.lines, 1)))
    return "\n\n".join(out) + "\n"


_STYLE = """
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; background: #fff;
       max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.8rem; margin-bottom: .5rem; }
h2 { font-size: 1.35rem; border-bottom: 2px solid #1d5b79; padding-bottom: .2rem; margin-top: 2.2rem; }
h3 { font-size: 1.1rem; margin: 1.4rem 0 .3rem; }
a { color: #0b4f8a; }
.note { color: #444; font-size: .9rem; }
li { margin: .2rem 0; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  a { color: inherit; }
  a[href]::after { content: " (" attr(href) ")"; font-size: .85em; }
  h2, h3 { break-after: avoid; }
  ul, ol { break-inside: avoid; }
}
""".strip()


def _html_inline(line: Line) -> str:
    out = []
    for part in line:
        if isinstance(part, str):
            out.append(html.escape(part, quote=False).replace("\n", "<br>"))
        elif part[0] == "b":
            out.append(f"<strong>{html.escape(part[1], quote=False)}</strong>")
        else:
            out.append(f'<a href="{html.escape(part[2])}">{html.escape(part[1])}</a>')  # type: ignore[misc]
    return "".join(out)


def to_html(blocks: list[Block]) -> str:
    """The report as one self-contained HTML page."""
    title = html.escape("".join(p for p in blocks[0].lines[0] if isinstance(p, str)))
    body: list[str] = []
    for block in blocks:
        if block.kind in ("h1", "h2", "h3"):
            body.append(f"<{block.kind}>{_html_inline(block.lines[0])}</{block.kind}>")
        elif block.kind in ("p", "note"):
            css = ' class="note"' if block.kind == "note" else ""
            body.append(f"<p{css}>{_html_inline(block.lines[0])}</p>")
        else:
            items = "\n".join(f"  <li>{_html_inline(line)}</li>" for line in block.lines)
            body.append(f"<{block.kind}>\n{items}\n</{block.kind}>")
    return (
        '<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>\n{_STYLE}\n</style>\n</head>\n<body>\n<main>\n" + "\n".join(body) + "\n</main>\n</body>\n</html>\n"
    )


def render(cat: Catalog, advice: Advice, gaps: tuple[Gap, ...], fmt: str, assessment: Assessment | None = None) -> str:
    """The whole report as ``md`` or ``html`` text."""
    blocks = build(cat, advice, gaps, assessment)
    return to_html(blocks) if fmt == "html" else to_markdown(blocks)
