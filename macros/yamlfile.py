"""YAML parsing that remembers where each value was written, so every problem can name its line."""

from __future__ import annotations

from pathlib import Path

import yaml


class Mapping(dict):
    """A YAML mapping that knows its own line and the line of each key (1-based)."""

    line: int
    key_lines: dict


class Sequence(list):
    """A YAML sequence that knows its own line and the line of each item (1-based)."""

    line: int
    item_lines: list


class DuplicateKey(yaml.MarkedYAMLError):
    pass


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when available: ten times faster
    """Safe YAML (no Python objects) that records lines and refuses a key written twice in a mapping."""

    def construct_mapping(self, node, deep=False):
        mapping = Mapping()
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        self.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in mapping:
                raise DuplicateKey(
                    None, None, f"the key '{key}' is written twice in the same record", key_node.start_mark
                )
            mapping[key] = self.construct_object(value_node, deep=True)
            mapping.key_lines[key] = key_node.start_mark.line + 1
        return mapping

    def construct_sequence(self, node, deep=False):
        sequence = Sequence(self.construct_object(child, deep=True) for child in node.value)
        sequence.line = node.start_mark.line + 1
        sequence.item_lines = [child.start_mark.line + 1 for child in node.value]
        return sequence


_Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _Loader.construct_sequence)


def parse(path: Path):
    """Parse one YAML file. Raises yaml.YAMLError (with a mark) on bad syntax."""
    with path.open(encoding="utf-8") as stream:
        return yaml.load(stream, Loader=_Loader)  # noqa: S506 - _Loader is a safe loader


def line_of(document, path: tuple) -> int:
    """The line of the value at `path` inside `document`, or of the nearest enclosing value that exists."""
    node, line = document, getattr(document, "line", 1)
    for step in path:
        if isinstance(node, Mapping) and step in node:
            line, node = node.key_lines[step], node[step]
        elif isinstance(node, Sequence) and isinstance(step, int) and 0 <= step < len(node):
            line, node = node.item_lines[step], node[step]
        else:
            break
    return line
