"""A page's macro calls, told apart from the code's own bugs: a call that does not fit the macro (found by
binding it to the renderer's signature), a record the data does not have, a macro that does not exist or an ID
written without quotes are the page's mistakes, said in one line, `what is wrong — what to write instead`.
Any other error is a bug in the code and keeps its traceback. macros/plugin.py puts `docs/PAGE.md:LINE:`
before the sentence."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable

from .load.wording import nearest

ROOT = "root"
"""The argument the build gives every renderer (the way from the page to the site's root); pages never write it."""


class PageMistake(Exception):
    """A page calls a macro wrongly. `what` is wrong; `instead` says what to write."""

    def __init__(self, what: str, instead: str, macro: str = ""):
        super().__init__(what, instead, macro)
        self.what, self.instead, self.macro = what, instead, macro

    def __str__(self) -> str:
        return f"{self.macro + '(): ' if self.macro else ''}{self.what} — {self.instead}"

    def in_macro(self, name: str) -> PageMistake:
        """The same mistake, named as made in a call of the macro `name`."""
        return type(self)(self.what, self.instead, name)


class WrongCall(PageMistake):
    """The call's arguments do not fit the macro."""


class UnknownRecord(PageMistake):
    """The call names a record that is not in the data."""

    @classmethod
    def of(cls, what: str, key: str, known: Iterable[str]) -> UnknownRecord:
        """No record `key` among the `known` keys of `what` (e.g. data/tracks.yaml)."""
        known = [str(k) for k in known]
        close = nearest(str(key), known)
        instead = f"write '{close}'" if close else f"write one of: {', '.join(known)}"
        return cls(f"no record '{key}' in {what}", instead)


def call(name: str, render: Callable, args: tuple, kwargs: dict, root: str):
    """`render(*args, **kwargs)` for a page, with the way to the site's root; WrongCall for arguments that do not
    fit it, and any PageMistake the renderer raises named with the macro."""
    signature = inspect.signature(render)
    allowed = [p for p in signature.parameters.values() if p.name != ROOT and p.kind is not p.VAR_KEYWORD]
    unknown = [key for key in kwargs if key not in {p.name for p in allowed}]
    if unknown:
        close = nearest(unknown[0], [p.name for p in allowed])
        instead = f"write {close}=" if close else "leave it out"
        raise WrongCall(f"{name}() has no argument {unknown[0]}=", f"{instead} ({_arguments(name, allowed)})")
    try:
        bound = signature.bind(*args, **kwargs, root=root)
    except TypeError as error:
        raise WrongCall(f"{name}() cannot take these arguments ({error})", _arguments(name, allowed)) from None
    try:
        return render(*bound.args, **bound.kwargs)
    except PageMistake as mistake:
        raise mistake.in_macro(name) from None


def _arguments(name: str, allowed: list[inspect.Parameter]) -> str:
    if not allowed:
        return f"{name}() takes no arguments"
    return f"its arguments: {', '.join(f'{p.name}=' for p in allowed)}"


_QUOTED = re.compile(r"""'[^']*'|"[^"]*\"""")
_UNQUOTED_ID = re.compile(r"(?:\b(\w+)\s*=\s*)?(?<![\w-])([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*)(?![\w-])")
_UNDEFINED = re.compile(r"^'(\w+)' is undefined$")


def template_mistake(message: str, line: str, macros: Iterable[str]) -> str | None:
    """What a page's mistake is, from Jinja's `message` about `line` of the page: an ID without quotes, a macro
    that does not exist, a call Jinja cannot read. None when the message is not about the page (a bug)."""
    unquoted = _unquoted_id(line)
    undefined = _UNDEFINED.match(message)
    if unquoted and (undefined is None or undefined.group(1) in unquoted[1]):
        argument, key = unquoted
        written = f'{argument}="{key}"' if argument else f'"{key}"'
        return f"the ID {key} is not in quotes — write {written}"
    if undefined:
        close = nearest(undefined.group(1), list(macros))
        instead = f"write {close}" if close else "write one of the macros listed in For faculty → Page macros"
        return f"there is no macro {undefined.group(1)} — {instead}"
    if message.startswith(("unexpected", "expected")):
        return (
            f"Jinja cannot read this macro call ({message}) — write it as For faculty → Page macros shows, "
            'e.g. {{ skill_checklist(track="FEL-US-6M") }}'
        )
    return None


def _unquoted_id(line: str) -> tuple[str, str] | None:
    """(argument, ID) for an ID written in a macro call on this line without quotes, e.g. track=FEL-US-6M."""
    for call in re.findall(r"\{\{(.*?)\}\}", line) or [line]:
        bare = _QUOTED.sub(lambda quoted: " " * len(quoted.group(0)), call)
        inside = bare[bare.find("(") + 1 :] if "(" in bare else ""
        found = _UNQUOTED_ID.search(inside)
        if found:
            return found.group(1) or "", found.group(2)
    return None
