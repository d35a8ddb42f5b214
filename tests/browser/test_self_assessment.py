"""Find my gap (docs/self-assessment.md) driven in Chromium as an applicant would: choosing a specialty, a goal and
levels, a specialty's starting point or one level for a whole domain, the best fit for the goal checked against the
rule the page states (worked out here from the curriculum), each track's admission, the skills met and to learn and
the procedures under supervision, workshops and exam modules alongside, saving and loading files (today's and those
of every earlier version), refusing bad ones, clearing with confirmation, the keyboard, instant navigation, a phone,
JavaScript off. The three applicants of issue 19 get their recommendation on a phone and on a laptop."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from fractions import Fraction

import pytest

from macros.export import (
    NO_GOAL,
    NOT_YET_DONE,
    SELF_ASSESSMENT_FORMAT,
    SELF_ASSESSMENT_V1_HELD_LEVEL,
    SELF_ASSESSMENT_VERSION,
    goals,
)
from macros.load import load_curriculum
from macros.model import EntryNeed, Scale, TrackKind, Verdict
from tests.support.browsing import PHONE, pdf_text
from tests.support.gates import accessibility_violations, horizontal_overflow, request_problems
from tests.support.sitebuild import PROJECT, site_prefix, site_url

PAGE = "self-assessment/"
SITE_URL = site_url()
STORAGE_KEY = site_prefix() + "#self-assessment"  # per site: GitHub Pages project sites share an origin
DOCS = (PROJECT / "docs" / "self-assessment.md").read_text(encoding="utf-8")
LAPTOP = {"width": 1280, "height": 800}
VIEWPORTS = {"phone": PHONE, "laptop": LAPTOP}
GOALS = [goal.id for goal in goals(load_curriculum(PROJECT / "data"))]  # known before the tests, one test each


# -- what the page should say, worked out here from the curriculum by the rules the page states -----


@dataclass
class Row:
    """One track for the reader (docs/self-assessment.md, "How the best fit is chosen")."""

    track: object
    index: int
    met: int
    to_learn: list[str]  # in catalogue order
    verdict: Verdict
    missing: list[EntryNeed]  # entry skills not yet held

    @property
    def total(self) -> int:
        return self.met + len(self.to_learn)

    @property
    def apply_now(self) -> bool:
        return self.verdict is not Verdict.not_admitted and not self.missing

    @property
    def via_workshop(self) -> bool:
        return (
            self.verdict is not Verdict.not_admitted and bool(self.missing) and all(n.taught_in for n in self.missing)
        )

    @property
    def can_apply(self) -> bool:
        return self.apply_now or self.via_workshop


def targets_for(track, specialty: str) -> dict[str, int]:
    """The track's targets for a fellow from the specialty: its own, or the one it sets for the specialty."""
    return {e.skill: e.target_for(specialty).level for e in track.skills}


def measure(curriculum, levels: dict[str, int], specialty: str) -> list[Row]:
    rows = []
    for index, track in enumerate(curriculum.tracks):
        targets = targets_for(track, specialty)
        admittance = curriculum.admittance(track, specialty)
        to_learn = [s.id for s in curriculum.skills if s.id in targets and levels.get(s.id, 0) < targets[s.id]]
        rows.append(
            Row(
                track,
                index,
                met=len(targets) - len(to_learn),
                to_learn=to_learn,
                verdict=admittance.verdict,
                missing=[n for n in admittance.entry_skills if levels.get(n.skill, 0) < n.level],
            )
        )
    return rows


def goal_of(curriculum, goal_id: str):
    return next(g for g in goals(curriculum) if g.id == goal_id)


@dataclass
class Fit:
    goal: object
    best: Row | None
    fitting: list[Row]
    passed: list[Row]  # the goal's first group, when the best fit is not in it


def best_fit(curriculum, levels, specialty, goal_id="") -> Fit:
    """Group by group of the goal, the tracks the reader can apply to (now or after a workshop) with something to
    teach: those open now first, then the larger share of skills met, then fewer to learn, then the first listed."""
    goal = goal_of(curriculum, goal_id)
    rows = {r.track.id: r for r in measure(curriculum, levels, specialty)}
    first = [rows[t] for t in goal.groups[0]]
    for number, group in enumerate(goal.groups):
        fitting = sorted(
            (rows[t] for t in group if rows[t].can_apply and rows[t].to_learn),
            key=lambda r: (not r.apply_now, -Fraction(r.met, r.total), len(r.to_learn), r.index),
        )
        if fitting:
            return Fit(goal, fitting[0], fitting, first if number else [])
    return Fit(goal, None, [], first)


def the(track) -> str:
    """A short title inside a sentence, as the page writes it."""
    title = track.short_title
    return "the " + (title[0].lower() + title[1:] if re.match(r"[A-Z][a-z]", title) else title)


def level_words(skill, level: int) -> str:
    """A level as the results say it: "level 3", or "milestone level 3" for a skill rated on milestones."""
    return f"{'milestone ' if skill.scale is Scale.milestones else ''}level {level}"


def yours(skill, level: int) -> str:
    return level_words(skill, level) if level else "not yet done"


def entry_words(curriculum, row: Row, levels) -> str:
    return ", and ".join(
        f"{curriculum.skill(n.skill).title} at {level_words(curriculum.skill(n.skill), n.level)} (you: "
        f"{yours(curriculum.skill(n.skill), levels.get(n.skill, 0))}; "
        f"{' or '.join(the(curriculum.track(w)) for w in n.taught_in)} teach it)"
        for n in row.missing
    )


def expected_admission(curriculum, row: Row, specialty: str, levels) -> str:
    people = curriculum.get("backgrounds", specialty).people
    if row.verdict is Verdict.not_admitted:
        return f"{row.verdict.label}: it does not admit {people}."
    if not row.missing:
        return f"{row.verdict.label}."
    return f"{row.verdict.label} once you hold {entry_words(curriculum, row, levels)}."


