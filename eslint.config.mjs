// ESLint's flat config for the page JavaScript (docs/dev/testing.md): the recommended rules, the
// browser and Node globals and the one namespace `bv`. tests/test_js.py runs it with the ESLint
// that tests/install_browser.py installs, pinned, into .ci/eslint; the packages load from there.
import { createRequire } from "node:module";

const require = createRequire(new URL("./.ci/eslint/", import.meta.url));
const js = require("@eslint/js");
const globals = require("globals");

const PAGE = ["src/buurtverbinding/sphinx/static/*.js", "docs/_static/*.js"];
const RULES = {
  "no-undef": "error",
  // ES2017 has no catch without a binding, so an unused `catch (error)` is fine
  "no-unused-vars": ["error", { caughtErrors: "none" }],
  // each file declares `var bv = ...bv || {}` (docs/dev/testing.md): that is the global itself
  "no-redeclare": ["error", { builtinGlobals: false }],
  // the analysers strip combining marks with an escaped range (\u0300-\u036f ...), on purpose
  "no-misleading-character-class": ["error", { allowEscape: true }],
};

export default [
  { files: [...PAGE, "tests/js/*.js"], ...js.configs.recommended },
  {
    // the page: plain ES2017 scripts that run in the browser and, for the pure modules, in Node
    files: PAGE,
    languageOptions: {
      ecmaVersion: 2017,
      sourceType: "script",
      globals: { ...globals.browser, ...globals.node, globalThis: "readonly", bv: "writable" },
    },
    rules: RULES,
  },
  {
    // the site's search page extends Sphinx's searchtools.js, which defines these
    files: ["docs/_static/*.js"],
    languageOptions: { globals: { Documentation: "readonly", Search: "readonly", Scorer: "readonly", DOCUMENTATION_OPTIONS: "writable" } },
  },
  {
    // the Node unit tests (node --test tests/js/)
    files: ["tests/js/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: { ...globals.node } },
    rules: RULES,
  },
];
