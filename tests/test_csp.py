"""macros/csp.py on small pages: what it finds inline, the hashes it computes, the policy it writes. The
policy on the built site is checked by tests/test_gates_static.py, and in Chromium by the browser gates."""

from __future__ import annotations

import re

import pytest

from macros.csp import (
    inline_code,
    inline_scripts_and_styles,
    page_policy,
    policy,
    site_policy,
    source_hash,
    with_policy,
)
from tests.support.sitebuild import PROJECT, mkdocs_yml

PAGE = """<!doctype html>
<html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="computed after the build">
<script>var a = 1;</script>
<script type="module">import "./x.js";</script>
<script type="text/javascript">var b = 2;</script>
<script src="assets/site.js"></script>
<script id="__config" type="application/json">{"base": "."}</script>
<style>p { color: red }</style>
</head><body>
<a href="javascript:void(0)">x</a><button onclick="go()">y</button><p style="color: blue">z</p>
</body></html>"""


def test_inline_code_sorts_what_a_page_runs_from_its_own_text():
    found = inline_code(PAGE)
    assert found.scripts == ["var a = 1;", 'import "./x.js";', "var b = 2;"]
    assert found.data_blocks == ['{"base": "."}']
    assert found.styles == ["p { color: red }"]
    assert found.unhashable == [
        "<a>: href=javascript:void(0)",
        "<button>: event handler attribute onclick",
        '<p>: style="color: blue"',
    ]


def test_line_ends_are_read_as_a_browser_reads_them():
    assert inline_code("<script>a;\r\nb;\rc;</script>").scripts == ["a;\nb;\nc;"]


def inline(found) -> tuple:
    return found.scripts, found.styles, found.data_blocks


def test_the_policy_s_scan_finds_what_a_full_parse_finds():
    tricky = PAGE.replace("<body>", '<body><!-- <script>not run</script> --><SCRIPT TYPE="Module">m()</SCRIPT >')
    tricky += "<style media=\"print\">@page { margin: 1cm }</style><script data-x='a>b'>c()</script>\r\n"
    assert inline(inline_scripts_and_styles(tricky)) == inline(inline_code(tricky))
    assert "not run" not in inline_scripts_and_styles(tricky).scripts


def test_the_policy_s_scan_agrees_with_a_full_parse_on_every_built_page(built_site):
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert inline(inline_scripts_and_styles(html)) == inline(inline_code(html)), path


def test_the_hash_is_the_one_browsers_compute():
    """The example of the CSP specification: this script is allowed by exactly this source."""
    assert source_hash("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"


def test_policy_allows_the_site_and_the_hashes_and_nothing_inline_else():
    text = policy(["b();", "a();", "a();"], ["p{}"])
    directives = {d.split()[0]: d.split()[1:] for d in text.split("; ")}
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == [
        "'self'",
        *sorted([source_hash("a();"), source_hash("b();")]),
        "'report-sample'",
    ]
    assert directives["style-src"] == ["'self'", source_hash("p{}"), "'report-sample'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == directives["form-action"] == ["'self'"]
    assert "'unsafe-inline'" not in text and "'unsafe-eval'" not in text


def test_a_development_server_policy_allows_inline_scripts_instead_of_hashes():
    """Browsers ignore 'unsafe-inline' when a hash is listed, so the policy names no hash then."""
    text = policy(["a();"], ["p{}"], inline_scripts=True)
    assert "script-src 'self' 'unsafe-inline';" in text
    assert source_hash("a();") not in text and source_hash("p{}") in text
    assert "'unsafe-eval'" not in text


def test_one_policy_covers_the_inline_code_of_every_page():
    pages = ["<script>one();</script>", "<style>a{}</style><script>two();</script>", "<p>none</p>"]
    text = site_policy(pages)
    for script in ("one();", "two();"):
        assert source_hash(script) in text
    assert source_hash("a{}") in text
    assert text == site_policy(reversed(pages)), "the same whatever the order of the pages"


def test_the_policy_is_written_into_the_pages_meta_element():
    text = policy(inline_code(PAGE).scripts, inline_code(PAGE).styles)
    written = with_policy(PAGE, text)
    assert page_policy(written) == text
    assert written.replace(text, "computed after the build") == PAGE
    assert page_policy(with_policy(written, "default-src 'none'")) == "default-src 'none'", "a rebuild replaces it"


@pytest.mark.parametrize(
    "html", ["<head><title>x</title></head>", PAGE.replace("</head>", PAGE.split("\n")[2] + "</head>")]
)
def test_a_page_without_exactly_one_policy_element_is_refused(html):
    with pytest.raises(ValueError, match="one Content-Security-Policy <meta> element"):
        with_policy(html, "default-src 'self'")


def test_security_md_shows_the_policy_the_site_carries(built_site):
    """SECURITY.md quotes the policy with its hashes left out; the built pages carry exactly that."""
    text = (PROJECT / "SECURITY.md").read_text(encoding="utf-8")
    quoted = re.search(r"```text\n(default-src.*?)```", text, re.DOTALL).group(1).splitlines()
    described = [re.sub(r" <the hash of each inline \w+>", "", line) for line in quoted]
    carried = re.sub(r" 'sha256-[^']+'", "", page_policy((built_site / "index.html").read_text(encoding="utf-8")))
    assert described == carried.split("; ")
    assert "contact" in mkdocs_yml()["extra"]["academy"]
    assert "`extra.academy.contact`" in text, "problems are reported to the academy's address, once it is set"
