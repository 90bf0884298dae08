"use strict";
// Every pure module of the page JavaScript keeps the convention (docs/dev/testing.md): it adds one
// module to the one global namespace `bv`, exports that same module for Node, and needs no DOM.
// A pure module is a file of src/buurtverbinding/sphinx/static/ that ends with `module.exports`.
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");

const STATIC = path.join(__dirname, "..", "..", "src", "buurtverbinding", "sphinx", "static");
const NAMESPACE = /^(?:\s*(?:\/\/.*|\/\*[\s\S]*?\*\/|"use strict";)\s*)*var bv = \(typeof globalThis !== "undefined" \? globalThis : window\)\.bv = /;

function pureModules() {
  return fs
    .readdirSync(STATIC)
    .filter((name) => name.endsWith(".js"))
    .filter((name) => /module\.exports\s*=\s*bv\.\w+/.test(fs.readFileSync(path.join(STATIC, name), "utf8")))
    .sort();
}

test("every pure module adds bv.<module>, exports it and needs no DOM", (t) => {
  const modules = pureModules();
  if (modules.length === 0) {
    t.skip("no pure module in src/buurtverbinding/sphinx/static/ yet");
    return;
  }
  assert.strictEqual(typeof globalThis.window, "undefined", "the test runs without a DOM");
  for (const name of modules) {
    const source = fs.readFileSync(path.join(STATIC, name), "utf8");
    const exported = source.match(/module\.exports\s*=\s*bv\.(\w+)/)[1];
    assert.match(source, NAMESPACE, `${name}: start with the one-line bv namespace of the convention`);
    assert.match(source, /"use strict"/, `${name}: "use strict"`);
    const loaded = require(path.join(STATIC, name));
    assert.ok(loaded && typeof loaded === "object", `${name}: module.exports is bv.${exported}`);
    assert.strictEqual(globalThis.bv[exported], loaded, `${name}: sets globalThis.bv.${exported} to what it exports`);
  }
});
