"""Read data/*.yaml into a Curriculum, or report every problem at once with file, line, record and field.

Every tool reads the data through here (the check, the build and its preview, pre-commit, the diff), so they
give the same verdict in the same words. How a file's text is read is macros/yamlfile.py; what each value may
be is macros/model.py.
"""

from __future__ import annotations

import calendar
import datetime
import difflib
import functools
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from . import yamlfile
from .model import (
    CURRENCY_PATTERN,
    KINDS,
    KINDS_BY_NAME,
    MONTH_OR_DATE_PATTERN,
    TEXT_PATTERN,
    Curriculum,
    Kind,
    RetiredKind,
    SkillKind,
    TrackKind,
    field_shapes,
)
from .problems import CurriculumError, Problem

_WRITE_A_DATE = "a date written YYYY-MM-DD"
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
    """(kind name, ID, title, the other fields as text): enough to tell a renamed record from a new one."""

    @classmethod
    def from_documents(cls, documents: dict[str, object], revision: str) -> Published:
        records = []
        for kind in (KINDS_BY_NAME[retired.file_kind] for retired in RetiredKind):
            for raw in _list(documents.get(kind.name)):
                if isinstance(raw, dict) and isinstance(raw.get(kind.key), str):
                    records.append((kind.name, raw[kind.key], str(raw.get("title")), _body(raw, kind.key)))
        return cls(revision, tuple(records))


def _body(raw: dict, key: str) -> str:
    return json.dumps({k: v for k, v in raw.items() if k not in (key, "title")}, sort_keys=True, default=str)


def load_curriculum(data_dir: Path, base: Published | None = None) -> Curriculum:
    """Load and validate every data file; with `base`, also require each published ID that is gone to be
    retired. Raises CurriculumError listing all problems found."""
    data_dir = Path(data_dir).resolve()
    signature = tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in data_dir.glob("*.yaml")))
    return _load(data_dir, signature, base)


@functools.lru_cache(maxsize=4)
def _load(data_dir: Path, signature: tuple, base: Published | None) -> Curriculum:  # signature: reload on change
    loaded = _Loaded(data_dir, base)
    for kind in KINDS:
        loaded.read(kind)
    loaded.compare_with_base()
    loaded.check_references()
    loaded.check_retired()
    loaded.check_consistency()
    loaded.check_admissions()
    loaded.check_reviews()
    if loaded.problems:
        raise CurriculumError(loaded.problems, more_in=sorted(loaded.full))
    return Curriculum(**{kind.attribute: loaded.records(kind) for kind in KINDS})


def read_documents(read: ReadFile) -> dict[str, object]:
    """Every data file that exists on one side, read as the check reads it but not validated against the models
    (for the other side of a diff, whose models may have been different). Raises CurriculumError."""
    documents, problems = {}, []
    for kind in KINDS:
        data = read(kind.file)
        if data is None:
            continue
        try:
            documents[kind.name] = _parse(kind, data)
        except yamlfile.Unreadable as unreadable:
            problems.append(_unreadable(kind, unreadable))
            continue
        if kind.many and not isinstance(documents[kind.name], list):
            problems.append(Problem(f"data/{kind.file}", 1, "", "", _not_a_list(kind, documents[kind.name])))
    if problems:
        raise CurriculumError(problems)
    return documents


def _parse(kind: Kind, data: bytes):
    return yamlfile.parse_bytes(data, kind.key if kind.many else "", _field_names(kind.model))


def _unreadable(kind: Kind, unreadable: yamlfile.Unreadable, folder: str = "data") -> Problem:
    return Problem(f"{folder}/{kind.file}", unreadable.line, unreadable.record, unreadable.field, unreadable.message)


def _not_a_list(kind: Kind, document) -> str:
    return f"expected a list of records, each starting with '- {kind.key}:', got {_describe(document)}"


@functools.cache
def _field_names(model: type[BaseModel]) -> frozenset[str]:
    """Every field name a record of this model may hold, nested records included."""
    names = set(model.model_fields)
    for shape in field_shapes(model).values():
        if shape.nested is not None:
            names |= _field_names(shape.nested)
    return frozenset(names)


