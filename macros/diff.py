"""What changed in the curriculum between two versions of data/: records added, removed or changed, by ID
and field, for reviewers of a pull request. Reads the raw YAML of both sides (not the validated models), so
it works even when one side does not pass the check, and ignores comments, quoting and layout.

    python -m macros diff origin/main                  this data/ against data/ in a git revision
    python -m macros diff --base-data OLD --data NEW   two data folders
"""

from __future__ import annotations

import datetime
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from .escape import markdown_code, markdown_text
from .load import ReadFile, read_documents
from .load.reading import body, renamed, title_of
from .model import DATA_FILES, DataFile, entry_key, field_shapes

NOT_SET = object()
"""A field or list entry that is absent on one side."""


@dataclass(frozen=True)
class FieldChange:
    field: str
    """Where in the record, as the check names it, e.g. risk, duration.amount or skills[US-KNEE-INJ].level."""
    before: object
    after: object


@dataclass(frozen=True)
class RecordChange:
    file: str
    key: str
    """The record's ID (or term, level, version); empty for curriculum.yaml, which holds one record."""
    status: Literal["added", "removed", "renamed", "changed"]
    title: str
    fields: tuple[FieldChange, ...] = ()
    renamed_from: str = ""
    """For a record renamed: its old key (the same record, as `check --base` tells it: the same title, or the
    same other fields)."""


class BaseUnreadable(Exception):
    """The base version of the data cannot be read (unknown revision, not a git checkout)."""


def folder_reader(data_dir: Path) -> ReadFile:
    def read(name: str) -> bytes | None:
        path = Path(data_dir) / name
        return path.read_bytes() if path.is_file() else None

    return read


def git_reader(revision: str, data_dir: Path) -> ReadFile:
    """Reads data files as they are in `revision` of the git repository that holds `data_dir`."""
    data_dir = Path(data_dir).resolve()
    check = subprocess.run(
        ["git", "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"],
        cwd=data_dir,
        capture_output=True,
        encoding="utf-8",
    )
    if check.returncode != 0:
        raise BaseUnreadable(f"'{revision}' is not a commit, branch or tag in this repository")

    def read(name: str) -> bytes | None:
        shown = subprocess.run(["git", "show", f"{revision}:./{name}"], cwd=data_dir, capture_output=True)
        return shown.stdout if shown.returncode == 0 else None

    return read


def compare(read_base: ReadFile, read_head: ReadFile) -> list[RecordChange]:
    """Every record added, removed or changed from base to head, file by file in the order of DATA_FILES.
    Raises CurriculumError when a file on either side cannot be read."""
    base_documents, head_documents = read_documents(read_base), read_documents(read_head)
    changes = []
    for data_file in DATA_FILES:
        base, head = (
            _records(data_file, base_documents.get(data_file.name)),
            _records(data_file, head_documents.get(data_file.name)),
        )
        renames = renamed(_compared(data_file, base, head), _compared(data_file, head, base)) if data_file.key else {}
        new_names = {new: old for old, new in renames.items()}
        for key, raw in head.items():
            if key in new_names:
                old = new_names[key]
                fields = _field_changes(
                    data_file.model, _without(base[old], data_file.key), _without(raw, data_file.key), ""
                )
                changes.append(RecordChange(data_file.file_name, key, "renamed", _title(raw), tuple(fields), old))
            elif key not in base:
                changes.append(RecordChange(data_file.file_name, key, "added", _title(raw)))
            elif fields := _field_changes(data_file.model, base[key], raw, ""):
                changes.append(RecordChange(data_file.file_name, key, "changed", _title(raw), tuple(fields)))
        changes += [
            RecordChange(data_file.file_name, key, "removed", _title(raw))
            for key, raw in base.items()
            if key not in head and key not in renames
        ]
    return changes


def _compared(data_file: DataFile, side: dict, other: dict) -> dict[str, tuple[str, str]]:
    """The records of one side that the other lacks, as `renamed` compares them: {key: (title, body)}."""
    return {
        key: (title_of(raw), body(raw, data_file.key))
        for key, raw in side.items()
        if key not in other and isinstance(raw, dict)
    }


def _without(raw, key: str):
    return {k: v for k, v in raw.items() if k != key} if isinstance(raw, dict) else raw


