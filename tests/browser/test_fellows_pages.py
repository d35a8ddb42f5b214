"""The pages prospective fellows use to choose a track, in Chromium: the sortable track comparison, search by
skill ID and title, the workshop calendar, tap target sizes. The comparison's phone cards are in
test_applicant_journey.py, the checklists in test_checklists.py."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from macros.clock import build_date
from macros.export import FileNames
from tests.support.browsing import PHONE
from tests.support.gates import request_problems, site_url_of
from tests.support.sitebuild import PROJECT


@pytest.fixture
def phone(visits, server):
    with visits(server, viewport=PHONE) as visit:
        yield visit


def track_order(page) -> list[str]:
    """Track IDs in the comparison's row order, read from each row's link (tracks/<id>/)."""
    hrefs = page.eval_on_selector_all(
        "table.cm-comparison tbody th[scope=row] a", "links => links.map(a => a.getAttribute('href'))"
    )
    return [href.rstrip("/").split("/")[-1].upper() for href in hrefs]


SORT_KEYS = {
    "Duration": lambda track: track.duration.days if track.duration else 0,  # not published: sorts first
    "Skills": lambda track: len(track.skills),
    "Supervised cases (minimum, total)": lambda track: track.min_supervised_total,
}


def by(curriculum, heading: str, reverse: bool = False) -> list[str]:
    ordered = sorted(curriculum.tracks, key=SORT_KEYS[heading], reverse=reverse)
    return [t.id for t in ordered]


def test_only_the_numeric_columns_are_sortable(visit):
    visit.open("tracks/")
    buttons = visit.page.eval_on_selector_all(
        "table.cm-comparison thead th button.cm-sort", "buttons => buttons.map(b => b.textContent.trim())"
    )
    assert buttons == list(SORT_KEYS)
    unsortable = visit.page.locator("table.cm-comparison thead th:not(:has(button))")
    assert unsortable.count() > 0
    assert visit.page.locator("table.cm-comparison thead th[tabindex]").count() == 0, "one tab stop per heading"


@pytest.mark.parametrize("heading", list(SORT_KEYS))
def test_comparison_sorts_by_the_numbers_in_the_data(visit, curriculum, heading):
    visit.open("tracks/")
    page = visit.page
    button = page.get_by_role("button", name=heading, exact=True)
    header = page.locator("table.cm-comparison thead th", has=button)
    button.click()
    assert header.get_attribute("aria-sort") == "ascending"
    assert [SORT_KEYS[heading](curriculum.track(t)) for t in track_order(page)] == [
        SORT_KEYS[heading](curriculum.track(t)) for t in by(curriculum, heading)
    ]
    button.focus()
    page.keyboard.press("Enter")
    assert header.get_attribute("aria-sort") == "descending"
    assert [SORT_KEYS[heading](curriculum.track(t)) for t in track_order(page)] == [
        SORT_KEYS[heading](curriculum.track(t)) for t in by(curriculum, heading, reverse=True)
    ]
    page.keyboard.press("Space")
    assert header.get_attribute("aria-sort") == "ascending"
    assert not request_problems(visit), request_problems(visit)


def test_scripts_only_some_pages_need_load_once_there_even_after_instant_navigation(visit, built_site):
    """on-demand.js fetches the table sorter and the self-assessment script for the pages that need them,
    also when Material's instant navigation swaps the page in (it runs none of the new page's scripts)."""
    page = visit.page
    fetched = []
    page.on("request", lambda request: request.resource_type == "script" and fetched.append(request.url))
    visit.allow_instant_navigation(built_site, site_url_of(PROJECT))
    with page.expect_response("**/sitemap.xml"):
        visit.open("")
    assert not [url for url in fetched if "tablesort" in url or "self-assessment" in url], "not needed on the home page"
    page.evaluate("window.__samePage = true")
    for _ in range(2):  # there and back again: each script is fetched once
        page.locator(".md-nav--primary").get_by_role("link", name="Find my gap").first.click()
        page.wait_for_selector("[data-cm-tools]:not([hidden])")
        page.locator(".md-nav--primary a[href$='tracks/']").first.click()
        page.get_by_role("button", name=next(iter(SORT_KEYS)), exact=True).click()
        assert page.locator("table.cm-comparison thead th[aria-sort=ascending]").count() == 1
    assert page.evaluate("window.__samePage === true"), "instant navigation, not a new page load"
    names = [urlsplit(url).path.rsplit("/", 1)[-1] for url in fetched]
    for script in ("tablesort.min.js", "tablesort.number.min.js", "tables.js", "self-assessment.js"):
        assert names.count(script) == 1, names
    assert not request_problems(visit), request_problems(visit)


def search_results(page, query: str, expected: str) -> list[str]:
    """Section links Material's search lists for a query, best first, once `expected` is among them."""
    search = page.locator(".md-search__input")
    search.fill("")
    search.press("Backspace")  # Material searches on key presses, which fill() does not make
    page.wait_for_selector(".md-search-result__list a", state="detached")
    search.fill(query)  # at once, so that no result of a half-typed query is read by mistake
    search.press("End")
    page.wait_for_selector(f".md-search-result__list a[href$='#{expected}']")
    return page.eval_on_selector_all(".md-search-result__list a[href*='#']", "links => links.map(a => a.href)")


