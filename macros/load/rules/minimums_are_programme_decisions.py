"""A minimum number of supervised procedures is the faculty's decision, never credited to a framework: the source of
a checklist line that sets `min_supervised` (its own `source`, or else the track's `targets_source`) is a
programme decision."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME
from ...problems import Problem
from ..reading import Loaded

ID = "minimums-are-programme-decisions"


def check(loaded: Loaded) -> Iterator[Problem]:
    tracks = DATA_FILES_BY_NAME["tracks"]
    sources = loaded.by_key("sources")
    for index, track, position, entry in loaded.checklist_entries():
        source = sources.get(entry.source or track.targets_source)
        if entry.min_supervised is None or source is None or source.is_programme_decision:
            continue
        yield loaded.problem(
            tracks,
            (index, "skills", position, "min_supervised"),
            f"the minimum number is credited to {source.id}, a {source.kind.label.lower()}; minimum numbers are the "
            "faculty's decisions: give this line source: PROGRAMME (or another programme-decision source)",
        )
