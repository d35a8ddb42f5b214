"""Shared fixtures: the real curriculum, a tiny fixture curriculum, and one strict build of the site."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from macros.load import load_curriculum
from sitebuild import MINI, PROJECT, build_site, copy_project

# Builds in tests use the commit's date (as `make` does) so that they are reproducible.
os.environ.setdefault(
    "SOURCE_DATE_EPOCH",
    subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=PROJECT, capture_output=True, text=True).stdout.strip()
    or "1793491200",  # 2026-11-01, for a checkout without history
)
os.environ["NO_MKDOCS_2_WARNING"] = "1"


@pytest.fixture(scope="session")
def curriculum():
    return load_curriculum(PROJECT / "data")


@pytest.fixture
def mini_data(tmp_path) -> Path:
    """A private copy of the tiny fixture curriculum, for tests that change it."""
    target = tmp_path / "data"
    shutil.copytree(MINI, target)
    return target


@dataclass(frozen=True)
class Build:
    dir: Path
    output: str  # everything MkDocs printed
    site_url: str = ""  # the address it was built for, when not mkdocs.yml's


# A fork, or the repository renamed: GitHub Pages serves it at another address, which the deploy
# workflow passes to the build as SITE_URL.
FORK_SITE_URL = "https://fork-owner.github.io/renamed-curriculum/"


@pytest.fixture(scope="session")
def site_build(tmp_path_factory) -> Build:
    """The real site, built once with `mkdocs build --strict`."""
    site_dir = tmp_path_factory.mktemp("built") / "site"
    result = build_site(PROJECT, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return Build(site_dir, result.stdout + result.stderr)


@pytest.fixture(scope="session")
def built_site(site_build) -> Path:
    return site_build.dir


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throw-away copy of the project, for builds with changed data or pages."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def preview_build(tmp_path_factory) -> Build:
    """The reviewers' preview (`make preview`), built once: opened from a folder, no server."""
    site_dir = tmp_path_factory.mktemp("preview") / "site-preview"
    result = build_site(PROJECT, site_dir, preview=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return Build(site_dir, result.stdout + result.stderr)


@pytest.fixture(scope="session")
def fork_build(tmp_path_factory) -> Build:
    """The real site built for another address (SITE_URL), as the deploy workflow builds a fork; once."""
    site_dir = tmp_path_factory.mktemp("fork") / "site"
    result = build_site(PROJECT, site_dir, env={"SITE_URL": FORK_SITE_URL})
    assert result.returncode == 0, result.stdout + result.stderr
    return Build(site_dir, result.stdout + result.stderr, site_url=FORK_SITE_URL)
