"""The site as it ships, in Chromium on a phone: every page, the 404 page included, opens with the one short draft
banner, whose link leads to the About page's explanation; no page shows an e-mail address or a mailto: link, and
each place that would says the academy has not published a contact; the workshops page and its calendar file say
that no session is published. With the academy's facts and contact published: tests/browser/test_published.py."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import icalendar
import pytest

from macros.publish import NO_CONTACT
from tests.support.browsing import PHONE, new_visit, site_pages
from tests.support.gates import request_problems

MISSING = "no/such/page/"
ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


@pytest.fixture(scope="module")
def phone(browser, server):
    visit = new_visit(browser, server, viewport=PHONE)
    yield visit
    visit.page.context.close()


def test_every_page_is_marked_draft_and_shows_no_address(phone, built_site):
    pages = [*site_pages(built_site), MISSING]
    assert len(pages) > 20
    for path in pages:
        phone.forget()
        phone.open(path)
        page = phone.page
        banners = page.locator(".md-banner")
        assert banners.count() == 1, path
        banner = banners.first
        assert banner.is_visible(), path
        text = " ".join(banner.inner_text().split())
        assert "draft" in text.lower() and len(text) < 100, (path, text)
        assert banner.evaluate("e => e.getBoundingClientRect().height") < 45, f"{path}: one line on a phone"
        (link,) = banner.get_by_role("link").all()
        assert link.get_attribute("href").endswith("about/#a-draft-awaiting-review"), path
        assert page.locator("a[href^='mailto:']").count() == 0, path
        shown = page.locator("body").inner_text()
        assert not ADDRESS.search(shown), (path, ADDRESS.search(shown).group(0))
        assert NO_CONTACT in page.locator(".md-copyright").inner_text(), path
        assert not request_problems(phone, 404 if path == MISSING else 200), (path, request_problems(phone))


def test_the_banner_leads_to_the_about_page_s_explanation(phone):
    phone.open("workshops/")
    phone.page.locator(".md-banner").get_by_role(
        "link", name="Draft curriculum, awaiting the academy's first review"
    ).click()
    phone.page.wait_for_url(re.compile(r"/about/#a-draft-awaiting-review$"))
    heading = phone.page.locator("#a-draft-awaiting-review")
    heading.wait_for()
    assert heading.inner_text().startswith("A draft awaiting review")
    explanation = phone.page.locator("#a-draft-awaiting-review ~ p").first.inner_text()
    assert "draft" in explanation and "proposal" in explanation


def test_the_404_page_says_how_to_report_without_an_address(phone):
    phone.open(MISSING)
    content = " ".join(phone.page.locator(".md-content").inner_text().split())
    assert f"please report it as an issue in the curriculum's repository. {NO_CONTACT}" in content


def test_applying_says_the_academy_has_published_no_contact(phone, curriculum):
    phone.open("apply/")
    sections = phone.page.locator(".cm-admission")
    assert sections.count() == len(curriculum.tracks)
    for index in range(sections.count()):
        section = sections.nth(index)
        assert section.locator("a.md-button").count() == 0
        assert section.inner_text().strip().endswith(NO_CONTACT)
    step = phone.page.locator("article ol li", has_text="Ask the academy")
    after = step.locator("xpath=ancestor::ol[1]/following-sibling::p[1]").inner_text()
    assert after == NO_CONTACT, "where the page would give the address and the e-mail links"


def test_the_workshops_page_and_calendar_say_no_session_is_published(phone, curriculum):
    assert curriculum.workshops == (), "the shipped data publishes no workshop session"
    phone.open("workshops/")
    page = phone.page
    assert page.locator("table.cm-calendar").count() == 0
    empty = " ".join(page.locator(".cm-empty").inner_text().split())
    assert empty.startswith("No workshop session is published yet: the academy has not announced the dates")
    link = page.get_by_role("link", name="Download the workshop dates (.ics)")
    calendar = icalendar.Calendar.from_ical(page.request.get(urljoin(page.url, link.get_attribute("href"))).body())
    assert calendar.walk("VEVENT") == []
    assert str(calendar["x-wr-caldesc"]) == "No workshop session is published yet."
    applying = " ".join(page.locator(".cm-admission").inner_text().split())
    assert "Not published yet: how long the track lasts;" in applying
    assert "the dates, venues and places of its sessions" in applying and applying.endswith(NO_CONTACT)
