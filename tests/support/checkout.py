"""A folder made into a pull request's checkout: a git repository whose base branch, origin/main, is what the folder
holds now. Changes made afterwards are the pull request's."""

from __future__ import annotations

import subprocess
from pathlib import Path

IDENTITY = ["-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false"]


def with_base_branch(repo: Path) -> Path:
    """Commit everything in `repo` into a new git repository and make that commit origin/main."""
    for step in (["init", "--quiet"], ["add", "--all"], ["commit", "--quiet", "-m", "base"]):
        subprocess.run(["git", *IDENTITY, *step], cwd=repo, check=True, capture_output=True)
    subprocess.run(["git", "update-ref", "refs/remotes/origin/main", "HEAD"], cwd=repo, check=True)
    return repo
