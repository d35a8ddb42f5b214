"""An MkDocs hook the benchmark adds to a throw-away copy of the project: once mkdocs-macros has run,
it writes each page's Markdown, with the tables in it, and what define_env added to the configuration (the glossary for
abbr, the curriculum's version for the footer), into another copy. That copy then builds the same
pages with no data and no macros: plain MkDocs + Material doing the same work.

The target folder comes from the environment variable BENCH_PRERENDER_TARGET.
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml

TARGET = Path(os.environ.get("BENCH_PRERENDER_TARGET", "."))


def on_config(config):
    curriculum = config["extra"].get("curriculum")
    facts = {
        "glossary": (config["mdx_configs"].get("abbr") or {}).get("glossary", {}),
        "curriculum": curriculum.model_dump(mode="python") if hasattr(curriculum, "model_dump") else curriculum,
    }
    (TARGET / "prerendered.yml").write_text(yaml.safe_dump(facts, allow_unicode=True), encoding="utf-8")
    return config


def on_page_markdown(markdown, page, config, files):
    # The tables wait for the HTML as placeholders (macros/blocks.py): written into the Markdown here instead.
    markdown, _ = config.plugins["curriculum"].blocks.place(page.file.src_uri, markdown)
    meta = {key: value for key, value in page.meta.items() if key != "render_macros"}
    front = f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n\n" if meta else ""
    (TARGET / "docs" / page.file.src_uri).write_text(front + markdown, encoding="utf-8")
    return markdown
