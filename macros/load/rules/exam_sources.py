"""An exam's facts rest on its examining body: the exam's `source` is of kind exam-body, gives a `url` and names the
exam's `awarding_body` as its `publisher`, and the exam's description sends readers to the examiners with the words
"with the" and the awarding body (e.g. "confirm the current rules with the World Institute of Pain")."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME, SourceKind
from ...problems import Problem
from ..reading import Loaded

ID = "exam-sources"


def check(loaded: Loaded) -> Iterator[Problem]:
    exams = DATA_FILES_BY_NAME["exams"]
    sources = loaded.by_key("sources")
    for index, exam in loaded.valid["exams"]:
        source = sources.get(exam.source)
        if source is not None:
            if source.kind is not SourceKind.exam_body:
                yield loaded.problem(
                    exams,
                    (index, "source"),
                    f"{source.id} is a {source.kind.label.lower()}; an exam's facts come from its examining body: "
                    "name a source of kind exam-body",
                )
            else:
                if not source.url:
                    yield loaded.problem(
                        exams, (index, "source"), f"{source.id} gives no url: add the examining body's address to it"
                    )
                if source.publisher != exam.awarding_body:
                    yield loaded.problem(
                        exams,
                        (index, "awarding_body"),
                        f"the awarding body is {exam.awarding_body}, but its source {source.id} is published by "
                        f"{source.publisher or 'nobody named'}: write the same body in both",
                    )
        if f"with the {exam.awarding_body}" not in exam.description:
            yield loaded.problem(
                exams,
                (index, "description"),
                f'the description does not send readers to the examiners: add a sentence such as "Confirm the current '
                f'eligibility, format, fees and dates with the {exam.awarding_body}."',
            )
