"""An EPA is entrusted in fellowships only, each named once in its `tracks`: workshops and exam-preparation modules
sign off no practice on patients."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME
from ...problems import Problem
from ..reading import Loaded

ID = "epa-fellowships"


def check(loaded: Loaded) -> Iterator[Problem]:
    epas = DATA_FILES_BY_NAME["epas"]
    tracks = loaded.by_key("tracks")
    for index, epa in loaded.valid["epas"]:
        seen: set[str] = set()
        for place, target in enumerate(epa.tracks):
            track = tracks.get(target.track)
            if track is not None and not track.is_fellowship:
                yield loaded.problem(
                    epas,
                    (index, "tracks", place, "track"),
                    f"{track.id} is a {track.kind.value} track, which signs off no practice on patients; "
                    "an EPA is entrusted in fellowships only",
                )
            if target.track in seen:
                yield loaded.problem(
                    epas, (index, "tracks", place, "track"), f"{target.track} is listed twice in this EPA's tracks"
                )
            seen.add(target.track)
