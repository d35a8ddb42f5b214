"""Each renderer on the tiny fixture curriculum: the HTML it produces, checked against the data."""

from __future__ import annotations

import dataclasses
import datetime
import re

import markdown
import pytest
from bs4 import BeautifulSoup

from macros.calls import UnknownRecord, WrongCall
from macros.escape import markdown_heading
from macros.model import Fee
from macros.render import Renderer, money, tooltips_at_first_use
from tests.support.published import REAL_CONTACT

TODAY = datetime.date(2026, 11, 24)


CONTACT = REAL_CONTACT  # pages take it from extra.academy.contact in mkdocs.yml


@pytest.fixture(scope="module")
def renderer(mini):
    return Renderer(mini, today=TODAY, contact=CONTACT)


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def rows(table) -> list:
    """Body rows that hold a record (group heading rows left out)."""
    return [tr for tr in table.select("tbody tr") if "cm-group" not in (tr.get("class") or [])]


def headers(table) -> list[str]:
    return [th.get_text(" ", strip=True) for th in table.select("thead th")]


def test_track_checklist_has_one_row_per_skill_with_its_target(renderer, mini):
    track = mini.track("FEL-US-6M")
    table = soup(renderer.skill_checklist(track="FEL-US-6M", root="../../")).table
    assert table.caption.get_text() == f"Skills checklist: {track.title}"
    assert headers(table) == [
        "Skill",
        "Target level",
        "Minimum supervised",
        "Number performed",  # this and the three after "Assessed by" are printed only, for the logbook
        "Assessed by",
        "Date signed off",
        "Supervisor (name, signature)",
        f"Level reached (1–{len(mini.entrustment)})",
        "Kind and guidance",  # these two on screen only
        "Risk",
    ]
    body = rows(table)
    assert len(body) == len(track.skills)
    for tr in body:
        link = tr.find("a")
        skill_id = link["href"].split("#")[1]
        entry = track.target(skill_id)
        assert link["href"] == f"../../skills/#{skill_id}"
        assert tr.select_one(".cm-level").get_text() == str(entry.level)
        cells = [td.get_text(" ", strip=True) for td in tr.find_all("td")]
        assert cells[2] == (str(entry.min_supervised) if entry.min_supervised else "—")
        procedural = mini.skill(skill_id).kind.value == "procedural"
        assert cells[3] == ("" if procedural else "—"), "number performed: blank to fill in for a procedure"
    groups = [th.get_text() for th in table.select("tr.cm-group th")]
    assert groups == [d.title for d in mini.domains if any(mini.skill(e.skill).domain == d.id for e in track.skills)]


def test_domain_checklist_lists_the_domain_without_targets(renderer, mini):
    table = soup(renderer.skill_checklist(domain="US")).table
    assert "Target level" not in headers(table)
    assert [tr.find("a")["href"] for tr in rows(table)] == [f"skills/#{s.id}" for s in mini.skills_in_domain("US")]


@pytest.mark.parametrize(
    "arguments", [{}, {"track": "FEL-US-6M", "domain": "US"}, {"track": "NOPE"}, {"domain": "NOPE"}]
)
def test_checklist_refuses_wrong_arguments(renderer, arguments):
    with pytest.raises((WrongCall, UnknownRecord), match="exactly one of|no record 'NOPE'"):
        renderer.skill_checklist(**arguments)


def test_catalogue_gives_each_skill_an_anchor_named_by_its_id(renderer, mini):
    page = soup(str(renderer.skill_catalogue()))
    assert [h.get("id") for h in page.select("h3")] == [s.id for d in mini.domains for s in mini.skills_in_domain(d.id)]
    assert [a["href"] for a in page.select("nav.cm-index a")] == [f"#{d.id}" for d in mini.domains]
    knee = page.find(id="US-KNEE-INJ").find_parent("article")
    assert [a["href"] for a in knee.select("dd a[href^='#']")] == ["#SAFETY-ASEPSIS"]  # builds on
    taught = [" ".join(li.get_text().split()) for li in knee.select("dd ul li")]
    assert taught == [
        f"{t.short_title}: level {e.level}" + (f", at least {e.min_supervised} supervised" if e.min_supervised else "")
        for t, e in mini.tracks_teaching("US-KNEE-INJ")
    ]


