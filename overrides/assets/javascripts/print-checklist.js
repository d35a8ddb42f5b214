/*
 * "Print this checklist" on a track page: prints the track's checklist alone, from the top of page 1, as the
 * logbook sheet print.css makes of it. While the attribute below is on the page, print.css hides everything
 * else; it goes once the browser has finished printing (or the reader has cancelled).
 */
(function () {
  "use strict";

  var PRINTING = "data-cm-printing";

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-cm-print-checklist] .cm-print-action button");
    if (!button) return;
    document.documentElement.setAttribute(PRINTING, "checklist");
    window.print();
  });

  window.addEventListener("afterprint", function () {
    document.documentElement.removeAttribute(PRINTING);
  });
})();
