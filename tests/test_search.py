"""Search: Dutch stemming, accents ignored, parts of compounds found."""

from __future__ import annotations

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
