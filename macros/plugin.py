"""Everything that faces MkDocs: one SiteBuild per build, made by define_env (macros/__init__.py), which
mkdocs-macros calls as the configuration is read.

The SiteBuild loads the curriculum once, makes the one Renderer, registers the macros pages may call, sets the
glossary and heading ids for Markdown and the search parser for Material, and then takes MkDocs' later events
as a plugin of the build: the tables put into pages after Markdown, a track page's description, the theme's
escaping filters, and after the build the downloads, the retired tracks' pages and the
Content-Security-Policy. Nothing outlives the build but what `mkdocs serve` must forget (import_afresh_next_time).

A page's mistake in a macro call stops the build with one line, `docs/PAGE.md:LINE: what is wrong — what to
write instead` (macros/calls.py says what); `mkdocs serve` keeps serving and rebuilds on the next save. A bug
in the code stops it with its traceback.
"""

from __future__ import annotations

import functools
import logging
import re
import sys
import traceback
from pathlib import Path

from jinja2 import TemplateError, TemplateSyntaxError
from material.plugins.search import plugin as material_search
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs_macros.errors import format_error

from . import calls, csp
from .blocks import Blocks, NotPlaced
from .clock import build_date
from .escape import html_attribute, html_text, plain_title
from .export import downloads
from .load import load_curriculum
from .problems import CurriculumError, annotate
from .publish import NO_CONTACT, is_draft, published_contact
from .render import TEMPLATES, Renderer, any_of, tooltips_at_first_use
from .urls import DOWNLOADS, Links, root_from, source_file, track_page


class SiteBuild(BasePlugin):
    """One build of the site, from define_env to its last page."""

    @classmethod
    def start(cls, env) -> SiteBuild:
        """Load the curriculum and set up the build for mkdocs-macros' `env`; the build then takes MkDocs' events."""
        config = env.conf
        try:
            curriculum = load_curriculum(Path(env.project_dir) / "data")
        except CurriculumError as error:
            annotate(error.problems)
            raise PluginError(error.report()) from None
        finally:
            import_afresh_next_time()
        build = cls(curriculum, config)
        for name in Renderer.macros:
            env.macro(build.macro(env, name), name)
        config["extra"]["curriculum"] = curriculum.info  # footer: version and effective date
        # The footer, the 404 page and the draft banner (overrides/): no placeholder address is ever shown.
        contact = config["extra"].get("academy", {}).get("contact")
        config["extra"].update(published_contact=published_contact(contact), no_contact=NO_CONTACT)
        config["extra"]["draft"] = is_draft(curriculum)
        # Glossary terms become tooltips in every page's prose (Python-Markdown's abbr glossary). A term with two
        # meanings (INR) has one tooltip naming both: abbr matches words, not what a sentence means.
        glossary = {term.term: term.tooltip for term in curriculum.glossary}
        config["mdx_configs"].setdefault("abbr", {})["glossary"] = glossary
        material_search.Parser = sentence_parser(
            {meaning.expansion: term.term for term in curriculum.glossary for meaning in term.meanings}
        )
        _report_page_mistakes()
        _name_the_lines_of_broken_links(Path(config["docs_dir"]))
        config["plugins"]["curriculum"] = build  # the later events, as Material's group plugin adds plugins
        return build

    def __init__(self, curriculum, config):
        self.curriculum = curriculum
        self.site_url = config["site_url"] or ""
        # The preview (mkdocs.preview.yml) names pages page.html; links written by the renderers follow.
        self.links = Links(directory_urls=config["use_directory_urls"], site_url=self.site_url)
        self.renderer = Renderer(
            curriculum,
            today=build_date(),
            directory_urls=self.links.directory_urls,
            contact=config["extra"].get("academy", {}).get("contact"),  # enquiries about a track go here
            site_url=self.site_url,
        )
        self.blocks = Blocks()
        """The HTML the macros made, waiting for its pages (macros/blocks.py)."""
        self._track_pages = {source_file(track_page(track.id)): track for track in curriculum.tracks}

    def macro(self, env, name: str):
        """The macro `name` as pages call it: bound to its renderer's arguments, given the way from the page to
        the site's root, its HTML left as a placeholder in the Markdown."""
        render = getattr(self.renderer, name)

        @functools.wraps(render)
        def macro(*args, **kwargs):
            output = calls.call(name, render, args, kwargs, root=root_from(env.page.url))
            return self.blocks.markdown(env.page.file.src_uri, name, output)

        return macro

    # -- MkDocs' events -------------------------------------------------------------------------

    def on_page_markdown(self, markdown: str, page, **kwargs) -> None:
        """A track's page (docs/tracks/<id in lower case>.md) is described, for search engines and link
        previews, by the track's summary, unless its front matter says otherwise."""
        track = self._track_pages.get(page.file.src_uri)
        if track is not None:
            page.meta.setdefault("description", track.summary)

    @event_priority(100)  # first, before any other plugin reads the page's HTML
    def on_page_content(self, html: str, page, **kwargs) -> str:
        """Each page's blocks in place once Markdown has made its HTML, with the anchors they hold told to
        MkDocs so that links to them are checked. What search does not index waits (macros/blocks.py)."""
        html, ids = self._placed(page, self.blocks.place, html)
        page.present_anchor_ids = (page.present_anchor_ids or set()) | ids
        return html

    @event_priority(100)
    def on_post_page(self, output: str, page, **kwargs) -> str:
        """The finished page with what search does not index in place, and glossary tooltips kept at their
        first use in each section."""
        return tooltips_at_first_use(self._placed(page, self.blocks.place_unsearchable, output))

    def on_env(self, env, **kwargs):
        return theme_filters(env)

    def on_post_build(self, config, **kwargs) -> None:
        """Write the downloads (curriculum JSON and its schema, checklist CSVs, workshop calendar) into the site,
        and a page at each retired track's old address that leads to its replacement, then the
        Content-Security-Policy into every page (those pages included)."""
        site = Path(config["site_dir"])
        folder = site / DOWNLOADS
        folder.mkdir(parents=True, exist_ok=True)
        for name, content in downloads(self.curriculum, build_date(), self.site_url).items():
            (folder / name).write_bytes(content)
        self._write_retired_track_pages(site)
        _write_content_security_policy(config)

    # -- what the events do --------------------------------------------------------------------

    @staticmethod
    def _placed(page, place, html: str):
        try:
            return place(page.file.src_uri, html)
        except NotPlaced as problem:
            raise PluginError(f"docs/{page.file.src_uri}: {problem}.") from None

    def _write_retired_track_pages(self, site: Path) -> None:
        """tracks/old-id/ keeps working, without JavaScript too: an HTML redirect with a link to the new page."""
        for old in (entry for entry in self.curriculum.retired if entry.kind.data_file == "tracks"):
            gone, new = track_page(old.id), track_page(old.replaced_by)
            page = site / self.links.page_file(gone)
            if page.exists():
                raise PluginError(
                    f"docs/{source_file(gone)}: {old.id} is retired (data/retired.yaml), so its page must go: "
                    f"rename it to docs/{source_file(new)}"
                )
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(self.renderer.moved_page(old), encoding="utf-8")


