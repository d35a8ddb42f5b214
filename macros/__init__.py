"""MkDocs wiring: load the curriculum once, register the macros pages may call, and make a wrong
macro call in a page stop the build with one plain sentence instead of a traceback.

This is the only module that knows about MkDocs; everything it calls works without it. MkDocs is imported
inside the functions that MkDocs calls, so that `python -m macros check` (which imports this package)
starts fast and works without it.
"""

from __future__ import annotations

import functools
import logging
import re
import sys
import traceback
from pathlib import Path
from urllib.parse import urljoin

from jinja2 import TemplateError

from . import csp
from .blocks import Blocks, NotPlaced
from .clock import build_date
from .escape import heading_id, html_attribute, html_text, plain_title
from .export import downloads
from .load import load_curriculum
from .problems import CurriculumError
from .publish import NO_CONTACT, is_draft, published_contact
from .render import Renderer, tooltips_at_first_use, track_page

_this_build: dict = {}
"""What define_env loaded, for on_post_build: the downloads show the data the pages show, even when a file is
saved during the build (as happens while mkdocs serve is running)."""


def define_env(env) -> None:
    from mkdocs.exceptions import PluginError

    _explain_page_errors()
    _name_the_lines_of_broken_links(Path(env.conf["docs_dir"]))
    try:
        curriculum = load_curriculum(Path(env.project_dir) / "data")
    except CurriculumError as error:
        raise PluginError(error.report()) from None
    finally:
        import_afresh_next_time()
    _this_build["curriculum"] = curriculum
    # The preview (mkdocs.preview.yml) names pages page.html; links written by the renderers follow.
    contact = env.conf["extra"].get("academy", {}).get("contact")  # enquiries about a track go here
    renderer = Renderer(
        curriculum,
        today=build_date(),
        directory_urls=env.conf["use_directory_urls"],
        contact=contact,
        site_url=env.conf["site_url"] or "",
    )
    blocks = Blocks()
    for name in Renderer.macros:
        env.macro(_for_page(env, name, getattr(renderer, name), blocks), name)
    # The tables go into pages after Markdown (macros/blocks.py); registered the way Material's group plugin does.
    env.conf["plugins"]["macros/blocks"] = _AfterMarkdown(blocks)
    env.conf["extra"]["curriculum"] = curriculum.info  # footer: version and effective date
    # The footer, the 404 page and the draft banner (overrides/): no placeholder address is ever shown.
    env.conf["extra"].update(published_contact=published_contact(contact), no_contact=NO_CONTACT)
    env.conf["extra"]["draft"] = is_draft(curriculum)
    # Glossary terms become tooltips in every page's prose (Python-Markdown's abbr glossary).
    env.conf["mdx_configs"].setdefault("abbr", {})["glossary"] = {t.term: t.expansion for t in curriculum.glossary}
    env.conf["mdx_configs"].setdefault("toc", {})["slugify"] = heading_id
    env.conf["plugins"]["curriculum-escaping"] = _ThemeFilters()


def on_pre_page_macros(env) -> None:
    """A track's page (docs/tracks/<id in lower case>.md) is described, for search engines and link
    previews, by the track's summary, unless its front matter says otherwise."""
    curriculum = _this_build["curriculum"]
    pages = {f"{track_page(track.id)}.md": track for track in curriculum.tracks}
    track = pages.get(env.page.file.src_uri)
    if track is not None:
        env.page.meta.setdefault("description", track.summary)


class _ThemeFilters:
    """Gives the theme's templates (overrides/) the escaping functions of macros/escape.py as filters, as
    MkDocs builds the theme's Jinja environment (its on_env event)."""

    def on_env(self, env, **kwargs):
        env.filters.update(html_text=html_text, html_attribute=html_attribute, plain_title=plain_title)
        return env


def on_post_build(env) -> None:
    """Write the downloads (curriculum JSON and its schema, checklist CSVs, workshop calendar) into the site,
    and a page at each retired track's old address that leads to its replacement, then the
    Content-Security-Policy into every page (those pages included)."""
    curriculum = _this_build["curriculum"]
    site = Path(env.conf["site_dir"])
    folder = site / "downloads"
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in downloads(curriculum, build_date(), env.conf["site_url"] or "").items():
        (folder / name).write_bytes(content)
    _write_retired_track_pages(env, curriculum, site)
    _write_content_security_policy(env.conf)


