"""A skill or track ID that was published before this change is kept, or retired in `data/retired.yaml` with the
ID that replaces it: fellows have bookmarked its page and printed it on checklists. Checked against a base
version (`python -m macros check --base REV`, which pull requests run against their base branch); a record that
was only renamed is named as such."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ...model import DATA_FILES_BY_NAME, DataFile
from ...problems import Problem
from ...urls import published_address
from ..reading import Loaded, body, renamed, title_of

ID = "published-ids"


def check(loaded: Loaded) -> Iterator[Problem]:
    if loaded.base is None:
        return
    before: dict[str, dict[str, tuple[str, str]]] = {}
    for name, key, title, fields in loaded.base.records:
        before.setdefault(name, {})[key] = (title, fields)
    for name, old in before.items():
        data_file, document = DATA_FILES_BY_NAME[name], loaded.documents.get(name)
        if not isinstance(document, list) or "retired" not in loaded.documents:
            continue  # the file's own problem is reported
        now = {
            raw[data_file.key]: index
            for index, raw in enumerate(document)
            if isinstance(raw, dict) and isinstance(raw.get(data_file.key), str)
        }
        added = {
            key: (title_of(document[index]), body(document[index], data_file.key))
            for key, index in now.items()
            if key not in old
        }
        gone = {key: old[key] for key in old if key not in now and key not in loaded.retired(name)}
        renames = renamed(gone, added)
        if renames:
            loaded.renamed.setdefault(name, {}).update(renames)
        for key in gone:
            yield _gone(loaded, data_file, key, renames.get(key), now)


def _gone(loaded: Loaded, data_file: DataFile, gone: str, renamed_to: str | None, now: dict[str, int]) -> Problem:
    noun = data_file.name.removesuffix("s")
    published = f"{gone} is published ({published_address(data_file.name, gone)}, and on printed checklists)"
    entry = f"- {{id: {gone}, kind: {noun}, replaced_by: {renamed_to or '…'}, reason: …}}"
    if renamed_to:
        return loaded.problem(
            data_file,
            (now[renamed_to], data_file.key),
            f"this {noun} was {gone} in {loaded.base.revision}, and {published}: keep its links working by "
            f"adding to data/retired.yaml: {entry}",
        )
    retired = DATA_FILES_BY_NAME["retired"]
    return loaded.problem(
        retired,
        (),
        f"the {noun} {gone} is gone since {loaded.base.revision}, but {published}: add it to this file with the "
        f"{noun} that replaces it and why, {entry}, or put the {noun} back",
        line=_last_line(loaded.data_dir / retired.file_name),
        record=gone,
    )


def _last_line(path: Path) -> int:
    return max(1, len(path.read_bytes().splitlines())) if path.is_file() else 1
