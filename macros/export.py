"""The curriculum as files to download, and as the data the self-assessment page's script reads.

Pure functions of a Curriculum: the same data and build date always give the same bytes (no
wall-clock time: the build date comes from macros/clock.py). macros/__init__.py writes the files
into the built site's downloads/ folder; track pages link to them.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
from urllib.parse import urljoin, urlsplit

from .model import KINDS, Curriculum, Track
from .schema import curriculum_schema


class FileNames:
    """What each download is called inside downloads/. Links and the build both ask here."""

    curriculum_json = "curriculum.json"
    curriculum_schema = "curriculum.schema.json"
    workshops_ics = "workshops.ics"

    @staticmethod
    def checklist_csv(track_id: str) -> str:
        return f"checklist-{track_id.lower()}.csv"

    @classmethod
    def every(cls, curriculum: Curriculum) -> list[str]:
        """The names of all the downloads a build writes for this curriculum."""
        tracks = [cls.checklist_csv(track.id) for track in curriculum.tracks]
        return [cls.curriculum_json, cls.curriculum_schema, cls.workshops_ics, *tracks]


def downloads(curriculum: Curriculum, today: datetime.date, site_url: str) -> dict[str, bytes]:
    """Every download, by file name."""
    files = {
        FileNames.curriculum_json: _json_bytes(curriculum_document(curriculum)),
        FileNames.curriculum_schema: _json_bytes(curriculum_schema()),
        FileNames.workshops_ics: workshops_ics(curriculum, today, site_url),
    }
    for track in curriculum.tracks:
        files[FileNames.checklist_csv(track.id)] = checklist_csv(curriculum, track, site_url)
    return files


# -- the whole curriculum ------------------------------------------------------------------------


def curriculum_document(curriculum: Curriculum) -> dict:
    """Every record, one property per data file, in the shape macros/schema.py curriculum_schema() describes."""
    document = {}
    for kind in KINDS:
        records = getattr(curriculum, kind.attribute)
        if kind.many:
            document[kind.name] = [record.model_dump(mode="json") for record in records]
        else:
            document[kind.name] = records.model_dump(mode="json")
    return document


def _json_bytes(document: dict) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# -- a track's checklist as a spreadsheet --------------------------------------------------------

CHECKLIST_COLUMNS = (
    "Track",
    "Domain",
    "Skill ID",
    "Skill",
    "Kind",
    "Guided by",
    "Risk",
    "Target level",
    "Target level means",
    "Minimum supervised",
    "Assessed by",
    "Source of target",
    "Catalogue link",
    # Left empty for the fellow's own logbook, as on the printed sheet:
    "Date signed off",
    "Supervisor",
    "Level reached",
)


def checklist_csv(curriculum: Curriculum, track: Track, site_url: str) -> bytes:
    """One row per skill of the track, in the order of its printed checklist (by domain, then catalogue order).
    UTF-8 with a byte-order mark, so that spreadsheet programs read accents and dashes correctly."""
    out = io.StringIO()
    writer = csv.writer(out)  # RFC 4180: commas, double quotes, CRLF line ends
    writer.writerow(CHECKLIST_COLUMNS)
    for skill in (skill for _, skills in curriculum.checklist(track) for skill in skills):
        entry = track.target(skill.id)
        level = curriculum.get("entrustment", entry.level)
        row = (
            track.id,
            curriculum.get("domains", skill.domain).title,
            skill.id,
            skill.title,
            skill.kind.value,
            ", ".join(m.value for m in skill.modalities),
            skill.risk.value,
            entry.level,
            level.label,
            entry.min_supervised if entry.min_supervised is not None else "",
            ", ".join(curriculum.get("assessments", a).short_title for a in skill.assessments),
            curriculum.source_of(track, entry).title,
            urljoin(site_url, f"skills/#{skill.id}"),
            "",
            "",
            "",
        )
        writer.writerow([_inert(cell) for cell in row])
    return "\ufeff".encode() + out.getvalue().encode("utf-8")


def _inert(cell) -> str:
    """Spreadsheets run a cell that starts with = + - or @ as a formula; a leading apostrophe keeps it text."""
    text = str(cell)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


# -- workshop dates as a calendar ----------------------------------------------------------------


def workshops_ics(curriculum: Curriculum, today: datetime.date, site_url: str) -> bytes:
    """The sessions that have not ended by the build date (as on the workshops page), as all-day events."""
    from icalendar import Calendar, Event  # here, not at the top: `python -m macros check` need not load it

    calendar = Calendar()
    calendar.add("prodid", f"-//{curriculum.info.title}//Workshops//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"{curriculum.info.title}: workshops")
    # DTSTAMP must be a date-time; the build date at midnight UTC keeps the file the same for the same commit.
    stamp = datetime.datetime.combine(today, datetime.time(), tzinfo=datetime.UTC)
    host = urlsplit(site_url).hostname or "localhost"
    for session in curriculum.upcoming_workshops(today):
        track = curriculum.track(session.track)
        event = Event()
        event.add("uid", f"{session.id}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", session.start)
        event.add("dtend", (session.end or session.start) + datetime.timedelta(days=1))  # all-day: end is exclusive
        event.add("summary", f"{session.topic} ({track.short_title})")
        event.add("location", f"{session.venue}, {session.city}")
        event.add(
            "description",
            f"{track.title}. {session.places} places. Dates are announced by the academy and may change: "
            f"check the workshops page before you travel.",
        )
        event.add("url", urljoin(site_url, f"workshops/#{session.id}"))
        calendar.add_component(event)
    return calendar.to_ical()


# -- what the self-assessment page's script needs ------------------------------------------------

SELF_ASSESSMENT_FORMAT = "pain-medicine-curriculum/self-assessment"
SELF_ASSESSMENT_VERSION = 1


def self_assessment_data(curriculum: Curriculum) -> dict:
    """Skill IDs, the residency baseline and each track's skills; the page embeds this as JSON.
    `format` and `version` name the file format the page saves and loads (see docs/self-assessment.md)."""
    return {
        "format": SELF_ASSESSMENT_FORMAT,
        "version": SELF_ASSESSMENT_VERSION,
        "curriculum_version": curriculum.info.version,
        "skills": [skill.id for skill in curriculum.skills],
        "baseline": curriculum.baseline_skill_ids(),
        "tracks": [{"id": track.id, "skills": [entry.skill for entry in track.skills]} for track in curriculum.tracks],
    }
