"""Synthetic content trees of any size, made from the real content.

The real examples are copied N times with new ids (``<id>-s<k>``), so that the texts, the
vocabularies and the cross-references are realistic; everything else (directions, steps,
checklists, vocabularies, glossary) is the real content. The tree then goes through the real
pipeline (``buurtverbinding.compiler``), exactly as an author's content would.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"


def make_tree(target: Path, n: int) -> Path:
    """Write a content tree with ``n`` examples to ``target`` (which must not exist) and return it."""
    shutil.copytree(CONTENT, target, ignore=shutil.ignore_patterns("voorbeelden", "ids.txt"))
    (target / "voorbeelden").mkdir()
    originals = sorted((CONTENT / "voorbeelden").glob("*.md"))
    if not originals:
        raise SystemExit("content/voorbeelden is empty: nothing to copy")
    for k in range(n):
        source = originals[k % len(originals)]
        copy = k // len(originals)
        text = source.read_text(encoding="utf-8")
        identifier = f"{source.stem}-s{copy}"
        text = re.sub(r"(?m)^id: .*$", f"id: {identifier}", text, count=1)
        text = re.sub(r"(?m)^related: .*$", "related: []", text, count=1)
        text = re.sub(r"(?ms)^related:\n(  - .*?\n)+", "related: []\n", text, count=1)
        (target / "voorbeelden" / f"{identifier}.md").write_text(text, encoding="utf-8")
    # the advice model and the retirements name examples: point them at the first copies
    for named in (target / "advies" / "advies-model.yaml", target / "retired.yaml"):
        if named.exists():
            text = named.read_text(encoding="utf-8")
            for source in originals:
                text = re.sub(rf"(?<![\w-]){re.escape(source.stem)}(?![\w-])", f"{source.stem}-s0", text)
            named.write_text(text, encoding="utf-8")
    return target
