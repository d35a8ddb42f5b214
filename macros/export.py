"""The curriculum as files to download, and as the data the self-assessment page's script reads.

Pure functions of a Curriculum: the same data and build date always give the same bytes (no
wall-clock time: the build date comes from macros/clock.py). `catalogue()` lists every file with what it
holds: macros/plugin.py writes exactly those files into the built site's downloads/ folder, and the
Downloads page lists exactly those; track pages and the workshops page link to theirs.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from .escape import csv_cell, ics_text, json_document
from .model import DATA_FILES, Admittance, Aim, Curriculum, Scale, Track, TrackKind, Verdict
from .schema import curriculum_schema
from .urls import Links, host


class FileNames:
    """What each download is called inside downloads/. Links and the build both ask here."""

    curriculum_json = "curriculum.json"
    curriculum_schema = "curriculum.schema.json"
    workshops_ics = "workshops.ics"

    @staticmethod
    def checklist_csv(track_id: str) -> str:
        return f"checklist-{track_id.lower()}.csv"

    @staticmethod
    def epas_csv(track_id: str) -> str:
        return f"epas-{track_id.lower()}.csv"

    @staticmethod
    def every(curriculum: Curriculum) -> list[str]:
        """The names of all the downloads a build writes for this curriculum (those catalogue() lists)."""
        return [download.name for download in catalogue(curriculum)]


class Format(StrEnum):
    """What sort of file a download is; the Downloads page says how to open each sort."""

    calendar = "calendar"
    spreadsheet = "spreadsheet"
    data = "data"

    @property
    def saved(self) -> bool:
        """Whether its link asks the browser to save the file; a calendar opens in the reader's calendar instead."""
        return self is not Format.calendar


@dataclass(frozen=True)
class Download:
    """One file under downloads/: its name, what it holds, and how the build writes it."""

    name: str
    format: Format
    title: str
    holds: str
    write: Callable[[datetime.date, str], bytes]  # (build date, site_url) -> the file's bytes


def catalogue(curriculum: Curriculum) -> list[Download]:
    """Every download, in the order the Downloads page lists them."""
    files = [
        Download(
            FileNames.workshops_ics,
            Format.calendar,
            "Workshop dates",
            "The workshop sessions that had not ended when the site was published, as all-day events with their venue."
            if curriculum.workshops
            else "No workshop session is published yet: the file holds none until the academy publishes one.",
            lambda today, site_url: workshops_ics(curriculum, today, site_url),
        )
    ]
    for track in curriculum.tracks:
        files.append(
            Download(
                FileNames.checklist_csv(track.id),
                Format.spreadsheet,
                f"Skills checklist: {track.title}",
                "One row per skill, with its target level and minimum number, and empty columns for your logbook.",
                lambda today, site_url, track=track: checklist_csv(curriculum, track, site_url),
            )
        )
        if curriculum.epas_in(track.id):
            files.append(
                Download(
                    FileNames.epas_csv(track.id),
                    Format.spreadsheet,
                    f"Entrustable professional activities: {track.title}",
                    "One row per activity, with the skills it draws on, the level expected by the end and the "
                    "assessments the committee reviews, and empty columns for the committee's decision.",
                    lambda today, site_url, track=track: epas_csv(curriculum, track, site_url),
                )
            )
    files += [
        Download(
            FileNames.curriculum_json,
            Format.data,
            "The whole curriculum",
            "Every record of every data file (skills, tracks, levels, sources and the rest) in one JSON document.",
            lambda today, site_url: json_document(curriculum_document(curriculum)),
        ),
        Download(
            FileNames.curriculum_schema,
            Format.data,
            "The curriculum's JSON Schema",
            "What each field of the JSON document holds and which values it may take (JSON Schema, draft 2020-12).",
            lambda today, site_url: json_document(curriculum_schema()),
        ),
    ]
    return files


def downloads(curriculum: Curriculum, today: datetime.date, site_url: str) -> dict[str, bytes]:
    """Every download, by file name."""
    return {download.name: download.write(today, site_url) for download in catalogue(curriculum)}


# -- the whole curriculum ------------------------------------------------------------------------


