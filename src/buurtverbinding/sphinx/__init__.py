"""``buurtverbinding.sphinx``: the catalogue inside any Sphinx project, as the domain ``bv``.

Load it next to MyST-Parser::

    extensions = ["myst_parser", "buurtverbinding.sphinx"]

and write ``{bv:example} buurtbemiddeling``, ``{bv:examples}`` with ``:phase: spanningen``,
``{bv:ref}`ontmoeting``` and so on. The directives, the role, the optional generated pages
and the configuration values (all prefixed ``bv_``) are described in the developer guide.
What it installs is the domain (directives, role, nodes, assets); a site's presentation (meta
descriptions, previous/next, Dutch typography, the glossary's A–Z, a Content-Security-Policy) is
switched on with ``bv_*`` values, each off by default.
Setting up is lazy: nothing but this module is imported until Sphinx calls :func:`setup`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from ..catalog import Catalog

__all__ = ["catalog", "setup"]


def catalog(env: BuildEnvironment) -> Catalog:
    """The catalogue that this project's build shows: the packaged one, or the one compiled from
    ``bv_content_dir`` (available from ``builder-inited``, priority above 500, on)."""
    from ._data import catalog as _catalog

    return _catalog(env)


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the ``bv`` domain, its directives and role, configuration values and assets."""
    from ._extension import setup as _setup

    return _setup(app)
