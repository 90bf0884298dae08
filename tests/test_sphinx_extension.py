"""The Sphinx extension ``buurtverbinding.sphinx`` on small projects built in a temporary folder.

The projects are built with the ``sphinx.testing`` fixtures (``make_app``); the tests assert on
the doctrees where the structure is the point, and on the HTML where the HTML is (headings,
links, the Interventiewijzer form).
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from docutils import nodes
from sphinx.errors import ConfigError
from sphinx.testing.util import SphinxTestApp
from sphinx.util.inventory import InventoryFile

from buurtverbinding.sphinx._domain import BvDomain, ObjectEntry
from buurtverbinding.sphinx._pages import MARKER

pytest_plugins = ("sphinx.testing.fixtures",)

CONF = 'extensions = ["myst_parser", "buurtverbinding.sphinx"]\nlanguage = "nl"\n'


def write_project(root: Path, pages: dict[str, str], conf: str = "") -> Path:
    src = root / "src"
    src.mkdir(parents=True, exist_ok=True)
    (src / "conf.py").write_text(CONF + textwrap.dedent(conf), encoding="utf-8")
    for name, text in pages.items():
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return src


Build = Callable[..., Any]  # an app whose env.domains["bv"] is our BvDomain, which Sphinx's types do not know


@pytest.fixture
def build(make_app: Callable[..., SphinxTestApp]) -> Build:
    """``build(src, builder="html", parallel=0, **confoverrides)``: a built application. Each build
    cleans up the one before it, so a test can build the same project again."""
    previous: list[SphinxTestApp] = []

    def run(src: Path, builder: str = "html", parallel: int = 0, **overrides: object) -> SphinxTestApp:
        for app in previous:
            app.cleanup()
        app = make_app(builder, srcdir=src, builddir=src.parent / "_build", confoverrides=dict(overrides), parallel=parallel)
        previous.append(app)
        app.build()
        return app

    return run


@pytest.fixture
def project(tmp_path: Path) -> Callable[..., Path]:
    return lambda pages, conf="": write_project(tmp_path, pages, conf)


def warnings_of(app: SphinxTestApp) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())


def doctree(app: SphinxTestApp, docname: str = "index", *, resolved: bool = False) -> nodes.document:
    """The page as read (``resolved=False``), or after the post-transforms of the app's builder."""
    if resolved:
        return app.env.get_and_resolve_doctree(docname, app.builder, tags=app.tags)
    return app.env.get_doctree(docname)


def with_class(tree: nodes.Node, cls: type[nodes.Element], name: str) -> list[nodes.Element]:
    return [n for n in tree.findall(cls) if name in n["classes"]]


def inventory(app: SphinxTestApp) -> dict[str, tuple[str, str, str]]:
    """objects.inv as {name: (type, uri, display name)}."""
    data = InventoryFile.loads((Path(app.outdir) / "objects.inv").read_bytes(), uri="").data
    return {name: (kind, item.uri, name if item.display_name == "-" else item.display_name) for kind, items in data.items() for name, item in items.items()}


def html_of(app: SphinxTestApp, docname: str = "index") -> str:
    return (Path(app.outdir) / f"{docname}.html").read_text(encoding="utf-8")


# --- the domain's declarations -------------------------------------------------------------


def test_the_domain_class_declares_the_directives_and_the_role() -> None:
    assert {"example", "examples", "direction", "step", "checklist", "glossary", "vocabulary", "matrix", "interventiewijzer", "filter-options"} <= set(
        BvDomain.directives
    )
    assert set(BvDomain.roles) == {"ref"}


def test_domain_entries_are_named(project, build: Build) -> None:
    app = build(project({"index.md": "# Start\n\n```{bv:example} buurtbemiddeling\n```\n"}))
    entry = app.env.domains["bv"].objects["buurtbemiddeling"]
    assert entry == ObjectEntry(kind="example", docname="index", anchor="bv-buurtbemiddeling", title="Buurtbemiddeling")
    assert (entry.kind, entry.docname, entry.anchor, entry.title) == tuple(entry)


# --- directives ----------------------------------------------------------------------------


