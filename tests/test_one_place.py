"""One place for each of the academy's facts: a page states a fee, an intake's date, a number of places, a venue,
a selection step or a document only where data/admissions.yaml (or data/workshops.yaml, for sessions) renders it,
in the blocks the templates mark data-from. Anything else on a built page that states such a fact is found here,
sentence by sentence, with the facts issue 17 took off the site (durations and modes, services, facilities,
events, faculty) that no source gives. The detector is shown to catch facts planted in a page, in a track's data
and in a template, and to see the academy's published facts as soon as they are not rendered from the data."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.support.guide import EXAMPLES
from tests.support.sitebuild import build_site, copy_project

# What states one of the academy's facts, whatever the page. Each is a pattern a sentence must match.
STATES = {
    "fee": r"\b(?:INR|USD|EUR|GBP|AED|SGD|Rs\.?)\s?\d|[₹$€£]\s?\d|\b\d[\d,.]*\s?(?:rupees|dollars|euros|lakhs?|crores?)\b"
    r"|\bfees?\s+(?:of|is|are|will be)\s+\S*\d",
    "places": r"\b\d+\s+(?:places|seats|fellows|participants|trainees|candidates|positions)\b"
    r"|\b\d+\s+per\s+(?:intake|session|batch|year)\b|\b(?:places|seats)\s+(?:are\s+)?(?:limited|available)\b",
    "venue": r"\bvenues?\s+(?:is|are|will be|:)|\bheld\s+(?:at|in)\s+(?-i:[A-Z])|\btakes?\s+place\s+(?:at|in)\s+(?-i:[A-Z])"
    r"|\bskills?\s+laborator(?:y|ies)\b|\b(?:teaching|partner)\s+hospitals?\b|\bpartner\s+(?:institution|centre|center)s?\b",
    "selection": r"\binterview(?:s|ed)?\b|\bshortlist(?:ed|ing)?\b|\bentrance\s+(?:test|exam)|\bselection\s+"
    r"(?:is|will|by|through|process|committee|test)\b|\b(?:written|aptitude)\s+test\b",
    "documents": r"\bcurriculum\s+vitae\b|\b(?-i:CV)\b|\bletters?\s+of\s+(?:recommendation|reference)\b|\bstatement\s+of\s+"
    r"(?:motivation|purpose)\b|\bpersonal\s+statement\b|\btranscripts?\b|\bproof\s+of\s+(?:registration|identity)\b",
    "certificate": r"\bcertificate\s+of\s+\w+|\b(?:awards?|issues?)\s+(?:a|the)\s+certificate\b",
    "recognition": r"(?<!not )\b(?:accredited|recognised|recognized|affiliated|approved)\s+(?:by|to|with)\b",
    # What issue 17 removed because no source gives it: how long or in what mode a track runs, services,
    # facilities, events and faculty.
    "duration or mode": r"\bfull-time\b|\bpart-time\b|\bone to (?:two|three) days\b|\b\d+-(?:day|week)\b"
    r"|\b(?:two|three|four|five|six|seven|eight)-week\b|\bevening\s+tutorials?\b",
    "service or event": r"\bthe academy's\s+(?:\w+\s+){0,3}(?:laborator\w*|hospital|service|clinic|centre|research day)\b"
    r"|\bannual research day\b|\bpump refill\b|\bpermanent implants\b|\bhospice\b|\bpartner specialt"
    r"|\bratio of faculty\b|\bfaculty\s+(?:come\s+)?from\b",
}
DATE = (
    r"\b(?:\d{1,2}\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{4}\b|\b\d{4}-\d{2}(?:-\d{2})?\b"
)
# A date states an admissions fact when the sentence is about applying or a session.
DATED = r"\b(?:intakes?|applications?|apply|deadline|starts?|begins?|closes?|opens?|sessions?|cohort|batch|enrol\w*)\b"
FACTS = {name: re.compile(pattern, re.IGNORECASE) for name, pattern in STATES.items()} | {
    "date": re.compile(rf"(?=.*{DATED})(?=.*(?:{DATE}))", re.IGNORECASE)
}
# Pages about the field, not the academy: there, only a sentence that names the academy speaks for it.
ABOUT_THE_FIELD = ("pain-medicine/", "pathway/", "gap-analysis/", "glossary/", "sources/", "assessment/")
# A table row is read whole too: its cells together say what a sentence would ("5 May 2027 … session … 12").
BLOCKS = [
    "p",
    "li",
    "dt",
    "dd",
    "tr",
    "td",
    "th",
    "caption",
    "summary",
    "figcaption",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
]


@dataclass(frozen=True)
class Statement:
    page: str
    fact: str
    sentence: str

    def __str__(self) -> str:
        return f"{self.page or '/'}: {self.fact}: {self.sentence}"


def sentences(html: str) -> list[str]:
    """The sentences a reader sees on a page (its content, the banner, the footer), leaving out what the
    templates render from data/admissions.yaml and data/workshops.yaml (marked data-from)."""
    soup = BeautifulSoup(html, "html.parser")
    for rendered in soup.select("[data-from]"):
        rendered.decompose()
    found = []
    for part in soup.select("article, .md-banner, .md-copyright"):
        for block in part.find_all(BLOCKS):
            text = " ".join(block.get_text(" ").split())
            found += [s for s in re.split(r"(?<=[.;!?])\s+", text) if s]
    return found


def statements(page: str, html: str) -> list[Statement]:
    """Each sentence of the page that states one of the academy's facts outside the data's own blocks."""
    found = []
    for sentence in dict.fromkeys(sentences(html)):
        if page in ABOUT_THE_FIELD and "academy" not in sentence.lower():
            continue
        found += [Statement(page, fact, sentence) for fact, pattern in FACTS.items() if pattern.search(sentence)]
    return found


def applicant_pages(site: Path) -> dict[str, str]:
    """Every built page but the faculty pages (whose examples are marked as such), by address, 404 included."""
    pages = {}
    for html in sorted(site.rglob("*.html")):
        path = html.relative_to(site).as_posix().removesuffix("index.html")
        if not path.startswith(("contributing/", "assets/", "search/")):
            pages[path] = html.read_text(encoding="utf-8")
    return pages


def site_statements(site: Path) -> list[Statement]:
    return [found for page, html in applicant_pages(site).items() for found in statements(page, html)]


def test_no_page_states_an_academy_fact_the_data_does_not_render(built_site):
    found = site_statements(built_site)
    assert not found, "\n".join(map(str, found))
    assert len(applicant_pages(built_site)) > 20


@pytest.mark.parametrize(
    ("fact", "sentence"),
    [
        ("fee", "The fee is INR 3,00,000 for the whole year."),
        ("fee", "Fees of 150000 rupees are due on admission."),
        ("date", "The next intake starts on 5 January 2027."),
        ("date", "Applications close on 2026-10-31."),
        ("places", "Each intake takes 4 fellows."),
        ("places", "Places are limited to twelve."),
        ("venue", "Sessions are held at Sample Hospital, Pune."),
        ("venue", "Training takes place at the academy's skills laboratory."),
        ("selection", "Applicants are shortlisted and then interviewed."),
        ("documents", "Send a curriculum vitae and two letters of recommendation."),
        ("recognition", "The fellowship is accredited by a national board."),
        ("duration or mode", "An eight-week part-time module."),
        ("service or event", "Fellows present at the academy's annual research day."),
        ("service or event", "Faculty come from anaesthesiology and radiology."),
    ],
)
def test_each_kind_of_fact_is_recognised(fact, sentence):
    html = f"<article><p>{sentence}</p></article>"
    assert fact in {found.fact for found in statements("tracks/fel-us-6m/", html)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Not published yet: the fee; the number of places; where the training takes place; the selection steps.",
        "How to apply lists what is published about places, fee, selection and documents.",
        "The curriculum version 2026.1 took effect on 1 November 2026.",
        "Every fellow keeps a logbook of at least 20 supervised procedures.",
        "The source is not accredited by this body.",
    ],
)
def test_sentences_that_state_no_academy_fact_pass(sentence):
    """What the pages say about the facts (not the facts), and the curriculum's own numbers, are not flagged."""
    assert statements("tracks/fel-us-6m/", f"<article><p>{sentence}</p></article>") == []


