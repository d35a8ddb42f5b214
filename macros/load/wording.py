"""How the check words a problem: a value described in plain words, a pydantic error turned into a sentence a
clinician can act on, a field's place in its record, and the nearest name to a misspelt one."""

from __future__ import annotations

import datetime
import difflib

from pydantic import BaseModel

from ..model import (
    WRITE_A_DATE,
    WRITE_A_MONTH_OR_DATE,
    DateToWrite,
    entry_key,
    field_shapes,
    meaning_at,
    why_not_a_date,
)


def describe(value) -> str:
    if value is None:
        return "nothing (the value is empty)"
    if isinstance(value, bool):
        return f"the yes/no value {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return f"the date {value}"
    if isinstance(value, str):
        return f"the text '{value[:60]}{'…' if len(value) > 60 else ''}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a record (key: value lines)"
    return type(value).__name__


def did_you_mean(word: str, candidates: list[str]) -> str:
    """` (did you mean 'x'?)` for the candidate nearest to `word`, or nothing when none is near."""
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.75)
    return f" (did you mean '{close[0]}'?)" if close else ""


def nearest(word: str, candidates: list[str], cutoff: float = 0.75) -> str | None:
    """The candidate nearest to `word`, letter case aside (a page may write fel-pm-1y for FEL-PM-1Y), if one is
    near enough to be what was meant."""
    folded = {candidate.casefold(): candidate for candidate in candidates}
    close = difflib.get_close_matches(word.casefold(), list(folded), n=1, cutoff=cutoff)
    return folded[close[0]] if close else None


def field_name(path: tuple, model: type[BaseModel] | None = None, raw=None) -> str:
    """A place in a record as the messages name it, e.g. skills[US-LUMB-FACET].level: an item of a list of records
    that each name another record (a track's checklist, its admitted specialties) by that record's key, an item of
    another list of records by its place (counting from 0), and an item of a list of plain values not at all (the
    message quotes the value, and the line says which). The curriculum diff names places the same way."""
    name, named_by = "", None
    for step in path:
        if step == named_by and step == path[-1]:
            break  # skills[US-X].skill says no more than skills[US-X]
        named_by = None
        if isinstance(step, int):
            item = raw[step] if isinstance(raw, list) and 0 <= step < len(raw) else None
            key = entry_key(model)
            value = item.get(key) if key and isinstance(item, dict) else None
            if isinstance(value, (str, int)) and not isinstance(value, bool):
                name += f"[{value}]"
                named_by = key
            elif model is not None:
                name += f"[{step}]"
            raw = item
        else:
            name += f".{step}" if name else str(step)
            shape = field_shapes(model).get(step) if model is not None else None
            model = shape.nested if shape is not None else None
            raw = raw.get(step) if isinstance(raw, dict) else None
    return name


def explain_all(details: list[dict], model: type[BaseModel], raw) -> list[tuple[tuple, str]]:
    """Each pydantic error of one record as (where, sentence), without knock-on complaints: a field misspelt, written
    without its colon or indented one level too far or too little is one mistake, not also a required field
    missing."""
    missing = {tuple(detail["loc"]) for detail in details if detail["type"] == "missing"}
    said, explained = [], set()
    for detail in details:
        loc = tuple(detail["loc"])
        if detail["type"] == "extra_forbidden":
            sentence, covers = _unknown_field(detail, model, loc, raw, missing)
            explained |= covers
            if " " in str(loc[-1]) and detail.get("input") is None:  # `level 4`: said at the field it was meant as
                loc = loc[:-1] + (str(loc[-1]).partition(" ")[0],)
        else:
            sentence = explain(detail, model, loc)
        said.append((loc, sentence, detail["type"]))
    return [(loc, sentence) for loc, sentence, kind in said if not (kind == "missing" and loc in explained)]


def _unknown_field(detail: dict, model: type[BaseModel], loc: tuple, raw, missing: set) -> tuple[str, set]:
    """What an unknown field most likely is, and the missing fields it explains."""
    record, name = loc[:-1], str(loc[-1])
    allowed = list(_model_at(model, record).model_fields)
    written, _, rest = name.partition(" ")
    if written in allowed and rest.strip() and detail.get("input") is None:  # {skill: US-X, level 3}
        return f"'{name}' has no colon after the field name. Write '{written}: {rest.strip()}'", {record + (written,)}
    inside = _at(raw, record)
    on_its_own_line = getattr(inside, "key_lines", {}).get(loc[-1], 0) != getattr(inside, "line", 0)
    for depth in range(len(record) - 1, -1, -1):  # indented too far: a field of a record it sits inside
        if not on_its_own_line or isinstance(record[depth], int):
            continue
        if name not in _model_at(model, record[:depth]).model_fields:
            continue
        holder = record[depth]
        return (
            f"'{name}' is not a field of {holder}: it is indented one level too far, under '{holder}:'. Indent it "
            f"like '{holder}:'",
            {record[:depth] + (name,)},
        )
    for holder, shape in field_shapes(_model_at(model, record)).items():  # indented too little
        if (
            shape.nested is not None
            and name in shape.nested.model_fields
            and isinstance(inside, dict)
            and holder in inside
        ):
            explained = {
                place for place in missing if place[: len(record) + 1] == record + (holder,) and place[-1] == name
            }
            if getattr(inside[holder], "line", 0) == inside.key_lines.get(holder):  # fee: {amount: 1}
                return (
                    f"'{name}' is a field of {holder}, not of this record: write it inside the {{ }} of {holder}",
                    explained,
                )
            return (
                f"'{name}' is a field of {holder}, not of this record: it is indented too little. Indent it like the "
                f"fields under '{holder}:'",
                explained,
            )
    close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.75)
    return (
        f"unknown field '{name}'{did_you_mean(name, allowed)}; allowed fields: {', '.join(allowed)}",
        {record + (close[0],)} if close else set(),
    )


