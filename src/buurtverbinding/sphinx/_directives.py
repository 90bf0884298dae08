"""Directives that render catalogue objects: ``bv:example``, ``bv:examples``, ``bv:direction``,
``bv:step``, ``bv:checklist``, ``bv:glossary`` and ``bv:vocabulary``, and ``bv:filter-options``
(the options of ``bv:examples``). Each builds docutils nodes from the typed records; Markdown
fields go through MyST-Parser (:mod:`._markdown`). The domain declares them
(``BvDomain.directives`` in :mod:`._domain`)."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives

from ..catalog import FACETS, UnknownValueError
from ._base import BvDirective
from ._labels import ANSWER_HINTS, CHECKED_LABEL, CONNECTION_HEADING, OTHER_ANSWER, SECTIONS, SHOWN_FACETS, count, long_date, partial_date
from ._warnings import BvWarning, warn

if TYPE_CHECKING:
    from ..models import Checklist, ChecklistItem, Direction, Example, Source, Step

__all__ = [
    "ChecklistDirective",
    "DirectionDirective",
    "ExampleDirective",
    "ExamplesDirective",
    "FilterOptionsDirective",
    "GlossaryDirective",
    "StepDirective",
    "VocabularyDirective",
]


def _source_item(source: Source) -> nodes.list_item:
    paragraph = nodes.paragraph()
    paragraph += nodes.reference(source.title, source.title, refuri=source.url)
    details = ", ".join([source.publisher, *([str(source.year)] if source.year else [])])
    paragraph += nodes.Text(f" ({details})")
    if source.copy_url:
        paragraph += nodes.Text("; ")
        paragraph += nodes.reference("kopie", "kopie", refuri=source.copy_url)
    return nodes.list_item("", paragraph)


def checked_on(example: Example) -> str:
    """When the example was last checked, in Dutch words: ``evidence.checked_on`` (a full or
    partial date), else the date of its last review."""
    value = example.evidence.checked_on
    return partial_date(str(value)) if value else long_date(example.reviewed)


def _checked(example: Example) -> nodes.paragraph:
    text = f"{CHECKED_LABEL}: {checked_on(example)}"
    return nodes.paragraph(text, text, classes=["bv-checked"])


def _texts(items: tuple[str, ...]) -> nodes.bullet_list:
    return nodes.bullet_list("", *(nodes.list_item("", nodes.paragraph(text, text)) for text in items))


class ExampleDirective(BvDirective):
    """``bv:example ID``: one practical example with all its fields, its evidence and sources."""

    kind = "example"
    required_arguments = 1
    option_spec: ClassVar = dict(BvDirective.common_options)

    def run(self) -> list[nodes.Node]:
        example: Example | None = self.lookup(self.arguments[0])
        if example is None:
            return []
        box = nodes.container(classes=["bv-object", "bv-example"])
        self.declare(box, example, example.title)
        box += self.title(example.title)
        box += nodes.paragraph(example.summary, example.summary, classes=["bv-summary"])
        box += self._badges(example)
        box += _checked(example)
        if example.aim:
            box += nodes.paragraph("", "", nodes.strong("Doel: ", "Doel: "), nodes.Text(example.aim), classes=["bv-aim"])
        box += self._fields(example)
        texts = {name: getattr(example.sections, name) for name, _ in SECTIONS}
        texts.update(kis_note=example.kis_note or "", evidence_note=example.evidence.note or "")
        connection = getattr(example, "connection", None)  # the field is new in the models (issue 21)
        if connection:
            texts["connection"] = connection
        rendered = self.markdown_fields(texts, depth=2)
        if connection:
            box += self.heading(CONNECTION_HEADING)
            box += rendered["connection"]
        for name, heading in SECTIONS:
            box += self.heading(heading)
            box += rendered[name]
        if example.active_ingredients:
            box += self.heading("Werkzame elementen")
            box += _texts(example.active_ingredients)
        if example.requirements:
            box += self.heading("Randvoorwaarden")
            box += _texts(example.requirements)
        box += self._evidence(example, rendered.get("evidence_note", []))
        box += self.heading("Relatie met de KIS-handreiking")
        relation = self.cat.value("kis-relaties", example.kis_relation)
        self.use("vocab", "kis-relaties")
        box += nodes.paragraph("", "", nodes.strong(relation.label, relation.label), nodes.Text(f": {relation.definition}"))
        box += rendered.get("kis_note", [])
        box += self.heading("Bronnen")
        box += nodes.bullet_list("", *(_source_item(s) for s in example.sources), classes=["bv-sources"])
        if example.related:
            box += self.heading("Zie ook")
            box += nodes.bullet_list("", *(nodes.list_item("", nodes.paragraph("", "", self.link(r))) for r in example.related))
        return [box]

    def _badges(self, example: Example) -> nodes.paragraph:
        evidence = example.evidence
        self.use("vocab", "bewijsniveaus")
        self.use("vocab", "effectrichtingen")
        level = self.cat.label("bewijsniveaus", evidence.level)
        effect = self.cat.label("effectrichtingen", evidence.effect)
        badges = nodes.paragraph(classes=["bv-badges"])
        badges += nodes.inline(f"Bewijs: {level}", f"Bewijs: {level}", classes=["bv-badge", "bv-evidence", f"bv-evidence-{evidence.level}"])
        badges += nodes.Text(" ")
        badges += nodes.inline(f"Effect: {effect}", f"Effect: {effect}", classes=["bv-badge", "bv-effect", f"bv-effect-{evidence.effect}"])
        return badges

    def _fields(self, example: Example) -> nodes.field_list:
        fields = nodes.field_list(classes=["bv-fields"])
        fields += self.field("Richting", self.link(example.direction))
        if example.secondary_directions:
            fields += self.field("Ook bij", *self.joined([self.link(d) for d in example.secondary_directions]))
        for facet in SHOWN_FACETS:
            values = facet.values(example)
            if values and facet.vocabulary:
                fields += self.field(facet.label, self.labels(facet.vocabulary, values))
        if example.municipalities:
            fields += self.field("Gemeenten", ", ".join(example.municipalities))
        fields += self.field("Uitvoering", example.organisation)
        if example.owner is not None:
            owner: nodes.Node = (
                nodes.reference(example.owner.name, example.owner.name, refuri=example.owner.url) if example.owner.url else nodes.Text(example.owner.name)
            )
            fields += self.field("Eigenaar", owner)
        if example.handbook is not None:
            fields += self.field("Handboek", nodes.reference(example.handbook.title, example.handbook.title, refuri=example.handbook.url))
        if example.cost is not None:
            band = self.labels("kostenniveaus", (example.cost.band,))
            fields += self.field("Kosten", band + (f". {example.cost.note}" if example.cost.note else ""))
        return fields

    def _evidence(self, example: Example, note: list[nodes.Node]) -> list[nodes.Node]:
        evidence = example.evidence
        level = self.cat.value("bewijsniveaus", evidence.level)
        effect = self.cat.value("effectrichtingen", evidence.effect)
        result: list[nodes.Node] = [self.heading("Onderbouwing")]
        items = nodes.bullet_list(classes=["bv-evidence-list"])
        for name, value in (("Bewijsniveau", level), ("Effect", effect)):
            text = f"{value.label}. {value.definition}"
            items += nodes.list_item("", nodes.paragraph("", "", nodes.strong(f"{name}: ", f"{name}: "), nodes.Text(text)))
        if evidence.rating is not None:
            rating = evidence.rating
            paragraph = nodes.paragraph("", "", nodes.strong("Beoordeling: ", "Beoordeling: "))
            paragraph += nodes.Text(f"'{rating.label}' in ")
            paragraph += nodes.reference(rating.databank, rating.databank, refuri=rating.url)
            paragraph += nodes.Text(f" ({partial_date(rating.date)}).") if rating.date else nodes.Text(".")  # a rating may have no date
            items += nodes.list_item("", paragraph)
        if evidence.checked:
            self.use("vocab", "databanken")
            names = ", ".join(self.cat.label("databanken", d) for d in evidence.checked)
            when = f" ({long_date(date.fromisoformat(evidence.checked_on))})" if evidence.checked_on and len(evidence.checked_on) == 10 else ""
            text = f"{names}{when}."
            items += nodes.list_item("", nodes.paragraph("", "", nodes.strong("Gezocht in: ", "Gezocht in: "), nodes.Text(text)))
        result.append(items)
        result.extend(note)
        return result


_FILTER_OPTIONS = {facet.option: key for key, facet in FACETS.items()}
"""Option of ``bv:examples`` → facet of ``Catalog.filter`` (every facet, from the declarations)."""


class ExamplesDirective(BvDirective):
    """``bv:examples``: a list of examples (title and summary), filtered like ``Catalog.filter``:
    AND across the options (one per facet: ``:direction:``, ``:phase:``, ``:location:``,
    ``:target-group:``, ``:form:``, ``:cause:``, ``:dividing-line:``, ``:evidence:``, ...);
    several values in one option (separated by commas or spaces) mean OR."""

    option_spec: ClassVar = dict.fromkeys(_FILTER_OPTIONS, directives.unchanged_required)

    def run(self) -> list[nodes.Node]:
        filters = {facet: re.split(r"[\s,]+", self.options[option].strip()) for option, facet in _FILTER_OPTIONS.items() if option in self.options}
        self.use("list", json.dumps(filters, sort_keys=True))
        try:
            found = self.cat.filter(**filters)
        except UnknownValueError as exc:
            warn(BvWarning.UNKNOWN_VALUE, f"bv:examples: {exc}", self.get_location())
            return []
        if not found:
            return [nodes.paragraph("Geen voorbeelden gevonden.", "Geen voorbeelden gevonden.", classes=["bv-empty"])]
        listing = nodes.bullet_list(classes=["bv-examples"])
        for example in sorted(found, key=lambda e: e.title.casefold()):
            title = nodes.paragraph("", "", nodes.strong("", "", self.link(example.id, example.title)))
            summary = nodes.paragraph(example.summary, example.summary, classes=["bv-summary"])
            listing += nodes.list_item("", title, summary)
        return [nodes.paragraph(count(len(found)), count(len(found)) + ":", classes=["bv-count"]), listing]


class FilterOptionsDirective(BvDirective):
    """``bv:filter-options``: the filter options of ``bv:examples`` as a definition list (option,
    the facet's Dutch label, its valid values), derived from the facet declarations; for the
    developer documentation of a site, so that it never falls behind the registry."""

    option_spec: ClassVar = {}

    def run(self) -> list[nodes.Node]:
        listing = nodes.definition_list(classes=["bv-filter-options"])
        for option, key in _FILTER_OPTIONS.items():
            facet = FACETS[key]
            if facet.vocabulary is None:
                self.use("directions")
            else:
                self.use("vocab", facet.vocabulary)
            values = self.cat.valid_values(key)
            body = nodes.paragraph("", f"{facet.label}: ")
            body += self.joined([nodes.literal(value, value) for value in values])
            term = nodes.term("", "", nodes.literal(f":{option}:", f":{option}:"))
            listing += nodes.definition_list_item("", term, nodes.definition("", body))
        return [listing]


class DirectionDirective(BvDirective):
    """``bv:direction ID``: a solution direction with its summary and description."""

    kind = "direction"
    required_arguments = 1
    option_spec: ClassVar = dict(BvDirective.common_options)

    def run(self) -> list[nodes.Node]:
        direction: Direction | None = self.lookup(self.arguments[0])
        if direction is None:
            return []
        box = nodes.container(classes=["bv-object", "bv-direction"])
        self.declare(box, direction, direction.title)
        box += self.title(direction.title)
        box += nodes.paragraph(direction.summary, direction.summary, classes=["bv-summary"])
        box += self.markdown(direction.description)
        return [box]


class StepDirective(BvDirective):
    """``bv:step ID``: a step of the step plan: purpose, who takes part, outputs, its checklists."""

    kind = "step"
    required_arguments = 1
    option_spec: ClassVar = dict(BvDirective.common_options)

    def run(self) -> list[nodes.Node]:
        step: Step | None = self.lookup(self.arguments[0])
        if step is None:
            return []
        title = f"Stap {step.number}: {step.title}"
        box = nodes.container(classes=["bv-object", "bv-step"])
        self.declare(box, step, title)
        box += self.title(title)
        box += nodes.paragraph(step.purpose, step.purpose, classes=["bv-summary"])
        box += self.heading("Wie zitten er aan tafel?")
        box += nodes.bullet_list("", *(nodes.list_item("", nodes.paragraph(p, p)) for p in step.participants))
        box += self.heading("Wat levert deze stap op?")
        box += nodes.bullet_list("", *(nodes.list_item("", nodes.paragraph(o, o)) for o in step.outputs))
        box += self.heading("Toelichting")
        box += self.markdown(step.description, depth=2)
        self.use("checklists", step.id)
        checklists = self.cat.checklists_for(step.id)
        if checklists:
            box += self.heading("Checklists bij deze stap")
            listing = nodes.enumerated_list(classes=["bv-checklists"])
            for checklist in checklists:
                name = nodes.paragraph("", "", nodes.strong("", "", self.link(checklist.id, checklist.title)))
                listing += nodes.list_item("", name, nodes.paragraph(checklist.purpose, checklist.purpose))
            box += listing
        return [box]


class ChecklistDirective(BvDirective):
    """``bv:checklist ID``: the questions of a checklist, laid out to fill in on paper."""

    kind = "checklist"
    required_arguments = 1
    option_spec: ClassVar = dict(BvDirective.common_options)

    def run(self) -> list[nodes.Node]:
        checklist: Checklist | None = self.lookup(self.arguments[0])
        if checklist is None:
            return []
        box = nodes.container(classes=["bv-object", "bv-checklist"])
        self.declare(box, checklist, checklist.title)
        self.domain.note_read(("page", "analysis"))  # the link to its part of the analysis form
        box += self.title(checklist.title)
        box += nodes.paragraph(checklist.purpose, checklist.purpose, classes=["bv-summary"])
        box += nodes.field_list("", self.field("Hoort bij", self.link(checklist.step)), classes=["bv-fields"])
        box += nodes.paragraph(_PRINT_HINT, _PRINT_HINT, classes=["bv-print-hint"])
        box += nodes.container("", *(nodes.paragraph(f, f) for f in _PRINT_FIELDS), classes=["bv-print-fields"])
        questions = nodes.enumerated_list(classes=["bv-questions"])
        for item in checklist.items:
            questions += self._question(item)
        box += questions
        return [box]

    def _question(self, item: ChecklistItem) -> nodes.list_item:
        entry = nodes.list_item(classes=["bv-question", f"bv-kind-{item.kind.replace('_', '-')}"])
        self.declare(entry, item, item.question, kind="item")
        entry += nodes.paragraph("", "", nodes.strong(item.question, item.question))
        hint = ANSWER_HINTS[item.kind]
        if item.scale is not None:
            hint += f": {item.scale.min} ({item.scale.low_label}) tot {item.scale.max} ({item.scale.high_label})"
        entry += nodes.paragraph(hint, hint, classes=["bv-answer-hint"])
        if item.vocabulary is not None:
            self.use("vocab", item.vocabulary)
            options = nodes.bullet_list(classes=["bv-options"])
            for value in self.cat.vocabulary(item.vocabulary).values:
                options += nodes.list_item("", nodes.paragraph(value.label, value.label))
            entry += options
            # on paper: a line for an answer the list lacks
            entry += nodes.paragraph(OTHER_ANSWER, OTHER_ANSWER, classes=["bv-other", "bv-print-only"])
        elif item.kind == "yes_no":
            entry += _inline_options(["Ja", "Nee"])
        elif item.scale is not None:
            entry += _inline_options([str(n) for n in range(item.scale.min, item.scale.max + 1)])
        else:
            entry += nodes.container(classes=["bv-answer-lines"])
        if item.help:
            entry += nodes.paragraph("", "", nodes.emphasis(item.help, item.help), classes=["bv-help"])
        return entry


def _inline_options(labels: list[str]) -> nodes.bullet_list:
    return nodes.bullet_list("", *(nodes.list_item("", nodes.paragraph(t, t)) for t in labels), classes=["bv-options", "bv-inline"])


_PRINT_HINT = "Tip: druk deze checklist af en vul hem samen in tijdens het buurtoverleg. Hij past op A4-papier."
_PRINT_FIELDS = ("Datum", "Buurt", "Aanwezigen")
"""Blanks at the top of a printed checklist (shown in print only)."""


class VocabularyDirective(BvDirective):
    """``bv:vocabulary ID``: the values of a controlled vocabulary with their definitions."""

    required_arguments = 1
    option_spec: ClassVar = {}

    def run(self) -> list[nodes.Node]:
        self.use("vocab", self.arguments[0])
        try:
            vocabulary = self.cat.vocabulary(self.arguments[0])
        except UnknownValueError as exc:
            warn(BvWarning.UNKNOWN_ID, f"bv:vocabulary: {exc}", self.get_location())
            return []
        listing = nodes.definition_list(classes=["bv-vocabulary"])
        for value in vocabulary.values:
            listing += nodes.definition_list_item(
                "", nodes.term(value.label, value.label), nodes.definition("", nodes.paragraph(value.definition, value.definition))
            )
        return [listing]


class GlossaryDirective(BvDirective):
    """``bv:glossary``: every term of the glossary, in alphabetical order."""

    kind = "term"
    option_spec: ClassVar = {"no-index": directives.flag}

    def run(self) -> list[nodes.Node]:
        self.use("glossary")
        by_title = {e.title.casefold(): e.id for e in self.cat.examples}
        by_id = {e.id for e in self.cat.examples}
        listing = nodes.definition_list(classes=["bv-glossary"])
        for term in sorted(self.cat.glossary, key=lambda t: t.term.casefold()):
            # a term may link to the example of that name (bv_glossary_navigation), where it is rendered
            example = by_title.get(term.term.casefold())
            if example is None and term.id.removeprefix("begrip-") in by_id:
                example = term.id.removeprefix("begrip-")
            if example is not None:
                self.domain.note_read(("object", example))
            entry = nodes.definition_list_item()
            self.declare(entry, term, term.term)
            definition = nodes.definition("", *self.markdown(term.definition))
            if term.source is not None:
                definition += nodes.paragraph("", "", nodes.Text("Bron: "), *_source_item(term.source)[0].children)
            if term.see_also:
                definition += nodes.paragraph("", "", nodes.Text("Zie ook: "), *self.joined([self.link(i) for i in term.see_also]))
            entry += nodes.term(term.term, term.term)
            entry += definition
            listing += entry
        return [listing]
