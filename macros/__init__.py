"""MkDocs wiring: load the curriculum once, register the macros pages may call, and make a wrong
macro call in a page stop the build with one plain sentence instead of a traceback.

This is the only module that knows about MkDocs; everything it calls works without it. MkDocs is imported
inside the functions that MkDocs calls, so that `python -m macros check` (which imports this package)
starts fast and works without it.
"""

from __future__ import annotations

import functools
import traceback
from pathlib import Path

from jinja2 import TemplateError

from .blocks import Blocks, NotPlaced
from .clock import build_date
from .export import downloads
from .load import load_curriculum
from .problems import CurriculumError
from .render import Renderer, tooltips_at_first_use


def define_env(env) -> None:
    from mkdocs.exceptions import PluginError

    _explain_page_errors()
    try:
        curriculum = load_curriculum(Path(env.project_dir) / "data")
    except CurriculumError as error:
        raise PluginError(error.report()) from None
    # The preview (mkdocs.preview.yml) names pages page.html; links written by the renderers follow.
    renderer = Renderer(curriculum, today=build_date(), directory_urls=env.conf["use_directory_urls"])
    blocks = Blocks()
    for name in Renderer.macros:
        env.macro(_for_page(env, name, getattr(renderer, name), blocks), name)
    # The tables go into pages after Markdown (macros/blocks.py); registered the way Material's group plugin does.
    env.conf["plugins"]["macros/blocks"] = _AfterMarkdown(blocks)
    env.conf["extra"]["curriculum"] = curriculum.info  # footer: version and effective date
    # Glossary terms become tooltips in every page's prose (Python-Markdown's abbr glossary).
    env.conf["mdx_configs"].setdefault("abbr", {})["glossary"] = {t.term: t.expansion for t in curriculum.glossary}


def on_post_build(env) -> None:
    """Write the downloads (curriculum JSON and its schema, checklist CSVs, workshop calendar) into the site."""
    curriculum = load_curriculum(Path(env.project_dir) / "data")  # cached: the same object define_env loaded
    folder = Path(env.conf["site_dir"]) / "downloads"
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in downloads(curriculum, build_date(), env.conf["site_url"] or "").items():
        (folder / name).write_bytes(content)


class MacroCallError(Exception):
    """A page called a macro wrongly: unknown record, missing or misspelt argument."""


def _for_page(env, name: str, render, blocks: Blocks):
    """Give a renderer the path from the current page to the site root, name the call that failed, and
    leave a placeholder in the Markdown where the renderer made HTML."""

    @functools.wraps(render)
    def macro(*args, **kwargs):
        depth = len([part for part in env.page.url.split("/")[:-1] if part])  # "tracks/x/" -> 2
        try:
            output = render(*args, root="../" * depth, **kwargs)
        except (ValueError, TypeError) as error:
            raise MacroCallError(f"{name}(): {str(error).replace('Renderer.', '')}") from None
        return blocks.markdown(env.page.file.src_uri, name, output)

    return macro


class _AfterMarkdown:
    """Puts each page's blocks in place once Markdown has made its HTML, before any other plugin reads it,
    and tells MkDocs the anchors they hold so that links to them are checked. What search does not index
    goes in place in the finished page (see macros/blocks.py), whose glossary tooltips are then kept at
    their first use in each section."""

    def __init__(self, blocks: Blocks):
        self.blocks = blocks

    def on_page_content(self, html: str, page, **kwargs) -> str:
        html, ids = self._placed(page, self.blocks.place, html)
        page.present_anchor_ids = (page.present_anchor_ids or set()) | ids
        return html

    def on_post_page(self, output: str, page, **kwargs) -> str:
        return tooltips_at_first_use(self._placed(page, self.blocks.place_unsearchable, output))

    # First, before other plugins: what mkdocs.plugins.event_priority(100) sets, without importing MkDocs.
    on_page_content.mkdocs_priority = on_post_page.mkdocs_priority = 100

    @staticmethod
    def _placed(page, place, html: str):
        from mkdocs.exceptions import PluginError

        try:
            return place(page.file.src_uri, html)
        except NotPlaced as problem:
            raise PluginError(f"docs/{page.file.src_uri}: {problem}.") from None


@functools.cache
def _explain_page_errors() -> None:
    """Teach mkdocs-macros to report these errors in one sentence (its default prints a traceback)."""
    from mkdocs_macros.errors import format_error

    format_error.register(MacroCallError, _page_problem)
    format_error.register(
        TemplateError,
        functools.partial(_page_problem, hint="Macros a page may call are listed in the faculty guide."),
    )


def _page_problem(error: Exception, markdown: str, page, hint: str = "") -> str:
    line = getattr(error, "lineno", None) or next(
        (
            frame.lineno
            for frame in reversed(traceback.extract_tb(error.__traceback__))
            if frame.filename == "<template>"
        ),
        None,
    )
    if line is not None:  # Jinja counts lines after the front matter; faculty count lines in the file.
        source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
        line += len(source.splitlines()) - len(markdown.splitlines())
    where = f"docs/{page.file.src_uri}" + (f":{line}" if line else "")
    return f"{where}: {getattr(error, 'message', None) or error}. {hint}".strip()
