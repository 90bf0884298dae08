"""Quality figures on the evaluation sets in ``benchmarks/eval/`` (see its README).

    python benchmarks/eval_run.py              # both splits, a table
    python benchmarks/eval_run.py --split train --show   # per-entry ranks, train only

Search (``search.yaml``): for each query, the rank of the first expected id among the hits.
*hit@1* and *hit@5* are the share of queries with an expected id at rank 1 or within the first
5; *MRR* is the mean of 1/rank (0 when none is in the first 20).

Recommend (``cases.yaml``): each case's ``situation`` facets (and, on a second line, its
``description`` alone) go into :class:`buurtverbinding.Situation`. *direction@1* is the share of
cases whose first direction (``directions[0]``) is the one the real response used first; *hit@5*
the share with an example among the top 5 whose primary direction is one the response used;
*MRR* the mean of 1/rank of the primary direction among the ranked directions.

Only the ``train`` entries may be looked at while tuning; ``test`` figures are reported as they are.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
EVAL = HERE / "eval"
SPLITS = ("train", "test")


def _read(name: str) -> dict[str, Any]:
    import yaml

    return yaml.safe_load((EVAL / name).read_text(encoding="utf-8"))


def _rank(found: list[str], expected: list[str]) -> int | None:
    for position, identifier in enumerate(found, start=1):
        if identifier in expected:
            return position
    return None


def _summary(ranks: list[int | None], prefix: str) -> dict[str, float]:
    n = max(len(ranks), 1)
    return {
        f"{prefix}hit1": sum(1 for r in ranks if r == 1) / n,
        f"{prefix}hit5": sum(1 for r in ranks if r is not None and r <= 5) / n,
        f"{prefix}mrr": sum(1 / r for r in ranks if r is not None) / n,
    }


def search_quality(cat: Any, show: str | None = None) -> dict[str, float]:
    """hit@1, hit@5 and MRR of ``cat.search`` per split: ``search_<split>_hit1`` and so on."""
    queries = _read("search.yaml")["queries"]
    result: dict[str, float] = {}
    for split in SPLITS:
        ranks = []
        long_ranks = []
        for entry in (q for q in queries if q["split"] == split):
            found = [hit.example.id for hit in cat.search(entry["query"], limit=20)]
            rank = _rank(found, entry["expected"])
            ranks.append(rank)
            if entry["kind"] == "long":
                long_ranks.append(rank)
            if show == split:
                print(f"  {entry['id']} {entry['kind']:<9} {str(rank):>4}  {entry['query']!r}  top: {found[:3]}")
        result.update(_summary(ranks, f"search_{split}_"))
        result[f"search_{split}_n"] = len(ranks)
        result[f"search_{split}_long_hit5"] = _summary(long_ranks, "")["hit5"]  # the long-sentence queries
    return result


def recommend_quality(cat: Any, show: str | None = None) -> dict[str, float]:
    """direction@1, hit@5 and MRR of the primary direction per split, from the facets
    (``recommend_<split>_...``) and from the description alone (``describe_<split>_...``)."""
    from buurtverbinding.advice import Situation

    cases = _read("cases.yaml")["cases"]
    result: dict[str, float] = {}
    for mode in ("recommend", "describe"):
        for split in SPLITS:
            top1 = hits = 0
            reciprocal = 0.0
            chosen = [c for c in cases if c["split"] == split]
            for case in chosen:
                if mode == "recommend":
                    data = {k: v for k, v in case["situation"].items() if v}
                else:
                    data = {"description": " ".join(case["description"].split())}
                situation = Situation.model_validate(data, context={"catalog": cat})
                advice = cat.recommend(situation, limit=5)
                ranked = [d.id for d in advice.directions]  # the plan (Dan), in order
                primary = case["directions"][0]
                top1 += ranked[:1] == [primary]
                rank = ranked.index(primary) + 1 if primary in ranked else None
                reciprocal += 1 / rank if rank else 0.0
                found = any(e.direction in case["directions"] for e in advice.examples[:5])
                hits += found
                if show == split:
                    print(f"  {mode} {case['id']} want {case['directions']} got {ranked[:3]} rank {rank} hit5 {found}")
            n = max(len(chosen), 1)
            result[f"{mode}_{split}_direction1"] = top1 / n
            result[f"{mode}_{split}_hit5"] = hits / n
            result[f"{mode}_{split}_mrr"] = reciprocal / n
    return result


def stemmer_comparison(cat: Any) -> dict[str, dict[str, float]]:
    """Search figures per analyser of :data:`buurtverbinding._search.STEMMERS` (index rebuilt
    with each in turn; the catalogue's own index is put back afterwards)."""
    from buurtverbinding import _search

    labels = {v.id: {value.id: value.label for value in v.values} for v in cat.vocabularies}
    docs = _search.documents(cat.examples, labels)
    saved = cat._search_index()
    result = {}
    try:
        for name in _search.STEMMERS:
            index = _search.SearchIndex.build(docs, [s.words for s in cat.synonyms], analyser=name)
            cat.__pydantic_private__["_index"] = index
            result[name] = search_quality(cat)
    finally:
        cat.__pydantic_private__["_index"] = saved
    return result


QUALITY_TARGETS: dict[str, tuple[str, float]] = {
    "search_test_hit5": (">=", 0.95),  # issue 20
    "search_test_mrr": (">=", 0.85),
    "search_test_long_hit5": (">=", 0.9),
    "recommend_test_direction1": (">=", 0.8),  # issue 18
    "recommend_test_hit5": (">=", 0.9),
    "describe_test_direction1": (">=", 0.7),
}


def quality(cat: Any, show: str | None = None) -> dict[str, float]:
    """Every quality figure, for both splits."""
    result = search_quality(cat, show)
    result.update(recommend_quality(cat, show))
    return result


def table(figures: dict[str, float]) -> str:
    """The figures as a small table: one line per measure, train and test side by side."""
    lines = [f"{'measure':<32} {'train':>7} {'test':>7}"]
    keys = sorted({k.replace("_train_", "_{}_").replace("_test_", "_{}_") for k in figures if k.endswith(("hit1", "hit5", "mrr", "direction1"))})
    for key in keys:
        train, test = figures.get(key.format("train")), figures.get(key.format("test"))
        name = key.replace("_{}_", " ")
        lines.append(f"{name:<32} {train if train is None else f'{train:7.3f}':>7} {test if test is None else f'{test:7.3f}':>7}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=SPLITS, help="show per-entry results of this split")
    parser.add_argument("--show", action="store_true", help="print each entry's rank (with --split)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--stemmers", action="store_true", help="compare the stemmers on search (both splits)")
    args = parser.parse_args(argv)
    import buurtverbinding as bv

    if args.stemmers:
        for name, figures in stemmer_comparison(bv.load()).items():
            print(f"== {name}")
            print(table(figures))
        return 0
    figures = quality(bv.load(), args.split if args.show else None)
    print(json.dumps(figures, indent=2, sort_keys=True) if args.json else table(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
