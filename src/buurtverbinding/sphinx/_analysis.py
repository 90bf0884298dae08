"""``bv:analysis``: the Buurtanalyse in the browser, and ``bv:advice-rules``: the rules as tables.

``bv:analysis`` renders every checklist of the step plan as a form (radio groups, checkboxes,
ja / nee / weet niet, scales, text areas), the optional fields datum, buurt and aanwezigen, and
an empty advice region that ``static/bv-analysis.js`` fills while the answers change. The script
evaluates the compiled advice rules exactly as :mod:`buurtverbinding.advice` does (a Playwright
test compares both on hundreds of answer sets). Its data is written at the end of an HTML build
as ``_static/bv-analysis-data.js``, a script that sets one global: the page works from a folder
opened directly (``file://``), where browsers refuse ``fetch()``. With ``bv_csp`` the page carries
a Content-Security-Policy that allows its own files only, so the answers never leave the browser.

Each checklist rendered by ``bv:checklist`` gets a link to its part of the form ("Vul deze
checklist in op het scherm") when the project has an analysis page (the domain knows which; the
link is screen-only, so it is not printed).

``bv:advice-rules`` prints the advice rules from the catalogue (``:show: phase``, ``facets``,
``examples`` or ``threshold``), so that the explanation of the advice cannot drift from the rules.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.transforms.post_transforms import SphinxPostTransform

from .._io import write_if_changed
from .._version import __version__
from ..models import FACETS, ExampleScoring
from ._base import BvDirective
from ._config import get_config
from ._data import catalog

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

    from ..catalog import Catalog
    from ..models import ChecklistItem

__all__ = [
    "DATA_FILE",
    "SCRIPT_FILE",
    "STYLE_FILE",
    "AdviceRulesDirective",
    "AnalysisDirective",
    "analysis_data",
    "data_script",
    "form_html",
    "page_html",
    "setup_analysis",
]

DATA_FILE = "bv-analysis-data.js"
SCRIPT_FILE = "bv-analysis.js"
STYLE_FILE = "bv-analysis.css"
ANCHOR = "bv-analysis"
GLOBAL = "BV_ANALYSIS_DATA"

CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "frame-src 'none'; base-uri 'self'; form-action 'self'"
)
"""Only the site's own files: no request to another origin can leave the page. Inline scripts
and styles stay allowed for the theme, and ``'unsafe-eval'`` for Sphinx's own translations
(``doctools.js`` builds the plural rule with ``new Function``); neither can reach another origin."""


FEEDS = {facet.feeds: facet for facet in FACETS if facet.feeds}


# --- bv:advice-rules ------------------------------------------------------------------------


def _points(value: int) -> str:
    return f"{value:+d}" if value else "0"


def _table(header: list[str], rows: list[list[str]], classes: list[str] | None = None) -> nodes.table:
    table = nodes.table(classes=["bv-rules-table", *(classes or [])])
    group = nodes.tgroup(cols=len(header))
    table += group
    group.extend(nodes.colspec(colwidth=1) for _ in header)
    head = nodes.thead()
    head += nodes.row("", *(nodes.entry("", nodes.paragraph(text, text)) for text in header))
    body = nodes.tbody()
    for cells in rows:
        body += nodes.row("", *(nodes.entry("", nodes.paragraph(text, text)) for text in cells))
    group += head
    group += body
    return table


class AdviceRulesDirective(BvDirective):
    """``bv:advice-rules``: the advice rules of the catalogue as tables.

    ``:show: phase`` the phase table (phase × direction), ``facets`` one table per answer field,
    ``examples`` the points of the examples, ``threshold`` the sentence with the threshold.
    """

    option_spec: ClassVar = {"show": lambda arg: directives.choice(arg, ("phase", "facets", "examples", "threshold"))}

    def run(self) -> list[nodes.Node]:
        cat = self.cat
        self.use("directions")
        for rule_id in [r.id for r in cat.advice_rules] + [r.id for r in cat.example_scoring]:
            self.use("record", rule_id)
        show = self.options.get("show", "facets")
        if not cat.example_scoring:
            text = "Deze catalogus heeft geen adviesregels."
            return [nodes.paragraph(text, text)]
        scoring = cat.example_scoring[0]
        if show == "threshold":
            return [self._threshold(scoring)]
        if show == "examples":
            return [self._examples(cat, scoring)]
        directions = sorted(cat.directions, key=lambda d: d.number)
        out: list[nodes.Node] = []
        for rule_set in sorted(cat.advice_rules, key=lambda r: (r.order, r.id)):
            if (rule_set.field == "phase") != (show == "phase"):
                continue
            vocabulary = FEEDS[rule_set.field].vocabulary or ""
            self.use("vocab", vocabulary)
            values = cat.vocabulary(vocabulary).values
            if show == "phase":
                header = [FEEDS[rule_set.field].singular.capitalize(), *(d.short_title for d in directions)]
                rows = []
                for value in values:
                    given = {r.direction: r.points for r in rule_set.rules if r.value == value.id}
                    rows.append([f"{value.label} ({value.id})", *(_points(given.get(d.id, 0)) for d in directions)])
                out.append(_table(header, rows, ["bv-rules-phase"]))
                continue
            out.append(nodes.paragraph("", "", nodes.strong(rule_set.title, rule_set.title), classes=["bv-rules-title"]))
            out.append(nodes.paragraph(rule_set.description, rule_set.description))
            short = {d.id: d.short_title for d in directions}
            rows = []
            for value in values:
                matching = [r for r in rule_set.rules if r.value == value.id]
                if matching:
                    rows.append([f"{value.label} ({value.id})", ", ".join(f"{short[r.direction]} {_points(r.points)}" for r in matching)])
            out.append(_table(["Antwoord", "Punten per richting"], rows))
        return out

    def _threshold(self, scoring: ExampleScoring) -> nodes.paragraph:
        paragraph = nodes.paragraph()
        paragraph += nodes.Text("De punten worden opgeteld. Een richting met ")
        strong = f"{scoring.called_for} punten of meer"
        paragraph += nodes.strong(strong, strong)
        paragraph += nodes.Text(" is ")
        paragraph += nodes.emphasis("nodig", "nodig")
        paragraph += nodes.Text(" in deze situatie.")
        return paragraph

    def _examples(self, cat: Catalog, s: ExampleScoring) -> nodes.table:
        self.use("vocab", "bewijsniveaus")
        self.use("vocab", "effectrichtingen")
        rows = [
            ["De fase van de buurt past bij het voorbeeld", _points(s.phase_match)],
            ["Het voorbeeld is bedoeld voor de fase ernaast (bijvoorbeeld spanningen bij ongemak)", _points(s.phase_adjacent)],
            ["Het voorbeeld is bedoeld voor een fase die verder weg ligt", _points(s.phase_far)],
            ["De richting van het voorbeeld staat bovenaan", _points(s.top_direction)],
            ["De richting van het voorbeeld is ook nodig", _points(s.called_direction)],
            ["Alleen een tweede richting van het voorbeeld is nodig", _points(s.secondary_direction)],
            ["De fase houdt de richting van het voorbeeld tegen (een min in de tabel van de fase)", "dezelfde min als in de tabel van de fase"],
        ]
        for field, points in s.match.items():
            facet = FEEDS[field]
            rows.append([f"Per {facet.singular} die overeenkomt (hoogstens {s.match_cap} per soort)", _points(points)])
        for field, points in s.mismatch.items():
            facet = FEEDS[field]
            rows.append([f"U noemt {facet.plural}, en het voorbeeld is alleen bedoeld voor andere {facet.plural}", _points(points)])
        rows += [
            [f"Per partner die het voorbeeld nodig heeft en die al aan tafel zit (hoogstens {s.partner_cap})", _points(s.partner)],
            ["De kosten passen binnen het budget", _points(s.within_budget)],
            ["De kosten liggen boven het budget", _points(s.over_budget)],
        ]
        for value in cat.vocabulary("bewijsniveaus").values:
            if value.id in s.evidence:
                rows.append([f"Een databank beoordeelde het als '{value.label}'", _points(s.evidence[value.id])])
        for value in cat.vocabulary("effectrichtingen").values:
            if value.id in s.effect:
                rows.append([f"Effect volgens de bronnen: {value.label.lower()}", _points(s.effect[value.id])])
        return _table(["Regel", "Punten"], rows, ["bv-rules-examples"])


# --- bv:analysis: the form ------------------------------------------------------------------


ELSEWHERE = "De Buurtanalyse werkt in de HTML-versie van deze documentatie."


class analysis(nodes.container):  # noqa: N801
    """The Buurtanalyse in every output format: its child is a sentence that it works in the HTML
    version. Holds ``form``, the form rendered from the catalogue when the page is read, from which
    :class:`AnalysisHtml` makes the HTML node."""


class analysis_html(nodes.General, nodes.Element):  # noqa: N801
    """The HTML form of :class:`analysis` (same ``form``), written by ``_visit_html``."""


class AnalysisDirective(BvDirective):
    """``bv:analysis``: every checklist as a form, with live advice (one per page)."""

    option_spec: ClassVar = {}

    def run(self) -> list[nodes.Node]:
        cat = self.cat
        self.use("directions")
        for step in cat.steps:
            self.use("checklists", step.id)
            self.use("record", step.id)
        for checklist in cat.checklists:
            self.use("record", checklist.id)
            for item in checklist.items:
                if item.vocabulary:
                    self.use("vocab", item.vocabulary)
        for rule_id in [r.id for r in cat.advice_rules] + [r.id for r in cat.example_scoring]:
            self.use("record", rule_id)
        self.domain.note_page("analysis", ANCHOR)
        node = analysis("", nodes.paragraph(ELSEWHERE, ELSEWHERE), form=form_html(cat), ids=[ANCHOR])
        self.set_source_info(node)
        return [node]


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _choice(name: str, control: str, value: str, label: str, kind: str = "radio", checked: bool = False) -> str:
    mark = " checked" if checked else ""
    return (
        f'<div class="bv-an-choice"><input type="{kind}" id="{control}" name="{name}" value="{_e(value)}"{mark}>'
        f' <label for="{control}">{_e(label)}</label></div>\n'
    )


def _item_html(cat: Catalog, item: ChecklistItem) -> str:
    key = f"bv-an-{item.id}"
    help_id = f"{key}-help"
    help_html = f'<p class="bv-an-help" id="{help_id}">{_e(item.help)}</p>\n' if item.help else ""
    described = f' aria-describedby="{help_id}"' if item.help else ""
    if item.kind == "text":
        return (
            f'<div class="bv-an-item bv-an-text" data-item="{item.id}" data-kind="text">\n'
            f'<label class="bv-an-question" for="{key}">{_e(item.question)}</label>\n{help_html}'
            f'<textarea id="{key}" name="{item.id}" rows="3"{described}></textarea>\n</div>\n'
        )
    out = [
        f'<fieldset class="bv-an-item bv-an-{item.kind.replace("_", "-")}" data-item="{item.id}" data-kind="{item.kind}"{described}>\n'
        f'<legend class="bv-an-question">{_e(item.question)}</legend>\n{help_html}<div class="bv-an-choices">\n'
    ]
    if item.kind == "multiple_choice":
        for n, value in enumerate(cat.vocabulary(item.vocabulary or "").values):
            out.append(_choice(item.id, f"{key}-{n}", value.id, value.label, "checkbox"))
    else:
        if item.kind == "single_choice":
            options = [(v.id, v.label) for v in cat.vocabulary(item.vocabulary or "").values]
            empty = "Niet ingevuld"
        elif item.kind == "yes_no":
            options = [("ja", "Ja"), ("nee", "Nee")]
            empty = "Weet niet"
        else:
            scale = item.scale
            assert scale is not None
            options = []
            for number in range(scale.min, scale.max + 1):
                label = str(number)
                if number == scale.min:
                    label += f" ({scale.low_label})"
                elif number == scale.max:
                    label += f" ({scale.high_label})"
                options.append((str(number), label))
            empty = "Niet ingevuld"
        for n, (choice, text) in enumerate(options):
            out.append(_choice(item.id, f"{key}-{n}", choice, text))
        out.append(_choice(item.id, f"{key}-leeg", "", empty, checked=True))
    out.append("</div>\n</fieldset>\n")
    return "".join(out)


def form_html(cat: Catalog) -> str:
    """The whole form: the meeting fields, then every checklist of the four steps in order."""
    out = [
        '<fieldset class="bv-an-meta">\n<legend>Over dit overleg (komt op het verslag)</legend>\n'
        '<div class="bv-an-field"><label for="bv-an-datum">Datum</label> <input type="date" id="bv-an-datum" name="datum" data-meta="datum"></div>\n'
        '<div class="bv-an-field"><label for="bv-an-buurt">Buurt of gebied</label> <input type="text" id="bv-an-buurt" name="buurt" data-meta="buurt" autocomplete="off"></div>\n'
        '<div class="bv-an-field"><label for="bv-an-aanwezigen">Aanwezigen</label> <textarea id="bv-an-aanwezigen" name="aanwezigen" data-meta="aanwezigen" rows="2"></textarea></div>\n'
        "</fieldset>\n"
    ]
    steps = {step.id: step for step in cat.steps}
    for step in sorted(cat.steps, key=lambda s: s.number):
        checklists = sorted((c for c in cat.checklists if c.step == step.id), key=lambda c: (c.order, c.id))
        if not checklists:
            continue
        out.append(f'<section class="bv-an-step" id="{ANCHOR}-{step.id}" aria-labelledby="{ANCHOR}-{step.id}-title">\n')
        out.append(f'<h2 id="{ANCHOR}-{step.id}-title">Stap {step.number}: {_e(steps[step.id].title)}</h2>\n')
        for checklist in checklists:
            out.append(f'<section class="bv-an-checklist" id="{ANCHOR}-{checklist.id}" aria-labelledby="{ANCHOR}-{checklist.id}-title">\n')
            out.append(f'<h3 id="{ANCHOR}-{checklist.id}-title">{_e(checklist.title)}</h3>\n<p class="bv-an-purpose">{_e(checklist.purpose)}</p>\n')
            out.extend(_item_html(cat, item) for item in checklist.items)
            out.append("</section>\n")
        out.append("</section>\n")
    return "".join(out)


def page_html(form: str, root: str, docname: str, site: str) -> str:
    """The whole analysis block: tools, form (``form``, from :func:`form_html`) and advice region.
    ``root`` is the relative address of the site root, ``site`` the page's public address (or "")."""
    return (
        f'<div class="bv-analysis" id="{ANCHOR}" data-bv-analysis="" data-bv-root="{_e(root)}" '
        f'data-bv-storage="buurtverbinding-analyse:{_e(docname)}" data-bv-site="{_e(site)}">\n'
        '<noscript><p class="bv-an-noscript">De Buurtanalyse werkt met JavaScript. Zonder JavaScript kunt u de checklists '
        "afdrukken en samen op papier invullen.</p></noscript>\n"
        '<div class="bv-an-tools">\n'
        '<p class="bv-an-privacy" id="bv-an-privacy">Uw antwoorden blijven in deze browser. Ze worden op dit apparaat bewaard '
        "voor deze pagina (in de lokale opslag van de browser) en nergens naartoe gestuurd. Op een gedeelde computer: "
        "klik na afloop op Alles wissen.</p>\n"
        '<div class="bv-an-buttons">\n'
        '<button type="button" data-bv-action="save">Antwoorden opslaan</button>\n'
        '<button type="button" data-bv-action="open">Antwoorden openen</button>\n'
        '<input type="file" accept=".json,application/json" data-bv-file="" hidden aria-hidden="true" tabindex="-1">\n'
        '<button type="button" data-bv-action="print">Verslag afdrukken</button>\n'
        '<button type="button" data-bv-action="clear">Alles wissen</button>\n'
        "</div>\n"
        '<p class="bv-an-message" data-bv-message="" role="status"></p>\n'
        "</div>\n"
        '<div class="bv-an-layout">\n<form class="bv-an-form" action="#" aria-label="Checklists van het stappenplan">\n'
        + form
        + '<p class="bv-an-sticky"><span data-bv-summary="">Het advies verschijnt zodra u antwoorden invult.</span> '
        '<a href="#bv-an-advice-title">Naar het advies</a></p>\n'
        "</form>\n"
        '<section class="bv-an-advice" aria-labelledby="bv-an-advice-title">\n'
        '<h2 id="bv-an-advice-title">Advies</h2>\n'
        '<div class="bv-an-advice-body" data-bv-advice="" aria-live="polite">'
        "<p>Het advies verschijnt hier zodra u antwoorden invult.</p></div>\n"
        "</section>\n</div>\n</div>\n"
    )


