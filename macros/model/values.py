"""How values are written: the constrained types the records are made of, each saying once, beside its
definition, what it means and why a value is refused (its `Meaning`). The check's messages
(macros/load/wording.py) and the data reference (macros/reference.py) both read the Meaning; the JSON
Schemas are generated from the same constraints.

Each rule below is decided here once, so that `make check`, the build and the JSON Schemas (the editor,
pre-commit) accept and refuse the same values. The files themselves are read as YAML 1.2, as the editor
reads them (macros/yamlfile.py): `yes` is text, dates are text checked here.
"""

from __future__ import annotations

import calendar
import datetime
import functools
import re
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, Field, Strict, StringConstraints
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
class Prose:
    """Marks text a page shows as written: the rules on wording (no doses, abbreviations in the glossary) read it."""


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
        Prose(),
        Meaning("Text, not empty{up_to}", refused="must not be empty: it holds only spaces"),
    ]


def _whole_number(value):
    """A number written as a number: not in quotes (`"10"`), not a yes/no value; 10.0 is ten, as in JSON Schema."""
    if isinstance(value, (str, bool)):
        raise PydanticCustomError("whole_number", "expected a whole number", {})
    return value


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
WRITE_A_DATE = "a date written YYYY-MM-DD"
_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}
_MONTHS["sept"] = 9
_DAY_FIRST = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})", re.ASCII)  # 31/12/2026, 31-12-2026, 31.12.2026
_YEAR_FIRST = re.compile(r"(\d{4})([/.])(\d{1,2})\2(\d{1,2})", re.ASCII)  # 2026/12/31
_IN_WORDS = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})|([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})")
_MONTH_FIRST = re.compile(r"(\d{1,2})[/.-](\d{4})", re.ASCII)  # 01/2027, a month


@dataclass(frozen=True)
class DateToWrite:
    """How a date written another way is written YYYY-MM-DD, and whether the reading had to guess."""

    iso: str
    guessed: str = ""
    """The date in words when day and month could be read either way (05/10/2026), else empty."""
    impossible: str = ""
    """Why there is no such day (31/02/2026: February 2026 has 28 days); `iso` is then empty."""


def date_to_write(text: str) -> DateToWrite | None:
    """The ISO form of a date written as faculty often write one: day first (31/12/2026, 31-12-2026, 31.12.2026,
    the Indian and British order; a month above 12 shows the American order, 12/31/2026), year first with slashes
    (2026/12/31), or with the month in words (31 December 2026, Dec 31, 2026). None when it is no date at all."""
    text = text.strip()
    guessed = False
    if found := _DAY_FIRST.fullmatch(text):
        first, second, year = int(found[1]), int(found[3]), int(found[4])
        day, month = (second, first) if second > 12 >= first else (first, second)
        guessed = first <= 12 and second <= 12 and first != second
    elif found := _YEAR_FIRST.fullmatch(text):
        year, month, day = int(found[1]), int(found[3]), int(found[4])
    elif found := _IN_WORDS.fullmatch(text):
        day, name, year = (found[1], found[2], found[3]) if found[1] else (found[5], found[4], found[6])
        month, day, year = _MONTHS.get(name.lower()), int(day), int(year)
        if month is None:
            return None
    else:
        return None
    try:
        written = datetime.date(year, month, day)
    except ValueError:
        return DateToWrite("", impossible=why_not_a_date(year, month, day))
    words = f"{written.day} {calendar.month_name[written.month]} {written.year}"
    return DateToWrite(written.isoformat(), words if guessed else "")


def why_not_a_date(year: int, month: int, day: int) -> str:
    if not 1 <= month <= 12:
        return f"there is no month {month:02d}; months run from 01 to 12"
    return f"{calendar.month_name[month]} {year} has {calendar.monthrange(year, month)[1]} days"


def month_to_write(text: str) -> str | None:
    """`2027-01` for a month written 01/2027 or 1-2027; None otherwise."""
    found = _MONTH_FIRST.fullmatch(text.strip())
    if found and 1 <= int(found[1]) <= 12:
        return f"{found[2]}-{int(found[1]):02d}"
    return None


