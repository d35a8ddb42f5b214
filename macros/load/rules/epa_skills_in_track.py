"""Every skill an EPA draws on is in the checklist of each track that entrusts the EPA: a fellow cannot be entrusted
with a unit of work whose skills the track does not teach."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME
from ...problems import Problem
from ..reading import Loaded

ID = "epa-skills-in-track"


def check(loaded: Loaded) -> Iterator[Problem]:
    epas = DATA_FILES_BY_NAME["epas"]
    tracks = loaded.by_key("tracks")
    for index, epa in loaded.valid["epas"]:
        for place, target in enumerate(epa.tracks):
            track = tracks.get(target.track)
            if track is None or not track.is_fellowship:
                continue  # an unknown track, or one that entrusts no EPA (epa-fellowships), is its own problem
            missing = [skill for skill in epa.skills if track.target(skill) is None]
            if missing:
                yield loaded.problem(
                    epas,
                    (index, "tracks", place, "track"),
                    f"{track.id} does not teach {', '.join(missing)}, which this EPA draws on; add "
                    f"{'them' if len(missing) > 1 else 'it'} to the track's skills, or take "
                    f"{'them' if len(missing) > 1 else 'it'} out of the EPA's skills",
                )
