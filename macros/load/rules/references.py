"""Each field that names a record of another file (a skill's domain, a track's skills, a source, …) names one that
is there. A retired ID is refused with its replacement; a misspelt one with the nearest ID."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from ...model import DATA_FILES, DATA_FILES_BY_NAME, field_shapes
from ...problems import Problem
from ..reading import Loaded
from ..wording import did_you_mean

ID = "references"


def check(loaded: Loaded) -> Iterator[Problem]:
    keys = {data_file.name: loaded.keys(data_file.name) for data_file in DATA_FILES if data_file.many}
    for data_file in DATA_FILES:
        document = loaded.documents.get(data_file.name)
        raws = enumerate(document) if data_file.many and isinstance(document, list) else [(None, document)]
        for index, raw in raws:
            if loaded.is_full(data_file):
                break
            at = () if index is None else (index,)
            for path, value, ref in _references(data_file.model, raw, at):
                known = keys[ref.file]
                if known is not None and value not in known:
                    yield loaded.problem(data_file, path, why_unknown(loaded, ref.file, value, known, ref.key))


def why_unknown(loaded: Loaded, name: str, value, known: set, key: str = "id") -> str:
    """Why `value` is not a key of the data file `name`, and what to write instead."""
    target = loaded.name(DATA_FILES_BY_NAME[name])
    if key != "id":
        return f"'{value}' is not a {key} in {target} (the {key}s are {', '.join(map(str, sorted(known)))})"
    if value in loaded.retired(name):
        return f"'{value}' is retired (data/retired.yaml): write its replacement, '{loaded.retired(name)[value]}'"
    if value in loaded.renamed.get(name, {}):
        new = loaded.renamed[name][value]
        return f"'{value}' was renamed to '{new}' in this change (compared with {loaded.base.revision}): write '{new}'"
    return f"'{value}' is not an ID in {target}{did_you_mean(str(value), [str(k) for k in known])}"


def _references(model: type[BaseModel], raw, path: tuple):
    """Every (path, value, RefTo) written in a raw record, guided by its model: a record that fails
    validation elsewhere still has its references checked, so one run reports every problem."""
    if not isinstance(raw, dict):
        return
    for name, shape in field_shapes(model).items():
        if raw.get(name) is None:
            continue
        value, at = raw[name], path + (name,)
        if shape.many and not isinstance(value, list):
            continue  # not a list: its own problem says so, and what to write
        items = list(enumerate(value)) if shape.many else [(None, value)]
        for index, item in items:
            item_at = at if index is None else at + (index,)
            if shape.ref is not None and isinstance(item, (str, int)) and not isinstance(item, bool):
                yield item_at, item, shape.ref
            elif shape.nested is not None:
                yield from _references(shape.nested, item, item_at)
