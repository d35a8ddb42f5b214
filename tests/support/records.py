"""Records the tests add to a copy of the tiny fixture curriculum."""

from __future__ import annotations


def track_record(track_id: str, kind: str, exams: str, skills: str) -> str:
    """A small but complete track, as YAML to append to tracks.yaml; `skills` holds its checklist lines."""
    return (
        f"- id: {track_id}\n  title: Track {track_id}\n  short_title: {track_id}\n  kind: {kind}\n"
        "  summary: A second track for the test.\n  duration: {amount: 8, unit: week}\n"
        "  audience: Pain physicians.\n  eligibility:\n    - Registered medical practitioner.\n"
        f"  exams: {exams}\n  structure:\n    - title: Revision\n      duration: {{amount: 8, unit: week}}\n"
        "      description: Weekly tutorials.\n  procedural_training: Cadaver practice.\n  didactics: Tutorials.\n"
        "  research: None.\n  collaboration: Pain faculty.\n  assessments: [DOPS]\n  targets_source: PROGRAMME\n"
        f"  skills:\n{skills}"
        "  tagline: A track for the test.\n"  # last, so that the lines of the checklist stay where they were
    )
