"""``bv:matrix``: the number of examples for each direction (rows) and phase (columns).

In HTML it is a real table with a caption and ``<th scope>`` headers; each count links to the
Interventiewijzer with both filters set in the address (``?richting=…&fase=…``), when the
project has one. Other builders get an ordinary docutils table.
"""

from __future__ import annotations

import json
from html import escape
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urlencode

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..catalog import FACETS
from ._base import BvDirective
from ._labels import count

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

__all__ = ["MatrixDirective", "setup_matrix"]

CAPTION = "Aantal praktijkvoorbeelden per oplossingsrichting en fase"
TOTAL_NOTE = (
    "Totaal: het aantal verschillende voorbeelden bij de richting. Een voorbeeld dat in meer fasen past, "
    "telt in elke fase mee, maar in het totaal één keer. Daarom is het totaal vaak kleiner dan de som van de rij."
)
_PARAM = {key: facet.parameter for key, facet in FACETS.items()}


class matrix(nodes.container):  # noqa: N801 (docutils names nodes in lower case)
    """The matrix in every output format: its child is a plain table of the counts. Holds
    ``columns`` [(phase, label)] and ``rows`` [(direction, title, [count, ...], total)], from
    which :class:`MatrixHtml` makes the linked HTML table."""


class matrix_html(nodes.General, nodes.Element):  # noqa: N801
    """The HTML form of :class:`matrix` (same ``columns`` and ``rows``), written by ``_visit_html``."""


class MatrixDirective(BvDirective):
    """``bv:matrix``: directions × phases, with the number of examples in each cell."""

    option_spec: ClassVar = {}

    def run(self) -> list[nodes.Node]:
        cat = self.cat
        self.use("directions")
        self.use("vocab", "fasen")
        columns = [(value.id, value.label) for value in cat.vocabulary("fasen").values]
        rows = []
        for direction in cat.directions:
            cells = []
            for phase, _ in columns:
                query = {"direction": direction.id, "phase": phase}
                self.use("count", json.dumps(query, sort_keys=True))
                cells.append(len(cat.filter(**query)))
            self.use("count", json.dumps({"direction": direction.id}))
            rows.append((direction.id, direction.short_title, cells, len(cat.filter(direction=direction.id))))
        self.domain.note_read(("page", "wijzer"))  # the cells link to the Interventiewijzer
        for direction in cat.directions:
            self.domain.note_read(("object", direction.id))
        header = ["Richting", *(label for _, label in columns), "Totaal"]
        body = [[title, *(str(c) for c in cells), str(total)] for _, title, cells, total in rows]
        node = matrix("", _table(CAPTION, header, body), columns=columns, rows=rows)
        self.set_source_info(node)
        return [node]


def _visit_html(self: HTML5Translator, node: matrix_html) -> None:
    builder = self.builder
    domain: Any = builder.env.domains["bv"]
    here = builder.current_docname
    wijzer = domain.wijzer_uri(builder, here)
    caption = f"bv-matrix-caption-{self.section_level}-{len(self.body)}"
    out = [
        f'<div class="bv-matrix-wrapper" role="region" aria-labelledby="{caption}" tabindex="0">\n<table class="bv-matrix">\n',
        f'<caption id="{caption}">{escape(CAPTION)}</caption>\n',
    ]
    out.append('<thead><tr><th scope="col">Richting</th>')
    out.extend(f'<th scope="col">{escape(label)}</th>' for _, label in node["columns"])
    out.append('<th scope="col">Totaal</th></tr></thead>\n<tbody>\n')
    for direction, title, cells, total in node["rows"]:
        uri = domain.uri(builder, here, direction)
        head = f'<a href="{escape(uri)}">{escape(title)}</a>' if uri else escape(title)
        out.append(f'<tr><th scope="row">{head}</th>')
        for (phase, label), number in zip(node["columns"], cells, strict=True):
            out.append(_cell(number, wijzer, {"direction": direction, "phase": phase}, f"{title}, fase {label}"))
        out.append(_cell(total, wijzer, {"direction": direction}, f"{title}, alle fasen") + "</tr>\n")
    out.append("</tbody>\n</table>\n</div>\n")
    out.append(f'<p class="bv-matrix-note">{escape(TOTAL_NOTE)}</p>\n')
    self.body.append("".join(out))
    raise nodes.SkipNode


def _cell(number: int, wijzer: str | None, query: dict[str, str], context: str) -> str:
    if not number or wijzer is None:
        return f"<td>{number}</td>"
    href = wijzer + "?" + urlencode({_PARAM[k]: v for k, v in query.items()})
    words = count(number).split(" ", 1)[1]  # the number itself is the visible text
    hidden = f'<span class="bv-visually-hidden"> {escape(words)}: {escape(context)}</span>'
    return f'<td><a href="{escape(href)}">{number}{hidden}</a></td>'


class MatrixHtml(SphinxPostTransform):
    """For HTML builders only: the table with header scopes and links instead of the plain one
    (other builders keep the plain table)."""

    default_priority = 199
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for node in list(self.document.findall(matrix)):
            node.replace_self(matrix_html(columns=node["columns"], rows=node["rows"]))


def _table(caption: str, header: list[str], body: list[list[str]]) -> nodes.table:
    def row(cells: list[str]) -> nodes.row:
        return nodes.row("", *(nodes.entry("", nodes.paragraph(c, c)) for c in cells))

    group = nodes.tgroup(cols=len(header))
    widths = [max(len(r[n]) for r in [header, *body]) + 2 for n in range(len(header))]
    group += [nodes.colspec(colwidth=width, stub=1 if n == 0 else 0) for n, width in enumerate(widths)]
    group += nodes.thead("", row(header))
    group += nodes.tbody("", *(row(r) for r in body))
    return nodes.table("", nodes.title(caption, caption), group)


def setup_matrix(app: Sphinx) -> None:
    """The nodes and the HTML post-transform (the directive is declared in ``BvDomain.directives``)."""
    app.add_node(matrix)
    app.add_node(matrix_html, html=(_visit_html, None))
    app.add_post_transform(MatrixHtml)
