"""A specialty's preset (its `preset` in `data/backgrounds.yaml`, from which Find my gap starts) lists each skill once,
with one level."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME
from ...problems import Problem
from ..reading import Loaded

ID = "preset-skills-once"


def check(loaded: Loaded) -> Iterator[Problem]:
    backgrounds = DATA_FILES_BY_NAME["backgrounds"]
    for index, background in loaded.valid["backgrounds"]:
        listed: set[str] = set()
        for position, entry in enumerate(background.preset.skills if background.preset else []):
            if entry.skill in listed:
                yield loaded.problem(
                    backgrounds,
                    (index, "preset", "skills", position, "skill"),
                    f"{entry.skill} is already in the preset of {background.id}; list each skill once, with one level",
                )
            listed.add(entry.skill)
