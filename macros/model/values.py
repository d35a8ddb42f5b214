"""How values are written: the constrained types the records are made of, each saying once, beside its
definition, what it means and why a value is refused (its `Meaning`). The check's messages
(macros/load/wording.py) and the data reference (macros/reference.py) both read the Meaning; the JSON
Schemas are generated from the same constraints.

Each rule below is decided here once, so that `make check`, the build and the JSON Schemas (the editor,
pre-commit) accept and refuse the same values. The files themselves are read as YAML 1.2, as the editor
reads them (macros/yamlfile.py): `yes` is text, dates are text checked here.
"""

from __future__ import annotations

import datetime
import functools
import re
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, Field, StringConstraints
from pydantic.fields import FieldInfo
from pydantic_core import PydanticCustomError

ID_PATTERN = r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$"


@dataclass(frozen=True)
class Meaning:
    """What a constrained type holds, said once for both readers of it: `what` for the data reference (typed
    values in backticks; `{up_to}` becomes ", at most N characters" where the type has a length limit), and
    `refused` for the check, the sentence for a value the type's pattern refuses (`{value}` becomes the value
    in words, e.g. "the text 'x'")."""

    what: str
    refused: str = ""


@dataclass(frozen=True)
class RefTo:
    """Marks a field whose value must be the key of a record in another data file (its name, e.g. "skills")."""

    file: str
    key: str = "id"


NOT_TEXT = ("yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF")
NOT_TEXT += ("true", "True", "TRUE", "false", "False", "FALSE")
"""Words that older YAML tools read as true or false. On their own they are an answer, not text: a
`reviewed_by: yes` names nobody. Refused in every text field, quoted or not."""

TEXT_PATTERN = r"\S"
"""Text needs a visible character: a value of spaces only is empty."""


@dataclass(frozen=True)
class _NotAYesNoWord:
    """Puts the NOT_TEXT rule into the JSON Schema, so that the editor refuses what the check refuses."""

    def __get_pydantic_json_schema__(self, schema, handler):
        described = handler(schema)
        described["not"] = {"pattern": f"^(?:{'|'.join(NOT_TEXT)})$"}
        return described


def _plain_text(value: str) -> str:
    if value in NOT_TEXT:
        raise PydanticCustomError("yes_no_text", "'{value}' is a yes/no word, not text", {"value": value})
    return value.strip()  # lengths count what was typed, as the schema counts; the spaces around are not kept


def _text(max_length: int):
    """Plain text: shown exactly as typed, never read as HTML, Markdown or template code."""
    return Annotated[
        str,
        StringConstraints(min_length=1, max_length=max_length, pattern=TEXT_PATTERN),
        AfterValidator(_plain_text),
        _NotAYesNoWord(),
        Meaning("Text, not empty{up_to}", refused="must not be empty: it holds only spaces"),
    ]


def _whole_number(value):
    """A number written as a number: not in quotes (`"10"`), not a yes/no value; 10.0 is ten, as in JSON Schema."""
    if isinstance(value, (str, bool)):
        raise PydanticCustomError("whole_number", "expected a whole number", {})
    return value


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
WRITE_A_DATE = "a date written YYYY-MM-DD"


def _date(value):
    """YYYY-MM-DD and a day that exists, exactly what JSON Schema's `format: date` accepts."""
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    if isinstance(value, str) and _DATE.fullmatch(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError("impossible_date", "not a date", {"value": value}) from None
    raise PydanticCustomError("date_format", f"expected {WRITE_A_DATE}", {})


Title = _text(120)
Label = _text(60)
Text = _text(1500)
Line = _text(100)
WholeNumber = Annotated[int, BeforeValidator(_whole_number)]
Date = Annotated[datetime.date, BeforeValidator(_date), Meaning("A date written `YYYY-MM-DD`, e.g. `2026-11-01`")]
_AN_ID = Meaning(
    "An ID: capital letters and digits in parts joined by single hyphens, e.g. `US-LUMB-FACET`{up_to}",
    refused="{value} is not a valid ID; IDs use capitals, digits and single hyphens, e.g. US-LUMB-FACET",
)
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=40), _AN_ID]
WebAddress = Annotated[
    str,
    StringConstraints(pattern=r"^https://\S+$", max_length=300),
    Meaning(
        "A web address starting with `https://`{up_to}",
        refused="expected a web address starting with https://, got {value}",
    ),
]
Term = Annotated[
    str,
    StringConstraints(pattern=r"^\S(.*\S)?$", max_length=30),
    Meaning("Text with no space at the start or end{up_to}", refused="must not start or end with a space"),
]
Currency = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Z]{3}$"),
    Meaning(
        "Three capital letters, e.g. `INR` or `USD`",
        refused="expected a three-letter currency code in capitals, e.g. INR or USD, got {value}",
    ),
]


