"""The applicant's journey in Chromium, on a 390 x 844 phone and a 1280 x 800 laptop: choose a track from
the home page, compare the tracks, find the downloads, and ask how to apply; applicant pages stay free of
faculty controls, also after Material's instant navigation. Located by roles and visible text, as a
person finds things, not by CSS classes."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from macros.export import catalogue
from macros.publish import NO_CONTACT
from tests.support.browsing import PHONE
from tests.support.gates import horizontal_overflow, request_problems, site_url_of
from tests.support.sitebuild import PROJECT

LAPTOP = {"width": 1280, "height": 800}
SIZES = {"phone": PHONE, "laptop": LAPTOP}


@pytest.fixture(params=list(SIZES))
def device(request, visits, server):
    with visits(server, viewport=SIZES[request.param]) as visit:
        yield visit


@pytest.fixture
def laptop(visits, server):
    with visits(server, viewport=LAPTOP) as visit:
        yield visit


def squeezed(text: str) -> str:
    return " ".join(text.split())


def card_of(scope, track):
    """The list item, within `scope`, that holds the card headed by the track's name."""
    heading = scope.page.get_by_role("heading", name=track.title, exact=True)  # looked for inside each item
    return scope.get_by_role("listitem").filter(has=heading)


def facts_of(card) -> dict[str, str]:
    terms = [squeezed(t) for t in card.get_by_role("term").all_inner_texts()]
    definitions = [squeezed(d) for d in card.get_by_role("definition").all_inner_texts()]
    return dict(zip(terms, definitions, strict=True))


def imaging(track) -> str:
    return ", ".join(m.value for m in track.modalities)


def bottom(locator) -> float:
    """How far down the page the element ends, in CSS pixels from the top of the page."""
    return locator.evaluate("e => e.getBoundingClientRect().bottom + window.scrollY")


def test_the_first_two_screens_show_every_track_and_the_next_steps(device, curriculum):
    device.open("")
    page = device.page
    screens = 2 * page.viewport_size["height"]
    for track in curriculum.tracks:
        card = card_of(page.locator("article"), track)
        expect(card).to_be_visible()
        assert bottom(card) <= screens, f"{track.id} ends below the second screen"
        duration = {"Duration": str(track.duration)} if track.duration else {}  # shown once the academy publishes it
        assert facts_of(card) == {"Kind": track.kind.label, **duration, "Imaging": imaging(track)}
        text = squeezed(card.inner_text())
        assert track.tagline in text and f"Who it is for: {track.audience}" in text
        link = card.get_by_role("link", name=track.title, exact=True)
        assert link.get_attribute("href").endswith(f"tracks/{track.id.lower()}/")
    for step in ("Find my gap", "How to apply"):  # the first such link on the page, the next step after the cards
        link = page.locator("article").get_by_role("link", name=step, exact=True).first
        expect(link).to_be_visible()
        assert bottom(link) <= screens, f"{step} is below the second screen"
    assert not horizontal_overflow(page), horizontal_overflow(page)
    page.locator("article").get_by_role("link", name="How to apply", exact=True).first.click()
    expect(page.get_by_role("heading", name="How to apply", level=1)).to_be_visible()
    # No contact is published yet: each track says so where its e-mail link would be (tests/browser/test_published.py
    # follows the links once an address is set).
    expect(page.get_by_role("link", name="Ask the academy about this track")).to_have_count(0)
    expect(page.locator(".cm-admission .cm-no-contact", has_text=NO_CONTACT)).to_have_count(len(curriculum.tracks))
    assert not request_problems(device), request_problems(device)


