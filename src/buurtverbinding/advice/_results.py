"""The results of the advice: directions and examples with their reasons, and witte vlekken."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from ..models import Direction, Example

__all__ = ["DirectionAdvice", "ExampleAdvice", "ExistingMatch", "Gap", "Reason"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Reason(_Frozen):
    """One step of a score: a Dutch sentence, the points it adds (may be 0 or negative) and the
    situation field and values it comes from."""

    text: str
    points: int = 0
    field: str | None = None
    values: tuple[str, ...] = ()

    def __str__(self) -> str:
        return self.text


class DirectionAdvice(_Frozen):
    """A direction with its score; ``called_for`` when the score reaches the threshold."""

    direction: Direction
    score: int
    reasons: tuple[Reason, ...]
    called_for: bool


class ExampleAdvice(_Frozen):
    """A recommended example: score, reasons (what matched), caveats (what is unknown or does not
    fit) and the evidence level (a ``bewijsniveaus`` id). ``score`` is the sum of the points of
    the reasons and the caveats."""

    example: Example
    score: int
    reasons: tuple[Reason, ...]
    caveats: tuple[Reason, ...]
    evidence_level: str
    effect: str


class ExistingMatch(_Frozen):
    """How an ``existing`` entry was understood: ``how`` is ``id``, ``title``, ``search`` (a
    guess from free text) or ``None`` (not recognised)."""

    entry: str
    example: Example | None
    how: Literal["id", "title", "search"] | None


class Gap(_Frozen):
    """A witte vlek: a direction (``kind="direction"``) or the current phase (``kind="phase"``)
    that the situation calls for and nothing in place covers, with reasons and suggestions."""

    kind: Literal["direction", "phase"]
    direction: Direction | None = None
    phase: str | None = None
    reasons: tuple[str, ...]
    suggestions: tuple[ExampleAdvice, ...]