class _Loaded:
    """One load: the raw documents, the records that validated (with their place in the file), the problems."""

    def __init__(self, data_dir: Path, base: Published | None = None):
        self.data_dir = data_dir
        self.base = base
        self.documents: dict[str, object] = {}
        self.valid: dict[str, list[tuple[int, object]]] = {kind.name: [] for kind in KINDS}
        self.problems: list[Problem] = []
        self.renamed: dict[str, dict[str, str]] = {}
        """Kind name -> {old ID: new ID}, for IDs renamed since the base."""
        self.counted: dict[str, int] = {}
        self.full: set[str] = set()
        """Files with MAX_PROBLEMS_PER_FILE problems: no more are looked for in them."""

    def records(self, kind: Kind):
        records = tuple(record for _, record in self.valid[kind.name])
        return records if kind.many else records[0]

    # -- reading and validating each file ------------------------------------------------------

    def read(self, kind: Kind) -> None:
        path = self.data_dir / kind.file
        if not path.is_file():
            self.report(kind, (), f"the file {self._name(kind)} is missing", line=1)
            return
        try:
            document = _parse(kind, path.read_bytes())
        except yamlfile.Unreadable as unreadable:
            self.problems.append(_unreadable(kind, unreadable, self.data_dir.name))
            return
        self.documents[kind.name] = document
        if not kind.many:
            self._validate(kind, document, None)
        elif isinstance(document, list):
            for index, raw in enumerate(document):
                if self._name(kind) in self.full:
                    break
                self._validate(kind, raw, index)
        else:
            self.report(kind, (), _not_a_list(kind, document))

    def _validate(self, kind: Kind, raw, index: int | None) -> None:
        at = () if index is None else (index,)
        try:
            self.valid[kind.name].append((index, kind.model.model_validate(raw)))
        except ValidationError as error:
            for detail in error.errors(include_url=False):
                loc = tuple(detail["loc"])
                self.report(kind, at + loc, _explain(detail, kind.model, loc))

    # -- checks across records and files ------------------------------------------------------

    def keys(self, kind_name: str) -> set | None:
        """Every key written in a file, valid record or not, so that one bad record does not cascade.
        None when the file itself could not be read: its own problem says so."""
        kind = KINDS_BY_NAME[kind_name]
        document = self.documents.get(kind_name)
        if not isinstance(document, list):
            return None
        return {_key(raw, kind.key) for raw in document} - {None}

    def check_references(self) -> None:
        keys = {kind.name: self.keys(kind.name) for kind in KINDS if kind.many}
        for kind in KINDS:
            if kind.many and isinstance(self.documents.get(kind.name), list):
                self._check_unique(kind)
            document = self.documents.get(kind.name)
            raws = enumerate(document) if kind.many and isinstance(document, list) else [(None, document)]
            for index, raw in raws:
                if self._name(kind) in self.full:
                    break
                at = () if index is None else (index,)
                for path, value, ref in _references(kind.model, raw, at):
                    known = keys[ref.kind]
                    if known is not None and value not in known:
                        self.report(kind, path, self._unknown(ref.kind, value, known, ref.key))

    def _unknown(self, kind_name: str, value, known: set, key: str = "id") -> str:
        """Why `value` is not a key of `kind_name`, and what to write instead."""
        target = self._name(KINDS_BY_NAME[kind_name])
        if key != "id":
            return f"'{value}' is not a {key} in {target} (the {key}s are {', '.join(map(str, sorted(known)))})"
        if value in self.retired(kind_name):
            return (
                f"'{value}' is retired (data/retired.yaml): write its replacement, '{self.retired(kind_name)[value]}'"
            )
        if value in self.renamed.get(kind_name, {}):
            new = self.renamed[kind_name][value]
            return (
                f"'{value}' was renamed to '{new}' in this change (compared with {self.base.revision}): write '{new}'"
            )
        return f"'{value}' is not an ID in {target}{_did_you_mean(str(value), [str(k) for k in known])}"

    def retired(self, kind_name: str) -> dict[str, str]:
        """Old ID -> its replacement, for the retired IDs of a kind written in data/retired.yaml."""
        return {
            raw["id"]: raw.get("replaced_by")
            for raw in _list(self.documents.get("retired"))
            if isinstance(raw, dict) and f"{raw.get('kind')}s" == kind_name and isinstance(raw.get("id"), str)
        }

    # -- stable IDs: published IDs are never dropped, only retired ------------------------------------

    def check_retired(self) -> None:
        """Each retired ID is out of use, and leads to an ID in use of the same kind."""
        retired_kind = KINDS_BY_NAME["retired"]
        for index, entry in self.valid["retired"]:
            kind_name = entry.kind.file_kind
            live = self.keys(kind_name)
            if live is None:
                continue
            if entry.id in live:
                self.report(
                    retired_kind,
                    (index, "id"),
                    f"{entry.id} is retired but is in use again in {self._name(KINDS_BY_NAME[kind_name])}; "
                    "an ID is never reused: give that record a new ID",
                )
            if entry.replaced_by not in live:
                self.report(retired_kind, (index, "replaced_by"), self._unknown(kind_name, entry.replaced_by, live))

    def compare_with_base(self) -> None:
        """With a base version: which published IDs were renamed, and which are gone without being retired."""
        if self.base is None:
            return
        before: dict[str, dict[str, tuple[str, str]]] = {}
        for kind_name, key, title, body in self.base.records:
            before.setdefault(kind_name, {})[key] = (title, body)
        for kind_name, old in before.items():
            kind, document = KINDS_BY_NAME[kind_name], self.documents.get(kind_name)
            if not isinstance(document, list) or "retired" not in self.documents:
                continue  # the file's own problem is reported
            now = {
                raw[kind.key]: index
                for index, raw in enumerate(document)
                if isinstance(raw, dict) and isinstance(raw.get(kind.key), str)
            }
            added = [key for key in now if key not in old]
            for gone in (key for key in old if key not in now and key not in self.retired(kind_name)):
                title, body = old[gone]
                matches = [
                    key
                    for key in added
                    if str(document[now[key]].get("title")) == title or _body(document[now[key]], kind.key) == body
                ]
                if len(matches) == 1:
                    self.renamed.setdefault(kind_name, {})[gone] = matches[0]
                self._report_gone(kind, gone, matches[0] if len(matches) == 1 else None, now)

    def _report_gone(self, kind: Kind, gone: str, renamed_to: str | None, now: dict[str, int]) -> None:
        noun = kind.name.removesuffix("s")
        address = f"skills/#{gone}" if kind.name == "skills" else f"tracks/{gone.lower()}/"
        published = f"{gone} is published ({address}, and on printed checklists)"
        entry = f"- {{id: {gone}, kind: {noun}, replaced_by: {renamed_to or '…'}, reason: …}}"
        if renamed_to:
            self.report(
                kind,
                (now[renamed_to], kind.key),
                f"this {noun} was {gone} in {self.base.revision}, and {published}: keep its links working by "
                f"adding to data/retired.yaml: {entry}",
            )
            return
        retired = KINDS_BY_NAME["retired"]
        self.report(
            retired,
            (),
            f"the {noun} {gone} is gone since {self.base.revision}, but {published}: add it to this file with the "
            f"{noun} that replaces it and why, {entry}, or put the {noun} back",
            line=_last_line(self.data_dir / retired.file),
            record=gone,
        )

    def _check_unique(self, kind: Kind) -> None:
        first_at: dict = {}
        for index, raw in enumerate(self.documents[kind.name]):
            key = _key(raw, kind.key)
            if key is None:
                continue
            if key in first_at:
                first_line = yamlfile.line_of(self.documents[kind.name], (first_at[key],))
                self.report(
                    kind,
                    (index, kind.key),
                    f"'{key}' is already used by the record at line {first_line}; each {kind.key} must be unique",
                )
            first_at.setdefault(key, index)

    def check_consistency(self) -> None:
        skills = {s.id: s for _, s in self.valid["skills"]}
        entrustment = KINDS_BY_NAME["entrustment"]
        levels = sorted(level.level for _, level in self.valid["entrustment"])
        if "entrustment" in self.documents and levels != list(range(1, len(levels) + 1)):
            self.report(entrustment, (), f"levels must run 1, 2, 3, … without gaps; found {levels}", line=1)

        tracks = KINDS_BY_NAME["tracks"]
        taught = {
            _key(entry, "skill")
            for raw in _list(self.documents.get("tracks"))
            for entry in _list(raw.get("skills") if isinstance(raw, dict) else None)
            if isinstance(entry, dict)
        }
        # A mention of a renamed or retired ID is its own problem; the skill it now names is not "not taught".
        taught |= {self.renamed.get("skills", {}).get(old) for old in taught} | {
            self.retired("skills").get(old) for old in taught
        }
        for index, track in self.valid["tracks"]:
            admitted: set[str] = set()
            for position, route in enumerate(track.admits):
                if route.background in admitted:
                    self.report(
                        tracks,
                        (index, "admits", position, "background"),
                        f"{route.background} is listed twice in admits",
                    )
                admitted.add(route.background)
            first_position: dict[str, int] = {}
            for position, entry in enumerate(track.skills):
                at = (index, "skills", position)
                if entry.skill in first_position:
                    self.report(
                        tracks,
                        at + ("skill",),
                        f"'{entry.skill}' is listed twice in this track (also at skills[{first_position[entry.skill]}])",
                    )
                first_position.setdefault(entry.skill, position)
                skill = skills.get(entry.skill)
                if skill is None:
                    continue
                procedural = skill.kind is SkillKind.procedural
                if entry.min_supervised is not None and not procedural:
                    self.report(
                        tracks,
                        at + ("min_supervised",),
                        f"only procedural skills have a minimum supervised number; {skill.id} is {skill.kind.value}",
                    )
                if procedural and entry.min_supervised is None and track.kind is TrackKind.fellowship:
                    self.report(tracks, at, f"{skill.id} is procedural, so a fellowship must set min_supervised for it")

        skill_kind = KINDS_BY_NAME["skills"]
        for index, skill in self.valid["skills"]:
            if "tracks" in self.documents and skill.id not in taught:
                self.report(
                    skill_kind,
                    (index, "id"),
                    f"{skill.id} is not taught in any track; add it to a track's skills in data/tracks.yaml",
                )
            if skill.id in skill.prerequisites:
                self.report(skill_kind, (index, "prerequisites"), "a skill cannot be its own prerequisite")
            elif cycle := _cycle_from(skill.id, skills):
                self.report(
                    skill_kind, (index, "prerequisites"), "prerequisites go round in a circle: " + " → ".join(cycle)
                )
            if skill.modalities and skill.kind is not SkillKind.procedural:
                self.report(
                    skill_kind,
                    (index, "modalities"),
                    f"only procedural skills have modalities; this skill is {skill.kind.value}",
                )

        gap_areas = KINDS_BY_NAME["gap_areas"]
        baseline_at: dict[str, str] = {}
        for index, area in self.valid["gap_areas"]:
            for position, entry in enumerate(area.baseline_skills):
                if entry.skill in baseline_at:
                    self.report(
                        gap_areas,
                        (index, "baseline_skills", position, "skill"),
                        f"{entry.skill} is already in the baseline of {baseline_at[entry.skill]}; "
                        "list each baseline skill once, with one level",
                    )
                baseline_at.setdefault(entry.skill, area.id)

        track_kinds = {t.id: t.kind for _, t in self.valid["tracks"]}
        sessions = KINDS_BY_NAME["workshops"]
        for index, session in self.valid["workshops"]:
            kind = track_kinds.get(session.track)
            if kind is not None and kind is not TrackKind.workshop:
                self.report(
                    sessions,
                    (index, "track"),
                    f"{session.track} is a {kind.value} track; sessions must belong to a workshop track",
                )
            if session.end and session.end < session.start:
                self.report(
                    sessions, (index, "end"), f"the session ends ({session.end}) before it starts ({session.start})"
                )

        self._check_sign_off(skills)
        self._check_prerequisite_levels(skills)
        self._check_exam_modules()
        self._check_minimums_across_tracks()

        versions = {change.version for _, change in self.valid["changelog"]}
        for _, info in self.valid["curriculum"]:
            if "changelog" in self.documents and info.version not in versions:
                self.report(
                    KINDS_BY_NAME["curriculum"],
                    ("version",),
                    f"version {info.version} has no entry in data/changelog.yaml; add one saying what changed",
                )

    # -- target levels and minimum numbers that contradict each other ------------------------
    # A level that is not on the scale is reported as such and left out here, so one mistake gives one message.

    @functools.cached_property
    def _scale(self) -> set[int]:
        return {level.level for _, level in self.valid["entrustment"]}

    def _on_scale(self, entry) -> bool:
        return entry.level in self._scale

    def _check_sign_off(self, skills: dict) -> None:
        """A method required for sign-off must be one the skill is assessed by and one the track uses."""
        tracks = KINDS_BY_NAME["tracks"]
        for index, track in self.valid["tracks"]:
            for position, entry in enumerate(track.skills):
                skill = skills.get(entry.skill)
                for place, method in enumerate(entry.sign_off_requires):
                    at = (index, "skills", position, "sign_off_requires", place)
                    if skill is not None and method not in skill.assessments:
                        self.report(
                            tracks,
                            at,
                            f"{method} is not one of the assessments of {skill.id} ({', '.join(skill.assessments)}); "
                            "add it to the skill's assessments in data/skills.yaml",
                        )
                    if method not in track.assessments:
                        self.report(tracks, at, f"{method} is not one of this track's assessments; add it there")

    def _check_prerequisite_levels(self, skills: dict) -> None:
        """Within a track, a skill's target never exceeds that of a prerequisite taught there, unless a reason is given."""
        tracks = KINDS_BY_NAME["tracks"]
        for index, track in self.valid["tracks"]:
            for position, entry in enumerate(track.skills):
                if not self._on_scale(entry):
                    continue
                lower = [
                    (prerequisite, track.target(prerequisite).level)
                    for prerequisite in getattr(skills.get(entry.skill), "prerequisites", [])
                    if track.target(prerequisite) is not None
                    and self._on_scale(track.target(prerequisite))
                    and track.target(prerequisite).level < entry.level
                ]
                at = (index, "skills", position)
                # Only when the skill could be read: one broken skills.yaml must give one message, not one per reason.
                if entry.above_prerequisite_reason is not None and not lower and entry.skill in skills:
                    self.report(
                        tracks,
                        at + ("above_prerequisite_reason",),
                        f"level {entry.level} is not above any prerequisite of {entry.skill} in this track; "
                        "remove the reason",
                    )
                if entry.above_prerequisite_reason is None:
                    for prerequisite, level in lower:
                        self.report(
                            tracks,
                            at + ("level",),
                            f"level {entry.level} for {entry.skill} is above level {level} for its prerequisite "
                            f"{prerequisite} in this track; lower it, or say why in above_prerequisite_reason",
                        )

    def _check_exam_modules(self) -> None:
        """An exam module never expects more than each fellowship preparing for the same exam reaches."""
        tracks = KINDS_BY_NAME["tracks"]
        fellowships = [t for _, t in self.valid["tracks"] if t.kind is TrackKind.fellowship]
        for index, module in self.valid["tracks"]:
            if module.kind is not TrackKind.exam_preparation:
                continue
            for position, entry in enumerate(module.skills):
                if not self._on_scale(entry):
                    continue
                for fellowship in fellowships:
                    shared = [exam for exam in module.exams if exam in fellowship.exams]
                    if not shared:
                        continue
                    reached = fellowship.target(entry.skill)
                    if reached is None:
                        what = "does not teach it"
                    elif self._on_scale(reached) and reached.level < entry.level:
                        what = f"ends at level {reached.level}"
                    else:
                        continue
                    self.report(
                        tracks,
                        (index, "skills", position, "level"),
                        f"the module expects level {entry.level} in {entry.skill}, but {fellowship.id}, which also "
                        f"prepares for {', '.join(shared)}, {what}; expect no more than the fellowships reach",
                    )

    def _check_minimums_across_tracks(self) -> None:
        """Across tracks, a higher target level for a skill never comes with a lower minimum number."""
        tracks = KINDS_BY_NAME["tracks"]
        counted: dict[str, list] = {}
        for index, track in self.valid["tracks"]:
            for position, entry in enumerate(track.skills):
                if entry.min_supervised is not None and self._on_scale(entry):
                    counted.setdefault(entry.skill, []).append((index, position, track, entry))
        for places in counted.values():
            for index, position, _, entry in places:
                for _, _, other, other_entry in places:
                    if entry.level > other_entry.level and entry.min_supervised < other_entry.min_supervised:
                        self.report(
                            tracks,
                            (index, "skills", position, "min_supervised"),
                            f"level {entry.level} for {entry.skill} needs at least {entry.min_supervised} supervised "
                            f"here, fewer than the {other_entry.min_supervised} {other.id} asks for level "
                            f"{other_entry.level}; a higher level needs at least as many",
                        )

    def check_admissions(self) -> None:
        """Application dates make sense: they close after they open, and not after a dated intake starts."""
        admissions = KINDS_BY_NAME["admissions"]
        for index, admission in self.valid["admissions"]:
            for position, intake in enumerate(admission.intakes):
                at = (index, "intakes", position)
                opens, closes = intake.applications_open, intake.applications_close
                if opens and closes and closes < opens:
                    self.report(
                        admissions,
                        at + ("applications_close",),
                        f"applications close ({closes}) before they open ({opens})",
                    )
                if closes and not intake.month_only and closes > intake.first_day:
                    self.report(
                        admissions,
                        at + ("applications_close",),
                        f"applications close ({closes}) after the intake starts ({intake.starts})",
                    )

    def check_reviews(self) -> None:
        """A review is shown as "reviewed by whom, when": a record gives both or neither."""
        for kind in KINDS:
            if not kind.many or "last_reviewed" not in kind.model.model_fields:
                continue
            for index, record in self.valid[kind.name]:
                if record.last_reviewed and not record.reviewed_by:
                    self.report(kind, (index, "last_reviewed"), "add reviewed_by: who reviewed the record on this date")
                elif record.reviewed_by and not record.last_reviewed:
                    self.report(
                        kind, (index, "reviewed_by"), f"add last_reviewed: the date of the review, {_WRITE_A_DATE}"
                    )

    # -- where a problem is -------------------------------------------------------------------

    def _name(self, kind: Kind) -> str:
        return f"{self.data_dir.name}/{kind.file}"

    def report(self, kind: Kind, path: tuple, message: str, line: int | None = None, record: str = "") -> None:
        self.counted[self._name(kind)] = self.counted.get(self._name(kind), 0) + 1
        if self.counted[self._name(kind)] > MAX_PROBLEMS_PER_FILE:
            self.full.add(self._name(kind))
            return
        document = self.documents.get(kind.name)
        if line is None:
            line = yamlfile.line_of(document, path) if document is not None else 1
        if kind.many and path and isinstance(document, list) and isinstance(path[0], int):
            raw = document[path[0]]
            key = raw.get(kind.key) if isinstance(raw, dict) else None
            record = str(key) if key is not None else f"number {path[0] + 1} in the file"
        field_path = path[1:] if kind.many else path
        self.problems.append(Problem(self._name(kind), line, record, _field_name(field_path), message))


