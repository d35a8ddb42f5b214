"""Curriculum -> HTML fragments for pages: one method, one template, per kind of table.

Templates live in overrides/curriculum/. They are rendered with autoescaping, so text from data is
always shown as typed: markup is escaped, and `{{ … }}` is never executed (macro output is not
rendered again). Every value is put on one line, so nothing from data can start a line: a line that
starts with `#` is a Markdown heading the template wrote (macros/blocks.py keeps it in the page's
Markdown; the HTML reaches the page after Markdown).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from .blocks import Html
from .export import FileNames, self_assessment_data
from .model import Curriculum, Track
from .reference import record_docs

TEMPLATES = Path(__file__).resolve().parent.parent / "overrides" / "curriculum"


@dataclass(frozen=True)
class Links:
    """Where things live on the site, relative to the page being rendered (`root` leads to the site root).
    The published site serves each page as a folder (`skills/`); the preview reviewers open from a
    folder on their computer names each page's file (`skills.html`), as MkDocs does with
    use_directory_urls off."""

    root: str = ""
    directory_urls: bool = True

    def page(self, path: str) -> str:
        """A page by its path without an ending, e.g. "skills" or "tracks/fel-us-6m"."""
        return f"{self.root}{path}/" if self.directory_urls else f"{self.root}{path}.html"

    def skill(self, skill_id: str) -> str:
        return f"{self.page('skills')}#{skill_id}"

    def track(self, track_id: str) -> str:
        return self.page(f"tracks/{track_id.lower()}")

    def domain(self, domain_id: str) -> str:
        return f"{self.page('skills')}#{domain_id}"

    def need(self, need_id: str) -> str:
        return f"{self.page('gap-analysis')}#{need_id}"

    def download(self, name: str) -> str:
        return f"{self.root}downloads/{name}"


def markdown_text(text: str) -> str:
    """Plain text made safe inside a Markdown line, e.g. a heading: no HTML, no emphasis, no links."""
    return re.sub(r"([\\`*_\[\]#])", r"\\\1", str(escape(" ".join(text.split()))))


def css_string(text: str) -> Markup:
    """Plain text as a quoted CSS string, safe inside a <style> element: every character but letters,
    digits and spaces is written as a CSS escape, so no quote, backslash or `</style>` survives."""
    escaped = "".join(ch if ch.isascii() and (ch.isalnum() or ch == " ") else f"\\{ord(ch):06x}" for ch in text)
    return Markup(f'"{escaped}"')  # noqa: S704 - nothing but letters, digits and spaces is left unescaped


# A page section starts at a heading, an <article> or a <section>; a glossary tooltip is an <abbr> with a title.
# Text from data is escaped, so these can only be elements that the templates or Markdown wrote.
_SECTION_OR_TOOLTIP = re.compile(r'<(?:h[1-6]|article|section)\b|<abbr title="[^"]*">([^<]*)</abbr>')


def tooltips_at_first_use(html: str) -> str:
    """Keep each glossary abbreviation's tooltip at its first use in each section of a page, the usual style
    rule: a table repeats an abbreviation in every row, and every tooltip is work for the phone that loads
    the page (Material sets one up for each element with a title)."""
    seen: set[str] = set()

    def first_use(match: re.Match) -> str:
        term = match.group(1)
        if term is None:  # a new section
            seen.clear()
        elif term in seen:
            return term
        else:
            seen.add(term)
        return match.group(0)

    return _SECTION_OR_TOOLTIP.sub(first_use, html)


class Renderer:
    """Renders the tables and blocks pages ask for. Each public method is one macro."""

    macros = (
        "skill_checklist",
        "skill_catalogue",
        "skill_matrix",
        "track_comparison",
        "track_profile",
        "track_structure",
        "track_title",
        "gap_analysis",
        "learning_needs",
        "entrustment_scale",
        "assessment_methods",
        "exam_list",
        "glossary_table",
        "source_list",
        "workshop_calendar",
        "self_assessment",
        "self_assessment_results",
        "changelog",
        "data_reference",
        "download_url",
    )

    def __init__(
        self, curriculum: Curriculum, today: datetime.date, templates: Path = TEMPLATES, directory_urls: bool = True
    ):
        self.curriculum = curriculum
        self.today = today
        self.directory_urls = directory_urls  # False in the preview: pages are named page.html (see Links)
        self.env = Environment(
            loader=FileSystemLoader(templates),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            finalize=_one_line,
        )
        self.env.filters["prose"] = self._abbreviate
        self.env.globals["files"] = FileNames  # names of the downloads, for links
        self.env.filters["css_string"] = css_string
        self._tooltips = {
            t.term: Markup('<abbr title="{}">{}</abbr>').format(t.expansion, t.term) for t in curriculum.glossary
        }
        self._abbreviations = _abbreviation_pattern(list(self._tooltips))

    # -- skills ---------------------------------------------------------------------------------

    def skill_checklist(self, track: str | None = None, domain: str | None = None, *, root: str = "") -> str:
        """A track's checklist (target level, minimum number) or a domain's skills, grouped by domain."""
        if (track is None) == (domain is None):
            raise ValueError("skill_checklist needs exactly one of track= or domain=")
        c = self.curriculum
        if track is not None:
            the_track = self._track(track)
            groups = c.checklist(the_track)
            caption = f"Skills checklist: {the_track.title}"
        else:
            the_domain = self._record("domains", domain)
            the_track, groups = None, c.by_domain(c.skills_in_domain(domain))
            caption = f"Skills in {the_domain.title}"
        return self._render("skill_checklist.html", root, caption=caption, track=the_track, groups=groups)

    def skill_catalogue(self, *, root: str = "") -> str:
        """Every skill, grouped by domain, each under a heading whose anchor is its ID."""
        return self._render("skill_catalogue.html", root)

    def skill_matrix(self, *, root: str = "") -> str:
        """Skills down, tracks across: the target level each track sets for each skill."""
        return self._render("skill_matrix.html", root)

    # -- tracks ---------------------------------------------------------------------------------

    def track_comparison(self, *, root: str = "") -> str:
        """All tracks side by side, one row each."""
        return self._render("track_comparison.html", root)

    def track_profile(self, track: str, *, root: str = "") -> str:
        """Everything about one track but its structure and checklist."""
        return self._render("track_profile.html", root, track=self._track(track))

    def track_structure(self, track: str, *, root: str = "") -> str:
        """One track's blocks or rotations, in order."""
        return self._render("track_structure.html", root, track=self._track(track))

    def track_title(self, track: str, *, root: str = "") -> str:
        """A track's title, safe to use as a Markdown heading."""
        return markdown_text(self._track(track).title)

    # -- gap analysis ---------------------------------------------------------------------------

    def gap_analysis(self, *, root: str = "") -> str:
        """Gap areas: what anaesthesia training gives, what pain medicine adds, how large the gap is."""
        needs: dict[str, list] = {area.id: [] for area in self.curriculum.gap_areas}
        for need in self.curriculum.learning_needs:
            needs[need.gap_area].append(need)
        return self._render("gap_analysis.html", root, needs=needs)

    def learning_needs(self, *, root: str = "") -> str:
        """Each learning need with the skills and tracks that meet it."""
        return self._render("learning_needs.html", root)

    # -- reference tables -----------------------------------------------------------------------

    def entrustment_scale(self, *, root: str = "") -> str:
        return self._render("entrustment_scale.html", root)

    def assessment_methods(self, *, root: str = "") -> str:
        return self._render("assessment_methods.html", root)

    def exam_list(self, *, root: str = "") -> str:
        return self._render("exam_list.html", root)

    def glossary_table(self, *, root: str = "") -> str:
        return self._render("glossary.html", root, terms=sorted(self.curriculum.glossary, key=lambda t: t.term.lower()))

    def source_list(self, *, root: str = "") -> str:
        return self._render("source_list.html", root)

    def workshop_calendar(self, *, root: str = "") -> str:
        """Workshop sessions that have not ended by the build date, soonest first."""
        return self._render("workshop_calendar.html", root, sessions=self.curriculum.upcoming_workshops(self.today))

    # -- self-assessment ("Find my gap") --------------------------------------------------------

    def self_assessment(self, *, root: str = "") -> str:
        """Every skill with a labelled checkbox, by domain, and the data the page's script needs."""
        return self._render("self_assessment.html", root, data=self_assessment_data(self.curriculum))

    def self_assessment_results(self, *, root: str = "") -> str:
        """Per track: the skills it teaches, by domain; the page's script hides those the fellow holds."""
        tracks = [(track, self.curriculum.checklist(track)) for track in self.curriculum.tracks]
        return self._render("self_assessment_results.html", root, tracks=tracks)

    def changelog(self, *, root: str = "") -> str:
        return self._render("changelog.html", root)

    def data_reference(self, *, root: str = "") -> str:
        """Every field of every data file, read from the models (for faculty)."""
        return self._render("data_reference.html", root, sections=record_docs())

    def download_url(self, name: str, *, root: str = "") -> str:
        """The address of one of the build's downloads (macros/export.py), from the calling page, for a
        link written in the page."""
        names = FileNames.every(self.curriculum)
        if name not in names:
            raise ValueError(f"there is no download '{name}'; the downloads are: {', '.join(names)}")
        return Links(root, self.directory_urls).download(name)

    # -- plumbing -------------------------------------------------------------------------------

    def _track(self, track_id: str) -> Track:
        return self._record("tracks", track_id)

    def _record(self, kind: str, key):
        try:
            return self.curriculum.get(kind, key)
        except KeyError:
            raise ValueError(f"no record '{key}' in data/{kind}.yaml") from None

    def _render(self, template: str, root: str, **context) -> Html:
        html = self.env.get_template(template).render(
            c=self.curriculum, links=Links(root, self.directory_urls), today=self.today, **context
        )
        # Compact: no indentation, no blank lines.
        return Html("\n".join(line.strip() for line in html.splitlines() if line.strip()))

    def _abbreviate(self, text: str) -> Markup:
        """Escape text and mark up glossary abbreviations, so tables get the same tooltips as prose."""
        text = _one_line(str(text))
        if self._abbreviations is None:
            return escape(text)
        parts, done = [], 0  # joined once: this runs for every text in every table
        for match in self._abbreviations.finditer(text):
            parts += (escape(text[done : match.start()]), self._tooltips[match.group(0)])
            done = match.end()
        if not parts:
            return escape(text)
        parts.append(escape(text[done:]))
        return Markup("".join(parts))  # noqa: S704 - escaped text and our own <abbr> markup


def _one_line(value):
    """Collapse line breaks and runs of spaces in plain text. Markup is the output of our own templates and
    filters, where data text was already collapsed, so it passes as it is."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return " ".join(value.split())
    return value


def _abbreviation_pattern(terms: list[str]) -> re.Pattern | None:
    """Any of the terms as a whole word, the longest first. The alternatives share their prefixes (a trie), so
    that matching does not slow down with the size of the glossary."""
    if not terms:
        return None
    trie: dict = {}
    for term in terms:
        node = trie
        for character in term:
            node = node.setdefault(character, {})
        node[""] = {}  # a term ends here

    def alternatives(node: dict) -> str:
        longer = [re.escape(character) + alternatives(child) for character, child in sorted(node.items()) if character]
        options = longer + ([""] if "" in node else [])  # a term that ends here is tried after the longer ones
        return options[0] if len(options) == 1 else f"(?:{'|'.join(options)})"

    return re.compile(rf"(?<![\w-]){alternatives(trie)}(?![\w-])")
