"""The bad-input corpus: one case per kind of mistake a faculty member can make in data/*.yaml.

Each case changes a copy of the tiny fixture curriculum and runs `python -m macros check`, asserting the
exit status and the exact message: file and line, record, field and what was expected. The same messages
stop the MkDocs build (see test_build.py)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from macros import yamlfile
from macros.load import load_curriculum
from macros.model import DATA_FILES, entry_key, field_shapes, reference_fields
from tests.support.checking import assert_fails_with, assert_refused_with, check, line_containing, replace
from tests.support.records import track_record
from tests.support.sitebuild import PROJECT


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


def test_yaml_syntax_error_names_file_line_record_and_field(mini_data):
    line = replace(
        mini_data, "rotations.yaml", "  title: Interventional pain clinic", "  title: [Interventional pain clinic"
    )
    assert_refused_with(
        mini_data,
        f"data/rotations.yaml:{line}: record ROT-PAIN-CLINIC, field title: YAML syntax error: a list opened with '[' "
        "on this line is not closed with ']'. Close it, or put text that starts with '[' in quotes",
    )


def test_key_written_twice_in_a_record(mini_data):
    line = replace(mini_data, "domains.yaml", "  title: Safety\n", "  title: Safety\n  title: Safety again\n")
    assert_refused_with(
        mini_data,
        f"data/domains.yaml:{line + 1}: record SAFETY, field title: the key 'title' is written twice in the same record",
    )


def test_unclosed_quote_is_said_where_it_starts(mini_data):
    line = replace(mini_data, "domains.yaml", "  title: Safety\n", '  title: "Safety\n')
    assert_refused_with(
        mini_data,
        f"data/domains.yaml:{line}: record SAFETY, field title: YAML syntax error: the quoted text that starts on this "
        "line has no closing quote. End it with the quote mark it starts with",
    )


# -- impossible dates: a problem in their field, never PyYAML's crash ----------------------------


@pytest.mark.parametrize(
    ("written", "why"),
    [
        ("2099-02-30", "February 2099 has 28 days"),
        ("2099-13-01", "there is no month 13; months run from 01 to 12"),
        ("2027-02-29", "February 2027 has 28 days"),
        ("2099-04-31", "April 2099 has 30 days"),
        ("2099-00-10", "there is no month 00; months run from 01 to 12"),
    ],
)
def test_impossible_date(mini_data, written, why):
    line = replace(mini_data, "workshops.yaml", "start: 2099-05-10", f"start: {written}")
    assert_fails_with(
        mini_data,
        f"data/workshops.yaml:{line}: record WS-FUTURE, field start: {written} is not a date: {why}. "
        "Write a date that exists, as YYYY-MM-DD",
    )


def test_impossible_date_in_every_tool_that_reads_dates(mini_data):
    """The same message from the one-record file (curriculum.yaml) and a nested place: no crash anywhere."""
    line = replace(mini_data, "curriculum.yaml", "effective: 2026-11-01", "effective: 2026-11-31")
    assert_fails_with(
        mini_data,
        f"data/curriculum.yaml:{line}: field effective: 2026-11-31 is not a date: November 2026 has 30 days. "
        "Write a date that exists, as YYYY-MM-DD",
    )


# -- the file itself: encoding, characters, tabs, missing colons ----------------------------------

UTF8_ADVICE = "Save the file as UTF-8 (in Windows Notepad: File, Save as, Encoding: UTF-8)"


def test_a_file_saved_as_windows_ansi(mini_data):
    """Latin-1 / Windows-1252, as Notepad's "ANSI" saves it: the line of the first character UTF-8 cannot read."""
    path = mini_data / "domains.yaml"
    text = path.read_text(encoding="utf-8").replace("  title: Safety\n", "  title: Sécurité\n", 1)
    path.write_bytes(text.encode("cp1252"))
    line = text[: text.index("Sécurité")].count("\n") + 1
    assert_refused_with(
        mini_data,
        f"data/domains.yaml:{line}: record SAFETY, field title: the file is not saved as UTF-8: this line has the "
        f"byte 0xE9 ('é' in the Windows encoding, ANSI), which UTF-8 cannot read. {UTF8_ADVICE}, or retype the "
        "character in GitHub's editor",
    )


def test_a_file_saved_as_utf16(mini_data):
    path = mini_data / "domains.yaml"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    assert_refused_with(
        mini_data,
        f'data/domains.yaml:1: the file is saved as UTF-16 (Windows calls it "Unicode"), not UTF-8. {UTF8_ADVICE}',
    )