def curriculum_document(curriculum: Curriculum) -> dict:
    """Every record, one property per data file, in the shape macros/schema.py curriculum_schema() describes."""
    document = {}
    for data_file in DATA_FILES:
        records = getattr(curriculum, data_file.attribute)
        if data_file.many:
            document[data_file.name] = [record.model_dump(mode="json") for record in records]
        else:
            document[data_file.name] = records.model_dump(mode="json")
    return document


# -- a track's checklist as a spreadsheet --------------------------------------------------------

CHECKLIST_COLUMNS = (
    "Track",
    "Domain",
    "Skill ID",
    "Skill",
    "Kind",
    "Guided by",
    "Risk",
    "Rated on",
    "Target level",
    "Target level means",
    "Minimum supervised",
    "Minimum observed drills",
    "Sign-off also needs",
    "Other targets by specialty",
    "Assessed by",
    "Source of target",
    "Catalogue link",
    # Left empty for the fellow's own logbook, as on the printed sheet:
    "Number performed",
    "Date signed off",
    "Supervisor",
    "Level reached",
)


def checklist_csv(curriculum: Curriculum, track: Track, site_url: str) -> bytes:
    """One row per skill of the track, in the order of its printed checklist (by domain, then catalogue order).
    The target columns hold the track's own target; "Other targets by specialty" says, in words, each target
    that differs for fellows from named specialties. UTF-8 with a byte-order mark, so that spreadsheet programs
    read accents and dashes correctly."""
    out = io.StringIO()
    writer = csv.writer(out)  # RFC 4180: commas, double quotes, CRLF line ends
    writer.writerow(CHECKLIST_COLUMNS)
    for skill in (skill for _, skills in curriculum.checklist(track) for skill in skills):
        entry = track.target(skill.id)
        row = (
            track.id,
            curriculum.get("domains", skill.domain).title,
            skill.id,
            skill.title,
            skill.kind.value,
            ", ".join(m.value for m in skill.modalities),
            skill.risk.value,
            skill.scale.label,
            entry.level,
            curriculum.level(skill.id, entry.level).label,
            _count(entry.min_supervised),
            _count(entry.min_drills),
            ", ".join(curriculum.get("assessments", a).short_title for a in entry.sign_off_requires),
            "; ".join(_other_target(curriculum, track, skill, other) for other in entry.targets() if not other.is_own),
            ", ".join(curriculum.get("assessments", a).short_title for a in skill.assessments),
            curriculum.source_of(track, entry).title,
            Links(site_url=site_url).absolute_skill(skill.id),
            "",
            "",
            "",
            "",
        )
        writer.writerow([csv_cell(cell) for cell in row])
    return "\ufeff".encode() + out.getvalue().encode("utf-8")


def _count(number: int | None):
    return number if number is not None else ""


def _other_target(curriculum: Curriculum, track: Track, skill, target) -> str:
    """A per-background target in words, as the checklist's cell says it."""
    words = [
        f"For {curriculum.who(track, target.backgrounds)}: level {target.level} "
        f"({curriculum.level(skill.id, target.level).label})"
    ]
    if target.min_supervised:
        words.append(f"at least {target.min_supervised} supervised")
    if target.min_drills:
        words.append(f"at least {target.min_drills} observed drills")
    if target.sign_off_requires:
        methods = ", ".join(curriculum.get("assessments", a).short_title for a in target.sign_off_requires)
        words.append(f"sign-off needs a pass in {methods}")
    decided = curriculum.get("sources", track.targets_source).title
    if target.follows:
        decided += f", following {curriculum.get('sources', target.follows).title}"
    return f"{', '.join(words)}. {target.reason} ({decided})"


EPA_COLUMNS = (
    "Track",
    "EPA ID",
    "Activity",
    "What it includes and leaves out",
    "Draws on (skill IDs)",
    "Level expected by the end",
    "Level means",
    "Evidence for the decision",
    "Source",
    # Left empty for the committee's decision, as on the printed sheet:
    "Date entrusted",
    "Level entrusted",
    "Decided by",
)


