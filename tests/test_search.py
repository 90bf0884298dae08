"""Search: Dutch stemming, accents ignored, parts of compounds found."""

from __future__ import annotations

import json

import pytest

from buurtverbinding._search import normalise, terms


def ids(cat, query, n=5):
    return [hit.example.id for hit in cat.search(query, limit=n)]


def test_exact_name_comes_first(cat):
    assert ids(cat, "buurtbemiddeling")[0] == "buurtbemiddeling"


def test_part_of_compound_is_found(cat):
    assert "buurtbemiddeling" in ids(cat, "bemiddeling")


def test_everyday_question_finds_mediation(cat):
    assert "buurtbemiddeling" in ids(cat, "ruzie tussen buren", 3)


def test_accents_are_ignored(cat):
    assert normalise("Coördinatie café") == "coordinatie cafe"
    assert ids(cat, "buurtbémiddeling") == ids(cat, "buurtbemiddeling")


def test_stemming_joins_word_forms():
    assert terms("bemiddelingen") == terms("bemiddeling")
    assert terms("de en het") == []


def test_hits_are_ranked_and_scored(cat):
    hits = cat.search("jongeren op het plein", limit=10)
    assert hits, "expected hits"
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert all(h.score > 0 for h in hits)


def test_no_hits_is_empty(cat):
    assert cat.search("xyzzyqwv") == ()
    assert cat.search("") == ()


def test_deterministic(cat):
    assert cat.search("ontmoeting in de buurt") == cat.search("ontmoeting in de buurt")


def test_query_must_be_text(cat):
    with pytest.raises(TypeError):
        cat.search(None)  # type: ignore[arg-type]


# --- analyser ---------------------------------------------------------------------------------


def test_singular_and_plural_meet():
    for one, many in (("aanslag", "aanslagen"), ("spanning", "spanningen"), ("ruzie", "ruzies"), ("moskee", "moskeeën"), ("straatcoach", "straatcoaches")):
        assert terms(one) == terms(many), (one, many)


def test_edit_distance_counts_a_swap_once():
    from buurtverbinding._search import edit_distance

    assert edit_distance("buurtbemidelling", "buurtbemiddeling", 2) == 2  # one d too few, one l too many
    assert edit_distance("wijkschow", "wijkschouw", 2) == 1
    assert edit_distance("ab", "ba", 2) == 1
    assert edit_distance("plein", "straat", 2) == 3  # limit + 1: certainly further


# --- field weights --------------------------------------------------------------------------


def test_title_beats_the_same_word_in_a_cross_reference():
    from buurtverbinding._search import SearchIndex

    index = SearchIndex.build(
        [
            {"title": ["Buurtbemiddeling"], "body": ["Buren praten met elkaar."], "refs": ["zie ook buurtspanningen"] * 3},
            {"title": ["Spanningen in de wijk"], "body": ["Wat te doen bij spanningen."]},
        ]
    )
    assert [n for n, _ in index.search("spanningen")][0] == 1


def test_cross_reference_in_a_narrative_weighs_little(cat):
    hits = ids(cat, "spanningen", 10)
    assert hits.index("handreiking-spanningen-israel-palestina") < (hits.index("buurtbemiddeling") if "buurtbemiddeling" in hits else 99)


# --- typing errors and suggestions ---------------------------------------------------------------


def test_typo_is_corrected_and_said(cat):
    result = cat.search_with_suggestions("buurtbemidelling")
    assert result.hits[0].example.id == "buurtbemiddeling"
    assert result.corrections == {"buurtbemidelling": "buurtbemiddeling"}
    assert result.did_you_mean == "buurtbemiddeling"
    assert cat.search("buurtbemidelling") == result.hits  # search() keeps returning the hits only


def test_did_you_mean_keeps_the_rest_of_the_query(cat):
    result = cat.search_with_suggestions("Buurtbemidelling in Utrecht")
    assert result.did_you_mean == "buurtbemiddeling in Utrecht"


def test_known_words_are_not_corrected(cat):
    result = cat.search_with_suggestions("jongeren op het plein")
    assert result.corrections == {} and result.did_you_mean is None


