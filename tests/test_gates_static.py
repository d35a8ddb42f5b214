"""Gates read from the built files, no browser needed: every internal link and #anchor resolves (raw
HTML from the renderers and templates included, which MkDocs does not check), nothing is fetched
from another host, and every page's Content-Security-Policy allows its inline scripts and styles and
nothing more. The gate functions are in tests/support/gates.py."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.support.gates import BuiltSite, broken_links, external_resources, policy_problems, site_url_of
from tests.support.sitebuild import PROJECT


@pytest.fixture(scope="module")
def site(built_site) -> BuiltSite:
    return BuiltSite(built_site, site_url_of(PROJECT))


def test_every_internal_link_and_anchor_resolves(site):
    problems = broken_links(site)
    assert not problems, "\n".join(problems)


def test_nothing_is_fetched_from_another_host(site):
    problems = external_resources(site)
    assert not problems, "\n".join(problems)


def test_every_inline_script_and_style_is_allowed_by_the_one_policy_of_the_site(site):
    """Scripts and styles added later (by pages, renderers or templates) are covered without edits: the
    policy is computed from the built pages. A data <script> in the page content is refused here too."""
    problems = policy_problems(site)
    assert not problems, "\n".join(problems)


def test_no_web_fonts_from_google(site):
    """font: false in mkdocs.yml: the system font stack, so no page asks Google Fonts for anything."""
    for page in site.pages.values():
        html = page.file.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, page.url


def test_404_page_loads_everything_from_the_site_path(site):
    """GitHub Pages shows 404.html at whatever address was asked for, so its stylesheets, scripts and
    links must be absolute paths under the site's sub-path (MkDocs takes them from site_url)."""
    page = site.pages[site.prefix + "404.html"]
    loaded = [tag.get("href") or tag.get("src") for tag in page.soup.select("link[rel~=stylesheet], script[src]")]
    assert loaded
    assert all(url.startswith(site.prefix) for url in loaded), loaded
    links = [a["href"] for a in page.soup.select(".md-content a[href]") if not urlsplit(a["href"]).scheme]
    assert links and all(url.startswith(site.prefix) for url in links), links
