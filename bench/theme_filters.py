"""A hook for the benchmark's builds without the macros plugin: the theme's templates (overrides/) still need
the escaping filters that the macros plugin gives them (macros/__init__.py, _ThemeFilters)."""

from macros import _ThemeFilters

on_env = _ThemeFilters().on_env
