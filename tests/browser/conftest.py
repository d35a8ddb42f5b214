"""Browser fixtures: the built site served as GitHub Pages would serve it, and Debian's Chromium driven
by Playwright with every request to another host blocked and recorded (see tests/browsing.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from browsing import CHROMIUM, CHROMIUM_FLAGS, PHONE, new_visit
from playwright.sync_api import sync_playwright

from pages_server import PagesServer
from sitebuild import site_prefix


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


@pytest.fixture
def visit(browser, server):
    """A fresh desktop browser context on the served site."""
    opened = new_visit(browser, server)
    yield opened
    opened.page.context.close()


@pytest.fixture
def phone_visit(browser, server):
    """A fresh 390 x 844 browser context on the served site."""
    opened = new_visit(browser, server, viewport=PHONE)
    yield opened
    opened.page.context.close()