def test_catalogue_domains_are_headings_for_the_table_of_contents(renderer, mini):
    """Each domain is a Markdown heading anchored by its ID (so the page's table of contents lists it), and its
    skills follow in a disclosure, each heading with a permalink and a button that copies its address."""
    html = markdown.markdown(str(renderer.skill_catalogue()), extensions=["attr_list", "md_in_html", "toc"])
    page = soup(html)
    assert [(h["id"], h.get_text()) for h in page.select("h2")] == [(d.id, d.title) for d in mini.domains]
    for domain in mini.domains:
        block = page.find("h2", id=domain.id).find_next_sibling()
        skills = mini.skills_in_domain(domain.id)
        assert [h["id"] for h in block.select("details > article > h3")] == [s.id for s in skills]
        assert (
            block.select_one("details > summary").get_text()
            == f"The {len(skills)} skill{'s' if len(skills) != 1 else ''} in this domain"
        )
    for skill in mini.skills:
        heading = page.find("h3", id=skill.id)
        assert heading.select_one("a.headerlink")["href"] == f"#{skill.id}"
        assert heading.find_next_sibling("button")["data-clipboard-text"] == f"skills/#{skill.id}"
    published = Renderer(mini, today=TODAY, site_url="https://example.org/site/")
    copy = soup(str(published.skill_catalogue())).select_one(f"h3#{mini.skills[0].id} + button")
    assert copy["data-clipboard-text"] == f"https://example.org/site/skills/#{mini.skills[0].id}"


def test_matrix_shows_each_tracks_level_for_each_skill(renderer, mini):
    table = soup(renderer.skill_matrix()).table
    assert headers(table) == ["Skill"] + [t.short_title for t in mini.tracks]
    body = rows(table)
    assert len(body) == len(mini.skills)
    for tr in body:
        skill_id = tr.find("a")["href"].split("#")[1]
        cells = [td.get_text(" ", strip=True) for td in tr.find_all("td")]
        expected = [str(t.target(skill_id).level) if t.target(skill_id) else "— not taught" for t in mini.tracks]
        assert cells == expected


def test_comparison_has_one_sortable_row_per_track(renderer, mini):
    table = soup(renderer.track_comparison()).table
    assert table.has_attr("data-sortable")
    body = rows(table)
    assert [tr.th.a["href"] for tr in body] == [f"tracks/{t.id.lower()}/" for t in mini.tracks]
    for tr, track in zip(body, mini.tracks, strict=True):
        sort_keys = [int(td["data-sort"]) for td in tr.select("td[data-sort]")]
        assert sort_keys == [track.duration.days, len(track.skills), track.min_supervised_total]


def test_profile_and_structure_of_a_track(renderer, mini):
    track = mini.track("FEL-US-6M")
    profile = soup(renderer.track_profile("FEL-US-6M"))
    facts = {dt.get_text(): dt.find_next_sibling("dd").get_text(" ", strip=True) for dt in profile.select("dt")}
    assert facts["Duration"] == "6 months"
    assert facts["Eligibility"] == " ".join(track.eligibility)
    admitted = profile.find("dt", string="Specialties admitted").find_next_sibling("dd")
    routes = admitted.find("ul", recursive=False).find_all("li", recursive=False)
    assert [li.find(string=True, recursive=False).strip() for li in routes] == [
        mini.get("backgrounds", route.background).title for route in track.admits
    ]
    neurology = routes[1]
    assert neurology.select_one("a")["href"] == "skills/#ASSESS-HISTORY"
    assert "at level 2 on entry" in neurology.get_text()
    open_to_all = soup(renderer.track_profile("WS-KNEE"))
    assert open_to_all.find("dt", string="Specialties admitted").find_next_sibling("dd").get_text() == "Any specialty"
    structure = soup(renderer.track_structure("FEL-US-6M")).table
    assert [tr.th.get_text() for tr in rows(structure)] == [block.title for block in track.structure]


