"""A retired ID (`data/retired.yaml`) is never used again, and leads to an ID in use in the same file: links to the
old ID lead to its replacement."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME
from ...problems import Problem
from ..reading import Loaded
from .references import why_unknown

ID = "retired-ids"


def check(loaded: Loaded) -> Iterator[Problem]:
    retired = DATA_FILES_BY_NAME["retired"]
    for index, entry in loaded.valid["retired"]:
        name = entry.kind.data_file
        live = loaded.keys(name)
        if live is None:
            continue
        if entry.id in live:
            yield loaded.problem(
                retired,
                (index, "id"),
                f"{entry.id} is retired but is in use again in {loaded.name(DATA_FILES_BY_NAME[name])}; "
                "an ID is never reused: give that record a new ID",
            )
        if entry.replaced_by not in live:
            yield loaded.problem(retired, (index, "replaced_by"), why_unknown(loaded, name, entry.replaced_by, live))
