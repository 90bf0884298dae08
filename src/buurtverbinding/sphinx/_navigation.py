"""How a reader moves through a site with the catalogue: previous/next, the meta description and
the glossary's A–Z. Each is site policy, off by default and switched on with its own ``bv_*``
value (``bv_reading_order``, ``bv_meta_description``, ``bv_glossary_navigation``).

- **Previous/next** follow the reading order of the site without the one-page-per-example
  pages: those hang in hidden toctrees under their direction page, so Sphinx would otherwise
  walk a reader through every example. From an example page, "previous" is its direction page
  and "next" the page after that direction.
- **Meta description**: every HTML page gets ``<meta name="description">`` from its summary (the
  object's ``bv-summary`` paragraph, else the page's first paragraph).
- **Glossary**: a ``bv:glossary`` list gets A–Z jump links, and a term with an example of the
  same name links to that example's page; each term's anchor is put on its ``<dt>`` (HTML has
  no element for the list item that holds it).
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from ._config import get_config
from ._data import catalog

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

__all__ = ["describe", "reading_order", "setup_navigation"]

DESCRIPTION_LENGTH = 160


# --- previous / next ---------------------------------------------------------------------


def reading_order(env: BuildEnvironment, skip: str | None) -> list[str]:
    """The documents in toctree order, without those under the folder ``skip``."""
    relations = env.collect_relations()
    order: list[str] = []
    seen: set[str] = set()
    current: str | None = env.config.root_doc
    while current is not None and current not in seen:
        seen.add(current)
        if not (skip and current.startswith(skip)):
            order.append(current)
        current = relations.get(current, [None, None, None])[2]
    return order


def _examples_folder(app: Sphinx) -> str | None:
    folder = get_config(app).pages_dir
    return f"{folder}/voorbeelden/" if folder else None


def _related(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if not get_config(app).reading_order:
        return
    skip = _examples_folder(app)
    if doctree is None or skip is None or "next" not in context and "prev" not in context:
        return
    builder: Any = app.builder
    env = builder.env
    key = (id(env), env.all_docs.get(env.config.root_doc))
    cached = getattr(builder, "_bv_reading_order", None)
    if cached is None or cached[0] != key:
        order = reading_order(env, skip)
        cached = (key, order, {doc: n for n, doc in enumerate(order)})
        builder._bv_reading_order = cached
    order, position = cached[1], cached[2]
    if pagename in position:
        n = position[pagename]
        before, after = (order[n - 1] if n > 0 else None), (order[n + 1] if n + 1 < len(order) else None)
    elif pagename.startswith(skip):
        parent = env.collect_relations().get(pagename, [None])[0]
        n = position.get(parent) if parent else None
        if n is None:
            return
        before, after = parent, order[n + 1] if n + 1 < len(order) else None
    else:
        return

    def link(docname: str | None) -> dict[str, str] | None:
        if docname is None or docname not in env.titles:
            return None
        return {"link": builder.get_relative_uri(pagename, docname), "title": builder.render_partial(env.titles[docname])["title"]}

    context["prev"], context["next"] = link(before), link(after)


# --- meta description ----------------------------------------------------------------------


def describe(doctree: nodes.document, limit: int = DESCRIPTION_LENGTH) -> str:
    """The page's summary as one line of at most ``limit`` characters (cut at a word)."""
    summary = next((n for n in doctree.findall(nodes.paragraph) if "bv-summary" in n["classes"]), None)
    if summary is None:
        summary = next((n for n in doctree.findall(nodes.paragraph) if _prose(n)), None)
    if summary is None:
        return ""
    text = " ".join(summary.astext().split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def _prose(node: nodes.Element) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, (nodes.admonition, nodes.field_list, nodes.table, nodes.definition_list, nodes.sidebar)):
            return False
        parent = parent.parent
    return bool(node.astext().strip())


def _description(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if not app.config.bv_meta_description or 'name="description"' in context.get("metatags", ""):
        return
    text = describe(doctree) if doctree is not None else ""
    if not text:
        text = _site_description(app)
    if text:
        context["metatags"] = context.get("metatags", "") + f'\n<meta name="description" content="{escape(text)}">'


def _site_description(app: Sphinx) -> str:
    """For pages without a doctree (search, index): the description of the home page."""
    builder: Any = app.builder
    cached = getattr(builder, "_bv_site_description", None)
    if cached is None:
        try:
            cached = describe(app.env.get_doctree(app.config.root_doc))
        except Exception:
            cached = ""
        builder._bv_site_description = cached
    return cached


# --- glossary A–Z and links to examples -------------------------------------------------------


def _letter(text: str) -> str:
    for char in text:
        if char.isalpha():
            return char.upper()
    return "#"


class GlossaryNavigation(SphinxPostTransform):
    """A–Z jump links above each ``bv:glossary`` list; terms link to the example of that name."""

    default_priority = 5  # before the references are resolved: the links to examples are bv:ref
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        if not self.config.bv_glossary_navigation:
            return
        for listing in list(self.document.findall(nodes.definition_list)):
            if "bv-glossary" in listing["classes"]:
                self._examples(listing)
                self._letters(listing)

    def _examples(self, listing: nodes.definition_list) -> None:
        cat = catalog(self.env)
        domain: Any = self.env.domains["bv"]
        by_title = {e.title.casefold(): e for e in cat.examples}
        by_id = {e.id: e for e in cat.examples}
        here = self.env.current_document.docname
        for item in listing.findall(nodes.definition_list_item):
            term, definition = item.next_node(nodes.term), item.next_node(nodes.definition)
            if term is None or definition is None:
                continue
            identifier = next((i[3:] for i in item["ids"] if i.startswith("bv-")), "")
            example = by_title.get(term.astext().casefold()) or by_id.get(identifier.removeprefix("begrip-"))
            if example is None or example.id not in domain.objects:
                continue
            link = addnodes.pending_xref(
                "", nodes.inline(example.title, example.title), refdomain="bv", reftype="ref", reftarget=example.id, refexplicit=True, refdoc=here
            )
            paragraph = nodes.paragraph("", "", nodes.Text("Praktijkvoorbeeld: "), link, classes=["bv-glossary-example"])
            definition.append(paragraph)

    def _letters(self, listing: nodes.definition_list) -> None:
        present: dict[str, str] = {}
        for item in listing.children:
            if not isinstance(item, nodes.definition_list_item):
                continue
            term = item.next_node(nodes.term)
            if term is None:
                continue
            # HTML has no element for a definition-list item: its ids (the term's own anchor) go on the <dt>
            term["ids"].extend(i for i in item["ids"] if i not in term["ids"])
            item["ids"] = []
            letter = _letter(term.astext())
            if letter not in present:
                anchor = f"bv-letter-{letter.lower()}" if letter != "#" else "bv-letter-overig"
                term["ids"].append(anchor)
                present[letter] = anchor
        links = []
        for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
            if letter in present:
                links.append(f'<li><a href="#{present[letter]}">{letter}</a></li>')
            else:
                links.append(f'<li><span aria-hidden="true">{letter}</span></li>')
        html = f'<nav class="bv-az" aria-label="Begrippen van A tot Z"><ul>{"".join(links)}</ul></nav>\n'
        listing.parent.insert(listing.parent.index(listing), nodes.raw("", html, format="html"))


def setup_navigation(app: Sphinx) -> None:
    app.add_post_transform(GlossaryNavigation)
    app.connect("html-page-context", _related)
    app.connect("html-page-context", _description)
