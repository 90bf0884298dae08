"""Sphinx configuration of the buurtverbinding site.

The pages for professionals are Dutch (``language = "nl"`` also gives Dutch stemming in the
built-in search); the developer section under ``dev/`` is English. The catalogue pages under
``catalogus/`` are generated from ``../content`` at every build by ``buurtverbinding.sphinx``
(``bv_pages_dir``), so they are not kept in git.

Build: ``sphinx-build -W --keep-going -n docs docs/_build/html``.
"""

from __future__ import annotations

import sys
from fnmatch import fnmatch
from pathlib import Path

from sphinx.writers.html5 import HTML5Translator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))  # document the checkout, also when another version is installed

import buurtverbinding  # noqa: E402

project = "buurtverbinding"
html_title = "Van polarisatie naar verbinding in buurten"
author = "buurtverbinding"
copyright = "2026, buurtverbinding. Code: MIT-licentie; inhoud: CC BY 4.0"
release = version = buurtverbinding.__version__
language = "nl"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "buurtverbinding.sphinx",
]

# The catalogue: compiled from the repository's content folder (and checked by the linter's code)
# at every build, with one generated page per object in catalogus/.
bv_content_dir = "../content"
bv_pages_dir = "catalogus"

# The site's policy (each off by default in the extension, for the projects that embed it).
ENGLISH_PAGES = ["dev/*", "changelog"]
"""The developer section and the changelog are English; every other page is Dutch."""
bv_meta_description = True
bv_reading_order = True
bv_glossary_navigation = True
bv_dutch_typography = True
bv_english_pages = ENGLISH_PAGES
bv_csp = True

# Sphinx's Dutch catalogue leaves a few strings of Sphinx and Furo English: locales/nl/LC_MESSAGES/
# sphinx.po translates them (Sphinx reads a project's own catalogue before its own).
locale_dirs = ["locales"]

myst_enable_extensions = ["deflist"]
myst_heading_anchors = 3
exclude_patterns = ["_build", "_generated"]
nitpicky = True
nitpick_ignore_regex = [
    # Types from outside this project that autodoc names in signatures: with no network there is
    # no inventory to link them to (the developer pages name their documentation in prose).
    (r"py:class", r"(pydantic|pydantic_core|annotated_types|typing_extensions|collections\.abc|sphinx)\..*"),
    (r"py:class", r"(Sphinx|datetime\.date|pathlib\.Path|StringConstraints|SUMMARY_MAX|CONNECTION_MAX)"),
    # Names that docstrings and annotations of the core modules use unqualified.
    (r"py:class", r"(Example|Situation|Advice|Gap|Comparison|Record)"),
    (r"py:class", r"buurtverbinding\.models\._Record"),
]

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_description_target = "documented_params"  # pydantic's generated __init__ stays plain
autodoc_default_options = {"members": True, "undoc-members": True, "exclude-members": "model_config, model_post_init"}
autodoc_type_aliases = {name: f"buurtverbinding.models.{name}" for name in ("Id", "Text", "Url", "PartialDate", "AnswerKind", "SituationField")}

html_theme = "furo"
templates_path = ["_templates"]  # Furo's page frame, icons and menu buttons in Dutch
html_static_path = ["_static"]
html_css_files = ["site.css"]
# search-nl.js works around a Sphinx 9.0 error on the Dutch search page and ranks the pages for
# professionals above the developer section; site.js puts the page's address in the printout.
html_js_files = ["search-nl.js", ("site.js", {"defer": "defer"})]
html_favicon = "_static/favicon.svg"
html_show_sourcelink = False
html_last_updated_fmt = None
html_theme_options = {
    "navigation_with_keys": True,
    "top_of_page_buttons": [],
}


def _dutch_page(docname: str) -> bool:
    return not any(fnmatch(docname, pattern) for pattern in ENGLISH_PAGES)


class SiteTranslator(HTML5Translator):
    """Sphinx's HTML writer with two accessibility fixes (both found by axe-core):

    - toctree captions are ``<p role="heading">`` without the required ``aria-level``;
    - a code block that scrolls sideways cannot be reached by keyboard without ``tabindex``.
    """

    def starttag(self, node, tagname, suffix="\n", empty=False, **attributes):
        if str(attributes.get("ROLE", attributes.get("role", ""))) == "heading":
            attributes["aria-level"] = "2"
        return super().starttag(node, tagname, suffix, empty, **attributes)

    def visit_literal_block(self, node):
        try:
            super().visit_literal_block(node)
        finally:
            for index in range(len(self.body) - 1, -1, -1):
                if "<pre>" in self.body[index]:
                    self.body[index] = self.body[index].replace("<pre>", '<pre tabindex="0">', 1)
                    break


def _page_language(app, pagename, templatename, context, doctree):
    """The developer pages are English: say so to screen readers and browsers (WCAG 3.1.2)."""
    if not _dutch_page(pagename):
        context["language"] = "en"


OPEN_DATA = {  # format → file name under _generated/open-data/ (linked from open-data.md)
    "json": "buurtverbinding.json",
    "csv": "buurtverbinding-csv.zip",
    "sqlite": "buurtverbinding.sqlite",
    "schema": "buurtverbinding.schema.json",
}


def _open_data(app):
    """Export the catalogue that this build shows in every open-data format, for download.

    Files are replaced only when their bytes change, so a rebuild with nothing changed reads
    no page again (Sphinx notices downloads by their modification time).
    """
    import shutil
    import tempfile

    from buurtverbinding.export import export
    from buurtverbinding.sphinx import catalog

    target = Path(app.srcdir) / "_generated" / "open-data"
    target.mkdir(parents=True, exist_ok=True)
    cat = catalog(app.env)
    with tempfile.TemporaryDirectory() as tmp:
        for format, name in OPEN_DATA.items():
            fresh = export(cat, format, Path(tmp) / name)
            if not (target / name).exists() or (target / name).read_bytes() != fresh.read_bytes():
                shutil.copyfile(fresh, target / name)


def _shallow_navigation(app, pagename, templatename, context, doctree):
    """Keep the sidebar to the sections and the directions, without every example under them.

    Furo renders the whole navigation tree into every page, and Sphinx resolves every hidden
    toctree below it before pruning, so with the examples in it a build grows with the square of
    the number of examples. Example pages hang in hidden toctrees under their direction page
    (which lists them, as does the Interventiewijzer), so they keep their place in the document
    tree (previous/next links) without being resolved into every sidebar.
    """
    toctree = context.get("toctree")
    if toctree is not None:
        context["toctree"] = lambda **options: toctree(**{**options, "maxdepth": NAVIGATION_DEPTH, "includehidden": False})


NAVIGATION_DEPTH = 2


def setup(app):
    app.connect("html-page-context", _shallow_navigation, priority=400)  # before furo's handler
    app.connect("builder-inited", _open_data, priority=900)
    app.set_translator("html", SiteTranslator)
    app.connect("html-page-context", _page_language)
