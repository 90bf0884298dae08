"""Hatchling build hook: compile content/ into the package before the wheel is made.

Thin on purpose: the compiler lives in ``buurtverbinding.compiler`` (the same code as
``buurtverbinding lint``). An invalid content tree stops the build with the linter's messages.
"""

from __future__ import annotations

import sys
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

OUTPUT = "src/buurtverbinding/_data/catalog.json"
SEARCH = "src/buurtverbinding/_data/search.json"
SCHEMA = "src/buurtverbinding/_data/catalog.schema.json"


class CatalogBuildHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        root = Path(self.root)
        sys.path.insert(0, str(root / "src"))
        try:
            from buurtverbinding._io import write_if_changed
            from buurtverbinding.compiler import CompileError, build
            from buurtverbinding.export import schema_bytes
        finally:
            sys.path.pop(0)
        try:
            build(root / "content", root / OUTPUT)
        except CompileError as exc:
            raise SystemExit(f"buurtverbinding: the wheel was not built because {exc}") from None
        write_if_changed(root / SCHEMA, schema_bytes())
        build_data["artifacts"].extend([OUTPUT, SEARCH, SCHEMA])
