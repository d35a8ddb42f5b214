"""The schema of the curriculum: one pydantic model per kind of record, and the registry of data files.

Field docstrings are the field descriptions: they appear in the generated JSON Schemas, in the data
reference page and in the editor while a faculty member types, so write them for a clinician.
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
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints
from pydantic.fields import FieldInfo
from pydantic_core import PydanticCustomError

ID_PATTERN = r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$"
MONTH_OR_DATE_PATTERN = r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?$"
CURRENCY_PATTERN = r"^[A-Z]{3}$"


@dataclass(frozen=True)
class RefTo:
    """Marks a field whose value must be the key of a record of another kind."""

    kind: str
    key: str = "id"


# -- how values are written: one verdict --------------------------------------------------------
# Each rule below is decided here once, so that `make check`, the build and the JSON Schemas generated from
# these models (the editor, pre-commit) accept and refuse the same values. The files themselves are read as
# YAML 1.2, as the editor reads them (macros/yamlfile.py): `yes` is text, dates are text checked here.

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
    ]


def _whole_number(value):
    """A number written as a number: not in quotes (`"10"`), not a yes/no value; 10.0 is ten, as in JSON Schema."""
    if isinstance(value, (str, bool)):
        raise PydanticCustomError("whole_number", "expected a whole number", {})
    return value


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def _date(value):
    """YYYY-MM-DD and a day that exists, exactly what JSON Schema's `format: date` accepts."""
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    if isinstance(value, str) and _DATE.fullmatch(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError("impossible_date", "not a date", {"value": value}) from None
    raise PydanticCustomError("date_format", "expected a date written YYYY-MM-DD", {})


Title = _text(120)
Label = _text(60)
Text = _text(1500)
WholeNumber = Annotated[int, BeforeValidator(_whole_number)]
Date = Annotated[datetime.date, BeforeValidator(_date)]
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=40)]
Line = _text(100)
WebAddress = Annotated[str, StringConstraints(pattern=r"^https://\S+$", max_length=300)]


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
    StringConstraints(pattern=MONTH_OR_DATE_PATTERN),
    BeforeValidator(_date_as_text),  # runs before the pattern, which it wraps
    AfterValidator(_a_real_day),
]


def _ref(kind: str, key_type: type = str):
    if key_type is int:
        return Annotated[WholeNumber, RefTo(kind, key="level")]
    return Annotated[str, RefTo(kind), StringConstraints(pattern=ID_PATTERN, max_length=40)]


SkillId = _ref("skills")
DomainId = _ref("domains")
TrackId = _ref("tracks")
ExamId = _ref("exams")
SourceId = _ref("sources")
AssessmentId = _ref("assessments")
RotationId = _ref("rotations")
GapAreaId = _ref("gap_areas")
LevelNumber = _ref("entrustment", int)
BackgroundId = _ref("backgrounds")


class Modality(StrEnum):
    """How a procedure is guided."""

    landmark = "landmark"
    ultrasound = "ultrasound"
    fluoroscopy = "fluoroscopy"


class SkillKind(StrEnum):
    """What sort of ability a skill is. Only procedural skills carry minimum supervised counts."""

    knowledge = "knowledge"
    clinical = "clinical"
    procedural = "procedural"
    professional = "professional"


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


class Record(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        use_attribute_docstrings=True,
        use_enum_values=False,
    )


LastReviewed = Annotated[Date | None, Field(description="The date faculty last checked this record (YYYY-MM-DD).")]
ReviewedBy = Annotated[
    Label | None, Field(description="Who last checked this record, e.g. a faculty member or a committee.")
]


class Duration(Record):
    amount: Annotated[WholeNumber, Field(gt=0)]
    """How many units, a whole number above zero."""
    unit: Literal["day", "week", "month", "year"]
    """day, week, month or year."""

    @property
    def days(self) -> int:
        return self.amount * {"day": 1, "week": 7, "month": 30, "year": 365}[self.unit]

    def __str__(self) -> str:
        return f"{self.amount} {self.unit}{'' if self.amount == 1 else 's'}"


