"""Where the site is, read from the built files: a build for another address (SITE_URL, as the deploy
workflow builds a fork or a renamed repository) names that address everywhere and nothing of the
default one; the reviewers' preview names a file in every link, since it is opened from a folder."""

from __future__ import annotations

import ast
import csv
import datetime
import io
import re
from urllib.parse import urlsplit

import icalendar
import pytest
from bs4 import BeautifulSoup
from mkdocs.utils.yaml import yaml_load

from macros.calls import UnknownRecord
from macros.clock import build_date
from macros.export import FileNames, downloads
from macros.load import load_curriculum
from macros.render import Renderer
from tests.support.gates import BuiltSite, broken_links, external_resources
from tests.support.sitebuild import MINI, PROJECT, mkdocs_yml, site_url

TEXT_FILES = ("*.html", "*.xml", "*.json", "*.csv", "*.ics", "*.js", "*.css")


def test_site_url_follows_the_environment(monkeypatch):
    """SITE_URL, as configure-pages gives it (no slash at the end), overrides mkdocs.yml's default."""
    monkeypatch.delenv("SITE_URL", raising=False)
    default = site_url()
    monkeypatch.setenv("SITE_URL", "https://someone.github.io/other-name")
    assert site_url() == "https://someone.github.io/other-name/" != default


# -- a fork ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fork(fork_build) -> BuiltSite:
    assert fork_build.site_url != site_url(), "pick a fork address other than the one under test"
    return BuiltSite(fork_build.dir, fork_build.site_url)


def test_fork_links_and_assets_resolve_under_its_own_path(fork):
    """Every link, stylesheet and script (the 404 page's absolute paths included) and every sitemap entry
    is found under the fork's path, and nothing is fetched from another host."""
    problems = broken_links(fork) + external_resources(fork)
    assert not problems, "\n".join(problems)