def _at(raw, loc: tuple):
    for step in loc:
        if isinstance(step, int):
            raw = raw[step] if isinstance(raw, list) and 0 <= step < len(raw) else None
        else:
            raw = raw.get(step) if isinstance(raw, dict) else None
    return raw


def explain(detail: dict, model: type[BaseModel], loc: tuple) -> str:
    """Turn one pydantic error into a sentence a clinician can act on."""
    kind, value, ctx = detail["type"], detail.get("input"), detail.get("ctx") or {}
    if kind == "missing":
        return "this required field is missing"
    if kind == "extra_forbidden":
        return _unknown_field(detail, model, loc, None, set())[0]
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "yes_no_text":
        if loc and loc[-1] == "reviewed_by":
            return f"'{value}' does not say who reviewed the record. Write a name or a committee, e.g. Curriculum committee"
        return f"'{value}' on its own is a yes/no word, not text. Write the text itself"
    if kind == "whole_number":
        if isinstance(value, str) and value.strip().lstrip("+-").isdigit():
            return f"expected a whole number, got the text '{value}'. Write the number without quotes: {value.strip()}"
        return f"expected a whole number, got {describe(value)}"
    if kind == "impossible_date":
        return f"{value} is not a date: {_why_not_a_date(value)}. Write a date that exists, as YYYY-MM-DD"
    if kind == "string_too_long":
        return f"is {len(value)} characters long; at most {ctx['max_length']} are allowed"
    if kind == "string_type":
        return f"expected text, got {describe(value)}"
    if kind == "string_pattern_mismatch":
        meaning = meaning_at(model, loc)
        if meaning is not None and meaning.refused:
            return meaning.refused.format(value=describe(value))
        return f"{describe(value)} does not have the form {ctx.get('pattern')}"
    if kind == "bool_type":
        return f"expected true or false, got {describe(value)}"
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return f"expected a whole number, got {describe(value)}"
    if kind in {"greater_than", "greater_than_equal", "less_than", "less_than_equal"}:
        words = {
            "greater_than": "above",
            "greater_than_equal": "at least",
            "less_than": "below",
            "less_than_equal": "at most",
        }
        limit = next(iter(ctx.values()))
        return f"must be {words[kind]} {limit}, got {describe(value)}"
    if kind in {"enum", "literal_error"}:
        return f"{describe(value)} is not allowed; expected {ctx.get('expected')}"
    if kind == "list_type":
        said = f"expected a list (one '- ' item per line), got {describe(value)}"
        if isinstance(value, str) and "," in value:
            return f"{said}. Write it in square brackets: [{value.strip()}]"
        return said
    if kind == "too_short":
        return "must list at least one item"
    if kind == "amount":
        return _amount_refused(str(value), ctx.get("instead"))
    if kind == "month_or_date_format":
        instead = ctx.get("instead")
        if isinstance(instead, str):
            return f"expected {WRITE_A_MONTH_OR_DATE}, got {describe(value)}. Write {instead}"
        return _date_refused(WRITE_A_MONTH_OR_DATE, value, instead)
    if kind.startswith("date") or kind.startswith("datetime"):
        return _date_refused(WRITE_A_DATE, value, ctx.get("instead"))
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return f"expected a record (key: value lines), got {describe(value)}"
    return detail["msg"]


def _date_refused(expected: str, value, instead: DateToWrite | None) -> str:
    said = f"expected {expected}, got {describe(value)}"
    if instead is None:
        return said
    if instead.impossible:
        return f"{said}, and {instead.impossible}. Write a date that exists, as YYYY-MM-DD"
    return f"{said}. Write {instead.iso}" + (f" if you meant {instead.guessed}" if instead.guessed else "")


def _amount_refused(text: str, instead: int | None) -> str:
    """An amount the check cannot read, with the number to write when the text holds one."""
    digits_and_commas = text.replace(",", "").strip().isdigit()
    if instead is not None and digits_and_commas and "," in text:
        return (
            f"the commas in '{text}' are in neither the Indian places (4,50,000) nor the international ones "
            f"(450,000). Write {instead}"
        )
    said = f"expected an amount such as 450000, 4,50,000 or ₹4,50,000, got {describe(text)}"
    if instead is not None:
        return f"{said}. Write {instead}"
    if "." in text:
        return f"{said}; an amount is a whole number, without paise or cents"
    return said


def _why_not_a_date(text: str) -> str:
    return why_not_a_date(*(int(part) for part in text.split("-")))


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel]:
    """The model that holds the field at `loc` (walking into nested records and lists of records)."""
    for step in loc:
        if isinstance(step, int):
            continue
        model = field_shapes(model)[step].nested
    return model