class CurriculumInfo(Record):
    title: Title
    """The curriculum's name, as printed on checklists."""
    version: Label
    """The curriculum version, e.g. 2026.1. Add a matching entry to data/changelog.yaml."""
    effective: Date
    """The date this version takes effect (YYYY-MM-DD)."""
    review_after_months: Annotated[WholeNumber, Field(gt=0, le=120)]
    """The check warns about records whose last_reviewed date is older than this many months."""


class Source(Record):
    id: Id
    """Stable ID, e.g. ACGME-PAIN. PROGRAMME marks a programme decision."""
    title: Title
    """The name of the framework, guideline, exam body or decision."""
    kind: SourceKind
    """framework, guideline, exam-body, literature or programme-decision."""
    publisher: Label | None = None
    """Who publishes it, e.g. ACGME or World Institute of Pain."""
    url: WebAddress | None = None
    """Where to read it (https:// only). Shown as a link; never fetched during the build."""
    note: Text | None = None
    """What this source supports, or what faculty still have to confirm."""


class Level(Record):
    level: Annotated[WholeNumber, Field(ge=1, le=9)]
    """The level number. Levels run 1, 2, 3, … without gaps."""
    label: Label
    """A few words, e.g. "Direct supervision"."""
    definition: Text
    """What a fellow at this level may do, and how closely they are supervised."""
    source: SourceId
    """Where this scale comes from."""


class Domain(Record):
    id: Id
    """Stable ID, e.g. US."""
    title: Title
    """The domain's name, as a heading in the catalogue."""
    description: Text
    """What the domain covers."""


class AssessmentMethod(Record):
    id: Id
    """Stable ID, e.g. DOPS."""
    title: Title
    """The method's full name, e.g. Direct Observation of Procedural Skills."""
    short_title: Label
    """The short name used in tables, e.g. DOPS."""
    description: Text
    """How the method is carried out and what it shows."""
    source: SourceId
    """Where the method comes from."""


class Exam(Record):
    id: Id
    """Stable ID, e.g. FIPP."""
    title: Label
    """The short name, e.g. FIPP."""
    name: Title
    """The full name of the qualification."""
    awarding_body: Title
    """Who awards it."""
    description: Text
    """What the exam tests and how; name only facts the source supports."""
    source: SourceId
    """Where the exam facts come from."""
    last_reviewed: LastReviewed = None
    reviewed_by: ReviewedBy = None


class Background(Record):
    id: Id
    """Stable ID, e.g. ANAESTHESIOLOGY."""
    title: Label
    """The specialty as applicants name it, e.g. "Anaesthesiology"."""


class Rotation(Record):
    id: Id
    """Stable ID, e.g. ROT-NEURO."""
    title: Title
    """The service's name, e.g. Neurology."""
    description: Text
    """What a fellow does and learns on this rotation."""


class Skill(Record):
    id: Id
    """Stable ID: capitals, digits and hyphens, e.g. US-LUMB-FACET. Pages link to it: never rename or reuse one."""
    title: Title
    """What the fellow can do, e.g. "Lumbar facet joint injection under ultrasound"."""
    domain: DomainId
    """The domain this skill belongs to."""
    kind: SkillKind
    """knowledge, clinical, procedural or professional."""
    modalities: list[Modality] = []
    """How the procedure is guided: any of landmark, ultrasound, fluoroscopy. Leave out for non-procedural skills."""
    risk: Risk
    """low, moderate or high (a programme decision; see the skills catalogue)."""
    description: Text
    """One paragraph: what the skill involves and what competence looks like. No drug doses."""
    assessments: Annotated[list[AssessmentId], Field(min_length=1)]
    """How competence is assessed: IDs from data/assessments.yaml."""
    prerequisites: list[SkillId] = []
    """Skills a fellow must hold first: IDs from data/skills.yaml."""
    exams: list[ExamId] = []
    """Exams this skill prepares for: IDs from data/exams.yaml."""
    source: SourceId
    """The framework this skill follows, or PROGRAMME for a programme decision."""
    last_reviewed: LastReviewed = None
    reviewed_by: ReviewedBy = None


