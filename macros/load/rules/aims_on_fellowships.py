"""Only a fellowship names `aims` (what applicants choose it for, which Find my gap asks the reader): a workshop or
an exam module answers the reader's goal of a workshop or an exam already."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME
from ...problems import Problem
from ..reading import Loaded

ID = "aims-on-fellowships"


def check(loaded: Loaded) -> Iterator[Problem]:
    tracks = DATA_FILES_BY_NAME["tracks"]
    for index, track in loaded.valid["tracks"]:
        if track.aims and not track.is_fellowship:
            yield loaded.problem(
                tracks,
                (index, "aims"),
                f"only a fellowship names aims, and {track.id} is {track.kind.label.lower()}: remove its aims",
            )
