// Accessibility fixes that need a script; the ones CSS can make are in curriculum.css.
//
// Material wraps every Markdown table in a scroll box (.md-typeset__scrollwrap) that a keyboard cannot
// reach, so on a phone the columns beyond the screen are out of reach without a mouse (WCAG 2.1.1).
// A box that actually scrolls becomes a named, focusable region; arrow keys then scroll it. Whether
// it scrolls depends on the screen width, so it is checked again whenever the box is resized.
(function () {
  "use strict";

  function nameOf(box) {
    var caption = box.querySelector("caption");
    if (caption && caption.textContent.trim()) {
      return caption.textContent.trim();
    }
    for (var node = box; node && node !== document.body; node = node.parentElement) {
      for (var before = node.previousElementSibling; before; before = before.previousElementSibling) {
        if (/^H[1-6]$/.test(before.tagName)) {
          return "Table: " + before.textContent.replace(/¶$/, "").trim();
        }
      }
    }
    return "Table";
  }

  function update(box) {
    if (box.scrollWidth > box.clientWidth + 1) {
      box.tabIndex = 0;
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", nameOf(box));
    } else {
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
    }
  }

  var resized = new ResizeObserver(function (entries) {
    entries.forEach(function (entry) {
      update(entry.target);
    });
  });

  // document$ emits on the first load and after every instant navigation, once Material has wrapped the tables.
  document$.subscribe(function () {
    resized.disconnect();
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
      resized.observe(box);
    });
  });
})();