class TrackSkill(Record):
    skill: SkillId
    """The skill taught."""
    level: LevelNumber
    """The entrustment level a fellow must reach by the end of the track."""
    min_supervised: Annotated[WholeNumber, Field(gt=0, le=1000)] | None = None
    """Minimum number of supervised procedures before sign-off. Procedural skills only; required in fellowships."""
    source: SourceId | None = None
    """Source of this level and number, when it differs from the track's targets_source."""
    sign_off_requires: list[AssessmentId] = []
    """Assessment methods the fellow must pass before this skill is signed off in this track, e.g. [SIM] for a passed simulation assessment. Each must be one of the skill's assessments and one of the track's."""
    above_prerequisite_reason: Text | None = None
    """Why this target level may be higher than the target of one of the skill's prerequisites taught in the same track. Without it the check refuses such a level; with it the checklist shows the reason."""


class EntrySkill(Record):
    skill: SkillId
    """A skill an applicant must already hold on entry."""
    level: LevelNumber
    """The entrustment level the applicant must already have reached in it."""


class EntryRoute(Record):
    background: BackgroundId
    """A specialty the track admits: an ID from data/backgrounds.yaml."""
    requirements: list[Text] = []
    """What applicants from this specialty must have or do, beyond the track's eligibility, one item each."""
    entry_skills: list[EntrySkill] = []
    """Skills applicants from this specialty must already hold at a level when they start."""


class Block(Record):
    title: Title
    """The block's name, e.g. "Interventional pain clinic"."""
    duration: Duration | None = None
    """How long the block lasts, as the curriculum proposes it. Leave out where a length would say how long the track lasts and the academy has not published that."""
    rotation: RotationId | None = None
    """The clinical rotation this block is spent on, if any."""
    description: Text
    """What happens during the block."""


class Track(Record):
    id: Id
    """Stable ID, e.g. FEL-US-6M. The track's page is docs/tracks/<id in lower case>.md."""
    title: Title
    """The track's full name."""
    short_title: Label
    """A short name for table headings, e.g. "6-month ultrasound fellowship"."""
    tagline: Line
    """One line saying what the track is for, shown with it on the home page, e.g. "Add ultrasound-guided pain procedures to your own practice."."""
    kind: TrackKind
    """fellowship, workshop or exam-preparation."""
    summary: Text
    """One paragraph saying what the track is and what a fellow leaves with."""
    duration: Duration | None = None
    """How long the whole track lasts: the academy's fact. Leave out until the academy publishes it; the site then says it is not published yet."""
    modalities: list[Modality] = []
    """Imaging the track trains in."""
    audience: Text
    """Who the track is for."""
    eligibility: Annotated[list[Text], Field(min_length=1)]
    """What every applicant must have, whatever their specialty, one requirement per item."""
    admits: list[EntryRoute] = []
    """The specialties the track admits, each with what its applicants need on entry. Leave out to admit any specialty."""
    exams: list[ExamId] = []
    """Exams the track prepares for."""
    structure: Annotated[list[Block], Field(min_length=1)]
    """The blocks or rotations, in order."""
    procedural_training: Text
    """How hands-on procedural training is organised."""
    didactics: Text
    """Lectures, case discussions, journal clubs and other teaching."""
    research: Text
    """What research or scholarly work is expected."""
    collaboration: Text
    """Which professions and services the fellow works with."""
    assessments: Annotated[list[AssessmentId], Field(min_length=1)]
    """How fellows are assessed during and at the end of the track."""
    targets_source: SourceId
    """Source of the target levels and minimum numbers below, unless an entry names its own."""
    skills: Annotated[list[TrackSkill], Field(min_length=1)]
    """The skills checklist: each skill with its target level and, where procedural, its minimum number. Three rules hold: a level is never above that of a prerequisite taught in the same track unless above_prerequisite_reason says why; an exam-preparation module never expects more than the fellowships preparing for the same exam reach; and a higher level for a skill in one track never comes with a lower minimum number than in another."""
    last_reviewed: LastReviewed = None
    reviewed_by: ReviewedBy = None

    def route(self, background_id: str) -> EntryRoute | None:
        """How applicants from a specialty enter this track, or None if it does not admit them."""
        if not self.admits:
            return EntryRoute(background=background_id)
        return next((route for route in self.admits if route.background == background_id), None)

    def target(self, skill_id: str) -> TrackSkill | None:
        """This track's checklist entry for a skill, or None if the track does not teach it."""
        return self._targets.get(skill_id)

    @functools.cached_property
    def _targets(self) -> dict[str, TrackSkill]:
        return {entry.skill: entry for entry in self.skills}

    @property
    def min_supervised_total(self) -> int:
        return sum(entry.min_supervised or 0 for entry in self.skills)


