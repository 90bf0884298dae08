"""Static files for HTML builders: the styles, the print stylesheet and the Interventiewijzer script.

They ship in ``static/`` next to this module and are copied into the output's ``_static``
folder before the pages are written (only when their bytes differ), so that Sphinx's checksum
(``?v=``) in each page's link is the same in a clean and in an incremental build;
``app.config`` is not touched.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .._io import write_if_changed

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

__all__ = ["STATIC", "setup_assets"]

STATIC = Path(__file__).parent / "static"
STYLESHEET = "bv.css"
PRINT_STYLESHEET = "bv-print.css"


def _add_styles(app: Sphinx) -> None:
    if app.builder.format == "html":
        app.add_css_file(STYLESHEET)
        app.add_css_file(PRINT_STYLESHEET, media="print")


def _copy(app: Sphinx, builder: Builder) -> None:
    if builder.format != "html":
        return
    target = Path(builder.outdir) / "_static"
    for path in sorted(STATIC.iterdir()):
        if path.is_file():
            write_if_changed(target / path.name, path.read_bytes())


def setup_assets(app: Sphinx) -> None:
    app.connect("builder-inited", _add_styles)
    app.connect("write-started", _copy)
