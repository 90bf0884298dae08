"""The role ``bv:ref``: a link to any object by id, titled with the object's title.

``{bv:ref}`buurtbemiddeling``` → "Buurtbemiddeling"; ``{bv:ref}`bemiddeling <buurtbemiddeling>```
keeps its own text. An unknown id warns (``bv.unknown-id``) and stays plain text; a retired id
warns (``bv.retired-id``) and links to its replacement. The link resolves to where this project
renders the object or, through intersphinx, to a site that does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.roles import XRefRole

from ._data import catalog, resolve, title_of, use
from ._warnings import BvWarning, warn

if TYPE_CHECKING:
    from docutils.nodes import Element, Node, system_message
    from sphinx.environment import BuildEnvironment

__all__ = ["RefRole"]


class RefRole(XRefRole):
    def process_link(self, env: BuildEnvironment, refnode: Element, has_explicit_title: bool, title: str, target: str) -> tuple[str, str]:
        target = target.strip()
        record, error = resolve(catalog(env), target)
        use(env, ("title", target))
        if record is None:
            warn(BvWarning.UNKNOWN_ID, f"bv:ref: {error}", refnode)
            refnode["bv_unknown"] = True
            return title, target
        env.domains["bv"].note_read(("object", record.id))  # type: ignore[attr-defined]
        if record.id != target:
            warn(BvWarning.RETIRED_ID, f"bv:ref: '{target}' is retired; it is replaced by '{record.id}': use that id", refnode)
        return (title if has_explicit_title else title_of(record)), record.id

    def result_nodes(self, document: nodes.document, env: BuildEnvironment, node: Element, is_ref: bool) -> tuple[list[Node], list[system_message]]:
        if node.get("bv_unknown"):
            return [nodes.inline(node.astext(), node.astext(), classes=["bv-unknown"])], []
        return [node], []
