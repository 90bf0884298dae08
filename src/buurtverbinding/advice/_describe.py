"""From a free-text description of the situation to vocabulary values, with the words they came from.

The reader reads sentences, not loose words. Its table is content: ``content/advies/beschrijving.yaml``
(compiled into ``Catalog.description_cues``) gives, per situation field and vocabulary value, cue
phrases of one or more words; the negation words; what ends a clause; a stop list; and the order of
the phases, most severe first. :func:`browser_table` turns it into one JSON-ready table that both
readers interpret the same way: :func:`read` here and ``bv.describe.read`` in
``sphinx/static/bv-describe.js``. The steps:

1. **Words.** The text is lower-cased without accents (:func:`buurtverbinding._search.normalise`,
   character by character, so that every word keeps its exact place in the text) and split into
   words of letters and digits, as the search does.
2. **Clauses.** A clause ends at one of the table's ``clause_marks`` (``, ; . : ! ? ( )``) and before
   one of its ``clause_words`` (*maar*, *want*, *omdat*, *terwijl*, ...). A phrase is matched within
   one clause only.
3. **Stems.** Each word is looked up in the table's map of written forms to stems. The compiler
   makes the map when the package is built (``DescriptionCues.forms``), with the search's stemmer
   (:func:`buurtverbinding._search.stem`, ``dutch_porter`` with our plural fix): every word of
   every cue phrase, together with the regular inflections of those words to which the stemmer
   gives the same stem (*vernieling* → *vernielingen*, *ergeren* → *ergert*). Only cue words can
   make a value, so a word outside the map cannot match anything; this is why the browser needs
   no stemmer of its own and why both readers give the same result.
4. **Phrases.** A cue phrase matches when its stems appear in order in one clause, with at most
   ``max_gap`` other words between two of them ("stenen werden gegooid" matches *stenen gegooid*).
   A phrase made only of stop words never counts (lint BV138; the table leaves it out).
5. **Negation.** A negation word (*geen*, *niet*, *nooit*, *zonder*) makes every phrase after it in
   its clause not count, for the fields in ``negated_fields`` (what happens: phase, forms, causes,
   dividing lines; not who or where): "er zijn nog geen incidenten" gives no phase, while
   "niemand durft nog naar het plein" still names the plein. A negation word that is part of a
   matched phrase is that phrase's own (*durven niet aan te spreken*, *geen problemen*) and
   denies nothing else; one joined to the next word by a hyphen is part of it (*niet-westers*).
6. **Phase.** Of the phases found, the first in ``phase_order`` (the most severe) is taken.

Every inference keeps the exact words of the text it came from (the matched span, as written), so
the meeting can check it; a value given explicitly always wins (see ``Situation``).
"""

from __future__ import annotations

import re
import threading
import weakref
from typing import TYPE_CHECKING, Any

from .._search import _TOKEN, normalise, stem
from ..models import FACETS
from ._results import _Frozen

if TYPE_CHECKING:
    from ..catalog import Catalog

__all__ = ["DESCRIBED", "TABLE_FORMAT", "Inference", "browser_table", "infer", "read"]

DESCRIBED: dict[str, str] = {
    facet.feeds: facet.vocabulary for facet in FACETS if facet.feeds and facet.vocabulary and facet.answer and facet.feeds not in ("partners", "budget")
}
"""Situation field → vocabulary, for the fields a description can fill (derived from the facet
registry). Partners (who sits at the table) and the budget are not a description of the
neighbourhood, so a description never sets them."""

TABLE_FORMAT = 1
"""The layout of :func:`browser_table`'s output; ``bv-describe.js`` checks it."""

EXACT = "="
"""Written before a word of a cue phrase (``=ouders``): that word matches only as written (after
lower-casing and removing accents), not by its stem. For words the stemmer takes together while
they mean different things: *ouders* (parents), *ouderen* (the elderly) and *ouder* all stem to
``ouder``."""


