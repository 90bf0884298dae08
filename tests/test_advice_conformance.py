"""The advice conformance suite (``tests/advice-cases/``, see ``tests/_advice_cases.py``).

Python side: every hand-written case meets its hand-written expectations and gives exactly its
golden output, made with the current advice table. Browser side: Node runs the same cases against
``bv-advice.js`` (``tests/js/advice.test.js``), and both evaluators give identical output on 600
generated answer documents, in Node and in one Chromium session.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from buurtverbinding.advice._evaluate import evaluate

from ._advice_cases import TABLE, check, current_table, generated_documents, load_cases

ROOT = Path(__file__).resolve().parent.parent
STATIC = ROOT / "src" / "buurtverbinding" / "sphinx" / "static"
NODE = shutil.which("node")
CASE_LIST = load_cases()


def test_there_are_enough_hand_written_cases() -> None:
    assert len(CASE_LIST) >= 40
    assert all(case.get("description") and case.get("expect") for _, case in CASE_LIST)


def test_the_goldens_were_made_with_the_current_table() -> None:
    assert json.loads(TABLE.read_text(encoding="utf-8")) == current_table(), "run: python tests/_advice_cases.py --update (and review the diff)"


@pytest.mark.parametrize(("name", "case"), CASE_LIST, ids=[name for name, _ in CASE_LIST])
def test_python_meets_the_hand_written_expectations(name: str, case: dict) -> None:
    output = evaluate(current_table(), case["document"])
    assert check(output, case["expect"]) == []
    assert output == case["expected"]


@pytest.mark.skipif(NODE is None, reason="Node.js is not installed")
def test_node_runs_the_cases_against_the_browser_evaluator() -> None:
    result = subprocess.run([NODE, "--test", str(ROOT / "tests" / "js" / "advice.test.js")], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]


@pytest.mark.skipif(NODE is None, reason="Node.js is not installed")
def test_both_evaluators_agree_on_generated_answers_in_node() -> None:
    table = current_table()
    documents = [case["document"] for _, case in CASE_LIST] + generated_documents(table)
    assert len(documents) >= 640
    runner = ROOT / "tests" / "js" / "run-advice.js"
    result = subprocess.run([NODE, str(runner)], input=json.dumps({"table": table, "documents": documents}), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    outputs = json.loads(result.stdout)
    differing = [n for n, (doc, out) in enumerate(zip(documents, outputs)) if evaluate(table, doc) != out]
    assert differing == [], f"{len(differing)} documents differ, first: {documents[differing[0]]}"
    assert any(out["problems"] for out in outputs) and any(out["directions"] for out in outputs) and any(out["gaps"]["items"] for out in outputs)


def test_both_evaluators_agree_in_chromium(browser) -> None:
    table = current_table()
    documents = [case["document"] for _, case in CASE_LIST] + generated_documents(table)
    page = browser.new_page()
    try:
        page.set_content("<!DOCTYPE html><html lang='nl'><head><title>t</title></head><body></body></html>")
        page.add_script_tag(content=(STATIC / "bv-advice.js").read_text(encoding="utf-8"))
        outputs = page.evaluate("([table, docs]) => docs.map((d) => bv.advice.evaluate(table, d))", [table, documents])
    finally:
        page.close()
    differing = [n for n, (doc, out) in enumerate(zip(documents, outputs)) if evaluate(table, doc) != out]
    assert differing == [], f"{len(differing)} documents differ in Chromium, first: {documents[differing[0]]}"
