"""Loading the compiled catalogue that ships inside the package: once, lazily, thread-safe."""

from __future__ import annotations

import threading
from importlib import resources

from .catalog import Catalog

__all__ = ["CatalogMissingError", "load"]

_lock = threading.Lock()
_catalog: Catalog | None = None


class CatalogMissingError(RuntimeError):
    """The compiled catalogue is not in the package (a source checkout that was never built)."""


def load() -> Catalog:
    """The catalogue that ships with this package: the same object on every call, parsed once."""
    global _catalog
    if _catalog is not None:
        return _catalog
    with _lock:
        if _catalog is None:
            _catalog = Catalog.model_validate_json(_read())
    return _catalog


def _read() -> bytes:
    path = resources.files("buurtverbinding") / "_data" / "catalog.json"
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise CatalogMissingError(
            "the compiled catalogue (buurtverbinding/_data/catalog.json) is missing. It is made when the "
            "package is built: install with 'pip install .' (or 'pip install -e .' in a checkout)."
        ) from None
