"""Find my gap (docs/self-assessment.md) driven in Chromium as an applicant would: choosing a specialty and
levels, the residency baseline, per-track shortfalls and the best-fitting fellowship checked against the
rule the page states (worked out here from the curriculum), workshops and exam modules alongside, saving
and loading files (today's and the old tick files), refusing bad ones, clearing with confirmation, the
keyboard, instant navigation, a phone, JavaScript off."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from fractions import Fraction

import pytest

from macros.export import NOT_YET_DONE, SELF_ASSESSMENT_FORMAT, SELF_ASSESSMENT_V1_HELD_LEVEL, SELF_ASSESSMENT_VERSION
from macros.model import Scale, SkillKind, TrackKind
from tests.support.browsing import PHONE, pdf_text
from tests.support.gates import accessibility_violations, horizontal_overflow, request_problems
from tests.support.sitebuild import PROJECT, site_prefix, site_url

PAGE = "self-assessment/"
SITE_URL = site_url()
STORAGE_KEY = site_prefix() + "#self-assessment"  # per site: GitHub Pages project sites share an origin
DOCS = (PROJECT / "docs" / "self-assessment.md").read_text(encoding="utf-8")
VIEWPORTS = {"phone": PHONE, "laptop": {"width": 1280, "height": 800}}


# -- what the page should say, worked out here from the curriculum by the rules the page states -----


@dataclass
class Row:
    """One track measured against the reader's levels (docs/self-assessment.md, "How the best fit is chosen")."""

    track: object
    index: int
    required: int  # the levels the track asks for: its targets added up
    reached: int  # the reader's levels, each counted up to its target
    below: list[str]  # skills below target, in catalogue order
    admitted: bool
    missing: list[str] = field(default_factory=list)  # entry skills not yet held

    @property
    def shortfall(self) -> int:
        return self.required - self.reached

    @property
    def open(self) -> bool:
        return self.admitted and not self.missing


def targets_for(track, specialty: str) -> dict[str, int]:
    """The track's targets for a fellow from the specialty: its own, or the one it sets for the specialty."""
    return {e.skill: e.target_for(specialty).level for e in track.skills}


def measure(curriculum, levels: dict[str, int], specialty: str) -> list[Row]:
    rows = []
    for index, track in enumerate(curriculum.tracks):
        targets = targets_for(track, specialty)
        route = track.route(specialty)
        missing = [e.skill for e in route.entry_skills if levels.get(e.skill, 0) < e.level] if route else []
        rows.append(
            Row(
                track,
                index,
                required=sum(targets.values()),
                reached=sum(min(levels.get(s, 0), t) for s, t in targets.items()),
                below=[s.id for s in curriculum.skills if s.id in targets and levels.get(s.id, 0) < targets[s.id]],
                admitted=route is not None,
                missing=missing,
            )
        )
    return rows


def best_fit(curriculum, levels: dict[str, int], specialty: str) -> Row | None:
    """Among the fellowships open to the reader with a shortfall, the largest share of levels reached;
    then the smaller shortfall; then the first listed. Nothing is named before any level is chosen."""
    if not any(levels.values()):
        return None
    rows = [
        r
        for r in measure(curriculum, levels, specialty)
        if r.track.kind is TrackKind.fellowship and r.open and r.shortfall
    ]
    return max(rows, key=lambda r: (Fraction(r.reached, r.required), -r.shortfall, -r.index), default=None)


def baseline(curriculum) -> dict[str, int]:
    return curriculum.baseline_levels()


def default_specialty(curriculum) -> str:
    return curriculum.backgrounds[0].id


def a_mixed_selection(curriculum) -> dict[str, int]:
    """Every level of the scale, spread over the catalogue, and the baseline."""
    top = len(curriculum.entrustment)
    chosen = {s.id: (i % (top + 1)) for i, s in enumerate(curriculum.skills[::3])}
    return {k: v for k, v in {**chosen, **baseline(curriculum)}.items() if v}


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


def choose(page, levels: dict[str, int]) -> None:
    for skill_id, level in sorted(levels.items()):
        page.get_by_label(page.locator(f'label[for="level-{skill_id}"]').inner_text(), exact=True).select_option(
            str(level)
        )


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


def saved(page) -> dict | None:
    """What the page keeps in localStorage, or None."""
    text = page.evaluate("key => localStorage.getItem(key)", STORAGE_KEY)
    return None if text is None else json.loads(text)


