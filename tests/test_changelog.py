"""The CHANGELOG's content section is generated from the content and kept in step by CI."""

from __future__ import annotations

import copy
import json

from buurtverbinding.cli import main
from buurtverbinding.compiler import check_tree
from buurtverbinding.compiler._changelog import END, START, diff, render, replace_block

from .conftest import CONTENT, ROOT


def compiled():
    return check_tree(CONTENT).catalog


def test_committed_changelog_matches_the_content(monkeypatch):
    monkeypatch.chdir(ROOT)
    assert main(["changelog", "--check", "CHANGELOG.md"]) == 0, "run: buurtverbinding changelog --write CHANGELOG.md"


def test_diff_keyed_by_id():
    new = compiled()
    old = copy.deepcopy(new)
    old["examples"] = [e for e in old["examples"] if e["id"] != "flatcoach"]
    old["glossary"][0]["definition"] = "anders"
    new = copy.deepcopy(new)
    new["retired"] = [{"id": "oud", "status": "retired", "replaced_by": "buurtbemiddeling"}]
    changes = diff(old, new)
    assert changes["added"] == ["examples:flatcoach"]
    assert changes["changed"] == [f"glossary:{new['glossary'][0]['id']}"]
    assert changes["retired"] == ["oud>buurtbemiddeling"]
    text = render(old, new)
    assert text.startswith(START) and text.endswith(END)
    assert "Added: 1 example: `flatcoach`" in text and "Retired: `oud` (replaced by `buurtbemiddeling`)" in text
    assert render(new, new).count("No changes") == 1


def test_check_fails_on_drift_and_write_repairs(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    changelog = tmp_path / "CHANGELOG.md"
    changelog.write_text(f"# Changelog\n\n{START}\nold\n{END}\n", encoding="utf-8")
    assert main(["changelog", "--check", str(changelog)]) == 1
    assert "--write" in capsys.readouterr().err
    assert main(["changelog", "--write", str(changelog)]) == 0
    assert main(["changelog", "--check", str(changelog)]) == 0


def test_since_an_earlier_catalogue(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    earlier = tmp_path / "catalog-2026.10.0.json"
    data = compiled()
    data["version"] = "2026.10.0"
    earlier.write_text(json.dumps(data), encoding="utf-8")
    assert main(["changelog", "--since", str(earlier)]) == 0
    out = capsys.readouterr().out
    assert "compared with content version 2026.10.0" in out and "No changes to the content." in out


def test_missing_markers_is_a_clear_error(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    changelog = tmp_path / "CHANGELOG.md"
    changelog.write_text("# Changelog\n", encoding="utf-8")
    assert main(["changelog", "--write", str(changelog)]) == 2
    assert "marker" in capsys.readouterr().err
    try:
        replace_block("x", "y")
    except ValueError as exc:
        assert "marker" in str(exc)
