"""A guideline or a piece of literature is cited with its year (in its title, publisher or note), so that a reader
can find the version the curriculum rests on."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME, SourceKind
from ...problems import Problem
from ..reading import Loaded

ID = "sources-dated"
YEAR = re.compile(r"\b(19|20)\d\d\b")


def check(loaded: Loaded) -> Iterator[Problem]:
    sources = DATA_FILES_BY_NAME["sources"]
    for index, source in loaded.valid["sources"]:
        if source.kind not in {SourceKind.guideline, SourceKind.literature}:
            continue
        if not YEAR.search(" ".join(filter(None, [source.title, source.publisher, source.note]))):
            yield loaded.problem(
                sources,
                (index, "title"),
                f"{source.id} is {'a guideline' if source.kind is SourceKind.guideline else 'literature'}, cited "
                "without its year: add the year of publication to its title or note",
            )
