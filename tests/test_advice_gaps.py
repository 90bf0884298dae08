"""Witte vlekken (step 4): what the plan needs and current policy and running work do not cover.

None before step 4 has an answer; policy answers and running work (catalogue titles and common
names) close them; free text that is not recognised is shown as such; a direction the meeting
declined is never a gap.
"""

from __future__ import annotations

import pytest

from buurtverbinding.advice import Assessment, Situation, gaps

YOUTH_INCIDENTS = {"phase": "incidenten", "locations": ["plein"], "target_groups": ["jongeren"]}
PORTIEK = {"phase": "ongemak", "locations": ["portiek"], "causes": ["kleine-ergernissen"], "target_groups": ["nieuwe-bewoners"]}


def gap_ids(situation: Situation) -> list[str]:
    return [g.id for g in gaps(situation.catalog, situation)]


def test_no_gaps_before_step_4(cat):
    situation = Situation(**YOUTH_INCIDENTS, judgements={"jeugd": "ja", "veiligheid": "ja"})
    advice = cat.recommend(situation)
    assert advice.directions  # the plan needs something …
    assert advice.gaps.status == "pending" and advice.gaps.items == ()  # … but step 4 has no answer yet
    assert advice.gaps.text == "Zodra stap 4 een antwoord heeft, ziet u hier de witte vlekken."
    assert cat.gaps(situation) == () == gaps(cat, situation)
    assert "Stap 4 laat zien" in advice.summary and "Witte vlekken:" not in advice.summary


def test_policy_nee_makes_a_plan_direction_a_gap_with_examples(cat):
    advice = cat.recommend(Situation(**YOUTH_INCIDENTS, policy={"jeugd": "nee"}))
    (gap,) = advice.gaps.items
    assert (gap.id, gap.status) == ("jeugd", "nee") and advice.gaps.status == "done"
    assert gap.reason == "Het plan vraagt om Jeugd, maar het huidige beleid heeft daar geen aandacht voor en er loopt geen werk voor."
    assert gap.examples and all(cat.get(e).direction == "jeugd" for e in gap.examples)
    assert "Witte vlekken: Jeugd." in advice.summary


def test_policy_ja_closes_the_gap(cat):
    advice = cat.recommend(Situation(**YOUTH_INCIDENTS, policy={"jeugd": "ja"}))
    assert advice.gaps.status == "done" and advice.gaps.items == ()
    assert advice.gaps.text.startswith("Geen witte vlekken.")


@pytest.mark.parametrize("answer", ["weet-niet", None])
def test_unknown_policy_is_a_gap_to_check(cat, answer):
    policy = {"signalen": "ja"} if answer is None else {"jeugd": answer}  # a step-4 answer about something else
    (gap,) = cat.recommend(Situation(**YOUTH_INCIDENTS, policy=policy)).gaps.items
    assert (gap.id, gap.status) == ("jeugd", "onbekend")
    assert "niet bekend" in gap.reason and "ga dat na" in gap.reason


def test_a_policy_topic_answered_nee_is_a_gap(cat):
    items = cat.recommend(Situation(**YOUTH_INCIDENTS, policy={"jeugd": "ja", "signalen": "nee"})).gaps.items
    assert [(g.id, g.status) for g in items] == [("signalen", "nee")]
    assert items[0].reason == "Er is nog geen vaste plek voor signalen." and items[0].examples


@pytest.mark.parametrize("entry", ["jongerenwerk", "Jongerenwerk", "  JONGERENWERK ", "straatcoaches", "straatcoaches-amsterdam"])
def test_running_work_by_common_name_or_catalogue_entry_closes_the_gap(cat, entry):
    advice = cat.recommend(Situation(**YOUTH_INCIDENTS, existing=[entry]))
    assert advice.gaps.status == "done" and advice.gaps.items == ()
    (read,) = advice.running
    assert "jeugd" in read.directions and "herkend als" in read.text


def test_running_work_by_title_is_read_as_that_example(cat):
    example = cat.get("buurtbemiddeling")
    advice = cat.recommend(Situation(**PORTIEK, existing=[example.title.upper()]))
    (read,) = advice.running
    assert read.example == "buurtbemiddeling" and read.text == f"{example.title.upper()}: herkend als {example.title}."
    assert "woonomgeving" in read.directions and advice.gaps.items == ()
    assert "buurtbemiddeling" not in [e.id for e in advice.examples]  # already running: not suggested again


def test_running_work_for_another_direction_leaves_the_gap(cat):
    advice = cat.recommend(Situation(**YOUTH_INCIDENTS, existing=["burendag"]))
    assert [(g.id, g.status) for g in advice.gaps.items] == [("jeugd", "onbekend")]
    assert advice.running[0].example == "burendag" and advice.running[0].directions[0] == "ontmoeting"


def test_unrecognised_free_text_is_shown_and_not_counted(cat):
    text = "iets onbekends met belastingaangifte xyz"
    advice = cat.recommend(Situation(**PORTIEK, existing=[text]))
    (read,) = advice.running
    assert read.example is None and read.directions == ()
    assert read.text == f"{text}: niet herkend; dit telt niet mee voor de witte vlekken."
    assert [g.id for g in advice.gaps.items] == ["woonomgeving"]  # running work was answered: step 4 is done


def test_running_work_from_the_answers_text(cat):
    answers = {
        "fase-nu": "incidenten",
        "locaties-gezien": ["plein"],
        "groepen-betrokken": ["jongeren"],
        "aanbod-bestaand": "jongerenwerk; koffieochtend\n- wijkagent",
    }
    advice = Assessment(answers=answers).advice()
    assert [r.entry for r in advice.running] == ["jongerenwerk", "koffieochtend", "wijkagent"]
    assert [r.directions for r in advice.running] == [("jeugd",), (), ("veiligheid",)]
    assert advice.gaps.status == "done" and advice.gaps.items == ()
    lines = next(s.lines for s in advice.report.sections if s.heading == "Lopend werk")
    assert "koffieochtend: niet herkend; dit telt niet mee voor de witte vlekken." in lines


def test_a_declined_direction_is_never_a_gap(cat):
    situation = Situation(**PORTIEK, judgements={"woonomgeving": "nee"}, policy={"woonomgeving": "nee", "jeugd": "nee"})
    advice = cat.recommend(situation)
    assert "woonomgeving" in [d.id for d in advice.declined]
    assert "woonomgeving" not in [g.id for g in advice.gaps.items]


def test_a_held_back_direction_is_never_a_gap(cat):
    situation = Situation(phase="incidenten", locations=["ontmoetingsplek"], forms=["vervreemding"], policy={"ontmoeting": "nee"})
    advice = cat.recommend(situation)
    assert "ontmoeting" in [h.id for h in advice.later]
    assert "ontmoeting" not in [g.id for g in advice.gaps.items]


def test_a_direction_chosen_by_the_meeting_can_be_a_gap(cat):
    situation = Situation(**PORTIEK, judgements={"gemeente": "ja"}, policy={"gemeente": "nee", "woonomgeving": "ja"})
    assert gap_ids(situation) == ["gemeente"]


def test_gap_examples_could_fill_it(cat):
    situation = Situation(**PORTIEK, policy={"woonomgeving": "nee"})
    (gap,) = cat.gaps(situation)
    assert gap.id == "woonomgeving" and gap.examples
    recommended = [e.id for e in cat.recommend(situation, limit=50).examples]
    assert all(e in recommended for e in gap.examples)
