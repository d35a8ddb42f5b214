"""The bad-input corpus: one case per kind of mistake a faculty member can make in data/*.yaml.

Each case changes a copy of the tiny fixture curriculum and runs `python -m macros check`, asserting the
exit status and the exact message: file and line, record, field and what was expected. The same messages
stop the MkDocs build (see test_build.py)."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from macros.__main__ import main
from macros.model import KINDS, reference_fields
from records import track_record
from sitebuild import PROJECT


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


def test_the_fixture_itself_is_valid(mini_data):
    result = check(mini_data)
    assert result.code == 0, result.output
    assert "The curriculum data is valid" in result.output


def test_check_command_line(mini_data):
    """The real command: exit status 1 and the message on stderr, no traceback."""
    replace(mini_data, "skills.yaml", "  risk: moderate", "  risk: medium")
    command = [sys.executable, "-m", "macros", "check", "--data", str(mini_data)]
    done = subprocess.run(command, cwd=PROJECT, capture_output=True, text=True)
    assert done.returncode == 1
    assert "data/skills.yaml:" in done.stderr and "field risk: the text 'medium' is not allowed" in done.stderr
    assert "Traceback" not in done.stderr
    valid = subprocess.run(
        [*command[:-1], str(PROJECT / "tests" / "fixtures" / "mini")], cwd=PROJECT, capture_output=True, text=True
    )
    assert valid.returncode == 0, valid.stderr


def test_yaml_syntax_error_names_file_and_line(mini_data):
    line = replace(
        mini_data, "rotations.yaml", "  title: Interventional pain clinic", "  title: [Interventional pain clinic"
    )
    result = check(mini_data)
    assert result.code == 1
    (problem,) = result.problems
    assert problem.startswith(f"data/rotations.yaml:{line + 1}: YAML syntax error:"), problem
    assert "Check the indentation" in problem


def test_key_written_twice_in_a_record(mini_data):
    line = replace(mini_data, "domains.yaml", "  title: Safety\n", "  title: Safety\n  title: Safety again\n")
    result = check(mini_data)
    (problem,) = result.problems
    assert problem.startswith(f"data/domains.yaml:{line + 1}: YAML syntax error: the key 'title' is written twice")


def test_wrong_type(mini_data):
    line = replace(mini_data, "tracks.yaml", "min_supervised: 10}", "min_supervised: ten}")
    assert_fails_with(
        mini_data,
        f"data/tracks.yaml:{line}: record FEL-US-6M, field skills[2].min_supervised: expected a whole number, got the text 'ten'",
    )


def test_yes_no_where_text_was_meant(mini_data):
    line = replace(mini_data, "rotations.yaml", "title: Interventional pain clinic", "title: yes")
    assert_fails_with(
        mini_data,
        f"data/rotations.yaml:{line}: record ROT-PAIN-CLINIC, field title: "
        "expected text, got the yes/no value true (put it in quotes if you meant text)",
    )


def test_missing_field(mini_data):
    replace(mini_data, "skills.yaml", "  domain: ASSESS\n", "")
    line = line_containing(mini_data, "skills.yaml", "- id: ASSESS-HISTORY")
    assert_fails_with(
        mini_data, f"data/skills.yaml:{line}: record ASSESS-HISTORY, field domain: this required field is missing"
    )


def test_unknown_field_suggests_the_right_one(mini_data):
    line = replace(mini_data, "skills.yaml", "  risk: low\n  description: Takes", "  risk: low\n  descripton: Takes")
    result = assert_fails_with(
        mini_data,
        f"data/skills.yaml:{line + 1}: record ASSESS-HISTORY, field descripton: unknown field 'descripton' "
        "(did you mean 'description'?); allowed fields: id, title, domain, kind, modalities, risk, description, "
        "assessments, prerequisites, exams, source, last_reviewed, reviewed_by",
    )
    # the misspelt key also leaves the real one missing: both are said
    assert any("field description: this required field is missing" in p for p in result.problems)


def test_empty_text(mini_data):
    line = replace(
        mini_data, "glossary.yaml", "  expansion: Direct Observation of Procedural Skills", "  expansion: '   '"
    )
    assert_fails_with(mini_data, f"data/glossary.yaml:{line}: record DOPS, field expansion: must not be empty")


def test_duplicate_id(mini_data):
    text = (mini_data / "domains.yaml").read_text(encoding="utf-8")
    (mini_data / "domains.yaml").write_text(text + "- id: US\n  title: Ultrasound again\n  description: A second US.\n")
    first = line_containing(mini_data, "domains.yaml", "- id: US")
    second = len(text.splitlines()) + 1
    assert_fails_with(
        mini_data,
        f"data/domains.yaml:{second}: record US, field id: 'US' is already used by the record at line {first}; each id must be unique",
    )


def _reference_cases():
    for kind in KINDS:
        for path, ref in reference_fields(kind.model):
            yield pytest.param(kind, path, ref, id=f"{kind.name}.{'.'.join(path).replace('.[]', '[]')}")


@pytest.mark.parametrize(("kind", "path", "ref"), list(_reference_cases()))
def test_dangling_reference_in_every_reference_field(mini_data, kind, path, ref):
    """Every field that names another record, found from the models, rejects a name that does not exist."""
    records = yaml.safe_load((mini_data / kind.file).read_text(encoding="utf-8"))
    record = records[-1] if kind.name == "workshops" else records[0]
    bad = 99 if ref.key == "level" else "NO-SUCH-ID"
    concrete = _set(record, path, bad)
    (mini_data / kind.file).write_text(yaml.safe_dump(records, sort_keys=False, allow_unicode=True), encoding="utf-8")
    line = line_containing(mini_data, kind.file, str(bad))
    field = "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in concrete).lstrip(".")
    target = next(k for k in KINDS if k.name == ref.kind)
    said = "a level" if ref.key == "level" else "an ID"
    expected = f"data/{kind.file}:{line}: record {record[kind.key]}, field {field}: '{bad}' is not {said} in data/{target.file}"
    result = check(mini_data)
    assert result.code == 1
    assert any(problem.startswith(expected) for problem in result.problems), expected + "\n" + result.output


def _set(record: dict, path: tuple, value) -> tuple:
    """Put `value` at `path` (first item of each list, created if needed); return the concrete path."""
    node, concrete = record, []
    for position, step in enumerate(path):
        last = position == len(path) - 1
        if step == "[]":
            continue
        following_is_list = position + 1 < len(path) and path[position + 1] == "[]"
        if following_is_list:
            items = node.setdefault(step, [])
            concrete += [step, 0]
            if position + 2 == len(path):  # a list of references
                items[:1] = [value]
                return tuple(concrete)
            if not items:
                items.append({})
            node = items[0]
        elif last:
            node[step] = value
            concrete.append(step)
        else:
            node = node.setdefault(step, {})
            concrete.append(step)
    return tuple(concrete)


def test_level_outside_the_scale_lists_the_levels(mini_data):
    line = replace(
        mini_data,
        "tracks.yaml",
        "{skill: US-KNEE-INJ, level: 4, min_supervised: 10}",
        "{skill: US-KNEE-INJ, level: 6, min_supervised: 10}",
    )
    assert_fails_with(
        mini_data,
        f"data/tracks.yaml:{line}: record FEL-US-6M, field skills[2].level: '6' is not a level in data/entrustment.yaml "
        "(the levels are 1, 2, 3, 4, 5)",
    )


def test_value_not_in_the_allowed_list(mini_data):
    line = replace(mini_data, "skills.yaml", "  risk: moderate", "  risk: medium")
    assert_fails_with(
        mini_data,
        f"data/skills.yaml:{line}: record SAFETY-ASEPSIS, field risk: the text 'medium' is not allowed; expected 'low', 'moderate' or 'high'",
    )


def test_badly_written_id(mini_data):
    line = replace(mini_data, "domains.yaml", "- id: SAFETY", "- id: safety net")
    assert_fails_with(
        mini_data,
        f"data/domains.yaml:{line}: record safety net, field id: the text 'safety net' is not a valid ID; "
        "IDs use capitals, digits and single hyphens, e.g. US-LUMB-FACET",
    )


def test_very_long_text_is_refused_with_its_length(mini_data):
    line = replace(mini_data, "skills.yaml", "title: Structured chronic pain history", "title: " + "Pain history " * 40)
    length = len(("Pain history " * 40).strip())
    assert_fails_with(
        mini_data,
        f"data/skills.yaml:{line}: record ASSESS-HISTORY, field title: is {length} characters long; at most 120 are allowed",
    )


def test_bad_date(mini_data):
    line = replace(mini_data, "workshops.yaml", "start: 2099-05-10", "start: 10/05/2099")
    assert_fails_with(
        mini_data,
        f"data/workshops.yaml:{line}: record WS-FUTURE, field start: expected a date written YYYY-MM-DD, got the text '10/05/2099'",
    )


def test_session_that_ends_before_it_starts(mini_data):
    line = replace(mini_data, "workshops.yaml", "end: 2099-05-11", "end: 2099-05-01")
    assert_fails_with(
        mini_data,
        f"data/workshops.yaml:{line}: record WS-FUTURE, field end: the session ends (2099-05-01) before it starts (2099-05-10)",
    )


def test_session_of_a_track_that_is_not_a_workshop(mini_data):
    line = replace(
        mini_data,
        "workshops.yaml",
        "  track: WS-KNEE\n  topic: Knee injection refresher",
        "  track: FEL-US-6M\n  topic: Knee injection refresher",
    )
    assert_fails_with(
        mini_data,
        f"data/workshops.yaml:{line}: record WS-FUTURE, field track: FEL-US-6M is a fellowship track; sessions must belong to a workshop track",
    )


def test_specialty_admitted_twice(mini_data):
    line = replace(mini_data, "tracks.yaml", "    - background: NEUROLOGY\n", "    - background: ANAESTHESIOLOGY\n")
    assert_fails_with(
        mini_data,
        f"data/tracks.yaml:{line}: record FEL-US-6M, field admits[1].background: ANAESTHESIOLOGY is listed twice in admits",
    )


def test_prerequisites_that_go_round_in_a_circle(mini_data):
    replace(
        mini_data,
        "skills.yaml",
        "  assessments: [DOPS]\n  source: PROGRAMME",
        "  assessments: [DOPS]\n  prerequisites: [US-KNEE-INJ]\n  source: PROGRAMME",
    )
    line = line_containing(mini_data, "skills.yaml", "prerequisites: [US-KNEE-INJ]")
    assert_fails_with(
        mini_data,
        f"data/skills.yaml:{line}: record SAFETY-ASEPSIS, field prerequisites: "
        "prerequisites go round in a circle: SAFETY-ASEPSIS → US-KNEE-INJ → SAFETY-ASEPSIS",
    )


def test_procedural_skill_without_a_minimum_in_a_fellowship(mini_data):
    line = replace(
        mini_data, "tracks.yaml", "{skill: US-KNEE-INJ, level: 4, min_supervised: 10}", "{skill: US-KNEE-INJ, level: 4}"
    )
    assert_fails_with(
        mini_data,
        f"data/tracks.yaml:{line}: record FEL-US-6M, field skills[2]: US-KNEE-INJ is procedural, so a fellowship must set min_supervised for it",
    )


def test_minimum_number_on_a_skill_that_is_not_procedural(mini_data):
    line = replace(
        mini_data,
        "tracks.yaml",
        "{skill: ASSESS-HISTORY, level: 4}",
        "{skill: ASSESS-HISTORY, level: 4, min_supervised: 5}",
    )
    assert_fails_with(
        mini_data,
        f"data/tracks.yaml:{line}: record FEL-US-6M, field skills[0].min_supervised: "
        "only procedural skills have a minimum supervised number; ASSESS-HISTORY is clinical",
    )


def test_skill_taught_in_no_track(mini_data):
    text = (mini_data / "skills.yaml").read_text(encoding="utf-8")
    addition = (
        "- id: COMM-BAD-NEWS\n  title: Breaking bad news\n  domain: ASSESS\n  kind: clinical\n  risk: low\n"
        "  description: Shares difficult news with patients and families.\n  assessments: [CBD]\n  source: PROGRAMME\n"
    )
    (mini_data / "skills.yaml").write_text(text + addition, encoding="utf-8")
    line = len(text.splitlines()) + 1
    assert_fails_with(
        mini_data,
        f"data/skills.yaml:{line}: record COMM-BAD-NEWS, field id: COMM-BAD-NEWS is not taught in any track; "
        "add it to a track's skills in data/tracks.yaml",
    )


def test_curriculum_version_without_a_changelog_entry(mini_data):
    line = replace(mini_data, "curriculum.yaml", 'version: "2026.1"', 'version: "2026.2"')
    assert_fails_with(
        mini_data,
        f"data/curriculum.yaml:{line}: field version: version 2026.2 has no entry in data/changelog.yaml; add one saying what changed",
    )


def test_missing_file(mini_data):
    (mini_data / "exams.yaml").unlink()
    result = check(mini_data)
    assert result.code == 1
    assert "data/exams.yaml:1: the file data/exams.yaml is missing" in result.problems
    # references to exams are not reported as dangling: the one real problem is said once
    assert not any("is not an ID in data/exams.yaml" in p for p in result.problems)


def test_a_file_that_is_not_a_list(mini_data):
    (mini_data / "rotations.yaml").write_text("id: ROT-X\ntitle: One rotation\n", encoding="utf-8")
    assert_fails_with(
        mini_data,
        "data/rotations.yaml:1: expected a list of records, each starting with '- id:', got a record (key: value lines)",
    )


def test_all_problems_are_reported_in_one_run(mini_data):
    replace(mini_data, "skills.yaml", "  risk: moderate", "  risk: medium")
    replace(mini_data, "tracks.yaml", "min_supervised: 10}", "min_supervised: ten}")
    replace(mini_data, "glossary.yaml", "  expansion: Direct Observation of Procedural Skills", "  expansion: ''")
    result = check(mini_data)
    assert result.code == 1
    assert len(result.problems) == 3, result.output
    assert result.output.startswith("The curriculum data has 3 problems; nothing was published:")
    files = [problem.split(":")[0] for problem in result.problems]
    assert files == sorted(files), "problems are listed in file order"


@pytest.mark.parametrize(
    "text",
    [
        "Évaluation de la douleur — 疼痛評估 • Schmerz ± Überblick",
        "Needle <b>bold</b> & <script>alert('x')</script>",
        "Template {{ config.site_name }} and {% raw %} stay text",
        "A | pipe\nand a line break",
    ],
    ids=["non-ascii", "markup", "template-syntax", "pipe-and-line-break"],
)
def test_unusual_text_is_valid_data(mini_data, text):
    """Such text is allowed; test_build.py shows it is published exactly as typed."""
    replace(mini_data, "skills.yaml", "title: Structured chronic pain history", f"title: {json.dumps(text)}")
    result = check(mini_data)
    assert result.code == 0, result.output


# -- levels and numbers that contradict each other (the three consistency rules, and sign-off methods) --


def append_track(data_dir: Path, track_id: str, kind: str, exams: str, skills: str) -> None:
    path = data_dir / "tracks.yaml"
    path.write_text(path.read_text(encoding="utf-8") + track_record(track_id, kind, exams, skills), encoding="utf-8")


def change_knee_entry(data_dir: Path, fields: str) -> int:
    """Rewrite the fellowship's US-KNEE-INJ line (level 4, at least 10; its prerequisite SAFETY-ASEPSIS is at 4)."""
    return replace(
        data_dir,
        "tracks.yaml",
        "{skill: US-KNEE-INJ, level: 4, min_supervised: 10}",
        f"{{skill: US-KNEE-INJ, {fields}}}",
    )


