"""``mypy --strict`` on every Python block of the README and of docs/dev/*.md.

The blocks of one page are checked together, in order, as a reader types them (a later block
uses the ``cat`` of the first). A block may be left out only with a stated reason, written just
above it as ``<!-- mypy-skip: REASON -->``. mypy runs as a downstream user runs it: ``--strict``,
outside this repository, so without the project's mypy configuration or plugins.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs" / "dev").glob("*.md"))]
SKIP = re.compile(r"<!--\s*mypy-skip:\s*(?P<reason>.*?)\s*-->", re.S)

pytest.importorskip("mypy", reason="install the test extra: pip install -e '.[test]'")
markdown_it = pytest.importorskip("markdown_it")


def python_blocks(page: Path) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """The page's Python blocks as (first line, code), and the skipped ones as (line, reason)."""
    tokens = markdown_it.MarkdownIt("commonmark").parse(page.read_text(encoding="utf-8"))
    checked: list[tuple[int, str]] = []
    skipped: list[tuple[int, str]] = []
    for index, token in enumerate(tokens):
        if token.type != "fence" or token.info.split()[:1] != ["python"] or token.map is None:
            continue
        before = tokens[index - 1] if index else None
        marker = SKIP.search(before.content) if before is not None and before.type == "html_block" else None
        if marker is not None:
            skipped.append((token.map[0] + 1, marker.group("reason")))
        else:
            checked.append((token.map[0] + 2, token.content))
    return checked, skipped


def module_of(page: Path, blocks: list[tuple[int, str]]) -> str:
    """One module of the blocks, padded with blank lines so that mypy's line numbers are the page's."""
    lines: list[str] = []
    for first, code in blocks:
        lines += [""] * (first - 1 - len(lines))
        lines += code.splitlines()
    return "\n".join(lines) + "\n"


def test_every_skip_states_a_reason() -> None:
    for page in PAGES:
        for line, reason in python_blocks(page)[1]:
            assert len(reason.split()) >= 4, f"{page.relative_to(ROOT)}:{line}: a skipped block needs a reason in words"


def test_the_first_query_is_checked() -> None:
    """The README's first query is checked, not skipped, and uses a typed look-up."""
    checked, skipped = python_blocks(ROOT / "README.md")
    assert not skipped and any("cat.example(" in code for _, code in checked)


def test_mypy_strict_on_the_python_blocks(tmp_path: Path) -> None:
    files: dict[str, Path] = {}
    for page in PAGES:
        checked, _ = python_blocks(page)
        if checked:
            name = "page_" + re.sub(r"\W", "_", str(page.relative_to(ROOT).with_suffix(""))).lower() + ".py"
            (tmp_path / name).write_text(module_of(page, checked), encoding="utf-8")
            files[name] = page
    assert "page_readme.py" in files and "page_docs_dev_api.py" in files
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "--cache-dir", str(tmp_path / ".mypy_cache"), *sorted(files)],
        cwd=tmp_path,  # outside the repository: none of its mypy settings apply
        capture_output=True,
        text=True,
    )
    report = result.stdout + result.stderr
    for name, page in files.items():  # name the page, not the temporary file
        report = report.replace(name, str(page.relative_to(ROOT)))
    assert result.returncode == 0, report
