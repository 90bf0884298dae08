// Reads {"table": ..., "documents": [...]} on stdin and prints the evaluator's outputs as JSON:
// used by tests/test_advice_conformance.py to compare the two evaluators on generated answers.
"use strict";
const advice = require("../../src/buurtverbinding/sphinx/static/bv-advice.js");
let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const data = JSON.parse(input);
  process.stdout.write(JSON.stringify(data.documents.map((d) => advice.evaluate(data.table, d))));
});