class BaselineSkill(Record):
    skill: SkillId
    """A skill a typical anaesthesia residency already provides."""
    level: LevelNumber
    """The entrustment level a typical anaesthesiologist reaches in it by the end of residency."""
    source: SourceId | None = None
    """Source of this level, when it differs from the gap area's source."""


class GapArea(Record):
    id: Id
    """Stable ID, e.g. GAP-PROCEDURES."""
    title: Title
    """The area's name."""
    anaesthesia_gives: Text
    """What anaesthesia training already gives in this area."""
    pain_medicine_adds: Text
    """What pain medicine asks for beyond it."""
    gap: GapSize
    """small, moderate or large."""
    baseline_skills: list[BaselineSkill] = []
    """Skills a typical anaesthesia residency already provides here, each with the level it reaches (the Find my gap baseline)."""
    source: SourceId
    """Where the judgement of the gap comes from."""
    last_reviewed: LastReviewed = None
    reviewed_by: ReviewedBy = None


class LearningNeed(Record):
    id: Id
    """Stable ID, e.g. NEED-MSK-US."""
    title: Title
    """What is to be learned, in a few words."""
    description: Text
    """What an anaesthesiologist has to learn, and why."""
    gap_area: GapAreaId
    """The gap area this need belongs to."""
    skills: Annotated[list[SkillId], Field(min_length=1)]
    """The skills that meet this need."""
    last_reviewed: LastReviewed = None
    reviewed_by: ReviewedBy = None


class GlossaryTerm(Record):
    term: Annotated[str, StringConstraints(pattern=r"^\S(.*\S)?$", max_length=30)]
    """The abbreviation or term exactly as written in pages, e.g. CRPS. Its first use in each section is a tooltip."""
    expansion: Title
    """What the abbreviation stands for."""
    definition: Text
    """A plain-language explanation."""


class WorkshopSession(Record):
    id: Id
    """Stable ID, e.g. WS-2027-03-PUNE."""
    track: TrackId
    """The workshop track this session belongs to."""
    topic: Title
    """What the session teaches."""
    start: Date
    """First day (YYYY-MM-DD)."""
    end: Date | None = None
    """Last day, if the session lasts more than one day."""
    city: Label
    """The city."""
    venue: Title
    """Where it takes place."""
    places: Annotated[WholeNumber, Field(gt=0, le=500)]
    """How many fellows can attend."""


