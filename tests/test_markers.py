"""The ``browser`` and ``sphinx`` markers that tests/conftest.py sets from what each test uses select
the right tests, so the fast lane (``-m "not browser and not sphinx"``) leaves out every slow one."""

from __future__ import annotations

import subprocess
import sys

from .conftest import ROOT


def collected(marker: str, *paths: str) -> set[str]:
    command = [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", "-m", marker, *paths]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode in (0, 5), result.stdout + result.stderr  # 5: nothing selected
    return {line for line in result.stdout.splitlines() if "::" in line}


def test_markers_follow_what_a_test_uses() -> None:
    files = ("tests/test_site_print.py", "tests/test_sphinx_extension.py", "tests/test_analysis.py", "tests/test_offline.py")
    everything = collected("", *files)
    browser = collected("browser", *files)
    sphinx = collected("sphinx", *files)
    fast = everything - browser - sphinx  # what -m "not browser and not sphinx" selects
    assert {test for test in everything if test.startswith("tests/test_site_print.py")} == browser  # Chromium through the browser fixture
    assert "tests/test_analysis.py::test_other_builders_get_a_sentence" in sphinx  # through the module's build() helper
    assert "tests/test_offline.py::test_docs_build_offline" in sphinx  # through the docs_site fixture
    assert "tests/test_sphinx_extension.py::test_the_domain_class_declares_the_directives_and_the_role" in fast  # no build
    assert "tests/test_offline.py::test_import_load_search_and_lint_offline" in fast
    assert browser <= sphinx and len(fast) >= 3  # a browser test opens the built site
