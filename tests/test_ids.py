"""Stable ids: a published id never silently disappears, and a retired id is never reused."""

from __future__ import annotations

import re
import textwrap
import warnings

import pytest
import yaml

from buurtverbinding import Catalog
from buurtverbinding.cli import main
from buurtverbinding.compiler import check_tree, read_manifest

from .conftest import CONTENT

RETIRE = """retired:
  - id: {old}
    status: retired
    replaced_by: {target}
    since: 2027.01.0
"""


def retire(root, old, target):
    """Retire ``old`` first in retired.yaml (lines 2-5), keeping the content's own retirements after it."""
    path = root / "retired.yaml"
    kept = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("retired") or []
    rest = textwrap.indent(yaml.safe_dump(kept, allow_unicode=True, sort_keys=False), "  ") if kept else ""
    path.write_text(RETIRE.format(old=old, target=target) + rest, encoding="utf-8")


@pytest.fixture
def old(cat):
    """An example that no other example names as related, so removing it breaks no reference."""
    referenced = {r for e in cat.examples for r in e.related}
    return next(e.id for e in cat.examples if e.id not in referenced and e.id != "buurtbemiddeling")


def problems(root):
    return [(p.code, p.path, p.line, p.message) for p in check_tree(root).problems]


def test_manifest_lists_every_current_id(cat):
    published = set(read_manifest(CONTENT / "ids.txt"))
    assert {e.id for e in cat.examples} <= published
    assert {c.id for c in cat.checklists} | {d.id for d in cat.directions} <= published


def test_disappeared_id_is_an_error_naming_it(content_copy, old):
    (content_copy / "voorbeelden" / f"{old}.md").unlink()
    found = problems(content_copy)
    assert len(found) == 1, found
    code, path, line, message = found[0]
    assert (code, path) == ("BV207", "content/ids.txt") and f"'{old}'" in message and "retired.yaml" in message
    assert (content_copy / "ids.txt").read_text(encoding="utf-8").splitlines()[line - 1] == old


def test_retired_id_resolves_to_replacement(content_copy, old):
    (content_copy / "voorbeelden" / f"{old}.md").unlink()
    retire(content_copy, old, "buurtbemiddeling")
    result = check_tree(content_copy)
    assert result.ok, result.problems
    cat = Catalog.model_validate(result.catalog)
    with pytest.warns(DeprecationWarning, match=f"'{old}' was retired; use 'buurtbemiddeling'"):
        record = cat.get(old)
    assert record.id == "buurtbemiddeling"
    assert cat.replacement(old) == "buurtbemiddeling"
    assert old not in cat


def test_live_ids_give_no_warning(cat):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        cat.get("buurtbemiddeling")


def test_replacement_must_exist(content_copy, old):
    (content_copy / "voorbeelden" / f"{old}.md").unlink()
    retire(content_copy, old, "bestaat-niet")
    ((code, path, line, message),) = problems(content_copy)
    assert (code, path, line) == ("BV202", "content/retired.yaml", 4) and "bestaat-niet" in message


def test_retired_id_is_never_reused(content_copy, old):
    retire(content_copy, old, "buurtbemiddeling")
    ((code, path, line, message),) = problems(content_copy)
    assert code == "BV208" and path == "content/retired.yaml" and line == 2
    assert f"'{old}'" in message and "never reused" in message


def test_retirement_needs_status_and_replacement(content_copy, old):
    (content_copy / "voorbeelden" / f"{old}.md").unlink()
    retire(content_copy, old, "buurtbemiddeling")
    text = (content_copy / "retired.yaml").read_text(encoding="utf-8")
    (content_copy / "retired.yaml").write_text(text.replace("    status: retired\n    replaced_by: buurtbemiddeling\n", "", 1), encoding="utf-8")
    codes = {p[0] for p in problems(content_copy)}
    assert codes == {"BV101"}


def test_ids_command_writes_new_ids(content_copy, capsys):
    manifest = content_copy / "ids.txt"
    manifest.write_text("buurtbemiddeling\n", encoding="utf-8")
    assert main(["ids", str(content_copy)]) == 0
    out = capsys.readouterr()
    assert "flatcoach" in out.out.split() and manifest.read_text(encoding="utf-8") == "buurtbemiddeling\n"
    assert main(["ids", str(content_copy), "--write"]) == 0
    capsys.readouterr()
    assert "flatcoach" in read_manifest(manifest)
    assert main(["ids", str(content_copy)]) == 0
    assert capsys.readouterr().out == ""


def test_reference_to_retired_id_names_replacement(content_copy, old):
    (content_copy / "voorbeelden" / f"{old}.md").unlink()
    retire(content_copy, old, "buurtbemiddeling")
    path = content_copy / "voorbeelden" / "flatcoach.md"
    if old == "flatcoach":
        path = content_copy / "voorbeelden" / "opzoomeren.md"
    text = re.sub(r"(?m)^related:.*(\n\s+- .*)*", f"related: [{old}]", path.read_text(encoding="utf-8"), count=1)
    path.write_text(text, encoding="utf-8")
    ((code, _, _, message),) = problems(content_copy)
    assert code == "BV202" and f"'{old}' was retired; refer to 'buurtbemiddeling'" in message
