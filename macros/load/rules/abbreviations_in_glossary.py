"""Every abbreviation a reader meets has an entry in `data/glossary.yaml`, which gives it its tooltip and its line on
the Glossary page: in the data's text (a currency code such as `INR` in a fee's note, `CRPS` in a description) and in
the pages. An abbreviation is a word of two capitals or more with no more small letters than capitals (CRPS, CbD,
PM&R); record IDs are not abbreviations, and neither is code written between backticks in a page. Each missing
abbreviation is named once per file, at its first use."""

from __future__ import annotations

from collections.abc import Iterator

from ...problems import Problem
from ..prose import unexplained
from ..reading import Loaded

ID = "abbreviations-in-glossary"


def check(loaded: Loaded) -> Iterator[Problem]:
    if not loaded.every_file_read:
        return  # the file that could not be read may hold the term or the ID
    terms, ids = loaded.glossary_terms, loaded.record_ids
    uses: dict[tuple[str, str], list] = {}
    for data_file, path, text in loaded.prose():
        for token in unexplained(text, terms, ids):
            uses.setdefault((loaded.name(data_file), token), []).append((data_file, path))
    for (_, token), places in uses.items():
        data_file, path = places[0]
        yield loaded.problem(data_file, path, _missing(token, len(places) - 1, "file"))
    for page in loaded.pages:
        first: dict[str, list[int]] = {}
        for line, text in page.prose:
            for token in unexplained(text, terms, ids):
                first.setdefault(token, []).append(line)
        for token, lines in first.items():
            yield loaded.page_problem(page, lines[0], _missing(token, len(lines) - 1, "page"))


def _missing(token: str, more: int, where: str) -> str:
    again = f" (and {more} more time{'s' if more != 1 else ''} in this {where})" if more else ""
    return (
        f"{token} is an abbreviation without an entry in data/glossary.yaml{again}: add it there, with its expansion "
        "and a definition, or write it out in words"
    )
