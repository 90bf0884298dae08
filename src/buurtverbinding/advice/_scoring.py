"""The scoring behind :func:`buurtverbinding.advice.recommend` and :func:`~buurtverbinding.advice.gaps`.

The method is described in the docstring of :mod:`buurtverbinding.advice` and, in Dutch, in
``docs/advies.md``; the numbers are content (``content/advies/``), compiled into the catalogue
and read through :func:`._rules.rules_of`. The browser's Buurtanalyse (``sphinx/static/bv-analysis.js``)
implements the same method on the same compiled rules; a test keeps the two equal.

:func:`_score_example` is the one definition of an example's score, reasons and caveats. To stay
fast on a large catalogue, :func:`_ranked` first computes every example's score as plain
integers from an :class:`_Index` built once per catalogue (the same rules, split into the parts
that depend on the example alone, on the phase, on the budget, on the called-for directions and
on the matching answers), ranks them, and only the examples that are returned are then scored
in full with their texts; :func:`_advise` checks that both give the same score.
"""

from __future__ import annotations

import heapq
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from itertools import islice
from typing import TYPE_CHECKING, NamedTuple

from ..catalog import UnknownIdError
from ..models import FACETS, Example, ExampleScoring
from . import _rules as rules
from ._results import DirectionAdvice, ExampleAdvice, ExistingMatch, Gap, Reason

if TYPE_CHECKING:
    from ..catalog import Catalog
    from ._situation import Situation


class Ranking(NamedTuple):
    notes: tuple[str, ...]
    directions: tuple[DirectionAdvice, ...]
    examples: tuple[ExampleAdvice, ...]
    existing: tuple[ExistingMatch, ...]


def _label(cat: Catalog, field: str, value: str) -> str:
    return cat.label(rules.FACET_WORDS[field][1], value)


FIELD_ORDER = tuple(facet.feeds for facet in FACETS if facet.feeds)
"""The situation fields in the order of the facet declarations: the order of an example's reasons."""


def _matched_fields(scoring: ExampleScoring) -> tuple[str, ...]:
    """The situation fields compared with an example's values (with match points or a mismatch
    penalty), in :data:`FIELD_ORDER`, whatever the order of the compiled rules."""
    return tuple(f for f in FIELD_ORDER if f in scoring.match or f in scoring.mismatch)


def _offered(example: Example, field: str) -> set[str]:
    offered = set(getattr(example, field))
    if field == "target_groups":
        offered |= set(example.intermediate_groups)
    return offered


def _quoted(cat: Catalog, field: str, values: tuple[str, ...] | list[str]) -> str:
    return ", ".join(f"'{_label(cat, field, v)}'" for v in values)


def _direction_scores(cat: Catalog, situation: Situation) -> tuple[DirectionAdvice, ...]:
    found: dict[str, list[Reason]] = {d.id: [] for d in cat.directions}
    book = rules.rules_of(cat)
    if situation.phase:
        label = _label(cat, "phase", situation.phase)
        for direction, (points, why) in book.phase.get(situation.phase, {}).items():
            if direction in found:
                found[direction].append(Reason(text=f"fase '{label}': {why}", points=points, field="phase", values=(situation.phase,)))
    for field, table in book.facets.items():
        word = rules.FACET_WORDS[field][0]
        for value in getattr(situation, field):
            for direction, (points, why) in table.get(value, {}).items():
                if direction in found:
                    text = f"{word} '{_label(cat, field, value)}' {why}"
                    found[direction].append(Reason(text=text, points=points, field=field, values=(value,)))
    scored = []
    for record in cat.directions:
        reasons = tuple(sorted(found[record.id], key=lambda r: -r.points))
        score = sum(r.points for r in reasons)
        scored.append(DirectionAdvice(direction=record, score=score, reasons=reasons, called_for=score >= book.called_for))
    return tuple(sorted(scored, key=lambda d: (-d.score, d.direction.number)))


def _phase_index(cat: Catalog, phase: str) -> int:
    return cat.vocabulary("fasen").ids().index(phase)


