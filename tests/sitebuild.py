"""Helpers shared by tests and the benchmark: where the project is, and how to build it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import yaml

PROJECT = Path(__file__).resolve().parent.parent
MINI = PROJECT / "tests" / "fixtures" / "mini"  # the tiny fixture curriculum


def site_prefix() -> str:
    """The path GitHub Pages serves the site under, taken from site_url in mkdocs.yml."""
    config = yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))
    return urlsplit(config["site_url"]).path


def build_site(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """Run the project's strict build (scripts/build.py) for `project` into `site_dir`."""
    return subprocess.run(
        [sys.executable, str(project / "scripts" / "build.py"), str(site_dir)],
        cwd=project,
        capture_output=True,
        text=True,
    )


def copy_project(target: Path) -> Path:
    """Copy what a build needs (config, data, pages, code, templates) into `target`, to change and build there."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "data", "docs", "macros", "overrides", "scripts"):
        source = PROJECT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    return target