def test_pages_about_the_field_may_speak_of_interviews_until_they_name_the_academy():
    general = "<article><p>Reading the evidence pays off at interview.</p></article>"
    assert statements("pathway/", general) == []
    academy = "<article><p>The academy selects fellows by interview.</p></article>"
    assert [found.fact for found in statements("pathway/", academy)] == ["selection"]


PLANTED = {
    # (where it is planted, the page it shows on, the fact it states)
    "a page": (
        "docs/tracks/fel-us-6m.md",
        "tracks/fel-us-6m/",
        "The next intake starts on 5 January 2027, with 6 places.",
    ),
    "a track's data": (
        "data/tracks.yaml",
        "tracks/fel-pm-1y/",
        "Send a curriculum vitae and two letters of recommendation.",
    ),
    "a template": ("overrides/partials/copyright.html", "apply/", "The fee is INR 300000."),
}


@pytest.fixture(scope="module")
def planted_site(tmp_path_factory) -> Path:
    """The real site, built with one invented fact in a page, in a track's eligibility and in the footer."""
    project = copy_project(tmp_path_factory.mktemp("planted") / "project")
    page, _, sentence = PLANTED["a page"]
    (project / page).write_text((project / page).read_text(encoding="utf-8") + f"\n{sentence}\n", encoding="utf-8")
    tracks, _, sentence = PLANTED["a track's data"]
    text = (project / tracks).read_text(encoding="utf-8")
    anchor = "    - Current advanced life support certification.\n"
    assert anchor in text
    (project / tracks).write_text(text.replace(anchor, anchor + f"    - {sentence}\n"), encoding="utf-8")
    footer, _, sentence = PLANTED["a template"]
    text = (project / footer).read_text(encoding="utf-8")
    (project / footer).write_text(text.replace("</div>", f"<p>{sentence}</p>\n</div>"), encoding="utf-8")
    site = project / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.mark.parametrize("where", list(PLANTED))