def test_fork_names_its_own_address_everywhere(fork, built_site):
    """Canonical links, the sitemap and the 404 page's paths follow SITE_URL, and no file of the fork's
    build mentions the address of the normal build."""
    default = site_url()
    for page in fork.pages.values():
        canonical = page.soup.find("link", rel="canonical")
        if page.file.name == "404.html":
            assets = [tag.get("href") or tag.get("src") for tag in page.soup.select("link[href], script[src]")]
            assert all(url.startswith(fork.prefix) for url in assets), assets
        else:
            assert canonical["href"].startswith(fork.site_url), (page.url, canonical["href"])
    sitemap = (fork.root / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locations and all(loc.startswith(fork.site_url) for loc in locations)
    mentioning = [
        file.relative_to(fork.root).as_posix()
        for pattern in TEXT_FILES
        for file in fork.root.rglob(pattern)
        if default in file.read_text(encoding="utf-8", errors="replace")
    ]
    assert not mentioning, f"these files name {default}: {mentioning}"
    # ... which the normal build does name (so the check above looks where it should).
    assert default in (built_site / "sitemap.xml").read_text(encoding="utf-8")


def test_fork_downloads_name_its_address(fork, curriculum):
    """The checklists link each skill at the fork's address; the calendar's events carry its host in their
    UIDs and its address in their links."""
    for track in curriculum.tracks:
        data = (fork.root / "downloads" / FileNames.checklist_csv(track.id)).read_bytes().decode("utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(data)))
        assert rows and all(row["Catalogue link"].startswith(fork.site_url + "skills/#") for row in rows)
    # The shipped data publishes no session: the fixture's stand in, written for the address the build was given.
    sessions = load_curriculum(MINI)
    calendar = icalendar.Calendar.from_ical(
        downloads(sessions, datetime.date(2026, 11, 24), fork.site_url)[FileNames.workshops_ics]
    )
    events = calendar.walk("VEVENT")
    host = urlsplit(fork.site_url).hostname
    assert events and all(str(event["uid"]).endswith("@" + host) for event in events)
    assert all(str(event["url"]).startswith(fork.site_url) for event in events)


# -- the reviewers' preview -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def preview(preview_build) -> BuiltSite:
    return BuiltSite(preview_build.dir, site_url(), folder_index=False)


def test_preview_links_name_files_and_nothing_comes_from_another_host(preview):
    """Opened from a folder, a link to a folder shows a file listing: every link, in Material's pages and in
    the tables the renderers write alike, names a file that is there. Nothing is fetched from elsewhere
    (Material's offline plugin would load its iframe-worker shim from a CDN if extra.polyfills did not name
    our copy)."""
    problems = broken_links(preview) + external_resources(preview)
    assert not problems, "\n".join(problems)
    pages = [page for page in preview.pages.values() if page.file.name != "404.html"]
    assert len(pages) > 10 and all(page.url.endswith(".html") for page in pages)


def test_preview_search_index_is_a_script_and_its_entries_name_files(preview):
    """Search reads its index from search/search_index.js (a fetch of the .json is refused from a file), and
    each result opens a file."""
    script = (preview.root / "search" / "search_index.js").read_text(encoding="utf-8")
    assert script.startswith("var __index = {")
    locations = re.findall(r'"location":\s*"([^"]*)"', script)
    assert locations
    assert all(location == "" or location.split("#")[0].endswith(".html") for location in locations)


def test_preview_uses_the_vendored_shim_before_materials_scripts(preview):
    home = preview.pages[preview.prefix + "index.html"].soup
    sources = [script["src"] for script in home.find_all("script", src=True)]
    shim = "assets/javascripts/vendor/iframe-worker/shim.js"
    assert sources[0] == shim, sources
    assert (preview.root / shim).is_file()


def test_preview_has_the_published_features_but_instant_navigation():
    """mkdocs.preview.yml repeats mkdocs.yml's theme features (a list replaces, not merges); only instant
    navigation, which cannot work from a file, is left out."""
    published_features = mkdocs_yml()["theme"]["features"]
    with open(PROJECT / "mkdocs.preview.yml", encoding="utf-8") as preview:
        preview_features = yaml_load(preview)["theme"]["features"]  # mkdocs.yml's, with the preview's on top
    assert "navigation.instant" in published_features
    assert preview_features == [name for name in published_features if name != "navigation.instant"]


def test_the_published_build_is_unchanged_by_the_preview(built_site):
    """Directory URLs, instant navigation, no offline search script and no shim on the published site."""
    home = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert '"navigation.instant"' in home.find("script", id="__config").get_text()
    assert not home.find("script", src=re.compile("iframe-worker"))
    assert not (built_site / "search" / "search_index.js").exists()
    assert (built_site / "skills" / "index.html").is_file() and not (built_site / "skills.html").exists()


# -- the download_url macro, which links written in a page use --------------------------------------


def test_renderers_follow_the_page_naming(curriculum):
    """Published pages are folders (skills/), the preview's are files (skills.html)."""
    track = curriculum.tracks[0].id
    published = Renderer(curriculum, build_date())
    preview = Renderer(curriculum, build_date(), directory_urls=False)
    assert 'href="../skills/#' in published.skill_checklist(track=track, root="../")
    assert 'href="../skills.html#' in preview.skill_checklist(track=track, root="../")
    assert "skills/#" not in preview.skill_checklist(track=track, root="../")
    assert published.download_url("workshops.ics", root="../") == "../downloads/workshops.ics"


def test_download_url_refuses_a_name_the_build_does_not_write(curriculum):
    with pytest.raises(UnknownRecord, match="there is no download 'workshop.ics' — write one of: "):
        Renderer(curriculum, build_date()).download_url("workshop.ics")


def test_every_download_the_macro_knows_is_written(built_site, curriculum):
    downloads = built_site / "downloads"
    written = sorted(file.name for file in downloads.iterdir() if file != downloads / "index.html")  # the page
    assert written == sorted(FileNames.every(curriculum))


def test_the_preview_link_check_catches_folder_links(built_site):
    """The published build links to folders (skills/), which only a server opens: checked as a folder on
    disk, it fails."""
    problems = broken_links(BuiltSite(built_site, site_url(), folder_index=False))
    assert any('<a href="../skills/#' in problem and "there is no file at" in problem for problem in problems)


# -- one authority for addresses ----------------------------------------------------------------------

SITE_PATH = re.compile(
    r"(?<![\w./-])(?:skills|tracks|downloads|workshops|apply|gap-analysis)/|/#|/index\.html|^\.html$"
)
URL_FUNCTIONS = {"urljoin", "urlsplit", "urlparse", "quote"}


def assembled_paths(source: str) -> list[str]:
    """Where Python code builds a site address itself: a string with a page path in it (docstrings aside), or
    urllib.parse put to work."""
    tree = ast.parse(source)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            if SITE_PATH.search(node.value) or node.value.startswith("mailto:"):
                found.append(f"line {node.lineno}: {node.value!r}")
        elif isinstance(node, ast.ImportFrom) and node.module == "urllib.parse":
            found.append(f"line {node.lineno}: imports urllib.parse")
        elif isinstance(node, ast.Name) and node.id in URL_FUNCTIONS:
            found.append(f"line {node.lineno}: {node.id}()")
    return found


def assembled_in_template(text: str) -> list[str]:
    """An href or src a template writes with a path of its own, not one from `links` (macros/urls.py)."""
    values = re.findall(r'\b(?:href|src|action)="([^"]*)"', text)
    return [value for value in values if re.search(r"/|\.html", re.sub(r"\{\{.*?\}\}", "", value))]


def test_every_address_comes_from_the_url_module():
    problems = []
    for module in sorted((PROJECT / "macros").rglob("*.py")):
        if module.name != "urls.py":
            problems += [f"{module.relative_to(PROJECT)} {p}" for p in assembled_paths(module.read_text("utf-8"))]
    for template in sorted((PROJECT / "macros" / "templates").glob("*.html")):
        problems += [
            f"{template.relative_to(PROJECT)}: {p}" for p in assembled_in_template(template.read_text("utf-8"))
        ]
    assert not problems, "Build these addresses in macros/urls.py:\n" + "\n".join(problems)


def test_the_address_check_catches_a_path_built_by_hand():
    assert assembled_paths('link = f"{root}skills/#{skill_id}"\n')
    assert assembled_paths('page = site / f"{gone}/index.html"\n')
    assert assembled_paths("from urllib.parse import urljoin\n")
    assert assembled_paths('def f():\n    """Goes to tracks/x/."""\n    return "data/tracks.yaml"\n') == []
    assert assembled_in_template('<a href="{{ root }}skills/#{{ skill.id }}">') == ["{{ root }}skills/#{{ skill.id }}"]
    assert assembled_in_template('<a href="{{ links.skill(skill.id) }}"> <a href="#{{ skill.id }}">') == []