@pytest.mark.parametrize(
    ("char", "said"),
    [
        ("\x00", "a NUL character (U+0000) at column 14; it usually means the file is damaged or is not a text file"),
        ("\x0b", "an invisible line break (U+000B) at column 14; Word makes one with Shift+Enter"),
        (
            "\x07",
            "an invisible control character (U+0007) at column 14; it usually comes with text pasted from a PDF or a word processor",
        ),
        (
            "\u2028",
            "an invisible line separator (U+2028) at column 14; it usually comes with text pasted from a PDF or a word processor",
        ),
    ],
    ids=["nul", "word-line-break", "bell", "line-separator"],
)
def test_control_characters(mini_data, char, said):
    line = replace(mini_data, "domains.yaml", "  title: Safety\n", f"  title: Safe{char}ty\n")
    assert_refused_with(mini_data, f"data/domains.yaml:{line}: record SAFETY, field title: {said}. Delete it")


TAB_ADVICE = "YAML allows tabs only inside quoted text. Replace it with spaces (two for each level of indentation)"


def test_a_tab_as_indentation(mini_data):
    line = replace(mini_data, "domains.yaml", "  title: Safety\n", "\ttitle: Safety\n")
    assert_refused_with(
        mini_data, f"data/domains.yaml:{line}: record SAFETY, field title: a tab character at column 1; {TAB_ADVICE}"
    )


def test_a_tab_inside_unquoted_text(mini_data):
    line = replace(mini_data, "domains.yaml", "  title: Safety\n", "  title: Safety\tfirst\n")
    assert_refused_with(
        mini_data, f"data/domains.yaml:{line}: record SAFETY, field title: a tab character at column 16; {TAB_ADVICE}"
    )


def test_tabs_inside_quotes_and_comments_are_fine(mini_data):
    replace(mini_data, "domains.yaml", "  title: Safety\n", '  title: "Safety\tfirst"  #\ta comment\n')
    result = check(mini_data)
    assert result.code == 0, result.output


@pytest.mark.parametrize(
    ("old", "new", "record"),
    [
        ("  risk: low\n", "  risk low\n", "record ASSESS-HISTORY, "),
        (
            "  source: PROGRAMME\n- id: SAFETY-ASEPSIS",
            "  source PROGRAMME\n- id: SAFETY-ASEPSIS",
            "record ASSESS-HISTORY, ",
        ),
        ("- id: SAFETY-ASEPSIS\n", "- id SAFETY-ASEPSIS\n", ""),
    ],
    ids=["in-a-record", "last-of-a-record", "first-of-a-record"],
)
def test_missing_colon_is_said_at_its_own_line(mini_data, old, new, record):
    """YAML notices a missing colon a line later, or as "mapping values are not allowed" on the next line."""
    line = replace(mini_data, "skills.yaml", old, new)
    written = new.splitlines()[0]
    indent, name, value = re.match(r"^(\s*(?:- )?)(\w+) (.*)$", written).groups()
    assert_refused_with(
        mini_data,
        f"data/skills.yaml:{line}: {record}field {name}: '{written.strip()}' has no colon after the field name. "
        f"Write '{indent.lstrip()}{name}: {value}'",
    )


def test_missing_colon_inside_braces(mini_data):
    line = replace(
        mini_data,
        "tracks.yaml",
        "{skill: US-KNEE-INJ, level: 4, min_supervised: 10}",
        "{skill: US-KNEE-INJ, level 4, min_supervised: 10}",
    )
    result = assert_fails_with(
        mini_data,
        f"data/tracks.yaml:{line}: record FEL-US-6M, field skills[US-KNEE-INJ].level: 'level 4' has no colon after "
        "the field name. Write 'level: 4'",
    )
    assert len(result.problems) == 1, "the missing level is the same mistake, not said again"


# -- hostile files: refused at once, before they can cost time or memory --------------------------

