"""pre-commit runs every hook offline and passes on the repository; a data mistake stops it.

The hooks run on a copy of the working tree (its tracked and new files) in a throw-away git
repository, so that formatting hooks never touch the real checkout. PRE_COMMIT_HOME points to an
empty folder: nothing cached from an earlier run can help, and nothing can be fetched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.support.sitebuild import PROJECT

PRE_COMMIT = PROJECT / ".venv" / "bin" / "pre-commit"
CONFIG = yaml.safe_load((PROJECT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))


def git(repo: Path, *args: str) -> str:
    identity = ["-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false"]
    done = subprocess.run(["git", *identity, *args], cwd=repo, check=True, capture_output=True, text=True)
    return done.stdout


@pytest.fixture
def repository(tmp_path) -> Path:
    """The project's files as they are now (tracked, and new but not ignored) in a fresh git repository."""
    listed = git(PROJECT, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0")
    copy = tmp_path / "repo"
    for name in filter(None, listed):
        source = PROJECT / name
        if source.is_file():  # a tracked file someone has just deleted is not copied
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)
    (copy / ".venv").symlink_to(PROJECT / ".venv")  # the hooks run the project's own tools
    git(copy, "init", "--quiet")
    git(copy, "add", "--all")
    return copy


def run_pre_commit(repo: Path, home: Path, *which: str) -> subprocess.CompletedProcess:
    offline = {**os.environ, "PRE_COMMIT_HOME": str(home), "PIP_NO_INDEX": "1", "NO_MKDOCS_2_WARNING": "1"}
    offline.pop("SKIP", None)
    return subprocess.run(
        [str(PRE_COMMIT), "run", *(which or ["--all-files"]), "--show-diff-on-failure", "--color", "never"],
        cwd=repo,
        env=offline,
        capture_output=True,
        text=True,
        errors="replace",  # --show-diff-on-failure shows a file's bytes as they are
    )


def test_every_hook_is_local_and_uses_the_projects_own_tools():
    (only,) = CONFIG["repos"]
    assert only["repo"] == "local"
    for hook in only["hooks"]:
        assert hook["language"] == "unsupported", hook["id"]
        assert hook["entry"].startswith((".venv/bin/", "sh -c")), hook["id"]


def test_pre_commit_passes_on_the_repository(repository, tmp_path):
    done = run_pre_commit(repository, tmp_path / "pre-commit-home")
    assert done.returncode == 0, done.stdout + done.stderr
    for hook in CONFIG["repos"][0]["hooks"]:
        assert hook["name"] in done.stdout  # every hook ran (or said it had no files), none was skipped


def test_pre_commit_stops_a_data_mistake(repository, tmp_path):
    skills = repository / "data" / "skills.yaml"
    skills.write_text(skills.read_text(encoding="utf-8").replace("  title:", "  titel:", 1), encoding="utf-8")
    done = run_pre_commit(repository, tmp_path / "pre-commit-home", "--files", "data/skills.yaml")
    assert done.returncode == 1
    failed = {line.split("...")[0].rstrip(".") for line in done.stdout.splitlines() if line.endswith("Failed")}
    names = {hook["id"]: hook["name"] for hook in CONFIG["repos"][0]["hooks"]}
    assert failed == {names["curriculum-check"], names["data-schemas"]}
    assert "unknown field 'titel' (did you mean 'title'?)" in done.stdout
    assert "Additional properties are not allowed ('titel' was unexpected)" in done.stdout


def test_a_file_the_check_cannot_read_gets_its_message_from_every_data_hook(repository, tmp_path):
    """Saved in Windows' "ANSI" encoding: yamllint and check-jsonschema would crash or differ on it; each data
    hook says what the check says instead (they read the file with the check's reader first)."""
    skills = repository / "data" / "skills.yaml"
    text = skills.read_text(encoding="utf-8")
    skills.write_bytes(text.replace("  title:", "  title: Évaluation,", 1).encode("cp1252"))
    line = text[: text.index("  title:")].count("\n") + 1
    done = run_pre_commit(repository, tmp_path / "pre-commit-home", "--files", "data/skills.yaml")
    assert done.returncode == 1
    failed = {line.split("...")[0].rstrip(".") for line in done.stdout.splitlines() if line.endswith("Failed")}
    names = {hook["id"]: hook["name"] for hook in CONFIG["repos"][0]["hooks"]}
    assert failed == {names["curriculum-check"], names["yamllint-data"], names["data-schemas"]}
    said = f"data/skills.yaml:{line}: record "
    assert done.stdout.count(said) == 3, done.stdout
    assert "the file is not saved as UTF-8" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr
