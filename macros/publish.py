"""What the academy still has to publish before the site can speak for it, decided in one place.

The site states the academy's own facts (how long a track lasts, intakes, places, fee, where, certificate,
recognition, selection, documents, workshop sessions) only from the data, and says "not published yet" for each
fact the data does not hold: FACTS lists them, and `not_published` finds those missing for a track, for the pages
and for `python -m macros check --publish`, which also refuses a placeholder contact. Never imports MkDocs.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml_env_tag import construct_env_tag

from . import yamlfile
from .escape import markdown_code, markdown_text
from .model import Curriculum, Track
from .problems import Problem

CONFIG_FILE = "mkdocs.yml"
CONTACT_KEY = ("extra", "academy", "contact")
NO_CONTACT = "The academy has not published a contact on this site yet."
"""What every page says where it would otherwise give the academy's e-mail address."""

RESERVED_DOMAINS = ("example", "example.com", "example.net", "example.org", "test", "invalid", "localhost")
"""Domains reserved for examples and tests (RFC 2606, RFC 6761): no mail is ever delivered to them."""
NO_MAIL_DOMAINS = ("github.io",)
"""The repository's own default address is on GitHub Pages, which serves the site and receives no mail."""
_ADDRESS = re.compile(r"[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*)", re.ASCII)


def contact_problem(contact) -> str | None:
    """Why `contact` cannot be published as the academy's address, or None when it can."""
    if not isinstance(contact, str) or not contact.strip():
        return "no contact is set"
    found = _ADDRESS.fullmatch(contact.strip())
    if found is None:
        return f"'{contact}' is not an e-mail address"
    domain = found.group(1).lower().rstrip(".")
    for reserved in RESERVED_DOMAINS:
        if domain == reserved or domain.endswith(f".{reserved}"):
            return f"{contact} is a placeholder: {reserved} is reserved for examples and receives no mail"
    for site in NO_MAIL_DOMAINS:
        if domain == site or domain.endswith(f".{site}"):
            return f"{contact} is a placeholder: {site} serves web pages and receives no mail"
    return None


