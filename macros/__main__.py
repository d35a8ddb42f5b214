"""Command line: check the curriculum data without building the site.

    python -m macros check [--data DIR]

Exit status 0 when the data is valid (review reminders are printed but do not fail), 1 when it is not.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description="Curriculum tools that need no MkDocs.")
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="validate data/*.yaml and report every problem")
    check_parser.add_argument("--data", type=Path, default=PROJECT / "data", help="the data folder (default: data/)")
    check_parser.set_defaults(run=check)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
