"""Typed, frozen records of the catalogue.

Every record is an immutable pydantic model: unknown fields are errors and every collection
is a tuple. Field names are English; the values (titles, summaries, vocabulary slugs) are
Dutch, because they are written by and for Dutch professionals.

Controlled values (phases, locations, target groups, ...) are stored as slugs. Which slugs
are valid is data, not code: the vocabularies live in ``content/vocabulaires/`` and the
content compiler checks every reference against them. :class:`Vocabulary` records ship in
the catalogue so that callers can list labels and definitions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

__all__ = [
    "ANSWER_KINDS",
    "EXAMPLE_VOCABULARIES",
    "FACETS",
    "REQUIRED_FACETS",
    "SITUATION_FEEDS",
    "Facet",
    "facets",
    "ChecklistItem",
    "Checklist",
    "Cost",
    "Direction",
    "Evidence",
    "Example",
    "Owner",
    "Rating",
    "Retirement",
    "AdviceRules",
    "DescriptionCues",
    "DirectionRule",
    "AdviceModel",
    "PhaseOrder",
    "FitThresholds",
    "HeldDirection",
    "PolicyTopic",
    "RunningName",
    "FirstStep",
    "ExampleWeights",
    "ItemFeeds",
    "Scale",
    "Sections",
    "Source",
    "Step",
    "Synonym",
    "Term",
    "Vocabulary",
    "VocabularyValue",
]

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
"""Ids are lower-case slugs: letters, digits and single hyphens (``buurtbemiddeling``, ``stap-2``)."""

SUMMARY_MAX = 400
"""A summary is at most this many characters (B1 Dutch, read at a glance)."""

CONNECTION_MAX = 320
"""``connection`` (how an example works against polarisation) is one or two sentences: at most this many characters."""

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

_DATE_PATTERN = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def _check_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in value:
        raise PydanticCustomError(
            "bv_url",
            "'{url}' is not an http(s) address; use a full address such as https://www.kis.nl/...",
            {"url": value},
        )
    return value


def _date_to_text(value: object) -> object:
    # YAML reads ``2017`` as a number and ``2017-06-01`` as a date; both are fine as text.
    if isinstance(value, (int, date)) and not isinstance(value, bool):
        return value.isoformat() if isinstance(value, date) else str(value)
    return value


def _check_partial_date(value: str) -> str:
    if _DATE_PATTERN.match(value):
        year, month, day = (value.split("-") + ["01", "01"])[:3]
        try:
            date(int(year), int(month), int(day))  # 2017-13 and 2026-02-31 do not exist
            return value
        except ValueError:
            pass
    raise PydanticCustomError("bv_partial_date", "'{value}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD", {"value": value})


Url = Annotated[str, AfterValidator(_check_url)]
PartialDate = Annotated[str, BeforeValidator(_date_to_text), AfterValidator(_check_partial_date)]


@dataclass(frozen=True)
class Facet:
    """The one declaration of a facet of :class:`Example`: a field whose values come from a
    vocabulary and that people filter, search, read and export by.

    It stands as ``Annotated`` metadata on the field itself; :data:`FACETS` collects them, and
    every part of the package (``Catalog.filter``, the CLI's ``list`` options, ``bv:examples``,
    the Interventiewijzer, ``show``, ``compare``, search, the CSV/SQLite/Data Package columns,
    the lint checks and the advice) reads them from there. Adding a facet is one declaration on
    the model plus its vocabulary file.
    """

    key: str
    """The filter keyword, English and singular (``location``); ``--location`` on the CLI."""
    vocabulary: str | None
    """The vocabulary that holds the valid values; ``None`` for the directions."""
    singular: str
    """Dutch, lower case: one value (``plek``)."""
    plural: str
    """Dutch, lower case: the heading for several values (``plekken``)."""
    path: str = ""
    """Where the values are read, when not the field itself: ``directions`` (primary and
    secondary), ``evidence.level``, ``cost.band``."""
    filter: bool = True
    wijzer: bool = True
    """A filter of the site's Interventiewijzer (the filters a wijkcoördinator starts from)."""
    search: bool = False
    """The Dutch labels of its values are searchable text of the example."""
    show: bool = True
    export: bool = True
    feeds: str | None = None
    """The field of a situation that a checklist answer over this vocabulary fills in."""
    answer: Literal["single_choice", "multiple_choice"] | None = None
    """The answer kind that feeds it."""
    required: bool = False
    """Every example sets it, or lists its ``key`` in ``not_applicable`` (lint BV117 and BV118),
    so that a filter on it never silently drops an untagged example."""
    field: str = ""
    """The :class:`Example` field it is declared on (filled in by :func:`facets`)."""

    @property
    def label(self) -> str:
        """The Dutch heading: ``Plekken``."""
        return self.plural[:1].upper() + self.plural[1:]

    @property
    def option(self) -> str:
        """The option name of the CLI and of ``bv:examples``: ``target-group``."""
        return self.key.replace("_", "-")

    @property
    def parameter(self) -> str:
        """The Dutch URL parameter of the Interventiewijzer: ``doelgroep``."""
        return self.singular.replace(" ", "-").replace("'", "")

    @property
    def multiple(self) -> bool:
        """True for a tuple field; single-valued facets (``evidence.level``) have one value."""
        return not self.path or self.path == "directions"

    def values(self, record: Any) -> tuple[str, ...]:
        """The facet's values on an example (a tuple, empty when it has none)."""
        if not self.path:  # the common case, and the catalogue indexes every example by it: keep it fast
            found: tuple[str, ...] = getattr(record, self.field)
            return found
        value: Any = record
        for part in self.path.split("."):
            value = getattr(value, part, None) if value is not None else None
        if value is None:
            return ()
        return (value,) if isinstance(value, str) else tuple(value)


