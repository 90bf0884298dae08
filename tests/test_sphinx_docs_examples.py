"""Every example in docs/dev/sphinx.md builds, exactly as written, with ``-W -n``.

The code blocks are read from the page with markdown-it (the parser MyST itself uses):

- the ``python`` block that starts with ``# conf.py`` is the project's configuration;
- each ``markdown`` and ``rst`` block is a whole page of its own project;
- each other ``python`` block is added to that configuration, as a reader adds it to ``conf.py``.

The intersphinx example is built against an inventory made from the page's own directive
example; only where the inventory is read from changes (no network in the tests).
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from docutils import nodes

pytest_plugins = ("sphinx.testing.fixtures",)

DOC = Path(__file__).resolve().parents[1] / "docs" / "dev" / "sphinx.md"


def _fences() -> list[tuple[str, str, int]]:
    """(language, text, line) of every fenced code block of the page, nested ones excluded."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(DOC.read_text(encoding="utf-8"))
    return [(token.info.strip(), token.content, token.map[0] + 1) for token in tokens if token.type == "fence" and token.map]


FENCES = _fences()
SETUP = next(text for language, text, _ in FENCES if language == "python" and text.startswith("# conf.py"))
PAGES = [(language, text, line) for language, text, line in FENCES if language in ("markdown", "rst")]
CONF_SNIPPETS = [(text, line) for language, text, line in FENCES if language == "python" and text != SETUP]


def _project(root: Path, conf: str, pages: dict[str, str]) -> Path:
    root.mkdir(parents=True)
    (root / "conf.py").write_text(conf, encoding="utf-8")
    for name, text in pages.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def _clean_build(make_app, srcdir: Path, builder: str = "html"):
    """Build as ``sphinx-build -W -n`` does: nitpicky, and any warning fails (with all of them shown)."""
    app = make_app(builder, srcdir=srcdir, builddir=srcdir.parent / f"{srcdir.name}-build", confoverrides={"nitpicky": True})
    app.build()
    warnings = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
    assert warnings == "", f"the example warns:\n{warnings}"
    return app


def test_the_page_has_the_examples_this_test_expects() -> None:
    assert "extensions" in SETUP and "buurtverbinding.sphinx" in SETUP
    languages = [language for language, _, _ in PAGES]
    assert languages.count("markdown") >= 2 and "rst" in languages
    assert any("{bv:ref}" in text for _, text, _ in PAGES)
    assert any("intersphinx_mapping" in text for text, _ in CONF_SNIPPETS)


@pytest.mark.parametrize(("language", "text", "line"), PAGES, ids=[f"line-{line}" for _, _, line in PAGES])
def test_page_example_builds_clean(make_app, tmp_path: Path, language: str, text: str, line: int) -> None:
    name = "index.md" if language == "markdown" else "index.rst"
    app = _clean_build(make_app, _project(tmp_path / "src", SETUP, {name: text}))
    doctree = app.env.get_and_resolve_doctree("index", app.builder, tags=app.tags)
    # every link of the example found its target
    assert not list(doctree.findall(lambda n: isinstance(n, nodes.inline) and "bv-unknown" in n["classes"]))
    if "{bv:ref}" in text:
        links = {ref.astext(): ref.get("refuri") or "#" + ref["refid"] for ref in doctree.findall(nodes.reference) if ref.get("internal")}
        assert links["Buurtbemiddeling"] == "#bv-buurtbemiddeling"
        assert links["de richting ontmoeting"] == "#bv-ontmoeting"


@pytest.mark.parametrize(("snippet", "line"), CONF_SNIPPETS, ids=[f"line-{line}" for _, line in CONF_SNIPPETS])
def test_configuration_example_builds_clean(make_app, tmp_path: Path, snippet: str, line: int) -> None:
    conf = SETUP + "\n" + snippet
    page = "# Start\n"
    if "intersphinx_mapping" in snippet:
        site_page = next(text for language, text, _ in PAGES if language == "markdown" and "{bv:example} buurtbemiddeling" in text)
        site = _clean_build(make_app, _project(tmp_path / "site", SETUP, {"index.md": site_page}))
        site.cleanup()  # one application at a time: the next one registers the same nodes
        inventory = Path(site.outdir) / "objects.inv"
        # the address stays as written; only the inventory is read from the file instead of the network
        conf += textwrap.dedent(f"""
            intersphinx_mapping = {{name: (url, {str(inventory)!r}) for name, (url, _) in intersphinx_mapping.items()}}
            """)
        page = "# Start\n\nZie {bv:ref}`buurtbemiddeling`.\n"
    app = _clean_build(make_app, _project(tmp_path / "src", conf, {"index.md": page}))
    if "intersphinx_mapping" in snippet:
        doctree = app.env.get_and_resolve_doctree("index", app.builder, tags=app.tags)
        (link,) = [ref for ref in doctree.findall(nodes.reference) if "buurtbemiddeling" in ref.get("refuri", "")]
        written: dict = {}
        exec(snippet, written)  # the configuration as the page writes it
        ((url, _),) = written["intersphinx_mapping"].values()
        assert link["refuri"] == url + "index.html#bv-buurtbemiddeling"
        assert link.astext() == "Buurtbemiddeling"