def test_gap_analysis_and_learning_needs(renderer, mini):
    gaps = soup(renderer.gap_analysis()).table
    assert [tr["id"] for tr in rows(gaps)] == [a.id for a in mini.gap_areas]
    assert [tr.select_one(".cm-gap").get_text() for tr in rows(gaps)] == [a.gap.value for a in mini.gap_areas]
    needs = soup(renderer.learning_needs(root="../")).table
    for tr, need in zip(rows(needs), mini.learning_needs, strict=True):
        assert [a["href"] for a in tr.select("td")[0].select("a")] == [f"../skills/#{s}" for s in need.skills]
        assert [a["href"] for a in tr.select("td")[1].select("a")] == [
            f"../tracks/{t.id.lower()}/" for t in mini.tracks_meeting(need)
        ]


def test_glossary_is_sorted_by_term(renderer, mini):
    table = soup(renderer.glossary_table()).table
    assert [tr.th.get_text() for tr in rows(table)] == sorted((t.term for t in mini.glossary), key=str.lower)


def test_calendar_leaves_out_sessions_that_have_ended(renderer, mini):
    table = soup(renderer.workshop_calendar()).table
    assert [tr["id"] for tr in rows(table)] == [w.id for w in mini.workshops if (w.end or w.start) >= TODAY]
    assert "WS-PAST" not in str(table)
    later = soup(Renderer(mini, today=datetime.date(2100, 1, 1)).workshop_calendar())
    assert later.table is None
    assert " ".join(later.get_text().split()).startswith(
        "No workshop session is published yet: the academy has not announced the dates, topic, city, venue or "
        "places of any session after 1 January 2100."
    )


def test_reference_tables_have_a_row_per_record(renderer, mini):
    assert len(rows(soup(renderer.entrustment_scale()).table)) == len(mini.entrustment)
    assert len(rows(soup(renderer.assessment_methods()).table)) == len(mini.assessments)
    assert len(rows(soup(renderer.exam_list()).table)) == len(mini.exams)
    assert len(rows(soup(renderer.source_list()).table)) == len(mini.sources)
    assert [h["id"] for h in soup(renderer.changelog()).select("h2")] == [
        f"version-{c.version}" for c in mini.changelog
    ]


def test_abbreviations_in_tables_become_tooltips(renderer, mini):
    table = soup(renderer.skill_checklist(domain="US"))
    dops = next(a for a in table.select("abbr") if a.get_text() == "DOPS")
    assert dops["title"] == next(t.expansion for t in mini.glossary if t.term == "DOPS")
    # whole words only
    assert renderer._abbreviate("DOPSX and XDOPS and DOPS-like") == "DOPSX and XDOPS and DOPS-like"


def test_a_tooltip_is_kept_at_the_first_use_of_its_term_in_each_section():
    dops, cbd = '<abbr title="Direct observation">DOPS</abbr>', '<abbr title="Case-based discussion">CbD</abbr>'
    page = (
        f"<p>{dops} and {cbd}</p><td>{dops}, {dops}</td><h2 id='x'>Next</h2><td>{dops} {cbd}</td>"
        f'<article class="cm-epa"><h3>An EPA</h3>{cbd}</article><article class="cm-skill"><h3>A skill</h3>{cbd}</article>'
        f"<section>{cbd}</section>"
    )
    assert tooltips_at_first_use(page) == (
        f"<p>{dops} and {cbd}</p><td>DOPS, DOPS</td><h2 id='x'>Next</h2><td>{dops} {cbd}</td>"
        '<article class="cm-epa"><h3>An EPA</h3>CbD</article><article class="cm-skill"><h3>A skill</h3>CbD</article>'
        f"<section>{cbd}</section>"
    )


