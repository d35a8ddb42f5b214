"""The site's quality gates as plain functions. Each takes what it inspects (the built site, or a page
open in the browser and what its visit recorded) and returns a list of problems, one readable line
each; an empty list means the gate passes.

The same functions run over every built page (tests/test_gates_static.py, tests/browser/test_gates.py)
and over pages broken on purpose (tests/browser/test_gates_catch.py), which shows that each gate
catches what it is there for.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

from macros.csp import inline_code, page_policy, source_hash
from tests.support.sitebuild import site_url

# axe-core rule sets: WCAG 2.0, 2.1 and 2.2 at levels A and AA, and Deque's best practices.
# (axe tags no WCAG 2.2 rule at level A, so there is no "wcag22a".)
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice")
# The rules of those whose outcome depends on colours, the only thing a palette changes.
AXE_COLOUR_RULES = ("color-contrast", "link-in-text-block")
AXE_CORE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"

# Elements that make the browser fetch something, and the attributes that say what.
_FETCHED_BY = {
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "script": ("src",),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "audio": ("src",),
    "video": ("src", "poster"),
    "track": ("src",),
    "input": ("src",),
}
# <link> relations that fetch or connect; the others (canonical, prev, next, alternate…) only name a page.
FETCHING_LINK_RELS = {
    "stylesheet",
    "icon",
    "shortcut",
    "apple-touch-icon",
    "manifest",
    "preload",
    "modulepreload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "prerender",
}
_CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""")
_NOT_LINKS = ("mailto:", "tel:", "data:", "javascript:")


# -- the built site, read statically ---------------------------------------------------------------


@dataclass
class BuiltPage:
    file: Path
    url: str  # the path it is served at, e.g. /REPO/skills/

    @functools.cached_property
    def soup(self) -> BeautifulSoup:
        return BeautifulSoup(self.file.read_text(encoding="utf-8"), "html.parser")

    @functools.cached_property
    def ids(self) -> set[str]:
        found = {element["id"] for element in self.soup.find_all(id=True)}
        return found | {element["name"] for element in self.soup.find_all("a", attrs={"name": True})}


def site_url_of(project: Path) -> str:
    """The address the project is published at (site_url in its mkdocs.yml, or SITE_URL when set)."""
    return site_url(project)


class BuiltSite:
    """A built site as GitHub Pages serves it: every file under `prefix` (the path of site_url). With
    `folder_index` off, as a browser opens it from a folder on disk: an address must name a file, since
    nothing turns folder/ into folder/index.html."""

    def __init__(self, root: Path, site_url: str, folder_index: bool = True):
        self.root = Path(root)
        self.site_url = site_url if site_url.endswith("/") else site_url + "/"
        self.prefix = urlsplit(self.site_url).path
        self.folder_index = folder_index
        self.pages: dict[str, BuiltPage] = {}  # by the path each is served at
        for file in sorted(self.root.rglob("*.html")):
            relative = file.relative_to(self.root).as_posix()
            if folder_index and relative.endswith("index.html"):
                relative = relative[: -len("index.html")]
            self.pages[self.prefix + relative] = BuiltPage(file, self.prefix + relative)
        self._by_file = {page.file: page for page in self.pages.values()}

    def file_at(self, path: str) -> Path | None:
        """The file GitHub Pages (or, without folder_index, a browser from disk) opens for a path under the
        prefix, or None."""
        relative = unquote(path[len(self.prefix) :])
        target = self.root / relative
        if target.is_dir():
            if not self.folder_index:
                return None
            target = target / "index.html"
        return target if target.is_file() else None

    def page_at(self, path: str) -> BuiltPage | None:
        return self._by_file.get(self.file_at(path))

    def local_path(self, url: str, base: str) -> str | None:
        """The absolute path a link on the page at `base` leads to on this site, or None if it leaves it."""
        if url.startswith(self.site_url):
            url = url[len(self.site_url) - len(self.prefix) :]
        parts = urlsplit(url)
        if parts.scheme or parts.netloc:
            return None
        return urlsplit(urljoin(base, url)).path