def expected_best(curriculum, levels, specialty, goal_id="") -> tuple[str, str]:
    """The best fit's name and the sentences under it, as docs/self-assessment.md says they are made."""
    fit = best_fit(curriculum, levels, specialty, goal_id)
    people = curriculum.get("backgrounds", specialty).people
    if not goal_id and not any(levels.values()):
        return "", "Choose your goal, or a level for the skills you hold, to see which track fits you best."
    said = []

    def closed(row: Row) -> str:
        if row.verdict is Verdict.not_admitted:
            return f"{the(row.track)} does not admit {people}"
        need = next(n for n in row.missing if not n.taught_in)
        skill = curriculum.skill(need.skill)
        return f"{the(row.track)} asks {people} to hold {skill.title} at {level_words(skill, need.level)} on entry"

    done = [r for r in fit.passed if r.can_apply]
    clauses = [closed(r) for r in fit.passed if not r.can_apply]
    if done:
        clauses.append(f"you already meet every target of {' and '.join(the(r.track) for r in done)}")
    reasons = ", and ".join(clauses)
    first = [curriculum.track(t) for t in fit.goal.groups[0]]
    if goal_id and fit.passed:
        said.append(f"{fit.goal.wants}, but {reasons}.")
    elif fit.passed:
        said.append(reasons[0].upper() + reasons[1:] + ".")
    elif goal_id:
        which = "track for that is " if len(first) == 1 else "tracks for that are "
        said.append(f"{fit.goal.wants}: the academy's {which}{' and '.join(the(t) for t in first)}.")
    best = fit.best
    if best is None:
        if any(not r.can_apply for r in fit.passed):
            said.append("Ask the academy whether your training could count.")
        return "", " ".join(said)
    if len(fit.fitting) > 1:
        how = (
            "you can apply to now"
            if best.apply_now and not fit.fitting[1].apply_now
            else "whose skills you already meet the largest share of"
        )
        said.append(f"Of the {len(fit.fitting)} tracks that fit you, it is the one {how}.")
    admits = f"It admits {people}" + (
        " after the academy's review of their specialist training" if best.verdict is Verdict.review else ""
    )
    said.append(
        f"{admits} who hold {entry_words(curriculum, best, levels)}: apply once you do."
        if best.via_workshop
        else f"{admits}."
    )
    said.append(
        f"You already meet {best.met} of its {best.total} skills; {len(best.to_learn)} skill"
        f"{'' if len(best.to_learn) == 1 else 's'} to learn."
    )
    for row in fit.fitting[1:]:
        if row.via_workshop and not best.via_workshop:
            said.append(f"T{the(row.track)[1:]} also fits once you hold {entry_words(curriculum, row, levels)}.")
    after = (
        f", after {' or '.join(the(curriculum.track(w)) for w in best.missing[0].taught_in)}"
        if best.via_workshop
        else ""
    )
    return f"Best fit: {best.track.title}{after}.", " ".join(said)


# -- driving the page -----------------------------------------------------------------------------


@pytest.fixture
def reader(visit):
    visit.open(PAGE)
    visit.page.wait_for_selector("[data-cm-tools]:not([hidden])")
    yield visit
    assert not request_problems(visit), request_problems(visit)


def levels_on(page) -> dict[str, int]:
    """The level chosen for each skill that is above not yet done."""
    chosen = page.eval_on_selector_all(
        "select[data-cm-skill]", "boxes => boxes.map(b => [b.dataset.cmSkill, Number(b.value)])"
    )
    return {skill: level for skill, level in chosen if level}


def open_domain_of(page, skill_id: str) -> None:
    domain = page.locator(f"details[data-cm-domain]:has(#level-{skill_id})")
    if domain.get_attribute("open") is None:
        domain.locator("summary").click()


def choose(page, levels: dict[str, int]) -> None:
    """As a reader does it: open the skill's domain, then choose the level in the box its label names."""
    for skill_id, level in sorted(levels.items()):
        open_domain_of(page, skill_id)
        label = page.locator(f'label[for="level-{skill_id}"]').inner_text()
        page.get_by_label(label, exact=True).select_option(str(level))


def choose_many(page, levels: dict[str, int]) -> None:
    """Many levels at once (the same as choosing them one by one: the page reads every choice on a change)."""
    page.evaluate(
        """levels => {
             let last = null;
             for (const [skill, level] of Object.entries(levels)) {
               last = document.getElementById("level-" + skill);
               last.value = String(level);
             }
             last.dispatchEvent(new Event("change", {bubbles: true}));
           }""",
        levels,
    )


def accessible_name(skill) -> str:
    """A skill's choice of level is named by its title and, for a skill on the milestone scale, the scale."""
    return skill.title + (" (milestone scale)" if skill.scale is Scale.milestones else "")


def choose_specialty(page, background) -> None:
    page.get_by_label("Your specialty").select_option(label=background.title)


def choose_goal(page, curriculum, goal_id: str) -> None:
    page.get_by_role("radio", name=goal_of(curriculum, goal_id).label, exact=True).check()


def preset_button(page):
    return page.get_by_role("button", name=re.compile(r"^Start from a typical residency in "))


def saved(page) -> dict | None:
    """What the page keeps in localStorage, or None."""
    text = page.evaluate("key => localStorage.getItem(key)", STORAGE_KEY)
    return None if text is None else json.loads(text)


def message(page) -> str:
    return page.inner_text("[data-cm-message]")


def anaesthesia(curriculum) -> dict[str, int]:
    return curriculum.preset_levels("ANAESTHESIOLOGY")


def default_specialty(curriculum) -> str:
    return curriculum.backgrounds[0].id


def a_mixed_selection(curriculum) -> dict[str, int]:
    """Every level of the scale, spread over the catalogue, and the anaesthesiology preset."""
    top = len(curriculum.entrustment)
    chosen = {s.id: (i % (top + 1)) for i, s in enumerate(curriculum.skills[::3])}
    return {k: v for k, v in {**chosen, **anaesthesia(curriculum)}.items() if v}


