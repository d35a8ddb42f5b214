"""The GitHub workflows, read as GitHub reads them: the deploy publishes only a commit whose tests passed,
built for the address configure-pages reports (so any fork deploys without edits); every job has the
least permissions it needs. Dependabot's configuration passes its schema. What pull requests run (the
check first, the preview whatever the tests say) is tested in tests/test_pull_request_workflow.py.

The deploy's rules are a function (deploy_problems), run on the real workflow and on copies broken on
purpose, which shows it catches what it is there for."""

from __future__ import annotations

import copy
import re
import shutil
import subprocess

import pytest
import yaml

from tests.support.sitebuild import PROJECT
from tests.support.workflows import (
    BUILD_COMMANDS,
    DEPENDABOT,
    TEST_COMMANDS,
    WORKFLOWS,
    before,
    load,
    runs,
    steps,
    uses,
)

# -- the deploy ---------------------------------------------------------------------------------------


def deploy_problems(workflow: dict) -> list[str]:
    """Why this workflow could publish a commit whose tests did not pass, or build for an address other
    than the one GitHub Pages serves the repository at. Empty when it cannot."""
    jobs = workflow["jobs"]
    deployers = [name for name, job in jobs.items() if any(uses(s, "actions/deploy-pages") for s in steps(job))]
    if len(deployers) != 1:
        return [f"expected one job that runs actions/deploy-pages, found {deployers}"]
    (deployer,) = deployers
    # What runs before deploy-pages: the needed jobs whole, and the deploying job's steps before it.
    deploy_at = next(i for i, s in enumerate(steps(jobs[deployer])) if uses(s, "actions/deploy-pages"))
    earlier = [(name, step) for name in before(jobs, deployer) for step in steps(jobs[name])]
    earlier += [(deployer, step) for step in steps(jobs[deployer])[:deploy_at]]
    problems = []

    tests = [(name, step) for name, step in earlier if runs(step, TEST_COMMANDS)]
    if not tests:
        problems.append(f"no step before deploy-pages runs the tests ({' or '.join(TEST_COMMANDS)})")
    for name, step in tests:
        if "if" in step or step.get("continue-on-error"):
            problems.append(f"{name}: the test step may be skipped or its failure ignored")
    for name in [*before(jobs, deployer), deployer]:
        if "if" in jobs[name] or jobs[name].get("continue-on-error"):
            problems.append(f"{name}: a condition on the job could let it run after a failure")

    uploads = [(name, step) for name, step in earlier if uses(step, "actions/upload-pages-artifact")]
    if not uploads:
        problems.append("no actions/upload-pages-artifact step before deploy-pages")
    for name, upload in uploads:
        job_steps = steps(jobs[name])
        before_upload = job_steps[: job_steps.index(upload)]
        tested_first = any(runs(s, TEST_COMMANDS) for s in before_upload) or any(
            runs(s, TEST_COMMANDS) for job in before(jobs, name) for s in steps(jobs[job])
        )
        if not tested_first:
            problems.append(f"{name}: the site is uploaded for publishing before the tests ran")
        if upload.get("with", {}).get("path", "").rstrip("/") != "site":
            problems.append(f"{name}: the uploaded folder is not site/, where the build writes")
        pages_at = next((i for i, s in enumerate(before_upload) if uses(s, "actions/configure-pages")), None)
        if pages_at is None or "id" not in before_upload[pages_at]:
            problems.append(f"{name}: no actions/configure-pages step with an id before the upload")
            continue
        base_url = f"${{{{ steps.{before_upload[pages_at]['id']}.outputs.base_url }}}}"
        builds = [s for s in before_upload[pages_at + 1 :] if runs(s, BUILD_COMMANDS)]
        if not builds:
            problems.append(f"{name}: no build ({' or '.join(BUILD_COMMANDS)}) between configure-pages and the upload")
        for build in builds:
            if build.get("env", {}).get("SITE_URL") != base_url:
                problems.append(f"{name}: the build's SITE_URL is not {base_url}")
    return problems


def test_deploy_publishes_only_tested_commits_built_for_the_pages_address():
    assert deploy_problems(load("deploy.yml")) == []


def test_deploy_tests_the_site_for_the_address_it_publishes():
    """The tests build and browse the site for the same address as the published build."""
    every_step = [step for job in load("deploy.yml")["jobs"].values() for step in steps(job)]
    (tests,) = [step for step in every_step if runs(step, TEST_COMMANDS)]
    (build,) = [step for step in every_step if runs(step, BUILD_COMMANDS)]
    assert tests.get("env", {}).get("SITE_URL") == build["env"]["SITE_URL"]


def _drop_tests(workflow):
    for job in workflow["jobs"].values():
        job["steps"] = [step for step in steps(job) if not runs(step, TEST_COMMANDS)]


def _ignore_test_failure(workflow):
    for job in workflow["jobs"].values():
        for step in steps(job):
            if runs(step, TEST_COMMANDS):
                step["continue-on-error"] = True


