"""Markdown fields of the catalogue → docutils nodes, with MyST-Parser.

The fields are parsed into a separate document and its nodes are returned, so they render
the same whether the host page is reStructuredText or Markdown. Headings inside a field
become rubrics at the level the caller asks for (a field cannot open sections in the middle
of a page), and raw HTML never passes through.
"""

from __future__ import annotations

from docutils import nodes
from myst_parser.parsers.sphinx_ import MystParser
from sphinx.util.docutils import new_document

from ._warnings import BvWarning, warn

__all__ = ["markdown_nodes", "rubric"]


def rubric(text: str, level: int, *classes: str) -> nodes.rubric:
    """A heading that does not open a section (``<h2 class="rubric">`` and so on in HTML)."""
    node = nodes.rubric(text, text, classes=list(classes))
    node["heading-level"] = max(1, min(level, 6))
    return node


def markdown_nodes(text: str, document: nodes.document, *, heading_level: int, location: object = None) -> list[nodes.Node]:
    """The block nodes of ``text`` (Markdown), for insertion into ``document``."""
    sub = new_document(document["source"], document.settings)
    sub.reporter = document.reporter
    MystParser().parse(text, sub)
    for raw in list(sub.findall(nodes.raw)):
        warn(BvWarning.RAW_HTML, "raw HTML in a Markdown field of the catalogue was left out", location)
        raw.parent.remove(raw)
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