HOSTILE = {
    "billion-laughs": (
        "- &a [x, x, x, x, x, x, x, x, x, x]\n"
        + "".join(f"- &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 10)}]\n" for i in range(9))
    ),
    "deep-nesting": "- " + "[" * 100_000 + "]" * 100_000 + "\n",
    "huge": "# " + "x" * 10_000_000 + "\n",
}
HOSTILE_SAID = {
    "billion-laughs": "data/skills.yaml:2: '*a' repeats another part of the file (a YAML alias); curriculum data does "
    "not use aliases, so that no file can grow out of bounds. Write the value out in full",
    "deep-nesting": "data/skills.yaml:1: lists and records are nested more than 20 levels deep here. "
    "Check the brackets and the indentation",
    "huge": "data/skills.yaml:1: the file is 10.0 MB; a data file may be at most 10 MB. Check that this is the right file",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_file_is_refused_at_once(mini_data, name):
    """The real command, in its own process with a time limit: a file built to exhaust time or memory (a
    "billion laughs" of aliases, 100,000 levels of brackets that crash libyaml's composer, more than 10 MB)
    gets one line. The limit only keeps a regression from hanging the suite; bench/ has no figure for it."""
    (mini_data / "skills.yaml").write_text(HOSTILE[name], encoding="utf-8")
    command = [sys.executable, "-m", "macros", "check", "--data", str(mini_data)]
    done = subprocess.run(command, cwd=PROJECT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    problems = [line.strip() for line in done.stderr.splitlines() if line.startswith("  data/skills.yaml")]
    assert problems == [HOSTILE_SAID[name]], done.stderr


def test_a_file_of_more_values_than_any_curriculum(mini_data, monkeypatch):
    """Reading stops at MAX_VALUES (lowered here: a file at the real limit takes seconds to build and read)."""
    monkeypatch.setattr(yamlfile, "MAX_VALUES", 1000)
    (mini_data / "skills.yaml").write_text("- 1\n" * 2000, encoding="utf-8")
    assert_refused_with(
        mini_data,
        "data/skills.yaml:1000: the file holds more than 1,000 values (texts, numbers, lists and records) by this "
        "line; curriculum data is far smaller. Check that this is the right file",
    )


@pytest.mark.parametrize(
    ("file", "old", "new"),
    [
        ("domains.yaml", "- id: SAFETY", "- id: [SAFETY]"),
        ("domains.yaml", "- id: SAFETY", "- id: {name: SAFETY}"),
        ("tracks.yaml", "{skill: US-KNEE-INJ, level: 2}", "{skill: [US-KNEE-INJ], level: 2}"),
        ("tracks.yaml", "{skill: US-KNEE-INJ, level: 2}", "{skill: US-KNEE-INJ, level: [2]}"),
        ("skills.yaml", "  assessments: [CBD]", "  assessments: [[CBD]]"),
        ("curriculum.yaml", "title: Pain Medicine Fellowship Curriculum", "- title: A list instead"),
    ],
    ids=["id-as-list", "id-as-record", "skill-as-list", "level-as-list", "nested-list", "list-for-a-record"],
)
def test_a_value_of_the_wrong_shape_never_crashes(mini_data, file, old, new):
    """Lists and records where one value belongs: each is a problem in its field, never a traceback."""
    replace(mini_data, file, old, new)
    result = check(mini_data)
    assert result.code == 1, result.output
    assert any(problem.startswith(f"data/{file}:") for problem in result.problems), result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("kind", DATA_FILES, ids=lambda kind: kind.name)
def test_one_unreadable_file_of_the_real_data_is_one_problem(tmp_path, kind):
    """A broken save, as in the live preview: the file's own problem, and none from the files that refer to it."""
    data = tmp_path / "data"
    shutil.copytree(PROJECT / "data", data)
    path = data / kind.file_name
    path.write_text(path.read_text(encoding="utf-8") + "\t\n", encoding="utf-8")
    result = check(data)
    assert result.code == 1
    assert [problem.split(":")[0] for problem in result.problems] == [f"data/{kind.file_name}"], result.output


def test_wrong_type(mini_data):
    line = replace(mini_data, "tracks.yaml", "min_supervised: 10}", "min_supervised: ten}")
    assert_fails_with(
        mini_data,
        f"data/tracks.yaml:{line}: record FEL-US-6M, field skills[US-KNEE-INJ].min_supervised: expected a whole number, got the text 'ten'",
    )


@pytest.mark.parametrize("written", ["yes", "'Yes'", "off"])
def test_yes_no_where_text_was_meant(mini_data, written):
    line = replace(mini_data, "rotations.yaml", "title: Interventional pain clinic", f"title: {written}")
    assert_fails_with(
        mini_data,
        f"data/rotations.yaml:{line}: record ROT-PAIN-CLINIC, field title: "
        f"'{written.strip(chr(39))}' on its own is a yes/no word, not text. Write the text itself",
    )


def test_true_where_text_was_meant(mini_data):
    line = replace(mini_data, "rotations.yaml", "title: Interventional pain clinic", "title: true")
    assert_fails_with(
        mini_data,
        f"data/rotations.yaml:{line}: record ROT-PAIN-CLINIC, field title: expected text, got the yes/no value true",
    )


def test_missing_field(mini_data):
    replace(mini_data, "skills.yaml", "  domain: ASSESS\n", "")
    line = line_containing(mini_data, "skills.yaml", "- id: ASSESS-HISTORY")
    assert_fails_with(
        mini_data, f"data/skills.yaml:{line}: record ASSESS-HISTORY, field domain: this required field is missing"
    )


def test_unknown_field_suggests_the_right_one(mini_data):
    line = replace(mini_data, "skills.yaml", "  risk: low\n  description: Takes", "  risk: low\n  descripton: Takes")
    assert_refused_with(
        mini_data,
        f"data/skills.yaml:{line + 1}: record ASSESS-HISTORY, field descripton: unknown field 'descripton' "
        "(did you mean 'description'?); allowed fields: id, title, domain, kind, modalities, risk, description, "
        "assessments, prerequisites, exams, source, last_reviewed, reviewed_by",
    )  # the real field is then missing too, but that is the same mistake: it is not said again


def test_empty_text(mini_data):
    line = replace(
        mini_data, "glossary.yaml", "  expansion: Direct Observation of Procedural Skills", "  expansion: ''"
    )
    assert_fails_with(mini_data, f"data/glossary.yaml:{line}: record DOPS, field expansion: must not be empty")


def test_text_of_spaces_only(mini_data):
    line = replace(
        mini_data, "glossary.yaml", "  expansion: Direct Observation of Procedural Skills", "  expansion: '   '"
    )
    assert_fails_with(
        mini_data, f"data/glossary.yaml:{line}: record DOPS, field expansion: must not be empty: it holds only spaces"
    )


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
    for kind in DATA_FILES:
        for path, ref in reference_fields(kind.model):
            yield pytest.param(kind, path, ref, id=f"{kind.name}.{'.'.join(path).replace('.[]', '[]')}")


@pytest.mark.parametrize(("kind", "path", "ref"), list(_reference_cases()))
def test_dangling_reference_in_every_reference_field(mini_data, kind, path, ref):
    """Every field that names another record, found from the models, rejects a name that does not exist."""
    records = yaml.safe_load((mini_data / kind.file_name).read_text(encoding="utf-8"))
    record = records[-1] if kind.name == "workshops" else records[0]
    bad = 99 if ref.key == "level" else "NO-SUCH-ID"
    concrete = _set(record, path, bad)
    (mini_data / kind.file_name).write_text(
        yaml.safe_dump(records, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )
    line = line_containing(mini_data, kind.file_name, str(bad))
    field = _named(kind.model, record, concrete)
    target = next(k for k in DATA_FILES if k.name == ref.file)
    said = "a level" if ref.key == "level" else "an ID"
    expected = f"data/{kind.file_name}:{line}: record {record[kind.key]}, field {field}: '{bad}' is not {said} in data/{target.file_name}"
    result = check(mini_data)
    assert result.code == 1
    assert any(problem.startswith(expected) for problem in result.problems), expected + "\n" + result.output


def _named(model, raw, path: tuple) -> str:
    """How the check names a place: an item of a list of records by the record it names (its entry key, e.g.
    skills[US-KNEE-INJ]), or else by its place; an item of a list of IDs not at all (the message quotes it)."""
    name = ""
    for position, step in enumerate(path):
        if isinstance(step, int):
            key = entry_key(model)
            if key and isinstance(raw[step], dict) and key in raw[step]:
                name += f"[{raw[step][key]}]"
                if position == len(path) - 2 and path[-1] == key:
                    return name
            elif model is not None:
                name += f"[{step}]"
            raw = raw[step]
        else:
            name += f".{step}" if name else step
            model, raw = field_shapes(model)[step].nested, raw[step]
    return name


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
        f"data/tracks.yaml:{line}: record FEL-US-6M, field skills[US-KNEE-INJ].level: level 6 is not on the entrustment-supervision "
        "scale, which US-KNEE-INJ (a procedural skill) is assessed on; data/entrustment.yaml has levels 1, 2, 3, 4, 5",
    )


def test_level_of_a_professional_skill_is_on_the_milestone_scale(mini_data):
    """A knowledge or professional skill's levels are the milestone scale's: a level only the entrustment scale
    has is refused, and the message names the scale the skill is on."""
    replace(mini_data, "skills.yaml", "  kind: clinical\n", "  kind: professional\n")  # ASSESS-HISTORY
    (mini_data / "milestones.yaml").write_text(
        (mini_data / "milestones.yaml").read_text(encoding="utf-8").split("- level: 5")[0], encoding="utf-8"
    )
    line = replace(mini_data, "tracks.yaml", "{skill: ASSESS-HISTORY, level: 4}", "{skill: ASSESS-HISTORY, level: 5}")
    assert_fails_with(
        mini_data,
        f"data/tracks.yaml:{line}: record FEL-US-6M, field skills[ASSESS-HISTORY].level: level 5 is not on the milestone scale, "
        "which ASSESS-HISTORY (a professional skill) is assessed on; data/milestones.yaml has levels 1, 2, 3, 4",
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
        f"data/workshops.yaml:{line}: record WS-FUTURE, field start: expected a date written YYYY-MM-DD, got the text '10/05/2099'. "
        "Write 2099-05-10 if you meant 10 May 2099",
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
        f"data/tracks.yaml:{line}: record FEL-US-6M, field admits[ANAESTHESIOLOGY]: ANAESTHESIOLOGY is listed twice in admits",
    )


def test_preset_skill_listed_twice(mini_data):
    line = replace(
        mini_data,
        "backgrounds.yaml",
        "      - {skill: SAFETY-ASEPSIS, level: 3}\n",
        "      - {skill: SAFETY-ASEPSIS, level: 3}\n      - {skill: SAFETY-ASEPSIS, level: 4}\n",
    )
    assert_fails_with(
        mini_data,
        f"data/backgrounds.yaml:{line + 1}: record ANAESTHESIOLOGY, field preset.skills[SAFETY-ASEPSIS]: "
        "SAFETY-ASEPSIS is already in the preset of ANAESTHESIOLOGY; list each skill once, with one level",
    )


def test_preset_level_off_the_scale(mini_data):
    line = replace(
        mini_data,
        "backgrounds.yaml",
        "      - {skill: SAFETY-ASEPSIS, level: 3}\n",
        "      - {skill: SAFETY-ASEPSIS, level: 7}\n",
    )
    assert_fails_with(
        mini_data,
        f"data/backgrounds.yaml:{line}: record ANAESTHESIOLOGY, field preset.skills[SAFETY-ASEPSIS].level: level 7 is not "
        "on the entrustment-supervision scale, which SAFETY-ASEPSIS (a procedural skill) is assessed on; "
        "data/entrustment.yaml has levels 1, 2, 3, 4, 5",
    )


def test_preset_without_its_source(mini_data):
    replace(mini_data, "backgrounds.yaml", "    source: PROGRAMME\n", "")
    line = line_containing(mini_data, "backgrounds.yaml", "  preset:")
    assert_fails_with(
        mini_data,
        f"data/backgrounds.yaml:{line}: record ANAESTHESIOLOGY, field preset.source: this required field is missing",
    )


def test_review_is_true_or_false(mini_data):
    line = replace(
        mini_data, "tracks.yaml", "    - background: NEUROLOGY\n", "    - background: NEUROLOGY\n      review: yes\n"
    )
    assert_fails_with(
        mini_data,
        f"data/tracks.yaml:{line + 1}: record FEL-US-6M, field admits[NEUROLOGY].review: expected true or false, got "
        "the text 'yes'",
    )


def test_aims_only_on_fellowships(mini_data):
    line = replace(mini_data, "tracks.yaml", "  kind: workshop\n", "  kind: workshop\n  aims: [add-procedures]\n")
    assert_fails_with(
        mini_data,
        f"data/tracks.yaml:{line + 1}: record WS-KNEE, field aims: only a fellowship names aims, and WS-KNEE is workshop: "
        "remove its aims",
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
        f"data/tracks.yaml:{line}: record FEL-US-6M, field skills[US-KNEE-INJ]: US-KNEE-INJ is procedural, so a fellowship must set min_supervised for it",
    )


def test_minimum_number_on_a_skill_rated_on_milestones(mini_data):
    replace(mini_data, "skills.yaml", "  kind: clinical\n", "  kind: professional\n")  # ASSESS-HISTORY
    line = replace(
        mini_data,
        "tracks.yaml",
        "{skill: ASSESS-HISTORY, level: 4}",
        "{skill: ASSESS-HISTORY, level: 4, min_drills: 5}",
    )
    assert_fails_with(
        mini_data,
        f"data/tracks.yaml:{line}: record FEL-US-6M, field skills[ASSESS-HISTORY].min_drills: ASSESS-HISTORY is a professional "
        "skill, rated on the milestone scale: only procedural and clinical skills have minimum numbers; remove it",
    )


def test_a_clinical_skill_may_count_patients_managed_under_supervision(mini_data):
    replace(
        mini_data,
        "tracks.yaml",
        "{skill: ASSESS-HISTORY, level: 4}",
        "{skill: ASSESS-HISTORY, level: 4, min_supervised: 5}",
    )
    assert check(mini_data).code == 0


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
        f"data/tracks.yaml:{line}: record FEL-US-6M, field skills[US-KNEE-INJ].level: level 5 for US-KNEE-INJ is above level 4 "
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
        f"data/tracks.yaml:{line}: record FEL-US-6M, field skills[US-KNEE-INJ].above_prerequisite_reason: "
        "level 4 is not above any prerequisite of US-KNEE-INJ in this track; remove the reason",
    )


def test_exam_module_expecting_more_than_a_fellowship_reaches(mini_data):
    append_track(mini_data, "EXAM-FIPP", "exam-preparation", "[FIPP]", "    - {skill: US-KNEE-INJ, level: 5}\n")
    line = line_containing(mini_data, "tracks.yaml", "{skill: US-KNEE-INJ, level: 5}")
    assert_fails_with(
        mini_data,
        f"data/tracks.yaml:{line}: record EXAM-FIPP, field skills[US-KNEE-INJ].level: the module expects level 5 in US-KNEE-INJ, "
        "but FEL-US-6M, which also prepares for FIPP, ends at level 4; expect no more than the fellowships reach",
    )


def test_exam_module_expecting_a_skill_a_fellowship_does_not_teach(mini_data):
    replace(mini_data, "tracks.yaml", "    - {skill: ASSESS-HISTORY, level: 4}\n", "")
    replace(mini_data, "tracks.yaml", "{skill: ASSESS-HISTORY, level: 2}", "{skill: US-KNEE-INJ, level: 2}")
    append_track(mini_data, "EXAM-FIPP", "exam-preparation", "[FIPP]", "    - {skill: ASSESS-HISTORY, level: 3}\n")
    line = line_containing(mini_data, "tracks.yaml", "{skill: ASSESS-HISTORY, level: 3}")
    assert_fails_with(
        mini_data,
        f"data/tracks.yaml:{line}: record EXAM-FIPP, field skills[ASSESS-HISTORY].level: the module expects level 3 in "
        "ASSESS-HISTORY, but FEL-US-6M, which also prepares for FIPP, does not teach it; "
        "expect no more than the fellowships reach",
    )


def test_exam_module_for_another_exam_is_not_compared(mini_data):
    exams = mini_data / "exams.yaml"
    exams.write_text(
        exams.read_text(encoding="utf-8")
        + "- id: CIPS\n  title: CIPS\n  name: Certified Interventional Pain Sonologist\n"
        "  awarding_body: World Institute of Pain\n  description: An examination in ultrasound-guided pain practice. "
        "Confirm the current rules with the World Institute of Pain.\n  source: WIP-FIPP\n",
        encoding="utf-8",
    )
    replace(mini_data, "skills.yaml", "  exams: [FIPP]\n", "  exams: [FIPP, CIPS]\n")
    append_track(mini_data, "EXAM-OTHER", "exam-preparation", "[CIPS]", "    - {skill: US-KNEE-INJ, level: 5}\n")
    assert_valid(mini_data)


def test_higher_level_with_a_lower_minimum_in_another_track(mini_data):
    append_track(
        mini_data, "FEL-PM-1Y", "fellowship", "[]", "    - {skill: US-KNEE-INJ, level: 5, min_supervised: 5}\n"
    )
    line = line_containing(mini_data, "tracks.yaml", "{skill: US-KNEE-INJ, level: 5, min_supervised: 5}")
    result = assert_fails_with(
        mini_data,
        f"data/tracks.yaml:{line}: record FEL-PM-1Y, field skills[US-KNEE-INJ].min_supervised: level 5 for US-KNEE-INJ needs "
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
        f"data/tracks.yaml:{line}: record FEL-US-6M, field skills[US-KNEE-INJ].sign_off_requires: "
        "CBD is not one of the assessments of US-KNEE-INJ (DOPS, LOGBOOK); add it to the skill's assessments in data/skills.yaml",
    )
    assert (
        f"data/tracks.yaml:{line}: record FEL-US-6M, field skills[US-KNEE-INJ].sign_off_requires: "
        "CBD is not one of this track's assessments; add it there"
    ) in result.problems


def test_a_sign_off_method_the_skill_and_the_track_use_is_accepted(mini_data):
    change_knee_entry(mini_data, "level: 4, min_supervised: 10, sign_off_requires: [DOPS]")
    assert_valid(mini_data)


# -- Indian formats: amounts and dates as faculty in India write them ------------------------------


def write_fee(data_dir: Path, fee_lines: str) -> int:
    """Give FEL-US-6M a fee (lines under `- track: FEL-US-6M`); return the line of the first of them."""
    return replace(data_dir, "admissions.yaml", "- track: FEL-US-6M\n", f"- track: FEL-US-6M\n{fee_lines}") + 1


@pytest.mark.parametrize(
    "written",
    ["450000", "4,50,000", "₹4,50,000", "₹ 4,50,000", "INR 4,50,000", "450,000", '"4,50,000"', "4,50,000.00"],
)
def test_an_amount_with_indian_or_international_grouping(mini_data, written):
    write_fee(mini_data, f"  fee:\n    amount: {written}\n    currency: INR\n")
    assert_valid(mini_data)
    assert load_curriculum(mini_data).admission("FEL-US-6M").fee.amount == 450000


@pytest.mark.parametrize(
    ("written", "said"),
    [
        (
            "4,5,0000",
            "the commas in '4,5,0000' are in neither the Indian places (4,50,000) nor the international ones "
            "(450,000). Write 450000",
        ),
        ("4.5 lakh", "expected an amount such as 450000, 4,50,000 or ₹4,50,000, got the text '4.5 lakh'. Write 450000"),
        (
            "Rs. 4,50,000",
            "expected an amount such as 450000, 4,50,000 or ₹4,50,000, got the text 'Rs. 4,50,000'. Write 450000",
        ),
        (
            "4,50,000.50",
            "expected an amount such as 450000, 4,50,000 or ₹4,50,000, got the text '4,50,000.50'; an amount is a "
            "whole number, without paise or cents",
        ),
    ],
    ids=["commas-misplaced", "lakh", "rs", "paise"],
)
def test_an_amount_the_check_cannot_read_shows_the_number_to_write(mini_data, written, said):
    line = write_fee(mini_data, f"  fee:\n    amount: {written}\n    currency: INR\n")
    assert_refused_with(mini_data, f"data/admissions.yaml:{line + 1}: record FEL-US-6M, field fee.amount: {said}")


def test_an_indian_amount_inside_braces(mini_data):
    """Inside { } a comma starts the next field: YAML reads amount: 4 and two fields named 50 and 000."""
    line = write_fee(mini_data, "  fee: {amount: 4,50,000, currency: INR}\n")
    assert_refused_with(
        mini_data,
        f"data/admissions.yaml:{line}: record FEL-US-6M, field amount: 'amount: 4,50,000' is inside {{ }}, where a "
        "comma starts the next field, so it reads as amount: 4 followed by fields named 50 and 000. Write amount: "
        '450000, without commas, or put the amount in quotes: amount: "4,50,000"',
    )


def test_an_amount_in_another_currency_than_the_fee(mini_data):
    line = write_fee(mini_data, "  fee:\n    amount: USD 5,000\n    currency: INR\n")
    assert_refused_with(
        mini_data,
        f"data/admissions.yaml:{line + 1}: record FEL-US-6M, field fee.amount: the amount is written in USD, but the "
        "fee's currency is INR: write the amount as 5000 and the currency it is in",
    )


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("31/12/2099", "got the text '31/12/2099'. Write 2099-12-31"),
        ("31-12-2099", "got the text '31-12-2099'. Write 2099-12-31"),
        ("12/31/2099", "got the text '12/31/2099'. Write 2099-12-31"),
        ("05/10/2099", "got the text '05/10/2099'. Write 2099-10-05 if you meant 5 October 2099"),
        ("10 May 2099", "got the text '10 May 2099'. Write 2099-05-10"),
        (
            "31/02/2099",
            "got the text '31/02/2099', and February 2099 has 28 days. Write a date that exists, as YYYY-MM-DD",
        ),
    ],
    ids=["dd/mm/yyyy", "dd-mm-yyyy", "mm/dd/yyyy", "day-or-month", "in-words", "no-such-day"],
)
def test_a_date_written_the_indian_way_is_refused_with_the_date_to_write(mini_data, written, said):
    line = replace(mini_data, "workshops.yaml", "start: 2099-05-10", f"start: {written}")
    assert_refused_with(
        mini_data,
        f"data/workshops.yaml:{line}: record WS-FUTURE, field start: expected a date written YYYY-MM-DD, {said}",
    )


