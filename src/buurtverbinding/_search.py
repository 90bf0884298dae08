"""Full-text search over examples: Dutch stemming, accents ignored, parts of compounds found.

The index is built once, on the first search, from the typed records. A query term matches
(1) the same stem, with full weight; (2) a compound that has it as its first or last part,
such as ``bemiddel`` in ``buurtbemiddel``, with less weight; (3) the parts of a compound
query term, so that ``burenruzie`` finds ``ruzie``. A part only counts when the rest of the
compound is itself a word of the index (``buur`` does not match ``buurt``). Scores are a
BM25-like sum over the query terms with field weights (title counts most, then summary, then
the rest); an example whose title holds every query term gets a bonus.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache

import snowballstemmer

# Common Dutch function words: they carry no meaning for search.
_STOPWORDS = frozenset(
    """aan al als bij dan dat de der des die dit door een en er het hij hoe in is je maar met
    na naar niet nog of om onder ook op over te ten ter tot tussen uit van veel voor wat we
    wie wij zij zo zich ze""".split()
)
_TOKEN = re.compile(r"[a-z0-9]+")
_STEMMER = snowballstemmer.stemmer("dutch")

FIELD_WEIGHTS = {"title": 4.0, "summary": 2.0, "body": 1.0}
CONTAINED_WEIGHT = 0.7  # query stem is a part of a longer (compound) stem
CONTAINS_WEIGHT = 0.5  # an indexed stem is a part of the query's compound
MIN_PART = 3  # shortest piece that counts as part of a compound
TITLE_BONUS = 1.5  # factor for examples whose title holds every query term
_LINKS = ("", "s", "e", "en")  # Dutch linking sounds between compound parts (tussenklanken)
_K1 = 1.2


def normalise(text: str) -> str:
    """Lower case without accents: ``Coördinatie`` → ``coordinatie``."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return str(_STEMMER.stemWord(word))


def terms(text: str) -> list[str]:
    """The stems of the meaningful words in ``text``."""
    return [_stem(word) for word in _TOKEN.findall(normalise(text)) if word not in _STOPWORDS]


class SearchIndex:
    """An inverted index from stem to {document number: weighted term frequency}."""

    def __init__(self, documents: Sequence[dict[str, Iterable[str]]]) -> None:
        postings: dict[str, dict[int, float]] = defaultdict(dict)
        words: set[str] = set()
        titles: list[frozenset[str]] = []
        for number, fields in enumerate(documents):
            for name, texts in fields.items():
                weight = FIELD_WEIGHTS[name]
                for text in texts:
                    tokens = [w for w in _TOKEN.findall(normalise(text)) if w not in _STOPWORDS]
                    words.update(tokens)
                    stems = [_stem(w) for w in tokens]
                    if name == "title":
                        titles.append(frozenset(stems))
                    for stem in stems:
                        row = postings[stem]
                        row[number] = row.get(number, 0.0) + weight
        self._postings = dict(postings)
        self._parts = words | set(self._postings)
        self._titles = titles
        self._count = max(len(documents), 1)
        self._expansions: dict[str, tuple[tuple[str, float], ...]] = {}

    def _is_part(self, piece: str) -> bool:
        """Whether ``piece`` (the rest of a compound) is a word, allowing a linking sound."""
        for link in _LINKS:
            if piece.startswith(link) and len(piece) - len(link) >= MIN_PART and piece[len(link):] in self._parts:
                return True
            if piece.endswith(link) and len(piece) - len(link) >= MIN_PART and piece[: len(piece) - len(link)] in self._parts:
                return True
        return False

    def _expand(self, stem: str) -> tuple[tuple[str, float], ...]:
        """Index stems that match ``stem``, each with its weight."""
        cached = self._expansions.get(stem)
        if cached is not None:
            return cached
        found: dict[str, float] = {}
        if stem in self._postings:
            found[stem] = 1.0
        if len(stem) >= MIN_PART:
            for other in self._postings:
                if len(other) <= len(stem) or stem not in other:
                    continue
                if (other.startswith(stem) and self._is_part(other[len(stem):])) or (
                    other.endswith(stem) and self._is_part(other[: -len(stem)])
                ):
                    found.setdefault(other, CONTAINED_WEIGHT)
            for cut in range(MIN_PART, len(stem) - MIN_PART + 1):
                left, right = stem[:cut], stem[cut:]
                if self._is_part(left) and self._is_part(right):
                    for piece in (left, right):
                        for candidate in (piece, _stem(piece)):
                            if candidate in self._postings:
                                found.setdefault(candidate, CONTAINS_WEIGHT)
        result = tuple(found.items())
        if len(self._expansions) < 4096:
            self._expansions[stem] = result
        return result

    def search(self, query: str) -> list[tuple[int, float]]:
        """Document numbers with their scores, best first; ties by document number."""
        scores: dict[int, float] = defaultdict(float)
        wanted = list(dict.fromkeys(terms(query)))
        for stem in wanted:
            for other, weight in self._expand(stem):
                row = self._postings[other]
                idf = math.log(1 + (self._count - len(row) + 0.5) / (len(row) + 0.5))
                for number, tf in row.items():
                    scores[number] += weight * idf * tf * (_K1 + 1) / (tf + _K1)
        if wanted:
            query_stems = frozenset(wanted)
            for number in scores:
                if query_stems <= self._titles[number]:
                    scores[number] *= TITLE_BONUS
        return sorted(scores.items(), key=lambda item: (-item[1], item[0]))
