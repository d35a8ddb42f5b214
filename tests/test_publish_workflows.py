"""The workflows and issue 17: the deploy runs `python -m macros check --publish` before anything is published and
also runs every day (and by hand), dated the day it runs, so that past intakes and sessions leave the site within
a day; pull requests show the same list in their run summary without being held back by it. The rules are a
function (publishing_problems), run on the real workflows and on copies broken on purpose."""

from __future__ import annotations

import copy
import re

import pytest

from tests.support.workflows import before, load, runs, steps, uses

PUBLISH_CHECK = re.compile(r"-m macros check --publish\b.*--summary \"\$GITHUB_STEP_SUMMARY\"")


def publish_steps(job: dict) -> list[dict]:
    return [step for step in steps(job) if PUBLISH_CHECK.search(step.get("run", ""))]


def daily(cron: str) -> bool:
    """A cron schedule that fires once a day, every day: fixed minute and hour, any day, month and weekday."""
    minute, hour, *rest = cron.split()
    return minute.isdigit() and hour.isdigit() and rest == ["*", "*", "*"]


def publishing_problems(deploy: dict, pull_request: dict) -> list[str]:
    """Why the site could be published with a placeholder contact or go stale, or why a pull request would not
    show the academy what it has still to publish. Empty when neither can happen."""
    problems = []
    triggers = deploy.get("on", deploy.get(True, {}))  # YAML 1.1 reads the key `on` as True
    if not any(daily(entry.get("cron", "")) for entry in triggers.get("schedule") or []):
        problems.append("the deploy does not run every day")
    if "workflow_dispatch" not in triggers or "push" not in triggers:
        problems.append("the deploy cannot also be run by hand and on every push")
    jobs = deploy["jobs"]
    deployer = next(name for name, job in jobs.items() if any(uses(s, "actions/deploy-pages") for s in steps(job)))
    earlier = [step for name in before(jobs, deployer) for step in steps(jobs[name])]
    deploying = steps(jobs[deployer])
    earlier += deploying[: next(i for i, s in enumerate(deploying) if uses(s, "actions/deploy-pages"))]
    checks = [step for step in earlier if PUBLISH_CHECK.search(step.get("run", ""))]
    if not checks:
        problems.append("no step before deploy-pages runs `check --publish` into the run's summary")
    for step in checks:
        if "if" in step or step.get("continue-on-error"):
            problems.append("the deploy's `check --publish` may be skipped or its failure ignored")
    for name, job in jobs.items():
        for step in steps(job):
            dated = {**deploy.get("env", {}), **job.get("env", {}), **step.get("env", {})}
            if runs(step, ("make build", "scripts/build.py")) and "SOURCE_DATE_EPOCH" in dated:
                problems.append(f"{name}: the published build is dated by SOURCE_DATE_EPOCH, not the day it runs")
    shown = [step for job in pull_request["jobs"].values() for step in publish_steps(job)]
    if len(shown) != 1:
        problems.append(f"pull requests run `check --publish` into their summary {len(shown)} times, not once")
    for step in shown:
        if step.get("if") != "${{ !cancelled() }}" or step.get("continue-on-error") is not True:
            problems.append("the pull request's list must always be shown and never fail the pull request")
    return problems


def test_the_site_is_published_only_with_a_contact_and_every_day():
    assert publishing_problems(load("deploy.yml"), load("pull-request.yml")) == []


def _no_schedule(deploy, pull_request):
    deploy.get("on", deploy.get(True)).pop("schedule")


def _weekly(deploy, pull_request):
    deploy.get("on", deploy.get(True))["schedule"] = [{"cron": "17 1 * * 1"}]


def _no_publish_check(deploy, pull_request):
    for job in deploy["jobs"].values():
        job["steps"] = [step for step in steps(job) if not PUBLISH_CHECK.search(step.get("run", ""))]


def _publish_check_ignored(deploy, pull_request):
    for job in deploy["jobs"].values():
        for step in publish_steps(job):
            step["continue-on-error"] = True


def _build_dated_by_the_commit(deploy, pull_request):
    deploy["env"] = {"SOURCE_DATE_EPOCH": "${{ github.event.head_commit.timestamp }}"}


def _pull_requests_fail_on_it(deploy, pull_request):
    for job in pull_request["jobs"].values():
        for step in publish_steps(job):
            step.pop("continue-on-error")


@pytest.mark.parametrize(
    "breaking",
    [
        _no_schedule,
        _weekly,
        _no_publish_check,
        _publish_check_ignored,
        _build_dated_by_the_commit,
        _pull_requests_fail_on_it,
    ],
    ids=lambda f: f.__name__.strip("_"),
)
def test_the_publishing_check_catches(breaking):
    deploy, pull_request = copy.deepcopy(load("deploy.yml")), copy.deepcopy(load("pull-request.yml"))
    breaking(deploy, pull_request)
    assert publishing_problems(deploy, pull_request)