def _score_example(cat: Catalog, situation: Situation, example: Example, directions: tuple[DirectionAdvice, ...]) -> ExampleAdvice | None:
    reasons: list[Reason] = []
    caveats: list[Reason] = []
    fits = False
    book = rules.rules_of(cat)
    s = book.scoring
    if situation.phase:
        label = _label(cat, "phase", situation.phase)
        if situation.phase in example.phases:
            reasons.append(Reason(text=f"fase '{label}' past bij dit voorbeeld", points=s.phase_match, field="phase", values=(situation.phase,)))
            fits = True
        else:
            distance = min(abs(_phase_index(cat, situation.phase) - _phase_index(cat, p)) for p in example.phases)
            points = s.phase_adjacent if distance == 1 else s.phase_far
            caveats.append(
                Reason(
                    text=f"fase '{label}' past niet: dit voorbeeld is bedoeld voor {_quoted(cat, 'phase', example.phases)}",
                    points=points,
                    field="phase",
                    values=(situation.phase,),
                )
            )
    title = cat.get(example.direction).short_title  # type: ignore[union-attr]
    held_back = book.held_back(situation.phase, example.direction)
    if held_back:
        caveats.append(
            Reason(text=f"richting '{title}' komt in deze fase later: {held_back[1]}", points=held_back[0], field="phase", values=(situation.phase or "",))
        )
    called = [d for d in directions if d.called_for]
    if called:
        secondary = [d.direction for d in called if d.direction.id in example.secondary_directions]
        if example.direction == called[0].direction.id:
            reasons.append(
                Reason(text=f"hoort bij richting '{title}', die bovenaan staat", points=s.top_direction, field="direction", values=(example.direction,))
            )
        elif example.direction in {d.direction.id for d in called}:
            reasons.append(
                Reason(text=f"hoort bij richting '{title}', die ook nodig is", points=s.called_direction, field="direction", values=(example.direction,))
            )
        elif secondary:
            names = ", ".join(f"'{d.short_title}'" for d in secondary)
            reasons.append(
                Reason(text=f"draagt ook bij aan richting {names}", points=s.secondary_direction, field="direction", values=tuple(d.id for d in secondary))
            )
        fits = fits or any(r.field == "direction" for r in reasons)
    for field in _matched_fields(s):
        offered = _offered(example, field)
        wanted = getattr(situation, field)
        matched = [v for v in wanted if v in offered]
        if matched and field in s.match:
            word = rules.FACET_WORDS[field][0]
            noun = word if len(matched) == 1 else rules.FACET_PLURALS[field]
            verb = "past" if len(matched) == 1 else "passen"
            reasons.append(
                Reason(
                    text=f"{noun} {_quoted(cat, field, matched)} {verb} bij dit voorbeeld",
                    points=s.match[field] * min(len(matched), s.match_cap),
                    field=field,
                    values=tuple(matched),
                )
            )
            fits = True
        elif wanted and offered and not matched and field in s.mismatch:
            order = cat.vocabulary(rules.FACET_WORDS[field][1]).ids()
            meant = sorted(offered, key=order.index)
            caveats.append(
                Reason(
                    text=f"bedoeld voor andere {rules.FACET_PLURALS[field]}: {_quoted(cat, field, meant)}",
                    points=s.mismatch[field],
                    field=field,
                    values=tuple(wanted),
                )
            )
    if not fits:
        return None
    if situation.partners and example.partners:
        present = [p for p in example.partners if p in situation.partners]
        missing = [p for p in example.partners if p not in situation.partners]
        if present:
            who = "partner" if len(present) == 1 else "partners"
            sits = "zit" if len(present) == 1 else "zitten"
            reasons.append(
                Reason(
                    text=f"{who} {_quoted(cat, 'partners', present)} {sits} al aan tafel",
                    points=s.partner * min(len(present), s.partner_cap),
                    field="partners",
                    values=tuple(present),
                )
            )
        if missing:
            caveats.append(Reason(text=f"nodig, maar niet aan tafel: {_quoted(cat, 'partners', missing)}", field="partners", values=tuple(missing)))
    if situation.budget:
        budget = _label(cat, "budget", situation.budget)
        if example.cost is None:
            caveats.append(Reason(text="kosten onbekend", field="budget", values=(situation.budget,)))
        else:
            bands = cat.vocabulary("kostenniveaus").ids()
            cost = cat.label("kostenniveaus", example.cost.band)
            if bands.index(example.cost.band) > bands.index(situation.budget):
                caveats.append(
                    Reason(text=f"kosten '{cost}' liggen boven het budget '{budget}'", points=s.over_budget, field="budget", values=(situation.budget,))
                )
            else:
                reasons.append(
                    Reason(text=f"kosten '{cost}' passen binnen het budget '{budget}'", points=s.within_budget, field="budget", values=(situation.budget,))
                )
    level, effect = example.evidence.level, example.evidence.effect
    level_label, effect_label = cat.label("bewijsniveaus", level), cat.label("effectrichtingen", effect).lower()
    if cat.value("bewijsniveaus", level).rated:
        reasons.append(Reason(text=f"beoordeeld als '{level_label}'", points=s.evidence.get(level, 0), field="evidence", values=(level,)))
    else:
        caveats.append(Reason(text="niet beoordeeld door een databank of erkenningscommissie", field="evidence", values=(level,)))
    points = s.effect.get(effect, 0)
    target = reasons if points > 0 else caveats
    target.append(Reason(text=f"effect volgens de bronnen: {effect_label}", points=points, field="effect", values=(effect,)))
    score = sum(r.points for r in (*reasons, *caveats))
    return ExampleAdvice(example=example, score=score, reasons=tuple(reasons), caveats=tuple(caveats), evidence_level=level, effect=effect)


