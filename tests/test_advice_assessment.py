"""Assessment: answers checked against their questions, answers files, and the way to a Situation."""

from __future__ import annotations

import json
import sys
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import buurtverbinding as bv
from buurtverbinding.advice import AnswerError, Assessment, Situation
from buurtverbinding.advice._answers import items_in_order
from buurtverbinding.models import SITUATION_FEEDS


def item_of(cat, kind, feeds=None, vocabulary=None):
    for _, item in items_in_order(cat):
        if item.kind == kind and (feeds is None or item.feeds == feeds) and (vocabulary is None or item.vocabulary == vocabulary):
            return item
    pytest.skip(f"no {kind} item in the checklists")


# --- accepted answers ----------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "stored"), [("ja", "ja"), ("Nee", "nee"), ("yes", "ja"), ("no", "nee"), (True, "ja"), (False, "nee")])
def test_yes_no_answers_are_stored_as_ja_or_nee(cat, raw, stored):
    item = item_of(cat, "yes_no")
    assert Assessment(answers={item.id: raw}).answers == {item.id: stored}


def test_choice_scale_and_text_answers_are_normalised(cat):
    single = item_of(cat, "single_choice", feeds="phase")
    multiple = item_of(cat, "multiple_choice", feeds="locations")
    scale = item_of(cat, "scale")
    text = item_of(cat, "text")
    answers = Assessment(answers={single.id: " Ongemak ", multiple.id: "portiek", scale.id: 3.0, text.id: 2019}).answers
    assert answers == {single.id: "ongemak", multiple.id: ("portiek",), scale.id: 3, text.id: "2019"}
    assert Assessment(answers={scale.id: "4"}).answers[scale.id] == 4
    assert Assessment(answers={text.id: date(2024, 5, 1)}).answers[text.id] == "2024-05-01"
    assert Assessment(answers={text.id: ["regel een", " ", "regel twee"]}).answers[text.id] == "regel een\nregel twee"
    assert Assessment(answers={multiple.id: ["plein", "portiek", "plein"]}).answers[multiple.id] == ("plein", "portiek")


def test_empty_answers_mean_skipped(cat):
    text, multiple = item_of(cat, "text"), item_of(cat, "multiple_choice")
    assert Assessment(answers={text.id: "  ", multiple.id: [], item_of(cat, "yes_no").id: None}).answers == {}


def test_answers_are_kept_in_checklist_order(cat):
    order = [item.id for _, item in items_in_order(cat)]
    chosen = {item_id: "x" for item_id in order if cat.get(item_id).kind == "text"}
    shuffled = dict(reversed(list(chosen.items())))
    assert list(Assessment(answers=shuffled).answers) == [i for i in order if i in chosen]


def test_model_validate_takes_the_catalogue_from_the_context(cat):
    item = item_of(cat, "single_choice", feeds="phase")
    assessment = Assessment.model_validate({"answers": {item.id: "rust"}}, context={"catalog": cat})
    assert assessment.to_situation() == Situation(phase="rust")


# --- bad answers ---------------------------------------------------------------------------


def test_every_bad_answer_is_reported_with_item_answer_and_valid_options(cat):
    phase = item_of(cat, "single_choice", feeds="phase")
    places = item_of(cat, "multiple_choice", feeds="locations")
    scale = item_of(cat, "scale")
    yes_no = item_of(cat, "yes_no")
    text = item_of(cat, "text")
    bad = {
        phase.id: "ongemakk",
        places.id: ["portiek", "pleinn"],
        scale.id: scale.scale.max + 1,
        yes_no.id: "misschien",
        text.id: {"a": 1},
        "fase": "rust",
    }
    with pytest.raises(AnswerError) as info:
        Assessment(answers=bad)
    problems = info.value.problems
    assert len(problems) == len(bad)
    by_item = {key: next(p for p in problems if f"'{key}'" in p) for key in bad}
    assert "'ongemakk'" in by_item[phase.id] and "did you mean 'ongemak'" in by_item[phase.id] and "rust, ongemak" in by_item[phase.id]
    assert "'pleinn'" in by_item[places.id] and "portiek, straat, plein" in by_item[places.id]
    assert str(scale.scale.max + 1) in by_item[scale.id] and f"from {scale.scale.min} to {scale.scale.max}" in by_item[scale.id]
    assert "'misschien'" in by_item[yes_no.id] and "ja, nee" in by_item[yes_no.id]
    assert "takes text" in by_item[text.id]
    assert "unknown checklist item 'fase'" in by_item["fase"] and "did you mean 'fase-nu'" in by_item["fase"]
    assert str(info.value).startswith(f"{len(bad)} problems")
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("kind", "raw", "expected"),
    [
        ("single_choice", ["rust", "ongemak"], "takes one option"),
        ("multiple_choice", {"portiek": True}, "takes a list of options"),
        ("multiple_choice", [1, 2], "takes a list of options"),
        ("scale", True, "not a whole number"),
        ("scale", 2.5, "not a whole number"),
        ("scale", "veel", "not a whole number"),
        ("yes_no", 1, "is not an answer"),
    ],
)
def test_wrong_types_are_named(cat, kind, raw, expected):
    item = item_of(cat, kind)
    with pytest.raises(AnswerError, match=expected) as info:
        Assessment(answers={item.id: raw})
    assert f"'{item.id}'" in str(info.value)


def test_the_answers_must_be_a_mapping(cat):
    with pytest.raises(AnswerError, match="mapping of checklist item id"):
        Assessment(answers=["fase-nu"])  # type: ignore[arg-type]
    with pytest.raises(AnswerError, match="one field, 'answers'"):
        Assessment(antwoorden={})  # type: ignore[call-arg]


