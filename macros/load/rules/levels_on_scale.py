"""A level set for a skill (a track's target, a per-background target, an entry skill, a specialty's preset) is a
level of the scale that skill is assessed on: the entrustment-supervision scale (data/entrustment.yaml) for
procedural and clinical skills, the milestone scale (data/milestones.yaml) for knowledge and professional skills."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME
from ...problems import Problem
from ..reading import Loaded

ID = "levels-on-scale"


def check(loaded: Loaded) -> Iterator[Problem]:
    tracks, backgrounds = DATA_FILES_BY_NAME["tracks"], DATA_FILES_BY_NAME["backgrounds"]
    for index, track, position, entry in loaded.checklist_entries():
        yield from _off(loaded, tracks, (index, "skills", position), entry.skill, entry.level)
        for place, other in enumerate(entry.for_backgrounds):
            if other.level is not None:
                at = (index, "skills", position, "for_backgrounds", place)
                yield from _off(loaded, tracks, at, entry.skill, other.level)
        for route_at, route in enumerate(track.admits):
            for place, needed in enumerate(route.entry_skills):
                at = (index, "admits", route_at, "entry_skills", place)
                yield from _off(loaded, tracks, at, needed.skill, needed.level)
    for index, background in loaded.valid["backgrounds"]:
        for place, preset in enumerate(background.preset.skills if background.preset else []):
            yield from _off(loaded, backgrounds, (index, "preset", "skills", place), preset.skill, preset.level)


def _off(loaded: Loaded, data_file, at: tuple, skill_id: str, level: int) -> Iterator[Problem]:
    scale = loaded.scale_of(skill_id)
    if scale is None or scale.data_file not in loaded.documents:
        return  # an unknown skill or an unreadable scale is its own problem
    levels = sorted(loaded.scales[scale])
    if level not in levels:
        skill = loaded.skills[skill_id]
        yield loaded.problem(
            data_file,
            at + ("level",),
            f"level {level} is not on the {scale.label}, which {skill_id} (a {skill.kind.value} skill) is assessed on; "
            f"data/{scale.data_file}.yaml has levels {', '.join(map(str, levels))}",
        )
