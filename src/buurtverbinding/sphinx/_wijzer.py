"""``bv:interventiewijzer``: find examples in the browser by every facet that the
professionals choose by (``WIJZER_FACETS``, from the facet declarations) and by a description
in their own words, ranked rather than filtered to nothing.

The page holds a text field ("Beschrijf wat u zoekt", the catalogue's search: ``bv.search``)
and a form with one group of check boxes per facet (a ``<fieldset>`` with a legend, folded in a
``<details>``): several values in one group mean OR, groups combine with AND, as in
``Catalog.filter``. Each option shows its definition from the vocabulary and how many examples
it would give; an option that no example has is not offered. A bar that stays in view while
choosing holds the number found (a live region) and the chosen filters as removable chips.
The examples that fit every choice come first; below them, apart, the closest ones ("past op 2
van 3: geen Plein of speelplek"), so no reasonable choice ends at zero. Each card shows the
evidence next to the effect; an unrated level is quiet. The state lives in the address
(``?fase=spanningen&plek=plein&plek=portiek&zoek=hangjongeren&sorteer=bewijs``), so a list can
be shared; ``static/bv-wijzer.js`` is the page controller.

The data goes into ``_static/bv-wijzer-data.js``, a script that sets ``bv.data.wijzer`` (the
text field also reads ``bv.data.search`` from ``bv-search-data.js``, see ``_sitesearch``):
Chromium refuses ``fetch()`` of a local file from a page opened with ``file://``, and a
downloaded copy of the site must work too. ``bv-wijzer.js`` adds its data once the page has
painted (``data-bv-script``), and the search (``bv-stemmer.js``, ``bv-search.js`` and its data,
``data-bv-search``) only when it is needed: a text in the address, or the text field taking the
focus. None of them holds up the first view. ``_static/bv-wijzer.json`` holds the same data for other programs. No server, no
CDN, nothing fetched from elsewhere.
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
from ._sitesearch import DATA_SCRIPT as SEARCH_DATA_SCRIPT
from ._sitesearch import SCRIPTS as SEARCH_SCRIPTS

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

    from ..catalog import Catalog

__all__ = ["DATA_FILE", "DATA_SCRIPT", "SCRIPT_FILE", "WijzerDirective", "setup_wijzer", "wijzer_data"]

DATA_FILE = "bv-wijzer.json"
DATA_SCRIPT = "bv-wijzer-data.js"
SCRIPT_FILE = "bv-wijzer.js"
STYLESHEET = "bv-wijzer.css"
TEXT_PARAMETER = "zoek"
ANCHOR = "bv-interventiewijzer"
SORT_PARAMETER = "sorteer"
SORTS = (("naam", "Naam (A-Z)"), ("bewijs", "Sterkste bewijs eerst"), ("passend", "Best passend bij uw tekst"))


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


def _definitions(cat: Catalog, facet: Facet) -> dict[str, str]:
    """What each value means (the vocabulary's definition; for a direction, its summary)."""
    if facet.vocabulary is None:
        return {d.id: d.summary for d in cat.directions}
    return {v.id: v.definition for v in cat.vocabulary(facet.vocabulary).values if v.definition}


def _offered(cat: Catalog, facet: Facet) -> list[tuple[str, str, str]]:
    """The options of a group: (value, label, definition) for every value that an example has."""
    used = {value for example in cat.examples for value in facet.values(example)}
    definitions = _definitions(cat, facet)
    return [(value, label, definitions.get(value, "")) for value, label in _choices(cat, facet) if value in used]


class WijzerDirective(BvDirective):
    """``bv:interventiewijzer``: the filter form and its result list (one per page)."""

    option_spec: ClassVar = {}

    def run(self) -> list[nodes.Node]:
        self.use("directions")
        for facet in WIJZER_FACETS:
            if facet.vocabulary:
                self.use("vocab", facet.vocabulary)
        for facet in WIJZER_FACETS:  # an option is offered when an example has it: re-read when that changes
            for value, _ in _choices(self.cat, facet):
                self.use("count", json.dumps({facet.key: value}))
        filters = [(f.key, f.parameter, f.singular[:1].upper() + f.singular[1:], f.plural, _offered(self.cat, f)) for f in WIJZER_FACETS]
        node = wijzer("", nodes.paragraph(ELSEWHERE, ELSEWHERE), filters=filters, ids=[ANCHOR])
        self.set_source_info(node)
        self.domain.note_wijzer(ANCHOR)
        return [node]


def _group(key: str, param: str, label: str, plural: str, choices: list[tuple[str, str, str]]) -> str:
    out = [
        f'<details class="bv-wijzer-facet" data-bv-facet="{escape(key)}">\n'
        f'<summary><span class="bv-wijzer-facet-label">{escape(label)}</span> '
        f'<span class="bv-wijzer-facet-chosen" data-bv-none="alle {escape(plural)}">alle {escape(plural)}</span></summary>\n'
        f'<fieldset><legend class="bv-visually-hidden">{escape(label)}</legend>\n<ul class="bv-wijzer-choices">\n'
    ]
    for value, text, definition in choices:
        control = f"bv-{param}-{value}"
        described = f' aria-describedby="{escape(control)}-def"' if definition else ""
        out.append(
            f'<li><input type="checkbox" id="{escape(control)}" name="{escape(param)}" value="{escape(value)}"{described}>'
            f'<span class="bv-wijzer-option"><label for="{escape(control)}">{escape(text)}'
            f' <span class="bv-wijzer-count" data-bv-count=""></span></label>'
            + (f'<span class="bv-wijzer-def" id="{escape(control)}-def">{escape(definition)}</span>' if definition else "")
            + "</span></li>\n"
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
        f'data-bv-script="{escape(relative_uri(page, "_static/" + DATA_SCRIPT))}" '
        f'data-bv-search="{escape(" ".join(relative_uri(page, "_static/" + name) for name in (*SEARCH_SCRIPTS, SEARCH_DATA_SCRIPT)))}" '
        f'data-bv-root="{escape(relative_uri(page, ""))}">\n',
        '<div class="bv-wijzer-bar">\n<p class="bv-wijzer-status" role="status" aria-live="polite" aria-atomic="true"></p>\n'
        '<ul class="bv-wijzer-chips" aria-label="Gekozen filters"></ul>\n</div>\n',
        '<form class="bv-wijzer-form" action="" method="get" aria-label="Filters van de Interventiewijzer">\n',
        '<div class="bv-wijzer-text">\n<label for="bv-wijzer-q">Beschrijf wat u zoekt</label>\n'
        f'<input type="search" id="bv-wijzer-q" name="{TEXT_PARAMETER}" autocomplete="off" aria-describedby="bv-wijzer-q-hint">\n'
        '<p class="bv-wijzer-hint" id="bv-wijzer-q-hint">Bijvoorbeeld: hangjongeren op het plein, of ruzie tussen buren in de portiek. '
        "U kunt de tekst combineren met de keuzes hieronder.</p>\n</div>\n",
        '<p class="bv-wijzer-how">Kies in een of meer groepen wat bij uw buurt past. Binnen een groep is elk gekozen '
        "antwoord goed; tussen de groepen moet alles kloppen. Het getal achter een keuze zegt hoeveel voorbeelden u er dan vindt.</p>\n",
        '<div class="bv-wijzer-filters">\n',
    ]
    out.extend(_group(*group) for group in node["filters"])
    out.append('</div>\n<div class="bv-wijzer-actions">\n')
    out.append(f'<label for="bv-wijzer-sort">Sorteer op</label> <select id="bv-wijzer-sort" name="{SORT_PARAMETER}">')
    out.extend(f'<option value="{value}">{escape(text)}</option>' for value, text in SORTS)
    out.append("</select>\n")
    out.append('<button type="reset" class="bv-wijzer-reset">Wis alle filters</button>\n</div>\n</form>\n')
    out.append('<p class="bv-wijzer-chosen">Gekozen: niets, dus alle voorbeelden.</p>\n')
    out.append(_next_steps(builder, here, domain))
    out.append(
        "<noscript><p>De Interventiewijzer werkt met JavaScript. Zonder JavaScript vindt u alle voorbeelden "
        "op de pagina's van de oplossingsrichtingen en in het overzicht.</p></noscript>\n"
    )
    out.append('<div class="bv-wijzer-list">\n<ul class="bv-wijzer-results" aria-label="Voorbeelden die bij alles passen"></ul>\n')
    out.append(
        '<section class="bv-wijzer-closest-section" aria-labelledby="bv-wijzer-closest-title" hidden>\n'
        '<h2 id="bv-wijzer-closest-title">Voorbeelden die er het dichtst bij komen</h2>\n'
        '<p class="bv-wijzer-closest-how">Deze voorbeelden passen op een deel van uw keuzes. Bij elk staat wat er niet klopt.</p>\n'
        '<ul class="bv-wijzer-closest" aria-label="Voorbeelden die er het dichtst bij komen"></ul>\n</section>\n</div>\n</div>\n'
    )
    self.body.append("".join(out))
    raise nodes.SkipNode


def _choose_checklist(builder: Any) -> str | None:
    """The checklist where the meeting chooses interventions: the last checklist of step 3."""
    cat = catalog(builder.env)
    steps = {step.id: step.number for step in cat.steps}
    chosen = sorted((c for c in cat.checklists if steps.get(c.step) == 3), key=lambda c: (c.order, c.id))
    return chosen[-1].id if chosen else None


def _next_steps(builder: Any, here: str, domain: Any) -> str:
    """A line that leads on: to the step-3 checklist for choosing interventions and the Buurtanalyse page."""
    parts = []
    choose = _choose_checklist(builder)
    checklist = domain.uri(builder, here, choose) if choose else None
    if choose and checklist:
        title = escape(domain.objects[choose].title)
        parts.append(f'Kies samen wat u gaat doen met de checklist <a href="{escape(checklist)}">{title}</a> (stap 3).')
    analysis = domain.analysis_uri(builder, here)
    if analysis is not None:
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
    """What the Interventiewijzer filters: every example with its facets, its evidence level, its
    effect and the address of its page; per facet its URL parameter, its Dutch labels, the
    definitions and the order of its values (for evidence: weakest first, so the browser can sort
    by it)."""
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
                "effect": example.evidence.effect,
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
            "definitions": _definitions(cat, f),
        }
        for f in WIJZER_FACETS
    }
    evidence = cat.vocabulary("bewijsniveaus")
    effects = cat.vocabulary("effectrichtingen")
    return {
        "catalog_version": cat.version,
        "facets": facets,
        "order": [f.key for f in WIJZER_FACETS],
        "evidence": {"values": {v.id: v.label for v in evidence.values}, "order": evidence.ids(), "rated": [v.id for v in evidence.values if v.rated]},
        "effects": {v.id: v.label for v in effects.values},
        "text_parameter": TEXT_PARAMETER,
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
    script = (
        "/* Generated by buurtverbinding.sphinx: the examples of the Interventiewijzer. */\n"
        'var bv = (typeof globalThis !== "undefined" ? globalThis : window).bv = '
        '(typeof globalThis !== "undefined" ? globalThis : window).bv || {};\n'
        f"bv.data = bv.data || {{}};\nbv.data.wijzer = {compact};\n"
    )
    write_if_changed(static / DATA_SCRIPT, script.encode("utf-8"))


def _add_script(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if pagename in app.builder.env.domains["bv"].data["wijzer"]:
        app.add_js_file(SCRIPT_FILE, loading_method="defer")  # it loads the data and the search once the page has painted
        app.add_css_file(STYLESHEET)


def setup_wijzer(app: Sphinx) -> None:
    """The node, its post-transform, the scripts and the data (``BvDomain`` declares the directive)."""
    app.add_node(wijzer)
    app.add_node(wijzer_html, html=(_visit_html, None))
    app.add_post_transform(WijzerHtml)
    app.connect("html-page-context", _add_script)
    app.connect("build-finished", _write_data)
