"""A workshop, a short course on models and volunteers, never takes a skill past direct supervision (level 2), and
sets no minimum number of supervised procedures: it cannot entrust a procedure on patients."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME
from ...problems import Problem
from ..reading import Loaded

ID = "workshop-levels"
DIRECT_SUPERVISION = 2


def check(loaded: Loaded) -> Iterator[Problem]:
    tracks = DATA_FILES_BY_NAME["tracks"]
    skills = loaded.by_key("skills")
    for index, track, position, entry in loaded.checklist_entries():
        if not track.is_workshop:
            continue
        at = (index, "skills", position)
        if loaded.on_scale(entry) and entry.level > DIRECT_SUPERVISION:
            yield loaded.problem(
                tracks,
                at + ("level",),
                f"level {entry.level} in a workshop: a short course on models and volunteers takes a skill no further "
                f"than direct supervision; set level {DIRECT_SUPERVISION} or lower",
            )
        skill = skills.get(entry.skill)
        if entry.min_supervised is not None and skill is not None and skill.is_procedural:
            yield loaded.problem(
                tracks,
                at + ("min_supervised",),
                "a workshop sets no minimum number of supervised procedures (its fellows do not treat patients "
                "there); remove min_supervised",
            )
