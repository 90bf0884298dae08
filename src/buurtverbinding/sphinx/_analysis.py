"""``bv:analysis``: the Buurtanalyse in the browser, and ``bv:advice-rules``: the rules as tables.

``bv:analysis`` renders every checklist of the step plan as a form (radio groups, checkboxes,
ja / nee / weet niet, scales, text areas), the optional fields datum, buurt and aanwezigen, and
an empty advice region that ``static/bv-analysis.js`` (the page controller) fills while the
answers change. The advice comes from ``static/bv-advice.js``, which interprets the same advice
table as :mod:`buurtverbinding.advice` (the conformance suite in ``tests/advice-cases/`` runs
against both). The table is written at the end of an HTML build as ``_static/bv-advice-data.js``,
a script that sets ``bv.data.advice``: the page works from a folder opened directly
(``file://``), where browsers refuse ``fetch()``. With ``bv_csp`` the page carries a
Content-Security-Policy that allows its own files only, so the answers never leave the browser.

Each checklist rendered by ``bv:checklist`` gets a link to its part of the form ("Vul deze
checklist in op het scherm") when the project has an analysis page (the domain knows which; the
link is screen-only, so it is not printed).

``bv:advice-rules`` prints the advice model from the catalogue (``:show: phase``, ``facets``,
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
from ..advice._describe import browser_table
from ..advice._table import advice_table
from ..models import FACETS, AdviceModel
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
    "EVALUATOR_FILE",
    "READER_FILE",
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

DATA_FILE = "bv-advice-data.js"
EVALUATOR_FILE = "bv-advice.js"
READER_FILE = "bv-describe.js"
SCRIPT_FILE = "bv-analysis.js"
STYLE_FILE = "bv-analysis.css"
ANCHOR = "bv-analysis"

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
    """``bv:advice-rules``: the advice model of the catalogue as tables.

    ``:show: phase`` what each phase puts first, holds back and how it breaks ties; ``facets``
    one table per answer field (the weight per direction); ``examples`` how examples are ranked;
    ``threshold`` when a direction is suggested.
    """

    option_spec: ClassVar = {"show": lambda arg: directives.choice(arg, ("phase", "facets", "examples", "threshold"))}

    def run(self) -> list[nodes.Node]:
        cat = self.cat
        self.use("directions")
        for rule_id in [r.id for r in cat.advice_rules] + [r.id for r in cat.advice_model]:
            self.use("record", rule_id)
        show = self.options.get("show", "facets")
        if not cat.advice_model:
            text = "Deze catalogus heeft geen adviesmodel."
            return [nodes.paragraph(text, text)]
        model = cat.advice_model[0]
        short = {d.id: d.short_title for d in cat.directions}
        if show == "threshold":
            fit = model.fit
            text = (
                f"Een richting komt in het voorstel als haar gewicht minstens {fit.suggest_min} is en minstens "
                f"{fit.suggest_share} procent van de richting die het best past. Vanaf {fit.strong_share} procent wijst de "
                "analyse sterk op een richting."
            )
            return [nodes.paragraph(text, text)]
        if show == "phase":
            self.use("vocab", "fasen")
            steps = {step.id: step.title for step in model.first_steps}
            rows = [
                [
                    cat.label("fasen", order.phase),
                    ", ".join(steps[s] for s in order.first) or "-",
                    "; ".join(f"{short[h.direction]}: {h.why}" for h in order.later) or "-",
                    ", ".join(short[d] for d in order.prefer),
                ]
                for order in model.phases
            ]
            return [_table(["Fase", "Eerst", "Later", "Bij gelijke stand"], rows, ["bv-rules-phase"])]
        if show == "examples":
            return [self._examples(cat, model)]
        out: list[nodes.Node] = []
        for rule_set in sorted(cat.advice_rules, key=lambda r: (r.order, r.id)):
            vocabulary = FEEDS[rule_set.field].vocabulary or ""
            self.use("vocab", vocabulary)
            out.append(nodes.paragraph("", "", nodes.strong(rule_set.title, rule_set.title), classes=["bv-rules-title"]))
            out.append(nodes.paragraph(rule_set.description, rule_set.description))
            rows = []
            for value in cat.vocabulary(vocabulary).values:
                matching = [r for r in rule_set.rules if r.value == value.id]
                if matching:
                    rows.append([value.label, ", ".join(f"{short[r.direction]} {r.points}" for r in matching)])
            out.append(_table(["Antwoord", "Gewicht per richting"], rows))
        return out

    def _examples(self, cat: Catalog, model: AdviceModel) -> nodes.table:
        self.use("vocab", "effectrichtingen")
        w = model.examples
        rows = [[f"Per {FEEDS[field].singular} die overeenkomt (de kern)", str(points)] for field, points in w.core.items()]
        rows += [
            [f"Per plek die overeenkomt (hoogstens {w.cap} per soort)", str(w.place)],
            ["De richting van het voorbeeld staat bovenaan het plan", str(w.plan_first)],
            ["De richting van het voorbeeld staat in het plan", str(w.plan)],
            ["Alleen een tweede richting van het voorbeeld staat in het plan", str(w.secondary)],
            [f"Per partner die al aan tafel zit (hoogstens {w.partner_cap})", str(w.partner)],
            ["De kosten passen binnen het budget", str(w.within_budget)],
            ["De kosten liggen boven het budget", str(w.over_budget)],
            ["Een databank of erkenningscommissie beoordeelde het", str(w.rated)],
        ]
        for value in cat.vocabulary("effectrichtingen").values:
            if value.id in w.effect:
                rows.append([f"Effect volgens de bronnen: {value.label.lower()}", str(w.effect[value.id])])
        return _table(["Regel", "Gewicht"], rows, ["bv-rules-examples"])


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
        for rule_id in [r.id for r in cat.advice_rules] + [r.id for r in cat.advice_model]:
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


def _feeds_label(texts: dict[str, Any], item: ChecklistItem) -> str:
    """What the answer does, in the words of the advice model (``feeds_*`` sentences)."""
    feeds = item.feeds or "verslag"
    if feeds == "verslag":
        return str(texts["feeds_report"])
    return str(texts["feeds_advice"]).format(what=texts[f"field_{feeds}"])


def _item_html(cat: Catalog, item: ChecklistItem, texts: dict[str, Any]) -> str:
    key = f"bv-an-{item.id}"
    help_id = f"{key}-help"
    feeds = item.feeds or "verslag"
    help_html = f'<p class="bv-an-help" id="{help_id}">{_e(item.help)}</p>\n' if item.help else ""
    help_html += f'<p class="bv-an-feeds bv-an-feeds-{"report" if feeds == "verslag" else "advice"}">{_e(_feeds_label(texts, item))}</p>\n'
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
            options = [("ja", "Ja"), ("nee", "Nee"), ("weet-niet", "Weet niet")]
            empty = "Niet ingevuld"
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
    """The whole form: the step navigation (Stap 1-4 with their checklists, each with a count of
    answered questions that the script fills, and the progress line), the meeting fields, then
    every checklist of the four steps in order."""
    total = sum(len(c.items) for c in cat.checklists)
    nav = [
        f'<nav class="bv-an-nav" id="{ANCHOR}-stappen" aria-labelledby="{ANCHOR}-stappen-title">\n'
        f'<h2 class="bv-an-nav-title" id="{ANCHOR}-stappen-title">Stappen en voortgang</h2>\n'
        f'<p class="bv-an-progress" data-bv-progress="">{total} vragen; nog geen beantwoord.</p>\n<ol class="bv-an-steps">\n'
    ]
    out = [
        '<fieldset class="bv-an-meta">\n<legend>Over dit overleg (komt op het verslag)</legend>\n'
        '<div class="bv-an-field"><label for="bv-an-datum">Datum</label> <input type="date" id="bv-an-datum" name="datum" data-meta="datum"></div>\n'
        '<div class="bv-an-field"><label for="bv-an-buurt">Buurt of gebied</label> <input type="text" id="bv-an-buurt" name="buurt" data-meta="buurt" autocomplete="off"></div>\n'
        '<div class="bv-an-field"><label for="bv-an-aanwezigen">Aanwezigen</label> <textarea id="bv-an-aanwezigen" name="aanwezigen" data-meta="aanwezigen" rows="2"></textarea></div>\n'
        "</fieldset>\n"
    ]
    if cat.description_cues:
        out.append(
            '<fieldset class="bv-an-describe" data-bv-describe="">\n<legend>De situatie in uw eigen woorden</legend>\n'
            '<p class="bv-an-help" id="bv-an-beschrijving-help">Beschrijf wat er speelt. Met <em>Vul de analyse in</em> worden '
            "de vragen van stap 2 die nog leeg zijn ingevuld met wat uit uw beschrijving is af te leiden. Controleer die antwoorden.</p>\n"
            '<textarea id="bv-an-beschrijving" data-meta="beschrijving" rows="3" aria-describedby="bv-an-beschrijving-help" '
            'aria-label="De situatie in uw eigen woorden"></textarea>\n'
            '<div class="bv-an-buttons"><button type="button" data-bv-action="describe">Vul de analyse in</button></div>\n'
            "</fieldset>\n"
        )
    steps = {step.id: step for step in cat.steps}
    texts = advice_table(cat)["texts"]
    for step in sorted(cat.steps, key=lambda s: s.number):
        checklists = sorted((c for c in cat.checklists if c.step == step.id), key=lambda c: (c.order, c.id))
        if not checklists:
            continue
        nav.append(
            f'<li><a href="#{ANCHOR}-{step.id}">Stap {step.number}: {_e(step.title)}</a> <span class="bv-an-count" data-bv-count="{step.id}"></span>\n<ul>\n'
        )
        nav.extend(f'<li><a href="#{ANCHOR}-{c.id}">{_e(c.title)}</a> <span class="bv-an-count" data-bv-count="{c.id}"></span></li>\n' for c in checklists)
        nav.append("</ul>\n</li>\n")
        out.append(f'<section class="bv-an-step" id="{ANCHOR}-{step.id}" aria-labelledby="{ANCHOR}-{step.id}-title">\n')
        out.append(f'<h2 id="{ANCHOR}-{step.id}-title">Stap {step.number}: {_e(steps[step.id].title)}</h2>\n')
        for checklist in checklists:
            out.append(f'<section class="bv-an-checklist" id="{ANCHOR}-{checklist.id}" aria-labelledby="{ANCHOR}-{checklist.id}-title">\n')
            out.append(f'<h3 id="{ANCHOR}-{checklist.id}-title">{_e(checklist.title)}</h3>\n<p class="bv-an-purpose">{_e(checklist.purpose)}</p>\n')
            out.extend(_item_html(cat, item, texts) for item in checklist.items)
            out.append("</section>\n")
        out.append("</section>\n")
    nav.append("</ol>\n</nav>\n")
    return "".join(nav + out)


def page_html(form: str, root: str, docname: str, site: str) -> str:
    """The whole analysis block: tools, form (``form``, from :func:`form_html`) and advice region,
    the confirmation dialog and the presentation view.
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
        '<button type="button" data-bv-action="present">Presenteren</button>\n'
        '<button type="button" data-bv-action="clear">Alles wissen</button>\n'
        "</div>\n"
        '<div class="bv-an-message" data-bv-message="" role="status"></div>\n'
        "</div>\n"
        '<dialog class="bv-an-dialog" data-bv-dialog="" aria-labelledby="bv-an-dialog-text">\n'
        '<p id="bv-an-dialog-text" data-bv-dialog-text=""></p>\n<div class="bv-an-buttons" data-bv-dialog-buttons=""></div>\n'
        "</dialog>\n"
        '<div class="bv-an-layout">\n<form class="bv-an-form" action="#" aria-label="Checklists van het stappenplan">\n'
        + form
        + '<div class="bv-an-sticky" data-bv-bar=""><p class="bv-an-headline"><span data-bv-summary="" aria-live="polite">'
        "Het advies verschijnt zodra u antwoorden invult.</span></p>\n"
        f'<p class="bv-an-bar-links"><a href="#{ANCHOR}-stappen">Stappen</a> <a href="#bv-an-advice-title">Naar het advies</a></p></div>\n'
        "</form>\n"
        '<section class="bv-an-advice" aria-labelledby="bv-an-advice-title" tabindex="0">\n'
        '<h2 id="bv-an-advice-title">Advies</h2>\n'
        '<div class="bv-an-advice-body" data-bv-advice="">'
        "<p>Het advies verschijnt hier zodra u antwoorden invult.</p></div>\n"
        "</section>\n</div>\n"
        '<dialog class="bv-an-present" data-bv-present="" aria-labelledby="bv-an-present-title">\n'
        '<div class="bv-an-present-head"><h2 id="bv-an-present-title" data-bv-present-title=""></h2>'
        '<p class="bv-an-present-count" data-bv-present-count=""></p></div>\n'
        '<div class="bv-an-present-slot" data-bv-present-slot="" tabindex="-1"></div>\n'
        '<div class="bv-an-present-foot" data-bv-present-foot="">\n<div class="bv-an-buttons">'
        '<button type="button" data-bv-present-go="-1">Vorige vraag</button>'
        '<button type="button" data-bv-present-go="1">Volgende vraag</button>'
        '<button type="button" data-bv-present-close="">Stoppen</button></div>\n'
        '<p class="bv-an-present-keys">Pijltjestoetsen of Page Down en Page Up: volgende en vorige vraag. Esc: stoppen.</p>\n'
        "</div>\n</dialog>\n"
        "</div>\n"
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
    """What the page needs besides the advice table: the package and content versions, and the
    address of each example's page relative to the site root (``url_of(example_id)``)."""
    urls = {e.id: url_of(e.id) for e in cat.examples} if url_of else {}
    return {"package": __version__, "version": cat.version, "urls": {k: v for k, v in urls.items() if v}}


def data_script(cat: Catalog, url_of: Any = None) -> bytes:
    """``bv.data.advice`` (the advice table), ``bv.data.describe`` (the description reader's
    table) and ``bv.data.analysis`` as one script: ``file://`` pages cannot fetch JSON."""

    def dumps(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).replace("</", "<\\/")  # never closes a script

    return (
        'var bv = (typeof globalThis !== "undefined" ? globalThis : window).bv = (typeof globalThis !== "undefined" ? globalThis : window).bv || {};\n'
        "bv.data = bv.data || {};\n"
        f"bv.data.advice = {dumps(advice_table(cat))};\n"
        + (f"bv.data.describe = {dumps(browser_table(cat))};\n" if cat.description_cues else "")
        + f"bv.data.analysis = {dumps(analysis_data(cat, url_of))};\n"
    ).encode()


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

    write_if_changed(Path(builder.outdir) / "_static" / DATA_FILE, data_script(catalog(env), url_of))


def _page(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if pagename not in app.builder.env.domains["bv"].data["analysis"]:
        return
    app.add_js_file(DATA_FILE)
    app.add_js_file(EVALUATOR_FILE, loading_method="defer")
    app.add_js_file(READER_FILE, loading_method="defer")
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