# --- to_situation ------------------------------------------------------------------------------


def test_to_situation_follows_the_feeds(cat):
    answers = {}
    expected = {}
    for _, item in items_in_order(cat):
        if item.feeds in SITUATION_FEEDS and item.feeds not in expected:
            first = cat.vocabulary(item.vocabulary).ids()[0]
            answers[item.id] = first if item.kind == "single_choice" else [first]
            expected[item.feeds] = first if item.kind == "single_choice" else (first,)
    existing = item_of(cat, "text", feeds="existing")
    answers[existing.id] = "buurtbemiddeling, een inloop op woensdag;\n- burendag"
    situation = Assessment(answers=answers).to_situation()
    for field, value in expected.items():
        assert getattr(situation, field) == value
    assert situation.existing == ("buurtbemiddeling", "een inloop op woensdag", "burendag")


def test_every_feeding_item_fits_its_situation_field(cat):
    for _, item in items_in_order(cat):
        if item.feeds and item.feeds != "existing":
            vocabulary, kind = SITUATION_FEEDS[item.feeds]
            assert (item.vocabulary, item.kind) == (vocabulary, kind), item.id


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_valid_answers_give_consistent_advice(cat, data):
    answers = {}
    for _, item in items_in_order(cat):
        if not item.vocabulary or not data.draw(st.booleans()):
            continue
        values = cat.vocabulary(item.vocabulary).ids()
        if item.kind == "single_choice":
            answers[item.id] = data.draw(st.sampled_from(values))
        else:
            answers[item.id] = data.draw(st.lists(st.sampled_from(values), max_size=4))
    situation = Assessment(answers=answers).to_situation()
    advice = cat.recommend(situation, limit=5)
    assert advice == cat.recommend(situation, limit=5)
    for d in advice.directions:
        assert d.score == sum(r.points for r in d.reasons)
    for a in advice.examples:
        assert a.score == sum(r.points for r in (*a.reasons, *a.caveats))
    for gap in cat.gaps(situation):
        assert gap.reasons


# --- answers files -------------------------------------------------------------------------------


def test_from_json_and_yaml_files(cat, tmp_path):
    data = {"fase-nu": "ongemak", "locaties-gezien": ["portiek"], "zorg-nu": 3}
    as_json = tmp_path / "antwoorden.json"
    as_json.write_text(json.dumps(data), encoding="utf-8")
    as_yaml = tmp_path / "antwoorden.yaml"
    as_yaml.write_text("fase-nu: ongemak\nlocaties-gezien: [portiek]\nzorg-nu: 3\nsignalen-getoetst: yes\n", encoding="utf-8")
    from_json = Assessment.from_file(as_json, cat)
    from_yaml = Assessment.from_file(as_yaml)
    assert from_json.answers == {"zorg-nu": 3, "locaties-gezien": ("portiek",), "fase-nu": "ongemak"}
    assert from_yaml.answers["signalen-getoetst"] == "ja"  # YAML's bare yes is a boolean
    assert from_yaml.to_situation() == from_json.to_situation() == Situation(phase="ongemak", locations=["portiek"])


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("a.json", '{"fase-nu": "rust",}', "not valid JSON"),
        ("a.yaml", "fase-nu: [rust\n", "not valid YAML"),
        ("a.yaml", "", "the file is empty"),
        ("a.json", '["fase-nu"]', "mapping of checklist item id"),
        ("a.txt", "fase-nu: rust", "unknown file type '.txt'"),
    ],
)
def test_bad_files_give_clear_errors(tmp_path, cat, name, text, expected):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AnswerError, match=expected) as info:
        Assessment.from_file(path)
    assert str(path) in str(info.value)


def test_syntax_errors_name_the_line(tmp_path, cat):
    path = tmp_path / "a.json"
    path.write_text('{\n  "fase-nu": "rust"\n  "zorg-nu": 3\n}', encoding="utf-8")
    with pytest.raises(AnswerError, match="line 3"):
        Assessment.from_file(path)


def test_missing_file_and_folder(tmp_path, cat):
    with pytest.raises(AnswerError, match="does not exist"):
        Assessment.from_file(tmp_path / "nergens.yaml")
    folder = tmp_path / "map.json"
    folder.mkdir()
    with pytest.raises(AnswerError, match="folder"):
        Assessment.from_file(folder)


def test_a_file_with_several_bad_answers_reports_all_of_them(tmp_path, cat):
    path = tmp_path / "a.yaml"
    path.write_text("fase-nu: kalm\nzorg-nu: 12\nbestaat-niet: ja\nlocaties-gezien: [portiek]\n", encoding="utf-8")
    with pytest.raises(AnswerError) as info:
        Assessment.from_file(path)
    assert len(info.value.problems) == 3 and info.value.source == str(path)
    assert f"3 problems in '{path}'" in str(info.value)


def test_yaml_without_pyyaml_says_what_to_do(tmp_path, cat, monkeypatch):
    path = tmp_path / "a.yaml"
    path.write_text("fase-nu: rust\n", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "yaml", None)  # import yaml → ImportError
    with pytest.raises(AnswerError, match=r"needs PyYAML.*buurtverbinding\[lint\].*JSON"):
        Assessment.from_file(path)
    json_path = tmp_path / "a.json"
    json_path.write_text('{"fase-nu": "rust"}', encoding="utf-8")
    assert Assessment.from_file(json_path).answers == {"fase-nu": "rust"}


def test_assessment_is_frozen(cat):
    assessment = Assessment(answers={"fase-nu": "rust"})
    with pytest.raises(ValidationError):
        assessment.answers = {}  # type: ignore[misc]
    assert bv.Assessment is Assessment and bv.Situation is Situation
