"""What `python -m macros check` prints beside its verdict and that never stops a build: records due for
review, workshop sessions that have ended, intakes that have begun, records never reviewed."""

from __future__ import annotations

import datetime
from pathlib import Path

from .. import yamlfile
from ..model import DATA_FILES, DATA_FILES_BY_NAME, Curriculum
from ..problems import Problem


def _reviewed_files():
    return [f for f in DATA_FILES if f.many and "last_reviewed" in f.model.model_fields]


def review_warnings(curriculum: Curriculum, today: datetime.date, data_dir: Path) -> list[Problem]:
    """Records last reviewed longer ago than the curriculum's review interval. Warnings: they never stop a build."""
    months = curriculum.info.review_after_months
    warnings = []
    for data_file in _reviewed_files():
        document = yamlfile.parse(Path(data_dir) / data_file.file_name)
        for index, record in enumerate(getattr(curriculum, data_file.attribute)):
            reviewed = record.last_reviewed
            if reviewed is None:
                continue
            age = (today.year - reviewed.year) * 12 + today.month - reviewed.month - (today.day < reviewed.day)
            if age >= months:
                line = yamlfile.line_of(document, (index, "last_reviewed"))
                message = f"last reviewed {reviewed}, {age} months ago; the curriculum asks for a review every {months} months"
                where = f"{Path(data_dir).name}/{data_file.file_name}"
                warnings.append(Problem(where, line, getattr(record, data_file.key), "last_reviewed", message))
    return warnings


def ended_sessions(curriculum: Curriculum, today: datetime.date, data_dir: Path) -> list[Problem]:
    """Workshop sessions that ended before `today`: the calendar and its download leave them out. Notices only."""
    data_file = DATA_FILES_BY_NAME["workshops"]
    document = yamlfile.parse(Path(data_dir) / data_file.file_name)
    notices = []
    for index, session in enumerate(curriculum.workshops):
        last_day = session.end or session.start
        if last_day < today:
            field = "end" if session.end else "start"
            line = yamlfile.line_of(document, (index, field))
            message = f"ended on {last_day}; not shown in the calendar"
            notices.append(Problem(f"{Path(data_dir).name}/{data_file.file_name}", line, session.id, field, message))
    return notices


def started_intakes(curriculum: Curriculum, today: datetime.date, data_dir: Path) -> list[Problem]:
    """Intakes that have begun by `today`: How to apply and the track pages leave them out. Notices only."""
    data_file = DATA_FILES_BY_NAME["admissions"]
    document = yamlfile.parse(Path(data_dir) / data_file.file_name)
    notices = []
    for index, admission in enumerate(curriculum.admissions):
        for position, intake in enumerate(admission.intakes):
            if intake.started_by(today):
                line = yamlfile.line_of(document, (index, "intakes", position, "starts"))
                when = f"in {intake.first_day:%B %Y}" if intake.month_only else f"on {intake.first_day.isoformat()}"
                message = f"started {when}; no longer shown on the site"
                field = f"intakes[{position}].starts"
                notices.append(
                    Problem(f"{Path(data_dir).name}/{data_file.file_name}", line, admission.track, field, message)
                )
    return notices


def unreviewed(curriculum: Curriculum) -> list[str]:
    """Keys of the records that carry review fields but have never been reviewed."""
    return [
        getattr(record, data_file.key)
        for data_file in _reviewed_files()
        for record in getattr(curriculum, data_file.attribute)
        if record.last_reviewed is None
    ]
