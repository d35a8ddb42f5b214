"""Tables reach pages after Markdown (macros/blocks.py): the page's Markdown holds a placeholder that
Markdown, with the site's extensions, passes through untouched, and the block comes back in its place
with its anchor ids. No MkDocs here: the adapter only calls these two methods."""

from __future__ import annotations

import markdown
import pytest
import yaml

from macros.blocks import Blocks, Html, NotPlaced
from sitebuild import PROJECT

TABLE = Html('<div class="cm-scroll">\n<table id="first"><tr id="A&amp;B"><td>x</td></tr></table>\n</div>')


def site_markdown(text: str) -> str:
    """Markdown as the site converts it: the extensions and settings of mkdocs.yml."""
    config = yaml.load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
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


def test_markdown_from_a_renderer_stays_markdown():
    blocks = Blocks()
    assert blocks.markdown("page.md", "track_title", r"Knee \*and\* hip") == r"Knee \*and\* hip"


def test_headings_a_template_writes_stay_in_the_markdown_for_the_table_of_contents():
    blocks = Blocks()
    output = Html("<nav>index</nav>\n## Ultrasound {#US}\n<section>US skills</section>\n## Fluoroscopy {#FL}")
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
