"""The catalogue: all records, with lookups by id, facet filters and search.

Get the one shared instance with :func:`buurtverbinding.load`. Indexes for ``get`` and
``filter`` are built once when the catalogue is created; the search index on first search.
"""

from __future__ import annotations

import gc
import re
import threading
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, runtime_checkable

from pydantic import BaseModel, ConfigDict, PrivateAttr, field_validator

from ._search import SearchIndex, documents, normalise
from .models import FACETS as EXAMPLE_FACETS
from .models import (
    AdviceModel,
    AdviceRules,
    Checklist,
    ChecklistItem,
    DescriptionCues,
    Direction,
    Example,
    Facet,
    Retirement,
    Step,
    Synonym,
    Term,
    Vocabulary,
    VocabularyValue,
)

if TYPE_CHECKING:
    from ._compare import Comparison
    from .advice import Advice, Gap, Situation

__all__ = ["CATALOG_FORMAT", "FACETS", "Catalog", "SearchHit", "SearchResult", "UnknownIdError", "UnknownValueError", "UnknownVocabularyError"]

CATALOG_FORMAT = 3
"""The layout of the compiled ``catalog.json``; the loader reads only this format."""

Record = Direction | Example | Step | Checklist | ChecklistItem | Term | Vocabulary | AdviceRules | AdviceModel
_R = TypeVar("_R")
_NONE: frozenset[int] = frozenset()


def _kind_name(kind: type) -> str:
    """How messages name a kind of record: ``ChecklistItem`` → ``checklist item``."""
    return "advice rule set" if kind is AdviceRules else re.sub(r"(?<!^)(?=[A-Z])", " ", kind.__name__).lower()


def _a(word: str) -> str:
    return f"{'an' if word[:1] in ('a', 'e', 'i', 'o', 'u') else 'a'} {word}"


FACETS: dict[str, Facet] = {facet.key: facet for facet in EXAMPLE_FACETS if facet.filter}
"""Filter keyword → its :class:`~buurtverbinding.models.Facet` (derived from the declarations on
:class:`Example`). ``direction`` matches the primary and the secondary directions of an example."""


class UnknownIdError(KeyError):
    """No object (of the kind asked for) has this id. ``suggestions`` holds the closest ids.

    ``kind`` is the kind a typed look-up asked for (``"example"``; ``None`` for :meth:`Catalog.get`)
    and ``found`` the kind of the object that does have the id, when it is another kind.
    """

    def __init__(self, identifier: str, suggestions: Iterable[str], kind: str | None = None, found: str | None = None) -> None:
        self.id = identifier
        self.suggestions = tuple(suggestions)
        self.kind = kind
        self.found = found
        super().__init__(identifier)

    def __str__(self) -> str:
        what = self.kind or "object"
        hint = f"; closest {what} ids: " if self.kind else "; closest ids: "
        hint = hint + ", ".join(self.suggestions) if self.suggestions else ""
        if self.found:
            return f"'{self.id}' is {_a(self.found)}, not {_a(what)}{hint}"
        return f"no {what} with id '{self.id}'{hint}"


class UnknownVocabularyError(UnknownIdError, ValueError):
    """No vocabulary has this id: an :class:`UnknownIdError` that is also a ``ValueError``
    (what :meth:`Catalog.vocabulary` raised before it became a typed look-up)."""