def assert_valid(data_dir: Path) -> None:
    result = check(data_dir)
    assert result.code == 0, result.output


def test_level_above_a_prerequisite_in_the_same_track(mini_data):
    line = change_knee_entry(mini_data, "level: 5, min_supervised: 10")
    assert_fails_with(
        mini_data,
        f"data/tracks.yaml:{line}: record FEL-US-6M, field skills[2].level: level 5 for US-KNEE-INJ is above level 4 "
        "for its prerequisite SAFETY-ASEPSIS in this track; lower it, or say why in above_prerequisite_reason",
    )


def test_a_level_above_a_prerequisite_is_accepted_with_its_reason(mini_data):
    change_knee_entry(mini_data, "level: 5, min_supervised: 10, above_prerequisite_reason: Taught on its own list.")
    assert_valid(mini_data)


def test_a_reason_where_no_prerequisite_is_lower(mini_data):
    line = change_knee_entry(
        mini_data, "level: 4, min_supervised: 10, above_prerequisite_reason: Taught on its own list."
    )
    assert_fails_with(
        mini_data,
        f"data/tracks.yaml:{line}: record FEL-US-6M, field skills[2].above_prerequisite_reason: "
        "level 4 is not above any prerequisite of US-KNEE-INJ in this track; remove the reason",
    )


