"""Full-text search over examples: Dutch stemming, accents ignored, parts of compounds found.

The index is made when the package is built (``_data/search.json``, next to the catalogue)
and read on the first search; a catalogue without that file builds it then. A query term
matches (1) the same stem, with full weight; (2) a compound that has it as its first or last
part, such as ``bemiddel`` in ``buurtbemiddel``, with less weight; (3) the parts of a compound
query term, so that ``burenruzie`` finds ``ruzie``. A part only counts when the rest of the
compound is itself a word of the index (``buur`` does not match ``buurt``). Scores are a
BM25-like sum over the query terms with field weights (title counts most, then summary, then
the rest); an example whose title holds every query term gets a bonus.

The index also keeps the stem of every word it contains, so a query made of known words needs
no stemmer; snowballstemmer is imported only for a word the catalogue does not contain.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .models import FACETS

# Common Dutch function words: they carry no meaning for search.
_STOPWORDS = frozenset(
    """aan al als bij dan dat de der des die dit door een en er het hij hoe in is je maar met
    na naar niet nog of om onder ook op over te ten ter tot tussen uit van veel voor wat we
    wie wij zij zo zich ze""".split()
)
_TOKEN = re.compile(r"[a-z0-9]+")

FIELD_WEIGHTS = {"title": 4.0, "summary": 2.0, "body": 1.0}
CONTAINED_WEIGHT = 0.7  # query stem is a part of a longer (compound) stem
CONTAINS_WEIGHT = 0.5  # an indexed stem is a part of the query's compound
MIN_PART = 3  # shortest piece that counts as part of a compound
TITLE_BONUS = 1.5  # factor for examples whose title holds every query term
_LINKS = ("", "s", "e", "en")  # Dutch linking sounds between compound parts (tussenklanken)
_K1 = 1.2
DATA_FORMAT = 1

_stemmer: Any = None


def normalise(text: str) -> str:
    """Lower case without accents: ``Coördinatie`` → ``coordinatie``."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def stem(word: str) -> str:
    """The Dutch snowball stem of a normalised word (the stemmer loads on first use)."""
    global _stemmer
    if _stemmer is None:
        import snowballstemmer

        _stemmer = snowballstemmer.stemmer("dutch")
    return str(_stemmer.stemWord(word))


def words(text: str) -> list[str]:
    """The meaningful normalised words of ``text``."""
    return [word for word in _TOKEN.findall(normalise(text)) if word not in _STOPWORDS]


def terms(text: str, known: Mapping[str, str] | None = None) -> list[str]:
    """The stems of the meaningful words in ``text``; ``known`` maps words to stems already made."""
    known = known or {}
    return [known.get(word) or stem(word) for word in words(text)]


