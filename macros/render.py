"""Curriculum -> HTML for pages: one method, one template, per kind of table.

Templates live in macros/templates/. Every value they write goes through html_text (macros/escape.py, the
templates' `finalize`), so text from data is always shown as typed: markup is escaped, and `{{ … }}` is never
executed (macro output is not rendered again). A renderer returns Html, or Rendered parts (macros/blocks.py)
when the page's table of contents must list its headings: the HTML reaches the page after Markdown, so a
template may spread an element over several lines. Every address comes from macros/urls.py (`links`).
"""

from __future__ import annotations

import copy
import datetime
import re
from collections.abc import Iterable
from pathlib import Path

from babel import Locale
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from .blocks import Heading, Html, Rendered
from .calls import UnknownRecord, WrongCall
from .escape import css_string, html_attribute, html_text, json_attribute, markdown_heading, one_line
from .export import NOT_YET_DONE, FileNames, Format, catalogue, goals, self_assessment_data
from .model import Curriculum, Fee, Retired, Scale, Track
from .publish import FACTS, NO_CONTACT, is_draft, not_published, published_contact
from .reference import record_docs, rule_docs
from .urls import Links, mailto, track_page

TEMPLATES = Path(__file__).resolve().parent / "templates"
RESULTS_ANCHOR = "your-results"  # Find my gap's results heading, where "See the results" leads

CURRENCY_LOCALES = {"INR": "en_IN"}
"""The locale an amount in each currency is written in: rupees the Indian way (₹4,50,000, Indian English), any other
currency as international English writes it (`en`: $450,000, €450,000, AED450,000)."""


def money(fee: Fee) -> str:
    """A fee as its readers write it, by Babel from the locale's own currency pattern (symbol, grouping), without
    the minor unit: a fee is a whole amount."""
    locale = Locale.parse(CURRENCY_LOCALES.get(fee.currency, "en"))
    pattern = copy.copy(locale.currency_formats["standard"])
    pattern.frac_prec = (0, 0)
    return pattern.apply(fee.amount, locale, currency=fee.currency, currency_digits=False)


