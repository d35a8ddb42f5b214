"""Across tracks and the specialties they set targets for, a higher target level for a skill never comes with a
lower minimum number, of supervised cases or of observed drills: every target of a skill (each track's own and
each per-background one) is compared with every other."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME
from ...problems import Problem
from ..reading import Loaded

ID = "minimums-across-tracks"

COUNTS = (("min_supervised", "supervised"), ("min_drills", "observed drills"))


def check(loaded: Loaded) -> Iterator[Problem]:
    tracks = DATA_FILES_BY_NAME["tracks"]
    places: dict[str, list] = {}
    for index, track, position, entry, target in loaded.targets():
        if loaded.on_scale(target):
            places.setdefault(entry.skill, []).append((index, position, track, target))
    for targets in places.values():
        for index, position, track, target in targets:
            for field, counted in COUNTS:
                mine = getattr(target, field)
                if mine is None:
                    continue
                for _, _, other_track, other in targets:
                    theirs = getattr(other, field)
                    if theirs is None or not (target.level > other.level and mine < theirs):
                        continue
                    yield loaded.problem(
                        tracks,
                        (index, "skills", position, *target.path, field),
                        f"level {target.level} for {target.skill}{_for(target)} needs at least {mine} {counted} "
                        f"here, fewer than the {theirs} {_where(track, other_track, other)} asks for level "
                        f"{other.level}; a higher level needs at least as many",
                    )


def _for(target) -> str:
    return f" (for {', '.join(target.backgrounds)})" if target.backgrounds else ""


def _where(track, other_track, other) -> str:
    whose = other_track.id if other_track.id != track.id else "this track"
    return f"{whose}{_for(other)}"
