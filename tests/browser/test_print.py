"""Each track page printed to PDF by Chromium on A4 and on Letter, read back with poppler's pdftotext (page
sizes with pypdf): a logbook sheet with columns for the number performed and the sign-off, the track,
curriculum version and dates on every page in a footer that does not wrap, column headings repeated on
every page of the checklist, no row split between pages, a key to the levels and assessments and a final
sign-off block, none of the site's navigation chrome; and "Print this checklist", which prints the sheet
alone from page 1."""

from __future__ import annotations

import functools
import io
import re
import unicodedata
from dataclasses import dataclass

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from macros.clock import build_date
from macros.escape import css_string
from tests.support.browsing import pdf_text
from tests.support.sitebuild import mkdocs_yml

PAPER_POINTS = {"A4": (595.28, 841.89), "Letter": (612.0, 792.0)}  # 210 x 297 mm; 8.5 x 11 in
CONFIG = mkdocs_yml()


def words(text: str) -> str:
    """Runs of spaces made one; typographic ligatures (the "fl" in "fluoroscopy") made letters again; a word
    broken after its own hyphen at the end of a line ("anti-" / "inflammatory") made whole again."""
    return re.sub(r"(?<=\w)- (?=\w)", "-", " ".join(unicodedata.normalize("NFKC", text).split()))


def nav_titles(items) -> list[str]:
    titles = []
    for item in items:
        if isinstance(item, dict):
            for title, value in item.items():
                titles.append(title)
                if isinstance(value, list):
                    titles += nav_titles(value)
    return titles


