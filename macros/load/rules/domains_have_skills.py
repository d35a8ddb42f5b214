"""Every domain holds at least one skill: the catalogue and the checklists show a domain as a heading over its
skills, and an empty heading says nothing."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME
from ...problems import Problem
from ..reading import Loaded, as_list, key_of

ID = "domains-have-skills"


def check(loaded: Loaded) -> Iterator[Problem]:
    if "skills" not in loaded.documents:
        return
    used = {key_of(raw, "domain") for raw in as_list(loaded.documents["skills"])}
    domains = DATA_FILES_BY_NAME["domains"]
    for index, domain in loaded.valid["domains"]:
        if domain.id not in used:
            yield loaded.problem(
                domains,
                (index, "id"),
                f"no skill is in the domain {domain.id}: give skills in data/skills.yaml domain: {domain.id}, or "
                "remove the domain",
            )