HOSTILE = {
    "title": "Block <img src=x onerror=alert(1)> {{ config.site_name }} {% if true %}x{% endif %} | cell",
    "description": 'First line\n--8<-- "mkdocs.yml"\n*[DOPS]: hijacked\n!!! note\n    admonition? & <script>alert(1)</script>',
}


HOSTILE_DOMAIN = "Spine <b>#1</b> *care* {: onclick=alert(1) } [x](y)"


@pytest.fixture(scope="module")
def hostile_renderer(mini):
    skill = mini.skill("US-KNEE-INJ").model_copy(update=HOSTILE)
    skills = tuple(skill if s.id == skill.id else s for s in mini.skills)
    domain = mini.get("domains", skill.domain).model_copy(update={"title": HOSTILE_DOMAIN})
    domains = tuple(domain if d.id == domain.id else d for d in mini.domains)
    return Renderer(dataclasses.replace(mini, skills=skills, domains=domains), today=TODAY)


@pytest.mark.parametrize("method", ["skill_catalogue", "skill_matrix"])
def test_text_from_data_is_never_markup_or_template_code(hostile_renderer, method):
    html = str(getattr(hostile_renderer, method)())
    assert "<img" not in html and "<script" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "{{ config.site_name }}" in html and "{% if true %}" in html  # shown literally, never run
    # Nothing from data can begin a Markdown line (snippets, abbr, admonitions): each block is raw HTML, or
    # a heading the renderer writes (the catalogue's domains) whose text is escaped for Markdown.
    for block in html.split("\n\n"):
        assert block.startswith("<") or re.fullmatch(r"## [^\n]+ \{#[A-Z][A-Z0-9-]*\}", block), block
        for line in block.splitlines():
            assert line.startswith("<") or line.startswith("## "), line
        assert not re.search(r"\n\s*\n", block), "one raw HTML block: no blank line inside"


def test_hostile_text_survives_markdown_unchanged(hostile_renderer):
    """Run the catalogue through Markdown with the site's extensions: the text arrives as typed."""
    html = markdown.markdown(
        str(hostile_renderer.skill_catalogue()),
        extensions=[
            "abbr",
            "admonition",
            "attr_list",
            "md_in_html",
            "tables",
            "pymdownx.snippets",
            "pymdownx.superfences",
        ],
    )
    page = soup(html)
    article = page.find(id="US-KNEE-INJ").find_parent("article")
    assert article.h3.get_text().startswith(" ".join(HOSTILE["title"].split()))
    domain = page.find("h2", id=article.find_parent("div").find_previous_sibling("h2")["id"])
    assert domain.get_text() == HOSTILE_DOMAIN and not domain.has_attr("onclick") and not domain.select("b, em, a")
    assert " ".join(HOSTILE["description"].split()) in article.p.get_text()
    assert not article.select("script, img, .admonition")


def test_a_domain_heading_keeps_its_anchor_whatever_its_title():
    """The catalogue's domain headings are Markdown lines ending with their anchor, {#ID}: a title with
    braces of its own (attr_list's syntax) is text, and the anchor stays the domain's ID."""
    heading = markdown.markdown(
        "## " + markdown_heading("A {: #x .y } *b*") + " {#ID}", extensions=["attr_list", "toc"]
    )
    assert soup(heading).h2.get_text() == "A {: #x .y } *b*" and soup(heading).h2.attrs == {"id": "ID"}


@pytest.mark.parametrize(
    ("amount", "currency", "shown"),
    [
        (450000, "INR", "₹4,50,000"),
        (12500000, "INR", "₹1,25,00,000"),
        (450000, "USD", "$450,000"),
        (450000, "EUR", "€450,000"),
        (450000, "AED", "AED450,000"),
    ],
)
def test_a_fee_is_written_as_its_readers_write_it(amount, currency, shown):
    """Rupees with Indian digit grouping and the rupee sign; other currencies as international English writes
    them; no minor unit (Babel, from the locales' own currency patterns)."""
    assert money(Fee(amount=amount, currency=currency)) == shown
