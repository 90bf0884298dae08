"""The Sphinx extension ``buurtverbinding.sphinx`` on small projects built in a temporary folder."""

from __future__ import annotations

import io
import re
import textwrap
import zlib
from pathlib import Path

import pytest
from sphinx.errors import ConfigError
from sphinx.testing.util import SphinxTestApp

from buurtverbinding.sphinx._pages import MARKER

CONF = 'extensions = ["myst_parser", "buurtverbinding.sphinx"]\nlanguage = "nl"\n'


def make_project(root: Path, pages: dict[str, str], conf: str = "") -> Path:
    src = root / "src"
    src.mkdir(parents=True, exist_ok=True)
    (src / "conf.py").write_text(CONF + textwrap.dedent(conf), encoding="utf-8")
    for name, text in pages.items():
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return src


def build(src: Path, builder: str = "html", parallel: int = 0, **overrides: object) -> tuple[Path, str]:
    """Build the project in-process; returns (output folder, warnings without colour codes)."""
    warnings = io.StringIO()
    app = SphinxTestApp(builder, srcdir=src, builddir=src.parent / "_build", confoverrides=dict(overrides),
                        status=io.StringIO(), warning=warnings, parallel=parallel)
    try:
        app.build()
    finally:
        app.cleanup()
    return Path(app.outdir), re.sub(r"\x1b\[[0-9;]*m", "", warnings.getvalue())


def inventory(out: Path) -> dict[str, tuple[str, str, str]]:
    """objects.inv as {name: (type, uri, display name)}."""
    raw = (out / "objects.inv").read_bytes()
    body = zlib.decompress(raw.split(b"\n", 4)[4]).decode("utf-8")
    entries = {}
    for line in body.splitlines():
        match = re.match(r"(.+?)\s+(\S+:\S+)\s+(-?\d+)\s+(\S*)\s+(.*)", line)
        assert match, line
        name, kind, _, uri, display = match.groups()
        entries[name] = (kind, uri.replace("$", name) if uri.endswith("$") else uri, name if display == "-" else display)
    return entries


def text_of(path: Path) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")))


@pytest.fixture
def project(tmp_path: Path):
    return lambda pages, conf="": make_project(tmp_path, pages, conf)


def test_example_renders_fields_sections_evidence_and_sources(project, cat) -> None:
    example = cat.get("buurtbemiddeling")
    src = project({"index.md": "# Start\n\n```{bv:example} buurtbemiddeling\n```\n"})
    out, warnings = build(src)
    assert warnings == ""
    html = (out / "index.html").read_text(encoding="utf-8")
    text = text_of(out / "index.html")
    assert 'id="bv-buurtbemiddeling"' in html
    assert '<h2 class="bv-title rubric">Buurtbemiddeling</h2>' in html
    for heading in ("Aanleiding", "Aanpak", "Wat het oplevert", "Aandachtspunten", "Onderbouwing", "Bronnen"):
        assert f'<h3 class="rubric">{heading}</h3>' in html
    assert example.summary.split(".")[0] in text
    assert f"Bewijs: {cat.label('bewijsniveaus', example.evidence.level)}" in text
    assert f"bv-evidence-{example.evidence.level}" in html
    for source in example.sources:
        assert f'href="{source.url.replace("&", "&amp;")}"' in html
    assert cat.label("fasen", example.phases[0]) in text
    # Markdown of the sections became real lists and emphasis, not literal Markdown
    assert "<em>community boards</em>" in html
    assert "<li><p>Deelname is vrijwillig" in html


def test_markdown_fields_render_the_same_in_rst_and_md_pages(tmp_path: Path) -> None:
    rst = make_project(tmp_path / "rst", {"index.rst": "Start\n=====\n\n.. bv:example:: buurtbemiddeling\n"})
    md = make_project(tmp_path / "md", {"index.md": "# Start\n\n```{bv:example} buurtbemiddeling\n```\n"})
    blocks = []
    for src in (rst, md):
        out, warnings = build(src)
        assert warnings == ""
        html = (out / "index.html").read_text(encoding="utf-8")
        start = html.index('<div class="bv-object bv-example')
        blocks.append(html[start : html.index("</section>", start)])
    assert blocks[0] == blocks[1]
    assert "<em>community boards</em>" in blocks[0]


