"""The shipped catalogue is complete and trustworthy: the counts and rules of the content issue."""

from __future__ import annotations

from collections import Counter
from datetime import date
from urllib.parse import urlsplit

DIRECTIONS = ("woonomgeving", "ontmoeting", "jeugd", "veiligheid", "gemeente")
VOCABULARIES = {
    "fasen",
    "vormen",
    "oorzaken",
    "scheidslijnen",
    "locaties",
    "doelgroepen",
    "actoren",
    "mechanismen",
    "methoden",
    "bewijsniveaus",
    "effectrichtingen",
    "themas",
    "kis-relaties",
    "kostenniveaus",
    "databanken",
}


def test_at_least_85_examples_and_14_per_direction(cat):
    assert len(cat.examples) >= 85
    per_direction = Counter(e.direction for e in cat.examples)
    assert all(per_direction[d] >= 14 for d in DIRECTIONS), per_direction


def test_every_phase_has_at_least_8_examples(cat):
    for phase in cat.vocabulary("fasen").ids():
        assert len(cat.filter(phase=phase)) >= 8, phase


REUPLOAD_HOSTS = ("5dok.", "adoc.pub", "fdocuments.", "vdocuments.", "expydoc.", "slideshare.", "docslib.", "docplayer.", "scribd.", "yumpu.")


def _all_sources(cat):
    for example in cat.examples:
        yield example.id, example.sources + ((example.handbook,) if example.handbook else ())
    for vocabulary in cat.vocabularies:
        yield vocabulary.id, tuple(v.source for v in vocabulary.values if v.source)
    for term in cat.glossary:
        yield term.id, (term.source,) if term.source else ()


def test_no_source_url_is_on_a_reupload_host(cat):
    """Copies may be named (``copy_url``, shown as "kopie"), but ``url`` is the publisher's page."""
    for owner, sources in _all_sources(cat):
        for source in sources:
            host = urlsplit(source.url).netloc.lower()
            assert not any(part in host for part in REUPLOAD_HOSTS), f"{owner}: {source.url} is a re-upload site"


def test_every_example_names_the_databanks_that_were_checked(cat):
    for example in cat.examples:
        assert example.evidence.checked, f"{example.id}: evidence.checked is empty"
        assert example.evidence.checked_on, f"{example.id}: evidence.checked_on is missing"
        missing = {"movisie", "nji", "loket-gezond-leven", "ccv"} - set(example.evidence.checked)
        assert not missing, f"{example.id}: databanks not checked: {sorted(missing)}"


def test_kis_relations_rest_on_sources(cat):
    for example in cat.examples:
        if example.kis_relation == "bevestigd":
            assert any(s.in_guide for s in example.sources), example.id
        if example.kis_relation == "kis-gelinkt":
            assert any("kis.nl" in urlsplit(s.url).netloc or "KIS" in s.publisher or "Kennisplatform" in s.publisher for s in example.sources), example.id
    assert cat.get("buurtveiligheidsteams-amsterdam").kis_relation == "bevestigd"


def test_audit_fixes_hold(cat):
    """The fact audit of issue 14: what was wrong stays fixed."""
    assert "Hein Roethof" not in cat.get("buurtvaders").model_dump_json()
    assert "hard onderzoek" not in cat.get("buurtvaders").model_dump_json()
    assert cat.get("psycho-educatie-buurtspanningen").kis_relation != "kis-gelinkt"
    assert {"Velsen", "Rijswijk"} <= set(cat.get("open-iftar").municipalities)
    text = cat.get("samenleven-in-verscheidenheid-eindhoven").model_dump_json()
    assert "niet nagegaan" not in text
    assert "openbare basis" in cat.get("schooluitwisseling-tuindorp-overvecht").summary
    assert (
        "NCTV" not in cat.get("sleutelpersonennetwerk-delft").model_dump_json()
        or "Nationaal Coördinator" in cat.get("sleutelpersonennetwerk-delft").model_dump_json()
    )


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
    assert {v.id for v in cat.vocabularies} >= VOCABULARIES
    assert len(cat.vocabulary("mechanismen").values) == 7
    assert len(cat.vocabulary("methoden").values) == 9
    assert cat.vocabulary("bewijsniveaus").ids() == (
        "niet-beoordeeld",
        "goed-beschreven",
        "goed-onderbouwd",
        "eerste-aanwijzingen",
        "goede-aanwijzingen",
        "sterke-aanwijzingen",
    )
    assert set(cat.vocabulary("effectrichtingen").ids()) == {"positief", "gemengd", "geen-effect", "negatief", "ervaren-opbrengst", "onbekend"}
    assert cat.vocabulary("onderzoeksopzetten").ids() == ("vergelijkingsgroep", "voor-en-nameting", "ervaringsonderzoek")
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


