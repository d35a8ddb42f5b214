"""Within a track, a skill's target level is never above the target of one of its prerequisites taught there, for
fellows from any specialty (per-background targets included), unless `above_prerequisite_reason` says why (the
checklist then shows the reason); and a reason is given only where a level is above. Levels on different scales
(entrustment and milestones) are not compared."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME
from ...problems import Problem
from ..reading import Loaded

ID = "levels-vs-prerequisites"


def check(loaded: Loaded) -> Iterator[Problem]:
    tracks = DATA_FILES_BY_NAME["tracks"]
    for index, track, position, entry in loaded.checklist_entries():
        if not loaded.on_scale(entry):
            continue
        skill = loaded.skills.get(entry.skill)
        lower: dict[tuple, list] = {}  # where the entry's target is written -> (prerequisite, its level, for whom)
        for prerequisite in getattr(skill, "prerequisites", []):
            before = track.target(prerequisite)
            if before is None or loaded.scale_of(prerequisite) is not skill.scale:
                continue
            for group in loaded.target_groups(entry, before):
                mine, theirs = loaded.target_of(entry, group), loaded.target_of(before, group)
                if loaded.on_scale(mine) and loaded.on_scale(theirs) and theirs.level < mine.level:
                    found = lower.setdefault(mine.path, [])
                    if (prerequisite, theirs.level) not in [(p, level) for p, level, _ in found]:
                        found.append((prerequisite, theirs.level, group))
        at = (index, "skills", position)
        # Only when the skill could be read: one broken skills.yaml must give one message, not one per reason.
        if entry.above_prerequisite_reason is not None and not lower and skill is not None:
            yield loaded.problem(
                tracks,
                at + ("above_prerequisite_reason",),
                f"level {entry.level} is not above any prerequisite of {entry.skill} in this track; remove the reason",
            )
        if entry.above_prerequisite_reason is None:
            for path, found in lower.items():
                for prerequisite, level, group in found:
                    mine = loaded.target_of(entry, group)
                    whom = "" if group is None else f" for fellows from {group}"
                    yield loaded.problem(
                        tracks,
                        at + path + ("level",),
                        f"level {mine.level} for {entry.skill}{whom} is above level {level} for its prerequisite "
                        f"{prerequisite} in this track; lower it, or say why in above_prerequisite_reason",
                    )
