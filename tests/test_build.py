"""The real site, built with `mkdocs build --strict`: every table present with the right rows, a changed
record visible everywhere it is shown, and bad data or a bad macro call stopping the build cleanly."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from macros.load import load_curriculum
from tests.support.pages import page, record_rows
from tests.support.sitebuild import PROJECT, build_site, mkdocs_yml, site_prefix


def test_strict_build_prints_no_warning(site_build):
    assert not re.search(r"^(WARNING|ERROR)", site_build.output, re.MULTILINE), site_build.output


def test_every_table_has_a_row_per_record(built_site, curriculum):
    c = curriculum
    expected = {  # (page, table) -> the rows of each such table on the page, in page order
        ("tracks", "comparison"): [len(c.tracks)],
        ("skill-matrix", "matrix"): [len(c.skills)],
        ("gap-analysis", "gaps"): [len(c.gap_areas)],
        ("gap-analysis", "needs"): [len(c.learning_needs)],
        ("assessment", "scale"): [len(c.entrustment), len(c.milestones)],
        ("assessment", "assessments"): [len(c.assessments)],
        ("assessment", "exams"): [len(c.exams)],
        ("glossary", "glossary"): [sum(len(t.meanings) for t in c.glossary)],
        ("sources", "sources"): [len(c.sources)],
    }
    for track in c.tracks:
        expected[(f"tracks/{track.id.lower()}", "epas")] = [len(c.epas_in(track.id))] if c.epas_in(track.id) else []
    for (path, table), counts in expected.items():
        found = page(built_site, path).select(f"table.cm-{table}")
        assert [len(record_rows(one)) for one in found] == counts, f"{path}/ {table}"
    catalogue = page(built_site, "skills")
    assert [h["id"] for h in catalogue.select("article.cm-skill h3")] == [
        s.id for d in c.domains for s in c.skills_in_domain(d.id)
    ]


def test_each_track_page_shows_its_checklist(built_site, curriculum):
    for track in curriculum.tracks:
        html = page(built_site, f"tracks/{track.id.lower()}")
        assert html.h1.get_text().rstrip("¶") == track.title
        (checklist,) = html.select("table.cm-checklist")
        links = [tr.find("a")["href"] for tr in record_rows(checklist)]
        assert sorted(links) == sorted(f"../../skills/#{e.skill}" for e in track.skills)


def test_footer_names_the_version_and_says_it_is_not_clinical_guidance(built_site, curriculum):
    footer = page(built_site, "").select_one("footer").get_text(" ", strip=True)
    assert f"version {curriculum.info.version}" in footer
    assert "not clinical guidance" in footer


def test_repository_link_makes_no_api_call(built_site):
    """Faculty pages link to the repository, but never as Material's source component, for which the
    browser fetches stars and forks from the GitHub API."""
    repo_url = mkdocs_yml()["repo_url"]
    assert f'href="{repo_url}"' in (built_site / "contributing" / "index.html").read_text(encoding="utf-8")
    for html in built_site.rglob("*.html"):
        assert 'data-md-component="source"' not in html.read_text(encoding="utf-8"), html


def test_404_page_takes_its_assets_from_the_site_path(built_site):
    html = BeautifulSoup((built_site / "404.html").read_text(encoding="utf-8"), "html.parser")
    assets = [tag.get("href") or tag.get("src") for tag in html.select("link[rel=stylesheet], script[src]")]
    assert assets and all(url.startswith(site_prefix()) for url in assets), assets


def set_field(data_dir: Path, file: str, key: str, field: str, value) -> None:
    """Change one field of one record, keeping the file's comments (a plain text edit of that line)."""
    path = data_dir / file
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.strip() in (f"- id: {key}", f"- id: '{key}'"))
    for i in range(start + 1, len(lines)):
        if lines[i].startswith("- "):
            break
        if lines[i].startswith(f"  {field}:"):
            lines[i] = f"  {field}: {yaml.safe_dump(value, default_style=chr(34), width=10_000).strip()}\n"
            path.write_text("".join(lines), encoding="utf-8")
            return
    raise AssertionError(f"{file} has no field {field} in record {key} on one line")


