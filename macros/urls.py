"""Every address the site writes, in one place: links between pages, links to downloads, the addresses readers
copy (a skill's permalink), the ones downloads and messages contain, a retired track's redirect, and the
academy's mailto: links. tests/test_addresses.py fails if a path is assembled anywhere else.

The published site serves each page as a folder (`skills/`); the preview reviewers open from a folder on
their computer names each page's file (`skills.html`), as MkDocs does with use_directory_urls off.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit

DOWNLOADS = "downloads"
"""The site's folder of downloads (macros/export.py)."""

SCALE_SECTIONS = {"entrustment": "entrustment-scale", "milestones": "milestone-scale"}
"""The section of docs/assessment.md that explains each scale (its heading's anchor)."""


def track_page(track_id: str) -> str:
    """Where a track's page is, under docs/ (with .md) and on the site (with /): tracks/<id in lower case>."""
    return f"tracks/{track_id.lower()}"


def source_file(path: str) -> str:
    """A page's Markdown file under docs/, by its path without an ending (as MkDocs names it, src_uri)."""
    return f"{path}.md"


def skill_link_in_page(page: str, skill_id: str) -> str:
    """How the Markdown of a page (its path under docs/, e.g. tracks/index.md) links to a skill in the catalogue."""
    return f"{'../' * page.count('/')}{source_file('skills')}#{skill_id}"


def root_from(page_url: str) -> str:
    """The way from a page (by MkDocs' url of it, e.g. "tracks/x/") back up to the site's root."""
    return "../" * len([part for part in page_url.split("/")[:-1] if part])


def published_address(data_file: str, key: str) -> str:
    """Where a skill's or track's ID is published, as the check names it to faculty: skills/#ID, tracks/id/."""
    return f"skills/#{key}" if data_file == "skills" else f"{track_page(key)}/"


def mailto(address: str, subject: str) -> str:
    """A mailto: link with a subject line: the reader's own mail program writes it, no form and no other host."""
    return f"mailto:{quote(address, safe='@')}?subject={quote(subject, safe='')}"


def host(site_url: str) -> str:
    """The host the site is published on (names the calendar's events), or localhost without site_url."""
    return urlsplit(site_url).hostname or "localhost"


@dataclass(frozen=True)
class Links:
    """Where things live on the site, relative to the page being rendered (`root` leads to the site root), and
    on the published site (`site_url`) for the addresses readers copy and downloads contain."""

    root: str = ""
    directory_urls: bool = True
    site_url: str = ""  # where the site is published

    def page(self, path: str) -> str:
        """A page by its path without an ending, e.g. "skills" or "tracks/fel-us-6m"."""
        return f"{self.root}{path}/" if self.directory_urls else f"{self.root}{path}.html"

    def skill(self, skill_id: str) -> str:
        return f"{self.page('skills')}#{skill_id}"

    def absolute_skill(self, skill_id: str) -> str:
        """A skill's address on the published site (its permalink), or relative to the root without site_url."""
        return urljoin(self.site_url, f"skills/#{skill_id}") if self.site_url else self.skill(skill_id)

    def absolute_session(self, session_id: str) -> str:
        """A workshop session's address on the published site, for the calendar download."""
        return urljoin(self.site_url, f"workshops/#{session_id}")

    def track(self, track_id: str) -> str:
        return self.page(track_page(track_id))

    def epa(self, track_id: str, epa_id: str) -> str:
        """An EPA in the list of a track that entrusts it, on the track's page."""
        return f"{self.track(track_id)}#{epa_id}"

    def scale(self, scale) -> str:
        """A scale of levels (a Scale: entrustment or milestones) on the page that explains how skills are assessed."""
        return f"{self.page('assessment')}#{SCALE_SECTIONS[str(scale)]}"

    def need(self, need_id: str) -> str:
        return f"{self.page('gap-analysis')}#{need_id}"

    def download(self, name: str) -> str:
        return f"{self.root}{DOWNLOADS}/{name}"

    def applying(self, track_id: str) -> str:
        """The track's section of the How to apply page."""
        return f"{self.page('apply')}#{track_id}"

    # -- a retired track's old address, which leads to its replacement ---------------------------

    def page_file(self, path: str) -> str:
        """Where the build writes a page, relative to the site's folder."""
        return f"{path}/index.html" if self.directory_urls else f"{path}.html"

    def sibling(self, path: str) -> str:
        """A page in the same folder as the page being written, e.g. from one track's page to another's."""
        name = path.split("/")[-1]
        return f"../{name}/" if self.directory_urls else f"{name}.html"

    def canonical(self, path: str) -> str:
        """A page's address on the published site."""
        return urljoin(self.site_url, f"{path}/" if self.directory_urls else f"{path}.html")