def assert_results_match(page, curriculum, levels, specialty=None, goal_id="") -> Row | None:
    """Every card (admission, skills met and to learn, procedures, the skills to learn by domain), the badge, the
    best fit's name and sentence, what to take after it and what goes alongside it."""
    specialty = specialty or default_specialty(curriculum)
    rows = measure(curriculum, levels, specialty)
    for row in rows:
        track = row.track
        card = page.locator(f'li[data-cm-track="{track.id}"]')
        facts = dict(zip(card.locator("dt").all_inner_texts(), card.locator("dd").all_inner_texts(), strict=True))
        procedures = curriculum.procedures_under_supervision(track, specialty)
        assert facts == {
            "Admission": expected_admission(curriculum, row, specialty, levels),
            "Skills you already meet": f"{row.met} of {row.total}",
            "Skills to learn": str(len(row.to_learn)),
            "Procedures under supervision": f"at least {procedures}" if procedures else "none",
        }, track.id
        shown = card.evaluate(
            """d => [...d.querySelectorAll("[data-cm-domain]:not([hidden])")].map(group => [
                 group.querySelector(".cm-sa-gap-title").textContent,
                 [...group.querySelectorAll("[data-cm-skill]:not([hidden])")].map(li =>
                   [li.dataset.cmSkill, li.querySelector(".cm-sa-levels").textContent])])"""
        )
        targets = targets_for(track, specialty)
        expected = []
        for domain in curriculum.domains:
            left = [
                [s.id, f"you: {yours(s, levels.get(s.id, 0))}, target: {level_words(s, targets[s.id])}"]
                for s in curriculum.skills_in_domain(domain.id)
                if s.id in row.to_learn
            ]
            if left:
                expected.append([domain.title, left])
        assert shown == expected, f"{track.id}: the skills to learn, by domain"
    fit = best_fit(curriculum, levels, specialty, goal_id)
    badges = page.eval_on_selector_all(
        "li[data-cm-track]:has([data-cm-badge]:not([hidden]))", "cards => cards.map(c => c.dataset.cmTrack)"
    )
    name, why = expected_best(curriculum, levels, specialty, goal_id)
    assert badges == ([fit.best.track.id] if fit.best and name else [])
    assert page.inner_text("[data-cm-best-name]") == name
    assert page.inner_text("[data-cm-best-why]") == why
    then = page.locator("[data-cm-then]")
    modules = fit.goal.then if fit.best and fit.best.track.is_fellowship and name else ()
    assert then.is_visible() == bool(modules)
    if modules:
        titles = " or the ".join(curriculum.track(m).title for m in modules)
        assert then.inner_text() == f"Then, before the examination: the {titles}."
        links = then.get_by_role("link").evaluate_all("links => links.map(a => a.getAttribute('href'))")
        assert [href.rstrip("/").split("/")[-1].upper() for href in links] == list(modules)
    assert_complements(page, curriculum, rows, levels, fit.best if name else None, specialty)
    return fit.best if name else None


def close_fellowship(curriculum, module, levels, specialty) -> object | None:
    """The first fellowship preparing for one of the module's exams whose targets for the reader's specialty the
    reader is within one level of, in every skill the two share."""
    for fellowship in curriculum.tracks:
        if fellowship.kind is not TrackKind.fellowship or not set(fellowship.exams) & set(module.exams):
            continue
        shared = [e.skill for e in module.skills if fellowship.target(e.skill)]
        targets = targets_for(fellowship, specialty)
        if shared and all(levels.get(s, 0) >= targets[s] - 1 for s in shared):
            return fellowship
    return None


def assert_complements(page, curriculum, rows, levels, best, specialty) -> None:
    for row in rows:
        track = row.track
        item = page.locator(f'[data-cm-complement="{track.id}"]')
        if track.kind is TrackKind.workshop:
            listed = item.evaluate(
                "li => [...li.querySelectorAll('[data-cm-complement-gaps] li')].map(g => [g.dataset.cmSkill, g.textContent])"
            )
            assert listed == [
                [s, f"{curriculum.skill(s).title}: to {level_words(curriculum.skill(s), track.target(s).level)}"]
                for s in row.to_learn
            ], f"{track.id}: the gaps the workshop closes"
            if row.to_learn and best and best.track.id != track.id:
                in_best = len(set(row.to_learn) & set(best.to_learn))
                assert f"{len(row.to_learn)} skills you have not reached it in, {in_best} of them" in item.inner_text()
        elif track.kind is TrackKind.exam_preparation:
            close = close_fellowship(curriculum, track, levels, specialty)
            assert item.is_visible() == (close is not None), f"{track.id} suggested?"
            if close:
                assert f"within one level of the targets of {the(close)}" in item.inner_text()


def see_the_results(page) -> None:
    """Follow "See the results"; its heading and the best fit's sentence are then in full view, below the sticky
    header and above the sticky summary."""
    page.get_by_role("link", name="See the results").click()
    page.wait_for_function(
        """() => new Promise((done) => {  // until the page has gone to the results and stayed for five frames
             let last = -1, still = 0;
             const look = () => {
               still = scrollY === last ? still + 1 : 0;
               last = scrollY;
               if (still >= 5 && location.hash === "#your-results") done(true); else requestAnimationFrame(look);
             };
             requestAnimationFrame(look);
           })"""
    )
    box = "(element) => { const b = element.getBoundingClientRect(); return {y: b.y, height: b.height}; }"
    header = page.locator(".md-header").evaluate(box)
    bar = page.locator("[data-cm-summary-bar]").evaluate(box)
    for part in (page.get_by_role("heading", name="Your results"), page.locator("[data-cm-best-name]")):
        part.wait_for(state="visible")
        shown = part.evaluate(box)
        top, end = shown["y"], shown["y"] + shown["height"]
        where = f"{part} at {top:.0f} px, the page scrolled to {page.evaluate('scrollY')} px"
        assert top >= header["y"] + header["height"] - 1, f"{where}: it starts under the sticky header"
        assert end <= page.viewport_size["height"] + 1, f"{where}: it ends below the screen"
        assert end <= bar["y"] + 1 or top >= bar["y"] + bar["height"] - 1, f"{where}: it is under the sticky summary"


# -- the three applicants of issue 19, on a phone and on a laptop ---------------------------------


def _priya(page, curriculum) -> tuple[str, dict, str]:
    """A final-year anaesthesia resident who wants FIPP: the anaesthesiology starting point, goal FIPP."""
    preset_button(page).click()
    choose_goal(page, curriculum, "FIPP")
    return "ANAESTHESIOLOGY", anaesthesia(curriculum), "FIPP"


