"""The advice: Situation checks, the model in the guide's order on realistic cases, the rules as content.

The conformance suite (``tests/advice-cases/``) pins the evaluator's whole output per case; this
module checks the Python surface around it (``Situation``, ``recommend``, typed results) and the
model's behaviour on situations taken from the guide.
"""

from __future__ import annotations

import warnings

import pytest
from pydantic import ValidationError

import buurtverbinding as bv
from buurtverbinding.advice import Advice, Situation, recommend


def directions(advice: Advice) -> list[str]:
    return [d.id for d in advice.directions]


def example_ids(advice: Advice) -> list[str]:
    return [e.id for e in advice.examples]


def dump(cat) -> dict:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # see the report: the advice model's dump warns about list/tuple
        return cat.model_dump(mode="json")


# --- Situation ---------------------------------------------------------------------------


def test_situation_is_frozen_and_accepts_single_values(cat):
    s = Situation(phase="ongemak", locations="portiek", target_groups=["bewoners", "bewoners", " jongeren "])
    assert s.locations == ("portiek",)
    assert s.target_groups == ("bewoners", "jongeren")  # de-duplicated, stripped, order kept
    with pytest.raises(ValidationError):
        s.phase = "rust"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("data", "noun", "hint"),
    [
        ({"phase": "ongemakk"}, "phase", "did you mean 'ongemak'"),
        ({"locations": ["portiek", "pleinn"]}, "locations", "did you mean 'plein'"),
        ({"target_groups": ["pubers"]}, "target groups", "bewoners"),
        ({"partners": ["politie"]}, "partners", "wijkagent"),
        ({"budget": "veel"}, "budget", "laag, midden, hoog"),
        ({"causes": ["ruzie"]}, "causes", "kleine-ergernissen"),
        ({"judgements": {"ontmoetingen": "ja"}}, "judgements subject", "did you mean 'ontmoeting'"),
        ({"first": {"veiligheid": "ja"}}, "first subject", "basisveiligheid"),
        ({"policy": {"signaal": "nee"}}, "policy subject", "signalen"),
    ],
)
def test_situation_rejects_values_outside_the_vocabulary(cat, data, noun, hint):
    with pytest.raises(bv.UnknownValueError) as info:
        Situation(**data)
    message = str(info.value)
    assert message.startswith(f"unknown {noun} ") and hint in message
    assert info.value.valid  # the valid values travel with the error


@pytest.mark.parametrize("answer", ["misschien", 1, None, ["ja"]])
def test_judgements_take_ja_nee_or_weet_niet(cat, answer):
    with pytest.raises(ValidationError):
        Situation(judgements={"jeugd": answer})


def test_judgement_words_are_normalised(cat):
    s = Situation(judgements={"jeugd": " Yes", "ontmoeting": "no", "gemeente": "Weet niet"}, first={"basisveiligheid": "JA"})
    assert s.judgements == {"jeugd": "ja", "ontmoeting": "nee", "gemeente": "weet-niet"}
    assert s.first == {"basisveiligheid": "ja"}


def test_situation_model_validate_uses_the_catalogue_from_the_context(cat):
    s = Situation.model_validate({"phase": "rust", "locations": ["plein"]}, context={"catalog": cat})
    assert s.phase == "rust" and s.locations == ("plein",) and s.catalog is cat
    with pytest.raises(bv.UnknownValueError, match="unknown phase 'kalm'"):
        Situation.model_validate({"phase": "kalm"}, context={"catalog": cat})


def test_situation_model_validate_json_raises_the_packages_error(cat):
    with pytest.raises(bv.UnknownValueError):
        Situation.model_validate_json('{"forms": ["ruzie"]}', context={"catalog": cat})


def test_situation_rejects_unknown_fields_and_wrong_types(cat):
    with pytest.raises(ValidationError, match="fase"):
        Situation(fase="ongemak")  # type: ignore[call-arg]
    with pytest.raises(ValidationError):
        Situation(phase=3)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        Situation(locations={"plein": True})  # type: ignore[arg-type]


def test_existing_is_free(cat):
    assert Situation(existing=["buurtbemiddeling", "een inloop op woensdag"]).existing == ("buurtbemiddeling", "een inloop op woensdag")


def test_recommend_checks_its_arguments(cat):
    with pytest.raises(TypeError, match="Situation"):
        recommend(cat, {"phase": "rust"})  # type: ignore[arg-type]
    for bad in (0, -1, True, 2.5, "5"):
        with pytest.raises(ValueError, match="limit"):
            recommend(cat, Situation(phase="rust"), limit=bad)  # type: ignore[arg-type]