def _share_of_words(text: str, example: Example) -> float:
    """Which share of the words of ``text`` occur in the example (stemmed, parts of compounds too)."""
    from .._search import terms

    wanted = set(terms(text))
    if not wanted:
        return 0.0
    sections = example.sections
    found = set(terms(" ".join((example.title, example.summary, example.organisation, sections.background, sections.approach))))
    hits = [w for w in wanted if w in found or (len(w) >= 4 and any(w in f for f in found))]
    return len(hits) / len(wanted)


def match_existing(cat: Catalog, situation: Situation) -> tuple[ExistingMatch, ...]:
    titles = _index(cat).titles if situation.existing else {}
    matches = []
    for entry in situation.existing:
        try:
            record = cat.get(entry)
        except UnknownIdError:
            record = None
        if isinstance(record, Example):
            matches.append(ExistingMatch(entry=entry, example=record, how="id"))
        elif entry.casefold() in titles:
            matches.append(ExistingMatch(entry=entry, example=titles[entry.casefold()], how="title"))
        else:
            hits = cat.search(entry, limit=2)
            clear = (
                bool(hits)
                and hits[0].score >= rules.SEARCH_MIN_SCORE
                and (len(hits) == 1 or hits[0].score >= rules.SEARCH_MARGIN * hits[1].score)
                and _share_of_words(entry, hits[0].example) >= rules.SEARCH_MIN_SHARE
            )
            hit = hits[0].example if clear else None
            matches.append(ExistingMatch(entry=entry, example=hit, how="search" if hit else None))
    return tuple(matches)


# --- the fast path ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Index:
    """Every example's part of the score as plain integers, for ranking without building texts.

    Examples are numbered by their place in ``cat.examples``. A ranking key is
    ``-score * len(examples) + tie``, where ``tie`` is the example's place when all examples are
    ordered by evidence (strongest first) and then id: sorting the keys sorts by score, then
    evidence, then id, and ``key % len(examples)`` gives back the example.
    """

    fixed: tuple[int, ...]
    """The key without the situation: evidence and effect points, and the tie-breaker."""
    by_tie: tuple[int, ...]
    """Example number for each tie-breaker place."""
    phase_points: dict[str, tuple[int, ...]]
    """Phase → points per example: fits, adjacent or far, and a direction the phase holds back."""
    phase_fits: dict[str, frozenset[int]]
    """Phase → the examples meant for that phase."""
    budget_points: dict[str, tuple[int, ...]]
    """Budget band → points per example: within or above the budget, or unknown cost."""
    kinds: tuple[int, ...]
    """Per example: its direction kind, a number for (primary direction, secondary directions)."""
    kind_shapes: tuple[tuple[str, frozenset[str]], ...]
    kind_members: tuple[tuple[int, ...], ...]
    postings: dict[str, dict[str, tuple[int, ...]]]
    """Situation field → value → the examples offering it (``partners``: once per mention)."""
    numbers: dict[str, int]
    """Example id → number."""
    titles: dict[str, Example]
    """Casefolded title → example, for ``existing`` entries given by title."""
    zeros: tuple[int, ...]
    having: dict[str, frozenset[int]]
    """Situation field with a mismatch penalty → the examples that name any value of it."""


