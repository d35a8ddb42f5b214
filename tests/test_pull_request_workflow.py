"""The pull-request workflow and issue 21. The curriculum check runs first, against the base branch: its problems
open the run's summary in plain words, and each is marked on its line of the pull request (workflow annotations,
which need no token, so pull requests from forks get them too). The tests wait for the check. The reviewers'
preview is built in its own job, whatever the tests say, and the summary says where to download it.

The rules are a function (pull_request_problems), run on the real workflow and on copies broken on purpose. Then
the steps themselves are run as GitHub runs them (bash, GITHUB_ACTIONS=true, a summary file), in a checkout with
a mistake in it, and what they print and write into the summary is read back."""

from __future__ import annotations

import copy
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.checkout import with_base_branch
from tests.support.sitebuild import PROJECT, copy_project
from tests.support.workflows import TEST_COMMANDS, before, load, needs, runs, steps, uses

SCRIPT = ".github/scripts/pr_summary.py"
CHECK = re.compile(r"pr_summary\.py check -- \.venv/bin/python -m macros check --base \"origin/\$BASE_REF\"$")
BASE_REF = "${{ github.base_ref || github.event.repository.default_branch }}"
RUN_URL = "${{ github.server_url }}/${{ github.repository }}/actions/runs/${{ github.run_id }}"
SETTING_UP = ("safe.directory", "make setup")  # the steps a job may run before its work: trust the checkout, set up


def writes_summary(step: dict) -> bool:
    return "$GITHUB_STEP_SUMMARY" in step.get("run", "") or "pr_summary.py" in step.get("run", "")


def jobs_running(jobs: dict, *commands: str) -> list[str]:
    return [name for name, job in jobs.items() if any(runs(step, commands) for step in steps(job))]


def pull_request_problems(workflow: dict) -> list[str]:
    """Why a faculty member could meet a test log before the check's plain words, a problem not marked on its line,
    or no preview because a test failed. Empty when none can happen."""
    jobs = workflow["jobs"]
    checking = [name for name, job in jobs.items() if any(CHECK.search(s.get("run", "")) for s in steps(job))]
    if len(checking) != 1:
        return [f"expected one job that runs the check against the base branch through {SCRIPT}, found {checking}"]
    (check,) = checking
    problems = []
    if next(iter(jobs)) != check:
        problems.append("the check is not the first job")
    if needs(jobs[check]) or "if" in jobs[check]:
        problems.append("the check waits for another job, or may be skipped")
    job_steps = steps(jobs[check])
    at = next(i for i, step in enumerate(job_steps) if CHECK.search(step.get("run", "")))
    for step in job_steps[:at]:
        if not (uses(step, "actions/checkout") or runs(step, SETTING_UP)):
            problems.append(f"{check}: {step.get('name', step.get('run'))!r} runs before the check")
    step = job_steps[at]
    if "if" in step or step.get("continue-on-error"):
        problems.append("the check may be skipped, or its failure ignored")
    if step.get("env", {}).get("BASE_REF") != BASE_REF:
        problems.append(f"the check does not compare with {BASE_REF}")
    checkout = next(s for s in job_steps if uses(s, "actions/checkout"))
    if checkout.get("with", {}).get("fetch-depth") != 0:
        problems.append("a shallow checkout has no origin/<base branch> to compare with")

    # GitHub orders the jobs' summaries by when each job ends: one that ends before the check would come first.
    for name, job in jobs.items():
        if name != check and any(writes_summary(s) for s in steps(job)) and check not in before(jobs, name):
            problems.append(f"{name} writes to the summary without waiting for the check, whose summary comes first")

    for name in jobs_running(jobs, *TEST_COMMANDS):
        if check not in before(jobs, name) or "if" in jobs[name]:
            problems.append(f"{name}: the tests run beside a failing check, a second red cross with a test log")

    previewing = jobs_running(jobs, "make preview")
    if len(previewing) != 1:
        return [*problems, f"expected one job that builds the preview (make preview), found {previewing}"]
    (preview,) = previewing
    testing = jobs_running(jobs, *TEST_COMMANDS)
    if preview in testing or set(testing) & set(before(jobs, preview)):
        problems.append(f"{preview}: the preview is built only when the tests pass")
    if jobs[preview].get("if") != "${{ !cancelled() }}":
        problems.append(f"{preview}: the preview is not built whatever the check and the tests say")
    problems += _preview_steps_problems(preview, steps(jobs[preview]))

    for name in jobs_running(jobs, "-m macros diff"):
        if "!cancelled()" not in jobs[name].get("if", ""):
            problems.append(f"{name}: reviewers get no curriculum changes when the check fails")
    return problems


