"""The fast path of the recommender gives exactly the advice of scoring every example in full.

``recommend`` ranks all examples with integer arithmetic and builds the reasons and caveats only
for the examples it returns; ``gaps`` does the same for its suggestions. Here every example is
scored in full with ``_score_example`` (the one definition of a score, its reasons and its
caveats), sorted as the module docstring of :mod:`buurtverbinding.advice` says, and compared
with what the fast path returns. Speed itself is measured by ``benchmarks/run.py``, not here.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from buurtverbinding.advice import ExampleAdvice, Reason, Situation, _scoring, match_existing
from buurtverbinding.catalog import Catalog

FIELDS = {
    "forms": "vormen",
    "causes": "oorzaken",
    "dividing_lines": "scheidslijnen",
    "locations": "locaties",
    "target_groups": "doelgroepen",
    "partners": "actoren",
}

SITUATIONS = [
    {},
    {"phase": "ongemak", "locations": ["portiek"], "dividing_lines": ["oud-nieuw"], "target_groups": ["bewoners"]},
    {"phase": "incidenten", "locations": ["plein"], "target_groups": ["jongeren"]},
    {"phase": "spanningen", "forms": ["vooroordelen"], "causes": ["komst-nieuwe-groep"], "locations": ["buurt"]},
    {"phase": "rust", "budget": "laag", "partners": ["jongerenwerk", "wijkagent", "school"]},
    {"phase": "incidenten", "locations": ["straat", "buurt"], "forms": ["intimidatie"], "budget": "midden"},
    {"locations": ["school", "online"], "target_groups": ["kinderen", "jongeren", "ouders"], "causes": ["internationale-conflicten"]},
    {"phase": "ongemak", "locations": ["portiek"], "existing": ["straatcoaches", "burendag", "iets onbekends xyz"]},
    {"phase": "incidenten", "locations": ["plein"], "target_groups": ["jongeren"], "existing": ["burendag"], "budget": "hoog"},
]


def full_ranking(cat: Catalog, situation: Situation) -> list[ExampleAdvice]:
    """Every example scored in full, without the ones in place, best first."""
    directions = _scoring._direction_scores(cat, situation)
    existing = match_existing(cat, situation)
    in_place = {m.example.id for m in existing if m.example is not None and m.how in ("id", "title")}
    maybe = {m.example.id: m.entry for m in existing if m.example is not None and m.how == "search"}
    scored = []
    for example in cat.examples:
        advice = None if example.id in in_place else _scoring._score_example(cat, situation, example, directions)
        if advice is None:
            continue
        if example.id in maybe:
            note = Reason(
                text=f"loopt misschien al: '{maybe[example.id]}' lijkt op dit voorbeeld (gevonden via zoeken)", field="existing", values=(maybe[example.id],)
            )
            advice = advice.model_copy(update={"caveats": (*advice.caveats, note)})
        scored.append(advice)
    evidence = {level: number for number, level in enumerate(cat.vocabulary("bewijsniveaus").ids())}
    scored.sort(key=lambda a: (-a.score, -evidence.get(a.evidence_level, 0), a.example.id))
    return scored


def assert_same_advice(cat: Catalog, situation: Situation) -> None:
    expected = full_ranking(cat, situation)
    for advice in expected:
        assert advice.score == sum(r.points for r in (*advice.reasons, *advice.caveats))
    for limit in (1, 3, 10, None):
        advice = cat.recommend(situation, limit=limit)
        assert advice.examples == tuple(expected[:limit])
        assert advice.directions == _scoring._direction_scores(cat, situation)
        assert advice.existing == match_existing(cat, situation)
    for gap in cat.gaps(situation):
        if gap.kind == "direction":
            assert gap.direction is not None
            wanted = [a for a in expected if a.example.direction == gap.direction.id]
        else:
            wanted = [a for a in expected if situation.phase in a.example.phases]
        assert gap.suggestions == tuple(wanted[:3])


def bigger_catalog(cat: Catalog, copies: int = 8) -> Catalog:
    """The real catalogue with each example copied under new ids, with other phases, directions,
    cost and evidence, in shuffled order: many more examples and many ties in score."""
    rnd = random.Random(20240611)
    phases = cat.vocabulary("fasen").ids()
    bands = cat.vocabulary("kostenniveaus").ids()
    levels = cat.vocabulary("bewijsniveaus").ids()
    effects = cat.vocabulary("effectrichtingen").ids()
    directions = [d.id for d in cat.directions]
    cost = next(e.cost for e in cat.examples if e.cost is not None)
    examples = list(cat.examples)
    for copy in range(copies):
        for e in cat.examples:
            primary = rnd.choice(directions)
            examples.append(
                e.model_copy(
                    update={
                        "id": f"{e.id}-kopie-{copy}",
                        "direction": primary,
                        "secondary_directions": tuple(d for d in directions if d != primary and rnd.random() < 0.3),
                        "phases": tuple(sorted(rnd.sample(phases, rnd.randint(1, 3)), key=phases.index)),
                        "cost": None if rnd.random() < 0.3 else cost.model_copy(update={"band": rnd.choice(bands)}),
                        "evidence": e.evidence.model_copy(update={"level": rnd.choice(levels), "effect": rnd.choice(effects)}),
                    }
                )
            )
    rnd.shuffle(examples)
    fields = {name: getattr(cat, name) for name in Catalog.model_fields}
    return Catalog.model_construct(**{**fields, "examples": tuple(examples)})


@pytest.fixture(scope="module")
def big(cat):
    return bigger_catalog(cat)


def situations(cat: Catalog):
    """Random situations over the catalogue's vocabularies, with ids, titles and free text in place."""
    lists = {field: st.lists(st.sampled_from(cat.vocabulary(vocabulary).ids()), max_size=4) for field, vocabulary in FIELDS.items()}
    entries = st.one_of(
        st.sampled_from([e.id for e in cat.examples]),
        st.sampled_from([e.title.upper() for e in cat.examples]),
        st.sampled_from(["straatcoaches", "burendag", "buurtbemiddeling", "iets onbekends xyz"]),
    )
    return st.fixed_dictionaries(
        {},
        optional={
            "phase": st.sampled_from(cat.vocabulary("fasen").ids()),
            "budget": st.sampled_from(cat.vocabulary("kostenniveaus").ids()),
            "existing": st.lists(entries, max_size=3),
            **lists,
        },
    ).map(lambda data: Situation.model_validate(data, context={"catalog": cat}))


@pytest.mark.parametrize("data", SITUATIONS)
def test_fast_path_equals_full_scoring_for_known_situations(cat, big, data):
    assert_same_advice(cat, Situation.model_validate(data, context={"catalog": cat}))
    assert_same_advice(big, Situation.model_validate(data, context={"catalog": big}))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fast_path_equals_full_scoring_for_random_situations(cat, data):
    assert_same_advice(cat, data.draw(situations(cat)))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fast_path_equals_full_scoring_on_a_larger_catalogue_with_ties(big, data):
    assert_same_advice(big, data.draw(situations(big)))


def test_each_catalogue_has_its_own_index(cat, big):
    s = Situation.model_validate({"phase": "ongemak", "locations": ["portiek"]}, context={"catalog": cat})
    small = cat.recommend(s, limit=None).examples
    large = big.recommend(s, limit=None).examples
    assert len(large) > len(small)
    assert cat.recommend(s, limit=None).examples == small  # the big catalogue's index did not replace it
