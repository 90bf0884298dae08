"""``buurtverbinding export`` and ``compare`` (placeholder)."""

from __future__ import annotations

from typing import Any


def add_export_parsers(sub: Any) -> None:
    """Register the export and compare commands (not yet available)."""
