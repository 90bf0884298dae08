"""Docs-build benchmarks: the extension against the same pages written as plain MyST.

Two Sphinx projects over the same synthetic content, with the theme and sidebar settings of
our site (furo, navigation two levels deep):

- *extension*: ``buurtverbinding.sphinx`` generates one page per object from the content
  folder (``bv_content_dir``, ``bv_pages_dir``), as our own ``docs/`` does;
- *plain*: the same pages, with the same text, toctrees and lists, written out as plain MyST.

Measured: the build time of each at N examples, the extension at 2N, and how many documents
a rebuild reads again after no change and after editing one example.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from synthetic import make_tree

SITE = """
language = "nl"
html_theme = "furo"


def _shallow_navigation(app, pagename, templatename, context, doctree):
    # as in docs/conf.py: the sidebar shows sections and directions, not every example
    toctree = context.get("toctree")
    if toctree is not None:
        context["toctree"] = lambda **options: toctree(**{**options, "maxdepth": 2, "includehidden": False})


def setup(app):
    app.connect("html-page-context", _shallow_navigation, priority=400)
"""
CONF_EXTENSION = (
    """
extensions = ["myst_parser", "buurtverbinding.sphinx"]
bv_content_dir = "../content"
bv_pages_dir = "catalogus"
"""
    + SITE
)
CONF_PLAIN = (
    """
extensions = ["myst_parser"]
"""
    + SITE
)
INDEX = """# Benchmark

```{toctree}
:maxdepth: 1

catalogus/stappenplan/index
catalogus/richtingen/index
catalogus/overzicht
catalogus/interventiewijzer
catalogus/begrippen
```
"""


def sphinx(src: Path, out: Path) -> tuple[float, list[str]]:
    """Build ``src`` into ``out``; the wall time and the documents Sphinx read."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", str(src), str(out)],
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"sphinx-build failed for {src}:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    read = re.findall(r"^reading sources\.\.\. \[\s*\d+%\] (\S+)", result.stdout, re.M)
    return elapsed, read


def extension_project(work: Path, n: int) -> Path:
    root = work / f"docs-extension-{n}"
    make_tree(root / "content", n)
    (root / "src").mkdir()
    (root / "src" / "conf.py").write_text(CONF_EXTENSION, encoding="utf-8")
    (root / "src" / "index.md").write_text(INDEX, encoding="utf-8")
    return root


