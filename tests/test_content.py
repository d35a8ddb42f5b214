"""The curriculum content: counts and cross-links computed from data/*.yaml and checked on the built site, and the
content the issues asked for. The rules that keep medical content conservative (no doses, workshops at most level
2, no high-risk procedure above indirect supervision, the aspiration wording, every number and exam fact sourced)
are rules of the check (macros/load/rules/): tests/test_content_rules.py plants a mistake for each, and
tests/test_rules.py shows that the real data and pages keep them all."""

from __future__ import annotations

import datetime
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from macros.load import load_curriculum
from macros.load.prose import DOSE
from macros.load.rules import cell_therapies_knowledge_only, other_specialties_safety
from macros.model import TrackKind
from macros.render import Renderer
from tests.support.pages import page, record_rows
from tests.support.sitebuild import PROJECT

# What the content issue asks for. These are requirements, not results read from the site.
MIN_SKILLS = 80
REQUIRED_TRACKS = {
    "FEL-US-6M": TrackKind.fellowship,
    "FEL-PM-1Y": TrackKind.fellowship,
    "WS-HANDS-ON": TrackKind.workshop,
    "EXAM-FIPP": TrackKind.exam_preparation,
    "EXAM-CIPS": TrackKind.exam_preparation,
}
# The sections of the content issue and the pages that hold them (paths under the site root).
ISSUE_SECTIONS = {
    "home": "",
    "what pain medicine is": "pain-medicine/",
    "from anaesthesia to pain medicine": "gap-analysis/",
    "fellowship tracks": "tracks/",
    "skills catalogue": "skills/",
    "training pathway and applying": "pathway/",
    "glossary": "glossary/",
}


def site_path(href: str, from_path: str) -> str:
    """A link's target as a path under the site root, e.g. "tracks/fel-us-6m/" (fragment kept)."""
    return urljoin(f"/{from_path}", href).lstrip("/")


@pytest.fixture(scope="module")
def nav_links(built_site) -> set[str]:
    """Every page the primary navigation links to, as seen on the home page."""
    home = page(built_site, "")
    return {site_path(a["href"], "") for a in home.select("nav.md-nav--primary a.md-nav__link[href]")}


# -- counts -----------------------------------------------------------------------------------------


def test_at_least_80_skills_and_the_five_tracks(curriculum):
    assert len(curriculum.skills) >= MIN_SKILLS
    kinds = {t.id: t.kind for t in curriculum.tracks}
    assert {track_id: kinds.get(track_id) for track_id in REQUIRED_TRACKS} == REQUIRED_TRACKS


def test_the_site_shows_every_skill_and_every_track(built_site, curriculum):
    catalogue = page(built_site, "skills").select("article.cm-skill")
    assert len(catalogue) == len(curriculum.skills) >= MIN_SKILLS
    (comparison,) = page(built_site, "tracks").select("table.cm-comparison")
    shown = {site_path(row.find("a")["href"], "tracks/") for row in record_rows(comparison)}
    assert shown == {f"tracks/{t.id.lower()}/" for t in curriculum.tracks}


# -- cross-links ------------------------------------------------------------------------------------


def test_every_skill_is_taught_in_a_track_and_the_catalogue_says_where(built_site, curriculum):
    catalogue = page(built_site, "skills")
    for skill in curriculum.skills:
        teaching = {t.id for t in curriculum.tracks if any(e.skill == skill.id for e in t.skills)}
        assert teaching, f"{skill.id} is in no track"
        article = catalogue.find(id=skill.id).find_parent("article")
        taught_in = article.find("dt", string="Taught in").find_next_sibling("dd")
        linked = {site_path(a["href"], "skills/") for a in taught_in.find_all("a")}
        assert linked == {f"tracks/{track_id.lower()}/" for track_id in teaching}, skill.id


def test_every_skill_has_its_id_as_anchor_in_the_catalogue(built_site, curriculum):
    catalogue = page(built_site, "skills")
    for skill in curriculum.skills:
        heading = catalogue.find(id=skill.id)
        assert heading is not None and heading.name == "h3", skill.id
        assert skill.title in heading.get_text()


