"""The query API: load, get, filter, search, immutability."""

from __future__ import annotations

import threading

import pydantic
import pytest

import buurtverbinding as bv
from buurtverbinding.catalog import UnknownIdError, UnknownValueError

DIRECTIONS = ["woonomgeving", "ontmoeting", "jeugd", "veiligheid", "gemeente"]


def test_load_returns_one_object(cat):
    assert bv.load() is cat


def test_load_from_many_threads_gives_one_object():
    import buurtverbinding._loader as loader

    saved = loader._catalog
    loader._catalog = None
    calls = []
    original = loader._from_trusted_bytes

    def counting(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    try:
        loader._from_trusted_bytes = counting
        results: list[object] = []
        barrier = threading.Barrier(16)

        def worker():
            barrier.wait()
            results.append(bv.load())

        threads = [threading.Thread(target=worker) for _ in range(16)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(calls) == 1
        assert len({id(r) for r in results}) == 1
    finally:
        loader._from_trusted_bytes = original
        loader._catalog = saved


def test_fast_load_equals_full_validation(cat):
    """load() builds the packaged, build-validated records without validating again: same result."""
    from pathlib import Path

    raw = (Path(bv.__file__).parent / "_data" / "catalog.json").read_bytes()
    validated = bv.Catalog.model_validate_json(raw)
    assert validated.model_dump() == cat.model_dump()
    assert type(cat.examples[0].reviewed) is type(validated.examples[0].reviewed)
    assert isinstance(cat.examples[0].sources, tuple) and isinstance(cat.examples[0].sources[0], bv.Source)
    assert cat.filter(phase="ongemak") == validated.filter(phase="ongemak")
    for fast, slow in zip((*cat.examples, *cat.checklists, *cat.glossary), (*validated.examples, *validated.checklists, *validated.glossary)):
        assert fast == slow and repr(fast) == repr(slow)
        assert fast.model_fields_set == slow.model_fields_set
    with pytest.raises(pydantic.ValidationError):
        cat.examples[0].sources[0].url = "https://example.org"  # type: ignore[misc]


def test_versions(cat):
    assert isinstance(cat.version, str) and cat.version
    assert bv.__version__ == "0.1.0"


def test_directions_in_order(cat):
    assert [d.id for d in cat.directions] == DIRECTIONS
    assert [d.number for d in cat.directions] == [1, 2, 3, 4, 5]


def test_steps_and_checklists(cat):
    assert [s.id for s in cat.steps] == ["stap-1", "stap-2", "stap-3", "stap-4"]
    for step in cat.steps:
        assert cat.checklists_for(step.id), f"{step.id} has no checklist"


def test_every_example_has_http_source_and_kis_relation(cat):
    assert len(cat.examples) >= 12
    assert {e.direction for e in cat.examples} == set(DIRECTIONS)
    for example in cat.examples:
        assert example.sources and all(s.url.startswith(("http://", "https://")) for s in example.sources)
        assert example.kis_relation in cat.vocabulary("kis-relaties").ids()


def test_get_any_kind(cat):
    assert cat.get("buurtbemiddeling").title
    assert cat.get("ontmoeting").number == 2
    assert cat.get("stap-2").number == 2
    assert cat.get(cat.checklists[0].id) is cat.checklists[0]
    assert cat.get(cat.glossary[0].id) is cat.glossary[0]
    assert "buurtbemiddeling" in cat and "bestaat-niet" not in cat


def test_get_unknown_names_closest(cat):
    with pytest.raises(KeyError) as info:
        cat.get("buurtbemidelling")
    assert isinstance(info.value, UnknownIdError)
    assert "buurtbemiddeling" in info.value.suggestions
    assert "closest ids" in str(info.value) and "buurtbemidelling" in str(info.value)


def test_filter_is_and_across_facets(cat):
    a = set(cat.filter(direction="ontmoeting"))
    b = set(cat.filter(phase="ongemak"))
    assert set(cat.filter(direction="ontmoeting", phase="ongemak")) == a & b
    for example in cat.filter(direction="jeugd", target_group="jongeren"):
        assert "jeugd" in example.directions and "jongeren" in example.target_groups


def test_filter_list_is_or_within_facet(cat):
    both = set(cat.filter(phase=["rust", "incidenten"]))
    assert both == set(cat.filter(phase="rust")) | set(cat.filter(phase="incidenten"))


def test_filter_no_facets_gives_all(cat):
    assert cat.filter() == cat.examples
    assert cat.filter(phase=None) == cat.examples


def test_filter_direction_matches_secondary(cat):
    secondary = [e for e in cat.examples if "veiligheid" in e.secondary_directions]
    assert set(secondary) <= set(cat.filter(direction="veiligheid"))


@pytest.mark.parametrize(
    ("facet", "value", "listed"),
    [
        ("phase", "spanning", "rust, ongemak, spanningen, incidenten"),
        ("direction", "buurt", "woonomgeving, ontmoeting"),
        ("location", "Plein", "portiek, straat, plein"),
    ],
)
def test_filter_bad_value_lists_valid(cat, facet, value, listed):
    with pytest.raises(ValueError) as info:
        cat.filter(**{facet: value})
    assert isinstance(info.value, UnknownValueError)
    assert value in str(info.value) and listed in str(info.value)


def test_filter_unknown_facet(cat):
    with pytest.raises(ValueError, match="phase, location"):
        cat.filter(fase="rust")


def test_records_are_immutable(cat):
    example = cat.examples[0]
    with pytest.raises(pydantic.ValidationError):
        example.title = "anders"  # type: ignore[misc]
    assert isinstance(example.phases, tuple) and isinstance(cat.examples, tuple)
    with pytest.raises(pydantic.ValidationError):
        cat.examples = ()  # type: ignore[misc]


def test_vocabularies_have_labels_and_definitions(cat):
    phases = cat.vocabulary("fasen")
    assert phases.ids() == ("rust", "ongemak", "spanningen", "incidenten")
    for vocabulary in cat.vocabularies:
        for value in vocabulary.values:
            assert value.label and value.definition
    assert cat.label("fasen", "ongemak")
    with pytest.raises(ValueError, match="fasen"):
        cat.vocabulary("fase")


def test_required_vocabulary_values(cat):
    locations = set(cat.vocabulary("locaties").ids())
    assert {"portiek", "straat", "plein", "buurt", "wijk", "gemeente", "school", "online"} <= locations
    groups = set(cat.vocabulary("doelgroepen").ids())
    assert {"bewoners", "kinderen", "jongeren", "ouders", "nieuwkomers", "professionals"} <= groups


def test_choice_items_have_options(cat):
    for checklist in cat.checklists:
        for item in checklist.items:
            if item.kind in ("single_choice", "multiple_choice"):
                assert cat.options(item)
            else:
                assert cat.options(item) == ()


def test_bad_format_version_is_refused(cat):
    from buurtverbinding.catalog import CATALOG_FORMAT

    data = cat.model_dump_json().replace(f'"format_version":{CATALOG_FORMAT}', '"format_version":99')
    assert '"format_version":99' in data
    with pytest.raises(pydantic.ValidationError, match="format 99 is not supported"):
        bv.Catalog.model_validate_json(data)


# --- typed look-ups -------------------------------------------------------------------------

TYPED = [
    ("example", "buurtbemiddeling", bv.Example),
    ("direction", "ontmoeting", bv.Direction),
    ("step", "stap-2", bv.Step),
    ("checklist", "aan-tafel", bv.Checklist),
    ("checklist_item", "partners-aan-tafel", bv.ChecklistItem),
    ("vocabulary", "fasen", bv.Vocabulary),
]


@pytest.mark.parametrize(("method", "identifier", "kind"), TYPED)
def test_typed_lookup_returns_its_type(cat, method, identifier, kind):
    record = getattr(cat, method)(identifier)
    assert isinstance(record, kind) and record is cat.get(identifier)


def test_typed_lookup_of_a_term(cat):
    term = cat.glossary[0]
    assert cat.term(term.id) is term and isinstance(term, bv.Term)


@pytest.mark.parametrize(("method", "identifier", "kind"), TYPED)
def test_typed_lookup_refuses_another_kind(cat, method, identifier, kind):
    other = "ontmoeting" if method != "direction" else "buurtbemiddeling"
    with pytest.raises(UnknownIdError) as info:
        getattr(cat, method)(other)
    message = str(info.value)
    assert f"'{other}' is a" in message and f"not {'an' if method == 'example' else 'a'} {method.replace('_', ' ')}" in message
    assert all(isinstance(cat.get(s), kind) for s in info.value.suggestions)


def test_typed_lookup_unknown_names_closest_of_its_kind(cat):
    with pytest.raises(KeyError) as info:
        cat.example("buurtbemidelling")
    assert isinstance(info.value, UnknownIdError) and info.value.suggestions[0] == "buurtbemiddeling"
    assert str(info.value).startswith("no example with id 'buurtbemidelling'; closest example ids: buurtbemiddeling")
    with pytest.raises(UnknownIdError, match="closest direction ids: ontmoeting"):
        cat.direction("ontmoetin")


def test_unknown_vocabulary_is_a_key_and_a_value_error(cat):
    with pytest.raises(KeyError):
        cat.vocabulary("fase")
    with pytest.raises(ValueError, match="closest vocabulary ids: fasen"):
        cat.vocabulary("fase")


def test_suggestions_ignore_case(cat):
    with pytest.raises(UnknownIdError) as info:
        cat.get("BUURTBEMIDELLING")
    assert "buurtbemiddeling" in info.value.suggestions


def test_typed_lookup_resolves_a_retired_id(cat):
    from buurtverbinding.models import Retirement

    data = cat.model_dump(mode="json")
    data["retired"] = [Retirement(id="oude-bemiddeling", status="retired", replaced_by="buurtbemiddeling").model_dump(mode="json")]
    retired = bv.Catalog.model_validate(data)
    with pytest.warns(DeprecationWarning, match="'oude-bemiddeling' was retired; use 'buurtbemiddeling'") as caught:
        example = retired.example("oude-bemiddeling")
    assert example.id == "buurtbemiddeling"
    assert caught[0].filename == __file__  # the warning points at the caller's line
    with pytest.warns(DeprecationWarning) as caught:
        retired.get("oude-bemiddeling")
    assert caught[0].filename == __file__
    with pytest.raises(UnknownIdError, match="'oude-bemiddeling' is an example, not a direction"), pytest.warns(DeprecationWarning):
        retired.direction("oude-bemiddeling")
