"""Every skill in the catalogue is taught in at least one track."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME
from ...problems import Problem
from ..reading import Loaded

ID = "skills-taught"


def check(loaded: Loaded) -> Iterator[Problem]:
    # A mention of a renamed or retired ID is its own problem; the skill it now names is not "not taught".
    taught = loaded.skills_listed("tracks", "skills")
    if taught is None:
        return
    skills = DATA_FILES_BY_NAME["skills"]
    for index, skill in loaded.valid["skills"]:
        if skill.id not in taught:
            yield loaded.problem(
                skills,
                (index, "id"),
                f"{skill.id} is not taught in any track; add it to a track's skills in data/tracks.yaml",
            )
