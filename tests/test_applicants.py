"""What an applicant reads to choose a track and apply, checked against the data: the home page's track
cards, kinds in words, How to apply from data/admissions.yaml (empty today, and filled in as the academy
would fill it), the enquiry e-mail (none while the academy has published no contact), the calm view without
faculty controls, and the About page's promise about reviews. The phone and laptop layouts are checked in
tests/browser/test_applicant_journey.py."""

from __future__ import annotations

import dataclasses
import datetime
import re
from urllib.parse import parse_qs, unquote, urljoin, urlsplit

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from macros.escape import markdown_heading
from macros.load import load_curriculum
from macros.model import SourceKind, TrackKind
from macros.publish import NO_CONTACT, is_draft
from macros.render import Renderer
from tests.support.checking import assert_fails_with, check, replace
from tests.support.guide import EXAMPLES
from tests.support.pages import page
from tests.support.published import REAL_CONTACT
from tests.support.sitebuild import MINI, PROJECT, mkdocs_yml, site_url

CONFIG = mkdocs_yml()
SITE_URL = site_url()
TODAY = datetime.date(2026, 11, 24)
NOT_PUBLISHED = (
    "the next intake and its application dates",
    "the number of places",
    "the fee",
    "where the training takes place",
    "the certificate awarded",
    "which body, if any, recognises or accredits the track",
    "the selection steps",
    "the documents to send",
)


def words(element) -> str:
    """The text as a reader sees it: inline markup (links, dates, tooltips) joined as it is, spaces made single."""
    return " ".join(element.get_text().split())


def enquiry_of(link) -> tuple[str, str]:
    """The address and subject a mailto: link writes to."""
    parts = urlsplit(link["href"])
    assert parts.scheme == "mailto", link["href"]
    return unquote(parts.path), parse_qs(parts.query)["subject"][0]


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    """The tiny curriculum with FEL-US-6M's admissions filled in as CONTRIBUTING's example fills them."""
    data = tmp_path_factory.mktemp("filled") / "data"
    data.mkdir()
    for file in MINI.iterdir():
        (data / file.name).write_bytes(file.read_bytes())
    example = EXAMPLES["admission"] + "\n"
    admissions = data / "admissions.yaml"
    admissions.write_text(admissions.read_text(encoding="utf-8").replace("- track: FEL-US-6M\n", example), "utf-8")
    return load_curriculum(data), yaml.safe_load(example)[0]


# -- the home page ----------------------------------------------------------------------------------


def test_each_track_card_shows_what_an_applicant_decides_on(mini):
    cards = BeautifulSoup(Renderer(mini, TODAY).track_cards(root="../"), "html.parser").select("li.cm-card")
    assert len(cards) == len(mini.tracks)
    for card, track in zip(cards, mini.tracks, strict=True):
        assert card.h3.a["href"] == f"../tracks/{track.id.lower()}/"
        assert words(card.h3) == track.title
        facts = {dt.get_text(): words(dt.find_next_sibling("dd")) for dt in card.select("dt")}
        assert facts == {
            "Kind": track.kind.label,
            "Duration": str(track.duration),
            "Imaging": ", ".join(m.value for m in track.modalities),
        }
        assert words(card.select_one(".cm-card__line")) == track.tagline
        assert words(card.select_one(".cm-card__for")) == f"Who it is for: {track.audience}"


def test_the_home_page_shows_every_track_and_the_next_steps(built_site, curriculum):
    home = page(built_site, "")
    cards = home.select("article li.cm-card")
    assert [urljoin(SITE_URL, card.h3.a["href"]) for card in cards] == [
        f"{SITE_URL}tracks/{t.id.lower()}/" for t in curriculum.tracks
    ]
    buttons = {a.get_text(strip=True): urljoin(SITE_URL, a["href"]) for a in home.select("article a.md-button")}
    assert buttons == {"Find my gap": f"{SITE_URL}self-assessment/", "How to apply": f"{SITE_URL}apply/"}