class UnknownValueError(ValueError):
    """A value outside its vocabulary. ``valid`` lists the values that are allowed."""

    def __init__(self, facet: str, value: object, valid: Iterable[str]) -> None:
        self.facet = facet
        self.value = value
        self.valid = tuple(valid)
        from difflib import get_close_matches  # only on this error path: not at import

        close = get_close_matches(str(value), self.valid, n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        super().__init__(f"unknown {facet} '{value}'; {hint}valid values: {', '.join(self.valid)}")


@dataclass(frozen=True)
class SearchHit:
    """One search result: the example and its relevance score (higher is better)."""

    example: Example
    score: float


@dataclass(frozen=True)
class SearchResult:
    """The hits of :meth:`Catalog.search_with_suggestions` and how the query was understood."""

    query: str
    hits: tuple[SearchHit, ...]
    corrections: dict[str, str]
    """Query word → the catalogue word searched instead (a typing error): ``{"buurtbemidelling": "buurtbemiddeling"}``."""
    suggestions: tuple[str, ...] = ()
    """Close catalogue words, given when the search found nothing."""

    @property
    def did_you_mean(self) -> str | None:
        """The query with its corrections applied ("bedoelde u: ..."), or ``None`` without corrections."""
        if not self.corrections:
            return None
        return re.sub(r"[^\W_]+", lambda m: self.corrections.get(normalise(m.group(0)), m.group(0)), self.query)


class Catalog(BaseModel):
    """Every record of the catalogue, in order, with query methods."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    format_version: int
    version: str
    """The content version (the package version is ``buurtverbinding.__version__``)."""
    title: str
    directions: tuple[Direction, ...]
    steps: tuple[Step, ...]
    checklists: tuple[Checklist, ...]
    examples: tuple[Example, ...]
    glossary: tuple[Term, ...]
    vocabularies: tuple[Vocabulary, ...]
    retired: tuple[Retirement, ...] = ()
    """Ids that left the catalogue, each with its replacement; they are never reused."""
    synonyms: tuple[Synonym, ...] = ()
    """Groups of words that search treats as the same (``content/synoniemen.yaml``)."""
    advice_rules: tuple[AdviceRules, ...] = ()
    """The fit rules per situation field (``content/advies/regels-*.yaml``), in their order."""
    advice_model: tuple[AdviceModel, ...] = ()
    """The advice model (``content/advies/model.yaml``): phase order, thresholds, sentences."""
    description_cues: tuple[DescriptionCues, ...] = ()
    """How a description is read: cue phrases per situation value (one table, ``beschrijving``)."""

    _by_id: dict[str, Record] = PrivateAttr(default_factory=dict)
    _retired: dict[str, Retirement] = PrivateAttr(default_factory=dict)
    _values: dict[tuple[str, str], VocabularyValue] = PrivateAttr(default_factory=dict)
    _facets: dict[str, dict[str, frozenset[int]]] = PrivateAttr(default_factory=dict)
    _valid: dict[str, frozenset[str]] = PrivateAttr(default_factory=dict)
    _facets_lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)
    _search_lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)
    _index: SearchIndex | None = PrivateAttr(default=None)
    _search_data: Callable[[], dict[str, Any] | None] | None = PrivateAttr(default=None)

    @field_validator("format_version")
    @classmethod
    def _supported(cls, value: int) -> int:
        if value != CATALOG_FORMAT:
            raise ValueError(f"catalog format {value} is not supported by this version of buurtverbinding (it reads format {CATALOG_FORMAT})")
        return value

    def model_post_init(self, context: Any, /) -> None:
        by_id: dict[str, Record] = {}
        for group in (self.directions, self.steps, self.checklists, self.examples, self.glossary, self.vocabularies, self.advice_rules, self.advice_model):
            for record in group:
                by_id[record.id] = record
        for checklist in self.checklists:
            for item in checklist.items:
                by_id[item.id] = item
        self._by_id = by_id
        self._retired = {r.id: r for r in self.retired}
        values: dict[tuple[str, str], VocabularyValue] = {}
        for vocabulary in self.vocabularies:
            for entry in vocabulary.values:
                values.setdefault((vocabulary.id, entry.id), entry)
        self._values = values

    # --- lookups --------------------------------------------------------------------------

    def get(self, identifier: str) -> Record:
        """Any object by id: example, direction, step, checklist, checklist item, term, vocabulary
        or advice rule set (``regels-plekken``, ``advies-model``).

        A retired id gives its replacement, with a ``DeprecationWarning`` that names both.
        Raises :class:`UnknownIdError` (a ``KeyError``) naming the closest ids. The typed
        look-ups (:meth:`example`, :meth:`direction`, ...) return one kind, with its own type.
        """
        return self._lookup(identifier, None)

    def example(self, identifier: str) -> Example:
        """The example with this id (typed :meth:`get`: an id of another kind is an :class:`UnknownIdError`)."""
        return self._lookup(identifier, Example)

    def direction(self, identifier: str) -> Direction:
        """The direction (richting) with this id, e.g. ``"ontmoeting"``."""
        return self._lookup(identifier, Direction)

    def step(self, identifier: str) -> Step:
        """The step of the step plan with this id, e.g. ``"stap-2"``."""
        return self._lookup(identifier, Step)

    def checklist(self, identifier: str) -> Checklist:
        """The checklist with this id."""
        return self._lookup(identifier, Checklist)

    def checklist_item(self, identifier: str) -> ChecklistItem:
        """The checklist item (one question) with this id."""
        return self._lookup(identifier, ChecklistItem)

    def term(self, identifier: str) -> Term:
        """The glossary term (begrip) with this id."""
        return self._lookup(identifier, Term)

    def vocabulary(self, identifier: str) -> Vocabulary:
        """A controlled vocabulary by id, e.g. ``"fasen"``. Raises :class:`UnknownVocabularyError`
        (an :class:`UnknownIdError` that is also a ``ValueError``)."""
        return self._lookup(identifier, Vocabulary)

    def _lookup(self, identifier: str, kind: type[_R] | None) -> _R:
        """The one look-up behind :meth:`get` and the typed look-ups: retired ids resolve to their
        replacement (with a warning for the caller's line), unknown ids name the closest ids of the
        kind asked for, and ids are matched without regard to case for those suggestions."""
        try:
            record = self._by_id[identifier]
        except (KeyError, TypeError):
            retirement = self._retired.get(identifier) if isinstance(identifier, str) else None
            if retirement is None:
                raise self._unknown(identifier, kind, None) from None
            warnings.warn(f"id '{identifier}' was retired; use '{retirement.replaced_by}' instead", DeprecationWarning, stacklevel=3)
            record = self._by_id[retirement.replaced_by]
        if kind is not None and not isinstance(record, kind):
            raise self._unknown(identifier, kind, record)
        return record  # type: ignore[return-value]  # checked just above (kind None: any record)

    def _unknown(self, identifier: object, kind: type | None, found: Record | None) -> UnknownIdError:
        name = _kind_name(kind) if kind is not None else None
        candidates = list(self._by_id) if kind is None else [key for key, record in self._by_id.items() if isinstance(record, kind)]
        from difflib import get_close_matches  # only on this error path: not at import

        close = get_close_matches(str(identifier).lower(), candidates, n=3, cutoff=0.5)
        error = UnknownVocabularyError if kind is Vocabulary else UnknownIdError
        return error(str(identifier), close, name, _kind_name(type(found)) if found is not None else None)

    def __contains__(self, identifier: object) -> bool:
        return identifier in self._by_id

    def replacement(self, identifier: str) -> str | None:
        """The id that replaces a retired id, or ``None`` when ``identifier`` is not retired."""
        retirement = self._retired.get(identifier)
        return retirement.replaced_by if retirement else None

    def label(self, vocabulary: str, value: str) -> str:
        """The Dutch label of a vocabulary value (``label("fasen", "ongemak")`` → ``"Ongemak"``)."""
        return self.value(vocabulary, value).label

    def value(self, vocabulary: str, value: str) -> VocabularyValue:
        """A vocabulary value record; :class:`UnknownValueError` when it is not in the vocabulary."""
        try:
            return self._values[(vocabulary, value)]
        except (KeyError, TypeError):
            raise UnknownValueError(vocabulary, value, self.vocabulary(vocabulary).ids()) from None

    def options(self, item: ChecklistItem | str) -> tuple[VocabularyValue, ...]:
        """The answer options of a choice question (empty for other kinds)."""
        question = self.get(item) if isinstance(item, str) else item
        if not isinstance(question, ChecklistItem):
            raise TypeError(f"'{question.id}' is not a checklist item")
        return self.vocabulary(question.vocabulary).values if question.vocabulary else ()

    def checklists_for(self, step: str) -> tuple[Checklist, ...]:
        """The checklists of a step, in order."""
        self._expect(step, Step)
        return tuple(c for c in self.checklists if c.step == step)

    def direction_examples(self, direction: str, *, primary_only: bool = False) -> tuple[Example, ...]:
        """Examples of a direction: by default those with it as primary or secondary direction."""
        self._expect(direction, Direction)
        if primary_only:
            return tuple(e for e in self.examples if e.direction == direction)
        return self.filter(direction=direction)

    def _expect(self, identifier: str, kind: type) -> None:
        record = self.get(identifier)
        if not isinstance(record, kind):
            raise UnknownValueError(kind.__name__.lower(), identifier, [r.id for r in self._records_of(kind)])

    def _records_of(self, kind: type) -> tuple[Direction | Step, ...]:
        if kind is Direction:
            return self.directions
        return self.steps if kind is Step else ()

    # --- filter ---------------------------------------------------------------------------

    def _facet_index(self, facet: str) -> dict[str, frozenset[int]]:
        """Value → the numbers of the examples that have it, for one facet; each facet's index is
        built the first time a filter uses that facet (a filter on four facets builds four)."""
        index = self._facets.get(facet)
        if index is not None:
            return index
        with self._facets_lock:
            index = self._facets.get(facet)
            if index is None:
                numbers: dict[str, list[int]] = {}
                values_of = FACETS[facet].values
                for number, example in enumerate(self.examples):
                    for value in values_of(example):
                        found = numbers.get(value)
                        if found is None:
                            numbers[value] = [number]
                        else:
                            found.append(number)
                index = {value: frozenset(found) for value, found in numbers.items()}
                self._facets[facet] = index
            return index

    def valid_values(self, facet: str) -> tuple[str, ...]:
        """The values a filter facet accepts, in vocabulary order."""
        if facet not in FACETS:
            raise UnknownValueError("filter", facet, FACETS)
        vocabulary = FACETS[facet].vocabulary
        return tuple(d.id for d in self.directions) if vocabulary is None else self.vocabulary(vocabulary).ids()

    def filter(self, **facets: str | Iterable[str] | None) -> tuple[Example, ...]:
        """Examples that match every given facet (AND); within one facet a list means OR.

        ``cat.filter(direction="ontmoeting", phase="spanningen", location="plein", target_group="jongeren")``

        Facets (the keys of :data:`FACETS`): ``direction`` (primary or secondary), ``phase``,
        ``location``, ``target_group``, ``intermediate_group``, ``partner``, ``form``, ``cause``,
        ``dividing_line``, ``mechanism``, ``method``, ``theme``, ``evidence`` (the evidence level)
        and ``cost`` (the cost band). A value
        outside its vocabulary raises :class:`UnknownValueError` (a ``ValueError``) that lists
        the valid values. ``None`` means "any". Results keep catalogue order (by id).
        """
        chosen: list[frozenset[int]] = []
        for facet, wanted in facets.items():
            if wanted is None:
                continue
            valid = self._valid.get(facet)
            if valid is None:
                valid = self._valid[facet] = frozenset(self.valid_values(facet))
            values = (wanted,) if isinstance(wanted, str) else tuple(wanted)
            for value in values:
                if value not in valid:
                    raise UnknownValueError(facet.replace("_", " "), value, self.valid_values(facet))
            index = self._facet_index(facet)
            if len(values) == 1:
                chosen.append(index.get(values[0], _NONE))
            else:
                chosen.append(frozenset().union(*(index.get(value, _NONE) for value in values)))
        if not chosen:
            return self.examples
        chosen.sort(key=len)  # intersect from the smallest set: each step costs at most its size
        selected = chosen[0].intersection(*chosen[1:]) if len(chosen) > 1 else chosen[0]
        examples = self.examples
        return tuple(examples[n] for n in sorted(selected))

    # --- search ---------------------------------------------------------------------------

    def _search_index(self) -> SearchIndex:
        with self._search_lock:
            if self._index is None:
                self._index = self._load_search_index()
            return self._index

    def _load_search_index(self) -> SearchIndex:
        collecting = gc.isenabled()
        gc.disable()  # tens of thousands of new objects, none in a cycle: no reason to scan them (as in load())
        try:
            data = self._search_data() if self._search_data is not None else None
            if SearchIndex.usable(data, [e.id for e in self.examples]):
                assert data is not None
                # The postings are read only: as tuples of numbers (not JSON's lists) the garbage
                # collector stops tracking them after one look, instead of walking some 20,000 lists
                # in every full collection and at interpreter exit (measured: docs/dev/performance.md).
                data["postings"] = {stem: tuple(map(tuple, row)) for stem, row in data["postings"].items()}
                return SearchIndex.from_data(data)
        finally:
            if collecting:
                gc.enable()
        labels = {v.id: {value.id: value.label for value in v.values} for v in self.vocabularies}
        return SearchIndex.build(documents(self.examples, labels), [s.words for s in self.synonyms])

    def search(self, query: str, limit: int | None = 20) -> tuple[SearchHit, ...]:
        """Examples ranked by relevance to ``query`` (Dutch; stemming, accents ignored, compounds,
        synonyms, typing errors). :meth:`search_with_suggestions` also says which words it used."""
        return self.search_with_suggestions(query, limit).hits

    def search_with_suggestions(self, query: str, limit: int | None = 20) -> SearchResult:
        """Like :meth:`search`, with the corrections it made ("bedoelde u: buurtbemiddeling") and,
        when nothing is found, close words to try (see :class:`SearchResult`)."""
        if not isinstance(query, str):
            raise TypeError("search() takes the query as a string")
        ranked, understood = self._search_index().search_match(query, limit)
        hits = tuple(SearchHit(self.examples[n], round(score, 4)) for n, score in ranked)
        return SearchResult(query, hits, dict(understood.corrections), understood.suggestions if not hits else ())

    # --- advice and comparison --------------------------------------------------------------

    def recommend(self, situation: Situation, limit: int | None = None) -> Advice:
        """The advice for a situation checked against this catalogue (the same as
        :func:`buurtverbinding.advice.recommend`, and ``situation.recommend()``)."""
        if not isinstance(situation, _Advisable):
            raise TypeError("recommend() takes a Situation; build one with bv.Situation(...) or Assessment.to_situation()")
        return situation.recommend(limit, catalog=self)

    def gaps(self, situation: Situation) -> tuple[Gap, ...]:
        """The witte vlekken of the advice for ``situation`` (empty before any step-4 answer)."""
        return self.recommend(situation).gaps.items

    def compare(self, ids: Iterable[str]) -> Comparison:
        """The chosen examples side by side; an unknown id raises the same error as :meth:`get`."""
        from ._compare import compare  # only when asked: it is not needed to load, filter or search

        return compare(self, ids)


@runtime_checkable
class _Advisable(Protocol):
    """What :meth:`Catalog.recommend` needs of a situation (``buurtverbinding.advice.Situation``),
    without this layer importing the advice layer above it."""

    def recommend(self, limit: int | None = None, *, catalog: Catalog | None = None) -> Advice: ...


def __getattr__(name: str) -> Any:
    if name == "FORMAT_VERSION":
        warnings.warn("buurtverbinding.catalog.FORMAT_VERSION is deprecated; use CATALOG_FORMAT", DeprecationWarning, stacklevel=2)
        return CATALOG_FORMAT
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