def test_examples_list_filters_like_catalog_filter(project, cat) -> None:
    src = project({"index.md": "# Start\n\n```{bv:examples}\n:phase: ongemak, spanningen\n:location: portiek\n```\n"})
    out, warnings = build(src)
    assert warnings == ""
    expected = cat.filter(phase=["ongemak", "spanningen"], location="portiek")
    assert expected
    text = text_of(out / "index.html")
    assert f"{len(expected)} voorbeelden:" in text or f"{len(expected)} voorbeeld:" in text
    for example in expected:
        assert example.title in text
    for example in set(cat.examples) - set(expected):
        assert f">{example.title}<" not in (out / "index.html").read_text(encoding="utf-8")


def test_bad_ids_and_values_warn_with_stable_subtypes(project) -> None:
    src = project({"index.md": """\
        # Start

        ```{bv:example} buurtbemiddelling
        ```

        ```{bv:example} ontmoeting
        ```

        ```{bv:examples}
        :phase: onrust
        ```

        Zie {bv:ref}`niet-bestaand`.
        """})
    out, warnings = build(src)
    assert "[bv.unknown-id]" in warnings and "closest ids: buurtbemiddeling" in warnings
    assert "[bv.wrong-kind]" in warnings and "'ontmoeting' names a direction, but bv:example renders examples only; use bv:direction" in warnings
    assert "[bv.unknown-value]" in warnings and "unknown phase 'onrust'" in warnings and "rust, ongemak" in warnings
    assert warnings.count("[bv.unknown-id]") == 2
    assert "Traceback" not in warnings
    assert "niet-bestaand" in text_of(out / "index.html")


def test_suppress_warnings_silences_one_kind(project) -> None:
    src = project(
        {"index.md": "# Start\n\n```{bv:example} buurtbemiddelling\n```\n\n```{bv:examples}\n:phase: onrust\n```\n"},
        'suppress_warnings = ["bv.unknown-id"]\n',
    )
    _, warnings = build(src)
    assert "[bv.unknown-id]" not in warnings
    assert "[bv.unknown-value]" in warnings


