"""Assessment: answers checked against their questions (Dutch messages), answers files, the saved
document with the meeting, and the way to a Situation through each question's ``feeds``."""

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
from buurtverbinding.advice._table import advice_table, situation_fields


def items(cat) -> list[dict]:
    return advice_table(cat)["items"]


def item_of(cat, kind, feeds=None) -> dict:
    for item in items(cat):
        if item["kind"] == kind and (feeds is None or item["feeds"] == feeds):
            return item
    pytest.skip(f"no {kind} item in the checklists")


# --- accepted answers ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "stored"),
    [("ja", "ja"), ("Nee", "nee"), ("yes", "ja"), ("no", "nee"), (True, "ja"), (False, "nee"), ("weet niet", "weet-niet"), (" Weet-niet ", "weet-niet")],
)
def test_yes_no_answers_are_stored_as_ja_nee_or_weet_niet(cat, raw, stored):
    item = item_of(cat, "yes_no")
    assert Assessment(answers={item["id"]: raw}).answers == {item["id"]: stored}


def test_choice_scale_and_text_answers_are_normalised(cat):
    single = item_of(cat, "single_choice", feeds="phase")["id"]
    multiple = item_of(cat, "multiple_choice", feeds="locations")["id"]
    scale = item_of(cat, "scale")["id"]
    text = item_of(cat, "text")["id"]
    answers = Assessment(answers={single: " Ongemak ", multiple: "portiek", scale: 3.0, text: 2019}).answers
    assert answers == {single: "ongemak", multiple: ("portiek",), scale: 3, text: "2019"}
    assert Assessment(answers={scale: "4"}).answers[scale] == 4
    assert Assessment(answers={text: date(2024, 5, 1)}).answers[text] == "2024-05-01"
    assert Assessment(answers={text: ["regel een", " ", "regel twee"]}).answers[text] == "regel een\nregel twee"
    assert Assessment(answers={multiple: ["plein", "portiek", "plein"]}).answers[multiple] == ("plein", "portiek")


def test_empty_answers_mean_skipped(cat):
    text, multiple, yes_no = item_of(cat, "text")["id"], item_of(cat, "multiple_choice")["id"], item_of(cat, "yes_no")["id"]
    assert Assessment(answers={text: "  ", multiple: [], yes_no: None}).answers == {}


def test_answers_are_kept_in_checklist_order(cat):
    order = [item["id"] for item in items(cat)]
    chosen = {item["id"]: "x" for item in items(cat) if item["kind"] == "text"}
    shuffled = dict(reversed(list(chosen.items())))
    assert list(Assessment(answers=shuffled).answers) == [i for i in order if i in chosen]


def test_model_validate_takes_the_catalogue_from_the_context(cat):
    assessment = Assessment.model_validate({"answers": {"fase-nu": "rust"}}, context={"catalog": cat})
    assert assessment.catalog is cat
    assert assessment.to_situation() == Situation(phase="rust")


# --- bad answers: every problem at once, in Dutch ------------------------------------------------