def test_example_renders_fields_sections_evidence_and_sources(project, build: Build, cat) -> None:
    example = cat.get("buurtbemiddeling")
    app = build(project({"index.md": "# Start\n\n```{bv:example} buurtbemiddeling\n```\n"}))
    assert warnings_of(app) == ""
    (box,) = with_class(doctree(app), nodes.container, "bv-example")
    assert box["ids"] == ["bv-buurtbemiddeling"]
    (title,) = with_class(box, nodes.rubric, "bv-title")
    assert (title.astext(), title["heading-level"]) == ("Buurtbemiddeling", 2)
    inner = {r.astext() for r in box.findall(nodes.rubric) if r["heading-level"] == 3}
    assert {"Aanleiding", "Aanpak", "Wat het oplevert", "Aandachtspunten", "Onderbouwing", "Bronnen"} <= inner
    (summary,) = with_class(box, nodes.paragraph, "bv-summary")
    assert summary.astext() == example.summary
    (badge,) = with_class(box, nodes.inline, f"bv-evidence-{example.evidence.level}")
    assert badge.astext() == f"Bewijs: {cat.label('bewijsniveaus', example.evidence.level)}"
    links = {ref["refuri"] for ref in box.findall(nodes.reference) if "refuri" in ref}
    assert {source.url for source in example.sources} <= links
    (fields,) = with_class(box, nodes.field_list, "bv-fields")
    assert cat.label("fasen", example.phases[0]) in fields.astext()
    # Markdown of the sections became real lists and emphasis, not literal Markdown
    assert "community boards" in [e.astext() for e in box.findall(nodes.emphasis)]
    assert any(item.astext().startswith("Deelname is vrijwillig") for item in box.findall(nodes.list_item))
    # headings keep their level in HTML
    html = html_of(app)
    assert '<h2 class="bv-title rubric">Buurtbemiddeling</h2>' in html
    assert '<h3 class="rubric">Aanpak</h3>' in html


def test_markdown_fields_render_the_same_in_rst_and_md_pages(tmp_path: Path, build: Build) -> None:
    rst = write_project(tmp_path / "rst", {"index.rst": "Start\n=====\n\n.. bv:example:: buurtbemiddeling\n"})
    md = write_project(tmp_path / "md", {"index.md": "# Start\n\n```{bv:example} buurtbemiddeling\n```\n"})
    trees, blocks = [], []
    for src in (rst, md):
        app = build(src)
        assert warnings_of(app) == ""
        (box,) = with_class(doctree(app), nodes.container, "bv-example")
        trees.append(box.pformat())
        html = html_of(app)
        start = html.index('<div class="bv-object bv-example')
        blocks.append(html[start : html.index("</section>", start)])
    assert trees[0] == trees[1]
    assert blocks[0] == blocks[1]
    assert "<em>community boards</em>" in blocks[0]


def test_examples_list_filters_like_catalog_filter(project, build: Build, cat) -> None:
    app = build(project({"index.md": "# Start\n\n```{bv:examples}\n:phase: ongemak, spanningen\n:location: portiek\n```\n"}))
    assert warnings_of(app) == ""
    expected = cat.filter(phase=["ongemak", "spanningen"], location="portiek")
    assert expected
    tree = doctree(app)
    (listing,) = with_class(tree, nodes.bullet_list, "bv-examples")
    titles = [item.children[0].astext() for item in listing.children]
    assert titles == sorted((e.title for e in expected), key=str.casefold)
    (counted,) = with_class(tree, nodes.paragraph, "bv-count")
    assert counted.astext() == f"{len(expected)} voorbeeld{'' if len(expected) == 1 else 'en'}:"


def test_examples_takes_one_option_per_facet(project, build: Build, cat) -> None:
    from buurtverbinding.catalog import FACETS

    options = {facet.option: cat.valid_values(key)[0] for key, facet in FACETS.items()}
    text = "".join(f":{option}: {value}\n" for option, value in options.items())
    app = build(project({"index.md": f"# Start\n\n```{{bv:examples}}\n{text}```\n"}))
    assert warnings_of(app) == ""  # every option is known, every value valid
    assert set(BvDomain.directives["examples"].option_spec) == set(options)


