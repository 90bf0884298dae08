"""The command line as a user meets it: Ctrl-C, stdout exports, not-a-content-folder, case,
commas in facet options, usage errors that exit 2, hints that work, singular and plural."""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from buurtverbinding.cli import main

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"


def run(capsys, *args):
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, out.out, out.err


# --- Ctrl-C ------------------------------------------------------------------------------


def _open_writer(fifo: Path, process: subprocess.Popen[bytes], timeout: float = 60) -> int:
    """Once ``process`` has opened ``fifo`` for reading, open it for writing and return the
    descriptor: while it stays open and empty, the reader waits in ``read``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()
        try:
            return os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as exc:
            if exc.errno != errno.ENXIO:  # ENXIO: no reader yet
                raise
        time.sleep(0.05)
    pytest.fail("lint never reached the file")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a named pipe")
def test_ctrl_c_during_lint_exits_130_with_one_line(content_copy):
    # A named pipe among the examples holds lint at a known point: reading it blocks until Ctrl-C.
    fifo = content_copy / "voorbeelden" / "wacht.md"
    os.mkfifo(fifo)
    process = subprocess.Popen([sys.executable, "-m", "buurtverbinding", "lint", str(content_copy)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    writer = None
    try:
        writer = _open_writer(fifo, process)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=60)
    finally:
        process.kill()
        if writer is not None:
            os.close(writer)
    assert process.returncode == 130
    assert "Traceback" not in err.decode() and "KeyboardInterrupt" not in err.decode()
    assert err.decode().strip().splitlines() == ["buurtverbinding: interrupted (Ctrl-C)"]
    assert out == b""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a named pipe")
def test_ctrl_c_with_timeout_preserve_status(content_copy):
    """The check from the issue, as a user would type it: ``timeout --preserve-status -s INT``
    while lint runs (held on a named pipe, so that the signal surely comes during lint)."""
    if shutil.which("timeout") is None:
        pytest.skip("needs coreutils' timeout")
    os.mkfifo(content_copy / "voorbeelden" / "wacht.md")
    result = subprocess.run(
        ["timeout", "--preserve-status", "-s", "INT", "5", sys.executable, "-m", "buurtverbinding", "lint", str(content_copy)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 130 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == ["buurtverbinding: interrupted (Ctrl-C)"]


def _interrupt(*args, **kwargs):
    raise KeyboardInterrupt


COMMANDS = [
    ("list",),
    ("show", "buurtbemiddeling"),
    ("search", "ruzie"),
    ("compare", "buurtbemiddeling", "buurtvaders"),
    ("assess", "--description", "jongeren op het plein"),
    ("export", "--format", "json", "--out", "{tmp}/out.json"),
    ("export", "--format", "csv", "--out", "{tmp}/csv"),
    ("lint", str(CONTENT)),
    ("ids", str(CONTENT)),
    ("changelog", "--content", str(CONTENT)),
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:3]))
def test_ctrl_c_in_every_command(command, capsys, monkeypatch, tmp_path):
    """Ctrl-C while the catalogue loads or the content is checked: exit 130, one line, no file."""
    import buurtverbinding._loader
    import buurtverbinding.cli._assess
    import buurtverbinding.compiler

    monkeypatch.setattr(buurtverbinding._loader, "load", _interrupt)
    monkeypatch.setattr(buurtverbinding.cli._assess, "load", _interrupt)
    monkeypatch.setattr(buurtverbinding.compiler, "check_tree", _interrupt)
    code, out, err = run(capsys, *(part.format(tmp=tmp_path) for part in command))
    assert code == 130
    assert err.strip().splitlines() == ["buurtverbinding: interrupted (Ctrl-C)"] and out == ""
    assert list(tmp_path.iterdir()) == []


def test_ctrl_c_while_the_parser_is_built(capsys, monkeypatch):
    """Even while the command modules load (before any command runs)."""
    import buurtverbinding.cli

    monkeypatch.setattr(buurtverbinding.cli, "_parser", _interrupt)
    code, _, err = run(capsys, "list")
    assert code == 130 and err.strip() == "buurtverbinding: interrupted (Ctrl-C)"


# --- export to stdout, and csv is not one file ---------------------------------------------


def test_export_dash_writes_to_stdout(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = subprocess.run([sys.executable, "-m", "buurtverbinding", "export", "--format", "json", "--out", "-"], capture_output=True)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["examples"] and "format_version" in data
    assert list(tmp_path.iterdir()) == []  # no file named "-"


@pytest.mark.parametrize("fmt, magic", [("sqlite", b"SQLite format 3\x00"), ("csv", b"PK\x03\x04"), ("schema", b"{")])
def test_export_dash_other_formats(fmt, magic, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = subprocess.run([sys.executable, "-m", "buurtverbinding", "export", "--format", fmt, "--out", "-"], capture_output=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(magic) and list(tmp_path.iterdir()) == []


def test_export_dash_with_json_is_a_usage_error(capsys):
    code, out, err = run(capsys, "export", "--format", "json", "--out", "-", "--json")
    assert code == 2 and out == "" and "--json" in err


@pytest.mark.parametrize("name", ["out.csv", "OUT.CSV"])
def test_export_csv_to_a_csv_name_is_refused_with_a_hint(name, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "export", "--format", "csv", "--out", name)
    assert code == 2 and "several files" in err and ".zip" in err
    assert list(tmp_path.iterdir()) == []  # no folder called out.csv


# --- lint on a folder that is not a content folder -----------------------------------------


@pytest.mark.parametrize("command", ["lint", "ids"])
def test_not_a_content_folder(command, capsys, tmp_path):
    for number in range(30):
        (tmp_path / f"stray-{number}.txt").write_text("x", encoding="utf-8")
    code, out, err = run(capsys, command, tmp_path)
    assert code == 2 and out == ""
    assert err.count("not a content folder") == 1 and len(err.strip().splitlines()) == 1 and "catalogus.yaml" in err


def test_changelog_outside_the_repository_suggests_a_command_that_works(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "changelog")
    assert code == 2 and "buurtverbinding changelog --content PATH" in err
    # and the suggested command does work
    code, out, _ = run(capsys, "changelog", "--content", CONTENT)
    assert code == 0 and out.strip()


# --- ids as users type them ----------------------------------------------------------------


def test_show_finds_an_id_in_capitals(capsys):
    code, out, _ = run(capsys, "show", "BUURTBEMIDDELING")
    assert code == 0 and out.startswith("Buurtbemiddeling")


def test_unknown_id_in_capitals_suggests_the_lower_case_id(capsys, cat):
    code, _, err = run(capsys, "show", "BUURTBEMIDELING")
    assert code == 1 and "buurtbemiddeling" in err
    from buurtverbinding import UnknownIdError

    with pytest.raises(UnknownIdError) as info:
        cat.get("Buurtbemidelling")
    assert "buurtbemiddeling" in info.value.suggestions


@pytest.mark.parametrize("identifier", ["", "   "])
def test_show_empty_id_is_a_usage_error(identifier, capsys):
    code, _, err = run(capsys, "show", identifier)
    assert code == 2 and "give an id" in err


def test_compare_same_example_twice_is_a_usage_error(capsys):
    code, out, err = run(capsys, "compare", "buurtbemiddeling", "buurtbemiddeling")
    assert code == 2 and out == "" and "more than once" in err
    code, _, _ = run(capsys, "compare", "buurtbemiddeling", "BUURTBEMIDDELING")
    assert code == 2


def test_compare_in_capitals(capsys):
    code, out, _ = run(capsys, "compare", "BUURTBEMIDDELING", "buurtvaders")
    assert code == 0 and "Buurtbemiddeling" in out


# --- facet options ------------------------------------------------------------------------


@pytest.mark.parametrize("spelling", [["--phase", "rust,incidenten"], ["--phase", "rust, incidenten"], ["--phase", "rust", "--phase", "incidenten"]])
def test_commas_in_facet_options_are_or(spelling, capsys, cat):
    code, out, _ = run(capsys, "list", *spelling, "--json")
    expected = [e.id for e in cat.filter(phase=["rust", "incidenten"])]
    assert code == 0 and [row["id"] for row in json.loads(out)] == expected
    assert len(expected) > max(len(cat.filter(phase="rust")), len(cat.filter(phase="incidenten")))


def test_facet_option_with_a_bad_value_among_commas(capsys):
    code, _, err = run(capsys, "list", "--phase", "spanningen,spaningen")
    assert code == 2 and "'spaningen'" in err and "valid values" in err


def test_facet_option_empty_is_a_usage_error(capsys):
    code, _, err = run(capsys, "list", "--phase", " , ")
    assert code == 2 and "give a value" in err


# --- singular and plural ------------------------------------------------------------------


def test_list_count_singular_and_plural(capsys, cat):
    one = next(
        e for e in cat.examples if len(cat.filter(direction=e.direction, location=e.locations[0], phase=e.phases[0], target_group=e.target_groups[0])) == 1
    )
    code, _, err = run(
        capsys, "list", "--direction", one.direction, "--location", one.locations[0], "--phase", one.phases[0], "--target-group", one.target_groups[0]
    )
    assert code == 0 and err.strip() == "(1 example)"
    code, _, err = run(capsys, "list", "--kind", "steps")
    assert err.strip() == f"({len(cat.steps)} steps)"