def test_every_bad_answer_is_reported_with_the_question_and_the_valid_choices(cat):
    phase = item_of(cat, "single_choice", feeds="phase")
    places = item_of(cat, "multiple_choice", feeds="locations")
    scale = item_of(cat, "scale")
    yes_no = item_of(cat, "yes_no")
    text = item_of(cat, "text")
    bad = {
        phase["id"]: "ongemakk",
        places["id"]: ["portiek", "pleinn"],
        scale["id"]: scale["scale"]["max"] + 1,
        yes_no["id"]: "misschien",
        text["id"]: {"a": 1},
        "fase-nuu": "rust",
    }
    with pytest.raises(AnswerError) as info:
        Assessment(answers=bad)
    problems = info.value.problems
    assert len(problems) == len(bad)
    assert f"Bij de vraag '{phase['question']}' is 'ongemakk' geen keuze. Kies uit: rust, ongemak, spanningen, incidenten." in problems
    assert any(f"'{places['question']}' is 'pleinn' geen keuze" in p and "portiek, straat, plein" in p for p in problems)
    low, high = scale["scale"]["min"], scale["scale"]["max"]
    assert any(f"'{scale['question']}' is '{high + 1}' geen antwoord. Kies een heel getal van {low} (" in p for p in problems)
    assert f"Bij de vraag '{yes_no['question']}' is 'misschien' geen antwoord. Kies ja, nee of weet niet." in problems
    assert f"Bij de vraag '{text['question']}' hoort tekst." in problems
    assert "Onbekende vraag 'fase-nuu'. Bedoelde u 'fase-nu'?" in problems
    assert str(info.value).startswith(f"{len(bad)} fouten:")
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("kind", "raw", "expected"),
    [
        ("single_choice", ["rust", "ongemak"], "past één keuze, geen lijst"),
        ("single_choice", 3, "past één keuze, geen lijst"),
        ("multiple_choice", {"portiek": True}, "geen keuze"),
        ("multiple_choice", [1, 2], r"is '\[1,2\]' geen keuze"),
        ("scale", True, "Kies een heel getal"),
        ("scale", 2.5, "is '2.5' geen antwoord"),
        ("scale", "veel", "is 'veel' geen antwoord"),
        ("yes_no", 1, "is '1' geen antwoord. Kies ja, nee of weet niet."),
        ("text", True, "hoort tekst"),
    ],
)
def test_wrong_types_are_named(cat, kind, raw, expected):
    item = item_of(cat, kind)
    with pytest.raises(AnswerError, match=expected) as info:
        Assessment(answers={item["id"]: raw})
    assert item["question"] in str(info.value) and "Traceback" not in str(info.value)


def test_long_values_are_cut_in_messages(cat):
    with pytest.raises(AnswerError) as info:
        Assessment(answers={"fase-nu": "x" * 500})
    assert "x" * 57 + "..." in str(info.value) and "x" * 61 not in str(info.value)


def test_the_answers_must_be_a_mapping(cat):
    with pytest.raises(AnswerError, match="geen antwoordbestand van de Buurtanalyse"):
        Assessment(answers=["fase-nu"])  # type: ignore[arg-type]
    with pytest.raises(AnswerError, match="'answers'"):
        Assessment(antwoorden={})  # type: ignore[call-arg]


# --- the saved document (version 2) with the meeting ------------------------------------------------


def test_the_saved_document_round_trips(cat):
    meeting = {"datum": "2026-12-07", "buurt": "Wijk Noord", "aanwezigen": "jongerenwerk, wijkagent"}
    assessment = Assessment(answers={"nodig-ontmoeting": "nee", "fase-nu": "incidenten"}, meeting=meeting)
    document = assessment.document()
    assert document == {"format": "buurtanalyse", "version": 2, "meeting": meeting, "answers": {"fase-nu": "incidenten", "nodig-ontmoeting": "nee"}}
    again = Assessment.from_document(document, cat)
    assert again == assessment and again.meeting == meeting
    assert Assessment.from_document(document["answers"], cat).answers == assessment.answers  # a plain mapping (version 1)


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ({"format": "iets-anders", "version": 2, "answers": {}}, "geen antwoordbestand van de Buurtanalyse"),
        ({"format": "buurtanalyse", "version": 2, "answers": ["fase-nu"]}, "geen antwoordbestand van de Buurtanalyse"),
        ({"format": "buurtanalyse", "version": 3, "answers": {}}, "heeft versie 3; deze versie van de Buurtanalyse leest versie 2"),
        ({"format": "buurtanalyse", "version": "twee", "answers": {}}, "heeft versie twee"),
        ({"format": "buurtanalyse", "version": 2, "meeting": {"datum": 20261207}, "answers": {}}, "'Datum' van het overleg moet tekst zijn"),
        ("fase-nu: rust", "geen antwoordbestand van de Buurtanalyse"),
        (None, "geen antwoordbestand van de Buurtanalyse"),
    ],
)
def test_bad_documents_are_refused_in_dutch(cat, document, expected):
    with pytest.raises(AnswerError, match=expected) as info:
        Assessment.from_document(document, cat, source="x.json")
    assert info.value.source == "x.json" and "'x.json'" in str(info.value)


