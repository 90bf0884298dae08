"""The lint corpus: each broken content tree in ``tests/fixtures/lint/`` gives exactly its expected problems.

A case is a folder of files laid over a copy of the real ``content/`` tree, with an
``expected.txt`` that lists every problem the linter must report, no more and no fewer. How to
read and add cases: ``tests/fixtures/lint/README.md``.

The cases share one copy of the tree, made once: each case lays its files over it and puts the
tree back afterwards. Every file's loading (parsing and validating one record, the bulk of a
check) is remembered by its kind, path and bytes, so a case loads only the files it changes;
the cross-record checks run in full for every case.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import buurtverbinding.compiler
from buurtverbinding.compiler import CODES, Problem, check_tree
from buurtverbinding.compiler._problems import WARNINGS, Reporter

from .conftest import CONTENT

CORPUS = Path(__file__).parent / "fixtures" / "lint"
CASES = sorted(path for path in CORPUS.iterdir() if path.is_dir())
CONTROL_FILES = {"expected.txt", "DELETE"}
"""Files of a case that steer the test; every other file of the case is laid over the content tree."""

_NAME = re.compile(r"^(\d{3})-[a-z0-9]+(?:-[a-z0-9]+)*$")
_EXPECTED = re.compile(r"^(BV\d{3}) (\S+):(\d+)$")

Found = tuple[str, str, int]  # (code, path relative to content/, line)


def _lines(path: Path) -> list[str]:
    """The lines of a control file, without comments (``#``) and blank lines; none if it is absent."""
    if not path.exists():
        return []
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def expected(case: Path) -> Counter[Found]:
    """The problems a case expects (a line may repeat: two problems with one code and one place)."""
    wanted: Counter[Found] = Counter()
    for line in _lines(case / "expected.txt"):
        match = _EXPECTED.match(line)
        assert match, f"{case.name}/expected.txt: '{line}' is not '<code> <path>:<line>'"
        code, path, number = match.groups()
        wanted[(code, path, int(number))] += 1
    return wanted


def lay_over(case: Path, root: Path) -> None:
    """Remove what ``DELETE`` lists from ``root``, then copy the case's files over it."""
    for relative in _lines(case / "DELETE"):
        target = root / relative
        assert target.exists(), f"{case.name}/DELETE: content/{relative} does not exist"
        shutil.rmtree(target) if target.is_dir() else target.unlink()
    for source in sorted(case.rglob("*")):
        relative = source.relative_to(case)
        if source.is_dir() or relative.as_posix() in CONTROL_FILES:
            continue
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)


def put_back(case: Path, root: Path) -> None:
    """Undo :func:`lay_over`: every path the case replaced, added or deleted is as in ``content/`` again."""
    for relative in sorted(overlaid(case), reverse=True):
        target, original = root / relative, CONTENT / relative
        if original.is_file():
            shutil.copyfile(original, target)
            continue
        if target.is_file() or target.is_symlink():
            target.unlink()
        for folder in target.relative_to(root).parents:  # folders the case created, now empty
            if folder.parts and not (CONTENT / folder).exists() and (root / folder).is_dir() and not any((root / folder).iterdir()):
                (root / folder).rmdir()
    for relative in _lines(case / "DELETE"):
        target, original = root / relative, CONTENT / relative
        if target.is_file() or target.is_symlink():
            target.unlink()
        elif target.is_dir():
            shutil.rmtree(target)
        shutil.copytree(original, target) if original.is_dir() else shutil.copyfile(original, target)


def _files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))


def remembering(load: Callable[[str, Path, Reporter], Any]) -> Callable[[str, Path, Reporter], Any]:
    """``compiler._load`` with a memory: a file already loaded with the same bytes at the same path
    gives the same record and reports the same problems without being parsed again."""
    memory: dict[tuple[str, Path, bytes], tuple[Any, list[Problem], set[str], bool]] = {}

    def remembered(kind: str, path: Path, report: Reporter) -> Any:
        if not path.is_file():
            return load(kind, path, report)
        key = (kind, path, path.read_bytes())
        if key not in memory:
            before, invalid, unknown = len(report.problems), set(report.invalid_ids), report.ids_unknown
            loaded = load(kind, path, report)
            memory[key] = (loaded, report.problems[before:], report.invalid_ids - invalid, report.ids_unknown and not unknown)
            return loaded
        loaded, problems, invalid, unknown = memory[key]
        report.problems.extend(problems)
        report.invalid_ids |= invalid
        report.ids_unknown |= unknown
        return loaded

    return remembered


