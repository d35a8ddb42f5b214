"""Every built page, the 404 page included, is valid HTML for the W3C Nu HTML Checker (vnu-jar, pinned in
package.json, run once with Debian's Java). Invalid markup is fixed where it is made: in the renderers'
templates, or in overrides/ where it comes from Material. Templates copied from Material say which
version they were copied from, and must be compared with Material again when it is upgraded."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import material

from tests.support.sitebuild import PROJECT

VNU = PROJECT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# A short run: the quick compiler alone halves the checker's CPU time; its deeper stack needs room.
JAVA_OPTIONS = ["-XX:TieredStopAtLevel=1", "-Xss16m"]
# One page known to be invalid, checked in the same run, shows that the checker reads and reports.
KNOWN_INVALID = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>x</title></head>\n<body><input type="checkbox" autocomplete="off"></body></html>\n'


def test_every_page_is_valid_html(built_site, tmp_path):
    assert shutil.which("java"), "Java is missing: run `make test`, which installs it (scripts/install-debian-tools)"
    assert VNU.is_file(), f"{VNU} is missing: run `make test`, which installs the Node tools"
    pages = sorted(built_site.rglob("*.html"))
    assert built_site / "404.html" in pages and len(pages) > 20
    control = tmp_path / "known-invalid.html"
    control.write_text(KNOWN_INVALID, encoding="utf-8")
    result = subprocess.run(
        [
            "java",
            *JAVA_OPTIONS,
            "-jar",
            str(VNU),
            "--errors-only",
            "--format",
            "json",
            "--exit-zero-always",
            str(control),
            *map(str, pages),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    messages = json.loads(result.stderr)["messages"]  # vnu writes its report to stderr

    def where(message) -> str:
        path = Path(re.sub(r"^file:", "", message.get("url", "")))
        name = path.name if path == control else path.relative_to(built_site).as_posix()
        return f"{name}:{message.get('lastLine', '?')}"

    errors = [f"{where(m)}: {m['message']}" for m in messages]
    control_errors = [error for error in errors if error.startswith(control.name)]
    assert len(control_errors) == 1 and "autocomplete" in control_errors[0], control_errors
    site_errors = [error for error in errors if error not in control_errors]
    assert not site_errors, f"{len(site_errors)} errors:\n" + "\n".join(site_errors)


def test_templates_copied_from_material_are_of_the_installed_version():
    copied = {}
    for template in sorted((PROJECT / "overrides").rglob("*.html")):
        found = re.search(r"Material (\d+\.\d+\.\d+)'s", template.read_text(encoding="utf-8"))
        if found:
            copied[template.relative_to(PROJECT / "overrides").as_posix()] = found.group(1)
    assert {"base.html", "partials/footer.html", "partials/nav-item.html", "partials/toc.html"} <= set(copied)
    outdated = {name: version for name, version in copied.items() if version != material.__version__}
    assert not outdated, (
        f"Material is now {material.__version__}: compare these copies with its templates again, "
        f"carry our changes over and update the version they name: {outdated}"
    )
