"""From the analysis of a buurtoverleg to advice, in the order of the guide's step plan.

::

    import buurtverbinding as bv
    cat = bv.load()
    situation = bv.Situation(phase="incidenten", locations=["plein"], target_groups=["jongeren"])
    advice = bv.recommend(cat, situation)
    advice.first[0].title             # 'Basisveiligheid herstellen': Eerst, by the phase
    advice.directions[0].id           # 'jeugd': Dan, the plan, best fit first
    advice.later[0].id                # 'ontmoeting': waits in this phase
    advice.summary                    # "Wat nu eerst", in Dutch

The model (``content/advies/``, explained in Dutch on the site's page *Hoe het advies tot stand
komt*): step 2 suggests directions by fit; the phase sets what comes first and what waits; the
meeting's step-3 answers put directions in or out of the plan; step 4 shows the witte vlekken.
One table (``advice_table``) is read by two evaluators: ``advice._evaluate`` here and
``bv-advice.js`` on the page. ``tests/advice-cases/`` holds them to the same output.
"""

from __future__ import annotations

from ._answers import AnswerError
from ._describe import Inference
from ._results import Declined, DirectionAdvice, ExampleAdvice, FirstStepAdvice, Gap, Gaps, LaterAdvice, Report, ReportSection, RunningMatch
from ._situation import Advice, Assessment, Situation, gaps, recommend

__all__ = [
    "Advice",
    "AnswerError",
    "Assessment",
    "Declined",
    "DirectionAdvice",
    "ExampleAdvice",
    "FirstStepAdvice",
    "Gap",
    "Gaps",
    "Inference",
    "LaterAdvice",
    "Report",
    "ReportSection",
    "RunningMatch",
    "Situation",
    "gaps",
    "recommend",
]
