"""``buurtverbinding new voorbeeld ID`` writes a skeleton that lint guides to a clean record; ``show``
prints an example's aim, active ingredients, requirements, owner, handbook, checked databanks and
source copies."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from buurtverbinding import _io
from buurtverbinding.cli import _format_example, _new, main
from buurtverbinding.compiler import check_tree
from buurtverbinding.compiler._problems import WARNINGS
from buurtverbinding.models import ID_PATTERN, Owner, Source

NEW_ID = "proef-nieuw-voorbeeld"


def run(capsys, *args):
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, out.out, out.err


def refused(capsys, *args) -> str:
    """Run a command that must be refused: exit 2, nothing on stdout, one line on stderr."""
    code, out, err = run(capsys, *args)
    assert code == 2, err
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("buurtverbinding new: "), err
    return lines[0]


def errors_in(root: Path, name: str) -> list:
    """The problems of one file, without warnings (a review grows old with time)."""
    return [p for p in check_tree(root).problems if p.path.endswith(f"voorbeelden/{name}.md") and p.code not in WARNINGS]


# --- the skeleton ----------------------------------------------------------------------------


def test_new_writes_a_skeleton_that_lint_guides(content_copy, capsys):
    code, out, err = run(capsys, "new", "voorbeeld", NEW_ID, "--content", content_copy)
    target = content_copy / "voorbeelden" / f"{NEW_ID}.md"
    assert code == 0 and out.strip() == str(target) and "TODO" in err and "lint" in err
    text = target.read_text(encoding="utf-8")
    assert text.startswith(f"---\nid: {NEW_ID}\n")
    assert [line for line in text.splitlines() if line.startswith("## ")] == ["## Aanleiding", "## Aanpak", "## Wat het oplevert", "## Aandachtspunten"]
    for field in ("title", "summary", "direction", "phases", "locations", "target_groups", "organisation", "evidence", "sources", "kis_relation", "reviewed"):
        assert re.search(rf"^{field}:", text, re.M), field
    # lint reports each placeholder, at its line, with BV115, and nothing else
    found = errors_in(content_copy, NEW_ID)
    todo_lines = [number for number, line in enumerate(text.splitlines(), 1) if "TODO" in line and not line.lstrip().startswith("#")]
    assert sorted(p.line for p in found) == todo_lines
    assert {p.code for p in found} == {"BV115"}
    assert {p.path for p in check_tree(content_copy).errors} == {f"content/voorbeelden/{NEW_ID}.md"}


FILLED = {
    "title: TODO titel": "title: Proef met buurttafels",
    "summary: TODO samenvatting in eenvoudig Nederlands (B1), hoogstens 400 tekens, in eigen woorden": "summary: Buren eten een keer per maand samen aan lange tafels op straat.",
    "direction: TODO": "direction: ontmoeting",
    "phases: [TODO]": "phases: [rust, ongemak]",
    "locations: [TODO]": "locations: [straat]",
    "target_groups: [TODO]": "target_groups: [bewoners]",
    "forms: [TODO]": "forms: [vervreemding]",
    "causes: [TODO]": "causes: []",
    "dividing_lines: [TODO]": "dividing_lines: []",
    "# not_applicable: []": "not_applicable: [dividing_line, cause]",
    "connection: TODO een of twee zinnen, volgens de bronnen, over hoe het werkt tegen polarisatie of voor verbinding tussen groepen": "connection: Buren die elkaar niet kenden, eten samen aan tafel.",
    "organisation: TODO wie het uitvoert": "organisation: Proefstichting",
    "- title: TODO titel van de bron": "- title: Buurttafels",
    "publisher: TODO uitgever": "publisher: Proefstichting",
    "url: TODO adres van de pagina bij de uitgever": "url: https://example.org/buurttafels",
    "reviewed: TODO datum waarop alles met de bronnen is vergeleken, jjjj-mm-dd": "reviewed: 2026-01-15",
    "TODO Waarom het begon; welk probleem het beantwoordt.": "Buren kenden elkaar niet.",
    "TODO Wat er gebeurt, en door wie.": "Bewoners zetten tafels neer en koken samen.",
    'TODO Wat het oplevert, voor zover de bronnen het zeggen; schrijf eerlijk "onbekend" waar niets bekend is.': "Onbekend.",
    "TODO Waar u op let.": "Vraag een vergunning aan.",
}


def _fill(path: Path, filled: dict[str, str]) -> None:
    """Replace whole lines, compared without their indentation and trailing comment (both kept)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    for old, new in filled.items():
        hits = [i for i, line in enumerate(lines) if line.split("  # ", 1)[0].strip() == old]
        assert len(hits) == 1, old
        line = lines[hits[0]]
        comment = "  # " + line.split("  # ", 1)[1] if "  # " in line else ""
        lines[hits[0]] = line[: len(line) - len(line.lstrip())] + new + comment
    path.write_text("\n".join(lines), encoding="utf-8")


