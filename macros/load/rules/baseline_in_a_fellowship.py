"""Each skill of the anaesthesia residency's baseline (a gap area's `baseline_skills`, the preset of Find my gap) is
taught in a fellowship, so that a fellow's level in it counts towards one."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME
from ...problems import Problem
from ..reading import Loaded

ID = "baseline-in-a-fellowship"


def check(loaded: Loaded) -> Iterator[Problem]:
    gap_areas = DATA_FILES_BY_NAME["gap_areas"]
    skills = loaded.by_key("skills")
    taught = loaded.skills_listed("tracks", "skills", where=lambda raw: raw.get("kind") == "fellowship")
    if taught is None:
        return
    for index, area in loaded.valid["gap_areas"]:
        for position, entry in enumerate(area.baseline_skills):
            if entry.skill in skills and entry.skill not in taught:
                yield loaded.problem(
                    gap_areas,
                    (index, "baseline_skills", position),
                    f"{entry.skill} is in the residency baseline, but no fellowship teaches it, so Find my gap cannot "
                    "count it: add it to a fellowship's skills, or take it out of the baseline",
                )
