"""An intake's applications close after they open, and not after a dated intake starts."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME
from ...problems import Problem
from ..reading import Loaded

ID = "application-dates"


def check(loaded: Loaded) -> Iterator[Problem]:
    admissions = DATA_FILES_BY_NAME["admissions"]
    for index, admission in loaded.valid["admissions"]:
        for position, intake in enumerate(admission.intakes):
            at = (index, "intakes", position, "applications_close")
            opens, closes = intake.applications_open, intake.applications_close
            if opens and closes and closes < opens:
                yield loaded.problem(admissions, at, f"applications close ({closes}) before they open ({opens})")
            if closes and not intake.month_only and closes > intake.first_day:
                yield loaded.problem(
                    admissions, at, f"applications close ({closes}) after the intake starts ({intake.starts})"
                )