def test_ref_role_links_to_rendered_objects_with_their_titles(project, cat) -> None:
    src = project({
        "index.md": "# Start\n\nZie {bv:ref}`buurtbemiddeling` en {bv:ref}`de tafel <aan-tafel>`.\n\n```{toctree}\nobjects\n```\n",
        "objects.md": "# Objecten\n\n```{bv:example} buurtbemiddeling\n```\n\n```{bv:checklist} aan-tafel\n```\n",
    })
    out, warnings = build(src)
    assert warnings == ""
    html = (out / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="objects.html#bv-buurtbemiddeling"[^>]*><span[^>]*>Buurtbemiddeling</span>', html)
    assert re.search(r'href="objects.html#bv-aan-tafel"[^>]*><span[^>]*>de tafel</span>', html)


def test_ref_to_an_object_that_is_not_rendered_warns_unresolved(project) -> None:
    src = project({"index.md": "# Start\n\nZie {bv:ref}`buurtbemiddeling`.\n"})
    out, warnings = build(src)
    assert "[bv.unresolved]" in warnings
    assert "Buurtbemiddeling" in text_of(out / "index.html")


def test_links_inside_directives_to_unrendered_objects_stay_silent(project) -> None:
    # the example links to its direction and related examples; this project renders none of them
    src = project({"index.md": "# Start\n\n```{bv:example} buurtbemiddeling\n```\n"}, "nitpicky = True\n")
    out, warnings = build(src)
    assert warnings == ""
    assert "Contact, omgang en begrip in de directe woonomgeving" in text_of(out / "index.html")


def test_every_rendered_object_is_in_objects_inv(project, cat) -> None:
    step = cat.steps[0]
    checklist = cat.checklists_for(step.id)[0]
    src = project({"index.md": f"""\
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
        """})
    out, warnings = build(src)
    assert warnings == ""
    entries = inventory(out)
    assert entries["ontmoeting"][0] == "bv:direction"
    assert entries[step.id][0] == "bv:step"
    assert entries[checklist.id][0] == "bv:checklist"
    assert entries[checklist.items[0].id][0] == "bv:item"
    assert entries["buurtbemiddeling"] == ("bv:example", "index.html#bv-buurtbemiddeling", "Buurtbemiddeling")
    for term in cat.glossary:
        assert entries[term.id][0] == "bv:term"


def test_the_same_object_on_two_pages_warns_duplicate_unless_no_index(project) -> None:
    pages = {
        "index.md": "# Start\n\n```{toctree}\ntwo\n```\n\n```{bv:example} buurtbemiddeling\n```\n",
        "two.md": "# Twee\n\n```{bv:example} buurtbemiddeling\n```\n",
    }
    _, warnings = build(project(pages))
    assert "[bv.duplicate]" in warnings

    pages["two.md"] = "# Twee\n\n```{bv:example} buurtbemiddeling\n:no-index:\n```\n"
    _, warnings = build(project(pages))
    assert "[bv.duplicate]" not in warnings


def test_matrix_is_a_table_with_header_scopes_and_wijzer_links(project, cat) -> None:
    src = project({
        "index.md": "# Start\n\n```{toctree}\nwijzer\n```\n\n```{bv:matrix}\n```\n",
        "wijzer.md": "# Wijzer\n\n```{bv:interventiewijzer}\n```\n",
    })
    out, warnings = build(src)
    assert warnings == ""
    html = (out / "index.html").read_text(encoding="utf-8")
    assert "<caption>" in html
    assert html.count('<th scope="col">') == 2 + len(cat.vocabulary("fasen").values)
    assert html.count('<th scope="row">') == len(cat.directions)
    count = len(cat.filter(direction="ontmoeting", phase="spanningen"))
    assert count > 0
    assert f'<a href="wijzer.html?richting=ontmoeting&amp;fase=spanningen">{count}<span class="bv-visually-hidden">' in html


def test_interventiewijzer_has_labelled_controls_live_region_and_data(project, cat) -> None:
    import json

    src = project({
        "index.md": "# Start\n\n```{toctree}\nvoorbeeld\n```\n\n```{bv:interventiewijzer}\n```\n",
        "voorbeeld.md": "# Voorbeeld\n\n```{bv:example} buurtbemiddeling\n```\n",
    })
    out, warnings = build(src)
    assert warnings == ""
    html = (out / "index.html").read_text(encoding="utf-8")
    assert "<fieldset>" in html and "<legend>" in html
    for param, label in (("richting", "Richting"), ("fase", "Fase"), ("plek", "Plek"), ("doelgroep", "Doelgroep")):
        assert f'<label for="bv-filter-{param}">{label}</label>' in html
        assert f'<select id="bv-filter-{param}" name="{param}">' in html
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
        "direction", "phase", "location", "target_group", "partner", "form", "cause", "dividing_line", "evidence", "cost",
    }
    assert (out / "_static" / "bv-wijzer.js").is_file()
    assert (out / "_static" / "bv-print.css").is_file()
    assert 'media="print"' in html and "bv-print.css" in html


def test_text_builder_gets_a_plain_table_and_a_sentence(project, cat) -> None:
    src = project({"index.md": "# Start\n\n```{bv:matrix}\n```\n\n```{bv:interventiewijzer}\n```\n\n```{bv:checklist} aan-tafel\n```\n"})
    out, warnings = build(src, "text")
    assert warnings == ""
    text = (out / "index.txt").read_text(encoding="utf-8")
    assert "Aantal praktijkvoorbeelden per oplossingsrichting en fase" in text
    assert cat.directions[0].short_title in text
    assert "De Interventiewijzer werkt in de HTML-versie" in text
    assert cat.get("aan-tafel").items[0].question in text


