"""Every output context of macros/escape.py fed the same hostile strings: each context, read back the way
its reader reads it (an HTML parser, Markdown with the site's extensions, MkDocs' title, the table of
contents, Material's search index, a CSS string, JSON, a spreadsheet, a calendar), gives the text exactly
as typed, with runs of white space made one space where it is shown on one line, and no live markup.
tests/browser/test_hostile_text.py checks the same in Chromium, on a site built with a hostile track title."""

from __future__ import annotations

import csv
import datetime
import html
import io
import json
import re

import icalendar
import markdown
import pytest
from bs4 import BeautifulSoup
from markdown.extensions.toc import slugify
from material.plugins.search.plugin import Parser
from mkdocs.config import load_config
from mkdocs.structure.pages import _ExtractTitleTreeprocessor

from macros.escape import (
    css_string,
    csv_cell,
    html_attribute,
    html_text,
    ics_text,
    json_attribute,
    json_document,
    markdown_heading,
    one_line,
    plain_title,
)
from tests.support.sitebuild import PROJECT

HOSTILE = [
    'Pain & palliative "care" for fellows\' use',
    "Breakout </title><script>alert(7)</script>",
    "</script><script>alert(1)</script><!-- x -->",
    "{{ config.site_name }} {% if true %}x{% endif %} {# note #}",
    '=HYPERLINK("https://example.org","x")',
    "+1 more",
    "-2 fewer",
    "@SUM(A1:A2)",
    "First line\nsecond line\r\nthird\tline",
    "\u200fright-to-left mark, then \u202eoverride",
    "Emoji 🩺 and 💉 and 🧑🏽‍⚕️",
    "Combining accents: e\u0301 a\u0300 n\u0303 and precomposed é",
    "*emphasis* _under_ `code` [link](x) ![image](y) <https://example.org> ~~del~~ ==mark== ^^ins^^",
    "Heading {: #forged-id onclick=alert(1) } \\ | table | # closing #",
    '<b onmouseover="alert(1)">bold</b> &amp; &#60; &lt; & ;',
    "; , \\n semicolons, commas and a backslash-n for iCalendar",
]

# Tags that may appear where text from data is shown: the glossary's abbreviations, nothing else.
ALLOWED_TAGS = {"abbr"}


def shown(text: str) -> str:
    """What a reader sees where the text is on one line."""
    return one_line(text)


def parsed(fragment: str) -> BeautifulSoup:
    return BeautifulSoup(fragment, "html.parser")


@pytest.fixture(scope="module")
def site_markdown():
    """A Python-Markdown with the site's extensions and settings (as the adapter completes them) and MkDocs'
    reading of the page title, as MkDocs renders a page."""
    config = load_config(str(PROJECT / "mkdocs.yml"))
    configs = {name: dict(settings) for name, settings in config.mdx_configs.items()}
    configs.setdefault("abbr", {})["glossary"] = {"CIPS": "Certified Interventional Pain Sonologist"}

    def new():
        md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=configs)
        md.page_title = _ExtractTitleTreeprocessor()
        md.page_title._register(md)
        return md

    return new


@pytest.mark.parametrize("text", HOSTILE)
def test_element_text(text):
    out = html_text(text)
    element = parsed(f"<p>{out}</p>").p
    assert element.get_text() == shown(text)
    assert element.find() is None, "no element made from the text"


@pytest.mark.parametrize("text", HOSTILE)
def test_attribute_value(text):
    element = parsed(f'<p title="{html_attribute(text)}" class="kept">x</p>').p
    assert element["title"] == shown(text)
    assert set(element.attrs) == {"title", "class"}, "the value cannot end the attribute or the tag"


@pytest.mark.parametrize("text", HOSTILE)
def test_json_in_an_attribute(text):
    value = {"title": text, "list": [text]}
    element = parsed(f'<div data-json="{json_attribute(value)}"></div>').div
    assert json.loads(element["data-json"]) == value, "white space inside JSON strings is kept"


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_heading_line(text, site_markdown):
    """The page heading, MkDocs' page title taken from it, its id, its table-of-contents entry and its search
    index entry: all the text as typed. The same string is the page title mkdocs-macros sets."""
    line = markdown_heading(text)
    assert "\n" not in line and "{{" not in line and "{%" not in line, "one line, and nothing Jinja would run"
    md = site_markdown()
    page = parsed(md.convert(f"# {line}\n\nBody.\n\n## {line}\n"))
    h1, h2 = page.h1, page.h2
    h1.find("a", class_="headerlink").decompose()
    assert h1.get_text() == shown(text)
    assert {tag.name for tag in h1.find_all(True)} <= ALLOWED_TAGS, h1
    assert set(h1.attrs) == {"id"} and h1["id"] == heading_id(shown(text))
    assert h2["id"] == f"{h1['id']}_1"
    # MkDocs' page title (navigation, header, footer) is HTML text, which the theme shows as it is:
    assert parsed(md.page_title.title).get_text() == shown(text)
    assert parsed(line).get_text() == shown(text), "the title mkdocs-macros sets from the same call"