def plain_project(work: Path, n: int) -> Path:
    """The pages the extension generates, written as plain MyST from the same compiled content."""
    from buurtverbinding import Catalog
    from buurtverbinding.compiler import check_tree

    root = work / f"docs-plain-{n}"
    tree = make_tree(root / "content", n)
    result = check_tree(tree)
    if result.catalog is None:
        raise SystemExit("\n".join(map(str, result.problems)))
    cat = Catalog.model_validate(result.catalog)
    src = root / "src"
    pages = src / "catalogus"
    for folder in ("richtingen", "voorbeelden", "stappenplan", "checklists"):
        (pages / folder).mkdir(parents=True)
    (src / "conf.py").write_text(CONF_PLAIN, encoding="utf-8")
    (src / "index.md").write_text(INDEX, encoding="utf-8")

    def labels(vocabulary: str, values: Any) -> str:
        return ", ".join(cat.label(vocabulary, v) for v in values) or "-"

    def toctree(entries: list[str], hidden: bool = False) -> str:
        return "```{toctree}\n" + (":hidden:\n" if hidden else ":maxdepth: 1\n") + "\n" + "\n".join(entries) + "\n```\n"

    def listing(examples: Any, prefix: str) -> str:
        return "\n".join(f"- [{e.title}]({prefix}{e.id}.md)  \n  {e.summary}" for e in examples) + "\n"

    (pages / "richtingen" / "index.md").write_text("# Oplossingsrichtingen\n\n" + toctree([d.id for d in cat.directions]), encoding="utf-8")
    for d in cat.directions:
        examples = cat.direction_examples(d.id)
        text = f"# {d.title}\n\n{d.summary}\n\n{d.description}\n\n## Praktijkvoorbeelden\n\n" + listing(examples, "../voorbeelden/")
        text += "\n" + toctree([f"../voorbeelden/{e.id}" for e in examples if e.direction == d.id], hidden=True)
        (pages / "richtingen" / f"{d.id}.md").write_text(text, encoding="utf-8")
    for e in cat.examples:
        fields = [
            ("Richting", ", ".join(cat.get(x).title for x in e.directions)),
            ("Fasen", labels("fasen", e.phases)),
            ("Plekken", labels("locaties", e.locations)),
            ("Doelgroepen", labels("doelgroepen", e.target_groups)),
            ("Partners", labels("actoren", e.partners)),
            ("Vormen", labels("vormen", e.forms)),
            ("Oorzaken", labels("oorzaken", e.causes)),
            ("Gemeenten", ", ".join(e.municipalities) or "-"),
            ("Uitvoering", e.organisation),
            ("Bewijs", f"{cat.label('bewijsniveaus', e.evidence.level)}; effect {cat.label('effectrichtingen', e.evidence.effect)}"),
            ("Nagekeken op", e.reviewed.isoformat()),
        ]
        level, effect = cat.value("bewijsniveaus", e.evidence.level), cat.value("effectrichtingen", e.evidence.effect)
        relation = cat.value("kis-relaties", e.kis_relation)
        fields += [("Via", labels("doelgroepen", e.intermediate_groups)), ("Mechanismen", labels("mechanismen", e.mechanisms))]
        if e.cost is not None:
            fields.append(("Kosten", f"{cat.label('kostenniveaus', e.cost.band)}. {e.cost.note or ''}"))
        text = f"# {e.title}\n\n{e.summary}\n\n*Bewijs: {level.label}* *Effect: {effect.label}*\n\n"
        text += "\n".join(f"- **{k}:** {v}" for k, v in fields) + "\n\n"
        for heading, body in (
            ("Aanleiding", e.sections.background),
            ("Aanpak", e.sections.approach),
            ("Wat het oplevert", e.sections.outcomes),
            ("Aandachtspunten", e.sections.considerations),
        ):
            text += f"## {heading}\n\n{body}\n\n"
        text += f"## Onderbouwing\n\n- **Bewijsniveau:** {level.label}. {level.definition}\n- **Effect:** {effect.label}. {effect.definition}\n\n{e.evidence.note or ''}\n\n"
        text += f"## Relatie met de KIS-handreiking\n\n**{relation.label}**: {relation.definition}\n\n{e.kis_note or ''}\n\n"
        text += "## Bronnen\n\n" + "\n".join(f"- [{s.title}]({s.url}), {s.publisher}" for s in e.sources) + "\n"
        if e.related:
            text += "\n## Zie ook\n\n" + "\n".join(f"- [{cat.get(r).title}]({r}.md)" for r in e.related) + "\n"
        (pages / "voorbeelden" / f"{e.id}.md").write_text(text, encoding="utf-8")
    (pages / "stappenplan" / "index.md").write_text("# Stappenplan\n\n" + toctree([s.id for s in cat.steps]), encoding="utf-8")
    for s in cat.steps:
        checklists = cat.checklists_for(s.id)
        text = f"# {s.title}\n\n{s.purpose}\n\n{s.description}\n\n" + toctree([f"../checklists/{c.id}" for c in checklists])
        (pages / "stappenplan" / f"{s.id}.md").write_text(text, encoding="utf-8")
    for c in cat.checklists:
        items = "\n".join(f"1. {i.question}" + (f" ({', '.join(v.label for v in cat.options(i))})" if i.vocabulary else "") for i in c.items)
        (pages / "checklists" / f"{c.id}.md").write_text(f"# {c.title}\n\n{c.purpose}\n\n{items}\n", encoding="utf-8")
    terms = "\n".join(f"{t.term}\n: {t.definition}\n" for t in cat.glossary)
    (pages / "begrippen.md").write_text("---\nmyst:\n  enable_extensions: [deflist]\n---\n# Begrippen\n\n" + terms, encoding="utf-8")
    phases = cat.vocabulary("fasen").values
    table = "| Richting | " + " | ".join(p.label for p in phases) + " |\n|---|" + "---|" * len(phases) + "\n"
    for d in cat.directions:
        table += f"| {d.short_title} | " + " | ".join(str(len(cat.filter(direction=d.id, phase=p.id))) for p in phases) + " |\n"
    (pages / "overzicht.md").write_text("# Overzicht\n\n" + table, encoding="utf-8")
    (pages / "interventiewijzer.md").write_text("# Interventiewijzer\n\n" + listing(cat.examples, "voorbeelden/"), encoding="utf-8")
    return root


def docs_metrics(work: Path, n: int) -> dict[str, float]:
    ext_n = extension_project(work, n)
    ext_2n = extension_project(work, 2 * n)
    plain_n = plain_project(work, n)

    plain_s, _ = sphinx(plain_n / "src", plain_n / "out")
    ext_s, first_read = sphinx(ext_n / "src", ext_n / "out")
    ext_2n_s, _ = sphinx(ext_2n / "src", ext_2n / "out")

    _, noop_read = sphinx(ext_n / "src", ext_n / "out")
    example = sorted((ext_n / "content" / "voorbeelden").glob("*.md"))[len(first_read) % 7]
    text = example.read_text(encoding="utf-8")
    example.write_text(text.replace("## Aanpak\n", "## Aanpak\n\nEen zin die de benchmark toevoegt.\n", 1), encoding="utf-8")
    _, edit_read = sphinx(ext_n / "src", ext_n / "out")

    for root in (ext_n, ext_2n, plain_n):
        shutil.rmtree(root, ignore_errors=True)
    return {
        "docs_pages": float(len(first_read)),
        "docs_plain_s": plain_s,
        "docs_extension_s": ext_s,
        "docs_extension_2n_s": ext_2n_s,
        "docs_overhead_ratio": ext_s / plain_s,
        "docs_linearity": ext_2n_s / ext_s,
        "noop_reread": float(len(noop_read)),
        "edit_reread": float(len(edit_read)),
    }
