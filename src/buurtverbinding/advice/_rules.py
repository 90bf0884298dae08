"""The scoring rules of the recommender, as plain tables (see :mod:`buurtverbinding.advice`).

Every rule gives a direction a small whole number of points when the situation has a certain
answer. The rules are our reading of the KIS guide *Van polarisatie naar verbinding in
buurten* (2019) and of the five direction pages in ``content/richtingen/``: which scale a
direction works at (portiek → woonomgeving, plein and straat → ontmoeting, school →
jeugd, gemeente → gemeente), which groups it serves, and in which phase it comes first. They
are deliberately few and coarse so that a professional can check them by hand;
``docs/advies.md`` prints the same tables.

Points: 3 = this answer points clearly to the direction, 2 = it fits well, 1 = it supports
the direction. A negative number holds a direction back (at ``incidenten``, meeting
activities wait until the conflict itself has been dealt with). Values without a rule do not
move the directions but still count when examples are matched.
"""

from __future__ import annotations

from ..models import FACETS

PhaseRule = tuple[int, str]

PHASE_RULES: dict[str, dict[str, PhaseRule]] = {
    "rust": {
        "woonomgeving": (2, "in een rustige tijd voorkomt goed contact tussen buren dat ergernissen uitgroeien"),
        "ontmoeting": (2, "in een rustige tijd ('in vredestijd') werkt investeren in ontmoeting het best"),
        "jeugd": (1, "kinderen en jongeren leren al in rustige tijd omgaan met verschillen en conflicten"),
        "gemeente": (1, "in een rustige tijd legt de gemeente de basis om signalen op tijd op te vangen"),
    },
    "ongemak": {
        "woonomgeving": (2, "bij ongemak houdt contact tussen directe buren ergernissen klein (preventie)"),
        "ontmoeting": (2, "bij ongemak werken ontmoeting en begrip nog preventief"),
        "jeugd": (1, "bij ongemak helpt het om kinderen en jongeren vroeg te betrekken"),
        "gemeente": (1, "signalen van ongemak moeten een vaste plek hebben bij de gemeente"),
    },
    "spanningen": {
        "veiligheid": (2, "bij spanningen worden sociale controle en weerbaarheid van bewoners belangrijker"),
        "woonomgeving": (1, "bij spanningen kan bemiddeling tussen buren de-escaleren"),
        "jeugd": (1, "bij spanningen helpen conflicthantering en rolmodellen voor jongeren"),
        "gemeente": (1, "bij spanningen is afstemming tussen sociaal domein en veiligheid nodig"),
        "ontmoeting": (-1, "bij spanningen kan een ontmoeting averechts werken: schat eerst de afstand tussen de groepen in"),
    },
    "incidenten": {
        "veiligheid": (4, "bij incidenten komen basisveiligheid en de-escalatie eerst"),
        "jeugd": (1, "bij incidenten zijn conflicthantering en de-escalatie met jongeren nodig, samen met veiligheid"),
        "gemeente": (1, "bij incidenten coördineert de gemeente (met de driehoek) de aanpak"),
        "ontmoeting": (-3, "bij incidenten komen ontmoetingsactiviteiten pas nadat het conflict zelf is aangepakt"),
    },
}
"""Phase → direction → (points, why). The phase weighs most: it decides what comes first."""

PHASE_NOTES: dict[str, str] = {
    "rust": "De buurt is rustig. Dit is het moment om te investeren in preventie en contact, voordat er iets speelt.",
    "ongemak": "Er is ongemak. Zet in op preventie en contact: tussen directe buren en in de straat en buurt.",
    "spanningen": (
        "Er zijn spanningen. Versterk de sociale controle en bemiddel waar dat kan. Schat eerst in hoe groot de "
        "afstand tussen de groepen is voordat u een ontmoeting organiseert: die kan averechts werken."
    ),
    "incidenten": (
        "Er zijn incidenten. Eerst moeten de basisveiligheid terugkomen en het conflict de-escaleren. "
        "Ontmoetingsactiviteiten komen pas daarna, als het conflict zelf is aangepakt."
    ),
}
"""What the phase means for the order of the work; shown above the directions."""

FacetRules = dict[str, dict[str, int]]