@pytest.mark.parametrize("text", HOSTILE)
def test_table_of_contents_and_search_index(text, site_markdown):
    md = site_markdown()
    body = md.convert(f"# Page\n\n## {markdown_heading(text)}\n\nBody.\n")
    (entry,) = md.toc_tokens[0]["children"]
    assert html.unescape(entry["name"]) == shown(text), "the table of contents shows the name as HTML"
    parser = Parser()
    parser.feed(body)
    parser.close()
    section = next(s for s in parser.data if s.id == entry["id"])
    assert html.unescape("".join(section.title)) == shown(text), "Material's search index holds HTML text"


@pytest.mark.parametrize("text", HOSTILE)
def test_title_element_and_attributes_from_a_page_title(text):
    for page_title in (markdown_heading(text), f"{html_text(text)} <abbr title='x'>CIPS</abbr>"):
        expected = parsed(page_title).get_text()
        document = parsed(f"<head><title>{plain_title(page_title)}</title></head>")
        assert document.title.get_text() == expected
        element = parsed(f'<a aria-label="Next: {plain_title(page_title)}">x</a>').a
        assert element["aria-label"] == f"Next: {expected}"
    assert shown(text) == parsed(markdown_heading(text)).get_text()


def heading_id(text: str) -> str:
    """A heading's id as the site makes it: Python-Markdown's own slugify (the site sets none of its own)."""
    return slugify(text, "-")


@pytest.mark.parametrize("text", HOSTILE)
def test_heading_id_is_a_readable_slug(text):
    slug = heading_id(shown(text))
    assert re.fullmatch(r"-?[a-z0-9_]+(-[a-z0-9_]+)*-?", slug), slug


def test_the_site_sets_no_slugify_of_its_own():
    assert "slugify" not in (load_config(str(PROJECT / "mkdocs.yml")).mdx_configs.get("toc") or {})


def test_heading_id_keeps_the_anchors_the_site_links_to():
    assert heading_id("Entrustment scale") == "entrustment-scale"
    assert heading_id("Fellowship in pain medicine (ultrasound and fluoroscopy)") == (
        "fellowship-in-pain-medicine-ultrasound-and-fluoroscopy"
    )
    assert heading_id("Café e\u0301 — 🩺") == "cafe-e"


def read_css_string(token: str) -> str:
    """A CSS string token's value, as CSS Syntax reads it: an escape is up to six hex digits, and one white
    space after them belongs to the escape; a backslash before any other character stands for it."""
    assert token[0] == token[-1] == '"'
    escape_sequence = r"\\([0-9a-fA-F]{1,6})[ \t\n]?|\\(.)"
    return re.sub(escape_sequence, lambda m: chr(int(m[1], 16)) if m[1] else m[2], token[1:-1])


@pytest.mark.parametrize("text", [*HOSTILE, "a - b", "x · y", "10 %"])
def test_css_string(text):
    out = str(css_string(text))
    assert re.fullmatch(r'"(?:[A-Za-z0-9]|\\[0-9a-f]{6})*"', out), "letters, digits and escapes only"
    assert read_css_string(out) == shown(text)


@pytest.mark.parametrize("text", HOSTILE)
def test_json_download(text):
    document = {"tracks": [{"title": text}]}
    assert json.loads(json_document(document).decode("utf-8")) == document


@pytest.mark.parametrize("text", HOSTILE)
def test_csv_cell(text):
    out = io.StringIO()
    csv.writer(out).writerow([csv_cell(text), csv_cell(7)])
    (row,) = csv.reader(io.StringIO(out.getvalue(), newline=""))
    formula = text[:1] in ("=", "+", "-", "@", "\t", "\r", "\n")
    assert row == ["'" + text if formula else text, "7"], "exact, but never a formula a spreadsheet runs"
    assert not row[0].startswith(("=", "+", "-", "@"))


@pytest.mark.parametrize("text", HOSTILE)
def test_ics_text(text):
    calendar = icalendar.Calendar()
    event = icalendar.Event()
    event.add("uid", "WS-1@example.org")
    event.add("dtstart", datetime.date(2027, 3, 1))
    event.add("summary", ics_text(text))
    event.add("description", ics_text(text * 3))  # long enough to be folded
    calendar.add_component(event)
    content = calendar.to_ical()
    assert all(len(line) <= 75 for line in content.split(b"\r\n")), "folded at 75 octets"
    (read,) = icalendar.Calendar.from_ical(content).walk("VEVENT")
    assert str(read["summary"]) == shown(text)
    assert str(read["description"]) == shown(text * 3)