def _list(value) -> list:
    return value if isinstance(value, list) else []


def _key(raw, name: str):
    """The value a record is known by, if it is written as one value (not a list or a record), else None."""
    value = raw.get(name) if isinstance(raw, dict) else None
    return None if isinstance(value, (list, dict)) else value


def _last_line(path: Path) -> int:
    return max(1, len(path.read_bytes().splitlines())) if path.is_file() else 1


def _field_name(path: tuple) -> str:
    name = ""
    for step in path:
        name += f"[{step}]" if isinstance(step, int) else (f".{step}" if name else str(step))
    return name


def _describe(value) -> str:
    if value is None:
        return "nothing (the value is empty)"
    if isinstance(value, bool):
        return f"the yes/no value {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return f"the date {value}"
    if isinstance(value, str):
        return f"the text '{value[:60]}{'…' if len(value) > 60 else ''}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a record (key: value lines)"
    return type(value).__name__


def _explain(detail: dict, model: type[BaseModel], loc: tuple) -> str:
    """Turn one pydantic error into a sentence a clinician can act on."""
    kind, value, ctx = detail["type"], detail.get("input"), detail.get("ctx") or {}
    if kind == "missing":
        return "this required field is missing"
    if kind == "extra_forbidden":
        allowed = list(_model_at(model, loc[:-1]).model_fields)
        name, _, rest = str(loc[-1]).partition(" ")
        if name in allowed and rest.strip() and value is None:  # {skill: US-X, level 3}
            return f"'{loc[-1]}' has no colon after the field name. Write '{name}: {rest.strip()}'"
        return f"unknown field '{loc[-1]}'{_did_you_mean(str(loc[-1]), allowed)}; allowed fields: {', '.join(allowed)}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "yes_no_text":
        if loc and loc[-1] == "reviewed_by":
            return f"'{value}' does not say who reviewed the record. Write a name or a committee, e.g. Curriculum committee"
        return f"'{value}' on its own is a yes/no word, not text. Write the text itself"
    if kind == "whole_number":
        if isinstance(value, str) and value.strip().lstrip("+-").isdigit():
            return f"expected a whole number, got the text '{value}'. Write the number without quotes: {value.strip()}"
        return f"expected a whole number, got {_describe(value)}"
    if kind == "impossible_date":
        return f"{value} is not a date: {_why_not_a_date(value)}. Write a date that exists, as YYYY-MM-DD"
    if kind == "string_too_long":
        return f"is {len(value)} characters long; at most {ctx['max_length']} are allowed"
    if kind == "string_type":
        return f"expected text, got {_describe(value)}"
    if kind == "string_pattern_mismatch":
        if "https" in ctx.get("pattern", ""):
            return f"expected a web address starting with https://, got {_describe(value)}"
        if loc and loc[-1] == "term":
            return "must not start or end with a space"
        if ctx.get("pattern") == TEXT_PATTERN:
            return "must not be empty: it holds only spaces"
        if ctx.get("pattern") == MONTH_OR_DATE_PATTERN:
            return f"expected a month written YYYY-MM or {_WRITE_A_DATE}, got {_describe(value)}"
        if ctx.get("pattern") == CURRENCY_PATTERN:
            return f"expected a three-letter currency code in capitals, e.g. INR or USD, got {_describe(value)}"
        return f"{_describe(value)} is not a valid ID; IDs use capitals, digits and single hyphens, e.g. US-LUMB-FACET"
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return f"expected a whole number, got {_describe(value)}"
    if kind in {"greater_than", "greater_than_equal", "less_than", "less_than_equal"}:
        words = {
            "greater_than": "above",
            "greater_than_equal": "at least",
            "less_than": "below",
            "less_than_equal": "at most",
        }
        limit = next(iter(ctx.values()))
        return f"must be {words[kind]} {limit}, got {_describe(value)}"
    if kind in {"enum", "literal_error"}:
        return f"{_describe(value)} is not allowed; expected {ctx.get('expected')}"
    if kind == "list_type":
        return f"expected a list (one '- ' item per line), got {_describe(value)}"
    if kind == "too_short":
        return "must list at least one item"
    if kind.startswith("date") or kind.startswith("datetime"):
        return f"expected {_WRITE_A_DATE}, got {_describe(value)}"
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return f"expected a record (key: value lines), got {_describe(value)}"
    return detail["msg"]


