"""Build-time compiler: ``content/`` → checked records → canonical ``catalog.json``.

The same code runs in the wheel build hook, in ``buurtverbinding lint``, in the tests and in
the docs build. It needs PyYAML and markdown-it-py, which the runtime does not.

    result = check_tree(Path("content"))
    result.problems        # every problem, sorted, each with a code, file, line and sentence
    build(Path("content"), Path("src/buurtverbinding/_data/catalog.json"))
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .._io import write_if_changed
from ..catalog import CATALOG_FORMAT  # the compiled JSON layout, which the loader checks
from ..models import AdviceModel, AdviceRules, Checklist, DescriptionCues, Direction, Example, Retirement, Step, Synonym, Term, Vocabulary
from ._advice import cue_forms
from ._problems import CODES, Problem, Reporter
from ._records import Loaded, load_glossary, load_manifest, load_markdown_record, load_retired, load_yaml, load_yaml_record
from ._rules import cross_check
from ._synonyms import FILE as SYNONYMS_FILE
from ._synonyms import load_synonyms

__all__ = [
    "CODES",
    "MANIFEST",
    "CompileError",
    "Problem",
    "Result",
    "build",
    "catalog_ids",
    "check_tree",
    "read_manifest",
    "to_json",
    "write_if_changed",
    "write_manifest",
]


LAYOUT = {
    "richtingen": ("direction", ".md"),
    "stappenplan": ("step", ".md"),
    "voorbeelden": ("example", ".md"),
    "checklists": ("checklist", ".yaml"),
    "vocabulaires": ("vocabulary", ".yaml"),
    "advies": ("advice", ".yaml"),
}
TOP_FILES = {"catalogus.yaml", "begrippen.yaml", "retired.yaml", "ids.txt", "README.md", "synoniemen.yaml"}
MODEL_FILE = "advies-model"
"""The file in ``advies/`` that holds the advice model (``advies-model.yaml``)."""
DESCRIPTION_ID = "beschrijving"
"""The file (and id) in ``advies/`` that holds the cue phrases for reading a description."""
MANIFEST = "ids.txt"
"""The published ids: each must stay in the catalogue or be retired (see retired.yaml)."""


class CompileError(Exception):
    """The content tree has errors; ``problems`` lists them all."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        errors = [p for p in problems if p.severity == "error"]
        super().__init__(f"content has {len(errors)} error(s):\n" + "\n".join(str(p) for p in errors))


@dataclass
class Result:
    """What checking a content tree found: the problems and, when there are no errors, the catalogue."""

    problems: list[Problem]
    catalog: dict[str, Any] | None = None
    files: int = 0
    records: dict[str, list[Loaded]] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def ok(self) -> bool:
        return not self.errors


