"""No track sets a high-risk procedure above indirect supervision (level 3), as the skills catalogue says under the
risk categories: a procedure whose `risk` is high is always done with a supervisor at hand."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME, Risk
from ...problems import Problem
from ..reading import Loaded

ID = "high-risk-supervised"
INDIRECT_SUPERVISION = 3


def check(loaded: Loaded) -> Iterator[Problem]:
    tracks = DATA_FILES_BY_NAME["tracks"]
    skills = loaded.by_key("skills")
    for index, _, position, entry in loaded.checklist_entries():
        skill = skills.get(entry.skill)
        if skill is None or not skill.is_procedural or skill.risk is not Risk.high or not loaded.on_scale(entry):
            continue
        if entry.level > INDIRECT_SUPERVISION:
            yield loaded.problem(
                tracks,
                (index, "skills", position, "level"),
                f"level {entry.level} for {skill.id}, a high-risk procedure: no track takes one above indirect "
                f"supervision; set level {INDIRECT_SUPERVISION} or lower",
            )
