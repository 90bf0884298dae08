"""Sphinx configuration of the buurtverbinding site.

The pages for professionals are Dutch (``language = "nl"`` also gives Dutch stemming in the
built-in search); the developer section under ``dev/`` is English. The catalogue pages under
``catalogus/`` are generated from ``../content`` at every build by ``buurtverbinding.sphinx``
(``bv_pages_dir``), so they are not kept in git.

Build: ``sphinx-build -W --keep-going -n docs docs/_build/html``.
"""

from __future__ import annotations

import gettext
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))  # document the checkout, also when another version is installed

import sphinx.locale  # noqa: E402
from docutils import nodes  # noqa: E402
from sphinx.writers.html5 import HTML5Translator  # noqa: E402

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

myst_enable_extensions = ["deflist"]
myst_heading_anchors = 3
exclude_patterns = ["_build", "_generated"]
nitpicky = True
nitpick_ignore_regex = [
    # Types from outside this project that autodoc names in signatures: with no network there is
    # no inventory to link them to (the developer pages name their documentation in prose).
    (r"py:class", r"(pydantic|pydantic_core|annotated_types|typing_extensions|collections\.abc|sphinx)\..*"),
    (r"py:class", r"(Sphinx|datetime\.date|pathlib\.Path|StringConstraints|SUMMARY_MAX)"),
    # Names that docstrings and annotations of the core modules use unqualified.
    (r"py:class", r"(Example|Situation|Advice|Gap|Comparison|Record)"),
    (r"py:class", r"buurtverbinding\.models\._Record"),
]

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_description_target = "documented_params"  # pydantic's generated __init__ stays plain
autodoc_default_options = {"members": True, "undoc-members": True, "exclude-members": "model_config, model_post_init"}
autodoc_type_aliases = {
    name: f"buurtverbinding.models.{name}" for name in ("Id", "Text", "Url", "PartialDate", "AnswerKind", "SituationField")
}

html_theme = "furo"
templates_path = ["_templates"]  # page.html: Furo's page frame in Dutch
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


try:
    import pyphen
except ImportError:  # without it, long words in headings are left whole (the docs extra installs it)
    _DUTCH_WORDS = None
else:
    _DUTCH_WORDS = pyphen.Pyphen(lang="nl_NL", left=3, right=3)

_LONG_WORD = re.compile(r"[^\W\d_]{10,}")


def hyphenate(text: str) -> str:
    """Soft hyphens in the long words of ``text`` (HTML or plain), at Dutch hyphenation points.

    Only the headings get them (see :class:`SiteTranslator`): the search index and the page's
    ``<title>`` keep the plain words. Chromium on Linux has no Dutch dictionary for
    ``hyphens: auto``, so without them a long title on a phone breaks mid-word with no hyphen.
    """
    if _DUTCH_WORDS is None:
        return text
    return _LONG_WORD.sub(lambda match: _DUTCH_WORDS.inserted(match.group(), hyphen="\u00ad"), text)


def _dutch_page(docname: str) -> bool:
    return not (docname.startswith("dev/") or docname == "changelog")


class SiteTranslator(HTML5Translator):
    """Sphinx's HTML writer with two accessibility fixes (both found by axe-core) and Dutch
    hyphenation of headings:

    - toctree captions are ``<p role="heading">`` without the required ``aria-level``;
    - a code block that scrolls sideways cannot be reached by keyboard without ``tabindex``;
    - long words in headings get soft hyphens (:func:`hyphenate`), on the Dutch pages.
    """

    def visit_Text(self, node):  # noqa: N802
        super().visit_Text(node)
        headings = (nodes.title, nodes.subtitle, nodes.rubric)
        in_heading = isinstance(node.parent, headings) or isinstance(getattr(node.parent, "parent", None), headings)
        if in_heading and _dutch_page(self.builder.current_docname):
            self.body[-1] = hyphenate(self.body[-1])

    def starttag(self, node, tagname, suffix="\n", empty=False, **attributes):
        if str(attributes.get("ROLE", attributes.get("role", ""))) == "heading":
            attributes["aria-level"] = "2"
        return super().starttag(node, tagname, suffix, empty, **attributes)

    def visit_literal_block(self, node):
        try:
            super().visit_literal_block(node)
        finally:
            for index in range(len(self.body) - 1, -1, -1):
                if '<pre>' in self.body[index] or '<pre><span' in self.body[index]:
                    self.body[index] = self.body[index].replace("<pre>", '<pre tabindex="0">', 1)
                    break


THEME_NL = {
    # Sphinx's Dutch catalogue leaves these English (they reach the pages through the HTML writer
    # and Sphinx's templates); the page frame of Furo is translated in _templates/page.html.
    "Link to this heading": "Link naar deze kop",
    "Link to this definition": "Link naar deze definitie",
    "Link to this term": "Link naar dit begrip",
    "Link to this table": "Link naar deze tabel",
    "Link to this code": "Link naar deze code",
    "Link to this image": "Link naar deze afbeelding",
    "Link to this toctree": "Link naar deze inhoudsopgave",
    "Skip to content": "Naar de inhoud",
    "Back to top": "Naar boven",
    "On this page": "Op deze pagina",
    "Next": "Volgende",
    "Previous": "Vorige",
    "Home": "Startpagina",
    "Please activate JavaScript to enable the search functionality.": "Zet JavaScript aan om te kunnen zoeken.",
}


class _DutchTheme(gettext.NullTranslations):
    """Sphinx's translations with :data:`THEME_NL` in front of them."""

    def __init__(self, fallback: gettext.NullTranslations) -> None:
        super().__init__()
        self.add_fallback(fallback)

    def gettext(self, message: str) -> str:
        return THEME_NL.get(message) or super().gettext(message)


def _dutch_theme(app) -> None:
    if app.config.language == "nl" and not isinstance(app.translator, _DutchTheme):
        app.translator = sphinx.locale.translators["general", "sphinx"] = _DutchTheme(app.translator)


def _page_language(app, pagename, templatename, context, doctree):
    """The developer pages are English: say so to screen readers and browsers (WCAG 3.1.2)."""
    if not _dutch_page(pagename):
        context["language"] = "en"
    for key in ("next", "prev"):
        if context.get(key) and _dutch_page(pagename):
            context[key] = {**context[key], "title": hyphenate(context[key]["title"])}


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
    from buurtverbinding.sphinx._data import catalog

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


def _dutch_menu(app, pagename, templatename, context, doctree):
    """Furo names the fold-out buttons of the side menu in English ("Toggle navigation of ...")."""
    tree = context.get("furo_navigation_tree")
    if isinstance(tree, str):
        context["furo_navigation_tree"] = tree.replace('aria-label="Toggle navigation of ', 'aria-label="Submenu openen of sluiten: ')


def setup(app):
    app.connect("html-page-context", _dutch_menu, priority=700)  # after Furo's own handler
    _dutch_theme(app)  # before the builder installs the translations in its templates
    app.connect("html-page-context", _shallow_navigation, priority=400)  # before furo's handler
    app.connect("builder-inited", _open_data, priority=900)
    app.set_translator("html", SiteTranslator)
    app.connect("html-page-context", _page_language)
