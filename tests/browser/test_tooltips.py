"""Glossary tooltips, as a fellow meets them in a track's checklist: a tap on a phone and a hover on a
laptop show what the abbreviation stands for. Each term has its tooltip at its first use in each section
(tests/test_glossary.py checks every page for that); this checks that the tooltips still work."""

from __future__ import annotations

import pytest

from tests.support.browsing import DESKTOP, PHONE, unfold_checklist


def first_tooltip(page, curriculum):
    abbr = page.locator("table.cm-checklist abbr").first
    unfold_checklist(page, containing="abbr")
    expansion = {term.term: term.tooltip for term in curriculum.glossary}[abbr.inner_text()]
    assert abbr.get_attribute("title") == expansion
    return abbr, expansion


@pytest.mark.parametrize("device", ["phone", "laptop"])
def test_an_abbreviation_in_a_checklist_shows_what_it_stands_for(visits, server, curriculum, device):
    touch = device == "phone"
    with visits(server, viewport=PHONE if touch else DESKTOP, touch=touch) as visit:
        page = visit.page
        visit.open(f"tracks/{curriculum.tracks[0].id.lower()}/")
        abbr, expansion = first_tooltip(page, curriculum)
        tooltip = page.get_by_role("tooltip", name=expansion)
        assert not tooltip.is_visible()
        abbr.tap() if touch else abbr.hover()
        tooltip.wait_for(state="visible")
