"""Wiring: each component registers itself with its own ``setup_*`` function.

The domain class declares the directives and the role (``BvDomain.directives``/``roles``); the
``setup_*`` functions add what a class cannot declare: configuration values, nodes with their
HTML post-transforms, event handlers and static files."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .._version import __version__
from ._analysis import setup_analysis
from ._assets import setup_assets
from ._config import setup_config
from ._data import compile_content
from ._domain import ENV_VERSION, setup_domain
from ._matrix import setup_matrix
from ._navigation import setup_navigation
from ._pages import generate_pages
from ._sitesearch import setup_sitesearch
from ._typography import setup_typography
from ._wijzer import setup_wijzer

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def _prepare(app: Sphinx) -> None:
    compile_content(app)  # first: the pages are made from the catalogue
    generate_pages(app)


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("myst_parser")
    setup_config(app)
    setup_domain(app)
    setup_matrix(app)
    setup_wijzer(app)
    setup_sitesearch(app)
    setup_analysis(app)
    setup_navigation(app)
    setup_typography(app)
    setup_assets(app)
    app.connect("builder-inited", _prepare)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
