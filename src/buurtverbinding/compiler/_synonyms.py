"""``content/synoniemen.yaml``: groups of Dutch words that search treats as the same.

Each group is checked on its own (BV120: every entry is one word that search can use) and
against the others (BV121: a word belongs to one group only, once; BV122: two words of a group
that search already joins by their stem are redundant). Codes BV120–BV129 are kept for synonyms.
"""

from __future__ import annotations

from pathlib import Path

from .._search import stem, words
from ..models import Synonym
from ._problems import Reporter
from ._records import Loaded, load_list

FILE = "synoniemen.yaml"


def load_synonyms(path: Path, report: Reporter) -> list[Loaded]:
    """The synonym groups of ``path`` (schema problems are reported as BV101–BV103)."""
    return load_list(path, "synonyms", Synonym, report)


def check_synonyms(items: list[Loaded], report: Reporter) -> None:
    """Report every word that is not one usable word, is in two groups, or repeats a stem."""
    owner: dict[str, str] = {}
    for item in items:
        group: Synonym = item.record
        stems: dict[str, str] = {}
        for i, entry in enumerate(group.words):
            found = words(entry)
            if len(found) != 1:
                what = "a function word that search ignores" if not found else f"{len(found)} words ({', '.join(found)})"
                report.add(
                    item.path,
                    item.line("words", i),
                    "BV120",
                    f"synonym '{entry}' in group '{group.id}' is {what}; give single words of meaning, such as 'burenruzie'",
                )
                continue
            word = found[0]
            if word in owner:
                where = "earlier in this group" if owner[word] == group.id else f"in group '{owner[word]}'"
                report.add(
                    item.path,
                    item.line("words", i),
                    "BV121",
                    f"synonym '{word}' is already listed {where}; a word belongs to one group, once: merge the groups or remove it",
                )
                continue
            owner[word] = group.id
            word_stem = stem(word)
            if word_stem in stems:
                report.add(
                    item.path,
                    item.line("words", i),
                    "BV122",
                    f"synonym '{word}' has the same stem as '{stems[word_stem]}' ('{word_stem}'); search already finds one with the other, so leave it out",
                )
                continue
            stems[word_stem] = word
