/*
 * Searching for skill IDs (US-KNEE-INJ) and hyphenated words (ultrasound-guided).
 *
 * Material passes the query to lunr, whose query syntax reads a hyphen as "must not contain": typed as is,
 * "FL-ANATOMY" looks for "FL" in pages that do not contain "anatomy", so the skill itself is never found.
 * As the reader types, each hyphen between two letters or digits becomes U+2011, the non-breaking hyphen:
 * it looks the same, lunr's query syntax leaves it alone, and the search separator in mkdocs.yml splits
 * words at it just as it splits the pages' words at "-".
 */
(function () {
  "use strict";

  var HYPHEN_IN_A_WORD = /([\p{L}\p{N}])-(?=[\p{L}\p{N}])/gu;

  // Capture phase: this runs before Material reads the value (on keyup, after this input event).
  document.addEventListener("input", function (event) {
    var input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.classList.contains("md-search__input")) return;
    var value = input.value.replace(HYPHEN_IN_A_WORD, "$1\u2011");
    if (value === input.value) return;
    var start = input.selectionStart;
    var end = input.selectionEnd;
    input.value = value; // one character for one: the caret stays where it was
    input.setSelectionRange(start, end);
  }, true);
})();
