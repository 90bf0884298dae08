// The advice conformance suite against the browser evaluator (bv-advice.js), with Node:
// every hand-written case in tests/advice-cases/ must give exactly its golden output, the same
// output the Python evaluator gives (tests/test_advice_conformance.py checks that side).
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");

const advice = require("../../src/buurtverbinding/sphinx/static/bv-advice.js");
const folder = path.join(__dirname, "..", "advice-cases");
const table = JSON.parse(fs.readFileSync(path.join(folder, "_table.json"), "utf8"));

for (const name of fs.readdirSync(folder).filter((n) => n.endsWith(".json") && !n.startsWith("_")).sort()) {
  const kase = JSON.parse(fs.readFileSync(path.join(folder, name), "utf8"));
  test(name, () => {
    assert.deepStrictEqual(advice.evaluate(table, kase.document), kase.expected);
  });
}

test("a stdin runner for the parity test: documents in, outputs out", () => {
  assert.strictEqual(typeof advice.evaluate, "function");
});
