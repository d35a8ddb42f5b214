"""Debian's Chromium driven by Playwright, as the browser tests use it: what a visit to the served site
records (requests to other hosts, which are blocked, console errors, failed loads, error responses),
and the pages of a built site. Fixtures built on these live in tests/browser/conftest.py; test modules
import these helpers from here (`from tests.support.browsing import …`), not from a conftest."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Page

from tests.support.pages_server import PagesServer

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


@dataclass(frozen=True)
class Folder:
    """A built site opened from a folder on disk (file:// addresses, no server), as a reviewer opens the
    unzipped preview. It stands where a PagesServer would: every file: address is the site's own."""

    root: Path
    origin: str = "file://"

    @property
    def base_url(self) -> str:
        return self.root.resolve().as_uri() + "/"


# Each securitypolicyviolation event, in every document of a context, reported to Python as one line.
# Tests too run under the pages' policy: page.wait_for_function("expression") polls with eval, which it
# blocks ('unsafe-eval'); pass a function instead, wait_for_function("() => expression").
_REPORT_POLICY_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  const blocked = event.blockedURI === "inline" ? "inline code" : event.blockedURI || "inline code";
  const sample = event.sample ? ` "${event.sample}"` : "";
  window.__reportPolicyViolation(
    `${event.effectiveDirective} blocked ${blocked}${sample} at ${event.sourceFile || location.href}:${event.lineNumber}`);
});
"""


@dataclass
class Visit:
    """What one browser context saw: requests it blocked, console errors, failed loads, error responses,
    Content-Security-Policy violations."""

    page: Page
    server: PagesServer | Folder
    external: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    error_responses: list[tuple[int, str]] = field(default_factory=list)  # (status, url) for status >= 400
    policy_violations: list[str] = field(default_factory=list)

    def open(self, path: str = "", **kwargs):
        """Go to a path relative to the site's base URL."""
        return self.page.goto(self.server.base_url + path, **kwargs)

    def allow_instant_navigation(self, site_dir: Path, site_url: str) -> None:
        """Material navigates instantly only to pages its sitemap lists, after giving the sitemap's
        addresses the host (not the port) of the page. GitHub Pages serves no port; the test server does,
        so the sitemap this visit receives names the test server, as it names site_url on GitHub Pages."""
        sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8").replace(site_url, self.server.base_url)
        self.page.route("**/sitemap.xml", lambda route: route.fulfill(body=sitemap, content_type="application/xml"))

    def forget(self) -> None:
        """Start recording afresh, e.g. before the next page in a context that is reused."""
        for recorded in (self.external, self.console_errors, self.failed, self.error_responses, self.policy_violations):
            recorded.clear()


def new_visit(
    browser, server: PagesServer | Folder, viewport=DESKTOP, color_scheme="light", javascript=True, touch=False
) -> Visit:
    """A fresh browser context on the site (`touch`: a phone's touch screen). Tests open one with the `visits`
    fixture (tests/browser/conftest.py), which closes it."""
    context = browser.new_context(
        viewport=viewport, color_scheme=color_scheme, java_script_enabled=javascript, has_touch=touch, is_mobile=touch
    )
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
    page.expose_function("__reportPolicyViolation", lambda report: visit.policy_violations.append(report))
    page.add_init_script(_REPORT_POLICY_VIOLATIONS)
    page.on("console", lambda message: message.type == "error" and visit.console_errors.append(message.text))
    page.on("pageerror", lambda error: visit.console_errors.append(str(error)))
    # net::ERR_ABORTED is a load the page itself cancelled, e.g. by going to the next page: not a failure.
    # "csp" is a load the Content-Security-Policy refused: reported, with what refused it, as a violation.
    page.on(
        "requestfailed",
        lambda request: request.failure not in ("net::ERR_ABORTED", "csp") and visit.failed.append(request.url),
    )
    page.on(
        "response",
        lambda response: response.status >= 400 and visit.error_responses.append((response.status, response.url)),
    )
    return visit


def unfold_checklist(page: Page, containing: str | None = None) -> None:
    """Open the folded domains of the track checklist on the page, as a reader taps them (a phone shows them
    folded), or only the first domain with an element matching the CSS selector `containing`."""
    page.locator("table.cm-checklist button.cm-fold").first.wait_for()  # checklist.js has made the buttons
    domains = page.locator("table.cm-checklist tbody")
    if containing is not None:
        domains = domains.filter(has=page.locator(containing)).first
    folded = domains.locator("button.cm-fold[aria-expanded='false']")
    while folded.count():
        folded.first.click()


def site_pages(site_dir: Path) -> list[str]:
    """Every HTML page of the built site, as paths relative to the base URL (404.html excluded)."""
    pages = []
    for html in sorted(site_dir.rglob("index.html")):
        relative = html.parent.relative_to(site_dir).as_posix()
        pages.append("" if relative == "." else relative + "/")
    return pages


def pdf_text(pdf: bytes, layout: bool = False) -> str:
    """The text of a PDF as poppler's pdftotext reads it (Debian's poppler-utils); pages end with a form feed.
    By default in the order it was drawn (-raw), which keeps the words of a table cell together; with
    `layout`, each line keeps its place across the page, as printed."""
    command = ["pdftotext", "-layout" if layout else "-raw", "-enc", "UTF-8", "-", "-"]
    return subprocess.run(command, input=pdf, capture_output=True, check=True).stdout.decode("utf-8")
