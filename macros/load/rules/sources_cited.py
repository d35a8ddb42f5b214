"""Every source in `data/sources.yaml` is cited by a record (a `source` or `targets_source` field, or the `follows` of
a per-background target) or by a page that links to it (`sources.md#ID`): a source that nothing cites is a claim
the site makes without saying where. Cite it, or remove it. Checked with the pages."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME
from ...problems import Problem
from ..reading import Loaded

ID = "sources-cited"
CITING_FIELDS = ("source", "targets_source", "follows")
PAGE_CITATION = re.compile(r"sources\.md#([A-Z0-9-]+)")


def check(loaded: Loaded) -> Iterator[Problem]:
    if not loaded.every_file_read or loaded.docs_dir is None:
        return  # a file that could not be read, or a page not read (a data folder checked alone), may cite it
    cited = {
        value for name, document in loaded.documents.items() if name != "sources" for value in _citations(document)
    }
    cited |= {found for page in loaded.pages for line in page.lines for found in PAGE_CITATION.findall(line)}
    sources = DATA_FILES_BY_NAME["sources"]
    for index, source in loaded.valid["sources"]:
        if source.id not in cited:
            yield loaded.problem(
                sources,
                (index, "id"),
                f"no record cites {source.id} (in a source, targets_source or follows field) and no page links to it "
                f"(sources.md#{source.id}): cite it where it is the authority, or remove it",
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