def test_filling_every_todo_gives_a_clean_record(content_copy, capsys):
    assert run(capsys, "new", "voorbeeld", NEW_ID, "--content", content_copy)[0] == 0
    target = content_copy / "voorbeelden" / f"{NEW_ID}.md"
    _fill(target, FILLED)
    assert "TODO" not in "\n".join(line for line in target.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("#"))
    result = check_tree(content_copy)
    assert result.errors == [], "\n".join(map(str, result.errors))
    assert result.ok and NEW_ID in {e["id"] for e in result.catalog["examples"]}
    assert run(capsys, "lint", content_copy)[0] == 0


def test_filling_all_but_one_todo_names_that_one(content_copy, capsys):
    assert run(capsys, "new", "voorbeeld", NEW_ID, "--content", content_copy)[0] == 0
    target = content_copy / "voorbeelden" / f"{NEW_ID}.md"
    _fill(target, {k: v for k, v in FILLED.items() if not k.startswith("url:")})
    found = errors_in(content_copy, NEW_ID)
    assert [(p.code, p.line) for p in found] == [
        ("BV115", next(n for n, line in enumerate(target.read_text().splitlines(), 1) if line.strip().startswith("url: TODO")))
    ]
    assert "'sources.0.url'" in found[0].message


def test_skeleton_comments_list_the_valid_values(content_copy, capsys, cat):
    run(capsys, "new", "voorbeeld", NEW_ID, "--content", content_copy)
    text = (content_copy / "voorbeelden" / f"{NEW_ID}.md").read_text(encoding="utf-8")
    phases = next(line for line in text.splitlines() if line.startswith("phases:"))
    assert all(value.id in phases for value in cat.vocabulary("fasen").values)
    assert all(direction.id in text for direction in cat.directions)


def test_direction_option(content_copy, capsys):
    code, _, _ = run(capsys, "new", "voorbeeld", NEW_ID, "--content", content_copy, "--direction", "jeugd")
    assert code == 0
    text = (content_copy / "voorbeelden" / f"{NEW_ID}.md").read_text(encoding="utf-8")
    assert re.search(r"^direction: jeugd  #", text, re.M)
    assert not any(p.line == 6 for p in errors_in(content_copy, NEW_ID))


def test_json_prints_the_path(content_copy, capsys):
    code, out, _ = run(capsys, "new", "voorbeeld", NEW_ID, "--content", content_copy, "--json")
    assert code == 0
    assert json.loads(out) == {"path": str(content_copy / "voorbeelden" / f"{NEW_ID}.md")}


def test_default_content_folder_is_content(content_copy, capsys, monkeypatch):
    monkeypatch.chdir(content_copy.parent)
    code, out, _ = run(capsys, "new", "voorbeeld", NEW_ID, "--json")
    assert code == 0 and json.loads(out) == {"path": f"content/voorbeelden/{NEW_ID}.md"}
    assert (content_copy / "voorbeelden" / f"{NEW_ID}.md").is_file()


def test_writes_atomically_and_never_replaces(content_copy, capsys, monkeypatch):
    calls = []

    def spy(path, data, **kwargs):
        calls.append(kwargs)
        return _io.write_atomic(path, data, **kwargs)

    monkeypatch.setattr(_new, "write_atomic", spy)
    assert run(capsys, "new", "voorbeeld", NEW_ID, "--content", content_copy)[0] == 0
    assert calls == [{"replace": False}]
    assert not list((content_copy / "voorbeelden").glob(".*.tmp"))


def test_a_file_that_appears_while_writing_is_kept(content_copy, capsys, monkeypatch):
    target = content_copy / "voorbeelden" / f"{NEW_ID}.md"

    def racing(path, data, **kwargs):
        Path(path).write_text("van iemand anders\n", encoding="utf-8")
        return _io.write_atomic(path, data, **kwargs)

    monkeypatch.setattr(_new, "write_atomic", racing)
    message = refused(capsys, "new", "voorbeeld", NEW_ID, "--content", content_copy)
    assert "never overwritten" in message
    assert target.read_text(encoding="utf-8") == "van iemand anders\n"


