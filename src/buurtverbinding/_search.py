"""Full-text search over examples: field-weighted ranking, Dutch stemming, compounds, synonyms
and typo tolerance. The same analyser maps a free-text situation to vocabulary values
(``buurtverbinding.advice._describe``).

**Analyser.** Text is lower-cased without accents, split into words, stripped of Dutch function
words and stemmed with snowballstemmer's ``dutch_porter`` after one small fix of our own: a
final ``-s`` after a vowel (*ruzies*, *coaches*) and the ``-en`` of *-eeën* (*moskeeën*) are
removed first, so singular and plural meet. ``docs/dev/evaluation.md`` has the figures that
chose this over the ``dutch`` stemmer.

**Ranking (BM25F).** An example is indexed as five fields with weights: ``title`` (5),
``summary`` (3), ``body`` (the narrative, 1), ``labels`` (facet labels, organisation and
municipalities, 0.5) and ``refs`` (cross-references such as "zie ook ...", sources and notes,
0.2). Each field's term frequency is normalised by the field's length, weighted and summed,
and the sum goes through BM25's saturation, so a word repeated in the body cannot outweigh
the title, and a rare word in a cross-reference cannot beat an example that is about it.

**Matching a query word** (each query word counts once, by its best match per example):
(1) the same stem, full weight; (2) a compound that ends in it, its head (``bemiddel`` in
``buurtbemiddel``), 0.7, or begins with it (``buurt`` in ``buurtbewoner``), 0.7, but not for a
word that half of the examples hold; (3) the parts of a compound query word (``burenruzie``
finds ``ruzie``), 0.5; (4) a synonym from ``content/synoniemen.yaml``, as a whole word, 0.8;
(5) for a word that is not in the catalogue and not a synonym, the closest indexed word one or
two edits away (one for words of 4 to 7 letters), 0.8, when (1)–(4) find nothing or it is one
edit away; it is reported as a correction ("bedoelde u: ..."). A search
that finds nothing suggests the closest words instead. An example whose title holds every
query term gets a bonus, and the score grows with the share of query words an example matches.

The index is made when the package is built (``_data/search.json``, next to the catalogue)
and read on the first search; a catalogue without that file builds it then. It keeps the stem
of every word it contains, so a query made of known words needs no stemmer.
"""

from __future__ import annotations

import heapq
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .models import FACETS

# Common Dutch function words: they carry no meaning for search.
_STOPWORDS = frozenset(
    [
        "aan",
        "al",
        "als",
        "bij",
        "dan",
        "dat",
        "de",
        "der",
        "des",
        "die",
        "dit",
        "door",
        "een",
        "en",
        "er",
        "het",
        "hij",
        "hoe",
        "in",
        "is",
        "je",
        "maar",
        "met",
        "na",
        "naar",
        "niet",
        "nog",
        "of",
        "om",
        "onder",
        "ook",
        "op",
        "over",
        "te",
        "ten",
        "ter",
        "tot",
        "tussen",
        "uit",
        "van",
        "veel",
        "voor",
        "wat",
        "we",
        "wie",
        "wij",
        "zij",
        "zo",
        "zich",
        "ze",
        "zijn",
        "was",
        "waren",
        "worden",
        "wordt",
        "werd",
        "werden",
        "kan",
        "kunnen",
        "kon",
        "konden",
        "moet",
        "moeten",
        "mag",
        "heeft",
        "hebben",
        "had",
        "hadden",
        "ben",
        "bent",
        "hun",
        "haar",
        "hem",
        "mijn",
        "ons",
        "onze",
        "uw",
        "jullie",
        "daar",
        "hier",
        "dus",
        "want",
        "omdat",
        "waar",
        "iets",
        "iemand",
        "alle",
        "elk",
        "elke",
        "zoals",
        "bijvoorbeeld",
        "nu",
        "toen",
        "wel",
        "erg",
        "zeer",
        "heel",
        "langs",
        "sinds",
        "zonder",
        "via",
        "per",
        "vanaf",
        "vanuit",
    ]
)
_TOKEN = re.compile(r"[a-z0-9]+")

