"""An EPA is never entrusted above the skills it draws on: its level in a track is no higher than that track's
lowest target, for fellows from any specialty, in each of the EPA's skills on the entrustment scale. Skills on the
milestone scale are not compared, and an EPA draws on at least one skill on the entrustment scale, since it is a
unit of work done for patients."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME, Scale
from ...problems import Problem
from ..reading import Loaded

ID = "epa-levels-vs-skills"


def check(loaded: Loaded) -> Iterator[Problem]:
    epas = DATA_FILES_BY_NAME["epas"]
    tracks = loaded.by_key("tracks")
    for index, epa in loaded.valid["epas"]:
        scales = [loaded.scale_of(skill) for skill in epa.skills]
        if None not in scales and not any(scale.is_entrustment for scale in scales):
            yield loaded.problem(
                epas,
                (index, "skills"),
                "none of these skills is rated on the entrustment scale (procedural or clinical skills): an EPA is a "
                "unit of work done for patients; add the skills it is done with",
            )
        for place, target in enumerate(epa.tracks):
            track = tracks.get(target.track)
            if track is None or not track.is_fellowship or target.level not in loaded.scales[Scale.entrustment]:
                continue
            for skill in epa.skills:
                entry, scale = track.target(skill), loaded.scale_of(skill)
                if entry is None or scale is None or not scale.is_entrustment:
                    continue
                reached = [t for t in entry.targets() if loaded.on_scale(t)]
                lowest = min(reached, key=lambda t: t.level, default=None)
                if lowest is not None and lowest.level < target.level:
                    whom = f" for {', '.join(lowest.backgrounds)}" if lowest.backgrounds else ""
                    yield loaded.problem(
                        epas,
                        (index, "tracks", place, "level"),
                        f"level {target.level} in {track.id} is above the track's target in {skill} (level "
                        f"{lowest.level}{whom}); an EPA is entrusted no higher than the skills it draws on",
                    )
