"""Tables reach pages after Markdown (macros/blocks.py): the page's Markdown holds a placeholder that
Markdown, with the site's extensions, passes through untouched, and the block comes back in its place
with its anchor ids; what search does not index comes back only in the finished page. No MkDocs here
but in the last test, on the built site: the adapter only calls these methods."""

from __future__ import annotations

import json

import markdown
import pytest

from macros.blocks import Blocks, Heading, Html, NotPlaced, Rendered
from tests.support.sitebuild import mkdocs_yml

TABLE = Html('<div class="cm-scroll">\n<table id="first"><tr id="A&amp;B"><td>x</td></tr></table>\n</div>')


def site_markdown(text: str) -> str:
    """Markdown as the site converts it: the extensions and settings of mkdocs.yml."""
    config = mkdocs_yml()
    names, settings = [], {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name)
        settings[name] = options or {}
    return markdown.markdown(text, extensions=names, extension_configs=settings)


def test_a_table_goes_through_markdown_as_a_placeholder_and_comes_back_in_place():
    blocks = Blocks()
    placeholder = blocks.markdown("page.md", "skill_matrix", TABLE)
    assert "table" not in placeholder
    page = site_markdown(f"# Title\n\nBefore.\n\n{placeholder}\n\n*After.*\n")
    content, ids = blocks.place("page.md", page)
    assert TABLE in content
    assert content.index("Before.") < content.index(TABLE) < content.index("<em>After.</em>")
    assert ids == {"first", "A&B"}
    assert blocks.place_unsearchable("page.md", content) == content  # nothing held back


def test_what_search_skips_waits_for_the_finished_page():
    """Material's search parses every element before skipping those marked data-search-exclude (and stops
    skipping at the first nested closing tag of the same name), so they reach the page after it has run."""
    blocks = Blocks()
    checklist = '<div data-search-exclude><div id="inner">x</div><table id="row">y</table></div>'
    output = Html(f'<p id="note">Searchable</p>\n{checklist}\n<div class="after">z</div>')
    content, ids = blocks.place("page.md", blocks.markdown("page.md", "skill_checklist", output))
    assert ids == {"note", "inner", "row"}  # the anchors of the whole block, for the link checks
    assert "Searchable" in content and '<div class="after">z</div>' in content
    assert "data-search-exclude" not in content and "y</table>" not in content
    page = f"<html><body>{content}</body></html>"
    assert blocks.place_unsearchable("page.md", page) == f"<html><body>{output}</body></html>"


def test_markdown_from_a_renderer_stays_markdown():
    blocks = Blocks()
    assert blocks.markdown("page.md", "track_title", r"Knee \*and\* hip") == r"Knee \*and\* hip"


def test_headings_a_renderer_writes_stay_in_the_markdown_for_the_table_of_contents():
    blocks = Blocks()
    output = Rendered(
        (
            Html("<nav>index</nav>"),
            Heading("Ultrasound", "US"),
            Html("<section>US skills</section>"),
            Heading("Fluoroscopy", "FL"),
        )
    )
    text = blocks.markdown("page.md", "skill_catalogue", output)
    assert "<nav>" not in text and "<section>" not in text
    page = markdown.markdown(text, extensions=["attr_list", "toc"])
    assert '<h2 id="US">Ultrasound</h2>' in page and '<h2 id="FL">Fluoroscopy</h2>' in page
    content, _ = blocks.place("page.md", page)
    assert content.index("<nav>index</nav>") < content.index('id="US"') < content.index("<section>US skills")


def test_each_page_gets_its_own_blocks_once():
    blocks = Blocks()
    first = blocks.markdown("a.md", "glossary_table", Html("<p>A</p>"))
    second = blocks.markdown("b.md", "glossary_table", Html("<p>B</p>"))
    assert blocks.place("b.md", f"{first}\n{second}")[0] == f"{first}\n<p>B</p>"
    assert blocks.place("a.md", first)[0] == "<p>A</p>"
    assert blocks.place("a.md", first)[0] == first  # already placed: left alone


def test_a_placeholder_that_markdown_changed_stops_the_build():
    """Inside a code block the placeholder is shown as code, so the table would silently be missing."""
    blocks = Blocks()
    placeholder = blocks.markdown("page.md", "skill_matrix", TABLE)
    page = site_markdown(f"```\n{placeholder}\n```\n")
    with pytest.raises(NotPlaced, match=r"skill_matrix\(\) made a table that could not be put in the page"):
        blocks.place("page.md", page)


def test_the_search_index_leaves_out_what_the_pages_mark_unsearchable(built_site, curriculum):
    """Find my gap's list of skills and each track's checklist repeat the catalogue: the index holds them
    once, under the catalogue, while the built pages show them in full."""
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    ids = {skill.id for skill in curriculum.skills}
    for doc in index["docs"]:
        if doc["location"].startswith(("self-assessment/", "tracks/", "skill-matrix/")):
            assert not ids & set(doc["text"].split()), doc["location"]
    assert all(f"skills/#{skill_id}" in {doc["location"] for doc in index["docs"]} for skill_id in ids)
    page = (built_site / "self-assessment" / "index.html").read_text(encoding="utf-8")
    assert all(f'id="level-{skill_id}"' in page for skill_id in ids)
    left = [html.name for html in built_site.rglob("*.html") if "curriculum block" in html.read_text(encoding="utf-8")]
    assert not left, f"placeholders left in {left}"
