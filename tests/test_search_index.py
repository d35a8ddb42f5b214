"""The site's search index (macros/plugin.py: sentence_parser over Material's search plugin), read from the
built site: snippets read as sentences, labels kept apart from their values and each value, cell and
caption ended; workshops found by the procedures they teach and by those procedures' abbreviations; the
results' titles left exactly as the headings are."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from macros.model import TrackKind
from tests.support.pages import tokens


@pytest.fixture(scope="module")
def index(built_site) -> dict:
    return json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))


def entries(index, page: str) -> list[dict]:
    return [doc for doc in index["docs"] if doc["location"].split("#")[0] == page]


def text_of(index, page: str) -> str:
    return " ".join(one_line(BeautifulSoup(doc["text"], "html.parser").get_text()) for doc in entries(index, page))


def one_line(text: str) -> str:
    return " ".join(text.split())


def test_every_fact_reads_label_colon_value(index, built_site, curriculum):
    """Every <dt>/<dd> pair on every page that is indexed: "Label: value", never "Labelvalue"."""
    added_terms = re.compile(" \\((?:" + "|".join(re.escape(t.term) for t in curriculum.glossary) + ")\\)")
    checked = 0
    for html in sorted(built_site.rglob("index.html")):
        page = html.parent.relative_to(built_site).as_posix() + "/"
        page = "" if page == "./" else page
        article = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").select_one("article")
        indexed = added_terms.sub("", text_of(index, page))  # as written in the page, without the terms added
        for dt in article.select("dl dt"):
            if dt.find_parent(attrs={"data-search-exclude": True}) or dt.find_parent(class_="cm-print-only"):
                continue
            label, value = one_line(dt.get_text()), one_line(dt.find_next_sibling("dd").get_text())
            if not value or label not in indexed:
                continue
            assert f"{label}: {value[:30]}" in indexed, f"{page}: «{label}» then «{value[:30]}»"
            checked += 1
    assert checked > 100


def test_a_skill_reads_as_sentences(index, curriculum):
    for skill in curriculum.skills:
        (entry,) = [doc for doc in index["docs"] if doc["location"] == f"skills/#{skill.id}"]
        assert entry["title"] == f"{skill.title} {skill.id}", "a result's title is the heading, exactly"
        guided = f", guided by {', '.join(m.value for m in skill.modalities)}" if skill.modalities else ""
        assert f"Kind: {skill.kind.value}{guided}. Risk category: {skill.risk.value}. Assessed by: " in entry["text"]


def test_table_cells_and_captions_end_with_a_full_stop(index, curriculum, built_site):
    text = text_of(index, "tracks/")
    headings = BeautifulSoup((built_site / "tracks" / "index.html").read_text(encoding="utf-8"), "html.parser")
    table = headings.select_one("table.cm-comparison")
    cells = [one_line(th.get_text(" ")) for th in table.select("thead th")]
    assert f"{one_line(table.caption.get_text(' '))}. {'. '.join(cells)}." in text
    for track in curriculum.tracks:
        assert f"{track.kind.label}. {track.duration or 'not published yet'}." in text, track.id


def abbreviations_taught(curriculum, track) -> dict[str, str]:
    """Glossary term -> expansion, for each expansion the title of a skill the track teaches spells out."""
    titles = [curriculum.skill(e.skill).title.lower() for e in track.skills]
    return {
        t.term: t.expansion
        for t in curriculum.glossary
        if any(re.search(rf"(?<!\w){re.escape(t.expansion.lower())}(?!\w)", title) for title in titles)
    }


def test_workshops_are_found_by_what_they_teach_and_its_abbreviations(index, curriculum):
    workshops = [t for t in curriculum.tracks if t.kind is TrackKind.workshop]
    assert workshops
    found = 0
    for track in workshops:
        page = f"tracks/{track.id.lower()}/"
        text = text_of(index, page)
        for entry in track.skills:
            title = curriculum.skill(entry.skill).title
            assert tokens(title, index) <= tokens(text, index), f"{track.id}: search finds {entry.skill} by its title"
        for term, expansion in abbreviations_taught(curriculum, track).items():
            assert term.lower() in tokens(text, index), f"{track.id}: search finds it by {term}"
            assert re.search(rf"{re.escape(expansion)} \({re.escape(term)}\)", text, re.IGNORECASE), term
            found += 1
    assert found, "no workshop teaches a procedure the glossary abbreviates: nothing was checked"
