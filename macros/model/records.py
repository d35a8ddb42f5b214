"""The records of the curriculum: one pydantic model per kind of record, made of the value types of
macros/model/values.py.

Field docstrings are the field descriptions: they appear in the generated JSON Schemas, in the data
reference page and in the editor while a faculty member types, so write them for a clinician.
"""

from __future__ import annotations

import datetime
import functools
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from .values import (
    Amount,
    AssessmentId,
    BackgroundId,
    Currency,
    Date,
    DomainId,
    ExamId,
    GapAreaId,
    GapSize,
    Id,
    Label,
    LevelNumber,
    Line,
    Modality,
    MonthOrDate,
    RetiredKind,
    Risk,
    RotationId,
    SkillId,
    SkillKind,
    SourceId,
    SourceKind,
    Term,
    Text,
    Title,
    TrackId,
    TrackKind,
    WebAddress,
    WholeNumber,
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

    @property
    def is_programme_decision(self) -> bool:
        return self.kind is SourceKind.programme_decision


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

    @property
    def is_procedural(self) -> bool:
        """Only procedural skills have modalities, minimum numbers and a sign-off column on the printed checklist."""
        return self.kind is SkillKind.procedural


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
    duration: Duration
    """How long the block lasts."""
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
    duration: Duration
    """How long the whole track lasts."""
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

    @property
    def is_fellowship(self) -> bool:
        return self.kind is TrackKind.fellowship

    @property
    def is_workshop(self) -> bool:
        return self.kind is TrackKind.workshop

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
        targets: dict[str, TrackSkill] = {}
        for entry in self.skills:  # a skill listed twice is refused (skills-once-per-track); the first line counts
            targets.setdefault(entry.skill, entry)
        return targets

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
    term: Term
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
    amount: Annotated[Amount, Field(ge=0, le=100_000_000)]
    """The fee for the whole track, e.g. 250000, or with Indian or international commas: 2,50,000 or 250,000. Inside { } write it without commas or in quotes: a comma there starts the next field."""
    currency: Currency
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


class Retired(Record):
    id: Id
    """The old ID exactly as it was published, e.g. US-GENICULAR-BLOCK. It is never used again."""
    kind: RetiredKind
    """skill or track: what the ID named."""
    replaced_by: Id
    """The ID that replaces it, in data/skills.yaml or data/tracks.yaml (checked by make check, not by the editor)."""
    reason: Text
    """Why, in a few words, e.g. "Renamed to name the nerve it targets" or "Merged into the knee injection skill"."""
