"""Only procedural skills have a minimum number of supervised procedures (`min_supervised`), and a fellowship sets
one for each procedural skill it teaches."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME
from ...problems import Problem
from ..reading import Loaded

ID = "minimum-numbers"


def check(loaded: Loaded) -> Iterator[Problem]:
    tracks = DATA_FILES_BY_NAME["tracks"]
    skills = loaded.by_key("skills")
    for index, track, position, entry in loaded.checklist_entries():
        skill = skills.get(entry.skill)
        if skill is None:
            continue
        at = (index, "skills", position)
        if entry.min_supervised is not None and not skill.is_procedural:
            yield loaded.problem(
                tracks,
                at + ("min_supervised",),
                f"only procedural skills have a minimum supervised number; {skill.id} is {skill.kind.value}",
            )
        if skill.is_procedural and entry.min_supervised is None and track.is_fellowship:
            yield loaded.problem(
                tracks, at, f"{skill.id} is procedural, so a fellowship must set min_supervised for it"
            )
