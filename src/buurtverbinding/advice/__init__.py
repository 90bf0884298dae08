"""From the analysis of a buurtoverleg to advice: directions, examples and witte vlekken.

::

    import buurtverbinding as bv
    cat = bv.load()
    situation = bv.Situation(phase="ongemak", locations=["portiek"], dividing_lines=["oud-nieuw"])
    advice = cat.recommend(situation, limit=5)
    advice.directions[0].direction.id      # 'woonomgeving'
    advice.examples[0].reasons             # why this example fits
    cat.gaps(situation)                    # the witte vlekken

How the scores are made (the same method is explained in Dutch in ``docs/advies.md``):

**Directions.** Every answer can give a direction points, by the rules in
``buurtverbinding.advice._rules``: the phase (at ``rust`` and ``ongemak`` prevention and
contact — woonomgeving and ontmoeting — come first; at ``incidenten`` basic safety and
de-escalation, and meeting activities are held back), the places (portiek → woonomgeving,
straat and plein → ontmoeting, school → jeugd, gemeente → gemeente), the groups (kinderen and
jongeren → jeugd), the forms and the causes. The score is the sum; every rule that applied is
a :class:`Reason` with its points. Directions with at least
3 points (``CALLED_FOR``) are *called for*.

**Examples.** Each example gets points for the phase (3 when it fits, −3 when it is meant for a
phase two steps away), its direction (3 when its primary direction is the top direction, 2 when
it is another called-for direction, 1 when only a secondary direction is called for), every
matching place, form and cause (2 each) and group and dividing line (1 each; at most two values
count per field), partners it needs who are already at the table (1 each, at most 2), its cost
within the budget (1; above the budget −2), the databank rating (1–2) and the effect the sources
report (positive 1, none −2, negative −3). An example whose primary direction the phase holds
back loses the same points as that direction (at ``incidenten`` −3 for ontmoeting). Caveats
name what is unknown or does not fit. An example needs at least one point from the phase, its
direction or a matching answer to be listed at all; examples already in place (``existing``,
by id or exact title) are left out. Ties are broken by evidence, then by id: the advice is
deterministic.

**Witte vlekken.** A called-for direction that none of the ``existing`` examples covers (as
primary or secondary direction) is a gap, and so is the current phase when nothing in place is
meant for it. Free text in ``existing`` is matched to the closest example with the catalogue's
search, and only when the best hit is clear (a high score, well ahead of the next hit, holding at
least half of the words); the reason says so, because such a match is a guess.
"""

from __future__ import annotations

from ._answers import AnswerError
from ._describe import Inference
from ._results import DirectionAdvice, ExampleAdvice, ExistingMatch, Gap, Reason
from ._situation import Advice, Assessment, Situation, gaps, match_existing, recommend

__all__ = [
    "Advice",
    "AnswerError",
    "Assessment",
    "DirectionAdvice",
    "ExampleAdvice",
    "ExistingMatch",
    "Gap",
    "Inference",
    "Reason",
    "Situation",
    "gaps",
    "match_existing",
    "recommend",
]
