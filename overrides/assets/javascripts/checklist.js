/*
 * A track's checklist on screen and on paper. Each domain's heading row becomes a button that folds and unfolds
 * the domain's skills (on screen only: a printed sheet shows every skill). Domains start open, and folded on a
 * phone (curriculum.css); the domains a reader opened or folded stay so for the page during the visit
 * (sessionStorage), so that Back, which Material answers by restoring the page's scroll, finds the same layout
 * and so the same skill. "Print this checklist" prints the track's checklist alone, from the top of page 1, as
 * the logbook sheet print.css makes of it: while the attribute below is on the page, print.css hides everything
 * else; it goes once the browser has finished printing (or the reader has cancelled).
 */
(function () {
  "use strict";

  var PRINTING = "data-cm-printing";
  // The same query as curriculum.css's: where it holds, a domain nobody opened is folded.
  var PHONE = window.matchMedia("screen and (max-width: 44.9375em) and (scripting: enabled)");

  function domains() {
    return document.querySelectorAll("[data-cm-print-checklist] table.cm-checklist tbody");
  }

  function isOpen(tbody) {
    if (tbody.hasAttribute("data-cm-open")) return true;
    return !tbody.hasAttribute("data-cm-folded") && !PHONE.matches;
  }

  function showState() {
    domains().forEach(function (tbody) {
      var button = tbody.querySelector("button.cm-fold");
      if (button) button.setAttribute("aria-expanded", String(isOpen(tbody)));
    });
  }

  function remembered() {
    try {
      return JSON.parse(sessionStorage.getItem("cm-folds:" + location.pathname)) || {};
    } catch (error) {
      return {}; // storage refused (private mode) or unreadable: the page's defaults
    }
  }

  function setOpen(tbody, open) {
    tbody.toggleAttribute("data-cm-open", open);
    tbody.toggleAttribute("data-cm-folded", !open);
  }

  function foldable() {
    var chosen = remembered();
    domains().forEach(function (tbody, index) {
      var heading = tbody.querySelector("span.cm-fold");
      if (!heading) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "cm-fold";
      while (heading.firstChild) button.appendChild(heading.firstChild);
      heading.replaceWith(button);
      if (index in chosen) setOpen(tbody, chosen[index]);
    });
    showState();
  }

  function remember() {
    var chosen = {};
    domains().forEach(function (tbody, index) {
      if (tbody.hasAttribute("data-cm-open") || tbody.hasAttribute("data-cm-folded")) chosen[index] = isOpen(tbody);
    });
    try {
      sessionStorage.setItem("cm-folds:" + location.pathname, JSON.stringify(chosen));
    } catch (error) {
      // not remembered: Back shows the page's defaults
    }
  }

  document.addEventListener("click", function (event) {
    var fold = event.target.closest("table.cm-checklist button.cm-fold");
    if (fold) {
      var tbody = fold.closest("tbody");
      setOpen(tbody, !isOpen(tbody));
      showState();
      remember();
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
  PHONE.addEventListener("change", showState);
})();
