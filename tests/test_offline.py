"""No network at import, load, search or docs time: everything works with networking blocked."""

from __future__ import annotations

import subprocess
import sys

from .conftest import ROOT
from .test_build import blocked_env


def test_import_load_search_and_lint_offline(tmp_path):
    code = "import buurtverbinding as bv; cat = bv.load(); print(cat.search('buurtbemiddeling')[0].example.id)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=blocked_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "buurtbemiddeling"
    lint = subprocess.run([sys.executable, "-m", "buurtverbinding", "lint", str(ROOT / "content")], capture_output=True, text=True, env=blocked_env(tmp_path))
    assert lint.returncode == 0, lint.stderr


def test_docs_build_offline(tmp_path):
    out = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-W", "--keep-going", "-n", "-d", str(tmp_path / "doctrees"), str(ROOT / "docs"), str(out)],
        capture_output=True,
        text=True,
        env=blocked_env(tmp_path),
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert (out / "catalogus" / "voorbeelden" / "buurtbemiddeling.html").is_file()
