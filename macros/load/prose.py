"""The words faculty write, as the rules on wording read them: the prose of a page (docs/*.md) line by line, with
code, template calls, comments, link targets and addresses left out, and how an abbreviation or a drug dose is
recognised in it. The data's own text is read field by field (Loaded.prose); both are checked by the same rules,
so a mistake is named at its file and line, in `make check` and the build alike."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

WORD = re.compile(r"[\w&]+(?:-[\w&]+)*")
"""A word as a reader sees one: words may join with hyphens (Mini-CEX) or an ampersand (PM&R)."""
URL_OR_EMAIL = re.compile(r"\S+://\S+|\S+@\S+")
DOSE = re.compile(
    r"\d+(?:\.\d+)?\s*(?:mg|mcg|µg|ug|micrograms?|milligrams?|g|grams?|ml|millilit(?:re|er)s?|mmol|units?|IU|%)"
    r"(?:\s*/\s*(?:kg|h|hr|hour|day|min))?(?!\w)",
    re.IGNORECASE,
)
"""A number followed by a unit of dose, concentration or rate: what "no drug doses" rules out."""


def looks_like_abbreviation(token: str) -> bool:
    """Two capitals or more, and no fewer capitals than small letters: CRPS, CbD, PM&R, but not GitHub."""
    capitals = sum(character.isupper() for character in token)
    return capitals >= 2 and capitals >= sum(character.islower() for character in token)


def unexplained(text: str, terms: set[str], record_ids: set[str]) -> list[str]:
    """Abbreviation-like words in `text` that are neither glossary terms nor record IDs, in order of first use.

    A hyphenated word that is not itself a term is judged part by part, so "SCS-compatible" needs SCS in the
    glossary, and "Mini-CEX" is accepted as the term it is."""
    found = []
    for token in WORD.findall(URL_OR_EMAIL.sub(" ", text)):
        if token in terms or token in record_ids:
            continue
        found += [part for part in token.split("-") if looks_like_abbreviation(part) and part not in terms]
    return list(dict.fromkeys(found))


# -- pages ---------------------------------------------------------------------------------------

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_NOT_PROSE = [
    re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}"),  # template code: macro calls
    re.compile(r"`[^`]*`"),  # inline code
    re.compile(r"<(code|kbd|samp|pre|script|style)\b[^>]*>.*?</\1>", re.IGNORECASE),
    re.compile(r"\]\([^)]*\)"),  # a link's target
    re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$"),  # a reference link's definition
    re.compile(r"\{\s*[.#:][^}]*\}"),  # an attribute list: { .md-button }, {#anchor}
    re.compile(r"<[^>]+>"),  # an HTML tag (its text stays)
    re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s+[\w-]+"),  # an admonition's kind (its title stays)
    URL_OR_EMAIL,
]


@dataclass(frozen=True)
class Page:
    """A page of the site as its file is written (docs/PAGE.md)."""

    name: str
    """As messages name it, e.g. docs/tracks/fel-us-6m.md."""
    lines: tuple[str, ...]

    @functools.cached_property
    def front_matter(self) -> dict:
        """The YAML between the `---` lines at the top (render_macros, hide, description), or {}."""
        if not self.lines or self.lines[0].strip() != "---":
            return {}
        end = next((n for n, line in enumerate(self.lines[1:], 1) if line.strip() == "---"), None)
        if end is None:
            return {}
        try:
            found = yaml.safe_load("\n".join(self.lines[1:end]))
        except yaml.YAMLError:
            return {}  # MkDocs reports it
        return found if isinstance(found, dict) else {}

    @functools.cached_property
    def body_starts(self) -> int:
        """The number of the first line after the front matter (1 when there is none)."""
        if self.front_matter or (self.lines and self.lines[0].strip() == "---"):
            return next((n for n, line in enumerate(self.lines[1:], 2) if line.strip() == "---"), 1) + 1
        return 1

    @functools.cached_property
    def prose(self) -> tuple[tuple[int, str], ...]:
        """(line number, what a reader sees of it) for each line of the page's body: code blocks, inline code,
        comments, template calls, link targets, tags, attribute lists and addresses left out."""
        found, fence, in_comment = [], None, False
        for number, line in enumerate(self.lines, 1):
            if number < self.body_starts:
                continue
            if fence is not None:
                if line.strip().startswith(fence):
                    fence = None
                continue
            if (opened := _FENCE.match(line)) and not in_comment:
                fence = opened.group(1)
                continue
            text = line
            if in_comment:
                if "-->" not in text:
                    continue
                text, in_comment = text.split("-->", 1)[1], False
            while "<!--" in text:
                before, _, after = text.partition("<!--")
                if "-->" in after:
                    text = before + " " + after.partition("-->")[2]
                else:
                    text, in_comment = before, True
            for pattern in _NOT_PROSE:
                text = pattern.sub(" ", text)
            if text.strip():
                found.append((number, text))
        return tuple(found)

    def calls(self) -> Iterator[tuple[int, str]]:
        """(line number, macro name) for each macro call written in the page's body, outside code."""
        fence = None
        for number, line in enumerate(self.lines, 1):
            if number < self.body_starts:
                continue
            if fence is not None:
                fence = None if line.strip().startswith(fence) else fence
                continue
            if opened := _FENCE.match(line):
                fence = opened.group(1)
                continue
            for call in re.finditer(r"\{\{\s*(\w+)\s*\(", re.sub(r"`[^`\n]+`", "", line)):
                yield number, call.group(1)


def read_pages(docs_dir: Path) -> tuple[Page, ...]:
    """Every page under `docs_dir`, in path order, named as messages name them (docs/…)."""
    return tuple(
        Page(f"{docs_dir.name}/{path.relative_to(docs_dir).as_posix()}", tuple(path.read_text("utf-8").splitlines()))
        for path in sorted(docs_dir.rglob("*.md"))
    )