def _preview_steps_problems(name: str, job_steps: list[dict]) -> list[str]:
    """Build (its problems into the summary), upload `site-preview` once built, then say where to download it."""
    build = next(i for i, s in enumerate(job_steps) if runs(s, ("make preview",)))
    if f"{SCRIPT} build -- make preview" not in job_steps[build]["run"]:
        return [f"{name}: the build's problems do not go into the summary"]
    uploads = [i for i, s in enumerate(job_steps) if uses(s, "actions/upload-artifact")]
    if len(uploads) != 1 or uploads[0] < build:
        return [f"{name}: the preview is not uploaded once, after it is built"]
    upload = job_steps[uploads[0]]
    problems = []
    if upload.get("with", {}).get("name") != "site-preview" or upload["with"].get("path", "").rstrip("/") != (
        "site-preview"
    ):
        problems.append(f"{name}: the upload is not site-preview/ as `site-preview`")
    if "if" in upload:
        problems.append(f"{name}: the upload has a condition of its own")
    told = [s for s in job_steps[uploads[0] + 1 :] if f"{SCRIPT} download" in s.get("run", "")]
    if len(told) != 1:
        return [*problems, f"{name}: the summary does not say where to download the preview"]
    env = told[0].get("env", {})
    if env.get("PREVIEW_URL") != f"${{{{ steps.{upload.get('id')}.outputs.artifact-url }}}}":
        problems.append(f"{name}: the summary does not link to the uploaded preview")
    if env.get("RUN_URL") != RUN_URL:
        problems.append(f"{name}: the summary does not link to the run's page, where Artifacts are listed")
    return problems


def test_the_check_comes_first_and_the_preview_does_not_wait_for_the_tests():
    assert pull_request_problems(load("pull-request.yml")) == []


def _job(workflow, *commands):
    (name,) = jobs_running(workflow["jobs"], *commands)
    return workflow["jobs"][name]


def _check_step(workflow):
    return next(s for job in workflow["jobs"].values() for s in steps(job) if CHECK.search(s.get("run", "")))


def _check_not_first(workflow):
    jobs = workflow["jobs"]
    (check,) = [name for name, job in jobs.items() if _check_step(workflow) in steps(job)]
    workflow["jobs"] = {**{n: j for n, j in jobs.items() if n != check}, check: jobs[check]}


def _check_waits_for_the_tests(workflow):
    (check,) = [job for job in workflow["jobs"].values() if _check_step(workflow) in steps(job)]
    tests = _job(workflow, *TEST_COMMANDS)
    tests.pop("needs")
    check["needs"] = jobs_running(workflow["jobs"], *TEST_COMMANDS)


def _check_failure_ignored(workflow):
    _check_step(workflow)["continue-on-error"] = True


def _check_without_the_base(workflow):
    step = _check_step(workflow)
    step["run"] = step["run"].replace(' --base "origin/$BASE_REF"', "")


def _tests_before_the_check(workflow):
    (check,) = [job for job in workflow["jobs"].values() if _check_step(workflow) in steps(job)]
    check["steps"].insert(1, {"run": ".ci/run"})


def _diff_summary_before_the_check(workflow):
    _job(workflow, "-m macros diff").pop("needs")


def _tests_beside_a_failing_check(workflow):
    _job(workflow, *TEST_COMMANDS)["if"] = "${{ !cancelled() }}"


