"""Incremental builds: after an edit to one example, only the pages that show it are read again."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

pytest_plugins = ("sphinx.testing.fixtures",)

EXAMPLE = "buurtbemiddeling"

INDEX = """\
# Start

Zie {bv:ref}`buurtbemiddeling`.

```{toctree}
los
catalogus/richtingen/index
catalogus/stappenplan/index
catalogus/overzicht
catalogus/interventiewijzer
catalogus/begrippen
```
"""


class Project:
    """A project with its own copy of the content, built again and again in the same folders."""

    def __init__(self, root: Path, content: Path, make_app: Callable[..., SphinxTestApp]) -> None:
        self.make_app = make_app
        self.src = root / "src"
        self.src.mkdir()
        self.content = content
        (self.src / "conf.py").write_text(
            f'extensions = ["myst_parser", "buurtverbinding.sphinx"]\nlanguage = "nl"\nbv_content_dir = {str(content)!r}\nbv_pages_dir = "catalogus"\n',
            encoding="utf-8",
        )
        (self.src / "index.md").write_text(INDEX, encoding="utf-8")
        (self.src / "los.md").write_text("# Los\n\nGeen gegevens uit de catalogus.\n", encoding="utf-8")

    def build(self) -> set[str]:
        """Build; returns the documents that were read."""
        read: list[str] = []
        app = self.make_app("html", srcdir=self.src, builddir=self.src.parent / "_build")
        app.connect("env-before-read-docs", lambda app, env, docnames: read.extend(docnames))
        try:
            app.build()
        finally:
            app.cleanup()  # the next build is a new application in the same folders
        assert re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue()) == ""
        self.out = Path(app.outdir)
        return set(read)

    def edit(self, old: str, new: str) -> None:
        path = self.content / "voorbeelden" / f"{EXAMPLE}.md"
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def page(self, docname: str) -> str:
        return (self.out / f"{docname}.html").read_text(encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path, content_copy: Path, make_app: Callable[..., SphinxTestApp]) -> Project:
    project = Project(tmp_path, content_copy, make_app)
    first = project.build()
    assert f"catalogus/voorbeelden/{EXAMPLE}" in first and "los" in first
    return project


def test_nothing_changed_nothing_read(project: Project) -> None:
    assert project.build() == set()


def test_a_section_edit_rereads_only_the_example_page(project: Project) -> None:
    project.edit("Ruzie tussen buren begint vaak klein", "Burenruzie begint vaak klein")
    assert project.build() == {f"catalogus/voorbeelden/{EXAMPLE}"}
    assert "Burenruzie begint vaak klein" in project.page(f"catalogus/voorbeelden/{EXAMPLE}")


def test_a_summary_edit_rereads_the_example_and_the_lists_that_show_it(project: Project, cat) -> None:
    example = cat.get(EXAMPLE)
    project.edit("Buren met ruzie krijgen hulp", "Buren met onenigheid krijgen hulp")
    lists = {f"catalogus/richtingen/{d}" for d in example.directions}
    assert project.build() == {f"catalogus/voorbeelden/{EXAMPLE}", *lists}
    for docname in lists:
        assert "Buren met onenigheid krijgen hulp" in project.page(docname)


def test_a_title_edit_rereads_every_page_that_names_it(project: Project, cat) -> None:
    example = cat.get(EXAMPLE)
    project.edit("title: Buurtbemiddeling", "title: Buurtbemiddeling tussen buren")
    naming = {f"catalogus/voorbeelden/{e.id}" for e in cat.examples if EXAMPLE in e.related}
    naming |= {f"catalogus/richtingen/{d}" for d in example.directions}
    if any(EXAMPLE in t.see_also for t in cat.glossary):
        naming.add("catalogus/begrippen")
    assert project.build() == {"index", f"catalogus/voorbeelden/{EXAMPLE}", *naming}
    assert "Buurtbemiddeling tussen buren" in project.page("index")


# --- facts that cross pages (issue 22): an incremental build ends where a clean build does ----------

ORPHAN = "---\norphan: true\n---\n\n"


def _build_pages(make_app: Callable[..., SphinxTestApp], root: Path, pages: dict[str, str | None]) -> SphinxTestApp:
    """Write ``pages`` into ``root/src`` (``None`` deletes a page) and build there, with the
    packaged catalogue; an earlier build in the same folder makes this one incremental."""
    src = root / "src"
    src.mkdir(parents=True, exist_ok=True)
    (src / "conf.py").write_text('extensions = ["myst_parser", "buurtverbinding.sphinx"]\nlanguage = "nl"\n', encoding="utf-8")
    for name, text in pages.items():
        if text is None:
            (src / name).unlink()
        else:
            (src / name).write_text(text, encoding="utf-8")
    app = make_app("html", srcdir=src, builddir=root / "_build")
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def _html(app: SphinxTestApp, docname: str) -> str:
    return (Path(app.outdir) / f"{docname}.html").read_text(encoding="utf-8")


FILL_IN = "Vul deze checklist in op het scherm"


def test_adding_an_analysis_page_links_the_existing_checklist_pages(tmp_path: Path, make_app: Callable[..., SphinxTestApp]) -> None:
    pages: dict[str, str | None] = {
        "index.md": "# Start\n\n```{toctree}\nchecklist\n```\n",
        "checklist.md": "# Checklist\n\n```{bv:checklist} aan-tafel\n```\n",
    }
    first = _build_pages(make_app, tmp_path / "incremental", pages)
    assert FILL_IN not in _html(first, "checklist")

    added = {"analyse.md": ORPHAN + "# Analyse\n\n```{bv:analysis}\n```\n"}
    incremental = _build_pages(make_app, tmp_path / "incremental", added)
    page = _html(incremental, "checklist")
    assert FILL_IN in page and 'href="analyse.html#bv-analysis-aan-tafel"' in page

    clean = _build_pages(make_app, tmp_path / "clean", {**pages, **added})
    for docname in ("index", "checklist", "analyse"):
        assert _html(incremental, docname) == _html(clean, docname), docname

    # and removing it again takes the link away
    removed = _build_pages(make_app, tmp_path / "incremental", {"analyse.md": None})
    assert FILL_IN not in _html(removed, "checklist")


def test_deleting_the_first_of_two_pages_with_an_example_keeps_the_object_and_the_links(tmp_path: Path, make_app: Callable[..., SphinxTestApp]) -> None:
    example = ORPHAN + "# {title}\n\n```{{bv:example}} buurtbemiddeling\n```\n"
    pages: dict[str, str | None] = {
        "index.md": "# Start\n\n```{toctree}\nlinks\n```\n",
        "links.md": "# Links\n\nZie {bv:ref}`buurtbemiddeling`.\n",
        "a.md": example.format(title="Eerste"),
        "b.md": example.format(title="Tweede"),
    }
    first = _build_pages(make_app, tmp_path / "incremental", pages)
    assert "[bv.duplicate]" in first.warning.getvalue()
    assert first.env.domains["bv"].objects["buurtbemiddeling"].docname == "a"  # type: ignore[attr-defined]
    assert 'href="a.html#bv-buurtbemiddeling"' in _html(first, "links")

    incremental = _build_pages(make_app, tmp_path / "incremental", {"a.md": None})
    assert incremental.env.domains["bv"].objects["buurtbemiddeling"].docname == "b"  # type: ignore[attr-defined]
    assert 'href="b.html#bv-buurtbemiddeling"' in _html(incremental, "links")

    clean = _build_pages(make_app, tmp_path / "clean", {name: text for name, text in pages.items() if name != "a.md"})
    assert clean.warning.getvalue() == ""
    assert dict(incremental.env.domains["bv"].objects) == dict(clean.env.domains["bv"].objects)  # type: ignore[attr-defined]
    for docname in ("index", "links", "b"):
        assert _html(incremental, docname) == _html(clean, docname), docname
    assert (Path(incremental.outdir) / "objects.inv").read_bytes() == (Path(clean.outdir) / "objects.inv").read_bytes()
