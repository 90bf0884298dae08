"""``buurtverbinding assess``: from checklist answers to advice and the meeting's verslag.

Two ways in: ``--answers FILE`` (YAML or JSON: item id → answer, or a file saved by the
Buurtanalyse page with the meeting's datum, buurt and aanwezigen), or interactively: every
checklist question in the order of the step plan, with numbered options; an empty line skips
a question and the end of the input (Ctrl-D) skips the rest. Questions go to stderr, so the
report on stdout stays clean, and the questions also work when stdin is not a terminal.

The report is printed as Markdown, or written with ``--out PATH`` (Markdown or HTML, from
``--format`` or the suffix). Writing is atomic (a temporary file in the same folder, then
``os.replace``), and an existing file is only replaced with ``--force``. Nothing is written
when the answers have problems: every problem is listed and the exit code is 1. Everything
this command says is Dutch: it is for the people at the meeting table.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from .._io import TargetExistsError, write_atomic
from .._loader import load
from ..advice import Assessment
from ..advice._evaluate import check_answer
from ..advice._render import render
from ..advice._table import advice_table
from ._common import EXIT_OK, EXIT_PROBLEM, UsageError, print_json

if TYPE_CHECKING:
    from ..catalog import Catalog

HTML_SUFFIXES = (".html", ".htm")


def add_assess_parser(sub: Any) -> None:
    p = sub.add_parser(
        "assess",
        help="beantwoord de checklists (of geef een antwoordbestand) en krijg advies en een verslag",
        description=(
            "Beantwoord de checklists van het stappenplan, hier of uit een bestand, en krijg het advies: wat eerst komt, "
            "de richtingen van het plan, wat wacht, passende voorbeelden en de witte vlekken, met een verslag."
        ),
    )
    p.add_argument("--answers", metavar="BESTAND", help="lees de antwoorden uit een .json-, .yaml- of .yml-bestand (ook een bestand van de Buurtanalyse)")
    p.add_argument("--out", metavar="PAD", help="schrijf het verslag naar dit bestand in plaats van het te tonen")
    p.add_argument("--format", choices=["md", "html"], help="vorm van het verslag (standaard html voor een --out op .html of .htm, anders md)")
    p.add_argument("--force", action="store_true", help="vervang --out (en --save-answers) als het bestand al bestaat")
    p.add_argument("--limit", type=int, default=None, help="hoeveel voorbeelden het advies noemt (standaard dat van het adviesmodel)")
    p.add_argument("--save-answers", metavar="BESTAND", help="alleen bij vragen hier: bewaar de antwoorden ook, om later te openen met --answers")
    p.add_argument(
        "--description",
        metavar="TEKST",
        help="de situatie in uw eigen woorden; vult de vragen van stap 2 aan die nog leeg zijn. Zonder --answers worden geen vragen gesteld",
    )
    p.add_argument("--json", action="store_true", help="toon het advies als JSON (zie docs/dev/cli.md); niet samen met --out of --format")
    p.set_defaults(run=_cmd_assess)


def _cmd_assess(args: argparse.Namespace) -> int:
    if args.limit is not None and args.limit < 1:
        raise UsageError("--limit moet 1 of meer zijn")
    if args.answers and args.save_answers:
        raise UsageError("--save-answers hoort bij de vragen hier; met --answers staan de antwoorden al in het bestand")
    if args.json and (args.out or args.format):
        raise UsageError("--json toont het advies op het scherm; laat --out en --format weg")
    out = Path(args.out) if args.out else None
    save = Path(args.save_answers) if args.save_answers else None
    for target in (out, save):
        if target is not None:
            problem = _cannot_write(target, args.force)
            if problem:
                print(f"buurtverbinding assess: {problem}", file=sys.stderr)
                return EXIT_PROBLEM
    fmt = args.format or ("html" if out is not None and out.suffix.lower() in HTML_SUFFIXES else "md")

    description = args.description.strip() if args.description else None
    if args.description is not None and not description:
        raise UsageError('--description is leeg; beschrijf de situatie in een paar woorden, bijvoorbeeld --description "jongeren hangen op het plein"')
    if description and args.save_answers and not args.answers:
        raise UsageError("--save-answers hoort bij de vragen hier, en met alleen --description worden geen vragen gesteld")
    cat = load()
    if args.answers:
        assessment = Assessment.from_file(args.answers, cat)  # AnswerError → every problem, exit 1
    elif description:
        assessment = Assessment.model_validate({"answers": {}}, context={"catalog": cat})
    else:
        try:
            assessment = ask(cat, sys.stdin, sys.stderr)
        except KeyboardInterrupt:
            print("\nbuurtverbinding assess: gestopt; er is niets geschreven", file=sys.stderr)
            return 130
    if save is not None:
        _write_atomic(save, json.dumps(assessment.document(), ensure_ascii=False, indent=2) + "\n", args.force)
        print(f"antwoorden bewaard in {save}", file=sys.stderr)

    advice = assessment.evaluate(description=description, limit=args.limit)
    if args.json:
        print_json(advice)
        return EXIT_OK
    text = render(advice["report"], fmt)
    if out is None:
        sys.stdout.write(text)
    else:
        _write_atomic(out, text, args.force)
        print(f"verslag geschreven naar {out} ({fmt})", file=sys.stderr)
    return EXIT_OK


# --- writing ------------------------------------------------------------------------------


def _cannot_write(path: Path, force: bool) -> str | None:
    """Why ``path`` cannot be written, checked before any question is asked; None when it can."""
    if path.is_dir():
        return f"'{path}' is een map; geef een bestandsnaam, bijvoorbeeld {path / 'verslag.md'}"
    if not path.parent.is_dir():
        return f"de map '{path.parent}' bestaat niet; maak haar eerst of kies een ander pad"
    if path.exists() and not force:
        return f"'{path}' bestaat al; gebruik --force om het te vervangen"
    return None


def _write_atomic(path: Path, text: str, force: bool) -> None:
    """Write ``text`` in one step; without ``force`` a file that appeared meanwhile is not replaced."""
    try:
        write_atomic(path, text.encode("utf-8"), replace=force)
    except TargetExistsError:
        raise ValueError(f"'{path}' bestaat al; gebruik --force om het te vervangen") from None


# --- asking -------------------------------------------------------------------------------


class _EndOfInput(Exception):
    pass


def ask(cat: Catalog, stdin: TextIO, stderr: TextIO) -> Assessment:
    """Ask every checklist question in order; returns the checked answers."""

    steps = {step.id: step for step in cat.steps}
    table = advice_table(cat)
    items = {item["id"]: item for item in table["items"]}
    echo = not stdin.isatty()
    say = _printer(stderr)
    say(
        "Beantwoord de vragen van de checklists. Druk op Enter om een vraag over te slaan;\n"
        "Ctrl-D (Windows: Ctrl-Z en Enter) slaat alle volgende vragen over en maakt het advies.\n"
    )
    answers: dict[str, Any] = {}
    try:
        for checklist in sorted(cat.checklists, key=lambda c: (steps[c.step].number if c.step in steps else 99, c.order, c.id)):
            step = steps.get(checklist.step)
            say(f"\n== {'Stap ' + str(step.number) + ': ' if step else ''}{checklist.title} ==\n")
            for item in checklist.items:
                answer = _ask_one(cat, table, items[item.id], stdin, say, echo)
                if answer is not None:
                    answers[item.id] = answer
    except _EndOfInput:
        say("\n(einde van de invoer: de overige vragen zijn overgeslagen)\n")
    return Assessment.model_validate({"answers": answers}, context={"catalog": cat})


def _printer(stream: TextIO) -> Any:
    def say(text: str) -> None:
        stream.write(text)
        stream.flush()

    return say


def _ask_one(cat: Catalog, table: Any, item: dict[str, Any], stdin: TextIO, say: Any, echo: bool) -> Any:
    question = cat.get(item["id"])
    say(f"\n{item['question']}\n")
    if getattr(question, "help", None):
        say(f"  Tip: {question.help}\n")  # type: ignore[union-attr]
    options = item["options"] or []
    say(_columns([f"{number:>4}. {label}" for number, (_, label) in enumerate(options, 1)]))
    prompt = {
        "yes_no": "  ja/nee/weet niet > ",
        "single_choice": "  kies een nummer > ",
        "multiple_choice": "  kies een of meer nummers, bijvoorbeeld 1,3 > ",
        "text": "  > ",
    }.get(item["kind"])
    scale = item["scale"]
    if scale is not None:
        prompt = f"  {scale['min']} ({scale['low']}) tot {scale['max']} ({scale['high']}) > "
    while True:
        say(prompt or "  > ")
        line = stdin.readline()
        if line == "":
            raise _EndOfInput
        line = line.strip()
        if echo:
            say(line + "\n")
        if not line:
            return None
        try:
            value, problem = check_answer(table, item, _parse(item, options, line))
        except ValueError as exc:
            problem = str(exc)
        if problem is None:
            return value
        say(f"  ! {problem}\n")


def _columns(entries: list[str]) -> str:
    """The numbered options, in two columns when they fit the terminal."""
    if not entries:
        return ""
    width = max(len(e) for e in entries) + 2
    if len(entries) <= 8 or 2 * width > shutil.get_terminal_size((80, 24)).columns:
        return "".join(f"{e}\n" for e in entries)
    half = (len(entries) + 1) // 2
    rows = [entries[n].ljust(width) + (entries[n + half] if n + half < len(entries) else "") for n in range(half)]
    return "".join(f"{row.rstrip()}\n" for row in rows)


def _parse(item: dict[str, Any], options: list[list[str]], line: str) -> Any:
    """Turn a typed line into an answer: numbers, ids or labels for options, a number for a
    scale; a typing mistake gets a short Dutch hint (ValueError) and the question again."""
    if item["kind"] == "yes_no":
        return {"j": "ja", "n": "nee", "y": "yes", "w": "weet niet"}.get(line.lower(), line)
    if item["kind"] in ("scale", "text"):
        return line
    by_name = {label.casefold(): value for value, label in options} | {value: value for value, _ in options}
    chosen: list[str] = []
    for part in (p.strip() for p in re.split(r"[,;]+", line) if p.strip()):
        tokens = part.split() if re.fullmatch(r"[\d\s]+", part) else [part]
        for token in tokens:
            if token.isdigit() and 1 <= int(token) <= len(options):
                chosen.append(options[int(token) - 1][0])
            elif token.casefold() in by_name:
                chosen.append(by_name[token.casefold()])
            else:
                raise ValueError(f"'{token}' is geen optie; typ een nummer van 1 tot {len(options)}")
    if item["kind"] == "single_choice":
        if len(chosen) != 1:
            raise ValueError("kies één optie")
        return chosen[0]
    return chosen
