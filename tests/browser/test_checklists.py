"""A track's checklist on screen, in Chromium (issue 19): on a 390 x 844 phone, a card per skill with its name, ID,
target level in number and words, minimum number, assessment and sign-off, and the targets for other specialties,
inside the screen, with no box of its own that scrolls; domains that fold; Back returning to the same skill after
Material's instant navigation; from 720 px a table that fits the column at 1280 px with its header row sticking
under the site's header. Printing is tests/browser/test_print.py's."""

from __future__ import annotations

import pytest

from tests.support.browsing import PHONE, unfold_checklist
from tests.support.gates import horizontal_overflow, request_problems, site_url_of
from tests.support.sitebuild import PROJECT

# The page scrolls, never a box inside the checklist: every element that could scroll on its own, in either direction.
_SCROLL_BOXES = """(sheet) => [sheet, ...sheet.querySelectorAll("*")].filter((element) => {
  const style = getComputedStyle(element);
  const x = /(auto|scroll)/.test(style.overflowX) && element.scrollWidth > element.clientWidth + 1;
  const y = /(auto|scroll)/.test(style.overflowY) && element.scrollHeight > element.clientHeight + 1;
  return x || y;
}).map((element) => element.tagName + "." + element.className)"""


def longest(curriculum):
    """The fellowship with the most skills, and with targets of its own for some specialties."""
    return max((t for t in curriculum.tracks if t.is_fellowship), key=lambda t: len(t.skills))


def squeezed(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def phone(visits, server):
    with visits(server, viewport=PHONE, touch=True) as visit:
        yield visit


def test_on_a_phone_each_skill_is_a_card_that_says_what_is_signed_off(phone, curriculum):
    track = longest(curriculum)
    phone.open(f"tracks/{track.id.lower()}/")
    page = phone.page
    unfold_checklist(page)
    sheet = page.locator(".cm-sheet:has(table.cm-checklist)")
    assert sheet.evaluate(_SCROLL_BOXES) == []
    for entry in track.skills:
        skill = curriculum.skill(entry.skill)
        card = page.locator("table.cm-checklist tbody tr", has=page.locator(f'a[href$="skills/#{skill.id}"]'))
        box = card.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], f"{skill.id} is wider than the screen"
        cells = card.evaluate(
            """row => Object.fromEntries([...row.cells].filter(cell => cell.checkVisibility()).map(cell => [
                 getComputedStyle(cell, "::before").content.replace(/^"(.*)" \\/ ""$/, "$1"),
                 cell.innerText.split(/\\s+/).join(" ").trim()]))"""
        )
        level = curriculum.level(skill.id, entry.level)
        minimum = (
            "; ".join(
                [str(entry.min_supervised)] * bool(entry.min_supervised)
                + [f"{entry.min_drills} observed drill{'s' * (entry.min_drills != 1)}"] * bool(entry.min_drills)
            )
            or "—"
        )
        assert cells["none"].startswith(f"{skill.title} {skill.id}"), skill.id  # the skill's cell: no column name
        assert cells["Target level"].startswith(f"{entry.level} {level.label}"), skill.id
        assert cells["Minimum supervised"] == minimum, skill.id
        methods = ", ".join(curriculum.get("assessments", a).short_title for a in skill.assessments)
        assert cells["Assessed by"].startswith(methods), skill.id
        if entry.sign_off_requires:
            sign_off = ", ".join(curriculum.get("assessments", a).short_title for a in entry.sign_off_requires)
            assert cells["Assessed by"].endswith(f"Sign-off also needs a pass in {sign_off}."), skill.id
        for other in entry.targets()[1:]:
            assert f"For {curriculum.who(track, other.backgrounds)}: {other.level}" in cells["Target level"], skill.id
        assert {"Kind and guidance", "Risk"} <= set(cells), skill.id
    assert not horizontal_overflow(page), horizontal_overflow(page)
    assert not request_problems(phone), request_problems(phone)