def broken_links(site: BuiltSite) -> list[str]:
    """Every link, image, stylesheet and script on every page that points into the site must find its
    file, and every #anchor its element: MkDocs checks Markdown links, but not raw HTML (renderers,
    Material's templates, HTML written in pages). The 404 page is served at any depth, so it may only
    use absolute paths. The sitemap must list only pages that exist."""
    where: dict[str, list[str]] = defaultdict(list)  # problem -> pages it is on
    for page in site.pages.values():
        anywhere = page.file.name == "404.html"
        for element in page.soup.find_all(["a", "area", "link", "img", "script", "iframe", "source"]):
            for attribute in ("href", "src"):
                url = element.get(attribute)
                if url is None or url.startswith(_NOT_LINKS):
                    continue
                described = f'<{element.name} {attribute}="{url}">'
                if anywhere and not url.startswith(("/", "#")) and site.local_path(url, page.url) is not None:
                    where[f"{described}: the 404 page is shown at any address, so it needs an absolute path"].append(
                        page.url
                    )
                    continue
                problem = _link_problem(site, page, url)
                if problem:
                    where[f"{described}: {problem}"].append(page.url)
    sitemap = site.root / "sitemap.xml"
    if sitemap.is_file():
        for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap.read_text(encoding="utf-8")):
            problem = _link_problem(site, None, loc.strip())
            if problem:
                where[f"sitemap.xml <loc>{loc}</loc>: {problem}"].append(site.prefix + "sitemap.xml")
    return [_on_pages(problem, pages) for problem, pages in where.items()]


def _link_problem(site: BuiltSite, page: BuiltPage | None, url: str) -> str | None:
    base = page.url if page else site.prefix
    path = site.local_path(url, base)
    if path is None:
        return None  # a link to another site; fetching from one is external_resources' business
    if not path.startswith(site.prefix):
        return f"leads outside {site.prefix}, where GitHub Pages serves the site"
    if site.file_at(path) is None:
        return f"there is no file at {path}"
    fragment = unquote(urlsplit(url).fragment)
    if fragment:
        target = page if path == base and page else site.page_at(path)
        if target is not None and fragment not in target.ids:
            return f'{target.url} has no element with id "{fragment}"'
    return None


def external_resources(site: BuiltSite) -> list[str]:
    """Anything a page or stylesheet would fetch from another host (a font, a script, an image, a
    preconnect…): a page view must contact no host but the site's own."""
    where: dict[str, list[str]] = defaultdict(list)
    for page in site.pages.values():
        for element in page.soup.find_all(True):
            urls = []
            for attribute in _FETCHED_BY.get(element.name, ()):
                value = element.get(attribute) or ""
                urls += [c.split()[0] for c in value.split(",") if c.strip()] if attribute == "srcset" else [value]
            if element.name == "link" and FETCHING_LINK_RELS & {r.lower() for r in element.get("rel", [])}:
                urls.append(element.get("href", ""))
            urls += _CSS_URL.findall(element.get("style", ""))
            if element.name == "style":
                urls += _CSS_URL.findall(element.get_text())
            for url in urls:
                if _is_remote(url):
                    where[f"<{element.name}> fetches {url}"].append(page.url)
    for stylesheet in sorted(site.root.rglob("*.css")):
        for url in _CSS_URL.findall(stylesheet.read_text(encoding="utf-8")):
            if _is_remote(url):
                where[f"stylesheet fetches {url}"].append(site.prefix + stylesheet.relative_to(site.root).as_posix())
    return [_on_pages(problem, pages) for problem, pages in where.items()]


