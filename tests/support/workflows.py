"""The project's GitHub workflows as the tests read them: jobs, their steps, and what each step runs or uses."""

from __future__ import annotations

import yaml

from tests.support.sitebuild import PROJECT

WORKFLOWS = PROJECT / ".github" / "workflows"
DEPENDABOT = PROJECT / ".github" / "dependabot.yml"
TEST_COMMANDS = (".ci/run", "make test")  # the README's test command, and the script CI runs it with
BUILD_COMMANDS = ("make build", "scripts/build.py")


def load(name: str) -> dict:
    # YAML 1.1 reads the key `on` as True; GitHub reads it as "on".
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def uses(step: dict, action: str) -> bool:
    return step.get("uses", "").split("@")[0] == action


def runs(step: dict, commands) -> bool:
    return any(command in step.get("run", "") for command in commands)


def needs(job: dict) -> list[str]:
    value = job.get("needs", [])
    return [value] if isinstance(value, str) else value


def before(jobs: dict, name: str) -> list[str]:
    """The jobs that must succeed before `name` starts (its needs, and theirs)."""
    found: list[str] = []
    for needed in needs(jobs[name]):
        for job in [*before(jobs, needed), needed]:
            if job not in found:
                found.append(job)
    return found