def _arjun(page, curriculum) -> tuple[str, dict, str]:
    """A PM&R consultant with ultrasound scanning at level 1 who wants to add procedures to his practice."""
    choose_specialty(page, curriculum.get("backgrounds", "PMR"))
    choose(page, {"US-SCAN-BASICS": 1})
    choose_goal(page, curriculum, "add-procedures")
    return "PMR", {"US-SCAN-BASICS": 1}, "add-procedures"


def _meera(page, curriculum) -> tuple[str, dict, str]:
    """An orthopaedic surgeon who wants workshops only, and rates nothing."""
    choose_specialty(page, curriculum.get("backgrounds", "ORTHOPAEDICS"))
    choose_goal(page, curriculum, "workshop")
    return "ORTHOPAEDICS", {}, "workshop"


APPLICANTS = {"Priya": _priya, "Arjun": _arjun, "Meera": _meera}


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("applicant", list(APPLICANTS))
def test_each_applicant_gets_the_track_for_their_goal(visits, server, curriculum, viewport, applicant):
    with visits(server, viewport=VIEWPORTS[viewport], touch=viewport == "phone") as visit:
        visit.open(PAGE)
        page = visit.page
        page.wait_for_selector("[data-cm-tools]:not([hidden])")
        specialty, levels, goal_id = APPLICANTS[applicant](page, curriculum)
        best = assert_results_match(page, curriculum, levels, specialty, goal_id)
        see_the_results(page)
        name = page.inner_text("[data-cm-best-name]")
        if applicant == "Priya":  # the anaesthesia baseline and FIPP: the 1-year fellowship, then the FIPP module
            assert best.track.id == "FEL-PM-1Y" and "FIPP" in best.track.exams
            assert name == f"Best fit: {best.track.title}."
            assert "EXAM-FIPP" in goal_of(curriculum, "FIPP").then
            assert page.inner_text("[data-cm-then]").endswith(f"the {curriculum.track('EXAM-FIPP').title}.")
        elif applicant == "Arjun":  # the 6-month fellowship, reached after the workshop, and the page says so
            assert best.track.id == "FEL-US-6M" and best.via_workshop and not best.apply_now
            workshop = curriculum.track("WS-HANDS-ON")
            assert name == f"Best fit: {best.track.title}, after {the(workshop)}."
            why = page.inner_text("[data-cm-best-why]")
            assert (
                f"{curriculum.skill('US-SCAN-BASICS').title} at level 2 (you: level 1; {the(workshop)} teach it)" in why
            )
        else:  # workshops, not a fellowship
            assert best.track.is_workshop and not best.track.is_fellowship
            assert name == f"Best fit: {best.track.title}."
        badge = page.locator(f'li[data-cm-track="{best.track.id}"] [data-cm-badge]')
        assert badge.is_visible() and badge.inner_text() == "Best fit"
        assert not horizontal_overflow(page), horizontal_overflow(page)
        assert not request_problems(visit), request_problems(visit)


def test_a_specialty_admitted_only_after_a_workshop_is_named_beside_the_open_one(reader, curriculum):
    """Issue 19: a PM&R consultant was told the 1-year fellowship was "the only fellowship open to you", when the
    6-month one was closed only by an entry skill a workshop teaches. With no goal chosen, the sentence says so."""
    page = reader.page
    choose_specialty(page, curriculum.get("backgrounds", "PMR"))
    choose(page, {"US-SCAN-BASICS": 1})
    best = assert_results_match(page, curriculum, {"US-SCAN-BASICS": 1}, "PMR")
    assert best.track.id == "FEL-PM-1Y"
    assert "The 6-month ultrasound fellowship also fits once you hold" in page.inner_text("[data-cm-best-why]")


# -- the goal, the specialty and the levels --------------------------------------------------------


@pytest.mark.parametrize("goal_id", GOALS)
def test_every_goal_orders_the_recommendation(reader, curriculum, goal_id):
    """For each goal, with a few levels, a specialty some fellowship does not admit, and everything at the top."""
    page = reader.page
    choose_goal(page, curriculum, goal_id)
    levels = {e.skill: e.level for e in curriculum.tracks[0].skills[:6]}
    choose_many(page, levels)
    assert_results_match(page, curriculum, levels, goal_id=goal_id)
    shut = next(
        b
        for b in curriculum.backgrounds
        if any(curriculum.admittance(t, b.id).verdict is Verdict.not_admitted for t in curriculum.tracks)
    )
    choose_specialty(page, shut)
    best = assert_results_match(page, curriculum, levels, shut.id, goal_id)
    assert best is None or best.verdict is not Verdict.not_admitted
    choose_specialty(page, curriculum.backgrounds[0])
    everything = {s.id: len(curriculum.scale(s.scale)) for s in curriculum.skills}
    choose_many(page, everything)
    assert_results_match(page, curriculum, everything, goal_id=goal_id)


def test_nothing_is_named_before_a_goal_or_a_level(reader, curriculum):
    page = reader.page
    assert_results_match(page, curriculum, {})
    assert page.inner_text("[data-cm-best]") == (
        "Choose your goal, or a level for the skills you hold, to see which track fits you best."
    )
    assert page.get_by_role("radio", name=NO_GOAL, exact=True).is_checked()


def test_results_follow_each_level(reader, curriculum):
    page = reader.page
    levels: dict[str, int] = {}
    for track in curriculum.tracks:  # one skill of each track in turn, at its target, so the best fit moves
        entry = track.skills[-1]
        levels[entry.skill] = entry.level
        choose(page, {entry.skill: entry.level})
        assert_results_match(page, curriculum, levels)