def test_exam_module_expecting_more_than_a_fellowship_reaches(mini_data):
    append_track(mini_data, "EXAM-FIPP", "exam-preparation", "[FIPP]", "    - {skill: US-KNEE-INJ, level: 5}\n")
    line = line_containing(mini_data, "tracks.yaml", "{skill: US-KNEE-INJ, level: 5}")
    assert_fails_with(
        mini_data,
        f"data/tracks.yaml:{line}: record EXAM-FIPP, field skills[0].level: the module expects level 5 in US-KNEE-INJ, "
        "but FEL-US-6M, which also prepares for FIPP, ends at level 4; expect no more than the fellowships reach",
    )


def test_exam_module_expecting_a_skill_a_fellowship_does_not_teach(mini_data):
    replace(mini_data, "tracks.yaml", "    - {skill: ASSESS-HISTORY, level: 4}\n", "")
    replace(mini_data, "tracks.yaml", "{skill: ASSESS-HISTORY, level: 2}", "{skill: US-KNEE-INJ, level: 2}")
    append_track(mini_data, "EXAM-FIPP", "exam-preparation", "[FIPP]", "    - {skill: ASSESS-HISTORY, level: 3}\n")
    line = line_containing(mini_data, "tracks.yaml", "{skill: ASSESS-HISTORY, level: 3}")
    assert_fails_with(
        mini_data,
        f"data/tracks.yaml:{line}: record EXAM-FIPP, field skills[0].level: the module expects level 3 in "
        "ASSESS-HISTORY, but FEL-US-6M, which also prepares for FIPP, does not teach it; "
        "expect no more than the fellowships reach",
    )


