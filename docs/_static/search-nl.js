/* The Dutch search page.
 *
 * - Sphinx 9.0 with language = "nl": the Dutch message catalogue has empty texts for the search
 *   count, and its plural rule returns true/false where an index is expected, so the search page
 *   throws an error after listing the results. Give those messages Dutch texts and let every
 *   other untranslated plural fall back to the original text.
 * - Result lines read as Dutch: "praktijkvoorbeeld, in Buurtbemiddeling" rather than
 *   "buurtverbinding praktijkvoorbeeld, inBuurtbemiddeling".
 * - Pages for professionals rank above the English developer section (dev/, changelog).
 * - Snippets keep a space between blocks ("Zondebok Buurtbemiddeling Aanpak ...", not
 *   "BuurtbemiddelingAanpak"): Sphinx takes the text of the page without the breaks.
 */
(function () {
  "use strict";
  var dutch = {
    "Search finished, found one page matching the search query.": [
      "Klaar met zoeken: één pagina gevonden.",
      "Klaar met zoeken: ${resultCount} pagina's gevonden."
    ]
  };
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
    if (typeof Scorer !== "undefined" && !Scorer.score) {
      Scorer.score = function (result) {
        return developers(result[0]) ? result[4] - 1000 : result[4];
      };
    }
  }
  document.addEventListener("DOMContentLoaded", ready);
})();
