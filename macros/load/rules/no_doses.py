"""No drug doses anywhere: the site describes a training curriculum, not clinical guidance. A number followed by a
unit of dose, concentration or rate (mg, mcg, ml, units, %, mg/kg, …) is refused in the data's text and in the
pages, code examples included."""

from __future__ import annotations

from collections.abc import Iterator

from ...problems import Problem
from ..prose import DOSE
from ..reading import Loaded

ID = "no-doses"


def check(loaded: Loaded) -> Iterator[Problem]:
    for data_file, path, text in loaded.prose():
        for dose in dict.fromkeys(match.group(0) for match in DOSE.finditer(text)):
            yield loaded.problem(data_file, path, _said(dose))
    for page in loaded.pages:
        for line, text in enumerate(page.lines, 1):
            for dose in dict.fromkeys(match.group(0) for match in DOSE.finditer(text)):
                yield loaded.page_problem(page, line, _said(dose))


def _said(dose: str) -> str:
    return (
        f"'{dose}' reads as a drug dose or concentration, and the site gives none (it describes a curriculum, not "
        "clinical guidance): remove it, or, if it is not a dose, say it in words"
    )
