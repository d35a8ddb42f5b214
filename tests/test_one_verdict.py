"""One verdict: the check (so `make check`, the build and CI) and the JSON Schemas (so the editor and
pre-commit) accept and refuse the same data, and yamllint refuses nothing the check accepts.

The check reads YAML 1.2, as check-jsonschema (ruamel.yaml) and the editor do, and each remaining question is
decided once in macros/model/values.py, so the schemas follow. Each case below is one such decision, made on a copy
of the fixture curriculum; CONTRIBUTING.md ("One verdict") lists them for faculty. The schema side runs
check-jsonschema itself, on the file as written (its own YAML reading, not the check's), as an editor would.
"""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass
from pathlib import Path

import check_jsonschema
import pytest
from click.testing import CliRunner
from yamllint import linter
from yamllint.config import YamlLintConfig

from macros.__main__ import main
from macros.model import DATA_FILES_BY_NAME
from macros.schema import SCHEMAS, schema_file_name
from tests.support.sitebuild import PROJECT

ACCEPTED, REFUSED = True, False
YAMLLINT = YamlLintConfig(file=str(PROJECT / ".yamllint.yaml"))


@dataclass(frozen=True)
class Case:
    file: str
    old: str
    new: str
    verdict: bool
    encoding: str = "utf-8"

    def apply(self, data: Path) -> Path:
        path = data / self.file
        text = path.read_text(encoding="utf-8")
        assert self.old in text, f"the fixture {self.file} no longer contains {self.old!r}"
        path.write_bytes(text.replace(self.old, self.new, 1).encode(self.encoding))
        return path


SKILL_END = "  assessments: [CBD]\n  source: PROGRAMME\n"  # the end of the first skill, ASSESS-HISTORY
TRACK_ENTRY = "{skill: US-KNEE-INJ, level: 4, min_supervised: 10}"
TITLE = "  title: Structured chronic pain history\n"


def reviewed_by(value: str) -> Case:
    return Case("skills.yaml", SKILL_END, f"{SKILL_END}  reviewed_by: {value}\n", REFUSED)


def minimum(value: str, verdict: bool) -> Case:
    return Case("tracks.yaml", TRACK_ENTRY, TRACK_ENTRY.replace("10}", f"{value}}}"), verdict)


def review(value: str, verdict: bool) -> Case:
    route = "    - background: NEUROLOGY\n"
    return Case("tracks.yaml", route, f"{route}      review: {value}\n", verdict)


def start(value: str, verdict: bool) -> Case:
    return Case("workshops.yaml", "start: 2099-05-10", f"start: {value}", verdict)


def fee(amount: str, verdict: bool) -> Case:
    return Case(
        "admissions.yaml",
        "- track: WS-KNEE\n",
        f"- track: WS-KNEE\n  fee:\n    amount: {amount}\n    currency: INR\n",
        verdict,
    )


