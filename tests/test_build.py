"""Packaging: the wheel carries the compiled catalogue and nothing else; a broken tree builds no wheel."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT

PROJECT_FILES = ["pyproject.toml", "hatch_build.py", "README.md", "LICENSE", "CHANGELOG.md"]


def copy_project(target: Path) -> Path:
    for name in PROJECT_FILES:
        shutil.copy2(ROOT / name, target / name)
    shutil.copytree(ROOT / "content", target / "content")
    shutil.copytree(ROOT / "src", target / "src", ignore=shutil.ignore_patterns("__pycache__", "catalog.json"))
    return target


def build_wheel(project: Path, out: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    return subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(project)],
        capture_output=True, text=True, env=env, timeout=600,
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("project"))
    out = tmp_path_factory.mktemp("dist")
    result = build_wheel(project, out)
    assert result.returncode == 0, result.stdout + result.stderr
    (wheel,) = out.glob("*.whl")
    return wheel


def test_wheel_holds_only_the_package(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "buurtverbinding/_data/catalog.json" in names
    assert "buurtverbinding/py.typed" in names
    for name in names:
        assert name.startswith(("buurtverbinding/", "buurtverbinding-0.1.0.dist-info/")), name
        assert "__pycache__" not in name and not name.endswith(".pyc")
    assert not any(name.startswith("content/") or name.endswith(".md") for name in names if "dist-info" not in name)


def test_wheel_catalog_matches_content(wheel):
    from buurtverbinding._compile import check_tree, to_json

    shipped = zipfile.ZipFile(wheel).read("buurtverbinding/_data/catalog.json")
    assert shipped == to_json(check_tree(ROOT / "content").catalog)


def test_wheel_installs_and_answers_in_an_empty_venv(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    install = subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)], capture_output=True, text=True, timeout=600)
    assert install.returncode == 0, install.stderr
    code = "import buurtverbinding as bv; print(bv.load().search('buurtbemiddeling')[0].example.id)"
    query = subprocess.run([str(python), "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert query.returncode == 0, query.stderr
    assert query.stdout.strip() == "buurtbemiddeling"
    yaml_free = subprocess.run([str(python), "-c", "import yaml"], capture_output=True, text=True)
    assert yaml_free.returncode != 0, "PyYAML must not be a runtime dependency"


def test_broken_tree_builds_no_wheel(tmp_path):
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    example = project / "content" / "voorbeelden" / "buurtbemiddeling.md"
    text = example.read_text(encoding="utf-8").replace("\ntitle:", "\nkleur: blauw\ntitle:", 1)
    example.write_text(text, encoding="utf-8")
    shutil.copy2(project / "content" / "voorbeelden" / "flatcoach.md", project / "content" / "voorbeelden" / "dubbel.md")
    out = tmp_path / "dist"
    result = build_wheel(project, out)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "BV102" in output and "BV201" in output and "unknown field 'kleur'" in output
    assert not list(out.glob("*.whl"))
    assert not (project / "src" / "buurtverbinding" / "_data" / "catalog.json").exists()