def _preview_after_the_tests(workflow):
    preview = _job(workflow, "make preview")
    preview["needs"] = [*needs(preview), *jobs_running(workflow["jobs"], *TEST_COMMANDS)]


def _preview_in_the_test_job(workflow):
    jobs = workflow["jobs"]
    (preview,) = jobs_running(jobs, "make preview")
    moved = [s for s in steps(jobs.pop(preview)) if not uses(s, "actions/checkout") and not runs(s, SETTING_UP)]
    _job(workflow, *TEST_COMMANDS)["steps"] += moved


def _preview_only_when_the_check_passes(workflow):
    _job(workflow, "make preview").pop("if")


def _preview_built_without_its_summary(workflow):
    for step in steps(_job(workflow, "make preview")):
        if runs(step, ("make preview",)):
            step["run"] = "make preview"


def _no_link_to_the_run(workflow):
    for step in steps(_job(workflow, "make preview")):
        step.get("env", {}).pop("RUN_URL", None)


def _no_diff_when_the_check_fails(workflow):
    _job(workflow, "-m macros diff")["if"] = "github.event_name == 'pull_request'"


@pytest.mark.parametrize(
    "breaking",
    [
        _check_not_first,
        _check_waits_for_the_tests,
        _check_failure_ignored,
        _check_without_the_base,
        _tests_before_the_check,
        _diff_summary_before_the_check,
        _tests_beside_a_failing_check,
        _preview_after_the_tests,
        _preview_in_the_test_job,
        _preview_only_when_the_check_passes,
        _preview_built_without_its_summary,
        _no_link_to_the_run,
        _no_diff_when_the_check_fails,
    ],
    ids=lambda f: f.__name__.strip("_"),
)
def test_the_pull_request_check_catches(breaking):
    workflow = copy.deepcopy(load("pull-request.yml"))
    breaking(workflow)
    assert pull_request_problems(workflow)


def test_reviewers_get_the_curriculum_changes_and_the_publishing_list_in_the_summary():
    """The curriculum-diff job keeps its guarantees: the diff compares with the base branch, in a checkout that has it,
    and is uploaded even when it fails; the academy's list follows and never fails the pull request."""
    job = _job(load("pull-request.yml"), "-m macros diff")
    job_steps = steps(job)
    (compare,) = [s for s in job_steps if runs(s, ("-m macros diff",))]
    assert compare["env"]["BASE_REF"] == "${{ github.base_ref }}"
    assert '"origin/$BASE_REF"' in compare["run"] and '>> "$GITHUB_STEP_SUMMARY"' in compare["run"]
    later = job_steps[job_steps.index(compare) + 1 :]
    assert later and all(step.get("if") == "${{ !cancelled() }}" for step in later)
    assert next(s for s in job_steps if uses(s, "actions/checkout"))["with"]["fetch-depth"] == 0


# -- the steps, run as GitHub runs them ------------------------------------------------------------

EXPRESSION = re.compile(r"\$\{\{(.*?)\}\}")
GITHUB = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "academy/curriculum"}
VALUES = {  # what GitHub puts in place of each expression the steps' env uses, for a pull request into main
    "github.base_ref || github.event.repository.default_branch": "main",
    "github.server_url": GITHUB["GITHUB_SERVER_URL"],
    "github.repository": GITHUB["GITHUB_REPOSITORY"],
    "github.run_id": "4242",
    "steps.upload.outputs.artifact-url": "https://github.com/academy/curriculum/actions/runs/4242/artifacts/77",
}
RUN_PAGE = "https://github.com/academy/curriculum/actions/runs/4242"
ANNOTATION = re.compile(r"^::(?P<level>error|warning|notice) (?P<properties>[^:]*)::(?P<message>.*)$")


def step_running(*commands: str) -> dict:
    workflow = load("pull-request.yml")
    (step,) = [s for job in workflow["jobs"].values() for s in steps(job) if runs(s, commands)]
    return step


