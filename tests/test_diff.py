"""The curriculum diff reviewers see on a pull request: records added, removed and changed, by ID and field;
nothing at all when a side cannot be read. And `check --base`, which keeps published IDs working. Both are
run on temporary git repositories, as the pull-request workflow runs them on a checkout."""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess

import pytest
import yaml

from macros import diff
from macros.__main__ import main
from macros.diff import NOT_SET, FieldChange, RecordChange


@pytest.fixture
def base_and_head(mini_data, tmp_path):
    """Two copies of the fixture curriculum: the base as it is, the head to be changed by each test."""
    head = tmp_path / "head"
    shutil.copytree(mini_data, head)
    return mini_data, head


def records(folder, name) -> list[dict]:
    return yaml.safe_load((folder / f"{name}.yaml").read_text(encoding="utf-8"))


class _NoAliases(yaml.SafeDumper):
    """Data files never use aliases (the check refuses them): repeated values are written out."""

    def ignore_aliases(self, data) -> bool:
        return True


def write(folder, name, document) -> None:
    text = yaml.dump(document, Dumper=_NoAliases, sort_keys=False, allow_unicode=True)
    (folder / f"{name}.yaml").write_text(text, encoding="utf-8")


def compare(base, head) -> list[RecordChange]:
    return diff.compare(diff.folder_reader(base), diff.folder_reader(head))


def test_an_added_a_removed_and_a_changed_record(base_and_head):
    base, head = base_and_head
    skills = records(base, "skills")
    removed, changed = skills[0], skills[-1]
    added = {**changed, "id": "US-NEW-SKILL", "title": "A new skill"}
    new_risk = next(r for r in ("low", "moderate", "high") if r != changed["risk"])
    write(head, "skills", [*skills[1:-1], {**changed, "risk": new_risk}, added])

    assert compare(base, head) == [
        RecordChange(
            "skills.yaml", changed["id"], "changed", changed["title"], (FieldChange("risk", changed["risk"], new_risk),)
        ),
        RecordChange("skills.yaml", added["id"], "added", added["title"]),
        RecordChange("skills.yaml", removed["id"], "removed", removed["title"]),
    ]


def test_layout_comments_and_quoting_are_not_changes(base_and_head):
    base, head = base_and_head
    for path in head.glob("*.yaml"):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        flow = yaml.dump(document, Dumper=_NoAliases, default_flow_style=True, width=40, allow_unicode=True)
        path.write_text("# rewritten\r\n" + flow.replace("\n", "\r\n"), encoding="utf-8")  # Windows line ends too
    assert compare(base, head) == []


def test_a_tracks_checklist_entries_are_matched_by_skill(base_and_head):
    """Reordering the checklist is no change; a new level, a dropped skill and a new one are named by skill ID."""
    base, head = base_and_head
    tracks = records(base, "tracks")
    track = tracks[0]
    first, *rest = track["skills"]
    dropped = rest[0]
    new_level = first["level"] % 5 + 1
    track["skills"] = [*reversed(rest[1:]), {**first, "level": new_level}, {"skill": "US-NEW-SKILL", "level": 2}]
    write(head, "tracks", tracks)

    (change,) = compare(base, head)
    assert (change.file, change.key, change.status) == ("tracks.yaml", track["id"], "changed")
    assert change.fields == (
        FieldChange(f"skills[{first['skill']}].level", first["level"], new_level),
        FieldChange(f"skills[{dropped['skill']}]", dropped, NOT_SET),
        FieldChange("skills[US-NEW-SKILL]", NOT_SET, {"skill": "US-NEW-SKILL", "level": 2}),
    )


def test_nested_records_are_compared_field_by_field(base_and_head):
    base, head = base_and_head
    tracks = records(base, "tracks")
    block = tracks[0]["structure"][0]
    longer = block["duration"]["amount"] + 1
    block["duration"]["amount"] = longer
    write(head, "tracks", tracks)
    before = records(base, "tracks")[0]["structure"][0]["duration"]["amount"]

    (change,) = compare(base, head)
    assert change.fields == (FieldChange("structure[0].duration.amount", before, longer),)


def test_the_single_record_of_curriculum_yaml(base_and_head):
    base, head = base_and_head
    info = records(base, "curriculum")
    write(head, "curriculum", {**info, "version": "2099.1"})
    (change,) = compare(base, head)
    assert (change.file, change.key, change.fields) == (
        "curriculum.yaml",
        "",
        (FieldChange("version", info["version"], "2099.1"),),
    )