def theme_filters(env, **kwargs):
    """The escaping functions of macros/escape.py as filters of the theme's templates (overrides/), as MkDocs
    builds the theme's Jinja environment (its on_env event)."""
    env.filters.update(html_text=html_text, html_attribute=html_attribute, plain_title=plain_title)
    return env


def _write_content_security_policy(config) -> None:
    """Every page gets the same policy (macros/csp.py), which allows the inline scripts and styles of all pages.
    `mkdocs serve` puts an inline live-reload script of its own into each page it serves, which changes with
    every request, so no hash can name it: the pages it serves allow inline scripts. It gives site_url the
    address it serves at, which is how it is recognised here. The reviewers' preview (Material's offline
    plugin) allows them too: the iframe-worker shim that runs search from a file writes an inline script
    holding the worker's address, which differs with each page's depth. The published site allows neither."""
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


def import_afresh_next_time() -> None:
    """mkdocs serve rebuilds in the same process and mkdocs-macros imports this package by name, so Python would
    keep running the code it imported first. Forgetting the modules here (this build keeps the objects it has)
    makes the next rebuild import macros/ as it is then: a saved change to the code is previewed too."""
    package = __name__.rpartition(".")[0]
    for name in [name for name in sys.modules if name == package or name.startswith(f"{package}.")]:
        del sys.modules[name]


# -- a page's mistakes, in one line ---------------------------------------------------------------


@functools.cache
def _report_page_mistakes() -> None:
    """mkdocs-macros hands an error in a page to format_error, then (on_error_fail) ends the process with
    SystemExit, which `mkdocs serve` does not catch: the preview died. Each error is raised on instead, before
    that: a page's mistake as a PluginError of one line, which MkDocs reports and `mkdocs serve` survives, and
    anything else (a bug) as it is, with its traceback."""
    format_error.register(Exception, _raise_as_it_is)
    for mistake in (calls.PageMistake, TemplateError, TemplateSyntaxError):
        format_error.register(mistake, _raise_page_mistake)


def _raise_as_it_is(error: Exception, markdown: str, page) -> str:
    raise error