def test_an_intake_month_written_the_indian_way(mini_data):
    line = write_fee(mini_data, "  intakes:\n    - starts: 01/2099\n")
    assert_refused_with(
        mini_data,
        f"data/admissions.yaml:{line + 1}: record FEL-US-6M, field intakes[0].starts: expected a month written "
        "YYYY-MM or a date written YYYY-MM-DD, got the text '01/2099'. Write 2099-01",
    )


# -- layout mistakes, named as such ----------------------------------------------------------------


def test_a_field_indented_further_than_the_one_above(mini_data):
    line = replace(mini_data, "skills.yaml", "  kind: clinical\n", "   kind: clinical\n")
    assert_refused_with(
        mini_data,
        f"data/skills.yaml:{line}: record ASSESS-HISTORY, field kind: 'kind:' is indented further than 'domain:' on "
        "the line above (3 spaces, not 2), so YAML reads it as more of the text of domain. Indent it by 2 spaces, "
        "like domain",
    )


def test_a_field_indented_less_than_the_one_above(mini_data):
    line = replace(mini_data, "skills.yaml", "  kind: clinical\n", " kind: clinical\n")
    assert_refused_with(
        mini_data,
        f"data/skills.yaml:{line}: record ASSESS-HISTORY, field kind: 'kind:' is indented by 1 space, but 'domain:' "
        f"above it (line {line - 1}) by 2 spaces: the fields of a record line up. Indent it by 2 spaces, like domain, "
        "or like the fields of the record it belongs to",
    )