def test_filter_options_lists_every_option_with_its_values(project, build: Build, cat) -> None:
    from buurtverbinding.catalog import FACETS

    app = build(project({"index.md": "# Start\n\n```{bv:filter-options}\n```\n"}))
    assert warnings_of(app) == ""
    (listing,) = with_class(doctree(app), nodes.definition_list, "bv-filter-options")
    listed = {item.children[0].astext(): item.children[1] for item in listing.children}
    assert list(listed) == [f":{facet.option}:" for facet in FACETS.values()]
    for key, facet in FACETS.items():
        values = [literal.astext() for literal in listed[f":{facet.option}:"].findall(nodes.literal)]
        assert values == list(cat.valid_values(key))
        assert listed[f":{facet.option}:"].astext().replace("\u2019", "'").startswith(facet.label)


def test_bad_ids_and_values_warn_with_stable_subtypes(project, build: Build) -> None:
    app = build(
        project(
            {
                "index.md": """\
        # Start

        ```{bv:example} buurtbemiddelling
        ```

        ```{bv:example} ontmoeting
        ```

        ```{bv:examples}
        :phase: onrust
        ```

        Zie {bv:ref}`niet-bestaand`.
        """
            }
        )
    )
    warnings = warnings_of(app)
    assert "[bv.unknown-id]" in warnings and "closest ids: buurtbemiddeling" in warnings
    assert "[bv.wrong-kind]" in warnings and "'ontmoeting' names a direction, but bv:example renders examples only; use bv:direction" in warnings
    assert "[bv.unknown-value]" in warnings and "unknown phase 'onrust'" in warnings and "rust, ongemak" in warnings
    assert warnings.count("[bv.unknown-id]") == 2
    assert "Traceback" not in warnings
    tree = doctree(app)
    assert not with_class(tree, nodes.container, "bv-object")  # nothing half-rendered
    assert [n.astext() for n in with_class(tree, nodes.inline, "bv-unknown")] == ["niet-bestaand"]


def test_suppress_warnings_silences_one_kind(project, build: Build) -> None:
    app = build(
        project(
            {"index.md": "# Start\n\n```{bv:example} buurtbemiddelling\n```\n\n```{bv:examples}\n:phase: onrust\n```\n"},
            'suppress_warnings = ["bv.unknown-id"]\n',
        )
    )
    assert "[bv.unknown-id]" not in warnings_of(app)
    assert "[bv.unknown-value]" in warnings_of(app)


# --- the role and the inventory ------------------------------------------------------------


def test_ref_role_links_to_rendered_objects_with_their_titles(project, build: Build) -> None:
    app = build(
        project(
            {
                "index.md": "# Start\n\nZie {bv:ref}`buurtbemiddeling` en {bv:ref}`de tafel <aan-tafel>`.\n\n```{toctree}\nobjects\n```\n",
                "objects.md": "# Objecten\n\n```{bv:example} buurtbemiddeling\n```\n\n```{bv:checklist} aan-tafel\n```\n",
            }
        )
    )
    assert warnings_of(app) == ""
    links = {ref.astext(): ref["refuri"] for ref in doctree(app, resolved=True).findall(nodes.reference) if ref.get("internal")}
    assert links["Buurtbemiddeling"] == "objects.html#bv-buurtbemiddeling"
    assert links["de tafel"] == "objects.html#bv-aan-tafel"


def test_ref_to_an_object_that_is_not_rendered_warns_unresolved(project, build: Build) -> None:
    app = build(project({"index.md": "# Start\n\nZie {bv:ref}`buurtbemiddeling`.\n"}))
    assert "[bv.unresolved]" in warnings_of(app)
    tree = doctree(app, resolved=True)
    assert not list(tree.findall(nodes.reference))
    assert "Buurtbemiddeling" in tree.astext()


