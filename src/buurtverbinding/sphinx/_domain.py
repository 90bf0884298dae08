"""The ``bv`` domain: which object is rendered where, page fingerprints, and cross-references.

The domain class declares everything the domain offers: its object types, its directives
(``BvDomain.directives``) and its role (``BvDomain.roles``). A component with a new directive adds
it with one line in ``directives`` (and imports its class here); its nodes and events it registers
itself, with its own ``setup_*`` function called from :mod:`._extension`.

Domain data (kept in the pickled environment, merged after parallel reads) holds every fact
that crosses pages; nothing else (no environment attribute, no docname written in the code):

``renderings`` id → list of :class:`ObjectEntry` (object type, docname, anchor, title): every
               page that renders and indexes the object, sorted by docname. The first one is
               the object's place (:attr:`BvDomain.objects`), whichever page was read first, so
               an incremental build and a clean build agree.
``locations``  docname → {id: source location} of each object rendered there (for warnings)
``uses``       docname → {fingerprint key: hash} of the catalogue pieces the page rendered
``reads``      docname → the cross-page facts its output depends on: ``("object", id)``, where an
               object is rendered; ``("page", kind)``, which page holds the project's wijzer or
               analysis
``wijzer``     docname → anchor of the Interventiewijzer on the page
``analysis``   docname → anchor of the Buurtanalyse on the page
``digest``     hash of the catalogue bytes the environment was last checked against

After the pages are read, the facts are compared with what they were before; the pages that
depend on a changed fact are written again (``env-updated``), and those that depend on a fact
of a removed page are read again (``env-get-outdated``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Set
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

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

ENV_VERSION = 4
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


Fact = tuple[str, str]
"""A fact that crosses pages: ``("object", id)`` or ``("page", "wijzer" | "analysis")``."""

PAGE_KINDS = ("wijzer", "analysis")
"""The kinds of page a project can hold once (the first, by docname, is the one linked)."""


class _Places(Mapping[str, ObjectEntry]):
    """``id → ObjectEntry`` of the page each object is linked to: the first of its renderings."""

    def __init__(self, renderings: dict[str, list[ObjectEntry]]) -> None:
        self._renderings = renderings

    def __getitem__(self, identifier: str) -> ObjectEntry:
        return self._renderings[identifier][0]

    def __iter__(self) -> Iterator[str]:
        return iter(self._renderings)

    def __len__(self) -> int:
        return len(self._renderings)


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
    initial_data: ClassVar[dict[str, Any]] = {"renderings": {}, "uses": {}, "reads": {}, "locations": {}, "wijzer": {}, "analysis": {}, "digest": ""}
    data_version = ENV_VERSION
    dangling_warnings = {"ref": "no bv object with id '%(target)s' is rendered in this project"}

    # --- recording, during reading ---------------------------------------------------------

    @property
    def objects(self) -> Mapping[str, ObjectEntry]:
        """Where each rendered object is linked to (read-only; see :meth:`note_object`)."""
        return _Places(self.data["renderings"])

    def note_object(self, kind: str, identifier: str, title: str, anchor: str, location: Any = None) -> None:
        """Index ``identifier`` as rendered at ``anchor`` on the page being read. Two pages that
        render the same object are reported once all pages are read (:func:`_check`)."""
        docname = self.env.current_document.docname
        self._add(identifier, ObjectEntry(kind, docname, anchor, title))
        if location is not None:
            self.data["locations"].setdefault(docname, {})[identifier] = location

    def _add(self, identifier: str, entry: ObjectEntry) -> None:
        found: list[ObjectEntry] = self.data["renderings"].setdefault(identifier, [])
        if entry not in found:
            found.append(entry)
            found.sort()

    def note_use(self, key: tuple[str, ...], value: str) -> None:
        self.data["uses"].setdefault(self.env.current_document.docname, {})[key] = value

    def note_read(self, fact: Fact) -> None:
        """Record that the current page's output depends on ``fact`` (written again when it changes)."""
        self.data["reads"].setdefault(self.env.current_document.docname, set()).add(fact)

    def note_page(self, kind: str, anchor: str) -> None:
        """Record that the current page holds the project's ``kind`` (``wijzer`` or ``analysis``)."""
        self.data[kind][self.env.current_document.docname] = anchor

    def note_wijzer(self, anchor: str) -> None:
        self.note_page("wijzer", anchor)

    def page(self, kind: str) -> str | None:
        """The docname of the project's ``kind`` page (the first by docname), or ``None``."""
        pages: dict[str, str] = self.data[kind]
        return min(pages) if pages else None

    # --- environment bookkeeping -----------------------------------------------------------

    def clear_doc(self, docname: str) -> None:
        renderings: dict[str, list[ObjectEntry]] = self.data["renderings"]
        for identifier, found in list(renderings.items()):
            kept = [entry for entry in found if entry.docname != docname]
            if not kept:
                del renderings[identifier]
            elif len(kept) != len(found):
                renderings[identifier] = kept
        for key in ("uses", "reads", "locations", *PAGE_KINDS):
            self.data[key].pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for identifier, found in otherdata["renderings"].items():
            for entry in found:
                if entry.docname in docnames:
                    self._add(identifier, entry)
        for key in ("uses", "reads", "locations", *PAGE_KINDS):
            for docname in docnames:
                if docname in otherdata[key]:
                    self.data[key][docname] = otherdata[key][docname]

    # --- cross-page facts -------------------------------------------------------------------

    def facts(self, without: Set[str] = frozenset()) -> dict[Fact, Any]:
        """Every cross-page fact as it stands, or as it would stand without the pages ``without``."""
        facts: dict[Fact, Any] = {}
        for identifier, found in self.data["renderings"].items():
            kept = [entry for entry in found if entry.docname not in without]
            if kept:
                facts["object", identifier] = kept[0]
        for kind in PAGE_KINDS:
            pages = sorted(set(self.data[kind]) - without)
            if pages:
                facts["page", kind] = (pages[0], self.data[kind][pages[0]])
        return facts

    def dependents(self, changed: Set[Fact]) -> set[str]:
        """The pages whose output depends on one of the ``changed`` facts. A page with a wijzer
        depends on every fact (its results link to every example and to the analysis page)."""
        if not changed:
            return set()
        found = {docname for docname, reads in self.data["reads"].items() if reads & changed}
        return found | set(self.data["wijzer"])

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

    def page_uri(self, kind: str, builder: Builder, fromdocname: str) -> str | None:
        """The link from ``fromdocname`` to the project's ``kind`` page (``wijzer`` or
        ``analysis``), or ``None``. Record the dependency with ``note_read(("page", kind))``."""
        docname = self.page(kind)
        return None if docname is None else builder.get_relative_uri(fromdocname, docname)

    def wijzer_uri(self, builder: Builder, fromdocname: str) -> str | None:
        """The link from ``fromdocname`` to the project's (first) Interventiewijzer, or ``None``."""
        return self.page_uri("wijzer", builder, fromdocname)

    def analysis_uri(self, builder: Builder, fromdocname: str) -> str | None:
        """The link from ``fromdocname`` to the project's (first) Buurtanalyse, or ``None``."""
        return self.page_uri("analysis", builder, fromdocname)


