"use strict";
/* bv.search (src/buurtverbinding/sphinx/static/bv-search.js): the analyser and the ranking give
 * what Python gives (fixtures/search-small.json is written by tests/test_search_parity.py from
 * buurtverbinding._search; the full catalogue is compared in Chromium by that test). */
const test = require("node:test");
const assert = require("node:assert");
const path = require("node:path");

const STATIC = path.join(__dirname, "..", "..", "src", "buurtverbinding", "sphinx", "static");
const stemmer = require(path.join(STATIC, "bv-stemmer.js"));
const search = require(path.join(STATIC, "bv-search.js"));
const fixture = require("./fixtures/search-small.json");

test("normalise drops accents and case", () => {
  assert.strictEqual(search.normalise("Coördinatie MOSKEEËN"), "coordinatie moskeeen");
});

test("words drops the function words", () => {
  assert.deepStrictEqual(search.words("Ruzie tussen de buren", { tussen: true, de: true }), ["ruzie", "buren"]);
});

test("the vendored stemmer is Snowball's Dutch (Porter) stemmer", () => {
  assert.strictEqual(stemmer.stem("aanslagen"), "aanslag");
  assert.strictEqual(stemmer.stem("spanningen"), "spanning");
  assert.strictEqual(stemmer.stem("buurtbemiddeling"), "buurtbemiddel");
  assert.strictEqual(stemmer.stem("jongeren"), "jonger");
});

test("the index stems every indexed word as Python did", () => {
  const index = search.index(fixture.index, fixture.analyser, stemmer);
  for (const [word, stem] of Object.entries(fixture.index.stems)) assert.strictEqual(index.stem(word), stem, word);
});

test("edit distance counts a swap once and stops past the limit", () => {
  assert.strictEqual(search.editDistance("plein", "plien", 2), 1);
  assert.strictEqual(search.editDistance("buurt", "buurt", 1), 0);
  assert.strictEqual(search.editDistance("abcdef", "uvwxyz", 1), 2);
});

test("ranking, corrections and suggestions are Python's", () => {
  const index = search.index(fixture.index, fixture.analyser, stemmer);
  for (const expected of fixture.expected) {
    const found = index.search(expected.query);
    assert.deepStrictEqual(found.hits.map((h) => h[0]), expected.hits.map((h) => h[0]), expected.query);
    found.hits.forEach((hit, i) => assert.ok(Math.abs(hit[1] - expected.hits[i][1]) < 1e-6, expected.query));
    assert.deepStrictEqual(found.match.corrections, expected.corrections, expected.query);
    assert.deepStrictEqual(found.match.suggestions, expected.suggestions, expected.query);
  }
});

test("a limit keeps the best hits", () => {
  const index = search.index(fixture.index, fixture.analyser, stemmer);
  assert.strictEqual(index.search("jongeren plein", 1).hits.length, 1);
});

test("an English query is noticed, a Dutch one is not", () => {
  const english = ["the", "neighbourhood", "tensions", "youth"];
  assert.ok(search.looksEnglish("neighbourhood tensions", english));
  assert.ok(search.looksEnglish("youth", english));
  assert.ok(!search.looksEnglish("jongeren op het plein", english));
  assert.ok(!search.looksEnglish("", english));
});
