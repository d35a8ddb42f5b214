"""Every source in `data/sources.yaml` is cited by a record (a `source` or `targets_source` field): a source that
nothing cites is a claim the site makes without saying where. Cite it, or remove it."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME
from ...problems import Problem
from ..reading import Loaded

ID = "sources-cited"
CITING_FIELDS = ("source", "targets_source")


def check(loaded: Loaded) -> Iterator[Problem]:
    if not loaded.every_file_read:
        return  # a file that could not be read may hold the citations
    cited = {
        value for name, document in loaded.documents.items() if name != "sources" for value in _citations(document)
    }
    sources = DATA_FILES_BY_NAME["sources"]
    for index, source in loaded.valid["sources"]:
        if source.id not in cited:
            yield loaded.problem(
                sources,
                (index, "id"),
                f"no record cites {source.id} (in a source or targets_source field): cite it where it is the "
                "authority, or remove it",
            )


def _citations(value):
    if isinstance(value, dict):
        for key, inner in value.items():
            if key in CITING_FIELDS and isinstance(inner, str):
                yield inner
            else:
                yield from _citations(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _citations(inner)
