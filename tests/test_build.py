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
PROJECT_DIRS = ["content", "schema"]


def copy_project(target: Path) -> Path:
    for name in PROJECT_FILES:
        shutil.copy2(ROOT / name, target / name)
    for name in PROJECT_DIRS:
        shutil.copytree(ROOT / name, target / name)
    shutil.copytree(ROOT / "src", target / "src", ignore=shutil.ignore_patterns("__pycache__", "catalog.json", "search.json", "catalog.schema.json"))
    return target


def build_wheel(project: Path, out: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    return subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(project)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("project"))


@pytest.fixture(scope="module")
def wheel(project, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    result = build_wheel(project, out)
    assert result.returncode == 0, result.stdout + result.stderr
    (wheel,) = out.glob("*.whl")
    return wheel


def test_wheel_holds_only_the_package(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "buurtverbinding/_data/catalog.json" in names
    assert "buurtverbinding/_data/search.json" in names
    assert zipfile.ZipFile(wheel).read("buurtverbinding/_data/catalog.schema.json") == (ROOT / "schema" / "catalog.schema.json").read_bytes()
    assert "buurtverbinding/py.typed" in names
    for name in names:
        assert name.startswith(("buurtverbinding/", "buurtverbinding-0.1.0.dist-info/")), name
        assert "__pycache__" not in name and not name.endswith(".pyc")
    assert not any(name.startswith("content/") or name.endswith(".md") for name in names if "dist-info" not in name)


def test_wheel_catalog_matches_content(project, wheel):
    from buurtverbinding.compiler import check_tree, to_json

    shipped = zipfile.ZipFile(wheel).read("buurtverbinding/_data/catalog.json")
    assert shipped == to_json(check_tree(project / "content").catalog)


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


# --- reproducible releases -----------------------------------------------------------------

NO_NETWORK = """
import socket

def _blocked(*args, **kwargs):
    raise OSError("network access is blocked in this test")

socket.socket.connect = _blocked
socket.socket.connect_ex = _blocked
socket.create_connection = _blocked
socket.getaddrinfo = _blocked
"""


def blocked_env(tmp_path: Path) -> dict[str, str]:
    """An environment whose Python processes cannot open network connections."""
    site = tmp_path / "no-network"
    site.mkdir(exist_ok=True)
    (site / "sitecustomize.py").write_text(NO_NETWORK, encoding="utf-8")
    return {**os.environ, "PYTHONPATH": str(site), "SOURCE_DATE_EPOCH": "1700000000"}


def test_network_is_really_blocked(tmp_path):
    probe = subprocess.run(
        [sys.executable, "-c", "import socket; socket.create_connection(('127.0.0.1', 9))"], capture_output=True, text=True, env=blocked_env(tmp_path)
    )
    assert probe.returncode != 0 and "network access is blocked" in probe.stderr


def test_two_builds_are_byte_identical_and_dated_by_source_date_epoch(project, wheel, tmp_path):
    result = build_wheel(project, tmp_path / "again")
    assert result.returncode == 0, result.stderr
    (again,) = (tmp_path / "again").glob("*.whl")
    assert again.read_bytes() == wheel.read_bytes()
    info = zipfile.ZipFile(wheel).getinfo("buurtverbinding/_data/catalog.json")
    assert info.date_time[:3] == (2023, 11, 14)  # SOURCE_DATE_EPOCH 1700000000


def test_sdist_rebuilds_the_same_wheel_offline_and_passes_twine(project, wheel, tmp_path):
    out = tmp_path / "dist"
    # python -m build makes the sdist, then the wheel from the unpacked sdist; here with no network.
    result = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(project)],
        capture_output=True,
        text=True,
        env=blocked_env(tmp_path),
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (sdist,) = out.glob("*.tar.gz")
    (from_sdist,) = out.glob("*.whl")
    assert from_sdist.read_bytes() == wheel.read_bytes()
    twine = subprocess.run([sys.executable, "-m", "twine", "check", "--strict", str(sdist), str(from_sdist)], capture_output=True, text=True)
    assert twine.returncode == 0, twine.stdout + twine.stderr
    import tarfile

    with tarfile.open(sdist) as archive:
        names = archive.getnames()
    assert any(n.endswith("/content/voorbeelden/buurtbemiddeling.md") for n in names)
    assert any(n.endswith("/hatch_build.py") for n in names)
    assert not any(n.endswith("_data/catalog.json") for n in names)
