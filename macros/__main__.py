"""Command line: curriculum tools that need no MkDocs.

    python -m macros check [--data DIR] [--base REV | --compare]
                                              validate the data (and the pages in docs/ beside it); exit 1
                                              when it is not valid. With --base, a skill or track ID in git
                                              revision REV that is gone must be retired (pull requests run it
                                              against their base); --compare does the same against origin/main,
                                              or the branch's upstream, when the checkout has one (make check)
    python -m macros check --publish [--config FILE] [--summary FILE]
                                              also list, by track, the academy's facts not published yet,
                                              and exit 1 when mkdocs.yml gives no real contact (the deploy
                                              runs it); --summary appends the list as Markdown to FILE
    python -m macros schemas [--check]        write schemas/ from the models; --check: exit 1 if out of date
    python -m macros schemas --validate FILE…  check data files against their schemas as the editor does
    python -m macros lint FILE…               yamllint data files (layout; pre-commit runs it)
    python -m macros diff REV | --base-data DIR [--data DIR] [--output FILE]
                                              records added, removed or changed since REV, as Markdown

`check` exits 0 when the data is valid (review reminders and notices are printed but do not fail), 1 when it is
not, 2 when the base revision cannot be read. In GitHub Actions (GITHUB_ACTIONS=true) it also prints each problem,
warning and note as a workflow annotation, which GitHub shows on its line of the pull request. `diff` exits 1 when either side cannot be read, and then compares
nothing.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from . import diff, publish, schema
from .clock import build_date
from .load import (
    Published,
    ended_sessions,
    load_curriculum,
    read_documents,
    review_warnings,
    started_intakes,
    unreviewed,
)
from .model import DATA_FILES_BY_NAME
from .problems import CurriculumError, annotate

PROJECT = Path(__file__).resolve().parent.parent


def check(args: argparse.Namespace) -> int:
    base = None
    revision = args.base
    if revision is None and args.compare:
        revision = published_version(args.data)
        if revision is None:
            print(
                "note: not compared with a published version: this checkout has no origin/main, and its branch no "
                "upstream. A skill or track ID renamed or removed without being retired is found by the pull request.",
                file=sys.stderr,
            )
    if revision is not None:
        try:
            base = Published.from_documents(read_documents(diff.git_reader(revision, args.data)), revision)
        except (diff.BaseUnreadable, CurriculumError) as error:  # the other version's lines: never annotated here
            if args.base is None:  # --compare: the check itself goes on
                print(f"note: not compared with {revision}: its curriculum data cannot be read.", file=sys.stderr)
            elif isinstance(error, diff.BaseUnreadable):
                print(f"Cannot read the base version: {error}.", file=sys.stderr)
                return 2
            else:
                print(_heading(error, f"The curriculum data in {revision} cannot be read"), file=sys.stderr)
                return 2
        else:
            if args.base is None:
                print(
                    f"note: compared with {revision}: each skill or track ID published there must be kept or retired.",
                    file=sys.stderr,
                )
    # A pull request's problems are marked on their lines once, by its curriculum check; --publish lists what is
    # missing in the run's summary instead (.github/workflows/pull-request.yml runs both).
    marked = annotate if not args.publish else lambda problems, level="error": None
    try:
        curriculum = load_curriculum(args.data, base)
    except CurriculumError as error:
        marked(error.problems)
        print(error.report(), file=sys.stderr)
        return 1
    warnings = review_warnings(curriculum, build_date(), args.data)
    notices = ended_sessions(curriculum, build_date(), args.data) + started_intakes(curriculum, build_date(), args.data)
    marked(warnings, "warning")
    marked(notices, "notice")
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for notice in notices:
        print(f"note: {notice}", file=sys.stderr)
    never = unreviewed(curriculum)
    if never:
        print(f"note: {len(never)} records have no last_reviewed date yet.", file=sys.stderr)
    print(
        f"The curriculum data is valid: {len(curriculum.skills)} skills in {len(curriculum.domains)} domains, "
        f"{len(curriculum.tracks)} tracks, {len(curriculum.learning_needs)} learning needs, "
        f"{len(curriculum.glossary)} glossary terms (version {curriculum.info.version})."
    )
    return before_publishing(args, curriculum) if args.publish else 0


def before_publishing(args: argparse.Namespace, curriculum) -> int:
    """What the academy has still to publish, by track; exit 1 when the site would show no real contact."""
    grouped = publish.unpublished_by_track(curriculum, build_date(), args.data)
    failure = publish.contact_failure(args.config)
    print(publish.as_text(grouped), flush=True)
    if args.summary:
        with args.summary.open("a", encoding="utf-8") as summary:
            summary.write(publish.as_markdown(grouped, failure))
    if failure:
        print(f"error: {failure}", file=sys.stderr)
    return 1 if failure else 0


def published_version(data_dir: Path) -> str | None:
    """The version of the data that is published, as this checkout knows it: origin/main, or else the upstream of
    the branch checked out; None when it has neither (or is no git checkout)."""
    if not Path(data_dir).is_dir():
        return None
    for candidate in ("origin/main", "@{upstream}"):
        found = subprocess.run(
            ["git", "rev-parse", "--verify", "--quiet", "--abbrev-ref", "--symbolic-full-name", candidate],
            cwd=data_dir,
            capture_output=True,
            encoding="utf-8",
        )
        name = found.stdout.strip()
        if found.returncode == 0 and name:
            return name
    return None


def schemas(args: argparse.Namespace) -> int:
    if args.validate:
        return validate_with_schemas(args.validate, args.folder)
    if args.check:
        stale = schema.stale_schemas(args.folder)
        for name in stale:
            print(f"{args.folder.name}/{name} does not match the models", file=sys.stderr)
        if stale:
            print("Run `python -m macros schemas` and commit the result.", file=sys.stderr)
        return 1 if stale else 0
    for name in schema.write_schemas(args.folder):
        print(f"updated {args.folder.name}/{name}")
    return 0


def validate_with_schemas(files: list[Path], folder: Path) -> int:
    """Each data file against its schema with check-jsonschema, which reads YAML as the editor does: pre-commit's
    second opinion, kept in step with the check by tests/test_one_verdict.py."""
    from check_jsonschema import main as check_jsonschema  # a test tool: `make setup-test` installs it

    status = 0
    for path, data_file in _readable_data_files(files):
        if data_file is None:
            status = 1
            continue
        arguments = ["--schemafile", str(folder / schema.schema_file_name(data_file)), str(path)]
        status = check_jsonschema(arguments, standalone_mode=False) or status
    return status


def lint(args: argparse.Namespace) -> int:
    """yamllint on data files, for tidy layout: its errors are only what the check refuses too (.yamllint.yaml),
    the rest are warnings."""
    from yamllint.cli import run as yamllint  # a test tool: `make setup-test` installs it

    readable = [path for path, data_file in _readable_data_files(args.files) if data_file is not None]
    status = 0 if len(readable) == len(args.files) else 1
    if readable:
        try:
            yamllint(["--config-file", str(PROJECT / ".yamllint.yaml"), *map(str, readable)])
        except SystemExit as done:
            status = done.code or status
    return status


def _readable_data_files(files: list[Path]):
    """(path, data_file) for each file, data_file None when it is not a data file or the check cannot read it (said here,
    with the check's own message). Tools that read YAML their own way see only files the check can read: one
    built to exhaust time or memory, or with bytes they would crash on, never reaches them."""
    for path in files:
        data_file = DATA_FILES_BY_NAME.get(path.stem) if path.suffix == ".yaml" else None
        if data_file is None:
            print(f"{path}: not a data file (data/<kind>.yaml)", file=sys.stderr)
            yield path, None
            continue
        try:
            read_documents(lambda name, path=path: path.read_bytes() if name == path.name else None)
        except CurriculumError as error:
            print(error.report(), file=sys.stderr)
            yield path, None
            continue
        yield path, data_file


DIFF_USAGE = """\
Compare the curriculum with another version of it, record by record:
  python -m macros diff origin/main                  with data/ in a git branch, tag or commit
  python -m macros diff --base-data OLD [--data NEW]  with another data folder
Add --output FILE to also write the Markdown report to FILE."""


def curriculum_diff(args: argparse.Namespace) -> int:
    if args.revision is None and args.base_data is None:
        print(DIFF_USAGE, file=sys.stderr)
        return 2
    if args.revision is not None and args.base_data is not None:
        print(f"Give either a git revision or --base-data DIR, not both.\n\n{DIFF_USAGE}", file=sys.stderr)
        return 2
    try:
        if args.revision is not None:
            read_base, compared_with = diff.git_reader(args.revision, args.data), f"`{args.revision}`"
        else:
            read_base, compared_with = diff.folder_reader(args.base_data), f"`{args.base_data}`"
    except diff.BaseUnreadable as error:
        print(f"Cannot read the base version: {error}.", file=sys.stderr)
        return 2
    try:
        load_curriculum(args.data)
    except CurriculumError as error:
        return _not_compared(args, error, "The curriculum data on this side does not pass the check", compared_with)
    try:
        changes = diff.compare(read_base, diff.folder_reader(args.data))
    except CurriculumError as error:
        return _not_compared(args, error, f"The curriculum data in {compared_with} cannot be read", compared_with)
    _publish(args, diff.as_markdown(changes, compared_with))
    return 0


def _not_compared(args: argparse.Namespace, error: CurriculumError, heading: str, compared_with: str) -> int:
    """Say why nothing was compared, for the terminal and for the reviewers' summary; never a list of changes."""
    print(_heading(error, heading), file=sys.stderr)
    _publish(args, diff.not_compared_markdown(error.problems, heading, compared_with))
    return 1


def _heading(error: CurriculumError, heading: str) -> str:
    count = len(error.problems)
    lines = [f"{heading} ({count} problem{'s' if count != 1 else ''}); nothing was compared:"]
    return "\n".join(lines + [f"  {problem}" for problem in error.problems])


def _publish(args: argparse.Namespace, report: str) -> None:
    if args.output:
        args.output.write_text(report, encoding="utf-8")
    print(report, end="")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description="Curriculum tools that need no MkDocs.")
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="validate data/*.yaml and report every problem")
    check_parser.add_argument("--data", type=Path, default=PROJECT / "data", help="the data folder (default: data/)")
    compared = check_parser.add_mutually_exclusive_group()
    compared.add_argument(
        "--base", metavar="REV", help="also require each skill or track ID in this git revision to be kept or retired"
    )
    compared.add_argument(
        "--compare",
        action="store_true",
        help="the same against origin/main, or the branch's upstream, when there is one (make check)",
    )
    check_parser.add_argument(
        "--publish", action="store_true", help="list the academy's unpublished facts; refuse a placeholder contact"
    )
    check_parser.add_argument(
        "--config", type=Path, default=PROJECT / publish.CONFIG_FILE, help="(default: mkdocs.yml)"
    )
    check_parser.add_argument("--summary", type=Path, metavar="FILE", help="with --publish: append it as Markdown")
    check_parser.set_defaults(run=check)
    schemas_parser = commands.add_parser("schemas", help="write the JSON Schemas of the data files from the models")
    schemas_parser.add_argument("--check", action="store_true", help="only report schemas that are out of date")
    schemas_parser.add_argument("--folder", type=Path, default=schema.SCHEMAS, help="where (default: schemas/)")
    schemas_parser.add_argument(
        "--validate", nargs="+", type=Path, metavar="FILE", help="check data files against their schemas"
    )
    schemas_parser.set_defaults(run=schemas)
    lint_parser = commands.add_parser("lint", help="yamllint data files the check can read (pre-commit)")
    lint_parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="data files, e.g. data/skills.yaml")
    lint_parser.set_defaults(run=lint)
    diff_parser = commands.add_parser("diff", help="records added, removed or changed since a git revision")
    diff_parser.add_argument("revision", nargs="?", help="compare with data/ in this git revision, e.g. origin/main")
    diff_parser.add_argument("--base-data", type=Path, help="compare with this data folder instead")
    diff_parser.add_argument("--data", type=Path, default=PROJECT / "data", help="the changed data (default: data/)")
    diff_parser.add_argument("--output", type=Path, help="also write the Markdown report to this file")
    diff_parser.set_defaults(run=curriculum_diff)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