FACET_RULES: dict[str, FacetRules] = {
    "locations": {
        "portiek": {"woonomgeving": 3},
        "straat": {"ontmoeting": 2, "veiligheid": 1},
        "plein": {"ontmoeting": 2, "jeugd": 1},
        "buurt": {"ontmoeting": 1, "veiligheid": 1},
        "wijk": {"gemeente": 1, "ontmoeting": 1},
        "gemeente": {"gemeente": 3},
        "school": {"jeugd": 3},
        "online": {"jeugd": 1, "gemeente": 1},
        "ontmoetingsplek": {"ontmoeting": 2},
        "sportveld": {"jeugd": 2, "ontmoeting": 1},
    },
    "target_groups": {
        "kinderen": {"jeugd": 3},
        "jongeren": {"jeugd": 3},
        "ouders": {"jeugd": 1},
        "nieuwe-bewoners": {"woonomgeving": 2},
        "nieuwkomers": {"ontmoeting": 2},
        "ouderen": {"woonomgeving": 1},
        "kwetsbare-bewoners": {"woonomgeving": 1, "veiligheid": 1},
        "ondernemers": {"veiligheid": 1},
        "professionals": {"gemeente": 1},
    },
    "forms": {
        "vervreemding": {"ontmoeting": 2},
        "vooroordelen": {"ontmoeting": 2},
        "stereotypering": {"ontmoeting": 1},
        "onbegrip": {"woonomgeving": 2, "ontmoeting": 1},
        "discriminatie": {"gemeente": 2},
        "uitsluiting": {"ontmoeting": 1, "gemeente": 1},
        "vermijding": {"woonomgeving": 1, "ontmoeting": 1},
        "wij-zij-denken": {"ontmoeting": 1, "gemeente": 1},
        "segregatie": {"ontmoeting": 1, "gemeente": 1},
        "onderhuidse-spanning": {"woonomgeving": 1, "gemeente": 1},
        "intimidatie": {"veiligheid": 3},
        "openlijk-incident": {"veiligheid": 3},
        "protest": {"gemeente": 2, "veiligheid": 1},
        "online-polarisatie": {"jeugd": 1, "gemeente": 1},
        "wantrouwen-overheid": {"gemeente": 2},
        "verlies-van-nuance": {"ontmoeting": 1, "gemeente": 1},
    },
    "causes": {
        "kleine-ergernissen": {"woonomgeving": 2},
        "onduidelijke-omgangsregels": {"woonomgeving": 2},
        "niet-durven-aanspreken": {"veiligheid": 2},
        "machteloosheid": {"veiligheid": 1, "gemeente": 1},
        "snelle-bevolkingsverandering": {"ontmoeting": 1, "gemeente": 1},
        "komst-nieuwe-groep": {"woonomgeving": 1, "ontmoeting": 1},
        "concentratie-kwetsbare-bewoners": {"woonomgeving": 1, "gemeente": 1},
        "schaarste": {"gemeente": 2},
        "verlies-en-angst": {"ontmoeting": 1, "gemeente": 1},
        "ervaren-onrecht": {"gemeente": 2},
        "internationale-conflicten": {"gemeente": 2},
        "landelijk-debat-media": {"gemeente": 1},
        "gerucht-of-incident": {"veiligheid": 2},
        "overheidsbesluit": {"gemeente": 2},
        "sociaal-economische-achterstand": {"gemeente": 1},
        "aanjagers-van-buiten": {"veiligheid": 2, "gemeente": 1},
    },
    "dividing_lines": {
        "oud-nieuw": {"woonomgeving": 1, "ontmoeting": 1},
        "jong-oud": {"jeugd": 1, "ontmoeting": 1},
        "flat-laagbouw": {"ontmoeting": 1},
        "met-zonder-rugzak": {"woonomgeving": 1},
        "studenten-bewoners": {"woonomgeving": 1},
        "etnisch-cultureel-religieus": {"ontmoeting": 1},
        "burger-overheid": {"gemeente": 2},
        "arm-rijk": {"gemeente": 1},
        "voor-tegen-thema": {"gemeente": 1},
    },
}
"""Situation field → answer value → direction → points."""

WHY: dict[str, str] = {
    "locations": "past bij de schaal van deze richting",
    "target_groups": "is een doelgroep van deze richting",
    "forms": "vraagt om deze richting",
    "causes": "is met deze richting aan te pakken",
    "dividing_lines": "wijst op deze richting",
}
"""Why a value of a situation field moves a direction (the end of a reason's sentence)."""

FACET_WORDS: dict[str, tuple[str, str, str]] = {
    facet.feeds: (facet.singular if facet.feeds != "budget" else "budget", facet.vocabulary, WHY.get(facet.feeds, ""))
    for facet in FACETS
    if facet.feeds and facet.vocabulary
}
"""Situation field → (how a reason names one value, the vocabulary that labels it, why it moves a
direction); the words and vocabularies come from the facet declarations in ``models``."""

FACET_PLURALS: dict[str, str] = {facet.feeds: facet.plural for facet in FACETS if facet.feeds}
"""Situation field → how a reason names several values (``plekken``)."""

CALLED_FOR = 3
"""A direction with at least this many points is one the situation calls for (and a witte
vlek when nothing in place covers it)."""

# --- example scores ---------------------------------------------------------------------

PHASE_MATCH = 3
"""The situation's phase is one of the example's phases."""
PHASE_FAR = -3
"""The example is meant for phases two or more steps away (an adjacent phase costs nothing)."""
TOP_DIRECTION, CALLED_DIRECTION, SECONDARY_DIRECTION = 3, 2, 1
"""The example's primary direction is the top direction / another called-for direction; or only
a secondary direction is called for."""
MATCH_POINTS: dict[str, int] = {"locations": 2, "forms": 2, "causes": 2, "dividing_lines": 1, "target_groups": 1}
"""Points per matching value of a facet (at most :data:`MATCH_CAP` values count per facet)."""
MATCH_CAP = 2
PARTNER_POINTS, PARTNER_CAP = 1, 2
"""A partner the example needs who is already at the table (at most two count)."""
WITHIN_BUDGET, OVER_BUDGET = 1, -2
EVIDENCE_POINTS: dict[str, int] = {
    "goed-beschreven": 1,
    "goed-onderbouwd": 1,
    "eerste-aanwijzingen": 2,
    "goede-aanwijzingen": 2,
    "sterke-aanwijzingen": 2,
}
"""Bonus for a rating by a databank or recognition committee (``niet-beoordeeld`` gets none)."""
EFFECT_POINTS: dict[str, int] = {"positief": 1, "gemengd": 0, "onbekend": 0, "geen-effect": -2, "negatief": -3}
"""Points for the direction of the effect that the sources report."""

# --- existing offer given as free text --------------------------------------------------

SEARCH_MIN_SCORE = 3.0
SEARCH_MARGIN = 1.5
SEARCH_MIN_SHARE = 0.5
"""Free text in ``existing`` counts as an example only when the best search hit scores at least
``SEARCH_MIN_SCORE``, at least ``SEARCH_MARGIN`` times the second hit, and holds at least
``SEARCH_MIN_SHARE`` of the words of the text (title, summary, background and approach);
otherwise the entry is reported as not recognised. Naming the example's id is always exact."""
