"""Scripts copied into the site from npm (no CDN) are exactly the files of the version package.json pins,
with their licence beside them."""

from __future__ import annotations

import json

from sitebuild import PROJECT

VENDOR = PROJECT / "overrides" / "assets" / "javascripts" / "vendor"
# Vendored file -> where the pinned npm package holds it (node_modules/, installed by `make test`).
TABLESORT = {
    "tablesort/tablesort.min.js": "tablesort/dist/tablesort.min.js",
    "tablesort/tablesort.number.min.js": "tablesort/dist/sorts/tablesort.number.min.js",
    "tablesort/LICENCE": "tablesort/LICENCE",
}


def test_vendored_tablesort_is_the_pinned_release():
    pinned = json.loads((PROJECT / "package.json").read_text(encoding="utf-8"))["devDependencies"]["tablesort"]
    installed = json.loads((PROJECT / "node_modules" / "tablesort" / "package.json").read_text(encoding="utf-8"))
    assert installed["version"] == pinned, "run `npm ci` (make test does) to install the pinned version"
    for vendored, original in TABLESORT.items():
        assert (VENDOR / vendored).read_bytes() == (PROJECT / "node_modules" / original).read_bytes(), vendored
    assert f"tablesort v{pinned}" in (VENDOR / "tablesort" / "tablesort.min.js").read_text(encoding="utf-8")


def test_every_vendored_file_is_checked_and_licensed():
    present = sorted(p.relative_to(VENDOR).as_posix() for p in VENDOR.rglob("*") if p.is_file())
    assert present == sorted(TABLESORT)
    assert "Permission is hereby granted" in (VENDOR / "tablesort" / "LICENCE").read_text(encoding="utf-8")