def _why_not_a_date(text: str) -> str:
    year, month, day = (int(part) for part in text.split("-"))
    if not 1 <= month <= 12:
        return f"there is no month {month:02d}; months run from 01 to 12"
    days = calendar.monthrange(year, month)[1]
    return f"{calendar.month_name[month]} {year} has {days} days"


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel]:
    """The model that holds the field at `loc` (walking into nested records and lists of records)."""
    for step in loc:
        if isinstance(step, int):
            continue
        model = field_shapes(model)[step].nested
    return model


def _references(model: type[BaseModel], raw, path: tuple):
    """Every (path, value, RefTo) written in a raw record, guided by its model: a record that fails
    validation elsewhere still has its references checked, so one run reports every problem."""
    if not isinstance(raw, dict):
        return
    for name, shape in field_shapes(model).items():
        if raw.get(name) is None:
            continue
        value, at = raw[name], path + (name,)
        items = list(enumerate(value)) if shape.many and isinstance(value, list) else [(None, value)]
        for index, item in items:
            item_at = at if index is None else at + (index,)
            if shape.ref is not None and isinstance(item, (str, int)) and not isinstance(item, bool):
                yield item_at, item, shape.ref
            elif shape.nested is not None:
                yield from _references(shape.nested, item, item_at)


def _did_you_mean(word: str, candidates: list[str]) -> str:
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.75)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _cycle_from(start: str, skills: dict) -> list[str]:
    """A path of prerequisites that leads from `start` back to itself, or [] if there is none."""
    stack, seen = [(start, [start])], set()
    while stack:
        current, trail = stack.pop()
        for nxt in getattr(skills.get(current), "prerequisites", []):
            if nxt == start:
                return trail + [start]
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, trail + [nxt]))
    return []


