"""Every page of the built site, and the 404 page reached through a missing address, in Debian's
Chromium: axe-core in the light and the dark palette, no request to another host, no missing file, no
console error, no word broken inside itself at 1280 and 390 px, no sideways scrolling on a 390 px phone,
and every control and scroll box reachable with the Tab key. The gates themselves are plain functions in
tests/support/gates.py."""

from __future__ import annotations

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import get_files

from tests.support.browsing import DESKTOP, PHONE, site_pages
from tests.support.gates import (
    accessibility_violations,
    broken_words,
    horizontal_overflow,
    request_problems,
    unreachable_by_keyboard,
)
from tests.support.sitebuild import PROJECT

# A missing address a few folders deep: GitHub Pages answers it with 404.html, whose stylesheets and
# scripts must still load from the site's sub-path.
MISSING = "no/such/page/"


def docs_pages() -> list[str]:
    """The pages MkDocs will build, as paths under the site (known before the build, so that each page
    is its own test). MkDocs itself lists them: excluded files and the like are left out as it does."""
    config = load_config(str(PROJECT / "mkdocs.yml"))
    return sorted(file.url.removeprefix("./") for file in get_files(config).documentation_pages())  # home: "./"


PAGES = docs_pages()
EVERY_ADDRESS = [*PAGES, MISSING]


def status_of(path: str) -> int:
    return 404 if path == MISSING else 200


def test_every_built_page_is_gated(built_site):
    assert sorted(site_pages(built_site)) == PAGES


@pytest.fixture(scope="module")
def desktop_light(visits, server):
    with visits(server, viewport=DESKTOP, color_scheme="light") as visit:
        yield visit


@pytest.fixture(scope="module")
def desktop_dark(visits, server):
    with visits(server, viewport=DESKTOP, color_scheme="dark") as visit:
        yield visit


@pytest.fixture(scope="module")
def phone(visits, server):
    with visits(server, viewport=PHONE) as visit:
        yield visit


def opened(visit, path: str):
    visit.forget()
    response = visit.open(path, wait_until="load")
    assert response.status == status_of(path), f"{path} answered {response.status}"
    return visit.page


@pytest.mark.parametrize("palette", ["light", "dark"])
@pytest.mark.parametrize("path", EVERY_ADDRESS)
def test_accessible_in_both_palettes(path, palette, desktop_light, desktop_dark):
    """axe-core finds nothing, and the page fetches nothing it should not; at 1280 px no word is broken inside
    itself. A palette changes colours and nothing else, so the dark one is checked with axe's colour rules alone
    (they take most of axe's time), and its words are not measured again."""
    visit = desktop_light if palette == "light" else desktop_dark
    page = opened(visit, path)
    scheme = page.locator("body").get_attribute("data-md-color-scheme")
    assert scheme == {"light": "default", "dark": "slate"}[palette], "the palette did not follow the system setting"
    problems = accessibility_violations(page, colours_only=palette == "dark") + request_problems(visit, status_of(path))
    if palette == "light":
        problems += broken_words(page)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", EVERY_ADDRESS)
def test_usable_on_a_phone_with_a_keyboard(path, phone):
    """At 390 x 844 nothing scrolls sideways, no word is broken inside itself, and Tab reaches every control and
    scroll box."""
    page = opened(phone, path)
    problems = horizontal_overflow(page) + broken_words(page) + unreachable_by_keyboard(page)
    problems += request_problems(phone, status_of(path))
    assert not problems, "\n".join(problems)


def test_404_page_is_styled_and_scripted_at_any_depth(phone):
    page = opened(phone, MISSING)
    assert page.title().startswith("Page not found")
    rules = page.evaluate("[...document.styleSheets].filter((s) => s.href).map((s) => [s.href, s.cssRules.length])")
    assert rules and all(count for _, count in rules), f"a stylesheet of the 404 page is empty or missing: {rules}"
    header = page.locator(".md-header").evaluate("(element) => getComputedStyle(element).position")
    assert header == "sticky", "Material's stylesheet is not applied"
    assert page.evaluate("typeof document$ !== 'undefined'"), "Material's script did not run"
    assert not request_problems(phone, expected_status=404)


# What Firefox does on a reload: the checkboxes come back as they were, before any script runs.
_RESTORE_OPEN_TOGGLES = """
new MutationObserver(() => {
  for (const id of ["__drawer", "__search"]) {
    const toggle = document.getElementById(id);
    if (toggle && !toggle.dataset.restored) { toggle.checked = true; toggle.dataset.restored = "yes"; }
  }
}).observe(document, {childList: true, subtree: true});
"""


def test_the_drawer_and_search_stay_closed_when_a_browser_restores_them(phone_visit):
    """overrides/base.html leaves out Material's autocomplete="off" (not allowed on a checkbox), which kept
    Firefox from restoring the drawer and search toggles on reload; toggles.js closes them instead."""
    phone_visit.page.add_init_script(_RESTORE_OPEN_TOGGLES)
    phone_visit.forget()
    phone_visit.open("glossary/", wait_until="load")
    page = phone_visit.page
    assert page.locator("#__drawer").get_attribute("data-restored") == "yes", "the toggles were restored open"
    page.wait_for_function(
        "() => !document.getElementById('__drawer').checked && !document.getElementById('__search').checked"
    )
    page.locator("label.md-header__button[for='__drawer']").click()  # and Material still opens the drawer
    assert page.locator("#__drawer").is_checked()
    assert not request_problems(phone_visit)


def test_search_runs_in_the_browser_alone(visit, curriculum):
    """Search (Material's, offline) finds a skill by its ID without asking any other host."""
    skill = curriculum.skills[0]
    visit.open("")
    box = visit.page.locator("input.md-search__input")
    box.fill(skill.id)
    results = visit.page.locator(".md-search-result__item")
    for _ in range(10):  # Material searches on a key press, and only once its index has loaded in the worker
        box.press("End")
        if results.count():
            break
        visit.page.wait_for_timeout(500)
    results.first.wait_for()
    assert skill.title in visit.page.locator(".md-search-result").inner_text()
    assert not request_problems(visit)


def test_palette_choice_is_remembered(visit):
    visit.open("")
    body = visit.page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    visit.page.locator("label.md-header__button[for^='__palette']:visible").click()
    assert body.get_attribute("data-md-color-scheme") == "slate"
    visit.page.reload()
    assert body.get_attribute("data-md-color-scheme") == "slate"