def facets(model: type[BaseModel]) -> tuple[Facet, ...]:
    """The facets declared on ``model``'s fields, in field order."""
    found = []
    for name, info in model.model_fields.items():
        for meta in info.metadata:
            if isinstance(meta, Facet):
                found.append(replace(meta, field=name))
    return tuple(found)


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Source(_Record):
    """A public page where the stated facts can be read."""

    title: Text
    publisher: Text
    year: int | None = Field(default=None, ge=1900, le=2100)
    url: Url
    """The publisher's own page (never a re-upload or document-sharing site, nor a tag or search page)."""
    copy_url: Url | None = None
    """Where only a copy of the original can be found: that copy, shown as "kopie"."""
    in_guide: bool = False
    """True when this source shows that the example is in the 2019 KIS guide (needed for ``bevestigd``)."""


class Rating(_Record):
    """A rating given by an intervention databank, in its own words (the "native" rating)."""

    databank: Text
    label: Text
    date: PartialDate | None = None
    """When the rating was given (YYYY, YYYY-MM or YYYY-MM-DD). Without a date, ``url`` must be
    one of the example's own sources, the page that reports the rating (lint BV140)."""
    url: Url


class Evidence(_Record):
    """How strong the evidence is, and which way the effect points.

    ``level`` is a value of the ``bewijsniveaus`` vocabulary (the Dutch recognition ladder);
    ``effect`` a value of ``effectrichtingen``. Strength and direction are kept apart on
    purpose: an intervention can be well studied and still show no effect.
    """

    level: Id
    effect: Id
    design: Id | None = None
    """The design of the strongest study the sources report (``onderzoeksopzetten``
    vocabulary); none when no study of the outcomes is known. Which effects a design allows is
    the effect rule in ``content/README.md`` (lint BV119)."""
    rating: Rating | None = None
    note: Text | None = None
    checked: tuple[Id, ...] = ()
    """The databanks (``databanken`` vocabulary) that were searched for a rating of this intervention."""
    checked_on: PartialDate | None = None
    """When those databanks were searched."""


class Cost(_Record):
    """A rough cost indication: a band from the ``kostenniveaus`` vocabulary and a note."""

    band: Id
    note: Text | None = None


class Owner(_Record):
    """The organisation that owns or supports a method (eigenaar)."""

    name: Text
    url: Url | None = None


class Sections(_Record):
    """The narrative of an example, as Markdown (the ``##`` sections of the content file)."""

    background: Text
    """Aanleiding: why it was started, which problem it answers."""
    approach: Text
    """Aanpak: what is done, by whom."""
    outcomes: Text
    """Wat het oplevert: what it yields, as far as known."""
    considerations: Text
    """Aandachtspunten: what to watch for."""


