"""``buurtverbinding.sphinx``: the catalogue inside any Sphinx project, as the domain ``bv``.

Load it next to MyST-Parser::

    extensions = ["myst_parser", "buurtverbinding.sphinx"]

and write ``{bv:example} buurtbemiddeling``, ``{bv:examples}`` with ``:phase: spanningen``,
``{bv:ref}`ontmoeting``` and so on. The directives, the role, the optional generated pages
and the configuration values (all prefixed ``bv_``) are described in the developer guide.
Setting up is lazy: nothing but this module is imported until Sphinx calls :func:`setup`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["setup"]


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the ``bv`` domain, its directives and role, configuration values and assets."""
    from ._extension import setup as _setup

    return _setup(app)
