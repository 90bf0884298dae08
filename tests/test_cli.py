"""The command line: list, show, search with --json; clear errors without tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from buurtverbinding.cli import main


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, out.out, out.err


def test_list_examples(capsys, cat):
    code, out, _ = run(capsys, "list")
    assert code == 0 and len(out.splitlines()) == len(cat.examples)


def test_list_filtered_json(capsys, cat):
    code, out, _ = run(capsys, "list", "--direction", "jeugd", "--phase", "incidenten", "--json")
    assert code == 0
    assert [row["id"] for row in json.loads(out)] == [e.id for e in cat.filter(direction="jeugd", phase="incidenten")]


def test_list_bad_value(capsys):
    code, _, err = run(capsys, "list", "--phase", "spanning")
    assert code == 2 and "--phase" in err and "spanningen" in err and "valid values" in err


def test_list_other_kinds(capsys):
    code, out, _ = run(capsys, "list", "--kind", "directions")
    assert code == 0 and out.splitlines()[0].startswith("woonomgeving")


def test_show_example(capsys):
    code, out, _ = run(capsys, "show", "buurtbemiddeling")
    assert code == 0 and "Buurtbemiddeling" in out and "Bronnen" in out and "Aanpak" in out


def test_show_json(capsys, cat):
    code, out, _ = run(capsys, "show", "buurtbemiddeling", "--json")
    data = json.loads(out)
    assert code == 0 and data["kind"] == "example" and data["id"] == "buurtbemiddeling"


@pytest.mark.parametrize("identifier", ["stap-1", "woonomgeving", "fasen"])
def test_show_other_kinds(capsys, identifier):
    code, out, _ = run(capsys, "show", identifier)
    assert code == 0 and out.strip()


def test_show_unknown(capsys):
    code, _, err = run(capsys, "show", "buurtbemidelling")
    assert code == 1 and "no object with id 'buurtbemidelling'" in err and "buurtbemiddeling" in err


def test_search(capsys):
    code, out, _ = run(capsys, "search", "buurtbemiddeling")
    assert code == 0 and out.splitlines()[0].split()[1] == "buurtbemiddeling"


def test_search_json(capsys):
    code, out, _ = run(capsys, "search", "ruzie", "tussen", "buren", "--json", "--limit", "3")
    hits = json.loads(out)
    assert code == 0 and len(hits) <= 3 and {"id", "title", "score"} <= set(hits[0])


def test_search_bad_limit(capsys):
    code, _, err = run(capsys, "search", "x", "--limit", "0")
    assert code == 2 and "--limit" in err


def test_no_command_prints_help(capsys):
    code, out, _ = run(capsys)
    assert code == 2 and "lint" in out


def test_python_dash_m():
    result = subprocess.run([sys.executable, "-m", "buurtverbinding", "show", "nergens-te-vinden"], capture_output=True, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr and "nergens-te-vinden" in result.stderr
    version = subprocess.run([sys.executable, "-m", "buurtverbinding", "--version"], capture_output=True, text=True)
    assert version.stdout.strip().startswith("buurtverbinding 0.1.0")
