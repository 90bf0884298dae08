/* buurtverbinding.sphinx: the Interventiewijzer.
 *
 * Filters the practical examples in the browser. The data is set by _static/bv-wijzer-data.js
 * (window.bvWijzerData), which the Sphinx build writes: a script rather than a JSON file, so the
 * page also works from a downloaded copy opened with file:// (Chromium refuses fetch() there).
 * This script adds it (data-bv-script) once the page has painted.
 *
 * One group of check boxes per facet: several values in one group mean OR, groups combine with
 * AND. The state lives in the address (?fase=spanningen&plek=plein&plek=portiek&sorteer=bewijs;
 * comma-separated values work too), so a filtered list can be shared, and the address follows
 * the choices. The number found is announced in a live region.
 */
(function () {
  "use strict";

  var SORT = "sorteer";

  function countText(n) {
    if (n === 0) return "Geen voorbeelden gevonden. Kies minder filters.";
    return n === 1 ? "1 voorbeeld gevonden." : n + " voorbeelden gevonden.";
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }

  function init(root, data) {
    var form = root.querySelector("form");
    var status = root.querySelector(".bv-wijzer-status");
    var chosenLine = root.querySelector(".bv-wijzer-chosen");
    var results = root.querySelector(".bv-wijzer-results");
    var sort = form.querySelector('select[name="' + SORT + '"]');
    var base = root.getAttribute("data-bv-root") || "";
    var keys = data.order.filter(function (key) {
      return form.querySelector('[data-bv-facet="' + key + '"]');
    });

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
      var order = params.get(SORT);
      sort.value = Array.prototype.some.call(sort.options, function (o) { return o.value === order; }) ? order : sort.options[0].value;
    }

    function toAddress() {
      var params = new URLSearchParams(window.location.search);
      var now = chosen();
      keys.forEach(function (key) {
        var name = data.facets[key].parameter;
        params.delete(name);
        (now[key] || []).forEach(function (value) { params.append(name, value); });
      });
      if (sort.selectedIndex > 0) params.set(SORT, sort.value); else params.delete(SORT);
      var query = params.toString();
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    }

    function labels(key, values) {
      var names = data.facets[key].values;
      return values.map(function (id) { return names[id] || id; }).join(", ");
    }

    function describe(now) {
      var parts = keys.filter(function (key) { return now[key]; }).map(function (key) {
        return data.facets[key].label + ": " + labels(key, now[key]).replace(/, ([^,]*)$/, " of $1");
      });
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

    function meta(example) {
      var parts = [];
      ["direction", "phase", "location", "target_group"].forEach(function (key) {
        var facet = data.facets[key];
        if (facet && example[key] && example[key].length) parts.push(facet.plural + ": " + labels(key, example[key]));
      });
      return parts;
    }

    function rank(example) {
      var level = (example.evidence || [])[0];
      return data.evidence.order.indexOf(level);
    }

    function render() {
      var now = chosen();
      var found = data.examples.filter(function (example) {
        return Object.keys(now).every(function (key) {
          return now[key].some(function (value) { return (example[key] || []).indexOf(value) !== -1; });
        });
      });
      if (sort.value === "bewijs") {
        found = found.slice().sort(function (a, b) { return rank(b) - rank(a); });  // stable: by name within a level
      }
      results.textContent = "";
      found.forEach(function (example) {
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
        item.appendChild(element("p", "bv-summary", example.summary));
        var level = (example.evidence || [])[0];
        if (level) {
          var badges = element("p", "bv-badges");
          badges.appendChild(element("span", "bv-badge bv-evidence bv-evidence-" + level, "Bewijs: " + (data.evidence.values[level] || level)));
          item.appendChild(badges);
        }
        meta(example).forEach(function (line) { item.appendChild(element("p", "bv-wijzer-meta", line)); });
        results.appendChild(item);
      });
      summaries(now);
      chosenLine.textContent = describe(now);
      status.textContent = countText(found.length);
    }

    form.addEventListener("change", function () { toAddress(); render(); });
    form.addEventListener("submit", function (event) { event.preventDefault(); render(); });
    form.addEventListener("reset", function () {
      window.setTimeout(function () { toAddress(); render(); }, 0);
    });
    window.addEventListener("popstate", function () { fromAddress(); render(); });
    fromAddress();
    render();
  }

  function failed(root) {
    root.querySelector(".bv-wijzer-status").textContent =
      "De voorbeelden konden niet worden geladen. Bekijk de voorbeelden per oplossingsrichting.";
  }

  function start() {
    var roots = document.querySelectorAll("[data-bv-wijzer]");
    if (!roots.length) return;
    if (window.bvWijzerData) {
      each(roots, function (root) { init(root, window.bvWijzerData); });
      return;
    }
    // the data is a script (works from file://), added once the page has painted
    var script = document.createElement("script");
    script.src = roots[0].getAttribute("data-bv-script");
    script.onload = function () {
      each(roots, function (root) { if (window.bvWijzerData) init(root, window.bvWijzerData); else failed(root); });
    };
    script.onerror = function () { each(roots, failed); };
    window.requestAnimationFrame(function () { window.setTimeout(function () { document.head.appendChild(script); }, 0); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
