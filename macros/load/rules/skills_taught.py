"""Every skill in the catalogue is taught in at least one track."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME
from ...problems import Problem
from ..reading import Loaded, as_list, key_of

ID = "skills-taught"


def check(loaded: Loaded) -> Iterator[Problem]:
    if "tracks" not in loaded.documents:
        return
    taught = {
        key_of(entry, "skill")
        for raw in as_list(loaded.documents.get("tracks"))
        for entry in as_list(raw.get("skills") if isinstance(raw, dict) else None)
        if isinstance(entry, dict)
    }
    # A mention of a renamed or retired ID is its own problem; the skill it now names is not "not taught".
    taught |= {loaded.renamed.get("skills", {}).get(old) for old in taught} | {
        loaded.retired("skills").get(old) for old in taught
    }
    skills = DATA_FILES_BY_NAME["skills"]
    for index, skill in loaded.valid["skills"]:
        if skill.id not in taught:
            yield loaded.problem(
                skills,
                (index, "id"),
                f"{skill.id} is not taught in any track; add it to a track's skills in data/tracks.yaml",
            )
