"""The ``bv`` domain: which object is rendered where, page fingerprints, and cross-references.

The domain class declares everything the domain offers: its object types, its directives
(``BvDomain.directives``) and its role (``BvDomain.roles``). A component with a new directive adds
it with one line in ``directives`` (and imports its class here); its nodes and events it registers
itself, with its own ``setup_*`` function called from :mod:`._extension`.

Domain data (kept in the pickled environment, merged after parallel reads):

``objects``   id → :class:`ObjectEntry` (object type, docname, anchor, title) of every rendered,
              indexed object
``uses``      docname → {fingerprint key: hash} of the catalogue pieces the page rendered
``wijzer``    docname → anchor of each Interventiewijzer on the page
``digest``    hash of the catalogue bytes the environment was last checked against
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from typing import TYPE_CHECKING, Any, NamedTuple

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.domains import Domain, ObjType
from sphinx.util.nodes import make_refnode

from ._analysis import AdviceRulesDirective, AnalysisDirective
from ._data import catalog, catalog_bytes, digest, outdated_docs
from ._directives import (
    ChecklistDirective,
    DirectionDirective,
    ExampleDirective,
    ExamplesDirective,
    FilterOptionsDirective,
    GlossaryDirective,
    StepDirective,
    VocabularyDirective,
)
from ._labels import OBJECT_LABELS
from ._matrix import MatrixDirective
from ._roles import RefRole
from ._warnings import BvWarning, warn
from ._wijzer import WijzerDirective

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

__all__ = ["BvDomain", "ObjectEntry", "setup_domain"]

ENV_VERSION = 2
"""Version of the pickled domain data; raising it makes Sphinx read every page again."""


class ObjectEntry(NamedTuple):
    """Where one object is rendered (the value of ``BvDomain.objects[id]``)."""

    kind: str
    """Object type: ``example``, ``direction``, ``step``, ``checklist``, ``item`` or ``term``."""
    docname: str
    """The page that renders (and indexes) it."""
    anchor: str
    """The id of its node on that page (``bv-<id>``)."""
    title: str
    """Its display title."""


class BvDomain(Domain):
    """Objects of the buurtverbinding catalogue: examples, directions, steps, checklists,
    checklist questions and glossary terms, all linked with the one role ``bv:ref``."""

    name = "bv"
    label = "buurtverbinding"
    object_types = {kind: ObjType(label, "ref") for kind, label in OBJECT_LABELS.items()}
    directives = {
        "example": ExampleDirective,
        "examples": ExamplesDirective,
        "filter-options": FilterOptionsDirective,
        "direction": DirectionDirective,
        "step": StepDirective,
        "checklist": ChecklistDirective,
        "glossary": GlossaryDirective,
        "vocabulary": VocabularyDirective,
        "matrix": MatrixDirective,
        "interventiewijzer": WijzerDirective,
        "analysis": AnalysisDirective,
        "advice-rules": AdviceRulesDirective,
    }
    roles = {"ref": RefRole(warn_dangling=True, innernodeclass=nodes.inline)}
    initial_data = {"objects": {}, "uses": {}, "wijzer": {}, "digest": ""}
    data_version = ENV_VERSION
    dangling_warnings = {"ref": "no bv object with id '%(target)s' is rendered in this project"}

    # --- recording, during reading ---------------------------------------------------------

    @property
    def objects(self) -> dict[str, ObjectEntry]:
        objects: dict[str, ObjectEntry] = self.data["objects"]
        return objects

    def note_object(self, kind: str, identifier: str, title: str, anchor: str, location: Any = None, *, docname: str | None = None) -> None:
        """Index ``identifier`` as rendered at ``anchor`` on ``docname`` (default: the page being
        read). The one place that decides duplicates: when another page already renders the
        object, warn ``bv.duplicate`` and keep the first."""
        entry = ObjectEntry(kind, docname or self.env.current_document.docname, anchor, title)
        known = self.objects.get(identifier)
        if known is not None and known.docname != entry.docname:
            warn(
                BvWarning.DUPLICATE,
                f"'{identifier}' is also rendered in {known.docname}; add :no-index: to one of them",
                location or entry.docname,
            )
            return
        self.objects[identifier] = entry

    def note_use(self, key: tuple[str, ...], value: str) -> None:
        self.data["uses"].setdefault(self.env.current_document.docname, {})[key] = value

    def note_wijzer(self, anchor: str) -> None:
        self.data["wijzer"][self.env.current_document.docname] = anchor

    # --- environment bookkeeping -----------------------------------------------------------

    def clear_doc(self, docname: str) -> None:
        for identifier, entry in list(self.objects.items()):
            if entry.docname == docname:
                del self.objects[identifier]
        self.data["uses"].pop(docname, None)
        self.data["wijzer"].pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for identifier, entry in otherdata["objects"].items():
            if entry.docname in docnames:
                self.note_object(entry.kind, identifier, entry.title, entry.anchor, docname=entry.docname)
        for docname in docnames:
            if docname in otherdata["uses"]:
                self.data["uses"][docname] = otherdata["uses"][docname]
            if docname in otherdata["wijzer"]:
                self.data["wijzer"][docname] = otherdata["wijzer"][docname]

    # --- output --------------------------------------------------------------------------

    def get_objects(self) -> Iterable[tuple[str, str, str, str, str, int]]:
        for identifier, entry in sorted(self.objects.items()):
            yield identifier, entry.title, entry.kind, entry.docname, entry.anchor, 1

    def resolve_xref(
        self, env: BuildEnvironment, fromdocname: str, builder: Builder, typ: str, target: str, node: pending_xref, contnode: nodes.Element
    ) -> nodes.reference | None:
        entry = self.objects.get(target)
        if entry is None:
            return None
        return make_refnode(builder, fromdocname, entry.docname, entry.anchor, contnode, entry.title)

    def resolve_any_xref(
        self, env: BuildEnvironment, fromdocname: str, builder: Builder, target: str, node: pending_xref, contnode: nodes.Element
    ) -> list[tuple[str, nodes.reference]]:
        found = self.resolve_xref(env, fromdocname, builder, "ref", target, node, contnode)
        return [] if found is None else [(f"bv:{self.objects[target].kind}", found)]

    def uri(self, builder: Builder, fromdocname: str, identifier: str) -> str | None:
        """The link from ``fromdocname`` to a rendered object, or ``None``."""
        entry = self.objects.get(identifier)
        if entry is None:
            return None
        return builder.get_relative_uri(fromdocname, entry.docname) + "#" + entry.anchor

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
