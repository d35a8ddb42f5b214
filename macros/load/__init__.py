"""Read data/*.yaml into a Curriculum, or report every problem at once with file, line, record and field.

Every tool reads the data through here (the check, the build and its preview, pre-commit, the diff), so they
give the same verdict in the same words.

    reading.py   each file's YAML validated against its model (macros/model/), problems placed at their lines
    prose.py     the words of the data and the pages as the rules on wording read them
    rules/       the rules across records, files and pages, one module each
    wording.py   how a problem is put into words
    notices.py   what the check prints beside its verdict: reviews due, sessions ended
"""

from __future__ import annotations

from pathlib import Path

from ..model import DATA_FILES, Curriculum
from ..problems import CurriculumError
from .notices import ended_sessions, review_warnings, started_intakes, unreviewed
from .reading import MAX_PROBLEMS_PER_FILE, Loaded, Published, ReadFile, read_documents
from .rules import RULES

__all__ = [
    "MAX_PROBLEMS_PER_FILE",
    "Published",
    "ReadFile",
    "ended_sessions",
    "load_curriculum",
    "read_documents",
    "review_warnings",
    "started_intakes",
    "unreviewed",
]


def load_curriculum(data_dir: Path, base: Published | None = None) -> Curriculum:
    """Load and validate every data file, then apply every rule; with `base`, also require each published ID
    that is gone to be retired. The pages are checked too when the data folder has a docs/ folder beside it, as
    the project has (a data folder on its own, such as a test's, has only its data checked). Raises
    CurriculumError listing all problems found."""
    data_dir = Path(data_dir).resolve()
    docs_dir = data_dir.parent / "docs"
    loaded = Loaded(data_dir, base, docs_dir if docs_dir.is_dir() else None)
    loaded.read_all()
    for rule in RULES:
        for problem in rule.check(loaded):
            loaded.add(problem)
    if loaded.problems:
        raise CurriculumError(loaded.problems, more_in=sorted(loaded.full))
    return Curriculum(**{data_file.attribute: loaded.records(data_file) for data_file in DATA_FILES})
