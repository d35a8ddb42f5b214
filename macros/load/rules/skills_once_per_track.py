"""A track's checklist lists each skill once, with one target level. A skill listed twice is said once, at the
repeated line; the rules about levels and numbers read only its first line."""

from __future__ import annotations

from collections.abc import Iterator

from ... import yamlfile
from ...model import DATA_FILES_BY_NAME
from ...problems import Problem
from ..reading import Loaded

ID = "skills-once-per-track"


def check(loaded: Loaded) -> Iterator[Problem]:
    tracks = DATA_FILES_BY_NAME["tracks"]
    document = loaded.documents.get("tracks")
    for index, track in loaded.valid["tracks"]:
        first_position: dict[str, int] = {}
        for position, entry in enumerate(track.skills):
            if entry.skill in first_position:
                first_line = yamlfile.line_of(document, (index, "skills", first_position[entry.skill]))
                yield loaded.problem(
                    tracks,
                    (index, "skills", position, "skill"),
                    f"{entry.skill} is listed twice in this track, here and at line {first_line}; keep one line, "
                    "with the level and number you mean",
                )
            first_position.setdefault(entry.skill, position)
