"""A situation and the meeting's answers, checked against their catalogue; the advice functions.

The advice itself is made by ``advice._evaluate`` from the catalogue's advice table
(``advice._table``); these classes check the input, tie it to its catalogue and give the result
typed records.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal, Self

from pydantic import PrivateAttr, ValidationInfo, field_validator, model_validator

from .._loader import load
from ..catalog import Catalog, UnknownValueError
from ._answers import AnswerError, read_answers_file
from ._describe import DESCRIBED, Inference, infer
from ._evaluate import advise, evaluate, fill, read_document, report, situation_from_answers
from ._results import Declined, DirectionAdvice, ExampleAdvice, FirstStepAdvice, Gap, Gaps, LaterAdvice, Report, RunningMatch, _Frozen
from ._table import advice_table, situation_fields

__all__ = ["Advice", "Assessment", "Situation", "gaps", "recommend"]

_JUDGEMENTS = {"ja": "ja", "yes": "ja", "nee": "nee", "no": "nee", "weet-niet": "weet-niet", "weet niet": "weet-niet"}


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

    The catalogue comes from ``model_validate(data, context={"catalog": cat})`` or the
    ``for_catalog`` constructor; plain construction uses :func:`buurtverbinding.load`. The
    catalogue is kept (``.catalog``), so the advice is always made against the one that checked
    the values. A failed check raises the package's own error, not a pydantic ``ValidationError``.
    """

    _catalog: Any = PrivateAttr(default=None)

    def __init__(self, /, **data: Any) -> None:
        try:
            super().__init__(**data)
        except _Rejected as exc:
            raise exc.error from None

    # As in pydantic's own RootModel: model_validate() validates directly (keeping its context).
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

    @classmethod
    def for_catalog(cls, cat: Catalog, /, **data: Any) -> Self:
        """Built and checked against ``cat`` (use this for a catalogue other than the packaged one)."""
        return cls.model_validate(data, context={"catalog": cat})

    @model_validator(mode="after")
    def _remember_catalog(self, info: ValidationInfo) -> Self:
        self._catalog = _catalog(info.context)
        return self

    @property
    def catalog(self) -> Catalog:
        """The catalogue these values were checked against."""
        cat: Catalog = self._catalog
        return cat


