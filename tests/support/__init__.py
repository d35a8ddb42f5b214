"""Helpers the tests share, and the benchmark too (bench/ imports them as tests.support.…):

    sitebuild      where the project is, how to copy and build it
    pages          reading built pages: a page's soup, a table's record rows, search tokens
    pages_server   the built site served as GitHub Pages serves it
    browsing       Debian's Chromium driven by Playwright, and what a visit records
    gates          the site's quality gates as plain functions
    records        records the tests add to a copy of the tiny fixture curriculum

Fixtures built on them live in tests/conftest.py and tests/browser/conftest.py.
"""
