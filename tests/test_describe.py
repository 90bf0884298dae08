"""A situation in free text: vocabulary values read from it, with their words; explicit values win."""

from __future__ import annotations

import json
from pathlib import Path

import pydantic
import pytest

import buurtverbinding as bv
from buurtverbinding.advice._describe import DESCRIBED, Inference, infer
from buurtverbinding.cli import main
from buurtverbinding.models import FACETS

TEXT = "groepjes jongeren hangen 's avonds op het plein, bewoners durven er niet langs, er zijn vernielingen"


def situation(cat, **data):
    return bv.Situation.model_validate(data, context={"catalog": cat})


def run(capsys, *args):
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, out.out, out.err


def test_described_fields_come_from_the_facet_registry():
    assert set(DESCRIBED) == {"phase", "locations", "target_groups", "forms", "causes", "dividing_lines"}
    assert all(DESCRIBED[f.feeds] == f.vocabulary for f in FACETS if f.feeds in DESCRIBED)


def test_values_and_their_words(cat):
    s = situation(cat, description=TEXT)
    # The text names both groups ("jongeren", "bewoners durven er niet langs"); the cue reader
    # (issue 18) reads both, where the old word-score reader kept only the rarer word.
    assert s.locations == ("plein",) and s.target_groups == ("bewoners", "jongeren")
    assert "openlijk-incident" in s.forms and "vermijding" in s.forms
    for inference in s.inferred:
        assert isinstance(inference, Inference) and inference.words
        assert inference.value in (getattr(s, inference.field) if inference.field != "phase" else (s.phase,))
        assert all(word in TEXT for word in inference.words)


def test_explicit_values_win(cat):
    s = situation(cat, description=TEXT, locations=["portiek"], target_groups="ouderen")
    assert s.locations == ("portiek",) and s.target_groups == ("ouderen",)
    assert not [i for i in s.inferred if i.field in ("locations", "target_groups")]
    assert "openlijk-incident" in s.forms  # other fields are still read from the text


def test_phase_is_one_value(cat):
    s = situation(cat, description="Er zijn spanningen en wrevel tussen groepen, vooroordelen over en weer")
    assert s.phase == "spanningen"
    assert [i.value for i in s.inferred if i.field == "phase"] == ["spanningen"]


def test_the_same_analyser_as_search(cat):
    plural = {(i.field, i.value) for i in infer(cat, "jongeren op pleinen")}
    assert ("locations", "plein") in plural and ("target_groups", "jongeren") in plural
    assert ("locations", "plein") in {(i.field, i.value) for i in infer(cat, "kinderen op de speelplekken")}
    shouted, plain = infer(cat, "Jongeren op het PLEIN"), infer(cat, "jongeren op het plein")
    assert [(i.field, i.value) for i in shouted] == [(i.field, i.value) for i in plain]
    assert {i.words for i in shouted} == {("PLEIN",), ("Jongeren",)}  # the words as written (issue 18)


def test_round_trip_keeps_the_inferences(cat):
    s = situation(cat, description=TEXT)
    assert situation(cat, **s.model_dump()) == s
    assert bv.Situation.model_validate_json(s.model_dump_json(), context={"catalog": cat}) == s


def test_inferred_cannot_be_smuggled_in(cat):
    fake = {"field": "locations", "value": "school", "words": ["x"], "score": 9.0}
    assert situation(cat, inferred=[fake]).inferred == ()
    assert all(i.value != "school" for i in situation(cat, description=TEXT, inferred=[fake]).inferred)


@pytest.mark.parametrize("text", ["", "   ", "de het een", "xyzzy qwv"])
def test_nothing_to_read(cat, text):
    s = situation(cat, description=text)
    assert s.inferred == () and s.locations == () and s.phase is None


def test_description_must_be_text(cat):
    with pytest.raises(pydantic.ValidationError):
        situation(cat, description=["jongeren"])


def test_report_lists_inferred_values_in_dutch(cat):
    from buurtverbinding.advice._render import render

    result = bv.Assessment.for_catalog(cat, answers={}).evaluate(description=TEXT)
    text = render(result["report"], "md")
    assert "Afgeleid uit de beschrijving" in text and "Plein of speelplek (plek) (uit: plein" in text
    assert "locations" not in text and "target_groups" not in text


