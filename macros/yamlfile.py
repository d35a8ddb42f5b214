"""Reading one data file into plain values that remember their lines, or refusing it with one clear sentence.

Every tool reads data files through here: the check, the build and its live preview, pre-commit and the
curriculum diff. So they accept and refuse the same files, with the same words.

The file is read as YAML 1.2, the YAML the editor and the schema check (check-jsonschema, with ruamel.yaml)
read, so that a value means the same to all of them: `yes`, `no`, `on` and `off` are text, `012` is twelve,
`1:30` is text and a date is text that the models check (an impossible date is a problem in its field, not
a crash). PyYAML's default, YAML 1.1, differs on each of these.

A file is refused before any of its values is looked at when it is not UTF-8 (a byte-order mark is fine),
holds control characters or invisible line separators, has a tab outside quoted text and comments, or could
have been built to exhaust time or memory: an alias (`*name`, which repeats another part of the file and is
how a "billion laughs" file grows), more than MAX_DEPTH levels of nesting, or more than MAX_BYTES.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import yaml

MAX_BYTES = 10_000_000
"""Far above any real data file (the largest is under 100 kB; the benchmark's 100-fold curriculum under 7 MB)."""
MAX_DEPTH = 20
"""Lists and records inside each other; the data needs 5 (a track's blocks' durations)."""
MAX_VALUES = 500_000
"""Texts, numbers, lists and records in one file: the real skills file has about 2,500, the benchmark's 100-fold
one about 250,000. A file of a million tiny values would take a minute to read: it is refused at this count."""


class Mapping(dict):
    """A YAML mapping that knows its own line and the line of each key (1-based)."""

    line: int
    key_lines: dict


class Sequence(list):
    """A YAML sequence that knows its own line and the line of each item (1-based)."""

    line: int
    item_lines: list


class Unreadable(Exception):
    """The file cannot be read as data. `line` is where (1-based); `field` the field written there, if known."""

    def __init__(self, line: int, message: str, field: str = "", record: str = ""):
        super().__init__(message)
        self.line, self.message, self.field, self.record = line, message, field, record


def parse(path: Path, key: str = "", fields: frozenset[str] = frozenset()):
    """Read one data file. Raises Unreadable. `key` names the field that identifies a record (e.g. "id"), so
    that a problem can name its record; `fields` are the field names the file may hold, so that a line with
    a missing colon can be told from one with wrong indentation."""
    return parse_bytes(Path(path).read_bytes(), key, fields)


def parse_bytes(data: bytes, key: str = "", fields: frozenset[str] = frozenset()):
    """Read a data file's bytes (from disk or from git). Raises Unreadable."""
    if len(data) > MAX_BYTES:
        raise Unreadable(
            1,
            f"the file is {len(data) / 1e6:.1f} MB; a data file may be at most {MAX_BYTES // 1_000_000} MB. "
            "Check that this is the right file",
        )
    # Windows and old Mac line endings read as they look: the lines are the lines an editor shows.
    lines = data.decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    try:
        _check_encoding(data)
        text = "\n".join(lines).removeprefix("\ufeff")  # a byte-order mark, as Windows Notepad writes, is fine
        _check_characters(text)
        _check_conflict_markers(text)
        _check_tabs(text)
        return _build(text, fields)
    except Unreadable as problem:
        if not problem.field:
            problem.field = _field_on(lines, problem.line)
        if key and not problem.record:
            problem.record = _record_around(lines, problem.line, key)
        raise


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


# -- the bytes and characters ------------------------------------------------------------------

_SAVE_AS_UTF8 = "Save the file as UTF-8 (in Windows Notepad: File, Save as, Encoding: UTF-8)"


def _check_encoding(data: bytes) -> None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise Unreadable(1, f'the file is saved as UTF-16 (Windows calls it "Unicode"), not UTF-8. {_SAVE_AS_UTF8}')
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        byte = data[error.start]
        guess = bytes([byte]).decode("cp1252", errors="replace")
        raise Unreadable(
            line,
            f"the file is not saved as UTF-8: this line has the byte 0x{byte:02X} ('{guess}' in the Windows "
            f"encoding, ANSI), which UTF-8 cannot read. {_SAVE_AS_UTF8}, or retype the character in GitHub's editor",
        ) from None


# What YAML does not allow in a file (as PyYAML's and ruamel.yaml's readers), and the line separators that
# YAML 1.1 and 1.2 read differently. They are invisible, and usually come with text pasted from elsewhere.
_NOT_ALLOWED = re.compile("[^\t\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_PASTED = "it usually comes with text pasted from a PDF or a word processor"
_CHARACTER_NAMES = {
    "\x00": ("a NUL character (U+0000)", "it usually means the file is damaged or is not a text file"),
    "\x0b": ("an invisible line break (U+000B)", "Word makes one with Shift+Enter"),
    "\u2028": ("an invisible line separator (U+2028)", _PASTED),
    "\u2029": ("an invisible paragraph separator (U+2029)", _PASTED),
}


def _check_characters(text: str) -> None:
    found = _NOT_ALLOWED.search(text)
    if found is None:
        return
    char = found.group(0)
    line, column = _position(text, found.start())
    what, why = _CHARACTER_NAMES.get(char, (f"an invisible control character (U+{ord(char):04X})", _PASTED))
    raise Unreadable(line, f"{what} at column {column}; {why}. Delete it")


_CONFLICT = re.compile(r"^(<{7}|={7}|>{7})(?: .*)?$", re.MULTILINE)


def _check_conflict_markers(text: str) -> None:
    """Lines git writes when two branches changed the same lines, and GitHub's conflict editor shows: `<<<<<<<` opens
    one version, `=======` separates it from the other, `>>>>>>>` closes it. No data file has such a line."""
    found = _CONFLICT.search(text)
    if found is None:
        return
    line = text.count("\n", 0, found.start()) + 1
    marker = found.group(0).strip()
    markers = {text.count("\n", 0, m.start()) + 1: m.group(1)[0] for m in _CONFLICT.finditer(text)}
    where = ", ".join(f"'{kind * 7}' at line {at}" for at, kind in markers.items() if at != line)
    raise Unreadable(
        line,
        f"'{marker}' is a leftover merge-conflict marker: two versions of the same lines are both in the file, "
        f"marked by '<<<<<<<', '=======' and '>>>>>>>'{f' ({where})' if where else ''}. Keep the lines you want, "
        "then delete the other version and every marker line",
    )


def _check_tabs(text: str) -> None:
    """A tab is allowed only inside quoted text, block text (| or >) and comments, as the editor allows it."""
    if "\t" not in text:
        return
    allowed = []  # (start, end) offsets of quoted and block scalars
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):  # pure Python: exact offsets; only files with a tab
            if isinstance(token, yaml.ScalarToken) and token.style:
                allowed.append((token.start_mark.index, token.end_mark.index))
    except yaml.YAMLError:
        pass  # a syntax error further on; the tabs before it are judged on what was scanned
    for tab in re.finditer("\t", text):
        at = tab.start()
        if any(start <= at < end for start, end in allowed) or _in_comment(text, at, allowed):
            continue
        line, column = _position(text, at)
        raise Unreadable(
            line,
            f"a tab character at column {column}; YAML allows tabs only inside quoted text. "
            "Replace it with spaces (two for each level of indentation)",
        )


def _in_comment(text: str, at: int, allowed: list[tuple[int, int]]) -> bool:
    line_start = text.rfind("\n", 0, at) + 1
    for hash_mark in (m.start() + line_start for m in re.finditer("#", text[line_start:at])):
        before = text[hash_mark - 1] if hash_mark > line_start else " "
        if before in " \t" and not any(start <= hash_mark < end for start, end in allowed):
            return True
    return False


def _position(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


# -- YAML 1.2 values ---------------------------------------------------------------------------

# The implicit types of YAML 1.2 as ruamel.yaml resolves them (its resolver.py), which is what the editor and
# check-jsonschema see. Dates have no implicit type here: check-jsonschema reads them as text too.
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_INT = re.compile(r"^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$")
_FLOAT = re.compile(
    r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
    |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
    |[-+]?\.(?:inf|Inf|INF)
    |\.(?:nan|NaN|NAN))$""",
    re.VERBOSE,
)
_TAG = "tag:yaml.org,2002:"


def _plain(value: str):
    if _NULL.match(value):
        return None
    if _BOOL.match(value):
        return value[0] in "tT"
    try:
        if _INT.match(value):
            return _int(value)
        if _FLOAT.match(value):
            return _float(value)
    except (ValueError, IndexError):  # underscores only, such as `_` or `0x_`: ruamel.yaml crashes; here, text
        pass
    return value


def _int(value: str) -> int:
    digits = value.replace("_", "")
    sign = -1 if digits[0] == "-" else 1
    digits = digits.lstrip("+-")
    base = {"0b": 2, "0x": 16, "0o": 8}.get(digits[:2], 10)
    return sign * int(digits[2:] if base != 10 else digits, base)


def _float(value: str) -> float:
    digits = value.replace("_", "").lower()
    sign = -1.0 if digits[0] == "-" else 1.0
    digits = digits.lstrip("+-")
    if digits == ".inf":
        return sign * math.inf
    if digits == ".nan":
        return math.nan
    return sign * float(digits)


def _scalar(event: yaml.ScalarEvent):
    tag, value = event.tag, event.value
    if tag is None and event.implicit[0]:  # plain: its type is read from how it looks
        if value == "=":
            raise _at(event, "a lone '=' cannot be read as a value. Put it in quotes: '='")
        return _plain(value)
    if tag in (None, "!", _TAG + "str", _TAG + "timestamp"):
        return value
    try:
        made = {_TAG + "int": _int, _TAG + "float": _float, _TAG + "bool": _plain, _TAG + "null": _plain}[tag](value)
    except (KeyError, ValueError, IndexError):
        raise _at(event, f"the tag '{tag.replace(_TAG, '!!')}' cannot be used here; remove it") from None
    if tag == _TAG + "bool" and not isinstance(made, bool) or tag == _TAG + "null" and made is not None:
        raise _at(event, f"'{value}' is not a {tag.replace(_TAG, '')}; remove the tag or the value")
    return made


def _at(event, message: str) -> Unreadable:
    return Unreadable(event.start_mark.line + 1, message)


# -- building the values from the parser's events ----------------------------------------------


class _Building:
    """A mapping or sequence whose items are still arriving."""

    def __init__(self, node, flow: bool = False):
        self.node = node
        self.key = _NO_KEY
        self.merged: list[Mapping] = []
        self.flow = flow
        """Written inside { } or [ ], where a comma ends a value."""
        self.last: tuple | None = None
        """(key, event) of the last value placed, when it was a plain number: `amount: 4,50,000` inside { } reads
        as amount: 4 and then the keys 50 and 000."""


_NO_KEY = object()
_MERGE = object()
"""The YAML merge key `<<` (written plain): the fields of the record after it are copied into its record."""


def _build(text: str, fields: frozenset[str]):
    """The one document in `text`, built from libyaml's events (no recursion, so no depth can crash it)."""
    stack: list[_Building] = []
    documents = values = 0
    root = None
    try:
        for event in yaml.parse(text, Loader=_Parser):
            if isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)):
                values += 1
                if values > MAX_VALUES:
                    raise _at(
                        event,
                        f"the file holds more than {MAX_VALUES:,} values (texts, numbers, lists and records) by "
                        "this line; curriculum data is far smaller. Check that this is the right file",
                    )
            if isinstance(event, yaml.AliasEvent):
                raise _at(
                    event,
                    f"'*{event.anchor}' repeats another part of the file (a YAML alias); curriculum data does not use "
                    "aliases, so that no file can grow out of bounds. Write the value out in full",
                )
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise _at(event, "a second YAML document starts here (a line '---'). Remove that line")
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                if len(stack) >= MAX_DEPTH:
                    raise _at(
                        event,
                        f"lists and records are nested more than {MAX_DEPTH} levels deep here. "
                        "Check the brackets and the indentation",
                    )
                if event.tag not in (None, "!", _TAG + "map", _TAG + "seq"):
                    raise _at(event, f"the tag '{event.tag.replace(_TAG, '!!')}' cannot be used here; remove it")
                node = Mapping() if isinstance(event, yaml.MappingStartEvent) else Sequence()
                node.line = event.start_mark.line + 1
                if isinstance(node, Mapping):
                    node.key_lines = {}
                else:
                    node.item_lines = []
                root = _place(stack, node, event, root)
                stack.append(_Building(node, flow=bool(event.flow_style)))
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                _merge(stack.pop())
            elif isinstance(event, yaml.ScalarEvent):
                root = _place(stack, _scalar(event), event, root, text)
    except yaml.MarkedYAMLError as error:
        raise _syntax_problem(error, text, fields) from None
    except yaml.YAMLError as error:
        raise Unreadable(1, f"YAML cannot read the file: {error}") from None
    return root