class Intake(Record):
    starts: MonthOrDate
    """When the intake starts: a month written YYYY-MM, e.g. 2027-01, or a day written YYYY-MM-DD."""
    applications_open: Date | None = None
    """The first day applications for this intake are accepted (YYYY-MM-DD). Leave out until published."""
    applications_close: Date | None = None
    """The last day applications for this intake are accepted (YYYY-MM-DD). Leave out until published."""

    @property
    def month_only(self) -> bool:
        return len(self.starts) == 7

    @property
    def first_day(self) -> datetime.date:
        """The start day, or the first day of the start month."""
        return datetime.date.fromisoformat(self.starts + "-01" if self.month_only else self.starts)

    def started_by(self, today: datetime.date) -> bool:
        """Whether the intake has begun by `today` (a month-only start counts until the month is over)."""
        if self.month_only:
            return (self.first_day.year, self.first_day.month) < (today.year, today.month)
        return self.first_day < today


class Fee(Record):
    amount: Annotated[WholeNumber, Field(ge=0, le=100_000_000)]
    """The fee for the whole track as a whole number, without separators, e.g. 250000."""
    currency: Annotated[str, StringConstraints(pattern=CURRENCY_PATTERN)]
    """The currency, as its three-letter code in capitals."""
    covers: Text | None = None
    """What the fee includes and what it does not, e.g. "Tuition and cadaver laboratory; not accommodation"."""


class Location(Record):
    venue: Title
    """The hospital or centre where the training takes place."""
    city: Label
    """The city."""


class Recognition(Record):
    by: Title
    """Who recognises or accredits the track: a university, a national board, a professional society."""
    what: Text
    """What that body recognises, in its own words, e.g. "Accredited fellowship programme"."""
    until: Date | None = None
    """The last day the recognition holds, if it expires (YYYY-MM-DD)."""
    url: WebAddress | None = None
    """Where an applicant can check it (https:// only)."""


class Admission(Record):
    """The academy's facts about applying to one track. Never guessed: leave a field out until the academy
    publishes it, and the site says it is not published yet and how to ask."""

    track: TrackId
    """The track these facts are about: an ID from data/tracks.yaml. One record per track."""
    intakes: list[Intake] = []
    """The intakes the academy has announced, each with when it starts and its application dates."""
    places: Annotated[WholeNumber, Field(gt=0, le=500)] | None = None
    """How many fellows each intake takes."""
    fee: Fee | None = None
    """What the track costs."""
    locations: list[Location] = []
    """Where the training takes place, one item per hospital or centre."""
    certificate: Text | None = None
    """What the academy awards on completion, by name, e.g. "Certificate of completion of the fellowship"."""
    recognition: list[Recognition] = []
    """Which bodies recognise or accredit the track. Leave out unless the academy holds the recognition in writing."""
    selection: list[Text] = []
    """The selection steps, in order, one item each, e.g. "Interview with two faculty members"."""
    documents: list[Text] = []
    """The documents an applicant sends, one item each, e.g. "Curriculum vitae"."""

    def upcoming(self, today: datetime.date) -> list[Intake]:
        """Intakes that have not begun by `today`, soonest first."""
        return sorted((i for i in self.intakes if not i.started_by(today)), key=lambda i: i.first_day)


class Change(Record):
    version: Label
    """The curriculum version this entry describes."""
    date: Date
    """When the version took effect."""
    changes: Annotated[list[Text], Field(min_length=1)]
    """What changed, one item each, written for fellows and faculty."""


class RetiredKind(StrEnum):
    """What a retired ID named: a skill or a track (their IDs are addresses on the site and on printed sheets)."""

    skill = "skill"
    track = "track"

    @property
    def file_kind(self) -> str:
        """The data file the ID was in, and its replacement is in."""
        return f"{self.value}s"


class Retired(Record):
    id: Id
    """The old ID exactly as it was published, e.g. US-GENICULAR-BLOCK. It is never used again."""
    kind: RetiredKind
    """skill or track: what the ID named."""
    replaced_by: Id
    """The ID that replaces it, in data/skills.yaml or data/tracks.yaml (checked by make check, not by the editor)."""
    reason: Text
    """Why, in a few words, e.g. "Renamed to name the nerve it targets" or "Merged into the knee injection skill"."""