def test_nothing_found_suggests_close_words(cat):
    result = cat.search_with_suggestions("bemidelinggg")
    assert result.hits == () and "bemiddeling" in result.suggestions
    assert cat.search_with_suggestions("xyzzyqwv").suggestions == ()


def test_short_words_are_not_corrected(cat):
    assert cat.search_with_suggestions("azx").corrections == {}


# --- synonyms ---------------------------------------------------------------------------------


def test_synonyms_are_in_the_catalogue(cat):
    groups = {s.id: s.words for s in cat.synonyms}
    assert {"azc", "asielzoekerscentrum"} <= set(groups["synoniem-azc"])


def test_synonym_finds_what_the_other_word_finds(cat):
    assert ids(cat, "vergunninghouders", 3)[0] == ids(cat, "statushouders", 3)[0] == "community-builders-startblok"
    assert "buurtbemiddeling" in ids(cat, "burenconflict", 3)


# --- the compiled index -------------------------------------------------------------------------


def test_compiled_index_equals_a_fresh_build(cat):
    from buurtverbinding._search import SearchIndex, documents

    compiled = cat._search_data()
    assert compiled is not None and SearchIndex.usable(compiled, [e.id for e in cat.examples])
    labels = {v.id: {value.id: value.label for value in v.values} for v in cat.vocabularies}
    fresh = SearchIndex.build(documents(cat.examples, labels), [s.words for s in cat.synonyms]).to_data([e.id for e in cat.examples])
    assert json.loads(json.dumps(fresh)) == compiled


def test_index_of_an_older_format_is_rebuilt():
    from buurtverbinding._search import SearchIndex

    assert not SearchIndex.usable({"format": 1, "ids": ["a"]}, ["a"])
    assert not SearchIndex.usable(None, [])


# --- synonyms as content: compiled, linted, in the changelog --------------------------------------


def test_synonyms_are_compiled_into_the_search_index():
    from buurtverbinding.compiler import check_tree, search_data

    from .conftest import CONTENT

    result = check_tree(CONTENT)
    data = search_data(result)
    assert [s["id"] for s in result.catalog["synonyms"]] == sorted(s["id"] for s in result.catalog["synonyms"])
    assert "asielzoekerscentrum" in data["synonyms"]["azc"] or any("azc" in v for v in data["synonyms"].values())


def test_changed_synonym_groups_are_listed_by_id():
    import copy

    from buurtverbinding.compiler import check_tree
    from buurtverbinding.compiler._changelog import diff, render

    from .conftest import CONTENT

    new = check_tree(CONTENT).catalog
    old = copy.deepcopy(new)
    old["synonyms"][0]["words"] = ["anders", "woord"]
    gone = old["synonyms"].pop(1)["id"]
    changes = diff(old, new)
    assert f"synonyms:{new['synonyms'][0]['id']}" in changes["changed"] and f"synonyms:{gone}" in changes["added"]
    assert "synonym group" in render(old, new)


def test_synonym_problems_name_the_word_and_the_fix(content_copy):
    from buurtverbinding.compiler import check_tree

    (content_copy / "synoniemen.yaml").write_text(
        "synonyms:\n- id: synoniem-a\n  words: [burenruzie, ruzie tussen buren]\n- id: synoniem-b\n  words: [burenruzie, aanslag, aanslagen]\n",
        encoding="utf-8",
    )
    problems = {p.code: p for p in check_tree(content_copy).problems if p.code.startswith("BV12")}
    assert set(problems) == {"BV120", "BV121", "BV122"}
    assert "'ruzie tussen buren'" in problems["BV120"].message and "single words" in problems["BV120"].message
    assert "group 'synoniem-a'" in problems["BV121"].message
    assert "'aanslagen'" in problems["BV122"].message and "leave it out" in problems["BV122"].message


def test_content_without_synonyms_compiles(content_copy):
    from buurtverbinding.compiler import check_tree

    (content_copy / "synoniemen.yaml").unlink()
    result = check_tree(content_copy)
    assert result.ok and result.catalog["synonyms"] == []
