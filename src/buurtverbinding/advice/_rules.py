"""The scoring rules of the recommender, read from the compiled catalogue (see :mod:`buurtverbinding.advice`).

The rules are content, not code: ``content/advies/*.yaml``, checked by ``lint`` (BV130–BV133),
compiled into the catalogue (``advice_rules`` and ``example_scoring``) and listed by id in the
content changelog. ``docs/advies.md`` prints them with the ``bv:advice-rules`` directive, and
the browser's Buurtanalyse evaluates the same compiled rules. This module turns them into
plain lookup tables, once per catalogue.

Points of a direction rule: 3 = this answer points clearly to the direction, 2 = it fits well,
1 = it supports the direction. A negative number holds a direction back: in a phase, it comes
later (at ``incidenten``, meeting activities wait until the conflict itself has been dealt
with). Values without a rule do not move the directions but still count when examples are
matched.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..models import FACETS, ExampleScoring

if TYPE_CHECKING:
    from ..catalog import Catalog

Rule = tuple[int, str]
"""(points, why): why ends the reason's sentence."""


@dataclass(frozen=True)
class Rules:
    """The advice rules of one catalogue as lookup tables."""

    phase: dict[str, dict[str, Rule]]
    """Phase → direction → (points, why). The phase weighs most: it decides what comes first."""
    notes: dict[str, str]
    """Phase → what it means for the order of the work; shown above the directions."""
    facets: dict[str, dict[str, dict[str, Rule]]]
    """Situation field → answer value → direction → (points, why), fields in their rule order."""
    scoring: ExampleScoring
    """How examples get their points."""

    @property
    def called_for(self) -> int:
        return self.scoring.called_for

    def held_back(self, phase: str | None, direction: str) -> Rule | None:
        """The phase rule that holds ``direction`` back in ``phase`` (negative points), if any."""
        rule = self.phase.get(phase or "", {}).get(direction)
        return rule if rule is not None and rule[0] < 0 else None


class RulesMissingError(LookupError):
    """The catalogue carries no advice rules (it was compiled without ``content/advies/``)."""


_cache: dict[int, tuple[weakref.ref[Catalog], Rules]] = {}


def rules_of(cat: Catalog) -> Rules:
    """The rules of ``cat``, built on first use and kept as long as the catalogue lives."""
    key = id(cat)
    cached = _cache.get(key)
    if cached is not None and cached[0]() is cat:
        return cached[1]
    found = _build(cat)

    def forget(ref: weakref.ref[Catalog]) -> None:
        if _cache.get(key, (None,))[0] is ref:
            del _cache[key]

    _cache[key] = (weakref.ref(cat, forget), found)
    return found


def _build(cat: Catalog) -> Rules:
    if not cat.example_scoring:
        raise RulesMissingError(
            "this catalogue has no advice rules; they are compiled from content/advies/ (regels-*.yaml): "
            "rebuild the catalogue from a content tree that has them"
        )
    phase: dict[str, dict[str, Rule]] = {}
    notes: dict[str, str] = {}
    facets: dict[str, dict[str, dict[str, Rule]]] = {}
    for rule_set in sorted(cat.advice_rules, key=lambda r: (r.order, r.id)):
        table: dict[str, dict[str, Rule]] = {}
        for rule in rule_set.rules:
            table.setdefault(rule.value, {})[rule.direction] = (rule.points, rule.why or rule_set.why or "")
        if rule_set.field == "phase":
            phase = table
            notes = {note.value: note.text for note in rule_set.notes}
        else:
            facets[rule_set.field] = table
    return Rules(phase=phase, notes=notes, facets=facets, scoring=cat.example_scoring[0])


FACET_WORDS: dict[str, tuple[str, str]] = {
    facet.feeds: (facet.singular if facet.feeds != "budget" else "budget", facet.vocabulary) for facet in FACETS if facet.feeds and facet.vocabulary
}
"""Situation field → (how a reason names one value, the vocabulary that labels it); from the
facet declarations in ``models``."""

FACET_PLURALS: dict[str, str] = {facet.feeds: facet.plural for facet in FACETS if facet.feeds}
"""Situation field → how a reason names several values (``plekken``)."""

# --- existing offer given as free text (matching, not scoring: Python only) ----------------

SEARCH_MIN_SCORE = 3.0
SEARCH_MARGIN = 1.5
SEARCH_MIN_SHARE = 0.5
"""Free text in ``existing`` counts as an example only when the best search hit scores at least
``SEARCH_MIN_SCORE``, at least ``SEARCH_MARGIN`` times the second hit, and holds at least
``SEARCH_MIN_SHARE`` of the words of the text (title, summary, background and approach);
otherwise the entry is reported as not recognised. Naming the example's id is always exact."""
