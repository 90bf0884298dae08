"""The ``buurtverbinding`` command: every subcommand takes ``--json``; one table of exit codes.

The exit codes (``_common.EXIT_CODES``) are printed by ``buurtverbinding --help`` and listed in
docs/dev/cli.md: 0 ok, 1 something found wrong or not found, 2 a usage error. Messages are one
line on stderr, never a traceback; with ``--json`` stdout holds only JSON.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .._version import __version__
from ._common import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_PROBLEM,
    EXIT_USAGE,
    UsageError,
    exit_code_table,
    facet_values,
    print_json,
    resolve_id,
    short,
)

# The catalogue, the compiler and the command modules are imported inside ``main`` (through
# ``_parser`` and the commands), so that a Ctrl-C while they load is caught like any other.


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit code (see ``EXIT_CODES``), also for --help and bad usage.

    Ctrl-C, at any moment of any command, ends it with one line on stderr and exit code 130;
    files are written atomically, so nothing is left half-written.
    """
    try:
        return _main(argv)
    except KeyboardInterrupt:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not break the goodbye
        try:
            print("buurtverbinding: interrupted (Ctrl-C)", file=sys.stderr)
        finally:
            signal.signal(signal.SIGINT, signal.default_int_handler)
        return EXIT_INTERRUPTED


