"""Dutch typography, a site policy (``bv_dutch_typography``, off by default): apostrophes and
break opportunities in the long words of visible headings.

- **Apostrophes**: docutils' smart quotes turn the apostrophe of ``'s avonds`` or ``'t`` into an
  opening quote; it becomes a right single quote again (HTML only, after smart quotes ran).
- **Headings**: a long word in a heading breaks with a hyphen on a phone. Browsers do that with
  ``hyphens: auto`` and ``lang="nl"`` where they have a Dutch dictionary; Chromium on Linux has
  none, so the long words of headings get soft hyphens in the HTML *body only*. The words stay
  whole in the doctree (a :class:`hyphenated` node keeps the plain text as its child and only its
  HTML visitor writes the soft hyphens), so ``<title>``, the table of contents, previous/next,
  the meta description and the search index never see a soft hyphen; a small script
  (``bv-typography.js``) takes them out of the page while it is printed.

Where a word may break: compounds are split into words that the catalogue's own Dutch text uses
(``buurt|overleg``, ``oplossing|s|richting``, with the linking ``s``/``e``/``en``), and inside
those words at the points of pyphen's Dutch patterns. A word that is not made of the catalogue's
common words (a name such as ``Wiborgeiland``, an English word) is left whole, so no Dutch rule is applied to it; pages that match
``bv_english_pages`` are left alone altogether.
"""

from __future__ import annotations

import json
import re
import threading
from fnmatch import fnmatch
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from ._data import catalog_bytes

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

__all__ = ["DutchApostrophes", "HeadingHyphenation", "break_points", "hyphenate", "setup_typography"]

SOFT_HYPHEN = "\u00ad"
LONG_WORD = re.compile(r"[^\W\d_]{13,}")
"""Words of thirteen letters or more get break opportunities: a shorter word fits on one line of
a phone even in the page title, and breaking it where it would fit on the next line only looks
worse on a wide screen (``verbin-ding``)."""
MIN_PART = 4
"""The shortest word that counts as part of a compound."""
MIN_PYPHEN = 7
"""The shortest part inside which pyphen's patterns are used."""
LINKS = ("", "s", "e", "en")
"""Linking sounds between the parts of a Dutch compound (``oplossing-s-richting``)."""


def dutch_page(config: Any, docname: str) -> bool:
    """Whether ``docname`` is Dutch (not matched by ``bv_english_pages``)."""
    return not any(fnmatch(docname, pattern) for pattern in config.bv_english_pages)


# --- apostrophes -------------------------------------------------------------------------------

_ELIDED = re.compile(r"\u2018(s|t|k|n)(?=[\s\-\u00a0]|$)")
"""``'s avonds``, ``'t``, ``'k``, ``'n``: an elided word starts with an apostrophe (U+2019)."""


class DutchApostrophes(SphinxPostTransform):
    """``‘s avonds`` → ``’s avonds`` in the text of every Dutch page (after smart quotes)."""

    default_priority = 220
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        if not self.config.bv_dutch_typography or not dutch_page(self.config, self.env.current_document.docname):
            return
        for text in list(self.document.findall(nodes.Text)):
            if "\u2018" in text and not isinstance(text.parent, (nodes.literal, nodes.literal_block, nodes.raw)):
                fixed = _ELIDED.sub("\u2019\\1", str(text))
                if fixed != str(text):
                    text.parent.replace(text, nodes.Text(fixed))


# --- break opportunities in headings -------------------------------------------------------------

_lock = threading.Lock()


@lru_cache(maxsize=1)
def _pyphen() -> Any:
    try:
        import pyphen  # type: ignore[import-untyped,import-not-found,unused-ignore]  # optional (the docs extra), no type information
    except ImportError:  # optional: without it, only compounds break
        return None
    return pyphen.Pyphen(lang="nl_NL", left=3, right=3)


def _strings(value: Any) -> Any:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ADDRESS = re.compile(r"\S*(?:://|www\.|@)\S*|\S+\.(?:nl|com|org|eu|be|net)\b\S*")
"""Web and mail addresses, whose host names are written small (``amersfoort.nl``)."""


