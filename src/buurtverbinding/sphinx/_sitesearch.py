"""The catalogue's Dutch search in the browser: ``_static/bv-search-data.js``.

When an HTML build finishes, this module writes one script that sets ``bv.data.search``:

- ``examples``: the catalogue's own search index (``SearchIndex.to_data``, the same one that
  ``Catalog.search`` reads), with per example its title, summary and page address;
- ``pages``: an index, made by the same analyser, of the other objects a professional looks for:
  directions, steps, checklists and glossary terms (each with its kind, title, a snippet and
  its page address);
- ``analyser``: the function words and every constant of matching and ranking
  (:func:`buurtverbinding._search.analyser_settings`);
- ``english``: common English words, so a page can say that the content is Dutch.

``static/bv-search.js`` (``bv.search``) evaluates it with the vendored Snowball stemmer
(``static/bv-stemmer.js``); the site search page (``bv-sitesearch.js``) and the
Interventiewijzer (``bv-wijzer.js``) use it. A script rather than JSON, because Chromium refuses
``fetch()`` of a local file from a page opened with ``file://``. Only objects that the project
renders are listed (an object without a page has no address to lead to).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._io import write_if_changed
from .._search import SearchIndex, analyser_settings
from ._data import catalog
from ._labels import OBJECT_LABELS

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..catalog import Catalog

__all__ = ["DATA_SCRIPT", "SCRIPTS", "browser_data", "script", "search_data", "setup_sitesearch"]

DATA_SCRIPT = "bv-search-data.js"
SCRIPTS = ("bv-stemmer.js", "bv-search.js")
"""The evaluator's scripts, in loading order (copied into ``_static`` with the other assets)."""
PAGE_SCRIPT = "bv-sitesearch.js"
"""The search page's controller (``docs/_templates/search.html`` holds its ``#bv-sitesearch``)."""
STYLESHEET = "bv-search.css"
SNIPPET = 240
"""Longest snippet (characters) kept per object for the results list."""

ENGLISH = (
    "the",
    "and",
    "of",
    "how",
    "what",
    "where",
    "when",
    "why",
    "which",
    "with",
    "between",
    "about",
    "against",
    "neighbourhood",
    "neighborhood",
    "tension",
    "tensions",
    "youth",
    "young",
    "people",
    "residents",
    "mediation",
    "polarization",
    "polarisation",
    "safety",
    "search",
    "examples",
    "to",
    "for",
    "are",
    "on",
)
"""Words that mark a query as English (none of them is also a Dutch word): a query of which at
least half the words are in this list gets a note that the content is Dutch."""


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= SNIPPET:
        return text
    cut = text.rfind(" ", 0, SNIPPET)
    return text[: cut if cut > 0 else SNIPPET] + " …"


def _pages(cat: Catalog, uri: Any) -> tuple[list[dict[str, list[str]]], list[list[str]]]:
    """The professional objects other than examples: their searchable fields and what the results
    list shows ([kind, title, snippet, address])."""
    documents: list[dict[str, list[str]]] = []
    shown: list[list[str]] = []

    def add(kind: str, identifier: str, title: str, snippet: str, fields: dict[str, list[str]]) -> None:
        address = uri(identifier)
        if address is None:
            return
        documents.append(fields)
        shown.append([OBJECT_LABELS[kind], title, _snippet(snippet), address])

    for d in cat.directions:
        add("direction", d.id, d.title, d.summary, {"title": [d.title, d.short_title], "summary": [d.summary], "body": [d.description]})
    for s in cat.steps:
        add("step", s.id, s.title, s.purpose, {"title": [s.title], "summary": [s.purpose], "body": [s.description, *s.participants, *s.outputs]})
    for c in cat.checklists:
        questions = [item.question for item in c.items]
        add("checklist", c.id, c.title, c.purpose, {"title": [c.title], "summary": [c.purpose], "body": questions})
    for t in cat.glossary:
        add("term", t.id, t.term, t.definition, {"title": [t.term], "summary": [t.definition]})
    return documents, shown


def browser_data(cat: Catalog, uri: Callable[[str], str | None]) -> dict[str, Any]:
    """What the browser searches, for a catalogue whose objects live at ``uri(id)`` (``None``: not
    rendered): the examples' index, the other objects' index, the analyser."""
    ids = [e.id for e in cat.examples]
    examples = cat._search_index().to_data(ids)  # the very index Catalog.search reads
    examples["docs"] = [[e.title, _snippet(e.summary), uri(e.id) or ""] for e in cat.examples]
    documents, shown = _pages(cat, uri)
    pages = SearchIndex.build(documents, [s.words for s in cat.synonyms]).to_data([row[3] for row in shown])
    pages["docs"] = shown
    return {
        "catalog_version": cat.version,
        "analyser": analyser_settings(),
        "examples": examples,
        "pages": pages,
        "english": list(ENGLISH),
    }


def search_data(app: Sphinx) -> dict[str, Any]:
    """:func:`browser_data` for this project's catalogue and pages."""
    builder = app.builder
    domain: Any = builder.env.domains["bv"]

    def uri(identifier: str) -> str | None:
        entry = domain.objects.get(identifier)
        return builder.get_target_uri(entry.docname) + "#" + entry.anchor if entry else None

    return browser_data(catalog(builder.env), uri)


def script(data: dict[str, Any]) -> bytes:
    """The script that sets ``bv.data.search`` (what ``_static/bv-search-data.js`` holds)."""
    compact = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).replace("</", "<\\/")
    return (
        "/* Generated by buurtverbinding.sphinx: the catalogue's search index for bv-search.js. */\n"
        'var bv = (typeof globalThis !== "undefined" ? globalThis : window).bv = '
        '(typeof globalThis !== "undefined" ? globalThis : window).bv || {};\n'
        f"bv.data = bv.data || {{}};\nbv.data.search = {compact};\n"
    ).encode()


def _write(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    write_if_changed(Path(app.builder.outdir) / "_static" / DATA_SCRIPT, script(search_data(app)))


def _search_page(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """On the search page: the scripts (deferred, in order) and the Interventiewijzer's address
    (``bv_wijzer_uri``) for the page template."""
    if templatename != "search.html":
        return
    for name in (*SCRIPTS, DATA_SCRIPT, PAGE_SCRIPT):
        app.add_js_file(name, loading_method="defer")
    app.add_css_file(STYLESHEET)
    context["bv_wijzer_uri"] = app.builder.env.domains["bv"].wijzer_uri(app.builder, pagename)  # type: ignore[attr-defined]


def setup_sitesearch(app: Sphinx) -> None:
    """Write the search data when an HTML build finishes (the scripts ship with the assets); the
    search page gets the scripts."""
    app.connect("html-page-context", _search_page)
    app.connect("build-finished", _write)
