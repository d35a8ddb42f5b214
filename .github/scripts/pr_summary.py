"""What a pull request's run says, in plain words (.github/workflows/pull-request.yml runs it):

    pr_summary.py check -- COMMAND...   run the curriculum check
    pr_summary.py build -- COMMAND...   run the preview build
    pr_summary.py download              say where to download the preview (PREVIEW_URL, RUN_URL)

COMMAND's output is shown as it comes, so that GitHub reads the `::error file=...,line=...::` lines the check
prints in GitHub Actions (macros/problems.py) and marks those lines of the pull request; the build prints none in
the preview's job, so that no line is marked twice. Then COMMAND's problems are added to the run's summary ($GITHUB_STEP_SUMMARY), without GitHub's commands or
MkDocs' progress lines, and this exits with COMMAND's status. Text from the pull request is only ever shown inside
a fenced block, never as Markdown."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass

LOG_RECORD = re.compile(r"^(?P<level>DEBUG|INFO|WARNING|ERROR|CRITICAL) +- +(?P<text>.*)$")  # MkDocs' log lines
GUIDE_ANCHOR = "CONTRIBUTING.md#when-the-check-fails-common-mistakes"


@dataclass(frozen=True)
class Kind:
    failed: str  # the summary's heading and first paragraph when COMMAND fails
    passed: str | None  # the heading when it succeeds; None: nothing is added then
    log_records_only: bool = False  # list only MkDocs' warnings and errors, not make's or the build script's lines


KINDS = {
    "check": Kind(
        failed=(
            "## Problems to fix\n\n"
            "The curriculum check found these problems. Each line starts with the file and the line to open "
            "(`data/skills.yaml:12`), then the record and the field, then what is wrong. GitHub also marks each "
            "problem on its line under *Files changed*, where that line is part of the change. {guide} explains "
            "each message and how to fix it. The tests run once the check passes."
        ),
        passed="## Curriculum check: no problems",
    ),
    "build": Kind(
        failed=(
            "## No preview: the site does not build\n\n"
            "The build stopped on the problems below: the file and the line to open, then what is wrong. Fix them on "
            "this branch; the preview is built again with the next commit. {guide} explains every message."
        ),
        passed=None,
        log_records_only=True,
    ),
}

DOWNLOAD = """## Preview for reviewers

The whole site, built from this pull request: [download `site-preview`]({preview_url}) (you need to be signed in
to GitHub), or find `site-preview` under **Artifacts** on [this run's page]({run_url}). Unzip it and open
`index.html` in the folder; {guide} ("Preview your change") says how.
"""


def run(kind: Kind, command: list[str]) -> int:
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8", errors="replace"
    ) as process:
        output = []
        for line in process.stdout:
            print(line, end="", flush=True)
            output.append(line.rstrip("\n"))
    if process.returncode:
        summarise(
            kind.failed, problems(output, kind.log_records_only) or ["(This job's log, under Details, says why.)"]
        )
    elif kind.passed:
        summarise(kind.passed, problems(output, kind.log_records_only))
    return process.returncode


def problems(output: list[str], log_records_only: bool = False) -> list[str]:
    """What the summary lists: the output without workflow commands, blank lines and MkDocs' INFO and DEBUG records,
    and without MkDocs' level (`ERROR   -  `). An indented line that continues a MkDocs record stays with it. With
    `log_records_only`, MkDocs' warnings and errors (and their indented lines) only."""
    kept, keeping = [], not log_records_only
    for line in output:
        record = LOG_RECORD.match(line)
        if record:
            keeping = record["level"] not in {"DEBUG", "INFO"}
            if keeping:
                kept.append(record["text"])
            continue
        if line.startswith("::") or not line.strip():
            continue
        if not line[:1].isspace():
            keeping = not log_records_only
        if keeping:
            kept.append(line)
    return kept


def summarise(heading: str, lines: list[str]) -> None:
    text = heading.format(guide=_guide_link()) + "\n\n"
    if lines:
        longest = max((len(run) for line in lines for run in re.findall(r"`+", line)), default=0)
        fence = "`" * max(3, longest + 1)
        text += f"{fence}text\n" + "\n".join(lines) + f"\n{fence}\n\n"
    _append_to_summary(text)


def download() -> int:
    _append_to_summary(
        DOWNLOAD.format(preview_url=os.environ["PREVIEW_URL"], run_url=os.environ["RUN_URL"], guide=_guide_link())
    )
    return 0


def _guide_link() -> str:
    """The faculty guide on the repository's default branch, or its name when not run by GitHub."""
    server, repository = os.environ.get("GITHUB_SERVER_URL"), os.environ.get("GITHUB_REPOSITORY")
    if not (server and repository):
        return "CONTRIBUTING.md"
    return f"[CONTRIBUTING.md]({server}/{repository}/blob/HEAD/{GUIDE_ANCHOR})"


def _append_to_summary(text: str) -> None:
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as file:
            file.write(text)


def main(arguments: list[str]) -> int:
    if arguments == ["download"]:
        return download()
    if len(arguments) >= 3 and arguments[0] in KINDS and arguments[1] == "--":
        return run(KINDS[arguments[0]], arguments[2:])
    print(__doc__.split("\n\n")[0], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
