"""CONTRIBUTING.md's "Working only in the browser", followed step by step, and the README's request to protect `main`.

Every name the section cites must exist where it says: the checks are the jobs of pull-request.yml, with the
commands they run; the issue form, its questions and options are those of .github/ISSUE_TEMPLATE; the headings of
the run's summary are those the workflow writes; the files, commands and IDs exist. GitHub's own screens cannot be
read from here: their labels are listed below with the GitHub documentation each was taken from, and the guide and
the README must quote each one as listed, every time. The two-commit path is followed on the fixture curriculum:
red after the first commit, with the message the section quotes, green after the second.

The section's advice for a venue or a number of places not decided yet is checked here too: leave it out."""

from __future__ import annotations

import re
import runpy
import shutil
from dataclasses import replace

import pytest
import yaml

from macros import diff, publish
from macros.clock import build_date
from macros.load import load_curriculum
from tests.support.checking import run_check
from tests.support.guide import EXAMPLES, GUIDE, MESSAGES, WORKED, Session
from tests.support.published import fill_admission
from tests.support.sitebuild import PROJECT
from tests.support.workflows import TEST_COMMANDS, load, runs, steps

README = (PROJECT / "README.md").read_text(encoding="utf-8")
SECTION = GUIDE[GUIDE.index("## Working only in the browser\n") : GUIDE.index("\n## Where each thing lives\n")]
BRANCH = "add-pudendal-block"  # the branch the section has the reader create

_DOCS = "https://docs.github.com/en"
GITHUB_LABELS = {  # what GitHub's screens say, as its documentation quotes them
    # the file editor: /repositories/working-with-files/managing-files/editing-files
    "Commit changes...": f"{_DOCS}/repositories/working-with-files/managing-files/editing-files",
    "Create a new branch for this commit and start a pull request": f"{_DOCS}/repositories/working-with-files/managing-files/editing-files",
    f"Commit directly to the {BRANCH} branch": f"{_DOCS}/repositories/working-with-files/managing-files/editing-files",
    "Commit changes": f"{_DOCS}/repositories/working-with-files/managing-files/editing-files",
    "Propose changes": f"{_DOCS}/repositories/working-with-files/managing-files/editing-files",
    "Create pull request": f"{_DOCS}/repositories/working-with-files/managing-files/editing-files",
    "Compare & pull request": "https://github.com/skills/introduction-to-github",
    # github.dev
    "Create new branch": f"{_DOCS}/codespaces/the-githubdev-web-based-editor",
    "Source Control": f"{_DOCS}/codespaces/the-githubdev-web-based-editor",
    "Changes": f"{_DOCS}/codespaces/the-githubdev-web-based-editor",
    "Commit & Push": f"{_DOCS}/codespaces/the-githubdev-web-based-editor",
    # a pull request and its checks
    "Details": f"{_DOCS}/pull-requests/collaborating-with-pull-requests/collaborating-on-repositories-with-code-quality-features/about-status-checks",
    "Summary": f"{_DOCS}/actions/how-tos/monitor-workflows/use-workflow-run-logs",
    "Artifacts": f"{_DOCS}/actions/how-tos/manage-workflow-runs/download-workflow-artifacts",
    "Files changed": f"{_DOCS}/actions/how-tos/manage-workflow-runs/approve-runs-from-forks",
    "Conversation": f"{_DOCS}/actions/how-tos/manage-workflow-runs/approve-runs-from-forks",
    "Approve workflows to run": f"{_DOCS}/actions/how-tos/manage-workflow-runs/approve-runs-from-forks",
    "Approve and run": f"{_DOCS}/actions/how-tos/manage-workflow-runs/approve-runs-from-forks",  # its older label
    "Issues": f"{_DOCS}/issues/tracking-your-work-with-issues/using-issues/creating-an-issue",
    "New issue": f"{_DOCS}/issues/tracking-your-work-with-issues/using-issues/creating-an-issue",
    # protecting a branch: /repositories/.../managing-a-branch-protection-rule
    "Settings": f"{_DOCS}/repositories/configuring-branches-and-merges-in-your-repository/managing-protected-branches/managing-a-branch-protection-rule",
    "Branches": f"{_DOCS}/repositories/configuring-branches-and-merges-in-your-repository/managing-protected-branches/managing-a-branch-protection-rule",
    "Add classic branch protection rule": f"{_DOCS}/repositories/configuring-branches-and-merges-in-your-repository/managing-protected-branches/managing-a-branch-protection-rule",
    "Branch name pattern": f"{_DOCS}/repositories/configuring-branches-and-merges-in-your-repository/managing-protected-branches/managing-a-branch-protection-rule",
    "Require a pull request before merging": f"{_DOCS}/repositories/configuring-branches-and-merges-in-your-repository/managing-protected-branches/managing-a-branch-protection-rule",
    "Require approvals": f"{_DOCS}/repositories/configuring-branches-and-merges-in-your-repository/managing-protected-branches/managing-a-branch-protection-rule",
    "Require status checks to pass before merging": f"{_DOCS}/repositories/configuring-branches-and-merges-in-your-repository/managing-protected-branches/managing-a-branch-protection-rule",
    "Create": f"{_DOCS}/repositories/configuring-branches-and-merges-in-your-repository/managing-protected-branches/managing-a-branch-protection-rule",
}

