"""Only skills on the entrustment scale (procedural and clinical skills, done for patients) have minimum numbers of
supervised cases (`min_supervised`) or of observed drills (`min_drills`), in a track's own target and in its
per-background targets; and a fellowship sets `min_supervised` for each procedural skill it teaches."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME
from ...problems import Problem
from ..reading import Loaded

ID = "minimum-numbers"


def check(loaded: Loaded) -> Iterator[Problem]:
    tracks = DATA_FILES_BY_NAME["tracks"]
    for index, track, position, entry in loaded.checklist_entries():
        skill = loaded.skills.get(entry.skill)
        if skill is None:
            continue
        at = (index, "skills", position)
        if not skill.scale.is_entrustment:
            written = [((), entry)] + [(("for_backgrounds", k), other) for k, other in enumerate(entry.for_backgrounds)]
            for where, holder in written:
                for field in ("min_supervised", "min_drills"):
                    if getattr(holder, field) is not None:
                        yield loaded.problem(
                            tracks,
                            at + where + (field,),
                            f"{skill.id} is a {skill.kind.value} skill, rated on the {skill.scale.label}: only "
                            "procedural and clinical skills have minimum numbers; remove it",
                        )
        if skill.is_procedural and entry.min_supervised is None and track.is_fellowship:
            yield loaded.problem(
                tracks, at, f"{skill.id} is procedural, so a fellowship must set min_supervised for it"
            )
