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
    from buurtverbinding.advice import _report

    s = situation(cat, description=TEXT)
    text = _report.render(cat, cat.recommend(s), cat.gaps(s), "md")
    assert "Afgeleid uit de beschrijving" in text and "Plein of speelplek (uit: plein" in text
    assert "locations" not in text and "target_groups" not in text


def test_assess_description_only(capsys, cat):
    code, out, _ = run(capsys, "assess", "--description", TEXT)
    assert code == 0 and "**Beschrijving:**" in out and "(uit: vernielingen)" in out


def test_assess_description_with_answers(capsys, cat, tmp_path: Path):
    answers = tmp_path / "antwoorden.json"
    answers.write_text(json.dumps({"locaties-gezien": ["portiek"]}), encoding="utf-8")
    code, out, _ = run(capsys, "assess", "--answers", answers, "--description", TEXT)
    assert code == 0 and "**Plekken:** Woning, portiek" in out and "(uit: jongeren)" in out


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
