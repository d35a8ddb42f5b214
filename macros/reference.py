"""The data reference, read from the code that checks the data: every field of every data file, what may be
written in it (each type's Meaning, macros/model/values.py), whether it is required, and what it means (the
field's docstring); then every rule across records (macros/load/rules/, each rule's docstring). Rendered on
the faculty pages by Renderer.data_reference, so the reference cannot drift from the check."""

from __future__ import annotations

import enum
import itertools
import re
import typing
from dataclasses import dataclass

from pydantic import BaseModel

from .load.rules import RULES
from .model import DATA_FILES, DATA_FILES_BY_NAME, Meaning, RefTo, field_shape


@dataclass(frozen=True)
class Part:
    """A piece of a sentence: prose, or something typed exactly as shown (`code`), perhaps linked."""

    text: str
    code: bool = False
    anchor: str | None = None
    """Links the piece to this section of the reference."""
    space_before: bool = True
    example: bool = False
    """Part of an example ("e.g. 250000"), not a fact: shown as one and left out of search."""


Words = tuple[Part, ...]


@dataclass(frozen=True)
class FieldDoc:
    name: str
    required: bool
    what: Words
    """What may be written: the type and the allowed values, in words."""
    description: Words


@dataclass(frozen=True)
class RecordDoc:
    anchor: str
    heading: str
    intro: Words
    fields: tuple[FieldDoc, ...]


# What a faculty member types exactly as shown, in descriptions: shown as code, never read as prose.
TYPED = re.compile(
    r"""`(?P<quoted>[^`]+)`                               # marked in the text itself
    | https://\S*
    | (?:data|docs|schemas)/(?:<[^>]*>|[\w/-]|\.(?=\w))+  # a path, e.g. docs/tracks/<id in lower case>.md
    | \b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+\b                  # an ID or a form, e.g. US-LUMB-FACET, YYYY-MM-DD
    | \b\d{4}-\d{2}-\d{2}\b                              # a date
    | \b[a-z]+(?:_[a-z]+)+\b                             # a field name, e.g. last_reviewed
    """,
    re.VERBOSE,
)
# "e.g." and the example after it, up to the end of its clause; quoted text is one example whatever it holds.
EXAMPLE = re.compile(r'\be\.g\. (?:"[^"]*"|`[^`]*`|[^;),"`])+?(?=[;),]|\.(?:\s|$)|$)')


def words(text: str) -> Words:
    """Text split into prose and the typed values in it, remembering where the spaces were. What follows "e.g." is
    marked as an example, so that no reader takes a made-up fee or selection step for the academy's."""
    parts: list[Part] = []
    cuts = [0, *(at for example in EXAMPLE.finditer(text) for at in example.span()), len(text)]
    for index, (start, end) in enumerate(itertools.pairwise(cuts)):
        example, done = index % 2 == 1, start
        for match in TYPED.finditer(text, start, end):
            parts += _prose(text, done, match.start(), first=not parts, example=example)
            typed = match.group("quoted") or match.group(0)
            space = not parts or text[match.start() - 1].isspace()
            parts.append(Part(typed, code=True, space_before=space, example=example))
            done = match.end()
        parts += _prose(text, done, end, first=not parts, example=example)
    return tuple(parts)


def _prose(text: str, start: int, end: int, first: bool, example: bool) -> list[Part]:
    piece = text[start:end]
    if not piece.strip():
        return []
    space = first or piece[0].isspace() or (start > 0 and text[start - 1].isspace())
    return [Part(piece.strip(), space_before=space, example=example)]


@dataclass(frozen=True)
class RuleDoc:
    id: str
    says: Words


def file_anchor(name: str) -> str:
    return f"file-{name.replace('_', '-')}"


def record_anchor(model: type[BaseModel]) -> str:
    return f"record-{model.__name__.lower()}"


def record_docs() -> list[RecordDoc]:
    """One section per data file, in the order of DATA_FILES, each followed by the records nested in it."""
    sections, shown = [], set()
    for data_file in DATA_FILES:
        intro = f"{data_file.purpose} The file holds {'a list of records' if data_file.many else 'one record'}."
        if data_file.key:
            intro += f" Each record is known by its `{data_file.key}`, which must be unique."
        heading = f"data/{data_file.file_name}"
        sections.append(RecordDoc(file_anchor(data_file.name), heading, words(intro), _fields(data_file.model)))
        places: dict[type[BaseModel], list[str]] = {}
        for model, path in _nested(data_file.model, ()):
            if model not in shown:
                places.setdefault(model, []).append(" → ".join(f"`{name}`" for name in path))
        for model, where in places.items():
            shown.add(model)
            intro = words(f"Written in `{heading}` under {', '.join(where)}.")
            sections.append(RecordDoc(record_anchor(model), _title(model), intro, _fields(model)))
    return sections