def test_the_detector_catches_a_fact_planted_in(where, planted_site):
    _, page, sentence = PLANTED[where]
    found = [str(s) for s in site_statements(planted_site) if s.page == page]
    assert any(sentence in line for line in found), f"{sentence!r} not caught on {page}: {found}"


def test_the_academy_s_published_facts_are_seen_unless_rendered_from_the_data(published_build):
    """The published build (tests/published.py) shows a filled admissions record and sample sessions: rendered
    from the data, they pass; the same HTML without its data-from marks is caught fact by fact."""
    pages = applicant_pages(published_build.dir)
    assert [str(s) for page, html in pages.items() for s in statements(page, html)] == []
    unmarked = {page: re.sub(r'\sdata-from="[^"]*"', "", html) for page, html in pages.items()}
    found = {(s.page, s.fact) for page, html in unmarked.items() for s in statements(page, html)}
    filled = EXAMPLES["admission"]
    assert "fee: {amount: 250000, currency: INR" in filled and "Interview" in filled and "Curriculum vitae" in filled
    expected = {
        ("apply/", fact) for fact in ("fee", "date", "places", "venue", "certificate", "selection", "documents")
    }
    expected |= {("tracks/fel-us-6m/", "date"), ("tracks/fel-us-6m/", "certificate"), ("workshops/", "date")}
    assert expected <= found, expected - found
