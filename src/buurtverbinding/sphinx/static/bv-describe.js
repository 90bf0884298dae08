/* bv.describe: reads a description in the meeting's own words into situation values, with the
 * words they came from. A pure evaluator (no DOM): it interprets the table that Python makes with
 * buurtverbinding.advice._describe.browser_table(cat) (page data: bv.data.describe), step for step
 * as buurtverbinding.advice._describe.read does, so that both give the same result. The table
 * holds a map of written forms to stems made at build time, so no stemmer runs here.
 */
"use strict";
var bv = (typeof globalThis !== "undefined" ? globalThis : window).bv = (typeof globalThis !== "undefined" ? globalThis : window).bv || {};

bv.describe = (function () {
  var FORMAT = 1;
  // Combining marks (accents) that NFKD splits off: what Python's unicodedata.combining() finds in Dutch text.
  var COMBINING = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
  var WORD = /[a-z0-9]+/g;
  var EXACT = "=";

  /* A phrase word "=word" matches only that written word; any other phrase word is a stem. */
  function fits(token, wanted) {
    return wanted.charAt(0) === EXACT ? token.word === wanted.slice(1) : token.stem === wanted;
  }

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  function normaliseChar(ch) {
    return ch.toLowerCase().normalize("NFKD").replace(COMBINING, "");
  }

  function check(table) {
    if (!table || table.format !== FORMAT) {
      throw new Error("bv.describe: the description table has format " + (table && table.format) + ", this reader reads format " + FORMAT);
    }
  }

  /* Every word of text: {word, stem (or null), clause, start, end}; start and end index text. */
  function tokens(table, text) {
    var flat = "";
    var starts = [];
    var ends = [];
    var i = 0;
    var k;
    for (var ch of text) {
      var piece = normaliseChar(ch);
      for (k = 0; k < piece.length; k++) {
        starts.push(i);
        ends.push(i + ch.length);
      }
      flat += piece;
      i += ch.length;
    }
    var clauseWords = {};
    table.clause_words.forEach(function (word) { clauseWords[word] = true; });
    var marks = table.clause_marks;
    var found = [];
    var clause = 0;
    var previous = 0;
    var match;
    WORD.lastIndex = 0;
    while ((match = WORD.exec(flat)) !== null) {
      var word = match[0];
      if (found.length) {
        var between = flat.slice(previous, match.index);
        var marked = false;
        for (k = 0; k < between.length; k++) {
          if (marks.indexOf(between[k]) !== -1) { marked = true; break; }
        }
        if (has(clauseWords, word) || marked) { clause += 1; }
      }
      found.push({
        word: word,
        stem: has(table.stems, word) ? table.stems[word] : null,
        clause: clause,
        start: starts[match.index],
        end: ends[match.index + word.length - 1]
      });
      previous = match.index + word.length;
    }
    return found;
  }

  /* Field -> value -> the parts of text that point to it (as written, in text order), for every
   * field of the table in order; the phase has at most one value. */
  function read(table, text) {
    check(table);
    var words = tokens(table, text);
    var phrases = table.phrases;
    var gap = table.max_gap;
    var byFirst = {};
    phrases.forEach(function (phrase, number) {
      var first = phrase[2][0];
      if (!has(byFirst, first)) { byFirst[first] = []; }
      byFirst[first].push(number);
    });
    var matches = [];
    words.forEach(function (token, first) {
      var numbers = has(byFirst, EXACT + token.word) ? byFirst[EXACT + token.word] : [];
      if (token.stem !== null && has(byFirst, token.stem)) { numbers = numbers.concat(byFirst[token.stem]); }
      numbers.forEach(function (number) {
        var positions = [first];
        var stems = phrases[number][2];
        for (var w = 1; w < stems.length; w++) {
          var last = positions[positions.length - 1];
          var limit = Math.min(last + gap + 2, words.length);
          var found = -1;
          for (var k = last + 1; k < limit; k++) {
            if (words[k].clause === token.clause && fits(words[k], stems[w])) { found = k; break; }
          }
          if (found === -1) { return; }
          positions.push(found);
        }
        matches.push([number, positions]);
      });
    });
    var own = {};
    matches.forEach(function (m) { m[1].forEach(function (k) { own[k] = true; }); });
    var denying = [];
    words.forEach(function (token, k) {
      if (table.negations.indexOf(token.word) !== -1 && !own[k] && text.charAt(token.end) !== "-") { denying.push(k); }
    });
    var kept = {};
    var keys = [];
    matches.forEach(function (m) {
      var positions = m[1];
      var clause = words[positions[0]].clause;
      var end = positions[positions.length - 1];
      var phrase = phrases[m[0]];
      if (table.negated_fields.indexOf(phrase[0]) !== -1) {
        for (var d = 0; d < denying.length; d++) {
          if (words[denying[d]].clause === clause && denying[d] < end) { return; }
        }
      }
      var key = phrase[0] + "\u0000" + phrase[1];
      if (!has(kept, key)) {
        kept[key] = { field: phrase[0], value: phrase[1], order: m[0], spans: [] };
        keys.push(key);
      }
      kept[key].order = Math.min(kept[key].order, m[0]);
      kept[key].spans.push([words[positions[0]].start, words[end].end]);
    });
    keys.sort(function (a, b) { return kept[a].order - kept[b].order; });
    var result = {};
    table.fields.forEach(function (field) { result[field] = {}; });
    keys.forEach(function (key) {
      var entry = kept[key];
      var spans = entry.spans;
      var inside = spans.filter(function (s) {
        return !spans.some(function (o) { return (o[0] !== s[0] || o[1] !== s[1]) && o[0] <= s[0] && s[1] <= o[1]; });
      });
      inside.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
      var written = [];
      inside.forEach(function (s) {
        var part = text.slice(s[0], s[1]);
        if (written.indexOf(part) === -1) { written.push(part); }
      });
      result[entry.field][entry.value] = written;
    });
    if (result.phase && Object.keys(result.phase).length > 1) {
      var chosen = table.phase_order.filter(function (phase) { return has(result.phase, phase); })[0];
      var only = {};
      only[chosen] = result.phase[chosen];
      result.phase = only;
    }
    return result;
  }

  return { FORMAT: FORMAT, read: read, tokens: tokens };
})();

if (typeof module === "object" && module.exports) { module.exports = bv.describe; }
