"""Reading the data files: each file's YAML (macros/yamlfile.py) validated record by record against its model,
with every problem placed at its file, line, record and field. What one load has read is a `Loaded`, which the
rules (macros/load/rules/) look into."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from .. import yamlfile
from ..model import DATA_FILES, DATA_FILES_BY_NAME, DataFile, RetiredKind, Scale, Target, field_shapes
from ..problems import Problem
from .prose import Page, read_pages
from .wording import describe, explain_all, field_name

MAX_PROBLEMS_PER_FILE = 50
"""After this many, a file's further problems are not looked for: a broken file has said enough by then, and a
file built to produce millions of problems costs no more time than this."""

ReadFile = Callable[[str], "bytes | None"]
"""A data file's bytes by file name, or None when the file does not exist on that side (a folder, a git revision)."""


@dataclass(frozen=True)
class Published:
    """The skill and track IDs in a base version of the data (what fellows may have bookmarked or printed), for
    `python -m macros check --base REV`: an ID that is gone must be retired, not dropped."""

    revision: str
    records: tuple[tuple[str, str, str, str], ...]
    """(data file name, ID, title, the other fields as text): enough to tell a renamed record from a new one."""

    @classmethod
    def from_documents(cls, documents: dict[str, object], revision: str) -> Published:
        records = []
        for data_file in (DATA_FILES_BY_NAME[retired.data_file] for retired in RetiredKind):
            for raw in as_list(documents.get(data_file.name)):
                if isinstance(raw, dict) and isinstance(raw.get(data_file.key), str):
                    key = raw[data_file.key]
                    records.append((data_file.name, key, title_of(raw), body(raw, data_file.key)))
        return cls(revision, tuple(records))


def body(raw: dict, key: str) -> str:
    """A record's fields but its key and title, as text: the same for a record that was only renamed."""
    return json.dumps({k: v for k, v in raw.items() if k not in (key, "title")}, sort_keys=True, default=str)


def title_of(raw: dict) -> str:
    return "" if raw.get("title") is None else str(raw["title"])


def renamed(gone: dict[str, tuple[str, str]], added: dict[str, tuple[str, str]]) -> dict[str, str]:
    """Old key -> new key, for each record gone that exactly one added record matches: the same title, or the same
    other fields (`body`). Each side is {key: (title, body)}. `check --base` and the curriculum diff both call a
    record renamed by this."""
    found = {}
    for old, (title, fields) in gone.items():
        matches = [
            new
            for new, (new_title, new_fields) in added.items()
            if (title and new_title == title) or new_fields == fields
        ]
        if len(matches) == 1:
            found[old] = matches[0]
    return found


def read_documents(read: ReadFile) -> dict[str, object]:
    """Every data file that exists on one side, read as the check reads it but not validated against the models
    (for the other side of a diff, whose models may have been different). Raises CurriculumError."""
    from ..problems import CurriculumError

    documents, problems = {}, []
    for data_file in DATA_FILES:
        data = read(data_file.file_name)
        if data is None:
            continue
        try:
            documents[data_file.name] = _parse(data_file, data)
        except yamlfile.Unreadable as unreadable:
            problems.append(_unreadable(data_file, unreadable))
            continue
        if data_file.many and not isinstance(documents[data_file.name], list):
            where = f"data/{data_file.file_name}"
            problems.append(Problem(where, 1, "", "", _not_a_list(data_file, documents[data_file.name])))
    if problems:
        raise CurriculumError(problems)
    return documents


def _parse(data_file: DataFile, data: bytes):
    return yamlfile.parse_bytes(data, data_file.key if data_file.many else "", _field_names(data_file.model))


def _unreadable(data_file: DataFile, unreadable: yamlfile.Unreadable, folder: str = "data") -> Problem:
    where = f"{folder}/{data_file.file_name}"
    return Problem(where, unreadable.line, unreadable.record, unreadable.field, unreadable.message)


