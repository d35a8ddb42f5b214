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
from .values import Scale, SkillKind, Verdict


@dataclass(frozen=True)
class EntryNeed:
    """A skill an applicant must hold on entry to a track, at a level, and the workshops that teach it to that level
    to applicants of their specialty."""

    skill: str
    level: int
    taught_in: tuple[str, ...]


@dataclass(frozen=True)
class Admittance:
    """Whether a track admits applicants from a specialty, and on what terms: the one admission rule, which the
    track pages and Find my gap both read (Curriculum.admittance)."""

    track: str
    background: str
    verdict: Verdict
    requirements: tuple[str, ...] = ()
    entry_skills: tuple[EntryNeed, ...] = ()

    @property
    def admits(self) -> bool:
        return self.verdict is not Verdict.not_admitted


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

    def preset_levels(self, background_id: str) -> dict[str, int]:
        """Skill ID -> the level a specialty's training usually reaches in it (its preset), in catalogue order;
        empty for a specialty without a preset."""
        levels = self.get("backgrounds", background_id).preset_levels()
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

    def admittance(self, track: Track, background_id: str) -> Admittance:
        """Whether `track` admits applicants from a specialty, from its `admits` (none listed: every specialty), with
        the requirements and entry skills of their route, and for each entry skill the workshops that teach it to
        the level asked to applicants from that specialty."""
        route = track.route(background_id)
        if route is None:
            return Admittance(track.id, background_id, Verdict.not_admitted)
        needs = tuple(
            EntryNeed(entry.skill, entry.level, self._workshops_teaching(entry.skill, entry.level, background_id))
            for entry in route.entry_skills
        )
        verdict = Verdict.review if route.review else Verdict.admitted
        return Admittance(track.id, background_id, verdict, tuple(route.requirements), needs)

    def _workshops_teaching(self, skill_id: str, level: int, background_id: str) -> tuple[str, ...]:
        return tuple(
            track.id
            for track, entry in self.tracks_teaching(skill_id)
            if track.is_workshop and track.route(background_id) and entry.target_for(background_id).level >= level
        )

    def procedures_under_supervision(self, track: Track, background_id: str) -> int:
        """The procedures a fellow from a specialty performs under supervision in a track, at least: the minimum
        numbers of its procedural skills, as the track sets them for that specialty."""
        return sum(
            entry.target_for(background_id).min_supervised or 0
            for entry in track.skills
            if self.skill(entry.skill).kind is SkillKind.procedural
        )

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