def _place(stack: list[_Building], value, event, root, text: str = ""):
    """Put a new value where it belongs: the document itself, the next item of a list, a key or a value."""
    if not stack:
        return value
    parent, line = stack[-1], event.start_mark.line + 1
    if isinstance(parent.node, Sequence):
        parent.node.append(value)
        parent.node.item_lines.append(line)
    elif parent.key is _NO_KEY:
        if isinstance(value, (Mapping, Sequence)):
            raise _at(event, "a field name must be plain text, not a list or a record")
        if parent.flow and parent.last and isinstance(value, int) and event.implicit[0]:
            raise _grouped_number(parent.last, text)
        if value == "<<" and event.tag is None and event.implicit[0]:
            value = _MERGE
        if value in parent.node or (value is _MERGE and parent.merged):
            raise _at(event, f"the key '{'<<' if value is _MERGE else value}' is written twice in the same record")
        parent.key = value
        parent.node.key_lines[value] = line
    else:
        if parent.key is _MERGE:
            records = value if isinstance(value, Sequence) else [value]
            if not all(isinstance(record, Mapping) for record in records):
                raise _at(event, "'<<' (a YAML merge key) must be followed by a record. Write the fields out instead")
            parent.merged = records
            del parent.node.key_lines[_MERGE]
        else:
            parent.node[parent.key] = value
        plain_number = isinstance(value, int) and not isinstance(value, bool) and getattr(event, "implicit", (0,))[0]
        parent.last = (parent.key, event) if plain_number else None
        parent.key = _NO_KEY
    return root


