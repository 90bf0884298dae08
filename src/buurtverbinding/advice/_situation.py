"""A situation and the meeting's answers, checked against the catalogue; the advice functions."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Self

from pydantic import PrivateAttr, ValidationInfo, field_validator, model_validator

from .._loader import load
from ..catalog import Catalog, UnknownValueError
from ..models import FACETS, SITUATION_FEEDS
from . import _scoring
from ._answers import AnswerError, check_answers, items_in_order, read_answers_file
from ._describe import DESCRIBED, Inference, infer
from ._results import DirectionAdvice, ExampleAdvice, ExistingMatch, Gap, _Frozen

__all__ = ["Advice", "Assessment", "Situation", "gaps", "match_existing", "recommend"]

_NOUNS = {facet.feeds: facet.key.replace("_", " ") for facet in FACETS if facet.feeds}
"""Situation field → the English noun its error messages use (``dividing line``)."""
_NOUNS["budget"] = "budget"


def _catalog(context: Any) -> Catalog:
    if isinstance(context, dict) and context.get("catalog") is not None:
        given: Catalog = context["catalog"]
        return given
    return load()


def _as_tuple(value: Any) -> Any:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if isinstance(value, (list, tuple)):
        cleaned = [v.strip() if isinstance(v, str) else v for v in value]
        return tuple(dict.fromkeys(v for v in cleaned if v != ""))
    return value


class _Rejected(Exception):
    """Carries a check error through pydantic unchanged (pydantic would wrap a ``ValueError``)."""

    def __init__(self, error: ValueError) -> None:
        super().__init__(str(error))
        self.error = error


class _CatalogChecked(_Frozen):
    """A model whose values are checked against a catalogue while it is validated.

    The catalogue comes from ``model_validate(data, context={"catalog": cat})``; plain
    construction uses :func:`buurtverbinding.load`. A failed check raises the package's own
    error (:class:`~buurtverbinding.catalog.UnknownValueError`, :class:`AnswerError`), not a pydantic
    ``ValidationError``; wrong types and unknown fields still give a ``ValidationError``.
    """

    def __init__(self, /, **data: Any) -> None:
        try:
            super().__init__(**data)
        except _Rejected as exc:
            raise exc.error from None

    # As in pydantic's own RootModel: model_validate() validates directly (keeping its context)
    # instead of calling this __init__.
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]

    @classmethod
    def model_validate(cls, obj: Any, **kwargs: Any) -> Self:
        try:
            return super().model_validate(obj, **kwargs)
        except _Rejected as exc:
            raise exc.error from None

    @classmethod
    def model_validate_json(cls, json_data: Any, **kwargs: Any) -> Self:
        try:
            return super().model_validate_json(json_data, **kwargs)
        except _Rejected as exc:
            raise exc.error from None


class Situation(_CatalogChecked):
    """What the buurtoverleg found: the input of :func:`recommend` and :func:`gaps`.

    All fields are optional; list fields accept a single value too. Every value must be in the
    vocabulary of its field (``fasen``, ``vormen``, ``oorzaken``, ``scheidslijnen``,
    ``locaties``, ``doelgroepen``, ``actoren``, ``kostenniveaus``), else
    :class:`~buurtverbinding.catalog.UnknownValueError` lists the valid values. ``existing`` holds what
    is already in place: example ids, or free text.

    ``description`` is the situation in the meeting's own words. The search analyser (the same
    stemming, compounds and synonyms as :meth:`~buurtverbinding.catalog.Catalog.search`) reads the
    phase, places, groups, forms, causes and dividing lines from it, by the labels and definitions
    of their vocabularies; ``inferred`` lists each value it found as an :class:`Inference` with the
    words it came from. A field given explicitly wins: the description fills only empty fields.
    """

    phase: str | None = None
    forms: tuple[str, ...] = ()
    causes: tuple[str, ...] = ()
    dividing_lines: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()
    target_groups: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()
    """Partners available at the table."""
    existing: tuple[str, ...] = ()
    budget: str | None = None
    """The budget band (``laag``, ``midden``, ``hoog``), if known."""
    description: str | None = None
    """The situation in free text (Dutch), e.g. "groepjes jongeren hangen 's avonds op het plein"."""
    inferred: tuple[Inference, ...] = ()
    """The values read from ``description`` that the situation uses, each with its words (set by
    validation; whatever is passed in is replaced)."""

    @model_validator(mode="before")
    @classmethod
    def _read_description(cls, data: Any, info: ValidationInfo) -> Any:
        if not isinstance(data, dict):
            return data
        data = dict(data)
        text = data.get("description")
        if isinstance(text, str) and not text.strip():
            data["description"] = text = None
        if not isinstance(text, str):
            data["inferred"] = ()
            return data
        found = infer(_catalog(info.context), text)
        used: list[Inference] = []
        for field in DESCRIBED:
            given = _as_tuple(data.get(field))
            values = tuple(i.value for i in found if i.field == field)
            if not given and values:
                data[field] = values[0] if field == "phase" else values
                given = values[:1] if field == "phase" else values
            used.extend(i for i in found if i.field == field and i.value in given)
        data["inferred"] = tuple(used)
        return data

    @field_validator("forms", "causes", "dividing_lines", "locations", "target_groups", "partners", "existing", mode="before")
    @classmethod
    def _as_tuple(cls, value: Any) -> Any:
        return _as_tuple(value)

    @field_validator("phase", "budget", mode="before")
    @classmethod
    def _stripped(cls, value: Any) -> Any:
        return (value.strip() or None) if isinstance(value, str) else value

    @model_validator(mode="after")
    def _in_vocabularies(self, info: ValidationInfo) -> Situation:
        cat = _catalog(info.context)
        for field, (vocabulary, _) in SITUATION_FEEDS.items():
            value = getattr(self, field)
            valid = cat.vocabulary(vocabulary).ids()
            for entry in (value,) if isinstance(value, str) else value or ():
                if entry not in valid:
                    raise _Rejected(UnknownValueError(_NOUNS[field], entry, valid))
        return self

    # Catalog.recommend and Catalog.gaps hand the work to the situation they are given, so that
    # the catalogue never imports the advice layer above it.
    def _recommend_in(self, cat: Catalog, limit: int | None) -> Advice:
        return recommend(cat, self, limit)

    def _gaps_in(self, cat: Catalog) -> tuple[Gap, ...]:
        return gaps(cat, self)


class Assessment(_CatalogChecked):
    """Answers to the checklists, keyed by checklist item id, each checked against its question.

    ``Assessment(answers={"fase-nu": "ongemak", "locaties-gezien": ["portiek"]})``. Accepted
    answers per kind of question:

    - ``yes_no``: ``"ja"`` or ``"nee"``; ``"yes"``/``"no"`` and booleans are accepted too (YAML
      reads a bare ``yes`` as ``true``) and stored as ``"ja"``/``"nee"``;
    - ``single_choice``: one value id of the question's vocabulary, e.g. ``"ongemak"``;
    - ``multiple_choice``: a list of value ids (a single id is read as a list of one);
    - ``scale``: a whole number from the scale's ``min`` to its ``max``;
    - ``text``: a string (a number or date is kept as text, a list of strings as lines).

    An empty answer (``None``, ``""``, ``[]``) means "skipped" and is left out. Every problem —
    an unknown item, a wrong type, an option that does not exist, a number outside the scale —
    is collected into one :class:`AnswerError`. The catalogue comes from
    ``model_validate(data, context={"catalog": cat})``, else :func:`buurtverbinding.load`.
    """

    answers: dict[str, str | int | tuple[str, ...]]
    """The answers in checklist order; skipped questions are absent."""

    _catalog: Any = PrivateAttr(default=None)

    @model_validator(mode="before")
    @classmethod
    def _check_answers(cls, data: Any, info: ValidationInfo) -> Any:
        if isinstance(data, Assessment):
            return data
        if not isinstance(data, dict) or set(data) != {"answers"}:
            raise _Rejected(AnswerError(["an assessment takes one field, 'answers': a mapping of checklist item id to answer"]))
        try:
            return {"answers": check_answers(_catalog(info.context), data["answers"])}
        except AnswerError as exc:
            raise _Rejected(exc) from None

    @model_validator(mode="after")
    def _remember_catalog(self, info: ValidationInfo) -> Assessment:
        self._catalog = _catalog(info.context)
        return self

    @classmethod
    def from_file(cls, path: str | Path, cat: Catalog | None = None) -> Assessment:
        """Answers from a YAML (``.yaml``, ``.yml``) or JSON (``.json``) file: item id → answer.

        YAML needs PyYAML (the ``lint`` extra); JSON always works. Every problem is reported
        in one :class:`AnswerError`, with the file name.
        """
        data = read_answers_file(path)
        try:
            return cls.model_validate({"answers": data}, context={"catalog": cat})
        except AnswerError as exc:
            raise AnswerError(exc.problems, str(path)) from None

    def to_situation(self) -> Situation:
        """The situation that the answers describe, through each item's ``feeds``.

        Several items feeding one list field are combined. A text answer feeding ``existing``
        is split into entries at new lines, semicolons and commas.
        """
        cat = self._catalog or _catalog(None)
        data: dict[str, Any] = {}
        for _, item in items_in_order(cat):
            if item.feeds is None or item.id not in self.answers:
                continue
            answer = self.answers[item.id]
            if item.feeds == "existing":
                values: tuple[Any, ...] = tuple(part.strip(" -*\t") for part in re.split(r"[\n;,]+", str(answer)))
            else:
                values = answer if isinstance(answer, tuple) else (answer,)
            if item.feeds in ("phase", "budget"):
                data.setdefault(item.feeds, values[0])
            else:
                data[item.feeds] = (*data.get(item.feeds, ()), *values)
        return Situation.model_validate(data, context={"catalog": cat})


class Advice(_Frozen):
    """The result of :func:`recommend`."""

    situation: Situation
    notes: tuple[str, ...]
    """What the phase means for the order of the work (Dutch)."""
    directions: tuple[DirectionAdvice, ...]
    examples: tuple[ExampleAdvice, ...]
    existing: tuple[ExistingMatch, ...]


# --- the advice functions (also offered as Catalog.recommend, .gaps) ----------------------


def match_existing(cat: Catalog, situation: Situation) -> tuple[ExistingMatch, ...]:
    """How each ``existing`` entry is understood: an example id, an exact title, or free text
    matched with :meth:`~buurtverbinding.catalog.Catalog.search` (a guess, taken only when the best hit is clear) — or
    not recognised."""
    return _scoring.match_existing(cat, situation)


def recommend(cat: Catalog, situation: Situation, limit: int | None = 10) -> Advice:
    """Ranked directions and examples for ``situation``, each with reasons and caveats (see the
    module docstring for the scoring). ``limit`` caps the number of examples (``None``: all)."""
    if not isinstance(situation, Situation):
        raise TypeError("recommend() takes a Situation; build one with bv.Situation(...) or Assessment.to_situation()")
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
        raise ValueError(f"limit must be a whole number of 1 or more (or None for all), not {limit!r}")
    notes, directions, examples, existing = _scoring.recommend(cat, situation, limit)
    return Advice(situation=situation, notes=notes, directions=directions, examples=examples, existing=existing)


def gaps(cat: Catalog, situation: Situation) -> tuple[Gap, ...]:
    """The witte vlekken: called-for directions that nothing in ``existing`` covers, then the
    current phase when nothing in place is meant for it; each with reasons and up to three
    suggested examples."""
    if not isinstance(situation, Situation):
        raise TypeError("gaps() takes a Situation; build one with bv.Situation(...) or Assessment.to_situation()")
    return _scoring.gaps(cat, situation)