def check_tree(root: Path, today: date | None = None) -> Result:
    """Parse, validate and cross-check every file below ``root``; never raises on bad content."""
    root = Path(root)
    report = Reporter(root)
    records: dict[str, list[Loaded]] = {
        kind: [] for kind in ("direction", "step", "example", "checklist", "vocabulary", "term", "retired", "advice", "synonym")
    }
    published: dict[str, int] = {}
    meta: dict[str, Any] = {}
    files = 0
    if not root.is_dir():
        report.add(root, 1, "BV205", f"content folder '{root}' does not exist or is not a folder")
        return Result(sorted(report.problems))

    for entry in sorted(root.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.name in LAYOUT:
            if not entry.is_dir():
                report.add(entry, 1, "BV204", f"'{entry.name}' must be a folder")
                continue
            kind, suffix = LAYOUT[entry.name]
            for path in sorted(entry.rglob("*")):
                if any(part.startswith(".") for part in path.relative_to(entry).parts):
                    continue
                if path.parent != entry:
                    if path.is_file():
                        report.add(path, 1, "BV204", f"files in sub-folders of '{entry.name}/' are not read; move it to '{entry.name}/'")
                    continue
                if not path.name.endswith(suffix):
                    if path.is_dir():
                        report.add(path, 1, "BV204", f"unexpected folder in '{entry.name}/'; only {suffix} files belong here")
                    else:
                        report.add(path, 1, "BV204", f"unexpected file in '{entry.name}/'; only {suffix} files belong here")
                    continue
                files += 1
                loaded = _load(kind, path, report)
                if loaded is None:  # reported; its file name stands in for its id
                    report.invalid_ids.add(path.name.removesuffix(suffix))
                    report.ids_unknown |= kind == "checklist"  # and its items' ids are unknown
                else:
                    records[kind].append(loaded)
                    if loaded.record.id != path.name.removesuffix(suffix):
                        report.add(
                            path,
                            loaded.line("id"),
                            "BV203",
                            f"id '{loaded.record.id}' does not match the file name; rename the file to '{loaded.record.id}{suffix}'",
                        )
        elif entry.name == "begrippen.yaml":
            files += 1
            records["term"].extend(load_glossary(entry, report))
        elif entry.name == "retired.yaml":
            files += 1
            records["retired"].extend(load_retired(entry, report))
        elif entry.name == SYNONYMS_FILE:
            files += 1
            records["synonym"].extend(load_synonyms(entry, report))
        elif entry.name == MANIFEST:
            files += 1
            published = load_manifest(entry, report)
        elif entry.name == "catalogus.yaml":
            files += 1
            meta = _load_meta(entry, report)
        elif entry.name == "README.md":
            continue
        else:
            report.add(
                entry,
                1,
                "BV204",
                "unexpected " + ("folder" if entry.is_dir() else "file") + " in the content tree; expected: " + ", ".join(sorted([*LAYOUT, *TOP_FILES])),
            )

    for required in ("catalogus.yaml", "begrippen.yaml"):
        if not (root / required).exists():
            report.add(root / required, 1, "BV205", f"'{required}' is missing")
    cross_check(records, report, today or date.today(), published, root / MANIFEST)
    _check_partial(records, report, today or date.today(), published, root / MANIFEST)

    result = Result(sorted(set(report.problems)), files=files, records=records)
    if result.ok:
        result.catalog = _assemble(meta, records)
    return result


KINDS: dict[type[BaseModel], str] = {
    Direction: "direction",
    Step: "step",
    Example: "example",
    Checklist: "checklist",
    Vocabulary: "vocabulary",
    Term: "term",
    Retirement: "retired",
    AdviceRules: "advice",
    AdviceModel: "advice",
    DescriptionCues: "advice",
    Synonym: "synonym",
}
"""Record class → its key in ``records`` (the kinds the checks across records read)."""


def _check_partial(records: dict[str, list[Loaded]], report: Reporter, today: date, published: dict[str, int], manifest: Path) -> None:
    """Run the checks across records on each record that failed validation, too.

    The checks across records (vocabulary values, references, ...) do not depend on the other
    fields of a record being valid, so they run in the same lint run as validation: each failed
    record, as its valid fields (``Reporter.partial``), is checked beside the valid records. Kept
    are the problems in its own file, except those at the lines of its invalid fields (those
    values were reported by validation already). A check that needs an invalid field stops there:
    its problem, if any, comes once the field is fixed.
    """
    for loaded, bad_lines in report.partial:
        kind = KINDS.get(type(loaded.record))
        if kind is None:
            continue
        trial = Reporter(report.root)
        trial.invalid_ids = set(report.invalid_ids)
        trial.ids_unknown = report.ids_unknown
        with_it = {key: [*items, loaded] if key == kind else items for key, items in records.items()}
        with contextlib.suppress(Exception):  # a check read an invalid field (None): the rest waits for the fix
            cross_check(with_it, trial, today, published, manifest)
        where = report.show(loaded.path)
        report.problems.extend(p for p in trial.problems if p.path == where and p.line not in bad_lines)


def _load(kind: str, path: Path, report: Reporter) -> Loaded | None:
    if kind == "direction":
        return load_markdown_record(path, Direction, "description", report)
    if kind == "step":
        return load_markdown_record(path, Step, "description", report)
    if kind == "example":
        return load_markdown_record(path, Example, None, report)
    if kind == "checklist":
        return load_yaml_record(path, Checklist, report)
    if kind == "advice":  # the advice model and the cues have fixed names; every other file is a field's fit rules
        models: dict[str, type[BaseModel]] = {MODEL_FILE: AdviceModel, DESCRIPTION_ID: DescriptionCues}
        return load_yaml_record(path, models.get(path.stem, AdviceRules), report)
    return load_yaml_record(path, Vocabulary, report)


class _Meta(BaseModel, extra="forbid", frozen=True):
    version: str
    title: str


def _load_meta(path: Path, report: Reporter) -> dict[str, Any]:
    document = load_yaml(path, report)
    if document is None:
        return {}
    try:
        return _Meta.model_validate(document.data).model_dump()
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            loc = tuple(error["loc"])
            code = {"missing": "BV101", "extra_forbidden": "BV102"}.get(error["type"], "BV103")
            report.add(path, document.line(loc), code, f"'{'.'.join(map(str, loc))}': {error['msg']}")
        return {}


def _assemble(meta: dict[str, Any], records: dict[str, list[Loaded]]) -> dict[str, Any]:
    def dump(kind: str, key: Any) -> list[Any]:
        items = sorted((item.record for item in records[kind]), key=key)
        return [item.model_dump(mode="json", exclude_none=True) for item in items]

    step_number = {item.record.id: item.record.number for item in records["step"]}
    return {
        "format_version": CATALOG_FORMAT,
        "version": meta["version"],
        "title": meta["title"],
        "directions": dump("direction", lambda r: r.number),
        "steps": dump("step", lambda r: r.number),
        "checklists": dump("checklist", lambda r: (step_number[r.step], r.order, r.id)),
        "examples": dump("example", lambda r: r.id),
        "glossary": dump("term", lambda r: r.id),
        "vocabularies": dump("vocabulary", lambda r: r.id),
        "retired": dump("retired", lambda r: r.id),
        "synonyms": dump("synonym", lambda r: r.id),
        "advice_rules": [
            r.model_dump(mode="json", exclude_none=True)
            for r in sorted((i.record for i in records["advice"] if isinstance(i.record, AdviceRules)), key=lambda r: (r.order, r.id))
        ],
        "advice_model": [r.model_dump(mode="json", exclude_none=True) for r in (i.record for i in records["advice"]) if isinstance(r, AdviceModel)],
        "description_cues": [
            r.model_copy(update={"forms": cue_forms(r)}).model_dump(mode="json", exclude_none=True)
            for r in (i.record for i in records["advice"])
            if isinstance(r, DescriptionCues)
        ],
    }


def to_json(catalog: dict[str, Any]) -> bytes:
    """Canonical bytes: sorted keys, no insignificant whitespace, UTF-8, one final newline."""
    return (json.dumps(catalog, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


SEARCH_FILE = "search.json"
"""The search index, written next to the catalogue (see ``buurtverbinding._search``)."""


def build(root: Path, out: Path, today: date | None = None) -> Result:
    """Check ``root`` and write the compiled catalogue to ``out``, and its search index beside it.

    Files are written atomically and only when their bytes change (so their modification time
    tells Sphinx the truth). On errors nothing is written, stale outputs are removed, and
    :class:`CompileError` is raised with every problem.
    """
    result = check_tree(root, today)
    out = Path(out)
    search = out.with_name(SEARCH_FILE)
    if not result.ok or result.catalog is None:
        out.unlink(missing_ok=True)
        search.unlink(missing_ok=True)
        raise CompileError(result.problems)
    write_if_changed(out, to_json(result.catalog))
    write_if_changed(search, to_json(search_data(result)))
    return result


def search_data(result: Result) -> dict[str, Any]:
    """The search index of a checked tree, in the catalogue's example order."""
    from .._search import SearchIndex, documents

    examples = sorted((item.record for item in result.records["example"]), key=lambda r: r.id)
    labels = {v.record.id: {value.id: value.label for value in v.record.values} for v in result.records["vocabulary"]}
    synonyms = [item.record.words for item in sorted(result.records.get("synonym", []), key=lambda i: i.record.id)]
    return SearchIndex.build(documents(examples, labels), synonyms).to_data([e.id for e in examples])


def catalog_ids(catalog: dict[str, Any]) -> list[str]:
    """Every id a compiled catalogue publishes (records, checklist items and retired ids)."""
    keys = ("directions", "steps", "checklists", "examples", "glossary", "vocabularies", "retired", "advice_rules", "advice_model")
    ids = [record["id"] for key in keys for record in catalog.get(key, [])]
    ids += [item["id"] for checklist in catalog["checklists"] for item in checklist["items"]]
    return sorted(ids)


def read_manifest(path: Path) -> list[str]:
    """The ids listed in a manifest file (a missing file lists none)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    entries = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [entry for entry in entries if entry]


_MANIFEST_HEADER = (
    "# Published ids of the buurtverbinding catalogue, one per line.\n"
    "# Every id here must stay in content/ or be retired in retired.yaml (lint code BV207).\n"
    "# Update with: buurtverbinding ids content --write\n"
)


def write_manifest(path: Path, ids: set[str]) -> None:
    """Write the manifest: a short header, then the ids sorted, one per line."""
    body = "".join(identifier + "\n" for identifier in sorted(ids))
    write_if_changed(Path(path), (_MANIFEST_HEADER + body).encode("utf-8"))
