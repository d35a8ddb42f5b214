"""Helpers shared by tests and the benchmark: where the project is, and how to build it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.utils.yaml import yaml_load

PROJECT = Path(__file__).resolve().parents[2]
MINI = PROJECT / "tests" / "fixtures" / "mini"  # the tiny fixture curriculum


def mkdocs_yml(project: Path = PROJECT) -> dict:
    """The project's mkdocs.yml as MkDocs reads it: !ENV tags resolved from the environment (plain YAML
    cannot read them), before MkDocs fills in its defaults."""
    with open(project / "mkdocs.yml", encoding="utf-8") as config:
        return yaml_load(config)


def site_url(project: Path = PROJECT) -> str:
    """The address a build of the project is for: site_url in its mkdocs.yml (the SITE_URL environment
    variable, when set, overrides it), ending with a slash as MkDocs writes it."""
    url = mkdocs_yml(project)["site_url"]
    return url if url.endswith("/") else url + "/"


def site_prefix() -> str:
    """The path GitHub Pages serves the site under: the path of site_url."""
    return urlsplit(site_url()).path


def academy_contact() -> str:
    """The academy's address (extra.academy.contact in mkdocs.yml), where the pages' enquiry links write to."""
    return mkdocs_yml()["extra"]["academy"]["contact"]


def build_site(
    project: Path, site_dir: Path, preview: bool = False, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """Run the project's strict build (scripts/build.py) for `project` into `site_dir`: the published site,
    or with `preview` the copy reviewers open from a folder. `env` adds to the environment (e.g. SITE_URL)."""
    return subprocess.run(
        [sys.executable, str(project / "scripts" / "build.py"), *(["--preview"] if preview else []), str(site_dir)],
        cwd=project,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
    )


def copy_project(target: Path) -> Path:
    """Copy what a build needs (config, data, pages, code, templates) into `target`, to change and build there."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "mkdocs.preview.yml", "data", "docs", "macros", "overrides", "scripts"):
        source = PROJECT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    return target