PULL_REQUESTS = load("pull-request.yml")
JOB_NAMES = {job["name"]: job for job in PULL_REQUESTS["jobs"].values()}
FORM = yaml.safe_load((PROJECT / ".github" / "ISSUE_TEMPLATE" / "curriculum-change.yml").read_text(encoding="utf-8"))
FORM_NAMES = {FORM["name"]} | {
    name
    for item in FORM["body"]
    if item["type"] != "markdown"
    for name in [item["attributes"]["label"], *item["attributes"].get("options", [])]
    if isinstance(name, str)
}


def _summary_headings() -> set[str]:
    """The headings the run's summary can show: the check's and the preview's (.github/scripts/pr_summary.py), the
    curriculum changes and the academy's list (python -m macros diff, check --publish)."""
    script = runpy.run_path(str(PROJECT / ".github" / "scripts" / "pr_summary.py"))
    texts = [script["DOWNLOAD"], diff.as_markdown([], "main"), publish.as_markdown([], None)]
    texts += [text for kind in script["KINDS"].values() for text in (kind.failed, kind.passed) if text]
    return {re.match(r"## (.+)", text)[1] for text in texts}


SUMMARY_HEADINGS = _summary_headings()
SITE_PAGES = {"How to apply", "Workshops"}  # pages of the site (mkdocs.yml nav), as the guide names them


def italics(text: str) -> list[str]:
    """The *quoted* names in Markdown text (not **bold**), with line breaks inside them made spaces."""
    text = re.sub(r"\*\*.+?\*\*", "", text, flags=re.DOTALL)
    return [" ".join(found.split()) for found in re.findall(r"(?<!\*)\*(?!\*)(.+?)(?<!\*)\*(?!\*)", text, re.DOTALL)]


def test_every_name_the_section_quotes_is_on_screen_or_in_the_repository():
    known = set(GITHUB_LABELS) | set(JOB_NAMES) | {PULL_REQUESTS["name"]} | FORM_NAMES | SUMMARY_HEADINGS | SITE_PAGES
    unknown = sorted(set(italics(SECTION)) - known)
    assert not unknown, f"the section quotes names that nothing here defines: {unknown}"


def test_the_site_pages_it_names_are_in_the_menu():
    config = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
    for page in SITE_PAGES:
        assert re.search(rf"^\s*- {re.escape(page)}: \S+\.md$", config, re.MULTILINE), page


def test_the_table_of_checks_names_each_job_once_with_what_it_runs():
    """Each row: a job of pull-request.yml and the commands the section says it runs, which the job does run."""
    rows = re.findall(r"^\| \*([^*]+)\* \| (.+?) \| (.+?) \|$", SECTION, re.MULTILINE)
    assert sorted(name for name, _, _ in rows) == sorted(JOB_NAMES)
    runs_what = {"make test": TEST_COMMANDS, "make preview": ("make preview",), "make check": ("-m macros check",)}
    for name, does, _ in rows:
        for command in re.findall(r"`(make \w+)`", does):
            assert any(runs(step, runs_what[command]) for step in steps(JOB_NAMES[name])), (name, command)


