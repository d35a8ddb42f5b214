"""What is wrong with the data or a page, said so that a faculty member can find the line and fix it: in a terminal
as `FILE:LINE: …`, and in GitHub Actions also as a workflow annotation on that line of the pull request."""

from __future__ import annotations

import os
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


def annotation(problem: Problem, level: str = "error") -> str:
    """The problem as a GitHub workflow command (`::error file=…,line=…,title=…::message`), which shows it on its
    line in a pull request's changed files. `level` is error, warning or notice."""
    title = ", ".join(
        part
        for part in (problem.record and f"record {problem.record}", problem.field and f"field {problem.field}")
        if part
    )
    properties = [f"file={_property(problem.file)}", f"line={problem.line}"]
    if title:
        properties.append(f"title={_property(title)}")
    return f"::{level} {','.join(properties)}::{_data(problem.message)}"


def _data(text: str) -> str:
    """A workflow command's message, escaped as GitHub's toolkit escapes it (%, carriage return, line feed)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """A workflow command's property: as a message, and its separators (: and ,) too."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotate(problems: list[Problem], level: str = "error") -> None:
    """In GitHub Actions (GITHUB_ACTIONS=true), each problem also as a workflow annotation, on stdout, where GitHub
    reads them; elsewhere nothing."""
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for problem in problems:
            print(annotation(problem, level), flush=True)
