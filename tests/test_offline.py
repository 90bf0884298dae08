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


def test_docs_build_offline(docs_site):
    # the session's one build of the site runs with the network blocked (tests/test_sphinx_docs.py: built_site)
    assert (docs_site / "catalogus" / "voorbeelden" / "buurtbemiddeling.html").is_file()