@dataclass(frozen=True)
class Kind:
    """One data file and the records it holds."""

    name: str
    model: type[Record]
    key: str = "id"
    many: bool = True
    purpose: str = ""

    @property
    def file(self) -> str:
        return f"{self.name}.yaml"

    @property
    def attribute(self) -> str:
        """Where a Curriculum holds these records."""
        return self.name if self.many else "info"


KINDS: tuple[Kind, ...] = (
    Kind("curriculum", CurriculumInfo, key="", many=False, purpose="The curriculum's name, version and review policy."),
    Kind("sources", Source, purpose="The frameworks and decisions every level, number and exam fact rests on."),
    Kind("entrustment", Level, key="level", purpose="The entrustment (supervision) scale."),
    Kind("domains", Domain, purpose="The domains skills are grouped in."),
    Kind("assessments", AssessmentMethod, purpose="Assessment methods."),
    Kind("exams", Exam, purpose="External exams tracks prepare for."),
    Kind("rotations", Rotation, purpose="Clinical rotations track blocks are spent on."),
    Kind("backgrounds", Background, purpose="The specialties applicants come from, which tracks admit."),
    Kind("skills", Skill, purpose="The skills catalogue."),
    Kind("tracks", Track, purpose="Fellowships, workshops and exam-preparation modules, with their checklists."),
    Kind("gap_areas", GapArea, purpose="Where anaesthesia training and pain medicine differ."),
    Kind("learning_needs", LearningNeed, purpose="What an anaesthesiologist must learn, linked to skills."),
    Kind("glossary", GlossaryTerm, key="term", purpose="Abbreviations and terms, shown as tooltips."),
    Kind("workshops", WorkshopSession, purpose="Dated workshop sessions for the calendar."),
    Kind(
        "admissions",
        Admission,
        key="track",
        purpose="How to apply to each track: the academy's intakes, places, fee, locations, certificate, "
        "recognition, selection steps and documents. Only what the academy has published.",
    ),
    Kind("changelog", Change, key="version", purpose="What changed in each curriculum version, newest first."),
    Kind("retired", Retired, purpose="Skill and track IDs no longer used: links to them lead to their replacement."),
)
KINDS_BY_NAME = {kind.name: kind for kind in KINDS}


