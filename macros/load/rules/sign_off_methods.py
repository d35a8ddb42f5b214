"""An assessment a track requires before a skill is signed off (`sign_off_requires`, in the track's own target or
a per-background one) is one the skill is assessed by and one the track uses."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME
from ...problems import Problem
from ..reading import Loaded

ID = "sign-off-methods"


def check(loaded: Loaded) -> Iterator[Problem]:
    tracks = DATA_FILES_BY_NAME["tracks"]
    methods = loaded.keys("assessments") or set()
    for index, track, position, entry in loaded.checklist_entries():
        skill = loaded.skills.get(entry.skill)
        written = [((), entry)] + [(("for_backgrounds", k), other) for k, other in enumerate(entry.for_backgrounds)]
        for where, holder in written:
            for place, method in enumerate(holder.sign_off_requires):
                if method not in methods:
                    continue  # an unknown method is its own problem (references)
                at = (index, "skills", position, *where, "sign_off_requires", place)
                if skill is not None and method not in skill.assessments:
                    yield loaded.problem(
                        tracks,
                        at,
                        f"{method} is not one of the assessments of {skill.id} ({', '.join(skill.assessments)}); "
                        "add it to the skill's assessments in data/skills.yaml",
                    )
                if method not in track.assessments:
                    yield loaded.problem(tracks, at, f"{method} is not one of this track's assessments; add it there")