def test_the_targets_are_the_readers_specialtys(reader, curriculum):
    """A fellowship that sets another sedation target for fellows who are not anaesthesiologists measures such a
    reader against it: rated at level 3, an anaesthesiologist has it to learn, a PM&R specialist does not."""
    page = reader.page
    track = next(t for t in curriculum.tracks if t.is_fellowship and t.target("SAFETY-SEDATION"))
    other = next(b for b in curriculum.admitted(track) if b.id != "ANAESTHESIOLOGY")
    entry = track.target("SAFETY-SEDATION")
    assert (entry.level, entry.target_for(other.id).level) == (4, 3)
    levels = {"SAFETY-SEDATION": 3}
    choose(page, levels)
    item = page.locator(f'li[data-cm-track="{track.id}"] li[data-cm-skill="SAFETY-SEDATION"]')
    assert_results_match(page, curriculum, levels, default_specialty(curriculum))
    assert not item.evaluate("li => li.hidden"), "to learn: below the anaesthesiologists' target of 4"
    choose_specialty(page, other)
    assert_results_match(page, curriculum, levels, other.id)
    assert item.evaluate("li => li.hidden"), f"met: at the target of 3 for {other.title}"


def test_entry_skills_decide_whether_a_fellowship_is_open_now(reader, curriculum):
    """A specialty whose applicants must hold skills on entry: admitted once they hold them, and until then the
    card says which skill, the reader's level and which workshop teaches it."""
    routes = [(t, r) for t in curriculum.tracks if t.is_fellowship for r in t.admits if r.entry_skills]
    track, route = routes[0]
    page = reader.page
    choose_specialty(page, curriculum.get("backgrounds", route.background))
    assert_results_match(page, curriculum, {}, route.background)
    needed = {e.skill: e.level for e in route.entry_skills}
    choose(page, needed)
    assert_results_match(page, curriculum, needed, route.background)
    verdict = curriculum.admittance(track, route.background).verdict
    assert page.locator(f'li[data-cm-track="{track.id}"] [data-cm-admission]').inner_text() == f"{verdict.label}."


def test_admission_is_the_track_pages_for_every_track_and_specialty(reader, curriculum):
    """One admission rule: for every track and specialty, Find my gap's card and the track's page give the same
    verdict in the same words, and the same entry skills and levels."""
    page = reader.page
    on_cards = {}
    for background in curriculum.backgrounds:
        choose_specialty(page, background)
        for track in curriculum.tracks:
            admission = page.locator(f'li[data-cm-track="{track.id}"] [data-cm-admission]')
            entry = re.findall(r"hold (.+?) at (?:milestone )?level (\d+) \(you", admission.inner_text())
            on_cards[track.id, background.id] = (
                admission.get_attribute("data-cm-verdict"),
                admission.inner_text(),
                entry,
            )
    titles = {s.title: s.id for s in curriculum.skills}
    for track in curriculum.tracks:
        page.goto(reader.server.base_url + f"tracks/{track.id.lower()}/")
        admitted = page.locator("dt:text-is('Specialties admitted') + dd")
        for background in curriculum.backgrounds:
            verdict, words, entry = on_cards[track.id, background.id]
            item = admitted.locator(f'[data-cm-admits="{background.id}"]')
            refused = admitted.locator("[data-cm-not-admitted]")
            if not track.admits:
                assert admitted.inner_text().strip() == "Any specialty" and verdict == Verdict.admitted.value
            elif item.count():
                assert item.get_attribute("data-cm-verdict") == verdict, (track.id, background.id)
                label = Verdict(verdict).label
                assert words.startswith(label) and (verdict == "admitted" or label.lower() in item.inner_text())
                on_page = [
                    (li.get_attribute("data-cm-entry-skill"), li.get_attribute("data-cm-level"))
                    for li in item.locator("[data-cm-entry-skill]").all()
                ]
                assert [(titles[title], level) for title, level in entry] == on_page, (track.id, background.id)
            else:
                assert background.id in refused.get_attribute("data-cm-not-admitted").split(), (track.id, background.id)
                assert verdict == Verdict.not_admitted.value and words.startswith(Verdict.not_admitted.label)
                assert background.title in refused.inner_text()
            assert verdict == curriculum.admittance(track, background.id).verdict.value


def test_an_exam_module_is_suggested_when_close_to_a_fellowship(reader, curriculum):
    page = reader.page
    modules = [t for t in curriculum.tracks if t.kind is TrackKind.exam_preparation]
    assert modules
    preset_button(page).click()
    assert_results_match(page, curriculum, anaesthesia(curriculum))
    assert page.get_by_text("Exam preparation modules are suggested once").is_visible()
    fellowship = next(t for t in curriculum.tracks if t.kind is TrackKind.fellowship and t.exams)
    one_below = {e.skill: max(e.level - 1, 1) for e in fellowship.skills}
    choose_many(page, one_below)
    levels = {**anaesthesia(curriculum), **one_below}
    assert_results_match(page, curriculum, levels)
    suggested = [m for m in modules if close_fellowship(curriculum, m, levels, default_specialty(curriculum))]
    assert suggested, "a fellowship one level short of its targets makes its exam module a suggestion"
    assert not page.get_by_text("Exam preparation modules are suggested once").is_visible()


def test_results_are_announced_in_a_live_region(reader, curriculum):
    page = reader.page
    summary = page.locator("[data-cm-summary]")
    assert summary.get_attribute("aria-live") == "polite"
    chosen = a_mixed_selection(curriculum)
    choose_many(page, chosen)
    text = summary.inner_text()
    assert f"You have rated {len(chosen)} skills of {len(curriculum.skills)}." in text
    best = best_fit(curriculum, chosen, default_specialty(curriculum)).best
    assert f"Best fit: {best.track.short_title}." in text
    assert page.locator("[data-cm-message]").get_attribute("role") == "status"


# -- quick starts: a specialty's starting point, one level for a whole domain ----------------------


def test_the_starting_point_sets_the_specialtys_levels_and_says_what_they_assume(reader, curriculum):
    page = reader.page
    background = curriculum.get("backgrounds", "ANAESTHESIOLOGY")
    levels = anaesthesia(curriculum)
    assert {levels[s] for s in ("US-SCAN-BASICS", "ACUTE-US-NERVE-BLOCK", "SAFETY-SEDATION")} == {3}, "issue 18"
    note = page.locator('[data-cm-start="ANAESTHESIOLOGY"]')
    assert background.preset.note in " ".join(note.inner_text().split())
    assert "varies" in background.preset.note
    higher = next(iter(levels))  # a skill already rated above its preset level keeps its level
    top = len(curriculum.scale(curriculum.skill(higher).scale))
    choose(page, {higher: top})
    button = preset_button(page)
    assert button.inner_text() == f"Start from a typical residency in anaesthesiology ({len(levels)} skills)"
    button.click()
    expected = {**levels, higher: top}
    assert levels_on(page) == expected
    assert_results_match(page, curriculum, expected)
    assert message(page).startswith(f"Set {len(levels) - 1} skills to the level a typical residency in anaesthesiology")


