"""``bv:interventiewijzer``: filter the examples in the browser by every facet that the
professionals choose by (``WIJZER_FACETS``, from the facet declarations).

The page holds a form with one group of check boxes per facet (a ``<fieldset>`` with a legend,
folded in a ``<details>``): several values in one group mean OR, groups combine with AND, as in
``Catalog.filter``. A live region announces the number found; the results show the evidence
badge, the places and the target groups, and sort by name or by evidence. The state lives in the
address (``?fase=spanningen&plek=plein&plek=portiek&sorteer=bewijs``), so a filtered list can be
shared; ``static/bv-wijzer.js`` does the filtering.

The data goes into ``_static/bv-wijzer-data.js``, a script that sets ``window.bvWijzerData``:
Chromium refuses ``fetch()`` of a local file from a page opened with ``file://``, and a
downloaded copy of the site must work too. ``bv-wijzer.js`` adds that script to the page once
the page has painted (``data-bv-script``), so the data does not hold up the first view. ``_static/bv-wijzer.json`` holds the same data for
other programs. No server, no CDN, nothing fetched from elsewhere.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.osutil import relative_uri

from .._io import write_if_changed
from ..models import Facet
from ._base import BvDirective
from ._data import catalog
from ._labels import WIJZER_FACETS

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

    from ..catalog import Catalog

__all__ = ["DATA_FILE", "DATA_SCRIPT", "SCRIPT_FILE", "WijzerDirective", "setup_wijzer", "wijzer_data"]

DATA_FILE = "bv-wijzer.json"
DATA_SCRIPT = "bv-wijzer-data.js"
SCRIPT_FILE = "bv-wijzer.js"
ANCHOR = "bv-interventiewijzer"
CHOOSE_CHECKLIST = "interventies-kiezen"
"""The step-3 checklist that the results lead on to."""
ANALYSIS_PAGE = "buurtanalyse"
"""The Buurtanalyse page, linked when the project has one."""
SORT_PARAMETER = "sorteer"
SORTS = (("naam", "Naam (A-Z)"), ("bewijs", "Sterkste bewijs eerst"))


ELSEWHERE = "De Interventiewijzer werkt in de HTML-versie van deze documentatie."


class wijzer(nodes.container):  # noqa: N801
    """The Interventiewijzer in every output format: its child is a sentence that it works in the
    HTML version. Holds ``filters``: [(facet key, parameter, label, plural, [(value, label), ...])],
    from which :class:`WijzerHtml` makes the form."""


class wijzer_html(nodes.General, nodes.Element):  # noqa: N801
    """The HTML form of :class:`wijzer` (same ``filters``), written by ``_visit_html``."""


def _choices(cat: Catalog, facet: Facet) -> list[tuple[str, str]]:
    if facet.vocabulary is None:
        return [(d.id, d.short_title) for d in cat.directions]
    return [(v.id, v.label) for v in cat.vocabulary(facet.vocabulary).values]


class WijzerDirective(BvDirective):
    """``bv:interventiewijzer``: the filter form and its result list (one per page)."""

    option_spec: ClassVar = {}

    def run(self) -> list[nodes.Node]:
        self.use("directions")
        for facet in WIJZER_FACETS:
            if facet.vocabulary:
                self.use("vocab", facet.vocabulary)
        filters = [(f.key, f.parameter, f.singular[:1].upper() + f.singular[1:], f.plural, _choices(self.cat, f)) for f in WIJZER_FACETS]
        node = wijzer("", nodes.paragraph(ELSEWHERE, ELSEWHERE), filters=filters, ids=[ANCHOR])
        self.set_source_info(node)
        self.domain.note_wijzer(ANCHOR)
        return [node]


def _group(key: str, param: str, label: str, plural: str, choices: list[tuple[str, str]]) -> str:
    out = [
        f'<details class="bv-wijzer-facet" data-bv-facet="{escape(key)}">\n'
        f'<summary><span class="bv-wijzer-facet-label">{escape(label)}</span> '
        f'<span class="bv-wijzer-facet-chosen" data-bv-none="alle {escape(plural)}">alle {escape(plural)}</span></summary>\n'
        f'<fieldset><legend class="bv-visually-hidden">{escape(label)}</legend>\n<ul class="bv-wijzer-choices">\n'
    ]
    for value, text in choices:
        control = f"bv-{param}-{value}"
        out.append(
            f'<li><input type="checkbox" id="{escape(control)}" name="{escape(param)}" value="{escape(value)}">'
            f'<label for="{escape(control)}">{escape(text)}</label></li>\n'
        )
    out.append("</ul></fieldset>\n</details>\n")
    return "".join(out)


def _visit_html(self: HTML5Translator, node: wijzer_html) -> None:
    builder = self.builder
    here = builder.current_docname
    page = builder.get_target_uri(here)
    domain: Any = builder.env.domains["bv"]
    out = [
        f'<div class="bv-wijzer" id="{ANCHOR}" data-bv-wijzer="" data-bv-data="{escape(relative_uri(page, "_static/" + DATA_FILE))}" '
        f'data-bv-script="{escape(relative_uri(page, "_static/" + DATA_SCRIPT))}" data-bv-root="{escape(relative_uri(page, ""))}">\n',
        '<form class="bv-wijzer-form" action="" method="get" aria-label="Filters van de Interventiewijzer">\n',
        '<p class="bv-wijzer-how">Kies in een of meer groepen wat bij uw buurt past. Binnen een groep is elk gekozen '
        "antwoord goed; tussen de groepen moet alles kloppen.</p>\n",
        '<div class="bv-wijzer-filters">\n',
    ]
    out.extend(_group(*group) for group in node["filters"])
    out.append('</div>\n<div class="bv-wijzer-actions">\n')
    out.append(f'<label for="bv-wijzer-sort">Sorteer op</label> <select id="bv-wijzer-sort" name="{SORT_PARAMETER}">')
    out.extend(f'<option value="{value}">{escape(text)}</option>' for value, text in SORTS)
    out.append("</select>\n")
    out.append('<button type="reset" class="bv-wijzer-reset">Wis alle filters</button>\n</div>\n</form>\n')
    out.append('<p class="bv-wijzer-chosen">Gekozen: niets, dus alle voorbeelden.</p>\n')
    out.append('<p class="bv-wijzer-status" role="status" aria-live="polite" aria-atomic="true"></p>\n')
    out.append(_next_steps(builder, here, domain))
    out.append(
        "<noscript><p>De Interventiewijzer werkt met JavaScript. Zonder JavaScript vindt u alle voorbeelden "
        "op de pagina's van de oplossingsrichtingen en in het overzicht.</p></noscript>\n"
    )
    out.append('<ul class="bv-wijzer-results" aria-label="Gevonden voorbeelden"></ul>\n</div>\n')
    self.body.append("".join(out))
    raise nodes.SkipNode


def _next_steps(builder: Any, here: str, domain: Any) -> str:
    """A line that leads on: to the checklist "Interventies kiezen" and the Buurtanalyse page."""
    parts = []
    checklist = domain.uri(builder, here, CHOOSE_CHECKLIST)
    if checklist:
        title = escape(domain.objects[CHOOSE_CHECKLIST].title)
        parts.append(f'Kies samen wat u gaat doen met de checklist <a href="{escape(checklist)}">{title}</a> (stap 3).')
    if ANALYSIS_PAGE in builder.env.found_docs:
        analysis = builder.get_relative_uri(here, ANALYSIS_PAGE)
        parts.append(f'Vul eerst de <a href="{escape(analysis)}">Buurtanalyse</a> in als u nog niet weet wat past.')
    return f'<p class="bv-wijzer-next">{" ".join(parts)}</p>\n' if parts else ""


class WijzerHtml(SphinxPostTransform):
    """For HTML builders only: the form instead of the sentence (other builders keep the sentence)."""

    default_priority = 199
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for node in list(self.document.findall(wijzer)):
            node.replace_self(wijzer_html(filters=node["filters"]))


def wijzer_data(app: Sphinx) -> dict[str, Any]:
    """What the Interventiewijzer filters: every example with its facets, its evidence level and
    the address of its page; per facet its URL parameter, its Dutch labels and the order of its
    values (for evidence: weakest first, so the browser can sort by it)."""
    builder = app.builder
    cat = catalog(builder.env)
    domain: Any = builder.env.domains["bv"]
    examples = []
    for example in sorted(cat.examples, key=lambda e: e.title.casefold()):
        entry = domain.objects.get(example.id)
        examples.append(
            {
                "id": example.id,
                "title": example.title,
                "summary": example.summary,
                "url": builder.get_target_uri(entry.docname) + "#" + entry.anchor if entry else None,
                **{facet.key: list(facet.values(example)) for facet in WIJZER_FACETS},
            }
        )
    facets = {
        f.key: {
            "parameter": f.parameter,
            "label": f.singular[:1].upper() + f.singular[1:],
            "plural": f.label,
            "values": dict(_choices(cat, f)),
            "order": [value for value, _ in _choices(cat, f)],
        }
        for f in WIJZER_FACETS
    }
    evidence = cat.vocabulary("bewijsniveaus")
    return {
        "catalog_version": cat.version,
        "facets": facets,
        "order": [f.key for f in WIJZER_FACETS],
        "evidence": {"values": {v.id: v.label for v in evidence.values}, "order": evidence.ids()},
        "examples": examples,
    }


def _write_data(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or app.builder.format != "html" or not app.builder.env.domains["bv"].data["wijzer"]:
        return
    data = wijzer_data(app)
    static = Path(app.builder.outdir) / "_static"
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
    write_if_changed(static / DATA_FILE, text.encode("utf-8"))
    compact = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).replace("</", "<\\/")
    script = f"/* Generated by buurtverbinding.sphinx: the examples of the Interventiewijzer. */\nwindow.bvWijzerData = {compact};\n"
    write_if_changed(static / DATA_SCRIPT, script.encode("utf-8"))


def _add_script(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if pagename in app.builder.env.domains["bv"].data["wijzer"]:
        app.add_js_file(SCRIPT_FILE, loading_method="defer")  # it loads DATA_SCRIPT once the page has painted


def setup_wijzer(app: Sphinx) -> None:
    """The node, its post-transform, the scripts and the data (``BvDomain`` declares the directive)."""
    app.add_node(wijzer)
    app.add_node(wijzer_html, html=(_visit_html, None))
    app.add_post_transform(WijzerHtml)
    app.connect("html-page-context", _add_script)
    app.connect("build-finished", _write_data)
