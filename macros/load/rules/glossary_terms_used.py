"""Every glossary term is used somewhere on the site besides the Glossary page: in the data's text, a page, or the
text the site's templates and theme add. A term nothing uses is a tooltip no reader meets: use it, or remove it.
Checked with the pages only, since a data folder on its own cannot tell."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ...model import DATA_FILES_BY_NAME
from ...problems import Problem
from ..prose import WORD
from ..reading import Loaded

ID = "glossary-terms-used"
GLOSSARY_PAGE = "glossary.md"
TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def check(loaded: Loaded) -> Iterator[Problem]:
    if loaded.docs_dir is None or not loaded.every_file_read:
        return
    used = {
        word for data_file, _, text in loaded.prose() if data_file.name != "glossary" for word in WORD.findall(text)
    }
    used |= {
        word
        for page in loaded.pages
        if page.name != f"{loaded.docs_dir.name}/{GLOSSARY_PAGE}"
        for _, text in page.prose
        for word in WORD.findall(text)
    }
    project = loaded.docs_dir.parent
    for path in [*TEMPLATES.glob("*.html"), *(project / "overrides").rglob("*.html"), project / "mkdocs.yml"]:
        if path.is_file():
            used |= set(WORD.findall(path.read_text(encoding="utf-8")))
    glossary = DATA_FILES_BY_NAME["glossary"]
    for index, term in loaded.valid["glossary"]:
        if term.term not in used:
            yield loaded.problem(
                glossary,
                (index, "term"),
                f"no page uses {term.term}, so no reader meets its tooltip: use it where it belongs, or remove it",
            )
