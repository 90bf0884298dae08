"""One search in Python and in the browser (issue 20, item 1).

- Every query of ``benchmarks/eval/search.yaml`` (and the issue's own queries) runs through
  ``Catalog.search`` and through ``bv.search`` in Chromium, in one Playwright session on the built
  site opened as ``file://``: the same top 5 for at least 95 % of them, the same first hit for all
  (today: the same top 20, the same corrections and suggestions for every one).
- The vendored Snowball stemmer stems every word of the index as snowballstemmer's
  ``dutch_porter`` does.
- The small fixture of ``tests/js/search.test.js`` (Node) is what Python makes of it today
  (``python -m tests.test_search_parity`` rewrites it).
- The compiled browser data stays small: at most 150 KB gzipped.
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from buurtverbinding._search import SearchIndex, analyser_settings

from ._browser import sync_api_or_skip
from .test_sphinx_docs import built_site

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "js" / "fixtures" / "search-small.json"
ISSUE_QUERIES = ["steekpartij", "hangjongeren", "discriminatie op de sportclub", "jongeren plein", "neighbourhood tensions", "xqzwv"]
SMALL_DOCUMENTS = [
    {"title": ["Buurtbemiddeling"], "summary": ["Bemiddeling bij ruzies tussen buren."], "body": ["Vrijwilligers helpen buren een conflict op te lossen."]},
    {
        "title": ["Jongerenontmoetingsplek"],
        "summary": ["Een plek op het plein waar jongeren elkaar ontmoeten."],
        "body": ["Hangjongeren en omwonenden maken afspraken."],
    },
    {
        "title": ["Dialoog na aanslagen"],
        "summary": ["Gesprekken in de moskeeën en kerken na een aanslag."],
        "body": ["Spanningen in de wijk worden bespreekbaar."],
    },
    {"title": ["Straatcoaches"], "summary": ["Coaches spreken groepen jongeren aan op overlast."], "labels": ["Jongeren", "Plein of speelplek"]},
]
SMALL_SYNONYMS = [["burenruzie", "burenconflict"], ["hangjongeren", "jongerenoverlast"]]
SMALL_QUERIES = [
    "buurtbemiddeling",
    "buurtbemidelling",
    "burenconflict",
    "ruzie tussen buren",
    "aanslag",
    "moskee",
    "jongeren plein",
    "hangjongern",
    "xqzwv",
    "coach",
    "straatcoahces",
    "jongerrrrrren",
    "bemidlingg",
]


def small_fixture() -> dict[str, Any]:
    """The Node test's fixture: a four-document index, the analyser, and Python's answers."""
    index = SearchIndex.build(SMALL_DOCUMENTS, SMALL_SYNONYMS)
    expected = []
    for query in SMALL_QUERIES:
        hits, understood = index.search_match(query)
        expected.append(
            {
                "query": query,
                "hits": [[n, round(s, 9)] for n, s in hits],
                "corrections": understood.corrections,
                "suggestions": list(understood.suggestions),
            }
        )
    return {"analyser": analyser_settings(), "index": index.to_data([f"doc{n}" for n in range(len(SMALL_DOCUMENTS))]), "expected": expected}


def _queries() -> list[str]:
    entries = yaml.safe_load((ROOT / "benchmarks" / "eval" / "search.yaml").read_text(encoding="utf-8"))["queries"]
    return [entry["query"] for entry in entries] + ISSUE_QUERIES


def test_node_unit_tests_pass() -> None:
    """``node --test tests/js/search.test.js`` (CI runs pytest; this runs the Node tests in it)."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is missing: install Node 20 to run tests/js/search.test.js")
    result = subprocess.run([node, "--test", str(ROOT / "tests" / "js" / "search.test.js")], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_node_fixture_is_what_python_makes() -> None:
    assert json.loads(FIXTURE.read_text(encoding="utf-8")) == json.loads(json.dumps(small_fixture())), (
        "tests/js/fixtures/search-small.json is out of date: run python -m tests.test_search_parity"
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_site(tmp_path_factory.getbasetemp())


def test_browser_data_is_small(site: Path) -> None:
    size = len(gzip.compress((site / "_static" / "bv-search-data.js").read_bytes(), 9))
    assert size <= 150_000, f"bv-search-data.js is {size} bytes gzipped (limit 150 KB)"


def test_browser_ranks_as_python(site: Path, cat: Any, browser: Any) -> None:
    sync_api_or_skip()
    queries = _queries()
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((site / "search.html").as_uri() + "?q=buurt")
    page.wait_for_function("window.bv && bv.data && bv.data.search && bv.search && bv.stemmer")
    browser_results = page.evaluate(
        """(queries) => {
            const data = bv.data.search;
            const index = bv.search.index(data.examples, data.analyser);
            const words = Object.keys(data.examples.stems);
            const stems = words.filter((w) => index.stem(w) !== data.examples.stems[w]);
            return {
                stems: stems,
                results: queries.map((q) => {
                    const found = index.search(q, 20);
                    return {ids: found.hits.map((h) => data.examples.ids[h[0]]), corrections: found.match.corrections,
                            suggestions: found.match.suggestions};
                }),
            };
        }""",
        queries,
    )
    page.close()
    assert not errors
    assert browser_results["stems"] == [], "the browser's stemmer differs from snowballstemmer's dutch_porter"
    same_top5 = same_first = 0
    differences = []
    for query, found in zip(queries, browser_results["results"], strict=True):
        result = cat.search_with_suggestions(query, 20)
        python_ids = [hit.example.id for hit in result.hits]
        same_top5 += found["ids"][:5] == python_ids[:5]
        same_first += found["ids"][:1] == python_ids[:1]
        if found["ids"][:5] != python_ids[:5]:
            differences.append((query, python_ids[:5], found["ids"][:5]))
        assert found["corrections"] == result.corrections, query
        assert tuple(found["suggestions"]) == result.suggestions, query
    assert same_first == len(queries), differences
    assert same_top5 >= 0.95 * len(queries), differences


if __name__ == "__main__":
    FIXTURE.write_text(json.dumps(small_fixture(), ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"written {FIXTURE}")
