"""What the academy has still to publish, and what stops the site from being published (macros/publish.py):
a contact that can receive mail (a placeholder counts as none), `python -m macros check --publish` and its list by
track, the notices for intakes and sessions that have passed, the one "today" of every tool, the draft status,
and the faculty page that quotes the check. The pages themselves are checked in tests/browser/test_published.py."""

from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from macros.clock import build_date
from macros.load import load_curriculum
from macros.model import Admission, TrackKind
from macros.publish import FACTS, NO_CONTACT, contact_problem, is_draft, published_contact
from macros.render import Renderer
from tests.support.published import REAL_CONTACT, review_every_track, set_contact
from tests.support.sitebuild import MINI, PROJECT

CONTACT_LINE = next(
    number
    for number, line in enumerate((PROJECT / "mkdocs.yml").read_text(encoding="utf-8").splitlines(), 1)
    if line.strip().startswith("contact:")
)
FEBRUARY_2027 = str(int(datetime.datetime(2027, 2, 1, tzinfo=datetime.UTC).timestamp()))


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """`python -m macros …` as a faculty member runs it, from the project."""
    command = [sys.executable, "-m", "macros", *args]
    return subprocess.run(command, cwd=PROJECT, capture_output=True, text=True, env={**os.environ, **(env or {})})


# -- the contact ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "contact",
    [
        None,
        "",
        "   ",
        "fellowships@pain-academy.example",  # what the repository shipped before issue 17
        "someone@example.com",
        "someone@example.net",
        "someone@mail.example.org",
        "apply@academy.test",
        "apply@academy.invalid",
        "apply@localhost",
        "apply@dev.localhost",
        "apply@pain-academy.github.io",  # GitHub Pages, where the repository serves the site by default
        "not an address",
        "two@at@signs.org",
    ],
)
def test_an_empty_or_placeholder_contact_counts_as_none(contact):
    assert contact_problem(contact)
    assert published_contact(contact) is None
    assert "mailto:" not in Renderer(load_curriculum(MINI), build_date(), contact=contact).how_to_apply()


@pytest.mark.parametrize(
    "contact",
    [
        REAL_CONTACT,
        "Admissions.Office+apply@mail.some-hospital.co.in",
        "a@examples.com",
        "a@testing.org",
        "a@example.co",
    ],
)
def test_an_address_that_can_receive_mail_is_published(contact):
    """Only the reserved names count as placeholders, not names that merely look like them."""
    assert contact_problem(contact) is None
    assert published_contact(contact) == contact


# -- check --publish ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped():
    """`python -m macros check --publish` on the project as it ships."""
    return run("check", "--publish")


def test_check_publish_fails_with_one_line_naming_the_file_and_the_key(shipped):
    assert shipped.returncode == 1
    errors = [line for line in shipped.stderr.splitlines() if line.startswith("error:")]
    assert errors == [
        f"error: mkdocs.yml:{CONTACT_LINE}: extra.academy.contact: no contact is set. Set it to the academy's real "
        "e-mail address before the site is published"
    ]
    assert "Traceback" not in shipped.stderr


def expected_notices() -> dict[str, list[tuple[str, int, str]]]:
    """Per track, (file, line, field) of each fact the shipped data does not hold, worked out from the files as
    written: every admissions field left out, the duration where none is given, the sessions of a workshop track
    when data/workshops.yaml lists none."""
    data = PROJECT / "data"
    lines = {
        name: (data / name).read_text(encoding="utf-8").splitlines() for name in ("tracks.yaml", "admissions.yaml")
    }
    tracks = yaml.safe_load((data / "tracks.yaml").read_text(encoding="utf-8"))
    admissions = {a["track"]: a for a in yaml.safe_load((data / "admissions.yaml").read_text(encoding="utf-8"))}
    sessions = yaml.safe_load((data / "workshops.yaml").read_text(encoding="utf-8"))
    expected = {}
    for track in tracks:
        at = lines["tracks.yaml"].index(f"- id: {track['id']}") + 1
        notices = [] if "duration" in track else [("data/tracks.yaml", at, "duration")]
        record = lines["admissions.yaml"].index(f"- track: {track['id']}") + 1
        notices += [
            ("data/admissions.yaml", record, field)
            for field in Admission.model_fields
            if field != "track" and field not in admissions[track["id"]]
        ]
        if track["kind"] == TrackKind.workshop.value and not sessions:
            notices.append(("data/workshops.yaml", len((data / "workshops.yaml").read_bytes().splitlines()), ""))
        expected[track["id"]] = notices
    return expected


