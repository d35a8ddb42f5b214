"""MkDocs hook (mkdocs.yml `hooks:`): search results whose snippets read as sentences, and abbreviations
that find the pages which spell them out.

Material's search plugin cuts each page at its headings and keeps the text of each part for its index,
joining the text of neighbouring elements as it finds it. So a fact list, <dt>Kind</dt><dd>procedural</dd>,
is indexed and shown in a result as "Kindprocedural", and the cells of a table run into each other.
Its parser (material.plugins.search.plugin.Parser, Material 9.8) is replaced here by one that ends a label
with a colon and a value, a table cell or a caption with a full stop: "Kind: procedural. Risk category:
low." It also writes each glossary term after its expansion in the text ("radiofrequency ablation (RFA)"),
so that searching for RFA finds the workshop that teaches radiofrequency ablation. Headings, which are
the results' titles, are left exactly as they are.

tests/test_search_index.py checks the index this produces; if a Material upgrade changes its parser, it fails.
"""

from __future__ import annotations

import re

from material.plugins.search import plugin as material_search

LABELS = {"dt"}  # ends with ": "
VALUES = {"dd", "td", "th", "caption", "figcaption", "summary"}  # ends with ". "
ENDS_ALREADY = (".", ":", ";", "?", "!")
BLOCKS_ENDED = {"</p>", "</ul>", "</ol>", "</li>", "</pre>"}  # the index keeps these tags: no mark after them


class SentenceParser(material_search.Parser):
    """Material's search parser, with punctuation where an element ends and glossary terms after their expansions."""

    expansions: re.Pattern | None = None  # set by on_config
    terms: dict[str, str] = {}  # expansion in lower case -> term

    def handle_data(self, data):
        if self.expansions is not None and not self._in_title():
            data = self.expansions.sub(self._with_term, data)
        super().handle_data(data)

    def handle_endtag(self, tag):
        super().handle_endtag(tag)
        if tag in LABELS or tag in VALUES:
            self._end_with(":" if tag in LABELS else ".")

    def _with_term(self, match: re.Match) -> str:
        term = self.terms[match.group(0).lower()]
        if match.string[match.end() :].lstrip().startswith(f"({term})"):
            return match.group(0)
        return f"{match.group(0)} ({term})"

    def _in_title(self) -> bool:
        return self.section is not None and self.section.el in self.context

    def _end_with(self, mark: str) -> None:
        if self.section is None or self._in_title() or self.skip.intersection(self.context):
            return
        text = self.section.text
        last = len(text) - 1
        while last >= 0 and not text[last].strip():
            last -= 1
        if last < 0:
            return
        if not (text[last] in BLOCKS_ENDED or text[last].rstrip().endswith(ENDS_ALREADY)):  # after a list or a sentence
            text[last] = text[last].rstrip() + mark
        if not text[-1].isspace():
            text.append(" ")


def on_config(config):
    glossary = config["mdx_configs"].get("abbr", {}).get("glossary", {})  # filled by the macros module
    SentenceParser.terms = {expansion.lower(): term for term, expansion in glossary.items()}
    if glossary:
        from macros import import_afresh_next_time  # importable once the macros plugin has run (it comes first)
        from macros.render import any_of

        expansions = any_of(expansion.lower() for expansion in glossary.values())
        SentenceParser.expansions = re.compile(rf"(?<!\w){expansions}(?!\w)", re.IGNORECASE)
        import_afresh_next_time()  # as define_env does: mkdocs serve previews a change saved to macros/ too
    material_search.Parser = SentenceParser
    return config