def test_links_inside_directives_to_unrendered_objects_stay_silent(project, build: Build) -> None:
    # the example links to its direction and related examples; this project renders none of them
    app = build(project({"index.md": "# Start\n\n```{bv:example} buurtbemiddeling\n```\n"}, "nitpicky = True\n"))
    assert warnings_of(app) == ""
    assert "Contact, omgang en begrip in de directe woonomgeving" in doctree(app, resolved=True).astext()


def test_every_rendered_object_is_in_objects_inv(project, build: Build, cat) -> None:
    step = cat.steps[0]
    checklist = cat.checklists_for(step.id)[0]
    app = build(
        project(
            {
                "index.md": f"""\
        # Start

        ```{{bv:direction}} ontmoeting
        ```

        ```{{bv:step}} {step.id}
        ```

        ```{{bv:checklist}} {checklist.id}
        ```

        ```{{bv:example}} buurtbemiddeling
        ```

        ```{{bv:glossary}}
        ```
        """
            }
        )
    )
    assert warnings_of(app) == ""
    entries = inventory(app)
    assert entries["ontmoeting"][0] == "bv:direction"
    assert entries[step.id][0] == "bv:step"
    assert entries[checklist.id][0] == "bv:checklist"
    assert entries[checklist.items[0].id][0] == "bv:item"
    assert entries["buurtbemiddeling"] == ("bv:example", "index.html#bv-buurtbemiddeling", "Buurtbemiddeling")
    for term in cat.glossary:
        assert entries[term.id][0] == "bv:term"
    objects = app.env.domains["bv"].objects
    assert {name: f"bv:{entry.kind}" for name, entry in objects.items()} == {name: kind for name, (kind, _, _) in entries.items() if kind.startswith("bv:")}


def test_the_same_object_on_two_pages_warns_duplicate_unless_no_index(project, build: Build) -> None:
    pages = {
        "index.md": "# Start\n\n```{toctree}\ntwo\n```\n\n```{bv:example} buurtbemiddeling\n```\n",
        "two.md": "# Twee\n\n```{bv:example} buurtbemiddeling\n```\n",
    }
    app = build(project(pages))
    assert warnings_of(app).count("[bv.duplicate]") == 1
    assert app.env.domains["bv"].objects["buurtbemiddeling"].docname == "index"  # the first one read keeps it

    pages["two.md"] = "# Twee\n\n```{bv:example} buurtbemiddeling\n:no-index:\n```\n"
    app = build(project(pages))
    assert "[bv.duplicate]" not in warnings_of(app)


def test_a_parallel_read_warns_duplicate_once_through_the_same_method(project, build: Build) -> None:
    # enough pages for Sphinx to read them in several processes; the copies on the first and the
    # last page are read apart, so the merge of the domain data finds the duplicate
    names = [f"p{n:02d}" for n in range(24)]
    pages = {"index.md": "# Start\n\n```{toctree}\n" + "\n".join(names) + "\n```\n"}
    pages |= {f"{name}.md": f"# {name}\n" for name in names}
    for name in (names[0], names[-1]):
        pages[f"{name}.md"] += "\n```{bv:example} buurtbemiddeling\n```\n"
    app = build(project(pages), parallel=2)
    assert warnings_of(app).count("[bv.duplicate]") == 1
    assert app.env.domains["bv"].objects["buurtbemiddeling"].docname in (names[0], names[-1])


# --- HTML-only output and other builders ---------------------------------------------------


def test_matrix_is_a_table_with_header_scopes_and_wijzer_links(project, build: Build, cat) -> None:
    app = build(
        project(
            {
                "index.md": "# Start\n\n```{toctree}\nwijzer\n```\n\n```{bv:matrix}\n```\n",
                "wijzer.md": "# Wijzer\n\n```{bv:interventiewijzer}\n```\n",
            }
        )
    )
    assert warnings_of(app) == ""
    html = html_of(app)
    assert "<caption" in html
    assert html.count('<th scope="col">') == 2 + len(cat.vocabulary("fasen").values)
    assert html.count('<th scope="row">') == len(cat.directions)
    count = len(cat.filter(direction="ontmoeting", phase="spanningen"))
    assert count > 0
    assert f'<a href="wijzer.html?richting=ontmoeting&amp;fase=spanningen">{count}<span class="bv-visually-hidden">' in html


