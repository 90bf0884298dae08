/* The site:
 * - the printout names the address of the page it came from (also from a downloaded copy);
 * - a table that is wider than a phone scrolls in its own box, which the keyboard can reach
 *   (tabindex) and a screen reader can name (role="region" with the table's caption or heading).
 */
(function () {
  "use strict";
  var address = document.querySelector(".bv-page-address");
  if (address && /^(https?|file):/.test(window.location.protocol)) {
    address.textContent = window.location.href.split("#")[0];
  }

  function reachable() {
    Array.prototype.forEach.call(document.querySelectorAll(".table-wrapper"), function (box) {
      if (box.scrollWidth > box.clientWidth + 1) {
        if (!box.hasAttribute("tabindex")) {
          var caption = box.querySelector("caption");
          var section = box.closest("section");
          var heading = section && section.querySelector("h1, h2, h3, h4");
          box.setAttribute("tabindex", "0");
          box.setAttribute("role", "region");
          box.setAttribute("aria-label", "Tabel: " + ((caption || heading || {}).textContent || "").replace(/\u00ad/g, "").replace(/[#¶]\s*$/, "").trim());
        }
      } else if (box.getAttribute("role") === "region") {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    });
  }
  reachable();
  window.addEventListener("resize", reachable);
})();