def test_a_specialty_without_a_starting_point_rates_a_whole_domain_then_adjusts(reader, curriculum):
    page = reader.page
    without = next(b for b in curriculum.backgrounds if b.preset is None)
    choose_specialty(page, without)
    assert not preset_button(page).is_visible()
    start = page.locator(f'[data-cm-start="{without.id}"]')
    assert start.is_visible() and f"no starting point for {without.people}" in start.inner_text()
    domain = next(d for d in curriculum.domains if len(curriculum.scales_used(curriculum.skills_in_domain(d.id))) > 1)
    skills = curriculum.skills_in_domain(domain.id)
    page.locator(f'details[data-cm-domain="{domain.id}"] > summary').click()
    page.locator(f'details[data-cm-domain="{domain.id}"]').get_by_label("Every skill in this domain").select_option("3")
    levels = {s.id: 3 for s in skills}
    assert levels_on(page) == levels
    assert (
        message(page)
        == f"Set the {len(skills)} skills of {domain.title} to level 3 on each skill's scale. Change those that differ."
    )
    assert page.locator(f"#whole-{domain.id}").input_value() == "", "ready for another whole-domain choice"
    choose(page, {skills[0].id: 1})
    levels[skills[0].id] = 1
    assert levels_on(page) == levels
    assert_results_match(page, curriculum, levels, without.id)
    summary = page.locator(f'details[data-cm-domain="{domain.id}"] [data-cm-domain-count]').inner_text()
    assert summary == f"({len(skills)} skills, {len(skills)} rated)"


def test_no_level_control_is_laid_out_until_its_domain_is_opened(reader, curriculum):
    """Issue 20: the page lays out the reader's specialty, goal and the folded domains; a domain's level controls
    only once it is open. A folded domain's content is skipped content (checkVisibility() is false, read from
    style alone, without laying anything out)."""
    page = reader.page
    rendered = "() => [...document.querySelectorAll('select[data-cm-skill]')].filter(s => s.checkVisibility()).length"
    assert page.evaluate(rendered) == 0
    first = curriculum.domains[0]
    page.locator(f'details[data-cm-domain="{first.id}"] > summary').click()
    assert page.evaluate(rendered) == len(curriculum.skills_in_domain(first.id))


# -- keyboard, files, clearing ---------------------------------------------------------------------


def test_keyboard_alone_works_the_page(reader, curriculum):
    page = reader.page
    preset_button(page).focus()
    page.keyboard.press("Enter")
    assert levels_on(page) == anaesthesia(curriculum)
    first = curriculum.skills[0]
    summary = page.locator(f'details[data-cm-domain="{first.domain}"] > summary')
    summary.focus()
    page.keyboard.press("Enter")  # opens the domain
    page.keyboard.press("Tab")  # to its whole-domain choice
    page.keyboard.press("Tab")  # to the first skill's level
    assert page.evaluate("document.activeElement.id") == f"level-{first.id}"
    before = int(page.evaluate("document.activeElement.value"))
    page.keyboard.press("ArrowDown")  # a closed select steps to the next level
    assert levels_on(page).get(first.id, 0) == min(before + 1, len(curriculum.scale(first.scale)))
    page.keyboard.press("Tab")  # on to the skill's catalogue link
    assert page.evaluate("document.activeElement.getAttribute('href')").endswith(f"skills/#{first.id}")
    goal = page.get_by_role("radio", name=goal_of(curriculum, "workshop").label, exact=True)
    goal.focus()
    page.keyboard.press("Space")
    assert goal.is_checked()


def export_file(page) -> dict:
    with page.expect_download() as download:
        page.get_by_role("button", name="Save my levels to a file").click()
    return json.loads(open(download.value.path(), encoding="utf-8").read())


def load_file(page, content: bytes, name: str = "levels.json") -> None:
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Load levels from a file").click()
    chooser.value.set_files(files=[{"name": name, "mimeType": "application/json", "buffer": content}])


def loaded(page) -> None:
    page.wait_for_function("() => document.querySelector('[data-cm-message]').textContent.startsWith('Loaded')")


def documented_fields() -> list[str]:
    """The fields the page's text says a saved file holds, in the order it names them."""
    (bullet,) = [line for line in DOCS.split("\n- ") if line.startswith("The file is a JSON object")]
    return re.findall(r"`([a-z_]+)`", bullet.replace("`pain-medicine-curriculum/self-assessment`", ""))


