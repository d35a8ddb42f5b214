"""Read data/*.yaml into a Curriculum, or report every problem at once with file, line, record and field."""

from __future__ import annotations

import datetime
import difflib
import functools
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from . import yamlfile
from .model import KINDS, KINDS_BY_NAME, Curriculum, Kind, SkillKind, TrackKind, field_shapes
from .problems import CurriculumError, Problem

_WRITE_A_DATE = "a date written YYYY-MM-DD"


def load_curriculum(data_dir: Path) -> Curriculum:
    """Load and validate every data file. Raises CurriculumError listing all problems found."""
    data_dir = Path(data_dir).resolve()
    signature = tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in data_dir.glob("*.yaml")))
    return _load(data_dir, signature)


@functools.lru_cache(maxsize=4)
def _load(data_dir: Path, signature: tuple) -> Curriculum:  # signature: reload when a file changes
    loaded = _Loaded(data_dir)
    for kind in KINDS:
        loaded.read(kind)
    loaded.check_references()
    loaded.check_consistency()
    if loaded.problems:
        raise CurriculumError(loaded.problems)
    return Curriculum(**{kind.attribute: loaded.records(kind) for kind in KINDS})


class _Loaded:
    """One load: the raw documents, the records that validated (with their place in the file), the problems."""

    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self.documents: dict[str, object] = {}
        self.valid: dict[str, list[tuple[int, object]]] = {kind.name: [] for kind in KINDS}
        self.problems: list[Problem] = []

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
            document = yamlfile.parse(path)
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            line = mark.line + 1 if mark else 1
            self.report(kind, (), f"YAML syntax error: {error.problem or error.context}. {_YAML_HINT}", line=line)
            return
        except yaml.YAMLError as error:
            self.report(kind, (), f"YAML syntax error: {error}", line=1)
            return
        self.documents[kind.name] = document
        if not kind.many:
            self._validate(kind, document, None)
        elif isinstance(document, list):
            for index, raw in enumerate(document):
                self._validate(kind, raw, index)
        else:
            self.report(
                kind, (), f"expected a list of records, each starting with '- {kind.key}:', got {_describe(document)}"
            )

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
        return {raw.get(kind.key) for raw in document if isinstance(raw, dict)}

    def check_references(self) -> None:
        keys = {kind.name: self.keys(kind.name) for kind in KINDS if kind.many}
        for kind in KINDS:
            if kind.many and isinstance(self.documents.get(kind.name), list):
                self._check_unique(kind)
            document = self.documents.get(kind.name)
            raws = enumerate(document) if kind.many and isinstance(document, list) else [(None, document)]
            for index, raw in raws:
                at = () if index is None else (index,)
                for path, value, ref in _references(kind.model, raw, at):
                    known = keys[ref.kind]
                    if known is not None and value not in known:
                        target = KINDS_BY_NAME[ref.kind]
                        what = "an ID" if ref.key == "id" else f"a {ref.key}"
                        hint = _did_you_mean(str(value), [str(k) for k in known])
                        if ref.key != "id":
                            hint = f" (the {ref.key}s are {', '.join(map(str, sorted(known)))})"
                        self.report(kind, path, f"'{value}' is not {what} in {self._name(target)}{hint}")

    def _check_unique(self, kind: Kind) -> None:
        first_at: dict = {}
        for index, raw in enumerate(self.documents[kind.name]):
            key = raw.get(kind.key) if isinstance(raw, dict) else None
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
            entry.get("skill")
            for raw in _list(self.documents.get("tracks"))
            for entry in _list(raw.get("skills") if isinstance(raw, dict) else None)
            if isinstance(entry, dict)
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
                if entry.above_prerequisite_reason is not None and not lower:
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

    # -- where a problem is -------------------------------------------------------------------

    def _name(self, kind: Kind) -> str:
        return f"{self.data_dir.name}/{kind.file}"

    def report(self, kind: Kind, path: tuple, message: str, line: int | None = None) -> None:
        document = self.documents.get(kind.name)
        if line is None:
            line = yamlfile.line_of(document, path) if document is not None else 1
        record = ""
        if kind.many and path and isinstance(document, list) and isinstance(path[0], int):
            raw = document[path[0]]
            key = raw.get(kind.key) if isinstance(raw, dict) else None
            record = str(key) if key is not None else f"number {path[0] + 1} in the file"
        field_path = path[1:] if kind.many else path
        self.problems.append(Problem(self._name(kind), line, record, _field_name(field_path), message))


_YAML_HINT = "Check the indentation, and put text that contains a colon followed by a space in quotes."


def _list(value) -> list:
    return value if isinstance(value, list) else []


def _field_name(path: tuple) -> str:
    name = ""
    for step in path:
        name += f"[{step}]" if isinstance(step, int) else (f".{step}" if name else str(step))
    return name


def _describe(value) -> str:
    if value is None:
        return "nothing (the value is empty)"
    if isinstance(value, bool):
        return f"the yes/no value {str(value).lower()} (put it in quotes if you meant text)"
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
        return f"unknown field '{loc[-1]}'{_did_you_mean(str(loc[-1]), allowed)}; allowed fields: {', '.join(allowed)}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return f"is {len(value)} characters long; at most {ctx['max_length']} are allowed"
    if kind == "string_type":
        return f"expected text, got {_describe(value)}"
    if kind == "string_pattern_mismatch":
        if "https" in ctx.get("pattern", ""):
            return f"expected a web address starting with https://, got {_describe(value)}"
        if loc and loc[-1] == "term":
            return "must not start or end with a space"
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


def unreviewed(curriculum: Curriculum) -> list[str]:
    """Keys of the records that carry review fields but have never been reviewed."""
    return [
        getattr(record, kind.key)
        for kind in KINDS
        if kind.many and "last_reviewed" in kind.model.model_fields
        for record in getattr(curriculum, kind.attribute)
        if record.last_reviewed is None
    ]