def test_markdown_for_reviewers(base_and_head):
    base, head = base_and_head
    glossary = records(base, "glossary")
    glossary.append({"term": "X`Y", "expansion": "Shown *as typed* <b>here</b>", "definition": "D"})
    glossary[0]["definition"] = "Now with `backticks` and <i>markup</i>"
    write(head, "glossary", glossary)

    report = diff.as_markdown(compare(base, head), "`main`")
    assert report.startswith("## Curriculum changes\n\nCompared with `main`: 1 added, 0 removed, 1 changed.\n")
    assert "### data/glossary.yaml" in report
    assert "- **Added** ``X`Y``: Shown \\*as typed\\* \\<b\\>here\\</b\\>" in report
    term = glossary[0]["term"]
    old = records(base, "glossary")[0]["definition"]
    assert f"- **Changed** `{term}`" in report
    assert f"  - `definition`: `{old}` → ``Now with `backticks` and <i>markup</i>``" in report


def test_a_renamed_record_is_shown_as_renamed(base_and_head):
    """The same record under a new ID (the same title, or the same other fields): one change, named as a rename,
    with what else changed in it; as `check --base` tells a rename from a new record."""
    base, head = base_and_head
    skills = records(base, "skills")
    knee = next(s for s in skills if s["id"] == "US-KNEE-INJ")
    knee["id"], knee["risk"] = "US-KNEE-JOINT-INJ", "moderate"
    write(head, "skills", skills)

    assert compare(base, head) == [
        RecordChange(
            "skills.yaml",
            "US-KNEE-JOINT-INJ",
            "renamed",
            knee["title"],
            (FieldChange("risk", "low", "moderate"),),
            renamed_from="US-KNEE-INJ",
        )
    ]
    report = diff.as_markdown(compare(base, head), "`main`")
    assert "Compared with `main`: 0 added, 0 removed, 1 renamed, 0 changed." in report
    assert (
        f"- **Renamed** `US-KNEE-INJ` → `US-KNEE-JOINT-INJ`: {knee['title']}\n  - `risk`: `low` → `moderate`" in report
    )


def test_a_record_replaced_by_an_unlike_one_is_not_a_rename(base_and_head):
    """A glossary term removed and another added, with nothing in common: a removal and an addition."""
    base, head = base_and_head
    glossary = records(base, "glossary")
    gone = glossary.pop(0)
    glossary.append({"term": "MDT", "expansion": "Multidisciplinary team", "definition": "Clinicians together."})
    write(head, "glossary", glossary)
    assert [(c.key, c.status) for c in compare(base, head)] == [("MDT", "added"), (gone["term"], "removed")]


def test_no_change_is_said_plainly(base_and_head):
    base, head = base_and_head
    assert "No record was added, removed or changed compared with `main`." in diff.as_markdown([], "`main`")
    assert compare(base, head) == []


def git(repo, *args) -> str:
    identity = ["-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false"]
    return subprocess.run(["git", *identity, *args], cwd=repo, check=True, capture_output=True, text=True).stdout


def commit_all(repo, message: str) -> None:
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "-m", message)


@pytest.fixture
def repo(tmp_path, mini_data):
    """A git repository whose first commit holds the fixture curriculum in data/."""
    repo = tmp_path / "repo"
    shutil.copytree(mini_data, repo / "data")
    git(repo, "init", "--quiet")
    commit_all(repo, "base")
    return repo


def run(*argv) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(map(str, argv)))
    return status, out.getvalue(), err.getvalue()


def test_the_command_compares_with_a_git_revision(repo, tmp_path):
    """As the pull-request workflow runs it: `python -m macros diff origin/main` in a checkout."""
    data = repo / "data"
    workshops = records(data, "workshops")
    past = workshops.pop(0)
    write(data, "workshops", workshops)
    glossary = records(data, "glossary")
    glossary[0]["definition"] = "A new definition."
    write(data, "glossary", glossary)

    status, printed, _ = run("diff", "HEAD", "--data", data, "--output", tmp_path / "diff.md")
    assert status == 0
    assert printed == (tmp_path / "diff.md").read_text(encoding="utf-8")
    assert "Compared with `HEAD`: 0 added, 1 removed, 1 changed." in printed
    assert f"- **Removed** `{past['id']}`" in printed
    assert f"- **Changed** `{glossary[0]['term']}`" in printed


def test_no_argument_explains_how_to_use_it(repo):
    status, printed, said = run("diff", "--data", repo / "data")
    assert (status, printed) == (2, "")
    assert said.startswith("Compare the curriculum with another version of it, record by record:")
    assert "python -m macros diff origin/main" in said and "--base-data OLD" in said


def test_an_unknown_revision_or_two_bases_are_refused(repo, mini_data):
    status, _, said = run("diff", "no-such-branch", "--data", repo / "data")
    assert status == 2 and "'no-such-branch' is not a commit, branch or tag" in said
    status, _, said = run("diff", "HEAD", "--base-data", mini_data, "--data", repo / "data")
    assert status == 2 and said.startswith("Give either a git revision or --base-data DIR, not both.")
    assert run("diff", "--base-data", mini_data, "--data", repo / "data")[0] == 0


