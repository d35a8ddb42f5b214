"""HTML from the renderers reaches a page after Markdown, not through it.

A macro's table goes into the page's Markdown as a one-line placeholder (an HTML comment, which Markdown
passes through untouched) and is put in place in the HTML that Markdown makes of the page. Markdown
would otherwise parse every generated table as raw HTML, and MkDocs parse it once more for anchor ids:
most of a large curriculum's build time. The anchor ids of the blocks are returned with the page, so
that links to them can still be checked.

A template line that starts with `#` is a Markdown heading (it belongs in the table of contents): it
stays in the Markdown, and the HTML before and after it becomes a placeholder of its own.
"""

from __future__ import annotations

import html
import itertools
import re

_PLACEHOLDER = "<!-- curriculum block {} -->"
_PLACED = re.compile(r"<!-- curriculum block (\d+) -->")
_HEADING = re.compile(r"^(#.*)$", re.MULTILINE)
# Text from data is escaped, so `id="` can only be an attribute the templates wrote.
_ID = re.compile(r'\sid="([^"]*)"')


class Html(str):
    """What a template made: HTML, with the Markdown headings it writes on lines of their own."""


class NotPlaced(Exception):
    """A block's placeholder did not come out of Markdown as it went in (e.g. it was inside code)."""


class Blocks:
    """The blocks waiting for their pages, by page (any key that names a page, e.g. its source path)."""

    def __init__(self) -> None:
        self._waiting: dict[str, dict[int, tuple[str, str]]] = {}
        self._numbers = itertools.count()

    def markdown(self, page: str, macro: str, output: str) -> str:
        """What goes into the page's Markdown for a macro's output: Markdown as it is, HTML as placeholders."""
        if not isinstance(output, Html):
            return output
        parts = _HEADING.split(output)  # [html, heading, html, heading, …, html]
        for index in range(0, len(parts), 2):
            if parts[index].strip():
                number = next(self._numbers)
                self._waiting.setdefault(page, {})[number] = (macro, parts[index].strip("\n"))
                parts[index] = _PLACEHOLDER.format(number)
        return "\n\n".join(part for part in parts if part.strip())

    def place(self, page: str, content: str) -> tuple[str, set[str]]:
        """The page's HTML with its blocks in place, and the anchor ids the blocks hold."""
        waiting = self._waiting.pop(page, {})
        ids: set[str] = set()

        def put(match: re.Match) -> str:
            if int(match.group(1)) not in waiting:  # not one of ours: leave it as it is
                return match.group(0)
            macro, block = waiting.pop(int(match.group(1)))
            ids.update(html.unescape(anchor) for anchor in _ID.findall(block))
            return block

        content = _PLACED.sub(put, content)
        if waiting:
            macros = ", ".join(sorted({f"{macro}()" for macro, _ in waiting.values()}))
            raise NotPlaced(
                f"{macros} made a table that could not be put in the page: write the macro call on a line"
                " of its own, outside code blocks"
            )
        return content, ids
