"""Static checks run with the tests, all configured in pyproject.toml, zero findings: ruff's rules
(pycodestyle, pyflakes, import sorting, pyupgrade, bugbear, complexity, unused noqa, ...), ruff's
formatter, and mypy (--strict on src/, a lower strictness on tests/). The JavaScript: tests/test_js.py."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _tool(name: str) -> list[str]:
    if shutil.which(name, path=str(Path(sys.executable).parent)) is None and shutil.which(name) is None:
        pytest.skip(f"{name} is not installed; install the test extra: pip install -e '.[test]'")
    return [sys.executable, "-m", name]


def test_ruff_finds_nothing() -> None:
    result = subprocess.run([*_tool("ruff"), "check", "src", "tests", "benchmarks", "hatch_build.py", "docs/conf.py"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_changes_nothing() -> None:
    result = subprocess.run([*_tool("ruff"), "format", "--check", "src", "tests", "benchmarks"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, "run: ruff format src tests benchmarks\n" + result.stdout + result.stderr


def test_mypy_strict_finds_nothing() -> None:
    result = subprocess.run([*_tool("mypy")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