def test_kinds_are_shown_in_words_everywhere(built_site, curriculum):
    """Wherever a page shows a track's kind (home cards, comparison table and cards, track pages) or a
    source's kind, it shows the label, never a raw value such as "exam-preparation"."""
    assert [kind.label for kind in TrackKind] == ["Fellowship", "Workshop", "Exam preparation"]
    expected = [t.kind.label for t in curriculum.tracks]
    home = page(built_site, "").select("article li.cm-card")
    assert [words(card.find("dt", string="Kind").find_next_sibling("dd")) for card in home] == expected
    comparison = page(built_site, "tracks")
    table = comparison.select_one("table.cm-comparison")
    column = [th.get_text(strip=True) for th in table.select("thead th")].index("Kind")
    assert [words(tr.find_all(["th", "td"])[column]) for tr in table.select("tbody tr")] == expected
    cards = comparison.select(".cm-comparison-cards li.cm-card")
    assert [words(card.find("dt", string="Kind").find_next_sibling("dd")) for card in cards] == expected
    for track in curriculum.tracks:
        profile = page(built_site, f"tracks/{track.id.lower()}").select_one("dl.cm-profile")
        assert words(profile.find("dt", string="Kind").find_next_sibling("dd")) == track.kind.label
    sources = page(built_site, "sources").select_one("table.cm-sources")
    column = [th.get_text(strip=True) for th in sources.select("thead th")].index("Kind")
    shown = {words(tr.find_all(["th", "td"])[column]) for tr in sources.select("tbody tr")}
    assert shown == {curriculum.get("sources", s.id).kind.label for s in curriculum.sources}
    assert not {kind.value for kind in SourceKind if "-" in kind.value} & shown


# -- How to apply -----------------------------------------------------------------------------------


def test_with_nothing_published_each_track_says_so_and_how_to_ask(mini):
    html = str(Renderer(mini, TODAY, contact=REAL_CONTACT).how_to_apply(root="../"))
    for track in mini.tracks:
        assert f"## {markdown_heading(track.title)} {{#{track.id}}}" in html  # Markdown: the contents list it
    sections = BeautifulSoup(html, "html.parser").select(".cm-admission")
    for section, track in zip(sections, mini.tracks, strict=True):
        assert section.select("dl") == []
        assert words(section.select_one(".cm-unpublished")) == (
            f"Not published yet: {'; '.join(NOT_PUBLISHED)}. Do not plan around them until the academy publishes them."
        )
        link = section.find("a", string="Ask the academy about this track")
        assert enquiry_of(link) == (REAL_CONTACT, f"Enquiry: {track.title}")


def test_what_the_academy_fills_in_appears_and_nothing_else_is_said_missing(filled):
    curriculum, written = filled
    html = str(Renderer(curriculum, TODAY, contact=REAL_CONTACT).how_to_apply())
    section = BeautifulSoup(html, "html.parser").select(".cm-admission")[0]
    facts = {dt.get_text(): dd for dt in section.select("dt") for dd in [dt.find_next_sibling("dd")]}
    assert list(facts) == [
        "Intakes",
        "Places",
        "Fee",
        "Where",
        "Certificate",
        "Recognition",
        "Selection",
        "Documents to send",
    ]
    assert [words(li) for li in facts["Intakes"].select("li")] == [
        "Starts in January 2027; applications from 1 September 2026 to 31 October 2026.",
        "Starts on 5 July 2027; application dates not published yet.",
    ]
    assert [t["datetime"] for t in facts["Intakes"].select("time")] == [
        "2027-01",
        "2026-09-01",
        "2026-10-31",
        "2027-07-05",
    ]
    assert words(facts["Places"]) == f"{written['places']} per intake"
    assert words(facts["Fee"]) == f"₹2,50,000. {written['fee']['covers']}"  # rupees the Indian way (Babel, en_IN)
    assert words(facts["Where"]) == ", ".join(written["locations"][0].values())
    assert words(facts["Certificate"]) == written["certificate"]
    recognition = written["recognition"][0]
    assert words(facts["Recognition"]) == f"{recognition['by']}: {recognition['what']}, until 31 December 2029."
    assert [words(li) for li in facts["Selection"].select("ol > li")] == written["selection"]
    assert [words(li) for li in facts["Documents to send"].select("li")] == written["documents"]
    assert section.select_one(".cm-unpublished") is None
    other = BeautifulSoup(html, "html.parser").select(".cm-admission")[1]
    assert other.select_one(".cm-unpublished") is not None, "the other track has published nothing"


