"""Each gate, broken on purpose: a page with an external image, an unlabeled input, a broken anchor,
an overflowing element, a word broken inside itself, a scroll box the keyboard cannot reach, a missing file, a script error, text
that is unreadable only in the dark palette, an inline script the Content-Security-Policy does not
allow, data for a script in a <script> block. The gates are the functions the real gates run
(tests/support/gates.py); here they must report exactly the defect that was put in.

The copies carry the site's policy, as every real page does: a defect's CSS comes from a stylesheet
file (style= attributes are blocked), as a faculty member's would.

Most defects go into copies of a real built page (fast: no rebuild), served like the real site. One
test goes the whole way: a faculty page with raw HTML defects passes `mkdocs build --strict`, and the
gates catch what MkDocs let through.
"""

from __future__ import annotations

import re
import shutil

import pytest

from tests.support.browsing import DESKTOP, PHONE, site_pages
from tests.support.gates import (
    BuiltSite,
    accessibility_violations,
    broken_links,
    broken_words,
    external_resources,
    horizontal_overflow,
    policy_problems,
    request_problems,
    site_url_of,
    unreachable_by_keyboard,
)
from tests.support.pages_server import PagesServer
from tests.support.sitebuild import PROJECT, build_site, site_prefix

EXTERNAL_IMAGE = "https://images.example.org/logo.png"
UNGUARDED_IMAGE = "https://images.example.org/banner.png"  # on a page without the policy, which would block it

# The defects' CSS, in a file at the site's root (style-src 'self').
DEFECTS_CSS = """
.defect-wide { width: 1000px; }
.defect-scroll { overflow-x: auto; }
.defect-scroll > div { width: 1000px; }
.defect-faint { color: #2a2a2a; }
.defect-nowrap { white-space: nowrap; }
.defect-narrow td { width: 3em; }
.defect-narrow td, .defect-narrow a { word-break: break-word; }
"""
STYLESHEET = '<link rel="stylesheet" href="../defects.css">'

# name -> HTML put at the top of the page's article
DEFECTS = {
    "external-image": f'<p><img src="{EXTERNAL_IMAGE}" alt="Academy logo"></p>',
    "unlabeled-input": '<p><input type="text" name="note"></p>',
    "broken-anchor": '<p><a href="#no-such-heading">Jump to a heading that does not exist</a></p>',
    "broken-skill-link": '<p><a href="../skills/#NO-SUCH-SKILL">A skill that does not exist</a></p>',
    "overflow": '<div class="defect-wide">A box wider than any phone.</div>',
    # Chromium lets Tab reach a scroll box that holds nothing focusable, but not one that holds a link,
    # like a table whose first column links to each skill: its other columns are out of a keyboard's reach.
    "unfocusable-scroll-box": (
        '<div class="defect-scroll"><div>'
        '<a href="../">A link in the first column</a>, then columns beyond the edge of the screen.</div></div>'
    ),
    "missing-file": '<p><img src="missing-picture.png" alt="A picture that was never added"></p>',
    "script-error": '<script src="broken.js"></script>',
    "faint-in-dark": '<p class="defect-faint">Dark grey text: fine on white, unreadable on the dark palette.</p>',
    "inline-script": "<script>window.injected = true;</script>",
    "data-block": '<script type="application/json">{"injected": true}</script>',
    "external-image-without-policy": f'<p><img src="{UNGUARDED_IMAGE}" alt="Academy banner"></p>',
    # A column narrower than its words, whose links break anywhere: Material's rule for links, before issue 19.
    "broken-word": (
        '<table class="defect-narrow"><tbody><tr><td><a href="../">Exam preparation</a></td>'
        "<td>Hands-on workshops</td></tr></tbody></table>"
    ),
}
# Files some defects need, beside their page.
DEFECT_FILES = {"defect-script-error/broken.js": "notDefinedAnywhere();\n"}


# A table as Python-Markdown writes it, wider than a phone, with a link in its first column. Material
# wraps it in a scroll box at run time; overrides/assets/javascripts/accessibility.js makes that box
# focusable (the keyboard gate must find nothing) once it actually scrolls.
WIDE_TABLE = (
    '<h2 id="wide">Skills and their sources</h2><table><thead><tr><th>Skill</th><th>Source</th><th>Note</th>'
    '</tr></thead><tbody><tr><td><a href="../">First skill</a></td>'
    '<td class="defect-nowrap">A source with a long name</td>'
    '<td class="defect-nowrap">A note that runs on and on</td></tr></tbody></table>'
)


