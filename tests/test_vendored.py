"""Scripts copied into the site from npm (no CDN) are exactly the files of the version package.json pins,
with their licence beside them."""

from __future__ import annotations

import json

import pytest

from tests.support.sitebuild import PROJECT

VENDOR = PROJECT / "overrides" / "assets" / "javascripts" / "vendor"
# Package -> {vendored file: where the pinned npm package holds it (node_modules/, installed by `make test`)}.
VENDORED = {
    "tablesort": {
        "tablesort/tablesort.min.js": "tablesort/dist/tablesort.min.js",
        "tablesort/tablesort.number.min.js": "tablesort/dist/sorts/tablesort.number.min.js",
        "tablesort/LICENCE": "tablesort/LICENCE",
    },
    # Material's offline plugin names it in extra.polyfills for the preview (mkdocs.preview.yml): search
    # from a file runs its worker in a hidden frame.
    "iframe-worker": {
        "iframe-worker/shim.js": "iframe-worker/shim/index.js",
        "iframe-worker/LICENSE": "iframe-worker/LICENSE",
    },
}


@pytest.mark.parametrize("package", VENDORED)
def test_vendored_files_are_the_pinned_release(package):
    pinned = json.loads((PROJECT / "package.json").read_text(encoding="utf-8"))["devDependencies"][package]
    installed = json.loads((PROJECT / "node_modules" / package / "package.json").read_text(encoding="utf-8"))
    assert installed["version"] == pinned, "run `npm ci` (make test does) to install the pinned version"
    for vendored, original in VENDORED[package].items():
        assert (VENDOR / vendored).read_bytes() == (PROJECT / "node_modules" / original).read_bytes(), vendored


def test_tablesort_copy_names_its_version():
    pinned = json.loads((PROJECT / "package.json").read_text(encoding="utf-8"))["devDependencies"]["tablesort"]
    assert f"tablesort v{pinned}" in (VENDOR / "tablesort" / "tablesort.min.js").read_text(encoding="utf-8")


def test_every_vendored_file_is_checked_and_licensed():
    present = sorted(p.relative_to(VENDOR).as_posix() for p in VENDOR.rglob("*") if p.is_file())
    assert present == sorted(file for files in VENDORED.values() for file in files)
    for files in VENDORED.values():
        (licence,) = [file for file in files if file.rsplit("/", 1)[1] in ("LICENCE", "LICENSE")]
        assert "Permission is hereby granted" in (VENDOR / licence).read_text(encoding="utf-8")
