"""Every rotation is used: a block of some track's `structure` is spent on it. A rotation no track uses is a service
the site describes without a place in the training."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME
from ...problems import Problem
from ..reading import Loaded, as_list, key_of

ID = "rotations-used"


def check(loaded: Loaded) -> Iterator[Problem]:
    if "tracks" not in loaded.documents:
        return
    used = {
        key_of(block, "rotation")
        for raw in as_list(loaded.documents["tracks"])
        if isinstance(raw, dict)
        for block in as_list(raw.get("structure"))
    }
    rotations = DATA_FILES_BY_NAME["rotations"]
    for index, rotation in loaded.valid["rotations"]:
        if rotation.id not in used:
            yield loaded.problem(
                rotations,
                (index, "id"),
                f"no track spends a block on {rotation.id}: name it as a block's rotation in data/tracks.yaml, or "
                "remove it",
            )