def test_generated_pages_are_written_once_and_stale_ones_removed(tmp_path: Path, cat, content_copy: Path) -> None:
    src = make_project(
        tmp_path,
        {"index.md": "# Start\n\n```{toctree}\ncatalogus/richtingen/index\ncatalogus/stappenplan/index\ncatalogus/overzicht\n"
                     "catalogus/interventiewijzer\ncatalogus/begrippen\n```\n",
         "catalogus/notities.md": "# Notities\n\nHandgeschreven.\n"},
        f'bv_content_dir = {str(content_copy)!r}\nbv_pages_dir = "catalogus"\nexclude_patterns = ["catalogus/notities.md"]\n',
    )
    out, warnings = build(src)
    assert warnings == ""
    pages = src / "catalogus"
    for example in cat.examples:
        page = pages / "voorbeelden" / f"{example.id}.md"
        assert page.read_text(encoding="utf-8").startswith(MARKER)
        assert (out / "catalogus" / "voorbeelden" / f"{example.id}.html").is_file()
    for checklist in cat.checklists:
        assert (pages / "checklists" / f"{checklist.id}.md").is_file()
    for direction in cat.directions:
        assert f"../voorbeelden/{next(e.id for e in cat.examples if e.direction == direction.id)}" in (
            pages / "richtingen" / f"{direction.id}.md").read_text(encoding="utf-8")
    times = {p: p.stat().st_mtime_ns for p in pages.rglob("*.md")}

    build(src)
    assert {p: p.stat().st_mtime_ns for p in pages.rglob("*.md")} == times  # nothing rewritten

    (content_copy / "voorbeelden" / "portiekgesprekken.md").unlink()
    text = (content_copy / "retired.yaml").read_text(encoding="utf-8").replace(
        "retired: []", "retired:\n  - id: portiekgesprekken\n    status: retired\n    replaced_by: buurtbemiddeling\n")
    (content_copy / "retired.yaml").write_text(text, encoding="utf-8")
    for path in content_copy.rglob("*.md"):
        body = path.read_text(encoding="utf-8")
        if "portiekgesprekken" in body and path.name != "README.md":
            path.write_text(re.sub(r",?\s*portiekgesprekken", "", body).replace("[, ", "["), encoding="utf-8")
    out, warnings = build(src)
    assert not (pages / "voorbeelden" / "portiekgesprekken.md").exists()
    assert "portiekgesprekken" not in inventory(out)
    assert "buurtbemiddeling" in inventory(out)
    assert (pages / "notities.md").read_text(encoding="utf-8") == "# Notities\n\nHandgeschreven.\n"


def test_retired_id_warns_and_uses_the_replacement(tmp_path: Path, content_copy: Path) -> None:
    text = (content_copy / "retired.yaml").read_text(encoding="utf-8").replace(
        "retired: []", "retired:\n  - id: burenbemiddeling\n    status: retired\n    replaced_by: buurtbemiddeling\n")
    (content_copy / "retired.yaml").write_text(text, encoding="utf-8")
    src = make_project(
        tmp_path,
        {"index.md": "# Start\n\n```{bv:example} burenbemiddeling\n```\n\nZie {bv:ref}`burenbemiddeling`.\n"},
        f"bv_content_dir = {str(content_copy)!r}\n",
    )
    out, warnings = build(src)
    assert warnings.count("[bv.retired-id]") == 2
    assert "'burenbemiddeling' is retired; it is replaced by 'buurtbemiddeling'" in warnings
    html = (out / "index.html").read_text(encoding="utf-8")
    assert 'id="bv-buurtbemiddeling"' in html
    assert re.search(r'href="#bv-buurtbemiddeling"[^>]*><span[^>]*>Buurtbemiddeling</span>', html)


def test_content_folder_with_errors_stops_the_build_with_the_lint_messages(tmp_path: Path, content_copy: Path) -> None:
    path = content_copy / "voorbeelden" / "buurtbemiddeling.md"
    path.write_text(path.read_text(encoding="utf-8").replace("direction: woonomgeving", "direction: woonomgevin"), encoding="utf-8")
    src = make_project(tmp_path, {"index.md": "# Start\n"}, f"bv_content_dir = {str(content_copy)!r}\n")
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
def test_bad_configuration_values_are_named(project, conf: str, message: str) -> None:
    src = project({"index.md": "# Start\n"}, conf)
    with pytest.raises(ConfigError, match=message):
        build(src)


def test_parallel_build_gives_the_same_objects(tmp_path: Path, content_copy: Path) -> None:
    pages = {"index.md": "# Start\n\n```{toctree}\ncatalogus/richtingen/index\ncatalogus/stappenplan/index\ncatalogus/overzicht\n"
                         "catalogus/interventiewijzer\ncatalogus/begrippen\n```\n"}
    conf = f'bv_content_dir = {str(content_copy)!r}\nbv_pages_dir = "catalogus"\n'
    serial, warnings = build(make_project(tmp_path / "serial", pages, conf))
    assert warnings == ""
    parallel, warnings = build(make_project(tmp_path / "parallel", pages, conf), parallel=2)
    assert warnings == ""
    assert inventory(parallel) == inventory(serial)
    assert (parallel / "_static" / "bv-wijzer.json").read_bytes() == (serial / "_static" / "bv-wijzer.json").read_bytes()
