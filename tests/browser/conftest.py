"""Browser fixtures: the built site served as GitHub Pages would serve it, and Debian's Chromium driven
by Playwright with every request to another host blocked and recorded."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pages_server import PagesServer
from playwright.sync_api import Page, sync_playwright
from sitebuild import site_prefix

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


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


@dataclass
class Visit:
    """What one browser context saw: requests it blocked, console errors, failed loads."""

    page: Page
    server: PagesServer
    external: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def open(self, path: str = "", **kwargs):
        """Go to a path relative to the site's base URL."""
        return self.page.goto(self.server.base_url + path, **kwargs)


def new_visit(browser, server: PagesServer, viewport=DESKTOP, color_scheme="light", javascript=True) -> Visit:
    context = browser.new_context(viewport=viewport, color_scheme=color_scheme, java_script_enabled=javascript)
    page = context.new_page()
    visit = Visit(page, server)
    local = urlsplit(server.origin).netloc

    def route(request_route):
        if urlsplit(request_route.request.url).netloc == local:
            request_route.continue_()
        else:
            visit.external.append(request_route.request.url)
            request_route.abort()

    page.route("**/*", route)
    page.on("console", lambda message: message.type == "error" and visit.console_errors.append(message.text))
    page.on("pageerror", lambda error: visit.console_errors.append(str(error)))
    page.on("requestfailed", lambda request: visit.failed.append(request.url))
    return visit


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


def site_pages(site_dir: Path) -> list[str]:
    """Every HTML page of the built site, as paths relative to the base URL (404.html excluded)."""
    pages = []
    for html in sorted(site_dir.rglob("index.html")):
        relative = html.parent.relative_to(site_dir).as_posix()
        pages.append("" if relative == "." else relative + "/")
    return pages
