"""A fellowship teaches every prerequisite of the skills it teaches, or expects it from the anaesthesia residency (a
baseline skill of a gap area in `data/gap_areas.yaml`): it never asks for a skill whose groundwork it leaves out."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME
from ...problems import Problem
from ..reading import Loaded

ID = "prerequisites-taught"


def check(loaded: Loaded) -> Iterator[Problem]:
    tracks = DATA_FILES_BY_NAME["tracks"]
    skills = loaded.by_key("skills")
    baseline = loaded.skills_listed("gap_areas", "baseline_skills")
    if baseline is None:
        return
    for index, track, position, entry in loaded.checklist_entries():
        if not track.is_fellowship:
            continue
        for prerequisite in getattr(skills.get(entry.skill), "prerequisites", []):
            if prerequisite in skills and prerequisite not in loaded.teaches(track) and prerequisite not in baseline:
                yield loaded.problem(
                    tracks,
                    (index, "skills", position),
                    f"{entry.skill} builds on {prerequisite}, which this fellowship neither teaches nor expects from "
                    f"the anaesthesia residency (the baseline in data/gap_areas.yaml): add {prerequisite} to its skills",
                )
