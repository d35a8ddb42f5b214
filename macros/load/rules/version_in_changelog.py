"""The curriculum's version has an entry in `data/changelog.yaml` saying what changed."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME
from ...problems import Problem
from ..reading import Loaded

ID = "version-in-changelog"


def check(loaded: Loaded) -> Iterator[Problem]:
    versions = {change.version for _, change in loaded.valid["changelog"]}
    for _, info in loaded.valid["curriculum"]:
        if "changelog" in loaded.documents and info.version not in versions:
            yield loaded.problem(
                DATA_FILES_BY_NAME["curriculum"],
                ("version",),
                f"version {info.version} has no entry in data/changelog.yaml; add one saying what changed",
            )
