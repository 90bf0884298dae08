"""Lighthouse 12.2.3 (pinned, from npm) on the built site, with the system Chromium: 100 for
accessibility, best practices and SEO and at least 95 for performance on the home page, an
example page, the Interventiewijzer, a checklist and the Buurtanalyse page when the site has one.

The scores are printed to the terminal (also when the test passes) and kept in
``.ci/lighthouse/scores.json``. ``tests/install_browser.py`` installs Lighthouse into
``.ci/lighthouse``; without npm or Chromium this test skips and says why (in CI, where the
README's command installs it, a missing Lighthouse fails instead).
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from . import test_browser
from ._browser import CHROMIUM
from .install_browser import LIGHTHOUSE_BIN, LIGHTHOUSE_DIR, LIGHTHOUSE_VERSION, installed_lighthouse
from .test_sphinx_docs import built_site

PAGES = {
    "home": "index.html",
    "example": "catalogus/voorbeelden/buurtbemiddeling.html",
    "wijzer": "catalogus/interventiewijzer.html",
    "checklist": "catalogus/checklists/aan-tafel.html",
    "buurtanalyse": "buurtanalyse.html",
}
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}

# the browser tests' fixtures: the site served over loopback and one Chromium per module
site_url = test_browser.site_url


def _lighthouse() -> Path:
    if installed_lighthouse() != LIGHTHOUSE_VERSION or not LIGHTHOUSE_BIN.exists():
        reason = f"Lighthouse {LIGHTHOUSE_VERSION} is not installed in {LIGHTHOUSE_DIR}: run python tests/install_browser.py (needs npm)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return LIGHTHOUSE_BIN


def run_lighthouse(url: str) -> dict[str, int]:
    """The four category scores (0-100) of one page."""
    command = [
        str(_lighthouse()),
        url,
        "--quiet",
        "--output=json",
        "--output-path=stdout",
        "--only-categories=" + ",".join(TARGETS),
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
    ]
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, f"lighthouse failed on {url}:\n{result.stderr[-3000:]}"
    report = json.loads(result.stdout)
    return {key: round(category["score"] * 100) for key, category in report["categories"].items()}


@pytest.fixture(scope="module")
def scores(site_url: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    site = built_site(tmp_path_factory.getbasetemp())
    _lighthouse()
    found = {}
    for name, path in PAGES.items():
        if (site / path).exists():
            found[name] = run_lighthouse(site_url + path)
    (LIGHTHOUSE_DIR / "scores.json").write_text(json.dumps(found, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return found


def test_lighthouse_scores(scores: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    with capsys.disabled():
        print(f"\nLighthouse {LIGHTHOUSE_VERSION} scores (targets {TARGETS}):")
        for name, values in scores.items():
            print(f"  {name:13} " + "  ".join(f"{key} {value}" for key, value in values.items()))
    assert {"home", "example", "wijzer", "checklist"} <= set(scores)
    missed = {
        name: {key: value for key, value in values.items() if value < TARGETS[key]}
        for name, values in scores.items()
        if any(value < TARGETS[key] for key, value in values.items())
    }
    assert missed == {}, f"Lighthouse scores below target: {missed} (all: {scores})"
