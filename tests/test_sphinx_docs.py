"""The site in docs/ builds clean (-W, nitpicky) and holds what professionals and developers need;
a downstream project uses the extension and links to the site's inventory with intersphinx."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
DOWNSTREAM = Path(__file__).resolve().parent / "downstream"


def sphinx_build(source: Path, out: Path, *, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``sphinx-build -W --keep-going -n -q`` in a fresh interpreter."""
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]), **(env or {})}
    command = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-q", "-d", str(out.parent / "doctrees"), str(source), str(out)]
    return subprocess.run(command, capture_output=True, text=True, env=environment, timeout=900)


def built_site(base: Path) -> Path:
    """The HTML site built from docs/ into ``base``/site (once per test session), with the network
    blocked (tests/test_offline.py counts on it); fails with the build's output when the build warns or fails."""
    out = base / "site" / "html"
    marker = base / "site" / "built"
    if not marker.exists():
        from .test_build import blocked_env

        offline = os.pathsep.join([blocked_env(base)["PYTHONPATH"], str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])
        result = sphinx_build(DOCS, out, env={"PYTHONPATH": offline})
        assert result.returncode == 0 and not result.stderr.strip(), f"docs build failed:\n{result.stdout}\n{result.stderr}"
        marker.write_text("ok", encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def site(docs_site: Path) -> Path:
    return docs_site  # built once per session (tests/conftest.py)


def inventory(path: Path) -> dict[str, tuple[str, str]]:
    """{name: (type, uri)} from an objects.inv file."""
    body = zlib.decompress(path.read_bytes().split(b"\n", 4)[4]).decode("utf-8")
    entries = {}
    for line in body.splitlines():
        name, kind, _, uri, _ = re.match(r"(.+?)\s+(\S+:\S+)\s+(-?\d+)\s+(\S*)\s+(.*)", line).groups()
        entries[name] = (kind, uri.replace("$", name) if uri.endswith("$") else uri)
    return entries


def page(site: Path, name: str) -> str:
    return (site / name).read_text(encoding="utf-8")


def test_the_site_builds_without_warnings(site: Path) -> None:
    assert (site / "index.html").is_file()


def test_one_page_per_example_named_after_its_id(site: Path, cat) -> None:
    for example in cat.examples:
        html = page(site, f"catalogus/voorbeelden/{example.id}.html")
        assert f'id="bv-{example.id}"' in html
        assert "Bronnen" in html and "Bewijs:" in html
        for source in example.sources:
            assert source.url.replace("&", "&amp;") in html


def test_every_direction_step_and_checklist_has_a_page(site: Path, cat) -> None:
    for direction in cat.directions:
        html = page(site, f"catalogus/richtingen/{direction.id}.html")
        for example in cat.direction_examples(direction.id):
            assert f"../voorbeelden/{example.id}.html#bv-{example.id}" in html
    for step in cat.steps:
        html = page(site, f"catalogus/stappenplan/{step.id}.html")
        for checklist in cat.checklists_for(step.id):
            assert f"../checklists/{checklist.id}.html#bv-{checklist.id}" in html
    for checklist in cat.checklists:
        html = page(site, f"catalogus/checklists/{checklist.id}.html")
        for item in checklist.items:
            assert f'id="bv-{item.id}"' in html
        assert re.search(r'<link[^>]+bv-print\.css[^>]+media="print"|<link[^>]+media="print"[^>]+bv-print\.css', html)


def test_objects_inv_lists_every_object(site: Path, cat) -> None:
    entries = inventory(site / "objects.inv")
    expected = {e.id: "bv:example" for e in cat.examples}
    expected |= {d.id: "bv:direction" for d in cat.directions}
    expected |= {s.id: "bv:step" for s in cat.steps}
    expected |= {c.id: "bv:checklist" for c in cat.checklists}
    expected |= {i.id: "bv:item" for c in cat.checklists for i in c.items}
    expected |= {t.id: "bv:term" for t in cat.glossary}
    assert {name: entries[name][0] for name in expected if name in entries} == expected
    assert entries["buurtbemiddeling"][1] == "catalogus/voorbeelden/buurtbemiddeling.html#bv-buurtbemiddeling"


def test_matrix_counts_and_links(site: Path, cat) -> None:
    html = page(site, "catalogus/overzicht.html")
    assert '<th scope="col">' in html and '<th scope="row">' in html
    for direction in cat.directions:
        for phase in cat.vocabulary("fasen").ids():
            number = len(cat.filter(direction=direction.id, phase=phase))
            if number:
                assert f'href="interventiewijzer.html?richting={direction.id}&amp;fase={phase}">{number}<' in html


def test_interventiewijzer_data_points_at_real_pages(site: Path, cat) -> None:
    data = json.loads(page(site, "_static/bv-wijzer.json"))
    assert data["catalog_version"] == cat.version
    assert [e["id"] for e in data["examples"]] == [e.id for e in sorted(cat.examples, key=lambda e: e.title.casefold())]
    for entry in data["examples"]:
        assert (site / entry["url"].split("#")[0]).is_file()
    html = page(site, "catalogus/interventiewijzer.html")
    assert 'src="../_static/bv-wijzer.js' in html and 'data-bv-data="../_static/bv-wijzer.json"' in html


def test_language_is_dutch_and_the_developer_pages_are_english(site: Path) -> None:
    assert '<html lang="nl"' in page(site, "index.html") or 'lang="nl"' in page(site, "index.html")[:300]
    assert "LANGUAGE: 'nl'" in page(site, "_static/documentation_options.js")
    assert (site / "_static" / "dutch-stemmer.js").is_file()
    assert 'lang="en"' in page(site, "dev/api.html")[:300]


def test_professionals_part_and_developer_section(site: Path) -> None:
    home = page(site, "index.html")
    for target in (
        "buurtoverleg.html",
        "catalogus/stappenplan/index.html",
        "catalogus/richtingen/index.html",
        "catalogus/overzicht.html",
        "catalogus/interventiewijzer.html",
        "advies.html",
        "catalogus/begrippen.html",
        "dev/index.html",
        "changelog.html",
    ):
        assert f'href="{target}"' in home, target
    for name in ("install", "api", "cli", "json", "sphinx", "reference"):
        assert (site / "dev" / f"{name}.html").is_file()
    reference = page(site, "dev/reference.html")
    for target in ("buurtverbinding.load", "buurtverbinding.catalog.Catalog.filter", "buurtverbinding.models.Example"):
        assert f'id="{target}"' in reference


def test_changelog_page_includes_the_changelog(site: Path) -> None:
    first = next(line for line in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8").splitlines() if line.startswith("## "))
    assert re.sub(r"[\[\]]", "", first[3:]).split(" - ")[0] in page(site, "changelog.html")


def test_downstream_project_builds_clean_and_links_to_the_site(site: Path, tmp_path: Path) -> None:
    out = tmp_path / "html"
    result = sphinx_build(DOWNSTREAM, out, env={"BV_SITE_INVENTORY": str(site / "objects.inv")})
    assert result.returncode == 0 and not result.stderr.strip(), result.stdout + result.stderr
    index = page(out, "index.html")
    # rendered here: a local link; not rendered here: a link into the site through intersphinx
    assert re.search(r'href="#bv-buurtbemiddeling"[^>]*>.*?Buurtbemiddeling', index)
    assert 'href="https://buurtverbinding.example/catalogus/checklists/aan-tafel.html#bv-aan-tafel"' in index
    assert 'href="https://buurtverbinding.example/catalogus/richtingen/ontmoeting.html#bv-ontmoeting"' in index
    assert '<h3 class="bv-title rubric">Buurtbemiddeling</h3>' in index
    lijst = page(out, "voorbeelden.html")
    assert "portiekgesprekken" in lijst  # the filtered list links examples into the site
    assert "_static/bv.css" in lijst


def test_open_data_downloads_are_built_with_the_site(site: Path, cat) -> None:
    import json
    import sqlite3
    import zipfile

    page = (site / "open-data.html").read_text(encoding="utf-8")
    downloads = {path.name: path for path in (site / "_downloads").glob("*/*")}
    for name in ("buurtverbinding.json", "buurtverbinding-csv.zip", "buurtverbinding.sqlite", "buurtverbinding.schema.json"):
        assert name in downloads, name
        assert name in page
    exported = json.loads(downloads["buurtverbinding.json"].read_text(encoding="utf-8"))
    assert [e["id"] for e in exported["examples"]] == [e.id for e in cat.examples]
    assert "buurtverbinding-csv/examples.csv" in zipfile.ZipFile(downloads["buurtverbinding-csv.zip"]).namelist()
    with sqlite3.connect(downloads["buurtverbinding.sqlite"]) as db:
        assert db.execute("SELECT count(*) FROM examples").fetchone()[0] == len(cat.examples)


def test_the_site_configuration_uses_public_interfaces_only() -> None:
    """docs/conf.py imports no private module and patches nothing of Sphinx or Furo: the site's
    policy is ``bv_*`` switches, its theme strings a template override and a message catalogue."""
    import ast
    import runpy

    conf = ROOT / "docs" / "conf.py"
    tree = ast.parse(conf.read_text(encoding="utf-8"))
    modules = [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
    modules += [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    private = [m for m in modules if m != "__future__" and any(part.startswith("_") for part in m.split("."))]
    assert private == []
    # no assignment into another module's namespace (sphinx.locale.translators[...] = ..., furo.x = ...)
    roots = {m.split(".")[0] for m in modules}
    targets = [t for node in ast.walk(tree) if isinstance(node, ast.Assign) for t in node.targets]
    patched = [ast.unparse(t) for t in targets if isinstance(t, (ast.Attribute, ast.Subscript)) and ast.unparse(t).split(".")[0].split("[")[0] in roots]
    assert patched == []
    written = runpy.run_path(str(conf))
    assert all(written[name] is True for name in ("bv_meta_description", "bv_reading_order", "bv_glossary_navigation", "bv_dutch_typography", "bv_csp"))


def _professional_pages(site: Path) -> list[Path]:
    """Every built page for professionals: outside dev/, the changelog and the open-data page
    (whose readers may make the files themselves)."""
    skipped = {"changelog.html", "open-data.html", "search.html", "genindex.html"}
    return [p for p in site.rglob("*.html") if p.relative_to(site).parts[0] not in ("dev", "_static") and p.name not in skipped]


def test_no_terminal_in_the_professional_path(site: Path, cat) -> None:
    pages = _professional_pages(site)
    assert len(pages) > 100
    item_ids = [item.id for checklist in cat.checklists for item in checklist.items]
    for page in pages:
        text = page.read_text(encoding="utf-8")
        visible = re.sub(r"<script.*?</script>|<[^>]+>", " ", text, flags=re.S)
        assert "buurtverbinding assess" not in visible and "pip install" not in visible, page
        listed = [i for i in item_ids if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", visible)]
        assert len(listed) < 5, f"{page}: internal question ids on the page: {listed[:8]}"


def test_no_soft_hyphen_in_any_title_or_meta(site: Path) -> None:
    for page in site.rglob("*.html"):
        head = page.read_text(encoding="utf-8").split("</head>")[0]
        assert "\u00ad" not in head, page
