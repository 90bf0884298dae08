/* bv-wijzer: the Interventiewijzer (page controller).
 *
 * Finds practical examples in the browser. The data is set by _static/bv-wijzer-data.js
 * (bv.data.wijzer) and, for the text field, _static/bv-search-data.js (bv.data.search, the
 * catalogue's search index, evaluated by bv.search as Catalog.search does in Python): scripts
 * rather than JSON files, so the page also works from a downloaded copy opened with file://
 * (Chromium refuses fetch() there). This script adds the wijzer's data once the page has
 * painted, and the search (bv-stemmer.js, bv-search.js and its data) only when it is needed: a
 * text in the address, or the text field taking the focus.
 *
 * One group of check boxes per facet: several values in one group mean OR, groups combine with
 * AND. The text field ranks with the catalogue's search and combines with the groups. The
 * examples that fit every choice come first; then, apart, the closest ones with what they miss
 * ("Past op 2 van 3: geen Plein of speelplek"). Every option shows how many examples it would
 * give; an option that would give none is disabled. The state lives in the address
 * (?fase=spanningen&plek=plein&zoek=hangjongeren&sorteer=bewijs; comma-separated values work
 * too), so a list can be shared, and the address follows the choices. The number found is
 * announced in a live region after typing pauses; the chosen filters are removable chips.
 */
