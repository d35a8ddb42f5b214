/*
 * Find my gap (docs/self-assessment.md): the fellow ticks the skills they hold; each track shows how many of
 * its skills that covers and which remain, and the best-fitting track is named.
 *
 * The page is complete without this script (the checklist is server-rendered). Everything the script needs
 * comes from the page itself: the curriculum data as JSON in the data-cm-self-assessment attribute, the
 * results markup with every track's skills. Ticks stay in this browser (localStorage) and in files the fellow saves; nothing is sent.
 */
(function () {
  "use strict";

  // GitHub Pages serves every project site of an account from one origin, hence one localStorage:
  // the key carries the site's own path. This file lives in <site>/assets/javascripts/.
  var script = document.currentScript;
  var siteRoot = script ? new URL("../../", script.src).pathname : "/";
  var STORAGE_KEY = siteRoot + "#self-assessment";
  var LARGEST_FILE = 1024 * 1024;

  function setUp(root) {
    var data = JSON.parse(root.getAttribute("data-cm-self-assessment"));
    var known = new Set(data.skills);
    var boxes = Array.prototype.slice.call(root.querySelectorAll('input[type="checkbox"][name="have"]'));
    var results = document.querySelector("[data-cm-results]");
    var message = root.querySelector("[data-cm-message]");
    var summary = root.querySelector("[data-cm-summary]");
    var fileInput = root.querySelector("[data-cm-import]");

    function held() {
      return new Set(boxes.filter(function (box) { return box.checked; }).map(function (box) { return box.value; }));
    }

    function show(skills) {
      boxes.forEach(function (box) { box.checked = skills.has(box.value); });
    }

    function say(text) {
      message.textContent = text;
    }

    // -- the saved format: the same for localStorage and for files --------------------------------

    function documentOf(skills, saved) {
      var ticks = {};
      data.skills.forEach(function (id) { ticks[id] = skills.has(id); });
      var doc = { format: data.format, version: data.version, curriculum_version: data.curriculum_version };
      if (saved) doc.saved = saved;
      doc.skills = ticks;
      return doc;
    }

    // The skills a saved document ticks. Throws an Error whose message tells the fellow what is wrong.
    function skillsOf(text) {
      var doc;
      try {
        doc = JSON.parse(text);
      } catch (error) {
        throw new Error("This file is not valid JSON, so it cannot be read.");
      }
      if (doc === null || typeof doc !== "object" || Array.isArray(doc) || doc.format !== data.format) {
        throw new Error("This file was not saved from this page: it does not say it holds self-assessment ticks.");
      }
      if (doc.version !== data.version) {
        throw new Error("This file uses format version " + shorten(String(doc.version)) +
          "; this page reads version " + data.version + ".");
      }
      var ticks = doc.skills;
      if (ticks === null || typeof ticks !== "object" || Array.isArray(ticks)) {
        throw new Error("This file has no list of skills.");
      }
      var ids = Object.keys(ticks);
      var unknown = ids.filter(function (id) { return !known.has(id); });
      if (unknown.length) {
        throw new Error("This file names " + unknown.length + " skill" + (unknown.length === 1 ? "" : "s") +
          " that this curriculum (version " + data.curriculum_version + ") does not have: " +
          unknown.slice(0, 5).map(shorten).join(", ") + (unknown.length > 5 ? ", …" : "") + ".");
      }
      var notYesNo = ids.filter(function (id) { return typeof ticks[id] !== "boolean"; });
      if (notYesNo.length) {
        throw new Error("In this file, " + notYesNo.slice(0, 5).join(", ") + " should be true or false.");
      }
      return new Set(ids.filter(function (id) { return ticks[id]; }));
    }

    function shorten(text) {
      return text.length > 40 ? text.slice(0, 40) + "…" : text;
    }

    function save() {
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify(documentOf(held())));
      } catch (error) {
        say("This browser does not let the page keep your ticks; they will be gone when you leave. " +
          "Save them to a file to keep them.");
      }
    }

    // Unlike a file, what this page saved itself is taken leniently: a skill the curriculum has since
    // dropped is left out rather than losing every other tick.
    function restore() {
      var doc = null;
      try {
        doc = JSON.parse(localStorage.getItem(STORAGE_KEY));
      } catch (error) {
        doc = undefined;
      }
      if (doc === null) return;
      var ticks = doc && doc.format === data.format && doc.version === data.version ? doc.skills : null;
      if (!ticks || typeof ticks !== "object") {
        say("Your earlier ticks could not be read. Tick your skills again, or load them from a saved file.");
        return;
      }
      show(new Set(Object.keys(ticks).filter(function (id) { return ticks[id] === true && known.has(id); })));
    }

    function forget() {
      try {
        localStorage.removeItem(STORAGE_KEY);
      } catch (error) {
        // Nothing was saved where nothing can be saved.
      }
    }

    // -- results ----------------------------------------------------------------------------------

    function progress(skills) {
      return data.tracks.map(function (track, index) {
        var have = track.skills.filter(function (id) { return skills.has(id); }).length;
        return { track: track, index: index, have: have, total: track.skills.length, remaining: track.skills.length - have };
      });
    }

    // The best fit: the track whose checklist the fellow already holds the largest share of, among the tracks
    // that still have something to teach them; on a tie, the one with fewer skills left, then the first listed.
    // docs/self-assessment.md explains the rule to fellows: change both together.
    function bestFit(rows, skills) {
      if (skills.size === 0) return null;
      var open = rows.filter(function (row) { return row.remaining > 0; });
      open.sort(function (a, b) {
        return (b.have * a.total - a.have * b.total) || (a.remaining - b.remaining) || (a.index - b.index);
      });
      return open.length ? open[0] : null;
    }

    function trackName(id) {
      return results.querySelector('tr[data-cm-track="' + id + '"] th a').textContent;
    }

    function plural(count, word) {
      return count + " " + word + (count === 1 ? "" : "s");
    }

    function update() {
      var skills = held();
      var rows = progress(skills);
      var best = bestFit(rows, skills);
      rows.forEach(function (row) {
        var id = row.track.id;
        var line = results.querySelector('tr[data-cm-track="' + id + '"]');
        line.querySelector("[data-cm-have]").textContent = row.have + " of " + row.total;
        line.querySelector("[data-cm-remaining]").textContent = String(row.remaining);
        line.querySelector("[data-cm-badge]").hidden = row !== best;
        var details = results.querySelector('details[data-cm-track="' + id + '"]');
        details.querySelector("summary [data-cm-remaining]").textContent =
          row.remaining ? plural(row.remaining, "skill") + " still to learn" : "nothing left to learn";
        details.querySelectorAll("[data-cm-skill]").forEach(function (item) {
          item.hidden = skills.has(item.getAttribute("data-cm-skill"));
        });
        details.querySelectorAll("[data-cm-domain]").forEach(function (group) {
          group.hidden = !group.querySelector("[data-cm-skill]:not([hidden])");
        });
        details.querySelector("[data-cm-complete]").hidden = row.remaining > 0;
      });
      var verdict;
      if (skills.size === 0) {
        verdict = "Tick the skills you hold to see which track fits you best.";
      } else if (!best) {
        verdict = "You hold every skill of every track.";
      } else {
        verdict = "Best fit: " + trackName(best.track.id) + ". You hold " + best.have + " of its " +
          best.total + " skills; " + best.remaining + " remain.";
      }
      results.querySelector("[data-cm-best]").textContent = verdict;
      summary.textContent = "You have ticked " + plural(skills.size, "skill") + " of " + data.skills.length + ". " +
        (best ? "Best fit: " + trackName(best.track.id) + "." : "");
    }

    // -- actions ----------------------------------------------------------------------------------

    function changed() {
      save();
      update();
    }

    var actions = {
      baseline: function () {
        var skills = held();
        data.baseline.forEach(function (id) { skills.add(id); });
        show(skills);
        changed();
        say("Ticked the " + plural(data.baseline.length, "skill") + " a typical anaesthesia residency gives. " +
          "Untick any you do not hold.");
      },
      export: function () {
        var now = new Date();
        var blob = new Blob([JSON.stringify(documentOf(held(), now.toISOString()), null, 2) + "\n"],
          { type: "application/json" });
        var link = document.createElement("a");
        link.href = URL.createObjectURL(blob);
        link.download = "find-my-gap-" + now.toISOString().slice(0, 10) + ".json";
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(function () { URL.revokeObjectURL(link.href); }, 0);
        say("Saved your " + plural(held().size, "tick") + " to the file " + link.download + ".");
      },
      import: function () {
        fileInput.value = "";
        fileInput.click();
      },
      reset: function () {
        var count = held().size;
        if (!count) {
          say("There are no ticks to clear.");
          return;
        }
        if (!window.confirm("Clear all " + plural(count, "tick") + "? This cannot be undone, " +
          "unless you have saved them to a file.")) {
          say("Nothing was cleared.");
          return;
        }
        show(new Set());
        forget();
        update();
        say("Cleared all ticks.");
      },
    };

    fileInput.addEventListener("change", function () {
      var file = fileInput.files[0];
      if (!file) return;
      if (file.size > LARGEST_FILE) {
        say("Not loaded: " + file.name + " is too large to be a file saved from this page. Nothing was changed.");
        return;
      }
      file.text().then(function (text) {
        var skills;
        try {
          skills = skillsOf(text);
        } catch (error) {
          say("Not loaded: " + error.message + " Nothing was changed.");
          return;
        }
        show(skills);
        changed();
        say("Loaded " + plural(skills.size, "tick") + " from " + file.name + ".");
      });
    });

    root.querySelectorAll("[data-cm-action]").forEach(function (button) {
      button.addEventListener("click", function () { actions[button.getAttribute("data-cm-action")](); });
    });
    boxes.forEach(function (box) { box.addEventListener("change", changed); });

    restore();
    update();
    root.querySelector("[data-cm-tools]").hidden = false;
    root.querySelector("[data-cm-summary-bar]").hidden = false;
    results.hidden = false;
  }

  function onPage() {
    var root = document.querySelector("[data-cm-self-assessment]");
    if (root && !root.hasAttribute("data-cm-ready")) {
      root.setAttribute("data-cm-ready", "");
      setUp(root);
    }
  }

  // Loaded by on-demand.js, after Material's bundle. document$ replays the page shown now and emits
  // again after each instant navigation, which swaps pages without running their scripts.
  document$.subscribe(onPage);
})();
