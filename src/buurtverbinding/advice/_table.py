"""The advice table: what both evaluators read, built once per catalogue as plain JSON.

The table holds the compiled advice model (``content/advies/``), the fit rules, the checklist
questions with what each feeds, the Dutch labels of every situation value, and each example
reduced to what the advice reads. ``advice._evaluate`` (Python) and ``bv-advice.js`` (the page)
interpret it; the page gets it as ``bv.data.advice``. Nothing in it is written by hand: the
situation fields and their labels come from the facet registry (``models.FACETS``) and the
questions' ``feeds`` declarations.
"""

from __future__ import annotations

import threading
import weakref
from typing import TYPE_CHECKING, Any

from ..models import FACETS
from ._evaluate import normalise

if TYPE_CHECKING:
    from ..catalog import Catalog

__all__ = ["TABLE_VERSION", "advice_table", "situation_fields"]

TABLE_VERSION = 1
"""The format of the advice table (``bv.data.advice.version``)."""

_cache: dict[int, tuple[weakref.ref[Any], dict[str, Any]]] = {}
_lock = threading.Lock()


def situation_fields() -> dict[str, str]:
    """Situation field → its vocabulary, for every facet that a checklist answer feeds."""
    return {facet.feeds: facet.vocabulary for facet in FACETS if facet.feeds and facet.vocabulary}


def _values(example: Any, facet: Any) -> list[str]:
    value: Any = example
    for part in (facet.path or facet.field).split("."):
        value = getattr(value, part, None) if value is not None else None
    if value is None:
        return []
    return list(value) if isinstance(value, tuple) else [value]


def advice_table(cat: Catalog) -> dict[str, Any]:
    """The table for ``cat`` (cached for as long as the catalogue lives)."""
    key = id(cat)
    with _lock:
        hit = _cache.get(key)
        if hit is not None and hit[0]() is cat:
            return hit[1]
        table = _build(cat)
        _cache[key] = (weakref.ref(cat), table)
        return table


def _build(cat: Catalog) -> dict[str, Any]:
    if not cat.advice_model:
        raise ValueError("this catalogue has no advice model (content/advies/model.yaml)")
    model = cat.advice_model[0]
    fields = situation_fields()
    labels = {field: {v.id: v.label for v in cat.vocabulary(name).values} for field, name in fields.items()}
    rated = {v.id for v in cat.vocabulary("bewijsniveaus").values if v.rated}
    by_field = {facet.feeds: facet for facet in FACETS if facet.feeds}
    steps = {step.id: step.number for step in cat.steps}
    items = []
    for checklist in sorted(cat.checklists, key=lambda c: (steps.get(c.step, 99), c.order, c.id)):
        for item in checklist.items:
            options = [[v.id, v.label] for v in cat.vocabulary(item.vocabulary).values] if item.vocabulary else None
            scale = {"min": item.scale.min, "max": item.scale.max, "low": item.scale.low_label, "high": item.scale.high_label} if item.scale else None
            items.append(
                {
                    "id": item.id,
                    "question": item.question,
                    "kind": item.kind,
                    "options": options,
                    "scale": scale,
                    "feeds": item.feeds or "verslag",
                    "about": item.about,
                    "step": steps.get(checklist.step, 0),
                    "checklist": checklist.id,
                }
            )
    examples = []
    for example in cat.examples:
        record: dict[str, Any] = {
            "id": example.id,
            "title": example.title,
            "direction": example.direction,
            "secondary": list(example.secondary_directions),
            "phases": list(example.phases),
            "cost": example.cost.band if example.cost else None,
            "rated": example.evidence.level in rated,
            "effect": example.evidence.effect,
        }
        for field in ("locations", "target_groups", "dividing_lines", "forms", "causes", "partners"):
            record[field] = _values(example, by_field[field])
        examples.append(record)
    fit = [
        {
            "field": rules.field,
            "rules": {
                value: {r.direction: [r.points, r.why or rules.why or ""] for r in rules.rules if r.value == value}
                for value in dict.fromkeys(r.value for r in rules.rules)
            },
        }
        for rules in sorted(cat.advice_rules, key=lambda r: (r.order, r.id))
    ]
    dumped = model.model_dump(mode="json")
    running: dict[str, Any] = {}
    for e in examples:
        entry = {"example": e["id"], "title": e["title"], "directions": [e["direction"], *[d for d in e["secondary"] if d != e["direction"]]]}
        running.setdefault(normalise(e["id"]), entry)
        running.setdefault(normalise(e["title"]), entry)
    for name in dumped["running"]:
        running.setdefault(normalise(name["name"]), {"example": None, "title": name["name"], "directions": name["directions"]})
    return {
        "version": TABLE_VERSION,
        "directions": [{"id": d.id, "number": d.number, "title": d.title, "short": d.short_title} for d in sorted(cat.directions, key=lambda d: d.number)],
        "labels": labels,
        "budget_order": list(cat.vocabulary(fields["budget"]).ids()),
        "items": items,
        "fit": fit,
        "model": {
            "fit": dumped["fit"],
            "first_steps": dumped["first_steps"],
            "phases": {p["phase"]: p for p in dumped["phases"]},
            "examples": dumped["examples"],
            "policy_topics": dumped["policy_topics"],
        },
        "running": running,
        "texts": dumped["texts"],
        "examples": examples,
    }
