"""What is wrong with the data, said so that a faculty member can find the line and fix it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    record: str
    """The record's ID (or term, level, version), empty when the problem is not inside one record."""
    field: str
    """Where in the record, e.g. skills[2].level; empty for the record as a whole."""
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        what = ", ".join(
            part for part in (self.record and f"record {self.record}", self.field and f"field {self.field}") if part
        )
        return f"{where}: {what + ': ' if what else ''}{self.message}"


class CurriculumError(Exception):
    """The data cannot be published. Holds every problem found, in file and line order; `more_in` names the
    files that have more problems than are listed (macros/load/ stops looking after a while)."""

    def __init__(self, problems: list[Problem], more_in: list[str] = ()):
        self.problems = sorted(problems)
        self.more_in = list(more_in)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        heading = f"The curriculum data has {count} problem{'s' if count != 1 else ''}; nothing was published:"
        if self.more_in:
            heading = (
                f"The curriculum data has more than {count} problems; nothing was published. Only the first ones "
                f"in {' and '.join(self.more_in)} are listed: fix them, then check again:"
            )
        return "\n".join([heading, *(f"  {problem}" for problem in self.problems)])