def test_on_a_phone_each_track_is_a_card_with_its_key_facts(phone_visit, curriculum):
    visit = phone_visit
    visit.open("tracks/")
    page = visit.page
    expect(page.get_by_role("table", name="All tracks side by side")).to_be_hidden()
    cards = page.get_by_role("list", name="All tracks side by side")
    expect(cards.get_by_role("listitem")).to_have_count(len(curriculum.tracks))
    for track in curriculum.tracks:
        card = card_of(cards, track)
        expect(card).to_be_visible()
        supervised = f"at least {track.min_supervised_total}" if track.min_supervised_total else "no minimum"
        exams = ", ".join(curriculum.get("exams", e).title for e in track.exams) or "no exam"
        assert facts_of(card) == {
            "Kind": track.kind.label,
            "Duration": str(track.duration) if track.duration else "not published yet",
            "Imaging": imaging(track),
            "Prepares for": exams,
            "Skills": str(len(track.skills)),
            "Supervised cases": supervised,
        }
        assert f"Who it is for: {track.audience}" in squeezed(card.inner_text())
        box = card.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], f"{track.id} is wider than the phone"
    first, last = cards.get_by_role("listitem").first, cards.get_by_role("listitem").last
    height = bottom(last) - first.evaluate("e => e.getBoundingClientRect().top + window.scrollY")
    assert height <= 3 * PHONE["height"], f"the tracks' key facts take {height:.0f} px, more than three screens"
    assert not horizontal_overflow(page), horizontal_overflow(page)
    page.get_by_role("link", name="How to apply").last.click()
    expect(page.get_by_role("heading", name="How to apply", level=1)).to_be_visible()
    assert not request_problems(visit), request_problems(visit)


def test_on_a_laptop_the_comparison_fits_without_scrolling_sideways(laptop, curriculum):
    visit = laptop
    visit.open("tracks/")
    page = visit.page
    table = page.get_by_role("table", name="All tracks side by side")
    expect(table).to_be_visible()
    expect(page.get_by_role("list", name="All tracks side by side")).to_be_hidden()
    box = page.get_by_role("region", name="All tracks side by side")
    assert box.evaluate("b => b.scrollWidth <= b.clientWidth"), "the comparison scrolls sideways"
    headers = [squeezed(h) for h in table.get_by_role("columnheader").all_inner_texts()]
    assert headers[:4] == ["Track", "Kind", "Duration", "Imaging"] and "Who it is for" in headers
    rows = table.locator("tbody").get_by_role("row")
    expect(rows).to_have_count(len(curriculum.tracks))
    for row in rows.all():
        right = row.evaluate("r => Math.max(...[...r.cells].map(c => c.getBoundingClientRect().right))")
        assert right <= LAPTOP["width"], squeezed(row.inner_text())[:60]
    assert not horizontal_overflow(page), horizontal_overflow(page)


def test_the_downloads_page_is_in_the_menu_and_lists_every_file(device, curriculum):
    device.open("")
    page = device.page
    if page.viewport_size["width"] < 1220:  # the menu is a drawer on phones and tablets
        page.locator("label.md-header__button[for=__drawer]").click()
    page.locator("nav.md-nav--primary").get_by_role("link", name="Downloads", exact=True).click()
    expect(page.get_by_role("heading", name="Downloads", level=1)).to_be_visible()
    for heading in ("Calendars", "Spreadsheets", "Data"):
        expect(page.get_by_role("heading", name=heading, level=2)).to_be_visible()
    for download in catalogue(curriculum):
        item = page.locator("article").get_by_role("listitem").filter(has_text=download.name)
        expect(item.get_by_role("link", name=download.title, exact=True)).to_be_visible()
        assert squeezed(download.holds) in squeezed(item.inner_text())
    assert not horizontal_overflow(page), horizontal_overflow(page)
    assert not request_problems(device), request_problems(device)


def test_faculty_controls_show_on_faculty_pages_only_even_after_instant_navigation(laptop, built_site):
    """Material keeps the header when it swaps pages in, so a control put there would follow the reader
    from a faculty page back to the applicant pages; they must stay calm."""
    visit = laptop
    page = visit.page
    visit.allow_instant_navigation(built_site, site_url_of(PROJECT))
    with page.expect_response("**/sitemap.xml"):
        visit.open("")
    edit = page.get_by_role("link", name=re.compile("^Edit this page"))
    repository = page.get_by_role("link", name=re.compile("^Go to repository"))
    expect(edit).to_have_count(0)
    expect(repository).to_have_count(0)
    page.evaluate("window.__samePage = true")
    nav = page.locator("nav.md-nav--primary")
    nav.get_by_role("link", name="For faculty", exact=True).click()
    expect(page.get_by_role("heading", name="For faculty", level=1)).to_be_visible()
    expect(edit).to_be_visible()
    expect(repository).to_be_visible()
    nav.get_by_role("link", name="Tracks", exact=True).click()
    expect(page.get_by_role("heading", name="Tracks", level=1)).to_be_visible()
    expect(edit).to_have_count(0)
    expect(repository).to_have_count(0)
    assert page.evaluate("window.__samePage === true"), "instant navigation, not a new page load"
    assert not request_problems(visit), request_problems(visit)