class Direction(_Record):
    """One of the five solution directions (oplossingsrichtingen) of the KIS guide."""

    id: Id
    number: int = Field(ge=1, le=5)
    title: Text
    short_title: Text
    summary: Text
    description: Text


class Example(_Record):
    """A practical example (praktijkvoorbeeld): a real intervention, described in our own words."""

    id: Id
    title: Text
    summary: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=SUMMARY_MAX)]
    direction: Annotated[Id, Facet("direction", None, "richting", "richtingen", path="directions")]
    secondary_directions: tuple[Id, ...] = ()
    phases: Annotated[tuple[Id, ...], Facet("phase", "fasen", "fase", "fasen", search=True, feeds="phase", answer="single_choice")] = Field(min_length=1)
    locations: Annotated[
        tuple[Id, ...], Facet("location", "locaties", "plek", "plekken", search=True, feeds="locations", answer="multiple_choice", required=True)
    ] = Field(min_length=1)
    target_groups: Annotated[
        tuple[Id, ...],
        Facet("target_group", "doelgroepen", "doelgroep", "doelgroepen", search=True, feeds="target_groups", answer="multiple_choice", required=True),
    ] = Field(min_length=1)
    intermediate_groups: Annotated[tuple[Id, ...], Facet("intermediate_group", "doelgroepen", "tussendoelgroep", "tussendoelgroepen", wijzer=False)] = ()
    partners: Annotated[tuple[Id, ...], Facet("partner", "actoren", "partner", "partners", search=True, feeds="partners", answer="multiple_choice")] = ()
    forms: Annotated[
        tuple[Id, ...],
        Facet("form", "vormen", "vorm van polarisatie", "vormen van polarisatie", search=True, feeds="forms", answer="multiple_choice", required=True),
    ] = ()
    causes: Annotated[
        tuple[Id, ...], Facet("cause", "oorzaken", "oorzaak", "oorzaken", search=True, feeds="causes", answer="multiple_choice", required=True)
    ] = ()
    dividing_lines: Annotated[
        tuple[Id, ...], Facet("dividing_line", "scheidslijnen", "scheidslijn", "scheidslijnen", feeds="dividing_lines", answer="multiple_choice", required=True)
    ] = ()
    mechanisms: Annotated[tuple[Id, ...], Facet("mechanism", "mechanismen", "werkzaam mechanisme", "werkzame mechanismen", wijzer=False)] = ()
    methods: Annotated[tuple[Id, ...], Facet("method", "methoden", "methode", "methoden", wijzer=False)] = ()
    themes: Annotated[tuple[Id, ...], Facet("theme", "themas", "thema", "thema's", wijzer=False)] = ()
    not_applicable: tuple[Text, ...] = ()
    """Keys of the required facets (:data:`REQUIRED_FACETS`: ``dividing_line``, ``cause``,
    ``form``, ``target_group``, ``location``) that truly do not apply to this example; a facet
    listed here has no values."""
    connection: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=CONNECTION_MAX)] | None = None
    """Verbinding: how the intervention works against polarisation or for connection between
    groups, the mechanism as its sources describe it, in one or two Dutch sentences. Lint
    requires it (BV116); the model accepts its absence so that older exports still load."""
    municipalities: tuple[Text, ...] = ()
    organisation: Text
    evidence: Annotated[Evidence, Facet("evidence", "bewijsniveaus", "bewijsniveau", "bewijsniveaus", path="evidence.level")]
    cost: Annotated[Cost | None, Facet("cost", "kostenniveaus", "kostenniveau", "kostenniveaus", path="cost.band", feeds="budget", answer="single_choice")] = (
        None
    )
    aim: Text | None = None
    """Doel: what the intervention sets out to achieve, in one or two sentences."""
    active_ingredients: tuple[Text, ...] = ()
    """Werkzame elementen: what makes it work, as the sources name them."""
    requirements: tuple[Text, ...] = ()
    """Randvoorwaarden: people, training, money and time it takes."""
    owner: Owner | None = None
    """Eigenaar: the organisation that owns or supports the method."""
    handbook: Source | None = None
    """Handboek: a handbook or materials for the method."""
    sources: tuple[Source, ...] = Field(min_length=1)
    kis_relation: Id
    kis_note: Text | None = None
    reviewed: date
    related: tuple[Id, ...] = ()
    sections: Sections

    @property
    def directions(self) -> tuple[str, ...]:
        """The primary direction followed by the secondary ones."""
        return (self.direction, *self.secondary_directions)


