"""Shared fixtures: the real curriculum, a tiny fixture curriculum, and one strict build of the site."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from filelock import FileLock

from macros.load import load_curriculum
from tests.support.guide import EXAMPLES
from tests.support.published import published_project
from tests.support.sitebuild import MINI, PROJECT, build_site, copy_project

# Builds in tests use the commit's date, so that they are reproducible; `make` and the deploy use the real date.
os.environ.setdefault(
    "SOURCE_DATE_EPOCH",
    subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=PROJECT, capture_output=True, text=True).stdout.strip()
    or "1793491200",  # 2026-11-01, for a checkout without history
)
os.environ["NO_MKDOCS_2_WARNING"] = "1"
# The check prints GitHub workflow annotations when it runs in GitHub Actions; the tests that expect them say so
# (tests/test_check_command.py), and the others read the check's output as a faculty member's terminal shows it.
os.environ["GITHUB_ACTIONS"] = "false"


BUILDS = {"site_build", "built_site", "preview_build", "fork_build", "published_build", "project_copy", "preview"}
"""Fixtures that build or serve the site: a test that uses one is marked `build`."""


def pytest_collection_modifyitems(config, items):
    browser_tests = Path(__file__).parent / "browser"
    for item in items:
        if Path(item.fspath).is_relative_to(browser_tests):
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.build)
        elif BUILDS.intersection(item.fixturenames) or "build_site" in item.function.__code__.co_names:
            item.add_marker(pytest.mark.build)


@pytest.fixture(scope="session")
def curriculum():
    return load_curriculum(PROJECT / "data")


@pytest.fixture(scope="session")
def mini():
    """The tiny fixture curriculum (tests/fixtures/mini), loaded."""
    return load_curriculum(MINI)


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


def build_once(tmp_path_factory, name: str, project=lambda folder: PROJECT, **options) -> Build:
    """A strict build of the real site (or of the project `project(folder)` makes in `folder`), made once per test
    run: `make test` runs the tests in one process per core (pytest-xdist), and the first to ask builds under a
    lock while the others wait, then read the same one."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the run's folder, above each process's own
    folder, record = shared / f"shared-{name}", shared / f"shared-{name}.json"
    with FileLock(shared / f"shared-{name}.lock"):
        if not record.exists():
            result = build_site(project(folder), folder / "site", **options)
            assert result.returncode == 0, result.stdout + result.stderr
            record.write_text(json.dumps(result.stdout + result.stderr), encoding="utf-8")
    site_url = options.get("env", {}).get("SITE_URL", "")
    return Build(folder / "site", json.loads(record.read_text(encoding="utf-8")), site_url=site_url)


@pytest.fixture(scope="session")
def site_build(tmp_path_factory) -> Build:
    """The real site, built once with `mkdocs build --strict`."""
    return build_once(tmp_path_factory, "site")


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
    return build_once(tmp_path_factory, "preview", preview=True)


@pytest.fixture(scope="session")
def fork_build(tmp_path_factory) -> Build:
    """The real site built for another address (SITE_URL), as the deploy workflow builds a fork; once."""
    return build_once(tmp_path_factory, "fork", env={"SITE_URL": FORK_SITE_URL})


@pytest.fixture(scope="session")
def published_build(tmp_path_factory) -> Build:
    """The project as the academy would publish it (tests/support/published.py: a real contact, sample sessions,
    an admissions record filled in, every track reviewed), built once."""
    return build_once(
        tmp_path_factory,
        "published",
        project=lambda folder: published_project(folder / "project", EXAMPLES["admission"]),
    )