def _write_retired_track_pages(env, curriculum, site: Path) -> None:
    """tracks/old-id/ keeps working, without JavaScript too: an HTML redirect with a link to the new page."""
    from mkdocs.exceptions import PluginError

    directory_urls = env.conf["use_directory_urls"]
    renderer = Renderer(curriculum, today=build_date())
    for old in (entry for entry in curriculum.retired if entry.kind.file_kind == "tracks"):
        gone, new = track_page(old.id), track_page(old.replaced_by)
        page = site / (f"{gone}/index.html" if directory_urls else f"{gone}.html")
        if page.exists():
            raise PluginError(
                f"docs/{gone}.md: {old.id} is retired (data/retired.yaml), so its page must go: "
                f"rename it to docs/{new}.md"
            )
        target = f"../{new.split('/')[-1]}/" if directory_urls else f"{new.split('/')[-1]}.html"
        canonical = urljoin(env.conf["site_url"] or "", f"{new}/" if directory_urls else f"{new}.html")
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(renderer.moved_page(old, target, canonical), encoding="utf-8")


def _write_content_security_policy(config) -> None:
    """Every page gets the same policy (macros/csp.py), which allows the inline scripts and styles of all pages.
    `mkdocs serve` puts an inline live-reload script of its own into each page it serves, which changes with
    every request, so no hash can name it: the pages it serves allow inline scripts. It gives site_url the
    address it serves at, which is how it is recognised here. The reviewers' preview (Material's offline
    plugin) allows them too: the iframe-worker shim that runs search from a file writes an inline script
    holding the worker's address, which differs with each page's depth. The published site allows neither."""
    from mkdocs.exceptions import PluginError

    host, port = config["dev_addr"]
    served_by_mkdocs = (config["site_url"] or "").startswith(f"http://{host}:{port}/")
    offline = config["plugins"].get("material/offline")
    preview = offline is not None and offline.config.enabled
    pages = {path: path.read_text(encoding="utf-8") for path in sorted(Path(config["site_dir"]).rglob("*.html"))}
    policy = csp.site_policy(pages.values(), inline_scripts=served_by_mkdocs or preview)
    for path, html in pages.items():
        try:
            path.write_text(csp.with_policy(html, policy), encoding="utf-8")
        except ValueError as error:
            raise PluginError(f"{path.relative_to(config['site_dir'])}: {error}") from None


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


def import_afresh_next_time() -> None:
    """mkdocs serve rebuilds in the same process and mkdocs-macros imports this package by name, so Python would
    keep running the code it imported first. Forgetting the modules here (this build keeps the objects it has)
    makes the next rebuild import macros/ as it is then: a saved change to the code is previewed too."""
    for name in [name for name in sys.modules if name == __name__ or name.startswith(f"{__name__}.")]:
        del sys.modules[name]


_LINK_WARNING = re.compile(
    r"^Doc file '(?P<page>[^']+)' contains (?:a|an unrecognized relative) link '(?P<link>[^']+)'"
)


def _name_the_lines_of_broken_links(docs_dir: Path) -> None:
    """MkDocs' warnings about a page's links name the page but not the line: put `docs/PAGE.md:LINE:` before them."""
    logger = logging.getLogger("mkdocs.structure.pages")
    for old in [f for f in logger.filters if getattr(f, "names_link_lines", False)]:
        logger.removeFilter(old)  # one from an earlier build of mkdocs serve

    def name_the_line(record: logging.LogRecord) -> bool:
        warning = record.getMessage()
        if found := _LINK_WARNING.match(warning):
            line = _line_of_link(docs_dir / found["page"], found["link"])
            record.msg, record.args = f"docs/{found['page']}{f':{line}' if line else ''}: {warning}", ()
        return True

    name_the_line.names_link_lines = True
    logger.addFilter(name_the_line)


def _line_of_link(page: Path, link: str) -> int | None:
    """The first line of the page's file that holds the link as a link target, else the first that mentions it."""
    try:
        lines = page.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    as_target = (f"]({link}", f'href="{link}"', f"<{link}>", f"]: {link}")
    for wanted in (lambda text: any(form in text for form in as_target), lambda text: link in text):
        line = next((number for number, text in enumerate(lines, 1) if wanted(text)), None)
        if line:
            return line
    return None


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