# --- to_situation: through each question's feeds ---------------------------------------------------


def test_to_situation_follows_the_feeds(cat):
    answers, expected = {}, {}
    for item in items(cat):
        field = item["feeds"]
        if field in situation_fields() and field not in expected and item["options"]:
            first = item["options"][0][0]
            answers[item["id"]] = first if item["kind"] == "single_choice" else [first]
            expected[field] = first if item["kind"] == "single_choice" else (first,)
    answers["aanbod-bestaand"] = "buurtbemiddeling, een inloop op woensdag;\n- burendag"
    answers.update({"nodig-ontmoeting": "nee", "eerst-basisveiligheid": "ja", "beleid-jeugd": "weet niet", "signalen-vaste-plek": "nee"})
    situation = Assessment(answers=answers).to_situation()
    for field, value in expected.items():
        assert getattr(situation, field) == value, field
    assert situation.existing == ("buurtbemiddeling", "een inloop op woensdag", "burendag")
    assert situation.judgements == {"ontmoeting": "nee"} and situation.first == {"basisveiligheid": "ja"}
    assert situation.policy == {"jeugd": "weet-niet", "signalen": "nee"}


def test_every_question_declares_what_it_feeds(cat):
    fields = situation_fields()
    directions = {d.id for d in cat.directions}
    for item in items(cat):
        feeds = item["feeds"]
        assert feeds in {*fields, "existing", "judgement", "first", "policy", "verslag"}, item["id"]
        if feeds == "judgement":
            assert item["kind"] == "yes_no" and item["about"] in directions, item["id"]
        if feeds in fields:
            assert item["options"] and [o[0] for o in item["options"]] == list(cat.vocabulary(fields[feeds]).ids()), item["id"]


def test_verslag_questions_change_nothing_in_the_advice(cat):
    base = {"fase-nu": "ongemak", "locaties-gezien": ["portiek"]}
    extra = {
        item["id"]: ("ja" if item["kind"] == "yes_no" else "tekst") for item in items(cat) if item["feeds"] == "verslag" and item["kind"] in ("yes_no", "text")
    }
    plain = Assessment(answers=base).advice()
    more = Assessment(answers={**base, **extra}).advice()
    assert (more.summary, more.directions, more.examples, more.gaps) == (plain.summary, plain.directions, plain.examples, plain.gaps)
    assert more.report != plain.report  # but they are in the verslag


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_valid_answers_give_consistent_advice(cat, data):
    answers = {}
    for item in items(cat):
        if not data.draw(st.booleans()):
            continue
        if item["options"]:
            values = [o[0] for o in item["options"]]
            answers[item["id"]] = (
                data.draw(st.sampled_from(values)) if item["kind"] == "single_choice" else data.draw(st.lists(st.sampled_from(values), max_size=4))
            )
        elif item["kind"] == "yes_no":
            answers[item["id"]] = data.draw(st.sampled_from(["ja", "nee", "weet niet"]))
    assessment = Assessment(answers=answers)
    situation = assessment.to_situation()
    advice = cat.recommend(situation)
    assert advice == cat.recommend(situation)
    typed = assessment.advice()
    assert (typed.directions, typed.examples, typed.gaps) == (advice.directions, advice.examples, advice.gaps)
    plan = {d.id for d in advice.directions}
    assert plan.isdisjoint({h.id for h in advice.later}) and plan.isdisjoint({d.id for d in advice.declined if d.kind == "direction"})
    assert all(situation.judgements.get(d) != "nee" for d in plan)
    assert len(advice.summary.split()) <= 120
    if not situation.policy and not situation.existing:
        assert advice.gaps.status == "pending" and advice.gaps.items == ()


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


