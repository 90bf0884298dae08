/* The Dutch search page.
 *
 * - Sphinx 9.0 with language = "nl": the Dutch message catalogue has empty texts for the search
 *   count, and its plural rule returns true/false where an index is expected, so the search page
 *   throws an error after listing the results. Give those messages Dutch texts and let every
 *   other untranslated plural fall back to the original text.
 * - Result lines read as Dutch: "praktijkvoorbeeld, in Buurtbemiddeling" rather than
 *   "buurtverbinding praktijkvoorbeeld, inBuurtbemiddeling".
 * - Sphinx's search lists only the developer section (dev/, changelog), under "Voor
 *   ontwikkelaars", below the professional results of bv-sitesearch.js (the catalogue's Dutch
 *   search); when it finds no developer page, its part of the page stays hidden.
 * - Snippets keep a space between blocks ("Zondebok Buurtbemiddeling Aanpak ...", not
 *   "BuurtbemiddelingAanpak"): Sphinx takes the text of the page without the breaks.
 */
(function () {
  "use strict";
  var dutch = {
    "Search finished, found one page matching the search query.": [
      "Eén Engelstalige pagina voor ontwikkelaars gevonden.",
      "${resultCount} Engelstalige pagina's voor ontwikkelaars gevonden."
    ]
  };
  Documentation.TRANSLATIONS["Search Results"] = "Voor ontwikkelaars";
  Documentation.TRANSLATIONS["Searching"] = "Voor ontwikkelaars";
  Documentation.TRANSLATIONS["Preparing search..."] = "";
  var original = Documentation.ngettext;
  Documentation.ngettext = function (singular, plural, n) {
    if (dutch[singular]) return dutch[singular][n === 1 ? 0 : 1];
    var text = original(singular, plural, n);
    return typeof text === "string" && text ? text : (n === 1 ? singular : plural);
  };
  Documentation.TRANSLATIONS[", in "] = ", in ";  // the catalogue has "in", without comma and space

  function developers(docname) {
    return docname.indexOf("dev/") === 0 || docname === "changelog";
  }

  function plainNames(index) {
    Object.keys((index && index.objnames) || {}).forEach(function (key) {
      var name = index.objnames[key];
      if (name && name[0] === "bv") name[2] = name[2].replace(/^buurtverbinding /, "");
    });
  }

  function ready() {
    if (typeof Search === "undefined") return;
    // From file:// the browser refuses to fetch the pages for their summaries: list titles only.
    if (window.location.protocol === "file:" && typeof DOCUMENTATION_OPTIONS !== "undefined") {
      DOCUMENTATION_OPTIONS.SHOW_SEARCH_SUMMARY = false;
    }
    plainNames(Search._index);
    var htmlToText = Search.htmlToText;
    if (htmlToText) {
      Search.htmlToText = function (html, anchor) {
        return htmlToText.call(Search, html.replace(/<\/(dt|dd|p|li|h[1-6]|td|th|caption|div)>/g, "$& "), anchor);
      };
    }
    var setIndex = Search.setIndex;
    Search.setIndex = function (index) {
      plainNames(index);
      return setIndex.call(Search, index);
    };
    var perform = Search._performSearch;
    if (perform && document.getElementById("bv-sitesearch")) {
      Search._performSearch = function () {
        var results = perform.apply(Search, arguments).filter(function (result) { return developers(result[0]); });
        var out = document.getElementById("search-results");
        if (out) out.hidden = !results.length;
        return results;
      };
    }
  }
  document.addEventListener("DOMContentLoaded", ready);
})();