_before: dict[int, dict[Fact, Any]] = {}
"""The cross-page facts of each environment (by ``id``) before its pages are read again."""


def _outdated(app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str], removed: Set[str]) -> list[str]:
    domain: BvDomain = env.domains["bv"]  # type: ignore[assignment]
    facts = domain.facts()
    _before[id(env)] = facts
    # the facts that removed pages held change now: the pages that show them are read again
    remaining = domain.facts(without=removed)
    stale = domain.dependents({fact for fact in facts.keys() | remaining.keys() if facts.get(fact) != remaining.get(fact)})
    current = digest(catalog_bytes(env))
    if domain.data["digest"] != current:
        domain.data["digest"] = current
        stale |= outdated_docs(catalog(env), domain.data["uses"])
    return sorted(stale - set(removed))


def _updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """After reading: the pages whose output depends on a fact that the read changed."""
    domain: BvDomain = env.domains["bv"]  # type: ignore[assignment]
    before = _before.pop(id(env), None)
    if before is None:
        return []
    after = domain.facts()
    changed = {fact for fact in before.keys() | after.keys() if before.get(fact) != after.get(fact)}
    return sorted(domain.dependents(changed) & env.found_docs)


def _check(app: Sphinx, env: BuildEnvironment) -> None:
    """Once every page is read: warn ``bv.duplicate`` for each extra page that renders an object
    (the same warnings in a clean, an incremental and a parallel build)."""
    domain: BvDomain = env.domains["bv"]  # type: ignore[assignment]
    for identifier, found in sorted(domain.data["renderings"].items()):
        first = found[0].docname
        for docname in sorted({entry.docname for entry in found} - {first}):
            where = domain.data["locations"].get(docname, {}).get(identifier, docname)
            warn(BvWarning.DUPLICATE, f"'{identifier}' is also rendered in {first}; add :no-index: to one of them", where)


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
    app.connect("env-updated", _updated)
    app.connect("env-check-consistency", _check)
    app.connect("warn-missing-reference", _missing)