def _date(value):
    """YYYY-MM-DD and a day that exists, exactly what JSON Schema's `format: date` accepts. A date written another
    way is refused with the date to write."""
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    if isinstance(value, str) and _DATE.fullmatch(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError("impossible_date", "not a date", {"value": value}) from None
    instead = date_to_write(value) if isinstance(value, str) else None
    raise PydanticCustomError("date_format", f"expected {WRITE_A_DATE}", {"instead": instead})


Title = _text(120)
Label = _text(60)
Text = _text(1500)
Line = _text(100)
WholeNumber = Annotated[int, BeforeValidator(_whole_number)]
Date = Annotated[datetime.date, BeforeValidator(_date), Meaning("A date written `YYYY-MM-DD`, e.g. `2026-11-01`")]
YesNo = Annotated[bool, Strict(), Meaning("`true` or `false`")]
"""true or false, as YAML 1.2 writes them: `yes`, `on` or a quoted "true" is refused, as the editor refuses it."""
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
    """A date given as a date (by a YAML reader other than ours) is checked as the text it was written as; a month
    or a date written another way (01/2027, 31/12/2026) is refused with what to write."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str) and (instead := month_to_write(value) or date_to_write(value)):
        raise PydanticCustomError("month_or_date_format", "expected a month or a date", {"instead": instead})
    return value


def _a_real_day(value: str) -> str:
    if len(value) > 7:
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError("impossible_date", "not a date", {"value": value}) from None
    return value


WRITE_A_MONTH_OR_DATE = f"a month written YYYY-MM or {WRITE_A_DATE}"
MonthOrDate = Annotated[
    str,
    StringConstraints(pattern=r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?$"),
    BeforeValidator(_date_as_text),  # runs before the pattern, which it wraps
    AfterValidator(_a_real_day),
    Meaning(
        "A month written `YYYY-MM`, e.g. `2027-01`, or a date written `YYYY-MM-DD`, e.g. `2027-01-04`",
        refused=f"expected {WRITE_A_MONTH_OR_DATE}, got {{value}}",
    ),
]


# -- amounts of money ------------------------------------------------------------------------------

_GROUPED = r"\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+"
"""International grouping (450,000; 4,500,000), Indian grouping (4,50,000; 45,00,000; 1,00,00,000), or none."""
AMOUNT_PATTERN = rf"^(?:₹ ?|[A-Z]{{3}} ?)?(?:{_GROUPED})(?:\.0+)?$"
"""An amount written as text: digits, grouped the Indian or the international way or not at all, after an optional
₹ or currency code, with no paise or cents (`.00` is fine). The JSON Schema gives the editor the same pattern."""
_AMOUNT = re.compile(AMOUNT_PATTERN.replace("^", "").replace("$", ""))
_PREFIX = re.compile(r"^(?P<code>₹|[A-Z]{3})\s?")
_IN_WORDS_OF_MONEY = re.compile(
    r"^(?:₹|Rs\.?|[A-Z]{3})?\s*(\d+(?:\.\d+)?)\s*(lakhs?|lacs?|crores?|cr|thousand|k|million|m)$", re.IGNORECASE
)
_SCALE = {"lakh": 100_000, "lac": 100_000, "crore": 10_000_000, "cr": 10_000_000}
_SCALE |= {"thousand": 1_000, "k": 1_000, "million": 1_000_000, "m": 1_000_000}


def amount_currency(text: str) -> str | None:
    """The currency an amount written as text names before its number: INR for ₹, else the code; None for none."""
    found = _PREFIX.match(text.strip())
    return None if found is None else "INR" if found["code"] == "₹" else found["code"]


def _amount(value):
    """A whole amount: a number, or text with its digits grouped the Indian or the international way after an
    optional ₹ or currency code (4,50,000, ₹4,50,000, INR 4,50,000, 450,000). Other text is refused with the
    number to write, when the text holds one."""
    if isinstance(value, bool):
        raise PydanticCustomError("whole_number", "expected a whole number", {})
    if not isinstance(value, str):
        return value
    text = value.strip()
    if _AMOUNT.fullmatch(text):
        return int(_PREFIX.sub("", text).replace(",", "").split(".")[0])
    raise PydanticCustomError("amount", "not an amount", {"value": value, "instead": _number_in(text)})


def _number_in(text: str) -> int | None:
    """The whole amount a text that is not written as the check accepts most likely means, if any: 4.5 lakh,
    Rs. 4,50,000, 4 50 000 or 4,5,0000 (commas in the wrong places)."""
    if found := _IN_WORDS_OF_MONEY.fullmatch(text):
        number, scale = float(found[1]), found[2].lower().rstrip("s")
        amount = number * _SCALE[scale]
        return int(amount) if amount == int(amount) else None
    digits = re.sub(r"^(?:₹|Rs\.?|[A-Za-z]{3})?\s*", "", text)
    digits = re.sub(r"\.0+$", "", digits)
    if re.fullmatch(r"\d[\d, ]*", digits) and re.search(r"\d$", digits):
        return int(re.sub(r"[, ]", "", digits))
    return None


@dataclass(frozen=True)
class _NumberOrAmountText:
    """Puts the amount's text forms into the JSON Schema beside the number, so that the editor accepts what the
    check accepts; the number's limits become JSON Schema's own minimum and maximum."""

    def __get_pydantic_json_schema__(self, schema, handler):
        number = handler(schema)
        limits = {"ge": "minimum", "le": "maximum", "gt": "exclusiveMinimum", "lt": "exclusiveMaximum"}
        for pydantic_name, json_name in limits.items():
            if pydantic_name in number:
                number[json_name] = number.pop(pydantic_name)
        return {"anyOf": [number, {"type": "string", "pattern": AMOUNT_PATTERN}]}


Amount = Annotated[
    int,
    BeforeValidator(_amount),
    _NumberOrAmountText(),
    Meaning(
        "An amount: a whole number, e.g. `450000`, or the same with Indian or international commas and a leading "
        "₹ or currency code: `4,50,000`, `₹4,50,000`, `INR 4,50,000`, `450,000`"
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


class Aim(StrEnum):
    """What an applicant wants from a fellowship, besides an exam: Find my gap asks the reader for it."""

    add_procedures = "add-procedures"
    main_practice = "main-practice"

    @property
    def label(self) -> str:
        """The aim as the reader chooses it."""
        return {
            "add-procedures": "Add procedures to my own practice",
            "main-practice": "Make pain medicine my main practice",
        }[self.value]

    @property
    def wants(self) -> str:
        """The aim inside a sentence addressed to the reader: "You want to …"."""
        return {
            "add-procedures": "add procedures to your own practice",
            "main-practice": "make pain medicine your main practice",
        }[self.value]


class Verdict(StrEnum):
    """Whether a track admits applicants from a specialty: the track pages and Find my gap say it in the same words."""

    admitted = "admitted"
    review = "review"
    not_admitted = "not-admitted"

    @property
    def label(self) -> str:
        return {
            "admitted": "Admitted",
            "review": "Admitted after the academy's review",
            "not-admitted": "Not admitted",
        }[self.value]


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
    prose: bool = False
    """Text a page shows as written (the `Prose` marker)."""


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
        prose=any(isinstance(m, Prose) for m in metadata),
    )


@functools.cache
def field_shapes(model: type[BaseModel]) -> dict[str, FieldShape]:
    """The shape of each field of a model, worked out once per model."""
    return {name: field_shape(field) for name, field in model.model_fields.items()}


def entry_key(model: type[BaseModel] | None) -> str | None:
    """The field that names an item of a list of these records, when the list is read as a set: its first field,
    when that names one other record (a track's checklist entries by skill, its routes by background). The check's
    messages and the curriculum diff both name such an item by it, e.g. skills[US-LUMB-FACET].level. An item whose
    first field names several records (a per-background target's list of specialties) keeps its place."""
    if model is None:
        return None
    name, shape = next(iter(field_shapes(model).items()))
    return name if shape.ref is not None and not shape.many else None


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
