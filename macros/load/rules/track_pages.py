"""Each track has its page, `docs/tracks/<its ID in lower case>.md` (copy another track's page and change the ID in
its macro calls), and a retired track has none: its old address leads to its replacement. Checked with the
pages."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME
from ...problems import Problem
from ...urls import source_file, track_page
from ..reading import Loaded

ID = "track-pages"


def check(loaded: Loaded) -> Iterator[Problem]:
    if loaded.docs_dir is None:
        return
    tracks = DATA_FILES_BY_NAME["tracks"]
    folder = loaded.docs_dir.name
    for index, track in loaded.valid["tracks"]:
        page = source_file(track_page(track.id))
        if not (loaded.docs_dir / page).is_file():
            yield loaded.problem(
                tracks,
                (index, "id"),
                f"{track.id} has no page: copy another track's page to {folder}/{page}, change the ID in its macro "
                "calls and its text, and add it under Tracks in mkdocs.yml's nav",
            )
    retired = DATA_FILES_BY_NAME["retired"]
    for index, old in loaded.valid["retired"]:
        if old.kind.data_file != "tracks":
            continue
        page = source_file(track_page(old.id))
        if (loaded.docs_dir / page).is_file():
            yield loaded.problem(
                retired,
                (index, "id"),
                f"{old.id} is retired, so its page must go: its old address leads to {old.replaced_by}. Rename "
                f"{folder}/{page} to {folder}/{source_file(track_page(old.replaced_by))}, or delete it",
            )
