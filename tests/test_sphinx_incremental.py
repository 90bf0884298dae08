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
