"""A hook for the benchmark's builds without the macros plugin: the theme's templates (overrides/) still need
the escaping filters that the macros plugin gives them (macros/plugin.py, theme_filters)."""

from macros.plugin import theme_filters as on_env  # noqa: F401 - MkDocs calls it