class SearchIndex:
    """An inverted index from stem to [(document number, weighted term frequency), ...]."""

    def __init__(self, postings: dict[str, Sequence[Sequence[float]]], titles: Sequence[Iterable[str]], stems: dict[str, str]) -> None:
        self._postings = postings
        self._titles = titles
        self._stems = stems
        self._parts = set(stems) | set(postings)
        self._count = max(len(titles), 1)
        self._expansions: dict[str, tuple[tuple[str, float], ...]] = {}

    @classmethod
    def build(cls, documents: Sequence[Mapping[str, Iterable[str]]]) -> SearchIndex:
        """Index documents given as {field: texts}, fields being ``title``, ``summary``, ``body``."""
        postings: dict[str, dict[int, float]] = defaultdict(dict)
        stems: dict[str, str] = {}
        titles: list[frozenset[str]] = []
        for number, fields in enumerate(documents):
            title: set[str] = set()
            for name, texts in fields.items():
                weight = FIELD_WEIGHTS[name]
                for text in texts:
                    for word in words(text):
                        found = stems.get(word)
                        if found is None:
                            found = stems[word] = stem(word)
                        counts = postings[found]
                        counts[number] = counts.get(number, 0.0) + weight
                        if name == "title":
                            title.add(found)
            titles.append(frozenset(title))
        return cls({s: sorted(row.items()) for s, row in postings.items()}, titles, stems)

    def to_data(self, ids: Sequence[str]) -> dict[str, Any]:
        """A JSON-ready, canonical form; ``ids`` are the indexed examples' ids, in order."""
        return {
            "format": DATA_FORMAT,
            "ids": list(ids),
            "postings": {s: [[n, tf] for n, tf in row] for s, row in sorted(self._postings.items())},
            "titles": [sorted(title) for title in self._titles],
            "stems": dict(sorted(self._stems.items())),
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> SearchIndex:
        """An index from :meth:`to_data` output, used as it is (no copying)."""
        return cls(data["postings"], data["titles"], data["stems"])

    def _is_part(self, piece: str) -> bool:
        """Whether ``piece`` (the rest of a compound) is a word, allowing a linking sound."""
        for link in _LINKS:
            if piece.startswith(link) and len(piece) - len(link) >= MIN_PART and piece[len(link):] in self._parts:
                return True
            if piece.endswith(link) and len(piece) - len(link) >= MIN_PART and piece[: len(piece) - len(link)] in self._parts:
                return True
        return False

    def _expand(self, term: str) -> tuple[tuple[str, float], ...]:
        """Index stems that match the query stem ``term``, each with its weight."""
        cached = self._expansions.get(term)
        if cached is not None:
            return cached
        found: dict[str, float] = {}
        if term in self._postings:
            found[term] = 1.0
        if len(term) >= MIN_PART:
            for other in self._postings:
                if len(other) <= len(term) or term not in other:
                    continue
                if (other.startswith(term) and self._is_part(other[len(term):])) or (
                    other.endswith(term) and self._is_part(other[: -len(term)])
                ):
                    found.setdefault(other, CONTAINED_WEIGHT)
            for cut in range(MIN_PART, len(term) - MIN_PART + 1):
                left, right = term[:cut], term[cut:]
                if self._is_part(left) and self._is_part(right):
                    for piece in (left, right):
                        for candidate in (piece, self._stems.get(piece) or stem(piece)):
                            if candidate in self._postings:
                                found.setdefault(candidate, CONTAINS_WEIGHT)
        result = tuple(found.items())
        if len(self._expansions) < 4096:
            self._expansions[term] = result
        return result

    def search(self, query: str) -> list[tuple[int, float]]:
        """Document numbers with their scores, best first; ties by document number."""
        scores: dict[int, float] = defaultdict(float)
        wanted = list(dict.fromkeys(terms(query, self._stems)))
        for term in wanted:
            for other, weight in self._expand(term):
                row = self._postings[other]
                idf = math.log(1 + (self._count - len(row) + 0.5) / (len(row) + 0.5))
                for number, tf in row:
                    scores[number] += weight * idf * tf * (_K1 + 1) / (tf + _K1)
        if wanted:
            query_stems = frozenset(wanted)
            for number in scores:
                if query_stems.issubset(self._titles[number]):
                    scores[number] *= TITLE_BONUS
        return sorted(scores.items(), key=lambda item: (-item[1], item[0]))


LABELLED = tuple(facet for facet in FACETS if facet.search and facet.vocabulary)
"""Facets whose Dutch value labels are searchable too (``jongeren``, ``plein``, ...)."""


def documents(examples: Sequence[Any], labels: Mapping[str, Mapping[str, str]]) -> list[dict[str, list[str]]]:
    """The searchable text of each example; ``labels`` maps vocabulary → value → Dutch label."""
    result = []
    for example in examples:
        body = [
            example.organisation,
            *example.municipalities,
            *example.sections.model_dump().values(),
            *(labels.get(facet.vocabulary, {}).get(value, "") for facet in LABELLED for value in facet.values(example)),
        ]
        result.append({"title": [example.title], "summary": [example.summary], "body": body})
    return result