# What every page's Content-Security-Policy must say, whatever hashes it lists (issue 11).
_REQUIRED_POLICY = {
    "default-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}
_SCRIPT_SOURCES = re.compile(r"'self'|'report-sample'|'sha256-[A-Za-z0-9+/]+={0,2}'")


def policy_problems(site: BuiltSite) -> list[str]:
    """Every page carries the same Content-Security-Policy, before anything it governs; scripts come from the
    site or by hash, never 'unsafe-inline' or 'unsafe-eval'; every inline script and style of the page is
    allowed by its hash; nothing needs what no hash can allow (on…= handlers, style=, javascript: URLs).
    Material's instant navigation runs every <script> in the new page's content as JavaScript, whatever its
    type, so a data block there (JSON for a script) breaks on pages reached within the site."""
    where: dict[str, list[str]] = defaultdict(list)
    policies = defaultdict(list)
    for page in site.pages.values():
        html = page.file.read_text(encoding="utf-8")
        policy = page_policy(html)
        if not policy:
            where["no Content-Security-Policy <meta> element"].append(page.url)
            continue
        policies[policy].append(page.url)
        meta = page.soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        governed = page.soup.find(["script", "style", "link"])
        if meta.find_parent("head") is None or (governed and governed.sourceline < meta.sourceline):
            where["the policy <meta> element is not in the head before every script, style and link"].append(page.url)
        directives = {d.split()[0]: d.split()[1:] for d in policy.split(";") if d.strip()}
        for name, sources in _REQUIRED_POLICY.items():
            if directives.get(name) != sources:
                where[f"the policy says {name} {directives.get(name)}, not {' '.join(sources)}"].append(page.url)
        for name in ("script-src", "style-src"):
            loose = [source for source in directives.get(name, []) if not _SCRIPT_SOURCES.fullmatch(source)]
            if loose:
                where[f"{name} allows more than the site and hashes: {' '.join(loose)}"].append(page.url)
        found = inline_code(html)
        for kind, codes, allowed in (
            ("script", found.scripts, directives.get("script-src", [])),
            ("style", found.styles, directives.get("style-src", [])),
        ):
            for code in codes:
                if source_hash(code) not in allowed:
                    where[
                        f"inline {kind} {source_hash(code)} is not in the policy: {' '.join(code.split())[:60]}"
                    ].append(page.url)
        for item in found.unhashable:
            where[f"{item}: no hash can allow it"].append(page.url)
        container = page.soup.find(attrs={"data-md-component": "container"})
        for block in inline_code(str(container)).data_blocks if container else []:
            where[
                f"a data <script> in the page content ({' '.join(block.split())[:40]}): instant navigation runs it "
                "as JavaScript (data for a script goes in a data- attribute, as in self_assessment.html)"
            ].append(page.url)
    if len(policies) > 1:
        where[f"{len(policies)} different policies: instant navigation adds each page's to the first's"] += [
            urls[0] for urls in policies.values()
        ]
    return [_on_pages(problem, pages) for problem, pages in where.items()]


def _is_remote(url: str) -> bool:
    return urlsplit(url.strip()).netloc != ""


def _on_pages(problem: str, pages: list[str]) -> str:
    pages = sorted(set(pages))
    shown = ", ".join(pages[:3]) + (f" and {len(pages) - 3} more" if len(pages) > 3 else "")
    return f"{problem} (on {shown})"


# -- a page in the browser ---------------------------------------------------------------------------


@functools.cache
def _axe():
    """axe-playwright-python running the axe-core pinned in package.json: the copy bundled with the
    Python package is older, and its colour-contrast rule is 2-3 times slower on long pages."""
    from axe_playwright_python.sync_playwright import Axe

    assert AXE_CORE.is_file(), f"{AXE_CORE} is missing: run `make test`, which installs the Node tools"
    return Axe.from_file(AXE_CORE)


def accessibility_violations(page, colours_only: bool = False) -> list[str]:
    """axe-core's WCAG 2.0/2.1/2.2 A and AA rules and best practices on the page as it is now, or only
    the rules about colour (for a second palette: nothing else changes with it)."""
    if colours_only:
        options = {"runOnly": {"type": "rule", "values": list(AXE_COLOUR_RULES)}, "resultTypes": ["violations"]}
    else:
        options = {"runOnly": {"type": "tag", "values": list(AXE_TAGS)}, "resultTypes": ["violations"]}
    results = _axe().run(page, options=options).response
    problems = []
    for violation in results["violations"]:
        for node in violation["nodes"]:
            summary = " ".join((node.get("failureSummary") or "").split())
            problems.append(
                f"{violation['id']} ({violation['impact']}): {violation['help']} at {' '.join(map(str, node['target']))}"
                f" [{node['html'][:120]}] {summary}"
            )
    return problems


def request_problems(visit, expected_status: int = 200) -> list[str]:
    """What a visit recorded: requests to other hosts (blocked), files that were missing or failed to
    load, Content-Security-Policy violations, and console errors. The page itself may answer
    `expected_status` (404 for the 404 page)."""
    problems = [f"request to another host (blocked): {url}" for url in visit.external]
    document = visit.page.url
    for status, url in visit.error_responses:
        if not (url == document and status == expected_status):
            problems.append(f"missing file: {url} answered {status}")
    problems += [f"failed to load: {url}" for url in visit.failed if url not in visit.external]
    problems += [f"Content-Security-Policy violation: {report}" for report in visit.policy_violations]
    # Chromium also logs each failed load and each policy violation as a console error; those are reported
    # above, with their URL or the code that was blocked.
    problems += [
        f"console error: {text}"
        for text in visit.console_errors
        if not text.startswith("Failed to load resource") and "Content Security Policy directive" not in text
    ]
    return list(dict.fromkeys(problems))  # a file asked for twice is one problem


_DESCRIBE_JS = """
(element) => {
  const classes = [...element.classList].filter((name) => name !== "focus-visible").slice(0, 2);
  const text = (element.getAttribute("aria-label") || element.textContent || "").trim().replace(/\\s+/g, " ");
  return "<" + element.tagName.toLowerCase() + (element.id ? "#" + element.id : "") +
    classes.map((name) => "." + name).join("") + ">" + (text ? ' "' + text.slice(0, 50) + '"' : "");
}
"""

_OVERFLOW_JS = (
    """
() => {
  const describe = """
    + _DESCRIBE_JS
    + """;
  const width = document.documentElement.clientWidth;
  const excess = document.documentElement.scrollWidth - width;
  if (excess <= 0) return [];
  const clippedByAncestor = (element) => {
    for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
      if (getComputedStyle(up).overflowX !== "visible") return true;
    }
    return false;
  };
  const sticking = [...document.body.querySelectorAll("*")].filter((element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.right > width + 1 && !clippedByAncestor(element);
  });
  const innermost = sticking.filter((element) => !sticking.some((other) => other !== element && element.contains(other)));
  return ["the page is " + excess + " px wider than the " + width + " px screen"].concat(
    innermost.slice(0, 5).map((element) =>
      describe(element) + " reaches " + Math.round(element.getBoundingClientRect().right) + " px"));
}
"""
)


# Each word of each text shown, between spaces, and its pieces after a hyphen or a slash of its own (where a line may
# break): every piece on one line. A Range over a piece has one client rect per line it is drawn on. Text out of
# sight (display: none, visibility: hidden, a closed <details>) and text for screen readers only (clipped) has
# none that counts; code blocks (<pre>) scroll instead of wrapping.
_BROKEN_WORDS_JS = (
    r"""
() => {
  const describe = """
    + _DESCRIBE_JS
    + r""";
  const clipped = (element) => {
    for (let up = element; up && up !== document.body; up = up.parentElement) {
      const style = getComputedStyle(up);
      if (style.clip !== "auto" || style.clipPath !== "none") return true;
    }
    return false;
  };
  const found = [];
  const range = document.createRange();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !/\S/.test(node.data) || parent.closest("pre, script, style, noscript, template")) continue;
    if (!parent.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
    const words = /[^\s\u00ad]+/g;
    for (let word = words.exec(node.data); word; word = words.exec(node.data)) {
      let at = word.index;
      for (const piece of word[0].split(/(?<=[-\u2010\u2011\u2013\u2014\/])/)) {
        range.setStart(node, at);
        range.setEnd(node, at + piece.length);
        at += piece.length;
        const lines = new Set([...range.getClientRects()].filter((box) => box.width > 0).map((box) => Math.round(box.top)));
        if (lines.size > 1 && !clipped(parent)) {
          found.push('"' + piece + '" is broken over ' + lines.size + " lines in " + describe(parent));
        }
      }
    }
  }
  return [...new Set(found)];
}
"""
)


def broken_words(page) -> list[str]:
    """No word is broken inside itself (issue 19): in every text the page shows, in tables, headings, the navigation,
    cards and prose, a line breaks only between words or after a hyphen (or slash) that the text itself has."""
    return page.evaluate(_BROKEN_WORDS_JS)


def horizontal_overflow(page) -> list[str]:
    """The page must not scroll sideways: wide content scrolls inside its own box."""
    return page.evaluate(_OVERFLOW_JS)


_FOCUS_CANDIDATES_JS = (
    """
() => {
  const describe = """
    + _DESCRIBE_JS
    + """;
  const interactive = 'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, ' +
    'iframe, audio[controls], video[controls], [contenteditable=""], [contenteditable="true"], [tabindex]';
  // Rendered and visible: not display:none, not visibility:hidden, not inside a closed <details>.
  const shown = (element) => element.checkVisibility({visibilityProperty: true}) && !element.closest("[inert]");
  const scrolls = (element) => {
    const style = getComputedStyle(element);
    const x = /(auto|scroll)/.test(style.overflowX) && element.scrollWidth > element.clientWidth + 1;
    const y = /(auto|scroll)/.test(style.overflowY) && element.scrollHeight > element.clientHeight + 1;
    return x || y;
  };
  const content = document.querySelector(".md-content") || document.body;
  const wanted = [];
  const radioGroups = new Set();
  for (const element of document.querySelectorAll(interactive)) {
    if (element.tabIndex < 0 || element.disabled || !shown(element)) continue;
    if (element.type === "radio" && element.name) {  // a radio group is one tab stop
      if (radioGroups.has(element.name)) continue;
      radioGroups.add(element.name);
    }
    wanted.push({element, what: describe(element), radio: element.type === "radio" ? element.name : null});
  }
  const listed = new Set(wanted.map((w) => w.element));
  for (const element of document.body.querySelectorAll("*")) {
    if (scrolls(element) && shown(element) && !listed.has(element)) {
      // Page content must be scrollable with the keyboard itself (a table whose first column holds
      // a link is not); Material's own panels are fine when what they hold can be focused.
      wanted.push({element, what: "scroll box " + describe(element), scrollBox: true, inContent: content.contains(element)});
    }
  }
  window.__gateWanted = wanted;
  window.__gateReached = new Set();
  window.__gateOrder = [];
  document.addEventListener("focusin", (event) => {
    window.__gateReached.add(event.target);
    window.__gateOrder.push(event.target);
  });
  if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
  return wanted.length;
}
"""
)

_FOCUS_RESULT_JS = """
() => {
  const reached = window.__gateReached;
  const isReached = (w) => {
    if (reached.has(w.element)) return true;
    if (w.radio) return [...reached].some((r) => r.type === "radio" && r.name === w.radio);
    if (w.scrollBox && !w.inContent) return [...reached].some((r) => w.element.contains(r));
    return false;
  };
  return window.__gateWanted.filter((w) => !isReached(w)).map((w) => w.what + " is never reached with the Tab key");
}
"""

_FOCUS_PROGRESS_JS = """
() => {
  const order = window.__gateOrder;
  return {distinct: window.__gateReached.size, wrapped: order.length > 1 && order.indexOf(order[0], 1) > 0};
}
"""


def unreachable_by_keyboard(page, batch: int = 25) -> list[str]:
    """Press Tab through the whole page, as a keyboard user would, and list every visible control and
    every scroll box that focus never reached."""
    wanted = page.evaluate(_FOCUS_CANDIDATES_JS)
    limit = 2 * wanted + 50
    pressed, distinct = 0, -1
    while pressed < limit:
        for _ in range(batch):
            page.keyboard.press("Tab")
        pressed += batch
        progress = page.evaluate(_FOCUS_PROGRESS_JS)
        if progress["wrapped"] or progress["distinct"] == distinct:  # round the page once, or stuck
            break
        distinct = progress["distinct"]
    return page.evaluate(_FOCUS_RESULT_JS)
