/* Sphinx 9.0 with language = "nl": the Dutch message catalogue has empty texts for the search
   count, and its plural rule returns true/false where an index is expected, so the search page
   throws an error after listing the results. Give those messages Dutch texts and let every
   other untranslated plural fall back to the original text. */
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
})();
