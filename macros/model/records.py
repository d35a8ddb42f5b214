"""The records of the curriculum: one pydantic model per kind of record, made of the value types of
macros/model/values.py.

Field docstrings are the field descriptions: they appear in the generated JSON Schemas, in the data
reference page and in the editor while a faculty member types, so write them for a clinician.
"""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from .values import (
    Aim,
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
    Scale,
    SkillId,
    SkillKind,
    SkillLevel,
    SourceId,
    SourceKind,
    Term,
    Text,
    Title,
    TrackId,
    TrackKind,
    WebAddress,
    WholeNumber,
    YesNo,
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
    """What a fellow at this level does: on the entrustment scale, how closely they are supervised; on the milestone scale, what they show."""
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


class PresetSkill(Record):
    skill: SkillId
    """A skill doctors of this specialty usually bring from their training."""
    level: SkillLevel
    """The level they usually reach in it by the end of their training, on the skill's scale."""
    source: SourceId | None = None
    """Source of this level, when it differs from the preset's source."""


class Preset(Record):
    """Find my gap's starting point for readers from one specialty: the skills its training usually gives, each at
    the level it usually reaches. The reader starts from it and changes what does not match what they do."""

    note: Text
    """What the levels assume and how far they hold, shown beside the button that sets them, e.g. that residency training varies from one programme to another."""
    source: SourceId
    """Where the levels come from, or PROGRAMME for this curriculum's judgement."""
    skills: Annotated[list[PresetSkill], Field(min_length=1)]
    """Each skill and the level the training usually reaches in it, one per line."""


class Background(Record):
    id: Id
    """Stable ID, e.g. ANAESTHESIOLOGY."""
    title: Label
    """The specialty as applicants name it, e.g. "Anaesthesiology"."""
    people: Label
    """What doctors of this specialty are called, in the plural and as written inside a sentence, e.g. "anaesthesiologists": checklists say "level 3 for fellows who are not anaesthesiologists"."""
    preset: Preset | None = None
    """Find my gap's starting point for this specialty: the levels its training usually reaches, with their source. Leave out where the curriculum has none; Find my gap then offers to rate a whole domain at once."""

    def preset_levels(self) -> dict[str, int]:
        """Skill ID -> the level this specialty's training usually reaches in it; empty without a preset."""
        return {entry.skill: entry.level for entry in self.preset.skills} if self.preset else {}


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
        """Only procedural skills have modalities and a sign-off column on the printed checklist."""
        return self.kind is SkillKind.procedural

    @property
    def scale(self) -> Scale:
        """The scale the skill's levels are on, from its kind: entrustment for procedural and clinical skills,
        milestones for knowledge and professional ones."""
        return self.kind.scale


Minimum = Annotated[WholeNumber, Field(gt=0, le=1000)]


class BackgroundTarget(Record):
    """Another target in one skill of a track, for fellows from named specialties: for example a lower level in
    sedation for fellows who are not anaesthesiologists. What it leaves out is the track's own."""

    backgrounds: Annotated[list[BackgroundId], Field(min_length=1)]
    """The specialties this target is for: IDs from data/backgrounds.yaml, each admitted by the track. Fellows from the other specialties keep the track's own target."""
    level: SkillLevel | None = None
    """The level fellows from these specialties must reach, never above the track's own. Leave out to keep the track's level."""
    min_supervised: Minimum | None = None
    """Their minimum number of real cases under supervision, instead of the track's. Leave out to keep the track's number."""
    min_drills: Minimum | None = None
    """Their minimum number of observed drills, instead of the track's. Leave out to keep the track's number."""
    sign_off_requires: list[AssessmentId] = []
    """Assessments they must pass before sign-off besides those the track asks of everyone, e.g. [DOPS]."""
    reason: Text
    """Why these fellows have another target, in a sentence or two that fellows read on the checklist."""
    follows: SourceId | None = None
    """The published principle the decision follows, if any, e.g. ASA-SEDATION-PRIVILEGES. The target itself is the track's decision (its targets_source), and pages say so."""


@dataclass(frozen=True)
class Target:
    """What a track asks in one skill of the fellows a target applies to: the track's own target (no
    `backgrounds`), or a per-background target completed with the track's own for what it leaves out."""

    skill: str
    level: int
    min_supervised: int | None
    min_drills: int | None
    sign_off_requires: tuple[str, ...]
    backgrounds: tuple[str, ...] = ()
    reason: str | None = None
    follows: str | None = None
    index: int | None = None
    """Its place in the checklist entry's for_backgrounds; None for the track's own target."""

    @property
    def is_own(self) -> bool:
        return self.index is None

    @property
    def path(self) -> tuple:
        """Where it is written inside its checklist entry, for the check's messages."""
        return () if self.index is None else ("for_backgrounds", self.index)


class TrackSkill(Record):
    skill: SkillId
    """The skill taught."""
    level: SkillLevel
    """The level a fellow must reach by the end of the track, on the skill's scale: the entrustment scale for procedural and clinical skills, the milestone scale for knowledge and professional ones."""
    min_supervised: Minimum | None = None
    """Minimum number of real cases the fellow does or manages under supervision before sign-off, counted in the logbook: procedures for a procedural skill, patients for a clinical one. Skills on the entrustment scale only; required for procedural skills in fellowships."""
    min_drills: Minimum | None = None
    """Minimum number of emergency drills the fellow leads before sign-off, in the procedure room with its own team and equipment, observed and debriefed by a supervisor. For emergencies too rare to meet on demand, together with a passed simulation."""
    source: SourceId | None = None
    """Source of this level and number, when it differs from the track's targets_source."""
    sign_off_requires: list[AssessmentId] = []
    """Assessment methods the fellow must pass before this skill is signed off in this track, e.g. [SIM] for a passed simulation assessment. Each must be one of the skill's assessments and one of the track's."""
    above_prerequisite_reason: Text | None = None
    """Why this target level may be higher than the target of one of the skill's prerequisites taught in the same track. Without it the check refuses such a level; with it the checklist shows the reason."""
    for_backgrounds: list[BackgroundTarget] = []
    """Other targets for fellows from named specialties, e.g. a lower level or more supervised cases for fellows who are not anaesthesiologists. Each names its specialties and why."""

    @property
    def counts_cases(self) -> bool:
        """Whether any of its targets sets a minimum number: the printed sheet then has a box for the count."""
        return any(t.min_supervised or t.min_drills for t in self.targets())

    @property
    def own(self) -> Target:
        """The track's own target: for fellows from every specialty no per-background target names."""
        return Target(self.skill, self.level, self.min_supervised, self.min_drills, tuple(self.sign_off_requires))

    def targets(self) -> list[Target]:
        """The track's own target, then each per-background target completed with it."""
        return [self.own, *(self._completed(index, other) for index, other in enumerate(self.for_backgrounds))]

    def target_for(self, background_id: str) -> Target:
        """The target for fellows from one specialty: the first per-background target naming it, else the own."""
        for index, other in enumerate(self.for_backgrounds):
            if background_id in other.backgrounds:
                return self._completed(index, other)
        return self.own

    def _completed(self, index: int, other: BackgroundTarget) -> Target:
        return Target(
            self.skill,
            self.level if other.level is None else other.level,
            self.min_supervised if other.min_supervised is None else other.min_supervised,
            self.min_drills if other.min_drills is None else other.min_drills,
            tuple(dict.fromkeys([*self.sign_off_requires, *other.sign_off_requires])),
            tuple(other.backgrounds),
            other.reason,
            other.follows,
            index,
        )


class EntrySkill(Record):
    skill: SkillId
    """A skill an applicant must already hold on entry."""
    level: SkillLevel
    """The level the applicant must already have reached in it, on the skill's scale."""


class EntryRoute(Record):
    background: BackgroundId
    """A specialty the track admits: an ID from data/backgrounds.yaml."""
    requirements: list[Text] = []
    """What applicants from this specialty must have or do, beyond the track's eligibility, one item each."""
    entry_skills: list[EntrySkill] = []
    """Skills applicants from this specialty must already hold at a level when they start."""
    review: YesNo = False
    """true when the academy decides on each applicant from this specialty after reviewing their specialist training, as for another specialty: the track page and Find my gap then say "after the academy's review"."""


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
    aims: list[Aim] = []
    """What applicants choose this fellowship for, besides an exam, as Find my gap asks them: add-procedures (to add procedures to their own practice), main-practice (to make pain medicine their main practice). Fellowships only. Find my gap recommends the fellowships for the reader's aim first."""
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
    """The skills checklist: each skill with its target level on the skill's scale, its minimum numbers where set, and any other targets for named specialties. The check keeps them consistent: a level is never above that of a prerequisite taught in the same track unless above_prerequisite_reason says why; an exam-preparation module never expects more than the fellowships preparing for the same exam reach; a higher level never comes with a lower minimum number; and level 4 or 5 in a high-risk skill rests on supervised cases or, for a rare emergency, observed drills."""
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

    def differing_for(self, background_id: str) -> list[str]:
        """The skills in which fellows from a specialty have a target of their own, in checklist order."""
        return [
            entry.skill for entry in self.skills if any(background_id in t.backgrounds for t in entry.for_backgrounds)
        ]

    @functools.cached_property
    def _targets(self) -> dict[str, TrackSkill]:
        targets: dict[str, TrackSkill] = {}
        for entry in self.skills:  # a skill listed twice is refused (skills-once-per-track); the first line counts
            targets.setdefault(entry.skill, entry)
        return targets

    @property
    def min_supervised_total(self) -> int:
        """The supervised cases its own targets ask for in all: procedures, and patients in clinical skills."""
        return sum(entry.min_supervised or 0 for entry in self.skills)


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


class GlossaryMeaning(Record):
    expansion: Title
    """What the abbreviation stands for in this meaning."""
    definition: Text
    """A plain-language explanation of this meaning."""


class GlossaryTerm(Record):
    term: Term
    """The abbreviation or term exactly as written in pages, e.g. CRPS. Its first use in each section is a tooltip."""
    expansion: Title
    """What the abbreviation stands for."""
    definition: Text
    """A plain-language explanation."""
    also: list[GlossaryMeaning] = []
    """Other meanings of the same abbreviation, each with its expansion and definition: INR is both a blood test and a currency. A tooltip cannot tell which one a sentence means, so it names every meaning, and the glossary lists each."""

    @property
    def meanings(self) -> list[GlossaryMeaning]:
        """Every meaning, the first one first."""
        return [GlossaryMeaning(expansion=self.expansion, definition=self.definition), *self.also]

    @property
    def tooltip(self) -> str:
        """The text of the term's tooltip: its expansion, or each of its expansions in turn."""
        return ", or ".join(meaning.expansion for meaning in self.meanings)


class Evidence(Record):
    assessment: AssessmentId
    """A kind of workplace-based assessment, e.g. DOPS or MINI-CEX: an ID from data/assessments.yaml that the track uses."""
    minimum: Annotated[WholeNumber, Field(gt=0, le=100)]
    """How many of them, at least, done by more than one assessor where possible, the committee reviews before it entrusts the activity."""


class EpaTarget(Record):
    track: TrackId
    """A fellowship that entrusts fellows with this activity: an ID from data/tracks.yaml."""
    level: LevelNumber
    """The entrustment level expected at the end of that fellowship, from data/entrustment.yaml."""
    evidence: Annotated[list[Evidence], Field(min_length=1)]
    """What the committee reviews before it entrusts the activity at that level: kinds of workplace-based assessment, each with its minimum number."""


class Epa(Record):
    """An entrustable professional activity: a unit of professional work that the programme entrusts to a fellow as a whole, once the fellow has shown the skills it draws on."""

    id: Id
    """Stable ID, e.g. EPA-NEW-PATIENT."""
    title: Title
    """The unit of work, written as a task, e.g. "Evaluate and plan care for a new patient with chronic pain"."""
    description: Text
    """What the activity includes and leaves out, and what can go wrong when it is done badly."""
    skills: Annotated[list[SkillId], Field(min_length=1)]
    """The skills it draws on: IDs from data/skills.yaml, each taught in every track below."""
    tracks: Annotated[list[EpaTarget], Field(min_length=1)]
    """Each fellowship that entrusts it, with the level expected at the end and the evidence for the decision."""
    source: SourceId
    """Where the activity and its targets come from, or PROGRAMME for a programme decision."""
    last_reviewed: LastReviewed = None
    reviewed_by: ReviewedBy = None

    def target(self, track_id: str) -> EpaTarget | None:
        """The activity's target in a track, or None if the track does not entrust it."""
        return next((target for target in self.tracks if target.track == track_id), None)


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
