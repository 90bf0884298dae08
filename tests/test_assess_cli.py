"""``buurtverbinding assess``: answers file or questions → report; safe writing; clear errors."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from buurtverbinding.advice._answers import items_in_order
from buurtverbinding.cli import main

ANSWERS = "fase-nu: incidenten\nlocaties-gezien: [plein]\ngroepen-betrokken: [jongeren]\npartners-aan-tafel: [wijkagent]\n"


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


# --- answers file --------------------------------------------------------------------------


def test_answers_file_prints_a_markdown_report(capsys, cat, answers_file):
    code, out, err = run(capsys, "--answers", answers_file)
    assert code == 0 and err == ""
    assert out.startswith("# Advies voor het buurtoverleg")
    assert "## Aanbevolen richtingen" in out and "## Witte vlekken" in out
    richtingen = out[out.index("## Aanbevolen richtingen") : out.index("## Aanbevolen voorbeelden")]
    heads = [line.split()[2] for line in richtingen.splitlines() if line.startswith("### ")]
    assert set(heads[:2]) == {"Jeugd", "Veiligheid"}


@pytest.mark.parametrize(
    ("name", "args", "fmt"), [("r.html", [], "html"), ("r.HTM", [], "html"), ("r.md", [], "md"), ("r.txt", [], "md"), ("r.md", ["--format", "html"], "html")]
)
def test_out_format_follows_the_suffix_unless_given(capsys, cat, answers_file, tmp_path, name, args, fmt):
    out = tmp_path / name
    code, stdout, err = run(capsys, "--answers", answers_file, "--out", out, *args)
    assert code == 0 and stdout == "" and f"report written to {out} ({fmt})" in err
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") if fmt == "html" else text.startswith("# Advies")
    assert files_in(tmp_path) == {"antwoorden.yaml", name}  # no temporary file left behind


def test_html_to_stdout(capsys, cat, answers_file):
    code, out, _ = run(capsys, "--answers", answers_file, "--format", "html")
    assert code == 0 and out.startswith("<!DOCTYPE html>")


def test_refuses_to_overwrite_without_force(capsys, cat, answers_file, tmp_path):
    out = tmp_path / "advies.md"
    out.write_text("eerder verslag\n", encoding="utf-8")
    code, _, err = run(capsys, "--answers", answers_file, "--out", out)
    assert code == 1 and "already exists; use --force" in err
    assert out.read_text(encoding="utf-8") == "eerder verslag\n"
    code, _, _ = run(capsys, "--answers", answers_file, "--out", out, "--force")
    assert code == 0 and out.read_text(encoding="utf-8").startswith("# Advies")
    assert files_in(tmp_path) == {"antwoorden.yaml", "advies.md"}


def test_written_file_follows_the_umask(capsys, cat, answers_file, tmp_path):
    out = tmp_path / "advies.md"
    assert run(capsys, "--answers", answers_file, "--out", out)[0] == 0
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


def test_bad_answers_file_lists_every_problem_and_writes_nothing(capsys, cat, tmp_path):
    bad = tmp_path / "fout.yaml"
    bad.write_text("fase-nu: kalm\nlocaties-gezien: [plein, speeltuin]\nzorg-nu: 9\nonbekend-item: ja\n", encoding="utf-8")
    out = tmp_path / "advies.html"
    code, stdout, err = run(capsys, "--answers", bad, "--out", out)
    assert code == 1 and stdout == ""
    assert f"4 problems in '{bad}'" in err
    for needle in ("'kalm'", "'speeltuin'", "'zorg-nu'", "'onbekend-item'", "valid options: rust, ongemak"):
        assert needle in err
    assert not out.exists() and files_in(tmp_path) == {"fout.yaml"}


@pytest.mark.parametrize(
    ("content", "name", "expected"),
    [(None, "nergens.yaml", "does not exist"), ("{", "kapot.json", "not valid JSON"), ("a: [", "kapot.yaml", "not valid YAML")],
)
def test_unreadable_answers_files(capsys, cat, tmp_path, content, name, expected):
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    code, _, err = run(capsys, "--answers", path)
    assert code == 1 and expected in err and name in err


def test_bad_arguments(capsys, cat, answers_file, tmp_path):
    code, _, err = run(capsys, "--answers", answers_file, "--limit", "0")
    assert code == 2 and "--limit" in err
    code, _, err = run(capsys, "--answers", answers_file, "--save-answers", tmp_path / "a.json")
    assert code == 2 and "--save-answers" in err
    code, _, err = run(capsys, "--answers", answers_file, "--out", tmp_path / "nieuw" / "advies.md")
    assert code == 1 and "does not exist" in err
    code, _, err = run(capsys, "--answers", answers_file, "--out", tmp_path)
    assert code == 1 and "is a folder" in err


# --- interactive ---------------------------------------------------------------------------


def line_for(cat, wanted: dict[str, str]) -> str:
    """The typed input for every question in order: the wanted line, or empty (skip)."""
    return "".join(wanted.get(item.id, "") + "\n" for _, item in items_in_order(cat))


def test_interactive_questions_go_to_stderr_and_the_report_to_stdout(capsys, cat, monkeypatch):
    phases = cat.vocabulary("fasen").ids()
    places = cat.vocabulary("locaties").ids()
    typed = line_for(cat, {"fase-nu": str(phases.index("ongemak") + 1), "locaties-gezien": f"portiek, {places.index('straat') + 1}"})
    code, out, err = run(capsys, stdin=typed, monkeypatch=monkeypatch)
    assert code == 0
    assert out.startswith("# Advies") and "Welke vormen van polarisatie" not in out
    assert "In welke fase zit het proces" in err and "   1. " in err and "Tip:" in err
    assert "**Fase:** Ongemak" in out and "Woning, portiek" in out and "Straat" in out


def test_interactive_asks_again_after_a_bad_answer(capsys, cat, monkeypatch):
    order = [item.id for _, item in items_in_order(cat)]
    first_yes_no = next(i for i in order if cat.get(i).kind == "yes_no")
    lines = []
    for item_id in order:
        if item_id == first_yes_no:
            lines += ["misschien", "j"]  # refused, then accepted
        elif item_id == "fase-nu":
            lines += ["99", "rust, ongemak", "Rust"]  # no such number; two options for one; then by label
        elif item_id == "zorg-nu":
            lines += ["veel", "9", "2"]
        else:
            lines.append("")
    code, out, err = run(capsys, stdin="\n".join(lines) + "\n", monkeypatch=monkeypatch)
    assert code == 0
    assert "'misschien' is geen antwoord; typ ja of nee" in err
    assert "'99' is geen optie; typ een nummer van 1 tot 4" in err
    assert "kies één optie" in err and "'veel' past niet; typ een heel getal van 1 tot 5" in err and "'9' past niet" in err
    assert "**Fase:** Rust" in out and "2 op een schaal van 1" in out
    question = cat.get(first_yes_no).question
    assert f"**{question}** ja" in out


def test_end_of_input_skips_the_rest(capsys, cat, monkeypatch):
    code, out, err = run(capsys, stdin="", monkeypatch=monkeypatch)
    assert code == 0 and "overige vragen zijn overgeslagen" in err
    assert "Er passen nog geen voorbeelden" in out


def test_interrupt_writes_nothing(capsys, cat, monkeypatch, tmp_path):
    class Interrupted(io.StringIO):
        def readline(self, *args):
            raise KeyboardInterrupt

    monkeypatch.setattr(sys, "stdin", Interrupted())
    out = tmp_path / "advies.md"
    code = main(["assess", "--out", str(out)])
    assert code == 130 and not out.exists() and "nothing was written" in capsys.readouterr().err


def test_saved_answers_give_the_same_report(capsys, cat, monkeypatch, tmp_path):
    saved = tmp_path / "antwoorden.json"
    typed = line_for(cat, {"fase-nu": "incidenten", "groepen-betrokken": "jongeren", "zorg-nu": "4", "aanbod-bestaand": "burendag"})
    code, first, _ = run(capsys, "--save-answers", saved, stdin=typed, monkeypatch=monkeypatch)
    assert code == 0
    assert json.loads(saved.read_text(encoding="utf-8")) == {
        "zorg-nu": 4,
        "groepen-betrokken": ["jongeren"],
        "fase-nu": "incidenten",
        "aanbod-bestaand": "burendag",
    }
    code, again, _ = run(capsys, "--answers", saved)
    assert code == 0 and again == first


# --- as a separate process ------------------------------------------------------------------


def test_subprocess_with_answers_file(cat, answers_file, tmp_path):
    out = tmp_path / "verslag.html"
    result = subprocess.run(
        [sys.executable, "-m", "buurtverbinding", "assess", "--answers", str(answers_file), "--out", str(out)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    again = subprocess.run(
        [sys.executable, "-m", "buurtverbinding", "assess", "--answers", str(answers_file), "--out", str(out)], capture_output=True, text=True
    )
    assert again.returncode == 1 and "--force" in again.stderr and "Traceback" not in again.stderr


def test_subprocess_interactive_with_piped_stdin(cat):
    typed = line_for(cat, {"fase-nu": "ongemak", "locaties-gezien": "portiek"})
    result = subprocess.run([sys.executable, "-m", "buurtverbinding", "assess", "--limit", "3"], input=typed, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "### 1. Woonomgeving" in result.stdout and "### 4." not in result.stdout.split("## Aanbevolen voorbeelden")[1].split("## Witte")[0]
    assert "In welke fase" in result.stderr and "Traceback" not in result.stderr


def test_subprocess_bad_answers(cat, tmp_path):
    bad = tmp_path / "fout.json"
    bad.write_text('{"fase-nu": "kalm", "zorg-nu": "heel erg"}', encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "buurtverbinding", "assess", "--answers", str(bad)], capture_output=True, text=True)
    assert result.returncode == 1 and result.stdout == ""
    assert "2 problems" in result.stderr and "'kalm'" in result.stderr and "Traceback" not in result.stderr
