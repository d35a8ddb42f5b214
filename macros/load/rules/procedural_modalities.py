"""Only procedural skills name how they are guided (`modalities`)."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME
from ...problems import Problem
from ..reading import Loaded

ID = "procedural-modalities"


def check(loaded: Loaded) -> Iterator[Problem]:
    skills = DATA_FILES_BY_NAME["skills"]
    for index, skill in loaded.valid["skills"]:
        if skill.modalities and not skill.is_procedural:
            yield loaded.problem(
                skills,
                (index, "modalities"),
                f"only procedural skills have modalities; this skill is {skill.kind.value}",
            )
