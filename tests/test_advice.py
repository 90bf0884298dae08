"""The recommender: Situation checks, direction and example scores with reasons, realistic cases."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

import buurtverbinding as bv
from buurtverbinding.advice import Advice, Situation, recommend
from buurtverbinding.advice import _rules as rules


def directions(advice: Advice) -> list[str]:
    return [d.direction.id for d in advice.directions]


def example_ids(advice: Advice) -> list[str]:
    return [a.example.id for a in advice.examples]


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
        ({"locations": ["portiek", "pleinn"]}, "location", "did you mean 'plein'"),
        ({"target_groups": ["pubers"]}, "target group", "valid values: bewoners"),
        ({"partners": ["politie"]}, "partner", "wijkagent"),
        ({"budget": "veel"}, "budget", "laag, midden, hoog"),
        ({"causes": ["ruzie"]}, "cause", "kleine-ergernissen"),
    ],
)
def test_situation_rejects_values_outside_the_vocabulary(cat, data, noun, hint):
    with pytest.raises(bv.UnknownValueError) as info:
        Situation(**data)
    message = str(info.value)
    assert message.startswith(f"unknown {noun} ") and hint in message
    assert info.value.valid  # the valid values travel with the error


def test_situation_model_validate_uses_the_catalogue_from_the_context(cat):
    s = Situation.model_validate({"phase": "rust", "locations": ["plein"]}, context={"catalog": cat})
    assert s.phase == "rust" and s.locations == ("plein",)
    with pytest.raises(bv.UnknownValueError, match="unknown phase 'kalm'"):
        Situation.model_validate({"phase": "kalm"}, context={"catalog": cat})
    with pytest.raises(bv.UnknownValueError):
        Situation.model_validate_json('{"forms": ["ruzie"]}', context={"catalog": cat})


def test_situation_rejects_unknown_fields_and_wrong_types(cat):
    with pytest.raises(ValidationError, match="fase"):
        Situation(fase="ongemak")  # type: ignore[call-arg]
    with pytest.raises(ValidationError):
        Situation(phase=3)  # type: ignore[arg-type]


def test_existing_is_free(cat):
    assert Situation(existing=["buurtbemiddeling", "een inloop op woensdag"]).existing == ("buurtbemiddeling", "een inloop op woensdag")


def test_recommend_checks_its_arguments(cat):
    with pytest.raises(TypeError, match="Situation"):
        cat.recommend({"phase": "rust"})  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="limit"):
        cat.recommend(Situation(phase="rust"), limit=0)


# --- the two cases of the issue -------------------------------------------------------------

PORTIEK = {
    "phase": "ongemak",
    "locations": ["portiek"],
    "dividing_lines": ["oud-nieuw"],
    "target_groups": ["bewoners", "nieuwe-bewoners"],
    "causes": ["kleine-ergernissen"],
}


def test_portiekflat_old_and_new_residents_points_to_woonomgeving(cat):
    advice = cat.recommend(Situation(**PORTIEK), limit=5)
    assert directions(advice)[0] == "woonomgeving"
    top = advice.directions[0]
    assert top.called_for and top.score == sum(r.points for r in top.reasons)
    assert {r.field for r in top.reasons} >= {"phase", "locations", "target_groups", "causes", "dividing_lines"}
    assert advice.notes and "preventie en contact" in advice.notes[0]
    assert len(advice.examples) == 5
    for a in advice.examples:
        assert a.example.direction == "woonomgeving"
        texts = [r.text for r in a.reasons]
        assert "fase 'Ongemak' past bij dit voorbeeld" in texts  # the answer and the field are named
        assert any(r.field == "direction" for r in a.reasons)
        assert a.score == sum(r.points for r in (*a.reasons, *a.caveats))
    portiek_label = cat.label("locaties", "portiek")
    assert sum(any(portiek_label in r.text for r in a.reasons) for a in advice.examples) >= 4
    assert {"portiekgesprekken", "buurtbemiddeling"} & set(example_ids(advice))


def test_incidents_with_young_people_on_a_square_put_youth_and_safety_first(cat):
    advice = cat.recommend(Situation(phase="incidenten", locations=["plein"], target_groups=["jongeren"]), limit=5)
    assert set(directions(advice)[:2]) == {"jeugd", "veiligheid"}
    ontmoeting = next(d for d in advice.directions if d.direction.id == "ontmoeting")
    assert not ontmoeting.called_for
    assert any(r.points < 0 and r.field == "phase" for r in ontmoeting.reasons)
    assert "basisveiligheid" in advice.notes[0]
    for a in advice.examples[:3]:
        assert {"jeugd", "veiligheid"} & set(a.example.directions)
        assert "incidenten" in a.example.phases
    assert {"straatcoaches-amsterdam", "buurtvaders"} <= set(example_ids(advice))


def test_incidents_hold_meeting_activities_back(cat):
    advice = cat.recommend(Situation(phase="incidenten", locations=["straat", "buurt"], forms=["intimidatie"]), limit=None)
    assert directions(advice)[0] == "veiligheid"
    for a in advice.examples:
        if a.example.direction == "ontmoeting":
            assert any("komt in deze fase later" in c.text and c.points < 0 for c in a.caveats)
    ranks = {a.example.id: n for n, a in enumerate(advice.examples)}
    best_meeting = min(n for n, a in enumerate(advice.examples) if a.example.direction == "ontmoeting")
    best_safety = min(n for n, a in enumerate(advice.examples) if a.example.direction == "veiligheid")
    assert best_safety < best_meeting and ranks


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
    advice = cat.recommend(s, limit=5)
    assert directions(advice)[0] == "gemeente"
    assert "asielopvang-inwoners-informeren-en-betrekken" in example_ids(advice)[:3]


def test_international_conflict_echoing_at_school_and_online_calls_for_youth_and_municipality(cat):
    s = Situation(
        phase="spanningen",
        forms=["wij-zij-denken", "online-polarisatie"],
        causes=["internationale-conflicten", "landelijk-debat-media"],
        locations=["school", "online"],
        target_groups=["jongeren"],
    )
    advice = cat.recommend(s, limit=5)
    assert set(directions(advice)[:2]) == {"jeugd", "gemeente"}
    assert all({"jeugd", "gemeente"} & set(a.example.directions) for a in advice.examples)


def test_quiet_street_with_newcomers_and_estrangement_calls_for_meeting(cat):
    s = Situation(phase="rust", forms=["vervreemding"], locations=["straat", "buurt"], target_groups=["bewoners", "nieuwe-bewoners"])
    advice = cat.recommend(s, limit=5)
    assert directions(advice)[0] == "ontmoeting"
    assert sum(a.example.direction == "ontmoeting" for a in advice.examples) >= 3
    assert all("rust" in a.example.phases for a in advice.examples)


def test_vulnerable_tenants_in_flats_with_tension(cat):
    s = Situation(
        phase="spanningen",
        forms=["onderhuidse-spanning", "onbegrip"],
        causes=["concentratie-kwetsbare-bewoners", "kleine-ergernissen"],
        locations=["portiek"],
        target_groups=["kwetsbare-bewoners"],
        dividing_lines=["met-zonder-rugzak"],
    )
    advice = cat.recommend(s, limit=5)
    assert directions(advice)[0] == "woonomgeving"
    assert "woonomgeving" in advice.examples[0].example.directions
    # the flat's tenants with and without care needs: the matching dividing line is named
    label = cat.label("scheidslijnen", "met-zonder-rugzak")
    assert any(label in r.text for a in advice.examples for r in a.reasons)


def test_caveats_name_missing_partners_and_budget(cat):
    s = Situation(phase="incidenten", locations=["plein"], target_groups=["jongeren"], forms=["intimidatie"], partners=["wijkagent"], budget="laag")
    advice = cat.recommend(s, limit=None)
    coach = next(a for a in advice.examples if a.example.id == "straatcoaches-amsterdam")
    assert any(r.field == "partners" and "wijkagent" in r.values for r in coach.reasons)
    missing = next(c for c in coach.caveats if c.field == "partners")
    assert "straatcoaches" in missing.values and "niet aan tafel" in missing.text
    if coach.example.cost and coach.example.cost.band != "laag":
        assert any(c.field == "budget" and c.points < 0 for c in coach.caveats)
    unrated = [a for a in advice.examples if a.evidence_level == "niet-beoordeeld"]
    assert unrated and all(any(c.field == "evidence" for c in a.caveats) for a in unrated)


def test_examples_for_another_phase_get_a_caveat(cat):
    advice = cat.recommend(Situation(phase="incidenten", target_groups=["kinderen"], locations=["plein"]), limit=None)
    for a in advice.examples:
        if "incidenten" not in a.example.phases:
            assert any(c.field == "phase" and "past niet" in c.text for c in a.caveats)


def test_existing_examples_are_not_recommended_again(cat):
    base = cat.recommend(Situation(**PORTIEK), limit=3)
    first = base.examples[0].example
    again = cat.recommend(Situation(**PORTIEK, existing=[first.id]), limit=3)
    assert first.id not in example_ids(again)
    assert again.existing[0].how == "id" and again.existing[0].example == first
    by_title = cat.recommend(Situation(**PORTIEK, existing=[first.title.upper()]), limit=3)
    assert by_title.existing[0].how == "title" and first.id not in example_ids(by_title)


def test_empty_situation_gives_no_examples_and_asks_for_the_phase(cat):
    advice = cat.recommend(Situation(), limit=5)
    assert advice.examples == () and not any(d.called_for for d in advice.directions)
    assert "fase is niet ingevuld" in advice.notes[0]


def test_recommend_is_deterministic(cat):
    s = Situation(phase="spanningen", locations=["buurt"], target_groups=["jongeren", "bewoners"])
    assert cat.recommend(s) == cat.recommend(s)
    assert recommend(cat, s, limit=None).examples[:10] == cat.recommend(s, limit=10).examples


def test_ranking_is_by_score(cat):
    advice = cat.recommend(Situation(phase="ongemak", locations=["straat", "portiek"], target_groups=["jongeren"]), limit=None)
    scores = [a.score for a in advice.examples]
    assert scores == sorted(scores, reverse=True)
    assert [d.score for d in advice.directions] == sorted((d.score for d in advice.directions), reverse=True)


# --- the rules themselves -------------------------------------------------------------------


def test_every_rule_uses_existing_vocabulary_values_and_directions(cat):
    # The rules are content (content/advies/), compiled into the catalogue and read from there.
    book = rules.rules_of(cat)
    known_directions = {d.id for d in cat.directions}
    assert set(book.phase) == set(cat.vocabulary("fasen").ids()) == set(book.notes)
    for table in book.phase.values():
        assert set(table) <= known_directions
    for field, table in book.facets.items():
        valid = set(cat.vocabulary(rules.FACET_WORDS[field][1]).ids())
        assert set(table) <= valid, f"{field}: {set(table) - valid}"
        for targets in table.values():
            assert set(targets) <= known_directions
            assert all(why for _, why in targets.values())
    assert set(book.scoring.evidence) < set(cat.vocabulary("bewijsniveaus").ids())
    assert set(book.scoring.effect) == set(cat.vocabulary("effectrichtingen").ids())


def test_the_rules_come_from_the_catalogue(cat):
    # Change one rule in a copy of the compiled catalogue: the advice follows it.
    data = cat.model_dump(mode="json")
    for rule_set in data["advice_rules"]:
        if rule_set["field"] == "locations":
            for rule in rule_set["rules"]:
                if rule["value"] == "portiek":
                    rule["direction"] = "veiligheid"
    other = type(cat).model_validate(data)
    situation = Situation.model_validate({"locations": ["portiek"]}, context={"catalog": other})
    top = other.recommend(situation).directions[0]
    assert (top.direction.id, top.score) == ("veiligheid", 3)
    assert cat.recommend(Situation(locations=["portiek"])).directions[0].direction.id == "woonomgeving"


def test_a_catalogue_without_rules_says_so(cat):
    data = cat.model_dump(mode="json")
    data["advice_rules"], data["example_scoring"] = [], []
    bare = type(cat).model_validate(data)
    situation = Situation.model_validate({"phase": "rust"}, context={"catalog": bare})
    with pytest.raises(rules.RulesMissingError, match="content/advies/"):
        bare.recommend(situation)


def test_every_direction_can_come_first(cat):
    # Each direction is reachable: some plain situation puts it on top.
    cases = {
        "woonomgeving": Situation(phase="ongemak", locations=["portiek"]),
        "ontmoeting": Situation(phase="rust", locations=["ontmoetingsplek"], forms=["vervreemding"]),
        "jeugd": Situation(phase="ongemak", locations=["school"], target_groups=["kinderen"]),
        "veiligheid": Situation(phase="incidenten", locations=["straat"]),
        "gemeente": Situation(phase="spanningen", locations=["gemeente"], causes=["overheidsbesluit"]),
    }
    for direction, situation in cases.items():
        assert directions(cat.recommend(situation))[0] == direction, direction


# --- fit: groups and dividing lines weigh (issue 13) -------------------------------------------

YOUTH_VERSUS_OLDER = [
    {"phase": "spanningen", "locations": ["plein"], "target_groups": ["jongeren", "ouderen"], "dividing_lines": ["jong-oud"]},
    {"target_groups": ["jongeren", "ouderen"], "dividing_lines": ["jong-oud"], "locations": ["gemeente"]},
    {"phase": "ongemak", "target_groups": ["jongeren", "ouderen"], "dividing_lines": ["jong-oud"], "locations": ["buurt", "gemeente"]},
    {
        "phase": "ongemak",
        "locations": ["plein", "sportveld"],
        "target_groups": ["jongeren", "bewoners"],
        "forms": ["onbegrip"],
        "causes": ["kleine-ergernissen"],
        "dividing_lines": ["jong-oud"],
    },
]


@pytest.mark.parametrize("answers", YOUTH_VERSUS_OLDER)
def test_an_example_for_another_dividing_line_stays_out_of_the_top_five(cat, answers):
    # Diamant is a programme for Muslim youth at risk of radicalisation: not for youths against older residents.
    top = [a.example.id for a in cat.recommend(Situation(**answers), limit=5).examples]
    assert "diamant" not in top
    assert any("jong-oud" in cat.get(i).dividing_lines for i in top), top


def test_a_mismatch_is_a_caveat_with_its_points(cat):
    book = rules.rules_of(cat)
    situation = Situation(target_groups=["ouderen"], dividing_lines=["jong-oud"], locations=["gemeente"])
    advice = cat.recommend(situation, limit=None)
    diamant = next(a for a in advice.examples if a.example.id == "diamant")
    caveats = {c.field: c for c in diamant.caveats}
    assert caveats["dividing_lines"].points == book.scoring.mismatch["dividing_lines"] < 0
    assert "bedoeld voor andere scheidslijnen: 'Etnisch, cultureel of religieus'" in caveats["dividing_lines"].text
    assert caveats["target_groups"].points == book.scoring.mismatch["target_groups"] < 0
    assert diamant.score == sum(r.points for r in (*diamant.reasons, *diamant.caveats))


def test_an_example_without_dividing_lines_is_not_penalised(cat):
    advice = cat.recommend(Situation(dividing_lines=["jong-oud"], locations=["school"]), limit=None)
    for a in advice.examples:
        if not a.example.dividing_lines:
            assert all(c.field != "dividing_lines" for c in a.caveats), a.example.id


# --- the rules as content: linted, compiled, in the changelog ---------------------------------------


def test_the_rules_are_compiled_into_the_catalogue(cat):
    assert [r.id for r in cat.advice_rules][0] == "regels-fase"
    assert {r.field for r in cat.advice_rules} == {"phase", "locations", "target_groups", "forms", "causes", "dividing_lines"}
    assert [s.id for s in cat.example_scoring] == ["regels-voorbeelden"]
    assert cat.get("regels-plekken").field == "locations"


def test_a_changed_rule_is_listed_by_id_in_the_changelog(cat):
    from buurtverbinding.compiler._changelog import diff, render

    old = cat.model_dump(mode="json")
    new = cat.model_dump(mode="json")
    new["advice_rules"][1]["rules"][0]["points"] += 1
    new["example_scoring"][0]["phase_far"] -= 1
    changes = diff(old, new)
    assert changes["changed"] == [f"advice_rules:{new['advice_rules'][1]['id']}", "example_scoring:regels-voorbeelden"]
    block = render(old, new)
    assert f"`{new['advice_rules'][1]['id']}`" in block and "`regels-voorbeelden`" in block


def test_a_broken_rule_is_a_coded_lint_problem(content_copy):
    from buurtverbinding.compiler import check_tree

    path = content_copy / "advies" / "regels-plekken.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("value: portiek,", "value: portiekk,", 1), encoding="utf-8")
    problems = [p for p in check_tree(content_copy).problems if p.severity == "error"]
    assert [(p.code, p.path) for p in problems] == [("BV130", "content/advies/regels-plekken.yaml")]
    assert "'portiekk' is not in vocabulary 'locaties'" in problems[0].message and "did you mean 'portiek'?" in problems[0].message
