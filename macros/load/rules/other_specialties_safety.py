"""A fellowship open to specialties other than anaesthesiology (its `admits` names another, or it admits any)
teaches the safety skills anaesthesia trains daily and others do not (SAFETY-SEDATION, SAFETY-LAST,
SAFETY-CRISIS) and signs each off only after a passed simulation (`sign_off_requires: [SIM]`), and keeps
anaesthesia's own procedures (ACUTE-EPIDURAL, ACUTE-US-NERVE-BLOCK) at indirect supervision (level 3) or below.
These are programme decisions of the content review; a skill the catalogue does not hold is not asked for."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME
from ...problems import Problem
from ..reading import Loaded

ID = "other-specialties-safety"
ANAESTHESIOLOGY = "ANAESTHESIOLOGY"
SIMULATION = "SIM"
SIGNED_OFF_AFTER_SIMULATION = ("SAFETY-SEDATION", "SAFETY-LAST", "SAFETY-CRISIS")
ANAESTHESIA_PROCEDURES = ("ACUTE-EPIDURAL", "ACUTE-US-NERVE-BLOCK")
INDIRECT_SUPERVISION = 3


def check(loaded: Loaded) -> Iterator[Problem]:
    tracks = DATA_FILES_BY_NAME["tracks"]
    skills = loaded.by_key("skills")
    for index, track in loaded.valid["tracks"]:
        if not track.is_fellowship or not _admits_others(track):
            continue
        positions: dict[str, int] = {}
        for position, entry in enumerate(track.skills):
            positions.setdefault(entry.skill, position)
        for skill_id in (s for s in SIGNED_OFF_AFTER_SIMULATION if s in skills):
            entry = track.target(skill_id)
            if entry is None:
                yield loaded.problem(
                    tracks,
                    (index, "skills"),
                    f"this fellowship admits specialties other than anaesthesiology, so it teaches {skill_id} and "
                    f"signs it off after a passed simulation: add - {{skill: {skill_id}, level: …, "
                    f"sign_off_requires: [{SIMULATION}]}}",
                )
            elif SIMULATION not in entry.sign_off_requires:
                yield loaded.problem(
                    tracks,
                    (index, "skills", positions[skill_id]),
                    f"this fellowship admits specialties other than anaesthesiology, so {skill_id} is signed off only "
                    f"after a passed simulation: add sign_off_requires: [{SIMULATION}]",
                )
        for skill_id in ANAESTHESIA_PROCEDURES:
            entry = track.target(skill_id)
            if entry is not None and loaded.on_scale(entry) and entry.level > INDIRECT_SUPERVISION:
                yield loaded.problem(
                    tracks,
                    (index, "skills", positions[skill_id], "level"),
                    f"level {entry.level} for {skill_id}, an anaesthesia procedure, in a fellowship that admits "
                    f"other specialties; set level {INDIRECT_SUPERVISION} or lower",
                )


def _admits_others(track) -> bool:
    return not track.admits or any(route.background != ANAESTHESIOLOGY for route in track.admits)