FACETS: tuple[Facet, ...] = facets(Example)
"""Every facet of :class:`Example`, in field order: the registry that the rest derives from."""

EXAMPLE_VOCABULARIES: dict[str, str] = {f.field: f.vocabulary for f in FACETS if f.vocabulary and not f.path}
"""Which vocabulary each multi-valued field of :class:`Example` draws its slugs from (derived)."""

REQUIRED_FACETS: tuple[str, ...] = tuple(f.key for f in FACETS if f.required)
"""The facet keys every example sets or declares in ``not_applicable`` (derived)."""

SITUATION_FEEDS: dict[str, tuple[str, str]] = {f.feeds: (f.vocabulary, f.answer) for f in FACETS if f.feeds and f.vocabulary and f.answer}
"""For each situation field a checklist answer can feed: the vocabulary and answer kind it needs
(derived; ``existing`` is fed by a free-text item)."""


class Step(_Record):
    """One of the four steps of the step plan (stappenplan)."""

    id: Id
    number: int = Field(ge=1, le=4)
    title: Text
    purpose: Text
    participants: tuple[Text, ...] = Field(min_length=1)
    outputs: tuple[Text, ...] = Field(min_length=1)
    description: Text


ANSWER_KINDS = ("yes_no", "single_choice", "multiple_choice", "scale", "text")
AnswerKind = Literal["yes_no", "single_choice", "multiple_choice", "scale", "text"]
SituationField = Literal["phase", "forms", "causes", "dividing_lines", "locations", "target_groups", "partners", "existing", "budget"]
ItemFeeds = Literal[
    "phase", "forms", "causes", "dividing_lines", "locations", "target_groups", "partners", "existing", "budget", "judgement", "first", "policy", "verslag"
]
"""What a checklist answer does: fill a situation field (step 2, the budget, the partners, the
running work), give the meeting's judgement on a direction (``judgement``, step 3), put a first
step in or out (``first``), say whether current policy covers a direction or topic (``policy``,
step 4), or go into the verslag only (``verslag``)."""


class Scale(_Record):
    """The range of a scale question, with a label for each end."""

    min: int = 1
    max: int = 5
    low_label: Text
    high_label: Text

    @model_validator(mode="after")
    def _range(self) -> Scale:
        if self.min >= self.max:
            raise PydanticCustomError("bv_scale", "scale min ({min}) must be below max ({max})", {"min": self.min, "max": self.max})
        return self


class ChecklistItem(_Record):
    """A question of a checklist and the kind of answer it takes.

    Choice questions (``single_choice``, ``multiple_choice``) take their options from a
    vocabulary, so that answers can drive recommendations. ``feeds`` declares what the answer
    does in the advice (see :data:`ItemFeeds`); ``about`` names the direction, first step or
    policy topic of a ``judgement``, ``first`` or ``policy`` question.
    """

    id: Id
    question: Text
    kind: AnswerKind
    vocabulary: Id | None = None
    scale: Scale | None = None
    help: Text | None = None
    feeds: ItemFeeds | None = None
    about: Id | None = None

    @model_validator(mode="after")
    def _kind_fits(self) -> ChecklistItem:
        choice = self.kind in ("single_choice", "multiple_choice")
        if choice and self.vocabulary is None:
            raise PydanticCustomError("bv_item_kind", "a {kind} question needs a 'vocabulary' for its options", {"kind": self.kind})
        if not choice and self.vocabulary is not None:
            raise PydanticCustomError("bv_item_kind", "a {kind} question takes no 'vocabulary'", {"kind": self.kind})
        if (self.kind == "scale") != (self.scale is not None):
            raise PydanticCustomError("bv_item_kind", "'scale' is required for, and only for, a scale question", {})
        judged = self.feeds in ("judgement", "first", "policy")
        if judged and self.kind != "yes_no":
            raise PydanticCustomError("bv_item_kind", "a question that feeds '{feeds}' takes ja/nee answers (kind: yes_no)", {"feeds": self.feeds})
        if judged != (self.about is not None):
            raise PydanticCustomError("bv_item_kind", "'about' is required for, and only for, 'judgement', 'first' and 'policy' questions", {})
        return self


