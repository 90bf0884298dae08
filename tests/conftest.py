"""Shared test set-up.

Before any test runs, ``content/`` is compiled into the package's ``_data/catalog.json``
(written only when its bytes change), so that the tests always see the current content, also
in an editable install where the build hook ran before the last content edit.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ._browser import browser  # noqa: F401 (the shared browser fixture)

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"


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