def test_a_list_item_out_of_line_with_the_one_above(mini_data):
    line = replace(mini_data, "tracks.yaml", "    - {skill: SAFETY-ASEPSIS,", "     - {skill: SAFETY-ASEPSIS,")
    assert_refused_with(
        mini_data,
        f"data/tracks.yaml:{line}: record FEL-US-6M: this list item is indented by 5 spaces, but the item above it "
        f"(line {line - 1}) by 4 spaces: the items of a list line up. Indent '-' by 4 spaces, like the one above",
    )


def test_a_field_indented_one_level_too_far(mini_data):
    """`places:` written under the intake it follows: a field of the admission, not of the intake."""
    line = write_fee(mini_data, "  intakes:\n    - starts: 2099-01\n      places: 4\n")
    assert_refused_with(
        mini_data,
        f"data/admissions.yaml:{line + 2}: record FEL-US-6M, field intakes[0].places: 'places' is not a field of "
        "intakes: it is indented one level too far, under 'intakes:'. Indent it like 'intakes:'",
    )


def test_a_field_indented_one_level_too_little(mini_data):
    """`currency:` written beside `fee:`: a field of the fee, whose own currency is then missing too (one mistake)."""
    line = write_fee(mini_data, "  fee:\n    amount: 450000\n  currency: INR\n")
    assert_refused_with(
        mini_data,
        f"data/admissions.yaml:{line + 2}: record FEL-US-6M, field currency: 'currency' is a field of fee, not of "
        "this record: it is indented too little. Indent it like the fields under 'fee:'",
    )