class Checklist(_Record):
    """A checklist belonging to a step; used at the table of a buurtoverleg."""

    id: Id
    step: Id
    order: int = Field(ge=1)
    title: Text
    purpose: Text
    items: tuple[ChecklistItem, ...] = Field(min_length=1)


class Term(_Record):
    """A glossary entry (begrip)."""

    id: Id
    term: Text
    definition: Text
    source: Source | None = None
    see_also: tuple[Id, ...] = ()


class VocabularyValue(_Record):
    """One allowed value of a controlled vocabulary, with a Dutch label and definition."""

    id: Id
    label: Text
    definition: Text
    source: Source | None = None
    rated: bool = False
    """Evidence levels only: a databank or recognition committee has rated the intervention
    (the one place that says which levels count as "beoordeeld")."""
    effect_research: bool = False
    """Evidence levels and study designs only: the level or design rests on effect research
    (a comparison or control group), so an example with it may report a measured effect; the
    one place that says so (lint BV119)."""


class Vocabulary(_Record):
    """A controlled vocabulary: the allowed values of one facet, in their meaningful order."""

    id: Id
    title: Text
    description: Text
    values: tuple[VocabularyValue, ...] = Field(min_length=1)

    def ids(self) -> tuple[str, ...]:
        """The value slugs, in order."""
        return tuple(v.id for v in self.values)


class Retirement(_Record):
    """A published id that left the catalogue, and the id that replaces it.

    Ids are never reused: a retired id stays reserved, and looking it up gives the replacement
    (with a ``DeprecationWarning``).
    """

    id: Id
    status: Literal["retired"]
    replaced_by: Id
    since: Text | None = None
    """The content version in which the id was retired."""
    reason: Text | None = None


class Synonym(_Record):
    """Words that mean the same to a professional who searches (``content/synoniemen.yaml``):
    search and the description analyser treat each word of the group as the others."""

    id: Id
    words: tuple[Text, ...] = Field(min_length=2)
    """Single Dutch words, e.g. ``burenruzie`` and ``burenconflict``."""
    note: Text | None = None
    """Why these words mean the same here (for the reviewer)."""


# --- the advice rules (content/advies/) ---------------------------------------------------


class DirectionRule(_Record):
    """One fit rule: when the situation has ``value``, ``direction`` fits with weight ``points``.

    Weights: 3 = points clearly to the direction, 2 = fits well, 1 = supports it. Per question
    only the highest weight counts for a direction. ``why`` ends the reason's sentence; without
    it the rule set's ``why`` is used.
    """

    value: Id
    direction: Id
    points: int = Field(ge=1, le=3)
    why: Text | None = None


class AdviceRules(_Record):
    """The fit rules for one situation field (``content/advies/regels-*.yaml``): which answer
    points to which direction, and why. Reviewable content: both evaluators (Python and the
    browser) read the compiled rules."""

    id: Id
    title: Text
    description: Text
    order: int = Field(ge=1)
    """The order in which the fields give their reasons."""
    field: Literal["locations", "target_groups", "forms", "causes", "dividing_lines"]
    """The situation field whose answers these rules read."""
    why: Text | None = None
    rules: tuple[DirectionRule, ...] = ()