@pytest.mark.parametrize("builder", ["html", "dirhtml", "singlehtml"])
def test_the_plain_forms_are_in_the_doctree_and_html_swaps_them_in_a_post_transform(project, build: Build, cat, builder: str) -> None:
    from buurtverbinding.sphinx._matrix import matrix, matrix_html
    from buurtverbinding.sphinx._wijzer import wijzer, wijzer_html

    app = build(project({"index.md": "# Start\n\n```{bv:matrix}\n```\n\n```{bv:interventiewijzer}\n```\n"}), builder)
    assert warnings_of(app) == ""
    read = doctree(app)
    (table,) = next(iter(read.findall(matrix))).findall(nodes.table)
    assert len(list(table.findall(nodes.row))) == 1 + len(cat.directions)
    assert "De Interventiewijzer werkt in de HTML-versie" in next(iter(read.findall(wijzer))).astext()
    resolved = doctree(app, resolved=True)
    assert not list(resolved.findall(matrix)) and not list(resolved.findall(wijzer))
    assert len(list(resolved.findall(matrix_html))) == 1 and len(list(resolved.findall(wijzer_html))) == 1


def test_interventiewijzer_has_labelled_controls_live_region_and_data(project, build: Build, cat) -> None:
    app = build(
        project(
            {
                "index.md": "# Start\n\n```{toctree}\nvoorbeeld\n```\n\n```{bv:interventiewijzer}\n```\n",
                "voorbeeld.md": "# Voorbeeld\n\n```{bv:example} buurtbemiddeling\n```\n",
            }
        )
    )
    assert warnings_of(app) == ""
    out = Path(app.outdir)
    html = html_of(app)
    form = html[html.index('<div class="bv-wijzer"') :]
    assert "<fieldset>" in form and "<legend" in form
    controls = re.findall(r'<(?:input|select)\b[^>]*\bid="([^"]+)"[^>]*\bname="([^"]+)"', form)
    for param in ("richting", "fase", "plek", "doelgroep"):
        assert param in {name for _, name in controls}, param
    for control, _ in controls:  # every control has its label
        assert f'<label for="{control}">' in form, control
    assert 'role="status" aria-live="polite"' in html
    assert 'src="_static/bv-wijzer.js' in html
    assert "cdn" not in html.lower().replace("cdnjs", "")
    data = json.loads((out / "_static" / "bv-wijzer.json").read_text(encoding="utf-8"))
    assert len(data["examples"]) == len(cat.examples)
    rendered = {e["id"]: e["url"] for e in data["examples"]}
    assert rendered["buurtbemiddeling"] == "voorbeeld.html#bv-buurtbemiddeling"
    assert rendered["portiekgesprekken"] is None  # not rendered in this project: listed without a link
    # every facet the professionals filter by, from the facet declarations (not a hand-written list)
    assert set(data["facets"]) == {
        "direction",
        "phase",
        "location",
        "target_group",
        "partner",
        "form",
        "cause",
        "dividing_line",
        "evidence",
        "cost",
    }
    assert (out / "_static" / "bv-wijzer.js").is_file()
    assert (out / "_static" / "bv-print.css").is_file()
    assert 'media="print"' in html and "bv-print.css" in html


@pytest.mark.parametrize("builder", ["text", "latex"])
def test_other_builders_get_a_plain_table_and_a_sentence(project, build: Build, cat, builder: str) -> None:
    from buurtverbinding.sphinx._matrix import matrix_html
    from buurtverbinding.sphinx._wijzer import wijzer_html

    app = build(project({"index.md": "# Start\n\n```{bv:matrix}\n```\n\n```{bv:interventiewijzer}\n```\n\n```{bv:checklist} aan-tafel\n```\n"}), builder)
    assert warnings_of(app) == ""
    resolved = doctree(app, resolved=True)
    assert not list(resolved.findall(matrix_html)) and not list(resolved.findall(wijzer_html))
    (table,) = resolved.findall(nodes.table)
    assert table.next_node(nodes.title).astext() == "Aantal praktijkvoorbeelden per oplossingsrichting en fase"
    if builder == "text":
        text = (Path(app.outdir) / "index.txt").read_text(encoding="utf-8")
        assert "Aantal praktijkvoorbeelden per oplossingsrichting en fase" in text
        assert cat.directions[0].short_title in text
        assert "De Interventiewijzer werkt in de HTML-versie" in text
        assert cat.get("aan-tafel").items[0].question in text


