"""The registry of data files: each file under data/, the record it holds, and what it is for."""

from __future__ import annotations

from dataclasses import dataclass

from .records import (
    Admission,
    AssessmentMethod,
    Background,
    Change,
    CurriculumInfo,
    Domain,
    Epa,
    Exam,
    GapArea,
    GlossaryTerm,
    LearningNeed,
    Level,
    Record,
    Retired,
    Rotation,
    Skill,
    Source,
    Track,
    WorkshopSession,
)


@dataclass(frozen=True)
class DataFile:
    """One data file and the records it holds."""

    name: str
    model: type[Record]
    key: str = "id"
    many: bool = True
    purpose: str = ""

    @property
    def file_name(self) -> str:
        return f"{self.name}.yaml"

    @property
    def attribute(self) -> str:
        """Where a Curriculum holds these records."""
        return self.name if self.many else "info"


DATA_FILES: tuple[DataFile, ...] = (
    DataFile(
        "curriculum", CurriculumInfo, key="", many=False, purpose="The curriculum's name, version and review policy."
    ),
    DataFile("sources", Source, purpose="The frameworks and decisions every level, number and exam fact rests on."),
    DataFile(
        "entrustment",
        Level,
        key="level",
        purpose="The entrustment-supervision scale, for procedural and clinical skills and for EPAs.",
    ),
    DataFile("milestones", Level, key="level", purpose="The milestone scale, for knowledge and professional skills."),
    DataFile("domains", Domain, purpose="The domains skills are grouped in."),
    DataFile("assessments", AssessmentMethod, purpose="Assessment methods."),
    DataFile("exams", Exam, purpose="External exams tracks prepare for."),
    DataFile("rotations", Rotation, purpose="Clinical rotations track blocks are spent on."),
    DataFile("backgrounds", Background, purpose="The specialties applicants come from, which tracks admit."),
    DataFile("skills", Skill, purpose="The skills catalogue."),
    DataFile("tracks", Track, purpose="Fellowships, workshops and exam-preparation modules, with their checklists."),
    DataFile(
        "epas",
        Epa,
        purpose="Entrustable professional activities: the units of work each fellowship entrusts, with the level "
        "expected and the evidence for the decision.",
    ),
    DataFile("gap_areas", GapArea, purpose="Where anaesthesia training and pain medicine differ."),
    DataFile("learning_needs", LearningNeed, purpose="What an anaesthesiologist must learn, linked to skills."),
    DataFile("glossary", GlossaryTerm, key="term", purpose="Abbreviations and terms, shown as tooltips."),
    DataFile("workshops", WorkshopSession, purpose="Dated workshop sessions for the calendar."),
    DataFile(
        "admissions",
        Admission,
        key="track",
        purpose="How to apply to each track: the academy's intakes, places, fee, locations, certificate, "
        "recognition, selection steps and documents. Only what the academy has published.",
    ),
    DataFile("changelog", Change, key="version", purpose="What changed in each curriculum version, newest first."),
    DataFile(
        "retired", Retired, purpose="Skill and track IDs no longer used: links to them lead to their replacement."
    ),
)
DATA_FILES_BY_NAME = {data_file.name: data_file for data_file in DATA_FILES}