def test_search_finds_a_skill_by_its_id_and_by_its_title(visit, curriculum):
    """Typed as written, hyphens included, an ID or a title brings up the skill's catalogue entry among
    the first results (one skill of every domain is tried: the first in one domain, the last in the next)."""
    visit.open("")
    page = visit.page
    page.click(".md-search__input")
    for number, domain in enumerate(curriculum.domains):
        skill = curriculum.skills_in_domain(domain.id)[-(number % 2)]
        for query in (skill.id, skill.title):
            results = search_results(page, query, skill.id)
            entry = next(
                i
                for i, link in enumerate(results)
                if urlsplit(link).path.endswith("/skills/") and urlsplit(link).fragment == skill.id
            )
            assert entry < 5, f"'{query}': the skill is result {entry + 1}: {results[:5]}"
    assert not request_problems(visit), request_problems(visit)


def test_workshop_calendar_lists_upcoming_sessions_and_offers_the_ics(visit, curriculum):
    visit.open("workshops/")
    page = visit.page
    upcoming = curriculum.upcoming_workshops(build_date())
    rows = page.eval_on_selector_all("table.cm-calendar tbody tr", "rows => rows.map(r => r.id)")
    assert rows == [s.id for s in upcoming]
    link = page.get_by_role("link", name="Download the workshop dates (.ics)")
    href = link.evaluate("a => a.href")
    assert href == visit.server.base_url + f"downloads/{FileNames.workshops_ics}"
    response = page.request.get(href)
    assert response.status == 200 and response.body().startswith(b"BEGIN:VCALENDAR")


# The size of each element shown (as Playwright's is_visible: a box, and not visibility: hidden), in one call.
_VISIBLE_BOXES = """elements => elements
  .map((element) => [element.getBoundingClientRect(), getComputedStyle(element).visibility])
  .filter(([box, visibility]) => box.width > 0 && box.height > 0 && visibility !== "hidden")
  .map(([box]) => ({width: box.width, height: box.height}))"""


def test_tap_targets_are_at_least_24_px(phone, curriculum):
    targets = {
        "tracks/": ".cm-comparison-cards .cm-card__title a",
        f"tracks/{curriculum.tracks[0].id.lower()}/": ".cm-downloads a, .cm-print-action button",
        f"skills/#{curriculum.skills[0].id}": ".cm-domain-skills > summary, .cm-domain-skills[open] .cm-copy",
        "self-assessment/": ".cm-sa-tools button, select, .cm-sa-domain .cm-id, .cm-sa-domain > summary, .cm-sa-goal label, "
        ".cm-sa-summary a",
    }
    for path, selector in targets.items():
        phone.open(path)
        phone.page.wait_for_load_state("load")
        boxes = phone.page.eval_on_selector_all(selector, _VISIBLE_BOXES)
        assert boxes, (path, selector)
        small = [b for b in boxes if b["width"] < 24 or b["height"] < 24]
        assert not small, f"{path}: {len(small)} targets of '{selector}' are smaller than 24 x 24 px"
