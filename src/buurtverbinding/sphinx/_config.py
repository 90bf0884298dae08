"""The extension's configuration: ``bv_*`` values, declared once, read through one typed object.

Values are only read, never written back: derived state (the loaded catalogue, the compiled
file) lives outside ``app.config``, so Sphinx's comparison of old and new configuration stays
exact and an unchanged ``conf.py`` never causes a full rebuild.

What the extension installs by default is the domain: its directives, role, nodes and assets.
How a site presents itself (meta descriptions, previous/next links, typography, the glossary's
A–Z, a Content-Security-Policy) is the site's policy: each is a ``bv_*`` switch that is off by
default, so a host project gets none of it unless it asks (:data:`SITE_POLICY`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.errors import ConfigError

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

__all__ = ["BvConfig", "get_config", "setup_config"]


@dataclass(frozen=True)
class BvConfig:
    """The ``bv_*`` values of one project, checked."""

    content_dir: Path | None = None
    """``bv_content_dir``: a content folder (like the repository's ``content/``) to compile and use
    instead of the catalogue that ships in the package; relative to the folder of ``conf.py``."""

    pages_dir: str | None = None
    """``bv_pages_dir``: a folder below the source folder in which one page per object (and the
    overview, the Interventiewijzer and the glossary) is generated; ``None`` generates nothing."""

    meta_description: bool = False
    """``bv_meta_description``: a ``<meta name="description">`` on every HTML page, from the
    object's summary or the page's first paragraph."""

    reading_order: bool = False
    """``bv_reading_order``: previous/next links that skip the one-page-per-example pages
    (from an example page: its direction page and the page after it). Needs ``bv_pages_dir``."""

    glossary_navigation: bool = False
    """``bv_glossary_navigation``: A–Z jump links above a ``bv:glossary``, and a link from a term
    to the example of the same name."""

    dutch_typography: bool = False
    """``bv_dutch_typography``: Dutch apostrophes (``’s avonds``, not ``‘s avonds``) and break
    opportunities in the long words of visible headings (with pyphen, when it is installed)."""

    english_pages: tuple[str, ...] = ()
    """``bv_english_pages``: docname patterns (``fnmatch``) of pages that are not Dutch, on which
    ``bv_dutch_typography`` changes nothing."""

    csp: bool = False
    """``bv_csp``: a Content-Security-Policy ``<meta>`` on analysis pages (only the site's own
    files; see :data:`buurtverbinding.sphinx._analysis.CSP`)."""


SITE_POLICY = ("bv_meta_description", "bv_reading_order", "bv_glossary_navigation", "bv_dutch_typography", "bv_csp")
"""The switches of site policy, each ``False`` by default."""

_VALUES: dict[str, tuple[Any, str]] = {
    "bv_content_dir": (None, "a folder path (str) or None"),
    "bv_pages_dir": (None, "a relative folder name such as 'catalogus' (str) or None"),
}


def setup_config(app: Sphinx) -> None:
    for name, (default, _) in _VALUES.items():
        app.add_config_value(name, default, "env", types=(str, type(None)))
    for name in SITE_POLICY:
        app.add_config_value(name, False, "env", types=(bool,))
    app.add_config_value("bv_english_pages", (), "env", types=(list, tuple))
    app.connect("config-inited", _check, priority=400)


def _check(app: Sphinx, config: Config) -> None:
    get_config(app)  # fail early, with a clear message, on a bad value


def get_config(app: Sphinx) -> BvConfig:
    """The checked ``bv_*`` values of the project (a :class:`ConfigError` names a bad one)."""
    config = app.config
    for name, (_, expected) in _VALUES.items():
        value = getattr(config, name)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise ConfigError(f"{name} = {value!r} is not valid; expected {expected}")
    content_dir: Path | None = None
    if config.bv_content_dir is not None:
        content_dir = (Path(app.confdir) / config.bv_content_dir).resolve()
        if not content_dir.is_dir():
            raise ConfigError(f"bv_content_dir = {config.bv_content_dir!r}: the folder {content_dir} does not exist")
    pages_dir = config.bv_pages_dir
    if pages_dir is not None:
        path = Path(pages_dir)
        if path.is_absolute() or ".." in path.parts or not path.parts:
            raise ConfigError(f"bv_pages_dir = {pages_dir!r} is not valid; expected a folder below the source folder, such as 'catalogus'")
        pages_dir = path.as_posix()
    switches = {}
    for name in SITE_POLICY:
        value = getattr(config, name)
        if not isinstance(value, bool):
            raise ConfigError(f"{name} = {value!r} is not valid; expected True or False")
        switches[name.removeprefix("bv_")] = value
    english = config.bv_english_pages
    if isinstance(english, str) or not all(isinstance(p, str) for p in english):
        raise ConfigError(f"bv_english_pages = {english!r} is not valid; expected a list of docname patterns such as ['dev/*']")
    return BvConfig(content_dir=content_dir, pages_dir=pages_dir, english_pages=tuple(english), **switches)
