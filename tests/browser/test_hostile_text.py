"""A track whose title and summary hold everything that could be read as code: quotes, &, < >, </title>,
</script>, Jinja braces, a leading =, a line break, a right-to-left mark, an emoji and a combining accent.
The site builds (a title that only needs escaping is not refused), and in Chromium the text is shown
exactly as typed, with its line break as a space, everywhere it lands: the tab title, the heading and its
readable id, the navigation, the table of contents, the header, the footer links, the meta description,
the printed running line and search results; no element is made from it, and nothing breaks the
Content-Security-Policy. One extra build, of a copy of the project (macros/escape.py has the rules;
tests/test_escape.py feeds them many more strings)."""

from __future__ import annotations

import html
import json
import re

import pytest
from bs4 import BeautifulSoup
from markdown.extensions.toc import slugify

from macros.escape import one_line
from tests.support.gates import request_problems
from tests.support.pages_server import PagesServer
from tests.support.sitebuild import build_site, copy_project, mkdocs_yml, site_prefix

TRACK = "FEL-US-6M"
PAGE = "tracks/fel-us-6m/"
TITLE = '=A Breakout & "care" fellows\' <b class="pwned">b</b></title><script id="pwned">x</script> {{ x }} {% if %}\n+@- \u200f🩺 e\u0301'
SUMMARY = (
    'Summary "quoted" & \'single\' <img src=x onerror="window.pwned=1"> </title></script> '
    "{{ config.site_name }} {% raw %}\nnext line =1+2 @x -y \u200f 🩺 e\u0301"
)
SHOWN = one_line(TITLE)
NO_LIVE_MARKUP = "() => document.querySelectorAll('.pwned, #pwned, img[src=x]').length === 0 && !window.pwned"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A copy of the project whose track has the hostile title and summary, and whose page also has the
    title as a section heading (for the table of contents), built strictly."""
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    tracks = project / "data" / "tracks.yaml"
    text = tracks.read_text(encoding="utf-8")
    for field, value in (("title", TITLE), ("summary", SUMMARY)):
        line = re.search(rf"(?<=\n- id: {TRACK}\n)(?:  .*\n)*?(  {field}: .*)\n", text).group(1)
        text = text.replace(line, f"  {field}: {json.dumps(value, ensure_ascii=False)}", 1)
    tracks.write_text(text, encoding="utf-8")
    with (project / "docs" / "tracks" / "fel-us-6m.md").open("a", encoding="utf-8") as page:
        page.write(f'\n## {{{{ track_title("{TRACK}") }}}}\n\nThe title again, as a section.\n')
    site = tmp_path_factory.mktemp("hostile-site") / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    config = mkdocs_yml(project)
    return site, config


@pytest.fixture(scope="module")
def reader(hostile, visits):
    site, _ = hostile
    server = PagesServer(site, site_prefix()).start()
    with visits(server) as visit:
        yield visit
    server.stop()


def text_of(page, selector: str) -> str:
    """The element's text without the heading's permalink, white space as a reader sees it."""
    return page.evaluate(
        """(selector) => {
          const element = document.querySelector(selector).cloneNode(true);
          element.querySelectorAll(".headerlink").forEach((link) => link.remove());
          return element.textContent.trim();
        }""",
        selector,
    )


def read_css_string(serialised: str) -> str:
    """A string as Chromium serialises it in CSS: quotes and backslashes escaped with a backslash."""
    assert serialised[0] == serialised[-1] == '"'
    return re.sub(r"\\([0-9a-fA-F]{1,6}) ?|\\(.)", lambda m: chr(int(m[1], 16)) if m[1] else m[2], serialised[1:-1])


def test_the_track_page_shows_the_text_exactly_everywhere(hostile, reader):
    _, config = hostile
    page = reader.page
    reader.open(PAGE, wait_until="load")
    assert page.title() == f"{SHOWN} - {config['site_name']}"
    assert text_of(page, "article h1") == SHOWN
    slug = page.locator("article h1").get_attribute("id")
    assert slug == slugify(SHOWN, "-") and re.fullmatch(r"[a-z0-9_]+(-[a-z0-9_]+)*", slug), slug
    assert text_of(page, ".md-nav--primary a.md-nav__link--active") == SHOWN
    assert text_of(page, f".md-nav--secondary a[href$='#{slug}_1']") == SHOWN
    assert text_of(page, ".md-header__topic[data-md-component=header-topic]") == SHOWN
    assert page.locator("meta[name=description]").get_attribute("content") == one_line(SUMMARY)
    running = page.evaluate(
        "() => document.querySelector('.cm-print-running style').sheet.cssRules[0].cssRules[0].style.content"
    )
    assert read_css_string(running).startswith(f"{SHOWN} · "), running
    assert page.evaluate(NO_LIVE_MARKUP)
    assert not request_problems(reader)


def test_search_shows_the_title_exactly(reader):
    page = reader.page
    reader.forget()
    reader.open("", wait_until="load")
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("Breakout")  # a word of the title alone
    page.locator(".md-search-result__item").first.wait_for()
    titles = page.evaluate(
        """(page) => [...document.querySelectorAll(".md-search-result__item > a")]
          .filter((a) => new URL(a.href).pathname.endsWith(page) && !new URL(a.href).hash)
          .map((a) => a.querySelector("h1").textContent.trim())""",
        PAGE,
    )
    assert titles == [SHOWN]
    assert page.evaluate(NO_LIVE_MARKUP)
    assert not request_problems(reader)


def test_the_files_hold_the_text_exactly(hostile):
    """Read as their readers read them: the neighbour's footer link, the search index, the JSON download."""
    site, _ = hostile
    after = BeautifulSoup((site / "tracks" / "fel-pm-1y" / "index.html").read_text(encoding="utf-8"), "html.parser")
    previous = after.select_one("a.md-footer__link--prev")
    assert previous["aria-label"] == f"Previous: {SHOWN}"
    assert previous.select_one(".md-ellipsis").get_text(strip=True) == SHOWN
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    (entry,) = [doc for doc in index["docs"] if doc["location"] == PAGE]
    assert html.unescape(re.sub(r"<[^>]+>", "", entry["title"])) == SHOWN
    document = json.loads((site / "downloads" / "curriculum.json").read_text(encoding="utf-8"))
    (track,) = [t for t in document["tracks"] if t["id"] == TRACK]
    assert (track["title"], track["summary"]) == (TITLE, SUMMARY)