def _main(argv: Sequence[str] | None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help and --version (0), argparse's usage errors (2)
        return exc.code if isinstance(exc.code, int) else (EXIT_OK if exc.code is None else EXIT_USAGE)
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(args.run(args))
    except UsageError as exc:
        print(f"buurtverbinding {args.command}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (KeyError, ValueError) as exc:
        print(f"buurtverbinding {args.command}: {_message(exc)}", file=sys.stderr)
        return EXIT_PROBLEM
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # a bug: say so plainly, without a traceback
        print(f"buurtverbinding {args.command}: internal error ({type(exc).__name__}: {exc}); please report it", file=sys.stderr)
        return EXIT_INTERNAL


def _message(exc: KeyError | ValueError) -> str:
    """The one-line message of a lookup or value error, with long input cut short."""
    from ..catalog import UnknownIdError, UnknownValueError

    if isinstance(exc, UnknownIdError):
        return str(UnknownIdError(short(exc.id), exc.suggestions, exc.kind, exc.found))
    if isinstance(exc, UnknownValueError):
        return str(UnknownValueError(exc.facet, short(exc.value), exc.valid))
    if type(exc) is KeyError:
        return f"not found: {exc}"
    return str(exc)


def _parser() -> argparse.ArgumentParser:
    from ..catalog import FACETS
    from ._assess import add_assess_parser
    from ._export import add_export_parsers
    from ._new import add_new_parser

    parser = argparse.ArgumentParser(
        prog="buurtverbinding",
        description="Van polarisatie naar verbinding in buurten: query the catalogue of practical examples, check content. "
        "Every command takes --json for machine-readable output.",
        epilog=exit_code_table(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"buurtverbinding {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("list", help="list examples (filtered) or other objects")
    p.add_argument("--kind", choices=["examples", "directions", "steps", "checklists", "terms", "vocabularies"], default="examples")
    for facet in FACETS.values():
        p.add_argument(
            f"--{facet.option}",
            dest=facet.key,
            action="append",
            metavar="VALUE",
            help=f"only examples with this {facet.key.replace('_', ' ')} ({facet.vocabulary or 'a direction id'}; several values, separated by commas or by repeating the option, mean OR)",
        )
    _json_flag(p, '[{"id", "title", "direction"}] (other kinds: [{"id", "title"}])')
    p.set_defaults(run=_cmd_list)

    p = sub.add_parser("show", help="show one object by id (example, direction, step, checklist, item, term, vocabulary)")
    p.add_argument("id")
    _json_flag(p, 'the record with all its fields, plus "kind"')
    p.set_defaults(run=_cmd_show)

    p = sub.add_parser("search", help="search examples (Dutch, stemmed)")
    p.add_argument("text", nargs="+", help="the words to search for (not empty)")
    p.add_argument("--limit", type=int, default=10, help="at most this many hits (1 or more; default: 10)")
    p.add_argument(
        "--suggestions",
        action="store_true",
        help="with --json: print an object with the hits and how the query was understood (did_you_mean, "
        "corrections, suggestions) instead of the plain list of hits",
    )
    _json_flag(p, '[{"id", "title", "score", "direction"}]')
    p.set_defaults(run=_cmd_search)

    add_assess_parser(sub)
    add_export_parsers(sub)

    p = sub.add_parser("ids", help="list the ids to publish; --write records them in the manifest ids.txt")
    p.add_argument("directory", nargs="?", help="the content folder (default: ./content)")
    p.add_argument("--write", action="store_true", help="add every live and retired id to DIR/ids.txt")
    _json_flag(p, '{"new", "written", "manifest"}')
    p.set_defaults(run=_cmd_ids)

    p = sub.add_parser("changelog", help="the CHANGELOG's content section, generated from a diff of two catalogues")
    p.add_argument("--content", default="content", help="the content folder (default: ./content)")
    p.add_argument(
        "--since",
        metavar="CATALOG.json",
        help="the compiled catalogue of the last release (default: the newest releases/catalog-*.json, else an empty catalogue)",
    )
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--check", metavar="CHANGELOG.md", help="exit 1 when the block in this file differs from the content")
    mode.add_argument("--write", metavar="CHANGELOG.md", help="replace the block in this file")
    _json_flag(p, '{"version", "since", "added", "changed", "retired"} (+ "file" and "up_to_date" or "written")')
    p.set_defaults(run=_cmd_changelog)

    add_new_parser(sub)

    p = sub.add_parser("lint", help="check a content folder; reports every problem with a code")
    p.add_argument("directory", nargs="?", help="the content folder (default: ./content)")
    _json_flag(p, '{"ok", "errors", "warnings", "files", "problems"}')
    p.set_defaults(run=_cmd_lint)
    return parser


def _json_flag(parser: argparse.ArgumentParser, shape: str = "") -> None:
    parser.add_argument("--json", action="store_true", help="machine-readable output" + (f": {shape}" if shape else ""))


def _catalog() -> Any:
    from .._loader import load

    return load()


# --- list -------------------------------------------------------------------------------


LIST_KINDS = {
    "examples": "example",
    "directions": "direction",
    "steps": "step",
    "checklists": "checklist",
    "terms": "term",
    "vocabularies": "vocabulary",
}
"""``list --kind`` → the singular its count line uses ("(1 example)")."""


def _cmd_list(args: argparse.Namespace) -> int:
    from ..catalog import FACETS

    cat = _catalog()
    facets = {key: facet_values(cat, f"--{FACETS[key].option}", key, getattr(args, key)) for key in FACETS}
    if args.kind != "examples":
        if any(facets.values()):
            raise UsageError("filters (--direction, --phase, ...) apply to --kind examples only")
        records = {"directions": cat.directions, "steps": cat.steps, "checklists": cat.checklists, "terms": cat.glossary, "vocabularies": cat.vocabularies}[
            args.kind
        ]
        rows = [{"id": r.id, "title": getattr(r, "title", None) or getattr(r, "term", "")} for r in records]
    else:
        rows = [{"id": e.id, "title": e.title, "direction": e.direction} for e in cat.filter(**facets)]
    if args.json:
        print_json(rows)
        return EXIT_OK
    width = max((len(r["id"]) for r in rows), default=0)
    for row in rows:
        extra = f"  [{row['direction']}]" if "direction" in row else ""
        print(f"{row['id']:<{width}}  {row['title']}{extra}")
    print(f"({len(rows)} {LIST_KINDS[args.kind] if len(rows) == 1 else args.kind})", file=sys.stderr)
    return EXIT_OK


# --- show -------------------------------------------------------------------------------


def _cmd_show(args: argparse.Namespace) -> int:
    from . import _show

    cat = _catalog()
    record = cat.get(resolve_id(cat, args.id, "buurtverbinding show buurtbemiddeling"))
    if args.json:
        print_json({"kind": type(record).__name__.lower(), **record.model_dump(mode="json")})
        return EXIT_OK
    print(_show.render(cat, record))
    return EXIT_OK


# --- search -----------------------------------------------------------------------------


def _cmd_search(args: argparse.Namespace) -> int:
    query = " ".join(" ".join(args.text).split())
    if not query:
        raise UsageError('give the words to search for, e.g. buurtverbinding search "ruzie tussen buren"')
    if args.limit < 1:
        raise UsageError(f"--limit must be 1 or more, not {args.limit}")
    result = _catalog().search_with_suggestions(query, limit=args.limit)
    hits = [{"id": h.example.id, "title": h.example.title, "score": h.score, "direction": h.example.direction} for h in result.hits]
    if args.json:
        if args.suggestions:
            print_json(
                {
                    "query": query,
                    "hits": hits,
                    "did_you_mean": result.did_you_mean,
                    "corrections": result.corrections,
                    "suggestions": list(result.suggestions),
                }
            )
        else:
            print_json(hits)
        return EXIT_OK
    if result.did_you_mean:
        print(f"Bedoelde u: {short(result.did_you_mean)}? De resultaten zijn voor die woorden.", file=sys.stderr)
    if not hits:
        close = f" Bedoelde u: {', '.join(result.suggestions)}?" if result.suggestions else ""
        print(f"Geen voorbeelden gevonden voor '{short(query)}'.{close}", file=sys.stderr)
        return EXIT_OK
    width = max(len(h["id"]) for h in hits)
    for rank, hit in enumerate(hits, 1):
        print(f"{rank:>2}. {hit['id']:<{width}}  {hit['title']}  ({hit['score']:.2f})")
    return EXIT_OK


# --- lint -------------------------------------------------------------------------------


def _content_dir(args: argparse.Namespace, option: str = "") -> Path:
    """The content folder a command reads: it must exist and hold ``catalogus.yaml``.

    ``option`` is how the command takes the folder (``--content`` for changelog; empty for a
    positional argument), so the hint shows a command that works.
    """
    directory = Path(args.directory) if args.directory else Path("content")
    call = f"buurtverbinding {args.command} {option + ' ' if option else ''}PATH"
    if not directory.exists():
        raise UsageError(f"no content folder at '{directory}'; give its path: {call}")
    if not directory.is_dir():
        raise UsageError(f"'{directory}' is a file; give the content folder: {call}")
    if not (directory / "catalogus.yaml").is_file():
        raise UsageError(f"'{directory}' is not a content folder (it has no catalogus.yaml); give the content folder: {call}")
    return directory


def _compiler() -> Any:
    try:
        from .. import compiler as _compile
    except ImportError as exc:
        raise UsageError(f"this command needs PyYAML and markdown-it-py ({exc.name} is missing): pip install 'buurtverbinding[lint]'") from None
    return _compile


def _cmd_ids(args: argparse.Namespace) -> int:
    compiler = _compiler()
    directory = _content_dir(args)
    result = compiler.check_tree(directory)
    if not result.ok:
        print(f"buurtverbinding ids: the content has {len(result.errors)} error(s); run 'buurtverbinding lint {directory}' first", file=sys.stderr)
        return EXIT_PROBLEM
    manifest = directory / compiler.MANIFEST
    published = set(compiler.read_manifest(manifest))
    current = set(compiler.catalog_ids(result.catalog))
    new = sorted(current - published)
    if args.write:
        compiler.write_manifest(manifest, published | current)
    if args.json:
        print_json({"new": new, "written": bool(args.write), "manifest": str(manifest)})
    else:
        for identifier in new:
            print(identifier)
        action = f"added to {manifest}" if args.write else f"not yet in {manifest} (use --write to add them)"
        print(f"{len(new)} id(s) {action}", file=sys.stderr)
    return EXIT_OK


def _cmd_changelog(args: argparse.Namespace) -> int:
    compiler = _compiler()
    from ..compiler import _changelog

    args.directory = args.content
    result = compiler.check_tree(_content_dir(args, "--content"))
    if not result.ok:
        print(f"buurtverbinding changelog: the content has {len(result.errors)} error(s); run 'buurtverbinding lint {args.content}' first", file=sys.stderr)
        return EXIT_PROBLEM
    since = Path(args.since) if args.since else _latest_release()
    old = None
    if since is not None:
        try:
            old = json.loads(since.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise UsageError(f"cannot read the earlier catalogue '{since}': {exc}") from None
    block = _changelog.render(old, result.catalog)
    report = _changes_json(_changelog.diff(old, result.catalog), old, result.catalog) if args.json else {}
    target = args.check or args.write
    if target is None:
        if args.json:
            print_json(report)
        else:
            print(block)
        return EXIT_OK
    try:
        text = Path(target).read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot read '{target}': {exc.strerror or exc}") from None
    report["file"] = target
    if args.check:
        up_to_date = _changelog.current_block(text) == block
        if args.json:
            print_json({**report, "up_to_date": up_to_date})
        elif up_to_date:
            print(f"{target}: content section is up to date", file=sys.stderr)
        else:
            print(f"{target}: the content section differs from the content; run 'buurtverbinding changelog --write {target}'", file=sys.stderr)
        return EXIT_OK if up_to_date else EXIT_PROBLEM
    try:
        updated = _changelog.replace_block(text, block)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    written = compiler.write_if_changed(Path(target), updated.encode("utf-8"))
    if args.json:
        print_json({**report, "written": bool(written)})
    else:
        print(f"{target}: content section {'written' if written else 'already up to date'}", file=sys.stderr)
    return EXIT_OK


def _changes_json(changes: dict[str, list[str]], old: dict[str, Any] | None, new: dict[str, Any]) -> dict[str, Any]:
    """The diff as JSON: ``{"version", "since", "added", "changed", "retired"}``; added and changed
    hold ``{"kind", "id"}`` (kind: the top-level key of catalog.json, e.g. ``examples``)."""

    def records(entries: list[str]) -> list[dict[str, str]]:
        return [dict(zip(("kind", "id"), entry.split(":", 1), strict=True)) for entry in entries]

    return {
        "version": new.get("version"),
        "since": old.get("version") if old else None,
        "added": records(changes["added"]),
        "changed": records(changes["changed"]),
        "retired": [dict(zip(("id", "replaced_by"), entry.split(">", 1), strict=True)) for entry in changes["retired"]],
    }


def _latest_release() -> Path | None:
    snapshots = sorted(Path("releases").glob("catalog-*.json"), key=lambda p: [int(x) if x.isdigit() else x for x in p.stem.split("-", 1)[1].split(".")])
    return snapshots[-1] if snapshots else None


def _cmd_lint(args: argparse.Namespace) -> int:
    compiler = _compiler()
    directory = _content_dir(args)
    result = compiler.check_tree(directory)
    errors = len(result.errors)
    warnings = len(result.problems) - errors
    if args.json:
        print_json({"ok": result.ok, "errors": errors, "warnings": warnings, "files": result.files, "problems": [p.as_dict() for p in result.problems]})
    else:
        for problem in result.problems:
            print(problem)
        verdict = "ok" if result.ok else "failed"
        print(f"lint {verdict}: {errors} error(s), {warnings} warning(s) in {result.files} file(s) under {directory}", file=sys.stderr)
    return EXIT_OK if result.ok else EXIT_PROBLEM


def __getattr__(name: str) -> Any:
    if name == "_format_example":  # the text of one example, kept under its old name for callers that import it from here
        from ._show import format_example

        return format_example
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
