"""Retired IDs keep working: a skill's old address (skills/#OLD) lands on the skill that replaced it, and a
track's old page (tracks/old-id/) leads to the new one, with JavaScript and without it.

The site is built once, from a copy of the project whose data/retired.yaml retires an old skill ID into a
real skill and an old track ID into a real track, as a faculty member records a rename."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from macros.load import load_curriculum
from tests.support.pages_server import PagesServer
from tests.support.sitebuild import build_site, copy_project, site_prefix

OLD_SKILL, OLD_TRACK = "US-RETIRED-FOR-THE-TEST", "FEL-RETIRED-FOR-THE-TEST"


@pytest.fixture(scope="module")
def retired(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("retired"))
    curriculum = load_curriculum(project / "data")
    skill, track = curriculum.skills[-1], curriculum.tracks[-1]  # the last: far down the catalogue
    (project / "data" / "retired.yaml").write_text(
        f"- {{id: {OLD_SKILL}, kind: skill, replaced_by: {skill.id}, reason: Renamed.}}\n"
        f"- {{id: {OLD_TRACK}, kind: track, replaced_by: {track.id}, reason: Renamed.}}\n",
        encoding="utf-8",
    )
    site = project / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    server = PagesServer(site, site_prefix()).start()
    yield site, server, skill, track
    server.stop()


def test_the_old_skill_anchor_sits_beside_the_new_skill(retired):
    site, _, skill, _ = retired
    html = (site / "skills" / "index.html").read_text(encoding="utf-8")
    article = html[html.index(f'id="{OLD_SKILL}"') : html.index("</article>", html.index(f'id="{OLD_SKILL}"'))]
    assert f'<h3 id="{skill.id}">' in article


@pytest.fixture(params=[True, False], ids=["with-javascript", "without-javascript"])
def visit_retired(request, visits, retired):
    with visits(retired[1], javascript=request.param) as visit:
        yield visit
        assert visit.error_responses == []


def test_an_old_skill_address_shows_the_new_skill(visit_retired, retired):
    skill = retired[2]
    visit_retired.open(f"skills/#{OLD_SKILL}")
    expect(visit_retired.page.locator(f"h3[id='{skill.id}']")).to_be_in_viewport()


def test_an_old_track_page_leads_to_the_new_one(visit_retired, retired):
    server, track = retired[1], retired[3]
    visit_retired.open(f"tracks/{OLD_TRACK.lower()}/")
    expect(visit_retired.page).to_have_url(f"{server.base_url}tracks/{track.id.lower()}/")
    expect(visit_retired.page.get_by_role("heading", level=1)).to_contain_text(track.title)


def test_the_old_track_page_says_where_it_went_for_whoever_sees_it(retired):
    site, _, _, track = retired
    page = (site / "tracks" / OLD_TRACK.lower() / "index.html").read_text(encoding="utf-8")
    assert f'<meta http-equiv="refresh" content="0; url=../{track.id.lower()}/">' in page
    assert f'<a href="../{track.id.lower()}/">{track.title}</a>' in page
    assert '<meta name="robots" content="noindex">' in page
