"""Downloads made at build time (macros/export.py): the curriculum as JSON with its JSON Schema, each
track's checklist as CSV, the workshop dates as .ics. Each is checked against the YAML as written, read
here independently of the loader, and each is linked from the pages that offer it."""

from __future__ import annotations

import csv
import dataclasses
import datetime
import io
import json
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import icalendar
import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup

from macros.clock import build_date
from macros.export import CHECKLIST_COLUMNS, FileNames, catalogue, checklist_csv, downloads, workshops_ics
from macros.load import load_curriculum
from macros.model import DATA_FILES
from macros.schema import curriculum_schema
from tests.support.sitebuild import MINI, PROJECT, site_url

SITE_URL = site_url()


def raw(kind: str, data: Path = PROJECT / "data"):
    """A data file as plain YAML: what faculty wrote, without the loader's help."""
    return yaml.safe_load((data / f"{kind}.yaml").read_text(encoding="utf-8"))


def as_json(value):
    """YAML values as JSON writes them: dates become YYYY-MM-DD, text loses the spaces and line ends
    around it (as the models strip them, e.g. after a folded `>` block)."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    return value


def assert_written_as_in_yaml(exported, written, where: str):
    """Every field faculty wrote has the same value in the export (which may add defaults)."""
    if isinstance(written, dict):
        for key, value in written.items():
            assert key in exported, f"{where}.{key} is missing"
            assert_written_as_in_yaml(exported[key], value, f"{where}.{key}")
    elif isinstance(written, list):
        assert len(exported) == len(written), where
        for index, (a, b) in enumerate(zip(exported, written, strict=True)):
            assert_written_as_in_yaml(a, b, f"{where}[{index}]")
    else:
        assert exported == as_json(written), where


@pytest.fixture(scope="module")
def downloaded(built_site) -> Path:
    return built_site / "downloads"


# -- the whole curriculum ------------------------------------------------------------------------


def test_curriculum_json_holds_every_record_as_written(downloaded):
    document = json.loads((downloaded / FileNames.curriculum_json).read_text(encoding="utf-8"))
    assert list(document) == [kind.name for kind in DATA_FILES]
    for kind in DATA_FILES:
        assert_written_as_in_yaml(document[kind.name], raw(kind.name), kind.name)


def test_curriculum_json_validates_against_its_published_schema(downloaded):
    schema = json.loads((downloaded / FileNames.curriculum_schema).read_text(encoding="utf-8"))
    assert schema == curriculum_schema()
    document = json.loads((downloaded / FileNames.curriculum_json).read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema).check_schema(schema)
    jsonschema.validate(document, schema)


@pytest.mark.parametrize(
    "break_it",
    [
        lambda d: d["skills"][0].pop("title"),
        lambda d: d["tracks"][0]["skills"][0].update(level="four"),
        lambda d: d.pop("workshops"),
    ],
    ids=["missing field", "wrong type", "missing file"],
)
def test_the_schema_refuses_a_broken_curriculum(downloaded, break_it):
    schema = json.loads((downloaded / FileNames.curriculum_schema).read_text(encoding="utf-8"))
    document = json.loads((downloaded / FileNames.curriculum_json).read_text(encoding="utf-8"))
    break_it(document)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema)


# -- checklists as spreadsheets ------------------------------------------------------------------


def read_csv(content: bytes) -> list[dict]:
    assert content.startswith(b"\xef\xbb\xbf"), "UTF-8 byte-order mark, so spreadsheets read the text right"
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def test_each_track_has_a_checklist_csv_with_one_row_per_skill(downloaded):
    skills = {s["id"]: s for s in raw("skills")}
    domains = {d["id"]: d["title"] for d in raw("domains")}
    tracks = raw("tracks")
    assert sorted(p.name for p in downloaded.glob("checklist-*.csv")) == sorted(
        f"checklist-{t['id'].lower()}.csv" for t in tracks
    )
    for track in tracks:
        content = (downloaded / f"checklist-{track['id'].lower()}.csv").read_bytes()
        rows = read_csv(content)
        assert list(rows[0]) == list(CHECKLIST_COLUMNS)
        assert sorted(row["Skill ID"] for row in rows) == sorted(e["skill"] for e in track["skills"])
        for entry in track["skills"]:
            (row,) = [row for row in rows if row["Skill ID"] == entry["skill"]]
            skill = skills[entry["skill"]]
            assert row["Track"] == track["id"]
            assert row["Skill"] == skill["title"]
            assert row["Domain"] == domains[skill["domain"]]
            assert row["Target level"] == str(entry["level"])
            assert row["Minimum supervised"] == str(entry.get("min_supervised") or "")
            assert row["Catalogue link"] == f"{SITE_URL}skills/#{skill['id']}"
            assert row["Number performed"] == row["Date signed off"] == row["Supervisor"] == row["Level reached"] == ""
        domain_order = [d["id"] for d in raw("domains")]
        in_order = [domain_order.index(skills[row["Skill ID"]]["domain"]) for row in rows]
        assert in_order == sorted(in_order), "grouped by domain, as on the printed checklist"


def test_csv_cells_never_start_a_formula(curriculum):
    track = curriculum.tracks[0]
    skill = curriculum.skill(track.skills[0].skill)
    tampered = skill.model_copy(update={"title": '=HYPERLINK("https://example.org","x")'})
    c = dataclasses.replace(curriculum, skills=tuple(tampered if s.id == skill.id else s for s in curriculum.skills))
    (row,) = [r for r in read_csv(checklist_csv(c, track, SITE_URL)) if r["Skill ID"] == skill.id]
    assert row["Skill"] == "'" + tampered.title


# -- workshop dates as a calendar ----------------------------------------------------------------


def events(content: bytes) -> dict:
    calendar = icalendar.Calendar.from_ical(content)
    return {str(event["uid"]): event for event in calendar.walk("VEVENT")}


def expected_sessions(data: Path, today: datetime.date) -> list[dict]:
    return [s for s in raw("workshops", data) if (s.get("end") or s["start"]) >= today]


def assert_calendar_matches(content: bytes, data: Path, today: datetime.date):
    found = events(content)
    host = urlsplit(SITE_URL).hostname
    wanted = expected_sessions(data, today)
    assert sorted(found) == sorted(f"{s['id']}@{host}" for s in wanted)
    for session in wanted:
        event = found[f"{session['id']}@{host}"]
        assert event.decoded("dtstart") == session["start"]
        assert event.decoded("dtend") == (session.get("end") or session["start"]) + datetime.timedelta(days=1)
        assert session["topic"] in str(event["summary"])
        assert str(event["location"]) == f"{session['venue']}, {session['city']}"
        assert str(event["url"]) == f"{SITE_URL}workshops/#{session['id']}"


def test_calendar_holds_the_sessions_the_workshops_page_shows(downloaded, built_site):
    content = (downloaded / FileNames.workshops_ics).read_bytes()
    assert_calendar_matches(content, PROJECT / "data", build_date())
    page = BeautifulSoup((built_site / "workshops" / "index.html").read_text(encoding="utf-8"), "html.parser")
    listed = sorted(tr["id"] for tr in page.select("table.cm-calendar tbody tr"))
    assert listed == sorted(s["id"] for s in expected_sessions(PROJECT / "data", build_date()))


def test_calendar_leaves_out_sessions_that_have_ended():
    mini = load_curriculum(MINI)
    today = datetime.date(2026, 11, 24)
    ended = [s for s in raw("workshops", MINI) if (s.get("end") or s["start"]) < today]
    assert ended, "the fixture keeps a session in the past"
    content = workshops_ics(mini, today, SITE_URL)
    assert_calendar_matches(content, MINI, today)
    assert not any(s["id"] in uid for s in ended for uid in events(content))


def test_calendar_is_stamped_with_the_build_date_not_the_clock():
    mini = load_curriculum(MINI)
    today = datetime.date(2031, 2, 3)
    content = workshops_ics(mini, today, SITE_URL)
    assert content == workshops_ics(mini, today, SITE_URL)
    for event in events(content).values():
        assert event.decoded("dtstamp") == datetime.datetime(2031, 2, 3, tzinfo=datetime.UTC)


def test_downloads_are_the_same_for_the_same_data_and_date(curriculum):
    today = build_date()
    assert downloads(curriculum, today, SITE_URL) == downloads(curriculum, today, SITE_URL)


# -- links to the downloads ----------------------------------------------------------------------


def page_links(site: Path, path: str) -> list[str]:
    html = BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")
    base = urljoin(SITE_URL, path)
    return [urljoin(base, a["href"]) for a in html.select("article a[href]")]


def test_each_track_page_links_to_its_downloads(built_site, curriculum):
    for track in curriculum.tracks:
        links = page_links(built_site, f"tracks/{track.id.lower()}/")
        for name in (FileNames.checklist_csv(track.id), FileNames.curriculum_json, FileNames.curriculum_schema):
            assert f"{SITE_URL}downloads/{name}" in links, f"tracks/{track.id.lower()}/ should link to {name}"


def test_workshops_page_links_to_the_calendar(built_site):
    assert f"{SITE_URL}downloads/{FileNames.workshops_ics}" in page_links(built_site, "workshops/")


def test_every_link_to_a_download_finds_its_file(built_site):
    checked = 0
    for html in built_site.rglob("index.html"):
        relative = html.parent.relative_to(built_site).as_posix()
        path = "" if relative == "." else relative + "/"
        for link in page_links(built_site, path):
            if link.startswith(f"{SITE_URL}downloads/") and link.split("#")[0] != f"{SITE_URL}downloads/":
                assert (built_site / link.removeprefix(SITE_URL)).is_file(), f"{path}: {link}"
                checked += 1
    assert checked, "no page links to a download"


# -- the Downloads page --------------------------------------------------------------------------


def test_the_downloads_page_lists_exactly_the_files_the_build_wrote(built_site, curriculum):
    """Every file in the built site's downloads/ folder, and nothing else, is listed, with what it holds;
    the page itself lives at the folder's address (downloads/index.html)."""
    written = sorted(p.name for p in (built_site / "downloads").iterdir() if p.name != "index.html")
    html = BeautifulSoup((built_site / "downloads" / "index.html").read_text(encoding="utf-8"), "html.parser")
    listed = html.select("article .cm-downloads li")
    base = urljoin(SITE_URL, "downloads/")
    names = [urljoin(base, li.a["href"]).removeprefix(f"{SITE_URL}downloads/") for li in listed]
    assert sorted(names) == written
    assert len(names) == len(set(names))
    for li, download in zip(listed, catalogue(curriculum), strict=True):
        assert li.code.get_text() == download.name
        assert " ".join(download.holds.split()) in " ".join(li.get_text().split())
    headings = [h.get_text(strip=True) for h in html.select("article h2")]
    assert headings == ["Calendars", "Spreadsheets", "Data"]
    for heading in html.select("article h2"):  # each kind of file says how to open it
        assert len(heading.find_next_sibling("p").get_text(strip=True)) > 80