def _date_as_text(value):
    """A date given as a date (by a YAML reader other than ours) is checked as the text it was written as."""
    return value.isoformat() if isinstance(value, datetime.date) else value


def _a_real_day(value: str) -> str:
    if len(value) > 7:
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError("impossible_date", "not a date", {"value": value}) from None
    return value


MonthOrDate = Annotated[
    str,
    StringConstraints(pattern=r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?$"),
    BeforeValidator(_date_as_text),  # runs before the pattern, which it wraps
    AfterValidator(_a_real_day),
    Meaning(
        "A month written `YYYY-MM`, e.g. `2027-01`, or a date written `YYYY-MM-DD`, e.g. `2027-01-04`",
        refused=f"expected a month written YYYY-MM or {WRITE_A_DATE}, got {{value}}",
    ),
]


def _ref(file: str, key_type: type = str):
    if key_type is int:
        return Annotated[WholeNumber, RefTo(file, key="level")]
    return Annotated[str, RefTo(file), StringConstraints(pattern=ID_PATTERN, max_length=40), _AN_ID]


SkillId = _ref("skills")
DomainId = _ref("domains")
TrackId = _ref("tracks")
ExamId = _ref("exams")
SourceId = _ref("sources")
AssessmentId = _ref("assessments")
RotationId = _ref("rotations")
GapAreaId = _ref("gap_areas")
LevelNumber = _ref("entrustment", int)
"""A level of the entrustment-supervision scale (data/entrustment.yaml), e.g. the level an EPA is entrusted at."""
BackgroundId = _ref("backgrounds")
SkillLevel = Annotated[
    WholeNumber,
    Field(ge=1, le=9),
    Meaning(
        "A level of the scale the skill is assessed on: `data/entrustment.yaml` for procedural and clinical "
        "skills, `data/milestones.yaml` for knowledge and professional skills"
    ),
]
"""A target or a level held in one skill: on the skill's own scale (Scale), which the check knows and the editor
does not (the levels-on-scale rule)."""


class Modality(StrEnum):
    """How a procedure is guided."""

    landmark = "landmark"
    ultrasound = "ultrasound"
    fluoroscopy = "fluoroscopy"


class Scale(StrEnum):
    """The scale a skill's levels are on. Entrustment-supervision levels rate units of work done for patients,
    by how much supervision the fellow needs; knowledge and professional behaviour are not supervised tasks, so
    they are rated on milestones, stages of development towards the end-of-training target."""

    entrustment = "entrustment"
    milestones = "milestones"

    @property
    def data_file(self) -> str:
        """The name of the data file that holds the scale's levels."""
        return self.value

    @property
    def label(self) -> str:
        """The scale's name in words, wherever a page names it."""
        return {"entrustment": "entrustment-supervision scale", "milestones": "milestone scale"}[self.value]

    @property
    def short(self) -> str:
        """A word beside a level, saying which scale it is on: empty for the entrustment scale, which most
        targets are on."""
        return {"entrustment": "", "milestones": "milestone"}[self.value]

    @property
    def is_entrustment(self) -> bool:
        return self is Scale.entrustment


class SkillKind(StrEnum):
    """What sort of ability a skill is. Procedural and clinical skills are units of work done for patients, rated
    on the entrustment-supervision scale, and only they carry minimum numbers; knowledge and professional skills
    are rated on the milestone scale."""

    knowledge = "knowledge"
    clinical = "clinical"
    procedural = "procedural"
    professional = "professional"

    @property
    def scale(self) -> Scale:
        """The scale a skill of this kind is assessed on."""
        return Scale.entrustment if self in (SkillKind.clinical, SkillKind.procedural) else Scale.milestones


class Risk(StrEnum):
    """Risk or complexity category of a skill (a programme decision): low, moderate or high."""

    low = "low"
    moderate = "moderate"
    high = "high"


class TrackKind(StrEnum):
    """What sort of training a track is."""

    fellowship = "fellowship"
    workshop = "workshop"
    exam_preparation = "exam-preparation"

    @property
    def label(self) -> str:
        """The kind in words, wherever a page shows it."""
        return {"fellowship": "Fellowship", "workshop": "Workshop", "exam-preparation": "Exam preparation"}[self.value]

    @property
    def plural(self) -> str:
        """The kind in words, for a group of tracks."""
        return {"fellowship": "Fellowships", "workshop": "Workshops", "exam-preparation": "Exam preparation modules"}[
            self.value
        ]


class GapSize(StrEnum):
    """How much an anaesthesiologist still has to learn in a gap area."""

    small = "small"
    moderate = "moderate"
    large = "large"


class SourceKind(StrEnum):
    """What sort of authority a source is."""

    framework = "framework"
    guideline = "guideline"
    exam_body = "exam-body"
    literature = "literature"
    programme_decision = "programme-decision"

    @property
    def label(self) -> str:
        """The kind in words, wherever a page shows it."""
        return {"exam-body": "Exam body", "programme-decision": "Programme decision"}.get(
            self.value, self.value.capitalize()
        )


class RetiredKind(StrEnum):
    """What a retired ID named: a skill or a track (their IDs are addresses on the site and on printed sheets)."""

    skill = "skill"
    track = "track"

    @property
    def data_file(self) -> str:
        """The name of the data file the ID was in, and its replacement is in."""
        return f"{self.value}s"


# -- what a field's annotation says ---------------------------------------------------------------


@dataclass(frozen=True)
class FieldShape:
    """What a field holds, read from its annotation: a reference to another file's records, nested records, a list."""

    ref: RefTo | None
    nested: type[BaseModel] | None
    many: bool


def field_shape(field: FieldInfo) -> FieldShape:
    parts = _parts(field.annotation)
    metadata = [
        *field.metadata,
        *(m for p in parts if typing.get_origin(p) is typing.Annotated for m in p.__metadata__),
    ]
    return FieldShape(
        ref=next((m for m in metadata if isinstance(m, RefTo)), None),
        nested=next((p for p in parts if isinstance(p, type) and issubclass(p, BaseModel)), None),
        many=any(typing.get_origin(p) is list for p in parts),
    )


@functools.cache
def field_shapes(model: type[BaseModel]) -> dict[str, FieldShape]:
    """The shape of each field of a model, worked out once per model."""
    return {name: field_shape(field) for name, field in model.model_fields.items()}


def reference_fields(model: type[BaseModel], path: tuple = ()) -> Iterator[tuple[tuple, RefTo]]:
    """Every field of a model (nested records included) that refers to another file's records; a list step is "[]"."""
    for name, field in model.model_fields.items():
        shape = field_shape(field)
        at = path + (name, "[]") if shape.many else path + (name,)
        if shape.ref is not None:
            yield at, shape.ref
        elif shape.nested is not None:
            yield from reference_fields(shape.nested, at)


def meaning_at(model: type[BaseModel], loc: tuple) -> Meaning | None:
    """The Meaning of the value at `loc` (a pydantic error's location) in a record of `model`, if its type has one."""
    annotation, metadata = model, []
    for step in loc:
        if isinstance(step, int):  # an item of a list
            annotation, metadata = _unwrapped(annotation, metadata)
            annotation, metadata = typing.get_args(annotation)[0], []
        else:
            annotation, metadata = _unwrapped(annotation, metadata)
            field = annotation.model_fields[step]
            annotation, metadata = field.annotation, list(field.metadata)
    _, metadata = _unwrapped(annotation, metadata)
    return next((m for m in reversed(metadata) if isinstance(m, Meaning)), None)


def _unwrapped(annotation, metadata: list) -> tuple:
    """The type inside Annotated and Optional, with the metadata met on the way."""
    while True:
        origin, args = typing.get_origin(annotation), typing.get_args(annotation)
        if origin is typing.Annotated:
            metadata = [*metadata, *annotation.__metadata__]
            annotation = args[0]
        elif origin in {types.UnionType, typing.Union}:
            annotation = next(arg for arg in args if arg is not type(None))
        else:
            return annotation, metadata


def _parts(annotation) -> list:
    """The types an annotation is made of, through Optional, Annotated and list."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return [annotation, *_parts(args[0])]
    if origin in {list, types.UnionType, typing.Union}:
        return [annotation, *(p for arg in args for p in _parts(arg))]
    return [annotation]