class Inference(_Frozen):
    """One value read from the description, and the words of the description it came from."""

    field: str
    """The situation field, e.g. ``target_groups``."""
    value: str
    """The vocabulary value id, e.g. ``jongeren``."""
    words: tuple[str, ...]
    """The parts of the description that point to the value, exactly as written, in text order."""
    score: float
    """How many distinct parts of the description point to the value (1.0 or more)."""


# --- the table --------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return _TOKEN.findall(normalise(text))


def _build(cat: Catalog) -> dict[str, Any]:
    values = {field: cat.vocabulary(vocabulary).ids() for field, vocabulary in DESCRIBED.items()}
    table: dict[str, Any] = {
        "format": TABLE_FORMAT,
        "fields": list(DESCRIBED),
        "negations": [],
        "negated_fields": [],
        "clause_words": [],
        "clause_marks": "",
        "phase_order": [],
        "max_gap": 0,
        "phrases": [],
        "stems": {},
    }
    if not cat.description_cues:
        return table
    cues = cat.description_cues[0]
    stems: dict[str, str] = dict(cues.forms)  # made by the compiler; stemmed here if absent
    phrases: list[list[Any]] = []
    stop_words = {w for word in cues.stop_words for w in _words(word)}
    for field in DESCRIBED:
        given = cues.cues.get(field, {})
        for value in values[field]:
            for phrase in given.get(value, ()):
                wanted: list[str] = []
                written: list[str] = []
                for part in phrase.split():
                    for word in _words(part):
                        written.append(word)
                        if part.startswith(EXACT):
                            wanted.append(EXACT + word)
                        else:
                            wanted.append(stems.setdefault(word, stem(word)))
                if written and not all(word in stop_words for word in written):  # lint BV138 reports these
                    phrases.append([field, value, wanted])
    for negation in cues.negations:
        for word in _words(negation):
            stems.setdefault(word, stem(word))
    table.update(
        negations=sorted({w for word in cues.negations for w in _words(word)}),
        negated_fields=[field for field in DESCRIBED if field in cues.negated_fields],
        clause_words=sorted({w for word in cues.clause_words for w in _words(word)}),
        clause_marks=cues.clause_marks,
        phase_order=list(cues.phase_order),
        max_gap=cues.max_gap,
        phrases=phrases,
        stems=dict(sorted(stems.items())),
    )
    return table


_lock = threading.Lock()
_tables: dict[int, tuple[weakref.ref[Catalog], dict[str, Any]]] = {}


def browser_table(cat: Catalog) -> dict[str, Any]:
    """The description reader's table for ``cat``, JSON-ready: what ``bv.describe.read`` in the
    browser and :func:`read` here interpret (made once per catalogue; do not change it).

    Keys: ``format`` (:data:`TABLE_FORMAT`); ``fields`` (the situation fields, in order);
    ``negations`` and ``clause_words`` (normalised words); ``negated_fields`` (the fields a
    negation denies); ``clause_marks`` (characters);
    ``phase_order`` (most severe first); ``max_gap``; ``phrases`` (``[field, value,
    [stem, ...]]`` in field order, then vocabulary order; a word to match as written is given as
    ``"=" + word``); ``stems`` (written form → stem).
    """
    with _lock:
        cached = _tables.get(id(cat))
        if cached is not None and cached[0]() is cat:
            return cached[1]
        table = _build(cat)
        key = id(cat)

        def forget(_: weakref.ref[Catalog]) -> None:
            _tables.pop(key, None)

        _tables[key] = (weakref.ref(cat, forget), table)
        return table


# --- reading ----------------------------------------------------------------------------------


def _by_first_stem(table: dict[str, Any]) -> dict[str, list[int]]:
    """Stem → the numbers of the phrases that begin with it."""
    found: dict[str, list[int]] = {}
    for number, (_, _, stems) in enumerate(table["phrases"]):
        found.setdefault(stems[0], []).append(number)
    return found