def test_every_learning_need_links_to_skills_and_the_tracks_that_teach_them(built_site, curriculum):
    (table,) = page(built_site, "gap-analysis").select("table.cm-needs")
    rows = {row["id"]: row for row in record_rows(table)}
    assert set(rows) == {need.id for need in curriculum.learning_needs}
    for need in curriculum.learning_needs:
        tracks = {t.id for t in curriculum.tracks if set(need.skills) & {e.skill for e in t.skills}}
        assert need.skills and tracks, need.id
        skill_cell, track_cell = rows[need.id].find_all("td")
        assert [site_path(a["href"], "gap-analysis/") for a in skill_cell.find_all("a")] == [
            f"skills/#{skill_id}" for skill_id in need.skills
        ]
        assert {site_path(a["href"], "gap-analysis/") for a in track_cell.find_all("a")} == {
            f"tracks/{track_id.lower()}/" for track_id in tracks
        }


# -- track pages ------------------------------------------------------------------------------------


def test_each_track_has_its_page_in_the_navigation(built_site, curriculum, nav_links):
    for track in curriculum.tracks:
        assert (PROJECT / "docs" / "tracks" / f"{track.id.lower()}.md").is_file(), track.id
        assert f"tracks/{track.id.lower()}/" in nav_links, f"{track.id} is not in the navigation"
        assert page(built_site, f"tracks/{track.id.lower()}").h1.get_text().rstrip("¶") == track.title


def test_each_checklist_has_one_row_per_skill_with_its_target_level_and_minimum(built_site, curriculum):
    for track in curriculum.tracks:
        (checklist,) = page(built_site, f"tracks/{track.id.lower()}").select("table.cm-checklist")
        headers = [th.get_text(" ", strip=True).lower() for th in checklist.select("thead th")]
        minimum_column = next(i for i, h in enumerate(headers) if h.startswith("minimum"))
        shown = {}
        for row in record_rows(checklist):
            skill_id = row.select_one(".cm-id").get_text()
            assert skill_id not in shown, f"{track.id}: {skill_id} is listed twice"
            cells = row.find_all(["td", "th"])
            minimum = cells[minimum_column].get_text(" ", strip=True)
            shown[skill_id] = (int(row.select_one(".cm-level")["data-level"]), minimum)
        expected = {e.skill: (e.level, _minimum_words(e)) for e in track.skills}
        assert shown == expected, track.id


def _minimum_words(entry) -> str:
    """What the minimum column says: the supervised cases, the observed drills, or a dash."""
    words = [str(entry.min_supervised)] if entry.min_supervised else []
    if entry.min_drills:
        words.append(f"{entry.min_drills} observed drill{'s' if entry.min_drills != 1 else ''}")
    return "; ".join(words) or "—"


def test_each_track_page_says_what_it_prepares_for(built_site, curriculum):
    for track in curriculum.tracks:
        profile = page(built_site, f"tracks/{track.id.lower()}").select_one("dl.cm-profile")
        prepares = profile.find("dt", string="Prepares for").find_next_sibling("dd").get_text(" ", strip=True)
        for exam_id in track.exams:
            assert curriculum.get("exams", exam_id).name in prepares, track.id


def test_every_section_of_the_content_issue_is_in_the_navigation(built_site, nav_links):
    for section, path in ISSUE_SECTIONS.items():
        assert path in nav_links, f"'{section}' ({path or 'home'}) is not reachable from the navigation"
        assert page(built_site, path).h1 is not None, section


# -- medical content integrity ----------------------------------------------------------------------


def test_the_dose_pattern_finds_doses():
    found = [
        m.group(0) for m in DOSE.finditer("give 10 mg, then 1.5 mg/kg, 0.5% lidocaine, 5 ml; not level 4 or 6 months")
    ]
    assert found == ["10 mg", "1.5 mg/kg", "0.5%", "5 ml"]


# -- engine changes the content needed ----------------------------------------------------------------


