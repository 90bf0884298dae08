"""A fresh install of ``buurtverbinding[sphinx]`` is all another project needs: in a new virtual
environment with nothing else, the downstream project (tests/downstream, copied) builds with
``-W -n`` and links to this site through intersphinx.

pip installs from the package index (the newest versions that pyproject.toml allows); .ci/run's
second lane does the same with the oldest ones. Without an index this test skips (in CI it fails).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import venv
from pathlib import Path

import pytest

from .conftest import ROOT

DOWNSTREAM = Path(__file__).resolve().parent / "downstream"
NO_INDEX = ("NewConnectionError", "Network is unreachable", "Temporary failure in name resolution", "No matching distribution found")


def test_a_fresh_sphinx_install_builds_the_downstream_project(docs_site: Path, tmp_path: Path) -> None:
    environment = tmp_path / "venv"
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", f"{ROOT}[sphinx]"], cwd=tmp_path, capture_output=True, text=True, env=env, timeout=900
    )
    if install.returncode != 0 and any(sign in install.stderr for sign in NO_INDEX) and not os.environ.get("CI"):
        pytest.skip("the package index cannot be reached, so buurtverbinding[sphinx] cannot be installed afresh")
    assert install.returncode == 0, install.stdout[-3000:] + install.stderr[-3000:]

    project = tmp_path / "project"
    shutil.copytree(DOWNSTREAM, project)
    out = tmp_path / "html"
    build = subprocess.run(
        [str(python), "-m", "sphinx", "-W", "--keep-going", "-n", "-q", "-d", str(tmp_path / "doctrees"), str(project), str(out)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**env, "BV_SITE_INVENTORY": str(docs_site / "objects.inv")},
        timeout=900,
    )
    assert build.returncode == 0 and not build.stderr.strip(), build.stdout[-3000:] + build.stderr[-3000:]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'id="bv-buurtbemiddeling"' in index  # rendered by the extension here
    assert "https://buurtverbinding.example/catalogus/" in index  # linked into the site through intersphinx
    # the extra brings Sphinx and MyST and nothing of this site's theme
    listed = subprocess.run([str(python), "-m", "pip", "list", "--format=freeze"], capture_output=True, text=True, env=env).stdout.lower()
    assert "sphinx==" in listed and "myst-parser==" in listed and "furo==" not in listed, listed