@dataclass(frozen=True)
class Curriculum:
    """Every record, validated and cross-checked, with the look-ups the renderers need."""

    info: CurriculumInfo
    sources: tuple[Source, ...]
    entrustment: tuple[Level, ...]
    domains: tuple[Domain, ...]
    assessments: tuple[AssessmentMethod, ...]
    exams: tuple[Exam, ...]
    rotations: tuple[Rotation, ...]
    backgrounds: tuple[Background, ...]
    skills: tuple[Skill, ...]
    tracks: tuple[Track, ...]
    gap_areas: tuple[GapArea, ...]
    learning_needs: tuple[LearningNeed, ...]
    glossary: tuple[GlossaryTerm, ...]
    workshops: tuple[WorkshopSession, ...]
    admissions: tuple[Admission, ...]
    changelog: tuple[Change, ...]
    retired: tuple[Retired, ...]

    def __post_init__(self) -> None:
        index = {kind.name: {getattr(r, kind.key): r for r in getattr(self, kind.name)} for kind in KINDS if kind.many}
        by_domain: dict[str, list[Skill]] = {d.id: [] for d in self.domains}
        for skill in self.skills:
            by_domain[skill.domain].append(skill)
        teaching: dict[str, list[tuple[Track, TrackSkill]]] = {s.id: [] for s in self.skills}
        for track in self.tracks:
            for entry in track.skills:
                teaching[entry.skill].append((track, entry))
        object.__setattr__(self, "_index", index)
        object.__setattr__(self, "_by_domain", by_domain)
        object.__setattr__(self, "_teaching", teaching)
        retired_into: dict[tuple[str, str], list[str]] = {}
        for old in self.retired:
            retired_into.setdefault((old.kind.file_kind, old.replaced_by), []).append(old.id)
        object.__setattr__(self, "_retired_into", retired_into)

    def get(self, kind: str, key):
        return self._index[kind][key]

    def admission(self, track_id: str) -> Admission:
        """What the academy has published about applying to a track; a track without a record has published nothing."""
        return self._index["admissions"].get(track_id) or Admission(track=track_id)

    def skill(self, skill_id: str) -> Skill:
        return self._index["skills"][skill_id]

    def track(self, track_id: str) -> Track:
        return self._index["tracks"][track_id]

    def skills_in_domain(self, domain_id: str) -> list[Skill]:
        """The domain's skills, in catalogue order."""
        return self._by_domain[domain_id]

    def tracks_teaching(self, skill_id: str) -> list[tuple[Track, TrackSkill]]:
        """Each track that teaches the skill, with its checklist entry, in track order."""
        return self._teaching[skill_id]

    def tracks_meeting(self, need: LearningNeed) -> list[Track]:
        """The tracks that teach at least one skill meeting the need, in track order."""
        meeting = {track.id for skill_id in need.skills for track, _ in self._teaching[skill_id]}
        return [t for t in self.tracks if t.id in meeting]

    def by_domain(self, skills: list[Skill]) -> list[tuple[Domain, list[Skill]]]:
        """Skills grouped under their domains, in domain order, catalogue order within; empty domains left out."""
        wanted = {s.id for s in skills}
        groups = [(d, [s for s in self._by_domain[d.id] if s.id in wanted]) for d in self.domains]
        return [(d, group) for d, group in groups if group]

    def checklist(self, track: Track) -> list[tuple[Domain, list[Skill]]]:
        """A track's skills as its checklist shows them: grouped by domain."""
        return self.by_domain([self.skill(entry.skill) for entry in track.skills])

    def baseline_skill_ids(self) -> list[str]:
        """Skills a typical anaesthesia residency provides, from the gap analysis, in catalogue order."""
        return list(self.baseline_levels())

    def baseline_levels(self) -> dict[str, int]:
        """Skill ID -> the level a typical anaesthesia residency reaches in it, in catalogue order."""
        levels = {entry.skill: entry.level for area in self.gap_areas for entry in area.baseline_skills}
        return {s.id: levels[s.id] for s in self.skills if s.id in levels}

    def source_of(self, track: Track, entry: TrackSkill) -> Source:
        return self.get("sources", entry.source or track.targets_source)

    def retired_into(self, kind: str, replacement: str) -> list[str]:
        """The retired IDs of a kind ("skills", "tracks") whose links now lead to `replacement`."""
        return self._retired_into.get((kind, replacement), [])

    def upcoming_workshops(self, today: datetime.date) -> list[WorkshopSession]:
        """Sessions that have not ended by `today`, soonest first."""
        return sorted(
            (w for w in self.workshops if (w.end or w.start) >= today),
            key=lambda w: (w.start, w.id),
        )


@dataclass(frozen=True)
class FieldShape:
    """What a field holds, read from its annotation: a reference to another kind, nested records, a list."""

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
    """Every field of a model (nested records included) that refers to another kind; a list step is "[]"."""
    for name, field in model.model_fields.items():
        shape = field_shape(field)
        at = path + (name, "[]") if shape.many else path + (name,)
        if shape.ref is not None:
            yield at, shape.ref
        elif shape.nested is not None:
            yield from reference_fields(shape.nested, at)


def _parts(annotation) -> list:
    """The types an annotation is made of, through Optional, Annotated and list."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return [annotation, *_parts(args[0])]
    if origin in {list, types.UnionType, typing.Union}:
        return [annotation, *(p for arg in args for p in _parts(arg))]
    return [annotation]