def test_table_captions_give_abbreviations_their_tooltip(mini_data):
    """Track titles such as "Exam preparation module for FIPP" reach table captions: the caption gets the
    glossary tooltip like any other text from data, and the region's aria-label stays plain text."""
    tracks = mini_data / "tracks.yaml"
    glossary = load_curriculum(mini_data).glossary[0]
    tracks.write_text(
        tracks.read_text(encoding="utf-8")
        .replace("title: Hands-on knee injection workshop", f"title: Knee workshop for {glossary.term} candidates")
        .replace("short_title: Knee workshop", f"short_title: {glossary.term} knee workshop"),
        encoding="utf-8",
    )
    curriculum = load_curriculum(mini_data)
    track = curriculum.track("WS-KNEE")
    renderer = Renderer(curriculum, today=datetime.date(2026, 11, 1))
    html = BeautifulSoup(renderer.skill_checklist(track=track.id), "html.parser")
    assert html.caption.find("abbr", string=glossary.term)["title"] == glossary.expansion
    assert html.select_one("[role=region]") is None, "a track's checklist fits its column: no box of its own"
    html = BeautifulSoup(renderer.track_structure(track.id), "html.parser")  # a table in a box of its own
    assert html.caption.find("abbr", string=glossary.term)["title"] == glossary.expansion
    assert html.select_one("[role=region]")["aria-label"] == f"Proposed structure of {track.short_title}"


def test_each_gap_area_links_its_learning_needs_and_the_residency_preset_its_skills(built_site, curriculum):
    """The gap table links what pain medicine adds to the learning needs below it, so that area → need → skill →
    track can be followed by links alone; the anaesthesiology preset below it links each skill to the catalogue,
    with the level Find my gap starts from."""
    html = page(built_site, "gap-analysis")
    (table,) = html.select("table.cm-gaps")
    rows = {row["id"]: row for row in record_rows(table)}
    assert set(rows) == {area.id for area in curriculum.gap_areas}
    for area in curriculum.gap_areas:
        adds = rows[area.id].find_all("td")[1]
        needs = [need.id for need in curriculum.learning_needs if need.gap_area == area.id]
        linked = [site_path(a["href"], "gap-analysis/") for a in adds.find_all("a")]
        assert linked == [f"gap-analysis/#{need_id}" for need_id in needs]
        assert all(html.find(id=need_id) is not None for need_id in needs)
    (preset,) = html.select("table.cm-preset")
    levels = curriculum.preset_levels("ANAESTHESIOLOGY")
    assert [
        (site_path(row.a["href"], "gap-analysis/"), int(row.select_one(".cm-level")["data-level"]))
        for row in preset.tbody.find_all("tr")
    ] == [(f"skills/#{skill}", level) for skill, level in levels.items()]
    assert curriculum.get("backgrounds", "ANAESTHESIOLOGY").preset.note in " ".join(html.get_text().split())


# -- the content review (issue 14): safe targets for everyone a track admits, sources, regulation -----

# Skills the review found missing; each must be in the catalogue and taught in a fellowship.
REVIEW_SKILLS = {
    "PHARM-STEROID-SAFETY",  # steroid safety: cumulative exposure, glycaemia
    "FL-TRIGEMINAL",  # trigeminal neuralgia procedures
    "US-THORACIC-BLOCKS",  # thoracic procedures
    "PHARM-BOTOX-MIGRAINE",  # botulinum toxin for chronic migraine
    "ACUTE-BLOOD-PATCH",  # epidural blood patch
    "MDT-PAEDIATRIC-PAIN",  # paediatric pain management beyond assessment
}


def test_the_missing_skills_are_taught_in_a_fellowship(curriculum):
    fellowship_skills = {e.skill for t in curriculum.tracks if t.kind is TrackKind.fellowship for e in t.skills}
    assert sorted(REVIEW_SKILLS - {s.id for s in curriculum.skills}) == []
    assert sorted(REVIEW_SKILLS - fellowship_skills) == []


def test_the_skills_the_safety_rules_name_are_in_the_catalogue(curriculum):
    """The rules that protect fellows from other specialties, and cell-based therapies, name skills by ID: a rename
    that left them naming nothing would switch the rules off."""
    named = {*other_specialties_safety.SIGNED_OFF_AFTER_SIMULATION, *other_specialties_safety.ANAESTHESIA_PROCEDURES}
    named.add(cell_therapies_knowledge_only.CELL_THERAPIES)
    assert sorted(named - {s.id for s in curriculum.skills}) == []
    assert curriculum.skill(cell_therapies_knowledge_only.CELL_THERAPIES).source == "ICMR-STEM-CELL"
    assert other_specialties_safety.ANAESTHESIOLOGY in {b.id for b in curriculum.backgrounds}
