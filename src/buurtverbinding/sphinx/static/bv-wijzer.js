/* buurtverbinding.sphinx: the Interventiewijzer.
 *
 * Filters the practical examples in the browser. The data is the JSON file that the Sphinx
 * build writes into _static (no server, no CDN). Every control is a labelled <select>; the
 * number found is announced in a live region; filters can be preset in the address, e.g.
 * ?richting=ontmoeting&fase=spanningen, and the address follows the choices.
 */
(function () {
  "use strict";

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

  function init(root) {
    var form = root.querySelector("form");
    var status = root.querySelector(".bv-wijzer-status");
    var results = root.querySelector(".bv-wijzer-results");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var base = root.getAttribute("data-bv-root") || "";

    function fromAddress() {
      var params = new URLSearchParams(window.location.search);
      selects.forEach(function (select) {
        var wanted = params.get(select.name) || "";
        var known = Array.prototype.some.call(select.options, function (o) { return o.value === wanted; });
        select.value = known ? wanted : "";
      });
    }

    function toAddress() {
      var params = new URLSearchParams(window.location.search);
      selects.forEach(function (select) {
        if (select.value) params.set(select.name, select.value); else params.delete(select.name);
      });
      var query = params.toString();
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    }

    function render(data) {
      var chosen = {};
      Object.keys(data.facets).forEach(function (facet) {
        var select = form.querySelector('select[name="' + data.facets[facet].parameter + '"]');
        if (select && select.value) chosen[facet] = select.value;
      });
      var found = data.examples.filter(function (example) {
        return Object.keys(chosen).every(function (facet) { return example[facet].indexOf(chosen[facet]) !== -1; });
      });
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
        var labels = data.facets.direction.values;
        var directions = example.direction.map(function (id) { return labels[id] || id; }).join(", ");
        var phases = example.phase.map(function (id) { return data.facets.phase.values[id] || id; }).join(", ");
        item.appendChild(element("p", "bv-wijzer-meta", "Richting: " + directions + " · Fase: " + phases));
        results.appendChild(item);
      });
      status.textContent = countText(found.length);
    }

    fromAddress();
    fetch(root.getAttribute("data-bv-data"))
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then(function (data) {
        selects.forEach(function (select) {
          select.addEventListener("change", function () { toAddress(); render(data); });
        });
        form.addEventListener("submit", function (event) { event.preventDefault(); render(data); });
        form.addEventListener("reset", function () {
          window.setTimeout(function () { toAddress(); render(data); }, 0);
        });
        window.addEventListener("popstate", function () { fromAddress(); render(data); });
        render(data);
      })
      .catch(function () {
        status.textContent = "De voorbeelden konden niet worden geladen. Open de site via een webserver, " +
          "of bekijk de voorbeelden per oplossingsrichting.";
      });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-bv-wijzer]"), init);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
