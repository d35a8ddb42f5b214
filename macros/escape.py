"""Text from data, written into each place it lands: one function per output context.

The lesson of Go's html/template: a value is never "escaped once" and then pasted anywhere. Each place
text can land has its own rule, applied there. Data text is plain text, shown exactly as typed; the
only change any context makes is that runs of white space (a line break included) become one space
wherever the text is shown on one line.

    where the text lands                      function          applied by
    element text in a page body               html_text         curriculum templates (every {{ }}), prose filter
    a double-quoted attribute value           html_attribute    curriculum and theme templates
    JSON read by a page script, in an attribute
                                              json_attribute    self_assessment.html
    a Markdown line (a page's # heading)      markdown_heading  the track_title macro
    Markdown text in a run summary            markdown_text     diff.py, publish.py
    Markdown inline code in a run summary     markdown_code     diff.py, publish.py
    <title>, and titles inside attributes     plain_title       overrides/base.html, footer, navigation
    heading ids and #fragments                (Python-Markdown's table of contents: its own slugify)
    navigation, table of contents, search     (MkDocs and Material take the heading's HTML text as it is:
      index and results                        what markdown_heading or html_text wrote)
    meta description                          html_attribute    overrides/base.html
    a CSS string (printed running line)       css_string        skill_checklist.html
    the JSON download                         json_document     export.py
    a CSV cell                                csv_cell          export.py
    an iCalendar TEXT value                   ics_text          export.py

Where two places need the same rule they share a function, and the table says so. This module never
imports MkDocs; macros/plugin.py makes the theme's filters of html_text, plain_title and html_attribute.
tests/test_escape.py feeds the same hostile strings through every function here.
"""

from __future__ import annotations

import json
import re

from markupsafe import Markup, escape


def one_line(text: str) -> str:
    """Runs of white space, line breaks included, made one space; nothing else changes."""
    return " ".join(text.split())


def html_text(value) -> Markup:
    """Element content: & < > " ' become character references, so no text is read as markup. Markup (the
    output of the site's own templates and filters) passes as it is; numbers and dates become text."""
    if isinstance(value, Markup):
        return value
    return escape(one_line(value) if isinstance(value, str) else str(value))


def html_attribute(value) -> Markup:
    """A double-quoted attribute value, e.g. aria-label or a meta description. The rule is html_text's:
    both quotes are escaped as well as & < >, so the value cannot end the attribute or the tag."""
    return html_text(value)


def json_attribute(value) -> Markup:
    """Data for a page script, as JSON in a double-quoted attribute (read with getAttribute and JSON.parse).
    Not in a <script type="application/json"> block: Material's instant navigation runs every script in
    the new page's content as JavaScript, whatever its type. JSON keeps white space inside strings."""
    return escape(json.dumps(value, ensure_ascii=False, separators=(",", ":")))


def markdown_heading(text: str) -> str:
    """Plain text for a Markdown line, e.g. `# {{ track_title("ID") }}`. Every ASCII punctuation mark becomes
    a numeric character reference, so Markdown and its extensions find no syntax (emphasis, links, code,
    `{: attributes}`, closing #s, HTML) and Jinja no `{{`. The result is also HTML text that shows the text
    exactly, which matters because mkdocs-macros makes the same call's output the page's title."""
    return "".join(f"&#{ord(ch)};" if ch.isascii() and not ch.isalnum() and ch != " " else ch for ch in one_line(text))


def plain_title(title: str) -> Markup:
    """A page title as MkDocs keeps it (HTML text: a heading's content with tags dropped, character
    references kept) for <title> and for attribute values: references decoded, tags dropped, then
    escaped once. Material's own `| e` would show a reference such as &#38; to a screen reader as typed."""
    return escape(Markup(title).striptags())  # noqa: S704 - read as HTML only to drop its tags, then escaped


def css_string(text: str) -> Markup:
    """Plain text as a quoted CSS string, e.g. in a <style> element: every character but ASCII letters and
    digits is written as a six-digit CSS escape, so no quote, backslash or `</style>` survives. Spaces too:
    CSS reads one white space after an escape as part of it, so "a - b" would print as "a -b"."""
    escaped = "".join(ch if ch.isascii() and ch.isalnum() else f"\\{ord(ch):06x}" for ch in one_line(text))
    return Markup(f'"{escaped}"')  # noqa: S704 - nothing but letters and digits is left unescaped


def json_document(document) -> bytes:
    """A JSON file to download: UTF-8, text as typed (JSON escapes quotes, backslashes and control characters)."""
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# Spreadsheets run a cell that starts with one of these as a formula (OWASP: CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def csv_cell(value) -> str:
    """A spreadsheet cell. The csv module quotes commas, quotes and line breaks; a cell that a spreadsheet
    would run as a formula gets a leading apostrophe, which keeps it text."""
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def ics_text(text: str) -> str:
    """An iCalendar TEXT value (summary, location, description) on one line. icalendar escapes backslashes,
    semicolons, commas and line breaks (RFC 5545, 3.3.11) and folds long lines when it writes the file."""
    return one_line(text)


def markdown_text(text: str) -> str:
    """Text shown as typed in Markdown: no emphasis, links, code or HTML."""
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", text)


def markdown_code(text: str) -> str:
    """Inline code that shows any text literally, backticks included."""
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"