# --- generated pages, retired ids, configuration, parallel builds ----------------------------


def test_generated_pages_are_written_once_and_stale_ones_removed(tmp_path: Path, build: Build, cat, content_copy: Path) -> None:
    src = write_project(
        tmp_path,
        {
            "index.md": "# Start\n\n```{toctree}\ncatalogus/richtingen/index\ncatalogus/stappenplan/index\ncatalogus/overzicht\n"
            "catalogus/interventiewijzer\ncatalogus/begrippen\n```\n",
            "catalogus/notities.md": "# Notities\n\nHandgeschreven.\n",
        },
        f'bv_content_dir = {str(content_copy)!r}\nbv_pages_dir = "catalogus"\nexclude_patterns = ["catalogus/notities.md"]\n',
    )
    app = build(src)
    assert warnings_of(app) == ""
    out = Path(app.outdir)
    pages = src / "catalogus"
    for example in cat.examples:
        page = pages / "voorbeelden" / f"{example.id}.md"
        assert page.read_text(encoding="utf-8").startswith(MARKER)
        assert (out / "catalogus" / "voorbeelden" / f"{example.id}.html").is_file()
    for checklist in cat.checklists:
        assert (pages / "checklists" / f"{checklist.id}.md").is_file()
    for direction in cat.directions:
        assert f"../voorbeelden/{next(e.id for e in cat.examples if e.direction == direction.id)}" in (pages / "richtingen" / f"{direction.id}.md").read_text(
            encoding="utf-8"
        )
    times = {p: p.stat().st_mtime_ns for p in pages.rglob("*.md")}

    build(src)
    assert {p: p.stat().st_mtime_ns for p in pages.rglob("*.md")} == times  # nothing rewritten

    (content_copy / "voorbeelden" / "portiekgesprekken.md").unlink()
    manifest = content_copy / "ids.txt"  # an unpublished example may go without a retirement
    manifest.write_text(
        "".join(line for line in manifest.read_text(encoding="utf-8").splitlines(keepends=True) if line.strip() != "portiekgesprekken"), encoding="utf-8"
    )
    text = (
        (content_copy / "retired.yaml")
        .read_text(encoding="utf-8")
        .replace("retired: []", "retired:\n  - id: portiekgesprekken\n    status: retired\n    replaced_by: buurtbemiddeling\n")
    )
    (content_copy / "retired.yaml").write_text(text, encoding="utf-8")
    for path in content_copy.rglob("*.md"):
        body = path.read_text(encoding="utf-8")
        if "portiekgesprekken" in body and path.name != "README.md":
            path.write_text(re.sub(r",?\s*portiekgesprekken", "", body).replace("[, ", "["), encoding="utf-8")
    app = build(src)
    assert not (pages / "voorbeelden" / "portiekgesprekken.md").exists()
    assert "portiekgesprekken" not in inventory(app)
    assert "buurtbemiddeling" in inventory(app)
    assert "portiekgesprekken" not in app.env.domains["bv"].objects
    assert (pages / "notities.md").read_text(encoding="utf-8") == "# Notities\n\nHandgeschreven.\n"