def test_the_downloads_page_is_in_the_navigation(built_site):
    home = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = {a.get_text(strip=True): a["href"] for a in home.select("nav.md-nav--primary a.md-nav__link[href]")}
    assert links["Downloads"] == "downloads/"


def test_a_checklist_csv_says_each_other_target_in_words(downloaded):
    rows = read_csv((downloaded / "checklist-fel-us-6m.csv").read_bytes())
    (sedation,) = [row for row in rows if row["Skill ID"] == "SAFETY-SEDATION"]
    assert sedation["Rated on"] == "entrustment-supervision scale"
    assert sedation["Target level"] == "4" and sedation["Sign-off also needs"] == "Simulation"
    assert sedation["Other targets by specialty"].startswith(
        "For fellows who are not anaesthesiologists: level 3 (Indirect supervision), at least 20 supervised, "
        "sign-off needs a pass in Simulation, DOPS."
    )
    assert "following Statement on granting privileges" in sedation["Other targets by specialty"]
    (crisis,) = [row for row in rows if row["Skill ID"] == "SAFETY-CRISIS"]
    assert crisis["Minimum observed drills"] == "1"
    (wellbeing,) = [row for row in rows if row["Skill ID"] == "PROF-WELLBEING"]
    assert (wellbeing["Rated on"], wellbeing["Target level means"]) == (
        "milestone scale",
        "Ready for independent practice",
    )


def test_each_fellowship_has_an_epa_csv_with_one_row_per_epa(downloaded, curriculum):
    assert sorted(p.name for p in downloaded.glob("epas-*.csv")) == sorted(
        f"epas-{t.id.lower()}.csv" for t in curriculum.tracks if curriculum.epas_in(t.id)
    )
    for track in curriculum.tracks:
        epas = curriculum.epas_in(track.id)
        if not epas:
            continue
        rows = read_csv((downloaded / f"epas-{track.id.lower()}.csv").read_bytes())
        assert [row["EPA ID"] for row in rows] == [epa.id for epa, _ in epas]
        for row, (epa, target) in zip(rows, epas, strict=True):
            assert row["Activity"] == epa.title and row["Level expected by the end"] == str(target.level)
            assert row["Draws on (skill IDs)"] == ", ".join(epa.skills)
            assert row["Evidence for the decision"] == ", ".join(
                f"{item.minimum} {curriculum.get('assessments', item.assessment).short_title}"
                for item in target.evidence
            )
            assert row["Date entrusted"] == row["Level entrusted"] == row["Decided by"] == ""
