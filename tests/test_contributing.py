"""CONTRIBUTING.md, followed as a new faculty member would follow it.

The worked examples and the messages the guide quotes are read out of CONTRIBUTING.md itself: each
quoted block follows a marker comment (`<!-- example: NAME -->`, `<!-- message: NAME -->`). Each
message is produced here by making its mistake on the worked example, and must be exactly what the
guide quotes, so the guide cannot drift from the check. Data mistakes are made on the tiny fixture
curriculum, whose line numbers the guide quotes.
"""

from __future__ import annotations

import contextlib
import datetime
import io
import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import check_jsonschema
import pytest
import yaml
from click.testing import CliRunner

from macros import yamlfile
from macros.__main__ import main
from macros.load import load_curriculum, review_warnings
from tests.support.checking import run_check
from tests.support.checkout import with_base_branch
from tests.support.guide import ENTRY, EXAMPLES, GUIDE, MESSAGES, SKILL, TRACK, WORKED, Example, Session, append
from tests.support.pages import page
from tests.support.records import track_record
from tests.support.sitebuild import PROJECT, build_site, copy_project

# The build date the guide's review warning names ("Built on 1 November 2026").
REVIEW_DATE_EPOCH = str(int(datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC).timestamp()))


# Each data mistake the guide lists, made on the worked example.
DATA_MISTAKES: dict[str, Example] = {
    "valid": WORKED,
    "misspelt-field": WORKED.changed("  title:", "  titel:"),
    "missing-field": WORKED.changed("  risk: moderate\n", ""),
    "value-not-allowed": WORKED.changed("kind: procedural", "kind: procedure"),
    "wrong-level": WORKED.changed("level: 3", "level: 6", in_entry=True),
    "unknown-skill-in-track": WORKED.changed("skill: US-PUDENDAL", "skill: US-PUDENDL", in_entry=True),
    "skill-not-in-a-track": replace(WORKED, entry=""),
    "duplicate-id": replace(WORKED, extra_skill_lines=WORKED.skill),
    "yaml-indentation": WORKED.changed("\n  domain:", "\n   domain:"),
    "colon-in-text": WORKED.changed(f"title: {SKILL['title']}", "title: Pudendal nerve block: ultrasound-guided"),
    "empty-text": WORKED.changed(f"description: {SKILL['description']}", "description:"),
    "missing-minimum-number": WORKED.changed(", min_supervised: 10", "", in_entry=True),
    "date-format": replace(WORKED, extra_skill_lines="  last_reviewed: 20/11/2026\n"),
    "list-without-brackets": WORKED.changed("assessments: [DOPS, LOGBOOK]", "assessments: DOPS, LOGBOOK"),
    "review-overdue": replace(
        WORKED, extra_skill_lines="  last_reviewed: 2024-03-01\n  reviewed_by: Curriculum committee\n"
    ),
    "review-without-reviewer": replace(WORKED, extra_skill_lines="  last_reviewed: 2026-11-20\n"),
    "impossible-date": replace(WORKED, extra_skill_lines="  last_reviewed: 2026-02-30\n"),
    "missing-colon": WORKED.changed("  risk: moderate", "  risk moderate"),
    "tab": WORKED.changed("\n  domain:", "\n\tdomain:"),
    "word-line-break": WORKED.changed("ligaments on ultrasound", "ligaments on ultrasound\x0b"),
    "not-utf-8": replace(
        WORKED.changed(f"title: {SKILL['title']}", "title: Pudendal nerve block in Alcock’s canal"), encoding="cp1252"
    ),
    "quoted-number": WORKED.changed("min_supervised: 10", 'min_supervised: "10"', in_entry=True),
    "yes-as-reviewer": replace(WORKED, extra_skill_lines="  reviewed_by: yes\n"),
    "only-spaces": replace(WORKED, extra_skill_lines='  reviewed_by: " "\n'),
    "session-ended": Session().changed("2027-11-1", "2025-11-1"),
    # The consistency rules: levels and numbers that contradict each other.
    "level-above-prerequisite": WORKED.changed("level: 3", "level: 5", in_entry=True),
    "exam-module-above-fellowship": replace(
        WORKED,
        extra_skill_lines="  exams: [FIPP]\n",
        extra_track=track_record(
            "EXAM-FIPP",
            "exam-preparation",
            "[FIPP]",
            f"    - {{skill: US-KNEE-INJ, level: 4}}\n    - {{skill: {SKILL['id']}, level: 4}}\n",
        ),
    ),
    "background-target-above-track": replace(
        WORKED, entry=EXAMPLES["background-target"].replace("level: 2", "level: 4") + "\n"
    ),
    "epa-above-skills": replace(WORKED, epas=EXAMPLES["new-epa"].replace("level: 3", "level: 4") + "\n"),
    "higher-level-fewer-supervised": replace(
        WORKED,
        extra_track=track_record(
            "FEL-PM-1Y", "fellowship", "[]", f"    - {{skill: {SKILL['id']}, level: 4, min_supervised: 5}}\n"
        ),
    ),
}


