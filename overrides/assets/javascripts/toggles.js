// Material's drawer and search open and close with two checkboxes at the top of every page. Firefox
// brings back the state of checkboxes when a page is reloaded, so the menu or search would reopen by
// itself. Material stopped that with autocomplete="off", which HTML does not allow on a checkbox
// (overrides/base.html leaves it out); this closes them instead, once, when a page is loaded. A click
// is how Material itself sets them, so its own state follows.
(function () {
  "use strict";

  ["drawer", "search"].forEach(function (name) {
    var toggle = document.querySelector("[data-md-toggle=" + name + "]");
    if (toggle && toggle.checked) toggle.click();
  });
})();