def test_retired_id_warns_and_uses_the_replacement(tmp_path: Path, build: Build, content_copy: Path) -> None:
    text = (
        (content_copy / "retired.yaml")
        .read_text(encoding="utf-8")
        .replace("retired:\n", "retired:\n  - id: burenbemiddeling\n    status: retired\n    replaced_by: buurtbemiddeling\n", 1)
    )
    (content_copy / "retired.yaml").write_text(text, encoding="utf-8")
    src = write_project(
        tmp_path,
        {"index.md": "# Start\n\n```{bv:example} burenbemiddeling\n```\n\nZie {bv:ref}`burenbemiddeling`.\n"},
        f"bv_content_dir = {str(content_copy)!r}\n",
    )
    app = build(src)
    warnings = warnings_of(app)
    assert warnings.count("[bv.retired-id]") == 2
    assert "'burenbemiddeling' is retired; it is replaced by 'buurtbemiddeling'" in warnings
    tree = doctree(app, resolved=True)
    (box,) = with_class(tree, nodes.container, "bv-example")
    assert box["ids"] == ["bv-buurtbemiddeling"]
    (link,) = [ref for ref in tree.findall(nodes.reference) if ref.get("refid") == "bv-buurtbemiddeling"]
    assert link.astext() == "Buurtbemiddeling"


def test_content_folder_with_errors_stops_the_build_with_the_lint_messages(tmp_path: Path, build: Build, content_copy: Path) -> None:
    path = content_copy / "voorbeelden" / "buurtbemiddeling.md"
    path.write_text(path.read_text(encoding="utf-8").replace("direction: woonomgeving", "direction: woonomgevin"), encoding="utf-8")
    src = write_project(tmp_path, {"index.md": "# Start\n"}, f"bv_content_dir = {str(content_copy)!r}\n")
    from buurtverbinding.sphinx._data import CatalogError

    with pytest.raises(CatalogError, match=r"BV202.*direction 'woonomgevin' does not exist; did you mean 'woonomgeving'"):
        build(src)


@pytest.mark.parametrize(
    ("conf", "message"),
    [
        ('bv_content_dir = "geen-map"\n', "bv_content_dir = 'geen-map': the folder .* does not exist"),
        ('bv_pages_dir = "../buiten"\n', "bv_pages_dir = '../buiten' is not valid; expected a folder below the source folder"),
        ('bv_pages_dir = ""\n', "bv_pages_dir = '' is not valid"),
    ],
)
def test_bad_configuration_values_are_named(project, build: Build, conf: str, message: str) -> None:
    src = project({"index.md": "# Start\n"}, conf)
    with pytest.raises(ConfigError, match=message):
        build(src)


def test_parallel_build_gives_the_same_objects(tmp_path: Path, build: Build, content_copy: Path) -> None:
    pages = {
        "index.md": "# Start\n\n```{toctree}\ncatalogus/richtingen/index\ncatalogus/stappenplan/index\ncatalogus/overzicht\n"
        "catalogus/interventiewijzer\ncatalogus/begrippen\n```\n"
    }
    conf = f'bv_content_dir = {str(content_copy)!r}\nbv_pages_dir = "catalogus"\n'
    serial = build(write_project(tmp_path / "serial", pages, conf))
    assert warnings_of(serial) == ""
    serial_objects, serial_inventory = dict(serial.env.domains["bv"].objects), inventory(serial)
    serial_data = (Path(serial.outdir) / "_static" / "bv-wijzer.json").read_bytes()
    parallel = build(write_project(tmp_path / "parallel", pages, conf), parallel=2)
    assert warnings_of(parallel) == ""
    assert dict(parallel.env.domains["bv"].objects) == serial_objects
    assert inventory(parallel) == serial_inventory
    assert (Path(parallel.outdir) / "_static" / "bv-wijzer.json").read_bytes() == serial_data


def test_an_example_says_why_it_is_here_when_it_has_a_connection(project, build: Build, monkeypatch: pytest.MonkeyPatch) -> None:
    from buurtverbinding.models import Example

    text = "Buren die ruzie hebben, praten weer met elkaar en leren elkaars kant kennen."
    # the field is new in the models (issue 21); the directive renders it whenever it is there
    monkeypatch.setattr(Example, "connection", property(lambda self: text), raising=False)
    app = build(project({"index.md": "# Start\n\n```{bv:example} buurtbemiddeling\n```\n"}))
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert "Waarom dit voorbeeld hier staat" in html and text in html
    assert html.index("Waarom dit voorbeeld hier staat") < html.index("Aanleiding")
    assert re.search(r'<p class="bv-checked">Laatst gecontroleerd: \d{1,2} [a-z]+ \d{4}</p>', html)
