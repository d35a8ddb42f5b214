"""A fork, or the repository renamed: GitHub Pages serves it under another path, and the deploy workflow
builds it for that address (SITE_URL). Served there as GitHub Pages would, every page and the 404 page
load every file they ask for and ask no other host. The normal build served at that path does not,
which shows the check sees what it is there for."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from browsing import DESKTOP, new_visit, site_pages
from gates import request_problems

from pages_server import PagesServer

MISSING = "no/such/page/"


def served_at_the_forks_path(site_dir, fork_site_url: str) -> PagesServer:
    return PagesServer(site_dir, urlsplit(fork_site_url).path).start()


@pytest.fixture(scope="module")
def fork(browser, fork_build):
    server = served_at_the_forks_path(fork_build.dir, fork_build.site_url)
    visit = new_visit(browser, server, viewport=DESKTOP)
    yield visit
    visit.page.context.close()
    server.stop()


def test_every_page_of_a_fork_loads_everything_from_its_own_path(fork, fork_build):
    problems = []
    for path in [*site_pages(fork_build.dir), MISSING]:
        fork.forget()
        expected = 404 if path == MISSING else 200
        response = fork.open(path, wait_until="load")
        assert response.status == expected, f"{path} answered {response.status}"
        problems += [f"{path}: {problem}" for problem in request_problems(fork, expected)]
    assert not problems, "\n".join(problems)
    assert fork.server.missing() == [fork.server.prefix + MISSING]


def test_the_normal_build_served_at_a_forks_path_misses_its_files(browser, built_site, fork_build):
    """What a fork got before SITE_URL: its 404 page asks for stylesheets and scripts at the original path."""
    server = served_at_the_forks_path(built_site, fork_build.site_url)
    visit = new_visit(browser, server, viewport=DESKTOP)
    try:
        visit.open(MISSING, wait_until="load")
        assert any(problem.startswith("missing file:") for problem in request_problems(visit, 404))
    finally:
        visit.page.context.close()
        server.stop()
