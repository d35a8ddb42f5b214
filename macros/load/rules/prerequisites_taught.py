"""A fellowship teaches every prerequisite of the skills it teaches, or expects it from the anaesthesia residency (a
baseline skill of a gap area in `data/gap_areas.yaml`): it never asks for a skill whose groundwork it leaves out."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME
from ...problems import Problem
from ..reading import Loaded, as_list, key_of

ID = "prerequisites-taught"


def check(loaded: Loaded) -> Iterator[Problem]:
    tracks = DATA_FILES_BY_NAME["tracks"]
    skills = loaded.by_key("skills")
    if "gap_areas" not in loaded.documents:
        return
    baseline = {  # as written, so that a gap area with a mistake of its own still counts
        loaded.current("skills", key_of(entry, "skill"))
        for raw in as_list(loaded.documents["gap_areas"])
        if isinstance(raw, dict)
        for entry in as_list(raw.get("baseline_skills"))
    }
    for index, track, position, entry in loaded.checklist_entries():
        if not track.is_fellowship:
            continue
        for prerequisite in getattr(skills.get(entry.skill), "prerequisites", []):
            if prerequisite in skills and prerequisite not in loaded.teaches(track) | baseline:
                yield loaded.problem(
                    tracks,
                    (index, "skills", position),
                    f"{entry.skill} builds on {prerequisite}, which this fellowship neither teaches nor expects from "
                    f"the anaesthesia residency (the baseline in data/gap_areas.yaml): add {prerequisite} to its skills",
                )
