"""``buurtverbinding assess``: answers file or questions → advice and verslag, in Dutch; safe writing;
clear errors; stdout for the report, stderr for questions and messages."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from buurtverbinding.advice._table import advice_table
from buurtverbinding.cli import main

ANSWERS = "fase-nu: incidenten\nlocaties-gezien: [plein]\ngroepen-betrokken: [jongeren]\npartners-aan-tafel: [wijkagent]\n"
MEETING = {"datum": "2026-12-07", "buurt": "Wijk Noord", "aanwezigen": "jongerenwerk, wijkagent"}
JSON_KEYS = {"first", "directions", "later", "declined", "examples", "gaps", "summary"}


@pytest.fixture
def answers_file(tmp_path: Path) -> Path:
    path = tmp_path / "antwoorden.yaml"
    path.write_text(ANSWERS, encoding="utf-8")
    return path


def run(capsys, *args, stdin: str | None = None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(["assess", *map(str, args)])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, out.out, out.err


def files_in(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def section(report: str, heading: str) -> str:
    start = report.index(f"\n## {heading}\n")
    end = report.find("\n## ", start + 1)
    return report[start : end if end >= 0 else None]


# --- answers file --------------------------------------------------------------------------


def test_answers_file_prints_a_markdown_report(capsys, cat, answers_file):
    code, out, err = run(capsys, "--answers", answers_file)
    assert code == 0 and err == ""
    assert out.startswith("# Verslag van het buurtoverleg\n")
    for heading in ("Wat nu eerst", "Eerst", "Dan: de richtingen", "Later", "Voorbeelden die passen", "Witte vlekken", "De antwoorden"):
        assert f"\n## {heading}\n" in out, heading
    assert "Basisveiligheid herstellen" in section(out, "Eerst")
    assert section(out, "Dan: de richtingen").split("\n\n")[1].startswith("Jeugd: ")
    assert "Ontmoeting: Deze richting wacht" in section(out, "Later")
    assert "Zodra stap 4 een antwoord heeft" in section(out, "Witte vlekken")
    assert "punten" not in out and "drempel" not in out


def test_json_has_the_advice_keys(capsys, cat, answers_file):
    code, out, err = run(capsys, "--answers", answers_file, "--json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert set(data) >= JSON_KEYS
    assert [f["id"] for f in data["first"]][:1] == ["basisveiligheid"]
    assert [d["id"] for d in data["directions"]][:1] == ["jeugd"] and [d["id"] for d in data["later"]] == ["ontmoeting"]
    assert data["gaps"]["status"] == "pending" and data["problems"] == [] and data["inferred"] == []
    assert len(data["summary"].split()) <= 120


def test_json_is_the_evaluators_output(capsys, cat, answers_file):
    from buurtverbinding.advice import Assessment

    code, out, _ = run(capsys, "--answers", answers_file, "--json")
    expected = Assessment.from_file(answers_file, cat).evaluate()
    assert code == 0 and json.loads(out) == json.loads(json.dumps(expected))


def test_the_case_of_issue_18(capsys, cat, tmp_path):
    answers = {
        "fase-nu": "incidenten",
        "vormen-zichtbaar": ["openlijk-incident", "intimidatie", "vooroordelen", "wij-zij-denken", "vervreemding", "discriminatie"],
        "oorzaken-gezien": [
            "gerucht-of-incident",
            "verlies-en-angst",
            "komst-nieuwe-groep",
            "snelle-bevolkingsverandering",
            "landelijk-debat-media",
            "ervaren-onrecht",
        ],
        "locaties-gezien": ["plein", "straat", "buurt", "ontmoetingsplek", "wijk"],
        "groepen-betrokken": ["jongeren", "bewoners", "nieuwkomers", "ouders", "ouderen"],
        "nodig-ontmoeting": "nee",
        "eerst-basisveiligheid": "ja",
    }
    path = tmp_path / "overleg.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    code, out, _ = run(capsys, "--answers", path, "--json")
    data = json.loads(out)
    assert code == 0
    assert "basisveiligheid" in [f["id"] for f in data["first"]]
    assert "ontmoeting" not in [d["id"] for d in data["directions"]] and "Ontmoeting" not in data["headline"]
    assert "ontmoeting" in [d["id"] for d in data["declined"]]
    assert data["gaps"] == {"status": "pending", "text": data["gaps"]["text"], "items": []}


def test_reads_the_saved_document_with_the_meeting(capsys, cat, tmp_path):
    document = {"format": "buurtanalyse", "version": 2, "meeting": MEETING, "answers": {"fase-nu": "ongemak", "locaties-gezien": ["portiek"]}}
    path = tmp_path / "overleg.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    code, out, err = run(capsys, "--answers", path)
    assert code == 0 and err == ""
    assert "- Datum: 7 december 2026\n- Buurt of gebied: Wijk Noord\n- Aanwezigen: jongerenwerk, wijkagent\n" in out
    plain = tmp_path / "plain.json"
    plain.write_text(json.dumps(document["answers"]), encoding="utf-8")
    code, again, _ = run(capsys, "--answers", plain)
    assert code == 0 and "- Datum: niet ingevuld" in again
    assert section(again, "Dan: de richtingen") == section(out, "Dan: de richtingen")
    code, out, _ = run(capsys, "--answers", path, "--json")
    assert json.loads(out)["meeting"] == MEETING


@pytest.mark.parametrize(
    ("name", "args", "fmt"), [("r.html", [], "html"), ("r.HTM", [], "html"), ("r.md", [], "md"), ("r.txt", [], "md"), ("r.md", ["--format", "html"], "html")]
)
def test_out_format_follows_the_suffix_unless_given(capsys, cat, answers_file, tmp_path, name, args, fmt):
    out = tmp_path / name
    code, stdout, err = run(capsys, "--answers", answers_file, "--out", out, *args)
    assert code == 0 and stdout == "" and err == f"verslag geschreven naar {out} ({fmt})\n"
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") if fmt == "html" else text.startswith("# Verslag van het buurtoverleg")
    assert files_in(tmp_path) == {"antwoorden.yaml", name}  # no temporary file left behind


def test_html_to_stdout(capsys, cat, answers_file):
    code, out, _ = run(capsys, "--answers", answers_file, "--format", "html")
    assert code == 0 and out.startswith("<!DOCTYPE html>") and '<html lang="nl">' in out


def test_refuses_to_overwrite_without_force(capsys, cat, answers_file, tmp_path):
    out = tmp_path / "advies.md"
    out.write_text("eerder verslag\n", encoding="utf-8")
    code, stdout, err = run(capsys, "--answers", answers_file, "--out", out)
    assert code == 1 and stdout == "" and f"'{out}' bestaat al; gebruik --force om het te vervangen" in err
    assert out.read_text(encoding="utf-8") == "eerder verslag\n"
    code, _, _ = run(capsys, "--answers", answers_file, "--out", out, "--force")
    assert code == 0 and out.read_text(encoding="utf-8").startswith("# Verslag")
    assert files_in(tmp_path) == {"antwoorden.yaml", "advies.md"}


def test_a_file_that_appears_while_writing_is_not_replaced(capsys, cat, answers_file, tmp_path, monkeypatch):
    from buurtverbinding.cli import _assess

    out = tmp_path / "advies.md"
    out.write_text("van een collega\n", encoding="utf-8")
    monkeypatch.setattr(_assess, "_cannot_write", lambda path, force: None)  # the check ran before the file appeared
    code, stdout, err = run(capsys, "--answers", answers_file, "--out", out)
    assert code == 1 and stdout == "" and str(out) in err and "--force" in err
    assert out.read_text(encoding="utf-8") == "van een collega\n"
    assert files_in(tmp_path) == {"antwoorden.yaml", "advies.md"}


def test_the_message_for_a_file_that_appeared_is_dutch(capsys, cat, answers_file, tmp_path, monkeypatch):
    from buurtverbinding.cli import _assess

    out = tmp_path / "advies.md"
    out.write_text("van een collega\n", encoding="utf-8")
    monkeypatch.setattr(_assess, "_cannot_write", lambda path, force: None)
    _, _, err = run(capsys, "--answers", answers_file, "--out", out)
    assert "bestaat al" in err and "already" not in err


def test_written_file_follows_the_umask(capsys, cat, answers_file, tmp_path):
    out = tmp_path / "advies.md"
    old = os.umask(0o027)
    try:
        assert run(capsys, "--answers", answers_file, "--out", out)[0] == 0
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o640


def test_bad_answers_file_lists_every_problem_and_writes_nothing(capsys, cat, tmp_path):
    bad = tmp_path / "fout.yaml"
    bad.write_text("fase-nu: kalm\nlocaties-gezien: [plein, speeltuin]\nzorg-nu: 9\nonbekend-item: ja\n", encoding="utf-8")
    out = tmp_path / "advies.html"
    code, stdout, err = run(capsys, "--answers", bad, "--out", out)
    assert code == 1 and stdout == ""
    assert err.startswith(f"buurtverbinding assess: 4 fouten in '{bad}':\n")
    for needle in (
        "'kalm' geen keuze. Kies uit: rust, ongemak",
        "'speeltuin' geen keuze",
        "'9' geen antwoord. Kies een heel getal van 1",
        "Onbekende vraag 'onbekend-item'",
    ):
        assert needle in err
    assert not out.exists() and files_in(tmp_path) == {"fout.yaml"}


def test_bad_answers_give_no_json(capsys, cat, tmp_path):
    bad = tmp_path / "fout.json"
    bad.write_text('{"fase-nu": "kalm"}', encoding="utf-8")
    code, stdout, err = run(capsys, "--answers", bad, "--json")
    assert code == 1 and stdout == "" and "'kalm' geen keuze" in err


@pytest.mark.parametrize(
    ("content", "name", "expected"),
    [
        (None, "nergens.yaml", "het bestand bestaat niet"),
        ("{", "kapot.json", "geen geldige JSON (regel 1, kolom 2)"),
        ("a: [", "kapot.yaml", "geen geldige YAML"),
        ("", "leeg.yaml", "het bestand is leeg"),
        ("fase-nu: rust", "antwoorden.txt", "onbekend bestandstype '.txt'"),
        ('{"format": "buurtanalyse", "version": 9, "answers": {}}', "nieuw.json", "heeft versie 9"),
    ],
)
def test_unreadable_answers_files(capsys, cat, tmp_path, content, name, expected):
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    code, stdout, err = run(capsys, "--answers", path)
    assert code == 1 and stdout == "" and expected in err and name in err


def test_yaml_without_pyyaml(capsys, cat, answers_file, monkeypatch):
    monkeypatch.setitem(sys.modules, "yaml", None)
    code, stdout, err = run(capsys, "--answers", answers_file)
    assert code == 1 and stdout == "" and "PyYAML" in err and "JSON" in err


def test_bad_arguments(capsys, cat, answers_file, tmp_path):
    code, _, err = run(capsys, "--answers", answers_file, "--limit", "0")
    assert code == 2 and "--limit moet 1 of meer zijn" in err
    code, _, err = run(capsys, "--answers", answers_file, "--save-answers", tmp_path / "a.json")
    assert code == 2 and "--save-answers hoort bij de vragen hier" in err
    code, _, err = run(capsys, "--answers", answers_file, "--json", "--out", tmp_path / "a.md")
    assert code == 2 and "laat --out en --format weg" in err
    code, _, err = run(capsys, "--description", "  ")
    assert code == 2 and "--description is leeg" in err
    code, _, err = run(capsys, "--answers", answers_file, "--out", tmp_path / "nieuw" / "advies.md")
    assert code == 1 and f"de map '{tmp_path / 'nieuw'}' bestaat niet" in err
    code, _, err = run(capsys, "--answers", answers_file, "--out", tmp_path)
    assert code == 1 and f"'{tmp_path}' is een map" in err
    assert files_in(tmp_path) == {"antwoorden.yaml"}


def test_limit_sets_the_number_of_examples(capsys, cat, answers_file):
    code, out, _ = run(capsys, "--answers", answers_file, "--json", "--limit", "2")
    assert code == 0 and len(json.loads(out)["examples"]) == 2


def test_description_alone_gives_advice_with_what_was_read(capsys, cat):
    code, out, err = run(capsys, "--description", "Groepjes jongeren hangen 's avonds op het plein en intimideren voorbijgangers.", "--json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["inferred"] and all(i["words"] and i["field"] and i["value"] for i in data["inferred"])
    assert "jongeren" in data["situation"]["target_groups"] and "plein" in data["situation"]["locations"]
    assert data["directions"] and data["directions"][0]["id"] == "jeugd"


def test_answers_come_before_the_description(capsys, cat, tmp_path):
    path = tmp_path / "a.json"
    path.write_text('{"groepen-betrokken": ["ouderen"]}', encoding="utf-8")
    code, out, _ = run(capsys, "--answers", path, "--description", "Jongeren hangen op het plein.", "--json")
    data = json.loads(out)
    assert code == 0 and data["situation"]["target_groups"] == ["ouderen"] and "plein" in data["situation"]["locations"]


# --- interactive ---------------------------------------------------------------------------


def lines_for(cat, wanted: dict[str, list[str] | str]) -> str:
    """The typed input for every question in order: the wanted line(s), or empty (skip)."""
    out: list[str] = []
    for item in advice_table(cat)["items"]:
        given = wanted.get(item["id"], "")
        out += given if isinstance(given, list) else [given]
    return "\n".join(out) + "\n"


def test_interactive_questions_go_to_stderr_and_the_report_to_stdout(capsys, cat, monkeypatch):
    phases = cat.vocabulary("fasen").ids()
    places = cat.vocabulary("locaties").ids()
    typed = lines_for(cat, {"fase-nu": str(phases.index("ongemak") + 1), "locaties-gezien": f"portiek, {places.index('straat') + 1}"})
    code, out, err = run(capsys, stdin=typed, monkeypatch=monkeypatch)
    assert code == 0
    assert out.startswith("# Verslag") and "In welke fase zit het proces" not in out.split("## De antwoorden")[0]
    assert "In welke fase zit het proces" in err and "   1. " in err and "Tip:" in err and "== Stap " in err
    answers = section(out, "De antwoorden")
    assert "? Ongemak" in answers and "Woning, portiek, galerij of complex, Straat" in answers


def test_interactive_asks_again_after_a_bad_answer(capsys, cat, monkeypatch):
    table = advice_table(cat)
    yes_no = next(i for i in table["items"] if i["kind"] == "yes_no")
    typed = lines_for(
        cat,
        {
            yes_no["id"]: ["misschien", "w"],  # refused, then accepted (w = weet niet)
            "fase-nu": ["99", "rust, ongemak", "Rust"],  # no such number; two options for one; then by label
            "zorg-nu": ["veel", "9", "2"],
            "locaties-gezien": ["zolder", "plein"],
        },
    )
    code, out, err = run(capsys, stdin=typed, monkeypatch=monkeypatch)
    assert code == 0
    assert f"! Bij de vraag '{yes_no['question']}' is 'misschien' geen antwoord. Kies ja, nee of weet niet." in err
    assert "! '99' is geen optie; typ een nummer van 1 tot 4" in err and "! kies één optie" in err
    assert "is 'veel' geen antwoord. Kies een heel getal van 1" in err and "is '9' geen antwoord" in err
    assert "! 'zolder' is geen optie" in err
    answers = section(out, "De antwoorden")
    assert "? Rust" in answers and f"{yes_no['question']} weet niet" in answers and "? 2" in answers and "Plein" in answers


def test_end_of_input_skips_the_rest(capsys, cat, monkeypatch):
    code, out, err = run(capsys, stdin="", monkeypatch=monkeypatch)
    assert code == 0 and "overige vragen zijn overgeslagen" in err
    assert "Vul de vragen in" in out and "## De antwoorden\n\nGeen." in out


def test_interrupt_writes_nothing(capsys, cat, monkeypatch, tmp_path):
    class Interrupted(io.StringIO):
        def readline(self, *args):
            raise KeyboardInterrupt

    monkeypatch.setattr(sys, "stdin", Interrupted())
    out = tmp_path / "advies.md"
    saved = tmp_path / "antwoorden.json"
    code = main(["assess", "--out", str(out), "--save-answers", str(saved)])
    captured = capsys.readouterr()
    assert code == 130 and captured.out == "" and "er is niets geschreven" in captured.err and "Traceback" not in captured.err
    assert files_in(tmp_path) == set()


def test_an_existing_save_file_is_refused_before_any_question(capsys, cat, monkeypatch, tmp_path):
    saved = tmp_path / "antwoorden.json"
    saved.write_text("{}\n", encoding="utf-8")
    code, out, err = run(capsys, "--save-answers", saved, stdin="rust\n", monkeypatch=monkeypatch)
    assert code == 1 and out == "" and "bestaat al; gebruik --force" in err and "In welke fase" not in err
    assert saved.read_text(encoding="utf-8") == "{}\n"


def test_saved_answers_are_the_saved_document_and_give_the_same_report(capsys, cat, monkeypatch, tmp_path):
    saved = tmp_path / "antwoorden.json"
    typed = lines_for(cat, {"fase-nu": "incidenten", "groepen-betrokken": "jongeren", "zorg-nu": "4", "aanbod-bestaand": "burendag", "nodig-ontmoeting": "n"})
    code, first, err = run(capsys, "--save-answers", saved, stdin=typed, monkeypatch=monkeypatch)
    assert code == 0 and f"antwoorden bewaard in {saved}" in err
    assert json.loads(saved.read_text(encoding="utf-8")) == {
        "format": "buurtanalyse",
        "version": 2,
        "meeting": {},
        "answers": {"zorg-nu": 4, "groepen-betrokken": ["jongeren"], "fase-nu": "incidenten", "nodig-ontmoeting": "nee", "aanbod-bestaand": "burendag"},
    }
    code, again, _ = run(capsys, "--answers", saved)
    assert code == 0 and again == first


# --- as a separate process ------------------------------------------------------------------


def test_subprocess_with_answers_file(cat, answers_file, tmp_path):
    out = tmp_path / "verslag.html"
    command = [sys.executable, "-m", "buurtverbinding", "assess", "--answers", str(answers_file), "--out", str(out)]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    again = subprocess.run(command, capture_output=True, text=True)
    assert again.returncode == 1 and "--force" in again.stderr and "bestaat al" in again.stderr and "Traceback" not in again.stderr


def test_subprocess_interactive_with_piped_stdin(cat):
    typed = lines_for(cat, {"fase-nu": "ongemak", "locaties-gezien": "portiek"})
    result = subprocess.run([sys.executable, "-m", "buurtverbinding", "assess", "--limit", "3", "--json"], input=typed, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["directions"][0]["id"] == "woonomgeving" and len(data["examples"]) <= 3
    assert "In welke fase" in result.stderr and "Traceback" not in result.stderr


def test_subprocess_bad_answers(cat, tmp_path):
    bad = tmp_path / "fout.json"
    bad.write_text('{"fase-nu": "kalm", "zorg-nu": "heel erg"}', encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "buurtverbinding", "assess", "--answers", str(bad)], capture_output=True, text=True)
    assert result.returncode == 1 and result.stdout == ""
    assert "2 fouten" in result.stderr and "'kalm'" in result.stderr and "'heel erg'" in result.stderr and "Traceback" not in result.stderr
