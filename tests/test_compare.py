"""Examples side by side: cat.compare and ``buurtverbinding compare``."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import buurtverbinding as bv
from buurtverbinding import UnknownIdError
from buurtverbinding._compare import _MIN_COLUMN
from buurtverbinding.cli import main

TRIO = ["buurtbemiddeling", "portiekgesprekken", "flatcoach"]
ROW_KEYS = [
    "directions",
    "phases",
    "locations",
    "target_groups",
    "partners",
    "evidence_level",
    "evidence_effect",
    "evidence_rating",
    "evidence_note",
    "cost",
    "municipalities",
    "organisation",
    "sources",
]


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, out.out, out.err


def test_rows_hold_what_a_professional_weighs(cat):
    comparison = cat.compare(TRIO)
    assert [e.id for e in comparison.examples] == TRIO
    assert [r.key for r in comparison.rows] == ROW_KEYS
    assert all(len(r.cells) == len(TRIO) for r in comparison.rows)
    for example, cell in zip(comparison.examples, comparison.row("phases").cells):
        assert [(e.id, e.text) for e in cell] == [(p, cat.label("fasen", p)) for p in example.phases]
    for example, cell in zip(comparison.examples, comparison.row("directions").cells):
        assert tuple(e.id for e in cell) == example.directions
    for example, cell in zip(comparison.examples, comparison.row("evidence_effect").cells):
        assert [e.id for e in cell] == [example.evidence.effect]
    for example, cell in zip(comparison.examples, comparison.row("sources").cells):
        assert [e.url for e in cell] == [s.url for s in example.sources]
    for example, cell in zip(comparison.examples, comparison.row("municipalities").cells):
        assert tuple(e.text for e in cell) == example.municipalities


def test_unknown_id_gives_the_error_of_get(cat):
    with pytest.raises(UnknownIdError) as compared:
        cat.compare(["buurtbemiddeling", "buurtbemidelling"])
    with pytest.raises(UnknownIdError) as got:
        cat.get("buurtbemidelling")
    assert str(compared.value) == str(got.value)


@pytest.mark.parametrize(
    ("ids", "error", "message"),
    [
        (["buurtbemiddeling", "stap-1"], ValueError, "'stap-1' is a step, not an example"),
        (["buurtbemiddeling", "fasen"], ValueError, "is a vocabulary, not an example"),
        (["buurtbemiddeling", "buurtbemiddeling"], ValueError, "given more than once"),
        (["buurtbemiddeling"], ValueError, "at least two"),
        ("buurtbemiddeling", TypeError, "not one string"),
    ],
)
def test_bad_ids_are_explained(cat, ids, error, message):
    with pytest.raises(error, match=message):
        cat.compare(ids)


def test_text_table_reads_in_100_columns(cat):
    text = cat.compare(TRIO).to_text(100)
    lines = text.splitlines()
    assert all(len(line) <= 100 for line in lines if not line.startswith("["))
    assert all(title.split()[0] in lines[0] for title in (cat.get(i).title for i in TRIO)), "side by side"
    assert "Fasen" in text and "Bewijs" in text and "Bronnen" in text
    notes = [line for line in lines if re.match(r"\[\d+\] https?://", line)]
    assert len(notes) == sum(len(cat.get(i).sources) for i in TRIO)


@settings(max_examples=40, deadline=None)
@given(data=st.data(), width=st.integers(min_value=40, max_value=180))
def test_text_table_never_exceeds_its_width(data, width):
    cat = bv.load()  # not the fixture: hypothesis would print the whole catalogue on a failure
    chosen = data.draw(st.lists(st.sampled_from([e.id for e in cat.examples]), min_size=2, max_size=7, unique=True))
    text = cat.compare(chosen).to_text(width)
    for line in text.splitlines():
        if not re.match(r"\[\d+\] ", line):  # addresses are never broken, so they may run longer
            assert len(line) <= width, line
    for example_id in chosen:
        first_word = re.split(r"[\s-]", cat.get(example_id).title)[0]  # type: ignore[union-attr]  # get() returns any kind
        assert first_word[:_MIN_COLUMN] in text  # a word longer than a column is broken, but never earlier


def test_markdown_is_one_table_with_links(cat):
    md = cat.compare(TRIO).to_markdown()
    lines = md.splitlines()
    assert len(lines) == 2 + len(ROW_KEYS)
    for line in lines:
        cells = re.split(r"(?<!\\)\|", line)[1:-1]
        assert len(cells) == len(TRIO) + 1, line
    assert "[Buurtbemiddeling" in md and "](<https://" in md


def test_as_dict_is_json_with_ids(cat):
    data = json.loads(json.dumps(cat.compare(TRIO).as_dict()))
    assert [e["id"] for e in data["examples"]] == TRIO
    phases = next(r for r in data["rows"] if r["key"] == "phases")
    assert phases["label"] == "Fasen" and phases["cells"][0][0].keys() == {"id", "text"}


def test_cli_table(capsys):
    code, out, _ = run(capsys, "compare", *TRIO, "--width", "100")
    assert code == 0 and "Buurtbemiddeling" in out and "Links:" in out


def test_cli_narrow_terminal(capsys):
    code, out, _ = run(capsys, "compare", *TRIO, "--width", "60")
    assert code == 0 and all(len(line) <= 60 for line in out.splitlines() if not line.startswith("["))


@pytest.mark.parametrize(("fmt", "start"), [("md", "| |"), ("json", "{")])
def test_cli_formats(capsys, fmt, start):
    code, out, _ = run(capsys, "compare", *TRIO, "--format", fmt)
    assert code == 0 and out.startswith(start)
    if fmt == "json":
        assert [e["id"] for e in json.loads(out)["examples"]] == TRIO


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["buurtbemiddeling", "buurtbemidelling"], 1, "no object with id 'buurtbemidelling'"),
        (["buurtbemiddeling"], 2, "at least two"),
        (["buurtbemiddeling", "flatcoach", "--format", "html"], 2, "unknown format 'html'"),
        (["buurtbemiddeling", "stap-2"], 1, "not an example"),
        (["buurtbemiddeling", "flatcoach", "--width", "10"], 2, "--width"),
    ],
)
def test_cli_errors_are_one_line(capsys, args, code, message):
    got, _, err = run(capsys, "compare", *args)
    assert got == code and message in err and err.count("\n") == 1
