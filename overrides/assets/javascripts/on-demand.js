/*
 * Scripts that only some pages need (the table sorter, the self-assessment, a checklist's folding and
 * printing), fetched once a page that needs them is shown, so that other pages do not download them.
 *
 * A <script> in a page's template would not do: Material's instant navigation swaps the page content
 * without running the new page's scripts. document$ emits for the first page and after every instant
 * navigation; each script listed here subscribes to document$ itself when it runs, or listens on the
 * document, which instant navigation keeps.
 */
(function () {
  "use strict";

  var folder = new URL(".", document.currentScript.src); // assets/javascripts/
  var NEEDED_BY = [
    ["table[data-sortable]", ["vendor/tablesort/tablesort.min.js", "vendor/tablesort/tablesort.number.min.js", "tables.js"]],
    ["[data-cm-self-assessment]", ["self-assessment.js"]],
    ["[data-cm-print-checklist]", ["checklist.js"]],
  ];
  var requested = {};

  // One after another: tables.js needs tablesort, which its plug-in extends.
  function load(names) {
    if (!names.length) return;
    if (requested[names[0]]) return load(names.slice(1));
    requested[names[0]] = true;
    var script = document.createElement("script");
    script.src = new URL(names[0], folder).href;
    script.onload = function () {
      load(names.slice(1));
    };
    document.body.appendChild(script);
  }

  document$.subscribe(function () {
    NEEDED_BY.forEach(function (need) {
      if (document.querySelector(need[0])) load(need[1]);
    });
  });
})();
