"""In a fellowship, a target at level 4 or 5 (work without a supervisor present) in a high-risk skill (`risk:
high`, procedural sedation among them) is never reached on teaching and tests alone. It needs a minimum number of
real cases done or managed under supervision (`min_supervised`), for every specialty it applies to. The one
exception is an emergency too rare to meet on demand, which is a skill assessed by simulation (SIM) and not by
direct observation of procedures (DOPS): it needs instead a passed simulation (`sign_off_requires: [SIM]`) and a
minimum number of observed drills in the procedure room (`min_drills`)."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME, Risk
from ...problems import Problem
from ..reading import Loaded

ID = "high-risk-minimums"

UNSUPERVISED = 4
"""The first level of the entrustment scale at which no supervisor is present."""


def check(loaded: Loaded) -> Iterator[Problem]:
    tracks = DATA_FILES_BY_NAME["tracks"]
    for index, track, position, entry, target in loaded.targets():
        skill = loaded.skills.get(entry.skill)
        if not track.is_fellowship or skill is None or skill.risk is not Risk.high or not skill.scale.is_entrustment:
            continue
        if target.level < UNSUPERVISED or target.min_supervised is not None:
            continue
        rare = "SIM" in skill.assessments and "DOPS" not in skill.assessments
        if rare and "SIM" in target.sign_off_requires and target.min_drills is not None:
            continue
        whom = f" for {', '.join(target.backgrounds)}" if target.backgrounds else ""
        if rare:
            needed = "a minimum of real supervised cases (min_supervised) or, since it is an emergency too rare to meet on demand, a passed simulation (sign_off_requires: [SIM]) and a minimum of observed drills (min_drills)"
        else:
            needed = "a minimum of real cases done or managed under supervision (min_supervised)"
        yield loaded.problem(
            tracks,
            (index, "skills", position, *target.path, "level"),
            f"level {target.level}{whom} in {skill.id}, a high-risk skill, is work without a supervisor present: "
            f"it needs {needed}",
        )
