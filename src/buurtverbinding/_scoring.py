"""The scoring behind :func:`buurtverbinding.advice.recommend` and :func:`~buurtverbinding.advice.gaps`.

The method is described in the docstring of :mod:`buurtverbinding.advice` and, in Dutch, in
``docs/advies.md``; the numbers live in :mod:`buurtverbinding._advice_rules`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import _advice_rules as rules
from .advice import Advice, DirectionAdvice, ExampleAdvice, ExistingMatch, Gap, Reason, Situation
from .catalog import UnknownIdError
from .models import Example

if TYPE_CHECKING:
    from .catalog import Catalog


def _label(cat: Catalog, field: str, value: str) -> str:
    return cat.label(rules.FACET_WORDS[field][1], value)


def _quoted(cat: Catalog, field: str, values: tuple[str, ...] | list[str]) -> str:
    return ", ".join(f"'{_label(cat, field, v)}'" for v in values)


def _direction_scores(cat: Catalog, situation: Situation) -> tuple[DirectionAdvice, ...]:
    found: dict[str, list[Reason]] = {d.id: [] for d in cat.directions}
    if situation.phase:
        label = _label(cat, "phase", situation.phase)
        for direction, (points, why) in rules.PHASE_RULES.get(situation.phase, {}).items():
            if direction in found:
                found[direction].append(Reason(text=f"fase '{label}': {why}", points=points, field="phase", values=(situation.phase,)))
    for field, table in rules.FACET_RULES.items():
        word, _, why = rules.FACET_WORDS[field]
        for value in getattr(situation, field):
            for direction, points in table.get(value, {}).items():
                if direction in found:
                    text = f"{word} '{_label(cat, field, value)}' {why}"
                    found[direction].append(Reason(text=text, points=points, field=field, values=(value,)))
    scored = []
    for direction in cat.directions:
        reasons = tuple(sorted(found[direction.id], key=lambda r: -r.points))
        score = sum(r.points for r in reasons)
        scored.append(DirectionAdvice(direction=direction, score=score, reasons=reasons, called_for=score >= rules.CALLED_FOR))
    return tuple(sorted(scored, key=lambda d: (-d.score, d.direction.number)))


def _phase_index(cat: Catalog, phase: str) -> int:
    return cat.vocabulary("fasen").ids().index(phase)


def _score_example(cat: Catalog, situation: Situation, example: Example, directions: tuple[DirectionAdvice, ...]) -> ExampleAdvice | None:
    reasons: list[Reason] = []
    caveats: list[Reason] = []
    fits = False
    if situation.phase:
        label = _label(cat, "phase", situation.phase)
        if situation.phase in example.phases:
            reasons.append(Reason(text=f"fase '{label}' past bij dit voorbeeld", points=rules.PHASE_MATCH, field="phase", values=(situation.phase,)))
            fits = True
        else:
            distance = min(abs(_phase_index(cat, situation.phase) - _phase_index(cat, p)) for p in example.phases)
            points = 0 if distance == 1 else rules.PHASE_FAR
            caveats.append(Reason(text=f"fase '{label}' past niet: dit voorbeeld is bedoeld voor {_quoted(cat, 'phase', example.phases)}", points=points, field="phase", values=(situation.phase,)))
    title = cat.get(example.direction).short_title  # type: ignore[union-attr]
    held_back = rules.PHASE_RULES.get(situation.phase or "", {}).get(example.direction)
    if held_back and held_back[0] < 0:
        caveats.append(Reason(text=f"richting '{title}' komt in deze fase later: {held_back[1]}", points=held_back[0], field="phase", values=(situation.phase or "",)))
    called = [d for d in directions if d.called_for]
    if called:
        secondary = [d.direction for d in called if d.direction.id in example.secondary_directions]
        if example.direction == called[0].direction.id:
            reasons.append(Reason(text=f"hoort bij richting '{title}', die bovenaan staat", points=rules.TOP_DIRECTION, field="direction", values=(example.direction,)))
        elif example.direction in {d.direction.id for d in called}:
            reasons.append(Reason(text=f"hoort bij richting '{title}', die ook nodig is", points=rules.CALLED_DIRECTION, field="direction", values=(example.direction,)))
        elif secondary:
            names = ", ".join(f"'{d.short_title}'" for d in secondary)
            reasons.append(Reason(text=f"draagt ook bij aan richting {names}", points=rules.SECONDARY_DIRECTION, field="direction", values=tuple(d.id for d in secondary)))
        fits = fits or any(r.field == "direction" for r in reasons)
    for field, points in rules.MATCH_POINTS.items():
        offered = set(getattr(example, field))
        if field == "target_groups":
            offered |= set(example.intermediate_groups)
        matched = [v for v in getattr(situation, field) if v in offered]
        if matched:
            word = rules.FACET_WORDS[field][0]
            noun = word if len(matched) == 1 else {"plek": "plekken", "vorm": "vormen", "oorzaak": "oorzaken", "scheidslijn": "scheidslijnen", "groep": "groepen"}[word]
            verb = "past" if len(matched) == 1 else "passen"
            reasons.append(Reason(text=f"{noun} {_quoted(cat, field, matched)} {verb} bij dit voorbeeld", points=points * min(len(matched), rules.MATCH_CAP), field=field, values=tuple(matched)))
            fits = True
    if not fits:
        return None
    if situation.partners and example.partners:
        present = [p for p in example.partners if p in situation.partners]
        missing = [p for p in example.partners if p not in situation.partners]
        if present:
            who = "partner" if len(present) == 1 else "partners"
            sits = "zit" if len(present) == 1 else "zitten"
            reasons.append(Reason(text=f"{who} {_quoted(cat, 'partners', present)} {sits} al aan tafel", points=rules.PARTNER_POINTS * min(len(present), rules.PARTNER_CAP), field="partners", values=tuple(present)))
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
                caveats.append(Reason(text=f"kosten '{cost}' liggen boven het budget '{budget}'", points=rules.OVER_BUDGET, field="budget", values=(situation.budget,)))
            else:
                reasons.append(Reason(text=f"kosten '{cost}' passen binnen het budget '{budget}'", points=rules.WITHIN_BUDGET, field="budget", values=(situation.budget,)))
    level, effect = example.evidence.level, example.evidence.effect
    level_label, effect_label = cat.label("bewijsniveaus", level), cat.label("effectrichtingen", effect).lower()
    if level in rules.EVIDENCE_POINTS:
        reasons.append(Reason(text=f"beoordeeld als '{level_label}'", points=rules.EVIDENCE_POINTS[level], field="evidence", values=(level,)))
    else:
        caveats.append(Reason(text="niet beoordeeld door een databank of erkenningscommissie", field="evidence", values=(level,)))
    points = rules.EFFECT_POINTS.get(effect, 0)
    target = reasons if points > 0 else caveats
    target.append(Reason(text=f"effect volgens de bronnen: {effect_label}", points=points, field="effect", values=(effect,)))
    score = sum(r.points for r in (*reasons, *caveats))
    return ExampleAdvice(example=example, score=score, reasons=tuple(reasons), caveats=tuple(caveats), evidence_level=level, effect=effect)


def _share_of_words(text: str, example: Example) -> float:
    """Which share of the words of ``text`` occur in the example (stemmed, parts of compounds too)."""
    from ._search import terms

    wanted = set(terms(text))
    if not wanted:
        return 0.0
    sections = example.sections
    found = set(terms(" ".join((example.title, example.summary, example.organisation, sections.background, sections.approach))))
    hits = [w for w in wanted if w in found or (len(w) >= 4 and any(w in f for f in found))]
    return len(hits) / len(wanted)


def match_existing(cat: Catalog, situation: Situation) -> tuple[ExistingMatch, ...]:
    titles = {e.title.casefold(): e for e in cat.examples}
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


def recommend(cat: Catalog, situation: Situation, limit: int | None) -> Advice:
    directions = _direction_scores(cat, situation)
    existing = match_existing(cat, situation)
    in_place = {m.example.id for m in existing if m.example is not None and m.how in ("id", "title")}
    maybe = {m.example.id: m.entry for m in existing if m.example is not None and m.how == "search"}
    scored = []
    for example in cat.examples:
        if example.id in in_place:
            continue
        advice = _score_example(cat, situation, example, directions)
        if advice is None:
            continue
        if example.id in maybe:
            note = Reason(text=f"loopt misschien al: '{maybe[example.id]}' lijkt op dit voorbeeld (gevonden via zoeken)", field="existing", values=(maybe[example.id],))
            advice = advice.model_copy(update={"caveats": (*advice.caveats, note)})
        scored.append(advice)
    evidence = {level: number for number, level in enumerate(cat.vocabulary("bewijsniveaus").ids())}
    scored.sort(key=lambda a: (-a.score, -evidence.get(a.evidence_level, 0), a.example.id))
    notes = (rules.PHASE_NOTES[situation.phase],) if situation.phase in rules.PHASE_NOTES else ()
    if not situation.phase:
        notes = ("De fase is niet ingevuld. De fase weegt zwaar in dit advies; vul die in als het kan.",)
    return Advice(situation=situation, notes=notes, directions=directions, examples=tuple(scored[:limit] if limit else scored), existing=existing)


def gaps(cat: Catalog, situation: Situation) -> tuple[Gap, ...]:
    advice = recommend(cat, situation, limit=None)
    known = [m for m in advice.existing if m.example is not None]
    unknown = [m.entry for m in advice.existing if m.example is None]
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
    found = []
    for direction in advice.directions:
        if not direction.called_for or direction.direction.id in covered:
            continue
        why = "; ".join([r.text for r in direction.reasons if r.points > 0][:3])
        reasons = (
            f"De situatie vraagt om richting '{direction.direction.short_title}' ({direction.score} punten): {why}.",
            f"Geen van de lopende activiteiten hoort bij deze richting. {in_place}" if known else in_place,
        )
        suggestions = tuple(a for a in advice.examples if a.example.direction == direction.direction.id)[:3]
        found.append(Gap(kind="direction", direction=direction.direction, reasons=reasons, suggestions=suggestions))
    if situation.phase and known and not any(situation.phase in m.example.phases for m in known):  # type: ignore[union-attr]
        label = _label(cat, "phase", situation.phase)
        phases = sorted({p for m in known for p in m.example.phases}, key=lambda p: _phase_index(cat, p))  # type: ignore[union-attr]
        reasons = (
            f"De buurt zit in fase '{label}', maar wat er loopt is bedoeld voor {_quoted(cat, 'phase', phases)}.",
            in_place,
        )
        suggestions = tuple(a for a in advice.examples if situation.phase in a.example.phases)[:3]
        found.append(Gap(kind="phase", phase=situation.phase, reasons=reasons, suggestions=suggestions))
    return tuple(found)
