"""An exam-preparation module never expects a higher level in a skill than each fellowship preparing for the same
exam reaches, for fellows from every specialty it admits (its lowest target, per-background targets included)."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME, TrackKind
from ...problems import Problem
from ..reading import Loaded

ID = "exam-modules-vs-fellowships"


def check(loaded: Loaded) -> Iterator[Problem]:
    tracks = DATA_FILES_BY_NAME["tracks"]
    fellowships = [t for _, t in loaded.valid["tracks"] if t.is_fellowship]
    for index, module, position, entry in loaded.checklist_entries():
        if module.kind is not TrackKind.exam_preparation or not loaded.on_scale(entry):
            continue
        for fellowship in fellowships:
            shared = [exam for exam in module.exams if exam in fellowship.exams]
            if not shared:
                continue
            reached = fellowship.target(entry.skill)
            if reached is None:
                what = "does not teach it"
            else:
                reached_by = [t for t in reached.targets() if loaded.on_scale(t)]
                lowest = min(reached_by, key=lambda t: t.level, default=None)
                if lowest is None or lowest.level >= entry.level:
                    continue
                whom = f" for {', '.join(lowest.backgrounds)}" if lowest.backgrounds else ""
                what = f"ends at level {lowest.level}{whom}"
            yield loaded.problem(
                tracks,
                (index, "skills", position, "level"),
                f"the module expects level {entry.level} in {entry.skill}, but {fellowship.id}, which also "
                f"prepares for {', '.join(shared)}, {what}; expect no more than the fellowships reach",
            )
