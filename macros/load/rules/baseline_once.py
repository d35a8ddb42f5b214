"""Each skill is in the residency baseline (the gap areas' `baseline_skills`, from which Find my gap starts) once,
with one level."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME
from ...problems import Problem
from ..reading import Loaded

ID = "baseline-once"


def check(loaded: Loaded) -> Iterator[Problem]:
    gap_areas = DATA_FILES_BY_NAME["gap_areas"]
    baseline_at: dict[str, str] = {}
    for index, area in loaded.valid["gap_areas"]:
        for position, entry in enumerate(area.baseline_skills):
            if entry.skill in baseline_at:
                yield loaded.problem(
                    gap_areas,
                    (index, "baseline_skills", position, "skill"),
                    f"{entry.skill} is already in the baseline of {baseline_at[entry.skill]}; "
                    "list each baseline skill once, with one level",
                )
            baseline_at.setdefault(entry.skill, area.id)
