"""Install what the browser and JavaScript tests use, when we may and need to:

- Debian's Chromium (as root, with apt-get);
- Lighthouse 12.2.3 from npm, pinned, into ``.ci/lighthouse`` (``npm i -E lighthouse@12.2.3``;
  outside the package and the sdist), run by tests/test_site_lighthouse.py with ``CHROME_PATH``
  set to that Chromium;
- ESLint from npm, pinned exactly with its recommended rules and its table of globals, into
  ``.ci/eslint``, run by tests/test_js.py with ``eslint.config.mjs``.

Run by the README's test command and so by CI. Where something cannot be installed (no root or
apt-get, no npm) it only says what to do: the tests that need it then skip with that reason.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

BROWSER = "/usr/bin/chromium"
LIGHTHOUSE_VERSION = "12.2.3"
LIGHTHOUSE_DIR = Path(__file__).resolve().parent.parent / ".ci" / "lighthouse"
LIGHTHOUSE_BIN = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
ESLINT_PACKAGES = {"eslint": "10.16.0", "@eslint/js": "10.0.1", "globals": "17.15.0"}
"""ESLint, its recommended rules and the browser and Node globals, each pinned exactly."""
ESLINT_DIR = Path(__file__).resolve().parent.parent / ".ci" / "eslint"
ESLINT_BIN = ESLINT_DIR / "node_modules" / ".bin" / "eslint"


def install_chromium() -> int:
    if os.path.exists(BROWSER):
        print(f"install_browser: {BROWSER} is present")
        return 0
    if shutil.which("apt-get") is None or os.geteuid() != 0:
        print(
            "install_browser: Chromium is missing and cannot be installed here (needs root and apt-get); "
            "the browser tests will be skipped. As root: apt-get update && apt-get install -y chromium"
        )
        return 0
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update"], ["apt-get", "install", "-y", "--no-install-recommends", "chromium", "fonts-dejavu-core"]):
        print("install_browser: " + " ".join(command), flush=True)
        result = subprocess.run(command, env=env)
        if result.returncode != 0:
            print(f"install_browser: '{' '.join(command)}' failed with exit code {result.returncode}", file=sys.stderr)
            return result.returncode
    return 0


def installed_lighthouse() -> str | None:
    """The version of Lighthouse in ``tests/.lighthouse``, or ``None``."""
    manifest = LIGHTHOUSE_DIR / "node_modules" / "lighthouse" / "package.json"
    try:
        return json.loads(manifest.read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        return None


def install_lighthouse() -> int:
    if installed_lighthouse() == LIGHTHOUSE_VERSION and LIGHTHOUSE_BIN.exists():
        print(f"install_browser: Lighthouse {LIGHTHOUSE_VERSION} is present in {LIGHTHOUSE_DIR}")
        return 0
    npm = shutil.which("npm")
    if npm is None:
        print(
            f"install_browser: npm is missing, so Lighthouse {LIGHTHOUSE_VERSION} cannot be installed; "
            "the Lighthouse test will be skipped. Install Node.js 18+ with npm (apt-get install -y npm) and run this again."
        )
        return 0
    LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
    manifest = LIGHTHOUSE_DIR / "package.json"
    if not manifest.exists():
        manifest.write_text('{"name": "buurtverbinding-lighthouse", "private": true}\n', encoding="utf-8")
    command = [npm, "i", "-E", f"lighthouse@{LIGHTHOUSE_VERSION}", "--no-audit", "--no-fund", "--loglevel=error"]
    print(f"install_browser: {' '.join(command[1:])} (in {LIGHTHOUSE_DIR})", flush=True)
    env = {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1", "PUPPETEER_SKIP_CHROMIUM_DOWNLOAD": "1"}
    result = subprocess.run(command, cwd=LIGHTHOUSE_DIR, env=env)
    if result.returncode != 0:
        print(f"install_browser: installing Lighthouse failed with exit code {result.returncode}; the Lighthouse test will be skipped", file=sys.stderr)
        return 0  # the other browser tests still run; the Lighthouse test says why it skips
    return 0


def installed_npm_packages(folder: Path) -> dict[str, str]:
    """{name: version} of the packages installed in ``folder``/node_modules that we pin."""
    found = {}
    for name in ESLINT_PACKAGES:
        try:
            found[name] = json.loads((folder / "node_modules" / name / "package.json").read_text(encoding="utf-8"))["version"]
        except (OSError, ValueError, KeyError):
            continue
    return found


def install_eslint() -> int:
    if installed_npm_packages(ESLINT_DIR) == ESLINT_PACKAGES and ESLINT_BIN.exists():
        print(f"install_browser: ESLint {ESLINT_PACKAGES['eslint']} is present in {ESLINT_DIR}")
        return 0
    npm = shutil.which("npm")
    if npm is None:
        print(
            f"install_browser: npm is missing, so ESLint {ESLINT_PACKAGES['eslint']} cannot be installed; "
            "the ESLint test will be skipped. Install Node.js 20+ with npm (apt-get install -y npm) and run this again."
        )
        return 0
    ESLINT_DIR.mkdir(parents=True, exist_ok=True)
    manifest = ESLINT_DIR / "package.json"
    if not manifest.exists():
        manifest.write_text('{"name": "buurtverbinding-eslint", "private": true}\n', encoding="utf-8")
    command = [npm, "i", "-E", *(f"{name}@{version}" for name, version in ESLINT_PACKAGES.items()), "--no-audit", "--no-fund", "--loglevel=error"]
    print(f"install_browser: {' '.join(command[1:])} (in {ESLINT_DIR})", flush=True)
    result = subprocess.run(command, cwd=ESLINT_DIR)
    if result.returncode != 0:
        print(f"install_browser: installing ESLint failed with exit code {result.returncode}; the ESLint test will be skipped", file=sys.stderr)
    return 0


def main() -> int:
    status = install_chromium()
    install_lighthouse()
    install_eslint()
    return status


if __name__ == "__main__":
    sys.exit(main())