# A page section starts at an h1 or h2 heading or a <section>: the skills of a domain in the catalogue, and a
# track's EPAs, are each one section. A glossary tooltip is an <abbr> with a title. Text from data is escaped, so
# these can only be elements that the templates or Markdown wrote.
_SECTION_OR_TOOLTIP = re.compile(r'<(?:h[12]|section)\b|<abbr title="[^"]*">([^<]*)</abbr>')


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
        "track_cards",
        "how_to_apply",
        "admission_facts",
        "academy_contact",
        "downloads_list",
        "skill_checklist",
        "skill_catalogue",
        "skill_matrix",
        "track_comparison",
        "track_profile",
        "track_structure",
        "track_title",
        "gap_analysis",
        "learning_needs",
        "background_preset",
        "entrustment_scale",
        "milestone_scale",
        "epa_table",
        "assessment_methods",
        "exam_list",
        "glossary_table",
        "source_list",
        "workshop_calendar",
        "self_assessment",
        "self_assessment_results",
        "changelog",
        "data_reference",
        "publishing_facts",
        "download_url",
    )

    def __init__(
        self,
        curriculum: Curriculum,
        today: datetime.date,
        templates: Path = TEMPLATES,
        directory_urls: bool = True,
        *,
        contact: str | None = None,
        site_url: str = "",
    ):
        """`contact` is the academy's address (extra.academy.contact in mkdocs.yml), where enquiries go; a
        placeholder counts as none (macros/publish.py)."""
        self.curriculum = curriculum
        self.today = today
        self.directory_urls = directory_urls  # False in the preview: pages are named page.html (see Links)
        self.contact = published_contact(contact)
        self.site_url = site_url  # the published address, for the links readers copy
        self.env = Environment(
            loader=FileSystemLoader(templates),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            finalize=html_text,
        )
        self.env.filters["prose"] = self._abbreviate
        self.env.globals["files"] = FileNames  # names of the downloads, for links
        self.env.filters["css_string"] = css_string
        self.env.filters["json_attribute"] = json_attribute
        self.env.filters["money"] = money
        self.env.globals["enquiry"] = self._enquiry
        self.env.globals.update(contact=self.contact, no_contact=NO_CONTACT, draft=is_draft(curriculum))
        self.env.globals["not_published"] = lambda track: not_published(curriculum, track, today)
        self.env.globals["Scale"] = Scale
        self._tooltips = {
            t.term: Markup('<abbr title="{}">{}</abbr>').format(html_attribute(t.tooltip), t.term)
            for t in curriculum.glossary
        }
        self._abbreviations = _abbreviation_pattern(list(self._tooltips))

    # -- the applicant's way in -----------------------------------------------------------------

    def track_cards(self, *, root: str = "") -> str:
        """Every track as a card: name, kind, duration, imaging, one line about it, who it is for."""
        return self._render("track_cards.html", root)

    def how_to_apply(self, *, root: str = "") -> Rendered:
        """Per track, under a heading whose anchor is the track's ID: what the academy has published about
        applying (data/admissions.yaml), what it has not, and a link that writes to the academy about it.
        Markdown headings, so that the page's table of contents lists the tracks."""
        parts = []
        for track in self.curriculum.tracks:
            admission = self.curriculum.admission(track.id)
            parts += (
                Heading(track.title, track.id),
                self._render("admission.html", root, track=track, admission=admission),
            )
        return Rendered(parts)

    def admission_facts(self, track: str, *, root: str = "") -> str:
        """One track's block of How to apply, without its heading, for another page that speaks of the track."""
        the_track = self._track(track)
        return self._render("admission.html", root, track=the_track, admission=self.curriculum.admission(track))

    def academy_contact(self, sentence: str, *, root: str = "") -> str:
        """`sentence` with the academy's address in place of {address}, or, with no address published, the
        sentence saying so. Markdown, for a page's prose."""
        return sentence.replace("{address}", f"<{self.contact}>") if self.contact else NO_CONTACT

    def downloads_list(self, *, root: str = "") -> str:
        """Every file the build writes under downloads/, by format, with what it holds and how to open it."""
        files = catalogue(self.curriculum)
        groups = [(form, [f for f in files if f.format is form]) for form in Format]
        return self._render("downloads.html", root, groups=[(form, group) for form, group in groups if group])

    # -- skills ---------------------------------------------------------------------------------

    def skill_checklist(self, track: str | None = None, domain: str | None = None, *, root: str = "") -> str:
        """A track's checklist (target level, minimum number) or a domain's skills, grouped by domain."""
        if (track is None) == (domain is None):
            raise WrongCall(
                "needs exactly one of track= or domain=",
                'write skill_checklist(track="…") for a track\'s checklist or skill_checklist(domain="…") for a domain',
            )
        c = self.curriculum
        if track is not None:
            the_track = self._track(track)
            groups = c.checklist(the_track)
            caption = f"Skills checklist: {the_track.title}"
        else:
            the_domain = self._record("domains", domain)
            the_track, groups = None, c.by_domain(c.skills_in_domain(domain))
            caption = f"Skills in {the_domain.title}"
        used = {method for _, skills in groups for skill in skills for method in skill.assessments}
        methods = [method for method in c.assessments if method.id in used]  # for the printed key
        scales = c.scales_used(skill for _, skills in groups for skill in skills)
        return self._render(
            "skill_checklist.html",
            root,
            caption=caption,
            track=the_track,
            groups=groups,
            methods=methods,
            scales=scales,
        )

    def skill_catalogue(self, *, root: str = "") -> Rendered:
        """Every skill, grouped by domain, each under a heading whose anchor is its ID. Each domain's heading is
        a Markdown heading (anchored by the domain's ID), so that the page's table of contents lists it."""
        parts = [self._render("skill_catalogue_index.html", root)]
        for domain in self.curriculum.domains:
            parts += (Heading(domain.title, domain.id), self._render("skill_catalogue.html", root, domain=domain))
        return Rendered(parts)

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

    def epa_table(self, track: str, *, root: str = "") -> str:
        """The entrustable professional activities a fellowship entrusts, with their levels and evidence."""
        the_track = self._track(track)
        epas = self.curriculum.epas_in(the_track.id)
        if not epas:
            raise UnknownRecord(
                f"{the_track.id} entrusts no EPA in data/epas.yaml",
                "name a fellowship whose EPAs are listed there, or add them",
            )
        return self._render("epa_table.html", root, track=the_track, epas=epas)

    def track_title(self, track: str, *, root: str = "") -> str:
        """A track's title, safe to use as a Markdown heading."""
        return markdown_heading(self._track(track).title)

    # -- gap analysis ---------------------------------------------------------------------------

    def gap_analysis(self, *, root: str = "") -> str:
        """Gap areas: what anaesthesia training gives, what pain medicine adds, how large the gap is."""
        needs: dict[str, list] = {area.id: [] for area in self.curriculum.gap_areas}
        for need in self.curriculum.learning_needs:
            needs[need.gap_area].append(need)
        return self._render("gap_analysis.html", root, needs=needs)

    def background_preset(self, background: str, *, root: str = "") -> str:
        """A specialty's preset: the skills its training usually gives, at the level it reaches (Find my gap's
        starting point for readers from it)."""
        the_background = self._record("backgrounds", background)
        if the_background.preset is None:
            raise UnknownRecord(
                f"{the_background.id} has no preset in data/backgrounds.yaml",
                "name a specialty with a preset, or give it one",
            )
        return self._render("preset.html", root, background=the_background)

    def learning_needs(self, *, root: str = "") -> str:
        """Each learning need with the skills and tracks that meet it."""
        return self._render("learning_needs.html", root)

    # -- reference tables -----------------------------------------------------------------------

    def entrustment_scale(self, *, root: str = "") -> str:
        """The entrustment-supervision scale, for procedural and clinical skills and for EPAs."""
        return self._render("scale.html", root, scale=Scale.entrustment)

    def milestone_scale(self, *, root: str = "") -> str:
        """The milestone scale, for knowledge and professional skills."""
        return self._render("scale.html", root, scale=Scale.milestones)

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
        """The reader's specialty, their goal and every skill with a labelled choice of level, by domain, and the
        data the page's script needs."""
        data = self_assessment_data(self.curriculum)
        return self._render(
            "self_assessment.html",
            root,
            data=data,
            goals=goals(self.curriculum),
            not_yet_done=NOT_YET_DONE,
            results=RESULTS_ANCHOR,
        )

    def self_assessment_results(self, *, root: str = "") -> Rendered:
        """Under its heading (which "See the results" leads to), the best fit and, per track, the skills it teaches
        with their targets, by domain; the page's script fills in the reader's numbers and hides the skills the
        reader already meets."""
        tracks = [(track, self.curriculum.checklist(track)) for track in self.curriculum.tracks]
        return Rendered(
            (Heading("Your results", RESULTS_ANCHOR), self._render("self_assessment_results.html", root, tracks=tracks))
        )

    def changelog(self, *, root: str = "") -> str:
        return self._render("changelog.html", root)

    def data_reference(self, *, root: str = "") -> str:
        """Every field of every data file, read from the models, and every rule across records (for faculty)."""
        return self._render("data_reference.html", root, sections=record_docs(), rules=rule_docs())

    def publishing_facts(self, *, root: str = "") -> str:
        """The academy's facts the site shows only once published, with where each is written (for faculty)."""
        return self._render("publishing_facts.html", root, facts=FACTS)

    def download_url(self, name: str, *, root: str = "") -> str:
        """The address of one of the build's downloads (macros/export.py), from the calling page, for a
        link written in the page."""
        names = FileNames.every(self.curriculum)
        if name not in names:
            raise UnknownRecord(f"there is no download '{name}'", f"write one of: {', '.join(names)}")
        return Links(root, self.directory_urls).download(name)

    def moved_page(self, old: Retired) -> str:
        """The page left at a retired track's old address: an HTML redirect to its replacement's page, with a plain
        link too."""
        new, links = track_page(old.replaced_by), Links(directory_urls=self.directory_urls, site_url=self.site_url)
        return self.env.get_template("moved_page.html").render(
            old=old,
            track=self.curriculum.track(old.replaced_by),
            target=links.sibling(new),
            canonical=links.canonical(new),
        )

    # -- plumbing -------------------------------------------------------------------------------

    def _enquiry(self, track: Track) -> str:
        """A mailto: link to the academy with the track named in the subject: no form, no other host."""
        if not self.contact:
            raise ValueError("the academy's contact address is missing: set extra.academy.contact in mkdocs.yml")
        return mailto(self.contact, f"Enquiry: {track.title}")

    def _track(self, track_id: str) -> Track:
        return self._record("tracks", track_id)

    def _record(self, file: str, key):
        try:
            return self.curriculum.get(file, key)
        except KeyError:
            raise UnknownRecord.of(f"data/{file}.yaml", key, self.curriculum.keys(file)) from None

    def _render(self, template: str, root: str, **context) -> Html:
        links = Links(root, self.directory_urls, self.site_url)
        html = self.env.get_template(template).render(c=self.curriculum, links=links, today=self.today, **context)
        # Lines as the template wrote them, without their indentation and blank lines: smaller pages.
        return Html("\n".join(line.strip() for line in html.splitlines() if line.strip()))

    def _abbreviate(self, text: str) -> Markup:
        """Escape text (html_text) and mark up glossary abbreviations, so tables get the same tooltips as prose.
        The pieces between abbreviations keep their spaces: the text is already on one line."""
        text = one_line(str(text))
        if self._abbreviations is None:
            return html_text(text)
        parts, done = [], 0  # joined once: this runs for every text in every table
        for match in self._abbreviations.finditer(text):
            parts += (escape(text[done : match.start()]), self._tooltips[match.group(0)])
            done = match.end()
        if not parts:
            return escape(text)
        parts.append(escape(text[done:]))
        return Markup("".join(parts))  # noqa: S704 - escaped text and our own <abbr> markup


def _abbreviation_pattern(terms: list[str]) -> re.Pattern | None:
    """Any of the terms as a whole word, the longest first."""
    if not terms:
        return None
    return re.compile(rf"(?<![\w-]){any_of(terms)}(?![\w-])")


def any_of(words: Iterable[str]) -> str:
    """A regular expression for any of the words, the longest first. The alternatives share their prefixes (a
    trie), so that matching does not slow down as the glossary grows (one alternative per word would)."""
    trie: dict = {}
    for word in words:
        node = trie
        for character in word:
            node = node.setdefault(character, {})
        node[""] = {}  # a word ends here

    def alternatives(node: dict) -> str:
        longer = [re.escape(character) + alternatives(child) for character, child in sorted(node.items()) if character]
        options = longer + ([""] if "" in node else [])  # a word that ends here is tried after the longer ones
        return options[0] if len(options) == 1 else f"(?:{'|'.join(options)})"

    return alternatives(trie)