# --- every bad input: exit 2, one line, nothing written ----------------------------------------


@pytest.mark.parametrize("bad", ["Buurttafel", "buurt_tafel", "buurt--tafel", "-buurt", "buurt-", "buurt tafel", "buurttafel.md", "../buurttafel", "ë", ""])
def test_malformed_id(content_copy, capsys, bad):
    before = sorted(p.name for p in (content_copy / "voorbeelden").iterdir())
    message = refused(capsys, "new", "--content", content_copy, "--", "voorbeeld", bad)  # '--': an id may start with '-'
    assert f"'{bad}' is not a valid id" in message and ID_PATTERN in message
    assert sorted(p.name for p in (content_copy / "voorbeelden").iterdir()) == before


@pytest.mark.parametrize(
    ("identifier", "where"),
    [
        ("buurtbemiddeling", "content/voorbeelden/buurtbemiddeling.md"),  # an example (its file exists)
        ("ontmoeting", "content/richtingen/ontmoeting.md"),  # a direction
        ("stap-2", "content/stappenplan/stap-2.md"),  # a step
        ("aan-tafel", "content/checklists/aan-tafel.yaml"),  # a checklist
        ("partners-aan-tafel", "content/checklists/aan-tafel.yaml"),  # a checklist item
        ("polarisatie", "content/begrippen.yaml"),  # a glossary term
        ("fasen", "content/vocabulaires/fasen.yaml"),  # a vocabulary
    ],
)
def test_id_already_used_names_the_file(content_copy, capsys, identifier, where):
    message = refused(capsys, "new", "voorbeeld", identifier, "--content", content_copy)
    assert f"'{identifier}'" in message and where in message
    if "voorbeelden" not in where:
        assert not (content_copy / "voorbeelden" / f"{identifier}.md").exists()


def test_retired_id_is_refused(content_copy, capsys):
    (content_copy / "retired.yaml").write_text("retired:\n  - id: oud-voorbeeld\n    status: retired\n    replaced_by: buurtbemiddeling\n", encoding="utf-8")
    message = refused(capsys, "new", "voorbeeld", "oud-voorbeeld", "--content", content_copy)
    assert "retired" in message and "content/retired.yaml" in message


def test_published_id_is_refused(content_copy, capsys):
    with (content_copy / "ids.txt").open("a", encoding="utf-8") as handle:
        handle.write("ooit-gepubliceerd\n")
    message = refused(capsys, "new", "voorbeeld", "ooit-gepubliceerd", "--content", content_copy)
    assert "published" in message and "content/ids.txt" in message


def test_id_of_a_broken_file_is_refused(content_copy, capsys):
    broken = content_copy / "checklists" / "kapot.yaml"
    broken.write_text("id: [niet gesloten\n", encoding="utf-8")
    message = refused(capsys, "new", "voorbeeld", "kapot", "--content", content_copy)
    assert "content/checklists/kapot.yaml" in message


def test_existing_file_is_never_overwritten(content_copy, capsys):
    target = content_copy / "voorbeelden" / f"{NEW_ID}.md"
    target.write_text("niet eens front matter\n", encoding="utf-8")
    message = refused(capsys, "new", "voorbeeld", NEW_ID, "--content", content_copy)
    assert f"content/voorbeelden/{NEW_ID}.md" in message and "already used" in message
    assert target.read_text(encoding="utf-8") == "niet eens front matter\n"


def test_second_run_is_refused(content_copy, capsys):
    assert run(capsys, "new", "voorbeeld", NEW_ID, "--content", content_copy)[0] == 0
    first = (content_copy / "voorbeelden" / f"{NEW_ID}.md").read_bytes()
    refused(capsys, "new", "voorbeeld", NEW_ID, "--content", content_copy)
    assert (content_copy / "voorbeelden" / f"{NEW_ID}.md").read_bytes() == first


def test_missing_content_folder(tmp_path, capsys):
    message = refused(capsys, "new", "voorbeeld", NEW_ID, "--content", tmp_path / "nergens")
    assert "nergens" in message and "does not exist" in message and "--content" in message
    assert not (tmp_path / "nergens").exists()


def test_content_folder_is_a_file(tmp_path, capsys):
    (tmp_path / "content").write_text("x", encoding="utf-8")
    message = refused(capsys, "new", "voorbeeld", NEW_ID, "--content", tmp_path / "content")
    assert "is a file" in message