def test_assess_description_only(capsys, cat):
    code, out, _ = run(capsys, "assess", "--description", TEXT)
    assert code == 0 and "Beschrijving: " in out and "(uit: vernielingen)" in out


def test_assess_description_with_answers(capsys, cat, tmp_path: Path):
    answers = tmp_path / "antwoorden.json"
    answers.write_text(json.dumps({"locaties-gezien": ["portiek"]}), encoding="utf-8")
    code, out, _ = run(capsys, "assess", "--answers", answers, "--description", TEXT)
    assert code == 0 and "Woning, portiek" in out and "(uit: jongeren)" in out


def test_assess_empty_description(capsys, cat):
    code, _, err = run(capsys, "assess", "--description", "  ")
    assert code == 2 and "--description" in err


# --- the search command's suggestions -----------------------------------------------------------


def test_search_cli_says_what_it_used(capsys, cat):
    code, out, err = run(capsys, "search", "buurtbemidelling", "--limit", "3")
    assert code == 0 and "buurtbemiddeling" in out.splitlines()[0] and "Bedoelde u: buurtbemiddeling?" in err


def test_search_cli_json_with_suggestions(capsys, cat):
    code, out, _ = run(capsys, "search", "hangjongern", "--json", "--suggestions")
    data = json.loads(out)
    assert code == 0 and data["did_you_mean"] == "hangjongeren" and data["corrections"] == {"hangjongern": "hangjongeren"} and data["hits"]
    code, out, _ = run(capsys, "search", "bemidelinggg", "--json", "--suggestions")
    data = json.loads(out)
    assert data["hits"] == [] and "bemiddeling" in data["suggestions"]
    code, out, _ = run(capsys, "search", "buurtbemidelling", "--json")
    assert isinstance(json.loads(out), list)  # the plain list stays as it was


def test_search_cli_nothing_found_suggests(capsys, cat):
    code, out, err = run(capsys, "search", "bemidelinggg")
    assert code == 0 and out == "" and "Bedoelde u: bemiddeling" in err


# --- the cue reader (issue 18): conformance cases shared with the browser -------------------------

CASES = Path(__file__).parent / "advice-cases" / "describe"
CASE_FILES = sorted(CASES.glob("*.json"))


