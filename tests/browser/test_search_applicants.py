"""Search never answers an applicant with the faculty's examples, in Chromium: "fee", "fees", "cost" and "apply"
find How to apply first; the faculty pages (search boost in their front matter) come after every applicant page;
the data reference's examples ("e.g. 250000") are marked as examples and left out of the index."""

from __future__ import annotations

import json

import pytest

from tests.support.browsing import new_visit

FACULTY = "contributing/"


def results(visit, query: str) -> list[str]:
    """The pages of the results, in the order shown, as paths under the site ("apply/")."""
    page = visit.page
    box = page.locator(".md-search__input")
    box.fill("")
    box.press_sequentially(query, delay=20)
    page.wait_for_function(
        "() => /matching/.test(document.querySelector('.md-search-result__meta').textContent)"
    )  # "N matching documents", once the index has loaded
    hrefs = page.locator(".md-search-result__list > li > a").evaluate_all("links => links.map(a => a.href)")
    paths = [href.split("?")[0].split("#")[0].removeprefix(visit.server.base_url) for href in hrefs]
    return list(dict.fromkeys(paths))


@pytest.fixture(scope="module")
def reader(browser, server):
    visit = new_visit(browser, server)
    visit.open("")
    yield visit
    visit.page.context.close()


@pytest.mark.parametrize("query", ["fee", "fees", "cost", "apply"])
def test_how_to_apply_comes_first(reader, query):
    found = results(reader, query)
    assert found and found[0] == "apply/", found


@pytest.mark.parametrize("query", ["fee", "cost", "venue", "places", "selection", "documents"])
def test_faculty_pages_come_after_every_applicant_page(reader, query):
    found = results(reader, query)
    faculty = [i for i, path in enumerate(found) if path.startswith(FACULTY)]
    applicant = [i for i, path in enumerate(found) if not path.startswith(FACULTY)]
    assert applicant, found
    assert not faculty or min(faculty) > max(applicant), found


def test_the_data_reference_marks_its_examples_and_search_leaves_them_out(built_site, reader):
    reference = (built_site / "contributing" / "reference" / "index.html").read_text(encoding="utf-8")
    assert '<span class="cm-example" data-search-exclude>e.g. 250000</span>' in reference
    assert (
        '<span class="cm-example" data-search-exclude>e.g. &#34;Interview with two faculty members&#34;</span>'
        in reference
    )
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"])
    assert "250000" not in text and "Interview with two faculty members" not in text
    page = reader.page
    page.locator(".md-search__input").fill("")
    page.locator(".md-search__input").press_sequentially("250000", delay=20)
    page.wait_for_function("() => /No matching/.test(document.querySelector('.md-search-result__meta').textContent)")
