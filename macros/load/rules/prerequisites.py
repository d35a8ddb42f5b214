"""A skill is never its own prerequisite, and prerequisites never go round in a circle."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME
from ...problems import Problem
from ..reading import Loaded

ID = "prerequisites"


def check(loaded: Loaded) -> Iterator[Problem]:
    data_file = DATA_FILES_BY_NAME["skills"]
    skills = loaded.by_key("skills")
    for index, skill in loaded.valid["skills"]:
        if skill.id in skill.prerequisites:
            yield loaded.problem(data_file, (index, "prerequisites"), "a skill cannot be its own prerequisite")
        elif cycle := _cycle_from(skill.id, skills):
            yield loaded.problem(
                data_file, (index, "prerequisites"), "prerequisites go round in a circle: " + " → ".join(cycle)
            )


def _cycle_from(start: str, skills: dict) -> list[str]:
    """A path of prerequisites that leads from `start` back to itself, or [] if there is none."""
    stack, seen = [(start, [start])], set()
    while stack:
        current, trail = stack.pop()
        for nxt in getattr(skills.get(current), "prerequisites", []):
            if nxt == start:
                return trail + [start]
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, trail + [nxt]))
    return []
