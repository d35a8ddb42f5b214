"""`make check` as a faculty member runs it, and as GitHub Actions runs it.

Locally, it compares with origin/main (or the branch's upstream) when the checkout has one, so that a skill
renamed without being retired is refused before the pull request; it says whether it compared. In GitHub Actions
(GITHUB_ACTIONS=true), every problem, warning and note is also printed as a workflow annotation, which GitHub shows
on its line of the pull request's changed files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.checking import check, line_containing, replace
from tests.support.sitebuild import PROJECT

GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false"]


def git(repo: Path, *args: str) -> str:
    return subprocess.run([*GIT, *args], cwd=repo, check=True, capture_output=True, text=True).stdout


def checkout(mini_data: Path, tmp_path: Path, remote_branch: str | None = "main") -> Path:
    """A clone of a repository holding the fixture curriculum in data/: origin/<remote_branch> is its base."""
    origin = tmp_path / "origin"
    shutil.copytree(mini_data, origin / "data")
    git(origin, "init", "--quiet", "--initial-branch", remote_branch or "main")
    git(origin, "add", "--all")
    git(origin, "commit", "--quiet", "-m", "base")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "--quiet", str(origin), str(clone))
    git(clone, "switch", "--quiet", "--create", "faculty-edit")
    return clone


def make_check(data: Path, **env: str) -> subprocess.CompletedProcess:
    """What `make check` runs, in its own process."""
    return subprocess.run(
        [sys.executable, "-m", "macros", "check", "--compare", "--data", str(data)],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        env={**os.environ, "GITHUB_ACTIONS": "false", **env},
    )


def rename_skill(data: Path) -> None:
    for path in data.glob("*.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace("US-KNEE-INJ", "US-KNEE-JOINT-INJ"), encoding="utf-8")


def test_make_check_compares_with_origin_main():
    planned = subprocess.run(
        ["make", "--no-print-directory", "--dry-run", "--always-make", "check"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
    )
    assert planned.returncode == 0, planned.stderr
    assert planned.stdout.splitlines()[-1] == ".venv/bin/python -m macros check --compare"


def test_a_rename_without_a_retirement_fails_locally_too(mini_data, tmp_path):
    clone = checkout(mini_data, tmp_path)
    assert make_check(clone / "data").returncode == 0
    rename_skill(clone / "data")
    done = make_check(clone / "data")
    assert done.returncode == 1
    line = line_containing(clone / "data", "skills.yaml", "- id: US-KNEE-JOINT-INJ")
    assert done.stderr.splitlines() == [
        "note: compared with origin/main: each skill or track ID published there must be kept or retired.",
        "The curriculum data has 1 problem; nothing was published:",
        f"  data/skills.yaml:{line}: record US-KNEE-JOINT-INJ, field id: this skill was US-KNEE-INJ in origin/main, "
        "and US-KNEE-INJ is published (skills/#US-KNEE-INJ, and on printed checklists): keep its links working by "
        "adding to data/retired.yaml: - {id: US-KNEE-INJ, kind: skill, replaced_by: US-KNEE-JOINT-INJ, reason: …}",
    ]


def test_without_origin_main_it_compares_with_the_branch_upstream(mini_data, tmp_path):
    clone = checkout(mini_data, tmp_path, remote_branch="trunk")
    git(clone, "branch", "--quiet", "--set-upstream-to", "origin/trunk")
    rename_skill(clone / "data")
    done = make_check(clone / "data")
    assert done.returncode == 1
    assert done.stderr.splitlines()[0] == (
        "note: compared with origin/trunk: each skill or track ID published there must be kept or retired."
    )


def test_without_a_published_version_it_says_it_did_not_compare(mini_data):
    rename_skill(mini_data)  # not a git checkout: nothing to compare with, so the rename passes here
    done = make_check(mini_data)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[0] == (
        "note: not compared with a published version: this checkout has no origin/main, and its branch no upstream. "
        "A skill or track ID renamed or removed without being retired is found by the pull request."
    )


# -- in GitHub Actions: annotations on the pull request's lines ---------------------------------------


def test_each_problem_is_an_annotation_on_its_line(mini_data):
    risk = replace(mini_data, "skills.yaml", "  risk: moderate", "  risk: medium")
    dose = replace(mini_data, "skills.yaml", "places a needle into the joint", "injects 0.5% lidocaine into the joint")
    done = make_check(mini_data, GITHUB_ACTIONS="true")
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        f"::error file=data/skills.yaml,line={risk},title=record SAFETY-ASEPSIS%2C field risk::the text 'medium' is "
        "not allowed; expected 'low', 'moderate' or 'high'",
        f"::error file=data/skills.yaml,line={dose},title=record US-KNEE-INJ%2C field description::'0.5%25' reads as "
        "a drug dose or concentration, and the site gives none (it describes a curriculum, not clinical guidance): "
        "remove it, or, if it is not a dose, say it in words",
    ]
    assert "data/skills.yaml" in done.stderr, "the report a person reads is printed as before"


def test_a_page_problem_is_an_annotation_on_the_page(mini_data):
    docs = mini_data.parent / "docs"
    docs.mkdir()
    (docs / "about.md").write_text("# About\n\nSee [the catalogue](skills.md), then ask the MDT.\n", encoding="utf-8")
    done = make_check(mini_data, GITHUB_ACTIONS="true")
    assert done.returncode == 1
    assert (
        "::error file=docs/about.md,line=3::MDT is an abbreviation without an entry in data/glossary.yaml: add it "
        "there, with its expansion and a definition, or write it out in words"
    ) in done.stdout.splitlines()


def test_notes_are_notices_and_nothing_is_annotated_outside_github(mini_data):
    """The fixture's past workshop session is a note; where the data is valid no error is annotated."""
    done = make_check(mini_data, GITHUB_ACTIONS="true")
    assert done.returncode == 0
    line = line_containing(mini_data, "workshops.yaml", "start: 2001-03-01")
    assert done.stdout.splitlines()[0] == (
        f"::notice file=data/workshops.yaml,line={line},title=record WS-PAST%2C field start::ended on 2001-03-01; not "
        "shown in the calendar"
    )
    assert not make_check(mini_data).stdout.startswith("::")


