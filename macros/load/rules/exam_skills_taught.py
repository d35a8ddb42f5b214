"""A skill's exams and the tracks' exams agree: a track that prepares for an exam teaches every skill relevant to it
(the skills whose `exams` name it), and an exam-preparation module teaches nothing else."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME, TrackKind
from ...problems import Problem
from ..reading import Loaded

ID = "exam-skills-taught"


def check(loaded: Loaded) -> Iterator[Problem]:
    tracks = DATA_FILES_BY_NAME["tracks"]
    skills = [skill for _, skill in loaded.valid["skills"]]
    known = {skill.id for skill in skills}
    for index, track in loaded.valid["tracks"]:
        taught = loaded.teaches(track)
        for exam in dict.fromkeys(track.exams):
            left_out = [s.id for s in skills if exam in s.exams and s.id not in taught]
            if left_out:
                yield loaded.problem(
                    tracks,
                    (index, "exams"),
                    f"this track prepares for {exam} but does not teach {_and(left_out)}, which data/skills.yaml "
                    f"marks as relevant to {exam}: add {'them' if len(left_out) > 1 else 'it'} to its skills, or take "
                    f"{exam} out of {'their' if len(left_out) > 1 else 'its'} exams",
                )
    exams_of = {skill.id: set(skill.exams) for skill in skills}
    for index, track, position, entry in loaded.checklist_entries():
        if (
            track.kind is TrackKind.exam_preparation
            and entry.skill in known
            and not exams_of[entry.skill] & set(track.exams)
        ):
            yield loaded.problem(
                tracks,
                (index, "skills", position),
                f"{entry.skill} is not relevant to {_and(track.exams) or 'any exam'} (its exams in data/skills.yaml), "
                "and an exam-preparation module teaches only what its exams ask: remove it, or add the exam to the "
                "skill's exams",
            )


def _and(items) -> str:
    items = list(items)
    return ", ".join(items[:-1]) + f" and {items[-1]}" if len(items) > 1 else "".join(items)
