"""``buurtverbinding assess``: from checklist answers to a meeting report.

Two ways in: ``--answers FILE`` (YAML or JSON, item id → answer), or interactively: every
checklist question in the order of the step plan, with numbered options; an empty line skips
a question and the end of the input (Ctrl-D) skips the rest. Questions go to stderr, so the
report on stdout stays clean, and the questions also work when stdin is not a terminal.

The report is printed as Markdown, or written with ``--out PATH`` (Markdown or HTML, from
``--format`` or the suffix). Writing is atomic (a temporary file in the same folder, then
``os.replace``), and an existing file is only replaced with ``--force``. Nothing is written
when the answers have problems: every problem is listed and the exit code is 1.
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
from ..advice import Assessment, Situation, _report, gaps, recommend
from ..advice._answers import answer_for, items_in_order
from ._common import EXIT_OK, EXIT_PROBLEM, UsageError, advice_json, print_json

if TYPE_CHECKING:
    from ..catalog import Catalog
    from ..models import ChecklistItem

HTML_SUFFIXES = (".html", ".htm")


def add_assess_parser(sub: Any) -> None:
    p = sub.add_parser(
        "assess",
        help="answer the checklists (or give an answers file) and get a meeting report",
        description=(
            "Answer the checklists of the step plan, interactively or from a file, and get advice: recommended "
            "directions and examples with reasons and caveats, witte vlekken and next steps (a report in Dutch)."
        ),
    )
    p.add_argument("--answers", metavar="FILE", help="read the answers from a .yaml/.yml or .json file (item id: answer) instead of asking")
    p.add_argument("--out", metavar="PATH", help="write the report to this file instead of printing it")
    p.add_argument("--format", choices=["md", "html"], help="report format (default: html for an --out ending in .html or .htm, else md)")
    p.add_argument("--force", action="store_true", help="replace --out (and --save-answers) if the file exists")
    p.add_argument("--limit", type=int, default=5, help="how many examples to recommend (default: 5)")
    p.add_argument("--save-answers", metavar="FILE", help="interactive only: also save the answers as JSON, to use again with --answers")
    p.add_argument(
        "--description",
        metavar="TEXT",
        help="the situation in your own words (Dutch); fills the fields the answers leave empty, and the report lists "
        "what was read from it. Without --answers no questions are asked",
    )
    p.add_argument("--json", action="store_true", help="print the advice as JSON instead of the report (see docs/dev/cli.md); not with --out or --format")
    p.set_defaults(run=_cmd_assess)


def _cmd_assess(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise UsageError("--limit must be 1 or more")
    if args.answers and args.save_answers:
        raise UsageError("--save-answers is for the interactive questions; with --answers the file already holds them")
    if args.json and (args.out or args.format):
        raise UsageError("--json prints the advice on stdout; leave out --out and --format")
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
        raise UsageError('--description is empty; describe the situation in a few words, e.g. --description "jongeren hangen op het plein"')
    if description and args.save_answers and not args.answers:
        raise UsageError("--save-answers is for the interactive questions, which --description alone does not ask")
    cat = load()
    if args.answers:
        assessment = Assessment.from_file(args.answers, cat)  # AnswerError → all problems, exit 1
    elif description:
        assessment = Assessment.model_validate({"answers": {}}, context={"catalog": cat})
    else:
        try:
            assessment = ask(cat, sys.stdin, sys.stderr)
        except KeyboardInterrupt:
            print("\nbuurtverbinding assess: stopped; nothing was written", file=sys.stderr)
            return 130
    if save is not None:
        data = {key: list(value) if isinstance(value, tuple) else value for key, value in assessment.answers.items()}
        _write_atomic(save, json.dumps(data, ensure_ascii=False, indent=2) + "\n", args.force)
        print(f"answers saved to {save}", file=sys.stderr)

    situation = assessment.to_situation()
    if description:
        data = situation.model_dump(exclude={"inferred", "description"}, exclude_defaults=True)
        situation = Situation.model_validate({**data, "description": description}, context={"catalog": cat})
    if args.json:
        print_json(advice_json(recommend(cat, situation, limit=args.limit), gaps(cat, situation), assessment))
        return EXIT_OK
    text = _report.render(cat, recommend(cat, situation, limit=args.limit), gaps(cat, situation), fmt, assessment)
    if out is None:
        sys.stdout.write(text)
    else:
        _write_atomic(out, text, args.force)
        print(f"report written to {out} ({fmt})", file=sys.stderr)
    return EXIT_OK


# --- writing ------------------------------------------------------------------------------


def _cannot_write(path: Path, force: bool) -> str | None:
    """Why ``path`` cannot be written, checked before any question is asked; None when it can."""
    if path.is_dir():
        return f"'{path}' is a folder; give a file name such as {path / 'advies.md'}"
    if not path.parent.is_dir():
        return f"the folder '{path.parent}' does not exist; create it first or choose another path"
    if path.exists() and not force:
        return f"'{path}' already exists; use --force to replace it"
    return None


def _write_atomic(path: Path, text: str, force: bool) -> None:
    """Write ``text`` in one step; without ``force`` a file that appeared meanwhile is not replaced."""
    try:
        write_atomic(path, text.encode("utf-8"), replace=force)
    except TargetExistsError as exc:
        raise ValueError(str(exc)) from None


# --- asking -------------------------------------------------------------------------------


class _EndOfInput(Exception):
    pass


def ask(cat: Catalog, stdin: TextIO, stderr: TextIO) -> Assessment:
    """Ask every checklist question in order; returns the checked answers."""

    steps = {step.id: step for step in cat.steps}
    echo = not stdin.isatty()
    say = _printer(stderr)
    say(
        "Beantwoord de vragen van de checklists. Druk op Enter om een vraag over te slaan;\n"
        "Ctrl-D (Windows: Ctrl-Z en Enter) slaat alle volgende vragen over en maakt het advies.\n"
    )
    answers: dict[str, Any] = {}
    current = None
    try:
        for checklist, item in items_in_order(cat):
            if checklist.id != current:
                current = checklist.id
                step = steps.get(checklist.step)
                say(f"\n== {'Stap ' + str(step.number) + ': ' if step else ''}{checklist.title} ==\n")
            answer = _ask_one(cat, item, stdin, say, echo)
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


def _ask_one(cat: Catalog, item: ChecklistItem, stdin: TextIO, say: Any, echo: bool) -> Any:

    say(f"\n{item.question}\n")
    if item.help:
        say(f"  Tip: {item.help}\n")
    options = cat.options(item)
    say(_columns([f"{number:>4}. {option.label}" for number, option in enumerate(options, 1)]))
    prompt = {
        "yes_no": "  ja/nee > ",
        "single_choice": "  kies een nummer > ",
        "multiple_choice": "  kies een of meer nummers, bijvoorbeeld 1,3 > ",
        "text": "  > ",
    }.get(item.kind)
    if item.scale is not None:
        prompt = f"  {item.scale.min} ({item.scale.low_label}) tot {item.scale.max} ({item.scale.high_label}) > "
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
            return answer_for(cat, item, _parse(item, options, line))
        except ValueError as exc:
            say(f"  ! {exc}\n")


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


def _parse(item: ChecklistItem, options: Any, line: str) -> Any:
    """Turn a typed line into an answer: numbers, ids or labels for options, a number for a
    scale; a typing mistake gets a short Dutch hint (ValueError) and the question again."""
    if item.kind == "yes_no":
        word = {"j": "ja", "n": "nee", "y": "yes"}.get(line.lower(), line.lower())
        if word not in ("ja", "nee", "yes", "no"):
            raise ValueError(f"'{line}' is geen antwoord; typ ja of nee")
        return word
    if item.kind == "scale":
        low, high = item.scale.min, item.scale.max  # type: ignore[union-attr]
        if not re.fullmatch(r"-?\d+", line) or not low <= int(line) <= high:
            raise ValueError(f"'{line}' past niet; typ een heel getal van {low} tot {high}")
        return int(line)
    if item.kind == "text":
        return line
    by_name = {o.label.casefold(): o.id for o in options} | {o.id: o.id for o in options}
    chosen: list[str] = []
    for part in (p.strip() for p in re.split(r"[,;]+", line) if p.strip()):
        tokens = part.split() if re.fullmatch(r"[\d\s]+", part) else [part]
        for token in tokens:
            if token.isdigit() and 1 <= int(token) <= len(options):
                chosen.append(options[int(token) - 1].id)
            elif token.casefold() in by_name:
                chosen.append(by_name[token.casefold()])
            else:
                raise ValueError(f"'{token}' is geen optie; typ een nummer van 1 tot {len(options)}")
    if item.kind == "single_choice":
        if len(chosen) != 1:
            raise ValueError("kies één optie")
        return chosen[0]
    return chosen
