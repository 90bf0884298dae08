"""The page JavaScript is checked like the Python: ESLint (pinned, from npm, with ``eslint.config.mjs``)
reports nothing, and the Node unit tests in ``tests/js/`` pass (``node --test``).

``tests/install_browser.py`` (the README's test command) installs ESLint into ``.ci/eslint``;
without npm or Node these tests skip and say why (in CI, where that command runs, they fail instead).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from .conftest import ROOT
from .install_browser import ESLINT_BIN, ESLINT_DIR, ESLINT_PACKAGES, installed_npm_packages

LINTED = sorted([*(ROOT / "src" / "buurtverbinding" / "sphinx" / "static").glob("*.js"), *(ROOT / "docs" / "_static").glob("*.js")])
"""The files ESLint checks (eslint.config.mjs names the same folders)."""

BEING_REWRITTEN: dict[str, str] = {}
"""Files with known findings that another change replaces; their check may fail until it lands."""


def _missing(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def eslint_report() -> dict[str, list[dict[str, Any]]]:
    """{file name relative to the repository: ESLint's messages}, from one run over every linted file."""
    if installed_npm_packages(ESLINT_DIR) != ESLINT_PACKAGES or not ESLINT_BIN.exists():
        _missing(f"ESLint {ESLINT_PACKAGES['eslint']} is not installed in {ESLINT_DIR}: run python tests/install_browser.py (needs npm)")
    result = subprocess.run(
        [str(ESLINT_BIN), "--format", "json", "--max-warnings", "0", *(str(path) for path in LINTED)], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode in (0, 1), f"ESLint did not run (exit {result.returncode}):\n{result.stdout}\n{result.stderr}"
    return {Path(entry["filePath"]).relative_to(ROOT).as_posix(): entry["messages"] for entry in json.loads(result.stdout)}


def _case(path: Path) -> Any:
    reason = BEING_REWRITTEN.get(path.name)
    marks = [pytest.mark.xfail(reason=reason, strict=False)] if reason else []
    return pytest.param(path, id=path.relative_to(ROOT).as_posix(), marks=marks)


@pytest.mark.parametrize("path", [_case(path) for path in LINTED])
def test_eslint_finds_nothing(path: Path, eslint_report: dict[str, list[dict[str, Any]]]) -> None:
    name = path.relative_to(ROOT).as_posix()
    assert name in eslint_report, f"ESLint did not check {name}: is it in eslint.config.mjs?"
    findings = [f"{name}:{m.get('line', 0)}:{m.get('column', 0)} {m.get('ruleId')}: {m['message']}" for m in eslint_report[name]]
    assert not findings, "\n".join(findings)


def test_eslint_config_covers_the_page_javascript() -> None:
    config = (ROOT / "eslint.config.mjs").read_text(encoding="utf-8")
    for folder in ("src/buurtverbinding/sphinx/static/*.js", "docs/_static/*.js"):
        assert f'"{folder}"' in config
    assert "bv:" in config and "globals.browser" in config and "globals.node" in config


def test_node_unit_tests_pass() -> None:
    node = shutil.which("node")
    if node is None:
        _missing("Node.js is missing: install Node.js 20+ (apt-get install -y nodejs) to run the JavaScript unit tests")
    assert list((ROOT / "tests" / "js").glob("*.test.js")), "tests/js/ holds no *.test.js"
    # the tests that need the compiled tables ask this interpreter, which has the package installed
    environment = {**os.environ, "PYTHON": sys.executable}
    result = subprocess.run([node, "--test", "tests/js/"], cwd=ROOT, capture_output=True, text=True, timeout=300, env=environment)
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-2000:]