def run_step(step: dict, checkout: Path, summary: Path) -> subprocess.CompletedProcess:
    """The step's `run` as GitHub runs it on Linux (bash -e), in a job of a GitHub Actions run."""
    env = {**os.environ, **GITHUB, "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    for key, value in step.get("env", {}).items():
        env[key] = EXPRESSION.sub(lambda match: VALUES[match[1].strip()], value)
    return subprocess.run(["bash", "-e", "-c", step["run"]], cwd=checkout, env=env, capture_output=True, text=True)


def marked_places(printed: str) -> set[tuple[str, str, str]]:
    """(level, file, line) of each annotation in a step's output."""
    found = set()
    for line in printed.splitlines():
        annotation = ANNOTATION.match(line)
        if annotation:
            properties = dict(item.split("=", 1) for item in annotation["properties"].split(","))
            found.add((annotation["level"], properties["file"], properties["line"]))
    return found


def fenced_lines(summary: str) -> list[str]:
    """The lines of the summary's one fenced block."""
    (block,) = re.findall(r"^(`{3,})text\n(.*?)\n\1$", summary, re.MULTILINE | re.DOTALL)
    return block[1].splitlines()


@pytest.fixture
def checkout(tmp_path) -> Path:
    """A pull request's checkout: the project, with main's version of it as origin/main, and the project's .venv."""
    repo = copy_project(tmp_path / "repo")
    for name in ("Makefile", "requirements.txt", "requirements-test.txt"):
        shutil.copy2(PROJECT / name, repo / name)  # their times kept: make sees .venv as up to date
    shutil.copytree(PROJECT / ".github", repo / ".github", ignore=shutil.ignore_patterns("__pycache__"))
    (repo / ".venv").symlink_to(PROJECT / ".venv")
    return with_base_branch(repo)


def _misspell_a_field(repo: Path) -> None:
    skills = repo / "data" / "skills.yaml"
    text = skills.read_text(encoding="utf-8")
    assert "\n  risk: " in text
    skills.write_text(text.replace("\n  risk: ", "\n  rsk: ", 1), encoding="utf-8")


def _rename_a_skill_without_retiring_it(repo: Path) -> None:
    """A published skill's ID changed everywhere, with no entry in data/retired.yaml: only the base comparison sees it."""
    old = re.search(r"^- id: (\S+)$", (repo / "data" / "skills.yaml").read_text(encoding="utf-8"), re.MULTILINE)[1]
    for path in (repo / "data").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(rf"\b{re.escape(old)}\b", f"{old}-RENAMED", text), encoding="utf-8")