FIELDS = ("title", "summary", "body", "labels", "refs")
FIELD_WEIGHTS = {"title": 5.0, "summary": 3.0, "body": 1.0, "labels": 0.5, "refs": 0.2}
FIELD_B = {"title": 0.3, "summary": 0.5, "body": 0.75, "labels": 0.3, "refs": 0.5}
"""Length normalisation per field (BM25F's b): 0 ignores the length, 1 divides by it fully."""
CONTAINED_WEIGHT = 0.7  # query stem is the last part (the head) of a longer compound stem
MODIFIER_WEIGHT = 0.7  # query stem is the first part of a compound stem
COMMON_SHARE = 0.5  # a stem in more than this share of the examples is not matched in compounds it begins
CONTAINS_WEIGHT = 0.5  # an indexed stem is a part of the query's compound
SYNONYM_WEIGHT = 0.8  # a synonym of the query word (content/synoniemen.yaml)
TYPO_WEIGHT = 0.8  # the indexed word closest to an unknown query word
MIN_PART = 3  # shortest piece that counts as part of a compound
MIN_TYPO = 4  # shortest query word that is corrected
TITLE_BONUS = 1.5  # factor for examples whose title holds every query term
COVERAGE = 0.5  # score × (share of query words matched) ** COVERAGE
_LINKS = ("", "s", "e", "en")  # Dutch linking sounds between compound parts (tussenklanken)
_K1 = 1.2
DATA_FORMAT = 2
STEMMERS = ("dutch", "dutch_porter", "dutch_porter+fix")
ANALYSER = "dutch_porter+fix"
"""The stemmer in use (one of :data:`STEMMERS`); the compiled index records it."""

_stemmers: dict[str, Any] = {}
_PLURAL_S = re.compile(r"(?<=[aeiouy])s$")


def normalise(text: str) -> str:
    """Lower case without accents: ``Coördinatie`` → ``coordinatie``."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def stem(word: str, analyser: str | None = None) -> str:
    """The Dutch stem of a normalised word (the stemmer loads on first use)."""
    name = analyser or ANALYSER
    base = name.split("+", 1)[0]
    stemmer = _stemmers.get(base)
    if stemmer is None:
        import snowballstemmer

        stemmer = _stemmers[base] = snowballstemmer.stemmer(base)
    if name.endswith("+fix") and len(word) > 4:
        word = word[:-2] if word.endswith("eeen") else _PLURAL_S.sub("", word)
    return str(stemmer.stemWord(word))


def words(text: str) -> list[str]:
    """The meaningful normalised words of ``text``."""
    return [word for word in _TOKEN.findall(normalise(text)) if word not in _STOPWORDS]


def terms(text: str, known: Mapping[str, str] | None = None) -> list[str]:
    """The stems of the meaningful words in ``text``; ``known`` maps words to stems already made."""
    known = known or {}
    return [known.get(word) or stem(word) for word in words(text)]


def edit_distance(a: str, b: str, limit: int) -> int:
    """The optimal-string-alignment distance of ``a`` and ``b`` (adjacent swaps count once),
    or ``limit + 1`` as soon as it is certain to exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def _grams(word: str) -> set[str]:
    padded = f"^{word}$"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def max_edits(word: str) -> int:
    """How many typing errors a query word may hold: 1 up to 7 letters, else 2 (none below 4)."""
    return 0 if len(word) < MIN_TYPO else 1 if len(word) <= 7 else 2


@dataclass(frozen=True)
class Match:
    """How the words of one query were understood."""

    terms: tuple[str, ...]
    """The stems searched for, one per meaningful query word, in order."""
    words: tuple[str, ...] = ()
    """The query words (normalised) that :attr:`terms` come from, in the same order."""
    corrections: dict[str, str] = field(default_factory=dict)
    """Query word → the indexed word used instead (a typing error)."""
    suggestions: tuple[str, ...] = ()
    """Close indexed words for query words that found nothing."""


