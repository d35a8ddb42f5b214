"""A review is shown as "reviewed by whom, when": a record gives both `reviewed_by` and `last_reviewed`, or
neither."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES, WRITE_A_DATE
from ...problems import Problem
from ..reading import Loaded

ID = "reviewed-by-and-when"


def check(loaded: Loaded) -> Iterator[Problem]:
    for data_file in DATA_FILES:
        if not data_file.many or "last_reviewed" not in data_file.model.model_fields:
            continue
        for index, record in loaded.valid[data_file.name]:
            if record.last_reviewed and not record.reviewed_by:
                yield loaded.problem(
                    data_file, (index, "last_reviewed"), "add reviewed_by: who reviewed the record on this date"
                )
            elif record.reviewed_by and not record.last_reviewed:
                yield loaded.problem(
                    data_file, (index, "reviewed_by"), f"add last_reviewed: the date of the review, {WRITE_A_DATE}"
                )