def _read_case(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_enough_hand_written_cases():
    assert len(CASE_FILES) >= 40
    for path in CASE_FILES:
        data = _read_case(path)
        assert set(data) <= {"note", "description", "expected", "sources"} and isinstance(data["description"], str)
        assert set(data["expected"]) <= set(DESCRIBED) and set(data["sources"]) <= set(DESCRIBED), path.name


@pytest.mark.parametrize("path", CASE_FILES, ids=[p.stem for p in CASE_FILES])
def test_conformance_case(cat, path):
    from buurtverbinding.advice._describe import browser_table, read

    data = _read_case(path)
    found = read(browser_table(cat), data["description"])
    assert list(found) == list(DESCRIBED)
    assert {field: list(values) for field, values in found.items()} == {field: data["expected"].get(field, []) for field in DESCRIBED}
    for field, values in data["sources"].items():
        for value, words in values.items():
            assert found[field][value] == words, (field, value)
    # infer() gives the same values, in the same order, with the same words
    assert [(i.field, i.value, list(i.words)) for i in infer(cat, data["description"])] == [
        (field, value, words) for field, values in found.items() for value, words in values.items()
    ]


def _node() -> str:
    import shutil

    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    return node


def test_browser_reader_gives_the_same_results(cat, tmp_path):
    """bv-describe.js against Python on every case and on every description of the eval set."""
    import subprocess

    import yaml

    from buurtverbinding.advice._describe import browser_table, read

    node = _node()
    root = Path(__file__).parent.parent
    texts = [_read_case(p)["description"] for p in CASE_FILES]
    texts += [" ".join(c["description"].split()) for c in yaml.safe_load((root / "benchmarks/eval/cases.yaml").read_text(encoding="utf-8"))["cases"]]
    texts += ["Café “De Zwaan”: ruzie!", "ĲSSELMONDE — Geweld, géén overlast", "😀 emoji vóór geweld", "a\u0301 combining"]
    table = browser_table(cat)
    (tmp_path / "table.json").write_text(json.dumps(table), encoding="utf-8")
    (tmp_path / "texts.json").write_text(json.dumps(texts), encoding="utf-8")
    script = (
        "const d = require(process.argv[1]); const fs = require('fs');"
        "const t = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));"
        "const x = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));"
        "process.stdout.write(JSON.stringify(x.map((s) => d.read(t, s))));"
    )
    js = root / "src/buurtverbinding/sphinx/static/bv-describe.js"
    out = subprocess.run([node, "-e", script, str(js), str(tmp_path / "table.json"), str(tmp_path / "texts.json")], capture_output=True, text=True, check=True)

    def ordered(data: str) -> list:  # compares key order too: values come in vocabulary order
        return json.loads(data, object_pairs_hook=list)

    assert ordered(out.stdout) == ordered(json.dumps([read(table, text) for text in texts]))


def test_node_tests_pass(cat, tmp_path):
    """tests/js/describe.test.js (node --test) passes against this catalogue's table."""
    import subprocess

    from buurtverbinding.advice._describe import browser_table

    node = _node()
    table = tmp_path / "table.json"
    table.write_text(json.dumps(browser_table(cat)), encoding="utf-8")
    test_file = Path(__file__).parent / "js" / "describe.test.js"
    env = {"BV_DESCRIBE_TABLE": str(table), "PATH": __import__("os").environ.get("PATH", "")}
    out = subprocess.run([node, "--test", str(test_file)], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stdout[-3000:]


def test_browser_table_is_json_and_stemmer_free(cat):
    from buurtverbinding.advice._describe import TABLE_FORMAT, browser_table

    table = browser_table(cat)
    assert table["format"] == TABLE_FORMAT and table["fields"] == list(DESCRIBED)
    assert json.loads(json.dumps(table)) == table
    # every stem a phrase needs is reachable from a written form in the map
    reachable = set(table["stems"].values())
    assert all(word.startswith("=") or word in reachable for _, _, words in table["phrases"] for word in words)
    assert {"geen", "niet", "nooit", "zonder"} <= set(table["negations"]) and {"maar", "want", "omdat", "terwijl"} <= set(table["clause_words"])


def test_done_when_nog_geen_incidenten(capsys, cat):
    code, out, _ = run(capsys, "assess", "--description", "Er zijn nog geen incidenten, maar bewoners ergeren zich aan de jongeren.", "--json")
    data = json.loads(out)
    assert code == 0 and data["situation"]["phase"] != "incidenten"
    assert all(i["value"] != "incidenten" for i in data["inferred"])


def test_done_when_stone_through_mosque_window(cat):
    s = situation(cat, description="Er is een steen door het raam van de moskee gegooid en er staan hakenkruisen op de muur.")
    assert s.phase == "incidenten" and s.phase not in ("rust", "ongemak")
    assert {"intimidatie", "discriminatie"} <= set(s.forms)


def test_single_meaningless_words_make_nothing(cat):
    # issue 18: "willen, buren, geen, mensen" gave the form discriminatie; now only the group is read
    assert {(i.field, i.value) for i in infer(cat, "willen buren geen mensen komen rond")} == {("target_groups", "bewoners")}
    assert infer(cat, "mensen komen willen rond geen") == ()


def test_a_catalogue_without_cues_reads_nothing(cat):
    from buurtverbinding.advice._describe import browser_table, read

    bare = cat.model_copy(update={"description_cues": ()})
    assert read(browser_table(bare), "Er is geweld op het plein") == {field: {} for field in DESCRIBED}


def test_cue_content_lints_clean_and_compiles_forms(cat):
    cues = cat.description_cues[0]
    assert cues.id == "beschrijving" and set(cues.cues) == set(DESCRIBED)
    assert cues.forms["vernielingen"] == cues.forms["vernieling"]  # the compiler's inflections
    assert cues.phase_order[0] == "incidenten" and set(cues.phase_order) == set(cat.vocabulary("fasen").ids())
