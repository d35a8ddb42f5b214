"""The Curriculum: every record, validated and cross-checked, indexed for the renderers' look-ups."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .files import DATA_FILES
from .records import (
    Admission,
    AssessmentMethod,
    Background,
    Change,
    CurriculumInfo,
    Domain,
    Epa,
    EpaTarget,
    Exam,
    GapArea,
    GlossaryTerm,
    LearningNeed,
    Level,
    Retired,
    Rotation,
    Skill,
    Source,
    Track,
    TrackSkill,
    WorkshopSession,
)
from .values import Scale


@dataclass(frozen=True)
class Curriculum:
    """Every record, validated and cross-checked, with the look-ups the renderers need."""

    info: CurriculumInfo
    sources: tuple[Source, ...]
    entrustment: tuple[Level, ...]
    milestones: tuple[Level, ...]
    domains: tuple[Domain, ...]
    assessments: tuple[AssessmentMethod, ...]
    exams: tuple[Exam, ...]
    rotations: tuple[Rotation, ...]
    backgrounds: tuple[Background, ...]
    skills: tuple[Skill, ...]
    tracks: tuple[Track, ...]
    epas: tuple[Epa, ...]
    gap_areas: tuple[GapArea, ...]
    learning_needs: tuple[LearningNeed, ...]
    glossary: tuple[GlossaryTerm, ...]
    workshops: tuple[WorkshopSession, ...]
    admissions: tuple[Admission, ...]
    changelog: tuple[Change, ...]
    retired: tuple[Retired, ...]

    def __post_init__(self) -> None:
        index = {f.name: {getattr(r, f.key): r for r in getattr(self, f.name)} for f in DATA_FILES if f.many}
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
            retired_into.setdefault((old.kind.data_file, old.replaced_by), []).append(old.id)
        object.__setattr__(self, "_retired_into", retired_into)

    def get(self, file: str, key):
        """The record known by `key` in a data file (by its name, e.g. "skills"); KeyError if there is none."""
        return self._index[file][key]

    def keys(self, file: str) -> list:
        """The keys of a data file's records, in file order."""
        return list(self._index[file])

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

    def baseline_levels(self) -> dict[str, int]:
        """Skill ID -> the level a typical anaesthesia residency reaches in it, in catalogue order."""
        levels = {entry.skill: entry.level for area in self.gap_areas for entry in area.baseline_skills}
        return {s.id: levels[s.id] for s in self.skills if s.id in levels}

    def source_of(self, track: Track, entry: TrackSkill) -> Source:
        return self.get("sources", entry.source or track.targets_source)

    # -- scales, per-background targets and EPAs ----------------------------------------------------

    def scale(self, scale: Scale) -> tuple[Level, ...]:
        """The levels of a scale, lowest first."""
        return getattr(self, scale.data_file)

    def level(self, skill_id: str, number: int) -> Level:
        """A level of the scale the skill is assessed on."""
        return self.get(self.skill(skill_id).scale.data_file, number)

    def scales_used(self, skills) -> list[Scale]:
        """The scales the skills are assessed on, in the order of Scale: what a printed key must explain."""
        used = {skill.scale for skill in skills}
        return [scale for scale in Scale if scale in used]

    def admitted(self, track: Track) -> list[Background]:
        """The specialties a track admits, in the order of data/backgrounds.yaml; every one when it names none."""
        named = {route.background for route in track.admits}
        return [b for b in self.backgrounds if not track.admits or b.id in named]

    def who(self, track: Track, backgrounds) -> str:
        """The fellows a per-background target is for, in words: "fellows who are not anaesthesiologists" when it
        names every specialty the track admits but one, else the specialties themselves, "neurologists and
        psychiatrists"."""
        named = [b for b in self.backgrounds if b.id in set(backgrounds)]
        others = [b for b in self.admitted(track) if b.id not in set(backgrounds)]
        if len(others) == 1 and len(named) > 1:
            return f"fellows who are not {others[0].people}"
        people = [b.people for b in named]
        return people[0] if len(people) == 1 else f"{', '.join(people[:-1])} and {people[-1]}"

    def epas_in(self, track_id: str) -> list[tuple[Epa, EpaTarget]]:
        """The EPAs a track entrusts, each with its target there, in file order."""
        return [(epa, target) for epa in self.epas if (target := epa.target(track_id)) is not None]

    def retired_into(self, file: str, replacement: str) -> list[str]:
        """The retired IDs of a data file ("skills", "tracks") whose links now lead to `replacement`."""
        return self._retired_into.get((file, replacement), [])

    def upcoming_workshops(self, today: datetime.date) -> list[WorkshopSession]:
        """Sessions that have not ended by `today`, soonest first."""
        return sorted(
            (w for w in self.workshops if (w.end or w.start) >= today),
            key=lambda w: (w.start, w.id),
        )