def rule_docs() -> list[RuleDoc]:
    """Each rule across records, in the order the check applies them: its ID and what it asks, in its words."""
    return [RuleDoc(rule.ID, words(" ".join(rule.__doc__.split()))) for rule in RULES]


def _title(model: type[BaseModel]) -> str:
    """`TrackSkill` -> "Track skill"."""
    return "".join(f" {c.lower()}" if c.isupper() else c for c in model.__name__).strip().capitalize()


def _nested(model: type[BaseModel], path: tuple[str, ...]) -> list[tuple[type[BaseModel], tuple[str, ...]]]:
    """Record types written inside `model`, depth first, each with the fields that lead to it."""
    found = []
    for name, field in model.model_fields.items():
        inner = field_shape(field).nested
        if inner is not None:
            found.append((inner, path + (name,)))
            found += _nested(inner, path + (name,))
    return found


def _fields(model: type[BaseModel]) -> tuple[FieldDoc, ...]:
    return tuple(
        FieldDoc(name, field.is_required(), _what(field.annotation, field.metadata), words(field.description or ""))
        for name, field in model.model_fields.items()
    )


def _what(annotation, metadata=()) -> Words:
    """Describe what a field may hold. Constraints apply at their own level: a list's length, an item's text."""
    metadata = list(metadata)
    while typing.get_origin(annotation) is typing.Annotated:
        metadata += annotation.__metadata__
        annotation = typing.get_args(annotation)[0]
    limits = _limits(metadata)
    ref = next((m for m in metadata if isinstance(m, RefTo)), None)
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)

    if origin in {typing.Union, _UnionType}:
        (inner,) = [arg for arg in args if arg is not type(None)]
        return _what(inner, metadata)
    if origin is list:
        first, *rest = _what(args[0])
        each = Part(f"{_list(limits.get('min_length'))}, each: {first.text[0].lower()}{first.text[1:]}")
        return (each, *rest)
    if ref is not None:
        target = DATA_FILES_BY_NAME[ref.file]
        noun = "An ID" if ref.key == "id" else f"A {ref.key}"
        return (Part(f"{noun} from"), Part(f"data/{target.file_name}", code=True, anchor=file_anchor(target.name)))
    if origin is typing.Literal:
        return _one_of(args)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return _one_of([member.value for member in annotation])
    if _is_record(annotation):
        return (Part("A record with the fields of"), Part(_title(annotation), anchor=record_anchor(annotation)))
    meaning = next((m for m in reversed(metadata) if isinstance(m, Meaning)), None)
    if meaning is not None:
        longest = limits.get("max_length")
        return words(meaning.what.format(up_to=f", at most {longest} characters" if longest else ""))
    if annotation is int:
        return words(_number(limits))
    if annotation is str:
        return words(_text(limits))
    raise TypeError(f"the data reference cannot describe {annotation!r}; teach macros/reference.py about it")


_UnionType = type(int | None)


def _is_record(value) -> bool:
    return isinstance(value, type) and issubclass(value, BaseModel)


def _one_of(values) -> Words:
    return words("One of: " + ", ".join(f"`{value}`" for value in values))


def _limits(metadata) -> dict:
    """min_length, max_length, pattern, gt, ge, lt, le from pydantic's and annotated-types' constraint objects."""
    limits = {}
    for meta in metadata:
        for name in ("min_length", "max_length", "pattern", "gt", "ge", "lt", "le"):
            value = getattr(meta, name, None)
            if value is not None:
                limits[name] = value
        limits.update(_limits(getattr(meta, "metadata", ())))  # Field(...) inside Annotated
    return limits


def _list(at_least: int | None) -> str:
    if not at_least:
        return "A list"
    return "A list of one or more items" if at_least == 1 else f"A list of at least {at_least} items"


def _number(limits: dict) -> str:
    low = limits["ge"] if "ge" in limits else limits["gt"] + 1 if "gt" in limits else None
    high = limits["le"] if "le" in limits else limits["lt"] - 1 if "lt" in limits else None
    if low is not None and high is not None:
        return f"A whole number from {low} to {high}"
    if low is not None:
        return f"A whole number, {low} or more"
    return "A whole number" if high is None else f"A whole number, at most {high}"


def _text(limits: dict) -> str:
    """Text of a type that does not say what it means (every constrained text type does, with its Meaning)."""
    pattern, longest = limits.get("pattern"), limits.get("max_length")
    up_to = f", at most {longest} characters" if longest else ""
    if pattern:
        return f"Text of the form `{pattern}` (a regular expression){up_to}"
    return f"Text, not empty{up_to}" if limits.get("min_length") else f"Text{up_to}"