def test_every_quoted_message_has_its_mistake_here_and_the_reverse():
    assert GUIDE.count("<!-- message: ") == len(MESSAGES), "a message marker is not followed by a fenced block"
    assert GUIDE.count("<!-- example: ") == len(EXAMPLES), "an example marker is not followed by a fenced block"
    assert set(MESSAGES) == set(DATA_MISTAKES) | set(PAGE_MISTAKES) | set(BASE_MISTAKES)


@pytest.mark.parametrize("name", sorted(DATA_MISTAKES))
def test_the_check_prints_exactly_what_the_guide_quotes(name, mini_data, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", REVIEW_DATE_EPOCH)
    DATA_MISTAKES[name].apply(mini_data)
    status, printed, problems = run_check(mini_data)
    quoted = MESSAGES[name]
    if name == "valid":
        assert (status, printed.strip()) == (0, quoted)
    elif quoted.startswith(("warning: ", "note: ")):
        assert status == 0, problems
        assert quoted in problems.splitlines()
    else:
        assert status == 1
        assert problems.strip() == quoted


def test_the_per_background_target_and_the_epa_examples_are_valid(mini_data):
    """The guide's per-background target and its EPA, each typed as it says on the worked example, pass the
    check, and the target is the neurologists' own. (Together they would not: the EPA's level 3 is above the
    neurologists' level 2 in its skill, which the check refuses.)"""
    targets, epas = mini_data.parent / "targets", mini_data.parent / "epas"
    shutil.copytree(mini_data, targets)
    shutil.copytree(mini_data, epas)
    replace(WORKED, entry=EXAMPLES["background-target"] + "\n").apply(targets)
    replace(WORKED, epas=EXAMPLES["new-epa"] + "\n").apply(epas)
    for data in (targets, epas):
        status, printed, problems = run_check(data)
        assert status == 0, problems
    entry = load_curriculum(targets).track(TRACK).target(SKILL["id"])
    assert (entry.level, entry.target_for("NEUROLOGY").level, entry.target_for("ANAESTHESIOLOGY").level) == (3, 2, 3)
    added = [epa.id for epa, _ in load_curriculum(epas).epas_in(TRACK)]
    assert added[-1] == yaml.safe_load(EXAMPLES["new-epa"])[0]["id"]


def test_the_session_example_is_valid_in_the_real_data(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(PROJECT / "data", data)
    workshops = data / "workshops.yaml"
    assert workshops.read_text(encoding="utf-8").endswith("\n[]\n"), "the guide says to replace the [] there"
    workshops.write_text(workshops.read_text(encoding="utf-8").replace("\n[]\n", "\n"), encoding="utf-8")
    append(workshops, EXAMPLES["new-session"] + "\n")
    session = yaml.safe_load(EXAMPLES["new-session"])[0]
    assert session["id"] in {s.id for s in load_curriculum(data).workshops}


# -- removing or renaming: `check --base`, as pull requests run it ---------------------------------

RENAMED = ("US-KNEE-INJ", "US-KNEE-JOINT-INJ")  # the guide's example: a skill of the fixture, renamed


def _rename_everywhere(data: Path) -> None:
    for path in data.glob("*.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace(*RENAMED), encoding="utf-8")


def _rename_the_record_only(data: Path) -> None:
    skills = data / "skills.yaml"
    skills.write_text(skills.read_text(encoding="utf-8").replace(f"- id: {RENAMED[0]}", f"- id: {RENAMED[1]}"))


def _retire_and_keep_a_mention(data: Path) -> None:
    _rename_the_record_only(data)
    append(data / "retired.yaml", "\n".join(EXAMPLES["retired-entry"].splitlines()) + "\n")
    retired = data / "retired.yaml"
    retired.write_text(retired.read_text(encoding="utf-8").replace("[]\n", ""), encoding="utf-8")
    for file in ("tracks.yaml", "learning_needs.yaml"):  # every mention but one is brought up to date
        path = data / file
        path.write_text(path.read_text(encoding="utf-8").replace(*RENAMED), encoding="utf-8")
    tracks = data / "tracks.yaml"
    tracks.write_text(
        tracks.read_text(encoding="utf-8").replace(
            f"{{skill: {RENAMED[1]}, level: 2}}", f"{{skill: {RENAMED[0]}, level: 2}}"
        )
    )


def pull_request_checkout(data: Path, tmp_path: Path) -> Path:
    """A git repository whose origin/main holds `data` in data/, as a pull request's checkout has its base."""
    repo = tmp_path / "repo"
    shutil.copytree(data, repo / "data")
    return with_base_branch(repo)


def _remove_a_skill(data: Path) -> None:
    """US-KNEE-INJ deleted with every mention: the fellowship drops it, the workshop and the need teach another."""
    skills = data / "skills.yaml"
    text = skills.read_text(encoding="utf-8")
    start = text.index(f"- id: {RENAMED[0]}")
    end = text.find("\n- id:", start) + 1 or len(text)
    skills.write_text(text[:start] + text[end:], encoding="utf-8")
    for file, old, new in [
        ("tracks.yaml", f"    - {{skill: {RENAMED[0]}, level: 4, min_supervised: 10}}\n", ""),
        ("tracks.yaml", f"{{skill: {RENAMED[0]}, level: 2}}", "{skill: SAFETY-ASEPSIS, level: 2}"),
        ("learning_needs.yaml", f"[{RENAMED[0]}]", "[SAFETY-ASEPSIS]"),
    ]:
        path = data / file
        assert old in path.read_text(encoding="utf-8"), f"the fixture {file} no longer contains {old!r}"
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


BASE_MISTAKES: dict[str, Callable[[Path], None]] = {
    "removed-id": _remove_a_skill,
    "renamed-id": _rename_everywhere,
    "renamed-id-mentions": _rename_the_record_only,
    "retired-id-mention": _retire_and_keep_a_mention,
}


@pytest.mark.parametrize("name", sorted(BASE_MISTAKES))
def test_check_base_prints_exactly_what_the_guide_quotes(name, mini_data, tmp_path):
    repo = pull_request_checkout(mini_data, tmp_path)
    BASE_MISTAKES[name](repo / "data")
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["check", "--data", str(repo / "data"), "--base", "origin/main"])
    assert status == 1
    assert err.getvalue().strip() == MESSAGES[name]


def test_the_retired_entry_example_clears_the_rename(mini_data, tmp_path):
    """Following the guide to its end: renamed everywhere, and the old ID retired, the check passes."""
    repo = pull_request_checkout(mini_data, tmp_path)
    _rename_everywhere(repo / "data")
    retired = repo / "data" / "retired.yaml"
    retired.write_text(retired.read_text(encoding="utf-8").replace("[]\n", "") + EXAMPLES["retired-entry"] + "\n")
    status, printed, problems = run_check(repo / "data")
    assert status == 0, problems
    assert main(["check", "--data", str(repo / "data"), "--base", "origin/main"]) == 0


# -- pages: these mistakes are reported by the site build --------------------------------------


def add_example_page(project: Path) -> Path:
    """Adding a page, steps 1 and 2: write the page, then its line in the menu below the skills matrix."""
    page = project / "docs" / "ultrasound-skills.md"
    page.write_text(EXAMPLES["new-page"] + "\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    below = next(i for i, line in enumerate(lines) if line.strip() == "- Skills by track: skill-matrix.md")
    lines.insert(below + 1, EXAMPLES["nav-entry"] + "\n")
    config.write_text("".join(lines), encoding="utf-8")
    return page


def _misspell_macro(project: Path) -> None:
    page = add_example_page(project)
    page.write_text(page.read_text(encoding="utf-8").replace("{{ skill_checklist(", "{{ skill_checklst("))


def _unknown_domain(project: Path) -> None:
    page = add_example_page(project)
    page.write_text(page.read_text(encoding="utf-8").replace('domain="US"', 'domain="UX"'))


def _page_not_in_menu(project: Path) -> None:
    (project / "docs" / "ultrasound-skills.md").write_text(EXAMPLES["new-page"] + "\n", encoding="utf-8")


def _link_to_a_missing_skill(project: Path) -> None:
    page = add_example_page(project)
    page.write_text(page.read_text(encoding="utf-8") + "\n" + EXAMPLES["skill-link"] + "\n", encoding="utf-8")


PAGE_MISTAKES: dict[str, Callable[[Path], None]] = {
    "link-to-missing-skill": _link_to_a_missing_skill,
    "macro-typo": _misspell_macro,
    "macro-unknown-id": _unknown_domain,
    "page-not-in-menu": _page_not_in_menu,
}


@pytest.mark.parametrize("name", sorted(PAGE_MISTAKES))
def test_the_build_prints_exactly_what_the_guide_quotes(name, project_copy, tmp_path):
    PAGE_MISTAKES[name](project_copy)
    result = build_site(project_copy, tmp_path / "site")
    assert result.returncode != 0
    printed = (result.stdout + result.stderr).splitlines()
    quoted = MESSAGES[name].splitlines()
    found = any(printed[i : i + len(quoted)] == quoted for i in range(len(printed)))
    assert found, f"CONTRIBUTING.md quotes:\n{MESSAGES[name]}\nThe build printed:\n" + "\n".join(printed)


# -- the worked examples, followed on the real curriculum --------------------------------------


@pytest.fixture(scope="module")
def followed(tmp_path_factory):
    """A copy of the project with the guide's skill, track line, glossary term and page added, built."""
    project = copy_project(tmp_path_factory.mktemp("guide"))
    data = project / "data"
    assert SKILL["id"] not in {s.id for s in load_curriculum(data).skills}, (
        f"{SKILL['id']}, the worked example's skill, is now in data/skills.yaml: give the example another ID"
    )
    term = yaml.safe_load(EXAMPLES["glossary-term"])[0]["term"]
    assert term not in {t.term for t in load_curriculum(data).glossary}, (
        f"{term}, the worked example's glossary term, is now in data/glossary.yaml: choose another example"
    )
    WORKED.apply(data)
    append(data / "glossary.yaml", EXAMPLES["glossary-term"] + "\n")
    page = add_example_page(project)
    append(page, EXAMPLES["skill-link"] + "\n")  # now that the skill exists, the link to it builds
    append(page, EXAMPLES["glossary-use"] + "\n")  # the new term is used, as the check asks
    site = project / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return load_curriculum(data), site


def row_linking_to(table, href_end: str):
    return next(row for row in table.find_all("tr") if row.find("a", href=lambda h: h and h.endswith(href_end)))


def column_of(table, predicate) -> int:
    headers = table.find("thead").find_all("th")
    return next(index for index, th in enumerate(headers) if predicate(th))


def test_the_new_skill_is_in_the_catalogue(followed):
    curriculum, site = followed
    article = page(site, "skills").find(id=SKILL["id"])
    assert article is not None
    assert SKILL["title"] in article.get_text(" ", strip=True)
    domain = curriculum.get("domains", SKILL["domain"])
    heading = article.find_parent(class_="cm-domain").find_previous_sibling("h2")  # the domain's skills follow it
    assert heading.get_text(strip=True).rstrip("¶") == domain.title


def test_the_new_skill_is_in_the_tracks_checklist_with_its_level_and_number(followed):
    curriculum, site = followed
    checklist = page(site, f"tracks/{TRACK.lower()}").find("table", class_="cm-checklist")
    row = row_linking_to(checklist, f"#{SKILL['id']}")
    cells = [cell.get_text(" ", strip=True) for cell in row.find_all(["td", "th"])]
    level = curriculum.get("entrustment", ENTRY["level"])
    assert f"{level.level} {level.label}" in cells
    assert str(ENTRY["min_supervised"]) in cells


def test_the_new_skill_is_in_the_matrix_under_its_track(followed):
    _, site = followed
    matrix = page(site, "skill-matrix").find("table", class_="cm-matrix")
    column = column_of(matrix, lambda th: th.find("a", href=lambda h: h and h.rstrip("/").endswith(TRACK.lower())))
    row = row_linking_to(matrix, f"#{SKILL['id']}")
    assert row.find_all(["th", "td"])[column].get_text(strip=True) == str(ENTRY["level"])


def test_the_tracks_skill_count_includes_the_new_skill(followed):
    curriculum, site = followed
    comparison = page(site, "tracks").find("table", class_="cm-comparison")
    column = column_of(comparison, lambda th: th.get_text(strip=True) == "Skills")
    row = row_linking_to(comparison, f"tracks/{TRACK.lower()}/")
    count = len(curriculum.track(TRACK).skills)
    assert SKILL["id"] in {entry.skill for entry in curriculum.track(TRACK).skills}
    assert row.find_all(["th", "td"])[column].get_text(strip=True) == str(count)


def test_the_new_glossary_term_is_listed_and_the_new_page_is_built(followed):
    _, site = followed
    term = yaml.safe_load(EXAMPLES["glossary-term"])[0]
    glossary = page(site, "glossary").get_text(" ", strip=True)
    assert term["term"] in glossary and term["expansion"] in glossary
    new_page = page(site, "ultrasound-skills")
    assert new_page.find("a", href=lambda h: h and h.endswith(f"#{SKILL['id']}")) is not None
    nav_titles = {a.get_text(strip=True) for a in new_page.select("nav.md-nav a")}
    assert yaml.safe_load(EXAMPLES["nav-entry"])[0].popitem()[0] in nav_titles


# -- review reminders -----------------------------------------------------------------------------


def months_later(day: datetime.date, months: int) -> datetime.date:
    year, month = divmod(day.month - 1 + months, 12)
    return day.replace(year=day.year + year, month=month + 1)


def test_a_review_reminder_starts_the_day_the_interval_has_passed(mini_data):
    skills = mini_data / "skills.yaml"
    first = yamlfile.parse(skills)[0]
    reviewed = datetime.date(2024, 3, 15)
    lines = skills.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(first.line, f"  last_reviewed: {reviewed.isoformat()}\n  reviewed_by: Curriculum committee\n")
    skills.write_text("".join(lines), encoding="utf-8")
    curriculum = load_curriculum(mini_data)
    months = curriculum.info.review_after_months
    due = months_later(reviewed, months)

    def reminders(today: datetime.date):
        return [w for w in review_warnings(curriculum, today, mini_data) if w.record == first["id"]]

    assert reminders(due - datetime.timedelta(days=1)) == []
    (warning,) = reminders(due)
    assert (warning.file, warning.line, warning.field) == ("data/skills.yaml", first.line + 1, "last_reviewed")
    assert f"{months} months ago" in warning.message
    (later,) = reminders(months_later(due, 1))
    assert f"{months + 1} months ago" in later.message


# -- GitHub: issue forms, the pull-request template, the curriculum diff for reviewers -----------

GITHUB = PROJECT / ".github"


def test_the_issue_forms_are_valid_and_are_the_two_the_guide_links_to():
    forms = sorted((GITHUB / "ISSUE_TEMPLATE").glob("*.yml"))
    done = CliRunner().invoke(
        check_jsonschema.main, ["--builtin-schema", "vendor.github-issue-forms", *map(str, forms)]
    )
    assert done.exit_code == 0, done.output
    names = {yaml.safe_load(form.read_text(encoding="utf-8"))["name"]: form.name for form in forms}
    assert set(names) == {"Propose a curriculum change", "Report an error on the site"}
    faculty_page = (PROJECT / "docs" / "contributing" / "index.md").read_text(encoding="utf-8")
    for file_name in names.values():
        assert f"/issues/new?template={file_name}" in faculty_page


def test_the_pull_request_template_has_a_reviewer_checklist():
    template = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    reviewer = template.split("## Reviewer", 1)[1]
    items = [line for line in reviewer.splitlines() if line.startswith("- [ ] ")]
    assert len(items) >= 4
    assert any("Curriculum changes" in item for item in items)


def test_the_pull_request_workflow_gives_reviewers_the_curriculum_diff():
    workflow = yaml.safe_load((GITHUB / "workflows" / "pull-request.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["curriculum-diff"]["steps"]
    (compare,) = [step for step in steps if "macros diff" in step.get("run", "")]
    assert compare["env"]["BASE_REF"] == "${{ github.base_ref }}"  # passed through the environment, not spliced
    assert '"origin/$BASE_REF"' in compare["run"] and "$GITHUB_STEP_SUMMARY" in compare["run"]
    output = compare["run"].split("--output", 1)[1].split()[0]
    (upload,) = [step for step in steps if step.get("uses", "").startswith("actions/upload-artifact@")]
    assert upload["with"]["path"] == output
    checkout = next(step for step in steps if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # the base branch must be there to compare with
