"""A skill named by its ID in a list or a table of a page links to its entry in the catalogue
(`[US-KNEE-INJ](skills.md#US-KNEE-INJ)`), as every table the data builds does. The faculty pages, whose IDs are
examples of the format, and the catalogue itself are left alone. Checked with the pages."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...problems import Problem
from ...urls import skill_link_in_page
from ..reading import Loaded

ID = "skill-mentions-linked"
EXAMPLES_ONLY = ("contributing/", "skills.md")
LIST_OR_TABLE = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|\|)")


def check(loaded: Loaded) -> Iterator[Problem]:
    if loaded.docs_dir is None or not loaded.valid["skills"]:
        return
    skill_ids = sorted((skill.id for _, skill in loaded.valid["skills"]), key=len, reverse=True)
    mention = re.compile(rf"(?<![\w-])({'|'.join(map(re.escape, skill_ids))})(?![\w-])")
    folder = f"{loaded.docs_dir.name}/"
    for page in loaded.pages:
        if page.name.removeprefix(folder).startswith(EXAMPLES_ONLY):
            continue
        for line, text in page.prose:
            written = page.lines[line - 1]
            if not LIST_OR_TABLE.match(written):
                continue
            for skill_id in dict.fromkeys(mention.findall(text)):
                if not re.search(rf"\(([^)\s]*/)?skills\.md#{re.escape(skill_id)}\)", written):
                    yield loaded.page_problem(
                        page,
                        line,
                        f"{skill_id} is named without a link to it: write "
                        f"[{skill_id}]({skill_link_in_page(page.name.removeprefix(folder), skill_id)})",
                    )
