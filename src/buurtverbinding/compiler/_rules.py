"""Checks across records: unique ids, references that resolve, vocabularies, required sets."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..models import EXAMPLE_VOCABULARIES, FACETS, SITUATION_FEEDS, Source
from ._advice import check_advice
from ._problems import Reporter
from ._records import Loaded
from ._source import check_markdown
from ._synonyms import check_synonyms
from ._urls import listing_page, published_by_kis, sharing_host, wiki_copy_host

REQUIRED_VOCABULARIES = (
    "fasen",
    "locaties",
    "doelgroepen",
    "vormen",
    "oorzaken",
    "scheidslijnen",
    "actoren",
    "mechanismen",
    "methoden",
    "bewijsniveaus",
    "effectrichtingen",
    "themas",
    "kis-relaties",
    "kostenniveaus",
    "databanken",
    "onderzoeksopzetten",
)
MARKDOWN_FIELDS = {"example": (("kis_note",), ("evidence", "note")), "term": (("definition",),)}
"""Fields the site renders as Markdown, besides the bodies: checked like a body (raw HTML, links)."""
DIRECTION_COUNT = 5
STEP_COUNT = 4
MEASURED_EFFECTS = ("positief", "gemengd", "geen-effect", "negatief")
"""Effects that only effect research can show: a design or evidence level with ``effect_research``."""
REPORTED_EFFECT = "ervaren-opbrengst"
"""What participants or implementers report from a study without a comparison group."""
UNKNOWN_EFFECT = "onbekend"
REVIEW_MAX_AGE_DAYS = 730
"""An example reviewed longer ago than this (two years) gets a warning (BV301)."""


def _hint(value: str, valid: list[str] | tuple[str, ...]) -> str:
    close = difflib.get_close_matches(value, valid, n=1)
    return f"did you mean '{close[0]}'? " if close else ""


def cross_check(records: dict[str, list[Loaded]], report: Reporter, today: date, published: dict[str, int], manifest: Path) -> None:
    _unique_ids(records, report)
    check_synonyms(records.get("synonym", []), report)
    for kind, fields in MARKDOWN_FIELDS.items():
        for item in records[kind]:
            for loc in fields:
                value = item.record
                for part in loc:
                    value = getattr(value, part, None)
                if value:
                    check_markdown(item.path, value, item.line(*loc), report)
    vocabularies = {item.record.id: item.record.ids() for item in records["vocabulary"]}
    effect_research = {(item.record.id, v.id) for item in records["vocabulary"] for v in item.record.values if v.effect_research}
    for name in REQUIRED_VOCABULARIES:
        if name not in vocabularies:
            report.add(report.root / "vocabulaires" / f"{name}.yaml", 1, "BV205", f"vocabulary '{name}' is missing")
    _required_set(records["direction"], DIRECTION_COUNT, "direction", report)
    _required_set(records["step"], STEP_COUNT, "step", report)

    directions = [item.record.id for item in records["direction"]]
    steps = [item.record.id for item in records["step"]]
    examples = [item.record.id for item in records["example"]]
    check_advice(records, vocabularies, directions, report)
    everything = sorted(
        {item.record.id for kind, items in records.items() if kind != "retired" for item in items}
        | {i.id for item in records["checklist"] for i in item.record.items}
    )
    _retirements(records["retired"], everything, published, manifest, report)
    for items in records.values():
        for item in items:
            _source_addresses(item, report)
    replaced = {item.record.id: item.record.replaced_by for item in records["retired"]}

    def vocab(item: Loaded, value: str, name: str, *loc: int | str) -> None:
        valid = vocabularies.get(name)
        if valid is not None and value not in valid:
            report.add(item.path, item.line(*loc), "BV104", f"'{value}' is not in vocabulary '{name}'; {_hint(value, valid)}valid values: {', '.join(valid)}")

    def ref(item: Loaded, value: str, valid: list[str], what: str, *loc: int | str) -> None:
        if value in replaced:
            report.add(item.path, item.line(*loc), "BV202", f"{what} '{value}' was retired; refer to '{replaced[value]}' instead")
        elif value not in valid and value not in report.invalid_ids:
            report.add(
                item.path,
                item.line(*loc),
                "BV202",
                f"{what} '{value}' does not exist; {_hint(value, valid)}known: {', '.join(sorted(valid)[:12])}{' ...' if len(valid) > 12 else ''}",
            )

    for item in records["example"]:
        ex = item.record
        ref(item, ex.direction, directions, "direction", "direction")
        for i, value in enumerate(ex.secondary_directions):
            ref(item, value, directions, "direction", "secondary_directions", i)
            if value == ex.direction:
                report.add(item.path, item.line("secondary_directions", i), "BV103", f"'{value}' is already the primary direction")
        for name, vocabulary in EXAMPLE_VOCABULARIES.items():
            values = getattr(ex, name)
            for i, value in enumerate(values):
                vocab(item, value, vocabulary, name, i)
            for value in {v for v in values if values.count(v) > 1}:
                report.add(item.path, item.line(name), "BV103", f"'{value}' is listed twice in '{name}'")
        vocab(item, ex.evidence.level, "bewijsniveaus", "evidence", "level")
        vocab(item, ex.evidence.effect, "effectrichtingen", "evidence", "effect")
        if ex.evidence.design is not None:
            vocab(item, ex.evidence.design, "onderzoeksopzetten", "evidence", "design")
        for i, value in enumerate(ex.evidence.checked):
            vocab(item, value, "databanken", "evidence", "checked", i)
        vocab(item, ex.kis_relation, "kis-relaties", "kis_relation")
        if ex.cost is not None:
            vocab(item, ex.cost.band, "kostenniveaus", "cost", "band")
        for i, value in enumerate(ex.related):
            ref(item, value, examples, "related example", "related", i)
            if value == ex.id:
                report.add(item.path, item.line("related", i), "BV103", "an example cannot be related to itself")
        if ex.reviewed > today:
            report.add(item.path, item.line("reviewed"), "BV108", f"review date {ex.reviewed} is in the future (today is {today})")
        elif (today - ex.reviewed).days > REVIEW_MAX_AGE_DAYS:
            report.add(
                item.path,
                item.line("reviewed"),
                "BV301",
                f"reviewed on {ex.reviewed}, {(today - ex.reviewed).days} days ago (more than two years); check the record against its sources again and update 'reviewed'",
            )
        _kis_relation(item, report)
        _connection_and_facets(item, report)
        _effect_rule(item, effect_research, report)
        _rating_source(item, report)

    feeds_seen: dict[str, str] = {}
    for item in records["checklist"]:
        checklist = item.record
        ref(item, checklist.step, steps, "step", "step")
        for i, question in enumerate(checklist.items):
            if question.vocabulary is not None and question.vocabulary not in vocabularies:
                ref(item, question.vocabulary, list(vocabularies), "vocabulary", "items", i, "vocabulary")
            if question.feeds is None or question.feeds in ("judgement", "first", "policy", "verslag"):
                continue  # what these feed is checked with the advice model (_advice.py)
            if question.feeds in feeds_seen:
                report.add(
                    item.path,
                    item.line("items", i, "feeds"),
                    "BV206",
                    f"'{question.feeds}' is already fed by item '{feeds_seen[question.feeds]}'; each situation field is fed once",
                )
            feeds_seen[question.feeds] = question.id
            needed = SITUATION_FEEDS.get(question.feeds, (None, "text"))
            if (question.vocabulary, question.kind) != needed:
                want = f"a {needed[1]} question over vocabulary '{needed[0]}'" if needed[0] else "a text question"
                report.add(item.path, item.line("items", i, "feeds"), "BV206", f"item '{question.id}' feeds '{question.feeds}', which needs {want}")

    for item in records["term"]:
        for i, value in enumerate(item.record.see_also):
            ref(item, value, everything, "id", "see_also", i)


def _sources(value: Any, loc: tuple[int | str, ...] = ()) -> Iterator[tuple[tuple[int | str, ...], Source]]:
    """Every :class:`Source` inside a record, with where it stands (``sources, 2``, ``handbook``)."""
    if isinstance(value, Source):
        yield loc, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _sources(getattr(value, name), (*loc, name))
    elif isinstance(value, tuple):
        for i, entry in enumerate(value):
            yield from _sources(entry, (*loc, i))


def _source_addresses(item: Loaded, report: Reporter) -> None:
    """BV113 and BV114: a source's ``url`` is the publisher's own page, not a copy or a listing."""
    for loc, source in _sources(item.record):
        for field in ("url", "copy_url"):
            address = getattr(source, field)
            wiki = wiki_copy_host(address) if address else None
            if wiki is not None:
                report.add(
                    item.path,
                    item.line(*loc, field),
                    "BV113",
                    f"source {field} '{address}' is on '{wiki}', a copy of Wikipedia articles that no publisher stands behind; cite the publication the fact comes from",
                )
        host = sharing_host(source.url)
        if host is not None:
            report.add(
                item.path,
                item.line(*loc, "url"),
                "BV113",
                f"source url '{source.url}' is on '{host}', a re-upload or document-sharing site, not the publisher; put the publisher's page in url and this address in copy_url",
            )
            continue
        reason = listing_page(source.url)
        if reason is not None:
            report.add(
                item.path,
                item.line(*loc, "url"),
                "BV114",
                f"source url '{source.url}' is a tag, category or search page ('{reason}'), whose contents change; link the page that states the facts",
            )


def _connection_and_facets(item: Loaded, report: Reporter) -> None:
    """BV116, BV117 and BV118: every example says why it is here, and is tagged on every required facet."""
    ex = item.record
    if ex.connection is None:
        report.add(
            item.path,
            item.line("id"),
            "BV116",
            "the example has no 'connection': say in one or two sentences, from its sources, how it works against polarisation or for connection between groups",
        )
    required = {f.key: f for f in FACETS if f.required}
    for facet in required.values():
        if not facet.values(ex) and facet.key not in ex.not_applicable:
            report.add(
                item.path,
                item.line(facet.field),
                "BV117",
                f"'{facet.field}' is empty: tag the {facet.plural} the sources support, or add '{facet.key}' to not_applicable when none applies",
            )
    for i, key in enumerate(ex.not_applicable):
        declared = required.get(key)
        if declared is None:
            report.add(
                item.path, item.line("not_applicable", i), "BV118", f"'{key}' is not a facet that can be declared not applicable; valid: {', '.join(required)}"
            )
        elif declared.values(ex):
            report.add(
                item.path,
                item.line("not_applicable", i),
                "BV118",
                f"'{key}' is declared not applicable, but '{declared.field}' has values ({', '.join(declared.values(ex))}); remove one of the two",
            )
        elif ex.not_applicable.index(key) != i:
            report.add(item.path, item.line("not_applicable", i), "BV118", f"'{key}' is listed twice in not_applicable")


def _effect_rule(item: Loaded, effect_research: set[tuple[str, str]], report: Reporter) -> None:
    """BV119: the effect agrees with the evidence level and the study design (the effect rule of content/README.md)."""
    evidence = item.record.evidence
    measured = ("bewijsniveaus", evidence.level) in effect_research or ("onderzoeksopzetten", evidence.design) in effect_research
    design = f"design '{evidence.design}'" if evidence.design else "no design"
    problem = None
    if evidence.effect in MEASURED_EFFECTS and not measured:
        problem = (
            f"effect '{evidence.effect}' needs effect research: design 'vergelijkingsgroep' (a comparison or control group) or a recognition "
            f"that rests on effect research, but the level is '{evidence.level}' with {design}; use '{REPORTED_EFFECT}' for what participants "
            f"report, or '{UNKNOWN_EFFECT}'"
        )
    elif evidence.effect == REPORTED_EFFECT and (measured or evidence.design is None):
        problem = (
            f"effect '{REPORTED_EFFECT}' is for outcomes reported in a study without a comparison group (design 'voor-en-nameting' or "
            f"'ervaringsonderzoek'); here the level is '{evidence.level}' with {design}"
            + ("; say what the effect research found" if measured else "; name the design of the study that reports it")
        )
    elif evidence.effect == UNKNOWN_EFFECT and measured:
        problem = f"effect '{UNKNOWN_EFFECT}' contradicts level '{evidence.level}' with {design}: that rests on effect research; say what it found"
    if problem is not None:
        report.add(item.path, item.line("evidence", "effect"), "BV119", problem)


def _rating_source(item: Loaded, report: Reporter) -> None:
    """BV140: a rating without a date stands on a page the example lists as a source."""
    ex = item.record
    rating = ex.evidence.rating
    if rating is not None and rating.date is None and rating.url not in {s.url for s in ex.sources}:
        report.add(
            item.path,
            item.line("evidence", "rating", "url"),
            "BV140",
            "a rating without a date must be reported by one of the example's own sources: list the page at its url among 'sources', or give the rating's date",
        )


def _kis_relation(item: Loaded, report: Reporter) -> None:
    """BV209 and BV210: the relation to the KIS guide is backed by the sources."""
    ex = item.record
    if ex.kis_relation == "kis-gelinkt" and not any(published_by_kis(s.publisher, s.url) for s in ex.sources):
        report.add(
            item.path,
            item.line("kis_relation"),
            "BV209",
            "kis_relation 'kis-gelinkt' needs a source published by KIS (a publisher naming KIS or Kennisplatform Integratie/Inclusief Samenleven, or a page on kis.nl); add that source, or use 'verwant'",
        )
    if ex.kis_relation == "bevestigd" and not any(s.in_guide for s in ex.sources):
        report.add(
            item.path,
            item.line("kis_relation"),
            "BV210",
            "kis_relation 'bevestigd' needs a source with 'in_guide: true' that shows the example is in the KIS guide; add it, or use 'kis-gelinkt' or 'verwant'",
        )


def _unique_ids(records: dict[str, list[Loaded]], report: Reporter) -> None:
    seen: dict[str, tuple[str, str]] = {}

    def claim(identifier: str, kind: str, item: Loaded, *loc: int | str) -> None:
        if identifier in seen:
            other_kind, where = seen[identifier]
            if "retired" in (kind, other_kind):
                user = other_kind if kind == "retired" else kind
                report.add(
                    item.path,
                    item.line(*loc),
                    "BV208",
                    f"retired id '{identifier}' is used again, by the {user} at {where}; retired ids are never reused: give the {user} a new id",
                )
                return
            report.add(
                item.path,
                item.line(*loc),
                "BV201",
                f"id '{identifier}' ({kind}) is already used by a {other_kind} in {where}; ids are unique across the catalogue",
            )
        else:
            seen[identifier] = (kind, f"{report.show(item.path)}:{item.line(*loc)}")

    for kind in ("direction", "step", "checklist", "example", "vocabulary", "term", "retired", "advice", "synonym"):
        for item in sorted(records.get(kind, []), key=lambda i: (str(i.path), i.loc)):
            claim(item.record.id, kind, item, "id")
            if kind == "checklist":
                for i, question in enumerate(item.record.items):
                    claim(question.id, "checklist item", item, "items", i, "id")


def _retirements(retired: list[Loaded], live: list[str], published: dict[str, int], manifest: Path, report: Reporter) -> None:
    gone = {item.record.id for item in retired}
    for item in retired:
        target = item.record.replaced_by
        if target not in live and target not in report.invalid_ids:
            report.add(
                item.path,
                item.line("replaced_by"),
                "BV202",
                f"replacement '{target}' of retired id '{item.record.id}' is not a live id; {_hint(target, live)}point it at an id that exists",
            )
    live_set = set(live) | report.invalid_ids
    if report.ids_unknown:
        return
    for identifier, line in sorted(published.items()):
        if identifier not in live_set and identifier not in gone:
            report.add(
                manifest, line, "BV207", f"published id '{identifier}' is gone; restore it, or retire it in retired.yaml with status: retired and replaced_by"
            )


def _required_set(items: list[Loaded], count: int, kind: str, report: Reporter) -> None:
    numbers = sorted(item.record.number for item in items)
    if numbers != list(range(1, count + 1)):
        folder = "richtingen" if kind == "direction" else "stappenplan"
        report.add(report.root / folder, 1, "BV205", f"expected {count} {kind}s numbered 1 to {count}, found numbers {numbers or 'none'}")
