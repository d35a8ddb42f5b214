"""Every skill has a stable address (skills/#<ID>), every mention of a skill in a table or list links
there, and the site's search index finds a skill by its ID and by the words of its title."""

from __future__ import annotations

import inspect
import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from macros.clock import build_date
from macros.render import Renderer
from tests.support.pages import tokens
from tests.support.sitebuild import academy_contact

BASE = "https://site.example/"  # any absolute base: links are resolved against the page they are on
# The catalogue names each skill in the heading its anchor is; the faculty guide (and the data reference
# it shows) writes IDs only as examples of the format, not as mentions of a skill.
EXAMPLES_ONLY = "contributing/"


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def built_pages(site: Path) -> dict[str, BeautifulSoup]:
    pages = {}
    for html in sorted(site.rglob("index.html")):
        relative = html.parent.relative_to(site).as_posix()
        pages["" if relative == "." else relative + "/"] = soup_of(html)
    return pages


def mention_pattern(skill_ids) -> re.Pattern:
    alternatives = "|".join(re.escape(i) for i in sorted(skill_ids, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({alternatives})(?![\w-])")


def unlinked_mentions(html: BeautifulSoup, page_url: str, skill_ids) -> list[str]:
    """Skill IDs written in a table cell or list item that holds no link to that skill's catalogue entry."""
    pattern = mention_pattern(skill_ids)
    catalogue = urljoin(BASE, "skills/")
    problems = []
    for holder in html.select("td, th, li"):
        if holder.find(["td", "th", "li"]):  # judge the innermost holder only
            continue
        linked = {
            urlsplit(href).fragment
            for href in (urljoin(page_url, a["href"]) for a in holder.find_all("a", href=True))
            if href.split("#")[0] == catalogue
        }
        for skill_id in set(pattern.findall(holder.get_text(" "))):
            if skill_id not in linked:
                problems.append(f"{skill_id} in «{holder.get_text(' ', strip=True)[:80]}»")
    return problems


@pytest.fixture(scope="module")
def pages(built_site):
    return built_pages(built_site)


def test_each_skill_has_an_anchor_named_by_its_id(pages, curriculum):
    catalogue = pages["skills/"]
    for skill in curriculum.skills:
        anchor = catalogue.find(id=skill.id)
        assert anchor is not None and anchor.name.startswith("h"), f"skills/#{skill.id} should be a heading"
        assert skill.title in anchor.get_text()


def test_every_link_to_a_skill_finds_it(pages, curriculum):
    anchors = {element["id"] for element in pages["skills/"].find_all(id=True)}
    catalogue = urljoin(BASE, "skills/")
    checked = 0
    for url, html in pages.items():
        for a in html.select("article a[href]"):
            target = urljoin(urljoin(BASE, url), a["href"])
            if target.split("#")[0] == catalogue and "#" in target:
                assert urlsplit(target).fragment in anchors, f"{url}: {a['href']}"
                checked += 1
    assert checked >= len(curriculum.skills)


def test_every_skill_mentioned_on_a_page_links_to_the_catalogue(pages, curriculum):
    skill_ids = [s.id for s in curriculum.skills]
    problems = []
    for url, html in pages.items():
        if url == "skills/" or url.startswith(EXAMPLES_ONLY):
            continue
        article = html.select_one("article")
        problems += [f"{url}: {p}" for p in unlinked_mentions(article, urljoin(BASE, url), skill_ids)]
    assert not problems, "\n".join(problems)


def renderer_outputs(curriculum):
    """Every macro, for every record it can be asked about, as a page one folder deep would call it."""
    renderer = Renderer(curriculum, today=build_date(), contact=academy_contact())
    for name in Renderer.macros:
        method = getattr(renderer, name)
        required = [
            p.name
            for p in inspect.signature(method).parameters.values()
            if p.default is inspect.Parameter.empty and p.kind is not inspect.Parameter.KEYWORD_ONLY
        ]
        if not required and name != "skill_checklist":
            yield name, str(method(root="../"))
    for track in curriculum.tracks:
        yield f"skill_checklist(track={track.id})", renderer.skill_checklist(track=track.id, root="../")
        yield f"track_profile({track.id})", renderer.track_profile(track.id, root="../")
        yield f"track_structure({track.id})", renderer.track_structure(track.id, root="../")
    for domain in curriculum.domains:
        yield f"skill_checklist(domain={domain.id})", renderer.skill_checklist(domain=domain.id, root="../")


def test_every_renderer_links_each_skill_it_names(curriculum):
    skill_ids = [s.id for s in curriculum.skills]
    problems = []
    for name, html in renderer_outputs(curriculum):
        if name in ("skill_catalogue", "data_reference"):
            continue
        problems += [
            f"{name}: {p}" for p in unlinked_mentions(BeautifulSoup(html, "html.parser"), BASE + "x/", skill_ids)
        ]
    assert not problems, "\n".join(problems)


def test_the_link_check_catches_an_unlinked_skill(curriculum):
    skill = curriculum.skills[0]
    html = BeautifulSoup(f"<table><tr><td>See {skill.id}</td></tr></table>", "html.parser")
    assert unlinked_mentions(html, BASE, [skill.id])
    linked = BeautifulSoup(f'<ul><li><a href="../skills/#{skill.id}">x</a> {skill.id}</li></ul>', "html.parser")
    assert not unlinked_mentions(linked, BASE + "x/", [skill.id])


# -- search ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def search_index(built_site):
    return json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_search_index_has_a_section_for_each_skill_under_its_id(search_index, curriculum):
    sections = {doc["location"]: doc for doc in search_index["docs"]}
    for skill in curriculum.skills:
        section = sections.get(f"skills/#{skill.id}")
        assert section is not None, f"no search entry for skills/#{skill.id}"
        title_tokens = tokens(section["title"], search_index)
        assert tokens(skill.id, search_index) <= title_tokens, f"{skill.id}: search by ID"
        assert tokens(skill.title, search_index) <= title_tokens, f"{skill.id}: search by title words"