# --- issues 20 and 21: every example tagged, says why it is here, and can be cited ----------

YOUTH_MEETING_PLACE = ("jongerenontmoetingsplek", " jop ", "jop's", "hangplek", "ontmoetingsplek voor jongeren")


def test_a_youth_meeting_place_in_public_space_is_a_plein(cat):
    """The locations vocabulary defines *plein* as where young people gather in public space and
    *ontmoetingsplek* as a buurthuis; an example about a JOP or a hangplek is tagged *plein*."""
    found = []
    for example in cat.examples:
        text = f" {example.title} {example.summary} ".lower()  # what the example itself is about
        if any(word in text for word in YOUTH_MEETING_PLACE):
            found.append(example.id)
            assert "plein" in example.locations, f"{example.id}: a youth meeting place in public space is 'plein', not {example.locations}"
    assert {"jongerenontmoetingsplek", "jongerenbuurtbemiddeling"} <= set(found)
    assert "ontmoetingsplek" not in cat.get("jongerenontmoetingsplek").locations


def test_every_example_says_why_it_is_here_and_is_tagged_on_every_situation_facet(cat):
    from buurtverbinding.models import CONNECTION_MAX, FACETS

    required = [f for f in FACETS if f.required]
    for example in cat.examples:
        assert example.connection and len(example.connection) <= CONNECTION_MAX, example.id
        for facet in required:
            assert bool(facet.values(example)) != (facet.key in example.not_applicable), f"{example.id}: {facet.field}"


def test_no_example_repeats_the_databank_process_sentence(cat):
    """How the databanks were checked is said once, on docs/over.md (issue 21)."""
    for example in cat.examples:
        text = example.model_dump_json().lower()
        assert "opgeslagen kopie" not in text and "gezocht in de databanken" not in text, example.id


def test_issue_21_findings_stay_fixed(cat):
    human = cat.get("human-library").model_dump_json()
    assert "NHL Stenden" not in human and "Fontys" in human
    assert "meer dan tachtig" not in human and "ongeveer" in human
    preventie = cat.get("buurtpreventie").model_dump_json()
    assert "tweehonderd" not in preventie and "187" in preventie
    zeewolde = cat.get("deep-democracy-zeewolde").model_dump_json()
    assert "dalende opkomst" not in zeewolde and "lage opkomst" in zeewolde
    jbb = cat.get("jongerenbuurtbemiddeling")
    assert jbb.owner is None and "groepsbemiddeling" not in jbb.model_dump_json()
    assert "Zeist" not in cat.get("buurtcirkel").municipalities
    assert any(s.url.endswith("?page=1") for s in cat.get("buurtveiligheidsteams-amsterdam").sources if "nul20" in s.url)
    for example in cat.examples:
        for source in example.sources:
            assert "wikisage" not in source.url and "wikisage" not in (source.copy_url or ""), example.id


def test_effect_follows_the_one_rule(cat):
    """positief, gemengd, geen-effect and negatief only with effect research (content/README.md)."""
    research = {("bewijsniveaus", v.id) for v in cat.vocabulary("bewijsniveaus").values if v.effect_research}
    research |= {("onderzoeksopzetten", v.id) for v in cat.vocabulary("onderzoeksopzetten").values if v.effect_research}
    for example in cat.examples:
        ev = example.evidence
        measured = ("bewijsniveaus", ev.level) in research or ("onderzoeksopzetten", ev.design) in research
        if ev.effect in ("positief", "gemengd", "geen-effect", "negatief"):
            assert measured, example.id
        if ev.effect == "ervaren-opbrengst":
            assert ev.design and not measured, example.id
    for example_id in ("taalcafe", "buurtcirkel", "wereldmeiden"):
        assert cat.get(example_id).evidence.effect != "positief" or cat.get(example_id).evidence.design == "vergelijkingsgroep"
