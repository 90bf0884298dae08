"""Markdown fields of the catalogue → docutils nodes, with MyST-Parser.

The fields are parsed into a separate document and its nodes are returned, so they render
the same whether the host page is reStructuredText or Markdown. Headings inside a field
become rubrics at the level the caller asks for (a field cannot open sections in the middle
of a page), and raw HTML never passes through.
"""

from __future__ import annotations

import threading
from typing import Any

from docutils import nodes
from sphinx.util.docutils import new_document

from ._warnings import BvWarning, warn

__all__ = ["markdown_batch", "markdown_nodes", "rubric"]

_BREAK = "bv-field-break"
"""A MyST comment line (``% bv-field-break``) between fields rendered together."""


def rubric(text: str, level: int, *classes: str) -> nodes.rubric:
    """A heading that does not open a section (``<h2 class="rubric">`` and so on in HTML)."""
    node = nodes.rubric(text, text, classes=list(classes))
    node["heading-level"] = max(1, min(level, 6))
    return node


_parsers = threading.local()


def _parser(config: Any) -> Any:
    """The MyST Markdown parser for the project's ``myst_config``, made once and reused.

    Making one (markdown-it with MyST's plugins) costs far more than parsing a short field, and
    a page may hold dozens of fields. The renderer starts afresh at every render.
    """
    cached = getattr(_parsers, "value", None)
    if cached is None or cached[0] is not config:
        # MyST (and with it markdown-it) is needed only when a page renders a Markdown field.
        from myst_parser.mdit_to_docutils.sphinx_ import SphinxRenderer
        from myst_parser.parsers.mdit import create_md_parser

        cached = (config, create_md_parser(config, SphinxRenderer))
        _parsers.value = cached
    return cached[1]


def markdown_batch(texts: list[str], document: nodes.document, *, heading_level: int, location: object = None) -> list[list[nodes.Node]]:
    """The block nodes of several Markdown fields, rendered in one pass (one render costs far more
    than a short field); falls back to one pass per field if a field swallows the break between
    them (an unclosed code fence, say)."""
    if len(texts) < 2:
        return [markdown_nodes(text, document, heading_level=heading_level, location=location) for text in texts]
    joined = f"\n\n% {_BREAK}\n\n".join(text.strip() for text in texts)
    parts: list[list[nodes.Node]] = [[]]
    for node in markdown_nodes(joined, document, heading_level=heading_level, location=location):
        if isinstance(node, nodes.comment) and node.astext().strip() == _BREAK:
            parts.append([])
        else:
            parts[-1].append(node)
    if len(parts) != len(texts):
        return [markdown_nodes(text, document, heading_level=heading_level, location=location) for text in texts]
    return parts


def markdown_nodes(text: str, document: nodes.document, *, heading_level: int, location: object = None) -> list[nodes.Node]:
    """The block nodes of ``text`` (Markdown), for insertion into ``document``."""
    sub = new_document(document["source"], document.settings)
    sub.reporter = document.reporter
    parser = _parser(document.settings.env.myst_config)
    parser.options["document"] = sub
    parser.render(text)
    for raw in list(sub.findall(nodes.raw)):
        warn(BvWarning.RAW_HTML, "raw HTML in a Markdown field of the catalogue was left out", location)
        raw.parent.remove(raw)
    for node in sub.findall(include_self=False):
        # The nodes move to the host document. Left pointing at the separate one, they would
        # carry its settings, and with them the whole build environment, into the pickled
        # doctree of every page (making each page's pickle grow with the size of the site).
        node.document = document
    return _flatten(list(sub.children), heading_level)


def _flatten(children: list[nodes.Node], level: int) -> list[nodes.Node]:
    result: list[nodes.Node] = []
    for child in children:
        if isinstance(child, nodes.section):
            title = child.next_node(nodes.title)
            text = title.astext() if title is not None else ""
            result.append(rubric(text, level))
            rest = [c for c in child.children if not isinstance(c, nodes.title)]
            result.extend(_flatten(rest, level + 1))
        else:
            for node in child.findall(nodes.Element):
                node["ids"] = []  # ids made in the separate document mean nothing here
            result.append(child)
    return result