@pytest.fixture(scope="module")
def shared_tree(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One copy of ``content/`` for every case, with file loading remembered (see the module docstring)."""
    root = tmp_path_factory.mktemp("lint-cases") / "content"
    shutil.copytree(CONTENT, root)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(buurtverbinding.compiler, "_load", remembering(buurtverbinding.compiler._load))
        yield root


@pytest.fixture
def case_tree(shared_tree: Path, request: pytest.FixtureRequest) -> Iterator[Path]:
    """The shared tree with the case laid over it; put back afterwards (copied afresh if that fails)."""
    case: Path = request.getfixturevalue("case")
    lay_over(case, shared_tree)
    yield shared_tree
    put_back(case, shared_tree)
    if _files(shared_tree) != _files(CONTENT):
        shutil.rmtree(shared_tree)
        shutil.copytree(CONTENT, shared_tree)


def overlaid(case: Path) -> set[str]:
    """The paths (relative to ``content/``) that a case adds or replaces."""
    return {p.relative_to(case).as_posix() for p in case.rglob("*") if p.is_file() and p.relative_to(case).as_posix() not in CONTROL_FILES}


def where(problem: Problem, root: Path) -> Found:
    path = Path(problem.path)
    assert path.parts[0] == root.name, problem  # shown relative to the folder that holds content/
    return problem.code, Path(*path.parts[1:]).as_posix(), problem.line


def _show(found: Counter[Found], problems: dict[Found, list[str]]) -> str:
    return (
        "\n".join(
            f"  {code} {path}:{line}" + (f"    # {problems[(code, path, line)][0]}" if problems.get((code, path, line)) else "")
            for (code, path, line) in sorted(found.elements())
        )
        or "  (none)"
    )


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_case_gives_exactly_the_expected_problems(case: Path, case_tree: Path) -> None:
    result = check_tree(case_tree)
    wanted = expected(case)
    own, warned = overlaid(case), {code for code, _, _ in wanted if code in WARNINGS}
    # Warnings come with the passing of time (BV301: a review grown old), in the real records and
    # in the cases' own: a case checks only the warnings it is about, in the files it lays over.
    problems = [p for p in result.problems if p.code not in WARNINGS or (p.code in warned and where(p, case_tree)[1] in own)]
    messages: dict[Found, list[str]] = {}
    for problem in problems:
        assert problem.message.strip(), problem
        messages.setdefault(where(problem, case_tree), []).append(problem.message)
    got = Counter(where(problem, case_tree) for problem in problems)
    assert got == wanted, (
        f"{case.name}: the linter's problems differ from expected.txt\n"
        f"missing (expected, not reported):\n{_show(wanted - got, {})}\n"
        f"unexpected (reported, not expected):\n{_show(got - wanted, messages)}"
    )
    if not any(code not in WARNINGS for code, _, _ in wanted):  # a case with no errors compiles
        assert result.ok and result.catalog is not None
    for problem in problems:
        assert problem.severity == ("warning" if problem.code in WARNINGS else "error"), problem


def test_corpus_is_well_formed() -> None:
    assert len(CASES) >= 40
    numbers = []
    for case in CASES:
        match = _NAME.match(case.name)
        assert match, f"{case.name}: name a case '<nnn>-<slug>', e.g. '046-url-malformed'"
        numbers.append(int(match.group(1)))
        assert (case / "expected.txt").is_file(), f"{case.name}: expected.txt is missing"
        first = (case / "expected.txt").read_text(encoding="utf-8").splitlines()[:1]
        assert first and first[0].startswith("# "), f"{case.name}: start expected.txt with '# ' and what the case is about"
        assert all(code in CODES for code, _, _ in expected(case)), f"{case.name}: unknown code in expected.txt"
        overlay = [p for p in case.rglob("*") if p.is_file() and p.relative_to(case).as_posix() not in CONTROL_FILES]
        assert overlay or (case / "DELETE").exists(), f"{case.name}: the case changes nothing"
        for relative in _lines(case / "DELETE"):
            assert (CONTENT / relative).exists(), f"{case.name}/DELETE: content/{relative} does not exist"
    assert len(set(numbers)) == len(numbers), "two cases share a number"


def test_corpus_covers_every_code() -> None:
    used = {code for case in CASES for code, _, _ in expected(case)}
    assert sorted(set(CODES) - used) == []
