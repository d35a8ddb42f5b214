"""CONTRIBUTING.md as the tests read it: the worked examples and the messages it quotes, each a fenced block
that follows a marker comment (`<!-- example: NAME -->`, `<!-- message: NAME -->`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from macros import yamlfile
from tests.support.sitebuild import PROJECT

GUIDE = (PROJECT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def quoted_blocks(marker: str) -> dict[str, str]:
    """The fenced blocks that follow `<!-- marker: NAME -->`, by NAME, without the fence's indentation."""
    pattern = rf"^([ \t]*)<!-- {marker}: ([\w-]+) -->\n\1(`{{3,}})[\w-]*\n(.*?)\n\1\3$"
    blocks = {}
    for match in re.finditer(pattern, GUIDE, re.MULTILINE | re.DOTALL):
        indent, name, body = match.group(1), match.group(2), match.group(4)
        assert name not in blocks, f"CONTRIBUTING.md quotes {marker} {name} twice"
        blocks[name] = "\n".join(line.removeprefix(indent) for line in body.split("\n"))
    return blocks


EXAMPLES = quoted_blocks("example")
MESSAGES = quoted_blocks("message")

TRACK = "FEL-US-6M"  # the track the worked example adds its skill to


@dataclass(frozen=True)
class Example:
    """The worked example as a faculty member types it, possibly with one mistake."""

    skill: str = EXAMPLES["new-skill"] + "\n"
    entry: str = EXAMPLES["track-entry"] + "\n"
    extra_skill_lines: str = ""
    extra_track: str = ""  # a second track, appended to tracks.yaml
    epas: str = ""  # EPAs, appended to epas.yaml
    encoding: str = "utf-8"
    """How skills.yaml is saved afterwards: "cp1252" is Windows' "ANSI"."""

    def changed(self, old: str, new: str, *, in_entry: bool = False) -> Example:
        text = self.entry if in_entry else self.skill
        assert old in text, f"the worked example in CONTRIBUTING.md no longer contains {old!r}"
        return replace(self, **{"entry" if in_entry else "skill": text.replace(old, new, 1)})

    def apply(self, data: Path) -> None:
        """Step 2: add the skill at the end of skills.yaml. Step 3: add the line below the track's `skills:`."""
        append(data / "skills.yaml", self.skill + self.extra_skill_lines)
        tracks = data / "tracks.yaml"
        document = yamlfile.parse(tracks)
        record = next(r for r in document if r["id"] == TRACK)
        lines = tracks.read_text(encoding="utf-8").splitlines(keepends=True)
        lines.insert(record.key_lines["skills"], self.entry)
        tracks.write_text("".join(lines) + self.extra_track, encoding="utf-8")
        if self.epas:
            append(data / "epas.yaml", self.epas)
        skills = data / "skills.yaml"
        skills.write_bytes(skills.read_text(encoding="utf-8").encode(self.encoding))


@dataclass(frozen=True)
class Session:
    """The workshop example: a session added at the end of workshops.yaml, possibly with one mistake."""

    text: str = EXAMPLES["new-session"] + "\n"

    def changed(self, old: str, new: str) -> Session:
        assert old in self.text, f"the session example in CONTRIBUTING.md no longer contains {old!r}"
        return replace(self, text=self.text.replace(old, new))

    def apply(self, data: Path) -> None:
        # The fixture's workshop track stands in for the real one the example names (the fixture has no
        # WS-HANDS-ON); test_the_session_example_is_valid_in_the_real_data checks the example as written.
        fixture_track = next(r["id"] for r in yamlfile.parse(data / "tracks.yaml") if r["kind"] == "workshop")
        append(data / "workshops.yaml", self.text.replace(f"track: {SESSION_TRACK}", f"track: {fixture_track}"))


def append(path: Path, text: str) -> None:
    existing = path.read_text(encoding="utf-8")
    path.write_text(existing + ("" if existing.endswith("\n") else "\n") + text, encoding="utf-8")


WORKED = Example()
SKILL = yaml.safe_load(EXAMPLES["new-skill"])[0]
ENTRY = yaml.safe_load(EXAMPLES["track-entry"])[0]
SESSION_TRACK = yaml.safe_load(EXAMPLES["new-session"])[0]["track"]
