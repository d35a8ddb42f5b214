"""How the check words a problem: a value described in plain words, a pydantic error turned into a sentence a
clinician can act on, a field's place in its record, and the nearest name to a misspelt one."""

from __future__ import annotations

import calendar
import datetime
import difflib

from pydantic import BaseModel

from ..model import WRITE_A_DATE, field_shapes, meaning_at


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


def field_name(path: tuple) -> str:
    """A place in a record as the messages name it, e.g. skills[2].level."""
    name = ""
    for step in path:
        name += f"[{step}]" if isinstance(step, int) else (f".{step}" if name else str(step))
    return name


def explain(detail: dict, model: type[BaseModel], loc: tuple) -> str:
    """Turn one pydantic error into a sentence a clinician can act on."""
    kind, value, ctx = detail["type"], detail.get("input"), detail.get("ctx") or {}
    if kind == "missing":
        return "this required field is missing"
    if kind == "extra_forbidden":
        allowed = list(_model_at(model, loc[:-1]).model_fields)
        name, _, rest = str(loc[-1]).partition(" ")
        if name in allowed and rest.strip() and value is None:  # {skill: US-X, level 3}
            return f"'{loc[-1]}' has no colon after the field name. Write '{name}: {rest.strip()}'"
        return f"unknown field '{loc[-1]}'{did_you_mean(str(loc[-1]), allowed)}; allowed fields: {', '.join(allowed)}"
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
        return f"expected a list (one '- ' item per line), got {describe(value)}"
    if kind == "too_short":
        return "must list at least one item"
    if kind.startswith("date") or kind.startswith("datetime"):
        return f"expected {WRITE_A_DATE}, got {describe(value)}"
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return f"expected a record (key: value lines), got {describe(value)}"
    return detail["msg"]


def _why_not_a_date(text: str) -> str:
    year, month, day = (int(part) for part in text.split("-"))
    if not 1 <= month <= 12:
        return f"there is no month {month:02d}; months run from 01 to 12"
    days = calendar.monthrange(year, month)[1]
    return f"{calendar.month_name[month]} {year} has {days} days"


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel]:
    """The model that holds the field at `loc` (walking into nested records and lists of records)."""
    for step in loc:
        if isinstance(step, int):
            continue
        model = field_shapes(model)[step].nested
    return model
