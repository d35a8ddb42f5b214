"""A page that calls a macro opts in with `render_macros: true` in its front matter (else the call shows as typed),
and each call sits below an HTML comment naming the data it reads (`<!-- Table from data/tracks.yaml. -->`), or
the page opens with one (`<!-- Everything on this page comes from … -->`), so whoever edits the page knows where
the table's content lives. Checked with the pages."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME
from ...problems import Problem
from ..reading import Loaded

ID = "macro-calls-name-their-data"
PAGE_COMMENT = "<!-- Everything on this page comes from"
NAMED_DATA = re.compile(r"data/(\w+)\.yaml|macros/(model)/|(mkdocs)\.yml")  # the data reference reads the models;
# the academy's contact is a setting of mkdocs.yml


def check(loaded: Loaded) -> Iterator[Problem]:
    for page in loaded.pages:
        calls = list(page.calls())
        if not calls:
            continue
        if page.front_matter.get("render_macros") is not True:
            line, name = calls[0]
            yield loaded.page_problem(
                page,
                line,
                f"{name}() is shown as typed, because the page does not opt in to macros: start the page with the "
                "three lines ---, render_macros: true, ---",
            )
        page_comment = next((text for text in page.lines if text.startswith(PAGE_COMMENT)), "")
        for line, name in calls:
            above = next((text for text in reversed(page.lines[: line - 1]) if text.strip()), "")
            comment = above if above.lstrip().startswith("<!--") else page_comment
            named = {data or model or config for data, model, config in NAMED_DATA.findall(comment)}
            unknown = sorted(named - set(DATA_FILES_BY_NAME) - {"model", "mkdocs"})
            if not named:
                yield loaded.page_problem(
                    page,
                    line,
                    f"put a comment naming the data {name}() reads on the line above it, e.g. <!-- Table from "
                    "data/tracks.yaml. -->",
                )
            elif unknown:
                yield loaded.page_problem(
                    page,
                    line,
                    f"the comment above {name}() names {', '.join(f'data/{u}.yaml' for u in unknown)}, which does not "
                    "exist: name the data file the macro reads",
                )