def _grouped_number(last: tuple, text: str) -> Unreadable:
    """`amount: 4,50,000` inside { }: the commas end the number, and 50 and 000 become fields of their own."""
    key, event = last
    written = re.match(r"\d+(?:\s*,\s*\d+)+", text[event.start_mark.index :]).group(0)
    digits = re.sub(r"\D", "", written)
    groups = [part.strip() for part in written.split(",")[1:]]
    return Unreadable(
        event.start_mark.line + 1,
        f"'{key}: {written}' is inside {{ }}, where a comma starts the next field, so it reads as {key}: "
        f"{event.value} followed by fields named {', '.join(groups[:-1]) + ' and ' if groups[:-1] else ''}{groups[-1]}. Write "
        f'{key}: {digits}, without commas, or put the amount in quotes: {key}: "{written}"',
        field=str(key),
    )


def _merge(done: _Building) -> None:
    """Fields written in the record itself win over merged ones, as YAML's merge key says."""
    for merged in done.merged:
        for key, value in merged.items():
            if key not in done.node:
                done.node[key] = value
                done.node.key_lines[key] = merged.key_lines[key]


class _Parser(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when available: ten times faster
    """Only its events are used; values are built by _build."""


# -- syntax errors, said for faculty -------------------------------------------------------------

_YAML_HINT = "Check the indentation, and put text that contains a colon followed by a space in quotes."
_FIELD_LINE = re.compile(r"^\s*(?:- )?([A-Za-z_][\w-]*):(?:\s|$)")
_MISSING_COLON = re.compile(r"^(\s*(?:- )?)([a-z_]+) +(\S.*)$")


# Errors noticed after the line where the mistake is: said at the line where the construct started.
_STARTED_HERE = {
    "while scanning a simple key": "",
    "while parsing a flow sequence": "a list opened with '[' on this line is not closed with ']'. Close it, "
    "or put text that starts with '[' in quotes",
    "while parsing a flow mapping": "a record opened with '{' on this line is not closed with '}'. Close it, "
    "or put text that starts with '{' in quotes",
    "while scanning a quoted scalar": "the quoted text that starts on this line has no closing quote. End it "
    "with the quote mark it starts with",
}


def _syntax_problem(error: yaml.MarkedYAMLError, text: str, fields: frozenset[str]) -> Unreadable:
    lines = text.split("\n")
    problem = error.problem or ""
    if error.context in _STARTED_HERE and error.context_mark is not None:
        line = error.context_mark.line + 1
        # A key was expected here and no colon came: `title Ultrasound…`.
        if error.context == "while scanning a simple key" and (missing := _missing_colon(lines, line, fields)):
            return missing
        return Unreadable(line, f"YAML syntax error: {_STARTED_HERE[error.context] or problem + '. ' + _YAML_HINT}")
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    empty = next((number for number, text in enumerate(lines, 1) if text.strip() == "[]"), None)
    if empty is not None and empty < line:  # records added below the `[]` that stood for "none yet"
        return Unreadable(empty, "'[]' means the file holds no records: delete this line now that records follow it")
    if problem.startswith("mapping values are not allowed") and 1 < line <= len(lines):
        # `- id US-X` followed by `  title: …` in line with it: the colon is missing on the line above.
        above = _missing_colon(lines, line - 1, fields)
        if above and _content_column(lines[line - 2]) == _content_column(lines[line - 1]):
            return above
        if found := _colon_in_text(lines, line, mark.column) or _indented_further(lines, line):
            return found
    if problem in _OUT_OF_LINE and 1 <= line <= len(lines) and (found := _out_of_line(lines, line)):
        return found
    return Unreadable(line, f"YAML syntax error: {problem or error.context}. {_YAML_HINT}")


# -- what the indentation of a line says ---------------------------------------------------------

_OUT_OF_LINE = {"did not find expected '-' indicator", "did not find expected key"}
"""What YAML says when a line does not line up with the list items or the fields around it."""
_PLAIN_VALUE = re.compile(r"^\s*(?:- )?[A-Za-z_][\w-]*:\s+[^\s\[{|>&*!'\"#]")


def _spaces(count: int) -> str:
    return "no space" if count == 0 else "1 space" if count == 1 else f"{count} spaces"


def _indent_it(count: int, what: str = "it") -> str:
    return f"Start {what} at the left edge" if count == 0 else f"Indent {what} by {_spaces(count)}"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _content_lines_above(lines: list[str], line: int):
    """(number, text) of the lines above `line` that hold something, nearest first (comments and blanks skipped)."""
    for number in range(line - 1, 0, -1):
        text = lines[number - 1]
        if text.strip() and not text.lstrip().startswith("#"):
            yield number, text


def _colon_in_text(lines: list[str], line: int, column: int) -> Unreadable | None:
    """`title: Pudendal block: ultrasound-guided`: a colon and a space inside the value start another field."""
    text = lines[line - 1]
    field = _FIELD_LINE.match(text)
    if field is None or column <= field.end(1):
        return None
    value = text[field.end() :].strip()
    mark = "'" if '"' in value else '"'
    return Unreadable(
        line,
        f"the text after '{field.group(1)}:' holds a colon followed by a space, which YAML reads as the start of "
        f"another field. Put the whole text in quotes: {field.group(1)}: {mark}{value}{mark}",
        field=field.group(1),
    )


def _indented_further(lines: list[str], line: int) -> Unreadable | None:
    """`   domain: US` below `  title: …`: indented further than the field above, it reads as more of its text."""
    text, field = lines[line - 1], _FIELD_LINE.match(lines[line - 1])
    above = next(_content_lines_above(lines, line), None)
    if field is None or above is None or not _PLAIN_VALUE.match(above[1]):
        return None
    name, above_name = field.group(1), _FIELD_LINE.match(above[1]).group(1)
    here, there = _content_column(text), _content_column(above[1])
    if here <= there:
        return None
    return Unreadable(
        line,
        f"'{name}:' is indented further than '{above_name}:' on the line above ({here} spaces, not {there}), so YAML "
        f"reads it as more of the text of {above_name}. {_indent_it(there)}, like {above_name}",
        field=name,
    )


def _out_of_line(lines: list[str], line: int) -> Unreadable | None:
    """A list item or a field that does not line up with the items or fields above it."""
    text = lines[line - 1]
    here = _indent(text)
    if text.lstrip().startswith("-"):
        item = next(((n, t) for n, t in _content_lines_above(lines, line) if t.lstrip().startswith("- ")), None)
        if item is None or _indent(item[1]) == here:
            return None
        there = _indent(item[1])
        return Unreadable(
            line,
            f"this list item is indented by {_spaces(here)}, but the item above it (line {item[0]}) "
            f"{'is not' if there == 0 else 'by ' + _spaces(there)}: the items of a list line up. "
            f"{_indent_it(there, chr(39) + '-' + chr(39))}, like the one above",
        )
    field = _FIELD_LINE.match(text)
    above = next(((n, t) for n, t in _content_lines_above(lines, line) if _FIELD_LINE.match(t)), None)
    if field is None or above is None or _content_column(above[1]) == here:
        return None
    name, above_name, there = field.group(1), _FIELD_LINE.match(above[1]).group(1), _content_column(above[1])
    return Unreadable(
        line,
        f"'{name}:' is indented by {_spaces(here)}, but '{above_name}:' above it (line {above[0]}) "
        f"{'is not' if there == 0 else 'by ' + _spaces(there)}: the fields of a record line up. {_indent_it(there)}, like {above_name}, or like the "
        "fields of the record it belongs to",
        field=name,
    )


def _content_column(line: str) -> int:
    return len(line) - len(line.lstrip(" -"))


def _missing_colon(lines: list[str], line: int, fields: frozenset[str]) -> Unreadable | None:
    """`title Ultrasound…` (a field name, a space, a value) where `title: Ultrasound…` was meant."""
    match = _MISSING_COLON.match(lines[line - 1]) if 1 <= line <= len(lines) else None
    if match is None or match.group(2) not in fields:
        return None
    indent, name, value = match.groups()
    return Unreadable(
        line,
        f"'{lines[line - 1].strip()}' has no colon after the field name. Write '{indent.lstrip()}{name}: {value}'",
        field=name,
    )


def _field_on(lines: list[str], line: int) -> str:
    match = _FIELD_LINE.match(lines[line - 1]) if 1 <= line <= len(lines) else None
    return match.group(1) if match else ""


def _record_around(lines: list[str], line: int, key: str) -> str:
    """The record a line belongs to in a list of records: the nearest `- key: VALUE` at the left edge above."""
    start = re.compile(rf"^- {re.escape(key)}:\s*['\"]?([^'\"#\s]+)")
    for text in reversed(lines[: min(line, len(lines))]):
        if match := start.match(text):
            return match.group(1)
        if text.startswith("- "):
            return ""
    return ""
