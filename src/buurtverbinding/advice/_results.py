"""The advice as typed records: the same content as the evaluator's plain JSON (``assess --json``
and the page), one field per key."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

__all__ = [
    "Declined",
    "DirectionAdvice",
    "ExampleAdvice",
    "FirstStepAdvice",
    "Gap",
    "Gaps",
    "LaterAdvice",
    "Report",
    "ReportSection",
    "RunningMatch",
]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class FirstStepAdvice(_Frozen):
    """*Eerst*: a step that comes before the directions (by the phase, or the meeting's choice)."""

    id: str
    title: str
    text: str
    reason: str


class DirectionAdvice(_Frozen):
    """*Dan*: a direction in the plan. ``fit`` is how well the step-2 analysis points to it;
    ``source`` says whether the analysis, the meeting (a "ja" in step 3) or both put it there."""

    id: str
    title: str
    fit: int
    source: Literal["analysis", "meeting", "both"]
    reason: str


class LaterAdvice(_Frozen):
    """*Later*: a direction that waits in this phase, with the reason to wait."""

    id: str
    title: str
    fit: int
    reason: str
    why: str


class Declined(_Frozen):
    """A direction or first step that the meeting answered "nee" to; the reason says when the
    analysis points to it strongly all the same."""

    id: str
    title: str
    fit: int
    kind: Literal["direction", "step"]
    reason: str


class ExampleAdvice(_Frozen):
    """A practical example that matches the situation on its core (groups, dividing lines,
    forms or causes); ``score`` orders the list, ``reason`` says what matched."""

    id: str
    title: str
    direction: str
    score: int
    reason: str
    caveats: tuple[str, ...]


class Gap(_Frozen):
    """A witte vlek: a direction of the plan (or a step-4 topic) that current policy and running
    work do not cover (``status="nee"``) or of which that is not known (``"onbekend"``), with
    example ids that could fill it."""

    id: str
    title: str
    status: Literal["nee", "onbekend"]
    reason: str
    examples: tuple[str, ...]


class Gaps(_Frozen):
    """The witte vlekken: ``pending`` until step 4 has an answer, then ``done`` with the items."""

    status: Literal["pending", "done"]
    text: str
    items: tuple[Gap, ...]


class RunningMatch(_Frozen):
    """How one entry of running work was read: a catalogue example, a common name, or not recognised."""

    entry: str
    example: str | None
    directions: tuple[str, ...]
    text: str


class ReportSection(_Frozen):
    heading: str
    lines: tuple[str, ...]


class Report(_Frozen):
    """The verslag: title, the meeting's lines (datum, buurt, aanwezigen) and the sections."""

    title: str
    meeting: tuple[str, ...]
    sections: tuple[ReportSection, ...]