def test_the_cards_keep_the_table_for_screen_readers(phone, curriculum):
    """Each value's column name is the table's, which the cards keep (Chromium keeps a table's roles whatever its
    display); the names shown beside the values are not read out, which would say them twice."""
    track = longest(curriculum)
    phone.open(f"tracks/{track.id.lower()}/")
    unfold_checklist(phone.page)
    snapshot = phone.page.locator("table.cm-checklist").aria_snapshot()
    assert '- columnheader "Target level"' in snapshot and '- columnheader "Minimum supervised"' in snapshot
    first = curriculum.skill(track.skills[0].skill)
    assert f'- cell "{first.title} {first.id}"' in snapshot


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 800}], ids=["phone", "laptop"])
def test_domains_fold_and_unfold_on_screen_and_print_whole(visits, server, curriculum, viewport):
    """On a phone every domain starts folded, a button per domain (a card per skill of every domain would make a
    page of some 20 000 px); on a laptop every domain starts open. Either way each folds and unfolds, and the
    printed sheet shows every skill."""
    track = longest(curriculum)
    on_phone = viewport is PHONE
    with visits(server, viewport=viewport, touch=on_phone) as visit:
        visit.open(f"tracks/{track.id.lower()}/")
        page = visit.page
        buttons = page.locator("table.cm-checklist button.cm-fold")
        buttons.first.wait_for()
        assert buttons.count() == len(curriculum.checklist(track))
        starts = "false" if on_phone else "true"
        assert [buttons.nth(i).get_attribute("aria-expanded") for i in range(buttons.count())] == [
            starts
        ] * buttons.count()
        domain = curriculum.checklist(track)[0][0]
        button = page.get_by_role("button", name=domain.title, exact=True)
        rows = page.locator("table.cm-checklist tbody", has=button).locator("tr:not(.cm-group)")
        assert rows.first.is_visible() is not on_phone
        button.click()
        assert button.get_attribute("aria-expanded") == str(on_phone).lower() and rows.first.is_visible() is on_phone
        page.emulate_media(media="print")
        assert rows.first.is_visible() and rows.last.is_visible(), "a folded domain still prints"
        page.emulate_media(media="screen")
        button.press("Enter")
        assert button.get_attribute("aria-expanded") == starts and rows.first.is_visible() is not on_phone


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 800}], ids=["phone", "laptop"])
def test_back_returns_to_the_same_skill(visits, server, built_site, curriculum, viewport):
    """A fellow reading the checklist opens a skill in the catalogue, then goes back: the same skill is where it
    was, with Material's instant navigation on (it restores the page's scroll; a box of its own would not be)."""
    track = longest(curriculum)
    entry = track.skills[len(track.skills) * 2 // 3]
    with visits(server, viewport=viewport, touch=viewport is PHONE) as visit:
        visit.allow_instant_navigation(built_site, site_url_of(PROJECT))
        page = visit.page
        with page.expect_response("**/sitemap.xml"):
            visit.open(f"tracks/{track.id.lower()}/")
        page.evaluate("window.__samePage = true")
        link = page.locator(f'table.cm-checklist a[href$="skills/#{entry.skill}"]')
        # Its domain opened (on a phone): checklist.js keeps it open for Back.
        unfold_checklist(page, containing=f'a[href$="skills/#{entry.skill}"]')
        link.evaluate("a => a.scrollIntoView({block: 'center'})")
        # Material reads the page's offset on the next frames, and keeps it with the history entry it leaves.
        page.wait_for_function(
            "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))"
        )
        before = link.bounding_box()["y"]
        link.click()
        page.wait_for_url(f"**/skills/#{entry.skill}")
        page.wait_for_function("(id) => document.getElementById(id) !== null", arg=entry.skill)  # the catalogue
        page.go_back()
        page.wait_for_url(f"**/tracks/{track.id.lower()}/")
        # The same skill, where it was: Material restores the page's scroll once it has put the page back.
        page.wait_for_function(
            """([selector, y]) => {
                 const a = document.querySelector(selector);
                 return a !== null && Math.abs(a.getBoundingClientRect().y - y) < 4;
               }""",
            arg=[f'table.cm-checklist a[href$="skills/#{entry.skill}"]', before],
            timeout=10_000,
        )
        assert page.evaluate("window.__samePage === true"), "instant navigation, not a new page load"
        assert not request_problems(visit), request_problems(visit)


@pytest.mark.parametrize("width", [720, 960, 1280])
def test_from_720_px_the_table_fits_and_its_header_stays_in_view(visits, server, curriculum, width):
    with visits(server, viewport={"width": width, "height": 800}) as visit:
        page = visit.page
        for track in curriculum.tracks:
            visit.open(f"tracks/{track.id.lower()}/")
            table = page.locator("table.cm-checklist")
            assert table.evaluate("t => t.scrollWidth <= t.parentElement.clientWidth"), f"{track.id} is too wide"
            assert not horizontal_overflow(page), horizontal_overflow(page)
        track = longest(curriculum)
        visit.open(f"tracks/{track.id.lower()}/")
        table.evaluate("t => window.scrollTo(0, t.getBoundingClientRect().top + scrollY + t.offsetHeight / 2)")
        header = page.locator(".md-header").bounding_box()
        for name in ("Skill", "Target level", "Minimum supervised", "Assessed by"):
            heading = page.locator("table.cm-checklist thead th", has_text=name).first.bounding_box()
            assert abs(heading["y"] - (header["y"] + header["height"])) < 2, f"{name} is not under the site's header"
        shown = page.locator("table.cm-checklist td[data-label]").first.evaluate(
            "cell => getComputedStyle(cell, '::before').content"
        )
        assert shown == "none", "the table's header names each column"
