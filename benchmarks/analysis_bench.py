"""The Buurtanalyse page in headless Chromium: how fast the advice follows an answer, how big the page is.

``browser_advice_ms_10k``: a synthetic catalogue of 10,000 examples (``synthetic.py``, through the
real compiler) drives the page's own script; the median time from one changed answer (a click
on a phase) until the advice region is rebuilt and laid out. ``analysis_page_kb``: the page's own
JavaScript and its data for the real catalogue, gzipped. Called from ``run.py``.
"""

from __future__ import annotations

import gzip
import statistics
from pathlib import Path
from typing import Any

from synthetic import make_tree

TARGETS: dict[str, tuple[str, float]] = {
    "browser_advice_ms_10k": ("<=", 50),
    "analysis_page_kb": ("<=", 300),
}
CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
RUNS = 31


def _page(folder: Path, cat: Any) -> Path:
    """A standalone page with the form and the advice of ``cat`` (the extension's own HTML and script)."""
    from buurtverbinding.sphinx._analysis import EVALUATOR_FILE, SCRIPT_FILE, data_script, form_html, page_html
    from buurtverbinding.sphinx._assets import STATIC

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "data.js").write_bytes(data_script(cat, lambda i: f"voorbeelden/{i}.html"))
    for name in (EVALUATOR_FILE, SCRIPT_FILE):
        (folder / name).write_bytes((STATIC / name).read_bytes())
    html = (
        '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Buurtanalyse</title>'
        f'<script src="data.js"></script><script src="{EVALUATOR_FILE}" defer></script><script src="{SCRIPT_FILE}" defer></script></head><body>'
        + page_html(form_html(cat), "", "bench", "")
        + "</body></html>"
    )
    page = folder / "index.html"
    page.write_text(html, encoding="utf-8")
    return page


def page_kb() -> float:
    """The page's own JavaScript and data for the real catalogue, gzipped, in KB."""
    import buurtverbinding as bv
    from buurtverbinding.sphinx._analysis import EVALUATOR_FILE, SCRIPT_FILE, data_script
    from buurtverbinding.sphinx._assets import STATIC

    data = data_script(bv.load(), lambda i: f"catalogus/voorbeelden/{i}.html#bv-{i}")
    scripts = [(STATIC / name).read_bytes() for name in (EVALUATOR_FILE, SCRIPT_FILE)]
    return sum(len(gzip.compress(part)) for part in (data, *scripts)) / 1024


def advice_ms(page: Path) -> float:
    """Median milliseconds from a changed answer to the rebuilt, laid-out advice."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            tab = browser.new_page(viewport={"width": 1280, "height": 800})
            tab.goto(page.as_uri())
            tab.locator(".bv-an-summary").wait_for(timeout=120_000)
            tab.check("#bv-an-locaties-gezien-0")
            times = tab.evaluate(
                """(runs) => {
                  const advice = document.querySelector('[data-bv-advice]');
                  const out = [];
                  for (let i = 0; i < runs; i++) {
                    const radio = document.getElementById('bv-an-fase-nu-' + (i % 4));
                    const start = performance.now();
                    radio.click();
                    void advice.offsetHeight;
                    out.push(performance.now() - start);
                  }
                  return out;
                }""",
                RUNS,
            )
        finally:
            browser.close()
    return statistics.median(times[1:])


def analysis_metrics(work: Path) -> dict[str, float]:
    """Both figures; the browser figure only where Chromium and Playwright are installed."""
    from buurtverbinding._loader import load_file
    from buurtverbinding.compiler import build

    result: dict[str, float] = {"analysis_page_kb": page_kb()}
    try:
        import playwright  # noqa: F401
    except ImportError:
        return result
    if not CHROMIUM.exists():
        return result
    tree = make_tree(work / "analysis-10k", 10_000)
    out = work / "analysis-10k-data" / "catalog.json"
    build(tree, out)
    result["browser_advice_ms_10k"] = advice_ms(_page(work / "analysis-10k-page", load_file(out)))
    return result


if __name__ == "__main__":
    import sys
    import tempfile

    with tempfile.TemporaryDirectory(prefix="bv-analysis-bench-") as tmp:
        for key, value in analysis_metrics(Path(tmp)).items():
            op, limit = TARGETS[key]
            print(f"{key:<24} {value:10.3f}  (target {op} {limit:g})")
    sys.exit(0)