def test_the_page_describes_the_rules_and_the_file_format_the_code_follows(reader, curriculum):
    said = " ".join(DOCS.split())
    assert f"`version` is `{SELF_ASSESSMENT_VERSION}`" in said
    assert f"`format` is `{SELF_ASSESSMENT_FORMAT}`" in said
    held = [curriculum.get(scale.data_file, SELF_ASSESSMENT_V1_HELD_LEVEL).label for scale in Scale]
    assert f"becomes level {SELF_ASSESSMENT_V1_HELD_LEVEL}, which is what a tick meant" in said
    assert f"*{held[0]}* on the entrustment scale, *{held[1]}* on the milestone scale" in said
    assert f"{curriculum.backgrounds[0].title} is chosen to start with" in said
    for version in range(1, SELF_ASSESSMENT_VERSION):
        assert f"(`version` `{version}`" in said, f"what becomes of a version {version} file"
    assert f"**{NO_GOAL}**" in said
    for verdict in Verdict:
        assert f"*{verdict.label}*" in said, "the admission in the track pages' words"
    for goal in goals(curriculum)[1:]:
        assert goal.id in said, f"the goal {goal.label} and how a file writes it"
    rows = [line for line in DOCS.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert [row.split(" | ")[0].strip("| ") for row in rows] == [
        "Not decided yet",
        "An exam (" + ", ".join(e.id for e in curriculum.exams) + ")",
        "A workshop or short course only",
        "Adding procedures to your own practice, or making pain medicine your main practice",
    ]
    document = export_file(reader.page)
    assert list(document) == documented_fields()


def test_export_then_import_brings_the_levels_back(reader, curriculum):
    page = reader.page
    chosen = a_mixed_selection(curriculum)
    specialty = curriculum.backgrounds[-1]
    choose_specialty(page, specialty)
    choose_goal(page, curriculum, "main-practice")
    choose_many(page, chosen)
    document = export_file(page)
    assert document["format"] == SELF_ASSESSMENT_FORMAT and document["version"] == SELF_ASSESSMENT_VERSION
    assert document["curriculum_version"] == curriculum.info.version
    assert (document["specialty"], document["goal"]) == (specialty.id, "main-practice")
    assert document["levels"] == {s.id: chosen.get(s.id, 0) for s in curriculum.skills}

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear all levels").click()
    assert levels_on(page) == {}
    assert page.get_by_label("Your specialty").input_value() == default_specialty(curriculum)
    assert page.get_by_role("radio", name=NO_GOAL, exact=True).is_checked()
    load_file(page, json.dumps(document).encode())
    loaded(page)
    assert levels_on(page) == chosen
    assert page.get_by_label("Your specialty").input_value() == specialty.id
    assert_results_match(page, curriculum, chosen, specialty.id, "main-practice")
    page.reload()
    assert levels_on(page) == chosen, "a loaded file is kept like any choice"
    assert page.get_by_role("radio", name=goal_of(curriculum, "main-practice").label, exact=True).is_checked()


def earlier_file(curriculum, version: int, levels: dict[str, int], specialty: str) -> dict:
    document = {"format": SELF_ASSESSMENT_FORMAT, "version": version, "curriculum_version": curriculum.info.version}
    if version == 1:
        return {**document, "skills": {s.id: s.id in levels for s in curriculum.skills}}
    return {**document, "specialty": specialty, "levels": {s.id: levels.get(s.id, 0) for s in curriculum.skills}}


def test_a_file_saved_with_ticks_loads_with_the_documented_mapping(reader, curriculum):
    page = reader.page
    ticked = {s.id: 1 for s in curriculum.skills[::4]}
    load_file(page, json.dumps(earlier_file(curriculum, 1, ticked, "")).encode(), name="ticks.json")
    loaded(page)
    expected = {skill_id: SELF_ASSESSMENT_V1_HELD_LEVEL for skill_id in ticked}
    assert levels_on(page) == expected
    assert_results_match(page, curriculum, expected)
    assert saved(page)["version"] == SELF_ASSESSMENT_VERSION, "kept in today's format from then on"


def test_a_file_saved_before_the_milestone_scale_loads_and_asks_to_check_those_skills(reader, curriculum):
    page = reader.page
    moved = [s for s in curriculum.skills if s.scale is Scale.milestones][:3]
    procedure = next(s for s in curriculum.skills if s.scale is Scale.entrustment)
    levels = {**{s.id: 4 for s in moved}, procedure.id: 2}
    load_file(page, json.dumps(earlier_file(curriculum, 2, levels, "ANAESTHESIOLOGY")).encode(), name="version-2.json")
    loaded(page)
    assert levels_on(page) == levels, "every level kept as it was saved"
    said = message(page)
    assert (
        f"check your levels in the {len(moved)} knowledge or professional skills now rated on the milestone scale"
        in said
    )
    assert moved[0].title in said
    assert saved(page)["version"] == SELF_ASSESSMENT_VERSION


def test_a_file_saved_before_the_goal_loads_and_keeps_the_goal_on_the_page(reader, curriculum):
    page = reader.page
    choose_goal(page, curriculum, "CIPS")
    levels = a_mixed_selection(curriculum)
    specialty = curriculum.backgrounds[1].id
    load_file(page, json.dumps(earlier_file(curriculum, 3, levels, specialty)).encode(), name="version-3.json")
    loaded(page)
    assert levels_on(page) == levels
    assert page.get_by_role("radio", name=goal_of(curriculum, "CIPS").label, exact=True).is_checked()
    assert_results_match(page, curriculum, levels, specialty, "CIPS")
    assert saved(page)["version"] == SELF_ASSESSMENT_VERSION and saved(page)["goal"] == "CIPS"


def test_what_an_earlier_version_of_the_page_kept_in_this_browser_comes_back(visit, curriculum):
    page = visit.page
    levels = a_mixed_selection(curriculum)
    visit.open(PAGE)
    page.evaluate(
        "([key, doc]) => localStorage.setItem(key, JSON.stringify(doc))",
        [STORAGE_KEY, earlier_file(curriculum, 3, levels, "PMR")],
    )
    page.reload()
    page.wait_for_selector("[data-cm-tools]:not([hidden])")
    assert levels_on(page) == levels
    assert page.get_by_label("Your specialty").input_value() == "PMR"
    assert_results_match(page, curriculum, levels, "PMR")


def bad_files(curriculum) -> dict[str, tuple[bytes, str]]:
    good = {
        "format": SELF_ASSESSMENT_FORMAT,
        "version": SELF_ASSESSMENT_VERSION,
        "curriculum_version": curriculum.info.version,
        "specialty": default_specialty(curriculum),
        "goal": "",
        "levels": {s.id: 1 for s in curriculum.skills},
    }
    first = curriculum.skills[0].id
    top = len(curriculum.scale(curriculum.skills[0].scale))
    return {
        "bad JSON": (b'{"format": "pain-medicine', "not valid JSON"),
        "not ours": (json.dumps({**good, "format": "something-else"}).encode(), "not saved from this page"),
        "unknown version": (
            json.dumps({**good, "version": SELF_ASSESSMENT_VERSION + 1}).encode(),
            f"format version {SELF_ASSESSMENT_VERSION + 1}",
        ),
        "unknown skill": (
            json.dumps({**good, "levels": {**good["levels"], "NO-SUCH-SKILL": 2}}).encode(),
            "NO-SUCH-SKILL",
        ),
        "off the scale": (
            json.dumps({**good, "levels": {first: top + 1}}).encode(),
            f"{first} should be a whole number from 0 (not yet done) to {top}",
        ),
        "unknown specialty": (json.dumps({**good, "specialty": "ASTROLOGY"}).encode(), "ASTROLOGY"),
        "unknown goal": (json.dumps({**good, "goal": "FAME"}).encode(), "a goal this page does not know: FAME"),
        "ticks not true or false": (
            json.dumps({**good, "version": 1, "skills": {first: "yes"}}).encode(),
            "should be true or false",
        ),
    }


def test_a_bad_file_is_refused_and_changes_nothing(reader, curriculum):
    page = reader.page
    chosen = a_mixed_selection(curriculum)
    choose_many(page, chosen)
    before = saved(page)
    for kind, (content, says) in bad_files(curriculum).items():
        page.evaluate("() => { document.querySelector('[data-cm-message]').textContent = ''; }")
        load_file(page, content, name="bad.json")
        page.wait_for_function("() => document.querySelector('[data-cm-message]').textContent.startsWith('Not loaded')")
        assert says in message(page), kind
        assert message(page).endswith("Nothing was changed."), kind
        assert levels_on(page) == chosen, kind
        assert saved(page) == before, kind


def test_clearing_asks_first(reader, curriculum):
    page = reader.page
    chosen = a_mixed_selection(curriculum)
    choose_many(page, chosen)
    questions = []

    def answer(accept):
        def respond(dialog):
            questions.append(dialog.message)
            dialog.accept() if accept else dialog.dismiss()

        return respond

    page.once("dialog", answer(False))
    page.get_by_role("button", name="Clear all levels").click()
    assert questions and f"Clear your levels in {len(chosen)} skills?" in questions[0]
    assert levels_on(page) == chosen and message(page) == "Nothing was cleared."

    page.once("dialog", answer(True))
    page.get_by_role("button", name="Clear all levels").click()
    assert len(questions) == 2
    assert levels_on(page) == {}
    assert saved(page) is None
    page.reload()
    assert levels_on(page) == {}
    assert_results_match(page, curriculum, {})


# -- without JavaScript, after instant navigation, on a phone ---------------------------------------


def test_without_javascript_the_page_is_a_form_to_fill_in_and_print(visits, server, curriculum):
    with visits(server, viewport=PHONE, javascript=False) as visit:
        visit.open(PAGE)
        page = visit.page
        assert page.locator("select[data-cm-skill]").count() == len(curriculum.skills)
        for skill in curriculum.skills[:: max(1, len(curriculum.skills) // 12)]:
            open_domain_of(page, skill.id)
            choices = [NOT_YET_DONE] + [f"{level.level} {level.label}" for level in curriculum.scale(skill.scale)]
            box = page.get_by_label(accessible_name(skill), exact=True)
            assert box.is_visible(), skill.id
            assert box.locator("option").all_inner_texts() == choices, skill.id
        specialty = page.get_by_label("Your specialty")
        assert specialty.locator("option").all_inner_texts() == [b.title for b in curriculum.backgrounds]
        assert specialty.input_value() == default_specialty(curriculum)
        assert [g.label for g in goals(curriculum)] == [
            " ".join(t.split()) for t in page.locator(".cm-sa-goal label").all_inner_texts()
        ]
        assert not page.locator("[data-cm-tools]").is_visible()
        assert not page.locator(".cm-sa-whole").first.is_visible(), "one level for a domain needs the script"
        last, first = curriculum.skills[-1], curriculum.skills[0]
        level = curriculum.scale(last.scale)[1]
        choose(page, {last.id: level.level})
        page.locator(f'details[data-cm-domain="{first.domain}"] > summary').click()  # folded again
        printed = " ".join(pdf_text(page.pdf()).split())  # the filled-in form prints with its choices
        assert f"{accessible_name(last)} {level.level} {level.label}" in printed
        assert f"{accessible_name(first)} {NOT_YET_DONE}" in printed, "a folded domain prints too"
        assert not horizontal_overflow(page)


def test_the_page_works_after_instant_navigation(visit, curriculum, built_site):
    visit.allow_instant_navigation(built_site, SITE_URL)
    page = visit.page
    with page.expect_response("**/sitemap.xml"):
        visit.open("")
    page.evaluate("window.__samePage = true")
    page.locator(".md-nav--primary").get_by_role("link", name="Find my gap").first.click()
    page.wait_for_url(f"**/{PAGE}")
    page.wait_for_selector("[data-cm-tools]:not([hidden])")
    assert page.evaluate("window.__samePage === true"), "instant navigation, not a new page load"
    first = curriculum.skills[0]
    choose(page, {first.id: 3})
    assert_results_match(page, curriculum, {first.id: 3})
    assert not request_problems(visit), request_problems(visit)


def settled(page) -> None:
    """Until no transition runs: Material fades its back-to-top button in after a scroll up, and axe would read the
    colours of a half-shown button."""
    page.wait_for_function("() => document.getAnimations().every((a) => a.playState !== 'running')")


def test_on_a_phone_nothing_overflows_and_every_state_is_accessible(visits, server, curriculum):
    with visits(server, viewport=PHONE, touch=True) as visit:
        visit.open(PAGE)
        page = visit.page
        page.wait_for_selector("[data-cm-tools]:not([hidden])")
        preset_button(page).click()
        choose_goal(page, curriculum, "FIPP")
        page.locator("details[data-cm-domain] > summary").first.click()
        page.locator("details[data-cm-skills-to-learn] > summary").first.click()
        page.locator("details.cm-sa-which:not([data-cm-skills-to-learn]) summary").first.click()
        assert not horizontal_overflow(page), horizontal_overflow(page)
        settled(page)
        assert not accessibility_violations(page), accessibility_violations(page)
        choose_specialty(page, curriculum.get("backgrounds", "NEUROLOGY"))  # no starting point; a track refuses it
        settled(page)
        assert not accessibility_violations(page), accessibility_violations(page)
        small = page.eval_on_selector_all(
            "[data-cm-self-assessment] select:visible, .cm-sa-goal label, details[data-cm-domain] > summary, "
            "[data-cm-tools] button, .cm-sa-summary a",
            "elements => elements.map(e => e.getBoundingClientRect()).filter(b => b.height < 24 || b.width < 24).length",
        )
        assert small == 0, "every control is at least 24 px tall and wide"