def test_the_checks_the_section_says_run_first_and_wait():
    """ "Runs first", "the tests wait until it passes", "whatever the tests say": the workflow's order (its rules are
    tested in tests/test_pull_request_workflow.py)."""
    jobs = PULL_REQUESTS["jobs"]
    first = next(iter(jobs.values()))
    assert first["name"] == "Curriculum check" and "needs" not in first
    tests = JOB_NAMES["Tests and strict build"]
    assert tests["needs"] == next(iter(jobs)) and "if" not in tests
    assert JOB_NAMES["Preview for reviewers"]["if"] == "${{ !cancelled() }}"


def test_the_files_commands_and_ids_it_cites_exist(curriculum):
    data_ids = {record.id for record in (*curriculum.skills, *curriculum.tracks)}
    make_targets = set(re.search(r"^\.PHONY: (.+)$", (PROJECT / "Makefile").read_text(), re.MULTILINE)[1].split())
    examples = {BRANCH, "rao-patch-1", "main", "."}  # the branches the reader makes or sees, and the key for github.dev
    worked_skill = yaml.safe_load(EXAMPLES["new-skill"])[0]["id"]
    for cited in sorted(set(re.findall(r"`([^`]+)`", SECTION))):
        if cited.startswith("make "):
            assert cited.split()[1] in make_targets, cited
        elif "/" in cited:
            path, _, line = cited.partition(":")
            assert (PROJECT / path).exists(), cited
            if line:  # a place as the check names it: one of the guide's quoted messages names it
                assert any(f"{cited}: " in message for message in MESSAGES.values()), cited
        elif re.fullmatch(r"[A-Z0-9]+(-[A-Z0-9]+)+", cited):
            assert cited in data_ids or cited == worked_skill, cited
        elif " " in cited:  # part of a message the check prints
            assert any(cited in message for message in MESSAGES.values()), cited
        else:
            assert cited in examples, cited


def test_its_links_lead_to_headings_of_the_guide():
    """Every #anchor in CONTRIBUTING.md, and every link to CONTRIBUTING.md#anchor from the README, the faculty pages
    and the run's summary, names a heading of the guide (as GitHub makes its anchors)."""
    headings = {
        re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")
        for heading in re.findall(r"^#{2,4} (.+)$", GUIDE, re.MULTILINE)
    }
    linked = re.findall(r"\]\(#([\w-]+)\)", GUIDE)
    for source in [PROJECT / "README.md", PROJECT / ".github" / "scripts" / "pr_summary.py"] + sorted(
        (PROJECT / "docs" / "contributing").glob("*.md")
    ):
        linked += re.findall(r"CONTRIBUTING\.md#([\w-]+)", source.read_text(encoding="utf-8"))
    assert "working-only-in-the-browser" in linked and "a-venue-or-a-number-of-places-not-decided-yet" in linked
    assert sorted(set(linked) - headings) == []


def _normalised(label: str) -> str:
    return re.sub(r"[.…\s]+$", "", label).lower()


@pytest.mark.parametrize("where", ["CONTRIBUTING.md", "README.md"])
def test_githubs_labels_are_quoted_the_same_way_every_time(where):
    """A label quoted with another ending or case (`Commit changes…` for `Commit changes...`) is caught; and the
    pencil is described, not given a tooltip GitHub's documentation does not name."""
    text = (PROJECT / where).read_text(encoding="utf-8")
    by_form = {}
    for label in GITHUB_LABELS:
        by_form.setdefault(_normalised(label), set()).add(label)
    for quoted in italics(text):
        expected = by_form.get(_normalised(quoted))
        assert expected is None or quoted in expected, f"{where} quotes {quoted!r}; GitHub says {sorted(expected)}"
    assert "Edit this file" not in text


