"""A per-background target (`for_backgrounds` in a track's checklist) names only specialties the track admits (its
`admits` list, when it has one), and names each specialty once per skill: fellows from one specialty have one
target in each skill."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME
from ...problems import Problem
from ..reading import Loaded

ID = "background-targets-admitted"


def check(loaded: Loaded) -> Iterator[Problem]:
    tracks = DATA_FILES_BY_NAME["tracks"]
    for index, track, position, entry in loaded.checklist_entries():
        admitted = [route.background for route in track.admits]
        named_at: dict[str, int] = {}
        for place, other in enumerate(entry.for_backgrounds):
            for at, background in enumerate(other.backgrounds):
                where = (index, "skills", position, "for_backgrounds", place, "backgrounds", at)
                if admitted and background not in admitted:
                    yield loaded.problem(
                        tracks,
                        where,
                        f"this track does not admit {background} (its admits: {', '.join(admitted)}), so a target "
                        "for it would never apply; remove it, or admit the specialty first",
                    )
                if background in named_at:
                    yield loaded.problem(
                        tracks,
                        where,
                        f"{background} already has a target for {entry.skill} (for_backgrounds[{named_at[background]}]); "
                        "name each specialty once per skill",
                    )
                named_at.setdefault(background, place)
