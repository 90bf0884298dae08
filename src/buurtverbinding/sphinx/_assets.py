"""Static files for HTML builders: the styles, the print stylesheet and the Interventiewijzer script.

They ship in ``static/`` next to this module and are copied into the output's ``_static``
folder when an HTML build finishes (only when their bytes differ); ``app.config`` is not touched.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .._io import write_if_changed

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["STATIC", "setup_assets"]

STATIC = Path(__file__).parent / "static"
STYLESHEET = "bv.css"
PRINT_STYLESHEET = "bv-print.css"


def _add_styles(app: Sphinx) -> None:
    if app.builder.format == "html":
        app.add_css_file(STYLESHEET)
        app.add_css_file(PRINT_STYLESHEET, media="print")


def _copy(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    target = Path(app.builder.outdir) / "_static"
    for path in sorted(STATIC.iterdir()):
        if path.is_file():
            write_if_changed(target / path.name, path.read_bytes())


def setup_assets(app: Sphinx) -> None:
    app.connect("builder-inited", _add_styles)
    app.connect("build-finished", _copy)
