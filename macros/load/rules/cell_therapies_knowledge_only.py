"""Cell-based therapies (REGEN-CELL) are investigational in India outside approved trials (ICMR-DBT National
Guidelines for Stem Cell Research, 2017): the skill stays a knowledge skill, its description says it is
investigational, and every track teaches it on the milestone scale at most to level 3 (what a fellow knows and can
advise on): fellows learn about it, never do it (as a knowledge skill it has no minimum number). A programme decision of the content
review."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME, SkillKind
from ...problems import Problem
from ..reading import Loaded

ID = "cell-therapies-knowledge-only"
CELL_THERAPIES = "REGEN-CELL"
MOST = 3  # Consolidating, on the milestone scale: knows it and can advise on it


def check(loaded: Loaded) -> Iterator[Problem]:
    skills, tracks = DATA_FILES_BY_NAME["skills"], DATA_FILES_BY_NAME["tracks"]
    for index, skill in loaded.valid["skills"]:
        if skill.id != CELL_THERAPIES:
            continue
        if skill.kind is not SkillKind.knowledge:
            yield loaded.problem(
                skills,
                (index, "kind"),
                f"cell-based therapies are investigational in India outside approved trials, so {skill.id} is a "
                f"knowledge skill, not {skill.kind.value}: write kind: knowledge",
            )
        if "investigational" not in skill.description:
            yield loaded.problem(
                skills,
                (index, "description"),
                "the description must say that these therapies are investigational outside approved trials",
            )
    for index, _, position, entry in loaded.checklist_entries():
        if entry.skill != CELL_THERAPIES:
            continue
        if loaded.on_scale(entry) and entry.level > MOST:
            yield loaded.problem(
                tracks,
                (index, "skills", position, "level"),
                f"{entry.skill} is investigational: fellows learn about it, never do it; set a level of {MOST} or below",
            )
