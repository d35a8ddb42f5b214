"""Across tracks, a higher target level for a skill never comes with a lower minimum number of supervised
procedures."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME
from ...problems import Problem
from ..reading import Loaded

ID = "minimums-across-tracks"


def check(loaded: Loaded) -> Iterator[Problem]:
    tracks = DATA_FILES_BY_NAME["tracks"]
    counted: dict[str, list] = {}
    for index, track, position, entry in loaded.checklist_entries():
        if entry.min_supervised is not None and loaded.on_scale(entry):
            counted.setdefault(entry.skill, []).append((index, position, track, entry))
    for places in counted.values():
        for index, position, _, entry in places:
            for _, _, other, other_entry in places:
                if entry.level > other_entry.level and entry.min_supervised < other_entry.min_supervised:
                    yield loaded.problem(
                        tracks,
                        (index, "skills", position, "min_supervised"),
                        f"level {entry.level} for {entry.skill} needs at least {entry.min_supervised} supervised "
                        f"here, fewer than the {other_entry.min_supervised} {other.id} asks for level "
                        f"{other_entry.level}; a higher level needs at least as many",
                    )