@lru_cache(maxsize=4)
def lexicon(data: bytes) -> frozenset[str]:
    """The common words of a compiled catalogue: those its text values (not its field names) write
    in lower case somewhere, outside ids and addresses. Names (``Wiborgeiland``, ``Amersfoort``)
    and titles in other languages are written with capitals, so they are not in it."""
    words: set[str] = set()
    for value in _strings(json.loads(data)):
        if _SLUG.fullmatch(value):
            continue  # an id or a vocabulary value: names of places are written small there
        text = _ADDRESS.sub(" ", value)
        words.update(word for word in re.findall(rf"[^\W\d_]{{{MIN_PART},}}", text) if word.islower())
    return frozenset(words)


def _split(word: str, known: frozenset[str]) -> list[str] | None:
    """``word`` (lower case) as known words with linking sounds, as many parts as possible
    (``["buurt", "overleg"]``); ``None`` when it is not made of known words."""
    best: dict[int, list[str] | None] = {len(word): []}
    for start in range(len(word) - 1, -1, -1):
        options = []
        for end in range(start + MIN_PART, len(word) + 1):
            part = word[start:end]
            for link in LINKS:
                stem = part[: len(part) - len(link)] if link else part
                if (not link or part.endswith(link)) and len(stem) >= MIN_PART and stem in known:
                    rest = best.get(end)
                    if rest is not None:
                        options.append([part, *rest])
                    break
        best[start] = max(options, key=len) if options else None
    return best[0]


def break_points(word: str, known: frozenset[str]) -> list[int]:
    """Where ``word`` may break: compound boundaries from ``known`` words, and pyphen's Dutch
    points inside those words. A word not made of known words (a name or an English word) does
    not break."""
    lower = word.lower()
    parts = _split(lower, known)
    if parts is None:  # not made of the catalogue's words: a name or an English word
        return []
    points: list[int] = []
    offset = 0
    dictionary = _pyphen()
    for number, part in enumerate(parts):
        if number:
            points.append(offset)
        if dictionary is not None and len(part) >= MIN_PYPHEN:
            points.extend(offset + p for p in dictionary.positions(part))
        offset += len(part)
    return sorted(set(points))


def hyphenate(text: str, known: frozenset[str]) -> str:
    """``text`` with soft hyphens at the break points of its long words."""

    def one(match: re.Match[str]) -> str:
        word = match.group()
        pieces, last = [], 0
        for point in break_points(word, known):
            pieces.append(word[last:point])
            last = point
        pieces.append(word[last:])
        return SOFT_HYPHEN.join(pieces)

    return LONG_WORD.sub(one, text)


class hyphenated(nodes.Inline, nodes.TextElement):  # noqa: N801
    """Heading text that the HTML writer writes with soft hyphens (``html``); its child is the
    plain text, which is what every other reader of the doctree (the search index) sees."""


def _visit_hyphenated(self: HTML5Translator, node: hyphenated) -> None:
    self.body.append(self.encode(node["html"]))
    raise nodes.SkipNode


class HeadingHyphenation(SphinxPostTransform):
    """Soft hyphens in the long words of the headings of Dutch pages (HTML only)."""

    default_priority = 230  # after the apostrophes
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        if not self.config.bv_dutch_typography or not dutch_page(self.config, self.env.current_document.docname):
            return
        known: frozenset[str] | None = None
        for heading in list(self.document.findall(lambda n: isinstance(n, (nodes.title, nodes.subtitle, nodes.rubric)))):
            for text in list(heading.findall(nodes.Text)):
                if isinstance(text.parent, (hyphenated, nodes.literal, nodes.raw)) or not LONG_WORD.search(str(text)):
                    continue
                if known is None:
                    with _lock:
                        known = lexicon(catalog_bytes(self.env))
                html = hyphenate(str(text), known)
                if html != str(text):
                    text.parent.replace(text, hyphenated("", str(text), html=html))


SCRIPT = "bv-typography.js"
"""Takes the soft hyphens out of the page while it is printed (a PDF's text layer shows them as spaces)."""


def _add_script(app: Sphinx) -> None:
    if app.builder.format == "html" and app.config.bv_dutch_typography:
        app.add_js_file(SCRIPT, loading_method="defer")


def setup_typography(app: Sphinx) -> None:
    app.connect("builder-inited", _add_script)
    app.add_node(hyphenated, html=(_visit_hyphenated, None))
    app.add_post_transform(DutchApostrophes)
    app.add_post_transform(HeadingHyphenation)
