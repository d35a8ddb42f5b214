/*
 * Sortable curriculum tables. A table rendered with data-sortable (the track comparison) becomes sortable
 * by each column whose cells carry a data-sort value; the vendored tablesort does the sorting.
 * Each sortable heading gets a real button, so it is reached with Tab and pressed with Enter or Space,
 * and tablesort's aria-sort on the heading tells screen readers the order.
 */
(function () {
  "use strict";

  function sortable(table) {
    var headings = table.tHead.rows[table.tHead.rows.length - 1].cells;
    var firstRow = table.tBodies[0] && table.tBodies[0].rows[0];
    Array.prototype.forEach.call(headings, function (heading, column) {
      var cell = firstRow && firstRow.cells[column];
      if (!cell || !cell.hasAttribute("data-sort")) {
        heading.setAttribute("data-sort-method", "none");
        return;
      }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "cm-sort";
      while (heading.firstChild) button.appendChild(heading.firstChild);
      heading.appendChild(button);
    });
    new Tablesort(table);
    // tablesort also makes each heading focusable; the button inside is the one stop a keyboard needs.
    Array.prototype.forEach.call(headings, function (heading) {
      heading.removeAttribute("tabindex");
      if (heading.getAttribute("data-sort-method") === "none") heading.removeAttribute("role");
    });
  }

  function onPage() {
    document.querySelectorAll("table[data-sortable]:not([data-cm-sort-ready])").forEach(function (table) {
      table.setAttribute("data-cm-sort-ready", "");
      sortable(table);
    });
  }

  // Loaded by on-demand.js, after Material's bundle. document$ replays the page shown now and emits
  // again after each instant navigation, which swaps pages without running their scripts.
  document$.subscribe(onPage);
})();
