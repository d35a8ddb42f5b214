"""MkDocs wiring: load the curriculum once, register the macros pages may call, and make a wrong
macro call in a page stop the build with one plain sentence instead of a traceback.

This is the only module that knows about MkDocs; everything it calls works without it.
"""

from __future__ import annotations

import functools
import traceback
from pathlib import Path

from jinja2 import TemplateError
from mkdocs.exceptions import PluginError
from mkdocs_macros.errors import format_error

from .clock import build_date
from .load import load_curriculum
from .problems import CurriculumError
from .render import Renderer


def define_env(env) -> None:
    try:
        curriculum = load_curriculum(Path(env.project_dir) / "data")
    except CurriculumError as error:
        raise PluginError(error.report()) from None
    renderer = Renderer(curriculum, today=build_date())
    for name in Renderer.macros:
        env.macro(_for_page(env, name, getattr(renderer, name)), name)
    env.conf["extra"]["curriculum"] = curriculum.info  # footer: version and effective date
    # Glossary terms become tooltips in every page's prose (Python-Markdown's abbr glossary).
    env.conf["mdx_configs"].setdefault("abbr", {})["glossary"] = {t.term: t.expansion for t in curriculum.glossary}


class MacroCallError(Exception):
    """A page called a macro wrongly: unknown record, missing or misspelt argument."""


def _for_page(env, name: str, render):
    """Give a renderer the path from the current page to the site root, and name the call that failed."""

    @functools.wraps(render)
    def macro(*args, **kwargs):
        depth = len([part for part in env.page.url.split("/")[:-1] if part])  # "tracks/x/" -> 2
        try:
            return render(*args, root="../" * depth, **kwargs)
        except (ValueError, TypeError) as error:
            raise MacroCallError(f"{name}(): {str(error).replace('Renderer.', '')}") from None

    return macro


@format_error.register
def _macro_call_error(error: MacroCallError, markdown: str, page) -> str:
    return _page_problem(error, markdown, page)


@format_error.register
def _template_error(error: TemplateError, markdown: str, page) -> str:
    return _page_problem(error, markdown, page, hint="Macros a page may call are listed in the faculty guide.")


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