def test_exam_module_for_another_exam_is_not_compared(mini_data):
    append_track(mini_data, "EXAM-OTHER", "exam-preparation", "[]", "    - {skill: US-KNEE-INJ, level: 5}\n")
    assert_valid(mini_data)


def test_higher_level_with_a_lower_minimum_in_another_track(mini_data):
    append_track(
        mini_data, "FEL-PM-1Y", "fellowship", "[]", "    - {skill: US-KNEE-INJ, level: 5, min_supervised: 5}\n"
    )
    line = line_containing(mini_data, "tracks.yaml", "{skill: US-KNEE-INJ, level: 5, min_supervised: 5}")
    result = assert_fails_with(
        mini_data,
        f"data/tracks.yaml:{line}: record FEL-PM-1Y, field skills[0].min_supervised: level 5 for US-KNEE-INJ needs "
        "at least 5 supervised here, fewer than the 10 FEL-US-6M asks for level 4; a higher level needs at least as many",
    )
    assert len(result.problems) == 1, "the lower-level track is not blamed as well"


def test_a_higher_level_with_as_many_supervised_is_accepted(mini_data):
    append_track(
        mini_data, "FEL-PM-1Y", "fellowship", "[]", "    - {skill: US-KNEE-INJ, level: 5, min_supervised: 10}\n"
    )
    assert_valid(mini_data)


def test_sign_off_method_the_skill_and_the_track_do_not_use(mini_data):
    line = change_knee_entry(mini_data, "level: 4, min_supervised: 10, sign_off_requires: [CBD]")
    result = assert_fails_with(
        mini_data,
        f"data/tracks.yaml:{line}: record FEL-US-6M, field skills[2].sign_off_requires[0]: "
        "CBD is not one of the assessments of US-KNEE-INJ (DOPS, LOGBOOK); add it to the skill's assessments in data/skills.yaml",
    )
    assert (
        f"data/tracks.yaml:{line}: record FEL-US-6M, field skills[2].sign_off_requires[0]: "
        "CBD is not one of this track's assessments; add it there"
    ) in result.problems


def test_a_sign_off_method_the_skill_and_the_track_use_is_accepted(mini_data):
    change_knee_entry(mini_data, "level: 4, min_supervised: 10, sign_off_requires: [DOPS]")
    assert_valid(mini_data)
