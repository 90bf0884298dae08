"""Benchmarks that print ratios: import, load, filter, search, recommend and the docs build.

    python benchmarks/run.py            # the full run (docs at N=500 and 1,000 pages)
    python benchmarks/run.py --quick    # a smaller docs run (N=100 and 200), a few minutes

First the quality figures on the evaluation sets (``eval_run.py``: search hit@1, hit@5 and MRR;
recommend primary direction@1, hit@5 and MRR, from the facets and from the description alone),
for the train and the test split; the targets apply to the test split.

Catalogues of N synthetic examples are made from the real content (``synthetic.py``) and go
through the real pipeline: ``buurtverbinding.compiler.build`` for the data, Sphinx with the
``buurtverbinding.sphinx`` extension for the docs. Every figure is a ratio or a median of
repeated runs, so that a busy machine shifts both sides alike. The table is printed and
written to ``benchmarks/results.json``; the exit code is 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from eval_run import QUALITY_TARGETS, quality, table  # noqa: E402
from synthetic import make_tree  # noqa: E402

TARGETS: dict[str, tuple[str, float]] = {
    "import_ratio": ("<=", 1.7),  # the floor of defining typed pydantic records: see docs/dev/performance.md
    "load_ratio": ("<=", 1.5),
    "filter_speedup": (">=", 20),
    "search_ms_10k": ("<=", 5),
    "recommend_ms_10k": ("<=", 20),
    "docs_overhead_ratio": ("<=", 1.3),
    "docs_linearity": ("<=", 2.3),
    "noop_reread": ("<=", 0),
    "edit_reread": ("<=", 3),
    **QUALITY_TARGETS,
    "describe_reader_test_precision": (">=", 0.7),
    "describe_reader_test_recall": (">=", 0.6),
}
QUERIES = (
    "ruzie tussen buren",
    "jongeren op het plein",
    "bemiddeling",
    "ontmoeting in de buurt",
    "nieuwkomers welkom",
    "buurtbemidelling",
    "hangjongern op het plijn",
    "spanningen na aanslag",  # typing errors, synonyms, plural
)
DESCRIPTION = "groepjes jongeren hangen 's avonds op het plein, bewoners durven er niet langs, er zijn vernielingen"


def median_time(action: Callable[[], Any], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


# --- import -------------------------------------------------------------------------------


def import_ratio(runs: int = 15) -> dict[str, float]:
    """Cold processes: import + load + search, against importing pydantic's BaseModel.

    Both sides run with compiled bytecode, as after ``pip install`` (pip compiles every module):
    the commands write and read their ``.pyc`` files in a private folder (``PYTHONPYCACHEPREFIX``),
    after one warm-up run each, also where ``PYTHONDONTWRITEBYTECODE`` is set. Without that, an
    editable install compiles the package's modules from source in every process while pydantic
    comes compiled. Wall time decides the ratio; CPU time (user + system of the child processes)
    is reported beside it, being less moved by other work on a busy machine.
    """
    import os
    import resource

    ours = [sys.executable, "-c", "import buurtverbinding as bv; bv.load().search('ruzie tussen buren')"]
    base = [sys.executable, "-c", "from pydantic import BaseModel"]
    with tempfile.TemporaryDirectory(prefix="bv-pyc-") as prefix:
        env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = prefix
        for command in (base, ours):  # warm-up: writes the bytecode
            subprocess.run(command, check=True, env=env)
        ours_t, base_t, ours_cpu, base_cpu = [], [], [], []
        for _ in range(runs):  # interleaved, so that load on the machine hits both alike
            for command, bucket, cpu in ((base, base_t, base_cpu), (ours, ours_t, ours_cpu)):
                used = resource.getrusage(resource.RUSAGE_CHILDREN)
                start = time.perf_counter()
                subprocess.run(command, check=True, env=env)
                bucket.append(time.perf_counter() - start)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu.append(after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime)
    ours_ms, base_ms = statistics.median(ours_t) * 1000, statistics.median(base_t) * 1000
    return {
        "import_ratio": ours_ms / base_ms,
        "import_ms": ours_ms,
        "pydantic_import_ms": base_ms,
        "import_cpu_ratio": statistics.median(ours_cpu) / statistics.median(base_cpu),
        "load_average": os.getloadavg()[0],
    }


# --- data at 10,000 examples ----------------------------------------------------------------


def data_metrics(work: Path, n: int) -> dict[str, float]:
    from pydantic import TypeAdapter

    from buurtverbinding import Catalog
    from buurtverbinding._loader import load_file
    from buurtverbinding.compiler import build

    tree = make_tree(work / f"content-{n}", n)
    out = work / f"data-{n}" / "catalog.json"
    start = time.perf_counter()
    build(tree, out)
    compile_s = time.perf_counter() - start
    raw = out.read_bytes()

    adapter = TypeAdapter(Catalog)
    adapter.validate_json(raw)  # build the validator outside the timing
    validate_s = median_time(lambda: adapter.validate_json(raw), 3)
    load_s = median_time(lambda: load_file(out), 3)

    cat = load_file(out)
    facets = {"direction": "ontmoeting", "phase": "spanningen", "location": "plein", "target_group": "jongeren"}

    # The first filter on a facet also builds that facet's index (lazily, so that load stays
    # cheap): measured apart, on fresh catalogues, and not part of filter_speedup.
    def first_filter() -> float:
        fresh = load_file(out)
        start = time.perf_counter()
        fresh.filter(**facets)
        return time.perf_counter() - start

    first_filter_s = statistics.median(first_filter() for _ in range(3))

    def naive() -> list[Any]:
        return [
            e
            for e in cat.examples
            if "ontmoeting" in (e.direction, *e.secondary_directions) and "spanningen" in e.phases and "plein" in e.locations and "jongeren" in e.target_groups
        ]

    assert [e.id for e in naive()] == [e.id for e in cat.filter(**facets)], "filter and the naive scan disagree"
    naive_s = median_time(naive, 30)
    filter_s = median_time(lambda: cat.filter(**facets), 30)

    cat.search("warm-up")  # loads the index
    search_s = statistics.median(median_time(lambda q=q: cat.search(q), 5) for q in QUERIES)

    result = {
        "examples": n,
        "compile_s": compile_s,
        "catalog_mb": len(raw) / 1e6,
        "load_ratio": load_s / validate_s,
        "load_s": load_s,
        "validate_json_s": validate_s,
        "filter_speedup": naive_s / filter_s,
        "filter_us": filter_s * 1e6,
        "filter_first_ms": first_filter_s * 1000,
        "search_ms_10k": search_s * 1000,
    }
    result.update(recommend_metric(cat))
    return result


def recommend_metric(cat: Any) -> dict[str, float]:
    try:
        from buurtverbinding.advice import Situation
    except ImportError:
        return {}
    situations = [
        {"phase": "ongemak", "locations": ["portiek"], "dividing_lines": ["oud-nieuw"], "target_groups": ["bewoners"]},
        {"phase": "incidenten", "locations": ["plein"], "target_groups": ["jongeren"]},
        {"phase": "spanningen", "forms": ["vooroordelen"], "causes": ["komst-nieuwe-groep"], "locations": ["buurt"]},
        {"description": DESCRIPTION},
        {"phase": "ongemak", "description": "nieuwe bewoners in de flat en oudere bewoners ergeren zich aan geluid in de portiek"},
    ]
    built = [Situation.model_validate(s, context={"catalog": cat}) for s in situations]
    cat.recommend(built[0])  # warm-up
    Situation.model_validate({"description": DESCRIPTION}, context={"catalog": cat})  # builds the description index
    # A description is read when the situation is made: that is timed with the recommendation.
    timed = [lambda s=s: cat.recommend(Situation.model_validate(s, context={"catalog": cat})) for s in situations]
    return {"recommend_ms_10k": statistics.median(median_time(action, 5) for action in timed) * 1000}


def describe_reader_quality(cat: Any, show: str | None = None) -> dict[str, float]:
    """Precision and recall of the facet values that the description reader finds in each case's
    ``description`` of ``benchmarks/eval/cases.yaml``, against the case's ``situation``, per split
    (micro-averaged over (field, value) pairs; tune on train only)."""
    import yaml

    from buurtverbinding.advice._describe import infer

    cases = yaml.safe_load((HERE / "eval" / "cases.yaml").read_text(encoding="utf-8"))["cases"]
    result: dict[str, float] = {}
    for split in ("train", "test"):
        found = right = wanted = 0
        for case in (c for c in cases if c["split"] == split and c.get("description")):
            expected = {(field, value) for field, values in case["situation"].items() for value in ([values] if isinstance(values, str) else values or ())}
            got = {(i.field, i.value) for i in infer(cat, " ".join(case["description"].split()))}
            found, right, wanted = found + len(got), right + len(got & expected), wanted + len(expected)
            if show == split:
                print(f"  {case['id']} missed {sorted(expected - got)} wrong {sorted(got - expected)}")
        result[f"describe_reader_{split}_precision"] = right / found if found else 0.0
        result[f"describe_reader_{split}_recall"] = right / wanted if wanted else 0.0
    return result


# --- search in the browser ------------------------------------------------------------------


SEARCH_TARGETS: dict[str, tuple[str, float]] = {"search_browser_kb_gz": ("<=", 150)}


def search_browser_metrics(cat: Any) -> dict[str, float]:
    """Size of the browser's search data (``_static/bv-search-data.js``) for the real catalogue,
    every object given a page address like the site's; parity with Python is a test
    (``tests/test_search_parity.py``)."""
    import gzip

    from buurtverbinding.sphinx._sitesearch import browser_data, script

    data = script(browser_data(cat, lambda identifier: f"catalogus/voorbeelden/{identifier}.html#bv-{identifier}"))
    return {"search_browser_kb": len(data) / 1000, "search_browser_kb_gz": len(gzip.compress(data, 9)) / 1000}


# --- docs ---------------------------------------------------------------------------------


def docs_metrics(work: Path, n: int) -> dict[str, float]:
    from docs_bench import docs_metrics as measure

    return measure(work, n)


# --- report -------------------------------------------------------------------------------


def verdict(key: str, value: float | None) -> str:
    if key not in TARGETS:
        return ""
    if value is None:
        return "not measured"
    op, limit = TARGETS[key]
    ok = value <= limit if op == "<=" else value >= limit
    return f"{'ok  ' if ok else 'MISS'} (target {op} {limit:g})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smaller docs run (N=100), a few minutes")
    parser.add_argument("--skip-docs", action="store_true", help="leave out the docs build measurements")
    parser.add_argument("--out", type=Path, default=HERE / "results.json")
    args = parser.parse_args(argv)

    results: dict[str, Any] = {
        "mode": "quick" if args.quick else "full",
        "machine": {"python": platform.python_version(), "platform": platform.platform(), "cpus": _cpus(), "processor": platform.machine()},
    }
    print("measuring search and advice quality on benchmarks/eval ...", file=sys.stderr)
    import buurtverbinding as bv

    figures = quality(bv.load())
    print(table(figures))
    results.update(figures)
    reader = describe_reader_quality(bv.load())
    print("\n".join(f"{key:<34} {value:.3f}" for key, value in reader.items()))
    results.update(reader)
    TARGETS.update(SEARCH_TARGETS)
    results.update(search_browser_metrics(bv.load()))
    with tempfile.TemporaryDirectory(prefix="bv-bench-") as tmp:
        work = Path(tmp)
        print("measuring import ...", file=sys.stderr)
        results.update(import_ratio())
        print("measuring data at 10,000 examples ...", file=sys.stderr)
        results.update(data_metrics(work, 10_000))
        print("measuring the Buurtanalyse page (browser, 10,000 examples) ...", file=sys.stderr)
        from analysis_bench import TARGETS as ANALYSIS_TARGETS
        from analysis_bench import analysis_metrics

        TARGETS.update(ANALYSIS_TARGETS)
        results.update(analysis_metrics(work))
        if not args.skip_docs:
            n = 100 if args.quick else 500
            print(f"measuring docs builds at N={n} and {2 * n} ...", file=sys.stderr)
            results.update(docs_metrics(work, n))
        shutil.rmtree(work, ignore_errors=True)

    width = max(len(k) for k in results)
    missed = 0
    for key, value in results.items():
        if key == "machine":
            continue
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        mark = verdict(key, value if isinstance(value, (int, float)) else None)
        missed += mark.startswith("MISS")
        print(f"{key:<{width}}  {shown:>10}  {mark}")
    for key in TARGETS:
        if key not in results:
            print(f"{key:<{width}}  {'-':>10}  not measured")
    args.out.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"written to {args.out}", file=sys.stderr)
    return 1 if missed else 0


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


if __name__ == "__main__":
    sys.exit(main())
