"""A fellowship teaches every prerequisite of the skills it teaches, or expects it from a specialty's training (a skill
of a specialty's preset in `data/backgrounds.yaml`, such as the anaesthesia residency's): it never asks for a skill
whose groundwork it leaves out."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME
from ...problems import Problem
from ..reading import Loaded, as_list, key_of

ID = "prerequisites-taught"


def check(loaded: Loaded) -> Iterator[Problem]:
    tracks = DATA_FILES_BY_NAME["tracks"]
    skills = loaded.by_key("skills")
    brought = _from_training(loaded)
    if brought is None:
        return
    for index, track, position, entry in loaded.checklist_entries():
        if not track.is_fellowship:
            continue
        for prerequisite in getattr(skills.get(entry.skill), "prerequisites", []):
            if prerequisite in skills and prerequisite not in loaded.teaches(track) and prerequisite not in brought:
                yield loaded.problem(
                    tracks,
                    (index, "skills", position),
                    f"{entry.skill} builds on {prerequisite}, which this fellowship neither teaches nor expects from "
                    f"a specialty's training (a preset in data/backgrounds.yaml): add {prerequisite} to its skills",
                )


def _from_training(loaded: Loaded) -> set[str] | None:
    """The skills of every specialty's preset, as written, by their current IDs; None when the file could not be read."""
    if "backgrounds" not in loaded.documents:
        return None
    return {
        loaded.current("skills", key_of(entry, "skill"))
        for raw in as_list(loaded.documents["backgrounds"])
        if isinstance(raw, dict) and isinstance(raw.get("preset"), dict)
        for entry in as_list(raw["preset"].get("skills"))
    } - {None}
