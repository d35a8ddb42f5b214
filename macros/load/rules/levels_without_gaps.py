"""The entrustment scale's levels run 1, 2, 3, … without gaps: a track's target level is a step on it."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME
from ...problems import Problem
from ..reading import Loaded

ID = "levels-without-gaps"


def check(loaded: Loaded) -> Iterator[Problem]:
    levels = sorted(level.level for _, level in loaded.valid["entrustment"])
    if "entrustment" in loaded.documents and levels != list(range(1, len(levels) + 1)):
        entrustment = DATA_FILES_BY_NAME["entrustment"]
        yield loaded.problem(entrustment, (), f"levels must run 1, 2, 3, … without gaps; found {levels}", line=1)