def test_folder_without_voorbeelden(tmp_path, capsys):
    message = refused(capsys, "new", "voorbeeld", NEW_ID, "--content", tmp_path)
    assert "voorbeelden/" in message
    assert list(tmp_path.iterdir()) == []


def test_unknown_direction(content_copy, capsys):
    message = refused(capsys, "new", "voorbeeld", NEW_ID, "--content", content_copy, "--direction", "ontmoetingen")
    assert "'ontmoetingen'" in message and "ontmoeting" in message and "woonomgeving" in message
    assert not (content_copy / "voorbeelden" / f"{NEW_ID}.md").exists()


def test_unknown_kind(content_copy, capsys):
    message = refused(capsys, "new", "checklist", NEW_ID, "--content", content_copy)
    assert "'checklist'" in message and "voorbeeld" in message


def test_help_runs_as_a_module():
    done = subprocess.run([sys.executable, "-m", "buurtverbinding", "new", "--help"], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and "--direction" in done.stdout and "--content" in done.stdout


# --- show: the new fields -----------------------------------------------------------------


def test_show_prints_the_new_fields(cat):
    example = cat.get("buurtbemiddeling").model_copy(
        update={
            "aim": "Buren weer laten praten.",
            "active_ingredients": ("Neutrale bemiddelaars", "Vrijwilligheid"),
            "requirements": ("Een coördinator",),
            "owner": Owner(name="CCV", url="https://hetccv.nl/buurtbemiddeling"),
            "handbook": Source(title="Handboek buurtbemiddeling", publisher="CCV", year=2020, url="https://hetccv.nl/handboek"),
            "evidence": cat.get("buurtbemiddeling").evidence.model_copy(update={"checked": ("movisie", "nji"), "checked_on": "2026-11"}),
            "sources": (Source(title="Rapport", publisher="KIS", url="https://www.kis.nl/publicatie/rapport", copy_url="https://5dok.net/document/rapport"),),
        }
    )
    text = _format_example(cat, example)
    assert re.search(r"^Doel\n----\nBuren weer laten praten\.$", text, re.M)
    assert re.search(r"^Werkzame elementen\n-+\n- Neutrale bemiddelaars\n- Vrijwilligheid$", text, re.M)
    assert re.search(r"^Randvoorwaarden\n-+\n- Een coördinator$", text, re.M)
    assert re.search(r"^Eigenaar: +CCV https://hetccv\.nl/buurtbemiddeling$", text, re.M)
    assert re.search(r"^Handboek: +Handboek buurtbemiddeling \(CCV, 2020\) https://hetccv\.nl/handboek$", text, re.M)
    assert "Gecontroleerde databanken (op 2026-11):" in text
    for value in ("movisie", "nji"):
        assert f"  - {cat.label('databanken', value)}" in text
    assert "- Rapport (KIS) https://www.kis.nl/publicatie/rapport; kopie: https://5dok.net/document/rapport" in text
    # the new blocks stand before the narrative sections
    assert text.index("Doel\n") < text.index("Aanleiding\n")


def test_show_leaves_out_what_an_example_lacks(cat):
    example = cat.get("buurtbemiddeling").model_copy(
        update={
            "aim": None,
            "active_ingredients": (),
            "requirements": (),
            "owner": None,
            "handbook": None,
            "evidence": cat.get("buurtbemiddeling").evidence.model_copy(update={"checked": (), "checked_on": None}),
        }
    )
    text = _format_example(cat, example)
    for label in ("Doel\n", "Werkzame elementen", "Randvoorwaarden", "Eigenaar:", "Handboek:", "Gecontroleerde databanken", "kopie:"):
        assert label not in text, label


def test_show_command_on_a_real_example(capsys, cat):
    with_checked = next((e for e in cat.examples if e.evidence.checked), None)
    if with_checked is None:
        pytest.skip("no example lists checked databanks")
    code, out, _ = run(capsys, "show", with_checked.id)
    assert code == 0 and "Gecontroleerde databanken" in out
    assert all(cat.label("databanken", value) in out for value in with_checked.evidence.checked)
    with_copy = next((e for e in cat.examples if any(s.copy_url for s in e.sources)), None)
    if with_copy is not None:
        code, out, _ = run(capsys, "show", with_copy.id)
        assert code == 0 and "; kopie: https://" in out
