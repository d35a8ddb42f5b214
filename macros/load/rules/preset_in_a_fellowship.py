"""Each skill of a specialty's preset (its `preset` in `data/backgrounds.yaml`, from which Find my gap starts) is
taught in a fellowship, so that a reader's level in it counts towards one."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME
from ...problems import Problem
from ..reading import Loaded

ID = "preset-in-a-fellowship"


def check(loaded: Loaded) -> Iterator[Problem]:
    backgrounds = DATA_FILES_BY_NAME["backgrounds"]
    skills = loaded.by_key("skills")
    taught = loaded.skills_listed("tracks", "skills", where=lambda raw: raw.get("kind") == "fellowship")
    if taught is None:
        return
    for index, background in loaded.valid["backgrounds"]:
        for position, entry in enumerate(background.preset.skills if background.preset else []):
            if entry.skill in skills and entry.skill not in taught:
                yield loaded.problem(
                    backgrounds,
                    (index, "preset", "skills", position),
                    f"{entry.skill} is in the preset of {background.id}, but no fellowship teaches it, so Find my gap "
                    "cannot count it: add it to a fellowship's skills, or take it out of the preset",
                )
