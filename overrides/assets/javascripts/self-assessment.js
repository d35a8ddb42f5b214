/*
 * Find my gap (docs/self-assessment.md): the reader gives their specialty and a level for each skill, on the
 * scale that skill is rated on (the entrustment scale, or the milestone scale for knowledge and professional
 * skills); for each track the page shows the skills below its targets for the reader's specialty and the total
 * shortfall in levels, names the best-fitting fellowship with one sentence saying why, and suggests the
 * workshops and exam modules that go with it.
 *
 * The page is complete without this script (the form is server-rendered). Everything the script needs
 * comes from the page itself: the curriculum data as JSON in the data-cm-self-assessment attribute, the
 * results markup with every track's skills. Levels stay in this browser (localStorage) and in files the
 * reader saves; nothing is sent. docs/self-assessment.md describes the rules and the file format: change
 * both together.
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
    var backgrounds = {};
    data.backgrounds.forEach(function (background) { backgrounds[background.id] = background.title; });
    var selects = Array.prototype.slice.call(root.querySelectorAll("select[data-cm-skill]"));
    var specialtyBox = root.querySelector("#cm-sa-specialty");
    var results = document.querySelector("[data-cm-results]");
    var message = root.querySelector("[data-cm-message]");
    var summary = root.querySelector("[data-cm-summary]");
    var fileInput = root.querySelector("[data-cm-import]");

    // -- the reader's answers: {specialty, levels: {skill ID: 0 (not yet done) to top}} ----------------

    function current() {
      var levels = {};
      selects.forEach(function (box) { levels[box.getAttribute("data-cm-skill")] = Number(box.value); });
      return { specialty: specialtyBox.value, levels: levels };
    }

    function show(answers) {
      selects.forEach(function (box) { box.value = String(answers.levels[box.getAttribute("data-cm-skill")] || 0); });
      if (answers.specialty) specialtyBox.value = answers.specialty;
    }

    function rated(levels) {
      return data.skills.filter(function (id) { return levels[id] > 0; }).length;
    }

    function say(text) {
      message.textContent = text;
    }

    function plural(count, word) {
      return count + " " + word + (count === 1 ? "" : "s");
    }

    function skillTitle(id) {
      return root.querySelector('label[for="level-' + id + '"] [data-cm-title]').textContent;
    }

    // -- scales and targets ----------------------------------------------------------------------

    function isMilestone(id) {
      return data.skill_scales[id] === "milestones";
    }

    function top(id) {
      return data.scales[data.skill_scales[id]].levels.length;
    }

    // "level 3", or "milestone level 3" for a skill rated on the milestone scale.
    function levelWords(id, level) {
      return (isMilestone(id) ? "milestone level " : "level ") + level;
    }

    // A track's target in a skill for fellows from the reader's specialty: its own, unless it sets another.
    function targetOf(track, id, specialty) {
      var own = track.targets_for[specialty];
      return own && id in own ? own[id] : track.targets[id];
    }

    // Version 2 files rated every skill on the entrustment scale: the skills now on the milestone scale that
    // such a file gives a level, for the reader to check.
    function nowOnMilestones(levels) {
      return Object.keys(levels).filter(function (id) { return levels[id] > 0 && isMilestone(id); });
    }

    // -- the saved format: the same for localStorage and for files --------------------------------

    function documentOf(answers, saved) {
      var doc = { format: data.format, version: data.version, curriculum_version: data.curriculum_version };
      if (saved) doc.saved = saved;
      doc.specialty = answers.specialty;
      doc.levels = {};
      data.skills.forEach(function (id) { doc.levels[id] = answers.levels[id] || 0; });
      return doc;
    }

    // The answers a saved document holds. Throws an Error whose message tells the reader what is wrong.
    // Version 1 files hold ticks: a ticked skill becomes data.v1_held_level, an unticked one not yet done.
    function answersOf(text) {
      var doc;
      try {
        doc = JSON.parse(text);
      } catch (error) {
        throw new Error("This file is not valid JSON, so it cannot be read.");
      }
      if (doc === null || typeof doc !== "object" || Array.isArray(doc) || doc.format !== data.format) {
        throw new Error("This file was not saved from this page: it does not say it holds a self-assessment.");
      }
      if (doc.version !== 1 && doc.version !== 2 && doc.version !== data.version) {
        throw new Error("This file uses format version " + shorten(String(doc.version)) +
          "; this page reads versions 1, 2 and " + data.version + ".");
      }
      var values = doc.version === 1 ? doc.skills : doc.levels;
      if (values === null || typeof values !== "object" || Array.isArray(values)) {
        throw new Error("This file has no list of skills.");
      }
      var ids = Object.keys(values);
      var unknown = ids.filter(function (id) { return !known.has(id); });
      if (unknown.length) {
        throw new Error("This file names " + plural(unknown.length, "skill") +
          " that this curriculum (version " + data.curriculum_version + ") does not have: " +
          unknown.slice(0, 5).map(shorten).join(", ") + (unknown.length > 5 ? ", …" : "") + ".");
      }
      var levels = {};
      if (doc.version === 1) {
        var notYesNo = ids.filter(function (id) { return typeof values[id] !== "boolean"; });
        if (notYesNo.length) {
          throw new Error("In this file, " + notYesNo.slice(0, 5).join(", ") + " should be true or false.");
        }
        ids.forEach(function (id) { levels[id] = values[id] ? data.v1_held_level : 0; });
        return { specialty: null, levels: levels, version: 1 };
      }
      var offScale = ids.filter(function (id) { return !onScale(values[id], id); });
      if (offScale.length) {
        throw new Error("In this file, " + offScale.slice(0, 5).join(", ") + " should be a whole number from 0 " +
          "(not yet done) to " + top(offScale[0]) + ".");
      }
      if (doc.specialty !== undefined && !Object.prototype.hasOwnProperty.call(backgrounds, doc.specialty)) {
        throw new Error("This file names a specialty this page does not know: " + shorten(String(doc.specialty)) + ".");
      }
      ids.forEach(function (id) { levels[id] = values[id]; });
      return { specialty: doc.specialty || null, levels: levels, version: doc.version };
    }

    function onScale(value, id) {
      return Number.isInteger(value) && value >= 0 && value <= top(id);
    }

    // What to add when levels come from a version 2 file: which skills to check, now on the milestone scale.
    function checkMilestones(answers) {
      if (answers.version !== 2) return "";
      var moved = nowOnMilestones(answers.levels);
      return moved.length
        ? " They were saved when every skill was rated on the entrustment scale: check your levels in the " +
          plural(moved.length, "knowledge or professional skill") + " now rated on the milestone scale, such as " +
          skillTitle(moved[0]) + "."
        : "";
    }

    function shorten(text) {
      return text.length > 40 ? text.slice(0, 40) + "…" : text;
    }

    function save() {
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify(documentOf(current())));
      } catch (error) {
        say("This browser does not let the page keep your levels; they will be gone when you leave. " +
          "Save them to a file to keep them.");
      }
    }

    // Unlike a file, what this page saved itself is taken leniently: a skill the curriculum has since
    // dropped, or a value off the scale, is left out rather than losing every other answer.
    function restore() {
      var doc = null;
      try {
        doc = JSON.parse(localStorage.getItem(STORAGE_KEY));
      } catch (error) {
        doc = undefined;
      }
      if (doc === null) return;
      var ours = doc && doc.format === data.format && (doc.version === 1 || doc.version === 2 || doc.version === data.version);
      var values = ours ? (doc.version === 1 ? doc.skills : doc.levels) : null;
      if (!values || typeof values !== "object") {
        say("Your earlier levels could not be read. Choose your levels again, or load them from a saved file.");
        return;
      }
      var levels = {};
      Object.keys(values).forEach(function (id) {
        if (!known.has(id)) return;
        if (doc.version === 1) levels[id] = values[id] === true ? data.v1_held_level : 0;
        else if (onScale(values[id], id)) levels[id] = values[id];
      });
      var specialty = Object.prototype.hasOwnProperty.call(backgrounds, doc.specialty) ? doc.specialty : null;
      show({ specialty: specialty, levels: levels });
      var check = checkMilestones({ version: doc.version, levels: levels });
      if (check) say("Your earlier levels are back." + check);
    }

    function forget() {
      try {
        localStorage.removeItem(STORAGE_KEY);
      } catch (error) {
        // Nothing was saved where nothing can be saved.
      }
    }

    // -- results ----------------------------------------------------------------------------------

    // For each track: the levels it asks for in all (required) of a fellow from the reader's specialty, how
    // much of them the reader already has (reached: each skill counts up to its target), the shortfall, and the
    // skills below target.
    function measure(answers) {
      return data.tracks.map(function (track, index) {
        var required = 0;
        var reached = 0;
        var below = [];
        data.skills.forEach(function (id) {
          if (!(id in track.targets)) return;
          var target = targetOf(track, id, answers.specialty);
          var level = answers.levels[id] || 0;
          required += target;
          reached += Math.min(level, target);
          if (level < target) below.push(id);
        });
        var entry = track.admits === null ? {} : track.admits[answers.specialty];
        var missing = entry ? Object.keys(entry).filter(function (id) { return (answers.levels[id] || 0) < entry[id]; }) : [];
        return {
          track: track, index: index, required: required, reached: reached, shortfall: required - reached,
          below: below, admitted: Boolean(entry), missing: missing, entry: entry || {},
        };
      });
    }

    function isOpen(row) {
      return row.admitted && row.missing.length === 0;
    }

    // The best fit: among the fellowships open to the reader (they admit the specialty and the reader holds
    // their entry skills) that still have something to teach, the one whose target levels the reader already
    // reaches the largest share of; on a tie, the smaller shortfall, then the first listed.
    function bestFit(rows) {
      var open = rows.filter(function (row) {
        return row.track.kind === "fellowship" && isOpen(row) && row.shortfall > 0;
      });
      open.sort(function (a, b) {
        return (b.reached * a.required - a.reached * b.required) || (a.shortfall - b.shortfall) || (a.index - b.index);
      });
      return { best: open.length ? open[0] : null, open: open };
    }

    function percent(row) {
      return Math.round((100 * row.reached) / row.required);
    }

    function verdict(rows, answers) {
      var specialty = backgrounds[answers.specialty];
      var fellowships = rows.filter(function (row) { return row.track.kind === "fellowship"; });
      var fit = bestFit(rows);
      if (!rated(answers.levels)) {
        return { best: null, name: "", why: "Choose a level for the skills you hold to see which fellowship fits you best." };
      }
      if (fit.best) {
        var best = fit.best;
        var why = fit.open.length === 1
          ? "It is the only fellowship open to you (" + specialty + ") with something left to teach you: you already reach "
          : "Of the " + fit.open.length + " fellowships open to you (" + specialty + "), it is the one whose targets you " +
            "already reach the largest share of: ";
        return {
          best: best,
          name: "Best fit: " + best.track.title + ".",
          why: why + best.reached + " of the " + best.required + " levels it asks for (" + percent(best) + "%).",
        };
      }
      if (!fellowships.some(function (row) { return row.admitted; })) {
        return {
          best: null,
          name: "",
          why: "None of the academy's fellowships admits your specialty (" + specialty + "); ask the academy " +
            "whether your training could count.",
        };
      }
      var waiting = fellowships.filter(function (row) { return row.admitted && row.missing.length; });
      if (waiting.length && !fellowships.some(isOpen)) {
        var first = waiting[0];
        var skill = first.missing[0];
        return {
          best: null,
          name: "",
          why: "No fellowship is open to you yet: the " + first.track.short_title + " asks applicants from your " +
            "specialty (" + specialty + ") to hold " + skillTitle(skill) + " at level " + first.entry[skill] +
            " on entry" + (first.missing.length > 1 ? ", and " + plural(first.missing.length - 1, "more skill") : "") + ".",
        };
      }
      return {
        best: null,
        name: "",
        why: "You already reach every target of the fellowships open to you (" + specialty + "); the exam " +
          "preparation modules may suit you.",
      };
    }

    // An exam module is suggested when the reader is within one level of the targets of a fellowship that
    // prepares for the same exam, in every skill the module and that fellowship share.
    function closeFellowship(module, rows, answers) {
      return rows.filter(function (row) {
        if (row.track.kind !== "fellowship") return false;
        if (!row.track.exams.some(function (exam) { return module.track.exams.indexOf(exam) >= 0; })) return false;
        var shared = Object.keys(module.track.targets).filter(function (id) { return id in row.track.targets; });
        return shared.length > 0 && shared.every(function (id) {
          return (answers.levels[id] || 0) >= targetOf(row.track, id, answers.specialty) - 1;
        });
      })[0] || null;
    }

    function setText(element, text) {
      if (element.textContent !== text) element.textContent = text;
    }

    function yours(id, level) {
      return level ? levelWords(id, level) : "not yet done";
    }

    function complements(rows, answers, best) {
      var suggested = 0;
      rows.forEach(function (row) {
        var item = results.querySelector('[data-cm-complement="' + row.track.id + '"]');
        if (!item) return;
        var text = item.querySelector("[data-cm-complement-text]");
        if (row.track.kind === "exam-preparation") {
          var close = closeFellowship(row, rows, answers);
          item.hidden = !close;
          if (close) {
            suggested += 1;
            setText(text, "suggested, because you are within one level of the targets of the " +
              close.track.short_title + " in every skill the two share.");
          }
          return;
        }
        var inBest = best ? row.below.filter(function (id) { return best.below.indexOf(id) >= 0; }).length : 0;
        setText(text, row.below.length
          ? "takes you to its own level in " + plural(row.below.length, "skill") + " you have not reached it in" +
            (best ? ", " + inBest + " of them below the targets of your best fit." : ".")
          : "you already reach every level it teaches.");
        var gaps = item.querySelector("[data-cm-complement-gaps]");
        if (!gaps) return;
        gaps.parentElement.hidden = !row.below.length;
        gaps.replaceChildren.apply(gaps, row.below.map(function (id) {
          var li = document.createElement("li");
          li.setAttribute("data-cm-skill", id);
          li.textContent = skillTitle(id) + ": to " + levelWords(id, targetOf(row.track, id, answers.specialty));
          return li;
        }));
      });
      results.querySelector("[data-cm-no-exam-module]").hidden = suggested > 0 ||
        !data.tracks.some(function (track) { return track.kind === "exam-preparation"; });
    }

    function openTo(row, answers) {
      if (!row.admitted) return "No: it does not admit " + backgrounds[answers.specialty];
      if (row.missing.length) {
        return "Once you hold " + row.missing.map(function (id) {
          return skillTitle(id) + " at level " + row.entry[id];
        }).join(", ");
      }
      return "Yes";
    }

    function update() {
      var answers = current();
      var rows = measure(answers);
      var result = verdict(rows, answers);
      rows.forEach(function (row) {
        var id = row.track.id;
        var line = results.querySelector('tr[data-cm-track="' + id + '"]');
        setText(line.querySelector("[data-cm-open]"), openTo(row, answers));
        setText(line.querySelector("[data-cm-below]"), row.below.length + " of " + Object.keys(row.track.targets).length);
        setText(line.querySelector("[data-cm-shortfall]"), String(row.shortfall));
        line.querySelector("[data-cm-badge]").hidden = row !== result.best;
        var details = results.querySelector('details[data-cm-track="' + id + '"]');
        setText(details.querySelector("summary [data-cm-remaining]"), row.below.length
          ? plural(row.below.length, "skill") + " below target, " + plural(row.shortfall, "level") + " short"
          : "every target reached");
        var below = new Set(row.below);
        details.querySelectorAll("[data-cm-skill]").forEach(function (item) {
          var skill = item.getAttribute("data-cm-skill");
          item.hidden = !below.has(skill);
          setText(item.querySelector("[data-cm-yours]"), "you: " + yours(skill, answers.levels[skill]) +
            ", target: " + levelWords(skill, targetOf(row.track, skill, answers.specialty)));
        });
        details.querySelectorAll("[data-cm-domain]").forEach(function (group) {
          group.hidden = !group.querySelector("[data-cm-skill]:not([hidden])");
        });
        details.querySelector("[data-cm-complete]").hidden = row.below.length > 0;
      });
      complements(rows, answers, result.best);
      setText(results.querySelector("[data-cm-best-name]"), result.name);
      setText(results.querySelector("[data-cm-best-why]"), result.why);
      setText(summary, "You have rated " + plural(rated(answers.levels), "skill") + " of " + data.skills.length + ". " +
        (result.best ? "Best fit: " + result.best.track.short_title + "." : ""));
    }

    // -- actions ----------------------------------------------------------------------------------

    function changed() {
      save();
      update();
    }

    var actions = {
      baseline: function () {
        var answers = current();
        var raised = 0;
        var kept = 0;
        Object.keys(data.baseline).forEach(function (id) {
          if ((answers.levels[id] || 0) < data.baseline[id]) {
            answers.levels[id] = data.baseline[id];
            raised += 1;
          } else {
            kept += 1;
          }
        });
        show(answers);
        changed();
        say("Set " + plural(raised, "skill") + " to the level a typical anaesthesia residency reaches" +
          (kept ? "; " + plural(kept, "skill") + " you had rated at that level or higher kept " +
            (kept === 1 ? "its" : "their") + " level" : "") + ". Change any that do not match what you do.");
      },
      export: function () {
        var now = new Date();
        var answers = current();
        var blob = new Blob([JSON.stringify(documentOf(answers, now.toISOString()), null, 2) + "\n"],
          { type: "application/json" });
        var link = document.createElement("a");
        link.href = URL.createObjectURL(blob);
        link.download = "find-my-gap-" + now.toISOString().slice(0, 10) + ".json";
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(function () { URL.revokeObjectURL(link.href); }, 0);
        say("Saved your levels in " + plural(rated(answers.levels), "skill") + " to the file " + link.download + ".");
      },
      import: function () {
        fileInput.value = "";
        fileInput.click();
      },
      reset: function () {
        var count = rated(current().levels);
        if (!count) {
          say("There are no levels to clear.");
          return;
        }
        if (!window.confirm("Clear your levels in " + plural(count, "skill") + "? This cannot be undone, " +
          "unless you have saved them to a file.")) {
          say("Nothing was cleared.");
          return;
        }
        show({ specialty: data.backgrounds.length ? data.backgrounds[0].id : null, levels: {} });
        forget();
        update();
        say("Cleared all levels.");
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
        var answers;
        try {
          answers = answersOf(text);
        } catch (error) {
          say("Not loaded: " + error.message + " Nothing was changed.");
          return;
        }
        show({ specialty: answers.specialty, levels: answers.levels });
        changed();
        say("Loaded your levels in " + plural(rated(answers.levels), "skill") + " from " + file.name + "." +
          checkMilestones(answers));
      });
    });

    root.querySelectorAll("[data-cm-action]").forEach(function (button) {
      button.addEventListener("click", function () { actions[button.getAttribute("data-cm-action")](); });
    });
    root.addEventListener("change", function (event) {
      if (event.target.tagName === "SELECT") changed();
    });

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
