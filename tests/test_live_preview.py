"""The live preview a faculty member watches while editing: a real `mkdocs serve` of a copy of the project.

A saved change to data/ shows; a broken save prints its one-line problem in the terminal (and no traceback);
the fixed file brings the preview back; so does a page's wrong macro call, said in one line at its page and
line; a change to a template in macros/templates/ and to the code in macros/ shows too. And `make serve` on a port that is in use says so in one line, with how to choose another."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from macros.load import load_curriculum
from tests.support.sitebuild import PROJECT, copy_project, site_prefix

WAIT = 120  # seconds: a rebuild takes a few; the limit only keeps a broken preview from hanging the suite


class Preview:
    """`mkdocs serve --strict` (what `make serve` runs) on a free port, with everything it prints collected."""

    def __init__(self, project: Path):
        self.project = project
        self.port = free_port()
        self.lines: list[str] = []
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", f"127.0.0.1:{self.port}"],
            cwd=project,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        threading.Thread(target=self._collect, daemon=True).start()

    def _collect(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{site_prefix()}{path}"

    def printed_since(self, start: int) -> list[str]:
        return self.lines[start:]

    def wait_for_output(self, start: int, wanted) -> list[str]:
        """Wait until a line printed after `start` satisfies `wanted`; return what was printed since."""
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            if any(wanted(line) for line in self.lines[start:]):
                return self.lines[start:]
            assert self.process.poll() is None, "mkdocs serve stopped:\n" + "\n".join(self.lines)
            time.sleep(0.1)
        raise AssertionError("mkdocs serve did not print what was awaited:\n" + "\n".join(self.lines[start:]))

    def wait_for_page(self, path: str, text: str) -> None:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url(path), timeout=5) as response:  # noqa: S310 - http://127.0.0.1
                    if text in response.read().decode("utf-8"):
                        return
            except OSError:
                pass  # not serving yet
            time.sleep(0.2)
        raise AssertionError(f"{path} never showed {text!r}:\n" + "\n".join(self.lines))

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    running = Preview(copy_project(tmp_path_factory.mktemp("preview")))
    yield running
    running.stop()


def test_a_faculty_member_edits_breaks_and_fixes_a_data_file(preview):
    skills = preview.project / "data" / "skills.yaml"
    skill = load_curriculum(preview.project / "data").skills[0]
    preview.wait_for_page("skills/", skill.title)

    # A saved edit shows.
    edited = f"{skill.title} (edited in the preview)"
    edit(skills, f"  title: {skill.title}\n", f"  title: {edited}\n")
    preview.wait_for_page("skills/", edited)

    # A broken save: one line says where and why, and the served site stays as it was.
    start = len(preview.lines)
    edit(skills, f"  title: {edited}\n", f"  title: {edited}: broken\n")
    printed = preview.wait_for_output(start, lambda line: "An error happened during the rebuild" in line)
    problems = [line.strip() for line in printed if line.startswith("  data/")]
    line = next(n for n, text in enumerate(skills.read_text(encoding="utf-8").splitlines(), 1) if "broken" in text)
    assert problems == [
        f"data/skills.yaml:{line}: record {skill.id}, field title: the text after 'title:' holds a colon followed by "
        "a space, which YAML reads as the start of another field. Put the whole text in quotes: "
        f'title: "{edited}: broken"'
    ]
    assert not any("Traceback" in text for text in printed)

    # Fixed: the preview recovers at once, without touching any other file.
    fixed = f"{skill.title} (fixed)"
    edit(skills, f"  title: {edited}: broken\n", f"  title: {fixed}\n")
    preview.wait_for_page("skills/", fixed)


CALL = '{{ skill_checklist(track="FEL-US-6M") }}'
PAGE_MISTAKES = [
    (
        '{{ skill_checklist(track="fel-pm-1y") }}',
        "skill_checklist(): no record 'fel-pm-1y' in data/tracks.yaml — write 'FEL-PM-1Y'",
    ),
    (
        '{{ skill_checklist(trak="FEL-US-6M") }}',
        "skill_checklist() has no argument trak= — write track= (its arguments: track=, domain=)",
    ),
    ('{{ skill_checklst(track="FEL-US-6M") }}', "there is no macro skill_checklst — write skill_checklist"),
    ("{{ skill_checklist(track=FEL-US-6M) }}", 'the ID FEL-US-6M is not in quotes — write track="FEL-US-6M"'),
]


def test_a_wrong_macro_call_is_one_line_and_the_preview_survives_it(preview):
    """An unknown ID, a misspelt argument, a misspelt macro and an ID without quotes: each is said in one line,
    `docs/PAGE.md:LINE: what is wrong — what to write instead`, at the line of the file (front matter counted),
    and the next good save brings the page back."""
    page = preview.project / "docs" / "tracks" / "fel-us-6m.md"
    original = page.read_text(encoding="utf-8")
    line = next(n for n, text in enumerate(original.splitlines(), 1) if text == CALL)
    preview.wait_for_page("tracks/fel-us-6m/", "Skills checklist")
    for number, (wrong, message) in enumerate(PAGE_MISTAKES):
        start = len(preview.lines)
        page.write_text(original.replace(CALL, wrong, 1), encoding="utf-8")
        printed = preview.wait_for_output(start, lambda text: "An error happened during the rebuild" in text)
        said = [text for text in printed if "docs/tracks/fel-us-6m.md" in text]
        assert said == [f"ERROR   -  docs/tracks/fel-us-6m.md:{line}: {message}"], "\n".join(printed)
        assert not any("Traceback" in text or "Error reading page" in text for text in printed), "\n".join(printed)
        fixed = f"Recovered after mistake {number}."
        page.write_text(f"{original}\n{fixed}\n", encoding="utf-8")
        preview.wait_for_page("tracks/fel-us-6m/", fixed)
    page.write_text(original, encoding="utf-8")


def test_templates_and_code_are_watched_too(preview):
    """A template in macros/templates/ and the code in macros/, saved together: both show after the rebuild."""
    track = load_curriculum(preview.project / "data").tracks[0]
    template = preview.project / "macros" / "templates" / "skill_catalogue.html"
    template.write_text(template.read_text(encoding="utf-8") + "<p>Template saved in the preview.</p>\n")
    code = preview.project / "macros" / "render.py"
    title = "_title = Renderer.track_title\nRenderer.track_title = lambda *a, **k: _title(*a, **k) + ' (code saved)'\n"
    code.write_text(code.read_text(encoding="utf-8") + "\n\n" + title, encoding="utf-8")
    preview.wait_for_page("skills/", "Template saved in the preview.")
    preview.wait_for_page(f"tracks/{track.id.lower()}/", f"{track.title} (code saved)")


def test_make_serve_on_a_busy_port_says_so_in_one_line():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = subprocess.run(
            [sys.executable, str(PROJECT / "scripts" / "serve.py"), str(port)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr == f"Port {port} is already in use. Choose another: make serve PORT={port + 1}\n"


def test_make_serve_passes_the_port_it_is_given():
    planned = subprocess.run(
        ["make", "--no-print-directory", "--dry-run", "--always-make", "serve", "PORT=8123"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
    )
    assert planned.returncode == 0, planned.stderr
    assert planned.stdout.splitlines()[-1] == ".venv/bin/python scripts/serve.py 8123"
