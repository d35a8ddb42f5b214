"""The evidence an EPA names for an entrustment decision in a track uses assessments that track uses, each kind
once; and across tracks, a higher level for the same EPA never comes with fewer assessments of a kind than a lower
level asks for."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME
from ...problems import Problem
from ..reading import Loaded

ID = "epa-evidence"


def check(loaded: Loaded) -> Iterator[Problem]:
    epas = DATA_FILES_BY_NAME["epas"]
    tracks = loaded.by_key("tracks")
    for index, epa in loaded.valid["epas"]:
        for place, target in enumerate(epa.tracks):
            track = tracks.get(target.track)
            seen: set[str] = set()
            for at, item in enumerate(target.evidence):
                where = (index, "tracks", place, "evidence", at, "assessment")
                if track is not None and track.is_fellowship and item.assessment not in track.assessments:
                    yield loaded.problem(
                        epas, where, f"{item.assessment} is not one of the assessments of {track.id}; add it there"
                    )
                if item.assessment in seen:
                    yield loaded.problem(epas, where, f"{item.assessment} is listed twice; give one minimum")
                seen.add(item.assessment)
            for other in epa.tracks:
                if target.level <= other.level:
                    continue
                asked = {item.assessment: item.minimum for item in target.evidence}
                for item in other.evidence:
                    if asked.get(item.assessment, 0) < item.minimum:
                        yield loaded.problem(
                            epas,
                            (index, "tracks", place, "evidence"),
                            f"level {target.level} in {target.track} asks for {asked.get(item.assessment, 0)} "
                            f"{item.assessment}, fewer than the {item.minimum} {other.track} asks for level "
                            f"{other.level}; a higher level needs at least as much evidence",
                        )
