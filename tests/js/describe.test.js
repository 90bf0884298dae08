// The description reader in the browser (bv.describe) against the shared conformance cases in
// tests/advice-cases/describe/*.json, which pytest runs against Python (tests/test_describe.py).
// The table comes from Python: buurtverbinding.advice._describe.browser_table(load()), read from
// the file named in BV_DESCRIBE_TABLE if set, else made by running $PYTHON (default python3).
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");
const { execFileSync } = require("node:child_process");

const describe = require("../../src/buurtverbinding/sphinx/static/bv-describe.js");

const CASES = path.join(__dirname, "..", "advice-cases", "describe");
const MAKE_TABLE = "import json, buurtverbinding as bv\nfrom buurtverbinding.advice._describe import browser_table\nprint(json.dumps(browser_table(bv.load())))";

function loadTable() {
  if (process.env.BV_DESCRIBE_TABLE) {
    return JSON.parse(fs.readFileSync(process.env.BV_DESCRIBE_TABLE, "utf8"));
  }
  const python = process.env.PYTHON || "python3";
  return JSON.parse(execFileSync(python, ["-c", MAKE_TABLE], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }));
}

const table = loadTable();
const files = fs.readdirSync(CASES).filter((name) => name.endsWith(".json")).sort();

test("there are at least 40 hand-written cases", () => {
  assert.ok(files.length >= 40, `only ${files.length} cases`);
});

for (const name of files) {
  const data = JSON.parse(fs.readFileSync(path.join(CASES, name), "utf8"));
  test(`describe case ${name}`, () => {
    const found = describe.read(table, data.description);
    assert.deepStrictEqual(Object.keys(found), table.fields);
    const got = {};
    const wanted = {};
    for (const field of table.fields) {
      got[field] = Object.keys(found[field]);
      wanted[field] = data.expected[field] || [];
    }
    assert.deepStrictEqual(got, wanted);
    for (const field of Object.keys(data.sources)) {
      for (const value of Object.keys(data.sources[field])) {
        assert.deepStrictEqual(found[field][value], data.sources[field][value], `${field} ${value}`);
      }
    }
  });
}

test("a table of another format is refused with a message", () => {
  assert.throws(() => describe.read({ format: 99 }, "geweld"), /format 99/);
});

test("the reader is pure: the table is not changed", () => {
  const before = JSON.stringify(table);
  describe.read(table, "Er is geweld op het plein, maar geen overlast.");
  assert.strictEqual(JSON.stringify(table), before);
});
