"""A downstream project: another team's Sphinx site that shows our examples in its own pages.

It installs nothing beyond ``buurtverbinding[sphinx]`` and turns on none of the site policy
(``bv_*`` switches): what it gets is the domain. Objects it does not render itself are
linked to the buurtverbinding site with intersphinx; the tests point the inventory at a local
build of ``docs/`` (no network): ``BV_SITE_INVENTORY=/path/to/objects.inv``.
"""

from __future__ import annotations

import os
from pathlib import Path

project = "Wijkteam Noord"
language = "nl"
extensions = ["myst_parser", "sphinx.ext.intersphinx", "buurtverbinding.sphinx"]
nitpicky = True
exclude_patterns = ["_build"]

SITE = "https://buurtverbinding.example/"
inventory = os.environ.get("BV_SITE_INVENTORY", str(Path(__file__).resolve().parents[2] / "docs" / "_build" / "html" / "objects.inv"))
intersphinx_mapping = {"buurtverbinding": (SITE, inventory)}
