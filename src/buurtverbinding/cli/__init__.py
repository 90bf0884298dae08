"""The ``buurtverbinding`` command: list, show, search and lint, each with ``--json``."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .._version import __version__

from ._assess import add_assess_parser
from ._common import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, UsageError
from ._export import add_export_parsers


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(args.run(args))
    except UsageError as exc:
        print(f"buurtverbinding {args.command}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (KeyError, ValueError) as exc:
        message = str(exc) if not isinstance(exc, KeyError) or type(exc) is not KeyError else f"not found: {exc}"
        print(f"buurtverbinding {args.command}: {message}", file=sys.stderr)
        return EXIT_PROBLEM
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # a bug: say so plainly, without a traceback
        print(f"buurtverbinding {args.command}: internal error ({type(exc).__name__}: {exc}); please report it", file=sys.stderr)
        return 70


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="buurtverbinding",
        description="Van polarisatie naar verbinding in buurten: query the catalogue of practical examples, check content.",
    )
    parser.add_argument("--version", action="version", version=f"buurtverbinding {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("list", help="list examples (filtered) or other objects")
    p.add_argument("--kind", choices=["examples", "directions", "steps", "checklists", "terms", "vocabularies"], default="examples")
    for facet in ("direction", "phase", "location", "target-group"):
        p.add_argument(f"--{facet}", action="append", metavar="VALUE", help=f"only examples with this {facet} (repeat for OR)")
    _json_flag(p)
    p.set_defaults(run=_cmd_list)

    p = sub.add_parser("show", help="show one object by id")
    p.add_argument("id")
    _json_flag(p)
    p.set_defaults(run=_cmd_show)

    p = sub.add_parser("search", help="search examples (Dutch, stemmed)")
    p.add_argument("text", nargs="+")
    p.add_argument("--limit", type=int, default=10)
    _json_flag(p)
    p.set_defaults(run=_cmd_search)

    add_assess_parser(sub)
    add_export_parsers(sub)

    p = sub.add_parser("ids", help="list the ids to publish; --write records them in the manifest ids.txt")
    p.add_argument("directory", nargs="?", help="the content folder (default: ./content)")
    p.add_argument("--write", action="store_true", help="add every live and retired id to DIR/ids.txt")
    _json_flag(p)
    p.set_defaults(run=_cmd_ids)

    p = sub.add_parser("changelog", help="the CHANGELOG's content section, generated from a diff of two catalogues")
    p.add_argument("--content", default="content", help="the content folder (default: ./content)")
    p.add_argument("--since", metavar="CATALOG.json", help="the compiled catalogue of the last release (default: the newest releases/catalog-*.json, else an empty catalogue)")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--check", metavar="CHANGELOG.md", help="exit 1 when the block in this file differs from the content")
    mode.add_argument("--write", metavar="CHANGELOG.md", help="replace the block in this file")
    p.set_defaults(run=_cmd_changelog)

    p = sub.add_parser("lint", help="check a content folder; reports every problem with a code")
    p.add_argument("directory", nargs="?", help="the content folder (default: ./content)")
    _json_flag(p)
    p.set_defaults(run=_cmd_lint)
    return parser


def _json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True))


def _catalog() -> Any:
    from .._loader import load

    return load()


# --- list -------------------------------------------------------------------------------


def _cmd_list(args: argparse.Namespace) -> int:
    cat = _catalog()
    facets = {"direction": args.direction, "phase": args.phase, "location": args.location, "target_group": args.target_group}
    if args.kind != "examples":
        if any(facets.values()):
            raise UsageError("filters (--direction, --phase, ...) apply to --kind examples only")
        records = {"directions": cat.directions, "steps": cat.steps, "checklists": cat.checklists, "terms": cat.glossary, "vocabularies": cat.vocabularies}[args.kind]
        rows = [{"id": r.id, "title": getattr(r, "title", None) or getattr(r, "term", "")} for r in records]
    else:
        rows = [{"id": e.id, "title": e.title, "direction": e.direction} for e in cat.filter(**facets)]
    if args.json:
        _print_json(rows)
        return EXIT_OK
    width = max((len(r["id"]) for r in rows), default=0)
    for row in rows:
        extra = f"  [{row['direction']}]" if "direction" in row else ""
        print(f"{row['id']:<{width}}  {row['title']}{extra}")
    print(f"({len(rows)} {args.kind})", file=sys.stderr)
    return EXIT_OK


# --- show -------------------------------------------------------------------------------


def _cmd_show(args: argparse.Namespace) -> int:
    from ..models import ChecklistItem, Example, Step

    cat = _catalog()
    record = cat.get(args.id)
    if args.json:
        _print_json({"kind": type(record).__name__.lower(), **record.model_dump(mode="json")})
        return EXIT_OK
    if isinstance(record, Example):
        print(_format_example(cat, record))
    else:
        print(_format_record(record))
        if isinstance(record, ChecklistItem) and record.vocabulary:
            print("opties:\n" + "\n".join(f"  - {v.id}: {v.label}" for v in cat.options(record)))
        elif isinstance(record, Step):
            print("checklists:\n" + "\n".join(f"  - {c.id}: {c.title}" for c in cat.checklists_for(record.id)))
    return EXIT_OK


def _wrap(text: str, indent: str = "") -> str:
    """Re-flow Markdown paragraphs (separated by blank lines) to the terminal; keep list items."""
    out = []
    for paragraph in text.split("\n\n"):
        lines = [line.strip() for line in paragraph.splitlines() if line.strip()]
        if lines and all(line.startswith(("- ", "* ", "1. ")) for line in lines):
            out.extend(textwrap.fill(line, width=88, initial_indent=indent, subsequent_indent=indent + "  ", break_on_hyphens=False, break_long_words=False) for line in lines)
        else:
            out.append(textwrap.fill(" ".join(lines), width=88, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False, break_long_words=False))
        out.append("")
    return "\n".join(out).rstrip()


def _format_example(cat: Any, ex: Any) -> str:
    def labels(vocabulary: str, values: Sequence[str]) -> str:
        return ", ".join(cat.label(vocabulary, v) for v in values) or "-"

    directions = ", ".join(cat.get(d).short_title for d in ex.directions)
    lines = [
        ex.title,
        "=" * len(ex.title),
        _wrap(ex.summary),
        "",
        f"Richting:        {directions}",
        f"Fasen:           {labels('fasen', ex.phases)}",
        f"Locaties:        {labels('locaties', ex.locations)}",
        f"Doelgroepen:     {labels('doelgroepen', ex.target_groups)}",
        f"Partners:        {labels('actoren', ex.partners)}",
        f"Organisatie:     {ex.organisation}",
        f"Gemeenten:       {', '.join(ex.municipalities) or '-'}",
        f"Bewijs:          {cat.label('bewijsniveaus', ex.evidence.level)}; effect {cat.label('effectrichtingen', ex.evidence.effect).lower()}",
        f"Relatie KIS:     {cat.label('kis-relaties', ex.kis_relation)}",
        f"Laatst nagekeken: {ex.reviewed.isoformat()}",
    ]
    for heading, text in (("Aanleiding", ex.sections.background), ("Aanpak", ex.sections.approach), ("Wat het oplevert", ex.sections.outcomes), ("Aandachtspunten", ex.sections.considerations)):
        lines += ["", heading, "-" * len(heading), _wrap(text)]
    lines += ["", "Bronnen", "-------"]
    lines += [f"- {s.title} ({s.publisher}{', ' + str(s.year) if s.year else ''}) {s.url}" for s in ex.sources]
    return "\n".join(lines)


def _format_record(record: Any) -> str:
    data = record.model_dump(mode="json")
    title = data.get("title") or data.get("term") or data.get("question") or record.id
    lines = [title, "=" * len(title)]
    for key, value in data.items():
        if key in ("title", "term", "question"):
            continue
        if isinstance(value, list):
            lines.append(f"{key}:")
            for entry in value:
                if isinstance(entry, dict):
                    text = entry.get("question") or entry.get("label") or entry.get("title") or entry.get("id")
                    lines.append(f"  - {entry.get('id', '')}: {text}" if "id" in entry else f"  - {text}")
                else:
                    lines.append(f"  - {entry}")
        elif isinstance(value, dict):
            lines.append(f"{key}: " + ", ".join(f"{k}={v}" for k, v in value.items()))
        elif value is not None:
            text = str(value)
            lines.append(f"{key}:\n{_wrap(text, '  ')}" if len(text) > 70 or "\n" in text else f"{key}: {text}")
    return "\n".join(lines)


# --- search -----------------------------------------------------------------------------


def _cmd_search(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise UsageError("--limit must be 1 or more")
    query = " ".join(args.text)
    hits = _catalog().search(query, limit=args.limit)
    if args.json:
        _print_json([{"id": h.example.id, "title": h.example.title, "score": h.score, "direction": h.example.direction} for h in hits])
        return EXIT_OK
    if not hits:
        print(f"Geen voorbeelden gevonden voor '{query}'.", file=sys.stderr)
        return EXIT_OK
    width = max(len(h.example.id) for h in hits)
    for rank, hit in enumerate(hits, 1):
        print(f"{rank:>2}. {hit.example.id:<{width}}  {hit.example.title}  ({hit.score:.2f})")
    return EXIT_OK


# --- lint -------------------------------------------------------------------------------


def _content_dir(args: argparse.Namespace) -> Path:
    directory = Path(args.directory) if args.directory else Path("content")
    if not directory.exists():
        raise UsageError(f"no content folder at '{directory}'; give the path: buurtverbinding {args.command} PATH")
    if not directory.is_dir():
        raise UsageError(f"'{directory}' is a file; give the content folder")
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
        _print_json({"new": new, "written": bool(args.write), "manifest": str(manifest)})
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
    result = compiler.check_tree(_content_dir(args))
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
    target = args.check or args.write
    if target is None:
        print(block)
        return EXIT_OK
    try:
        text = Path(target).read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot read '{target}': {exc.strerror or exc}") from None
    if args.check:
        if _changelog.current_block(text) == block:
            print(f"{target}: content section is up to date", file=sys.stderr)
            return EXIT_OK
        print(f"{target}: the content section differs from the content; run 'buurtverbinding changelog --write {target}'", file=sys.stderr)
        return EXIT_PROBLEM
    try:
        updated = _changelog.replace_block(text, block)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    compiler.write_if_changed(Path(target), updated.encode("utf-8"))
    print(f"{target}: content section written", file=sys.stderr)
    return EXIT_OK


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
        _print_json({"ok": result.ok, "errors": errors, "warnings": warnings, "files": result.files, "problems": [p.as_dict() for p in result.problems]})
    else:
        for problem in result.problems:
            print(problem)
        verdict = "ok" if result.ok else "failed"
        print(f"lint {verdict}: {errors} error(s), {warnings} warning(s) in {result.files} file(s) under {directory}", file=sys.stderr)
    return EXIT_OK if result.ok else EXIT_PROBLEM


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
