"""A per-background target never asks for more than the track can teach, nor for less than it asks of others at
the same level. The track's own target (`level`) is the most its rotations and supervised practice take any fellow
to, the fellows best prepared for the skill; a per-background target adapts it for fellows who start further back
(for example sedation and airway skills for fellows who are not anaesthesiologists). So its level is never above
the track's own: to raise it, raise the track's own target, which the other rules check against the track's
prerequisites and minimums. And at the track's own level it never asks for fewer supervised cases or observed
drills than the track's own target."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME
from ...problems import Problem
from ..reading import Loaded

ID = "background-targets-within-track"


def check(loaded: Loaded) -> Iterator[Problem]:
    tracks = DATA_FILES_BY_NAME["tracks"]
    for index, _, position, entry, target in loaded.targets():
        if target.is_own or not (loaded.on_scale(target) and loaded.on_scale(entry)):
            continue
        at = (index, "skills", position, *target.path)
        whom = ", ".join(target.backgrounds)
        if target.level > entry.level:
            yield loaded.problem(
                tracks,
                at + ("level",),
                f"level {target.level} for {whom} is above this track's own target in {entry.skill} (level "
                f"{entry.level}); a per-background target may only lower the track's level: raise the track's own "
                "target instead, if its rotations allow it",
            )
        elif target.level == entry.level:
            for field, counted in (("min_supervised", "supervised cases"), ("min_drills", "observed drills")):
                mine, own = getattr(target, field), getattr(entry, field)
                if own is not None and (mine is None or mine < own):
                    yield loaded.problem(
                        tracks,
                        at + (field,),
                        f"at the track's own level ({entry.level}) this target for {whom} asks for fewer {counted} "
                        f"({mine or 0}) than the track asks of everyone ({own}); ask for at least {own}",
                    )
