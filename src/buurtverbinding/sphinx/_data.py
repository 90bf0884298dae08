"""The catalogue as the extension sees it: where it comes from, loaded once, ids resolved.

By default the catalogue that ships inside the package is used. With ``bv_content_dir`` the
extension compiles that content folder (the same compiler as ``buurtverbinding lint``) into
the build's doctree folder when the builder starts, and reads that file.

Incremental builds are kept exact by *fingerprints*: each page records which pieces of the
catalogue it rendered (``("record", "buurtbemiddeling")``, ``("list", ...)``) with a hash of
what they looked like. When the catalogue changes, only the pages whose pieces changed are
read again (see :func:`outdated_docs`), not every page that shows catalogue data.
"""

from __future__ import annotations

import hashlib
import json
import threading
import warnings
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.errors import SphinxError

from ..catalog import Catalog
from ._config import get_config

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from ..catalog import Record

__all__ = ["CatalogError", "catalog", "catalog_bytes", "compile_content", "fingerprint", "outdated_docs", "resolve", "use"]

COMPILED_NAME = "bv-catalog.json"
"""File name of the compiled content folder, inside the doctree folder."""


class CatalogError(SphinxError):
    """The catalogue cannot be had: a content folder with errors, or a package built without it."""

    category = "buurtverbinding catalogue error"


_lock = threading.Lock()
_cache: dict[str, tuple[tuple[int, int], Catalog]] = {}


def compile_content(app: Sphinx) -> None:
    """Compile ``bv_content_dir`` into the doctree folder (rewritten only when its bytes change)."""
    config = get_config(app)
    if config.content_dir is None:
        return
    from ..compiler import CompileError, build

    try:
        build(config.content_dir, _compiled_path(app.doctreedir))
    except CompileError as exc:
        raise CatalogError(f"bv_content_dir {config.content_dir}: {exc}") from None


def _compiled_path(doctreedir: str | Path) -> Path:
    return Path(doctreedir) / COMPILED_NAME


def _source(env: BuildEnvironment) -> tuple[Path, str]:
    """The compiled file this project uses, and what to say when it is missing."""
    if env.config.bv_content_dir is None:
        path = Path(str(resources.files("buurtverbinding") / "_data" / "catalog.json"))
        return path, "the package has no compiled catalogue; install it with 'pip install .' (or 'pip install -e .')"
    return _compiled_path(env.doctreedir), "the content folder has not been compiled yet"


def catalog_bytes(env: BuildEnvironment) -> bytes:
    """The bytes of the catalogue this project uses."""
    path, missing = _source(env)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise CatalogError(missing) from None


def catalog(env: BuildEnvironment) -> Catalog:
    """The catalogue this project uses: parsed once per version of its file.

    The file is compiled atomically and rewritten only when it changes, so its size and
    modification time identify a version without reading it on every call.
    """
    path, missing = _source(env)
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise CatalogError(missing) from None
    version = (stat.st_mtime_ns, stat.st_size)
    key = str(path)
    with _lock:
        cached = _cache.get(key)
        if cached is None or cached[0] != version:
            cached = (version, Catalog.model_validate_json(catalog_bytes(env)))
            _cache[key] = cached
    return cached[1]


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def resolve(cat: Catalog, identifier: str) -> tuple[Record | None, str]:
    """``(record, "")``; for a retired id ``(replacement, "")`` with ``record.id != identifier``;
    for an unknown id ``(None, message naming the closest ids)``."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        try:
            return cat.get(identifier), ""
        except KeyError as exc:
            return None, str(exc)


# --- fingerprints -------------------------------------------------------------------------


def _dump(value: Any) -> Any:
    return value.model_dump(mode="json") if hasattr(value, "model_dump") else value


def _piece(cat: Catalog, key: tuple[str, ...]) -> Any:
    kind, *args = key
    if kind == "record":
        record, error = resolve(cat, args[0])
        return _dump(record) if record is not None else error
    if kind == "title":
        record, error = resolve(cat, args[0])
        return [record.id, title_of(record)] if record is not None else error
    if kind == "vocab":
        return _dump(cat.vocabulary(args[0]))
    if kind in ("list", "count"):
        try:
            found = cat.filter(**json.loads(args[0]))
        except ValueError as exc:
            return str(exc)
        return len(found) if kind == "count" else [[e.id, e.title, e.summary] for e in found]
    if kind == "directions":
        return [[d.id, d.number, d.title, d.short_title, d.summary] for d in cat.directions]
    if kind == "checklists":
        return [[c.id, c.title, c.purpose] for c in cat.checklists if c.step == args[0]]
    if kind == "glossary":
        return _dump(list(cat.glossary))
    raise ValueError(f"unknown fingerprint kind {kind!r}")


def fingerprint(cat: Catalog, key: tuple[str, ...]) -> str:
    """A short hash of what ``key`` looks like in ``cat``."""
    text = json.dumps(_piece(cat, key), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def outdated_docs(cat: Catalog, uses: dict[str, dict[tuple[str, ...], str]]) -> set[str]:
    """The documents whose recorded pieces look different in ``cat``."""
    current: dict[tuple[str, ...], str] = {}
    stale = set()
    for docname, pieces in uses.items():
        for key, old in pieces.items():
            if key not in current:
                current[key] = fingerprint(cat, key)
            if current[key] != old:
                stale.add(docname)
                break
    return stale


def title_of(record: Any) -> str:
    """The display title of any record (a term's word, a question's text)."""
    for name in ("title", "term", "question"):
        value = getattr(record, name, None)
        if value:
            return str(value)
    return str(record.id)


def kind_of(record: Any) -> str:
    """The object type name of a record: example, direction, step, checklist, item or term."""
    from ..models import Checklist, ChecklistItem, Direction, Example, Step, Term

    kinds: dict[type, str] = {Example: "example", Direction: "direction", Step: "step", Checklist: "checklist", ChecklistItem: "item", Term: "term"}
    return kinds.get(type(record), "other")


def use(env: BuildEnvironment, key: tuple[str, ...]) -> None:
    """Record that the current page renders the catalogue piece ``key`` (see :func:`outdated_docs`)."""
    env.domains["bv"].note_use(key, fingerprint(catalog(env), key))  # type: ignore[attr-defined]