def plain_check(repo: Path) -> list[str]:
    """What `python -m macros check --base origin/main` prints outside GitHub Actions, line by line."""
    env = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}
    done = subprocess.run(
        [".venv/bin/python", "-m", "macros", "check", "--base", "origin/main"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    return [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]


@pytest.mark.parametrize("mistake", [_misspell_a_field, _rename_a_skill_without_retiring_it], ids=["field", "rename"])
def test_the_checks_problems_open_the_summary_and_are_marked_on_their_lines(mistake, checkout, tmp_path):
    mistake(checkout)
    summary = tmp_path / "summary.md"
    done = run_step(step_running("-m macros check --base"), checkout, summary)
    assert done.returncode == 1, done.stdout + done.stderr
    said = plain_check(checkout)
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## Problems to fix\n\n")
    assert fenced_lines(text) == said, "the summary lists the check's own words, every line of them"
    assert "::" not in text
    places = {(file, line) for file, line in (re.match(r"^\s*(data/\S+?):(\d+): ", s).groups() for s in said[1:])}
    assert places and {(file, line) for _, file, line in marked_places(done.stdout)} == places
    assert {level for level, _, _ in marked_places(done.stdout)} == {"error"}
    assert all(line in done.stdout.splitlines() for line in said), "the job's log (Details) shows them too"


def test_a_passing_check_says_so_and_marks_nothing(checkout, tmp_path):
    summary = tmp_path / "summary.md"
    done = run_step(step_running("-m macros check --base"), checkout, summary)
    assert done.returncode == 0, done.stdout + done.stderr
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## Curriculum check: no problems\n\n")
    assert any(line.startswith("The curriculum data is valid: ") for line in fenced_lines(text))
    assert not any(level == "error" for level, _, _ in marked_places(done.stdout))


def test_a_page_that_stops_the_build_is_named_in_the_summary_once(checkout, tmp_path):
    """No preview then, and the summary says why in the build's words, without MkDocs' progress lines or make's; the
    line is not marked again by this job (the check's job marks what the pull request refuses)."""
    page = checkout / "docs" / "skills.md"
    text = page.read_text(encoding="utf-8")
    assert "{{ skill_catalogue() }}" in text
    page.write_text(text.replace("{{ skill_catalogue() }}", "{{ skill_catalog() }}"), encoding="utf-8")
    summary = tmp_path / "summary.md"
    done = run_step(step_running("make preview"), checkout, summary)
    assert done.returncode != 0
    (error,) = re.findall(r"^ERROR +- +(docs/skills\.md:\d+: .*)$", done.stdout, re.MULTILINE)
    assert "skill_catalog" in error
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("## No preview: the site does not build\n\n")
    assert fenced_lines(written) == [error]
    assert marked_places(done.stdout) == set()
    assert not (checkout / "site-preview").exists()


def test_the_summary_says_where_to_download_the_preview(tmp_path):
    summary = tmp_path / "summary.md"
    done = run_step(step_running(f"{SCRIPT} download"), PROJECT, summary)
    assert done.returncode == 0, done.stderr
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## Preview for reviewers\n\n")
    assert f"[download `site-preview`]({VALUES['steps.upload.outputs.artifact-url']})" in text
    assert f"under **Artifacts** on [this run's page]({RUN_PAGE})" in text


# -- the summary script on its own: the check's own marks, text from the pull request --------------


def summarise(kind: str, printed: str, status: int, tmp_path: Path) -> tuple[subprocess.CompletedProcess, str]:
    """pr_summary.py KIND run on a command that prints `printed` and exits with `status`."""
    summary = tmp_path / "summary.md"
    command = [sys.executable, "-c", f"import sys; sys.stdout.write({printed!r}); sys.exit({status})"]
    done = subprocess.run(
        [sys.executable, str(PROJECT / SCRIPT), kind, "--", *command],
        env={**os.environ, "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)},
        capture_output=True,
        text=True,
    )
    return done, summary.read_text(encoding="utf-8") if summary.exists() else ""


def test_the_checks_own_marks_are_passed_on_and_none_is_added(tmp_path):
    """Once the check prints its own annotations (with their titles), they reach GitHub as they are, none is made
    a second time, and the summary keeps only the words."""
    own = "::error file=data/skills.yaml,line=12,title=Unknown field::field titel: unknown field\n"
    printed = own + "  data/skills.yaml:12: record US-X, field titel: unknown field\n"
    done, text = summarise("check", printed, 1, tmp_path)
    assert done.returncode == 1
    assert done.stdout.splitlines() == printed.splitlines()
    assert fenced_lines(text) == ["  data/skills.yaml:12: record US-X, field titel: unknown field"]


def test_text_from_the_pull_request_stays_inside_its_block(tmp_path):
    """A message quoting backticks cannot close the block and turn the rest into Markdown. (The check's own marks
    escape what GitHub would read as the end of a property or of the message: tests/test_check_command.py.)"""
    message = "  data/pages.yaml:3: record P, field title: '```' and '%0A' and a: colon, comma"
    done, text = summarise("check", message + "\n", 1, tmp_path)
    assert fenced_lines(text) == [message]
    assert re.search(r"^````text$", text, re.MULTILINE)
    assert not [line for line in done.stdout.splitlines() if line.startswith("::")], "the script marks nothing itself"


def test_a_build_that_fails_without_a_message_points_to_the_log(tmp_path):
    done, text = summarise("build", "Traceback (most recent call last):\n  boom\n", 1, tmp_path)
    assert text.startswith("## No preview: the site does not build")
    assert fenced_lines(text) == ["(This job's log, under Details, says why.)"]
