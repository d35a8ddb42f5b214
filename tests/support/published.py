"""The project as the academy would publish it, for the tests that need what the shipped data does not hold:
a real contact address in mkdocs.yml, sample workshop sessions (tests/fixtures/published/workshops.yaml), the
admissions record CONTRIBUTING.md fills in for one track, and every track reviewed. Made up, never the
academy's facts; the shipped data holds none of them."""

from __future__ import annotations

import re
from pathlib import Path

from tests.support.sitebuild import PROJECT, copy_project

REAL_CONTACT = "fellowships@contact-for-tests.org"
"""An address on a domain not reserved for examples, so that the site treats it as real. Tests only render it."""
SESSIONS = PROJECT / "tests" / "fixtures" / "published" / "workshops.yaml"
REVIEW = "  last_reviewed: 2026-11-20\n  reviewed_by: Curriculum committee\n"


def set_contact(project: Path, contact: str) -> None:
    """extra.academy.contact in the project's mkdocs.yml, as the academy sets it."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    changed = re.sub(r"(?m)^(    contact: ).*$", lambda match: f'{match.group(1)}"{contact}"', text, count=1)
    assert changed != text, "mkdocs.yml has no extra.academy.contact line"
    config.write_text(changed, encoding="utf-8")


def fill_admission(data: Path, record: str) -> None:
    """Replace the bare `- track: ID` record of data/admissions.yaml by `record` (YAML, starting `- track: ID`)."""
    track = re.match(r"- track: (\S+)", record).group(1)
    admissions = data / "admissions.yaml"
    text = admissions.read_text(encoding="utf-8")
    assert f"- track: {track}\n" in text
    admissions.write_text(text.replace(f"- track: {track}\n", record.rstrip("\n") + "\n", 1), encoding="utf-8")


def review_every_track(data: Path) -> None:
    """Give every track of data/tracks.yaml a review, after its targets_source line."""
    tracks = data / "tracks.yaml"
    text = tracks.read_text(encoding="utf-8")
    reviewed = text.replace("  targets_source: PROGRAMME\n", "  targets_source: PROGRAMME\n" + REVIEW)
    assert reviewed.count(REVIEW) == text.count("\n- id: ") + text.startswith("- id: ")
    tracks.write_text(reviewed, encoding="utf-8")


def published_project(target: Path, admission: str) -> Path:
    """A copy of the project with a real contact, sample sessions, `admission` filled in and every track reviewed."""
    project = copy_project(target)
    set_contact(project, REAL_CONTACT)
    (project / "data" / "workshops.yaml").write_bytes(SESSIONS.read_bytes())
    fill_admission(project / "data", admission)
    review_every_track(project / "data")
    return project
