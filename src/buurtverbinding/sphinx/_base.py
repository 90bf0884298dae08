"""What every ``bv`` directive shares: looking up ids, declaring objects, headings, links."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.addnodes import pending_xref
from sphinx.util.docutils import SphinxDirective

from ._data import catalog, kind_of, resolve, title_of, use
from ._markdown import markdown_batch, markdown_nodes, rubric
from ._warnings import BvWarning, warn

if TYPE_CHECKING:
    from ..catalog import Catalog
    from ._domain import BvDomain

__all__ = ["BvDirective", "heading_level"]


def heading_level(argument: str | None) -> int:
    """Option converter: a heading level from 1 to 6."""
    if not argument:
        raise ValueError("a heading level is missing; use 1 to 6")
    value = directives.positive_int(argument)
    if value > 6:
        raise ValueError(f"heading level {value} is not valid; use 1 to 6")
    return value


class BvDirective(SphinxDirective):
    """Base class: ``self.cat`` is the project's catalogue; helpers record what the page uses."""

    kind: ClassVar[str] = ""
    """The object type this directive renders ('' for lists)."""

    common_options: ClassVar[dict[str, Any]] = {
        "no-title": directives.flag,
        "no-index": directives.flag,
        "heading-level": heading_level,
    }

    @property
    def cat(self) -> Catalog:
        return catalog(self.env)

    @property
    def domain(self) -> BvDomain:
        return self.env.domains["bv"]  # type: ignore[return-value]

    @property
    def level(self) -> int:
        """The heading level of the object's title; its inner headings are one deeper."""
        return int(self.options.get("heading-level", 2))

    def use(self, *key: str) -> None:
        use(self.env, key)

    def lookup(self, identifier: str) -> Any | None:
        """The record of ``self.kind`` with this id, or ``None`` after a warning."""
        self.use("record", identifier)
        record, error = resolve(self.cat, identifier)
        where = self.get_location()
        if record is None:
            warn(BvWarning.UNKNOWN_ID, f"bv:{self.name.split(':')[-1]}: {error}", where)
            return None
        if kind_of(record) != self.kind:
            other = kind_of(record)
            hint = f"; use bv:{other}" if other in ("example", "direction", "step", "checklist") else ""
            warn(BvWarning.WRONG_KIND, f"'{identifier}' names a {other}, but bv:{self.kind} renders {self.kind}s only{hint}", where)
            return None
        if record.id != identifier:
            warn(BvWarning.RETIRED_ID, f"'{identifier}' is retired; it is replaced by '{record.id}': use that id", where)
            self.use("record", record.id)
        return record

    def declare(self, node: nodes.Element, record: Any, title: str, kind: str | None = None) -> None:
        """Give ``node`` the object's anchor and index it (unless ``:no-index:``)."""
        if "no-index" in self.options:
            return
        anchor = f"bv-{record.id}"
        node["ids"].append(anchor)
        self.domain.note_object(kind or self.kind, record.id, title, anchor, self.get_location())

    def title(self, text: str) -> list[nodes.Node]:
        """The object's title as a heading, unless ``:no-title:``."""
        if "no-title" in self.options:
            return []
        return [rubric(text, self.level, "bv-title")]

    def heading(self, text: str, depth: int = 1) -> nodes.rubric:
        """A heading ``depth`` levels below the object's title."""
        return rubric(text, self.level + depth)

    def markdown(self, text: str, depth: int = 1) -> list[nodes.Node]:
        return markdown_nodes(text, self.state.document, heading_level=min(self.level + depth, 6), location=self.get_location())

    def markdown_fields(self, texts: dict[str, str], depth: int = 1) -> dict[str, list[nodes.Node]]:
        """Several Markdown fields at once, by name (one render for all; see ``markdown_batch``)."""
        names = [name for name, text in texts.items() if text]
        rendered = markdown_batch([texts[name] for name in names], self.state.document, heading_level=min(self.level + depth, 6), location=self.get_location())
        return dict(zip(names, rendered, strict=True))

    def link(self, identifier: str, text: str | None = None) -> pending_xref:
        """A link to an object, titled with its title. If the project does not render the object
        and no inventory has it, the title stays as plain text, without a warning."""
        self.use("title", identifier)
        record, _ = resolve(self.cat, identifier)
        self.domain.note_read(("object", record.id if record is not None else identifier))
        if text is None:
            text = identifier if record is None else title_of(record)
        node = pending_xref(
            "",
            refdomain="bv",
            reftype="ref",
            reftarget=identifier,
            refexplicit=True,
            refwarn=False,
            bv_optional=True,
            refdoc=self.env.current_document.docname,
        )
        node += nodes.inline(text, text, classes=["xref", "bv", "bv-ref"])
        return node

    def field(self, name: str, *body: nodes.Node | str) -> nodes.field:
        """One row of a field list; strings become text."""
        paragraph = nodes.paragraph()
        for part in body:
            paragraph += nodes.Text(part) if isinstance(part, str) else part
        return nodes.field("", nodes.field_name(name, name), nodes.field_body("", paragraph))

    def labels(self, vocabulary: str, values: tuple[str, ...]) -> str:
        self.use("vocab", vocabulary)
        return ", ".join(self.cat.label(vocabulary, value) for value in values)

    def joined(self, parts: list[nodes.Node], separator: str = ", ") -> list[nodes.Node]:
        result: list[nodes.Node] = []
        for number, part in enumerate(parts):
            if number:
                result.append(nodes.Text(separator))
            result.append(part)
        return result
