"""Witte vlekken: directions and phases the situation calls for that nothing in place covers."""

from __future__ import annotations

from buurtverbinding.advice import Situation, gaps

YOUTH_INCIDENTS = {"phase": "incidenten", "locations": ["plein"], "target_groups": ["jongeren"]}


def gap_directions(found) -> list[str]:
    return [g.direction.id for g in found if g.kind == "direction"]


def test_without_existing_offer_every_called_for_direction_is_a_gap(cat):
    s = Situation(**YOUTH_INCIDENTS)
    advice = cat.recommend(s)
    called = [d.direction.id for d in advice.directions if d.called_for]
    found = cat.gaps(s)
    assert gap_directions(found) == called
    assert all(g.kind == "direction" for g in found)  # no phase gap when nothing is in place at all
    for g in found:
        assert any("geen bestaand aanbod" in r for r in g.reasons)
        assert g.suggestions and all(a.example.direction == g.direction.id for a in g.suggestions)


def test_meeting_activity_in_place_leaves_youth_and_safety_uncovered_and_the_phase(cat):
    s = Situation(**YOUTH_INCIDENTS, existing=["burendag"])
    found = cat.gaps(s)
    assert set(gap_directions(found)) == {"jeugd", "veiligheid"}
    phase_gaps = [g for g in found if g.kind == "phase"]
    assert len(phase_gaps) == 1 and phase_gaps[0].phase == "incidenten"
    assert "Burendag" in " ".join(phase_gaps[0].reasons)
    assert all("incidenten" in a.example.phases for a in phase_gaps[0].suggestions)


def test_covering_examples_close_the_gaps(cat):
    s = Situation(**YOUTH_INCIDENTS, existing=["straatcoaches-amsterdam"])  # jeugd, with veiligheid as secondary
    assert cat.gaps(s) == ()
    assert gaps(cat, s) == ()


def test_free_text_is_matched_with_search_and_says_so(cat):
    s = Situation(phase="ongemak", locations=["portiek"], existing=["straatcoaches"])
    match = cat.recommend(s).existing[0]
    assert match.how == "search" and match.example is not None and match.example.id == "straatcoaches-amsterdam"
    found = cat.gaps(s)
    assert gap_directions(found) == ["woonomgeving"]
    text = " ".join(found[0].reasons)
    assert "vrije tekst 'straatcoaches'" in text and "via zoeken" in text


def test_unrecognised_free_text_is_reported_and_not_counted(cat):
    s = Situation(phase="ongemak", locations=["portiek"], existing=["iets onbekends met belastingaangifte xyz"])
    match = cat.recommend(s).existing[0]
    assert match.example is None and match.how is None
    found = cat.gaps(s)
    assert gap_directions(found) == ["woonomgeving"]
    assert "Niet herkend en niet meegeteld: 'iets onbekends met belastingaangifte xyz'" in " ".join(found[0].reasons)


def test_gap_reasons_name_the_answers_behind_the_direction(cat):
    s = Situation(phase="ongemak", locations=["portiek"], causes=["kleine-ergernissen"], existing=["burendag"])
    (gap,) = [g for g in cat.gaps(s) if g.kind == "direction"]
    assert gap.direction.id == "woonomgeving"
    assert cat.label("locaties", "portiek") in gap.reasons[0]
    assert "punten" in gap.reasons[0]


# --- a direction the phase holds back (issue 13) ------------------------------------------------


def test_a_held_back_direction_is_a_gap_with_the_reason_to_wait(cat):
    situation = Situation(phase="spanningen", locations=["plein"], forms=["vooroordelen", "vervreemding"], existing=["buurtpreventie"])
    found = cat.gaps(situation)
    meeting = [g for g in found if g.direction is not None and g.direction.id == "ontmoeting"]
    assert len(meeting) == 1
    first = meeting[0].reasons[0]
    assert first.startswith("Nog even wachten: ") and "averechts" in first and "Begin hiermee als de fase dat toelaat" in first
    # Held-back gaps come after the gaps that can be started now.
    directions = [g for g in found if g.kind == "direction"]
    assert directions[-1] is meeting[0]


def test_at_incidenten_meeting_is_never_a_plain_gap(cat):
    situation = Situation(phase="incidenten", locations=["plein", "ontmoetingsplek"], forms=["vooroordelen", "vervreemding"])
    advice = cat.recommend(situation)
    assert next(d for d in advice.directions if d.direction.id == "ontmoeting").called_for
    for gap in cat.gaps(situation):
        if gap.direction is not None and gap.direction.id == "ontmoeting":
            assert gap.reasons[0].startswith("Nog even wachten: ")


def test_the_report_marks_a_held_back_gap(cat):
    from buurtverbinding.advice import _report

    situation = Situation(phase="spanningen", locations=["plein"], forms=["vooroordelen", "vervreemding"], existing=["buurtpreventie"])
    text = _report.render(cat, cat.recommend(situation), cat.gaps(situation), "md")
    assert "### Richting Ontmoeting (later, als de fase het toelaat)" in text