@pytest.mark.parametrize(
    ("field", "message", "expected"),
    [
        ("a, b", "50% done\r\nnext", "title=record R%2C field a%2C b::50%25 done%0D%0Anext"),
        ("x: y", "plain", "title=record R%2C field x%3A y::plain"),
    ],
)
def test_annotations_are_escaped_as_github_reads_them(field, message, expected):
    from macros.problems import Problem, annotation

    said = annotation(Problem("data/skills.yaml", 3, "R", field, message), "warning")
    assert said == f"::warning file=data/skills.yaml,line=3,{expected}"


def test_without_github_actions_check_prints_no_annotations(mini_data):
    replace(mini_data, "skills.yaml", "  risk: moderate", "  risk: medium")
    result = check(mini_data)
    assert result.code == 1 and "::error" not in result.output


def test_a_published_version_that_cannot_be_read_is_said_and_the_check_goes_on(mini_data, tmp_path):
    clone = checkout(mini_data, tmp_path)
    broken = tmp_path / "origin" / "data" / "skills.yaml"
    broken.write_text("- id: [unclosed\n", encoding="utf-8")
    git(tmp_path / "origin", "commit", "--quiet", "--all", "-m", "broken")
    git(clone, "fetch", "--quiet")
    done = make_check(clone / "data")
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[0] == "note: not compared with origin/main: its curriculum data cannot be read."


def test_the_publish_list_marks_no_line_a_second_time(mini_data):
    """A pull request runs the check (which marks each problem on its line) and, for its summary, `check --publish`:
    the second marks nothing, so no line is marked twice."""
    line = replace(mini_data, "skills.yaml", "  title: ", "  titel: ")
    env = {**os.environ, "GITHUB_ACTIONS": "true"}
    command = [sys.executable, "-m", "macros", "check", "--data", str(mini_data)]
    marked = subprocess.run(command, cwd=PROJECT, capture_output=True, text=True, env=env)
    assert f"::error file=data/skills.yaml,line={line}," in marked.stdout
    listed = subprocess.run([*command, "--publish"], cwd=PROJECT, capture_output=True, text=True, env=env)
    assert listed.returncode == 1 and f"data/skills.yaml:{line}: " in listed.stderr
    assert "::" not in listed.stdout + listed.stderr
