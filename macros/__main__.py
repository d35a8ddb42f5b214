"""Command line: curriculum tools that need no MkDocs.

    python -m macros check [--data DIR]       validate the data; exit 1 when it is not valid
    python -m macros schemas [--check]        write schemas/ from the models; --check: exit 1 if out of date
    python -m macros diff REF | --base-data DIR [--data DIR] [--output FILE]
                                              records added, removed or changed since REF, as Markdown

`check` exits 0 when the data is valid (review reminders are printed but do not fail), 1 when it is not.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import diff, schema
from .clock import build_date
from .load import load_curriculum, review_warnings, unreviewed
from .problems import CurriculumError

PROJECT = Path(__file__).resolve().parent.parent


def check(args: argparse.Namespace) -> int:
    try:
        curriculum = load_curriculum(args.data)
    except CurriculumError as error:
        print(error.report(), file=sys.stderr)
        return 1
    for warning in review_warnings(curriculum, build_date(), args.data):
        print(f"warning: {warning}", file=sys.stderr)
    never = unreviewed(curriculum)
    if never:
        print(f"note: {len(never)} records have no last_reviewed date yet.", file=sys.stderr)
    print(
        f"The curriculum data is valid: {len(curriculum.skills)} skills in {len(curriculum.domains)} domains, "
        f"{len(curriculum.tracks)} tracks, {len(curriculum.learning_needs)} learning needs, "
        f"{len(curriculum.glossary)} glossary terms (version {curriculum.info.version})."
    )
    return 0


def schemas(args: argparse.Namespace) -> int:
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


def curriculum_diff(args: argparse.Namespace) -> int:
    if (args.revision is None) == (args.base_data is None):
        print("Give either a git revision (e.g. origin/main) or --base-data DIR, not both.", file=sys.stderr)
        return 2
    try:
        if args.revision is not None:
            read_base, compared_with = diff.git_reader(args.revision, args.data), f"`{args.revision}`"
        else:
            read_base, compared_with = diff.folder_reader(args.base_data), f"`{args.base_data}`"
    except diff.BaseUnreadable as error:
        print(f"Cannot read the base version: {error}.", file=sys.stderr)
        return 2
    report = diff.as_markdown(diff.compare(read_base, diff.folder_reader(args.data)), compared_with)
    if args.output:
        args.output.write_text(report, encoding="utf-8")
    print(report, end="")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description="Curriculum tools that need no MkDocs.")
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="validate data/*.yaml and report every problem")
    check_parser.add_argument("--data", type=Path, default=PROJECT / "data", help="the data folder (default: data/)")
    check_parser.set_defaults(run=check)
    schemas_parser = commands.add_parser("schemas", help="write the JSON Schemas of the data files from the models")
    schemas_parser.add_argument("--check", action="store_true", help="only report schemas that are out of date")
    schemas_parser.add_argument("--folder", type=Path, default=schema.SCHEMAS, help="where (default: schemas/)")
    schemas_parser.set_defaults(run=schemas)
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