def test_catalog_recommend_refuses_a_mapping_with_a_type_error(cat):
    with pytest.raises(TypeError, match="Situation"):
        cat.recommend({"phase": "rust"})  # type: ignore[arg-type]


def test_a_situation_checked_against_another_catalogue_is_refused(cat):
    other = type(cat).model_validate(dump(cat))
    situation = Situation.for_catalog(other, phase="rust")
    assert situation.catalog is other
    with pytest.raises(ValueError, match="another catalogue"):
        recommend(cat, situation)
    with pytest.raises(ValueError, match="another catalogue"):
        situation.recommend(catalog=cat)
    assert situation.recommend().summary == recommend(other, situation).summary


def test_limit_sets_the_number_of_examples(cat):
    s = Situation(phase="spanningen", locations=["buurt"], target_groups=["jongeren", "bewoners"])
    assert len(recommend(cat, s, limit=2).examples) == 2
    assert example_ids(recommend(cat, s, limit=2)) == example_ids(recommend(cat, s, limit=8))[:2]


# --- the two cases of the first issue, in the new model -------------------------------------

PORTIEK = {
    "phase": "ongemak",
    "locations": ["portiek"],
    "dividing_lines": ["oud-nieuw"],
    "target_groups": ["bewoners", "nieuwe-bewoners"],
    "causes": ["kleine-ergernissen"],
}


def test_portiekflat_old_and_new_residents_points_to_woonomgeving(cat):
    advice = cat.recommend(Situation(**PORTIEK))
    assert directions(advice)[0] == "woonomgeving"
    top = advice.directions[0]
    assert top.source == "analysis" and top.fit > 0
    for label in (cat.label("locaties", "portiek"), cat.label("oorzaken", "kleine-ergernissen")):
        assert label in top.reason  # the reason names the answers behind it, in words
    assert "punt" not in top.reason
    assert advice.later == () and advice.declined == ()
    assert advice.examples and advice.examples[0].direction == "woonomgeving"
    assert {"portiekgesprekken", "buurtbemiddeling"} <= set(example_ids(advice))
    assert sum(e.direction == "woonomgeving" for e in advice.examples) >= 3


def test_incidents_with_young_people_on_a_square(cat):
    advice = cat.recommend(Situation(phase="incidenten", locations=["plein"], target_groups=["jongeren"]))
    # Safety first as steps (Eerst), the response chosen on fit (Dan), meeting waits (Later).
    assert [f.id for f in advice.first][:1] == ["basisveiligheid"]
    assert directions(advice)[0] == "jeugd"
    assert "ontmoeting" not in directions(advice) and [h.id for h in advice.later] == ["ontmoeting"]
    assert advice.later[0].why and advice.later[0].why.rstrip(".").lower() in advice.later[0].reason.lower()
    assert advice.headline.startswith("Eerst: basisveiligheid herstellen")
    assert all(e.direction != "ontmoeting" for e in advice.examples)  # nothing from a direction that waits
    assert {"straatcoaches-amsterdam", "buurtvaders"} <= set(example_ids(advice))


def test_a_held_back_direction_never_heads_the_summary(cat):
    advice = cat.recommend(Situation(phase="incidenten", locations=["ontmoetingsplek"], forms=["vervreemding", "vooroordelen"]))
    assert "ontmoeting" in [h.id for h in advice.later]
    assert "ontmoeting" not in directions(advice)
    assert "Ontmoeting past het best" not in advice.summary and "Dan: Ontmoeting" not in advice.headline
    assert "Ontmoeting wacht" in advice.summary


# --- more realistic situations ----------------------------------------------------------------


def test_announced_asylum_centre_with_protest_calls_for_the_municipality(cat):
    # A council decides on an asylum centre; residents protest and distrust the council.
    s = Situation(
        phase="spanningen",
        forms=["protest", "wantrouwen-overheid"],
        causes=["komst-nieuwe-groep", "overheidsbesluit"],
        dividing_lines=["voor-tegen-thema", "burger-overheid"],
        locations=["buurt", "gemeente"],
        target_groups=["bewoners", "nieuwkomers"],
    )
    advice = cat.recommend(s)
    assert directions(advice)[0] == "gemeente"
    assert "asielopvang-inwoners-informeren-en-betrekken" in example_ids(advice)[:3]


def test_quiet_street_with_newcomers_and_estrangement_calls_for_meeting(cat):
    s = Situation(phase="rust", forms=["vervreemding"], locations=["straat", "buurt"], target_groups=["bewoners", "nieuwe-bewoners"])
    advice = cat.recommend(s)
    assert directions(advice)[0] == "ontmoeting" and advice.later == ()
    assert sum(e.direction == "ontmoeting" for e in advice.examples) >= 3
    assert all("rust" in cat.get(e.id).phases for e in advice.examples)  # only examples meant for the phase


