"""Two builds of the same commit give the same bytes, sitemap and search index included: the
published site can be rebuilt anywhere and compared, and a reviewer's diff of two builds shows only
what really changed. Dates in the site come from SOURCE_DATE_EPOCH when it is set (tests/conftest.py sets it
to the last commit's date), never from the clock; without it a build is dated the day it runs (test_publish.py)."""

from __future__ import annotations

import datetime
import gzip
import hashlib
import os
import re
import struct
from pathlib import Path

from tests.support.sitebuild import PROJECT, build_site

# What a crawler and the search box read: the files most likely to carry a date or an absolute path.
INDEXES = ("sitemap.xml", "sitemap.xml.gz", "search/search_index.json")


def digests(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def date_of(epoch: str) -> str:
    return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC).date().isoformat()


def test_two_builds_are_byte_identical(built_site, project_copy, tmp_path):
    """The tests' build of the project, and another one later from a copy of the project at another path."""
    second = tmp_path / "second"
    result = build_site(project_copy, second)
    assert result.returncode == 0, result.stdout + result.stderr
    first_files, second_files = digests(built_site), digests(second)
    assert set(INDEXES) <= set(first_files)
    assert sorted(first_files) == sorted(second_files)
    differing = [name for name in first_files if first_files[name] != second_files[name]]
    assert not differing, f"these files differ between two builds of the same sources: {differing}"


def test_sitemap_dates_are_the_commit_date(built_site):
    epoch = os.environ["SOURCE_DATE_EPOCH"]
    sitemap = (built_site / "sitemap.xml").read_bytes()
    assert set(re.findall(rb"<lastmod>([^<]+)</lastmod>", sitemap)) == {date_of(epoch).encode()}
    compressed = (built_site / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(compressed) == sitemap
    stamp = struct.unpack("<I", compressed[4:8])[0]  # the gzip header's time: the pages' date, at midnight
    assert date_of(str(stamp)) == date_of(epoch)


def test_the_dates_follow_source_date_epoch(tmp_path, monkeypatch):
    """A build for another commit date carries that date: it is not today's, nor a file's."""
    other = str(int(os.environ["SOURCE_DATE_EPOCH"]) - 400 * 86400)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", other)
    result = build_site(PROJECT, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    sitemap = (tmp_path / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap)) == {date_of(other)}