class Situation(_CatalogChecked):
    """What the buurtoverleg found and decided: the input of :func:`recommend`.

    Step 2 (all optional; list fields accept one value too; every value must be in the
    vocabulary of its field, else :class:`~buurtverbinding.catalog.UnknownValueError` lists the
    valid values): ``phase``, ``forms``, ``causes``, ``dividing_lines``, ``locations``,
    ``target_groups``; ``partners`` at the table; ``budget``.

    Step 3: ``judgements`` maps a direction id to ``"ja"``, ``"nee"`` or ``"weet-niet"`` (is this
    direction needed?); ``first`` maps a first step (``basisveiligheid``) to the same answers.
    Step 4: ``policy`` maps a direction or policy topic (``signalen``) to whether current policy
    covers it; ``existing`` lists the running work (example ids, titles or common names such as
    ``jongerenwerk``).

    ``description`` is the situation in the meeting's own words; the description reader fills
    the step-2 fields that are not given, and ``inferred`` lists each value with its words.
    """

    phase: str | None = None
    forms: Sequence[str] = ()
    causes: Sequence[str] = ()
    dividing_lines: Sequence[str] = ()
    locations: Sequence[str] = ()
    target_groups: Sequence[str] = ()
    partners: Sequence[str] = ()
    """Partners available at the table."""
    existing: Sequence[str] = ()
    """Running work: example ids or titles, common names (``jongerenwerk``), or free text."""
    budget: str | None = None
    """The budget band (``laag``, ``midden``, ``hoog``), if known."""
    judgements: dict[str, Literal["ja", "nee", "weet-niet"]] = {}
    """Step 3: direction id → is it needed (``ja``, ``nee``, ``weet-niet``)."""
    first: dict[str, Literal["ja", "nee", "weet-niet"]] = {}
    """Step 3: first step id (``basisveiligheid``) → must it come first."""
    policy: dict[str, Literal["ja", "nee", "weet-niet"]] = {}
    """Step 4: direction or topic id → does current policy cover it."""
    description: str | None = None
    """The situation in free text (Dutch), e.g. "groepjes jongeren hangen 's avonds op het plein"."""
    inferred: tuple[Inference, ...] = ()
    """The values read from ``description`` that the situation uses (set by validation)."""

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

    @field_validator("forms", "causes", "dividing_lines", "locations", "target_groups", "partners", "existing")
    @classmethod
    def _frozen(cls, value: Sequence[str]) -> tuple[str, ...]:
        return tuple(value)  # a list from JSON validation too: the situation stays immutable

    @field_validator("phase", "budget", mode="before")
    @classmethod
    def _stripped(cls, value: Any) -> Any:
        return (value.strip() or None) if isinstance(value, str) else value

    @field_validator("judgements", "first", "policy", mode="before")
    @classmethod
    def _answers(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return {k: _JUDGEMENTS.get(v.strip().lower(), v) if isinstance(v, str) else v for k, v in value.items()}
        return value

    @model_validator(mode="after")
    def _in_vocabularies(self, info: ValidationInfo) -> Situation:
        cat = _catalog(info.context)
        for field, vocabulary in situation_fields().items():
            value = getattr(self, field)
            valid = cat.vocabulary(vocabulary).ids()
            for entry in (value,) if isinstance(value, str) else value or ():
                if entry not in valid:
                    raise _Rejected(UnknownValueError(field.replace("_", " "), entry, valid))
        directions = tuple(d.id for d in cat.directions)
        model = cat.advice_model[0] if cat.advice_model else None
        subjects = {
            "judgements": directions,
            "first": tuple(s.id for s in model.first_steps) if model else (),
            "policy": directions + (tuple(t.id for t in model.policy_topics) if model else ()),
        }
        for field, valid in subjects.items():
            for key in getattr(self, field):
                if key not in valid:
                    raise _Rejected(UnknownValueError(f"{field} subject", key, valid))
        return self

    def as_dict(self) -> dict[str, Any]:
        """The situation as the evaluator reads it (plain JSON)."""
        data: dict[str, Any] = {
            field: list(getattr(self, field)) for field in ("locations", "target_groups", "dividing_lines", "forms", "causes", "partners", "existing")
        }
        data.update(phase=self.phase, budget=self.budget, judgements=dict(self.judgements), first=dict(self.first), policy=dict(self.policy))
        return data

    def recommend(self, limit: int | None = None, *, catalog: Catalog | None = None) -> Advice:
        """The advice for this situation (see :func:`recommend`)."""
        if catalog is not None and catalog is not self.catalog:
            raise ValueError("this situation was checked against another catalogue; build it with Situation.for_catalog(cat, ...)")
        return recommend(self.catalog, self, limit)


class Advice(_Frozen):
    """The advice, in the guide's order: what comes first, the plan, what waits, what the
    meeting declined, matching examples, the witte vlekken and a short summary."""

    note: str
    """What the phase means for the order of the work (Dutch)."""
    summary: str
    """"Wat nu eerst": at most 120 words of plain Dutch."""
    headline: str
    """One line: what comes first and the directions of the plan."""
    first: tuple[FirstStepAdvice, ...]
    directions: tuple[DirectionAdvice, ...]
    """*Dan*: the plan, best fit first (ties by the phase's order)."""
    later: tuple[LaterAdvice, ...]
    declined: tuple[Declined, ...]
    examples: tuple[ExampleAdvice, ...]
    caveat: str
    """A caveat that holds for several examples, said once (empty when none)."""
    gaps: Gaps
    running: tuple[RunningMatch, ...]
    problems: tuple[str, ...] = ()
    """Problems with the answers (an :class:`Assessment` raises them instead)."""
    report: Report | None = None
    """The verslag, when the advice comes from answers (:meth:`Assessment.advice`)."""


def _typed(raw: dict[str, Any]) -> Advice:
    fields = set(Advice.model_fields)
    return Advice.model_validate({k: v for k, v in raw.items() if k in fields})


def recommend(cat: Catalog, situation: Situation, limit: int | None = None) -> Advice:
    """The advice for ``situation`` (see ``docs/advies.md``); ``limit`` overrides how many
    examples are listed (the model's own number by default)."""
    if not isinstance(situation, Situation):
        raise TypeError("recommend() takes a Situation; build one with bv.Situation(...) or Assessment.to_situation()")
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
        raise ValueError(f"limit must be a whole number of 1 or more (or None), not {limit!r}")
    if situation.catalog is not cat:
        raise ValueError("this situation was checked against another catalogue; build it with Situation.for_catalog(cat, ...)")
    return _typed(advise(advice_table(cat), situation.as_dict(), limit))


def gaps(cat: Catalog, situation: Situation) -> tuple[Gap, ...]:
    """The witte vlekken (empty until the situation has a step-4 answer: ``policy`` or ``existing``)."""
    return recommend(cat, situation).gaps.items


class Assessment(_CatalogChecked):
    """Answers to the checklists, keyed by question id, each checked against its question.

    ``Assessment(answers={"fase-nu": "ongemak", "locaties-gezien": ["portiek"]})``, optionally
    with ``meeting={"datum": "2026-12-07", "buurt": "...", "aanwezigen": "..."}``. Accepted answers:
    ``yes_no``: ``ja``, ``nee`` or ``weet niet`` (``yes``/``no`` and booleans too);
    ``single_choice``: one option id; ``multiple_choice``: a list of option ids;
    ``scale``: a whole number within the scale; ``text``: text. Empty answers are skipped.
    Every problem is collected into one :class:`AnswerError`, in Dutch.
    """

    answers: dict[str, str | int | tuple[str, ...]]
    """The answers in checklist order; skipped questions are absent."""
    meeting: dict[str, str] = {}
    """The meeting: ``datum`` (ISO date), ``buurt``, ``aanwezigen``."""

    @model_validator(mode="before")
    @classmethod
    def _check_answers(cls, data: Any, info: ValidationInfo) -> Any:
        if isinstance(data, Assessment):
            return data
        if not isinstance(data, dict) or "answers" not in data or set(data) - {"answers", "meeting"}:
            raise _Rejected(AnswerError(["een Assessment heeft 'answers' (vraag-id → antwoord) en eventueel 'meeting'"]))
        document = {"format": "buurtanalyse", "version": 2, "answers": data["answers"], "meeting": data.get("meeting") or {}}
        answers, meeting, problems = read_document(advice_table(_catalog(info.context)), _plain(document))
        if problems:
            raise _Rejected(AnswerError(problems))
        return {"answers": {k: tuple(v) if isinstance(v, list) else v for k, v in answers.items()}, "meeting": meeting}

    @classmethod
    def from_document(cls, document: object, cat: Catalog | None = None, source: str | None = None) -> Assessment:
        """Answers from a parsed answers document: a mapping of answers, or a saved Buurtanalyse file."""
        table = advice_table(cat or load())
        answers, meeting, problems = read_document(table, _plain(document))
        if problems:
            raise AnswerError(problems, source)
        return cls.model_validate({"answers": answers, "meeting": meeting}, context={"catalog": cat})

    @classmethod
    def from_file(cls, path: str | Path, cat: Catalog | None = None) -> Assessment:
        """Answers from a ``.json``, ``.yaml`` or ``.yml`` file (see :meth:`from_document`)."""
        return cls.from_document(read_answers_file(path), cat, str(path))

    def document(self) -> dict[str, Any]:
        """The answers as a saved Buurtanalyse document (what the page saves and opens)."""
        document: dict[str, Any] = _plain({"format": "buurtanalyse", "version": 2, "meeting": self.meeting, "answers": self.answers})
        return document

    def to_situation(self) -> Situation:
        """The situation that the answers describe, through each question's ``feeds``."""
        data = situation_from_answers(advice_table(self.catalog), _plain(self.answers))
        return Situation.model_validate(data, context={"catalog": self.catalog})

    def evaluate(self, description: str | None = None, limit: int | None = None) -> dict[str, Any]:
        """The whole advice with the verslag, as plain JSON (what ``assess --json`` prints).

        ``description`` (the situation in the meeting's own words) fills the step-2 fields that
        the answers leave empty; ``inferred`` then lists each value read from it with its words.
        """
        table = advice_table(self.catalog)
        if description is None and limit is None:
            result = evaluate(table, self.document())
            result["inferred"] = []
            return result
        situation = self.to_situation()
        if description:
            data = situation.model_dump(exclude={"inferred", "description"}, exclude_defaults=True)
            situation = Situation.model_validate({**data, "description": description}, context={"catalog": self.catalog})
        result = advise(table, situation.as_dict(), limit)
        answers = _plain(self.answers)
        result.update(problems=[], answers=answers, meeting=dict(self.meeting))
        result["report"] = report(table, result, answers, dict(self.meeting))
        result["inferred"] = [i.model_dump(mode="json") for i in situation.inferred]
        if description:
            result["report"]["sections"].insert(1, _described(table, description, situation))
        return result

    def advice(self, description: str | None = None, limit: int | None = None) -> Advice:
        """The whole advice with the verslag, typed (see :meth:`evaluate`)."""
        return _typed(self.evaluate(description, limit))


def _described(table: dict[str, Any], text: str, situation: Situation) -> dict[str, Any]:
    """The verslag's section on the description: the text, and each value read from it with its words."""
    texts = table["texts"]
    lines = [fill(texts["described_text"], {"text": " ".join(text.split())})]
    for found in situation.inferred:
        label = table["labels"][found.field].get(found.value, found.value)
        lines.append(fill(texts["described_value"], {"label": label, "field": texts[f"field_{found.field}"], "words": ", ".join(found.words)}))
    return {"heading": texts["report_described"], "lines": lines}


def _plain(value: object) -> Any:
    """JSON data (dates from YAML become ISO text, tuples lists)."""
    return json.loads(json.dumps(value, ensure_ascii=False, default=str))
