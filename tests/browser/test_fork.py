"""A fork, or the repository renamed: GitHub Pages serves it under another path, and the deploy workflow
builds it for that address (SITE_URL). Served there as GitHub Pages would, every page and the 404 page
load every file they ask for and ask no other host. The normal build served at that path does not,
which shows the check sees what it is there for.

Pages ask for their files by addresses relative to themselves, except where the build writes the site's
address, so two pages at the same depth that name the same files fetch the same addresses: one page of
each such group is opened (tests/browser/test_gates.py opens every page of the normal build)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.support.browsing import DESKTOP, site_pages
from tests.support.gates import FETCHING_LINK_RELS, request_problems
from tests.support.pages_server import PagesServer

MISSING = "no/such/page/"


def served_at_the_forks_path(site_dir, fork_site_url: str) -> PagesServer:
    return PagesServer(site_dir, urlsplit(fork_site_url).path).start()


@pytest.fixture(scope="module")
def fork(visits, fork_build):
    server = served_at_the_forks_path(fork_build.dir, fork_build.site_url)
    with visits(server, viewport=DESKTOP) as visit:
        yield visit
    server.stop()


def one_page_per_set_of_files(site_dir: Path) -> list[str]:
    """Of the site's pages, the first of each group at the same depth that names the same stylesheets,
    scripts, icons and other files (every src, and the href of every <link> that fetches)."""
    chosen: dict[tuple, str] = {}
    for path in site_pages(site_dir):
        soup = BeautifulSoup((site_dir / path / "index.html").read_text(encoding="utf-8"), "html.parser")
        files = {element.get("src") for element in soup.find_all(src=True)}
        files |= {
            link.get("href")
            for link in soup.find_all("link", href=True)
            if FETCHING_LINK_RELS & {rel.lower() for rel in link.get("rel", [])}
        }
        chosen.setdefault((path.count("/"), frozenset(files)), path)
    return list(chosen.values())


def test_every_page_of_a_fork_loads_everything_from_its_own_path(fork, fork_build):
    pages = one_page_per_set_of_files(fork_build.dir)
    assert "" in pages and len(pages) < len(site_pages(fork_build.dir))
    problems = []
    for path in [*pages, MISSING]:
        fork.forget()
        expected = 404 if path == MISSING else 200
        response = fork.open(path, wait_until="load")
        assert response.status == expected, f"{path} answered {response.status}"
        problems += [f"{path}: {problem}" for problem in request_problems(fork, expected)]
    assert not problems, "\n".join(problems)
    assert fork.server.missing() == [fork.server.prefix + MISSING]


def test_the_normal_build_served_at_a_forks_path_misses_its_files(visits, built_site, fork_build):
    """What a fork got before SITE_URL: its 404 page asks for stylesheets and scripts at the original path."""
    server = served_at_the_forks_path(built_site, fork_build.site_url)
    try:
        with visits(server, viewport=DESKTOP) as visit:
            visit.open(MISSING, wait_until="load")
            assert any(problem.startswith("missing file:") for problem in request_problems(visit, 404))
    finally:
        server.stop()
