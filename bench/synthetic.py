"""A synthetic curriculum N times the real one, for the benchmark.

Every kind of record is copied N times, each copy under its own keys (US-KNEE-INJ-R2, …) and pointing
at the copies of the records it refers to, so the copy validates exactly as the real data does. Which
fields are keys and references is read from the schema (macros/model/), so the generator follows it
as it changes. These kinds are not multiplied:
  - the two scales, the specialties, the assessment methods and the changelog, which do not grow with the
    curriculum (a track's per-background targets name the specialties it admits);
  - admissions, one record per track;
  - rotations, exams, sources and the glossary: the copies of what uses them use the originals, so that the
    synthetic curriculum keeps the content rules (every rotation used, every source cited, every term used,
    the skills of an exam taught by the tracks that prepare for it) as the real one does;
  - tracks: a track's checklist grows instead (each copy of a skill it teaches joins it); its other
    references stay on the originals, and so do the checklist's references to kinds the track names
    itself (its assessments). Multiplying tracks too would grow the tracks × skills matrix
    with N², which says nothing about the engine.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from macros.model import DATA_FILES, DATA_FILES_BY_NAME, reference_fields

# Not multiplied: admissions (one record per track, and tracks grow, not multiply); assessment methods (a larger
# curriculum assesses more skills with the same methods, and a track's sign-off methods must be its skills');
# rotations, exams, sources and glossary terms, which the copies share (the content rules: each is used); the
# specialties (a per-background target names specialties its track admits).
FIXED = {
    "entrustment",
    "milestones",
    "backgrounds",
    "changelog",
    "admissions",
    "assessments",
    "rotations",
    "exams",
    "sources",
    "glossary",
}
# data file name -> (its list that grows N times instead of the records themselves, the field each item names its record by)
GROWN = {"tracks": ("skills", "skill")}


def multiplied(name: str) -> bool:
    data_file = DATA_FILES_BY_NAME[name]
    return data_file.many and name not in FIXED and name not in GROWN


def renamed(key, copy: int):
    """The key of a record's copy number `copy` (1 is the original)."""
    return key if copy == 1 else f"{key}-R{copy}"


def write_synthetic_data(real: Path, target: Path, times: int) -> Path:
    """Write data/*.yaml `times` the size of the real data into `target`; return `target`."""
    target.mkdir(parents=True, exist_ok=True)
    for data_file in DATA_FILES:
        source = real / data_file.file_name
        document = yaml.safe_load(source.read_text(encoding="utf-8"))
        if multiplied(data_file.name):
            document = [_copy(data_file, record, copy) for copy in range(1, times + 1) for record in document]
        elif data_file.name in GROWN:
            document = [_grown(data_file, record, *GROWN[data_file.name], times) for record in document]
        else:
            shutil.copy2(source, target / data_file.file_name)
            continue
        (target / data_file.file_name).write_text(
            yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=1000), encoding="utf-8"
        )
    return target


def _copy(data_file, record: dict, copy: int) -> dict:
    record = yaml.safe_load(yaml.safe_dump(record))  # a deep copy
    record[data_file.key] = renamed(record[data_file.key], copy)
    for path, ref in reference_fields(data_file.model):
        if multiplied(ref.file):
            _rewrite(record, path, lambda key: renamed(key, copy))
    return record


def _grown(data_file, record: dict, field: str, item_key: str, times: int) -> dict:
    """A record kept as it is, with its list `field` grown `times`: each item copied, with the references
    inside the copy number n pointing at the records' copies number n."""
    references = list(reference_fields(data_file.model))
    # Kinds the record names outside the list keep their originals there, so the copies point at them too
    # (a track's sign_off_requires must be among the track's own assessments). What each item is (its
    # `item_key`, a track's skill) is always the copy's, although a track names skills outside its
    # checklist too (the entry skills of its admission routes).
    listed = {ref.file for path, ref in references if path == (field, "[]", item_key)}
    outside = {ref.file for path, ref in references if path[:2] != (field, "[]")} - listed
    inside = [
        path[2:]
        for path, ref in references
        if path[:2] == (field, "[]") and multiplied(ref.file) and ref.file not in outside
    ]
    originals = record.get(field) or []
    grown = list(originals)
    for copy in range(2, times + 1):
        for item in originals:
            item = yaml.safe_load(yaml.safe_dump(item))
            for path in inside:
                _rewrite(item, path, lambda key, copy=copy: renamed(key, copy))
            grown.append(item)
    record[field] = grown
    return record


def _rewrite(value, path: tuple, change) -> None:
    """Apply `change` to every value at `path` ("[]" steps into each item of a list)."""
    if not path or value is None:
        return
    step, rest = path[0], path[1:]
    if step == "[]":
        if isinstance(value, list):
            for index, item in enumerate(value):
                if rest:
                    _rewrite(item, rest, change)
                elif isinstance(item, str):
                    value[index] = change(item)
        return
    if not isinstance(value, dict) or step not in value:
        return
    if rest:
        _rewrite(value[step], rest, change)
    elif isinstance(value[step], str):
        value[step] = change(value[step])