def test_intakes_that_have_begun_leave_the_page_and_the_track_page(filled):
    curriculum, _ = filled
    in_february = Renderer(curriculum, datetime.date(2027, 2, 1), contact=REAL_CONTACT)
    section = BeautifulSoup(str(in_february.how_to_apply()), "html.parser").select(".cm-admission")[0]
    assert [words(li) for li in section.find("dt", string="Intakes").find_next_sibling("dd").select("li")] == [
        "Starts on 5 July 2027; application dates not published yet."
    ]
    january = Renderer(curriculum, datetime.date(2027, 1, 31), contact=REAL_CONTACT).track_profile("FEL-US-6M")
    applying = BeautifulSoup(january, "html.parser").find("dt", string="Applying").find_next_sibling("dd")
    assert words(applying).startswith("The next intake starts in January 2027;"), "a month-only intake counts all month"
    later = Renderer(curriculum, datetime.date(2027, 7, 6), contact=REAL_CONTACT)
    section = BeautifulSoup(str(later.how_to_apply()), "html.parser").select(".cm-admission")[0]
    assert "the next intake and its application dates" in words(section.select_one(".cm-unpublished"))


def test_the_track_page_shows_certificate_and_recognition_when_published(filled, mini):
    curriculum, written = filled
    profile = BeautifulSoup(Renderer(curriculum, TODAY, contact=REAL_CONTACT).track_profile("FEL-US-6M"), "html.parser")
    facts = {dt.get_text(): words(dt.find_next_sibling("dd")) for dt in profile.select("dt")}
    assert facts["Certificate"] == written["certificate"]
    assert facts["Recognition"].startswith(written["recognition"][0]["by"])
    empty = BeautifulSoup(Renderer(mini, TODAY, contact=REAL_CONTACT).track_profile("FEL-US-6M"), "html.parser")
    facts = {dt.get_text(): words(dt.find_next_sibling("dd")) for dt in empty.select("dt")}
    assert facts["Certificate"] == "Not published yet."
    assert facts["Recognition"].startswith("Not published yet: the academy has not said which body, if any,")
    assert facts["Applying"].startswith("The academy has not published the next intake or its application dates yet.")


@pytest.mark.parametrize("contact", [None, "", "fellowships@pain-academy.example", "apply@academy.test"])
def test_without_a_real_contact_no_section_offers_an_e_mail(mini, contact):
    """No address, or a placeholder that receives no mail: each section says so instead of linking to it."""
    renderer = Renderer(mini, TODAY, contact=contact)
    for html in (str(renderer.how_to_apply()), str(renderer.track_profile("FEL-US-6M"))):
        page = BeautifulSoup(html, "html.parser")
        assert "mailto:" not in html and "@" not in page.get_text()
        assert NO_CONTACT in words(page)
    assert renderer.academy_contact("Write to {address}.") == NO_CONTACT


def test_the_built_pages_say_the_academy_has_published_no_contact(built_site, curriculum):
    """mkdocs.yml ships no contact: How to apply and each track page say so where the e-mail would be; no form.
    With a real address they link to it (tests/browser/test_published.py)."""
    assert CONFIG["extra"]["academy"]["contact"] == ""
    apply = page(built_site, "apply")
    assert not apply.select("article form")
    for track in curriculum.tracks:
        heading = apply.find(id=track.id)
        assert heading.name == "h2" and words(heading).rstrip(" ¶") == track.title
        section = heading.find_next_sibling("div", class_="cm-admission")
        assert not section.select("a.md-button") and words(section).endswith(NO_CONTACT)
        profile = page(built_site, f"tracks/{track.id.lower()}").select_one("dl.cm-profile")
        applying = profile.find("dt", string="Applying").find_next_sibling("dd")
        assert urljoin(f"{SITE_URL}tracks/x/", applying.find("a", string="How to apply")["href"]) == (
            f"{SITE_URL}apply/#{track.id}"
        )
        assert words(applying).endswith(NO_CONTACT) and not applying.select("a[href^='mailto:']")
    contents = [a["href"] for a in apply.select(".md-sidebar--secondary nav.md-nav--secondary a")]
    assert contents == ["#before-you-apply", "#fees-and-costs"] + [f"#{t.id}" for t in curriculum.tracks]


