"""Reading what a build wrote: a page, the rows of a table, and text split as search splits it."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup


def page(site: Path, path: str) -> BeautifulSoup:
    """A built page by its path, e.g. page(site, "skills") for skills/index.html."""
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def record_rows(table) -> list:
    """A table's rows that hold a record (not the rows that head a group of them)."""
    return [tr for tr in table.select("tbody tr") if "cm-group" not in (tr.get("class") or [])]


def tokens(text: str, index: dict) -> set[str]:
    """Split text as Material's search splits both the pages and the query (its `separator`)."""
    return {t.lower() for t in re.split(index["config"]["separator"], text) if t}
