"""HTML from the renderers reaches a page after Markdown, not through it.

A macro's table goes into the page's Markdown as a one-line placeholder (an HTML comment, which Markdown
passes through untouched) and is put in place in the HTML that Markdown makes of the page. Markdown
would otherwise parse every generated table as raw HTML, and MkDocs parse it once more for anchor ids:
most of a large curriculum's build time. The anchor ids of the blocks are returned with the page, so
that links to them can still be checked.

The search index reads each page's HTML too, and skips the elements marked `data-search-exclude`
(checklists, the matrix, Find my gap) only after parsing them. Those elements therefore wait as
placeholders of their own until the page is indexed, and go in place in the finished page.

A renderer that writes headings for the page's table of contents returns them as `Heading`s between its
`Html` parts (`Rendered`): each Heading becomes a Markdown heading line, each Html part a placeholder.
"""

from __future__ import annotations

import functools
import html
import itertools
import re
from dataclasses import dataclass

from .escape import markdown_heading

_PLACEHOLDER = "<!-- curriculum block {} -->"
_PLACED = re.compile(r"<!-- curriculum block (\d+) -->")
# Text from data is escaped (no `<`, `>` or `"` survives), so these can only match what the templates wrote.
_ID = re.compile(r'\sid="([^"]*)"')
_UNSEARCHABLE = re.compile(r"<(\w+)\b[^>]*\sdata-search-exclude[\s>]")


class Html(str):
    """HTML a template made, for the page after Markdown."""


@dataclass(frozen=True)
class Heading:
    """A heading of the page, written into its Markdown so that the table of contents lists it."""

    text: str
    """Plain text (from data): markdown_heading writes it so that Markdown finds no syntax in it."""
    id: str
    level: int = 2

    def markdown(self) -> str:
        return f"{'#' * self.level} {markdown_heading(self.text)} {{#{self.id}}}"


class Rendered(tuple):
    """What a renderer made for a page, in page order: Headings and Html."""

    def __str__(self) -> str:
        """The parts as one text, as a page would hold them inline (for reading in tests and tools)."""
        return "\n\n".join(part.markdown() if isinstance(part, Heading) else part for part in self)


class NotPlaced(Exception):
    """A block's placeholder did not come out of Markdown as it went in (e.g. it was inside code)."""


class Blocks:
    """The blocks waiting for their pages, by page (any key that names a page, e.g. its source path)."""

    def __init__(self) -> None:
        self._waiting: dict[str, dict[int, tuple[str, str]]] = {}  # page -> number -> (macro, HTML)
        self._unsearchable: dict[str, dict[int, tuple[str, str]]] = {}
        self._numbers = itertools.count()

    def markdown(self, page: str, macro: str, output: str | Html | Rendered) -> str:
        """What goes into the page's Markdown for a macro's output: Markdown as it is, headings as Markdown
        headings, HTML as placeholders."""
        if isinstance(output, Html):
            output = Rendered((output,))
        if not isinstance(output, Rendered):
            return output
        return "\n\n".join(
            part.markdown() if isinstance(part, Heading) else self._hold(self._waiting, page, macro, part)
            for part in output
            if isinstance(part, Heading) or part.strip()
        )

    def place(self, page: str, content: str) -> tuple[str, set[str]]:
        """The page's HTML (from Markdown) with its blocks in place but for their unsearchable elements, and
        the anchor ids the blocks hold."""
        ids: set[str] = set()

        def searchable(macro: str, block: str) -> str:
            ids.update(html.unescape(anchor) for anchor in _ID.findall(block))
            return self._hold_unsearchable(page, macro, block)

        return _put(self._waiting.pop(page, {}), content, searchable), ids

    def place_unsearchable(self, page: str, output: str) -> str:
        """The finished page with the elements search does not index in place."""
        return _put(self._unsearchable.pop(page, {}), output, lambda macro, block: block)

    def _hold(self, waiting: dict, page: str, macro: str, block: str) -> str:
        number = next(self._numbers)
        waiting.setdefault(page, {})[number] = (macro, block)
        return _PLACEHOLDER.format(number)

    def _hold_unsearchable(self, page: str, macro: str, block: str) -> str:
        parts, done = [], 0
        for match in _UNSEARCHABLE.finditer(block):
            if match.start() < done:  # inside an element already held
                continue
            end = _end_of_element(block, match.group(1), match.start())
            parts += (
                block[done : match.start()],
                self._hold(self._unsearchable, page, macro, block[match.start() : end]),
            )
            done = end
        return "".join(parts) + block[done:] if parts else block


def _put(waiting: dict[int, tuple[str, str]], content: str, block_for) -> str:
    """`content` with each placeholder of `waiting` replaced by block_for(macro, block); all must be found."""

    def put(match: re.Match) -> str:
        if int(match.group(1)) not in waiting:  # not one of these: leave it as it is
            return match.group(0)
        return block_for(*waiting.pop(int(match.group(1))))

    content = _PLACED.sub(put, content)
    if waiting:
        macros = ", ".join(sorted({f"{macro}()" for macro, _ in waiting.values()}))
        raise NotPlaced(
            f"{macros} made a table that could not be put in the page: write the macro call on a line"
            " of its own, outside code blocks"
        )
    return content


def _end_of_element(block: str, tag: str, start: int) -> int:
    """Where the element of type `tag` that opens at `start` ends (after its closing tag)."""
    depth = 0
    for match in _tags(tag).finditer(block, start):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return block.index(">", match.end()) + 1
    raise ValueError(f"<{tag}> opened but not closed in a template's output")


@functools.cache
def _tags(tag: str) -> re.Pattern:
    return re.compile(rf"<(/?){tag}\b")