def _fits(token: tuple[str, str | None, int, int, int], wanted: str) -> bool:
    """Whether a word of the text is the word a phrase wants: the same stem, or the same written
    word for a word marked :data:`EXACT`."""
    return token[0] == wanted[1:] if wanted.startswith(EXACT) else token[1] == wanted


def _tokens(table: dict[str, Any], text: str) -> list[tuple[str, str | None, int, int, int]]:
    """(word, stem or None, clause, start, end) for every word of ``text``; start and end index ``text``."""
    normalised: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        for piece in normalise(char):
            normalised.append(piece)
            origin.append(index)
    flat = "".join(normalised)
    marks = table["clause_marks"]
    clause_words = set(table["clause_words"])
    stems = table["stems"]
    tokens: list[tuple[str, str | None, int, int, int]] = []
    clause = 0
    previous = 0
    for match in re.finditer(r"[a-z0-9]+", flat):
        word = match.group(0)
        if tokens and (word in clause_words or any(char in marks for char in flat[previous : match.start()])):
            clause += 1
        tokens.append((word, stems.get(word), clause, origin[match.start()], origin[match.end() - 1] + 1))
        previous = match.end()
    return tokens


def read(table: dict[str, Any], text: str) -> dict[str, dict[str, list[str]]]:
    """Field → value → the parts of ``text`` that point to it (exactly as written, in text order),
    for every field of the table in order (empty when nothing was found); the phase has at most one
    value. ``table`` is :func:`browser_table`'s output."""
    tokens = _tokens(table, text)
    phrases = table["phrases"]
    gap = table["max_gap"]
    negations = set(table["negations"])
    starts = _by_first_stem(table)
    matches: list[tuple[int, list[int]]] = []
    for first, (first_word, first_stem, clause, _, _) in enumerate(tokens):
        for number in [*starts.get(EXACT + first_word, ()), *(starts.get(first_stem, ()) if first_stem is not None else ())]:
            positions = [first]
            for wanted in phrases[number][2][1:]:
                last = positions[-1]
                found = next(
                    (k for k in range(last + 1, min(last + gap + 2, len(tokens))) if tokens[k][2] == clause and _fits(tokens[k], wanted)),
                    None,
                )
                if found is None:
                    break
                positions.append(found)
            else:
                matches.append((number, positions))
    denying = [k for k, token in enumerate(tokens) if token[0] in negations and not text.startswith("-", token[4])]
    own = {k for _, positions in matches for k in positions}
    denying = [k for k in denying if k not in own]
    kept: dict[tuple[str, str], list[tuple[int, int]]] = {}
    order: dict[tuple[str, str], int] = {}
    negated = set(table["negated_fields"])
    for number, positions in matches:
        field, value, _ = phrases[number]
        clause = tokens[positions[0]][2]
        if field in negated and any(tokens[k][2] == clause and k < positions[-1] for k in denying):
            continue
        kept.setdefault((field, value), []).append((tokens[positions[0]][3], tokens[positions[-1]][4]))
        order[(field, value)] = min(order.get((field, value), number), number)
    result: dict[str, dict[str, list[str]]] = {field: {} for field in table["fields"]}
    for field, value in sorted(kept, key=order.__getitem__):  # table order: field, then vocabulary order
        spans = kept[(field, value)]
        inside = [s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)]
        words: list[str] = []
        for start, end in sorted(set(inside)):
            if text[start:end] not in words:
                words.append(text[start:end])
        result[field][value] = words
    if len(result.get("phase", {})) > 1:
        chosen = next(phase for phase in table["phase_order"] if phase in result["phase"])
        result["phase"] = {chosen: result["phase"][chosen]}
    return result


def infer(cat: Catalog, text: str) -> tuple[Inference, ...]:
    """The values that ``text`` describes, by field in :data:`DESCRIBED` order, in vocabulary order
    within a field; the phase gives at most one value."""
    found = read(browser_table(cat), text)
    return tuple(
        Inference(field=field, value=value, words=tuple(words), score=float(len(words))) for field, values in found.items() for value, words in values.items()
    )