def _build_for_mkdocs_yml_address(workflow):
    for job in workflow["jobs"].values():
        for step in steps(job):
            if runs(step, BUILD_COMMANDS):
                step.pop("env", None)


def _deploy_without_waiting(workflow):
    for job in workflow["jobs"].values():
        if any(uses(step, "actions/deploy-pages") for step in steps(job)):
            job.pop("needs", None)


def _deploy_even_after_a_failure(workflow):
    for job in workflow["jobs"].values():
        if any(uses(step, "actions/deploy-pages") for step in steps(job)):
            job["if"] = "always()"


def _test_after_uploading(workflow):
    for job in workflow["jobs"].values():
        tests = [step for step in steps(job) if runs(step, TEST_COMMANDS)]
        if tests:
            job["steps"] = [step for step in steps(job) if step not in tests] + tests


@pytest.mark.parametrize(
    "breaking",
    [
        _drop_tests,
        _ignore_test_failure,
        _build_for_mkdocs_yml_address,
        _deploy_without_waiting,
        _deploy_even_after_a_failure,
        _test_after_uploading,
    ],
    ids=lambda f: f.__name__.strip("_"),
)
def test_the_deploy_check_catches(breaking):
    workflow = copy.deepcopy(load("deploy.yml"))
    breaking(workflow)
    assert deploy_problems(workflow)


# -- every workflow ---------------------------------------------------------------------------------


def every_workflow() -> list[str]:
    names = sorted(path.name for path in WORKFLOWS.glob("*.yml"))
    assert names
    return names


@pytest.mark.parametrize("name", every_workflow())
def test_each_job_has_the_least_permissions_it_needs(name):
    """Jobs only read, except the one that publishes: it writes to Pages and proves who it is, and no more."""
    workflow = load(name)
    assert set(workflow.get("permissions", {}).values()) <= {"read"}, "the workflow's default must not write"
    for job_name, job in workflow["jobs"].items():
        granted = job.get("permissions")
        assert granted is not None, f"{name}: {job_name} does not say which permissions it needs"
        if any(uses(step, "actions/deploy-pages") for step in steps(job)):
            assert granted == {"pages": "write", "id-token": "write"}, f"{name}: {job_name}: {granted}"
        else:
            assert set(granted.values()) == {"read"}, f"{name}: {job_name} need not write anything: {granted}"


@pytest.mark.parametrize("name", every_workflow())
def test_actions_follow_a_major_version_and_keep_no_credentials(name):
    """Each action is taken at a major version tag (@v7), which Dependabot moves on; no checkout leaves the
    token in the repository's git configuration for later steps."""
    for job_name, job in load(name)["jobs"].items():
        for step in steps(job):
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+", step["uses"]), f"{name}: {job_name}: {step['uses']}"
            if uses(step, "actions/checkout"):
                assert step.get("with", {}).get("persist-credentials") is False, f"{name}: {job_name}"


# -- Dependabot ------------------------------------------------------------------------------------


def check_dependabot(path) -> subprocess.CompletedProcess:
    tool = shutil.which("check-jsonschema", path=str(PROJECT / ".venv" / "bin"))
    assert tool, "check-jsonschema is missing: `make test` installs it from requirements-test.txt"
    return subprocess.run(
        [tool, "--builtin-schema", "vendor.dependabot", str(path)], capture_output=True, text=True, cwd=PROJECT
    )


def test_dependabot_configuration_passes_its_schema():
    done = check_dependabot(DEPENDABOT)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_schema_check_catches_a_broken_dependabot_file(tmp_path):
    broken = tmp_path / "dependabot.yml"
    broken.write_text("version: 2\nupdates:\n  - package-ecosystem: pip\n    schedule: {interval: sometimes}\n")
    done = check_dependabot(broken)
    assert done.returncode == 1, done.stdout + done.stderr


def test_dependabot_proposes_grouped_updates_for_every_kind_of_dependency():
    """pip (requirements.txt and requirements-test.txt, both at the top), npm and the workflows' actions,
    each kind's updates grouped into one pull request, as often as the README says."""
    updates = yaml.safe_load(DEPENDABOT.read_text(encoding="utf-8"))["updates"]
    by_kind = {update["package-ecosystem"]: update for update in updates}
    intervals = {kind: update["schedule"]["interval"] for kind, update in by_kind.items()}
    assert intervals == {"pip": "weekly", "npm": "monthly", "github-actions": "monthly"}
    readme = " ".join((PROJECT / "README.md").read_text(encoding="utf-8").split())
    assert "Python packages weekly, the Node test tools and the workflows' actions monthly" in readme
    for kind, update in by_kind.items():
        assert update["directory"] == "/", kind
        assert any(group.get("patterns") == ["*"] for group in update.get("groups", {}).values()), kind
    assert (PROJECT / "requirements.txt").is_file() and (PROJECT / "requirements-test.txt").is_file()
    assert (PROJECT / "package.json").is_file() and (PROJECT / "package-lock.json").is_file()
