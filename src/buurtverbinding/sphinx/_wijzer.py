"""``bv:interventiewijzer``: filter the examples in the browser by direction, phase, place and
target group.

The page holds a form with labelled ``<select>`` controls in a ``<fieldset>`` and a live region
that announces the number of examples found; ``static/bv-wijzer.js`` filters. The data comes
from ``_static/bv-wijzer.json``, written at the end of an HTML build from the catalogue and
the pages that render each example: no server, no CDN, nothing fetched from elsewhere.
Filters can be preset in the address: ``?richting=ontmoeting&fase=spanningen``.
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
from ._base import BvDirective
from ._data import catalog
from ..models import Facet
from ._labels import WIJZER_FACETS, any_label

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

    from ..catalog import Catalog

__all__ = ["DATA_FILE", "SCRIPT_FILE", "setup_wijzer", "wijzer_data"]

DATA_FILE = "bv-wijzer.json"
SCRIPT_FILE = "bv-wijzer.js"
ANCHOR = "bv-interventiewijzer"


class wijzer(nodes.General, nodes.Element):  # noqa: N801
    """Holds ``filters``: [(facet, parameter, label, any-label, [(value, label), ...])]."""


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
        filters = [(f.key, f.parameter, f.singular.capitalize(), any_label(f), _choices(self.cat, f)) for f in WIJZER_FACETS]
        node = wijzer(filters=filters, ids=[ANCHOR])
        self.set_source_info(node)
        self.domain.note_wijzer(ANCHOR)
        return [node]


def _visit_html(self: HTML5Translator, node: wijzer) -> None:
    page = self.builder.get_target_uri(self.builder.current_docname)
    out = [
        f'<div class="bv-wijzer" id="{ANCHOR}" data-bv-wijzer="" data-bv-data="{escape(relative_uri(page, "_static/" + DATA_FILE))}" '
        f'data-bv-root="{escape(relative_uri(page, ""))}">\n',
        '<form class="bv-wijzer-form" action="" method="get">\n<fieldset>\n<legend>Kies wat bij uw buurt past</legend>\n',
    ]
    for _, param, label, anyone, choices in node["filters"]:
        control = f"bv-filter-{param}"
        out.append(f'<div class="bv-wijzer-field"><label for="{control}">{escape(label)}</label>\n<select id="{control}" name="{param}">\n')
        out.append(f'<option value="">{escape(anyone)}</option>\n')
        out.extend(f'<option value="{escape(value)}">{escape(text)}</option>\n' for value, text in choices)
        out.append("</select></div>\n")
    out.append("</fieldset>\n")
    out.append('<button type="reset" class="bv-wijzer-reset">Wis alle filters</button>\n</form>\n')
    out.append('<p class="bv-wijzer-status" role="status" aria-live="polite" aria-atomic="true"></p>\n')
    out.append(
        "<noscript><p>De Interventiewijzer werkt met JavaScript. Zonder JavaScript vindt u alle voorbeelden "
        "op de pagina's van de oplossingsrichtingen en in het overzicht.</p></noscript>\n"
    )
    out.append('<ul class="bv-wijzer-results" aria-label="Gevonden voorbeelden"></ul>\n</div>\n')
    self.body.append("".join(out))
    raise nodes.SkipNode


class WijzerElsewhere(SphinxPostTransform):
    """For builders other than HTML: a sentence instead of the form."""

    default_priority = 200

    def is_supported(self) -> bool:
        return self.env._builder_cls.format != "html"

    def run(self, **kwargs: Any) -> None:
        text = "De Interventiewijzer werkt in de HTML-versie van deze documentatie."
        for node in list(self.document.findall(wijzer)):
            node.replace_self(nodes.paragraph(text, text))


def wijzer_data(app: Sphinx) -> dict[str, Any]:
    """What the Interventiewijzer filters: every example with its facets and the address of its page."""
    builder = app.builder
    cat = catalog(builder.env)
    domain: Any = builder.env.domains["bv"]
    examples = []
    for example in sorted(cat.examples, key=lambda e: e.title.casefold()):
        entry = domain.objects.get(example.id)
        examples.append({
            "id": example.id,
            "title": example.title,
            "summary": example.summary,
            "url": builder.get_target_uri(entry[1]) + "#" + entry[2] if entry else None,
            **{facet.key: list(facet.values(example)) for facet in WIJZER_FACETS},
        })
    facets = {f.key: {"parameter": f.parameter, "label": f.singular.capitalize(), "values": dict(_choices(cat, f))} for f in WIJZER_FACETS}
    return {"catalog_version": cat.version, "facets": facets, "examples": examples}


def _write_data(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or app.builder.format != "html" or not app.builder.env.domains["bv"].data["wijzer"]:
        return
    data = json.dumps(wijzer_data(app), ensure_ascii=False, sort_keys=True, indent=1) + "\n"
    write_if_changed(Path(app.builder.outdir) / "_static" / DATA_FILE, data.encode("utf-8"))


def _add_script(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if pagename in app.builder.env.domains["bv"].data["wijzer"]:
        app.add_js_file(SCRIPT_FILE, loading_method="defer")


def setup_wijzer(app: Sphinx) -> None:
    from ._domain import BvDomain

    app.add_node(wijzer, html=(_visit_html, None))
    app.add_directive_to_domain(BvDomain.name, "interventiewijzer", WijzerDirective)
    app.add_post_transform(WijzerElsewhere)
    app.connect("html-page-context", _add_script)
    app.connect("build-finished", _write_data)
