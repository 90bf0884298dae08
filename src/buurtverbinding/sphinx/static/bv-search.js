/* bv.search: the catalogue's Dutch search in the browser, as pure functions (no DOM).
 *
 * The same analyser and ranking as buurtverbinding._search (read that module's docstring for
 * the why): text lower-cased without accents, split into words, Dutch function words dropped,
 * stemmed with Snowball's Dutch (Porter) stemmer (bv.stemmer, vendored) after the small plural
 * fix; compounds, synonyms, typo tolerance; field-weighted BM25 (the postings already hold the
 * saturated, field-weighted term frequencies). Every constant (function words, weights, linking
 * sounds, limits) comes from the compiled data (bv.data.search, written by the Sphinx build from
 * the Python module), so this file holds no fact of its own. tests/test_search_parity.py runs
 * every evaluation query in Python and in Chromium and compares the rankings.
 *
 *   var index = bv.search.index(bv.data.search.examples, bv.data.search.analyser);
 *   index.search("hangjongeren", 20)  // {hits: [[document number, score], ...], match: {...}}
 */
var bv = (typeof globalThis !== "undefined" ? globalThis : window).bv = (typeof globalThis !== "undefined" ? globalThis : window).bv || {};
bv.search = (function () {
  "use strict";

  var COMBINING = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
  var TOKEN = /[a-z0-9]+/g;
  var PLURAL_S = /([aeiouy])s$/;
  var CACHE = 4096;

  /* Lower case without accents: "Coördinatie" -> "coordinatie". */
  function normalise(text) {
    return String(text).toLowerCase().normalize("NFKD").replace(COMBINING, "");
  }

  /* The meaningful normalised words of a text (stopwords: an object word -> true). */
  function words(text, stopwords) {
    var found = normalise(text).match(TOKEN) || [];
    return found.filter(function (word) { return !Object.prototype.hasOwnProperty.call(stopwords, word); });
  }

  /* A stemming function for the analyser named in the data ("dutch_porter+fix"). */
  function stemmerFor(name, stemmer) {
    var base = name.split("+")[0];
    if (base !== "dutch_porter") throw new Error("bv.search: unknown analyser " + name);
    var fix = /\+fix$/.test(name);
    return function (word) {
      var stemmer_ = stemmer || bv.stemmer;
      if (fix && word.length > 4) word = /eeen$/.test(word) ? word.slice(0, -2) : word.replace(PLURAL_S, "$1");
      return stemmer_.stem(word);
    };
  }

  /* Optimal-string-alignment distance (adjacent swaps count once), or limit + 1 as soon as it is
   * certain to exceed limit. */
  function editDistance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var previous2 = [];
    var previous = [];
    var i, j;
    for (j = 0; j <= b.length; j++) previous.push(j);
    for (i = 1; i <= a.length; i++) {
      var current = [i];
      for (j = 1; j <= b.length; j++) current.push(0);
      var lowest = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2] + 1);
        current[j] = value;
        if (value < lowest) lowest = value;
      }
      if (lowest > limit) return limit + 1;
      previous2 = previous;
      previous = current;
    }
    return previous[previous.length - 1];
  }

  function grams(word) {
    var padded = "^" + word + "$";
    var seen = {};
    var result = [];
    for (var i = 0; i < padded.length - 2; i++) {
      var gram = padded.slice(i, i + 3);
      if (!seen[gram]) { seen[gram] = true; result.push(gram); }
    }
    return result;
  }

  function toMap(object) {
    var map = new Map();
    Object.keys(object || {}).forEach(function (key) { map.set(key, object[key]); });
    return map;
  }

  /* An index over compiled data ({ids, postings, titles, stems, synonyms}, as SearchIndex.to_data
   * writes it) with the analyser's settings ({name, stopwords, constants}). */
  function index(data, analyser, stemmer) {
    var c = analyser.constants;
    var stopwords = {};
    analyser.stopwords.forEach(function (word) { stopwords[word] = true; });
    var stemWord = stemmerFor(data.analyser || analyser.name, stemmer);
    var postings = toMap(data.postings);
    var stems = toMap(data.stems);
    var synonyms = toMap(data.synonyms);
    var count = Math.max(data.titles.length, 1);
    var parts = new Set();
    stems.forEach(function (value, key) { parts.add(key); });
    postings.forEach(function (value, key) { parts.add(key); });
    var expansions = new Map();
    var closeCache = new Map();
    var idfs = new Map();
    var titleIndex = null;
    var typoGrams = null;
    var frequency = null;

    function stemOf(word) { return stems.get(word) || stemWord(word); }

    function isPart(piece) {
      for (var k = 0; k < c.links.length; k++) {
        var link = c.links[k];
        var rest = piece.length - link.length;
        if (rest < c.min_part) continue;
        if (piece.slice(0, link.length) === link && parts.has(piece.slice(link.length))) return true;
        if (piece.slice(piece.length - link.length) === link && parts.has(piece.slice(0, rest))) return true;
      }
      return false;
    }

    function setDefault(map, key, value) { if (!map.has(key)) map.set(key, value); }

    /* Index stems that match a query stem (same stem, compounds), each with its weight. */
    function expand(term) {
      var cached = expansions.get(term);
      if (cached) return cached;
      var found = new Map();
      if (postings.has(term)) found.set(term, 1.0);
      if (term.length >= c.min_part) {
        var modifiers = (postings.has(term) ? postings.get(term).length : 0) <= c.common_share * count;
        postings.forEach(function (row, other) {
          if (other.length <= term.length || other.indexOf(term) === -1) return;
          if (other.slice(other.length - term.length) === term && isPart(other.slice(0, other.length - term.length))) {
            setDefault(found, other, c.contained);
          } else if (modifiers && other.slice(0, term.length) === term && isPart(other.slice(term.length))) {
            setDefault(found, other, c.modifier);
          }
        });
        for (var cut = c.min_part; cut < term.length - c.min_part + 1; cut++) {
          var left = term.slice(0, cut);
          var right = term.slice(cut);
          if (isPart(left) && isPart(right)) {
            [left, right].forEach(function (piece) {
              [piece, stems.get(piece) || stemWord(piece)].forEach(function (candidate) {
                if (postings.has(candidate)) setDefault(found, candidate, c.contains);
              });
            });
          }
        }
      }
      if (expansions.size < CACHE) expansions.set(term, found);
      return found;
    }

    function withSynonyms(term) {
      var found = new Map(expand(term));
      (synonyms.get(term) || []).forEach(function (other) {
        expand(other).forEach(function (weight, candidate) {
          if (weight !== c.contains) found.set(candidate, Math.max(found.get(candidate) || 0.0, c.synonym * weight));
        });
      });
      return found;
    }

    function maxEdits(word) {
      return word.length < c.min_typo ? 0 : word.length <= 7 ? 1 : 2;
    }

    /* Indexed words within limit edits of word: [distance, word], closest and most frequent first. */
    function closeWords(word, limit) {
      var key = word + " " + limit;
      var cached = closeCache.get(key);
      if (cached) return cached;
      if (typoGrams === null) {
        typoGrams = new Map();
        frequency = new Map();
        stems.forEach(function (knownStem, known) {
          var row = postings.get(knownStem);
          if (!row || known.length < c.min_typo - 1 || /^[0-9]+$/.test(known)) return;
          frequency.set(known, row.length);
          grams(known).forEach(function (gram) {
            var slot = gram + " " + known.length;
            if (!typoGrams.has(slot)) typoGrams.set(slot, []);
            typoGrams.get(slot).push(known);
          });
        });
      }
      var wanted = grams(word);
      var shared = new Map();
      for (var length = word.length - limit; length <= word.length + limit; length++) {
        wanted.forEach(function (gram) {
          (typoGrams.get(gram + " " + length) || []).forEach(function (known) { shared.set(known, (shared.get(known) || 0) + 1); });
        });
      }
      var needed = Math.max(1, word.length - 3 * limit);
      var found = [];
      shared.forEach(function (n, candidate) {
        if (n >= needed) {
          var distance = editDistance(word, candidate, limit);
          if (distance <= limit) found.push([distance, candidate]);
        }
      });
      found.sort(function (a, b) {
        if (a[0] !== b[0]) return a[0] - b[0];
        var fa = frequency.get(a[1]);
        var fb = frequency.get(b[1]);
        if (fa !== fb) return fb - fa;
        return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
      });
      if (closeCache.size < CACHE) closeCache.set(key, found);
      return found;
    }

    /* How a query is understood ({terms, words, corrections, suggestions}) and per query stem the
     * index stems it matches with their weights (correct false: no typo correction). */
    function match(query, correct) {
      if (correct === undefined) correct = true;
      var expanded = new Map();
      var corrections = {};
      var unknown = [];
      var termsInOrder = [];
      var wordsInOrder = [];
      var seen = new Set();
      words(query, stopwords).forEach(function (word) {
        if (seen.has(word)) return;
        seen.add(word);
        var term = stemOf(word);
        if (expanded.has(term) || word.length < 2) return;
        termsInOrder.push(term);
        wordsInOrder.push(word);
        var found = withSynonyms(term);
        if (correct && !postings.has(term) && !synonyms.has(term) && maxEdits(word)) {
          var close = closeWords(word, maxEdits(word));
          if (close.length && (!found.size || close[0][0] === 1)) {
            corrections[word] = close[0][1];
            withSynonyms(stemOf(close[0][1])).forEach(function (weight, candidate) {
              found.set(candidate, Math.max(found.get(candidate) || 0.0, c.typo * weight));
            });
          }
        }
        if (!found.size) unknown.push(word);
        expanded.set(term, found);
      });
      var suggestions = [];
      var anything = false;
      expanded.forEach(function (found) { if (found.size) anything = true; });
      if (correct && unknown.length && !anything) {
        unknown.forEach(function (word) {
          closeWords(word, Math.max(2, Math.floor(word.length / 3))).slice(0, 3).forEach(function (item) {
            if (suggestions.indexOf(item[1]) === -1) suggestions.push(item[1]);
          });
        });
      }
      return {
        understood: { terms: termsInOrder, words: wordsInOrder, corrections: corrections, suggestions: suggestions.slice(0, 5) },
        expanded: expanded
      };
    }

    function idf(term) {
      var value = idfs.get(term);
      if (value === undefined) {
        var n = postings.get(term).length;
        value = Math.log(1 + (count - n + 0.5) / (n + 0.5));
        idfs.set(term, value);
      }
      return value;
    }

    /* Per document, the best score of one query word over the index stems it matches. */
    function best(found) {
      var ordered = [];
      found.forEach(function (weight, other) { ordered.push([other, weight]); });
      ordered.sort(function (a, b) { return b[1] - a[1]; });  // stable: insertion order within a weight
      var result = new Map();
      ordered.forEach(function (item, position) {
        var factor = item[1] * idf(item[0]);
        postings.get(item[0]).forEach(function (posting) {
          var value = factor * posting[1];
          if (position === 0 || value > (result.get(posting[0]) || 0.0)) result.set(posting[0], value);
        });
      });
      return result;
    }

    function inTitles(term) {
      if (titleIndex === null) {
        titleIndex = new Map();
        data.titles.forEach(function (title, number) {
          title.forEach(function (s) {
            if (!titleIndex.has(s)) titleIndex.set(s, new Set());
            titleIndex.get(s).add(number);
          });
        });
      }
      return titleIndex.get(term) || new Set();
    }

    /* Document numbers with scores, best first (ties by number), at most limit, and how the query
     * was understood: {hits: [[number, score], ...], match: {...}}. */
    function search(query, limit) {
      var matched = match(query, true);
      var expanded = matched.expanded;
      var perTerm = [];
      var wanted = [];
      expanded.forEach(function (found, term) {
        if (found.size) { perTerm.push(best(found)); wanted.push(term); }
      });
      if (!perTerm.length) return { hits: [], match: matched.understood };
      var total = expanded.size;
      var scores = perTerm[0];
      if (perTerm.length > 1 || total > 1) {
        scores = new Map(scores);
        var counts = new Map();
        scores.forEach(function (value, number) { counts.set(number, 1); });
        perTerm.slice(1).forEach(function (found) {
          found.forEach(function (value, number) {
            if (scores.has(number)) {
              scores.set(number, scores.get(number) + value);
              counts.set(number, counts.get(number) + 1);
            } else {
              scores.set(number, value);
              counts.set(number, 1);
            }
          });
        });
        counts.forEach(function (n, number) {
          if (n < total) scores.set(number, scores.get(number) * Math.pow(n / total, c.coverage));
        });
      }
      if (wanted.length === total) {
        var titled = null;
        wanted.forEach(function (term) {
          var here = inTitles(term);
          titled = titled === null ? new Set(here) : new Set(Array.from(titled).filter(function (n) { return here.has(n); }));
        });
        titled.forEach(function (number) {
          if (scores.has(number)) scores.set(number, scores.get(number) * c.title_bonus);
        });
      }
      var ranked = [];
      scores.forEach(function (score, number) { ranked.push([number, score]); });
      ranked.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
      if (limit !== undefined && limit !== null) ranked = ranked.slice(0, limit);
      return { hits: ranked, match: matched.understood };
    }

    /* Per document, the words of text that match it and what each adds (no typo correction). */
    function contributions(text) {
      var matched = match(text, false);
      var result = new Map();
      matched.understood.terms.forEach(function (term, position) {
        best(matched.expanded.get(term)).forEach(function (value, number) {
          if (!result.has(number)) result.set(number, []);
          result.get(number).push([matched.understood.words[position], value]);
        });
      });
      return result;
    }

    return { ids: data.ids, match: match, search: search, contributions: contributions, stem: stemOf };
  }

  /* Whether most of a query's words look English (words the data lists as English and not as
   * Dutch): the page then says that the content is Dutch. */
  function looksEnglish(query, english) {
    var found = normalise(query).match(TOKEN) || [];
    if (!found.length) return false;
    var hits = found.filter(function (word) { return english.indexOf(word) !== -1; }).length;
    return hits * 2 >= found.length && hits >= 1;
  }

  return { normalise: normalise, words: words, editDistance: editDistance, index: index, looksEnglish: looksEnglish };
})();
if (typeof module === "object" && module.exports) { module.exports = bv.search; }
