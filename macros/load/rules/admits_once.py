"""A track lists each specialty it admits once, with everything its applicants need in that one entry."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME
from ...problems import Problem
from ..reading import Loaded

ID = "admits-once"


def check(loaded: Loaded) -> Iterator[Problem]:
    tracks = DATA_FILES_BY_NAME["tracks"]
    for index, track in loaded.valid["tracks"]:
        admitted: set[str] = set()
        for position, route in enumerate(track.admits):
            if route.background in admitted:
                yield loaded.problem(
                    tracks, (index, "admits", position, "background"), f"{route.background} is listed twice in admits"
                )
            admitted.add(route.background)