def _visit_html(self: HTML5Translator, node: analysis_html) -> None:
    from sphinx.util.osutil import relative_uri

    builder = self.builder
    page = builder.get_target_uri(builder.current_docname)
    base = getattr(builder.config, "html_baseurl", "") or ""
    site = (base.rstrip("/") + "/" + page) if base else ""
    self.body.append(page_html(node["form"], relative_uri(page, ""), builder.current_docname, site))
    raise nodes.SkipNode


class AnalysisHtml(SphinxPostTransform):
    """For HTML builders only: the form instead of the sentence (other builders keep the sentence)."""

    default_priority = 199
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for node in list(self.document.findall(analysis)):
            node.replace_self(analysis_html(form=node["form"], ids=node["ids"]))


def _link_checklists(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """HTML only: under each rendered checklist, a link to its part of the analysis form."""
    if app.builder.format != "html":
        return
    domain: Any = app.builder.env.domains["bv"]
    target = domain.page("analysis")
    if target is None:
        return
    for box in list(doctree.findall(nodes.container)):
        if "bv-checklist" not in box["classes"]:
            continue
        anchors = [i for i in box["ids"] if i.startswith("bv-")]
        if not anchors:
            continue
        checklist = anchors[0][3:]
        uri = app.builder.get_relative_uri(docname, target) if target != docname else ""
        text = "Vul deze checklist in op het scherm"
        link = nodes.reference(text, text, refuri=f"{uri}#{ANCHOR}-{checklist}")
        paragraph = nodes.paragraph("", "", link, classes=["bv-an-fill-link", "bv-screen-only"])
        hints = [n for n, child in enumerate(box.children) if isinstance(child, nodes.Element) and "bv-print-hint" in child.get("classes", [])]
        box.insert(hints[0] + 1 if hints else len(box.children), paragraph)


# --- the data for the script ------------------------------------------------------------------


def analysis_data(cat: Catalog, url_of: Any = None) -> dict[str, Any]:
    """Everything the browser evaluator needs, from the compiled catalogue. ``url_of(example_id)``
    gives the address of an example's page relative to the site root (or ``None``)."""
    needed = {"fasen", "kostenniveaus", "bewijsniveaus", "effectrichtingen", "actoren"}
    needed |= {facet.vocabulary for facet in FEEDS.values() if facet.vocabulary}
    needed |= {item.vocabulary for c in cat.checklists for item in c.items if item.vocabulary}
    vocabularies = {name: [[v.id, v.label] for v in cat.vocabulary(name).values] for name in sorted(needed)}
    steps = {s.id: s.number for s in cat.steps}
    checklists = sorted(cat.checklists, key=lambda c: (steps.get(c.step, 99), c.order, c.id))
    items = [
        {
            k: v
            for k, v in {
                "id": i.id,
                "checklist": c.id,
                "question": i.question,
                "kind": i.kind,
                "vocabulary": i.vocabulary,
                "scale": [i.scale.min, i.scale.max, i.scale.low_label, i.scale.high_label] if i.scale else None,
                "feeds": i.feeds,
            }.items()
            if v is not None
        }
        for c in checklists
        for i in c.items
    ]
    examples = []
    for e in cat.examples:
        examples.append(
            {
                k: v
                for k, v in {
                    "id": e.id,
                    "title": e.title,
                    "summary": e.summary,
                    "organisation": e.organisation,
                    "direction": e.direction,
                    "secondary": list(e.secondary_directions) or None,
                    "phases": list(e.phases),
                    "locations": list(e.locations),
                    "target_groups": list(e.target_groups),
                    "intermediate_groups": list(e.intermediate_groups) or None,
                    "partners": list(e.partners) or None,
                    "forms": list(e.forms) or None,
                    "causes": list(e.causes) or None,
                    "dividing_lines": list(e.dividing_lines) or None,
                    "level": e.evidence.level,
                    "effect": e.evidence.effect,
                    "cost": e.cost.band if e.cost else None,
                    "source": [e.sources[0].title, e.sources[0].url],
                    "url": url_of(e.id) if url_of else None,
                }.items()
                if v is not None
            }
        )
    rules = [r.model_dump(mode="json", exclude_none=True) for r in sorted(cat.advice_rules, key=lambda r: (r.order, r.id))]
    return {
        "package": __version__,
        "version": cat.version,
        "directions": [{"id": d.id, "number": d.number, "title": d.title, "short": d.short_title} for d in cat.directions],
        "checklists": [{"id": c.id, "title": c.title} for c in checklists],
        "items": items,
        "vocabularies": vocabularies,
        "rated": [v.id for v in cat.vocabulary("bewijsniveaus").values if v.rated],
        "words": {field: [f.singular if field != "budget" else "budget", f.plural, f.vocabulary] for field, f in FEEDS.items()},
        "rules": rules,
        "scoring": cat.example_scoring[0].model_dump(mode="json") if cat.example_scoring else None,
        "fields": [facet.feeds for facet in FACETS if facet.feeds],
        "retired": {r.id: r.replaced_by for r in cat.retired},
        "examples": examples,
    }


def data_script(data: dict[str, Any]) -> bytes:
    """The data as a script that sets one global (``file://`` pages cannot fetch JSON)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("</", "<\\/")  # never closes a script element
    return f"window.{GLOBAL} = {text};\n".encode()


def _write_data(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    env = app.builder.env
    domain: Any = env.domains["bv"]
    if domain.page("analysis") is None:
        return
    builder = app.builder

    def url_of(identifier: str) -> str | None:
        entry = domain.objects.get(identifier)
        return builder.get_target_uri(entry.docname) + "#" + entry.anchor if entry else None

    write_if_changed(Path(builder.outdir) / "_static" / DATA_FILE, data_script(analysis_data(catalog(env), url_of)))


def _page(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if pagename not in app.builder.env.domains["bv"].data["analysis"]:
        return
    app.add_js_file(DATA_FILE)
    app.add_js_file(SCRIPT_FILE, loading_method="defer")
    app.add_css_file(STYLE_FILE)
    if get_config(app).csp:  # site policy, opt-in (bv_csp)
        meta = f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        context["metatags"] = meta + context.get("metatags", "")


def setup_analysis(app: Sphinx) -> None:
    """The nodes, the post-transform and the page hooks (``BvDomain`` declares the directives)."""
    app.add_node(analysis)
    app.add_node(analysis_html, html=(_visit_html, None))
    app.add_post_transform(AnalysisHtml)
    app.connect("doctree-resolved", _link_checklists)
    app.connect("html-page-context", _page)
    app.connect("build-finished", _write_data)