def listed(stdout: str, with_words: bool = False) -> dict[str, list[tuple]]:
    """The check's list, read back: per track heading, (file, line, field) of each notice, and with_words the
    fact in words."""
    found: dict[str, list] = {}
    current = None
    for line in stdout.splitlines():
        if heading := re.fullmatch(r"([A-Z][A-Z0-9-]+), .*:", line):
            current = found.setdefault(heading.group(1), [])
        elif notice := re.fullmatch(
            r"  note: (data/\w+\.yaml):(\d+): (?:record [\w-]+, )?(?:field (\w+): )?(.*)", line
        ):
            assert notice.group(4).startswith("not published yet: "), line
            where = (notice.group(1), int(notice.group(2)), notice.group(3) or "")
            current.append((*where, notice.group(4).removeprefix("not published yet: ")) if with_words else where)
    return found


def test_check_publish_lists_every_unpublished_fact_by_track(shipped, curriculum):
    expected = expected_notices()
    assert listed(shipped.stdout) == expected
    assert list(listed(shipped.stdout)) == [track.id for track in curriculum.tracks], "grouped in track order"
    count = sum(len(notices) for notices in expected.values())
    assert count > 40
    assert shipped.stdout.splitlines()[-1].startswith(f"{count} facts in {len(expected)} tracks not published yet")


def test_the_pages_say_not_published_for_what_the_check_lists(shipped, built_site, curriculum):
    """How to apply lists, for each track, the same facts as the check: one list in macros/publish.py."""
    apply = BeautifulSoup((built_site / "apply" / "index.html").read_text(encoding="utf-8"), "html.parser")
    by_track = listed(shipped.stdout, with_words=True)
    for track in curriculum.tracks:
        section = apply.find(id=track.id).find_next_sibling("div", class_="cm-admission")
        said = " ".join(section.select_one(".cm-unpublished").get_text().split())
        words = [what for *_, what in by_track[track.id]]
        assert (
            said == f"Not published yet: {'; '.join(words)}. Do not plan around them until the academy publishes them."
        )


