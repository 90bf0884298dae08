"""``buurtverbinding export`` and ``buurtverbinding compare``."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from ..catalog import UnknownValueError
from ._common import EXIT_OK, EXIT_PROBLEM, UsageError, print_json, resolve_id, short

COMPARE_FORMATS = ("table", "md", "json")


def add_export_parsers(sub: Any) -> None:
    """Register the export and compare commands."""
    from ..export import EXPORT_FORMAT, FORMATS

    p = sub.add_parser(
        "export",
        help="write the catalogue as open data (json, csv, sqlite or its JSON Schema)",
        description=f"Write the whole catalogue as open data (export format {EXPORT_FORMAT}).",
        epilog="formats: " + "; ".join(f"{name}: {what}" for name, what in FORMATS.items()),
    )
    p.add_argument("--format", required=True, metavar="{" + ",".join(FORMATS) + "}", help="what to write")
    p.add_argument(
        "--out",
        required=True,
        metavar="PATH",
        help="the file to write, or - for stdout; csv is several files: give a folder, or a name ending in .zip (with -: the zip archive)",
    )
    p.add_argument("--force", action="store_true", help="replace PATH if it exists")
    p.add_argument("--json", action="store_true", help='machine-readable output: {"path", "format", "export_format"} on stdout')
    p.set_defaults(run=_cmd_export)

    p = sub.add_parser("compare", help="examples side by side", description="Show two or more examples side by side.")
    p.add_argument("ids", nargs="+", metavar="ID", help="ids of the examples (at least two)")
    p.add_argument("--format", metavar="{" + ",".join(COMPARE_FORMATS) + "}", help="table (default), md (Markdown) or json")
    p.add_argument("--width", type=int, metavar="N", help="width of the table (default: the terminal's, else 100)")
    p.add_argument("--json", action="store_true", help='machine-readable output, the same as --format json: {"examples", "rows"}')
    p.set_defaults(run=_cmd_compare)


def _choice(option: str, value: str, valid: Any) -> None:
    if value not in valid:
        raise UsageError(str(UnknownValueError(option, short(value), valid)))


def _cmd_export(args: argparse.Namespace) -> int:
    from .._loader import load
    from ..export import EXPORT_FORMAT, FORMATS, export

    _choice("format", args.format, FORMATS)
    if args.out == "-":
        if args.json:
            raise UsageError("--out - writes the export to stdout; it does not go with --json")
        if args.format in BINARY_FORMATS and sys.stdout.isatty():
            raise UsageError(f"the {args.format} export is binary; send it to a file: --out - > file, or --out FILE")
        _to_stdout(load(), args.format, export)
        return EXIT_OK
    if args.format == "csv" and args.out.lower().endswith(".csv"):
        stem = args.out[: -len(".csv")] or "export"
        raise UsageError(
            f"the csv export is several files (examples, sources, directions, vocabularies), not one .csv file: "
            f"give a folder, e.g. --out {short(stem)}, or a zip archive, e.g. --out {short(stem)}.zip"
        )
    try:
        path = export(load(), args.format, args.out, force=args.force)
    except OSError as exc:
        reason = str(exc) if exc.strerror is None else f"cannot write '{args.out}': {exc.strerror}"
        print(f"buurtverbinding export: {reason}", file=sys.stderr)
        return EXIT_PROBLEM
    if args.json:
        print_json({"path": str(path), "format": args.format, "export_format": EXPORT_FORMAT})
    else:
        print(f"wrote {path} ({args.format}, export format {EXPORT_FORMAT})", file=sys.stderr)
    return EXIT_OK


BINARY_FORMATS = ("csv", "sqlite")
"""Formats whose bytes are not text (csv goes to stdout as its zip archive): never to a terminal."""


def _to_stdout(cat: Any, fmt: str, export: Any) -> None:
    """The bytes of one export on stdout: written to a private temporary file first, so that a
    failure prints nothing half-made (csv as its zip archive, the only one-file form it has)."""
    with tempfile.TemporaryDirectory(prefix="buurtverbinding-export-") as folder:
        path = export(cat, fmt, Path(folder) / ("export.zip" if fmt == "csv" else "export"))
        data = path.read_bytes()
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def _cmd_compare(args: argparse.Namespace) -> int:
    from .._loader import load

    if args.json and args.format not in (None, "json"):
        raise UsageError(f"--json prints JSON; it does not go with --format {short(args.format)}")
    fmt = "json" if args.json else args.format or "table"
    _choice("format", fmt, COMPARE_FORMATS)
    if len(args.ids) < 2:
        raise UsageError("give the ids of at least two examples, e.g. buurtverbinding compare buurtbemiddeling portiekgesprekken")
    if args.width is not None and args.width < 40:
        raise UsageError("--width must be 40 or more")
    cat = load()
    ids = [resolve_id(cat, identifier, "buurtverbinding compare buurtbemiddeling portiekgesprekken") for identifier in args.ids]
    seen: set[str] = set()
    for identifier in ids:  # a repeated example (also under a retired id) is a usage error, not a comparison
        current = cat.replacement(identifier) or identifier
        if current in seen:
            raise UsageError(f"example '{short(current)}' is given more than once; give at least two different examples")
        seen.add(current)
    comparison = cat.compare(ids)
    if fmt == "json":
        print(json.dumps(comparison.as_dict(), ensure_ascii=False, indent=2))
    elif fmt == "md":
        print(comparison.to_markdown(), end="")
    else:
        print(comparison.to_text(args.width or shutil.get_terminal_size((100, 24)).columns), end="")
    return EXIT_OK
