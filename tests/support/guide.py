"""CONTRIBUTING.md as the tests read it: the worked examples and the messages it quotes, each a fenced block
that follows a marker comment (`<!-- example: NAME -->`, `<!-- message: NAME -->`)."""

from __future__ import annotations

import re

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
