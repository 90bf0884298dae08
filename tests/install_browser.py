"""Install Debian's Chromium for the browser tests, when we may (root on Debian) and need to.

Run by the README's test command and so by CI. Without root or apt-get it only says what to do:
the browser tests then skip with that reason.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

BROWSER = "/usr/bin/chromium"


def main() -> int:
    if os.path.exists(BROWSER):
        print(f"install_browser: {BROWSER} is present")
        return 0
    if shutil.which("apt-get") is None or os.geteuid() != 0:
        print("install_browser: Chromium is missing and cannot be installed here (needs root and apt-get); "
              "the browser tests will be skipped. As root: apt-get update && apt-get install -y chromium")
        return 0
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update"], ["apt-get", "install", "-y", "--no-install-recommends", "chromium", "fonts-dejavu-core"]):
        print("install_browser: " + " ".join(command), flush=True)
        result = subprocess.run(command, env=env)
        if result.returncode != 0:
            print(f"install_browser: '{' '.join(command)}' failed with exit code {result.returncode}", file=sys.stderr)
            return result.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