def test_a_field_beside_the_braces_it_belongs_in(mini_data):
    line = write_fee(mini_data, "  fee: {amount: 450000}\n  currency: INR\n")
    assert_refused_with(
        mini_data,
        f"data/admissions.yaml:{line + 1}: record FEL-US-6M, field currency: 'currency' is a field of fee, not of "
        "this record: write it inside the { } of fee",
    )


def test_an_unknown_field_inside_braces_is_not_an_indentation_mistake(mini_data):
    """`kind` is a field of the track, but inside { } on the entry's own line it cannot be indented wrongly."""
    line = change_knee_entry(mini_data, "level: 4, min_supervised: 10, kind: procedural")
    assert_refused_with(
        mini_data,
        f"data/tracks.yaml:{line}: record FEL-US-6M, field skills[US-KNEE-INJ].kind: unknown field 'kind'; allowed "
        "fields: skill, level, min_supervised, min_drills, source, sign_off_requires, above_prerequisite_reason, for_backgrounds",
    )


def test_a_colon_inside_text(mini_data):
    line = replace(mini_data, "rotations.yaml", "title: Interventional pain clinic", "title: Pain clinic: procedures")
    assert_refused_with(
        mini_data,
        f"data/rotations.yaml:{line}: record ROT-PAIN-CLINIC, field title: the text after 'title:' holds a colon "
        "followed by a space, which YAML reads as the start of another field. Put the whole text in quotes: "
        'title: "Pain clinic: procedures"',
    )


