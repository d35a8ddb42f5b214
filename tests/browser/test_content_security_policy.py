"""The site under its Content-Security-Policy, reached the way readers move through it: from the home page,
every page by Material's instant navigation (one document, whose first policy stays in force and whose
new content's scripts Material runs again), with no policy violation and no console error; and search,
the palette toggle, Find my gap, the table sorter and the tooltips working there. Each page opened
directly is checked by the per-page gates (tests/browser/test_gates.py: request_problems reports
violations), and the policy itself by tests/test_gates_static.py."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.support.browsing import DESKTOP
from tests.support.gates import request_problems, site_url_of
from tests.support.sitebuild import PROJECT

# Set once the first page is shown: each page Material shows afterwards leaves its address here, and a
# page loaded the ordinary way (not by instant navigation) would have lost the variable.
_WATCH_INSTANT_NAVIGATION = """
() => {
  window.__sameDocument = true;
  document$.subscribe(() => { window.__shown = location.pathname; });
}
"""


@pytest.fixture(scope="module")
def reader(visits, server, built_site):
    """One desktop context on the home page, with Material's instant navigation on."""
    with visits(server, viewport=DESKTOP) as visit:
        visit.allow_instant_navigation(built_site, site_url_of(PROJECT))
        with visit.page.expect_response("**/sitemap.xml"):  # instant navigation starts once Material has read it
            visit.open("", wait_until="load")
        visit.page.evaluate(_WATCH_INSTANT_NAVIGATION)
        yield visit


def go_within_the_site(visit, path: str) -> None:
    """Follow the site's own link to `path` (relative to the site), as a reader's click does."""
    target = urlsplit(visit.server.base_url).path + path
    followed = visit.page.evaluate(
        """(target) => {
          const link = [...document.querySelectorAll("a[href]")].find((a) => new URL(a.href).pathname === target);
          if (link) link.click();
          return Boolean(link);
        }""",
        target,
    )
    assert followed, f"no link on {visit.page.url} leads to {target}"
    visit.page.wait_for_function("(target) => window.__shown === target", arg=target)
    assert visit.page.evaluate("window.__sameDocument === true"), f"{path} was loaded anew, not by instant navigation"


def test_every_page_reached_within_the_site_runs_under_the_policy(reader, built_site):
    """Walk the navigation in its order, each page by instant navigation from the one before."""
    base = urlsplit(reader.server.base_url).path
    listed = reader.page.eval_on_selector_all(
        ".md-nav--primary a.md-nav__link[href]", "links => links.map((a) => new URL(a.href).pathname)"
    )
    walk = [path.removeprefix(base) for path in dict.fromkeys(listed) if path != base]
    every_page = {p.relative_to(built_site).parent.as_posix() + "/" for p in built_site.rglob("index.html")} - {"./"}
    assert set(walk) == every_page, "the navigation leads to every page"
    reader.forget()
    for path in walk:
        go_within_the_site(reader, path)
    go_within_the_site(reader, "")  # and home again
    problems = request_problems(reader)
    assert not problems, "\n".join(problems)


def test_search_finds_under_the_policy(reader, curriculum):
    reader.forget()
    skill = curriculum.skills[0]
    reader.page.wait_for_timeout(150)  # Material closes the search 125 ms after a navigation; then a reader types
    search = reader.page.locator("input.md-search__input")
    search.click()
    search.press_sequentially(skill.id)
    # Results come as the ID is typed: on a busy machine the first ones are for its first letters only.
    expect(reader.page.locator(".md-search-result")).to_contain_text(skill.title)
    reader.page.keyboard.press("Escape")
    assert not request_problems(reader)


def test_the_palette_toggle_works_under_the_policy(reader):
    reader.forget()
    body = reader.page.locator("body")
    before = body.get_attribute("data-md-color-scheme")
    reader.page.locator("label.md-header__button[for^='__palette']:visible").click()
    assert body.get_attribute("data-md-color-scheme") != before
    reader.page.locator("label.md-header__button[for^='__palette']:visible").click()
    assert body.get_attribute("data-md-color-scheme") == before
    assert not request_problems(reader)


def test_the_table_sorter_works_after_instant_navigation(reader, curriculum):
    reader.forget()
    go_within_the_site(reader, "tracks/")
    button = reader.page.get_by_role("button", name="Skills", exact=True)
    header = reader.page.locator("table.cm-comparison thead th", has=button)
    button.click()
    assert header.get_attribute("aria-sort") in ("ascending", "descending")
    assert not request_problems(reader)


def test_find_my_gap_works_after_instant_navigation(reader, curriculum):
    reader.forget()
    go_within_the_site(reader, "self-assessment/")
    page = reader.page
    page.wait_for_selector("[data-cm-tools]:not([hidden])")
    page.locator("details[data-cm-domain] > summary").first.click()
    level = page.locator("[data-cm-self-assessment] select[data-cm-skill]").first
    level.select_option("3")
    assert f"You have rated 1 skill of {len(curriculum.skills)}." in page.locator("[data-cm-summary]").inner_text()
    level.select_option("0")
    assert not request_problems(reader)


def test_tooltips_work_after_instant_navigation(reader, curriculum):
    reader.forget()
    go_within_the_site(reader, "glossary/")
    term = reader.page.locator("article abbr:visible").first
    expansion = term.get_attribute("title")  # Material takes it off the element for its own tooltip
    term.hover()
    tooltip = reader.page.locator(".md-tooltip2--active")
    tooltip.wait_for()
    assert expansion and tooltip.inner_text().strip() == expansion
    assert not request_problems(reader)
