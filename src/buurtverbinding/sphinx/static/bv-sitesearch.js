/* bv-sitesearch: the search page for professionals (page controller).
 *
 * Reads ?q= from the address, searches the catalogue with bv.search (the same ranking as
 * Catalog.search in Python) over bv.data.search (set by _static/bv-search-data.js) and lists
 * the practical examples first, then the directions, steps, checklists and glossary terms, each
 * with a snippet. A query that finds nothing suggests close words ("Bedoelde u ...") and names
 * the Interventiewijzer; an English query gets a note that the content is Dutch. Sphinx's own
 * search stays below, for the developer section only (docs/_static/search-nl.js). Works from
 * file:// (the data is a script, not fetched).
 */
var bv = (typeof globalThis !== "undefined" ? globalThis : window).bv = (typeof globalThis !== "undefined" ? globalThis : window).bv || {};
bv.sitesearch = (function () {
  "use strict";

  var EXAMPLES = 20;
  var PAGES = 10;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function count(n, one, many) { return n === 1 ? "1 " + one : n + " " + many; }

  function list(heading, id, items, base) {
    var section = element("section", "bv-sitesearch-group");
    section.setAttribute("aria-labelledby", id);
    var title = element("h2", null, heading);
    title.id = id;
    section.appendChild(title);
    var ul = element("ul", "bv-sitesearch-list");
    items.forEach(function (item) {
      var li = element("li");
      var p = element("p", "bv-sitesearch-title");
      var link = element("a", null, item.title);
      link.href = base + item.url;
      p.appendChild(link);
      if (item.kind) p.appendChild(element("span", "bv-sitesearch-kind", " · " + item.kind));
      li.appendChild(p);
      if (item.snippet) li.appendChild(element("p", "bv-sitesearch-snippet", item.snippet));
      ul.appendChild(li);
    });
    section.appendChild(ul);
    return section;
  }

  function queryLink(word) {
    var link = element("a", null, word);
    link.href = "?q=" + encodeURIComponent(word);
    return link;
  }

  function wijzerLine(root) {
    var line = element("p", "bv-sitesearch-wijzer");
    var address = root.getAttribute("data-bv-wijzer");
    if (!address) return null;
    line.appendChild(document.createTextNode("Of kies in de "));
    var link = element("a", null, "Interventiewijzer");
    link.href = address;
    line.appendChild(link);
    line.appendChild(document.createTextNode(" wat bij uw buurt past: daar vindt u altijd de voorbeelden die het meest in de buurt komen."));
    return line;
  }

  /* Search and render; returns the numbers found (for tests). */
  function run(root, query, data) {
    var base = root.getAttribute("data-bv-root") || "";
    var status = root.querySelector(".bv-sitesearch-status");
    var out = root.querySelector(".bv-sitesearch-results");
    out.textContent = "";
    if (!query || !query.trim()) {
      status.textContent = "Typ een of meer woorden en kies Zoeken.";
      return { examples: 0, pages: 0 };
    }
    var examples = bv.search.index(data.examples, data.analyser).search(query, EXAMPLES);
    var pages = bv.search.index(data.pages, data.analyser).search(query, PAGES);
    if (bv.search.looksEnglish(query, data.english)) {
      out.appendChild(element("p", "bv-sitesearch-note",
        "De inhoud van deze site is Nederlandstalig. Zoek met Nederlandse woorden, bijvoorbeeld spanningen, jongeren of buurtbemiddeling."));
    }
    var corrections = examples.match.corrections;
    var corrected = Object.keys(corrections);
    if (corrected.length && examples.hits.length) {
      out.appendChild(element("p", "bv-sitesearch-note", "Gezocht op " + corrected.map(function (word) {
        return "“" + corrections[word] + "” in plaats van “" + word + "”";
      }).join(", ") + "."));
    }
    if (examples.hits.length) {
      out.appendChild(list("Praktijkvoorbeelden", "bv-sitesearch-examples", examples.hits.map(function (hit) {
        var doc = data.examples.docs[hit[0]];
        return { title: doc[0], snippet: doc[1], url: doc[2] };
      }).filter(function (item) { return item.url; }), base));
    }
    if (pages.hits.length) {
      out.appendChild(list("Richtingen, stappen, checklists en begrippen", "bv-sitesearch-pages", pages.hits.map(function (hit) {
        var doc = data.pages.docs[hit[0]];
        return { kind: doc[0], title: doc[1], snippet: doc[2], url: doc[3] };
      }), base));
    }
    if (!examples.hits.length && !pages.hits.length) {
      status.textContent = "Niets gevonden voor “" + query.trim() + "”.";
      var words = examples.match.suggestions.slice();
      pages.match.suggestions.forEach(function (word) { if (words.indexOf(word) === -1) words.push(word); });
      if (words.length) {
        var line = element("p", "bv-sitesearch-suggest", "Bedoelde u: ");
        words.slice(0, 5).forEach(function (word, i) {
          if (i) line.appendChild(document.createTextNode(", "));
          line.appendChild(queryLink(word));
        });
        line.appendChild(document.createTextNode("?"));
        out.appendChild(line);
      }
      var wijzer = wijzerLine(root);
      if (wijzer) out.appendChild(wijzer);
    } else {
      status.textContent = count(examples.hits.length, "praktijkvoorbeeld", "praktijkvoorbeelden") + " en " +
        count(pages.hits.length, "andere pagina", "andere pagina's") + " gevonden voor “" + query.trim() + "”.";
    }
    return { examples: examples.hits.length, pages: pages.hits.length };
  }

  function start() {
    var root = document.getElementById("bv-sitesearch");
    if (!root) return;
    var query = new URLSearchParams(window.location.search).get("q") || "";
    var field = document.getElementById("bv-search-q");
    if (field) field.value = query;
    if (!bv.data || !bv.data.search || !bv.search || !bv.search.index) {
      root.querySelector(".bv-sitesearch-status").textContent = "Het zoeken kon niet worden geladen. Bekijk de voorbeelden in de Interventiewijzer.";
      return;
    }
    run(root, query, bv.data.search);
  }

  if (typeof document !== "undefined") {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
    else start();
  }
  return { run: run };
})();