def message(page) -> str:
    return page.inner_text("[data-cm-message]")


def expected_open(curriculum, row: Row, specialty: str) -> str:
    if not row.admitted:
        return f"No: it does not admit {curriculum.get('backgrounds', specialty).title}"
    if row.missing:
        route = row.track.route(specialty)
        needed = {e.skill: e.level for e in route.entry_skills}
        return "Once you hold " + ", ".join(f"{curriculum.skill(s).title} at level {needed[s]}" for s in row.missing)
    return "Yes"


def expected_why(curriculum, levels, specialty) -> tuple[str, str]:
    """The sentence under the results, as docs/self-assessment.md says it is chosen."""
    best = best_fit(curriculum, levels, specialty)
    title = curriculum.get("backgrounds", specialty).title
    if best is None:
        return "", ""
    open_count = sum(
        1
        for r in measure(curriculum, levels, specialty)
        if r.track.kind is TrackKind.fellowship and r.open and r.shortfall
    )
    share = f"{best.reached} of the {best.required} levels it asks for ({round(100 * best.reached / best.required)}%)."
    if open_count == 1:
        why = f"It is the only fellowship open to you ({title}) with something left to teach you: you already reach "
    else:
        why = (
            f"Of the {open_count} fellowships open to you ({title}), it is the one whose targets you already "
            "reach the largest share of: "
        )
    return f"Best fit: {best.track.title}.", why + share


def assert_results_match(page, curriculum, levels: dict[str, int], specialty: str | None = None) -> Row | None:
    specialty = specialty or default_specialty(curriculum)
    rows = measure(curriculum, levels, specialty)
    for row in rows:
        track = row.track
        line = page.locator(f'tr[data-cm-track="{track.id}"]')
        assert line.locator("[data-cm-below]").inner_text() == f"{len(row.below)} of {len(track.skills)}", track.id
        assert line.locator("[data-cm-shortfall]").inner_text() == str(row.shortfall), track.id
        assert line.locator("[data-cm-open]").inner_text() == expected_open(curriculum, row, specialty), track.id
        details = page.locator(f'details[data-cm-track="{track.id}"]')
        shown = details.evaluate(
            """d => [...d.querySelectorAll("[data-cm-domain]:not([hidden])")].map(group => [
                 group.querySelector(".cm-sa-gap-title").textContent,
                 [...group.querySelectorAll("[data-cm-skill]:not([hidden])")].map(li =>
                   [li.dataset.cmSkill, li.querySelector(".cm-sa-levels").textContent])])"""
        )
        expected = []
        targets = targets_for(track, specialty)
        for domain in curriculum.domains:
            left = [
                [s.id, f"you: {_yours(s, levels.get(s.id, 0))}, target: {_level_words(s, targets[s.id])}"]
                for s in curriculum.skills_in_domain(domain.id)
                if s.id in row.below
            ]
            if left:
                expected.append([domain.title, left])
        assert shown == expected, f"{track.id}: the skills below target, by domain"
    best = best_fit(curriculum, levels, specialty)
    badges = page.eval_on_selector_all(
        "tr[data-cm-track]:has([data-cm-badge]:not([hidden]))", "rows => rows.map(r => r.dataset.cmTrack)"
    )
    assert badges == ([best.track.id] if best else [])
    if best:
        name, why = expected_why(curriculum, levels, specialty)
        assert page.inner_text("[data-cm-best-name]") == name
        assert page.inner_text("[data-cm-best-why]") == why
    assert_complements(page, curriculum, rows, levels, best, specialty)
    return best


def _level_words(skill, level: int) -> str:
    """A level as the results say it: "level 3", or "milestone level 3" for a skill rated on milestones."""
    return f"{'milestone ' if skill.scale is Scale.milestones else ''}level {level}"


def _yours(skill, level: int) -> str:
    return _level_words(skill, level) if level else "not yet done"


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
                [s, f"{curriculum.skill(s).title}: to {_level_words(curriculum.skill(s), track.target(s).level)}"]
                for s in row.below
            ], f"{track.id}: the gaps the workshop closes"
            if row.below and best:
                in_best = len(set(row.below) & set(best.below))
                assert (
                    f"{len(row.below)} skills you have not reached it in, {in_best} of them below" in item.inner_text()
                )
        elif track.kind is TrackKind.exam_preparation:
            close = close_fellowship(curriculum, track, levels, specialty)
            assert item.is_visible() == (close is not None), f"{track.id} suggested?"
            if close:
                assert f"within one level of the targets of the {close.short_title}" in item.inner_text()


