"""Browser fixtures: the built site served as GitHub Pages would serve it, and Debian's Chromium driven
by Playwright with every request to another host blocked and recorded (see tests/support/browsing.py)."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests.support.browsing import CHROMIUM, CHROMIUM_FLAGS, PHONE, new_visit
from tests.support.pages_server import PagesServer
from tests.support.sitebuild import site_prefix


@pytest.fixture(scope="session")
def server(built_site):
    running = PagesServer(built_site, site_prefix()).start()
    yield running
    running.stop()


@pytest.fixture(scope="session")
def browser():
    assert Path(CHROMIUM).exists(), "Debian's chromium is missing: run `make test`, which installs it"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def visits(browser):
    """Opens visits on a served site or a folder, each in a fresh browser context that is closed when its
    block ends: `with visits(server, viewport=PHONE) as visit:` (options as new_visit takes them)."""

    @contextlib.contextmanager
    def visiting(server, **options):
        opened = new_visit(browser, server, **options)
        try:
            yield opened
        finally:
            opened.page.context.close()

    return visiting


@pytest.fixture
def visit(visits, server):
    """A fresh desktop browser context on the served site."""
    with visits(server) as opened:
        yield opened


@pytest.fixture
def phone_visit(visits, server):
    """A fresh 390 x 844 browser context on the served site."""
    with visits(server, viewport=PHONE) as opened:
        yield opened