_indexes: dict[int, tuple[weakref.ref[Catalog], _Index]] = {}


def _index(cat: Catalog) -> _Index:
    """The index of ``cat``: built on first use and kept as long as the catalogue lives."""
    key = id(cat)
    cached = _indexes.get(key)
    if cached is not None and cached[0]() is cat:
        return cached[1]
    index = _build_index(cat)

    def forget(ref: weakref.ref[Catalog]) -> None:
        if _indexes.get(key, (None,))[0] is ref:
            del _indexes[key]

    _indexes[key] = (weakref.ref(cat, forget), index)
    return index


def _build_index(cat: Catalog) -> _Index:
    examples = cat.examples
    count = len(examples)
    book = rules.rules_of(cat)
    s = book.scoring
    phases = cat.vocabulary("fasen").ids()
    bands = cat.vocabulary("kostenniveaus").ids()
    evidence = {level: number for number, level in enumerate(cat.vocabulary("bewijsniveaus").ids())}
    order = sorted(range(count), key=lambda n: (-evidence.get(examples[n].evidence.level, 0), examples[n].id))
    tie = [0] * count
    for place, number in enumerate(order):
        tie[number] = place
    fixed = tuple(-(s.evidence.get(e.evidence.level, 0) + s.effect.get(e.evidence.effect, 0)) * count + tie[n] for n, e in enumerate(examples))
    phase_points: dict[str, tuple[int, ...]] = {}
    for at, phase in enumerate(phases):
        points = []
        for e in examples:
            if phase in e.phases:
                fit = s.phase_match
            else:
                fit = s.phase_adjacent if min(abs(at - phases.index(p)) for p in e.phases) == 1 else s.phase_far
            held_back = book.held_back(phase, e.direction)
            points.append(fit + (held_back[0] if held_back else 0))
        phase_points[phase] = tuple(points)
    budget_points = {
        budget: tuple(0 if e.cost is None else s.over_budget if bands.index(e.cost.band) > at else s.within_budget for e in examples)
        for at, budget in enumerate(bands)
    }
    shapes: dict[tuple[str, frozenset[str]], int] = {}
    kinds = tuple(shapes.setdefault((e.direction, frozenset(e.secondary_directions)), len(shapes)) for e in examples)
    members: list[list[int]] = [[] for _ in shapes]
    for number, kind in enumerate(kinds):
        members[kind].append(number)
    fields = _matched_fields(s)
    postings: dict[str, dict[str, list[int]]] = {field: {} for field in (*fields, "partners")}
    for number, e in enumerate(examples):
        for field in fields:
            for value in _offered(e, field):
                postings[field].setdefault(value, []).append(number)
        for value in e.partners:
            postings["partners"].setdefault(value, []).append(number)
    return _Index(
        fixed=fixed,
        by_tie=tuple(order),
        phase_points=phase_points,
        phase_fits={phase: frozenset(n for n, e in enumerate(examples) if phase in e.phases) for phase in phases},
        budget_points=budget_points,
        kinds=kinds,
        kind_shapes=tuple(shapes),
        kind_members=tuple(tuple(m) for m in members),
        postings={field: {value: tuple(numbers) for value, numbers in table.items()} for field, table in postings.items()},
        numbers={e.id: n for n, e in enumerate(examples)},
        titles={e.title.casefold(): e for e in examples},
        zeros=(0,) * count,
        having={field: frozenset(n for n, e in enumerate(examples) if _offered(e, field)) for field in s.mismatch},
    )