var bv = (typeof globalThis !== "undefined" ? globalThis : window).bv = (typeof globalThis !== "undefined" ? globalThis : window).bv || {};
bv.wijzer = (function () {
  "use strict";

  var SORT = "sorteer";
  var CLOSEST = 12;  // at most this many closest examples
  var FEW = 10;      // the closest ones are shown when fewer examples fit every choice
  var PAUSE = 350;   // ms after the last key before the list and the live region follow the text

  function countText(n, closest) {
    if (n === 0 && closest) return "Geen voorbeelden die bij alles passen. Hieronder de voorbeelden die er het dichtst bij komen.";
    if (n === 0) return "Geen voorbeelden gevonden. Haal een keuze weg of beschrijf het met andere woorden.";
    return n === 1 ? "1 voorbeeld gevonden." : n + " voorbeelden gevonden.";
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }

  /* Load scripts one after the other, then call done (also when one fails). */
  function loadAll(sources, done) {
    if (!sources.length) { done(); return; }
    load(sources[0], function () { loadAll(sources.slice(1), done); });
  }

  var searchWaiting = null;  // callbacks while the search loads; null before, [] ... then done
  /* The search (stemmer, evaluator, data) is loaded on first need: a text in the address, or the
   * text field taking the focus, so a plain visit does not pay for it. */
  function needSearch(root, done) {
    if (bv.data && bv.data.search && bv.search && bv.search.index) { done(); return; }
    if (searchWaiting) { searchWaiting.push(done); return; }
    searchWaiting = [done];
    loadAll((root.getAttribute("data-bv-search") || "").split(" ").filter(Boolean), function () {
      var waiting = searchWaiting;
      searchWaiting = [];
      waiting.forEach(function (callback) { callback(); });
    });
  }

  function init(root, data) {
    var form = root.querySelector("form");
    var status = root.querySelector(".bv-wijzer-status");
    var chips = root.querySelector(".bv-wijzer-chips");
    var chosenLine = root.querySelector(".bv-wijzer-chosen");
    var results = root.querySelector(".bv-wijzer-results");
    var closestSection = root.querySelector(".bv-wijzer-closest-section");
    var closestList = root.querySelector(".bv-wijzer-closest");
    var sort = form.querySelector('select[name="' + SORT + '"]');
    var text = form.querySelector('input[name="' + data.text_parameter + '"]');
    var base = root.getAttribute("data-bv-root") || "";
    var sortChosen = false;
    var keys = data.order.filter(function (key) {
      return form.querySelector('[data-bv-facet="' + key + '"]');
    });
    var search = null;
    var searchData = null;

    function withSearch() {
      if (!search && bv.data && bv.data.search && bv.search && bv.search.index) {
        searchData = bv.data.search;
        search = bv.search.index(searchData.examples, searchData.analyser);
      }
      return search;
    }

    function searchThenRender() {
      needSearch(root, function () {
        withSearch();
        if (!sortChosen) sort.value = defaultSort();
        toAddress();
        render();
      });
    }

    function boxes(key) {
      return form.querySelectorAll('input[name="' + data.facets[key].parameter + '"]');
    }

    function chosen() {
      var result = {};
      keys.forEach(function (key) {
        var values = [];
        each(boxes(key), function (box) { if (box.checked) values.push(box.value); });
        if (values.length) result[key] = values;
      });
      return result;
    }

    function fromAddress() {
      var params = new URLSearchParams(window.location.search);
      keys.forEach(function (key) {
        var wanted = [];
        params.getAll(data.facets[key].parameter).forEach(function (value) {
          value.split(",").forEach(function (part) { if (part) wanted.push(part); });
        });
        each(boxes(key), function (box) { box.checked = wanted.indexOf(box.value) !== -1; });
      });
      if (text) text.value = params.get(data.text_parameter) || "";
      var order = params.get(SORT);
      var known = Array.prototype.some.call(sort.options, function (o) { return o.value === order; });
      sortChosen = known;
      sort.value = known ? order : defaultSort();
    }

    function defaultSort() { return text && text.value.trim() && search ? "passend" : sort.options[0].value; }

    function toAddress() {
      var params = new URLSearchParams(window.location.search);
      var now = chosen();
      keys.forEach(function (key) {
        var name = data.facets[key].parameter;
        params.delete(name);
        (now[key] || []).forEach(function (value) { params.append(name, value); });
      });
      if (text && text.value.trim()) params.set(data.text_parameter, text.value.trim()); else params.delete(data.text_parameter);
      if (sort.value !== defaultSort()) params.set(SORT, sort.value); else params.delete(SORT);
      var query = params.toString();
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    }

    function labels(key, values) {
      var names = data.facets[key].values;
      return values.map(function (id) { return names[id] || id; }).join(", ");
    }

    function orLabels(key, values) { return labels(key, values).replace(/, ([^,]*)$/, " of $1"); }

    function describe(now) {
      var parts = keys.filter(function (key) { return now[key]; }).map(function (key) {
        return data.facets[key].label + ": " + orLabels(key, now[key]);
      });
      if (text && text.value.trim()) parts.unshift("Tekst: “" + text.value.trim() + "”");
      return parts.length ? "Gekozen: " + parts.join("; ") + "." : "Gekozen: niets, dus alle voorbeelden.";
    }

    function summaries(now) {
      keys.forEach(function (key) {
        var summary = form.querySelector('[data-bv-facet="' + key + '"] .bv-wijzer-facet-chosen');
        if (!summary) return;
        summary.textContent = now[key] ? labels(key, now[key]) : summary.getAttribute("data-bv-none");
        summary.parentNode.parentNode.classList.toggle("bv-wijzer-facet-active", Boolean(now[key]));
      });
    }

    function fits(example, key, values) {
      return values.some(function (value) { return (example[key] || []).indexOf(value) !== -1; });
    }

    /* The text's scores per example id ({} without text; null when the text finds nothing). */
    function textScores() {
      var query = text ? text.value.trim() : "";
      if (!query || !withSearch()) return { active: false, scores: {}, match: null };
      var found = search.search(query);
      var scores = {};
      found.hits.forEach(function (hit) { scores[searchData.examples.ids[hit[0]]] = hit[1]; });
      return { active: true, scores: scores, match: found.match };
    }

    function counts(now, scored) {
      keys.forEach(function (key) {
        var others = Object.keys(now).filter(function (k) { return k !== key; });
        var pool = data.examples.filter(function (example) {
          if (scored.active && !(example.id in scored.scores)) return false;
          return others.every(function (k) { return fits(example, k, now[k]); });
        });
        each(boxes(key), function (box) {
          var n = pool.filter(function (example) { return (example[key] || []).indexOf(box.value) !== -1; }).length;
          var label = form.querySelector('label[for="' + box.id + '"] .bv-wijzer-count');
          if (label) label.textContent = "(" + n + ")";
          box.disabled = n === 0 && !box.checked;
          box.parentNode.classList.toggle("bv-wijzer-none", box.disabled);
        });
      });
    }

    function evidenceRank(example) {
      var level = (example.evidence || [])[0];
      return data.evidence.order.indexOf(level);
    }

    function meta(example) {
      var parts = [];
      ["direction", "phase", "location", "target_group"].forEach(function (key) {
        var facet = data.facets[key];
        if (facet && example[key] && example[key].length) parts.push(facet.plural + ": " + labels(key, example[key]));
      });
      return parts;
    }

    function card(example, missing) {
      var item = element("li");
      var title = element("p", "bv-wijzer-title");
      if (example.url) {
        var link = element("a", null, example.title);
        link.href = base + example.url;
        title.appendChild(link);
      } else {
        title.textContent = example.title;
      }
      item.appendChild(title);
      if (missing) item.appendChild(element("p", "bv-wijzer-missing", missing));
      item.appendChild(element("p", "bv-summary", example.summary));
      var level = (example.evidence || [])[0];
      var badges = element("p", "bv-badges");
      if (level) {
        var rated = (data.evidence.rated || []).indexOf(level) !== -1;
        badges.appendChild(element("span", "bv-badge bv-evidence bv-evidence-" + level + (rated ? "" : " bv-badge-quiet"),
          "Bewijs: " + (data.evidence.values[level] || level)));
      }
      if (example.effect && data.effects) {
        badges.appendChild(element("span", "bv-effect bv-effect-" + example.effect, "Effect: " + (data.effects[example.effect] || example.effect)));
      }
      if (badges.childNodes.length) item.appendChild(badges);
      meta(example).forEach(function (line) { item.appendChild(element("p", "bv-wijzer-meta", line)); });
      return item;
    }

    function chip(label, remove) {
      var li = element("li");
      var button = element("button", "bv-wijzer-chip");
      button.type = "button";
      button.appendChild(element("span", null, label));
      button.appendChild(element("span", "bv-wijzer-chip-x", " ×"));
      button.setAttribute("aria-label", label + " weghalen");
      button.addEventListener("click", function () { remove(); toAddress(); render(); });
      li.appendChild(button);
      return li;
    }

    function renderChips(now) {
      chips.textContent = "";
      if (text && text.value.trim()) {
        chips.appendChild(chip("“" + text.value.trim() + "”", function () { text.value = ""; }));
      }
      keys.forEach(function (key) {
        (now[key] || []).forEach(function (value) {
          chips.appendChild(chip(data.facets[key].values[value] || value, function () {
            each(boxes(key), function (box) { if (box.value === value) box.checked = false; });
          }));
        });
      });
    }

    function render() {
      var now = chosen();
      var scored = textScores();
      var chosenKeys = Object.keys(now);
      var criteria = chosenKeys.length + (scored.active ? 1 : 0);
      var exact = [];
      var near = [];
      data.examples.forEach(function (example) {
        var missed = chosenKeys.filter(function (key) { return !fits(example, key, now[key]); });
        var textMissed = scored.active && !(example.id in scored.scores);
        var misses = missed.length + (textMissed ? 1 : 0);
        if (!misses) exact.push(example);
        else if (misses < criteria) near.push({ example: example, missed: missed, textMissed: textMissed, fit: criteria - misses });
      });
      var order = sort.value;
      var score = function (example) { return scored.scores[example.id] || 0; };
      if (order === "bewijs") {
        exact.sort(function (a, b) { return evidenceRank(b) - evidenceRank(a); });  // stable: by name within a level
      } else if (order === "passend" && scored.active) {
        exact.sort(function (a, b) { return score(b) - score(a); });
      }
      near.sort(function (a, b) { return b.fit - a.fit || score(b.example) - score(a.example) || evidenceRank(b.example) - evidenceRank(a.example); });
      results.textContent = "";
      exact.forEach(function (example) { results.appendChild(card(example)); });
      closestList.textContent = "";
      var showNear = criteria > 0 && exact.length < FEW && near.length > 0;
      if (showNear) {
        near.slice(0, CLOSEST).forEach(function (entry) {
          var misses = entry.missed.map(function (key) { return "geen " + orLabels(key, now[key]); });
          if (entry.textMissed) misses.push("uw tekst komt er niet in voor");
          closestList.appendChild(card(entry.example, "Past op " + entry.fit + " van " + criteria + ": " + misses.join(", ") + "."));
        });
      }
      closestSection.hidden = !showNear;
      closestSection.classList.toggle("bv-wijzer-screen-only", exact.length > 0);  // on paper: the exact matches
      if (scored.active && !exact.length && !near.length && scored.match && scored.match.suggestions.length) {
        closestSection.hidden = false;
        closestList.appendChild(element("li", "bv-wijzer-suggest", "Niets gevonden met deze woorden. Bedoelde u: " + scored.match.suggestions.join(", ") + "?"));
      }
      counts(now, scored);
      summaries(now);
      renderChips(now);
      chosenLine.textContent = describe(now);
      status.textContent = countText(exact.length, showNear);
    }

    var timer = null;
    form.addEventListener("change", function (event) {
      if (event.target === sort) sortChosen = true;
      if (event.target === text) return;
      toAddress();
      render();
    });
    if (text) {
      text.addEventListener("focus", function () { needSearch(root, function () {}); });
      text.addEventListener("input", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(searchThenRender, PAUSE);
      });
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      window.clearTimeout(timer);
      searchThenRender();
    });
    form.addEventListener("reset", function () {
      window.setTimeout(function () { sortChosen = false; sort.value = defaultSort(); toAddress(); render(); }, 0);
    });
    window.addEventListener("popstate", function () { fromAddress(); render(); if (text && text.value.trim()) searchThenRender(); });
    fromAddress();
    render();
    if (text && text.value.trim()) searchThenRender();
  }

  function failed(root) {
    root.querySelector(".bv-wijzer-status").textContent =
      "De voorbeelden konden niet worden geladen. Bekijk de voorbeelden per oplossingsrichting.";
  }

  function load(src, done) {
    var script = document.createElement("script");
    script.src = src;
    script.onload = function () { done(true); };
    script.onerror = function () { done(false); };
    document.head.appendChild(script);
  }

  function start() {
    var roots = document.querySelectorAll("[data-bv-wijzer]");
    if (!roots.length) return;
    function ready() {
      var data = bv.data && bv.data.wijzer;
      each(roots, function (root) { if (data) init(root, data); else failed(root); });
    }
    if (bv.data && bv.data.wijzer) { ready(); return; }
    // the data is a script (it works from file://), added once the page has painted
    window.requestAnimationFrame(function () {
      window.setTimeout(function () {
        load(roots[0].getAttribute("data-bv-script"), function (ok) {
          if (ok) ready(); else each(roots, failed);
        });
      }, 0);
    });
  }

  if (typeof document !== "undefined") {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
    else start();
  }
  return { countText: countText };
})();
