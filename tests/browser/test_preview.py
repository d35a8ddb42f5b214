"""The reviewers' preview (`make preview`, uploaded by the pull-request checks as `site-preview`) opened
as a reviewer opens the unzipped artifact: from its folder, at file:// addresses, with no server.
Every navigation link opens its page, search finds a skill by its ID and by a word, Find my gap keeps
its ticks and a checklist downloads; nothing asks another host and nothing logs an error."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit, urlunsplit

import pytest

from macros.export import FileNames
from tests.support.browsing import DESKTOP, Folder
from tests.support.gates import request_problems

NAVIGATION = ".md-nav--primary a.md-nav__link[href]"
# Material announces each page shown on document$, which its own page components and our scripts
# (on-demand.js) wait for. With instant navigation on, a page opened from a file never announces itself.
ANNOUNCED = "() => { let shown = false; document$.subscribe(() => { shown = true; }); return shown; }"


@pytest.fixture(scope="module")
def preview(visits, preview_build):
    """A desktop browser on the preview's folder, shared by this module's tests."""
    with visits(Folder(preview_build.dir), viewport=DESKTOP) as visit:
        yield visit


def address_of(visit, relative: str) -> str:
    return visit.server.base_url + relative


def without_fragment(url: str) -> str:
    return url.split("#")[0]


def file_and_fragment(url: str) -> str:
    """A search result's address without the query (?h=…, the words it highlights)."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", parts.fragment))


def test_navigation_links_open_pages_at_every_depth(preview, preview_build):
    """From the home page, navigation links are followed as a click follows them until a page at every
    folder depth of the build has opened with its heading and its scripts (a link at a new depth is
    followed from the page shown, else from the page where it was seen). Every link of every page names
    a file: tests/test_addresses.py reads them all."""
    page = preview.page
    preview.forget()
    page.goto(address_of(preview, "index.html"))
    home = without_fragment(page.url)
    every_page = {
        address_of(preview, file.relative_to(preview_build.dir).as_posix())
        for file in preview_build.dir.rglob("*.html")
        if file.name != "404.html"
    }

    def depth(address: str) -> int:
        return address.removeprefix(home.rsplit("/", 1)[0]).count("/")

    depths = {depth(address) for address in every_page}
    reached = {home}
    seen: dict[str, tuple[str, str]] = {}  # address -> (page it was seen on, its href as written there)
    while depths - {depth(address) for address in reached}:
        here = without_fragment(page.url)
        links = page.eval_on_selector_all(NAVIGATION, "links => links.map(a => [a.getAttribute('href'), a.href])")
        assert links, f"{here}: no navigation"
        on_this_page = {without_fragment(target): written for written, target in links}
        for target, written in on_this_page.items():
            seen.setdefault(target, (here, written))
        new_depths = [t for t in seen if depth(t) not in {depth(address) for address in reached}]
        assert new_depths, f"no navigation link leads to a page at depth {sorted(depths)}"
        target = next((t for t in new_depths if t in on_this_page), new_depths[0])
        if target in on_this_page:
            written = on_this_page[target]
        else:
            page.goto(seen[target][0])
            written = seen[target][1]
        with page.expect_navigation(wait_until="domcontentloaded"):
            # a click's default action, also for a link inside a collapsed section
            page.locator(f'{NAVIGATION}[href="{written}"]').first.evaluate("a => a.click()")
        assert without_fragment(page.url) == target
        assert target in every_page, f"'{written}' leads to {target}, which is not a page of the build"
        assert page.locator(".md-content h1").count() == 1, f"{target} opened without its heading"
        assert page.evaluate(ANNOUNCED), f"{target}: Material did not announce the page to its scripts"
        reached.add(target)
    assert len(depths) >= 2, depths
    page.wait_for_load_state()  # the last page's own scripts, too, have run
    problems = request_problems(preview)
    assert not problems, "\n".join(problems)


def search(page, query: str, expected_fragment: str) -> list[str]:
    """The addresses Material's search lists for a query, once one of them ends with #expected_fragment."""
    box = page.locator(".md-search__input")
    box.click()
    box.fill("")
    box.press("Backspace")  # Material searches on key presses, which fill() does not make
    box.fill(query)
    box.press("End")
    page.wait_for_selector(f".md-search-result__list a[href$='#{expected_fragment}']", state="attached")
    links = page.eval_on_selector_all(".md-search-result__list a[href]", "links => links.map(a => a.href)")
    return [file_and_fragment(link) for link in links]


def a_word_of_one_skill(curriculum) -> tuple[str, object]:
    """A word of six letters or more that is in one skill's title and in no other's."""
    counts = Counter(word for skill in curriculum.skills for word in set(re.findall(r"[a-z]{6,}", skill.title.lower())))
    for skill in curriculum.skills:
        for word in re.findall(r"[a-z]{6,}", skill.title.lower()):
            if counts[word] == 1:
                return word, skill
    raise AssertionError("no skill title has a word of its own")


def test_search_finds_a_skill_by_its_id_and_by_a_word(preview, curriculum):
    """Search runs in the page without a server (the index is a script, the worker runs in the vendored
    iframe-worker shim): a skill's ID and a word only its title has both list the skill's catalogue entry,
    every result opens a file, and choosing the skill opens it in the catalogue."""
    page = preview.page
    preview.forget()
    page.goto(address_of(preview, "index.html"))
    skill = curriculum.skills[0]
    word, worded = a_word_of_one_skill(curriculum)
    catalogue = address_of(preview, "skills.html")
    for query, wanted in ((skill.id, skill), (word, worded)):
        results = search(page, query, wanted.id)
        assert f"{catalogue}#{wanted.id}" in results, f"'{query}': {results[:5]}"
        assert all(without_fragment(url).endswith(".html") for url in results), results
    page.locator(f".md-search-result__list a[href$='#{worded.id}']").first.click()
    page.wait_for_url(lambda url: file_and_fragment(url) == f"{catalogue}#{worded.id}")
    assert page.locator(f"[id='{worded.id}']").is_visible()
    problems = request_problems(preview)
    assert not problems, "\n".join(problems)


def test_find_my_gap_keeps_ticks_and_a_checklist_downloads(preview, curriculum):
    """Find my gap works from a file (its script loads, a chosen level survives a reload); a track's
    checklist link downloads the file the build wrote."""
    page = preview.page
    preview.forget()
    page.goto(address_of(preview, "self-assessment.html"))
    page.locator("details[data-cm-domain] > summary").first.click()
    level = page.locator("[data-cm-self-assessment] select[data-cm-skill]").first
    level.select_option("3")
    page.reload()
    assert level.input_value() == "3"
    page.locator("details[data-cm-domain] > summary").first.click()
    level.select_option("0")

    track = curriculum.tracks[0]
    page.goto(address_of(preview, f"tracks/{track.id.lower()}.html"))
    with page.expect_download() as download:
        page.locator(f"a[href$='downloads/{FileNames.checklist_csv(track.id)}']").first.click()
    assert download.value.suggested_filename == FileNames.checklist_csv(track.id)
    problems = request_problems(preview)
    assert not problems, "\n".join(problems)
