"""Loading the compiled catalogue that ships inside the package: once, lazily, thread-safe.

The packaged ``catalog.json`` was validated record by record when the wheel was built (an
invalid tree cannot produce a wheel), so loading it checks the format version and builds the
frozen records without validating them a second time: that keeps ``import buurtverbinding;
load()`` cheap. Bytes from anywhere else go through :meth:`Catalog.model_validate_json`, which
validates everything; a test checks that both roads give the same catalogue.
"""

from __future__ import annotations

import datetime
import gc
import threading
import types
import typing
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic_core import from_json

from .catalog import CATALOG_FORMAT, Catalog

__all__ = ["CatalogMissingError", "load", "load_file"]

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
            data = Path(__file__).with_name("_data")  # a plain folder: wheels install unzipped
            try:
                raw = (data / "catalog.json").read_bytes()
            except FileNotFoundError:
                raise CatalogMissingError(
                    "the compiled catalogue (buurtverbinding/_data/catalog.json) is missing. It is made when the "
                    "package is built: install with 'pip install .' (or 'pip install -e .' in a checkout)."
                ) from None
            _catalog = _from_trusted_bytes(raw, lambda: _read_json(data / "search.json"))
    return _catalog


def load_file(path: str | Path) -> Catalog:
    """A catalogue compiled by this package's build (``catalog.json``, and ``search.json`` beside it).

    Not cached. Use it for a catalogue you compiled yourself from your own ``content/`` tree; for
    bytes of unknown origin use :meth:`Catalog.model_validate_json`, which validates them.
    """
    path = Path(path)
    return _from_trusted_bytes(path.read_bytes(), lambda: _read_json(path.with_name("search.json")))


def _from_trusted_bytes(raw: bytes, search: typing.Callable[[], dict[str, Any] | None]) -> Catalog:
    data = from_json(raw)  # pydantic-core's parser: about twice as fast as json.loads on a large catalogue
    version = data.get("format_version") if isinstance(data, dict) else None
    if version != CATALOG_FORMAT:
        raise ValueError(f"catalog format {version} is not supported by this version of buurtverbinding (it reads format {CATALOG_FORMAT})")
    collecting = gc.isenabled()
    gc.disable()  # tens of thousands of new objects, none in a cycle: no reason to scan them
    try:
        catalog = _construct(Catalog, data)
    finally:
        if collecting:
            gc.enable()
    catalog._search_data = search
    result: Catalog = catalog
    return result


def _read_json(path: Any) -> dict[str, Any] | None:
    try:
        data = from_json(path.read_bytes())  # pydantic-core's parser, as for the catalogue
    except (FileNotFoundError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _construct(cls: type[BaseModel], data: dict[str, Any]) -> Any:
    """Build a model and its nested models from compiled (already validated) JSON data.

    Records are made the way :meth:`~pydantic.BaseModel.model_construct` makes them (the four
    instance attributes it sets), without its per-field alias handling, which the records do
    not use; the catalogue itself goes through ``model_construct`` for its private indexes.
    """
    for name, (kind, inner) in _plan(cls).items():
        value = data.get(name)
        if value is None:
            continue
        if kind == "tuple":
            data[name] = tuple(_construct(inner, v) for v in value) if inner else tuple(value)
        elif kind == "model":
            data[name] = _construct(inner, value)
        elif kind == "mapping":
            data[name] = _as_tuples(inner, value)
        else:
            data[name] = datetime.date.fromisoformat(value)
    defaults = _defaults(cls)
    if defaults is None:
        return cls.model_construct(**data)
    record = cls.__new__(cls)
    values = dict(defaults)  # every field, in field order, with its default ...
    values.update(data)  # ... replaced by the value the data gives (in C: no loop per field)
    _set(record, "__dict__", values)
    _set(record, "__pydantic_fields_set__", set(data))
    _set(record, "__pydantic_extra__", None)
    _set(record, "__pydantic_private__", None)
    return record


_set = object.__setattr__
_REQUIRED = object()


@cache
def _defaults(cls: type[BaseModel]) -> dict[str, Any] | None:
    """Each field with its default (``_REQUIRED`` if none), in order; ``None`` when the class
    needs ``model_construct`` (private attributes, post-init hooks or default factories)."""
    if cls.__private_attributes__ or cls.__pydantic_post_init__ or any(f.default_factory for f in cls.model_fields.values()):
        return None
    return {name: _REQUIRED if field.is_required() else field.default for name, field in cls.model_fields.items()}


@cache
def _plan(cls: type[BaseModel]) -> dict[str, tuple[str, Any]]:
    """For each field that is not plain JSON: how to build it ("tuple", "model", "date", or
    "mapping" for a dict that holds tuples)."""
    plan: dict[str, tuple[str, Any]] = {}
    for name, field in cls.model_fields.items():
        annotation = _unwrap(field.annotation)
        if typing.get_origin(annotation) in (typing.Union, types.UnionType):
            annotation = _unwrap(next(a for a in typing.get_args(annotation) if a is not type(None)))
        if typing.get_origin(annotation) is tuple:
            inner = _unwrap(typing.get_args(annotation)[0])
            plan[name] = ("tuple", inner if _is_model(inner) else None)
        elif _is_model(annotation):
            plan[name] = ("model", annotation)
        elif annotation is datetime.date:
            plan[name] = ("date", None)
        elif typing.get_origin(annotation) is dict and _holds_tuple(annotation):
            plan[name] = ("mapping", annotation)
    return plan


def _holds_tuple(annotation: Any) -> bool:
    """Whether a (nested) dict annotation has tuples among its values."""
    annotation = _unwrap(annotation)
    if typing.get_origin(annotation) is tuple:
        return True
    return typing.get_origin(annotation) is dict and _holds_tuple(typing.get_args(annotation)[1])


def _as_tuples(annotation: Any, value: Any) -> Any:
    """JSON lists inside a mapping field (``dict[str, dict[str, tuple[str, ...]]]``) as the tuples it declares."""
    annotation = _unwrap(annotation)
    if typing.get_origin(annotation) is dict:
        inner = typing.get_args(annotation)[1]
        return {key: _as_tuples(inner, entry) for key, entry in value.items()}
    if typing.get_origin(annotation) is tuple:
        return tuple(value)
    return value


def _unwrap(annotation: Any) -> Any:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)
