"""The skills catalogue (docs/skills.md) as a reader moves through it in Chromium, on a 390 px phone and a
1280 px laptop: the domains first, each opening to its skills; the table of contents lists the domains;
every skill's heading has a permalink and a button that copies its address; and an address or link to a
skill (skills/#ID) lands on that skill, with and without JavaScript, on a page load, after instant
navigation, within the page and back again."""

from __future__ import annotations

import pytest

from tests.support.browsing import PHONE, unfold_checklist
from tests.support.gates import request_problems
from tests.support.sitebuild import site_url

PAGE = "skills/"
SITE_URL = site_url()
LAPTOP = {"width": 1280, "height": 800}


def shown(page, element_id: str) -> bool:
    """The element is rendered (not inside a closed disclosure) and its top is on the screen."""
    return page.evaluate(
        """id => {
             const element = document.getElementById(id);
             const top = element.getBoundingClientRect().top;
             return element.checkVisibility() && top >= 0 && top < window.innerHeight / 2;
           }""",
        element_id,
    )


def samples(curriculum) -> list:
    """The first skill of the catalogue and the last one."""
    return [curriculum.skills[0], curriculum.skills[-1]]


def test_on_a_phone_the_domains_come_first_and_open_to_their_skills(phone_visit, curriculum):
    phone_visit.open(PAGE)
    page = phone_visit.page
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 8 * PHONE["height"], f"the catalogue is {height} px tall on a phone"
    headings = page.eval_on_selector_all("article h2[id]", "hs => hs.map(h => [h.id, h.textContent.replace('¶', '')])")
    domains = {d.id for d in curriculum.domains}
    assert [h for h in headings if h[0] in domains] == [[d.id, d.title] for d in curriculum.domains]
    domain = curriculum.domains[len(curriculum.domains) // 2]
    skills = curriculum.skills_in_domain(domain.id)
    assert not page.get_by_role("heading", name=skills[0].title).is_visible(), "closed until asked for"
    page.locator(f"h2#{domain.id} + div").get_by_text(f"The {len(skills)} skills in this domain").click()
    for skill in skills:
        assert page.locator(f"h3#{skill.id}").is_visible(), skill.id
    assert not request_problems(phone_visit), request_problems(phone_visit)


def test_the_table_of_contents_lists_the_domains(visit, curriculum):
    visit.open(PAGE)
    toc = visit.page.get_by_role("navigation", name="Table of contents")
    links = toc.get_by_role("link").evaluate_all("links => links.map(a => [a.hash, a.textContent.trim()])")
    domains = [[f"#{d.id}", d.title] for d in curriculum.domains]
    assert [link for link in links if link in domains] == domains, "every domain, in order"
    assert links[-len(domains) :] == domains, "the domains follow what the page says before the catalogue"


def test_each_skill_has_a_permalink_and_a_way_to_copy_it(visits, server, curriculum):
    with visits(server, viewport=PHONE) as visit:
        context = visit.page.context
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.origin)
        visit.open(PAGE)
        page = visit.page
        permalinks = page.eval_on_selector_all(
            "article.cm-skill h3", "hs => hs.map(h => [h.id, h.querySelector('a.headerlink').hash])"
        )
        assert permalinks == [[s.id, f"#{s.id}"] for d in curriculum.domains for s in curriculum.skills_in_domain(d.id)]
        skill = curriculum.skills[-1]
        page.locator(f"h3#{skill.id}").evaluate("h => h.closest('details').open = true")
        page.get_by_role("button", name=f"Copy link to {skill.title}").click()
        assert page.get_by_text("Copied to clipboard").is_visible()
        assert page.evaluate("navigator.clipboard.readText()") == f"{SITE_URL}skills/#{skill.id}"
        assert not request_problems(visit), request_problems(visit)


@pytest.mark.parametrize("javascript", [True, False], ids=["JavaScript on", "JavaScript off"])
@pytest.mark.parametrize("viewport", ["phone", "laptop"])
def test_an_address_of_a_skill_lands_on_it(visits, server, curriculum, javascript, viewport):
    with visits(server, viewport=PHONE if viewport == "phone" else LAPTOP, javascript=javascript) as visit:
        for skill in samples(curriculum):
            visit.page.goto("about:blank")  # each address opened afresh, as from a bookmark or a message
            visit.open(f"{PAGE}#{skill.id}", wait_until="load")
            visit.page.wait_for_function("id => document.getElementById(id)?.checkVisibility()", arg=skill.id)
            assert shown(visit.page, skill.id), skill.id
            assert visit.page.get_by_role("heading", name=skill.title).is_visible()
        assert not request_problems(visit), request_problems(visit)


def click_when_still(page, link) -> None:
    """Click as a reader does: once scrolling has stopped. (Material rewrites the address to the section in
    view a quarter of a second after scrolling ends, which would race a click made at once.)"""
    link.scroll_into_view_if_needed()
    page.wait_for_timeout(400)
    link.click()


def test_links_land_on_the_skill_after_instant_navigation_within_the_page_and_back(phone_visit, curriculum, built_site):
    """From a track's checklist to a skill, then to a prerequisite in another (closed) domain, then back."""
    phone_visit.allow_instant_navigation(built_site, SITE_URL)
    page = phone_visit.page
    skill, prerequisite, track = next(
        (s, p, t)
        for s in curriculum.skills
        for p in s.prerequisites
        if curriculum.skill(p).domain != s.domain
        for t, _ in curriculum.tracks_teaching(s.id)
    )
    with page.expect_response("**/sitemap.xml"):
        phone_visit.open(f"tracks/{track.id.lower()}/")
    page.evaluate("window.__samePage = true")
    link = page.locator(f"table.cm-checklist a[href$='skills/#{skill.id}']")
    unfold_checklist(page, containing=f"a[href$='skills/#{skill.id}']")
    click_when_still(page, link)
    page.wait_for_url(f"**/{PAGE}#{skill.id}")
    page.wait_for_function("id => document.getElementById(id)?.checkVisibility()", arg=skill.id)
    assert shown(page, skill.id)
    entry = page.locator("article.cm-skill", has=page.locator(f"h3#{skill.id}"))
    click_when_still(page, entry.locator(f"dd a[href$='#{prerequisite}']"))
    page.wait_for_url(f"**/{PAGE}#{prerequisite}")
    page.wait_for_function("id => document.getElementById(id)?.checkVisibility()", arg=prerequisite)
    assert shown(page, prerequisite)
    page.go_back()
    page.wait_for_url(f"**/{PAGE}#{skill.id}")
    page.wait_for_timeout(300)
    assert shown(page, skill.id)
    assert page.evaluate("window.__samePage === true"), "instant navigation, not a new page load"
    assert not request_problems(phone_visit), request_problems(phone_visit)