def test_how_to_apply_is_linked_from_home_tracks_pathway_and_navigation(built_site):
    for path in ("", "tracks/", "pathway/"):
        links = {
            urljoin(SITE_URL + path, a["href"]).split("#")[0] for a in page(built_site, path).select("article a[href]")
        }
        assert f"{SITE_URL}apply/" in links, path
    comparison = page(built_site, "tracks").select_one(".cm-next")
    assert urljoin(f"{SITE_URL}tracks/", comparison.a["href"]) == f"{SITE_URL}apply/"
    nav = {
        a.get_text(strip=True): a["href"]
        for a in page(built_site, "").select("nav.md-nav--primary a.md-nav__link[href]")
    }
    assert nav["How to apply"] == "apply/"


def test_the_admissions_data_ships_without_a_single_invented_fact(curriculum):
    """The seeds give no intake, fee, place, location, certificate, recognition, selection or document:
    until the academy publishes them, every record names its track and nothing else."""
    assert [a.track for a in curriculum.admissions] == [t.id for t in curriculum.tracks]
    for admission in curriculum.admissions:
        assert admission.model_dump(exclude_defaults=True) == {"track": admission.track}


# -- admissions data mistakes --------------------------------------------------------------------------


def test_a_track_without_an_admissions_record_has_published_nothing(mini_data):
    replace(mini_data, "admissions.yaml", "- track: WS-KNEE\n", "")
    assert check(mini_data).code == 0
    curriculum = load_curriculum(mini_data)
    assert curriculum.admission("WS-KNEE").model_dump(exclude_defaults=True) == {"track": "WS-KNEE"}
    section = BeautifulSoup(str(Renderer(curriculum, TODAY, contact=REAL_CONTACT).how_to_apply()), "html.parser")
    assert words(section.select(".cm-unpublished")[1]).startswith(f"Not published yet: {NOT_PUBLISHED[0]};")


@pytest.mark.parametrize(
    ("intake", "field", "message"),
    [
        (
            "{starts: 2027-13}",
            "starts",
            "expected a month written YYYY-MM or a date written YYYY-MM-DD, got the text '2027-13'",
        ),
        (
            "{starts: '2027-02-30'}",
            "starts",
            "2027-02-30 is not a date: February 2027 has 28 days. Write a date that exists, as YYYY-MM-DD",
        ),
        (
            "{starts: 2027-01, applications_open: 2026-10-01, applications_close: 2026-09-01}",
            "applications_close",
            "applications close (2026-09-01) before they open (2026-10-01)",
        ),
        (
            "{starts: 2027-01-04, applications_close: 2027-01-05}",
            "applications_close",
            "applications close (2027-01-05) after the intake starts (2027-01-04)",
        ),
    ],
    ids=["no-such-month", "no-such-day", "closes-before-opening", "closes-after-start"],
)
def test_intake_mistakes(mini_data, intake, field, message):
    line = replace(
        mini_data, "admissions.yaml", "- track: WS-KNEE\n", f"- track: WS-KNEE\n  intakes:\n    - {intake}\n"
    )
    assert_fails_with(
        mini_data, f"data/admissions.yaml:{line + 2}: record WS-KNEE, field intakes[0].{field}: {message}"
    )


def test_a_currency_written_in_words(mini_data):
    line = replace(
        mini_data,
        "admissions.yaml",
        "- track: WS-KNEE\n",
        "- track: WS-KNEE\n  fee: {amount: 5000, currency: rupees}\n",
    )
    assert_fails_with(
        mini_data,
        f"data/admissions.yaml:{line + 1}: record WS-KNEE, field fee.currency: "
        "expected a three-letter currency code in capitals, e.g. INR or USD, got the text 'rupees'",
    )


# -- the calm view ------------------------------------------------------------------------------------


def test_only_faculty_pages_show_the_edit_and_repository_buttons(built_site):
    """Applicant pages carry neither control; the "For faculty" pages (docs/contributing/) carry both.
    The header, which Material keeps across instant navigation, carries no repository button at all."""
    repo = CONFIG["repo_url"]
    faculty = 0
    for html in sorted(built_site.rglob("*.html")):
        path = html.relative_to(built_site).as_posix()
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        assert not soup.select(".md-header .md-source, .md-header__source, .md-nav__source"), path
        buttons = soup.select("article a.md-content__button")
        if path.startswith("contributing/"):
            faculty += 1
            edit = soup.select_one("article a.md-content__button[rel=edit]")
            assert re.fullmatch(rf"{re.escape(repo)}/{CONFIG['edit_uri']}contributing/\w+\.md", edit["href"]), path
            assert [b["href"] for b in buttons if b.get("rel") != ["edit"]] == [repo], path
        else:
            assert buttons == [], f"{path} shows {[b.get('title') for b in buttons]}"
    assert faculty == len(list((PROJECT / "docs" / "contributing").glob("*.md")))


