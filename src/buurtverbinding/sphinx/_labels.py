"""The Dutch words the rendered objects use (the catalogue itself is Dutch, so its frame is too)."""

from __future__ import annotations

from datetime import date

from ..models import FACETS, Facet

OBJECT_LABELS = {
    "example": "praktijkvoorbeeld",
    "direction": "oplossingsrichting",
    "step": "stap",
    "checklist": "checklist",
    "item": "checklistvraag",
    "term": "begrip",
}
"""Object type → how Sphinx names it (in the general index and in intersphinx listings)."""

SHOWN_FACETS = tuple(f for f in FACETS if f.show and f.vocabulary and not f.path)
"""The multi-valued facets an example page lists, in declaration order (heading: ``facet.label``)."""

SECTIONS = (
    ("background", "Aanleiding"),
    ("approach", "Aanpak"),
    ("outcomes", "Wat het oplevert"),
    ("considerations", "Aandachtspunten"),
)

CONNECTION_HEADING = "Waarom dit voorbeeld hier staat"
"""The heading of an example's ``connection``: how it works against polarisation or for connection."""

CHECKED_LABEL = "Laatst gecontroleerd"
"""Before the date on which an example was last checked against its sources."""

OTHER_ANSWER = "Anders, namelijk:"
"""The last line under every printed list of choices, to write in an answer the list lacks."""

ANSWER_HINTS = {
    "yes_no": "Ja of nee",
    "single_choice": "Kies één antwoord",
    "multiple_choice": "Kies alles wat past",
    "scale": "Geef een cijfer",
    "text": "Schrijf het antwoord op",
}

WIJZER_FACETS = tuple(f for f in FACETS if f.filter and f.wijzer)
"""The filters of the Interventiewijzer, from the facet declarations."""


def any_label(facet: Facet) -> str:
    """``Alle plekken``: the choice that means "any value"."""
    return f"Alle {facet.plural}"


_MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def long_date(value: date) -> str:
    """``30 november 2026``."""
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def partial_date(value: str) -> str:
    """A ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` date in words."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return long_date(date(*parts))
    if len(parts) == 2:
        return f"{_MONTHS[parts[1] - 1]} {parts[0]}"
    return str(parts[0])


def count(number: int, one: str = "voorbeeld", many: str = "voorbeelden") -> str:
    """``1 voorbeeld``, ``3 voorbeelden``."""
    return f"{number} {one if number == 1 else many}"
