"""From a free-text description of the situation to vocabulary values, with the words they came from.

``Situation(description="groepjes jongeren hangen 's avonds op het plein, ...")`` runs the
description through the search analyser (:mod:`buurtverbinding._search`: the same stemming,
compounds and synonyms from ``content/synoniemen.yaml``) against a small index of the
vocabulary values that describe a neighbourhood: every value of the phases, places, groups,
forms, causes and dividing lines is one document, its Dutch label the title and its definition
the summary. A value is inferred when the words that match it score at least
:data:`THRESHOLD` (a label word on its own does; a single common word of a definition does not);
the phase is the best-scoring phase above it. Every inference keeps the words it came from, so a
professional can check it and correct it by giving the value explicitly — explicit values win.
"""

from __future__ import annotations

import threading
import weakref
from typing import TYPE_CHECKING

from .._search import SearchIndex
from ..models import FACETS
from ._results import _Frozen

if TYPE_CHECKING:
    from ..catalog import Catalog

__all__ = ["DESCRIBED", "Inference", "THRESHOLD", "infer"]

DESCRIBED: dict[str, str] = {
    facet.feeds: facet.vocabulary for facet in FACETS if facet.feeds and facet.vocabulary and facet.answer and facet.feeds not in ("partners", "budget")
}
"""Situation field → vocabulary, for the fields a description can fill (derived from the facet
registry). Partners (who sits at the table) and the budget are not a description of the
neighbourhood, so a description never sets them."""

DEFINITION_FIELD = "summary"
"""The search field that holds a value's definition: weaker than its label (see ``_search.FIELD_WEIGHTS``)."""

THRESHOLD = 5.0
"""The least score of the matching words for a value to be inferred (tuned on the train cases)."""


class Inference(_Frozen):
    """One value read from the description, and the words of the description it came from."""

    field: str
    """The situation field, e.g. ``target_groups``."""
    value: str
    """The vocabulary value id, e.g. ``jongeren``."""
    words: tuple[str, ...]
    """The words of the description (lower case, without accents) that point to the value."""
    score: float
    """How strongly the words point to the value (at least ``THRESHOLD``, 5)."""


_lock = threading.Lock()
_indexes: dict[int, tuple[weakref.ref[Catalog], SearchIndex, list[tuple[str, str]]]] = {}


def _index(cat: Catalog) -> tuple[SearchIndex, list[tuple[str, str]]]:
    with _lock:
        cached = _indexes.get(id(cat))
        if cached is not None and cached[0]() is cat:
            return cached[1], cached[2]
        entries: list[tuple[str, str]] = []
        documents = []
        for field, vocabulary in DESCRIBED.items():
            for value in cat.vocabulary(vocabulary).values:
                entries.append((field, value.id))
                documents.append({"title": [value.label], DEFINITION_FIELD: [value.definition]})
        index = SearchIndex.build(documents, [s.words for s in cat.synonyms])
        key = id(cat)

        def forget(_: weakref.ref[Catalog]) -> None:
            _indexes.pop(key, None)

        _indexes[key] = (weakref.ref(cat, forget), index, entries)
        return index, entries


def infer(cat: Catalog, text: str) -> tuple[Inference, ...]:
    """The values that ``text`` describes, by field in :data:`DESCRIBED` order, best first within a
    field; the phase gives at most one value."""
    index, entries = _index(cat)
    found: dict[str, list[Inference]] = {field: [] for field in DESCRIBED}
    for number, matched in index.contributions(text).items():
        score = sum(value for _, value in matched)
        if score >= THRESHOLD:
            field, value = entries[number]
            words = tuple(word for word, _ in sorted(matched, key=lambda item: -item[1]))
            found[field].append(Inference(field=field, value=value, words=words, score=round(score, 3)))
    result: list[Inference] = []
    order = {entry: n for n, entry in enumerate(entries)}
    for field, inferences in found.items():
        inferences.sort(key=lambda i: (-i.score, order[(i.field, i.value)]))
        result.extend(inferences[:1] if field == "phase" else inferences)
    return tuple(result)
