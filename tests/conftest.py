"""Shared test set-up.

Before any test runs, ``content/`` is compiled into the package's ``_data/catalog.json``
(written only when its bytes change), so that the tests always see the current content, also
in an editable install where the build hook ran before the last content edit.

Markers, set here for every test rather than in each file (docs/dev/testing.md):

- ``browser``: the test drives Chromium (it, or a fixture it uses, names Chromium, Playwright
  or Lighthouse);
- ``sphinx``: the test runs a Sphinx build (it, or a fixture it uses, calls ``make_app``,
  ``sphinx_build``, ``built_site`` or ``python -m sphinx``, or uses the ``docs_site`` fixture).

The fast lane is ``pytest -m "not browser and not sphinx"``.

Hypothesis runs the ``small`` profile by default and the ``ci`` profile when the ``CI``
environment variable is set (``HYPOTHESIS_PROFILE`` overrides both); property tests size
themselves with :func:`examples`.
"""

from __future__ import annotations

import os
import shutil
import types
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from ._browser import browser  # noqa: F401 (the shared browser fixture)

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"

# --- hypothesis: a small profile for a quick local run, a large one for CI --------------------

settings.register_profile("small", deadline=None, max_examples=20)
settings.register_profile("ci", deadline=None, max_examples=100)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "small")
settings.load_profile(PROFILE)


def examples(ci: int) -> int:
    """How many inputs a property test draws: ``ci`` under the ``ci`` profile, a tenth of it
    (at least 10) under ``small``."""
    return ci if PROFILE == "ci" else max(10, ci // 10)


# --- markers, applied centrally ---------------------------------------------------------------

BROWSER_NAMES = frozenset({"CHROMIUM", "sync_api_or_skip", "sync_playwright", "sync_api", "LIGHTHOUSE_BIN", "run_lighthouse"})
"""Names whose use in a test or one of its fixtures means it drives a browser."""
SPHINX_NAMES = frozenset({"make_app", "SphinxTestApp", "sphinx_build", "built_site", "build_main"})
"""Names whose use in a test or one of its fixtures means it runs a Sphinx build."""
SPHINX_FIXTURES = frozenset({"app", "make_app", "docs_site"})


def _names(code: types.CodeType) -> Iterable[str]:
    """The global and attribute names a function uses (nested functions included), and its string
    constants (so that ``[sys.executable, "-m", "sphinx", ...]`` counts)."""
    yield from code.co_names
    for constant in code.co_consts:
        if isinstance(constant, types.CodeType):
            yield from _names(constant)
        elif constant == "sphinx":
            yield constant


def _used_names(item: pytest.Function) -> set[str]:
    """The names used by a test, its fixtures and the helpers of the test suite that they call."""
    todo: list[Any] = [item.function]
    for definitions in item._fixtureinfo.name2fixturedefs.values():
        todo.extend(definition.func for definition in definitions)
    names: set[str] = set()
    seen: set[int] = set()
    while todo:
        function = todo.pop()
        function = getattr(function, "__wrapped__", function)
        code = getattr(function, "__code__", None)
        if code is None or id(code) in seen:
            continue
        seen.add(id(code))
        used = set(_names(code))
        names |= used
        module_globals = getattr(function, "__globals__", {})
        for name in used:  # follow the suite's own helpers (a module's build(), built_site(), ...)
            helper = module_globals.get(name)
            if isinstance(helper, types.FunctionType) and helper.__module__.startswith(__package__ or "tests"):
                todo.append(helper)
    return names


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if not isinstance(item, pytest.Function):
            continue
        names = _used_names(item)
        if names & BROWSER_NAMES:
            item.add_marker(pytest.mark.browser)
        if names & SPHINX_NAMES or "sphinx" in names or SPHINX_FIXTURES & set(item.fixturenames):
            item.add_marker(pytest.mark.sphinx)


def pytest_sessionstart(session: pytest.Session) -> None:
    import buurtverbinding
    from buurtverbinding.compiler import CompileError, build

    target = Path(buurtverbinding.__file__).parent / "_data" / "catalog.json"
    if not target.resolve().is_relative_to(ROOT / "src"):
        return  # testing an installed wheel: its catalogue is what it is
    try:
        build(CONTENT, target)
    except CompileError as exc:
        pytest.exit(f"content/ does not compile, so the tests cannot run:\n{exc}", returncode=1)


@pytest.fixture(scope="session")
def cat():
    import buurtverbinding as bv

    return bv.load()


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A writable copy of the real content tree, to break on purpose."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


@pytest.fixture(scope="session")
def docs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The HTML site built from docs/ (-W, nitpicky), once per test session for every test that needs it."""
    from .test_sphinx_docs import built_site

    return built_site(tmp_path_factory.getbasetemp())
