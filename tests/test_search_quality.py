"""Regression tests: the queries of issue 13 ("Why") and a few more give sensible first results.

Each pins only what a professional would check at a glance (the right kind of example near the
top), not an exact order. The figures on the whole evaluation set are printed by
``python benchmarks/run.py`` (see docs/dev/evaluation.md); they are not unit tests.
"""

from __future__ import annotations

import buurtverbinding as bv

ATTACKS = {"utrecht-zijn-we-samen", "opzoomeren", "nederland-in-dialoog", "amsterdamse-aanpak-radicalisering-en-polarisatie"}
YOUTH = {
    "jongerenbuurtbemiddeling",
    "straatcoaches-amsterdam",
    "buurtvaders",
    "jongerenontmoetingsplek",
    "aanpak-problematische-jeugdgroepen",
    "buurtveiligheidsteams-amsterdam",
}


def top(cat, query, n=5):
    return [hit.example.id for hit in cat.search(query, limit=n)]


def test_aanslag_finds_what_aanslagen_finds(cat):
    assert top(cat, "aanslag") == top(cat, "aanslagen")
    assert len(ATTACKS & set(top(cat, "aanslag"))) >= 3


def test_typo_buurtbemidelling(cat):
    result = cat.search_with_suggestions("buurtbemidelling")
    assert result.hits[0].example.id == "buurtbemiddeling" and result.did_you_mean == "buurtbemiddeling"


def test_spanningen_na_aanslag_puts_the_attacks_first(cat):
    first = top(cat, "spanningen na aanslag", 3)
    assert set(first) <= ATTACKS | {"herstelbemiddeling-gemeenten"} and first[0] in ATTACKS
    assert top(cat, "spanningen na aanslag", 10)[0] != "buurtbemiddeling"


def test_overlast_jongeren_portiek_has_youth_nuisance_in_top_3(cat):
    assert YOUTH & set(top(cat, "overlast jongeren portiek", 3))


def test_spanningen_israel_palestine_guide_beats_buurtbemiddeling(cat):
    found = top(cat, "spanningen", 20)
    assert "handreiking-spanningen-israel-palestina" in found[:3]
    assert "buurtbemiddeling" not in found or found.index("handreiking-spanningen-israel-palestina") < found.index("buurtbemiddeling")


def test_ruzie_tussen_buren(cat):
    assert top(cat, "ruzie tussen buren", 1) == ["buurtbemiddeling"]


def test_synonym_burenconflict(cat):
    assert top(cat, "burenconflict", 1) == ["buurtbemiddeling"]


def test_synonym_azc_and_asielzoekerscentrum(cat):
    assert top(cat, "azc", 1) == top(cat, "asielzoekerscentrum", 1) == ["overlastaanpak-azc"]


def test_typo_hangjongern_says_what_it_used(cat):
    result = cat.search_with_suggestions("hangjongern")
    assert result.corrections == {"hangjongern": "hangjongeren"}
    assert YOUTH & {hit.example.id for hit in result.hits[:3]}


def test_typo_opzomeren(cat):
    assert top(cat, "opzomeren", 1) == ["opzoomeren"]


def test_singular_buurtvader(cat):
    assert top(cat, "buurtvader", 1) == ["buurtvaders"]


def test_description_only_situation(cat):
    situation = bv.Situation.model_validate(
        {"description": "groepjes jongeren hangen 's avonds op het plein, bewoners durven er niet langs, er zijn vernielingen"},
        context={"catalog": cat},
    )
    read = {(i.field, i.value): i.words for i in situation.inferred}
    assert "plein" in read[("locations", "plein")] and read[("target_groups", "jongeren")] == ("jongeren",)
    assert "vernielingen" in read[("forms", "openlijk-incident")]
    advice = cat.recommend(situation, limit=5)
    assert "jeugd" in [d.id for d in advice.directions[:2]]
    assert YOUTH & {e.id for e in advice.examples}
