"""A track's checklist lists each skill once, with one target level."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME
from ...problems import Problem
from ..reading import Loaded

ID = "skills-once-per-track"


def check(loaded: Loaded) -> Iterator[Problem]:
    tracks = DATA_FILES_BY_NAME["tracks"]
    for index, track in loaded.valid["tracks"]:
        first_position: dict[str, int] = {}
        for position, entry in enumerate(track.skills):
            if entry.skill in first_position:
                yield loaded.problem(
                    tracks,
                    (index, "skills", position, "skill"),
                    f"'{entry.skill}' is listed twice in this track (also at skills[{first_position[entry.skill]}])",
                )
            first_position.setdefault(entry.skill, position)
