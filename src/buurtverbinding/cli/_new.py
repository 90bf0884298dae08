"""``buurtverbinding new voorbeeld ID``: write the skeleton of a new practical example.

The skeleton is valid YAML front matter with every required field and the four ``##``
sections. What only the author can know (title, summary, organisation, phases, locations,
target groups, the source, the review date, the text of each section, and the direction unless
``--direction`` gives it) is a placeholder with the word ``TODO``; ``buurtverbinding lint``
reports each one (BV115) at its line, and nothing else, until they are all filled in. Fields
with an honest default get it: ``evidence.level: niet-beoordeeld``, ``evidence.effect:
onbekend`` and ``kis_relation: verwant``; change them only when a source says more. Comments
name the valid values of every controlled field, read from the content folder's vocabularies.

The command refuses a malformed id, an id already used anywhere in the tree (or published, or
retired), an unknown direction and a missing content folder, with exit code 2 and one line. It
never overwrites: the file is written in one step and only when no file of that name exists.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from .._io import TargetExistsError, write_atomic
from ..models import ID_PATTERN, REQUIRED_FACETS
from ._common import EXIT_OK, UsageError

KINDS = ("voorbeeld",)
"""What ``new`` can make; more kinds (a checklist, a term) may follow."""

FOLDER = "voorbeelden"


def add_new_parser(sub: Any) -> None:
    p = sub.add_parser(
        "new",
        help="write the skeleton of a new record (new voorbeeld ID); fill in the TODOs, then run lint",
        description="Write content/voorbeelden/ID.md: every required field and the four sections, with TODO "
        "placeholders that 'buurtverbinding lint' reports until they are filled in. Never overwrites.",
    )
    p.add_argument("kind", metavar="KIND", help="what to make: " + ", ".join(KINDS))
    p.add_argument("id", metavar="ID", help="the new id: lower-case letters, digits and single hyphens, unused in the tree")
    p.add_argument("--content", default="content", metavar="DIR", help="the content folder (default: ./content)")
    p.add_argument("--direction", metavar="D", help="the primary direction (an id from richtingen/); default: a TODO")
    p.add_argument("--json", action="store_true", help='machine-readable output: {"path": ...}')
    p.set_defaults(run=_cmd_new)


def _cmd_new(args: argparse.Namespace) -> int:
    if args.kind not in KINDS:
        raise UsageError(f"unknown kind '{args.kind}'; the kinds are: {', '.join(KINDS)}")
    identifier = args.id
    if not re.fullmatch(ID_PATTERN, identifier):
        raise UsageError(f"'{identifier}' is not a valid id: use lower-case letters, digits and single hyphens (pattern {ID_PATTERN})")
    root = Path(args.content)
    if not root.is_dir():
        what = "is a file, not a folder" if root.exists() else "does not exist"
        raise UsageError(f"content folder '{root}' {what}; give it with --content DIR")
    if not (root / FOLDER).is_dir():
        raise UsageError(f"'{root}' has no {FOLDER}/ folder; is it the content folder? give it with --content DIR")
    target = root / FOLDER / f"{identifier}.md"
    tree = _tree(root)
    where = tree["used"].get(identifier)
    if where is not None:
        raise UsageError(f"id '{identifier}' {where}; ids are unique across the catalogue and never reused: choose another id")
    if target.exists() or target.is_symlink():
        raise UsageError(f"'{target}' already exists; it is never overwritten: choose another id")
    if args.direction is not None and args.direction not in tree["directions"]:
        valid = ", ".join(tree["directions"]) or "none found in richtingen/"
        raise UsageError(f"unknown direction '{args.direction}'; the directions are: {valid}")

    text = skeleton(identifier, args.direction, tree["values"], tree["directions"])
    try:
        write_atomic(target, text.encode("utf-8"), replace=False)
    except TargetExistsError:
        raise UsageError(f"'{target}' appeared while writing; it is never overwritten: choose another id") from None
    except OSError as exc:
        raise UsageError(f"cannot write '{target}': {exc.strerror or exc}") from None
    if args.json:
        print(json.dumps({"path": str(target)}, ensure_ascii=False))
    else:
        print(target)
        print(f"written; fill in every TODO, then run: buurtverbinding lint {root}", file=sys.stderr)
    return EXIT_OK


def _tree(root: Path) -> dict[str, Any]:
    """What the skeleton needs from the content folder: the ids in use (each with where), the
    directions and the vocabularies' values. Read with the linter's own loader; a tree with
    errors is fine (what cannot be read is still counted by its file name)."""
    try:
        from .. import compiler
        from ..compiler import LAYOUT
    except ImportError as exc:
        raise UsageError(f"this command needs PyYAML and markdown-it-py ({exc.name} is missing): pip install 'buurtverbinding[lint]'") from None
    result = compiler.check_tree(root)
    records = result.records
    used: dict[str, str] = {}

    def claim(identifier: str, where: str) -> None:
        used.setdefault(identifier, where)

    labels = {"term": "glossary term", "advice": "advice rule"}
    for kind, items in records.items():  # every kind of record the compiler knows holds ids
        for item in items:
            identifier = getattr(item.record, "id", None)
            if not isinstance(identifier, str):
                continue
            if kind == "retired":
                claim(identifier, f"was retired in {_show(item.path, root)}:{item.line('id')}")
                continue
            claim(identifier, f"is already used by the {labels.get(kind, kind)} in {_show(item.path, root)}:{item.line('id')}")
            if kind == "checklist":
                for i, question in enumerate(item.record.items):
                    claim(question.id, f"is already used by a checklist item in {_show(item.path, root)}:{item.line('items', i, 'id')}")
    for folder, layout in LAYOUT.items():  # files that did not load still hold their id
        suffix = layout[-1]
        for path in sorted((root / folder).glob(f"*{suffix}")) if (root / folder).is_dir() else ():
            claim(path.name.removesuffix(suffix), f"is already used by the file {_show(path, root)}")
    manifest = root / compiler.MANIFEST
    for identifier in compiler.read_manifest(manifest):
        claim(identifier, f"is published in {_show(manifest, root)}")

    directions = [item.record.id for item in sorted(records.get("direction", []), key=lambda i: i.record.number)]
    values = {item.record.id: list(item.record.ids()) for item in records.get("vocabulary", [])}
    return {"used": used, "directions": directions, "values": values}


def _show(path: Path, root: Path) -> str:
    try:
        return (Path(root.name) / path.relative_to(root)).as_posix()
    except ValueError:
        return str(path)


def _choices(values: dict[str, list[str]], vocabulary: str) -> str:
    found = values.get(vocabulary)
    return f"{vocabulary}: {', '.join(found)}" if found else f"vocabulaires/{vocabulary}.yaml"


def skeleton(identifier: str, direction: str | None, values: dict[str, list[str]], directions: list[str]) -> str:
    """The text of a new example: valid YAML front matter and the four sections, with TODOs."""

    def note(vocabulary: str) -> str:
        return "# " + _choices(values, vocabulary)

    direction_note = "# richtingen: " + (", ".join(directions) or "see richtingen/")
    return f"""---
