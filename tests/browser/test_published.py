"""The site once the academy has published (tests/published.py: a real contact in mkdocs.yml, sample workshop
sessions, one filled admissions record, every track reviewed), in Chromium: the e-mail links are back wherever
the shipped site says no contact is published (footer, 404, How to apply, track pages, About, the faculty page,
the workshops page), the draft banner is gone, reviewed records say so, and the workshops page and its calendar
show the upcoming sessions only."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urljoin, urlsplit

import icalendar
import pytest
import yaml
from bs4 import BeautifulSoup

from macros.publish import NO_CONTACT
from tests.support.browsing import PHONE, new_visit
from tests.support.gates import request_problems
from tests.support.pages_server import PagesServer
from tests.support.published import REAL_CONTACT, SESSIONS
from tests.support.sitebuild import site_prefix

MISSING = "no/such/page/"


@pytest.fixture(scope="module")
def published_server(published_build):
    running = PagesServer(published_build.dir, site_prefix()).start()
    yield running
    running.stop()


@pytest.fixture(scope="module")
def reader(browser, published_server):
    visit = new_visit(browser, published_server, viewport=PHONE)
    yield visit
    visit.page.context.close()


def mailto(href: str) -> tuple[str, str | None]:
    parts = urlsplit(href)
    assert parts.scheme == "mailto", href
    return unquote(parts.path), parse_qs(parts.query).get("subject", [None])[0]


def test_every_page_gives_the_academy_s_address_and_no_draft_banner(published_build):
    """Read from every built page (the footer and the banner are the same template on each)."""
    pages = sorted(published_build.dir.rglob("*.html"))
    assert len(pages) > 20
    for html in pages:
        path = html.relative_to(published_build.dir).as_posix()
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        assert not soup.select(".md-banner"), f"{path}: every track is reviewed, so no draft banner"
        footer = soup.select(".md-copyright a[href^='mailto:']")
        assert [mailto(a["href"]) for a in footer] == [(REAL_CONTACT, None)], path
        if not path.startswith("contributing/"):  # the faculty pages quote the sentence, to explain it
            assert NO_CONTACT not in soup.get_text(), path


@pytest.mark.parametrize("path", ["", "tracks/fel-pm-1y/", "contributing/publish/", MISSING])
def test_in_chromium_the_footer_and_the_404_page_write_to_the_academy(reader, path):
    reader.forget()
    reader.open(path)
    page = reader.page
    assert page.locator(".md-banner").count() == 0
    footer = page.locator(".md-copyright").get_by_role("link", name=REAL_CONTACT)
    assert mailto(footer.get_attribute("href")) == (REAL_CONTACT, None)
    if path == MISSING:
        report = page.locator(".md-content a[href^='mailto:']")
        assert mailto(report.get_attribute("href")) == (REAL_CONTACT, None)
    assert not request_problems(reader, 404 if path == MISSING else 200), request_problems(reader)


def test_each_track_can_be_asked_about_by_e_mail(reader, curriculum):
    reader.open("apply/")
    buttons = reader.page.locator(".cm-admission a.md-button")
    assert [mailto(buttons.nth(i).get_attribute("href")) for i in range(buttons.count())] == [
        (REAL_CONTACT, f"Enquiry: {track.title}") for track in curriculum.tracks
    ]
    assert reader.page.locator("article p a[href^='mailto:']").count() >= 1, "and the address itself, in the prose"
    for track in curriculum.tracks:
        reader.open(f"tracks/{track.id.lower()}/")
        ask = reader.page.get_by_role("link", name="Ask the academy about this track")
        assert mailto(ask.get_attribute("href")) == (REAL_CONTACT, f"Enquiry: {track.title}")
        status = reader.page.locator("article .cm-reviewed").inner_text()
        assert status == "Reviewed by Curriculum committee on 20 November 2026.", track.id
    for path in ("about/", "contributing/", "workshops/"):
        reader.open(path)
        links = reader.page.locator("article a[href^='mailto:']")
        assert links.count() >= 1 and mailto(links.first.get_attribute("href"))[0] == REAL_CONTACT, path


def test_a_published_fee_and_intake_show_on_how_to_apply(reader):
    reader.open("apply/")
    section = reader.page.locator(".cm-admission").first
    text = " ".join(section.inner_text().split())
    assert "₹2,50,000" in text and "Starts in January 2027; applications from 1 September 2026" in text
    assert "Not published yet" not in text, "the example record fills in every fact"


def test_an_unreviewed_skill_says_so_once_the_banner_is_gone(reader, curriculum):
    skill = next(s for s in curriculum.skills if s.last_reviewed is None)
    reader.open(f"skills/#{skill.id}")
    status = reader.page.locator(f"article.cm-skill:has(h3#{skill.id}) .cm-reviewed")
    status.wait_for()
    assert status.inner_text() == "Awaiting faculty review."


def test_the_workshops_page_and_calendar_show_the_upcoming_sessions(reader):
    sessions = yaml.safe_load(SESSIONS.read_text(encoding="utf-8"))
    upcoming = [s for s in sessions if s["start"].year > 2050]
    assert upcoming and len(upcoming) < len(sessions), "the sample keeps a session that has ended"
    reader.open("workshops/")
    page = reader.page
    rows = page.locator("table.cm-calendar tbody tr")
    assert [rows.nth(i).get_attribute("id") for i in range(rows.count())] == [s["id"] for s in upcoming]
    for index, session in enumerate(upcoming):
        cells = " ".join(rows.nth(index).inner_text().split())
        assert session["topic"] in cells and f"{session['venue']}, {session['city']}" in cells
    assert page.locator(".cm-empty").count() == 0
    link = page.get_by_role("link", name="Download the workshop dates (.ics)")
    calendar = icalendar.Calendar.from_ical(page.request.get(urljoin(page.url, link.get_attribute("href"))).body())
    events = calendar.walk("VEVENT")
    assert [re.sub(r"@.*", "", str(e["uid"])) for e in events] == [s["id"] for s in upcoming]
    assert "x-wr-caldesc" not in calendar
    ask = page.get_by_role("link", name="Ask the academy about this track")
    assert mailto(ask.get_attribute("href")) == (REAL_CONTACT, "Enquiry: Hands-on small-group workshops")