def _records(data_file: DataFile, document) -> dict[str, object]:
    """A data file's records by key; a file absent on one side has none."""
    if not data_file.many:
        return {"": document} if isinstance(document, dict) else {}
    records = {}
    for number, raw in enumerate(document if isinstance(document, list) else [], start=1):
        key = raw.get(data_file.key) if isinstance(raw, dict) else None
        records[str(key) if key is not None else f"number {number} in the file"] = raw
    return records


def _title(raw) -> str:
    if not isinstance(raw, dict):
        return ""
    title = next((raw[name] for name in ("title", "expansion", "label") if name in raw), "")
    return _plain(title)


def _field_changes(model: type[BaseModel] | None, before, after, at: str) -> list[FieldChange]:
    if before == after:
        return []
    if isinstance(before, dict) and isinstance(after, dict):
        found = []
        for name in [*before, *(name for name in after if name not in before)]:
            found += _field_changes(
                _field_model(model, name),
                before.get(name, NOT_SET),
                after.get(name, NOT_SET),
                f"{at}.{name}" if at else str(name),
            )
        return found
    key = entry_key(model)
    if key and _keyed(before, key) and _keyed(after, key):
        # A list of entries that each name another record (a track's checklist): match them by that name.
        old = {str(entry[key]): entry for entry in before}
        new = {str(entry[key]): entry for entry in after}
        found = []
        for name in [*old, *(name for name in new if name not in old)]:
            found += _field_changes(model, old.get(name, NOT_SET), new.get(name, NOT_SET), f"{at}[{name}]")
        return found
    if model and isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        # Records in a fixed order (a track's blocks): compare them place by place, numbered as the check does.
        return [
            change
            for index, (old, new) in enumerate(zip(before, after, strict=True))
            for change in _field_changes(model, old, new, f"{at}[{index}]")
        ]
    return [FieldChange(at, before, after)]


def _field_model(model: type[BaseModel] | None, name) -> type[BaseModel] | None:
    """The record type held by field `name` of `model` (directly or as list items), if it holds records."""
    shape = field_shapes(model).get(name) if model else None
    return shape.nested if shape else None


def _keyed(value, key: str) -> bool:
    return isinstance(value, list) and all(isinstance(entry, dict) and key in entry for entry in value)


# -- for reviewers ------------------------------------------------------------------------------


def as_markdown(changes: list[RecordChange], compared_with: str) -> str:
    """The changes as Markdown for a pull request's job summary, grouped by data file."""
    counts = {status: sum(c.status == status for c in changes) for status in ("added", "removed", "renamed", "changed")}
    lines = ["## Curriculum changes", ""]
    if not changes:
        return "\n".join([*lines, f"No record was added, removed or changed compared with {compared_with}.", ""])
    lines += [
        f"Compared with {compared_with}: {counts['added']} added, {counts['removed']} removed, "
        + (f"{counts['renamed']} renamed, " if counts["renamed"] else "")
        + f"{counts['changed']} changed.",
    ]
    for file in dict.fromkeys(change.file for change in changes):
        lines += ["", f"### data/{file}", ""]
        for change in (c for c in changes if c.file == file):
            name = markdown_code(change.key) if change.key else "the curriculum"
            if change.renamed_from:
                name = f"{markdown_code(change.renamed_from)} → {name}"
            title = f": {markdown_text(change.title)}" if change.title else ""
            lines.append(f"- **{change.status.capitalize()}** {name}{title}")
            for field in change.fields:
                lines.append(f"  - {markdown_code(field.field)}: {_show(field.before)} → {_show(field.after)}")
    return "\n".join(lines) + "\n"


def not_compared_markdown(problems: list, reason: str, compared_with: str) -> str:
    """For reviewers, when a side cannot be read: why nothing is listed, and the check's own messages."""
    text = "\n".join(str(problem) for problem in problems)
    fence = "`" * max(3, max((len(run) + 1 for run in re.findall(r"`+", text)), default=0))
    return "\n".join(
        [
            "## Curriculum changes",
            "",
            f"Not compared with {compared_with}: {reason[0].lower()}{reason[1:]}. Nothing is listed as added, "
            "removed or changed until these problems are fixed:",
            "",
            f"{fence}text",
            text,
            fence,
            "",
        ]
    )


def _show(value) -> str:
    if value is NOT_SET:
        return "(not set)"
    return markdown_code(_plain(value))


def _plain(value) -> str:
    """A value on one line, as a reviewer reads it."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_plain(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_plain(v) for v in value) + "]"
    if isinstance(value, datetime.date):
        return value.isoformat()
    if value is None:
        return "null"
    return " ".join(str(value).split())
