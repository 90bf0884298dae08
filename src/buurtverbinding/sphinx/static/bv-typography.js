/* buurtverbinding.sphinx, bv_dutch_typography: the soft hyphens that the build puts into long
 * words of headings are for the screen. A printout (and the text layer of a PDF, where a soft
 * hyphen becomes a space) gets the plain words: they are taken out before printing and put back
 * afterwards. */
(function () {
  "use strict";
  var SOFT = /\u00ad/g;
  var taken = [];
  window.addEventListener("beforeprint", function () {
    var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeValue.indexOf("\u00ad") !== -1) {
        taken.push([node, node.nodeValue]);
        node.nodeValue = node.nodeValue.replace(SOFT, "");
      }
    }
  });
  window.addEventListener("afterprint", function () {
    taken.forEach(function (pair) { pair[0].nodeValue = pair[1]; });
    taken = [];
  });
})();
