"""The glossary on the built site: every abbreviation a reader meets is in data/glossary.yaml, and the
first use of a glossary term in each section of a page is marked up as a tooltip (<abbr title=…>).

That an abbreviation has an entry, that every term is used and that an expansion is plain words are rules of the
check (abbreviations-in-glossary, glossary-terms-used, glossary-expansions-plain; tests/test_content_rules.py), so
that a faculty member's mistake is named at its data or page line; the built site is read here as well, for what
templates and the theme add."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from bs4 import BeautifulSoup, NavigableString

from macros.load.prose import URL_OR_EMAIL, unexplained
from macros.model import DATA_FILES

# Not prose: code, machine-readable record IDs, and what the browser never shows as text.
NOT_PROSE = "code, pre, kbd, samp, script, style, svg, template, .cm-id"
# No tooltip is needed in the glossary table's term and expansion columns (each explains the other), nor
# on paper: checklists carry a running header that only prints.
NO_TOOLTIP = ".cm-glossary tbody th, .cm-glossary tbody td:first-of-type, .cm-print-only"


def prose_text(element) -> str:
    """The text a reader sees in an element, without code, IDs, URLs or e-mail addresses."""
    element = BeautifulSoup(str(element), "html.parser")
    for hidden in element.select(NOT_PROSE):
        hidden.decompose()
    return URL_OR_EMAIL.sub(" ", element.get_text(" "))


@pytest.fixture(scope="module")
def site_pages(built_site) -> dict[str, BeautifulSoup]:
    return {
        html.relative_to(built_site).as_posix(): BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for html in sorted(built_site.rglob("*.html"))
    }


@pytest.fixture(scope="module")
def site_text(site_pages) -> dict[str, str]:
    """The prose of every page, nav and footer included."""
    return {name: prose_text(soup.body) for name, soup in site_pages.items()}


@pytest.fixture(scope="module")
def expansions(curriculum) -> dict[str, str]:
    """Each term's tooltip: its expansion, or every expansion of a term with more than one meaning."""
    return {term.term: term.tooltip for term in curriculum.glossary}


@pytest.fixture(scope="module")
def record_ids(curriculum) -> set[str]:
    """Every record ID in the data: IDs are names for machines and faculty, not abbreviations."""
    return {
        str(getattr(record, kind.key)) for kind in DATA_FILES if kind.many for record in getattr(curriculum, kind.name)
    }


def test_every_abbreviation_on_the_site_is_in_the_glossary(site_text, expansions, record_ids):
    """What the abbreviations-in-glossary rule finds in the data and the pages (at their lines), the built site
    shows; this also reads what the templates, the theme and mkdocs.yml add, which only a developer changes."""
    missing = defaultdict(set)
    for name, text in site_text.items():
        for token in unexplained(text, set(expansions), record_ids):
            missing[token].add(name)
    assert not missing, "Add these to data/glossary.yaml (or put code in backticks):\n" + "\n".join(
        f"  {token}: {', '.join(sorted(where))}" for token, where in sorted(missing.items())
    )


def test_the_check_finds_abbreviations_it_should():
    """The detector itself: abbreviations are caught, ordinary words and IDs are not."""
    assert unexplained("Ask the MDT about PM&R, CRPS and Mini-CEX.", {"MDT"}, set()) == ["PM&R", "CRPS", "CEX"]
    assert unexplained("CRPS, then CRPS again, see https://x.test/ABC", set(), set()) == ["CRPS"]
    assert unexplained("Ultrasound-guided blocks, level 3, see US-LUMB-FACET.", set(), {"US-LUMB-FACET"}) == []
    assert unexplained("SCS-compatible leads", {"SCS"}, set()) == []
    assert unexplained("Edit it on GitHub, with JavaScript off; the IDs stay.", {"ID"}, set()) == ["IDs"]


def starts_section(node) -> bool:
    """Where a page section starts for tooltips, as in macros/render.py: an h1, an h2 or a <section> (a domain's
    skills in the catalogue, and a track's EPAs, make one section each)."""
    return getattr(node, "name", None) in {"h1", "h2", "section"}


def test_glossary_terms_are_tooltips_at_their_first_use_in_each_section(site_pages, expansions):
    """In the content of every page, the first use of a glossary term in each section sits inside an <abbr>
    whose title is its expansion; later uses in the same section may be plain text."""
    terms = "|".join(map(re.escape, sorted(expansions, key=len, reverse=True)))
    term = re.compile(rf"(?<![\w&-])(?:{terms})(?![\w&-])")
    bare, wrong_title, tooltips = defaultdict(set), [], 0
    for name, soup in site_pages.items():
        content = soup.select_one("article")
        if content is None:
            continue
        content = BeautifulSoup(str(content), "html.parser")
        for not_prose in content.select(f"{NOT_PROSE}, {NO_TOOLTIP}"):
            not_prose.decompose()
        seen: set[str] = set()
        for node in content.descendants:
            if starts_section(node):
                seen = set()
            elif getattr(node, "name", None) == "abbr":
                tooltips += 1
                seen.add(node.get_text())
                if expansions.get(node.get_text()) != node.get("title"):
                    wrong_title.append(f"{name}: {node}")
            elif type(node) is NavigableString and node.parent.name != "abbr":  # text, not a comment
                for match in term.finditer(URL_OR_EMAIL.sub(" ", node)):
                    if match.group(0) not in seen:
                        bare[match.group(0)].add(name)
    assert tooltips
    assert not bare, (
        "Glossary terms first used in a section without a tooltip (in a template, pass the text through `| prose`):\n"
        + "\n".join(f"  {t}: {', '.join(sorted(where))}" for t, where in sorted(bare.items()))
    )
    assert not wrong_title, "Tooltips that do not match data/glossary.yaml:\n" + "\n".join(wrong_title)


def test_a_section_does_not_repeat_a_tooltip(site_pages):
    """Each tooltip is work for the phone that loads the page: one per term and section is enough."""
    repeated = []
    for name, soup in site_pages.items():
        seen: set[str] = set()
        for node in soup.find_all(["abbr", "h1", "h2", "section"]):
            if starts_section(node):
                seen = set()
            elif node.get_text() in seen:
                repeated.append(f"{name}: {node.get_text()}")
            seen.add(node.get_text())
    assert not repeated, repeated


def test_glossary_page_lists_every_meaning_of_every_term(site_pages, curriculum):
    """One row per meaning: a term with two meanings (INR) has two rows, each saying which of the two it is."""
    rows = site_pages["glossary/index.html"].select(".cm-glossary tbody tr")
    shown = [(row.th.get_text(" ", strip=True), row.td.get_text(strip=True)) for row in rows]
    expected = []
    for term in sorted(curriculum.glossary, key=lambda t: t.term.lower()):
        for number, meaning in enumerate(term.meanings, 1):
            label = f"{term.term} ({number} of {len(term.meanings)})" if term.also else term.term
            expected.append((label, meaning.expansion))
    assert shown == expected


def test_a_term_with_two_meanings_names_both_in_its_tooltip_and_in_search(curriculum, built_site):
    """INR is a blood test and a currency; a tooltip cannot tell which a sentence means, so it names both, and
    search finds the term from either expansion."""
    inr = next(term for term in curriculum.glossary if term.term == "INR")
    assert [m.expansion for m in inr.meanings] == ["International Normalised Ratio", "Indian rupee"]
    assert inr.tooltip == "International Normalised Ratio, or Indian rupee"
    index = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "International Normalised Ratio (INR)" in index