def published_contact(contact) -> str | None:
    """The academy's address when it can receive mail; None for an empty or placeholder address."""
    return contact.strip() if contact_problem(contact) is None else None


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as MkDocs reads it, without MkDocs: !ENV [NAME, default] is resolved, other tags are ignored."""


_ConfigLoader.add_constructor("!ENV", construct_env_tag)
_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def read_contact(config_file: Path) -> tuple[object, int]:
    """extra.academy.contact in mkdocs.yml as MkDocs reads it, and its line (or the line of the nearest key above
    it that is there)."""
    loader = _ConfigLoader(config_file.read_text(encoding="utf-8"))
    try:
        node = loader.get_single_node()
        line, value = 1, node
        for key in CONTACT_KEY:
            if not isinstance(value, yaml.MappingNode):
                return None, line
            found = next(((k, v) for k, v in value.value if k.value == key), None)
            if found is None:
                return None, line
            line, value = found[0].start_mark.line + 1, found[1]
        return loader.construct_object(value, deep=True), line
    finally:
        loader.dispose()


def contact_failure(config_file: Path) -> str | None:
    """One line naming the file and the key to set, when the site would publish no real contact."""
    contact, line = read_contact(config_file)
    problem = contact_problem(contact)
    if problem is None:
        return None
    return (
        f"{config_file.name}:{line}: {'.'.join(CONTACT_KEY)}: {problem}. Set it to the academy's real e-mail "
        "address before the site is published"
    )


# -- the academy's facts about a track -------------------------------------------------------------


@dataclass(frozen=True)
class Fact:
    """One fact only the academy can give about a track, and where it publishes it."""

    field: str
    """The field that holds it, in `file`."""
    file: str
    what: str
    """The fact in a few words, as the pages list it under "Not published yet"."""
    means: str
    """What the academy writes there, for the faculty page "Before you publish"."""
    held: Callable[[Curriculum, Track, datetime.date], bool]
    """Whether the data holds the fact for this track on this day."""
    applies: Callable[[Track], bool] = lambda track: True


def _admission(field: str) -> Callable[[Curriculum, Track, datetime.date], bool]:
    return lambda curriculum, track, today: bool(getattr(curriculum.admission(track.id), field))


FACTS: tuple[Fact, ...] = (
    Fact(
        "duration",
        "tracks.yaml",
        "how long the track lasts",
        "How long the track lasts. The academy's own articles give it only for the two fellowships: 6 months and 1 year.",
        lambda curriculum, track, today: track.duration is not None,
    ),
    Fact(
        "intakes",
        "admissions.yaml",
        "the next intake and its application dates",
        "When each intake starts, and when applications open and close. An intake that has begun leaves the site.",
        lambda curriculum, track, today: bool(curriculum.admission(track.id).upcoming(today)),
    ),
    Fact(
        "places", "admissions.yaml", "the number of places", "How many fellows each intake takes.", _admission("places")
    ),
    Fact(
        "fee",
        "admissions.yaml",
        "the fee",
        "What the track costs, in which currency, and what that covers.",
        _admission("fee"),
    ),
    Fact(
        "locations",
        "admissions.yaml",
        "where the training takes place",
        "Each hospital or centre where the training takes place, with its city.",
        _admission("locations"),
    ),
    Fact(
        "certificate",
        "admissions.yaml",
        "the certificate awarded",
        "What the academy awards on completion, by name.",
        _admission("certificate"),
    ),
    Fact(
        "recognition",
        "admissions.yaml",
        "which body, if any, recognises or accredits the track",
        "Each university, board or society that recognises or accredits the track in writing.",
        _admission("recognition"),
    ),
    Fact(
        "selection",
        "admissions.yaml",
        "the selection steps",
        "How applicants are selected, step by step.",
        _admission("selection"),
    ),
    Fact(
        "documents",
        "admissions.yaml",
        "the documents to send",
        "What an applicant sends with the application.",
        _admission("documents"),
    ),
    Fact(
        "sessions",
        "workshops.yaml",
        "the dates, venues and places of its sessions",
        "Each session of a workshop track: its dates, topic, city, venue and number of places.",
        lambda curriculum, track, today: any(s.track == track.id for s in curriculum.upcoming_workshops(today)),
        applies=lambda track: track.is_workshop,
    ),
)


def not_published(curriculum: Curriculum, track: Track, today: datetime.date) -> list[Fact]:
    """The facts about a track that the data does not hold on `today`, in FACTS order."""
    return [fact for fact in FACTS if fact.applies(track) and not fact.held(curriculum, track, today)]


def is_draft(curriculum: Curriculum) -> bool:
    """The curriculum is a draft until every track has been reviewed: every page says so."""
    return any(track.last_reviewed is None for track in curriculum.tracks)


# -- what `check` and `check --publish` report -------------------------------------------------------


def unpublished_by_track(
    curriculum: Curriculum, today: datetime.date, data_dir: Path
) -> list[tuple[Track, list[Problem]]]:
    """Per track, each fact the academy has not published yet, at the line where it would be written."""
    folder = Path(data_dir)
    documents = {name: yamlfile.parse(folder / name) for name in {fact.file for fact in FACTS}}
    admissions = {admission.track: index for index, admission in enumerate(curriculum.admissions)}
    grouped = []
    for index, track in enumerate(curriculum.tracks):
        notices = []
        for fact in not_published(curriculum, track, today):
            document = documents[fact.file]
            if fact.file == "tracks.yaml":
                line, record, field = yamlfile.line_of(document, (index, "id")), track.id, fact.field
            elif fact.file == "admissions.yaml" and track.id in admissions:
                line = yamlfile.line_of(document, (admissions[track.id], fact.field))
                record, field = track.id, fact.field
            elif fact.file == "admissions.yaml":  # no record: the academy adds one at the end of the file
                line, record, field = _last_line(folder / fact.file), track.id, fact.field
            else:  # a session is a record of its own, added at the end of the file
                line, record, field = _last_line(folder / fact.file), "", ""
            notices.append(
                Problem(f"{folder.name}/{fact.file}", line, record, field, f"not published yet: {fact.what}")
            )
        if notices:
            grouped.append((track, notices))
    return grouped


def _last_line(path: Path) -> int:
    return max(1, len(path.read_bytes().splitlines())) if path.is_file() else 1


def summary_line(grouped: list[tuple[Track, list[Problem]]]) -> str:
    count = sum(len(notices) for _, notices in grouped)
    if not count:
        return "Every fact the site shows about the academy's tracks is published."
    tracks = len(grouped)
    return (
        f"{count} fact{'s' if count != 1 else ''} in {tracks} track{'s' if tracks != 1 else ''} not published yet: "
        'the site says "not published yet" for each (see "Before you publish" in the faculty pages).'
    )


def as_text(grouped: list[tuple[Track, list[Problem]]]) -> str:
    """The list for a terminal: each track, then a notice per fact."""
    lines = []
    for track, notices in grouped:
        lines.append(f"{track.id}, {track.title}:")
        lines += [f"  note: {notice}" for notice in notices]
    return "\n".join([*lines, summary_line(grouped)])


def as_markdown(grouped: list[tuple[Track, list[Problem]]], failure: str | None) -> str:
    """The same list for a pull request's run summary."""
    lines = ["## Before you publish", ""]
    if failure:
        lines += [f"**Not ready to publish:** {markdown_code(failure)}", ""]
    lines.append(markdown_text(summary_line(grouped)))
    for track, notices in grouped:
        lines += ["", f"### {markdown_code(track.id)}: {markdown_text(track.title)}", ""]
        for notice in notices:
            where = f"{notice.file}:{notice.line}" + (f" {notice.field}" if notice.field else "")
            lines.append(f"- {markdown_code(where)}: {markdown_text(notice.message)}")
    return "\n".join(lines) + "\n"