def epas_csv(curriculum: Curriculum, track: Track, site_url: str = "") -> bytes:
    """One row per EPA the fellowship entrusts, in file order, with empty columns for the committee's decision."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(EPA_COLUMNS)
    for epa, target in curriculum.epas_in(track.id):
        evidence = ", ".join(
            f"{item.minimum} {curriculum.get('assessments', item.assessment).short_title}" for item in target.evidence
        )
        row = (
            track.id,
            epa.id,
            epa.title,
            epa.description,
            ", ".join(epa.skills),
            target.level,
            curriculum.get("entrustment", target.level).label,
            evidence,
            curriculum.get("sources", epa.source).title,
            "",
            "",
            "",
        )
        writer.writerow([csv_cell(cell) for cell in row])
    return "\ufeff".encode() + out.getvalue().encode("utf-8")


# -- workshop dates as a calendar ----------------------------------------------------------------


def workshops_ics(curriculum: Curriculum, today: datetime.date, site_url: str) -> bytes:
    """The sessions that have not ended by the build date (as on the workshops page), as all-day events."""
    from icalendar import Calendar, Event  # here, not at the top: `python -m macros check` need not load it

    calendar = Calendar()
    calendar.add("prodid", f"-//{ics_text(curriculum.info.title)}//Workshops//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", ics_text(f"{curriculum.info.title}: workshops"))
    # DTSTAMP must be a date-time; the build date at midnight UTC keeps the file the same for the same commit.
    stamp = datetime.datetime.combine(today, datetime.time(), tzinfo=datetime.UTC)
    links, where = Links(site_url=site_url), host(site_url)
    sessions = curriculum.upcoming_workshops(today)
    if not sessions:  # a calendar application shows this where the events would be
        calendar.add("x-wr-caldesc", "No workshop session is published yet.")
    for session in sessions:
        track = curriculum.track(session.track)
        event = Event()
        event.add("uid", f"{session.id}@{where}")
        event.add("dtstamp", stamp)
        event.add("dtstart", session.start)
        event.add("dtend", (session.end or session.start) + datetime.timedelta(days=1))  # all-day: end is exclusive
        event.add("summary", ics_text(f"{session.topic} ({track.short_title})"))
        event.add("location", ics_text(f"{session.venue}, {session.city}"))
        event.add(
            "description",
            ics_text(
                f"{track.title}. {session.places} places. Dates are announced by the academy and may change: "
                f"check the workshops page before you travel."
            ),
        )
        event.add("url", links.absolute_session(session.id))
        calendar.add_component(event)
    return calendar.to_ical()


# -- what the self-assessment page's script needs ------------------------------------------------

SELF_ASSESSMENT_FORMAT = "pain-medicine-curriculum/self-assessment"
SELF_ASSESSMENT_VERSION = 4
# Version 1 files hold ticks (a skill held or not). The page asked for a tick on each skill "you can already
# carry out on your own", which is this level of the entrustment scale (Unsupervised practice) and of the milestone
# scale (Ready for independent practice); an unticked skill becomes "not yet done" (0).
# Version 2 files hold levels, every skill's on the entrustment scale; version 3 rates knowledge and professional
# skills on the milestone scale. A version 2 level of such a skill is kept as the same number, and the page asks
# the reader to check it. Version 4 adds the reader's goal; a file without one leaves the goal on the page as it is.
# docs/self-assessment.md states the same.
SELF_ASSESSMENT_V1_HELD_LEVEL = 4
NOT_YET_DONE = "Not yet done"  # the rating below level 1 (0 in saved files)
NO_GOAL = "Not decided yet"  # the goal chosen to start with ("" in saved files)
WORKSHOP_GOAL = "workshop"


@dataclass(frozen=True)
class Goal:
    """What the reader wants from training, as Find my gap asks it, and the tracks that answer it: group by group,
    the best fit is the first track of the first group that the reader can apply to and that has something to
    teach them (docs/self-assessment.md)."""

    id: str  # in saved files: an exam's ID, "workshop", an aim, or "" for none chosen
    label: str
    groups: tuple[tuple[str, ...], ...]
    then: tuple[str, ...] = ()  # the exam modules to take after a fellowship, for an exam
    wants: str = ""  # the goal as a sentence's start: "You want to …"


def goals(curriculum: Curriculum) -> list[Goal]:
    """The goals Find my gap offers, in the order it lists them: none chosen yet (every fellowship), each exam a
    track prepares for (its fellowships, then its modules), a workshop or short course only (the workshops), and each
    aim a fellowship names (those fellowships, then the other fellowships)."""
    fellowships = [t for t in curriculum.tracks if t.is_fellowship]
    found = [Goal("", NO_GOAL, (ids(fellowships),))]
    for exam in curriculum.exams:
        preparing = [t for t in fellowships if exam.id in t.exams]
        modules = [t for t in curriculum.tracks if t.kind is TrackKind.exam_preparation and exam.id in t.exams]
        if preparing or modules:
            found.append(
                Goal(
                    exam.id,
                    f"Prepare for the {exam.title} examination",
                    (ids(preparing), ids(modules)),
                    ids(modules),
                    f"You want to prepare for the {exam.title} examination",
                )
            )
    workshops = [t for t in curriculum.tracks if t.is_workshop]
    if workshops:
        found.append(
            Goal(
                WORKSHOP_GOAL,
                "A workshop or short course only",
                (ids(workshops),),
                (),
                "You want a workshop or short course only",
            )
        )
    for aim in Aim:
        serving = [t for t in fellowships if aim in t.aims]
        if serving:
            others = [t for t in fellowships if t not in serving]
            found.append(Goal(aim.value, aim.label, (ids(serving), ids(others)), (), "You want to " + aim.wants))
    return found


def ids(tracks) -> tuple[str, ...]:
    return tuple(track.id for track in tracks)


def self_assessment_data(curriculum: Curriculum) -> dict:
    """What Find my gap's script needs: both scales and which one each skill is rated on, the skills, the
    specialties (the first is the default) with their presets, the goals, and each track's targets (its own, and
    per specialty the targets that differ from them, `targets_for`), its admission of each specialty (the one rule
    the track pages read too, Curriculum.admittance) and the procedures a fellow from each does under supervision.
    `format` and `version` name the file format the page saves and loads (see docs/self-assessment.md)."""
    for scale in Scale:
        if SELF_ASSESSMENT_V1_HELD_LEVEL not in [level.level for level in curriculum.scale(scale)]:
            raise ValueError(
                f"Find my gap reads a tick of its version 1 files as level {SELF_ASSESSMENT_V1_HELD_LEVEL}, "
                f"which data/{scale.data_file}.yaml no longer has"
            )
    return {
        "format": SELF_ASSESSMENT_FORMAT,
        "version": SELF_ASSESSMENT_VERSION,
        "v1_held_level": SELF_ASSESSMENT_V1_HELD_LEVEL,
        "curriculum_version": curriculum.info.version,
        "scales": {
            scale.value: {
                "name": scale.label,
                "levels": [{"level": level.level, "label": level.label} for level in curriculum.scale(scale)],
            }
            for scale in Scale
        },
        "skills": [skill.id for skill in curriculum.skills],
        "skill_scales": {skill.id: skill.scale.value for skill in curriculum.skills},
        "backgrounds": [
            {"id": b.id, "title": b.title, "people": b.people, "preset": curriculum.preset_levels(b.id)}
            for b in curriculum.backgrounds
        ],
        "goals": [{"id": g.id, "wants": g.wants, "groups": g.groups, "then": g.then} for g in goals(curriculum)],
        "verdicts": {verdict.value: verdict.label for verdict in Verdict},
        "tracks": [
            {
                "id": track.id,
                "title": track.title,
                "short_title": track.short_title,
                "kind": track.kind.value,
                "exams": list(track.exams),
                "targets": {entry.skill: entry.level for entry in track.skills},
                # Specialty -> {skill: level} where its fellows' target differs from the track's own.
                "targets_for": _targets_for(curriculum, track),
                # Specialty -> whether the track admits it, and the skills to hold on entry with the workshops
                # that teach them.
                "admission": {b.id: _admission(curriculum.admittance(track, b.id)) for b in curriculum.backgrounds},
                "procedures": {
                    b.id: curriculum.procedures_under_supervision(track, b.id) for b in curriculum.backgrounds
                },
            }
            for track in curriculum.tracks
        ],
    }


def _admission(admittance: Admittance) -> dict:
    return {
        "verdict": admittance.verdict.value,
        "entry": [
            {"skill": need.skill, "level": need.level, "taught_in": list(need.taught_in)}
            for need in admittance.entry_skills
        ],
    }


def _targets_for(curriculum: Curriculum, track: Track) -> dict[str, dict[str, int]]:
    differing: dict[str, dict[str, int]] = {}
    for background in curriculum.backgrounds:
        for entry in track.skills:
            level = entry.target_for(background.id).level
            if level != entry.level:
                differing.setdefault(background.id, {})[entry.skill] = level
    return differing