def test_the_first_commit_alone_is_red_with_the_message_quoted_and_the_second_makes_it_green(mini_data, tmp_path):
    """Step 1 then 2: the skill alone, as the first commit leaves the branch. Step 4 then 5: the track's line too."""
    quoted = re.search(r"\(`(US-PUDENDAL is not taught in any track)`\)", SECTION)[1]
    first = tmp_path / "first"
    shutil.copytree(mini_data, first)
    replace(WORKED, entry="").apply(first)
    status, _, problems = run_check(first)
    assert status == 1 and quoted in problems
    WORKED.apply(mini_data)
    status, printed, problems = run_check(mini_data)
    assert status == 0, problems


def test_the_issue_form_offers_how_to_apply_and_the_section_quotes_its_questions():
    (what,) = [item for item in FORM["body"] if item.get("id") == "what"]
    options = what["attributes"]["options"]
    (how_to_apply,) = [option for option in options if option.startswith("How to apply to a track")]
    quoted = set(italics(SECTION))
    assert how_to_apply in quoted and FORM["name"] in quoted
    questions = [
        item["attributes"]["label"] for item in FORM["body"] if item["type"] in {"dropdown", "input", "textarea"}
    ]
    assert set(questions) <= quoted, "the section names each question of the form"


def test_the_readme_asks_for_main_protected_with_every_check_required():
    paragraph = README[README.index("Protect `main`") :]
    paragraph = paragraph[: paragraph.index("\n## ")]
    required = paragraph[paragraph.index("*Require status checks to pass before merging*") :]
    required = required[: required.index("(GitHub offers")]
    assert sorted(set(italics(required)) - {"Require status checks to pass before merging"}) == sorted(JOB_NAMES)
    assert "`.github/workflows/pull-request.yml`" in required
    assert set(italics(paragraph)) - set(JOB_NAMES) <= set(GITHUB_LABELS) | {"A first-time contributor's checks"}
    assert "### A first-time contributor's checks" in GUIDE


# -- a venue or a number of places not decided yet: left out, never a placeholder ---------------------


@pytest.mark.parametrize("field", ["venue", "city", "places"])
def test_a_session_without_a_fact_the_academy_has_not_fixed_is_refused(field, mini_data):
    session = yaml.safe_load(EXAMPLES["new-session"])[0]
    line = next(line for line in EXAMPLES["new-session"].splitlines() if line.strip().startswith(f"{field}:"))
    Session().changed(line + "\n", "").apply(mini_data)
    status, _, problems = run_check(mini_data)
    assert status == 1
    assert f"record {session['id']}, field {field}: this required field is missing" in problems
    assert "`field venue: this required field is missing`" in GUIDE


def test_no_example_in_the_guide_writes_a_placeholder_for_an_undecided_fact():
    for name, example in EXAMPLES.items():
        assert "to be confirmed" not in example.lower(), name
    assert 'not "to be confirmed"' in GUIDE


def test_places_and_locations_of_how_to_apply_may_be_left_out(mini_data):
    """The guide's filled-in record without its places and locations loads, and both are then not published."""
    record = EXAMPLES["admission"]
    locations = re.search(r"^  locations:\n(?:    .*\n)+", record + "\n", re.MULTILINE)[0]
    assert "\n  places: " in record
    fill_admission(mini_data, re.sub(r"\n  places: .*", "", record.replace(locations, "")))
    curriculum = load_curriculum(mini_data)
    admission = curriculum.admission("FEL-US-6M")
    assert admission.places is None and admission.locations == [] and admission.fee is not None
    missing = {fact.field for fact in publish.not_published(curriculum, curriculum.track("FEL-US-6M"), build_date())}
    assert {"places", "locations"} <= missing and "fee" not in missing


def test_the_guide_keeps_the_preview_as_long_as_the_workflow_does():
    (upload,) = [s for s in steps(JOB_NAMES["Preview for reviewers"]) if s.get("uses", "").startswith("actions/upload")]
    days = upload["with"]["retention-days"]
    assert f"it is kept for {days} days" in " ".join(GUIDE.split())
