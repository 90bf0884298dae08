"""Warnings of the extension: type ``bv`` and a stable subtype, so a project can silence one kind.

``suppress_warnings = ["bv.retired-id"]`` in ``conf.py`` silences that kind; ``"bv"`` all of them.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from sphinx.util import logging

__all__ = ["BvWarning", "warn"]

_logger = logging.getLogger("buurtverbinding.sphinx")


class BvWarning(StrEnum):
    """The subtypes; their values are part of the public interface and never change."""

    UNKNOWN_ID = "unknown-id"
    """No object in the catalogue has this id."""
    RETIRED_ID = "retired-id"
    """The id was retired; the link or directive uses its replacement."""
    WRONG_KIND = "wrong-kind"
    """The id exists, but names another kind of object than the directive renders."""
    UNKNOWN_VALUE = "unknown-value"
    """A filter value outside its vocabulary."""
    DUPLICATE = "duplicate"
    """The same object is rendered (indexed) on two pages."""
    UNRESOLVED = "unresolved"
    """A ``bv:ref`` to an object that this project does not render, and no inventory has."""
    RAW_HTML = "raw-html"
    """Raw HTML in a Markdown field was left out."""


def warn(subtype: BvWarning, message: str, location: Any = None) -> None:
    """Log a warning ``[bv.<subtype>]`` at ``location`` (a node, a docname or ``(docname, line)``)."""
    _logger.warning(message, type="bv", subtype=subtype.value, location=location)