def _raise_page_mistake(error: Exception, markdown: str, page) -> str:
    frames = traceback.extract_tb(error.__traceback__)
    if any(Path(frame.filename).is_relative_to(TEMPLATES) for frame in frames):
        raise error  # in a renderer's template: a bug, not the page's mistake
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8").splitlines()
    line = getattr(error, "lineno", None) or next(
        (frame.lineno for frame in reversed(frames) if frame.filename == "<template>"),
        None,
    )
    if line is not None:  # Jinja counts lines after the front matter; faculty count lines in the file.
        line += len(source) - len(markdown.splitlines())
    if isinstance(error, calls.PageMistake):
        sentence = str(error)
    else:
        text = source[line - 1] if line and 0 < line <= len(source) else ""
        sentence = calls.template_mistake(getattr(error, "message", None) or str(error), text, Renderer.macros)
        if sentence is None:
            raise error
    where = f"docs/{page.file.src_uri}" + (f":{line}" if line else "")
    raise PluginError(f"{where}: {sentence}") from None


_LINK_WARNING = re.compile(
    r"^Doc file '(?P<page>[^']+)' contains (?:a|an unrecognized relative) link '(?P<link>[^']+)'"
)
_READING_PAGE = re.compile(r"^Error reading page '[^']*':$")


def _name_the_lines_of_broken_links(docs_dir: Path) -> None:
    """MkDocs' warnings about a page's links name the page but not the line: put `docs/PAGE.md:LINE:` before them.
    And a page's mistake is said in one line: MkDocs' own "Error reading page 'PAGE':" before it is dropped."""
    loggers = (logging.getLogger("mkdocs.structure.pages"), logging.getLogger("mkdocs.commands.build"))
    for logger, old_filter in [(lg, f) for lg in loggers for f in lg.filters if getattr(f, "curriculum_filter", False)]:
        logger.removeFilter(old_filter)  # one from an earlier build of mkdocs serve

    def name_the_line(record: logging.LogRecord) -> bool:
        warning = record.getMessage()
        if found := _LINK_WARNING.match(warning):
            line = _line_of_link(docs_dir / found["page"], found["link"])
            record.msg, record.args = f"docs/{found['page']}{f':{line}' if line else ''}: {warning}", ()
        return True

    def one_line_for_a_page(record: logging.LogRecord) -> bool:
        return not _READING_PAGE.match(record.getMessage())

    name_the_line.curriculum_filter = one_line_for_a_page.curriculum_filter = True
    logging.getLogger("mkdocs.structure.pages").addFilter(name_the_line)
    logging.getLogger("mkdocs.commands.build").addFilter(one_line_for_a_page)


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


# -- search results that read as sentences ---------------------------------------------------------
# Material's search plugin cuts each page at its headings and keeps the text of each part for its index,
# joining the text of neighbouring elements as it finds it. So a fact list, <dt>Kind</dt><dd>procedural</dd>,
# is indexed and shown in a result as "Kindprocedural", and the cells of a table run into each other. Its
# parser (material.plugins.search.plugin.Parser, Material 9.8) is replaced by one that ends a label with a
# colon and a value, a table cell or a caption with a full stop: "Kind: procedural. Risk category: low." It
# also writes each glossary term after its expansion in the text ("radiofrequency ablation (RFA)"), so that
# searching for RFA finds the workshop that teaches radiofrequency ablation. Headings, which are the results'
# titles, are left exactly as they are. tests/test_search_index.py checks the index; if a Material upgrade
# changes its parser, it fails.

LABELS = {"dt"}  # ends with ": "
VALUES = {"dd", "td", "th", "caption", "figcaption", "summary"}  # ends with ". "
ENDS_ALREADY = (".", ":", ";", "?", "!")
BLOCKS_ENDED = {"</p>", "</ul>", "</ol>", "</li>", "</pre>"}  # the index keeps these tags: no mark after them


def sentence_parser(expansions: dict[str, str]) -> type[material_search.Parser]:
    """Material's search parser for this build's glossary (expansion -> term; a term with two meanings has two
    expansions, each followed by the term in the index)."""
    terms = {expansion.lower(): term for expansion, term in expansions.items()}
    expansions = any_of(terms) if terms else None
    return type(
        "SentenceParser",
        (SentenceParser,),
        {"terms": terms, "expansions": re.compile(rf"(?<!\w){expansions}(?!\w)", re.IGNORECASE) if terms else None},
    )


class SentenceParser(material_search.Parser):
    """Material's search parser, with punctuation where an element ends and glossary terms after their expansions."""

    expansions: re.Pattern | None = None
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
