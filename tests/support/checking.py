"""`python -m macros check` run in the test's own process on a copy of data, and the changes tests make to it."""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass
from pathlib import Path

from macros.__main__ import main


@dataclass
class Result:
    code: int
    output: str

    @property
    def problems(self) -> list[str]:
        return [line.strip() for line in self.output.splitlines() if line.startswith("  ")]


def check(data_dir: Path) -> Result:
    """`python -m macros check --data DIR`, run in this process (test_check_command_line runs the real one)."""
    output = io.StringIO()
    with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
        code = main(["check", "--data", str(data_dir)])
    return Result(code, output.getvalue())


def replace(data_dir: Path, file: str, old: str, new: str) -> int:
    """Replace the first `old` in a data file and return the line (1-based) where the change starts."""
    path = data_dir / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture {file} no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def line_containing(data_dir: Path, file: str, needle: str) -> int:
    lines = (data_dir / file).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if needle in line)


def assert_fails_with(data_dir: Path, expected: str) -> Result:
    result = check(data_dir)
    assert result.code == 1, result.output
    assert expected in result.problems, f"expected problem:\n  {expected}\ngot:\n" + result.output
    assert "Traceback" not in result.output
    return result


def assert_refused_with(data_dir: Path, expected: str) -> None:
    """The file is refused with this one problem, and nothing else is said about the data."""
    result = check(data_dir)
    assert result.code == 1, result.output
    assert result.problems == [expected], f"expected the one problem:\n  {expected}\ngot:\n{result.output}"
    assert "Traceback" not in result.output


def run_check(data: Path) -> tuple[int, str, str]:
    """`python -m macros check --data DATA`: exit status, what it printed, what it printed as problems."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["check", "--data", str(data)])
    return status, out.getvalue(), err.getvalue()