def test_a_changed_record_shows_in_every_table_that_shows_it(project_copy, tmp_path):
    c = load_curriculum(project_copy / "data")
    skill = next(s for s in c.skills if c.tracks_teaching(s.id) and any(s.id in n.skills for n in c.learning_needs))
    new_title = f"{skill.title} (renamed for the test)"
    set_field(project_copy / "data", "skills.yaml", skill.id, "title", new_title)
    site = tmp_path / "site"
    result = build_site(project_copy, site)
    assert result.returncode == 0, result.stderr

    def shown(path: str, selector: str) -> list[str]:
        return [" ".join(a.get_text().split()) for a in page(site, path).select(selector)]

    link = f"a[href$='skills/#{skill.id}']"
    assert new_title in shown("skills", f"h3[id='{skill.id}']")[0]
    assert shown("skill-matrix", link) == [new_title]
    assert new_title in shown("gap-analysis", f"table.cm-needs {link}")
    for track, _ in c.tracks_teaching(skill.id):
        assert shown(f"tracks/{track.id.lower()}", f"table.cm-checklist {link}") == [new_title]
    everywhere = " ".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    assert f">{skill.title}<" not in everywhere, "the old title must be gone from every table"


def test_markup_and_template_code_in_data_are_published_as_text(project_copy, tmp_path):
    c = load_curriculum(project_copy / "data")
    skill = c.skills[0]
    hostile = "Uses <b>bold</b> <script>alert(1)</script> and {{ config.site_name }} literally"
    set_field(project_copy / "data", "skills.yaml", skill.id, "description", hostile)
    site = tmp_path / "site"
    assert build_site(project_copy, site).returncode == 0
    article = page(site, "skills").find(id=skill.id).find_parent("article")
    assert hostile in article.get_text()
    assert not article.select("b, script")