def _not_a_list(data_file: DataFile, document) -> str:
    expected = f"expected a list of records, each starting with '- {data_file.key}:'"
    if document is None:
        return f"{expected}, but the file holds none. If it has no records yet, write [] on a line of its own"
    return f"{expected}, got {describe(document)}"


@functools.cache
def _field_names(model: type[BaseModel]) -> frozenset[str]:
    """Every field name a record of this model may hold, nested records included."""
    names = set(model.model_fields)
    for shape in field_shapes(model).values():
        if shape.nested is not None:
            names |= _field_names(shape.nested)
    return frozenset(names)


class Loaded:
    """One load: the raw documents, the records that validated (with their place in the file), the problems.
    The rules read it through `documents`, `valid` and the look-ups below, and place what they find with
    `problem`."""

    def __init__(self, data_dir: Path, base: Published | None = None, docs_dir: Path | None = None):
        self.data_dir = data_dir
        self.base = base
        self.docs_dir = docs_dir
        """The pages (docs/), for the rules on pages; None when they are not checked (a data folder on its own)."""
        self.documents: dict[str, object] = {}
        """Each data file's YAML as read (by file name), valid or not: one bad record must not hide the others."""
        self.valid: dict[str, list[tuple[int, object]]] = {data_file.name: [] for data_file in DATA_FILES}
        """Each data file's records that validated, with their index in the file."""
        self.problems: list[Problem] = []
        self.renamed: dict[str, dict[str, str]] = {}
        """Data file name -> {old ID: new ID}, for IDs renamed since the base (filled by the published-ids rule)."""
        self._counted: dict[str, int] = {}
        self._now: dict[str, dict] = {}
        self._taught: dict[int, set[str]] = {}
        self.full: set[str] = set()
        """Files with MAX_PROBLEMS_PER_FILE problems: no more are looked for in them."""

    def read_all(self) -> None:
        for data_file in DATA_FILES:
            self._read(data_file)

    def records(self, data_file: DataFile):
        records = tuple(record for _, record in self.valid[data_file.name])
        return records if data_file.many else records[0]

    # -- reading and validating each file ------------------------------------------------------

    def _read(self, data_file: DataFile) -> None:
        path = self.data_dir / data_file.file_name
        if not path.is_file():
            self.add(self.problem(data_file, (), f"the file {self.name(data_file)} is missing", line=1))
            return
        try:
            document = _parse(data_file, path.read_bytes())
        except yamlfile.Unreadable as unreadable:
            self.add(_unreadable(data_file, unreadable, self.data_dir.name))
            return
        self.documents[data_file.name] = document
        if not data_file.many:
            self._validate(data_file, document, None)
        elif isinstance(document, list):
            for index, raw in enumerate(document):
                if self.is_full(data_file):
                    break
                self._validate(data_file, raw, index)
        else:
            self.add(self.problem(data_file, (), _not_a_list(data_file, document)))

    def _validate(self, data_file: DataFile, raw, index: int | None) -> None:
        at = () if index is None else (index,)
        try:
            self.valid[data_file.name].append((index, data_file.model.model_validate(raw)))
        except ValidationError as error:
            for loc, sentence in explain_all(error.errors(include_url=False), data_file.model, raw):
                self.add(self.problem(data_file, at + loc, sentence))

    # -- look-ups for the rules -----------------------------------------------------------------

    def keys(self, name: str) -> set | None:
        """Every key written in a data file (by its name), valid record or not, so that one bad record does not
        cascade. None when the file itself could not be read: its own problem says so."""
        data_file = DATA_FILES_BY_NAME[name]
        document = self.documents.get(name)
        if not isinstance(document, list):
            return None
        return {key_of(raw, data_file.key) for raw in document} - {None}

    def retired(self, name: str) -> dict[str, str]:
        """Old ID -> its replacement, for the retired IDs of a data file written in data/retired.yaml."""
        return {
            raw["id"]: raw.get("replaced_by")
            for raw in as_list(self.documents.get("retired"))
            if isinstance(raw, dict) and f"{raw.get('kind')}s" == name and isinstance(raw.get("id"), str)
        }

    def current(self, name: str, key):
        """The key a record of a data file (by its name) has now: a key renamed in this change or retired leads to
        its new one. A mention of the old key is its own problem; the rules about what is taught where read it as
        the record it now names, so as not to complain about that record as well."""
        if name not in self._now:
            live = self.keys(name) or set()
            moved = {**self.retired(name), **self.renamed.get(name, {})}
            self._now[name] = {old: new for old, new in moved.items() if old not in live and new}
        return self._now[name].get(key, key)

    def skills_listed(self, name: str, field: str, where=lambda raw: True) -> set[str] | None:
        """The current IDs of the skills named by the items of a list `field` (each `skill: ID`) of the records of a
        data file, as written, so that a record with a mistake of its own still counts (a track's checklist, a gap
        area's baseline); only records `where` accepts. None when the file could not be read."""
        if name not in self.documents:
            return None
        return {
            self.current("skills", key_of(entry, "skill"))
            for raw in as_list(self.documents[name])
            if isinstance(raw, dict) and where(raw)
            for entry in as_list(raw.get(field))
        } - {None}

    def teaches(self, track) -> set[str]:
        """The skills a track teaches, by their current IDs."""
        if id(track) not in self._taught:
            self._taught[id(track)] = {self.current("skills", entry.skill) for entry in track.skills}
        return self._taught[id(track)]

    def by_key(self, name: str) -> dict:
        """The records of a data file (by its name) that validated, by their key."""
        key = DATA_FILES_BY_NAME[name].key
        return {getattr(record, key): record for _, record in self.valid[name]}

    def checklist_entries(self):
        """(index of the track, track, position in its checklist, entry) for every checklist entry of every track
        that validated. A skill listed twice in a track counts once, at its first line: the repeat is its own
        problem (skills-once-per-track), and the other rules do not complain about it as well."""
        for index, track in self.valid["tracks"]:
            for position, entry in enumerate(track.skills):
                if track.target(entry.skill) is entry:
                    yield index, track, position, entry

    @functools.cached_property
    def pages(self) -> tuple[Page, ...]:
        """Every page of the site, when the pages are checked; else none."""
        return read_pages(self.docs_dir) if self.docs_dir is not None else ()

    def prose(self) -> Iterator[tuple[DataFile, tuple, str]]:
        """(data file, path, text) for every text a page shows as written (its type is marked `Prose`), in every
        record, valid or not, in file order: the rules on wording read the data through here."""
        for data_file in DATA_FILES:
            document = self.documents.get(data_file.name)
            raws = enumerate(document) if data_file.many and isinstance(document, list) else [(None, document)]
            for index, raw in raws:
                yield from (
                    (data_file, path, text)
                    for path, text in _prose(data_file.model, raw, () if index is None else (index,))
                )

    @property
    def every_file_read(self) -> bool:
        """Whether every data file could be read. A rule that finds something missing (a source nobody cites, an
        abbreviation no entry explains) says nothing otherwise: the file that could not be read may hold it."""
        return all(data_file.name in self.documents for data_file in DATA_FILES)

    @functools.cached_property
    def record_ids(self) -> set[str]:
        """Every key written in the data and every retired ID: names for machines and faculty, not abbreviations."""
        keys = {str(key) for data_file in DATA_FILES if data_file.many for key in self.keys(data_file.name) or ()}
        return keys | {str(key) for name in ("skills", "tracks") for key in self.retired(name)}

    @functools.cached_property
    def glossary_terms(self) -> set[str]:
        return {str(term) for term in self.keys("glossary") or ()}

    @functools.cached_property
    def skills(self) -> dict:
        """The skills that validated, by ID."""
        return self.by_key("skills")

    @functools.cached_property
    def scales(self) -> dict[Scale, set[int]]:
        """The levels of each scale. A level not on its skill's scale is reported as such (levels-on-scale) and
        left out of the rules that compare levels, so one mistake gives one message."""
        return {scale: {level.level for _, level in self.valid[scale.data_file]} for scale in Scale}

    def scale_of(self, skill_id) -> Scale | None:
        """The scale a skill is assessed on, or None when the skill could not be read."""
        skill = self.skills.get(skill_id)
        return None if skill is None else skill.scale

    def on_scale(self, target) -> bool:
        """Whether a target's level (a checklist entry, a Target, an entry skill) is on its skill's scale."""
        scale = self.scale_of(target.skill)
        return scale is not None and target.level in self.scales[scale]

    def targets(self):
        """(index of the track, track, position in its checklist, entry, target) for every target of every
        checklist entry that validated: the track's own, then each per-background one."""
        for index, track, position, entry in self.checklist_entries():
            for target in entry.targets():
                yield index, track, position, entry, target

    def target_groups(self, *entries) -> list[str | None]:
        """The groups of fellows whose targets may differ in these checklist entries: None for the fellows no
        per-background target names, then each specialty some entry names, in the order first named."""
        named = [
            b for entry in entries if entry is not None for other in entry.for_backgrounds for b in other.backgrounds
        ]
        return [None, *dict.fromkeys(named)]

    @staticmethod
    def target_of(entry, group: str | None) -> Target:
        """An entry's target for a group of target_groups()."""
        return entry.own if group is None else entry.target_for(group)

    # -- where a problem is -------------------------------------------------------------------

    def name(self, data_file: DataFile) -> str:
        return f"{self.data_dir.name}/{data_file.file_name}"

    def is_full(self, data_file: DataFile) -> bool:
        return self.name(data_file) in self.full

    def problem(
        self, data_file: DataFile, path: tuple, message: str, line: int | None = None, record: str = ""
    ) -> Problem:
        """A problem at `path` in a data file (record index first, then fields), placed at its line and record."""
        document = self.documents.get(data_file.name)
        if line is None:
            line = yamlfile.line_of(document, path) if document is not None else 1
        raw = document
        if data_file.many and path and isinstance(document, list) and isinstance(path[0], int):
            raw = document[path[0]]
            key = raw.get(data_file.key) if isinstance(raw, dict) else None
            record = str(key) if key is not None else f"number {path[0] + 1} in the file"
        field_path = path[1:] if data_file.many else path
        return Problem(self.name(data_file), line, record, field_name(field_path, data_file.model, raw), message)

    def page_problem(self, page: Page, line: int, message: str) -> Problem:
        """A problem at a line of a page: docs/PAGE.md:LINE: message."""
        return Problem(page.name, line, "", "", message)

    def add(self, problem: Problem) -> None:
        self._counted[problem.file] = self._counted.get(problem.file, 0) + 1
        if self._counted[problem.file] > MAX_PROBLEMS_PER_FILE:
            self.full.add(problem.file)
            return
        self.problems.append(problem)


def _prose(model: type[BaseModel], raw, path: tuple):
    """(path, text) for every prose field written in a raw record, guided by its model."""
    if not isinstance(raw, dict):
        return
    for name, shape in field_shapes(model).items():
        value, at = raw.get(name), path + (name,)
        items = list(enumerate(value)) if shape.many and isinstance(value, list) else [(None, value)]
        for index, item in items:
            item_at = at if index is None else at + (index,)
            if shape.prose and isinstance(item, str):
                yield item_at, item
            elif shape.nested is not None:
                yield from _prose(shape.nested, item, item_at)


def as_list(value) -> list:
    return value if isinstance(value, list) else []


def key_of(raw, name: str):
    """The value a record is known by, if it is written as one value (not a list or a record), else None."""
    value = raw.get(name) if isinstance(raw, dict) else None
    return None if isinstance(value, (list, dict)) else value
