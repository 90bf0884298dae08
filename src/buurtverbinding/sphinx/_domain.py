"""The ``bv`` domain: which object is rendered where, page fingerprints, and cross-references.

Domain data (kept in the pickled environment, merged after parallel reads):

``objects``   id → (object type, docname, anchor, title) of every rendered, indexed object
``uses``      docname → {fingerprint key: hash} of the catalogue pieces the page rendered
``wijzer``    docname → anchor of each Interventiewijzer on the page
``digest``    hash of the catalogue bytes the environment was last checked against
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.domains import Domain, ObjType
from sphinx.util.nodes import make_refnode

from ._data import catalog, catalog_bytes, digest, outdated_docs
from ._labels import OBJECT_LABELS
from ._roles import RefRole
from ._warnings import BvWarning, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

__all__ = ["BvDomain", "setup_domain"]

ENV_VERSION = 1


class BvDomain(Domain):
    """Objects of the buurtverbinding catalogue: examples, directions, steps, checklists,
    checklist questions and glossary terms, all linked with the one role ``bv:ref``."""

    name = "bv"
    label = "buurtverbinding"
    object_types = {kind: ObjType(label, "ref") for kind, label in OBJECT_LABELS.items()}
    roles = {"ref": RefRole(warn_dangling=True, innernodeclass=nodes.inline)}
    initial_data: dict[str, Any] = {"objects": {}, "uses": {}, "wijzer": {}, "digest": ""}
    data_version = ENV_VERSION
    dangling_warnings = {"ref": "no bv object with id '%(target)s' is rendered in this project"}

    # --- recording, during reading ---------------------------------------------------------

    @property
    def objects(self) -> dict[str, tuple[str, str, str, str]]:
        return self.data["objects"]

    def note_object(self, kind: str, identifier: str, title: str, anchor: str, location: Any) -> None:
        docname = self.env.current_document.docname
        if identifier in self.objects and self.objects[identifier][1] != docname:
            other = self.objects[identifier][1]
            warn(BvWarning.DUPLICATE, f"'{identifier}' is also rendered in {other}; add :no-index: to one of them", location)
            return
        self.objects[identifier] = (kind, docname, anchor, title)

    def note_use(self, key: tuple[str, ...], value: str) -> None:
        self.data["uses"].setdefault(self.env.current_document.docname, {})[key] = value

    def note_wijzer(self, anchor: str) -> None:
        self.data["wijzer"][self.env.current_document.docname] = anchor

    # --- environment bookkeeping -----------------------------------------------------------

    def clear_doc(self, docname: str) -> None:
        for identifier, entry in list(self.objects.items()):
            if entry[1] == docname:
                del self.objects[identifier]
        self.data["uses"].pop(docname, None)
        self.data["wijzer"].pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for identifier, entry in otherdata["objects"].items():
            if entry[1] not in docnames:
                continue
            if identifier in self.objects and self.objects[identifier][1] != entry[1]:
                other = self.objects[identifier][1]
                warn(BvWarning.DUPLICATE, f"'{identifier}' is also rendered in {other}; add :no-index: to one of them", entry[1])
                continue
            self.objects[identifier] = entry
        for docname in docnames:
            if docname in otherdata["uses"]:
                self.data["uses"][docname] = otherdata["uses"][docname]
            if docname in otherdata["wijzer"]:
                self.data["wijzer"][docname] = otherdata["wijzer"][docname]

    # --- output --------------------------------------------------------------------------

    def get_objects(self) -> Iterable[tuple[str, str, str, str, str, int]]:
        for identifier, (kind, docname, anchor, title) in sorted(self.objects.items()):
            yield identifier, title, kind, docname, anchor, 1

    def resolve_xref(
        self, env: BuildEnvironment, fromdocname: str, builder: Builder, typ: str, target: str, node: pending_xref, contnode: nodes.Element
    ) -> nodes.reference | None:
        entry = self.objects.get(target)
        if entry is None:
            return None
        kind, docname, anchor, title = entry
        return make_refnode(builder, fromdocname, docname, anchor, contnode, title)

    def resolve_any_xref(
        self, env: BuildEnvironment, fromdocname: str, builder: Builder, target: str, node: pending_xref, contnode: nodes.Element
    ) -> list[tuple[str, nodes.reference]]:
        found = self.resolve_xref(env, fromdocname, builder, "ref", target, node, contnode)
        return [] if found is None else [(f"bv:{self.objects[target][0]}", found)]

    def uri(self, builder: Builder, fromdocname: str, identifier: str) -> str | None:
        """The link from ``fromdocname`` to a rendered object, or ``None``."""
        entry = self.objects.get(identifier)
        if entry is None:
            return None
        return builder.get_relative_uri(fromdocname, entry[1]) + "#" + entry[2]

    def wijzer_uri(self, builder: Builder, fromdocname: str) -> str | None:
        """The link from ``fromdocname`` to the project's (first) Interventiewijzer, or ``None``."""
        if not self.data["wijzer"]:
            return None
        docname = sorted(self.data["wijzer"])[0]
        return builder.get_relative_uri(fromdocname, docname)


def _outdated(app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str], removed: Set[str]) -> list[str]:
    domain: BvDomain = env.domains["bv"]  # type: ignore[assignment]
    current = digest(catalog_bytes(env))
    if domain.data["digest"] == current:
        return []
    domain.data["digest"] = current
    return sorted(outdated_docs(catalog(env), domain.data["uses"]) - set(removed))


def _missing(app: Sphinx, domain: Domain | None, node: pending_xref) -> bool | None:
    if domain is None or domain.name != "bv":
        return None
    if not node.get("bv_optional"):
        warn(
            BvWarning.UNRESOLVED,
            f"'{node['reftarget']}' is in the catalogue but not rendered in this project; render it "
            "(for instance with bv_pages_dir) or link to the published site with intersphinx",
            node,
        )
    return True


def setup_domain(app: Sphinx) -> None:
    app.add_domain(BvDomain)
    app.connect("env-get-outdated", _outdated)
    app.connect("warn-missing-reference", _missing)