def test_leftover_merge_conflict_markers(mini_data):
    line = replace(
        mini_data,
        "rotations.yaml",
        "  title: Interventional pain clinic\n",
        "<<<<<<< HEAD\n  title: Interventional pain clinic\n=======\n  title: Pain clinic\n>>>>>>> faculty-edit\n",
    )
    assert_refused_with(
        mini_data,
        f"data/rotations.yaml:{line}: record ROT-PAIN-CLINIC: '<<<<<<< HEAD' is a leftover merge-conflict marker: two versions of the same "
        f"lines are both in the file, marked by '<<<<<<<', '=======' and '>>>>>>>' ('=======' at line {line + 2}, "
        f"'>>>>>>>' at line {line + 4}). Keep the lines you want, then delete the other version and every marker line",
    )


@pytest.mark.parametrize("text", ["", "# nothing here yet\n"], ids=["empty", "comments-only"])
def test_an_empty_file_is_told_to_write_an_empty_list(mini_data, text):
    (mini_data / "retired.yaml").write_text(text, encoding="utf-8")
    assert_refused_with(
        mini_data,
        "data/retired.yaml:1: expected a list of records, each starting with '- id:', but the file holds none. If it "
        "has no records yet, write [] on a line of its own",
    )


# -- one message per mistake --------------------------------------------------------------------------


