"""A workshop session belongs to a workshop track, and ends on or after the day it starts."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME, TrackKind
from ...problems import Problem
from ..reading import Loaded

ID = "workshop-sessions"


def check(loaded: Loaded) -> Iterator[Problem]:
    track_kinds = {t.id: t.kind for _, t in loaded.valid["tracks"]}
    sessions = DATA_FILES_BY_NAME["workshops"]
    for index, session in loaded.valid["workshops"]:
        kind = track_kinds.get(session.track)
        if kind is not None and kind is not TrackKind.workshop:
            yield loaded.problem(
                sessions,
                (index, "track"),
                f"{session.track} is a {kind.value} track; sessions must belong to a workshop track",
            )
        if session.end and session.end < session.start:
            yield loaded.problem(
                sessions, (index, "end"), f"the session ends ({session.end}) before it starts ({session.start})"
            )
