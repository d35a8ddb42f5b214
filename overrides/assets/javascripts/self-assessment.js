/*
 * Find my gap (docs/self-assessment.md): the reader gives their specialty, their goal and a level for each skill,
 * on the scale that skill is rated on (the entrustment scale, or the milestone scale for knowledge and
 * professional skills). The page names the best-fitting track for that goal with a sentence saying what decided
 * it, what to take after it, the workshops and exam modules that go with it, and for each track whether it admits
 * the reader, how many of its skills they already meet, how many are left to learn and how many procedures they
 * would do under supervision.
 *
 * The page is complete without this script (the form is server-rendered). Everything the script needs comes from
 * the page itself: the curriculum data as JSON in the data-cm-self-assessment attribute (the admission rule and
 * the goals worked out in Python, macros/export.py), the results markup with every track's skills. Levels stay in
 * this browser (localStorage) and in files the reader saves; nothing is sent. docs/self-assessment.md describes
 * the rules and the file format: change both together.
 */
(function () {
  "use strict";

  // GitHub Pages serves every project site of an account from one origin, hence one localStorage:
  // the key carries the site's own path. This file lives in <site>/assets/javascripts/.
  var script = document.currentScript;
  var siteRoot = script ? new URL("../../", script.src).pathname : "/";
  var STORAGE_KEY = siteRoot + "#self-assessment";
  var LARGEST_FILE = 1024 * 1024;
  var VERSIONS = [1, 2, 3, 4]; // the file versions this page reads; the last is the one it writes

  function setUp(root) {
    var data = JSON.parse(root.getAttribute("data-cm-self-assessment"));
    var known = new Set(data.skills);
    var backgrounds = {};
    data.backgrounds.forEach(function (background) { backgrounds[background.id] = background; });
    var goals = {};
    data.goals.forEach(function (goal) { goals[goal.id] = goal; });
    var tracks = {};
    data.tracks.forEach(function (track, index) { track.index = index; tracks[track.id] = track; });
    var selects = Array.prototype.slice.call(root.querySelectorAll("select[data-cm-skill]"));
    var specialtyBox = root.querySelector("#cm-sa-specialty");
    var goalBoxes = Array.prototype.slice.call(root.querySelectorAll('input[name="goal"]'));
    var results = document.querySelector("[data-cm-results]");
    var message = root.querySelector("[data-cm-message]");
    var summary = root.querySelector("[data-cm-summary]");
    var fileInput = root.querySelector("[data-cm-import]");

    // -- the reader's answers: {specialty, goal, levels: {skill ID: 0 (not yet done) to top}} ----------

    function current() {
      var levels = {};
      selects.forEach(function (box) { levels[box.getAttribute("data-cm-skill")] = Number(box.value); });
      var goal = goalBoxes.filter(function (box) { return box.checked; })[0];
      return { specialty: specialtyBox.value, goal: goal ? goal.value : "", levels: levels };
    }

    function show(answers) {
      selects.forEach(function (box) { box.value = String(answers.levels[box.getAttribute("data-cm-skill")] || 0); });
      if (answers.specialty) specialtyBox.value = answers.specialty;
      if (typeof answers.goal === "string") {
        goalBoxes.forEach(function (box) { box.checked = box.value === answers.goal; });
      }
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

    function people(answers) {
      return backgrounds[answers.specialty].people;
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

    function yours(id, level) {
      return level ? levelWords(id, level) : "not yet done";
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
      doc.goal = answers.goal;
      doc.levels = {};
      data.skills.forEach(function (id) { doc.levels[id] = answers.levels[id] || 0; });
      return doc;
    }

    function has(object, key) {
      return Object.prototype.hasOwnProperty.call(object, key);
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
      if (VERSIONS.indexOf(doc.version) < 0) {
        throw new Error("This file uses format version " + shorten(String(doc.version)) +
          "; this page reads versions " + VERSIONS.slice(0, -1).join(", ") + " and " + data.version + ".");
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
        return { specialty: null, goal: null, levels: levels, version: 1 };
      }
      var offScale = ids.filter(function (id) { return !onScale(values[id], id); });
      if (offScale.length) {
        throw new Error("In this file, " + offScale.slice(0, 5).join(", ") + " should be a whole number from 0 " +
          "(not yet done) to " + top(offScale[0]) + ".");
      }
      if (doc.specialty !== undefined && !has(backgrounds, doc.specialty)) {
        throw new Error("This file names a specialty this page does not know: " + shorten(String(doc.specialty)) + ".");
      }
      if (doc.goal !== undefined && !has(goals, doc.goal)) {
        throw new Error("This file names a goal this page does not know: " + shorten(String(doc.goal)) + ".");
      }
      ids.forEach(function (id) { levels[id] = values[id]; });
      return { specialty: doc.specialty || null, goal: doc.goal === undefined ? null : doc.goal, levels: levels, version: doc.version };
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
      var ours = doc && doc.format === data.format && VERSIONS.indexOf(doc.version) >= 0;
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
      show({
        specialty: has(backgrounds, doc.specialty) ? doc.specialty : null,
        goal: has(goals, doc.goal) ? doc.goal : null,
        levels: levels,
      });
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

    // For each track, for a fellow from the reader's specialty: the skills the reader already meets and those
    // left to learn (in catalogue order), its admission, and the entry skills the reader does not hold yet.
    function measure(answers) {
      return data.tracks.map(function (track) {
        var met = 0;
        var toLearn = [];
        data.skills.forEach(function (id) {
          if (!(id in track.targets)) return;
          if ((answers.levels[id] || 0) >= targetOf(track, id, answers.specialty)) met += 1;
          else toLearn.push(id);
        });
        var admission = track.admission[answers.specialty];
        var missing = admission.entry.filter(function (need) { return (answers.levels[need.skill] || 0) < need.level; });
        var admitted = admission.verdict !== "not-admitted";
        return {
          track: track, met: met, total: met + toLearn.length, toLearn: toLearn, verdict: admission.verdict,
          missing: missing, applyNow: admitted && !missing.length,
          // Closed only by entry skills a workshop teaches: the reader applies after the workshop.
          viaWorkshop: admitted && missing.length > 0 && missing.every(function (need) { return need.taught_in.length; }),
        };
      });
    }

    function canApply(row) {
      return row.applyNow || row.viaWorkshop;
    }

    // Within a group of tracks: those the reader can apply to now first, then the larger share of skills already
    // met, then fewer skills to learn, then the one listed first in the curriculum.
    function better(a, b) {
      return (Number(b.applyNow) - Number(a.applyNow)) || (b.met * a.total - a.met * b.total) ||
        (a.toLearn.length - b.toLearn.length) || (a.track.index - b.track.index);
    }

    // The best fit: group by group of the reader's goal, the best track the reader can apply to, now or after a
    // workshop, that still has something to teach them.
    function bestFit(rows, answers) {
      var goal = goals[answers.goal] || goals[""];
      var byTrack = {};
      rows.forEach(function (row) { byTrack[row.track.id] = row; });
      for (var g = 0; g < goal.groups.length; g += 1) {
        var group = goal.groups[g].map(function (id) { return byTrack[id]; });
        var fitting = group.filter(function (row) { return canApply(row) && row.toLearn.length; }).sort(better);
        if (fitting.length) return { goal: goal, best: fitting[0], fitting: fitting, passed: g ? goal.groups[0].map(function (id) { return byTrack[id]; }) : [] };
      }
      return { goal: goal, best: null, fitting: [], passed: goal.groups[0].map(function (id) { return byTrack[id]; }) };
    }

    // A short title inside a sentence: "the hands-on workshops", "the FIPP preparation".
    function the(track) {
      var title = track.short_title;
      return "the " + (/^[A-Z][a-z]/.test(title) ? title[0].toLowerCase() + title.slice(1) : title);
    }

    function workshopNames(need) {
      return need.taught_in.map(function (id) { return the(tracks[id]); }).join(" or ");
    }

    // "Ultrasound scanning at level 2 (you: level 1; the hands-on workshops teach it)".
    function entryWords(row, answers) {
      return row.missing.map(function (need) {
        return skillTitle(need.skill) + " at " + levelWords(need.skill, need.level) + " (you: " +
          yours(need.skill, answers.levels[need.skill] || 0) + "; " + workshopNames(need) + " teach it)";
      }).join(", and ");
    }

    // Why the tracks of the goal's first group are not the best fit, a clause each: those the reader cannot apply
    // to, then those with nothing left to teach them.
    function notChosen(rows, answers) {
      var closed = rows.filter(function (row) { return !canApply(row); }).map(function (row) {
        if (row.verdict === "not-admitted") return the(row.track) + " does not admit " + people(answers);
        var need = row.missing.filter(function (n) { return !n.taught_in.length; })[0];
        return the(row.track) + " asks " + people(answers) + " to hold " + skillTitle(need.skill) + " at " +
          levelWords(need.skill, need.level) + " on entry";
      });
      var done = rows.filter(canApply);
      return closed.concat(done.length ? ["you already meet every target of " + shortTitles(done)] : []);
    }

    function shortTitles(rows) {
      return rows.map(function (row) { return the(row.track); }).join(" and ");
    }

    // The best fit's name and the sentences saying what decided it: the goal, the ranking, the admission (and
    // the workshop that opens it), the numbers, and a track that would fit once the reader holds an entry skill.
    function verdict(rows, answers) {
      var fit = bestFit(rows, answers);
      var goal = fit.goal;
      if (!goal.id && !rated(answers.levels)) {
        return { best: null, name: "", why: "Choose your goal, or a level for the skills you hold, to see which track fits you best." };
      }
      var best = fit.best;
      var said = [];
      var first = goal.groups[0].map(function (id) { return rows[tracks[id].index]; });
      var reasons = notChosen(fit.passed, answers);
      if (goal.id && fit.passed.length) {
        said.push(goal.wants + ", but " + reasons.join(", and ") + ".");
      } else if (fit.passed.length) {
        said.push(reasons.join(", and ").replace(/^./, function (letter) { return letter.toUpperCase(); }) + ".");
      } else if (goal.id) {
        said.push(goal.wants + ": the academy's " + (first.length === 1 ? "track for that is " : "tracks for that are ") +
          shortTitles(first) + ".");
      }
      if (!best) {
        if (fit.passed.some(function (row) { return !canApply(row); })) {
          said.push("Ask the academy whether your training could count.");
        }
        return { best: null, name: "", why: said.join(" ") };
      }
      if (fit.fitting.length > 1) {
        said.push("Of the " + fit.fitting.length + " tracks that fit you, it is the one " +
          (best.applyNow && !fit.fitting[1].applyNow ? "you can apply to now" : "whose skills you already meet the largest share of") + ".");
      }
      var admits = "It admits " + people(answers) +
        (best.verdict === "review" ? " after the academy's review of their specialist training" : "");
      said.push(best.viaWorkshop ? admits + " who hold " + entryWords(best, answers) + ": apply once you do." : admits + ".");
      said.push("You already meet " + best.met + " of its " + best.total + " skills; " + plural(best.toLearn.length, "skill") + " to learn.");
      fit.fitting.slice(1).forEach(function (row) {
        if (row.viaWorkshop && !best.viaWorkshop) {
          said.push("T" + the(row.track).slice(1) + " also fits once you hold " + entryWords(row, answers) + ".");
        }
      });
      var after = best.viaWorkshop ? ", after " + workshopNames(best.missing[0]) : "";
      return { best: best, name: "Best fit: " + best.track.title + after + ".", why: said.join(" "), after: after, fit: fit };
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
            setText(text, "suggested, because you are within one level of the targets of " +
              the(close.track) + " in every skill the two share.");
          }
          return;
        }
        var inBest = best ? row.toLearn.filter(function (id) { return best.toLearn.indexOf(id) >= 0; }).length : 0;
        setText(text, row.toLearn.length
          ? "takes you to its own level in " + plural(row.toLearn.length, "skill") + " you have not reached it in" +
            (best && best !== row ? ", " + inBest + " of them skills to learn in your best fit." : ".")
          : "you already reach every level it teaches.");
        var gaps = item.querySelector("[data-cm-complement-gaps]");
        if (!gaps) return;
        gaps.parentElement.hidden = !row.toLearn.length;
        gaps.replaceChildren.apply(gaps, row.toLearn.map(function (id) {
          var li = document.createElement("li");
          li.setAttribute("data-cm-skill", id);
          li.textContent = skillTitle(id) + ": to " + levelWords(id, targetOf(row.track, id, answers.specialty));
          return li;
        }));
      });
      results.querySelector("[data-cm-no-exam-module]").hidden = suggested > 0 ||
        !data.tracks.some(function (track) { return track.kind === "exam-preparation"; });
    }

    // The track's admission of the reader, in the words the track page uses.
    function admission(row, answers) {
      var words = data.verdicts[row.verdict];
      if (row.verdict === "not-admitted") return words + ": it does not admit " + people(answers) + ".";
      if (!row.missing.length) return words + ".";
      return words + " once you hold " + entryWords(row, answers) + ".";
    }

    // For an exam, after a fellowship: the exam's preparation module, linked as its card links it.
    function then(fit) {
      var line = results.querySelector("[data-cm-then]");
      var modules = fit.best && fit.best.track.kind === "fellowship" ? fit.goal.then : [];
      line.hidden = !modules.length;
      var parts = ["Then, before the examination: "];
      modules.forEach(function (id, index) {
        var link = results.querySelector('li[data-cm-track="' + id + '"] .cm-card__title a').cloneNode(false);
        link.textContent = "the " + tracks[id].title;
        parts.push(index ? " or " : "", link);
      });
      if (line.textContent !== parts.map(function (part) { return part.textContent || part; }).join("") + ".") {
        line.replaceChildren.apply(line, modules.length ? parts.concat(["."]) : []);
      }
    }

    function domainCounts(answers) {
      root.querySelectorAll("details[data-cm-domain]").forEach(function (domain) {
        var boxes = domain.querySelectorAll("select[data-cm-skill]");
        var chosen = Array.prototype.filter.call(boxes, function (box) { return answers.levels[box.getAttribute("data-cm-skill")] > 0; });
        setText(domain.querySelector("[data-cm-domain-count]"), "(" + plural(boxes.length, "skill") + ", " + chosen.length + " rated)");
      });
    }

    function startFor(answers) {
      root.querySelectorAll("[data-cm-start]").forEach(function (start) {
        start.hidden = start.getAttribute("data-cm-start") !== answers.specialty;
      });
    }

    function update() {
      var answers = current();
      var rows = measure(answers);
      var result = verdict(rows, answers);
      startFor(answers);
      domainCounts(answers);
      rows.forEach(function (row) {
        var track = row.track;
        var card = results.querySelector('li[data-cm-track="' + track.id + '"]');
        var admissionText = card.querySelector("[data-cm-admission]");
        setText(admissionText, admission(row, answers));
        admissionText.setAttribute("data-cm-verdict", row.verdict);
        setText(card.querySelector("[data-cm-met]"), row.met + " of " + row.total);
        setText(card.querySelector("[data-cm-to-learn]"), String(row.toLearn.length));
        var procedures = track.procedures[answers.specialty];
        setText(card.querySelector("[data-cm-procedures]"), procedures ? "at least " + procedures : "none");
        card.querySelector("[data-cm-badge]").hidden = row !== result.best;
        var toLearn = new Set(row.toLearn);
        card.querySelectorAll("[data-cm-skill]").forEach(function (item) {
          var skill = item.getAttribute("data-cm-skill");
          item.hidden = !toLearn.has(skill);
          setText(item.querySelector("[data-cm-yours]"), "you: " + yours(skill, answers.levels[skill]) +
            ", target: " + levelWords(skill, targetOf(track, skill, answers.specialty)));
        });
        card.querySelectorAll("[data-cm-domain]").forEach(function (group) {
          group.hidden = !group.querySelector("[data-cm-skill]:not([hidden])");
        });
        card.querySelector("[data-cm-skills-to-learn]").hidden = !row.toLearn.length;
        card.querySelector("[data-cm-complete]").hidden = row.toLearn.length > 0;
      });
      complements(rows, answers, result.best);
      then(result.fit || bestFit(rows, answers));
      setText(results.querySelector("[data-cm-best-name]"), result.name);
      setText(results.querySelector("[data-cm-best-why]"), result.why);
      setText(summary, "You have rated " + plural(rated(answers.levels), "skill") + " of " + data.skills.length + ". " +
        (result.best ? "Best fit: " + result.best.track.short_title + result.after + "." : ""));
    }

    // -- actions ----------------------------------------------------------------------------------

    function changed() {
      save();
      update();
    }

    // Raise each skill to at least `levels[id]`; returns [raised, kept].
    function raise(answers, levels) {
      var raised = 0;
      var kept = 0;
      Object.keys(levels).forEach(function (id) {
        if ((answers.levels[id] || 0) < levels[id]) {
          answers.levels[id] = levels[id];
          raised += 1;
        } else {
          kept += 1;
        }
      });
      return [raised, kept];
    }

    var actions = {
      preset: function () {
        var answers = current();
        var background = backgrounds[answers.specialty];
        var counts = raise(answers, background.preset);
        show(answers);
        changed();
        say("Set " + plural(counts[0], "skill") + " to the level a typical residency in " +
          background.title.toLowerCase() + " reaches" +
          (counts[1] ? "; " + plural(counts[1], "skill") + " you had rated at that level or higher kept " +
            (counts[1] === 1 ? "its" : "their") + " level" : "") + ". Change any that do not match what you do.");
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
        show({ specialty: data.backgrounds.length ? data.backgrounds[0].id : null, goal: "", levels: {} });
        forget();
        update();
        say("Cleared all levels.");
      },
    };

    // One level for every skill of a domain, each on its own scale (up to its top), then the reader adjusts.
    function wholeDomain(box) {
      var domain = box.closest("details");
      var level = Number(box.value);
      var answers = current();
      var skills = domain.querySelectorAll("select[data-cm-skill]");
      skills.forEach(function (skill) {
        var id = skill.getAttribute("data-cm-skill");
        answers.levels[id] = Math.min(level, top(id));
      });
      box.value = "";
      show(answers);
      changed();
      say("Set the " + plural(skills.length, "skill") + " of " + domain.querySelector("summary").firstChild.textContent.trim() +
        " to " + (level ? "level " + level + " on each skill's scale" : "not yet done") + ". Change those that differ.");
    }

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
        show(answers);
        changed();
        say("Loaded your levels in " + plural(rated(answers.levels), "skill") + " from " + file.name + "." +
          checkMilestones(answers));
      });
    });

    root.querySelectorAll("[data-cm-action]").forEach(function (button) {
      button.addEventListener("click", function () { actions[button.getAttribute("data-cm-action")](); });
    });
    root.addEventListener("change", function (event) {
      var target = event.target;
      if (target.hasAttribute("data-cm-whole")) {
        if (target.value !== "") wholeDomain(target);
      } else if (target.tagName === "SELECT" || target.name === "goal") {
        changed();
      }
    });

    restore();
    update();
    root.querySelectorAll("[data-cm-tools], [data-cm-summary-bar], .cm-sa-whole").forEach(function (part) { part.hidden = false; });
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