def test_a_syntax_error_on_this_side_is_reported_not_compared(repo, tmp_path):
    """The case that once told reviewers every skill was removed."""
    skills = repo / "data" / "skills.yaml"
    text = skills.read_text(encoding="utf-8")
    skills.write_text(text.replace("  title: Structured", "  title: [Structured", 1), encoding="utf-8")
    status, printed, said = run("diff", "HEAD", "--data", repo / "data", "--output", tmp_path / "diff.md")
    assert status == 1
    problem = "data/skills.yaml:5: record ASSESS-HISTORY, field title: YAML syntax error: a list opened with '['"
    assert said.startswith(
        "The curriculum data on this side does not pass the check (1 problem); nothing was compared:"
    )
    assert f"  {problem}" in said.splitlines()[1]
    assert printed == (tmp_path / "diff.md").read_text(encoding="utf-8")  # what reviewers read in the summary
    assert printed.startswith("## Curriculum changes\n\nNot compared with `HEAD`: the curriculum data on this side")
    assert problem in printed
    assert "Removed" not in printed and "Added" not in printed and "Compared with" not in printed


def test_an_unreadable_base_is_reported_not_compared(repo):
    skills = repo / "data" / "skills.yaml"
    good = skills.read_bytes()
    skills.write_bytes(good.replace(b"Structured chronic", "Structured chr\xf3nic".encode("cp1252")))
    commit_all(repo, "a base saved in Windows' encoding")
    skills.write_bytes(good)
    status, printed, said = run("diff", "HEAD", "--data", repo / "data")
    assert status == 1
    assert said.startswith("The curriculum data in `HEAD` cannot be read (1 problem); nothing was compared:")
    assert "  data/skills.yaml:5: record ASSESS-HISTORY, field title: the file is not saved as UTF-8" in said
    assert "Removed" not in printed and "Not compared with `HEAD`" in printed


def test_the_base_is_read_not_validated_against_todays_models(repo):
    """A base that the current models would refuse (here: a quoted number, refused since one-verdict) is still
    compared: it passed the checks of its day, and the diff shows the change."""
    tracks = repo / "data" / "tracks.yaml"
    good = tracks.read_text(encoding="utf-8")
    tracks.write_text(good.replace("min_supervised: 10}", 'min_supervised: "10"}', 1), encoding="utf-8")
    commit_all(repo, "an old base")
    tracks.write_text(good, encoding="utf-8")
    status, printed, _ = run("diff", "HEAD", "--data", repo / "data")
    assert status == 0
    assert "  - `skills[US-KNEE-INJ].min_supervised`: `10` → `10`" in printed


# -- stable IDs: `check --base` --------------------------------------------------------------------


def rename_everywhere(data, old: str, new: str) -> None:
    for path in data.glob("*.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def retire(data, old: str, kind: str, new: str, reason: str = "Renamed for the test.") -> None:
    path = data / "retired.yaml"
    text = path.read_text(encoding="utf-8").replace("[]\n", "")
    path.write_text(text + f"- id: {old}\n  kind: {kind}\n  replaced_by: {new}\n  reason: {reason}\n", encoding="utf-8")


def check_against(repo, base: str = "HEAD") -> tuple[int, list[str]]:
    status, _, said = run("check", "--data", repo / "data", "--base", base)
    return status, [line.strip() for line in said.splitlines() if line.startswith("  ")]


def line_of(data, file: str, needle: str) -> int:
    lines = (data / file).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if needle in line)


def test_a_renamed_skill_must_be_retired(repo):
    data = repo / "data"
    rename_everywhere(data, "US-KNEE-INJ", "US-KNEE-JOINT-INJ")
    status, problems = check_against(repo)
    assert status == 1
    line = line_of(data, "skills.yaml", "- id: US-KNEE-JOINT-INJ")
    assert problems == [
        f"data/skills.yaml:{line}: record US-KNEE-JOINT-INJ, field id: this skill was US-KNEE-INJ in HEAD, and "
        "US-KNEE-INJ is published (skills/#US-KNEE-INJ, and on printed checklists): keep its links working by adding "
        "to data/retired.yaml: - {id: US-KNEE-INJ, kind: skill, replaced_by: US-KNEE-JOINT-INJ, reason: …}"
    ]
    retire(data, "US-KNEE-INJ", "skill", "US-KNEE-JOINT-INJ")
    assert check_against(repo) == (0, [])


