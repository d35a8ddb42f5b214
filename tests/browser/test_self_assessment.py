"""Find my gap (docs/self-assessment.md) driven in Chromium as a fellow would: ticking, reloading, the
residency baseline, per-track results checked against the curriculum, saving to a file and loading it
back, refusing bad files, clearing with confirmation, the keyboard, instant navigation, JavaScript off."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest
from browsing import PHONE, new_visit
from gates import accessibility_violations, horizontal_overflow, request_problems

from macros.export import SELF_ASSESSMENT_FORMAT, SELF_ASSESSMENT_VERSION
from sitebuild import site_prefix, site_url

PAGE = "self-assessment/"
SITE_URL = site_url()
STORAGE_KEY = site_prefix() + "#self-assessment"  # per site: GitHub Pages project sites share an origin


# -- what the page should say, worked out here from the curriculum --------------------------------


def baseline(curriculum) -> set[str]:
    return {skill for area in curriculum.gap_areas for skill in area.baseline_skills}


def progress(curriculum, held: set[str]) -> dict[str, tuple[int, int]]:
    """Track ID -> (skills held, skills taught)."""
    return {t.id: (len({e.skill for e in t.skills} & held), len(t.skills)) for t in curriculum.tracks}


def best_fit(curriculum, held: set[str]) -> str | None:
    """The rule docs/self-assessment.md states: the largest share held among tracks with something left;
    then fewer skills left; then the first listed."""
    if not held:
        return None
    counts = progress(curriculum, held)
    candidates = [
        (Fraction(have, total), -(total - have), -index, track.id)
        for index, track in enumerate(curriculum.tracks)
        for have, total in [counts[track.id]]
        if have < total
    ]
    return max(candidates)[-1] if candidates else None


def a_mixed_selection(curriculum) -> set[str]:
    """Some baseline skills and some others, spread over the catalogue."""
    ids = [s.id for s in curriculum.skills]
    return set(ids[::3]) | set(sorted(baseline(curriculum))[:1])


# -- driving the page -----------------------------------------------------------------------------


@pytest.fixture
def fellow(visit):
    visit.open(PAGE)
    visit.page.wait_for_selector("[data-cm-tools]:not([hidden])")
    yield visit
    assert not request_problems(visit), request_problems(visit)


def ticked(page) -> set[str]:
    return set(page.eval_on_selector_all('input[name="have"]:checked', "boxes => boxes.map(b => b.value)"))


def tick(page, skill_ids) -> None:
    for skill_id in sorted(skill_ids):
        page.click(f'label[for="have-{skill_id}"]')  # as a fellow does: on the skill's name


def saved(page) -> dict | None:
    """What the page keeps in localStorage, or None."""
    text = page.evaluate("key => localStorage.getItem(key)", STORAGE_KEY)
    return None if text is None else json.loads(text)


def message(page) -> str:
    return page.inner_text("[data-cm-message]")


def assert_results_match(page, curriculum, held: set[str]) -> None:
    counts = progress(curriculum, held)
    for track in curriculum.tracks:
        have, total = counts[track.id]
        row = page.locator(f'tr[data-cm-track="{track.id}"]')
        assert row.locator("[data-cm-have]").inner_text() == f"{have} of {total}", track.id
        assert row.locator("[data-cm-remaining]").inner_text() == str(total - have), track.id
        details = page.locator(f'details[data-cm-track="{track.id}"]')
        remaining = details.evaluate(
            """d => [...d.querySelectorAll("[data-cm-domain]:not([hidden])")].map(group => [
                 group.querySelector(".cm-sa-gap-title").textContent,
                 [...group.querySelectorAll("[data-cm-skill]:not([hidden])")].map(li => li.dataset.cmSkill)])"""
        )
        expected = []
        for domain in curriculum.domains:
            left = [s.id for s in curriculum.skills_in_domain(domain.id) if track.target(s.id) and s.id not in held]
            if left:
                expected.append([domain.title, left])
        assert remaining == expected, f"{track.id}: what remains, by domain"
    best = best_fit(curriculum, held)
    badges = page.eval_on_selector_all(
        "tr[data-cm-track]:has([data-cm-badge]:not([hidden]))", "rows => rows.map(r => r.dataset.cmTrack)"
    )
    assert badges == ([best] if best else [])
    verdict = page.inner_text("[data-cm-best]")
    if best:
        have, total = counts[best]
        assert verdict.startswith(f"Best fit: {curriculum.track(best).title}.")
        assert f"You hold {have} of its {total} skills" in verdict


# -- the tests ------------------------------------------------------------------------------------


def test_without_javascript_every_skill_has_a_labelled_checkbox(browser, server, curriculum):
    visit = new_visit(browser, server, javascript=False)
    try:
        visit.open(PAGE)
        page = visit.page
        for skill in curriculum.skills:
            box = page.locator(f'input[type="checkbox"]#have-{skill.id}')
            assert box.is_visible(), skill.id
            assert page.locator(f'label[for="have-{skill.id}"]').inner_text() == skill.title
        assert page.locator('input[name="have"]').count() == len(curriculum.skills)
        assert not page.locator("[data-cm-tools]").is_visible()
        assert not horizontal_overflow(page)
    finally:
        visit.page.context.close()


def test_ticks_survive_a_reload(fellow, curriculum):
    page = fellow.page
    chosen = a_mixed_selection(curriculum)
    tick(page, chosen)
    assert ticked(page) == chosen
    page.reload()
    page.wait_for_selector("[data-cm-tools]:not([hidden])")
    assert ticked(page) == chosen
    assert_results_match(page, curriculum, chosen)
    assert {k for k, v in saved(page)["skills"].items() if v} == chosen


def test_baseline_ticks_the_residency_skills_from_the_gap_analysis(fellow, curriculum):
    page = fellow.page
    assert baseline(curriculum), "the gap analysis names no baseline skills"
    page.get_by_role("button", name="Tick the anaesthesia-residency baseline").click()
    assert ticked(page) == baseline(curriculum)
    assert_results_match(page, curriculum, baseline(curriculum))
    assert f"Ticked the {len(baseline(curriculum))} skill" in message(page)


def test_results_follow_each_tick(fellow, curriculum):
    page = fellow.page
    assert_results_match(page, curriculum, set())
    assert page.inner_text("[data-cm-best]") == "Tick the skills you hold to see which track fits you best."
    held: set[str] = set()
    for track in curriculum.tracks:  # one skill of each track in turn, so the best fit moves
        skill_id = track.skills[-1].skill
        if skill_id not in held:
            tick(page, [skill_id])
            held.add(skill_id)
            assert_results_match(page, curriculum, held)
    every = {s.id for s in curriculum.skills}
    tick(page, every - held)
    assert_results_match(page, curriculum, every)
    assert page.inner_text("[data-cm-best]") == "You hold every skill of every track."


def test_results_are_announced_in_a_live_region(fellow, curriculum):
    page = fellow.page
    summary = page.locator("[data-cm-summary]")
    assert summary.get_attribute("aria-live") == "polite"
    chosen = a_mixed_selection(curriculum)
    tick(page, chosen)
    text = summary.inner_text()
    assert f"You have ticked {len(chosen)} skills of {len(curriculum.skills)}." in text
    best = best_fit(curriculum, chosen)
    assert f"Best fit: {curriculum.track(best).title}." in text
    assert page.locator("[data-cm-message]").get_attribute("role") == "status"


def test_keyboard_alone_works_the_page(fellow, curriculum):
    page = fellow.page
    page.get_by_role("button", name="Tick the anaesthesia-residency baseline").focus()
    page.keyboard.press("Enter")
    assert ticked(page) == baseline(curriculum)
    first = curriculum.skills[0].id
    page.get_by_role("checkbox", name=curriculum.skills[0].title, exact=True).focus()
    page.keyboard.press("Space")
    assert (first in ticked(page)) != (first in baseline(curriculum))
    page.keyboard.press("Tab")  # on to the skill's catalogue link
    assert page.evaluate("document.activeElement.getAttribute('href')").endswith(f"skills/#{first}")


def export_file(page) -> dict:
    with page.expect_download() as download:
        page.get_by_role("button", name="Save my ticks to a file").click()
    return json.loads(open(download.value.path(), encoding="utf-8").read())


def load_file(page, content: bytes, name: str = "ticks.json") -> None:
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Load ticks from a file").click()
    chooser.value.set_files(files=[{"name": name, "mimeType": "application/json", "buffer": content}])


def test_export_then_import_brings_the_ticks_back(fellow, curriculum):
    page = fellow.page
    chosen = a_mixed_selection(curriculum)
    tick(page, chosen)
    document = export_file(page)
    assert document["format"] == SELF_ASSESSMENT_FORMAT and document["version"] == SELF_ASSESSMENT_VERSION
    assert document["curriculum_version"] == curriculum.info.version
    assert document["skills"] == {s.id: s.id in chosen for s in curriculum.skills}

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear all ticks").click()
    assert ticked(page) == set()
    load_file(page, json.dumps(document).encode())
    page.wait_for_function("document.querySelector('[data-cm-message]').textContent.startsWith('Loaded')")
    assert ticked(page) == chosen
    assert_results_match(page, curriculum, chosen)
    page.reload()
    assert ticked(page) == chosen, "a loaded file is kept like any tick"


def bad_files(curriculum) -> dict[str, tuple[bytes, str]]:
    good = {
        "format": SELF_ASSESSMENT_FORMAT,
        "version": SELF_ASSESSMENT_VERSION,
        "curriculum_version": curriculum.info.version,
        "skills": {s.id: True for s in curriculum.skills},
    }
    return {
        "bad JSON": (b'{"format": "pain-medicine', "not valid JSON"),
        "not ours": (json.dumps({**good, "format": "something-else"}).encode(), "not saved from this page"),
        "unknown version": (
            json.dumps({**good, "version": SELF_ASSESSMENT_VERSION + 1}).encode(),
            f"format version {SELF_ASSESSMENT_VERSION + 1}",
        ),
        "unknown skill": (
            json.dumps({**good, "skills": {**good["skills"], "NO-SUCH-SKILL": True}}).encode(),
            "NO-SUCH-SKILL",
        ),
        "not true or false": (
            json.dumps({**good, "skills": {curriculum.skills[0].id: "yes"}}).encode(),
            "should be true or false",
        ),
    }


@pytest.mark.parametrize("kind", ["bad JSON", "not ours", "unknown version", "unknown skill", "not true or false"])
def test_a_bad_file_is_refused_and_changes_nothing(fellow, curriculum, kind):
    page = fellow.page
    content, says = bad_files(curriculum)[kind]
    chosen = a_mixed_selection(curriculum)
    tick(page, chosen)
    before = saved(page)
    load_file(page, content, name="bad.json")
    page.wait_for_function("document.querySelector('[data-cm-message]').textContent.startsWith('Not loaded')")
    assert says in message(page)
    assert message(page).endswith("Nothing was changed.")
    assert ticked(page) == chosen
    assert saved(page) == before
    assert_results_match(page, curriculum, chosen)


def test_clearing_asks_first(fellow, curriculum):
    page = fellow.page
    chosen = a_mixed_selection(curriculum)
    tick(page, chosen)
    questions = []

    def answer(accept):
        def respond(dialog):
            questions.append(dialog.message)
            dialog.accept() if accept else dialog.dismiss()

        return respond

    page.once("dialog", answer(False))
    page.get_by_role("button", name="Clear all ticks").click()
    assert questions and f"Clear all {len(chosen)} ticks?" in questions[0]
    assert ticked(page) == chosen and message(page) == "Nothing was cleared."

    page.once("dialog", answer(True))
    page.get_by_role("button", name="Clear all ticks").click()
    assert len(questions) == 2
    assert ticked(page) == set()
    assert saved(page) is None
    page.reload()
    assert ticked(page) == set()
    assert_results_match(page, curriculum, set())


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
    tick(page, [curriculum.skills[0].id])
    assert_results_match(page, curriculum, {curriculum.skills[0].id})
    assert not request_problems(visit), request_problems(visit)


def test_on_a_phone_nothing_overflows_and_every_state_is_accessible(browser, server, curriculum):
    visit = new_visit(browser, server, viewport=PHONE)
    try:
        visit.open(PAGE)
        page = visit.page
        page.wait_for_selector("[data-cm-tools]:not([hidden])")
        page.get_by_role("button", name="Tick the anaesthesia-residency baseline").click()
        page.locator("details.cm-sa-track summary").first.click()
        assert not horizontal_overflow(page), horizontal_overflow(page)
        assert not accessibility_violations(page), accessibility_violations(page)
        for box in page.locator('input[name="have"]').all()[:3]:
            size = box.bounding_box()
            assert size["width"] >= 24 and size["height"] >= 24, "checkboxes are at least 24 x 24 px"
    finally:
        visit.page.context.close()