def review_warnings(curriculum: Curriculum, today: datetime.date, data_dir: Path) -> list[Problem]:
    """Records last reviewed longer ago than the curriculum's review interval. Warnings: they never stop a build."""
    months = curriculum.info.review_after_months
    warnings = []
    for kind in KINDS:
        if not kind.many or "last_reviewed" not in kind.model.model_fields:
            continue
        document = yamlfile.parse(Path(data_dir) / kind.file)
        for index, record in enumerate(getattr(curriculum, kind.attribute)):
            reviewed = record.last_reviewed
            if reviewed is None:
                continue
            age = (today.year - reviewed.year) * 12 + today.month - reviewed.month - (today.day < reviewed.day)
            if age >= months:
                line = yamlfile.line_of(document, (index, "last_reviewed"))
                message = f"last reviewed {reviewed}, {age} months ago; the curriculum asks for a review every {months} months"
                warnings.append(
                    Problem(
                        f"{Path(data_dir).name}/{kind.file}", line, getattr(record, kind.key), "last_reviewed", message
                    )
                )
    return warnings


def ended_sessions(curriculum: Curriculum, today: datetime.date, data_dir: Path) -> list[Problem]:
    """Workshop sessions that ended before `today`: the calendar and its download leave them out. Notices only."""
    kind = KINDS_BY_NAME["workshops"]
    document = yamlfile.parse(Path(data_dir) / kind.file)
    notices = []
    for index, session in enumerate(curriculum.workshops):
        last_day = session.end or session.start
        if last_day < today:
            field = "end" if session.end else "start"
            line = yamlfile.line_of(document, (index, field))
            message = f"ended on {last_day}; not shown in the calendar"
            notices.append(Problem(f"{Path(data_dir).name}/{kind.file}", line, session.id, field, message))
    return notices


def unreviewed(curriculum: Curriculum) -> list[str]:
    """Keys of the records that carry review fields but have never been reviewed."""
    return [
        getattr(record, kind.key)
        for kind in KINDS
        if kind.many and "last_reviewed" in kind.model.model_fields
        for record in getattr(curriculum, kind.attribute)
        if record.last_reviewed is None
    ]
