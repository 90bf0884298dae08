"""The shipped catalogue is complete and trustworthy: the counts and rules of the content issue."""

from __future__ import annotations

from collections import Counter
from datetime import date
from urllib.parse import urlsplit

DIRECTIONS = ("woonomgeving", "ontmoeting", "jeugd", "veiligheid", "gemeente")
VOCABULARIES = {
    "fasen", "vormen", "oorzaken", "scheidslijnen", "locaties", "doelgroepen", "actoren", "mechanismen",
    "methoden", "bewijsniveaus", "effectrichtingen", "themas", "kis-relaties", "kostenniveaus", "databanken",
}


def test_at_least_60_examples_and_8_per_direction(cat):
    assert len(cat.examples) >= 60
    per_direction = Counter(e.direction for e in cat.examples)
    assert all(per_direction[d] >= 8 for d in DIRECTIONS), per_direction


def test_every_phase_has_at_least_5_examples(cat):
    for phase in cat.vocabulary("fasen").ids():
        assert len(cat.filter(phase=phase)) >= 5, phase


def test_step_plan_and_checklists(cat):
    assert len(cat.steps) == 4
    assert len(cat.checklists) >= 6
    items = [item for checklist in cat.checklists for item in checklist.items]
    assert len(items) >= 40
    fed = {item.feeds for item in items if item.feeds}
    assert {"phase", "forms", "causes", "dividing_lines", "locations", "target_groups", "partners", "existing"} <= fed
    for step in cat.steps:
        assert step.purpose and step.participants and step.outputs


def test_vocabularies_and_glossary(cat):
    assert VOCABULARIES <= {v.id for v in cat.vocabularies}
    assert len(cat.vocabulary("mechanismen").values) == 7
    assert len(cat.vocabulary("methoden").values) == 9
    assert cat.vocabulary("bewijsniveaus").ids() == (
        "niet-beoordeeld", "goed-beschreven", "goed-onderbouwd", "eerste-aanwijzingen", "goede-aanwijzingen", "sterke-aanwijzingen",
    )
    assert set(cat.vocabulary("effectrichtingen").ids()) == {"positief", "gemengd", "geen-effect", "negatief", "onbekend"}
    assert len(cat.glossary) >= 40
    terms = {t.term.lower() for t in cat.glossary}
    for needed in ("polarisatie", "ongewenste polarisatie", "verbinding", "sociale cohesie", "publieke familiariteit", "witte vlekken"):
        assert any(needed in term for term in terms), needed


def test_sources_are_pages_not_home_pages(cat):
    for example in cat.examples:
        for source in example.sources:
            parts = urlsplit(source.url)
            assert parts.scheme in ("http", "https")
            assert parts.path.strip("/") or parts.query, f"{example.id}: {source.url} is a home page"


def test_records_are_complete(cat):
    for example in cat.examples:
        assert len(example.summary) <= 400
        assert example.organisation and example.reviewed <= date.today()
        assert example.sections.background and example.sections.considerations
        if example.evidence.level not in ("niet-beoordeeld",):
            assert example.evidence.rating is not None, f"{example.id}: a rated level needs the databank's rating"


def test_related_links_go_both_ways_or_at_least_resolve(cat):
    for example in cat.examples:
        for other in example.related:
            assert other in cat and other != example.id
