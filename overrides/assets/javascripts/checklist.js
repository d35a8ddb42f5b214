/*
 * A track's checklist on screen and on paper. Each domain's heading row becomes a button that folds and unfolds
 * the domain's skills (on screen only: a printed sheet shows every skill). "Print this checklist" prints the
 * track's checklist alone, from the top of page 1, as the logbook sheet print.css makes of it: while the
 * attribute below is on the page, print.css hides everything else; it goes once the browser has finished
 * printing (or the reader has cancelled).
 */
(function () {
  "use strict";

  var PRINTING = "data-cm-printing";

  function foldable() {
    document.querySelectorAll("table.cm-checklist span.cm-fold").forEach(function (heading) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "cm-fold";
      button.setAttribute("aria-expanded", "true");
      while (heading.firstChild) button.appendChild(heading.firstChild);
      heading.replaceWith(button);
    });
  }

  document.addEventListener("click", function (event) {
    var fold = event.target.closest("table.cm-checklist button.cm-fold");
    if (fold) {
      var open = fold.getAttribute("aria-expanded") !== "true";
      fold.setAttribute("aria-expanded", String(open));
      fold.closest("tbody").toggleAttribute("data-cm-folded", !open);
      return;
    }
    var button = event.target.closest("[data-cm-print-checklist] .cm-print-action button");
    if (!button) return;
    document.documentElement.setAttribute(PRINTING, "checklist");
    window.print();
  });

  window.addEventListener("afterprint", function () {
    document.documentElement.removeAttribute(PRINTING);
  });

  // Loaded by on-demand.js, after Material's bundle. document$ replays the page shown now and emits
  // again after each instant navigation, which swaps pages without running their scripts.
  document$.subscribe(foldable);
})();
