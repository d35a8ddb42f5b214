"""Each scale's levels (data/entrustment.yaml, data/milestones.yaml) run 1, 2, 3, … without gaps: a target level
is a step on its scale."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME, Scale
from ...problems import Problem
from ..reading import Loaded

ID = "levels-without-gaps"


def check(loaded: Loaded) -> Iterator[Problem]:
    for scale in Scale:
        levels = sorted(level.level for _, level in loaded.valid[scale.data_file])
        if scale.data_file in loaded.documents and levels != list(range(1, len(levels) + 1)):
            yield loaded.problem(
                DATA_FILES_BY_NAME[scale.data_file],
                (),
                f"levels must run 1, 2, 3, … without gaps; found {levels}",
                line=1,
            )
