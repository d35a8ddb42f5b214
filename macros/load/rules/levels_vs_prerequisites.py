"""Within a track, a skill's target level is never above the target of one of its prerequisites taught there,
unless `above_prerequisite_reason` says why (the checklist then shows the reason); and a reason is given only
where a level is above."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME
from ...problems import Problem
from ..reading import Loaded

ID = "levels-vs-prerequisites"


def check(loaded: Loaded) -> Iterator[Problem]:
    tracks = DATA_FILES_BY_NAME["tracks"]
    skills = loaded.by_key("skills")
    for index, track, position, entry in loaded.checklist_entries():
        if not loaded.on_scale(entry):
            continue
        lower = [
            (prerequisite, track.target(prerequisite).level)
            for prerequisite in getattr(skills.get(entry.skill), "prerequisites", [])
            if track.target(prerequisite) is not None
            and loaded.on_scale(track.target(prerequisite))
            and track.target(prerequisite).level < entry.level
        ]
        at = (index, "skills", position)
        # Only when the skill could be read: one broken skills.yaml must give one message, not one per reason.
        if entry.above_prerequisite_reason is not None and not lower and entry.skill in skills:
            yield loaded.problem(
                tracks,
                at + ("above_prerequisite_reason",),
                f"level {entry.level} is not above any prerequisite of {entry.skill} in this track; remove the reason",
            )
        if entry.above_prerequisite_reason is None:
            for prerequisite, level in lower:
                yield loaded.problem(
                    tracks,
                    at + ("level",),
                    f"level {entry.level} for {entry.skill} is above level {level} for its prerequisite "
                    f"{prerequisite} in this track; lower it, or say why in above_prerequisite_reason",
                )
