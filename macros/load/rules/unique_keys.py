"""Each record's key (its `id`, or the `term`, `level`, `version` or `track` its file is keyed by) is written once
in its file: pages, links and other files name the record by it."""

from __future__ import annotations

from collections.abc import Iterator

from ... import yamlfile
from ...model import DATA_FILES
from ...problems import Problem
from ..reading import Loaded, key_of

ID = "unique-keys"


def check(loaded: Loaded) -> Iterator[Problem]:
    for data_file in DATA_FILES:
        document = loaded.documents.get(data_file.name)
        if not data_file.many or not isinstance(document, list):
            continue
        first_at: dict = {}
        for index, raw in enumerate(document):
            key = key_of(raw, data_file.key)
            if key is None:
                continue
            if key in first_at:
                first_line = yamlfile.line_of(document, (first_at[key],))
                yield loaded.problem(
                    data_file,
                    (index, data_file.key),
                    f"'{key}' is already used by the record at line {first_line}; each {data_file.key} must be unique",
                )
            first_at.setdefault(key, index)