@pytest.fixture(scope="module")
def defective_site(built_site, tmp_path_factory):
    """A copy of the built site with one extra page per defect, each a real page plus the defect, and
    one with a wide Markdown table."""
    root = tmp_path_factory.mktemp("defective") / "site"
    shutil.copytree(built_site, root)
    template_path = next(path for path in site_pages(built_site) if path.count("/") == 1)  # same depth as the copies
    template = (root / template_path / "index.html").read_text(encoding="utf-8")
    marker = '<article class="md-content__inner md-typeset">'
    assert marker in template
    pages = {f"defect-{name}": html for name, html in DEFECTS.items()} | {"wide-table": WIDE_TABLE}
    for name, html in pages.items():
        page = root / name / "index.html"
        page.parent.mkdir()
        page.write_text(template.replace(marker, marker + STYLESHEET + html, 1), encoding="utf-8")
    # The network gate on its own, on a page without the policy.
    unguarded = root / "defect-external-image-without-policy" / "index.html"
    html = unguarded.read_text(encoding="utf-8")
    unguarded.write_text(re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html), encoding="utf-8")
    for name, content in DEFECT_FILES.items():
        (root / name).write_text(content, encoding="utf-8")
    (root / "defects.css").write_text(DEFECTS_CSS, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def defective_server(defective_site):
    running = PagesServer(defective_site, site_prefix()).start()
    yield running
    running.stop()


@pytest.fixture(scope="module")
def static_site(defective_site) -> BuiltSite:
    return BuiltSite(defective_site, site_url_of(PROJECT))


def problems_on(problems: list[str], name: str) -> list[str]:
    return [problem for problem in problems if f"/defect-{name}/" in problem]


@pytest.fixture
def desktop(visits, defective_server):
    with visits(defective_server, viewport=DESKTOP) as visit:
        yield visit


@pytest.fixture
def phone(visits, defective_server):
    with visits(defective_server, viewport=PHONE) as visit:
        yield visit


# -- static gates -----------------------------------------------------------------------------------


def test_link_gate_catches_a_broken_anchor(static_site):
    found = problems_on(broken_links(static_site), "broken-anchor")
    assert len(found) == 1
    assert 'href="#no-such-heading"' in found[0] and 'no element with id "no-such-heading"' in found[0]


def test_link_gate_catches_a_link_to_a_skill_that_does_not_exist(static_site):
    found = problems_on(broken_links(static_site), "broken-skill-link")
    assert len(found) == 1 and 'no element with id "NO-SUCH-SKILL"' in found[0]


def test_link_gate_catches_a_missing_file(static_site):
    found = problems_on(broken_links(static_site), "missing-file")
    assert len(found) == 1 and "missing-picture.png" in found[0]


def test_fetch_gate_catches_an_external_image(static_site):
    problems = external_resources(static_site)
    assert problems_on(problems, "external-image") == [
        f"<img> fetches {EXTERNAL_IMAGE} (on {static_site.prefix}defect-external-image/)"
    ]


def test_policy_gate_catches_an_inline_script_the_policy_does_not_allow(static_site):
    (found,) = problems_on(policy_problems(static_site), "inline-script")
    assert found.startswith("inline script 'sha256-") and "is not in the policy: window.injected = true;" in found


def test_policy_gate_catches_data_for_a_script_in_a_script_block(static_site):
    (found,) = problems_on(policy_problems(static_site), "data-block")
    assert found.startswith('a data <script> in the page content ({"injected": true}): instant navigation runs it')


def test_the_static_gates_find_nothing_else(static_site):
    """Only the pages broken on purpose are reported: the rest of the copy is the real, clean site."""
    problems = broken_links(static_site) + external_resources(static_site) + policy_problems(static_site)
    assert all("/defect-" in problem for problem in problems), problems


# -- browser gates ----------------------------------------------------------------------------------


def test_the_policy_blocks_an_external_image_before_any_request(desktop):
    desktop.open("defect-external-image/", wait_until="load")
    problems = request_problems(desktop)
    assert len(problems) == 1, problems
    (problem,) = problems
    assert problem.startswith(f"Content-Security-Policy violation: img-src blocked {EXTERNAL_IMAGE} at "), problem
    assert desktop.external == []


def test_request_gate_blocks_and_reports_an_external_image_without_the_policy(desktop):
    desktop.open("defect-external-image-without-policy/", wait_until="load")
    assert request_problems(desktop) == [f"request to another host (blocked): {UNGUARDED_IMAGE}"]


def test_request_gate_catches_an_inline_script_the_policy_blocks(desktop):
    desktop.open("defect-inline-script/", wait_until="load")
    (problem,) = request_problems(desktop)
    assert problem.startswith(
        'Content-Security-Policy violation: script-src-elem blocked inline code "window.injected'
    ), problem
    assert desktop.page.evaluate("window.injected") is None


def test_request_gate_catches_a_missing_file(desktop):
    desktop.open("defect-missing-file/")
    missing = desktop.server.base_url + "defect-missing-file/missing-picture.png"
    assert request_problems(desktop) == [f"missing file: {missing} answered 404"]


def test_request_gate_catches_a_script_error(desktop):
    desktop.open("defect-script-error/")
    problems = request_problems(desktop)
    assert len(problems) == 1 and "notDefinedAnywhere" in problems[0]


def test_axe_catches_an_unlabeled_input(desktop):
    desktop.open("defect-unlabeled-input/", wait_until="load")
    violations = accessibility_violations(desktop.page)
    assert violations and all('input[name="note"]' in violation for violation in violations), violations
    assert any(violation.startswith("label ") for violation in violations)


def test_axe_in_the_dark_palette_catches_text_unreadable_only_there(visits, defective_server):
    for scheme, expected in (("light", False), ("dark", True)):
        with visits(defective_server, color_scheme=scheme) as visit:
            visit.open("defect-faint-in-dark/", wait_until="load")
            violations = accessibility_violations(visit.page, colours_only=scheme == "dark")
        assert any(v.startswith("color-contrast ") and "Dark grey text" in v for v in violations) is expected, (
            violations
        )


def test_overflow_gate_catches_a_wide_element(phone):
    phone.open("defect-overflow/", wait_until="load")
    problems = horizontal_overflow(phone.page)
    assert problems and problems[0].startswith("the page is ") and "wider than the 390 px screen" in problems[0]
    assert any(problem.startswith("<div.defect-wide>") for problem in problems[1:]), problems


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280 px", "390 px"])
def test_word_gate_catches_a_word_broken_inside_itself(visits, defective_server, viewport):
    with visits(defective_server, viewport=viewport) as visit:
        visit.open("defect-broken-word/", wait_until="load")
        problems = broken_words(visit.page)
        assert '"preparation" is broken over' in " ".join(problems) and "in <a>" in " ".join(problems), problems
        assert '"workshops" is broken over' in " ".join(problems) and "in <td>" in " ".join(problems), problems
        visit.open("defect-overflow/", wait_until="load")
        assert broken_words(visit.page) == [], "the same page without the narrow table breaks no word"


def test_keyboard_gate_catches_a_scroll_box_it_cannot_reach(phone):
    phone.open("defect-unfocusable-scroll-box/", wait_until="load")
    assert horizontal_overflow(phone.page) == []  # the box scrolls inside itself, as it should…
    problems = unreachable_by_keyboard(phone.page)  # …but a keyboard cannot scroll it
    assert len(problems) == 1, problems
    assert problems[0].startswith("scroll box <div.defect-scroll>")


def test_keyboard_reaches_a_wide_markdown_table(phone, visits, defective_server):
    phone.open("wide-table/", wait_until="load")
    box = phone.page.locator(".md-typeset__scrollwrap")
    assert box.evaluate("(element) => element.scrollWidth > element.clientWidth")  # it does scroll here
    assert unreachable_by_keyboard(phone.page) == []
    assert box.get_attribute("role") == "region"
    assert box.get_attribute("aria-label") == "Table: Skills and their sources"

    with visits(defective_server, viewport={"width": 1600, "height": 900}) as desktop:
        desktop.open("wide-table/", wait_until="load")
        box = desktop.page.locator(".md-typeset__scrollwrap")
        assert box.evaluate("(element) => element.scrollWidth <= element.clientWidth")  # on a wide screen it fits…
        assert box.get_attribute("tabindex") is None  # …and is no tab stop


# -- the whole way: a page that passes the strict build, and the gates that catch it ------------------


def test_gates_catch_what_the_strict_build_lets_through(project_copy, tmp_path, visits):
    (project_copy / "docs" / "defects.md").write_text(
        "# A page with mistakes MkDocs does not see\n\n"
        f"{DEFECTS['broken-skill-link']}\n\n{DEFECTS['external-image']}\n\n{DEFECTS['unlabeled-input']}\n",
        encoding="utf-8",
    )
    with (project_copy / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("\nnot_in_nav: |\n  /defects.md\n")
    result = build_site(project_copy, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr  # MkDocs finds nothing wrong…

    site = BuiltSite(tmp_path / "site", site_url_of(project_copy))
    assert [p for p in broken_links(site) if "NO-SUCH-SKILL" in p]  # …the gates do
    assert [p for p in external_resources(site) if EXTERNAL_IMAGE in p]
    server = PagesServer(site.root, site_prefix()).start()
    try:
        with visits(server) as visit:
            visit.open("defects/", wait_until="load")
            assert any(v.startswith("label ") for v in accessibility_violations(visit.page))
            blocked = f"Content-Security-Policy violation: img-src blocked {EXTERNAL_IMAGE}"
            assert any(problem.startswith(blocked) for problem in request_problems(visit))
    finally:
        server.stop()