def test_vulnerable_tenants_in_flats_with_tension(cat):
    s = Situation(
        phase="spanningen",
        forms=["onderhuidse-spanning", "onbegrip"],
        causes=["concentratie-kwetsbare-bewoners", "kleine-ergernissen"],
        locations=["portiek"],
        target_groups=["kwetsbare-bewoners"],
        dividing_lines=["met-zonder-rugzak"],
    )
    advice = cat.recommend(s)
    assert directions(advice)[0] == "woonomgeving"
    label = cat.label("scheidslijnen", "met-zonder-rugzak")
    assert any(label in e.reason for e in advice.examples)  # the matching dividing line is named


def test_examples_match_on_their_core_not_on_phase_and_place_alone(cat):
    # Phase and a place only: no example fits on its core, so none is listed.
    assert cat.recommend(Situation(phase="incidenten", locations=["plein"])).examples == ()
    advice = cat.recommend(Situation(phase="incidenten", locations=["plein"], target_groups=["jongeren"]))
    jongeren = cat.label("doelgroepen", "jongeren")
    assert advice.examples and all(jongeren in e.reason for e in advice.examples)
    for e in advice.examples:
        assert "jongeren" in cat.get(e.id).target_groups


def test_budget_over_the_given_band_is_a_caveat(cat):
    s = Situation(phase="incidenten", locations=["plein"], target_groups=["jongeren"], forms=["intimidatie"], budget="laag")
    advice = cat.recommend(s, limit=20)
    for e in advice.examples:
        cost = cat.get(e.id).cost
        over = cost is not None and cost.band != "laag"
        assert any("budget" in c for c in e.caveats) == over, e.id


def test_the_general_caveat_is_said_once(cat):
    advice = cat.recommend(Situation(**PORTIEK))
    assert advice.caveat.count("Ga dat na") == 1
    for e in advice.examples:
        assert advice.caveat not in e.reason and all(advice.caveat != c for c in e.caveats)


def test_running_examples_are_not_recommended_again(cat):
    base = cat.recommend(Situation(**PORTIEK))
    first = base.examples[0]
    for entry in (first.id, first.title.upper(), f"  {first.title}  "):
        again = cat.recommend(Situation(**PORTIEK, existing=[entry]))
        assert first.id not in example_ids(again)
        assert again.running[0].example == first.id and first.title in again.running[0].text


def test_empty_situation_gives_nothing_and_asks_for_answers(cat):
    advice = cat.recommend(Situation())
    assert advice.examples == () and advice.directions == () and advice.first == () and advice.later == ()
    assert advice.gaps.status == "pending"
    assert advice.summary.startswith("Vul de vragen in")


def test_recommend_is_deterministic(cat):
    s = Situation(phase="spanningen", locations=["buurt"], target_groups=["jongeren", "bewoners"])
    assert cat.recommend(s) == cat.recommend(s) == recommend(cat, s)


def test_the_plan_is_ordered_by_fit_then_by_the_phase(cat):
    s = Situation(phase="spanningen", locations=["straat", "portiek", "plein"], target_groups=["jongeren", "bewoners"], forms=["intimidatie"])
    advice = cat.recommend(s)
    fits = [d.fit for d in advice.directions]
    assert fits == sorted(fits, reverse=True) and len(fits) >= 2
    scores = [e.score for e in advice.examples]
    assert scores == sorted(scores, reverse=True)


def test_no_points_or_threshold_words_in_what_people_read(cat):
    s = Situation(**PORTIEK, judgements={"jeugd": "ja"}, policy={"woonomgeving": "nee"})
    advice = cat.recommend(s)
    shown = " ".join(
        [advice.summary, advice.headline, advice.note, advice.caveat, advice.gaps.text]
        + [x.reason for x in (*advice.first, *advice.directions, *advice.later, *advice.declined, *advice.examples, *advice.gaps.items)]
    ).lower()
    assert "punt" not in shown and "drempel" not in shown


# --- step 3: the meeting decides ----------------------------------------------------------------


def test_nee_takes_a_direction_out_and_says_when_the_analysis_points_to_it(cat):
    advice = cat.recommend(Situation(**PORTIEK, judgements={"woonomgeving": "nee"}))
    assert "woonomgeving" not in directions(advice)
    (declined,) = advice.declined
    assert declined.id == "woonomgeving" and declined.kind == "direction"
    assert declined.reason.startswith("U koos dit niet; uw analyse wijst wel op Woonomgeving")


def test_ja_puts_a_direction_in_the_plan_even_without_the_analysis(cat):
    advice = cat.recommend(Situation(**PORTIEK, judgements={"gemeente": "ja"}))
    chosen = next(d for d in advice.directions if d.id == "gemeente")
    assert chosen.source == "meeting" and "U koos deze richting" in chosen.reason
    assert directions(advice)[0] == "woonomgeving"  # the analysis still orders the plan