# -- the tests ------------------------------------------------------------------------------------


def test_without_javascript_the_page_is_a_form_to_fill_in_and_print(visits, server, curriculum):
    with visits(server, viewport=PHONE, javascript=False) as visit:
        visit.open(PAGE)
        page = visit.page
        for skill in curriculum.skills[:: max(1, len(curriculum.skills) // 12)]:
            choices = [NOT_YET_DONE] + [f"{level.level} {level.label}" for level in curriculum.scale(skill.scale)]
            box = page.get_by_label(accessible_name(skill), exact=True)
            assert box.is_visible(), skill.id
            assert box.locator("option").all_inner_texts() == choices, skill.id
        assert page.locator("select[data-cm-skill]").count() == len(curriculum.skills)
        specialty = page.get_by_label("Your specialty")
        assert specialty.locator("option").all_inner_texts() == [b.title for b in curriculum.backgrounds]
        assert specialty.input_value() == default_specialty(curriculum)
        assert not page.locator("[data-cm-tools]").is_visible()
        last = curriculum.skills[-1]
        level = curriculum.scale(last.scale)[1]
        page.get_by_label(accessible_name(last), exact=True).select_option(str(level.level))
        printed = " ".join(pdf_text(page.pdf()).split())  # the filled-in form prints with its choices
        assert f"{accessible_name(last)} {level.level} {level.label}" in printed
        assert not horizontal_overflow(page)


def test_levels_and_specialty_survive_a_reload(reader, curriculum):
    page = reader.page
    chosen = a_mixed_selection(curriculum)
    other = curriculum.backgrounds[-1]
    choose_specialty(page, other)
    choose(page, chosen)
    assert levels_on(page) == chosen
    page.reload()
    page.wait_for_selector("[data-cm-tools]:not([hidden])")
    assert levels_on(page) == chosen
    assert page.get_by_label("Your specialty").input_value() == other.id
    assert_results_match(page, curriculum, chosen, other.id)
    stored = saved(page)
    assert stored["specialty"] == other.id and {k: v for k, v in stored["levels"].items() if v} == chosen


def test_the_baseline_sets_the_residency_levels_from_the_gap_analysis(reader, curriculum):
    page = reader.page
    levels = baseline(curriculum)
    assert levels, "the gap analysis names no baseline skills"
    higher = next(iter(levels))  # a skill already rated above its baseline level keeps its level
    top = len(curriculum.entrustment)
    if levels[higher] < top:
        choose(page, {higher: top})
    page.get_by_role("button", name="Set the anaesthesia-residency baseline").click()
    expected = {**levels, higher: max(levels[higher], top)}
    assert levels_on(page) == expected
    assert_results_match(page, curriculum, expected)
    raised = len(levels) - (1 if levels[higher] < top else 0)
    assert message(page).startswith(f"Set {raised} skill")


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize(
    "case",
    ["the baseline", "the baseline and five procedures of the longest fellowship", "one advanced procedure alone"],
)
def test_the_best_fit_is_always_a_fellowship(visits, server, curriculum, viewport, case):
    """The three cases of issue 9, on a phone and on a laptop: each names a fellowship, the one the stated
    rule picks, and says why."""
    fellowships = [t for t in curriculum.tracks if t.kind is TrackKind.fellowship]
    longest = max(fellowships, key=lambda t: len(t.skills))
    procedures = [
        e
        for e in longest.skills
        if curriculum.skill(e.skill).kind is SkillKind.procedural and e.skill not in baseline(curriculum)
    ]
    if case == "the baseline":
        levels = dict(baseline(curriculum))
    elif case == "the baseline and five procedures of the longest fellowship":
        levels = {**baseline(curriculum), **{e.skill: e.level for e in procedures[:5]}}
    else:  # the procedure with the highest risk and the highest target that only fellowships teach
        advanced = max(
            (
                e
                for e in procedures
                if all(t.kind is TrackKind.fellowship for t, _ in curriculum.tracks_teaching(e.skill))
            ),
            key=lambda e: (["low", "moderate", "high"].index(curriculum.skill(e.skill).risk.value), e.level),
        )
        levels = {advanced.skill: advanced.level}
    with visits(server, viewport=VIEWPORTS[viewport]) as visit:
        visit.open(PAGE)
        page = visit.page
        page.wait_for_selector("[data-cm-tools]:not([hidden])")
        if case == "one advanced procedure alone":
            choose(page, levels)
        else:
            page.get_by_role("button", name="Set the anaesthesia-residency baseline").click()
            choose(page, {k: v for k, v in levels.items() if k not in baseline(curriculum)})
        best = assert_results_match(page, curriculum, levels)
        assert best is not None and best.track.kind is TrackKind.fellowship, case
        assert page.get_by_text(f"Best fit: {best.track.title}.").is_visible()
        badge = page.locator(f'tr[data-cm-track="{best.track.id}"] [data-cm-badge]')
        assert badge.is_visible() and badge.inner_text() == "Best fit"
        assert not horizontal_overflow(page), horizontal_overflow(page)
        assert not request_problems(visit), request_problems(visit)


def test_results_follow_each_level_and_the_specialty(reader, curriculum):
    page = reader.page
    assert_results_match(page, curriculum, {})
    assert page.inner_text("[data-cm-best]") == (
        "Choose a level for the skills you hold to see which fellowship fits you best."
    )
    levels: dict[str, int] = {}
    for track in curriculum.tracks:  # one skill of each track in turn, at its target, so the best fit moves
        entry = track.skills[-1]
        levels[entry.skill] = entry.level
        choose(page, {entry.skill: entry.level})
        assert_results_match(page, curriculum, levels)
    # A specialty some fellowship does not admit: that fellowship is not open, and never the best fit.
    fellowships = [t for t in curriculum.tracks if t.kind is TrackKind.fellowship]
    shut = next((b for b in curriculum.backgrounds if any(t.route(b.id) is None for t in fellowships)), None)
    assert shut is not None, "every fellowship admits every specialty: nothing to check"
    choose_specialty(page, shut)
    best = assert_results_match(page, curriculum, levels, shut.id)
    assert best is None or best.track.route(shut.id) is not None
    # Everything at the top of the scale: no fellowship has anything left to teach.
    top = len(curriculum.entrustment)
    choose_specialty(page, curriculum.backgrounds[0])
    everything = {s.id: top for s in curriculum.skills}
    choose_many(page, everything)
    assert_results_match(page, curriculum, everything)
    assert page.inner_text("[data-cm-best-why]").startswith("You already reach every target of the fellowships open")


def test_entry_skills_decide_whether_a_fellowship_is_open(reader, curriculum):
    """A specialty whose applicants must hold skills on entry: the fellowship opens once they are held."""
    routes = [(t, r) for t in curriculum.tracks if t.kind is TrackKind.fellowship for r in t.admits if r.entry_skills]
    if not routes:
        pytest.skip("no fellowship asks for entry skills in the curriculum as it stands")
    track, route = routes[0]
    page = reader.page
    choose_specialty(page, curriculum.get("backgrounds", route.background))
    assert_results_match(page, curriculum, {}, route.background)
    needed = {e.skill: e.level for e in route.entry_skills}
    choose(page, needed)
    assert_results_match(page, curriculum, needed, route.background)
    assert page.locator(f'tr[data-cm-track="{track.id}"] [data-cm-open]').inner_text() == "Yes"


def test_an_exam_module_is_suggested_when_close_to_a_fellowship(reader, curriculum):
    page = reader.page
    modules = [t for t in curriculum.tracks if t.kind is TrackKind.exam_preparation]
    assert modules
    page.get_by_role("button", name="Set the anaesthesia-residency baseline").click()
    assert_results_match(page, curriculum, baseline(curriculum))
    assert page.get_by_text("Exam preparation modules are suggested once").is_visible()
    fellowship = next(t for t in curriculum.tracks if t.kind is TrackKind.fellowship and t.exams)
    one_below = {e.skill: max(e.level - 1, 1) for e in fellowship.skills}
    choose_many(page, one_below)
    levels = {**baseline(curriculum), **one_below}
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
    best = best_fit(curriculum, chosen, default_specialty(curriculum))
    assert f"Best fit: {best.track.short_title}." in text
    assert page.locator("[data-cm-message]").get_attribute("role") == "status"


def test_keyboard_alone_works_the_page(reader, curriculum):
    page = reader.page
    page.get_by_role("button", name="Set the anaesthesia-residency baseline").focus()
    page.keyboard.press("Enter")
    assert levels_on(page) == baseline(curriculum)
    first = curriculum.skills[0]
    box = page.get_by_label(accessible_name(first), exact=True)
    box.focus()
    before = int(box.input_value())
    page.keyboard.press("ArrowDown")  # a closed select steps to the next level
    assert levels_on(page).get(first.id, 0) == min(before + 1, len(curriculum.scale(first.scale)))
    page.keyboard.press("Tab")  # on to the skill's catalogue link
    assert page.evaluate("document.activeElement.getAttribute('href')").endswith(f"skills/#{first.id}")


def export_file(page) -> dict:
    with page.expect_download() as download:
        page.get_by_role("button", name="Save my levels to a file").click()
    return json.loads(open(download.value.path(), encoding="utf-8").read())


def load_file(page, content: bytes, name: str = "levels.json") -> None:
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Load levels from a file").click()
    chooser.value.set_files(files=[{"name": name, "mimeType": "application/json", "buffer": content}])


def documented_fields() -> list[str]:
    """The fields the page's text says a saved file holds, in the order it names them."""
    (bullet,) = [line for line in DOCS.split("\n- ") if line.startswith("The file is a JSON object")]
    return re.findall(r"`([a-z_]+)`", bullet.replace("`pain-medicine-curriculum/self-assessment`", ""))


def test_the_page_describes_the_file_format_the_code_writes(reader, curriculum):
    assert f"`version` is `{SELF_ASSESSMENT_VERSION}`" in DOCS
    assert f"`format` is `{SELF_ASSESSMENT_FORMAT}`" in DOCS
    held = [curriculum.get(scale.data_file, SELF_ASSESSMENT_V1_HELD_LEVEL).label for scale in Scale]
    said = " ".join(DOCS.split())
    assert f"becomes level {SELF_ASSESSMENT_V1_HELD_LEVEL}, which is what a tick meant" in said
    assert f"*{held[0]}* on the entrustment scale, *{held[1]}* on the milestone scale" in said
    assert f"{curriculum.backgrounds[0].title} is chosen to start with" in " ".join(DOCS.split())
    document = export_file(reader.page)
    assert list(document) == documented_fields()


def test_export_then_import_brings_the_levels_back(reader, curriculum):
    page = reader.page
    chosen = a_mixed_selection(curriculum)
    specialty = curriculum.backgrounds[-1]
    choose_specialty(page, specialty)
    choose_many(page, chosen)
    document = export_file(page)
    assert document["format"] == SELF_ASSESSMENT_FORMAT and document["version"] == SELF_ASSESSMENT_VERSION
    assert document["curriculum_version"] == curriculum.info.version
    assert document["specialty"] == specialty.id
    assert document["levels"] == {s.id: chosen.get(s.id, 0) for s in curriculum.skills}

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear all levels").click()
    assert levels_on(page) == {}
    assert page.get_by_label("Your specialty").input_value() == default_specialty(curriculum)
    load_file(page, json.dumps(document).encode())
    page.wait_for_function("() => document.querySelector('[data-cm-message]').textContent.startsWith('Loaded')")
    assert levels_on(page) == chosen
    assert page.get_by_label("Your specialty").input_value() == specialty.id
    assert_results_match(page, curriculum, chosen, specialty.id)
    page.reload()
    assert levels_on(page) == chosen, "a loaded file is kept like any choice"


def test_a_file_saved_with_ticks_loads_with_the_documented_mapping(reader, curriculum):
    page = reader.page
    ticked = {s.id for s in curriculum.skills[::4]}
    old = {
        "format": SELF_ASSESSMENT_FORMAT,
        "version": 1,
        "curriculum_version": curriculum.info.version,
        "skills": {s.id: s.id in ticked for s in curriculum.skills},
    }
    load_file(page, json.dumps(old).encode(), name="ticks.json")
    page.wait_for_function("() => document.querySelector('[data-cm-message]').textContent.startsWith('Loaded')")
    expected = {skill_id: SELF_ASSESSMENT_V1_HELD_LEVEL for skill_id in ticked}
    assert levels_on(page) == expected
    assert_results_match(page, curriculum, expected)
    assert saved(page)["version"] == SELF_ASSESSMENT_VERSION, "kept in today's format from then on"


def test_the_targets_are_the_readers_specialtys(reader, curriculum):
    """A fellowship that sets another sedation target for fellows who are not anaesthesiologists measures such a
    reader against it: rated at level 3, an anaesthesiologist is below the target, a PM&R specialist is not."""
    page = reader.page
    track = next(t for t in curriculum.tracks if t.is_fellowship and t.target("SAFETY-SEDATION"))
    other = next(b for b in curriculum.admitted(track) if b.id != "ANAESTHESIOLOGY")
    entry = track.target("SAFETY-SEDATION")
    assert (entry.level, entry.target_for(other.id).level) == (4, 3)
    levels = {"SAFETY-SEDATION": 3}
    choose(page, levels)
    item = page.locator(f'details[data-cm-track="{track.id}"] [data-cm-skill="SAFETY-SEDATION"]')
    assert_results_match(page, curriculum, levels, default_specialty(curriculum))
    assert not item.evaluate("li => li.hidden"), "below the anaesthesiologists' target of 4"
    choose_specialty(page, other)
    assert_results_match(page, curriculum, levels, other.id)
    assert item.evaluate("li => li.hidden"), f"at the target of 3 for {other.title}"


def test_a_knowledge_or_professional_skill_is_rated_on_the_milestone_scale(reader, curriculum):
    page = reader.page
    skill = next(s for s in curriculum.skills if s.scale is Scale.milestones)
    box = page.get_by_label(accessible_name(skill), exact=True)
    assert box.locator("option").all_inner_texts() == [NOT_YET_DONE] + [
        f"{level.level} {level.label}" for level in curriculum.milestones
    ]
    track = next(t for t in curriculum.tracks if t.target(skill.id))
    choose(page, {skill.id: 1})
    item = page.locator(f'details[data-cm-track="{track.id}"] [data-cm-skill="{skill.id}"] [data-cm-yours]')
    assert item.text_content() == f"you: milestone level 1, target: milestone level {track.target(skill.id).level}"


def test_a_file_saved_before_the_milestone_scale_loads_and_asks_to_check_those_skills(reader, curriculum):
    page = reader.page
    moved = [s for s in curriculum.skills if s.scale is Scale.milestones][:3]
    procedure = next(s for s in curriculum.skills if s.scale is Scale.entrustment)
    levels = {**{s.id: 4 for s in moved}, procedure.id: 2}
    old = {
        "format": SELF_ASSESSMENT_FORMAT,
        "version": 2,
        "curriculum_version": curriculum.info.version,
        "specialty": default_specialty(curriculum),
        "levels": {s.id: levels.get(s.id, 0) for s in curriculum.skills},
    }
    load_file(page, json.dumps(old).encode(), name="version-2.json")
    page.wait_for_function("() => document.querySelector('[data-cm-message]').textContent.startsWith('Loaded')")
    assert levels_on(page) == levels, "every level kept as it was saved"
    said = message(page)
    assert (
        f"check your levels in the {len(moved)} knowledge or professional skills now rated on the milestone scale"
        in said
    )
    assert moved[0].title in said
    assert saved(page)["version"] == SELF_ASSESSMENT_VERSION


def bad_files(curriculum) -> dict[str, tuple[bytes, str]]:
    good = {
        "format": SELF_ASSESSMENT_FORMAT,
        "version": SELF_ASSESSMENT_VERSION,
        "curriculum_version": curriculum.info.version,
        "specialty": default_specialty(curriculum),
        "levels": {s.id: 1 for s in curriculum.skills},
    }
    first = curriculum.skills[0].id
    top = len(curriculum.entrustment)
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


def test_on_a_phone_nothing_overflows_and_every_state_is_accessible(visits, server, curriculum):
    with visits(server, viewport=PHONE) as visit:
        visit.open(PAGE)
        page = visit.page
        page.wait_for_selector("[data-cm-tools]:not([hidden])")
        page.get_by_role("button", name="Set the anaesthesia-residency baseline").click()
        page.locator("details.cm-sa-track summary").first.click()
        page.locator("details.cm-sa-which summary").first.click()
        assert not horizontal_overflow(page), horizontal_overflow(page)
        assert not accessibility_violations(page), accessibility_violations(page)
        for box in page.locator("select[data-cm-skill]").all()[:3]:
            size = box.bounding_box()
            assert size["height"] >= 24 and size["width"] >= 24, "level choices are at least 24 px tall"