@pytest.mark.parametrize(("contact", "passes"), [(REAL_CONTACT, True), ("fellowships@pain-academy.example", False)])
def test_a_real_contact_lets_the_site_be_published(tmp_path, contact, passes):
    shutil.copy(PROJECT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    set_contact(tmp_path, contact)
    done = run("check", "--publish", "--config", str(tmp_path / "mkdocs.yml"))
    assert done.returncode == (0 if passes else 1), done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    if passes:
        assert errors == []
    else:
        assert errors == [
            f"error: mkdocs.yml:{CONTACT_LINE}: extra.academy.contact: {contact} is a placeholder: example is reserved "
            "for examples and receives no mail. Set it to the academy's real e-mail address before the site is published"
        ]
    assert "not published yet" in done.stdout, "the list is shown either way"


def test_the_run_summary_holds_the_same_list(shipped, tmp_path):
    summary = tmp_path / "summary.md"
    summary.write_text("## Curriculum changes\n\nNo record was added.\n", encoding="utf-8")  # an earlier step's
    done = run("check", "--publish", "--summary", str(summary))
    assert done.returncode == 1
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## Curriculum changes\n"), "appended to the run's summary, not written over it"
    assert text.count("## Before you publish") == 1
    assert f"**Not ready to publish:** `mkdocs.yml:{CONTACT_LINE}: extra.academy.contact: no contact is set." in text
    for track, notices in listed(shipped.stdout).items():
        section = text.split(f"### `{track}`: ", 1)[1].split("\n### ", 1)[0]
        for file, line, field in notices:
            assert f"`{file}:{line}{' ' + field if field else ''}`: not published yet: " in section, (track, field)


def test_the_faculty_page_quotes_the_check_as_it_prints(shipped, tmp_path):
    page = (PROJECT / "docs" / "contributing" / "publish.md").read_text(encoding="utf-8")
    quoted = dict(re.findall(r"<!-- message: ([\w-]+) -->\n```text\n(.*?)\n```", page, re.DOTALL))
    assert set(quoted) == {"publish-notice", "publish-contact", "intake-started"}
    assert all(line in shipped.stdout.splitlines() for line in quoted["publish-notice"].splitlines())
    assert quoted["publish-contact"] in shipped.stderr.splitlines()
    data = started_intake_data(tmp_path)
    done = run("check", "--data", str(data), env={"SOURCE_DATE_EPOCH": FEBRUARY_2027})
    assert quoted["intake-started"] in done.stderr.splitlines()


def test_the_faculty_page_explains_each_fact(built_site):
    page = BeautifulSoup(
        (built_site / "contributing" / "publish" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    rows = page.select("table.cm-publishing tbody tr")
    assert [" ".join(tr.th.get_text().split()).lower() for tr in rows] == [fact.what.lower() for fact in FACTS]
    for row, fact in zip(rows, FACTS, strict=True):
        assert f"data/{fact.file}" in row.get_text()
    assert NO_CONTACT in page.get_text()


# -- dates: intakes and sessions that have passed --------------------------------------------------


def started_intake_data(tmp_path: Path) -> Path:
    """The shipped data with two intakes of FEL-US-6M: January 2027 (a month) and 5 July 2027 (a day)."""
    data = tmp_path / "data"
    shutil.copytree(PROJECT / "data", data)
    admissions = data / "admissions.yaml"
    text = admissions.read_text(encoding="utf-8")
    intakes = "- track: FEL-US-6M\n  intakes:\n    - starts: 2027-01\n    - starts: 2027-07-05\n"
    admissions.write_text(text.replace("- track: FEL-US-6M\n", intakes, 1), encoding="utf-8")
    return data


@pytest.mark.parametrize(
    ("today", "started"),
    [
        (datetime.date(2027, 1, 31), []),
        (datetime.date(2027, 2, 1), ["intakes[0].starts: started in January 2027"]),
        (
            datetime.date(2027, 7, 6),
            ["intakes[0].starts: started in January 2027", "intakes[1].starts: started on 2027-07-05"],
        ),
    ],
)
def test_an_intake_that_has_begun_gets_a_notice(tmp_path, today, started):
    data = started_intake_data(tmp_path)
    epoch = str(int(datetime.datetime.combine(today, datetime.time(), datetime.UTC).timestamp()))
    done = run("check", "--data", str(data), env={"SOURCE_DATE_EPOCH": epoch})
    assert done.returncode == 0, done.stderr
    notes = [line for line in done.stderr.splitlines() if "no longer shown on the site" in line]
    assert notes == [
        f"note: data/admissions.yaml:{8 + i}: record FEL-US-6M, field {what}; no longer shown on the site"
        for i, what in enumerate(started)
    ]
    published = run("check", "--publish", "--data", str(data), env={"SOURCE_DATE_EPOCH": epoch})
    intakes = [n for n in listed(published.stdout)["FEL-US-6M"] if n[2] == "intakes"]
    assert bool(intakes) == (len(started) == 2), "with every intake begun, the next one is unpublished again"


# -- one "today" ------------------------------------------------------------------------------------


def test_without_source_date_epoch_today_is_the_day_it_runs(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert build_date() == datetime.date.today()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FEBRUARY_2027)
    assert build_date() == datetime.date(2027, 2, 1)


def test_make_passes_no_date_of_its_own(tmp_path):
    """`make check` runs the check in the environment `python -m macros check` has: the Makefile sets no
    SOURCE_DATE_EPOCH, so the two measure against the same today. The git history make would read is an old one,
    so a Makefile that took the last commit's date would show it here."""
    old = tmp_path / "old"
    old.mkdir()
    dated = {"GIT_AUTHOR_DATE": "2001-01-01T00:00:00Z", "GIT_COMMITTER_DATE": "2001-01-01T00:00:00Z"}
    git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false"]
    subprocess.run([*git, "init", "--quiet"], cwd=old, check=True)
    subprocess.run(
        [*git, "commit", "--quiet", "--allow-empty", "-m", "old"], cwd=old, check=True, env={**os.environ, **dated}
    )
    env = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "MAKEFLAGS", "MFLAGS")}
    env["GIT_DIR"] = str(old / ".git")
    printing = tmp_path / "print.mk"
    printing.write_text('print-epoch:\n\t@echo "[$$SOURCE_DATE_EPOCH]"\n', encoding="utf-8")
    make = ["make", "--no-print-directory", "-s", "-f", "Makefile", "-f", str(printing), "print-epoch"]
    done = subprocess.run(make, cwd=PROJECT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
    by_make = subprocess.run(
        ["make", "--no-print-directory", "-s", "check"], cwd=PROJECT, env=env, capture_output=True, text=True
    )
    by_hand = subprocess.run(
        [str(PROJECT / ".venv" / "bin" / "python"), "-m", "macros", "check", "--compare"],  # what make check runs
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert (by_make.returncode, by_make.stdout, by_make.stderr) == (by_hand.returncode, by_hand.stdout, by_hand.stderr)


# -- the draft ------------------------------------------------------------------------------------


def test_the_curriculum_is_a_draft_until_every_track_is_reviewed(tmp_path, curriculum):
    assert is_draft(curriculum)
    data = tmp_path / "data"
    shutil.copytree(PROJECT / "data", data)
    review_every_track(data)
    reviewed = load_curriculum(data)
    assert not is_draft(reviewed)
    skill = next(s for s in reviewed.skills if s.last_reviewed is None)
    page = BeautifulSoup(str(Renderer(reviewed, build_date()).skill_catalogue()), "html.parser")
    status = page.find(id=skill.id).find_parent("article").select_one(".cm-reviewed")
    assert status.get_text() == "Awaiting faculty review.", "without the banner, an unreviewed record says so"
    draft = BeautifulSoup(str(Renderer(curriculum, build_date()).skill_catalogue()), "html.parser")
    assert draft.select(".cm-reviewed") == [], "while the banner stands, no record carries a notice of its own"


def test_no_file_of_the_site_gives_an_address_or_a_mailto_link(built_site):
    """Pages, the search index and the downloads: no e-mail address while the academy has published none (the
    vendored scripts' own licences and source maps aside)."""
    address = re.compile(r"mailto:|[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE)
    found = [
        path.relative_to(built_site).as_posix()
        for path in sorted(built_site.rglob("*"))
        if path.suffix in {".html", ".json", ".ics", ".csv", ".xml", ".txt"} and address.search(path.read_text("utf-8"))
    ]
    assert found == []
    assert len(list(built_site.rglob("*.html"))) > 20


def test_a_session_added_below_the_empty_list_is_refused_with_what_to_do(tmp_path):
    """data/workshops.yaml ships as `[]` (no session yet); a session written below it, not in its place, is told
    to delete the line."""
    data = tmp_path / "data"
    shutil.copytree(PROJECT / "data", data)
    workshops = data / "workshops.yaml"
    lines = workshops.read_text(encoding="utf-8").splitlines()
    session = "- id: WS-2099-01-SAMPLE\n  track: WS-HANDS-ON\n  topic: Sample\n  start: 2099-01-10\n"
    workshops.write_text("\n".join(lines) + "\n" + session + "  city: Sample City\n  venue: Sample\n  places: 8\n")
    done = run("check", "--data", str(data))
    assert done.returncode == 1
    assert done.stderr.splitlines()[1:] == [
        f"  data/workshops.yaml:{lines.index('[]') + 1}: '[]' means the file holds no records: delete this line now "
        "that records follow it"
    ]