def test_weet_niet_leaves_it_to_the_analysis(cat):
    plain = cat.recommend(Situation(**PORTIEK))
    unsure = cat.recommend(Situation(**PORTIEK, judgements={d.id: "weet-niet" for d in cat.directions}))
    assert directions(unsure) == directions(plain) and unsure.declined == ()


def test_first_steps_follow_the_phase_and_the_meeting(cat):
    rust = cat.recommend(Situation(phase="rust", first={"basisveiligheid": "ja"}))
    assert [f.id for f in rust.first] == ["basisveiligheid"] and "U koos ervoor" in rust.first[0].reason
    declined = cat.recommend(Situation(phase="incidenten", first={"basisveiligheid": "nee"}))
    assert "basisveiligheid" not in [f.id for f in declined.first]
    assert [(d.id, d.kind) for d in declined.declined] == [("basisveiligheid", "step")]


# --- the rules as content: read from the catalogue, linted, in the changelog ---------------------


def test_the_rules_come_from_the_catalogue(cat):
    # Change one rule in a copy of the compiled catalogue: the advice follows it.
    data = dump(cat)
    for rule_set in data["advice_rules"]:
        if rule_set["field"] == "locations":
            for rule in rule_set["rules"]:
                if rule["value"] == "portiek":
                    rule["direction"] = "veiligheid"
    other = type(cat).model_validate(data)
    situation = Situation.for_catalog(other, locations=["portiek"])
    assert directions(other.recommend(situation))[0] == "veiligheid"
    assert directions(cat.recommend(Situation(locations=["portiek"])))[0] == "woonomgeving"


def test_the_sentences_come_from_the_catalogue(cat):
    data = dump(cat)
    data["advice_model"][0]["texts"]["summary_empty"] = "Nog niets ingevuld (test)."
    other = type(cat).model_validate(data)
    assert other.recommend(Situation.for_catalog(other)).summary == "Nog niets ingevuld (test)."


def test_a_catalogue_without_an_advice_model_says_so(cat):
    data = dump(cat)
    data["advice_model"] = []
    bare = type(cat).model_validate(data)
    with pytest.raises(ValueError, match="content/advies/"):
        bare.recommend(Situation.for_catalog(bare, phase="rust"))


def test_every_direction_can_come_first(cat):
    # Each direction is reachable: some plain situation puts it on top.
    cases = {
        "woonomgeving": Situation(phase="ongemak", locations=["portiek"]),
        "ontmoeting": Situation(phase="rust", locations=["ontmoetingsplek"], forms=["vervreemding"]),
        "jeugd": Situation(phase="ongemak", locations=["school"], target_groups=["kinderen"]),
        "veiligheid": Situation(phase="incidenten", locations=["straat"], forms=["intimidatie"]),
        "gemeente": Situation(phase="spanningen", locations=["gemeente"], causes=["overheidsbesluit"]),
    }
    for direction, situation in cases.items():
        assert directions(cat.recommend(situation))[:1] == [direction], direction


def test_the_rules_are_compiled_into_the_catalogue(cat):
    assert {r.field for r in cat.advice_rules} == {"locations", "target_groups", "forms", "causes", "dividing_lines"}
    assert [m.id for m in cat.advice_model] == ["advies-model"]
    assert cat.get("regels-plekken").field == "locations"


def test_a_changed_rule_is_listed_by_id_in_the_changelog(cat):
    from buurtverbinding.compiler._changelog import diff, render

    old = dump(cat)
    new = dump(cat)
    new["advice_rules"][1]["rules"][0]["points"] += 1
    new["advice_model"][0]["fit"]["suggest_min"] += 1
    changes = diff(old, new)
    assert sorted(changes["changed"]) == ["advice_model:advies-model", f"advice_rules:{new['advice_rules'][1]['id']}"]
    block = render(old, new)
    assert f"`{new['advice_rules'][1]['id']}`" in block and "`advies-model`" in block


def test_a_broken_rule_is_a_coded_lint_problem(content_copy):
    from buurtverbinding.compiler import check_tree

    path = content_copy / "advies" / "regels-plekken.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("value: portiek,", "value: portiekk,", 1), encoding="utf-8")
    problems = [p for p in check_tree(content_copy).problems if p.severity == "error"]
    assert [(p.code, p.path) for p in problems] == [("BV130", "content/advies/regels-plekken.yaml")]
    assert "'portiekk' is not in vocabulary 'locaties'" in problems[0].message and "did you mean 'portiek'?" in problems[0].message
