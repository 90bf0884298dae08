"""One declaration per facet: adding a facet to the model (plus its vocabulary file) is enough
for it to appear in filter, the CLI, bv:examples, the Interventiewijzer, the example page and
the exports, with no other code changed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from buurtverbinding.catalog import FACETS
from buurtverbinding.models import EXAMPLE_VOCABULARIES, SITUATION_FEEDS, Example, facets

ROOT = Path(__file__).resolve().parents[1]

NEW_FIELD = '    seasons: Annotated[tuple[Id, ...], Facet("season", "seizoenen", "seizoen", "seizoenen")] = ()\n'
VOCABULARY = """id: seizoenen
title: Seizoenen
description: In welk seizoen een aanpak vooral speelt (alleen voor de test van het register).
values:
- id: zomer
  label: Zomer
  definition: Juni tot en met augustus.
- id: winter
  label: Winter
  definition: December tot en met februari.
"""

PROBE = r"""
import contextlib, io, json, sqlite3, sys, tempfile
from pathlib import Path
from buurtverbinding._loader import load_file
from buurtverbinding import cli, export
from buurtverbinding.sphinx._directives import ExamplesDirective
from buurtverbinding.sphinx._labels import SHOWN_FACETS, WIJZER_FACETS

cat = load_file(sys.argv[1])
out = {"filter": [e.id for e in cat.filter(season="zomer")], "valid": list(cat.valid_values("season"))}
help_text = io.StringIO()
with contextlib.redirect_stdout(help_text), contextlib.suppress(SystemExit):
    cli._parser().parse_args(["list", "--help"])
out["list_help"] = "--season" in help_text.getvalue()
out["bv_examples_option"] = "season" in ExamplesDirective.option_spec
out["wijzer"] = [f.key for f in WIJZER_FACETS]
out["shown"] = [f.label for f in SHOWN_FACETS]
folder = Path(tempfile.mkdtemp())
export.export(cat, "csv", folder / "csv")
out["csv_header"] = (folder / "csv" / "examples.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
export.export(cat, "sqlite", folder / "bv.sqlite")
db = sqlite3.connect(folder / "bv.sqlite")
out["sqlite"] = [r[0] for r in db.execute("SELECT example_id FROM example_values WHERE field = 'seasons' AND value = 'zomer'")]
print(json.dumps(out))
"""


def test_registry_is_read_from_the_model():
    declared = facets(Example)
    assert {f.key for f in declared if f.filter} == set(FACETS)
    assert {f.field: f.vocabulary for f in declared if f.vocabulary and not f.path} == EXAMPLE_VOCABULARIES
    assert set(SITUATION_FEEDS) == {f.feeds for f in declared if f.feeds}
    # every facet the issue names can be filtered, listed and shown
    for key in ("direction", "phase", "location", "target_group", "partner", "form", "cause", "dividing_line", "evidence", "cost"):
        assert key in FACETS


@pytest.fixture(scope="module")
def extended_tree(tmp_path_factory):
    """A copy of src/ and content/ with one new facet: one declaration and its vocabulary file."""
    root = tmp_path_factory.mktemp("registry")
    shutil.copytree(ROOT / "src", root / "src", ignore=shutil.ignore_patterns("__pycache__", "_data"))
    shutil.copytree(ROOT / "content", root / "content")
    models = root / "src" / "buurtverbinding" / "models.py"
    text = models.read_text(encoding="utf-8")
    anchor = next(line for line in text.splitlines(keepends=True) if line.startswith("    themes: Annotated["))
    models.write_text(text.replace(anchor, anchor + NEW_FIELD, 1), encoding="utf-8")
    (root / "content" / "vocabulaires" / "seizoenen.yaml").write_text(VOCABULARY, encoding="utf-8")
    example = root / "content" / "voorbeelden" / "burendag.md"
    body = example.read_text(encoding="utf-8")
    example.write_text(body.replace("\nthemes:", "\nseasons: [zomer]\nthemes:", 1), encoding="utf-8")
    return root


def test_one_declaration_adds_a_facet_everywhere(extended_tree):
    env = {**os.environ, "PYTHONPATH": str(extended_tree / "src")}
    compiled = extended_tree / "out" / "catalog.json"
    build = "import sys; from pathlib import Path; from buurtverbinding.compiler import build; build(Path(sys.argv[1]), Path(sys.argv[2]))"
    done = subprocess.run([sys.executable, "-c", build, str(extended_tree / "content"), str(compiled)], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    probe = subprocess.run([sys.executable, "-c", PROBE, str(compiled)], env=env, capture_output=True, text=True, cwd=extended_tree)
    assert probe.returncode == 0, probe.stderr
    seen = json.loads(probe.stdout)
    assert seen["filter"] == ["burendag"]
    assert seen["valid"] == ["zomer", "winter"]
    assert seen["list_help"] and seen["bv_examples_option"]
    assert "season" in seen["wijzer"] and "Seizoenen" in seen["shown"]
    assert "seasons" in seen["csv_header"]
    assert seen["sqlite"] == ["burendag"]


def test_a_value_outside_the_new_vocabulary_is_a_lint_error(extended_tree, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(extended_tree / "content", content)
    example = content / "voorbeelden" / "burendag.md"
    example.write_text(example.read_text(encoding="utf-8").replace("seasons: [zomer]", "seasons: [lente]"), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(extended_tree / "src")}
    lint = subprocess.run([sys.executable, "-m", "buurtverbinding", "lint", str(content)], env=env, capture_output=True, text=True)
    assert lint.returncode == 1
    assert "BV104" in lint.stdout + lint.stderr and "seizoenen" in lint.stdout + lint.stderr