def _counts(table: dict[str, tuple[int, ...]], values: tuple[str, ...]) -> dict[int, int]:
    counts: dict[int, int] = {}
    for value in values:
        for number in table.get(value, ()):
            counts[number] = counts.get(number, 0) + 1
    return counts


def _ranked(cat: Catalog, situation: Situation, directions: tuple[DirectionAdvice, ...], skip: set[str], limit: int | None) -> list[tuple[int, int]]:
    """(example number, score) of the listed examples, best first: the ranking of :func:`_score_example`
    for every example not in ``skip``, computed with integers only."""
    index = _index(cat)
    s = rules.rules_of(cat).scoring
    count = len(index.fixed)
    extra: dict[int, int] = {}
    fits: set[int] = set()
    for field in _matched_fields(s):
        wanted = getattr(situation, field)
        counts = _counts(index.postings[field], wanted)
        if field in s.match:
            points = s.match[field]
            for number, matched in counts.items():
                extra[number] = extra.get(number, 0) + points * min(matched, s.match_cap)
            fits.update(counts)
        if wanted and field in s.mismatch:
            penalty = s.mismatch[field]
            for number in index.having[field].difference(counts):
                extra[number] = extra.get(number, 0) + penalty
    for number, present in _counts(index.postings["partners"], situation.partners).items():
        extra[number] = extra.get(number, 0) + s.partner * min(present, s.partner_cap)
    called = [d.direction.id for d in directions if d.called_for]
    kind_points = [0] * len(index.kind_shapes)
    if called:
        for kind, (primary, secondary) in enumerate(index.kind_shapes):
            if primary == called[0]:
                kind_points[kind] = s.top_direction
            elif primary in called:
                kind_points[kind] = s.called_direction
            elif not secondary.isdisjoint(called):
                kind_points[kind] = s.secondary_direction
            if kind_points[kind]:
                fits.update(index.kind_members[kind])
    phase = index.phase_points[situation.phase] if situation.phase else index.zeros
    if situation.phase:
        fits |= index.phase_fits[situation.phase]
    budget = index.budget_points[situation.budget] if situation.budget else index.zeros
    fits.difference_update(index.numbers[i] for i in skip)
    fixed, kinds, more = index.fixed, index.kinds, extra.get
    keys = [fixed[n] - (phase[n] + budget[n] + kind_points[kinds[n]] + more(n, 0)) * count for n in fits]
    keys = heapq.nsmallest(limit, keys) if limit else sorted(keys)
    return [(index.by_tie[key % count], -(key // count)) for key in keys]


def _rank(cat: Catalog, situation: Situation, limit: int | None) -> tuple[tuple[DirectionAdvice, ...], tuple[ExistingMatch, ...], list[tuple[int, int]]]:
    directions = _direction_scores(cat, situation)
    existing = match_existing(cat, situation)
    in_place = {m.example.id for m in existing if m.example is not None and m.how in ("id", "title")}
    return directions, existing, _ranked(cat, situation, directions, in_place, limit)


def _advise(
    cat: Catalog, situation: Situation, directions: tuple[DirectionAdvice, ...], existing: tuple[ExistingMatch, ...], number: int, score: int
) -> ExampleAdvice:
    """The full advice for one ranked example, with its texts."""
    example = cat.examples[number]
    advice = _score_example(cat, situation, example, directions)
    if advice is None or advice.score != score:
        raise AssertionError(f"the fast ranking and the full scoring disagree about '{example.id}'")
    maybe = {m.example.id: m.entry for m in existing if m.example is not None and m.how == "search"}
    if example.id in maybe:
        note = Reason(
            text=f"loopt misschien al: '{maybe[example.id]}' lijkt op dit voorbeeld (gevonden via zoeken)", field="existing", values=(maybe[example.id],)
        )
        advice = advice.model_copy(update={"caveats": (*advice.caveats, note)})
    return advice


WAIT_PREFIX = "Nog even wachten: "
"""Opens the first reason of a witte vlek whose direction the current phase holds back."""

NO_PHASE_NOTE = "De fase is niet ingevuld. De fase weegt zwaar in dit advies; vul die in als het kan."


def _notes(cat: Catalog, situation: Situation) -> tuple[str, ...]:
    if not situation.phase:
        return (NO_PHASE_NOTE,)
    notes = rules.rules_of(cat).notes
    return (notes[situation.phase],) if situation.phase in notes else ()


def recommend(cat: Catalog, situation: Situation, limit: int | None) -> Ranking:
    """The parts of the advice: notes, ranked directions, ranked examples, what is in place."""
    directions, existing, ranked = _rank(cat, situation, limit)
    examples = tuple(_advise(cat, situation, directions, existing, number, score) for number, score in ranked)
    return Ranking(_notes(cat, situation), directions, examples, existing)


def gaps(cat: Catalog, situation: Situation) -> tuple[Gap, ...]:
    directions, existing, ranked = _rank(cat, situation, None)

    def suggest(wanted: Callable[[Example], bool]) -> tuple[ExampleAdvice, ...]:
        """The first three ranked examples that are ``wanted``, in full."""
        picked = islice(((n, s) for n, s in ranked if wanted(cat.examples[n])), 3)
        return tuple(_advise(cat, situation, directions, existing, n, s) for n, s in picked)

    known = [m for m in existing if m.example is not None]
    unknown = [m.entry for m in existing if m.example is None]
    covered = {d for m in known for d in m.example.directions}  # type: ignore[union-attr]
    if known:
        parts = []
        for m in known:
            ex = m.example
            assert ex is not None
            how = "" if m.how != "search" else f" (vrije tekst '{m.entry}', via zoeken gekoppeld; controleer dit)"
            parts.append(f"'{ex.title}' ({', '.join(cat.get(d).short_title for d in ex.directions)}){how}")  # type: ignore[union-attr]
        in_place = "Wat er al loopt: " + "; ".join(parts) + "."
    else:
        in_place = "Er is geen bestaand aanbod opgegeven."
    if unknown:
        in_place += " Niet herkend en niet meegeteld: " + ", ".join(f"'{e}'" for e in unknown) + "."
    found: list[Gap] = []
    later: list[Gap] = []
    book = rules.rules_of(cat)
    for direction in directions:
        if not direction.called_for or direction.direction.id in covered:
            continue
        why = "; ".join([r.text for r in direction.reasons if r.points > 0][:3])
        reasons: tuple[str, ...] = (
            f"De situatie vraagt om richting '{direction.direction.short_title}' ({direction.score} punten): {why}.",
            f"Geen van de lopende activiteiten hoort bij deze richting. {in_place}" if known else in_place,
        )
        held_back = book.held_back(situation.phase, direction.direction.id)
        if held_back:  # the phase rule and the gap must not contradict each other: say when to start
            label = _label(cat, "phase", situation.phase or "")
            reasons = (f"{WAIT_PREFIX}{held_back[1]} (fase '{label}', {held_back[0]} punten). Begin hiermee als de fase dat toelaat.", *reasons)
        suggestions = suggest(partial(_primary_is, direction.direction.id))
        (later if held_back else found).append(Gap(kind="direction", direction=direction.direction, reasons=reasons, suggestions=suggestions))
    found += later
    if situation.phase and known and not any(situation.phase in m.example.phases for m in known):  # type: ignore[union-attr]
        label = _label(cat, "phase", situation.phase)
        phases = sorted({p for m in known for p in m.example.phases}, key=lambda p: _phase_index(cat, p))  # type: ignore[union-attr]
        reasons = (
            f"De buurt zit in fase '{label}', maar wat er loopt is bedoeld voor {_quoted(cat, 'phase', phases)}.",
            in_place,
        )
        suggestions = suggest(lambda e: situation.phase in e.phases)
        found.append(Gap(kind="phase", phase=situation.phase, reasons=reasons, suggestions=suggestions))
    return tuple(found)


def _primary_is(direction: str, example: Example) -> bool:
    return example.direction == direction
