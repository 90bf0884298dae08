"""The README's set-up commands are the ones CI runs, and CI's second lane takes its versions from pyproject.toml."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT


def bash_blocks() -> list[str]:
    return re.findall(r"```bash\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)


def test_ci_runs_the_readme_test_command():
    test_command = bash_blocks()[1].strip()
    assert "pytest" in test_command and "[test]" in test_command
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci.splitlines()


def test_main_command_installs_and_runs():
    main_command = bash_blocks()[0].strip()
    assert "pip install" in main_command and "buurtverbinding search" in main_command


def floors(extra: str) -> dict[str, str]:
    """What .ci/run's floors() pins for ``buurtverbinding[extra]``: {package: oldest allowed version}."""
    function = re.search(r"^floors\(\) \{$.*?^\}$", (ROOT / ".ci" / "run").read_text(encoding="utf-8"), re.S | re.M)
    assert function, ".ci/run defines floors()"
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}  # this venv's python
    result = subprocess.run(["bash", "-c", f"{function.group(0)}\nfloors {extra}"], cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    return dict(pin.split("==") for pin in result.stdout.split())


def test_ci_second_lane_takes_the_floors_from_pyproject():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'pytest -m "not browser"' in ci and "tests/downstream" in ci and '".[sphinx]"' in ci
    assert not re.search(r"(pydantic|sphinx|myst-parser)\s*[=<>~]=\s*\d", ci), "version numbers belong in pyproject.toml only"
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    for extra in ("sphinx", "test"):
        pins = floors(extra)
        assert set(pins) == {"pydantic", "sphinx", "myst-parser"}
        for name, version in pins.items():
            assert f'"{name}>={version}' in pyproject, f"{name}=={version} is not a floor written in pyproject.toml"
    assert floors("sphinx")["sphinx"] == "8.2"  # env.current_document: the extension needs Sphinx 8.2
