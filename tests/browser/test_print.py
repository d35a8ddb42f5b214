"""Each track page printed to PDF by Chromium on A4 and on Letter, read back with pypdf: a logbook sheet
with sign-off columns, the track, curriculum version and dates on every page, column headings repeated
on every page of the checklist, no row split between pages, and none of the site's navigation chrome."""

from __future__ import annotations

import io
import re
import unicodedata

import pytest
from browsing import new_visit
from bs4 import BeautifulSoup
from pypdf import PdfReader

from macros.clock import build_date
from macros.render import css_string
from sitebuild import mkdocs_yml

PAPER_POINTS = {"A4": (595.28, 841.89), "Letter": (612.0, 792.0)}  # 210 x 297 mm; 8.5 x 11 in
CONFIG = mkdocs_yml()


def words(text: str) -> str:
    """Runs of spaces made one; typographic ligatures (the "fl" in "fluoroscopy") made letters again."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


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


@pytest.fixture(scope="module")
def printed(browser, server, curriculum):
    """(track ID, paper) -> the PDF's pages, as text with runs of spaces made single."""
    visit = new_visit(browser, server)
    pdfs = {}
    try:
        for track in curriculum.tracks:
            visit.open(f"tracks/{track.id.lower()}/", wait_until="load")
            for paper in PAPER_POINTS:
                reader = PdfReader(io.BytesIO(visit.page.pdf(format=paper)))
                pdfs[track.id, paper] = reader
    finally:
        visit.page.context.close()
    return pdfs


def page_texts(reader: PdfReader) -> list[str]:
    return [words(page.extract_text()) for page in reader.pages]


@pytest.mark.parametrize("paper", list(PAPER_POINTS))
def test_pages_are_the_paper_asked_for(printed, curriculum, paper):
    for track in curriculum.tracks:
        for page in printed[track.id, paper].pages:
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


@pytest.mark.parametrize("paper", list(PAPER_POINTS))
def test_checklist_pages_repeat_the_headings_with_the_sign_off_columns(printed, curriculum, paper):
    headings = [
        "Target level",
        "Minimum supervised",
        "Date signed off",
        "Supervisor (name, signature)",
        f"Level reached (1–{len(curriculum.entrustment)})",
    ]
    for track in curriculum.tracks:
        pages = page_texts(printed[track.id, paper])
        with_rows = [text for text in pages if any(e.skill in text for e in track.skills)]
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
