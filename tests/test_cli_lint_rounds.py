"""``buurtverbinding lint`` reports every problem of a run at once: checks that do not depend on
each other (a placeholder, a bad address, a value outside its vocabulary, a dangling reference)
are reported together, not one round after another."""

from __future__ import annotations

import json
from pathlib import Path

from buurtverbinding.cli import main
from buurtverbinding.compiler import check_tree

EXAMPLE = "voorbeelden/de-voorkamer.md"  # kis_relation: kis-gelinkt, with two KIS sources


def edit(root: Path, old: str, new: str) -> None:
    path = root / EXAMPLE
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(root: Path, text: str) -> int:
    """The 1-based line of the example that holds ``text`` (the record changes with the content)."""
    lines = (root / EXAMPLE).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if text in line)


def lint(capsys, root: Path) -> tuple[int, set[tuple[str, int]]]:
    code = main(["lint", "--json", str(root)])
    report = json.loads(capsys.readouterr().out)
    return code, {(p["code"], p["line"]) for p in report["problems"] if p["severity"] == "error"}


def test_independent_problems_come_in_one_run(content_copy, capsys):
    edit(content_copy, "phases: [rust, ongemak]", "phases: [rust, ongemakk]")  # BV104, a cross-record check
    edit(content_copy, "url: https://www.kis.nl/artikel/alleen-met-een-bakje-koffie-ben-je-er-niet", "url: ftp://kis.nl/koffie")  # BV106
    edit(content_copy, "reviewed: 2026-12-06", "reviewed: TODO datum")  # BV115, the record no longer validates
    edit(content_copy, "related: [huiskamer-voor-vluchtelingen,", "related: [huiskamer-voor-vluchtelinge,")  # BV202
    code, found = lint(capsys, content_copy)
    assert code == 1
    at = {text: line_of(content_copy, text) for text in ("ongemakk", "ftp://kis.nl/koffie", "reviewed: TODO", "huiskamer-voor-vluchtelinge,")}
    assert found == {
        ("BV104", at["ongemakk"]),
        ("BV106", at["ftp://kis.nl/koffie"]),
        ("BV115", at["reviewed: TODO"]),
        ("BV202", at["huiskamer-voor-vluchtelinge,"]),
    }


def test_fixing_what_one_run_reports_leaves_nothing(content_copy, capsys):
    """No second round: after fixing every reported problem the tree is clean."""
    edit(content_copy, "phases: [rust, ongemak]", "phases: [rust, ongemakk]")
    edit(content_copy, "url: https://www.kis.nl/artikel/alleen-met-een-bakje-koffie-ben-je-er-niet", "url: TODO")
    _, found = lint(capsys, content_copy)
    assert {code for code, _ in found} == {"BV104", "BV115"}
    edit(content_copy, "phases: [rust, ongemakk]", "phases: [rust, ongemak]")
    edit(content_copy, "url: TODO", "url: https://www.kis.nl/artikel/alleen-met-een-bakje-koffie-ben-je-er-niet")
    assert lint(capsys, content_copy) == (0, set())


def test_an_invalid_value_gets_no_second_problem(content_copy):
    """A check across records never reports on a value that failed validation: a KIS source
    with a bad address is one problem (BV106), not also "kis-gelinkt without a KIS source"."""
    for url in (
        "https://www.kis.nl/publicatie/sociale-verbinding-tussen-nieuwkomers-en-andere-wijkbewoners",
        "https://www.kis.nl/artikel/alleen-met-een-bakje-koffie-ben-je-er-niet",
    ):
        edit(content_copy, f"url: {url}", "url: niet-een-adres")
    problems = [p for p in check_tree(content_copy).problems if p.severity == "error"]
    lines = [n for n, line in enumerate((content_copy / EXAMPLE).read_text(encoding="utf-8").splitlines(), start=1) if "niet-een-adres" in line]
    assert [(p.code, p.line) for p in problems] == [("BV106", lines[0]), ("BV106", lines[1])]


def test_a_missing_required_field_with_a_vocabulary_error(content_copy):
    edit(content_copy, "kis_relation: kis-gelinkt\n", "")
    edit(content_copy, "phases: [rust, ongemak]", "phases: [rust, kalm]")
    codes = sorted(p.code for p in check_tree(content_copy).problems if p.severity == "error")
    assert codes == ["BV101", "BV104"]