class DescriptionCues(_Record):
    """How a description in the meeting's own words is read (``content/advies/beschrijving.yaml``).

    Per situation field and vocabulary value, the cue phrases (Dutch, one or more words, with
    their inflections and synonyms written out) that point to the value. A phrase is matched on
    the stems of its words, in order, within one clause, with at most ``max_gap`` other words
    between two of its words. A negation word makes the phrases after it in its clause not count
    (unless the phrase itself holds it: "durven niet aan te spreken"); a clause ends at one of
    ``clause_marks`` or at one of ``clause_words``. A phrase made only of ``stop_words`` never
    counts. Of several phases found, the first in ``phase_order`` (the most severe) is taken.
    Both readers (Python and the browser) read the compiled table.
    """

    id: Id
    title: Text
    description: Text
    negations: tuple[str, ...]
    """Words that deny what follows them in their clause: ``geen``, ``niet``, ``nooit``, ``zonder``."""
    negated_fields: tuple[str, ...] = ()
    """The fields whose phrases a negation denies (what happens, not who or where)."""
    clause_words: tuple[str, ...] = ()
    """Words that start a new clause: ``maar``, ``want``, ``omdat``, ``terwijl``."""
    clause_marks: str
    """Punctuation that ends a clause, written together: ``,;.:!?()``."""
    stop_words: tuple[str, ...] = ()
    """Words that never make a value on their own (``mensen``, ``komen``, ``willen``, ``rond``)."""
    phase_order: tuple[Id, ...]
    """Every phase, most severe first: the phase taken when several are found."""
    max_gap: int = Field(default=3, ge=0, le=6)
    """How many other words may stand between two words of a phrase."""
    cues: dict[str, dict[str, tuple[str, ...]]]
    """Situation field → vocabulary value → cue phrases."""
    forms: dict[str, str] = {}
    """Made by the compiler, not written in the content: every written form of a cue word (with
    the regular inflections that the search's stemmer gives the same stem) → its stem."""


class FitThresholds(_Record):
    """When the analysis suggests a direction, and when it points to it strongly."""

    suggest_min: int = Field(ge=1)
    suggest_share: int = Field(ge=1, le=100)
    strong_share: int = Field(ge=1, le=100)


class FirstStep(_Record):
    """A step that comes before the directions in some phases (*Eerst*)."""

    id: Id
    title: Text
    text: Text


class HeldDirection(_Record):
    """A direction that waits in a phase (*Later*), with the reason to wait."""

    direction: Id
    why: Text


class PhaseOrder(_Record):
    """What a phase means for the order of the work: first steps, directions that wait, and
    the order that breaks ties between directions that fit equally well."""

    phase: Id
    note: Text
    first: tuple[Id, ...] = ()
    later: tuple[HeldDirection, ...] = ()
    prefer: tuple[Id, ...]


class ExampleWeights(_Record):
    """How practical examples are ranked; an example is recommended only on a core match."""

    core: dict[str, int]
    """Situation field → weight per matching value (the core: groups, dividing lines, forms, causes)."""
    generic: dict[str, list[Id]] = {}
    """Values too general to count as a core match, per field."""
    skip_other_dividing_lines: bool = True
    """When the situation names dividing lines and an example is meant for other ones only, it is left out."""
    place: int
    cap: int = Field(ge=1)
    """At most this many matching values count per field."""
    plan_first: int
    plan: int
    secondary: int
    partner: int
    partner_cap: int = Field(ge=0)
    within_budget: int
    over_budget: int
    rated: int
    effect: dict[str, int]
    limit: int = Field(ge=1)
    per_gap: int = Field(ge=1)


class PolicyTopic(_Record):
    """A step-4 topic that is not a direction (a fixed place for signals), with examples that fill it."""

    id: Id
    title: Text
    examples: tuple[Id, ...] = ()


class RunningName(_Record):
    """A common name for running work (``jongerenwerk``) and the directions it covers."""

    name: Text
    directions: tuple[Id, ...] = Field(min_length=1)


class AdviceModel(_Record):
    """The advice model (``content/advies/model.yaml``): thresholds, the phase order, example
    weights, policy topics, names of running work, and every Dutch sentence of the advice, the
    verslag and the answer messages (templates with ``{placeholders}``). Both evaluators read
    the compiled model and hold no sentence or rule of their own."""

    id: Id
    title: Text
    description: Text
    fit: FitThresholds
    first_steps: tuple[FirstStep, ...]
    phases: tuple[PhaseOrder, ...]
    examples: ExampleWeights
    policy_topics: tuple[PolicyTopic, ...] = ()
    running: tuple[RunningName, ...] = ()
    texts: dict[str, str | list[str]]