def test_a_skill_listed_twice_in_a_track_is_one_problem(mini_data):
    """At a higher level the second line would also break the prerequisite and minimum-number rules; it is said once."""
    first = line_containing(mini_data, "tracks.yaml", "{skill: US-KNEE-INJ, level: 4, min_supervised: 10}")
    replace(
        mini_data,
        "tracks.yaml",
        "    - {skill: US-KNEE-INJ, level: 4, min_supervised: 10}\n",
        "    - {skill: US-KNEE-INJ, level: 4, min_supervised: 10}\n    - {skill: US-KNEE-INJ, level: 5, min_supervised: 1}\n",
    )
    assert_refused_with(
        mini_data,
        f"data/tracks.yaml:{first + 1}: record FEL-US-6M, field skills[US-KNEE-INJ]: US-KNEE-INJ is listed twice in "
        f"this track, here and at line {first}; keep one line, with the level and number you mean",
    )


def test_a_list_written_without_brackets_is_one_problem(mini_data):
    line = replace(mini_data, "skills.yaml", "  assessments: [DOPS, LOGBOOK]", "  assessments: DOPS, LOGBOOK")
    assert_refused_with(
        mini_data,
        f"data/skills.yaml:{line}: record US-KNEE-INJ, field assessments: expected a list (one '- ' item per line), "
        "got the text 'DOPS, LOGBOOK'. Write it in square brackets: [DOPS, LOGBOOK]",
    )


def test_an_unknown_sign_off_method_is_one_problem(mini_data):
    line = change_knee_entry(mini_data, "level: 4, min_supervised: 10, sign_off_requires: [NO-SUCH-METHOD]")
    assert_refused_with(
        mini_data,
        f"data/tracks.yaml:{line}: record FEL-US-6M, field skills[US-KNEE-INJ].sign_off_requires: 'NO-SUCH-METHOD' "
        "is not an ID in data/assessments.yaml",
    )
