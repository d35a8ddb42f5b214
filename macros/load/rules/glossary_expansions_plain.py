"""A glossary expansion is plain words, without <, > or &: the tooltip puts it into the page as HTML, where those
characters would be read as markup."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME
from ...problems import Problem
from ..reading import Loaded

ID = "glossary-expansions-plain"
MARKUP = re.compile(r"[<>&]")


def check(loaded: Loaded) -> Iterator[Problem]:
    glossary = DATA_FILES_BY_NAME["glossary"]
    for index, term in loaded.valid["glossary"]:
        for number, meaning in enumerate(term.meanings):
            found = sorted(set(MARKUP.findall(meaning.expansion)))
            if not found:
                continue
            yield loaded.problem(
                glossary,
                (index, "expansion") if number == 0 else (index, "also", number - 1, "expansion"),
                f"the expansion holds {' and '.join(repr(c) for c in found)}, which a tooltip would read as markup: "
                "write it in words (and for &)",
            )
