"""The curriculum diff reviewers see on a pull request: records added, removed and changed, by ID and field."""

from __future__ import annotations

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


def write(folder, name, document) -> None:
    (folder / f"{name}.yaml").write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True))


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
        path.write_text("# rewritten\n" + yaml.safe_dump(document, default_flow_style=True, width=40))
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


def test_no_change_is_said_plainly(base_and_head):
    base, head = base_and_head
    assert "No record was added, removed or changed compared with `main`." in diff.as_markdown([], "`main`")
    assert compare(base, head) == []


def git(repo, *args) -> str:
    identity = ["-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false"]
    return subprocess.run(["git", *identity, *args], cwd=repo, check=True, capture_output=True, text=True).stdout


def test_the_command_compares_with_a_git_revision(tmp_path, mini_data, capsys):
    """As the pull-request workflow runs it: `python -m macros diff origin/main` in a checkout."""
    repo = tmp_path / "repo"
    shutil.copytree(mini_data, repo / "data")
    git(repo, "init", "--quiet")
    git(repo, "add", "data")
    git(repo, "commit", "--quiet", "-m", "base")
    skills = records(repo / "data", "skills")
    removed = skills.pop()
    write(repo / "data", "skills", skills)
    (repo / "data" / "workshops.yaml").unlink()  # a file gone altogether: its records are removed
    workshops = records(mini_data, "workshops")

    assert main(["diff", "HEAD", "--data", str(repo / "data"), "--output", str(tmp_path / "diff.md")]) == 0
    printed = capsys.readouterr().out
    assert printed == (tmp_path / "diff.md").read_text(encoding="utf-8")
    assert f"Compared with `HEAD`: 0 added, {1 + len(workshops)} removed, 0 changed." in printed
    assert f"- **Removed** `{removed['id']}`" in printed
    for session in workshops:
        assert f"- **Removed** `{session['id']}`" in printed


def test_the_command_refuses_an_unknown_revision_or_no_base(tmp_path, mini_data, capsys):
    repo = tmp_path / "repo"
    shutil.copytree(mini_data, repo / "data")
    git(repo, "init", "--quiet")
    assert main(["diff", "no-such-branch", "--data", str(repo / "data")]) == 2
    assert "'no-such-branch' is not a commit, branch or tag" in capsys.readouterr().err
    assert main(["diff", "--data", str(repo / "data")]) == 2
    assert main(["diff", "--base-data", str(mini_data), "--data", str(repo / "data")]) == 0