class SearchIndex:
    """An inverted index from stem to [(document number, saturated field-weighted term frequency), ...]."""

    def __init__(
        self,
        postings: Mapping[str, Sequence[Any]],
        titles: Sequence[Iterable[str]],
        stems: Mapping[str, str],
        synonyms: Mapping[str, Sequence[str]] | None = None,
        analyser: str = ANALYSER,
    ) -> None:
        self._postings = postings
        self._titles = titles
        self._stems = stems
        self._synonyms = synonyms or {}
        self._analyser = analyser
        self._parts = set(stems) | set(postings)
        self._count = max(len(titles), 1)
        self._expansions: dict[str, tuple[tuple[str, float], ...]] = {}
        self._idf: dict[str, float] = {}
        self._title_index: dict[str, frozenset[int]] | None = None
        self._typo_grams: dict[tuple[str, int], list[str]] | None = None
        self._close: dict[tuple[str, int], list[tuple[int, str]]] = {}
        self._frequency: dict[str, int] | None = None

    @classmethod
    def build(
        cls,
        documents: Sequence[Mapping[str, Iterable[str]]],
        synonyms: Iterable[Iterable[str]] = (),
        analyser: str = ANALYSER,
    ) -> SearchIndex:
        """Index documents given as {field: texts} (fields from :data:`FIELDS`); ``synonyms`` are
        groups of words that mean the same."""
        stems: dict[str, str] = {}

        def stem_of(word: str) -> str:
            found = stems.get(word)
            if found is None:
                found = stems[word] = stem(word, analyser)
            return found

        counted: list[dict[str, Counter[str]]] = []
        lengths: dict[str, list[int]] = {name: [] for name in FIELDS}
        for fields in documents:
            row: dict[str, Counter[str]] = {}
            for name in FIELDS:
                found = Counter(stem_of(word) for text in fields.get(name, ()) for word in words(text))
                row[name] = found
                lengths[name].append(sum(found.values()))
            counted.append(row)
        average = {name: (sum(values) / len(values) if values and sum(values) else 1.0) for name, values in lengths.items()}
        postings: dict[str, dict[int, float]] = defaultdict(dict)
        titles: list[list[str]] = []
        for number, row in enumerate(counted):
            for name in FIELDS:
                b = FIELD_B[name]
                norm = 1 - b + b * lengths[name][number] / average[name]
                for term, tf in row[name].items():
                    counts = postings[term]
                    counts[number] = counts.get(number, 0.0) + FIELD_WEIGHTS[name] * tf / norm
            titles.append(sorted(row["title"]))
        groups: dict[str, set[str]] = defaultdict(set)
        for group in synonyms:
            group_stems = {stem_of(word) for text in group for word in words(text)}
            for member in group_stems:
                groups[member] |= group_stems - {member}
        # Postings hold BM25's saturated term frequency, so a query only multiplies by weight and idf.
        rounded = {s: [(n, round(tf * (_K1 + 1) / (tf + _K1), 4)) for n, tf in sorted(row.items())] for s, row in postings.items()}
        return cls(rounded, titles, stems, {s: sorted(o) for s, o in groups.items() if o}, analyser)

    def to_data(self, ids: Sequence[str]) -> dict[str, Any]:
        """A JSON-ready, canonical form; ``ids`` are the indexed examples' ids, in order."""
        return {
            "format": DATA_FORMAT,
            "analyser": self._analyser,
            "ids": list(ids),
            "postings": {s: [[n, tf] for n, tf in row] for s, row in sorted(self._postings.items())},
            "titles": [sorted(title) for title in self._titles],
            "stems": dict(sorted(self._stems.items())),
            "synonyms": dict(sorted((s, sorted(o)) for s, o in self._synonyms.items())),
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> SearchIndex:
        """An index from :meth:`to_data` output, used as it is (no copying)."""
        return cls(data["postings"], data["titles"], data["stems"], data.get("synonyms", {}), data.get("analyser", ANALYSER))

    @staticmethod
    def usable(data: Mapping[str, Any] | None, ids: Sequence[str]) -> bool:
        """Whether compiled index data fits this version and the examples ``ids``."""
        return bool(data) and data.get("format") == DATA_FORMAT and data.get("analyser") == ANALYSER and data.get("ids") == list(ids)  # type: ignore[union-attr]

    # --- matching -------------------------------------------------------------------------

    def _stem(self, word: str) -> str:
        return self._stems.get(word) or stem(word, self._analyser)

    def _is_part(self, piece: str) -> bool:
        """Whether ``piece`` (the rest of a compound) is a word, allowing a linking sound."""
        for link in _LINKS:
            if piece.startswith(link) and len(piece) - len(link) >= MIN_PART and piece[len(link) :] in self._parts:
                return True
            if piece.endswith(link) and len(piece) - len(link) >= MIN_PART and piece[: len(piece) - len(link)] in self._parts:
                return True
        return False

    def _expand(self, term: str) -> tuple[tuple[str, float], ...]:
        """Index stems that match the query stem ``term`` (same stem, compounds), each with its weight."""
        cached = self._expansions.get(term)
        if cached is not None:
            return cached
        found: dict[str, float] = {}
        if term in self._postings:
            found[term] = 1.0
        if len(term) >= MIN_PART:
            # Dutch compounds end in their head: "buurtbemiddeling" is a kind of bemiddeling, while
            # "buurtbewoner" is no kind of buurt. A word everywhere gains nothing from its modifiers.
            modifiers = len(self._postings.get(term, ())) <= COMMON_SHARE * self._count
            for other in self._postings:
                if len(other) <= len(term) or term not in other:
                    continue
                if other.endswith(term) and self._is_part(other[: -len(term)]):
                    found.setdefault(other, CONTAINED_WEIGHT)
                elif modifiers and other.startswith(term) and self._is_part(other[len(term) :]):
                    found.setdefault(other, MODIFIER_WEIGHT)
            for cut in range(MIN_PART, len(term) - MIN_PART + 1):
                left, right = term[:cut], term[cut:]
                if self._is_part(left) and self._is_part(right):
                    for piece in (left, right):
                        for candidate in (piece, self._stems.get(piece) or stem(piece, self._analyser)):
                            if candidate in self._postings:
                                found.setdefault(candidate, CONTAINS_WEIGHT)
        result = tuple(found.items())
        if len(self._expansions) < 4096:
            self._expansions[term] = result
        return result

    def _with_synonyms(self, term: str) -> dict[str, float]:
        found = dict(self._expand(term))
        for other in self._synonyms.get(term, ()):
            for candidate, weight in self._expand(other):
                if weight != CONTAINS_WEIGHT:  # a synonym counts as a whole word, not by its parts
                    found[candidate] = max(found.get(candidate, 0.0), SYNONYM_WEIGHT * weight)
        return found

    def _close_words(self, word: str, limit: int) -> list[tuple[int, str]]:
        """Indexed words within ``limit`` edits of ``word``: (distance, word), closest and most
        frequent first."""
        cached = self._close.get((word, limit))
        if cached is not None:
            return cached
        if self._typo_grams is None:
            grams: dict[tuple[str, int], list[str]] = defaultdict(list)
            counts: dict[str, int] = {}
            for known, known_stem in self._stems.items():
                row = self._postings.get(known_stem)
                if row is None or len(known) < MIN_TYPO - 1 or known.isdigit():
                    continue
                counts[known] = len(row)
                for gram in _grams(known):
                    grams[(gram, len(known))].append(known)
            self._typo_grams, self._frequency = dict(grams), counts
        frequency = self._frequency
        assert frequency is not None and self._typo_grams is not None
        wanted = _grams(word)
        shared: Counter[str] = Counter()
        for length in range(len(word) - limit, len(word) + limit + 1):
            for gram in wanted:
                shared.update(self._typo_grams.get((gram, length), ()))
        needed = max(1, len(word) - 3 * limit)
        found = []
        for candidate, count in shared.items():
            if count >= needed:
                distance = edit_distance(word, candidate, limit)
                if distance <= limit:
                    found.append((distance, candidate))
        found.sort(key=lambda item: (item[0], -frequency[item[1]], item[1]))
        if len(self._close) < 4096:
            self._close[(word, limit)] = found
        return found

    def match(self, query: str, correct: bool = True) -> tuple[Match, dict[str, dict[str, float]]]:
        """How ``query`` is understood, and per query stem the index stems it matches with weights
        (``correct=False``: no typo correction and no suggestions)."""
        expanded: dict[str, dict[str, float]] = {}
        corrections: dict[str, str] = {}
        unknown: list[str] = []
        stems_in_order: list[str] = []
        words_in_order: list[str] = []
        for word in dict.fromkeys(words(query)):
            term = self._stem(word)
            if term in expanded or len(word) < 2:
                continue
            stems_in_order.append(term)
            words_in_order.append(word)
            found = self._with_synonyms(term)
            if correct and term not in self._postings and term not in self._synonyms and max_edits(word):
                close = self._close_words(word, max_edits(word))
                if close and (not found or close[0][0] == 1):
                    corrections[word] = close[0][1]
                    for candidate, weight in self._with_synonyms(self._stem(close[0][1])).items():
                        found[candidate] = max(found.get(candidate, 0.0), TYPO_WEIGHT * weight)
            if not found:
                unknown.append(word)
            expanded[term] = found
        suggestions: list[str] = []
        if correct and unknown and not any(expanded.values()):
            for word in unknown:
                for _, candidate in self._close_words(word, max(2, len(word) // 3))[:3]:
                    if candidate not in suggestions:
                        suggestions.append(candidate)
        return Match(tuple(stems_in_order), tuple(words_in_order), corrections, tuple(suggestions[:5])), expanded

    def _idf_of(self, term: str) -> float:
        value = self._idf.get(term)
        if value is None:
            n = len(self._postings[term])
            value = self._idf[term] = math.log(1 + (self._count - n + 0.5) / (n + 0.5))
        return value

    def _best(self, found: Mapping[str, float]) -> dict[int, float]:
        """Per document, the best score of one query word over the index stems it matches."""
        best: dict[int, float] = {}
        for other, weight in sorted(found.items(), key=lambda item: -item[1]):
            factor = weight * self._idf_of(other)
            if not best:
                best = {number: factor * sat for number, sat in self._postings[other]}
                continue
            for number, sat in self._postings[other]:
                value = factor * sat
                if value > best.get(number, 0.0):
                    best[number] = value
        return best

    def contributions(self, text: str) -> dict[int, list[tuple[str, float]]]:
        """Per document, the words of ``text`` that match it and what each adds (no typo
        correction: a description is not a query to correct)."""
        understood, expanded = self.match(text, correct=False)
        result: dict[int, list[tuple[str, float]]] = defaultdict(list)
        for word, term in zip(understood.words, understood.terms, strict=True):
            for number, value in self._best(expanded[term]).items():
                result[number].append((word, value))
        return dict(result)

    def _in_titles(self, term: str) -> frozenset[int]:
        if self._title_index is None:
            index: dict[str, set[int]] = defaultdict(set)
            for number, title in enumerate(self._titles):
                for stem_in_title in title:
                    index[stem_in_title].add(number)
            self._title_index = {key: frozenset(value) for key, value in index.items()}
        return self._title_index.get(term, frozenset())

    def search_match(self, query: str, limit: int | None = None) -> tuple[list[tuple[int, float]], Match]:
        """Document numbers with their scores, best first (ties by number), at most ``limit``, and
        how the query was understood."""
        understood, expanded = self.match(query)
        found_per_term = [self._best(found) for found in expanded.values() if found]
        if not found_per_term:
            return [], understood
        scores = found_per_term[0]
        total = len(expanded)
        if len(found_per_term) > 1 or total > 1:
            scores = dict(scores)
            matched = dict.fromkeys(scores, 1)
            for best in found_per_term[1:]:
                for number, value in best.items():
                    if number in scores:
                        scores[number] += value
                        matched[number] += 1
                    else:
                        scores[number] = value
                        matched[number] = 1
            factors = [(count / total) ** COVERAGE for count in range(total + 1)]
            for number, count in matched.items():
                if count < total:
                    scores[number] *= factors[count]
        wanted = [t for t, found in expanded.items() if found]
        if len(wanted) == total:
            titled = frozenset.intersection(*(self._in_titles(t) for t in wanted))
            if titled:
                for number in titled:
                    if number in scores:
                        scores[number] *= TITLE_BONUS
        numbers = sorted(scores)  # ties keep the document order: both sorts are stable
        ranked = heapq.nlargest(limit, numbers, key=scores.__getitem__) if limit is not None else sorted(numbers, key=scores.__getitem__, reverse=True)
        return [(number, scores[number]) for number in ranked], understood

    def search(self, query: str) -> list[tuple[int, float]]:
        """Document numbers with their scores, best first; ties by document number."""
        return self.search_match(query)[0]


def analyser_settings() -> dict[str, Any]:
    """The analyser's function words and every constant of matching and ranking, JSON-ready, so
    that an evaluator in another language (``sphinx/static/bv-search.js``) holds none of its own."""
    return {
        "name": ANALYSER,
        "stopwords": sorted(_STOPWORDS),
        "constants": {
            "contained": CONTAINED_WEIGHT,
            "modifier": MODIFIER_WEIGHT,
            "common_share": COMMON_SHARE,
            "contains": CONTAINS_WEIGHT,
            "synonym": SYNONYM_WEIGHT,
            "typo": TYPO_WEIGHT,
            "min_part": MIN_PART,
            "min_typo": MIN_TYPO,
            "title_bonus": TITLE_BONUS,
            "coverage": COVERAGE,
            "links": list(_LINKS),
        },
    }


LABELLED = tuple(facet for facet in FACETS if facet.search and facet.vocabulary)
"""Facets whose Dutch value labels are searchable too (``jongeren``, ``plein``, ...)."""

_REFERENCE = re.compile(r"\([^()]*\bzie\b[^()]*\)", re.IGNORECASE)
"""A parenthesised cross-reference in a narrative: "(zie ook psycho-educatie bij buurtspanningen)"."""


def documents(examples: Sequence[Any], labels: Mapping[str, Mapping[str, str]]) -> list[dict[str, list[str]]]:
    """The searchable text of each example by field; ``labels`` maps vocabulary → value → Dutch label."""
    result = []
    for example in examples:
        body: list[str] = []
        refs: list[str] = []
        for text in (*example.sections.model_dump().values(), example.aim or "", *example.active_ingredients, *example.requirements):
            refs.extend(_REFERENCE.findall(text))
            body.append(_REFERENCE.sub(" ", text))
        evidence = example.evidence
        refs += [evidence.note or "", example.kis_note or "", example.cost.note if example.cost and example.cost.note else ""]
        refs += [part for source in example.sources for part in (source.title, source.publisher)]
        refs += [example.owner.name if example.owner else "", *example.related]
        tags = [
            example.organisation,
            *example.municipalities,
            *(labels.get(facet.vocabulary or "", {}).get(value, "") for facet in LABELLED for value in facet.values(example)),
        ]
        result.append({"title": [example.title], "summary": [example.summary], "body": body, "labels": tags, "refs": [r for r in refs if r]})
    return result