def chrome_texts(built_site, track) -> list[str]:
    """Text that only the site's chrome shows on a track page: navigation, search, skip link, table of
    contents, footer. Anything that also occurs in the page's own content is left out."""
    html = BeautifulSoup(
        (built_site / "tracks" / track.id.lower() / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    article = words(html.select_one("article").get_text(" "))
    candidates = [
        *nav_titles(CONFIG["nav"]),
        *(words(a.get_text(" ")) for a in html.select(".md-nav--primary a")),
        *(words(a.get_text(" ")) for a in html.select(".md-footer a")),
        CONFIG["extra"]["academy"]["contact"],
        CONFIG["repo_name"],
        "Skip to content",
        "Table of contents",
        "Edit this page",
    ]
    return sorted({text for text in candidates if text and text not in article})


@dataclass(frozen=True)
class Printed:
    pdf: bytes

    @functools.cached_property
    def reader(self) -> PdfReader:
        return PdfReader(io.BytesIO(self.pdf))

    @functools.cached_property
    def pages(self) -> list[str]:
        """Each page's text, with runs of spaces made single."""
        return [words(page) for page in pdf_text(self.pdf).split("\f")[: len(self.reader.pages)]]

    @functools.cached_property
    def layout_pages(self) -> list[list[str]]:
        """Each page's lines as laid out on paper (pdftotext -layout)."""
        return [page.splitlines() for page in pdf_text(self.pdf, layout=True).split("\f")[: len(self.reader.pages)]]


@pytest.fixture(scope="module")
def printed(visits, server, curriculum):
    """(track ID, paper) -> the printed page; (track ID, "checklist") -> "Print this checklist" on A4."""
    with visits(server) as visit:
        pdfs = {}
        for track in curriculum.tracks:
            visit.open(f"tracks/{track.id.lower()}/", wait_until="load")
            for paper in PAPER_POINTS:
                pdfs[track.id, paper] = Printed(visit.page.pdf(format=paper))
            pdfs[track.id, "checklist"] = Printed(print_the_checklist(visit.page))
    return pdfs


def print_the_checklist(page) -> bytes:
    """Press "Print this checklist" as a reader does. Chromium's print dialog cannot be driven, so
    window.print is replaced by one that records the call; the page is printed to PDF as it stands when
    the dialog would open."""
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    page.get_by_role("button", name="Print this checklist").click()
    assert page.evaluate("window.__printed") == 1, "the button opens the print dialog"
    pdf = page.pdf(format="A4")
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    assert page.evaluate("document.documentElement.hasAttribute('data-cm-printing')") is False
    return pdf


def page_texts(printed: Printed) -> list[str]:
    return printed.pages


@pytest.mark.parametrize("paper", list(PAPER_POINTS))
def test_pages_are_the_paper_asked_for(printed, curriculum, paper):
    for track in curriculum.tracks:
        for page in printed[track.id, paper].reader.pages:
            width, height = float(page.mediabox.width), float(page.mediabox.height)
            expected_width, expected_height = PAPER_POINTS[paper]
            assert abs(width - expected_width) < 2 and abs(height - expected_height) < 2, (track.id, width, height)


@pytest.mark.parametrize("paper", list(PAPER_POINTS))
def test_every_page_names_the_track_the_curriculum_version_and_the_dates(printed, curriculum, paper):
    info = curriculum.info
    for track in curriculum.tracks:
        pages = page_texts(printed[track.id, paper])
        for number, text in enumerate(pages, start=1):
            where = f"{track.id} on {paper}, page {number} of {len(pages)}"
            assert track.title in text, where
            assert f"version {info.version}" in text, where
            assert info.effective.strftime("%-d %B %Y") in text, where
            assert build_date().strftime("%-d %B %Y") in text, where
            assert f"Page {number} of {len(pages)}" in text, where


def mentions(text: str, record_id: str) -> bool:
    """Whether a page names a record by its ID as a word of its own (EPA-ACUTE-TRANSITION does not name
    ACUTE-TRANSITION)."""
    return re.search(rf"(?<![\w-]){re.escape(record_id)}(?![\w-])", text) is not None


@pytest.mark.parametrize("paper", list(PAPER_POINTS))
def test_checklist_pages_repeat_the_headings_with_the_sign_off_columns(printed, curriculum, paper):
    headings = [
        "Target level",
        "Minimum supervised",
        "Number performed",
        "Date signed off",
        "Supervisor (name, signature)",
        f"Level reached (1–{len(curriculum.entrustment)})",
    ]
    for track in curriculum.tracks:
        pages = page_texts(printed[track.id, paper])
        with_rows = [text for text in pages if any(mentions(text, e.skill) for e in track.skills)]
        assert with_rows, f"{track.id}: the checklist is missing from the print"
        for text in with_rows:
            for heading in headings:
                assert heading in text, f"{track.id} on {paper}: '{heading}' missing on a page of the checklist"
            assert "printed from the site built" in text, f"{track.id}: the banner row repeats with the headings"


@pytest.mark.parametrize("paper", list(PAPER_POINTS))
def test_no_row_is_split_between_pages(printed, curriculum, paper):
    for track in curriculum.tracks:
        pages = page_texts(printed[track.id, paper])
        for entry in track.skills:
            found = [text for text in pages if re.search(rf"(?<![\w-]){re.escape(entry.skill)}(?![\w-])", text)]
            assert len(found) == 1, f"{track.id}: {entry.skill} should be printed once, found {len(found)}"
            title_words = set(curriculum.skill(entry.skill).title.split())
            assert title_words <= set(found[0].split()), f"{track.id}: the row of {entry.skill} is split"


@pytest.mark.parametrize("paper", list(PAPER_POINTS))
def test_no_navigation_search_or_footer_is_printed(printed, curriculum, built_site, paper):
    for track in curriculum.tracks:
        text = " ".join(page_texts(printed[track.id, paper]))
        chrome = chrome_texts(built_site, track)
        assert chrome, "nothing to look for"
        printed_chrome = [item for item in chrome if item in text]
        assert not printed_chrome, f"{track.id} on {paper} prints the site's chrome: {printed_chrome}"
        assert "Downloads" not in text, "download links are for screens"


def test_the_running_line_cannot_break_out_of_its_style_element():
    """The track title reaches a <style> element (the running line): it is a CSS string, escaped whole."""
    hostile = 'Knee "course" </style><script>alert(1)</script> \\ ; } { url(x)'
    css = str(css_string(hostile))
    assert css[0] == css[-1] == '"'
    assert not set(css[1:-1]) & set('"<>;{}()/'), css
    decoded = re.sub(r"\\([0-9a-f]{6})", lambda m: chr(int(m.group(1), 16)), css[1:-1])
    assert decoded == hostile


@pytest.mark.parametrize("paper", list(PAPER_POINTS))
def test_the_page_footer_is_one_line_with_its_spaces(printed, curriculum, paper):
    """ "Page 3 of 7" stays on one line, and the running line keeps the spaces typed around its dots."""
    info = curriculum.info
    for track in curriculum.tracks:
        pages = printed[track.id, paper].layout_pages
        for number, lines in enumerate(pages, start=1):
            footer = [line for line in lines if re.search(r"\bPage\b", line)]
            assert any(re.search(rf"\bPage {number} of {len(pages)}\b", line) for line in footer), (track.id, number)
        text = " ".join(printed[track.id, paper].pages)
        assert f"{track.title} · {info.title}, version {info.version}" in text, track.id


def test_the_sheet_ends_with_a_key_and_a_final_sign_off(printed, curriculum):
    """After the last row: the key (each level with its meaning, each assessment the sheet names with its
    full name), then the sign-off block; each kept whole on one page."""
    for track in curriculum.tracks:
        for printing in ("A4", "checklist"):
            pages = printed[track.id, printing].pages
            (key,) = [page for page in pages if "Key to the levels and the assessments" in page]
            (sign_off,) = [page for page in pages if "Final sign-off" in page]
            assert pages.index(key) <= pages.index(sign_off)
            laid_out = "\n".join(line for page in printed[track.id, printing].layout_pages for line in page)
            last_row = max(laid_out.index(e.skill) for e in track.skills)  # top to bottom, page after page
            assert last_row < laid_out.index("Key to the levels") < laid_out.index("Final sign-off"), track.id
            key = key[key.index("Key to the levels") :]
            scales = curriculum.scales_used(curriculum.skill(e.skill) for e in track.skills)
            for scale in scales:
                for level in curriculum.scale(scale):
                    said = f"Level {level.level}: {level.label} {words(level.definition)}"
                    assert said in key, (track.id, scale, level.level)
            used = {m for e in track.skills for m in curriculum.skill(e.skill).assessments}
            for method in curriculum.assessments:
                assert (f"{method.short_title} {method.title}" in key) == (method.id in used), (track.id, method.id)
            block = sign_off[sign_off.index("Final sign-off") :]
            assert "Role Name Signature Date Fellow Supervisor Programme director" in block, block


def test_print_this_checklist_prints_the_sheet_alone_from_page_1(printed, curriculum):
    for track in curriculum.tracks:
        alone = printed[track.id, "checklist"].pages
        whole = printed[track.id, "A4"].pages
        first_line = next(line.strip() for line in printed[track.id, "checklist"].layout_pages[0] if line.strip())
        first = "Entrustable professional activities" if curriculum.epas_in(track.id) else "Skills checklist"
        assert first_line == f"{first}: {track.title}", first_line
        assert len(alone) < len(whole)
        text = " ".join(alone)
        for elsewhere in (track.summary, track.procedural_training, track.structure[0].description):
            assert words(elsewhere)[:60] not in text, f"{track.id}: the rest of the page is printed too"
        for entry in track.skills:
            assert re.search(rf"(?<![\w-]){re.escape(entry.skill)}(?![\w-])", text), (track.id, entry.skill)
        for number, page in enumerate(alone, start=1):
            assert f"Page {number} of {len(alone)}" in page, (track.id, number)


def test_a_fellowship_prints_its_epas_with_boxes_for_the_committees_decision(printed, curriculum):
    for track in curriculum.tracks:
        epas = curriculum.epas_in(track.id)
        for printing in ("A4", "checklist"):
            text = " ".join(printed[track.id, printing].pages)
            assert ("Date entrusted" in text) == bool(epas), (track.id, printing)
            for epa, target in epas:
                assert mentions(text, epa.id) and words(epa.title) in text, (track.id, epa.id)
                level = curriculum.get("entrustment", target.level)
                assert f"{epa.id} {target.level} {level.label}" in text, (track.id, epa.id)
            if epas:
                assert text.index("Entrustable professional activities") < text.index("Skills checklist"), track.id


def test_a_target_for_some_specialties_prints_beside_the_tracks_own(printed, curriculum):
    """On paper too, the sedation row says the other target and whose it is; the reason stays on the screen."""
    for track in (t for t in curriculum.tracks if t.is_fellowship):
        text = " ".join(printed[track.id, "checklist"].pages)
        assert "For fellows who are not anaesthesiologists: 3 Indirect supervision, at least 20 supervised" in text
        reason = track.target("SAFETY-SEDATION").for_backgrounds[0].reason
        assert words(reason)[:40] not in text, track.id
