"""``buurtverbinding show ID``: one object as readable text, with Dutch labels.

Every kind of object has its own layout (example, direction, step, checklist, checklist item,
term, vocabulary, advice rule set, example scoring); field names never appear, only Dutch
labels. The example's facet lines come from the facet registry (``models.FACETS``).

Text fields are Markdown. With markdown-it-py installed (it comes with the ``lint`` extra) they
are rendered for the terminal: paragraphs re-flowed, list items kept as items with a hanging
indent, links written as ``text (address)``. Without it, a plain re-flow keeps paragraphs and
list items apart; the command never needs it.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ..models import (
    FACETS,
    AdviceModel,
    AdviceRules,
    Checklist,
    ChecklistItem,
    Direction,
    Example,
    Facet,
    Source,
    Step,
    Term,
    Vocabulary,
)

if TYPE_CHECKING:
    from ..catalog import Catalog

WIDTH = 88
"""The width text is re-flowed to."""

ANSWER_KINDS = {
    "yes_no": "ja of nee",
    "single_choice": "één keuze",
    "multiple_choice": "een of meer keuzes",
    "scale": "een cijfer op een schaal",
    "text": "vrije tekst",
}
"""Answer kind → how ``show`` names it (Dutch)."""


_SITUATION_EXTRA = {"existing": "wat er al is", "budget": "budget"}


def render(cat: Catalog, record: Any) -> str:
    """The text ``show`` prints for any object of the catalogue."""
    for kind, renderer in _RENDERERS:
        if isinstance(record, kind):
            return renderer(cat, record)
    return _title(str(getattr(record, "title", record.id)))  # a kind without a layout yet: its title only


# --- Markdown to terminal text -------------------------------------------------------------


def markdown(text: str, indent: str = "", width: int = WIDTH) -> str:
    """Markdown as terminal text: paragraphs re-flowed to ``width``, list items kept."""
    try:
        from markdown_it import MarkdownIt
    except ImportError:
        return reflow(text, indent, width)
    return _Terminal(indent, width).render(MarkdownIt("commonmark").parse(text))


_MARKER = re.compile(r"^(\s*)([-*+]|\d{1,3}[.)])\s+(.*)$")


def reflow(text: str, indent: str = "", width: int = WIDTH) -> str:
    """The plain fallback: blank lines part paragraphs; a line that starts with a list marker
    starts an item, and the lines under it continue that item."""
    blocks: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        parts: list[tuple[str, str, list[str]]] = []  # (leading space, marker, words)
        for line in paragraph.splitlines():
            found = _MARKER.match(line)
            if found:
                parts.append((found.group(1), found.group(2), [found.group(3)]))
            elif parts:
                parts[-1][2].append(line.strip())
            else:
                parts.append(("", "", [line.strip()]))
        lines = []
        for lead, marker, words in parts:
            first = indent + lead + (f"{marker} " if marker else "")
            rest = indent + lead + (" " * (len(marker) + 1) if marker else "")
            lines.append(_fill(" ".join(words), first, rest, width))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _fill(text: str, first: str, rest: str, width: int) -> str:
    return textwrap.fill(text, width=width, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False, break_long_words=False) or first.rstrip()


class _Terminal:
    """Renders markdown-it block tokens: one pass, a stack of open list items and quotes."""

    def __init__(self, indent: str, width: int) -> None:
        self.indent = indent
        self.width = width
        self.lines: list[str] = []
        self.blank = False  # a blank line is due before the next block
        self.levels: list[list[Any]] = []  # [marker, continuation, marker used?]
        self.numbers: list[int] = []

    def render(self, tokens: Sequence[Any]) -> str:
        for token in tokens:
            kind = token.type
            if kind in ("bullet_list_open", "ordered_list_open"):
                start = token.attrGet("start") if kind == "ordered_list_open" else None
                self.numbers.append(int(start) if start is not None else 1)
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self.numbers.pop()
                if not self.numbers:
                    self.blank = True
            elif kind == "list_item_open":
                if token.markup in (".", ")"):
                    marker = f"{token.info or self.numbers[-1]}."
                    self.numbers[-1] += 1
                else:
                    marker = "-"
                self.levels.append([marker + " ", " " * (len(marker) + 1), False])
            elif kind == "list_item_close":
                self.levels.pop()
            elif kind == "blockquote_open":
                self.levels.append(["> ", "> ", True])
            elif kind == "blockquote_close":
                self.levels.pop()
                self.blank = True
            elif kind == "inline":
                for line in _inline(token.children or ()).split("\n"):
                    self._block([line], wrap=True)
            elif (kind == "paragraph_close" and not token.hidden) or kind == "heading_close":
                self.blank = True
            elif kind in ("fence", "code_block"):
                self._block(["    " + line for line in token.content.rstrip("\n").splitlines()], wrap=False)
                self.blank = True
            elif kind == "html_block":
                self._block(token.content.rstrip("\n").splitlines(), wrap=False)
                self.blank = True
            elif kind == "hr":
                self._block(["-" * 20], wrap=False)
                self.blank = True
        return "\n".join(self.lines).rstrip()

    def _block(self, lines: list[str], wrap: bool) -> None:
        if self.blank and self.lines:
            self.lines.append(self.indent.rstrip() if self.indent.strip() else "")
        self.blank = False
        for line in lines:
            first = self.indent + "".join(level[1] if level[2] else level[0] for level in self.levels)
            rest = self.indent + "".join(level[1] for level in self.levels)
            for level in self.levels:
                level[2] = True
            self.lines.append(_fill(line, first, rest, self.width) if wrap else first + line)


def _inline(children: Iterable[Any]) -> str:
    """Inline tokens as plain text: emphasis marks dropped, a link as ``text (address)``."""
    out: list[str] = []
    links: list[tuple[str, int]] = []
    for child in children:
        kind = child.type
        if kind in ("text", "code_inline", "html_inline"):
            out.append(child.content)
        elif kind == "softbreak":
            out.append(" ")
        elif kind == "hardbreak":
            out.append("\n")
        elif kind == "link_open":
            links.append((str(child.attrGet("href") or ""), len(out)))
        elif kind == "link_close" and links:
            href, start = links.pop()
            if href and "".join(out[start:]).strip() != href:
                out.append(f" ({href})")
        elif kind == "image":
            out.append(f"{child.content} ({child.attrGet('src')})")
    return "".join(out)


# --- layout helpers -----------------------------------------------------------------------


def _title(text: str, underline: str = "=") -> str:
    return f"{text}\n{underline * len(text)}"


def _section(heading: str, body: str) -> list[str]:
    return ["", heading, "-" * len(heading), body] if body.strip() else []


def _items(entries: Iterable[str]) -> str:
    return "\n".join(_fill(entry, "- ", "  ", WIDTH) for entry in entries)


def _fields(rows: Sequence[tuple[str, str]], width: int = 0) -> list[str]:
    """``Label:   value`` lines with the values in one column (at ``width``, else after the
    longest label), long values wrapped under it; rows without a value are left out."""
    rows = [(label, value) for label, value in rows if value]
    width = width or max((len(label) for label, _ in rows), default=0) + 2
    return [_fill(value, f"{label}:".ljust(width), " " * width, WIDTH) for label, value in rows]


def source_line(source: Source) -> str:
    """A source on one line: title (publisher, year) url, and the copy when there is one."""
    line = f"{source.title} ({source.publisher}{', ' + str(source.year) if source.year else ''}) {source.url}"
    return line + (f"; kopie: {source.copy_url}" if source.copy_url else "")


def _name(cat: Catalog, identifier: str) -> str:
    """``id (title)`` for a reference to another object."""
    if identifier not in cat:
        return identifier
    record = cat.get(identifier)
    title = getattr(record, "title", None) or getattr(record, "term", None) or getattr(record, "question", None)
    return f"{identifier} ({title})" if title else identifier


def _facet_text(cat: Catalog, facet: Facet, values: Sequence[str]) -> str:
    if facet.vocabulary is None:  # the directions: the primary one first
        names = [cat.get(value).short_title for value in values]  # type: ignore[union-attr]
        return ", ".join([f"{names[0]} (hoofdrichting)", *names[1:]]) if len(names) > 1 else ", ".join(names)
    return ", ".join(cat.label(facet.vocabulary, value) for value in values)


def _situation_field(field: str) -> str:
    """The Dutch name of a situation field (the field a checklist answer or a rule set reads)."""
    for facet in FACETS:
        if facet.feeds == field:
            return facet.plural if facet.multiple and field.endswith("s") else facet.singular
    return _SITUATION_EXTRA.get(field, field.replace("_", " "))


# --- one layout per kind ------------------------------------------------------------------


def format_example(cat: Catalog, ex: Example) -> str:
    """An example: summary, facets (from the registry), evidence, the sections and the sources."""
    evidence = ex.evidence
    rows: list[tuple[str, str]] = []
    for facet in FACETS:
        values = facet.values(ex)
        if facet.show and values:
            label = facet.label if facet.multiple else facet.singular[:1].upper() + facet.singular[1:]
            rows.append((label, _facet_text(cat, facet, values)))
        if facet.field == "evidence":  # the direction of the effect is kept apart from its strength
            rows.append(("Effect", cat.label("effectrichtingen", evidence.effect)))
            if evidence.rating is not None:
                rating = evidence.rating
                rows.append(("Beoordeling", f"{rating.label} ({rating.databank}{f', {rating.date}' if rating.date else ''}) {rating.url}"))
    more = [
        ("Organisatie", ex.organisation),
        ("Gemeenten", ", ".join(ex.municipalities)),
        ("Relatie KIS", cat.label("kis-relaties", ex.kis_relation)),
        ("Laatst nagekeken", ex.reviewed.isoformat()),
        ("Eigenaar", f"{ex.owner.name}{' ' + ex.owner.url if ex.owner.url else ''}" if ex.owner else ""),
        ("Handboek", source_line(ex.handbook) if ex.handbook else ""),
        ("Zie ook", ", ".join(_name(cat, r) for r in ex.related)),
    ]
    width = max(len(label) for label, _ in rows + more) + 2
    lines = [_title(ex.title), markdown(ex.summary), "", *_fields(rows, width)]
    if evidence.checked:
        checked_on = f" (op {evidence.checked_on})" if evidence.checked_on else ""
        lines.append(f"  Gecontroleerde databanken{checked_on}:")
        lines += [f"  - {cat.label('databanken', value)}" for value in evidence.checked]
    elif evidence.checked_on:
        lines.append(f"  Databanken gecontroleerd op {evidence.checked_on}")
    lines += _fields(more, width)
    if ex.aim:
        lines += _section("Doel", markdown(ex.aim))
    for heading, entries in (("Werkzame elementen", ex.active_ingredients), ("Randvoorwaarden", ex.requirements)):
        if entries:
            lines += _section(heading, _items(entries))
    for heading, text in (
        ("Aanleiding", ex.sections.background),
        ("Aanpak", ex.sections.approach),
        ("Wat het oplevert", ex.sections.outcomes),
        ("Aandachtspunten", ex.sections.considerations),
    ):
        lines += _section(heading, markdown(text))
    for heading, note in (
        ("Over het bewijs", evidence.note),
        ("Over de kosten", ex.cost.note if ex.cost else None),
        ("Over de relatie met de handreiking", ex.kis_note),
    ):
        lines += _section(heading, markdown(note or ""))
    lines += ["", "Bronnen", "-------", *(f"- {source_line(s)}" for s in ex.sources)]
    return "\n".join(lines)


def _direction(cat: Catalog, direction: Direction) -> str:
    examples = cat.direction_examples(direction.id)
    lines = [_title(direction.title), f"Oplossingsrichting {direction.number}: {direction.short_title}", "", markdown(direction.summary)]
    lines += _section("Beschrijving", markdown(direction.description))
    entries = [f"{e.id}: {e.title}" + ("" if e.direction == direction.id else " (nevenrichting)") for e in examples]
    lines += _section(f"Praktijkvoorbeelden ({len(examples)})", _items(entries))
    return "\n".join(lines)


def _step(cat: Catalog, step: Step) -> str:
    lines = [_title(f"Stap {step.number}: {step.title}"), markdown(step.purpose)]
    lines += _section("Deelnemers", _items(step.participants))
    lines += _section("Opbrengsten", _items(step.outputs))
    lines += _section("Toelichting", markdown(step.description))
    lines += _section("Checklists", _items(f"{c.id}: {c.title}" for c in cat.checklists_for(step.id)))
    return "\n".join(lines)


def _step_name(cat: Catalog, step_id: str) -> str:
    step = cat.get(step_id) if step_id in cat else None
    return f"Stap {step.number}: {step.title}" if isinstance(step, Step) else step_id


def _kind(cat: Catalog, item: ChecklistItem) -> str:
    kind = ANSWER_KINDS.get(item.kind, item.kind)
    if item.vocabulary:
        kind += f", uit {cat.vocabulary(item.vocabulary).title.lower()}"
    if item.scale is not None:
        kind += f" van {item.scale.min} tot {item.scale.max}"
    return kind


def _checklist(cat: Catalog, checklist: Checklist) -> str:
    lines = [_title(checklist.title), f"Checklist {checklist.order} bij {_step_name(cat, checklist.step)}", "", markdown(checklist.purpose)]
    entries = [f"{item.id}: {item.question} ({_kind(cat, item)})" for item in checklist.items]
    lines += _section(f"Vragen ({len(entries)})", _items(entries))
    return "\n".join(lines)


def _item(cat: Catalog, item: ChecklistItem) -> str:
    checklist = next((c for c in cat.checklists if any(i.id == item.id for i in c.items)), None)
    where = f"{checklist.title} ({checklist.id}), {_step_name(cat, checklist.step)}" if checklist else ""
    scale = item.scale
    lines = [
        _title(item.question),
        *_fields(
            [
                ("Checklist", where),
                ("Antwoord", _kind(cat, item)),
                ("Schaal", f"{scale.min} ({scale.low_label}) tot {scale.max} ({scale.high_label})" if scale else ""),
                ("Vult in", _situation_field(item.feeds) if item.feeds else ""),
                ("Tip", item.help or ""),
            ]
        ),
    ]
    options = cat.options(item)
    lines += _section("Opties", _items(f"{o.id}: {o.label}" for o in options))
    return "\n".join(lines)


def _term(cat: Catalog, term: Term) -> str:
    lines = [_title(term.term), markdown(term.definition), ""]
    lines += _fields(
        [
            ("Bron", source_line(term.source) if term.source else ""),
            ("Zie ook", ", ".join(_name(cat, other) for other in term.see_also)),
        ]
    )
    return "\n".join(lines).rstrip()


def _vocabulary(cat: Catalog, vocabulary: Vocabulary) -> str:
    lines = [_title(vocabulary.title), markdown(vocabulary.description), "", "Waarden", "-------"]
    for value in vocabulary.values:
        rated = " (telt als beoordeeld)" if value.rated else ""
        lines.append(f"- {value.id}: {value.label}{rated}")
        lines.append(markdown(value.definition, indent="    "))
        if value.source is not None:
            lines.append(f"    Bron: {source_line(value.source)}")
    return "\n".join(lines)


def _advice_rules(cat: Catalog, rules: AdviceRules) -> str:
    vocabulary = next((f.vocabulary for f in FACETS if f.feeds == rules.field and f.vocabulary), None)

    def value(identifier: str) -> str:
        return cat.label(vocabulary, identifier) if vocabulary else identifier

    def direction(identifier: str) -> str:
        record = cat.get(identifier) if identifier in cat else None
        return record.short_title if isinstance(record, Direction) else identifier

    lines = [_title(rules.title), markdown(rules.description), ""]
    lines += _fields([("Leest", _situation_field(rules.field)), ("Waarom", rules.why or ""), ("Volgorde", str(rules.order))])
    entries = [f"{value(r.value)} → {direction(r.direction)}: gewicht {r.points}" + (f" ({r.why})" if r.why else "") for r in rules.rules]
    lines += _section("Regels", _items(entries))
    return "\n".join(lines)


def _model(cat: Catalog, model: AdviceModel) -> str:
    steps = {step.id: step.title for step in model.first_steps}

    def direction(identifier: str) -> str:
        record = cat.get(identifier) if identifier in cat else None
        return record.short_title if isinstance(record, Direction) else identifier

    lines = [_title(model.title), markdown(model.description), ""]
    for order in model.phases:
        entries = [order.note]
        if order.first:
            entries.append("Eerst: " + ", ".join(steps.get(s, s) for s in order.first))
        entries += [f"Later: {direction(h.direction)} ({h.why})" for h in order.later]
        entries.append("Bij gelijke stand: " + ", ".join(direction(d) for d in order.prefer))
        lines += _section(f"Fase {cat.label('fasen', order.phase)}", _items(entries))
    return "\n".join(lines)


_RENDERERS: tuple[tuple[type, Callable[[Catalog, Any], str]], ...] = (
    (Example, format_example),
    (Direction, _direction),
    (Step, _step),
    (Checklist, _checklist),
    (ChecklistItem, _item),
    (Term, _term),
    (Vocabulary, _vocabulary),
    (AdviceRules, _advice_rules),
    (AdviceModel, _model),
)