def test_a_yaml_date_in_the_meeting_is_read_as_text(cat, tmp_path):
    path = tmp_path / "overleg.yml"
    path.write_text("format: buurtanalyse\nversion: 2\nmeeting: {datum: 2026-12-07, buurt: Oost}\nanswers: {fase-nu: rust}\n", encoding="utf-8")
    assert Assessment.from_file(path, cat).meeting == {"datum": "2026-12-07", "buurt": "Oost"}


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("a.json", '{"fase-nu": "rust",}', "geen geldige JSON"),
        ("a.yaml", "fase-nu: [rust\n", "geen geldige YAML"),
        ("a.yaml", "", "het bestand is leeg"),
        ("a.json", "null", "het bestand is leeg"),
        ("a.json", '["fase-nu"]', "geen antwoordbestand van de Buurtanalyse"),
        ("a.txt", "fase-nu: rust", "onbekend bestandstype '.txt'; gebruik een antwoordbestand .json, .yaml of .yml"),
        ("a", "fase-nu: rust", r"onbekend bestandstype '\(geen\)'"),
    ],
)
def test_bad_files_give_clear_errors(tmp_path, cat, name, text, expected):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AnswerError, match=expected) as info:
        Assessment.from_file(path)
    assert str(path) in str(info.value) and info.value.source == str(path)


def test_a_file_that_is_not_text(tmp_path, cat):
    path = tmp_path / "a.json"
    path.write_bytes(b"\xff\xfe\x00{")
    with pytest.raises(AnswerError, match=r"geen tekst \(UTF-8\)"):
        Assessment.from_file(path)


def test_syntax_errors_name_the_line(tmp_path, cat):
    path = tmp_path / "a.json"
    path.write_text('{\n  "fase-nu": "rust"\n  "zorg-nu": 3\n}', encoding="utf-8")
    with pytest.raises(AnswerError, match="regel 3, kolom 3"):
        Assessment.from_file(path)
    path = tmp_path / "a.yaml"
    path.write_text("fase-nu: rust\nzorg-nu: [3\n", encoding="utf-8")
    with pytest.raises(AnswerError, match=r"geen geldige YAML \(regel 3"):
        Assessment.from_file(path)


def test_missing_file_and_folder(tmp_path, cat):
    with pytest.raises(AnswerError, match="het bestand bestaat niet"):
        Assessment.from_file(tmp_path / "nergens.yaml")
    folder = tmp_path / "map.json"
    folder.mkdir()
    with pytest.raises(AnswerError, match="dit is een map"):
        Assessment.from_file(folder)


def test_a_file_with_several_bad_answers_reports_all_of_them(tmp_path, cat):
    path = tmp_path / "a.yaml"
    path.write_text("fase-nu: kalm\nzorg-nu: 12\nbestaat-niet: ja\nlocaties-gezien: [portiek]\n", encoding="utf-8")
    with pytest.raises(AnswerError) as info:
        Assessment.from_file(path)
    assert len(info.value.problems) == 3 and info.value.source == str(path)
    assert str(info.value).startswith(f"3 fouten in '{path}':\n  - ")


def test_yaml_without_pyyaml_says_what_to_do(tmp_path, cat, monkeypatch):
    path = tmp_path / "a.yaml"
    path.write_text("fase-nu: rust\n", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "yaml", None)  # import yaml → ImportError
    with pytest.raises(AnswerError, match=r"vraagt PyYAML.*buurtverbinding\[lint\].*JSON"):
        Assessment.from_file(path)
    json_path = tmp_path / "a.json"
    json_path.write_text('{"fase-nu": "rust"}', encoding="utf-8")
    assert Assessment.from_file(json_path).answers == {"fase-nu": "rust"}


def test_assessment_is_frozen(cat):
    assessment = Assessment(answers={"fase-nu": "rust"})
    with pytest.raises(ValidationError):
        assessment.answers = {}  # type: ignore[misc]
    assert bv.Assessment is Assessment and bv.Situation is Situation