def test_mentions_of_a_renamed_id_say_so_instead_of_guessing(repo):
    """Only the record is renamed: each mention says what it was renamed to, not "did you mean" a look-alike."""
    data = repo / "data"
    skills = data / "skills.yaml"
    skills.write_text(skills.read_text(encoding="utf-8").replace("- id: US-KNEE-INJ", "- id: US-KNEE-JOINT-INJ"))
    status, problems = check_against(repo)
    assert status == 1
    line = line_of(data, "tracks.yaml", "{skill: US-KNEE-INJ, level: 2}")
    said = "'US-KNEE-INJ' was renamed to 'US-KNEE-JOINT-INJ' in this change (compared with HEAD): write 'US-KNEE-JOINT-INJ'"
    assert f"data/tracks.yaml:{line}: record WS-KNEE, field skills[US-KNEE-INJ]: {said}" in problems
    assert sum(said in problem for problem in problems) == 3  # two tracks and a learning need
    assert not any("did you mean" in problem for problem in problems)


def test_mentions_of_a_retired_id_name_its_replacement(repo):
    """Without --base too: the retirement is recorded in data/retired.yaml."""
    data = repo / "data"
    skills = data / "skills.yaml"
    skills.write_text(skills.read_text(encoding="utf-8").replace("- id: US-KNEE-INJ", "- id: US-KNEE-JOINT-INJ"))
    retire(data, "US-KNEE-INJ", "skill", "US-KNEE-JOINT-INJ")
    status, _, said = run("check", "--data", data)
    assert status == 1
    line = line_of(data, "learning_needs.yaml", "US-KNEE-INJ")
    assert (
        f"  data/learning_needs.yaml:{line}: record NEED-MSK-US, field skills: 'US-KNEE-INJ' is retired "
        "(data/retired.yaml): write its replacement, 'US-KNEE-JOINT-INJ'"
    ) in said.splitlines()


def test_a_removed_skill_must_be_retired_into_another(repo):
    data = repo / "data"
    text = (data / "skills.yaml").read_text(encoding="utf-8")
    start = text.index("- id: US-KNEE-INJ")
    end = text.find("\n- id:", start) + 1 or len(text)
    (data / "skills.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    rename_everywhere(data, "{skill: US-KNEE-INJ, level: 4, min_supervised: 10}", "{skill: US-KNEE-INJ, level: 4}")
    for file, old, new in [
        ("tracks.yaml", "    - {skill: US-KNEE-INJ, level: 4}\n", ""),
        ("tracks.yaml", "{skill: US-KNEE-INJ, level: 2}", "{skill: SAFETY-ASEPSIS, level: 2}"),
        ("learning_needs.yaml", "[US-KNEE-INJ]", "[SAFETY-ASEPSIS]"),
    ]:
        path = data / file
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    status, problems = check_against(repo)
    assert status == 1
    last = len((data / "retired.yaml").read_text(encoding="utf-8").splitlines())
    assert problems == [
        f"data/retired.yaml:{last}: record US-KNEE-INJ: the skill US-KNEE-INJ is gone since HEAD, but US-KNEE-INJ is "
        "published (skills/#US-KNEE-INJ, and on printed checklists): add it to this file with the skill that "
        "replaces it and why, - {id: US-KNEE-INJ, kind: skill, replaced_by: …, reason: …}, or put the skill back"
    ]
    retire(data, "US-KNEE-INJ", "skill", "SAFETY-ASEPSIS", "Merged into sterile technique.")
    assert check_against(repo) == (0, [])


def test_a_renamed_track_must_be_retired(repo):
    data = repo / "data"
    rename_everywhere(data, "WS-KNEE", "WS-KNEE-DAY")
    status, problems = check_against(repo)
    assert status == 1
    assert len(problems) == 1 and "was WS-KNEE in HEAD, and WS-KNEE is published (tracks/ws-knee/," in problems[0]
    retire(data, "WS-KNEE", "track", "WS-KNEE-DAY")
    assert check_against(repo) == (0, [])


def test_a_retirement_must_lead_somewhere_and_never_be_reused(repo):
    data = repo / "data"
    retire(data, "US-KNEE-INJ", "skill", "US-KNEE-INJEKTION")
    status, problems = check_against(repo)
    line = line_of(data, "retired.yaml", "- id: US-KNEE-INJ")
    assert status == 1
    assert problems == [
        f"data/retired.yaml:{line}: record US-KNEE-INJ, field id: US-KNEE-INJ is retired but is in use again in "
        "data/skills.yaml; an ID is never reused: give that record a new ID",
        f"data/retired.yaml:{line + 2}: record US-KNEE-INJ, field replaced_by: 'US-KNEE-INJEKTION' is not an ID in "
        "data/skills.yaml (did you mean 'US-KNEE-INJ'?)",
    ]


def test_check_base_refuses_an_unknown_revision(repo):
    status, _, said = run("check", "--data", repo / "data", "--base", "origin/no-such-branch")
    assert status == 2
    assert (
        said
        == "Cannot read the base version: 'origin/no-such-branch' is not a commit, branch or tag in this repository.\n"
    )