id: {identifier}
title: TODO titel
summary: TODO samenvatting in eenvoudig Nederlands (B1), hoogstens 400 tekens, in eigen woorden
direction: {direction or "TODO"}  {direction_note}
# secondary_directions: []  {direction_note}
phases: [TODO]  {note("fasen")}
locations: [TODO]  {note("locaties")}
target_groups: [TODO]  {note("doelgroepen")}
forms: [TODO]  {note("vormen")}
causes: [TODO]  {note("oorzaken")}
dividing_lines: [TODO]  {note("scheidslijnen")}
# not_applicable: []  # a facet no source supports: leave it empty and list its key ({", ".join(REQUIRED_FACETS)})
connection: TODO een of twee zinnen, volgens de bronnen, over hoe het werkt tegen polarisatie of voor verbinding tussen groepen
# Optional lists, each from its vocabulary (remove the '# ' to use one):
# intermediate_groups: []  # vocabulaires/doelgroepen.yaml
# partners: []  # vocabulaires/actoren.yaml
# mechanisms: []  # vocabulaires/mechanismen.yaml
# methods: []  # vocabulaires/methoden.yaml
# themes: []  # vocabulaires/themas.yaml
# municipalities: []  # only places a source names
organisation: TODO wie het uitvoert
evidence:
  level: niet-beoordeeld  # higher only when a databank rated it and a source says so (then fill in rating)
  effect: onbekend  {note("effectrichtingen")}
  # design: ervaringsonderzoek  # the strongest study the sources report, {_choices(values, "onderzoeksopzetten")}
  # checked: []  # the databanks searched for a rating, {_choices(values, "databanken")}
  # checked_on: jjjj-mm-dd  # when they were searched
# aim: Doel in een of twee zinnen.
# active_ingredients: []  # werkzame elementen, as the sources name them
# requirements: []  # randvoorwaarden: people, training, money, time
# owner: {{name: ..., url: https://...}}  # the organisation that owns or supports the method
# handbook: {{title: ..., publisher: ..., url: https://...}}
sources:  # the publisher's own page; a copy elsewhere goes in copy_url
  - title: TODO titel van de bron
    publisher: TODO uitgever
    url: TODO adres van de pagina bij de uitgever
kis_relation: verwant  # bevestigd needs a source with in_guide true; kis-gelinkt a source published by KIS
reviewed: TODO datum waarop alles met de bronnen is vergeleken, jjjj-mm-dd
---

## Aanleiding

TODO Waarom het begon; welk probleem het beantwoordt.

## Aanpak

TODO Wat er gebeurt, en door wie.

## Wat het oplevert

TODO Wat het oplevert, voor zover de bronnen het zeggen; schrijf eerlijk "onbekend" waar niets bekend is.

## Aandachtspunten

TODO Waar u op let.
"""