def test_for_faculty_is_the_last_section_and_holds_exactly_the_faculty_pages(built_site):
    *_, last = CONFIG["nav"]
    ((title, pages),) = last.items()
    assert title == "For faculty"
    in_section = sorted(p if isinstance(p, str) else next(iter(p.values())) for p in pages)
    assert in_section == sorted(
        p.relative_to(PROJECT / "docs").as_posix() for p in (PROJECT / "docs" / "contributing").glob("*.md")
    )
    sections = page(built_site, "").select("nav.md-nav--primary > ul > li.md-nav__item--section")
    assert words(sections[-1]).startswith("For faculty")


# -- the About page's promise about reviews -------------------------------------------------------------


def test_the_review_status_is_shown_where_the_about_page_says(built_site, curriculum):
    """While the curriculum is a draft (the banner stands), a record says who reviewed it or nothing at all."""
    about = words(page(built_site, "about").select_one("article"))
    assert (
        "A reviewed track's page, and a reviewed skill in the skills catalogue, says who last reviewed it and "
        "when." in about
    )
    assert is_draft(curriculum), "the shipped tracks are not reviewed yet: the site-wide banner stands"

    def expected(record) -> str | None:
        if record.last_reviewed:
            return f"Reviewed by {record.reviewed_by} on {record.last_reviewed.strftime('%-d %B %Y')}."
        return None

    for track in curriculum.tracks:
        statuses = page(built_site, f"tracks/{track.id.lower()}").select("article .cm-reviewed")
        assert [words(status) for status in statuses] == [s for s in [expected(track)] if s], track.id
    catalogue = [p for p in built_site.rglob("index.html") if p.parent.name.startswith("skills")]
    found = {}
    for html in catalogue:
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        headings = {h["id"]: h for h in soup.select("h2[id], h3[id], h4[id]")}
        for skill in curriculum.skills:
            if skill.id in headings:
                status = headings[skill.id].find_parent("article").select_one(".cm-reviewed")
                found[skill.id] = words(status) if status else None
    assert found == {skill.id: expected(skill) for skill in curriculum.skills}


def test_a_reviewed_record_names_who_and_when(mini_data):
    replace(
        mini_data,
        "tracks.yaml",
        "  targets_source: PROGRAMME\n",
        "  targets_source: PROGRAMME\n  last_reviewed: 2026-11-20\n  reviewed_by: Curriculum committee\n",
    )
    assert check(mini_data).code == 0
    curriculum = load_curriculum(mini_data)
    profile = BeautifulSoup(Renderer(curriculum, TODAY, contact=REAL_CONTACT).track_profile("FEL-US-6M"), "html.parser")
    status = profile.select_one(".cm-reviewed")
    assert words(status) == "Reviewed by Curriculum committee on 20 November 2026."
    assert status.time["datetime"] == "2026-11-20"


def test_a_track_title_reaches_its_how_to_apply_heading_as_typed(mini):
    """The section heading is Markdown (so the page's contents list it): markup, emphasis, template code and
    an attribute list in a title stay text, and the anchor stays the track's ID."""
    title = 'Pain & "care" <b>x</b> *em* {{ config }} { #evil .cls } #'
    track = mini.tracks[0].model_copy(update={"title": title})
    curriculum = dataclasses.replace(mini, tracks=(track, *mini.tracks[1:]))
    text = str(Renderer(curriculum, TODAY, contact=REAL_CONTACT).how_to_apply())
    html = BeautifulSoup(markdown.markdown(text, extensions=["attr_list", "md_in_html", "toc"]), "html.parser")
    heading = html.find("h2")
    assert heading["id"] == track.id
    assert heading.get_text() == title
    assert not heading.find_all(True) and not html.select(".cls, b, em")
