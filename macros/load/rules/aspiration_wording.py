"""A negative aspiration does not rule out an intravascular injection: a text that speaks of aspiration and of
vessels or intravascular injection says so, in these words ("does not rule out"), in the data and in the pages."""

from __future__ import annotations

from collections.abc import Iterator

from ...problems import Problem
from ..reading import Loaded

ID = "aspiration-wording"
SAID = (
    "speaks of aspiration and of injection into a vessel without saying that a negative aspiration does not rule out "
    "intravascular injection; say so, in those words"
)


def check(loaded: Loaded) -> Iterator[Problem]:
    for data_file, path, text in loaded.prose():
        if _pairs_them(text):
            yield loaded.problem(data_file, path, f"the text {SAID}")
    for page in loaded.pages:
        for line, paragraph in _paragraphs(page.prose):
            if _pairs_them(paragraph):
                yield loaded.page_problem(page, line, f"the paragraph {SAID}")


def _pairs_them(text: str) -> bool:
    text = " ".join(text.lower().split())
    return "aspirat" in text and ("intravascular" in text or "vessel" in text) and "does not rule out" not in text


def _paragraphs(prose):
    """(first line, text) of each run of consecutive lines."""
    start, lines, previous = None, [], None
    for line, text in prose:
        if previous is not None and line != previous + 1:
            yield start, " ".join(lines)
            lines = []
        if not lines:
            start = line
        lines.append(text)
        previous = line
    if lines:
        yield start, " ".join(lines)
