"""The content linter: the real tree is clean, and every kind of mistake gets its code and place."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from buurtverbinding.catalog import CATALOG_FORMAT
from buurtverbinding.cli import main
from buurtverbinding.compiler import CODES, CompileError, build, check_tree, to_json
from buurtverbinding.compiler._problems import WARNINGS

from .conftest import CONTENT

EXAMPLE = "voorbeelden/buurtbemiddeling.md"


def problems(root: Path, today: date | None = None) -> list:
    """The problems of a tree, without warnings (they come with time: real reviews grow old)."""
    return [p for p in check_tree(root, today).problems if p.code not in WARNINGS]


def codes(root: Path) -> list[tuple[str, str, int]]:
    return [(p.code, p.path, p.line) for p in problems(root)]


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
    found = problems(root)
    assert len(found) == 1, "\n".join(map(str, found))
    p = found[0]
    return p.code, p.path, p.line, p.message


def test_real_content_is_clean():
    result = check_tree(CONTENT)
    assert result.errors == [], "\n".join(map(str, result.errors))
    # warnings (a review grown old, BV301) are advice: they do not fail the content
    assert all(p.code in WARNINGS and p.severity == "warning" for p in result.problems), "\n".join(map(str, result.problems))
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
    assert data["format_version"] == CATALOG_FORMAT


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
    assert report["problems"][0] == {
        "code": "BV002",
        "severity": "error",
        "path": "content/voorbeelden/leeg.md",
        "line": 1,
        "message": report["problems"][0]["message"],
    }


@pytest.mark.parametrize("argument", ["nergens", "README.md"])
def test_cli_lint_bad_path(argument, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "README.md").write_text("x", encoding="utf-8")
    assert main(["lint", argument]) == 2
    err = capsys.readouterr().err
    assert argument in err and "Traceback" not in err


def test_yaml_aliases_are_refused_before_they_can_explode(content_copy):
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for previous, name in zip("abcdefg", "bcdefgh", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    (content_copy / "voorbeelden" / "bom.md").write_text("---\n" + "\n".join(lines) + "\nid: bom\n---\n", encoding="utf-8")
    code, path, line, message = only(content_copy)
    assert (code, path) == ("BV010", "content/voorbeelden/bom.md") and 2 <= line <= 9 and "aliases" in message


# --- sources at the publisher, KIS relations, old reviews ---------------------------------

MOVISIE = "https://www.movisie.nl/praktijkvoorbeeld/buurtbemiddeling"


def test_source_on_sharing_host_names_host_and_copy_url(content_copy):
    edit(content_copy, EXAMPLE, f"url: {MOVISIE}", "url: https://nl.docplayer.net/123-buurtbemiddeling.html")
    code, _, line, message = only(content_copy)
    assert code == "BV113" and line == line_of(content_copy, EXAMPLE, "docplayer")
    assert "'nl.docplayer.net'" in message and "publisher's page in url" in message and "copy_url" in message


def test_copy_on_sharing_host_in_copy_url_is_fine(content_copy):
    edit(content_copy, EXAMPLE, f"url: {MOVISIE}", f"url: {MOVISIE}\n    copy_url: https://5dok.net/document/buurtbemiddeling.html")
    assert problems(content_copy) == []


@pytest.mark.parametrize(
    "url",
    [
        "https://www.slideshare.net/x/y",
        "https://fdocuments.net/document/x.html",
        "https://vdocuments.mx/x.html",
        "https://expydoc.com/doc/1/x",
        "https://docslib.org/doc/1/x",
        "https://dokumen.tips/documents/x.html",
        "https://studylib.es/doc/1/x",
        "https://adoc.pub/x.html",
        "https://www.yumpu.com/nl/document/view/1/x",
        "https://www.scribd.com/document/1/x",
        "https://pdfslide.net/documents/x.html",
        "https://docplayer.nl/1-x.html",
        "https://5dok.net/document/x.html",
        "https://fliphtml5.com/dbtu/ftor/x/46",
    ],
)
def test_every_sharing_host_is_refused(url):
    from buurtverbinding.compiler._urls import sharing_host

    assert sharing_host(url) is not None


@pytest.mark.parametrize("url", ["https://www.movisie.nl/x", "https://mydocplayer.nl/x", "https://scribd.com.example.org/x", "https://www.kis.nl/publicatie/x"])
def test_publishers_are_not_sharing_hosts(url):
    from buurtverbinding.compiler._urls import sharing_host

    assert sharing_host(url) is None


@pytest.mark.parametrize(
    "url",
    [
        "https://nl.wikisage.org/wiki/Contacthypothese",
        "https://www.wikiwand.com/nl/articles/Contacthypothese",
        "https://wiki2.org/nl/Contacthypothese",
        "https://www.wikizero.com/nl/Contacthypothese",
        "https://wikimili.com/en/Contact_hypothesis",
        "https://nl.everybodywiki.com/Contacthypothese",
    ],
)
def test_wiki_copies_are_refused_as_url_and_copy_url(content_copy, url):
    edit(content_copy, EXAMPLE, f"url: {MOVISIE}", f"url: {url}")
    code, _, line, message = only(content_copy)
    assert code == "BV113" and line == line_of(content_copy, EXAMPLE, url) and "copy of Wikipedia" in message
    edit(content_copy, EXAMPLE, f"url: {url}", f"url: {MOVISIE}\n    copy_url: {url}")
    code, _, line, message = only(content_copy)
    assert code == "BV113" and "copy_url" in message


@pytest.mark.parametrize("url", ["https://nl.wikipedia.org/wiki/Contacthypothese", "https://www.kis.nl/publicatie/x", "https://mywikisage.org/x"])
def test_other_sites_are_not_wiki_copies(url):
    from buurtverbinding.compiler._urls import wiki_copy_host

    assert wiki_copy_host(url) is None


def test_required_facets_are_declared_once_on_the_model():
    from buurtverbinding.models import FACETS, REQUIRED_FACETS

    assert set(REQUIRED_FACETS) == {"dividing_line", "cause", "form", "target_group", "location"}
    assert tuple(f.key for f in FACETS if f.required) == REQUIRED_FACETS


def test_sharing_host_in_handbook(content_copy):
    edit(
        content_copy, EXAMPLE, "\nsources:\n", "\nhandbook:\n  title: Handboek\n  publisher: CCV\n  url: https://www.scribd.com/document/1/handboek\nsources:\n"
    )
    code, _, line, message = only(content_copy)
    assert code == "BV113" and line == line_of(content_copy, EXAMPLE, "scribd") and "www.scribd.com" in message


@pytest.mark.parametrize(
    ("url", "listing"),
    [
        ("https://www.movisie.nl/tag/buurtbemiddeling", True),
        ("https://x.nl/tags/a", True),
        ("https://x.nl/category/a", True),
        ("https://x.nl/categorie/a", True),
        ("https://x.nl/label/a", True),
        ("https://x.nl/zoeken", True),
        ("https://x.nl/search?x=1", True),
        ("https://x.nl/?s=buurt", True),
        ("https://x.nl/a?q=buurt", True),
        ("https://x.nl/a?zoek=buurt", True),
        ("https://hetccv.nl/onderwerpen/buurtbemiddeling/", False),
        ("https://www.kis.nl/thema/polarisatie-en-verbinding", False),
        ("https://x.nl/a?page=2&sort=q", False),
        ("https://x.nl/tagline/a", False),
        ("https://x.nl/zoekwijzer", False),
    ],
)
def test_listing_pages(url, listing):
    from buurtverbinding.compiler._urls import listing_page

    assert (listing_page(url) is not None) == listing


def test_tag_page_as_source(content_copy):
    edit(content_copy, EXAMPLE, f"url: {MOVISIE}", "url: https://www.movisie.nl/tag/buurtbemiddeling")
    code, _, line, message = only(content_copy)
    assert code == "BV114" and line == line_of(content_copy, EXAMPLE, "/tag/") and "/tag" in message


def test_kis_gelinkt_needs_a_kis_source(content_copy):
    edit(content_copy, EXAMPLE, "\nkis_relation: verwant", "\nkis_relation: kis-gelinkt")
    code, _, line, message = only(content_copy)
    assert code == "BV209" and line == line_of(content_copy, EXAMPLE, "kis_relation:")
    assert "published by KIS" in message and "'verwant'" in message


@pytest.mark.parametrize(
    ("publisher", "url"),
    [
        ("Kennisplatform Integratie & Samenleving (KIS)", "https://example.org/a"),
        ("Kennisplatform Inclusief Samenleven", "https://example.org/a"),
        ("KIS", "https://example.org/a"),
        ("Iemand anders", "https://www.kis.nl/artikel/a"),
        ("Iemand anders", "https://kis.nl/a"),
    ],
)
def test_kis_gelinkt_with_a_kis_source(content_copy, publisher, url):
    edit(content_copy, EXAMPLE, "\nkis_relation: verwant", "\nkis_relation: kis-gelinkt")
    edit(content_copy, EXAMPLE, f"    publisher: Movisie\n    year: 2009\n    url: {MOVISIE}", f"    publisher: {publisher}\n    year: 2009\n    url: {url}")
    assert problems(content_copy) == []


def test_kis_in_a_longer_word_does_not_count():
    from buurtverbinding.compiler._urls import published_by_kis

    assert not published_by_kis("KISS Media", "https://notkis.nl/a")
    assert not published_by_kis("Movisie", "https://kis.nl.example.org/a")


def test_bevestigd_needs_in_guide(content_copy):
    edit(content_copy, EXAMPLE, "\nkis_relation: verwant", "\nkis_relation: bevestigd")
    code, _, line, message = only(content_copy)
    assert code == "BV210" and line == line_of(content_copy, EXAMPLE, "kis_relation:") and "in_guide: true" in message
    edit(content_copy, EXAMPLE, f"url: {MOVISIE}", f"url: {MOVISIE}\n    in_guide: true")
    assert problems(content_copy) == []


def _reviewed(root: Path) -> date:
    text = (root / EXAMPLE).read_text(encoding="utf-8")
    return date.fromisoformat(re.search(r"\nreviewed: ([0-9-]+)", text).group(1))


def test_old_review_is_a_warning_from_day_731(content_copy):
    reviewed = _reviewed(content_copy)
    on_time = [p for p in check_tree(content_copy, date.fromordinal(reviewed.toordinal() + 730)).problems if p.path.endswith(EXAMPLE)]
    assert on_time == []
    late = check_tree(content_copy, date.fromordinal(reviewed.toordinal() + 731))
    mine = [p for p in late.problems if p.path.endswith(EXAMPLE)]
    assert [(p.code, p.severity, p.line) for p in mine] == [("BV301", "warning", line_of(content_copy, EXAMPLE, "reviewed:"))]
    assert str(reviewed) in mine[0].message and "731 days" in mine[0].message
    assert late.ok and late.errors == [] and late.catalog is not None  # a warning never fails the content


def test_warnings_do_not_fail_lint_or_build(content_copy, tmp_path, capsys):
    text = (content_copy / EXAMPLE).read_text(encoding="utf-8")
    (content_copy / EXAMPLE).write_text(re.sub(r"\nreviewed: [0-9-]+", "\nreviewed: 2019-01-01", text), encoding="utf-8")
    build(content_copy, tmp_path / "catalog.json")
    assert (tmp_path / "catalog.json").exists()
    assert main(["lint", str(content_copy)]) == 0
    out = capsys.readouterr()
    assert re.search(r"^content/voorbeelden/buurtbemiddeling\.md:\d+: BV301 warning: reviewed on 2019-01-01", out.out, re.M)
    assert re.search(r"lint ok: 0 error\(s\), [1-9]\d* warning\(s\)", out.err)
    assert main(["lint", "--json", str(content_copy)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is True and report["errors"] == 0 and report["warnings"] >= 1
    assert {"code": "BV301", "severity": "warning"}.items() <= next(p for p in report["problems"] if p["path"].endswith(EXAMPLE)).items()


def test_only_bv3xx_codes_are_warnings():
    assert {code for code in CODES if code.startswith("BV3")} == WARNINGS