CASES = {
    # Numbers are written as numbers. "10" in quotes is text, as JSON Schema says.
    "quoted-number": minimum('"10"', REFUSED),
    "number": minimum("10", ACCEPTED),
    "number-written-10.0": minimum("10.0", ACCEPTED),  # a whole number, in JSON Schema as in the check
    "number-with-a-fraction": minimum("10.5", REFUSED),
    "number-true": minimum("true", REFUSED),
    "number-with-leading-zero": minimum("012", ACCEPTED),  # twelve in YAML 1.2 (YAML 1.1 read ten)
    "number-1e1": minimum("1e1", ACCEPTED),  # ten in YAML 1.2 (text in YAML 1.1)
    # Text is text: not empty, not only spaces, not a yes/no word.
    "text-of-spaces": Case("skills.yaml", TITLE, "  title: '   '\n", REFUSED),
    "text-with-spaces-around": Case("skills.yaml", TITLE, "  title: '  Structured history  '\n", ACCEPTED),
    "reviewed-by-yes": reviewed_by("yes"),
    "reviewed-by-quoted-yes": reviewed_by('"yes"'),
    "reviewed-by-true": reviewed_by("true"),
    "reviewed-by-on": reviewed_by("On"),
    "reviewed-by-a-name": Case(
        "skills.yaml",
        SKILL_END,
        f"{SKILL_END}  last_reviewed: 2026-10-01\n  reviewed_by: Curriculum committee\n",  # a review names who and when
        ACCEPTED,
    ),
    "text-1:30": Case("skills.yaml", TITLE, "  title: 1:30\n", ACCEPTED),  # text in YAML 1.2 (90 in YAML 1.1)
    "version-unquoted": Case("curriculum.yaml", 'version: "2026.1"', "version: 2026.1", REFUSED),  # a number
    # A yes-or-no field (an admission by review) takes true or false, as JSON Schema's boolean does.
    "true": review("true", ACCEPTED),
    "false": review("false", ACCEPTED),
    "true-quoted": review('"true"', REFUSED),
    "true-as-yes": review("yes", REFUSED),
    "true-as-1": review("1", REFUSED),
    # Amounts: a number, or Indian or international grouping after an optional ₹ or currency code.
    "amount": fee("450000", ACCEPTED),
    "amount-indian-grouping": fee("4,50,000", ACCEPTED),
    "amount-rupee-sign": fee("₹4,50,000", ACCEPTED),
    "amount-currency-code": fee("INR 4,50,000", ACCEPTED),
    "amount-international-grouping": fee("450,000", ACCEPTED),
    "amount-commas-misplaced": fee("4,5,0000", REFUSED),
    "amount-in-lakh": fee("4.5 lakh", REFUSED),
    "amount-in-braces-with-commas": Case(
        "admissions.yaml", "- track: WS-KNEE\n", "- track: WS-KNEE\n  fee: {amount: 4,50,000, currency: INR}\n", REFUSED
    ),
    # Dates are YYYY-MM-DD and exist.
    "date-day-first": start("31/12/2099", REFUSED),
    "date": start("2099-05-10", ACCEPTED),
    "date-quoted": start('"2099-05-10"', ACCEPTED),
    "date-impossible": start("2099-02-30", REFUSED),
    "date-month-13": start("2099-13-01", REFUSED),
    "date-single-digits": start("2099-5-10", REFUSED),
    "date-with-a-time": start("2099-05-10T10:00:00", REFUSED),
    "date-as-a-number": start("20990510", REFUSED),
    # The file itself.
    "windows-line-endings": Case("skills.yaml", "\n", "\r\n", ACCEPTED),
    "byte-order-mark": Case("skills.yaml", "# yaml-language-server", "\ufeff# yaml-language-server", ACCEPTED),
    "windows-ansi": Case("skills.yaml", TITLE, "  title: Chronic pain history (évaluation)\n", REFUSED, "cp1252"),
    "tab-as-indentation": Case("skills.yaml", TITLE, "\ttitle: Structured chronic pain history\n", REFUSED),
    "tab-in-unquoted-text": Case("skills.yaml", TITLE, "  title: Structured\tchronic pain history\n", REFUSED),
    "tab-in-quoted-text": Case("skills.yaml", TITLE, '  title: "Structured\tchronic pain history"\n', ACCEPTED),
    "nul-character": Case("skills.yaml", TITLE, "  title: Structured\x00 chronic pain history\n", REFUSED),
    "key-written-twice": Case("skills.yaml", TITLE, TITLE + TITLE, REFUSED),
    "merge-key": Case("skills.yaml", TITLE, "  <<: {title: Structured chronic pain history}\n", ACCEPTED),
    "tagged-text": Case("skills.yaml", TITLE, "  title: !!str 2026\n", ACCEPTED),
    "empty-optional-field": Case("skills.yaml", SKILL_END, f"{SKILL_END}  reviewed_by:\n", ACCEPTED),
    "unknown-field": Case("skills.yaml", SKILL_END, f"{SKILL_END}  reviewer: Committee\n", REFUSED),
}


def check_accepts(data: Path) -> bool:
    output = io.StringIO()
    with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
        status = main(["check", "--data", str(data)])
    assert "Traceback" not in output.getvalue()
    return status == 0


def schema_accepts(path: Path) -> bool:
    schema = SCHEMAS / schema_file_name(DATA_FILES_BY_NAME[path.stem])
    done = CliRunner().invoke(check_jsonschema.main, ["--schemafile", str(schema), str(path)])
    return done.exit_code == 0


def yamllint_errors(path: Path) -> list:
    with path.open(newline="") as text:  # as yamllint's command line opens it
        return [problem for problem in linter.run(text, YAMLLINT, str(path)) if problem.level == "error"]


@pytest.mark.parametrize("name", list(CASES))
def test_the_check_and_the_schema_give_the_same_verdict(name, mini_data):
    case = CASES[name]
    path = case.apply(mini_data)
    verdict = "accepted" if case.verdict else "refused"
    assert check_accepts(mini_data) is case.verdict, f"the check should have {verdict} it"
    assert schema_accepts(path) is case.verdict, f"the JSON Schema (check-jsonschema) should have {verdict} it"
    if case.verdict is ACCEPTED and case.encoding == "utf-8" and "\x00" not in case.new:
        assert yamllint_errors(path) == [], "yamllint refuses what the check accepts"


def test_yamllint_errors_are_refused_by_the_check_too(mini_data):
    """yamllint's error-level rules (.yamllint.yaml) on a file the check can read."""
    path = CASES["reviewed-by-yes"].apply(mini_data)
    assert [problem.rule for problem in yamllint_errors(path)] == ["truthy"]
    assert not check_accepts(mini_data)


def test_layout_yaml_reads_the_same_either_way_is_only_a_warning(mini_data):
    path = mini_data / "skills.yaml"
    text = path.read_text(encoding="utf-8").replace("  title: Structured", "  title:  Structured", 1)
    path.write_text(text.replace("assessments: [CBD]", "assessments: [ CBD ]", 1), encoding="utf-8")
    assert check_accepts(mini_data) and schema_accepts(path)
    with path.open(newline="") as opened:
        warned = {problem.rule for problem in linter.run(opened, YAMLLINT, str(path))}
    assert warned == {"colons", "brackets"}
    assert yamllint_errors(path) == []
