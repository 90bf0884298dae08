"""The content linter: the real tree is clean, and every kind of mistake gets its code and place."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from buurtverbinding.compiler import CODES, CompileError, build, check_tree, to_json
from buurtverbinding.cli import main

from .conftest import CONTENT

EXAMPLE = "voorbeelden/buurtbemiddeling.md"


def codes(root: Path) -> list[tuple[str, str, int]]:
    return [(p.code, p.path, p.line) for p in check_tree(root).problems]


def edit(root: Path, relative: str, old: str, new: str, count: int = 1) -> None:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(root: Path, relative: str, needle: str) -> int:
    for number, line in enumerate((root / relative).read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {relative}")


def only(root: Path) -> tuple[str, str, int, str]:
    problems = check_tree(root).problems
    assert len(problems) == 1, "\n".join(map(str, problems))
    p = problems[0]
    return p.code, p.path, p.line, p.message


def test_real_content_is_clean():
    result = check_tree(CONTENT)
    assert result.problems == [], "\n".join(map(str, result.problems))
    assert result.catalog is not None


def test_every_code_has_a_title():
    assert all(re.fullmatch(r"BV\d{3}", code) for code in CODES)


def test_unknown_field_names_field_line_and_valid_fields(content_copy):
    edit(content_copy, EXAMPLE, "\ntitle:", "\nkleur: blauw\ntitle:")
    code, path, line, message = only(content_copy)
    assert (code, path, line) == ("BV102", "content/" + EXAMPLE, line_of(content_copy, EXAMPLE, "kleur:"))
    assert "'kleur'" in message and "summary" in message


def test_duplicate_id_in_another_file(content_copy):
    text = (content_copy / EXAMPLE).read_text(encoding="utf-8")
    (content_copy / "voorbeelden" / "kopie.md").write_text(text, encoding="utf-8")
    found = {(c, p) for c, p, _ in codes(content_copy)}
    assert ("BV201", "content/voorbeelden/kopie.md") in found or ("BV201", "content/" + EXAMPLE) in found
    assert ("BV203", "content/voorbeelden/kopie.md") in found


def test_value_outside_vocabulary_lists_valid_values(content_copy):
    edit(content_copy, EXAMPLE, "\nphases: [", "\nphases: [spanning, ")
    code, _, line, message = only(content_copy)
    assert code == "BV104" and line == line_of(content_copy, EXAMPLE, "phases:")
    assert "did you mean 'spanningen'" in message and "rust, ongemak, spanningen, incidenten" in message


def test_dangling_related_example(content_copy):
    edit(content_copy, EXAMPLE, "\nrelated: [", "\nrelated: [bestaat-niet, ")
    code, _, _, message = only(content_copy)
    assert code == "BV202" and "bestaat-niet" in message


def test_dangling_direction(content_copy):
    edit(content_copy, EXAMPLE, "\ndirection: woonomgeving", "\ndirection: woonomgving")
    code, _, _, message = only(content_copy)
    assert code == "BV202" and "did you mean 'woonomgeving'" in message


def test_bad_yaml_reports_line(content_copy):
    edit(content_copy, EXAMPLE, "\ntitle: ", "\ntitle: [niet gesloten\n")
    code, _, line, _ = only(content_copy)
    assert code == "BV010" and line > 1


def test_missing_front_matter(content_copy):
    (content_copy / "voorbeelden" / "los.md").write_text("# Alleen tekst\n", encoding="utf-8")
    assert only(content_copy)[:2] == ("BV011", "content/voorbeelden/los.md")


def test_empty_file(content_copy):
    (content_copy / "voorbeelden" / "leeg.md").write_text("", encoding="utf-8")
    assert only(content_copy)[:2] == ("BV002", "content/voorbeelden/leeg.md")


def test_not_utf8(content_copy):
    (content_copy / "voorbeelden" / "latin.md").write_bytes("---\nid: latin\ntitle: Caf\xe9\n---\n".encode("latin-1"))
    assert only(content_copy)[:3] == ("BV001", "content/voorbeelden/latin.md", 3)


def test_random_bytes(content_copy):
    (content_copy / "voorbeelden" / "ruis.md").write_bytes(bytes(range(256)) * 3)
    assert only(content_copy)[0] == "BV001"


def test_folder_named_like_a_file(content_copy):
    (content_copy / "voorbeelden" / "map.md").mkdir()
    assert only(content_copy)[:2] == ("BV003", "content/voorbeelden/map.md")


def test_summary_too_long(content_copy):
    edit(content_copy, EXAMPLE, "\nsummary: ", "\nsummary: " + "lang " * 90)
    assert only(content_copy)[0] == "BV105"


def test_non_http_source(content_copy):
    text = (content_copy / EXAMPLE).read_text(encoding="utf-8")
    url = re.search(r"url: (https?://\S+)", text).group(1)
    edit(content_copy, EXAMPLE, f"url: {url}", "url: ftp://example.org/x")
    code, _, line, message = only(content_copy)
    assert code == "BV106" and "ftp://example.org/x" in message
    assert line == line_of(content_copy, EXAMPLE, "ftp://")


def test_example_without_source(content_copy):
    text = (content_copy / EXAMPLE).read_text(encoding="utf-8")
    front = text.split("\n---\n", 1)[0]
    start = front.index("\nsources:")
    end = re.search(r"\n[a-z_]+:", front[start + 1 :]).start() + start + 1
    (content_copy / EXAMPLE).write_text(text[:start] + "\nsources: []" + text[end:], encoding="utf-8")
    assert only(content_copy)[0] == "BV107"


def test_review_date_in_future(content_copy):
    text = (content_copy / EXAMPLE).read_text(encoding="utf-8")
    text = re.sub(r"\nreviewed: [0-9-]+", "\nreviewed: 2999-01-01", text)
    (content_copy / EXAMPLE).write_text(text, encoding="utf-8")
    code, _, _, message = only(content_copy)
    assert code == "BV108" and "2999-01-01" in message


def test_raw_html_in_body(content_copy):
    edit(content_copy, EXAMPLE, "\n## Aanpak\n", "\n## Aanpak\n\n<script>alert(1)</script>\n")
    assert only(content_copy)[0] == "BV112"


def test_missing_section(content_copy):
    edit(content_copy, EXAMPLE, "## Aandachtspunten", "## Overig")
    found = {c for c, _, _ in codes(content_copy)}
    assert {"BV110", "BV111"} <= found


def test_file_name_must_match_id(content_copy):
    (content_copy / EXAMPLE).rename(content_copy / "voorbeelden" / "andere-naam.md")
    code, path, _, message = only(content_copy)
    assert (code, path) == ("BV203", "content/voorbeelden/andere-naam.md") and "buurtbemiddeling.md" in message


def test_unexpected_file(content_copy):
    (content_copy / "voorbeelden" / "notities.txt").write_text("x", encoding="utf-8")
    assert only(content_copy)[:2] == ("BV204", "content/voorbeelden/notities.txt")


def test_all_problems_in_one_run(content_copy):
    edit(content_copy, EXAMPLE, "\ntitle:", "\nkleur: blauw\ntitle:")
    (content_copy / "voorbeelden" / "leeg.md").write_text("", encoding="utf-8")
    found = {c for c, _, _ in codes(content_copy)}
    assert {"BV102", "BV002"} <= found


def test_build_refuses_invalid_tree_and_leaves_nothing(content_copy, tmp_path):
    out = tmp_path / "catalog.json"
    out.write_text("stale", encoding="utf-8")
    edit(content_copy, EXAMPLE, "\ntitle:", "\nkleur: blauw\ntitle:")
    with pytest.raises(CompileError) as info:
        build(content_copy, out)
    assert "BV102" in str(info.value)
    assert not out.exists()
    assert not list(tmp_path.glob(".catalog.json.*"))


def test_build_is_canonical_and_writes_only_on_change(tmp_path):
    out = tmp_path / "catalog.json"
    build(CONTENT, out)
    first = out.read_bytes()
    mtime = out.stat().st_mtime_ns
    build(CONTENT, out)
    assert out.read_bytes() == first and out.stat().st_mtime_ns == mtime
    data = json.loads(first)
    assert to_json(data) == first
    assert [e["id"] for e in data["examples"]] == sorted(e["id"] for e in data["examples"])
    assert data["format_version"] == 1


def test_check_tree_on_missing_folder(tmp_path):
    assert only(tmp_path / "nergens")[0] == "BV205"


def test_today_is_injectable(content_copy):
    result = check_tree(content_copy, today=date(2000, 1, 1))
    assert {p.code for p in result.problems} == {"BV108"}


# --- the lint command ---------------------------------------------------------------------


def test_cli_lint_clean(capsys):
    assert main(["lint", str(CONTENT)]) == 0
    assert "lint ok: 0 error(s)" in capsys.readouterr().err


def test_cli_lint_reports_codes_and_exit_1(content_copy, capsys):
    edit(content_copy, EXAMPLE, "\ntitle:", "\nkleur: blauw\ntitle:")
    (content_copy / "voorbeelden" / "leeg.md").write_text("", encoding="utf-8")
    assert main(["lint", str(content_copy)]) == 1
    out = capsys.readouterr()
    assert "BV102" in out.out and "BV002" in out.out and "Traceback" not in out.out + out.err
    assert re.search(r"^content/voorbeelden/buurtbemiddeling\.md:\d+: BV102 error: unknown field 'kleur'", out.out, re.M)


def test_cli_lint_json(content_copy, capsys):
    (content_copy / "voorbeelden" / "leeg.md").write_text("", encoding="utf-8")
    assert main(["lint", "--json", str(content_copy)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False and report["errors"] == 1
    assert report["problems"][0] == {"code": "BV002", "severity": "error", "path": "content/voorbeelden/leeg.md", "line": 1, "message": report["problems"][0]["message"]}


@pytest.mark.parametrize("argument", ["nergens", "README.md"])
def test_cli_lint_bad_path(argument, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "README.md").write_text("x", encoding="utf-8")
    assert main(["lint", argument]) == 2
    err = capsys.readouterr().err
    assert argument in err and "Traceback" not in err


def test_yaml_aliases_are_refused_before_they_can_explode(content_copy):
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for previous, name in zip("abcdefg", "bcdefgh"):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    (content_copy / "voorbeelden" / "bom.md").write_text("---\n" + "\n".join(lines) + "\nid: bom\n---\n", encoding="utf-8")
    code, path, line, message = only(content_copy)
    assert (code, path) == ("BV010", "content/voorbeelden/bom.md") and 2 <= line <= 9 and "aliases" in message
