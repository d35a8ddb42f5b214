"""Helpers shared by tests and the benchmark: where the project is, and how to build it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import yaml

PROJECT = Path(__file__).resolve().parent.parent


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
