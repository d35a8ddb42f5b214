"""Search as a reader uses it in Chromium, on a phone and a laptop: a workshop is found by the abbreviation
of a procedure it teaches, and a skill's result reads as sentences, each label apart from its value."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from macros.model import SkillKind, TrackKind
from tests.support.browsing import PHONE
from tests.support.gates import request_problems

VIEWPORTS = {"phone": PHONE, "laptop": {"width": 1280, "height": 800}}


def search(page, query: str) -> None:
    if not page.locator(".md-search__input").is_visible():  # a phone shows a search button first
        page.get_by_role("button", name="Search").or_(page.locator("label[for='__search']").first).first.click()
    box = page.locator(".md-search__input")
    box.fill("")
    box.press_sequentially(query, delay=20)  # as typed: Material searches on key presses
    page.wait_for_selector(".md-search-result__item")


@pytest.fixture(params=list(VIEWPORTS))
def reader(request, visits, server):
    with visits(server, viewport=VIEWPORTS[request.param]) as visit:
        visit.open("")
        yield visit
        assert not request_problems(visit), request_problems(visit)


def test_a_workshop_is_found_by_the_abbreviation_of_what_it_teaches(reader, curriculum):
    workshop = next(t for t in curriculum.tracks if t.kind is TrackKind.workshop)
    titles = [curriculum.skill(e.skill).title.lower() for e in workshop.skills]
    term = next(
        t for t in curriculum.glossary if any(t.expansion.lower() in title for title in titles)
    )  # RFA: radiofrequency ablation
    page = reader.page
    search(page, term.term)
    workshop_page = f"tracks/{workshop.id.lower()}/"
    page.wait_for_selector(f".md-search-result__list a[href*='{workshop_page}']", state="attached")
    item = page.locator(".md-search-result__item", has=page.locator(f"a[href*='{workshop_page}']")).first
    assert re.search(rf"{re.escape(term.expansion)} \({re.escape(term.term)}\)", item.text_content(), re.IGNORECASE)
    assert item.locator("mark", has_text=term.term).count(), "the abbreviation is highlighted in the snippet"


def test_a_skill_result_reads_as_sentences(reader, curriculum):
    """Searching for a modality and a risk category shows each skill's facts as sentences. (The skill searched
    for has the rarest such pair, so that it is among the first results.)"""
    procedures = [s for s in curriculum.skills if s.kind is SkillKind.procedural and s.modalities]
    pairs = Counter((", ".join(m.value for m in s.modalities), s.risk.value) for s in procedures)
    skill = min(procedures, key=lambda s: pairs[", ".join(m.value for m in s.modalities), s.risk.value])
    guided = ", ".join(m.value for m in skill.modalities)
    page = reader.page
    search(page, f"{guided.replace(',', '')} {skill.risk.value}")
    link = page.locator(f".md-search-result__list a[href*='skills/'][href$='#{skill.id}']").first
    link.wait_for(state="attached")
    text = " ".join(link.text_content().split())
    assert f"Kind: {skill.kind.value}, guided by {guided}. Risk category: {skill.risk.value}. Assessed by: " in text, (
        text
    )
