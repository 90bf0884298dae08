"""The package's layers: imports point one way, down, with no cycles, and the Sphinx extension
needs neither PyYAML nor markdown-it unless a project compiles its own content."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = "buurtverbinding"

LAYERS = [
    {"buurtverbinding._version", "buurtverbinding._io"},
    {"buurtverbinding.models"},
    {"buurtverbinding._search", "buurtverbinding._compare", "buurtverbinding.catalog", "buurtverbinding._loader"},
    {"buurtverbinding.advice", "buurtverbinding.export", "buurtverbinding.compiler"},
    {"buurtverbinding.cli", "buurtverbinding.sphinx", "buurtverbinding", "buurtverbinding.__main__"},
]
"""Bottom to top. A module belongs to the layer of its nearest listed package or module."""


def _modules() -> dict[str, Path]:
    found = {}
    for path in (SRC / PACKAGE).rglob("*.py"):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """Every module of the package that ``name`` imports, at any depth of the file (functions
    included), except under ``if TYPE_CHECKING:``."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith(PACKAGE):
                    targets.add(alias.name)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            if module.startswith(PACKAGE):
                if node.module or not node.level:
                    targets.add(module)
                for alias in node.names:
                    if f"{module}.{alias.name}" in modules:
                        targets.add(f"{module}.{alias.name}")
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    targets.discard(name)
    return {t for t in targets if t in modules}


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return found


def _layer(module: str) -> int:
    best, depth = -1, -1
    for number, layer in enumerate(LAYERS):
        for owner in layer:
            if (module == owner or module.startswith(owner + ".")) and owner.count(".") > depth:
                best, depth = number, owner.count(".")
    return best


def test_the_walker_sees_function_level_imports_and_skips_type_checking(tmp_path: Path) -> None:
    pkg = tmp_path / PACKAGE
    pkg.mkdir()
    (pkg / "a.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .b import X\ndef f():\n    from . import c\n")
    modules = {f"{PACKAGE}.a": pkg / "a.py", f"{PACKAGE}.b": pkg / "b.py", f"{PACKAGE}.c": pkg / "c.py"}
    assert _imports(f"{PACKAGE}.a", pkg / "a.py", modules) == {f"{PACKAGE}.c"}
    assert _cycles({"x": {"y"}, "y": {"x"}, "z": set()}) == [["x", "y"]]


def test_no_import_cycles() -> None:
    cycles = _cycles(_graph())
    assert not cycles, f"import cycles (function-level imports count): {cycles}"


def test_imports_only_point_down_or_sideways() -> None:
    graph = _graph()
    unplaced = sorted(m for m in graph if _layer(m) < 0)
    assert not unplaced, f"modules with no layer in tests/test_layers.py: {unplaced}"
    upward = sorted(f"{a} -> {b}" for a, targets in graph.items() for b in targets if _layer(b) > _layer(a))
    assert not upward, "imports that point up a layer:\n" + "\n".join(upward)


BLOCKED = """
import sys
for name in ("yaml", "markdown_it", "myst_parser"):
    sys.modules[name] = None  # any import of them now fails
import buurtverbinding.sphinx._extension
import buurtverbinding.sphinx
import buurtverbinding, buurtverbinding.advice, buurtverbinding.export
cat = buurtverbinding.load()
print(len(cat.examples))
"""


def test_sphinx_extension_and_runtime_need_no_yaml_or_markdown_it() -> None:
    result = subprocess.run([sys.executable, "-c", BLOCKED], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 0
