"""buurtverbinding — from polarisation to connection in neighbourhoods.

The framework of the KIS guide *Van polarisatie naar verbinding in buurten* (2019) as
validated, typed data with a query API::

    import buurtverbinding as bv
    cat = bv.load()
    cat.filter(direction="ontmoeting", phase="spanningen")
    cat.search("ruzie tussen buren")[0].example.title

Importing the package is cheap: the models and the data load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from ._loader import load
    from .advice import Advice, AnswerError, Assessment, Gap, Situation, recommend
    from .catalog import Catalog, SearchHit, UnknownIdError, UnknownValueError
    from .models import Checklist, ChecklistItem, Direction, Example, Source, Step, Term, Vocabulary

__all__ = [
    "Advice",
    "AnswerError",
    "Assessment",
    "Gap",
    "Situation",
    "recommend",
    "Catalog",
    "Checklist",
    "ChecklistItem",
    "Direction",
    "Example",
    "SearchHit",
    "Source",
    "Step",
    "Term",
    "UnknownIdError",
    "UnknownValueError",
    "Vocabulary",
    "__version__",
    "load",
]

_LAZY = {
    "Advice": ".advice",
    "AnswerError": ".advice",
    "Assessment": ".advice",
    "Gap": ".advice",
    "Situation": ".advice",
    "recommend": ".advice",
    "load": "._loader",
    "Catalog": ".catalog",
    "SearchHit": ".catalog",
    "UnknownIdError": ".catalog",
    "UnknownValueError": ".catalog",
    "Checklist": ".models",
    "ChecklistItem": ".models",
    "Direction": ".models",
    "Example": ".models",
    "Source": ".models",
    "Step": ".models",
    "Term": ".models",
    "Vocabulary": ".models",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'buurtverbinding' has no attribute '{name}'")
    from importlib import import_module

    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
