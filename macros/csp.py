"""The Content-Security-Policy of the site, computed from the built pages. No MkDocs here: the adapter
(macros/plugin.py) runs site_policy() over every page after the build and writes the result into each.

GitHub Pages sends no headers, so the policy is a <meta http-equiv> element in each page's head
(overrides/base.html puts it there, before any script or style). Scripts run only from the site's own
files or, inline, by the SHA-256 hash of their text; styles likewise. Material's instant navigation
keeps the document of the first page a reader opens: that page's policy stays in force, the policy of
each page reached from it is added to it (Material copies the new page's head elements), and the inline
scripts of the new page's content are run again. So every page carries one and the same policy, which
allows the inline code of every page of the site.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser

# <script> types a browser runs (HTML: JavaScript MIME types, "module", or none); other types are data blocks.
_JAVASCRIPT_TYPES = {
    "",
    "module",
    "application/ecmascript",
    "application/javascript",
    "application/x-ecmascript",
    "application/x-javascript",
    "text/ecmascript",
    "text/javascript",
    "text/javascript1.0",
    "text/javascript1.1",
    "text/javascript1.2",
    "text/javascript1.3",
    "text/javascript1.4",
    "text/javascript1.5",
    "text/jscript",
    "text/livescript",
    "text/x-ecmascript",
    "text/x-javascript",
}

# Everything not named here falls back to default-src 'self'.
_FIXED_DIRECTIVES = (
    "default-src 'self'",
    "img-src 'self' data:",  # Material's stylesheet draws its icons from data: URLs
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)

_POLICY_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


@dataclass
class InlineCode:
    """What a page runs or applies from its own text rather than from the site's files."""

    scripts: list[str] = field(default_factory=list)  # inline <script> elements a browser runs
    styles: list[str] = field(default_factory=list)  # <style> elements
    data_blocks: list[str] = field(default_factory=list)  # inline <script> elements of other types (JSON…)
    unhashable: list[str] = field(default_factory=list)  # what no hash can allow: on…= handlers, style=, javascript:


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = InlineCode()
        self._open: tuple[str, list[str]] | None = None  # the raw-text element being read, and its text so far

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        described = f'<{tag} id="{attributes["id"]}">' if attributes.get("id") else f"<{tag}>"
        for name, value in attrs:
            if name.startswith("on"):
                self.found.unhashable.append(f"{described}: event handler attribute {name}")
            elif name == "style":
                self.found.unhashable.append(f'{described}: style="{value}"')
            elif name in ("href", "src", "action", "formaction") and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.found.unhashable.append(f"{described}: {name}={value}")
        if tag == "script" and "src" not in attributes:
            kind = (attributes.get("type") or "").strip().lower()
            self._open = ("script" if kind in _JAVASCRIPT_TYPES else "data", [])
        elif tag == "style":
            self._open = ("style", [])

    def handle_data(self, data):
        if self._open:
            self._open[1].append(data)

    def handle_endtag(self, tag):
        if self._open and tag in ("script", "style"):
            kind, parts = self._open
            {"script": self.found.scripts, "style": self.found.styles, "data": self.found.data_blocks}[kind].append(
                "".join(parts)
            )
            self._open = None


def inline_code(html: str) -> InlineCode:
    """The inline scripts, styles and data blocks of a page, with their text exactly as a browser hashes it, and
    what no hash can allow. A full parse of the page: the tests read every page with it."""
    reader = _Reader()
    # A browser reads CR LF and lone CR as LF before anything else (HTML: preprocessing the input stream).
    reader.feed(html.replace("\r\n", "\n").replace("\r", "\n"))
    reader.close()
    return reader.found


# What the policy needs of a page is the text of its <script> and <style> elements; a full parse of a large site
# costs more than its build, so site_policy finds them by their tags. Text from data is escaped (no "<" is left in
# it), so a "<script" can only be markup; a comment is skipped whole, as a browser skips it.
_RAW_TEXT = re.compile(
    r"<!--.*?-->|<(script|style)\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>(.*?)</\1\s*>",
    re.IGNORECASE | re.DOTALL,
)
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")


def inline_scripts_and_styles(html: str) -> InlineCode:
    """The inline scripts, styles and data blocks of a page, as inline_code finds them, without parsing the rest."""
    found = InlineCode()
    for match in _RAW_TEXT.finditer(html.replace("\r\n", "\n").replace("\r", "\n")):
        tag = (match.group(1) or "").lower()
        if not tag:
            continue  # a comment
        attributes = {
            m.group(1).lower(): unescape(m.group(2) or m.group(3) or m.group(4) or "")
            for m in _ATTRIBUTE.finditer(match.group(2))
        }
        if tag == "style":
            found.styles.append(match.group(3))
        elif "src" not in attributes:
            kind = attributes.get("type", "").strip().lower()
            (found.scripts if kind in _JAVASCRIPT_TYPES else found.data_blocks).append(match.group(3))
    return found


def source_hash(text: str) -> str:
    """The CSP source expression that allows exactly this inline script or style."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(scripts: Iterable[str] = (), styles: Iterable[str] = (), *, inline_scripts: bool = False) -> str:
    """The policy for pages with these inline scripts and styles. inline_scripts=True allows any inline script
    instead of naming each by its hash: only for a server that writes scripts of its own into the pages it
    serves (MkDocs' live reload), never for the published site. 'report-sample' puts the start of blocked
    inline code into the browser's report, which names it in the tests and the developer console."""
    if inline_scripts:
        script_src = "script-src 'self' 'unsafe-inline'"
    else:
        script_src = " ".join(["script-src 'self'", *sorted({source_hash(s) for s in scripts}), "'report-sample'"])
    style_src = " ".join(["style-src 'self'", *sorted({source_hash(s) for s in styles}), "'report-sample'"])
    return "; ".join([_FIXED_DIRECTIVES[0], script_src, style_src, *_FIXED_DIRECTIVES[1:]])


def site_policy(pages: Iterable[str], *, inline_scripts: bool = False) -> str:
    """One policy for every page of a site, allowing the inline scripts and styles of all of them."""
    scripts, styles = [], []
    for html in pages:
        found = inline_scripts_and_styles(html)
        scripts += found.scripts
        styles += found.styles
    return policy(scripts, styles, inline_scripts=inline_scripts)


def page_policy(html: str) -> str | None:
    """The policy a page carries in its head, or None."""
    match = _POLICY_META.search(html)
    return match.group(1) if match else None


def with_policy(html: str, policy_text: str) -> str:
    """The page with `policy_text` in its Content-Security-Policy <meta> element (the template writes one)."""
    found = len(_POLICY_META.findall(html))
    if found != 1:
        raise ValueError(f"a page must have one Content-Security-Policy <meta> element to fill in, not {found}")
    if set(policy_text) & set('"&<>'):
        raise ValueError(f'a policy goes into an attribute as it is, so it cannot hold " & < or >: {policy_text}')
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_text}">'
    return _POLICY_META.sub(lambda _: meta, html, count=1)