def test_bad_data_stops_the_build_and_leaves_the_published_site_alone(project_copy, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the good site", encoding="utf-8")
    c = load_curriculum(project_copy / "data")
    set_field(project_copy / "data", "skills.yaml", c.skills[0].id, "risk", "medium")
    result = build_site(project_copy, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"record {c.skills[0].id}, field risk: the text 'medium' is not allowed" in output
    assert "Traceback" not in output
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "the good site"
    assert not list(tmp_path.glob(".site-building-*")), "no half-built folder is left behind"


def test_a_page_that_breaks_a_rule_stops_the_build_at_its_line(project_copy, tmp_path):
    """The page rules run in the build as in `make check`: an abbreviation without a glossary entry and a dose,
    each named at its page and line; in GitHub Actions, also as annotations on those lines."""
    about = project_copy / "docs" / "about.md"
    text = about.read_text(encoding="utf-8")
    about.write_text(text + "\nAsk about PRP.\n\nThe block uses 10 mg of steroid.\n", encoding="utf-8")
    lines = len(text.splitlines())
    result = build_site(project_copy, tmp_path / "site", env={"GITHUB_ACTIONS": "true"})
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert (
        f"  docs/about.md:{lines + 2}: PRP is an abbreviation without an entry in data/glossary.yaml: add it there, "
        "with its expansion and a definition, or write it out in words"
    ) in output.splitlines()
    assert f"::error file=docs/about.md,line={lines + 4}::'10 mg' reads as a drug dose" in output
    assert "Traceback" not in output and not (tmp_path / "site").exists()


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            '{{ skill_checklist(track="NO-SUCH-TRACK") }}',
            "skill_checklist(): no record 'NO-SUCH-TRACK' in data/tracks.yaml — write one of: FEL-US-6M, FEL-PM-1Y, "
            "WS-HANDS-ON, EXAM-FIPP, EXAM-CIPS",
        ),
        ('{{ skill_checklst(track="X") }}', "there is no macro skill_checklst — write skill_checklist"),
        (
            "{{ glossary_table(colour='red') }}",
            "glossary_table() has no argument colour= — leave it out (glossary_table() takes no arguments)",
        ),
        (
            '{{ skill_checklist(track="X" }}',
            "Jinja cannot read this macro call (unexpected '}', expected ')') — write it as For faculty → Page macros "
            'shows, e.g. {{ skill_checklist(track="FEL-US-6M") }}',
        ),
    ],
    ids=["unknown-record", "misspelt-macro", "unknown-argument", "syntax-error"],
)
def test_a_wrong_macro_call_names_the_page_and_line(project_copy, tmp_path, call, message):
    glossary = project_copy / "docs" / "glossary.md"
    text = glossary.read_text(encoding="utf-8")
    glossary.write_text(text + f"\n<!-- Table from data/tracks.yaml. -->\n{call}\n", encoding="utf-8")
    line = len(text.splitlines()) + 3
    result = build_site(project_copy, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"docs/glossary.md:{line}: {message}\n" in output, output
    assert "Traceback" not in output and "Error reading page" not in output
    assert not (tmp_path / "site").exists()


def test_a_bug_in_a_renderer_is_not_called_a_page_mistake(project_copy, tmp_path):
    """Only a wrong call, an unknown record or a template Jinja cannot read is the page's mistake: an error in the
    code keeps its type and its traceback."""
    render = project_copy / "macros" / "render.py"
    render.write_text(
        render.read_text(encoding="utf-8")
        + "\n\ndef _broken(self, *, root=''):\n    raise ValueError('a bug in the code')\n\n"
        + "Renderer.glossary_table = _broken\n",
        encoding="utf-8",
    )
    result = build_site(project_copy, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" in output and "ValueError: a bug in the code" in output, output
    assert "docs/glossary.md:" not in output


def test_a_broken_link_in_a_page_names_the_page_and_line(site_build, project_copy, tmp_path):
    """A link to a skill that is gone (renamed without retiring, say), and one to a page that is not there.
    Tables reach pages after Markdown (macros/blocks.py), so MkDocs learns their anchors from the adapter:
    pages that link to skills by ID build strictly, and a link to an anchor no table makes stops the build."""
    linked = [p for p in (PROJECT / "docs").rglob("*.md") if re.search(r"\]\(skills\.md#[A-Z]", p.read_text("utf-8"))]
    assert linked and "WARNING" not in site_build.output
    glossary = project_copy / "docs" / "glossary.md"
    text = glossary.read_text(encoding="utf-8")
    added = "\nSee [the old skill](skills.md#US-NO-SUCH-SKILL).\n\nAnd [a page](no-such-page.md).\n"
    glossary.write_text(text + added, encoding="utf-8")
    first = len(text.splitlines()) + 2
    result = build_site(project_copy, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert (
        f"docs/glossary.md:{first}: Doc file 'glossary.md' contains a link 'skills.md#US-NO-SUCH-SKILL', "
        "but the doc 'skills.md' does not contain an anchor '#US-NO-SUCH-SKILL'."
    ) in output, output
    assert (
        f"docs/glossary.md:{first + 2}: Doc file 'glossary.md' contains a link 'no-such-page.md', "
        "but the target is not found among documentation files."
    ) in output, output
    assert "Traceback" not in output


def test_only_the_plugin_module_imports_mkdocs_or_material():
    for module in sorted((PROJECT / "macros").rglob("*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        imported |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        uses_mkdocs = {name for name in imported if name.split(".")[0] in {"mkdocs", "mkdocs_macros", "material"}}
        if module.name == "plugin.py":
            assert uses_mkdocs, "the plugin module is where MkDocs is used"
        else:
            assert not uses_mkdocs, f"{module.relative_to(PROJECT)} imports {uses_mkdocs}"


def test_the_model_imports_neither_mkdocs_nor_jinja():
    """`import macros.model` loads the schema and nothing that builds pages (the check, pre-commit and the
    editor's schemas start fast, and work without MkDocs)."""
    code = (
        "import sys; import macros.model; "
        "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('mkdocs', 'mkdocs_macros', 'material', 'jinja2', 'markdown') or m.startswith('macros'))))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, capture_output=True, text=True, check=True)
    assert loaded.stdout.split() == [
        "macros",
        "macros.model",
        "macros.model.curriculum",
        "macros.model.files",
        "macros.model.records",
        "macros.model.values",
    ]
