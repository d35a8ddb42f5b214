"""The content rules a pull request enforces, each with a planted mistake: what used to live only as a pytest assert
over the real content (workshop levels, high-risk procedures, the aspiration wording, no doses, sources,
abbreviations in the glossary…) is a rule of the loader (macros/load/rules/), so `make check`, the build and its
live preview refuse the same mistake, with the same `data/FILE:LINE:` or `docs/PAGE.md:LINE:` message.

Data mistakes are made on a copy of the tiny fixture curriculum (tests/fixtures/mini); page mistakes on a few
pages written beside it (a data folder with a docs/ folder beside it has its pages checked too)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.checking import assert_refused_with, check, line_containing, replace
from tests.support.records import track_record


def append(data_dir: Path, file: str, text: str) -> int:
    """Add `text` at the end of a data file; return the line where it starts."""
    path = data_dir / file
    existing = path.read_text(encoding="utf-8")
    path.write_text(existing + text, encoding="utf-8")
    return len(existing.splitlines()) + 1


def skill_record(skill_id: str, kind: str = "procedural", risk: str = "moderate", description: str = "") -> str:
    """A complete skill of the SAFETY domain, assessed by DOPS."""
    modalities = "  modalities: [landmark]\n" if kind == "procedural" else ""
    description = description or f"Performs {skill_id.lower()} safely under supervision."
    return (
        f"- id: {skill_id}\n  title: Skill {skill_id}\n  domain: SAFETY\n  kind: {kind}\n{modalities}  risk: {risk}\n"
        f"  description: {description}\n  assessments: [DOPS]\n  source: PROGRAMME\n"
    )


def teach(data_dir: Path, entry: str) -> int:
    """Add a line to the fellowship FEL-US-6M's checklist (which admits neurology too); return its line."""
    return (
        replace(
            data_dir,
            "tracks.yaml",
            "    - {skill: ASSESS-HISTORY, level: 4}\n",
            f"    - {{skill: ASSESS-HISTORY, level: 4}}\n    - {entry}\n",
        )
        + 1
    )


# -- what tracks may ask --------------------------------------------------------------------------------


def test_a_workshop_above_direct_supervision(mini_data):
    line = replace(mini_data, "tracks.yaml", "{skill: US-KNEE-INJ, level: 2}", "{skill: US-KNEE-INJ, level: 3}")
    assert_refused_with(
        mini_data,
        f"data/tracks.yaml:{line}: record WS-KNEE, field skills[US-KNEE-INJ].level: level 3 in a workshop: a short "
        "course on models and volunteers takes a skill no further than direct supervision; set level 2 or lower",
    )


def test_a_workshop_with_a_minimum_number(mini_data):
    line = replace(
        mini_data, "tracks.yaml", "{skill: US-KNEE-INJ, level: 2}", "{skill: US-KNEE-INJ, level: 2, min_supervised: 5}"
    )
    assert_refused_with(
        mini_data,
        f"data/tracks.yaml:{line}: record WS-KNEE, field skills[US-KNEE-INJ].min_supervised: a workshop sets no "
        "minimum number of supervised procedures (its fellows do not treat patients there); remove min_supervised",
    )


def test_a_high_risk_procedure_above_indirect_supervision(mini_data):
    append(mini_data, "skills.yaml", skill_record("SAFETY-HIGH", risk="high"))
    line = teach(mini_data, "{skill: SAFETY-HIGH, level: 4, min_supervised: 10}")
    assert_refused_with(
        mini_data,
        f"data/tracks.yaml:{line}: record FEL-US-6M, field skills[SAFETY-HIGH].level: level 4 for SAFETY-HIGH, a "
        "high-risk procedure: no track takes one above indirect supervision; set level 3 or lower",
    )


def test_an_anaesthesia_procedure_above_indirect_supervision_where_other_specialties_train(mini_data):
    append(mini_data, "skills.yaml", skill_record("ACUTE-EPIDURAL"))
    line = teach(mini_data, "{skill: ACUTE-EPIDURAL, level: 4, min_supervised: 10}")
    assert_refused_with(
        mini_data,
        f"data/tracks.yaml:{line}: record FEL-US-6M, field skills[ACUTE-EPIDURAL].level: level 4 for ACUTE-EPIDURAL, "
        "an anaesthesia procedure, in a fellowship that admits other specialties; set level 3 or lower",
    )


def test_a_safety_skill_signed_off_without_simulation_where_other_specialties_train(mini_data):
    append(mini_data, "skills.yaml", skill_record("SAFETY-SEDATION", kind="clinical"))
    line = teach(mini_data, "{skill: SAFETY-SEDATION, level: 3}")
    assert_refused_with(
        mini_data,
        f"data/tracks.yaml:{line}: record FEL-US-6M, field skills[SAFETY-SEDATION]: this fellowship admits "
        "specialties other than anaesthesiology, so SAFETY-SEDATION is signed off only after a passed simulation: "
        "add sign_off_requires: [SIM]",
    )


def test_a_safety_skill_left_out_where_other_specialties_train(mini_data):
    append(mini_data, "skills.yaml", skill_record("SAFETY-CRISIS", kind="clinical"))
    replace(
        mini_data,
        "tracks.yaml",
        "{skill: US-KNEE-INJ, level: 2}",
        "{skill: US-KNEE-INJ, level: 2}\n    - {skill: SAFETY-CRISIS, level: 2}",
    )
    line = line_containing(mini_data, "tracks.yaml", "  skills:")
    assert_refused_with(
        mini_data,
        f"data/tracks.yaml:{line}: record FEL-US-6M, field skills: this fellowship admits specialties other than "
        "anaesthesiology, so it teaches SAFETY-CRISIS and signs it off after a passed simulation: add - {skill: "
        "SAFETY-CRISIS, level: …, sign_off_requires: [SIM]}",
    )


def test_cell_therapies_taught_beyond_knowledge(mini_data):
    description = "Explains cell-based therapies, which are investigational outside approved trials."
    append(mini_data, "skills.yaml", skill_record("REGEN-CELL", kind="knowledge", description=description))
    line = teach(mini_data, "{skill: REGEN-CELL, level: 4}")
    assert_refused_with(
        mini_data,
        f"data/tracks.yaml:{line}: record FEL-US-6M, field skills[REGEN-CELL].level: REGEN-CELL is investigational: "
        "fellows learn about it, never do it; set a level of 3 or below",
    )


def test_a_fellowship_without_a_prerequisite_of_what_it_teaches(mini_data):
    """US-SCAN-BASICS is taught in the workshop only, and is in no specialty's preset."""
    line = replace(
        mini_data,
        "skills.yaml",
        "  prerequisites: [SAFETY-ASEPSIS]",
        "  prerequisites: [SAFETY-ASEPSIS, US-SCAN-BASICS]",
    )
    entry = line_containing(mini_data, "tracks.yaml", "{skill: US-KNEE-INJ, level: 4, min_supervised: 10}")
    assert line
    assert_refused_with(
        mini_data,
        f"data/tracks.yaml:{entry}: record FEL-US-6M, field skills[US-KNEE-INJ]: US-KNEE-INJ builds on US-SCAN-BASICS, "
        "which this fellowship neither teaches nor expects from a specialty's training (a preset in "
        "data/backgrounds.yaml): add US-SCAN-BASICS to its skills",
    )


def test_a_preset_skill_no_fellowship_teaches(mini_data):
    line = (
        replace(
            mini_data,
            "backgrounds.yaml",
            "      - {skill: SAFETY-ASEPSIS, level: 3}\n",
            "      - {skill: SAFETY-ASEPSIS, level: 3}\n      - {skill: US-SCAN-BASICS, level: 2}\n",
        )
        + 1
    )
    assert_refused_with(
        mini_data,
        f"data/backgrounds.yaml:{line}: record ANAESTHESIOLOGY, field preset.skills[US-SCAN-BASICS]: US-SCAN-BASICS is "
        "in the preset of ANAESTHESIOLOGY, but no fellowship teaches it, so Find my gap cannot count it: add it to a "
        "fellowship's skills, or take it out of the preset",
    )


def test_a_track_that_leaves_out_a_skill_of_its_exam(mini_data):
    replace(
        mini_data,
        "skills.yaml",
        "probe change it.\n  assessments: [CBD]\n",
        "probe change it.\n  assessments: [CBD]\n  exams: [FIPP]\n",
    )
    line = line_containing(mini_data, "tracks.yaml", "  exams: [FIPP]")
    assert_refused_with(
        mini_data,
        f"data/tracks.yaml:{line}: record FEL-US-6M, field exams: this track prepares for FIPP but does not teach "
        "US-SCAN-BASICS, which data/skills.yaml marks as relevant to FIPP: add it to its skills, or take FIPP out of "
        "its exams",
    )


def test_an_exam_module_that_teaches_a_skill_its_exam_does_not_ask(mini_data):
    line = append(
        mini_data,
        "tracks.yaml",
        track_record(
            "EXAM-FIPP",
            "exam-preparation",
            "[FIPP]",
            "    - {skill: US-KNEE-INJ, level: 3}\n    - {skill: ASSESS-HISTORY, level: 3}\n",
        ),
    )
    entry = line_containing(mini_data, "tracks.yaml", "{skill: ASSESS-HISTORY, level: 3}")
    assert entry > line
    assert_refused_with(
        mini_data,
        f"data/tracks.yaml:{entry}: record EXAM-FIPP, field skills[ASSESS-HISTORY]: ASSESS-HISTORY is not relevant "
        "to FIPP (its exams in data/skills.yaml), and an exam-preparation module teaches only what its exams ask: "
        "remove it, or add the exam to the skill's exams",
    )


def test_a_minimum_number_credited_to_a_framework(mini_data):
    line = replace(
        mini_data,
        "tracks.yaml",
        "{skill: US-KNEE-INJ, level: 4, min_supervised: 10}",
        "{skill: US-KNEE-INJ, level: 4, min_supervised: 10, source: TEN-CATE-EPA}",
    )
    assert_refused_with(
        mini_data,
        f"data/tracks.yaml:{line}: record FEL-US-6M, field skills[US-KNEE-INJ].min_supervised: the minimum number is "
        "credited to TEN-CATE-EPA, a literature; minimum numbers are the faculty's decisions: give this line source: "
        "PROGRAMME (or another programme-decision source)",
    )


# -- sources -------------------------------------------------------------------------------------------


def test_an_exam_resting_on_a_programme_decision(mini_data):
    line = replace(mini_data, "exams.yaml", "  source: WIP-FIPP", "  source: PROGRAMME")
    result = check(mini_data)
    assert result.code == 1
    assert (
        f"data/exams.yaml:{line}: record FIPP, field source: PROGRAMME is a programme decision; an exam's facts come from its examining body: name a source of kind exam-body"
        in result.problems
    )
    # WIP-FIPP is then cited by no record; a page may still link to it, and the data is checked here without its
    # pages, so that is not said (sources-cited runs with the pages)
    assert len(result.problems) == 1, result.output


def test_an_exam_that_does_not_send_readers_to_the_examiners(mini_data):
    line = replace(mini_data, "exams.yaml", " Confirm the current rules with the World Institute of Pain.", "")
    assert_refused_with(
        mini_data,
        f"data/exams.yaml:{line}: record FIPP, field description: the description does not send readers to the "
        'examiners: add a sentence such as "Confirm the current eligibility, format, fees and dates with the World '
        'Institute of Pain."',
    )


def test_an_exam_whose_source_is_published_by_another_body(mini_data):
    line = replace(mini_data, "sources.yaml", "  publisher: World Institute of Pain", "  publisher: Another Institute")
    awarding = line_containing(mini_data, "exams.yaml", "awarding_body:")
    assert line
    assert_refused_with(
        mini_data,
        f"data/exams.yaml:{awarding}: record FIPP, field awarding_body: the awarding body is World Institute of Pain, "
        "but its source WIP-FIPP is published by Another Institute: write the same body in both",
    )


def test_a_source_nothing_cites(mini_data):
    pages = mini_data.parent / "docs" / "tracks"  # a page may cite a source: the rule runs with the pages
    pages.mkdir(parents=True)
    for track in ("fel-us-6m", "ws-knee"):
        (pages / f"{track}.md").write_text("# A track\n", encoding="utf-8")
    line = append(
        mini_data,
        "sources.yaml",
        "- id: IASP-2020\n  title: Pain definition, 2020\n  kind: literature\n  note: Not cited by any record.\n",
    )
    assert_refused_with(
        mini_data,
        f"data/sources.yaml:{line}: record IASP-2020, field id: no record cites IASP-2020 (in a source, "
        "targets_source or follows field) and no page links to it (sources.md#IASP-2020): cite it where it is the "
        "authority, or remove it",
    )


def test_literature_without_its_year(mini_data):
    line = replace(mini_data, "sources.yaml", " (ten Cate, 2005)", " (ten Cate)")
    assert_refused_with(
        mini_data,
        f"data/sources.yaml:{line}: record TEN-CATE-EPA, field title: TEN-CATE-EPA is literature, cited without its "
        "year: add the year of publication to its title or note",
    )


# -- records nothing uses --------------------------------------------------------------------------------


def test_a_domain_without_skills(mini_data):
    line = append(mini_data, "domains.yaml", "- id: RESEARCH\n  title: Research\n  description: Audit and research.\n")
    assert_refused_with(
        mini_data,
        f"data/domains.yaml:{line}: record RESEARCH, field id: no skill is in the domain RESEARCH: give skills in "
        "data/skills.yaml domain: RESEARCH, or remove the domain",
    )


def test_a_rotation_no_track_uses(mini_data):
    line = append(
        mini_data, "rotations.yaml", "- id: ROT-NEURO\n  title: Neurology\n  description: Headache clinics.\n"
    )
    assert_refused_with(
        mini_data,
        f"data/rotations.yaml:{line}: record ROT-NEURO, field id: no track spends a block on ROT-NEURO: name it as a "
        "block's rotation in data/tracks.yaml, or remove it",
    )


# -- wording in the data ------------------------------------------------------------------------------------

DOSE_SAID = (
    "reads as a drug dose or concentration, and the site gives none (it describes a curriculum, not clinical "
    "guidance): remove it, or, if it is not a dose, say it in words"
)


def test_a_drug_dose_in_the_data(mini_data):
    line = replace(
        mini_data, "skills.yaml", "places a needle into the joint", "injects 40 mg of steroid into the joint"
    )
    assert_refused_with(
        mini_data, f"data/skills.yaml:{line}: record US-KNEE-INJ, field description: '40 mg' {DOSE_SAID}"
    )


def test_aspiration_offered_as_ruling_out_intravascular_injection(mini_data):
    line = replace(
        mini_data,
        "skills.yaml",
        "places a needle into the joint under continuous vision.",
        "aspirates before injecting to exclude a needle in a vessel.",
    )
    assert_refused_with(
        mini_data,
        f"data/skills.yaml:{line}: record US-KNEE-INJ, field description: the text speaks of aspiration and of "
        "injection into a vessel without saying that a negative aspiration does not rule out intravascular "
        "injection; say so, in those words",
    )


def test_a_currency_code_without_a_glossary_entry(mini_data):
    """The abbreviation is named at the data line that uses it, once per file (with how often else it is used)."""
    line = (
        replace(
            mini_data,
            "admissions.yaml",
            "- track: WS-KNEE\n",
            "- track: WS-KNEE\n  fee: {amount: 5000, currency: INR, covers: The fee in INR; paid in INR before the day.}\n",
        )
        + 1
    )
    assert_refused_with(
        mini_data,
        f"data/admissions.yaml:{line}: record WS-KNEE, field fee.covers: INR is an abbreviation without an entry in "
        "data/glossary.yaml: add it there, with its expansion and a definition, or write it out in words",
    )


def test_the_same_abbreviation_in_several_records_is_one_problem(mini_data):
    first = replace(mini_data, "domains.yaml", "  title: Safety\n", "  title: Safety and CRPS\n")
    replace(mini_data, "rotations.yaml", "title: Interventional pain clinic", "title: CRPS clinic")
    replace(mini_data, "domains.yaml", "  title: Ultrasound-guided procedures\n", "  title: CRPS procedures\n")
    result = check(mini_data)
    assert result.code == 1
    assert result.problems == [
        f"data/domains.yaml:{line_containing(mini_data, 'domains.yaml', 'CRPS')}: record US, field title: CRPS is an "
        "abbreviation without an entry in data/glossary.yaml (and 1 more time in this file): add it there, with its "
        "expansion and a definition, or write it out in words",
        f"data/rotations.yaml:{line_containing(mini_data, 'rotations.yaml', 'CRPS')}: record ROT-PAIN-CLINIC, field "
        "title: CRPS is an abbreviation without an entry in data/glossary.yaml: add it there, with its expansion and "
        "a definition, or write it out in words",
    ], result.output
    assert first


def test_markup_in_a_glossary_expansion(mini_data):
    line = replace(
        mini_data,
        "glossary.yaml",
        "  expansion: Direct Observation of Procedural Skills",
        "  expansion: Direct Observation & Procedural Skills",
    )
    assert_refused_with(
        mini_data,
        f"data/glossary.yaml:{line}: record DOPS, field expansion: the expansion holds '&', which a tooltip would read "
        "as markup: write it in words (and for &)",
    )


# -- pages ---------------------------------------------------------------------------------------------------

TRACK_PAGE = """---
render_macros: true
---
# {{{{ track_title("{track}") }}}}

<!-- Everything on this page comes from the {track} record in data/tracks.yaml. -->

{{{{ track_profile("{track}") }}}}
"""
PAGES = {
    "index.md": "# Home\n\nTracks for FIPP candidates, assessed by DOPS and CbD.\n",
    "glossary.md": "---\nrender_macros: true\n---\n# Glossary\n\n<!-- Table from data/glossary.yaml. -->\n"
    "{{ glossary_table() }}\n",
    "tracks/fel-us-6m.md": TRACK_PAGE.format(track="FEL-US-6M"),
    "tracks/ws-knee.md": TRACK_PAGE.format(track="WS-KNEE"),
}


@pytest.fixture
def mini_site(mini_data) -> Path:
    """The fixture curriculum with a few pages beside it, in docs/: its data folder."""
    docs = mini_data.parent / "docs"
    for name, text in PAGES.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    return mini_data


def add_page(data_dir: Path, name: str, text: str) -> None:
    (data_dir.parent / "docs" / name).write_text(text, encoding="utf-8")


def test_the_pages_beside_the_fixture_are_valid(mini_site):
    result = check(mini_site)
    assert result.code == 0, result.output


def test_an_abbreviation_in_a_page_without_a_glossary_entry(mini_site):
    add_page(
        mini_site,
        "about.md",
        "# About\n\nWhat `CRPS` means is explained below.\n\nCRPS is a pain syndrome.\nCRPS again.\n",
    )
    assert_refused_with(
        mini_site,
        "docs/about.md:5: CRPS is an abbreviation without an entry in data/glossary.yaml (and 1 more time in this "
        "page): add it there, with its expansion and a definition, or write it out in words",
    )


def test_a_drug_dose_in_a_page(mini_site):
    add_page(mini_site, "about.md", "# About\n\nThe block uses 0.5% bupivacaine.\n")
    assert_refused_with(mini_site, f"docs/about.md:3: '0.5%' {DOSE_SAID}")


def test_aspiration_in_a_page(mini_site):
    add_page(mini_site, "about.md", "# About\n\nA negative aspiration shows that the needle\nis not in a vessel.\n")
    assert_refused_with(
        mini_site,
        "docs/about.md:3: the paragraph speaks of aspiration and of injection into a vessel without saying that a "
        "negative aspiration does not rule out intravascular injection; say so, in those words",
    )


def test_a_glossary_term_no_page_uses(mini_site):
    line = append(
        mini_site,
        "glossary.yaml",
        "- term: MDT\n  expansion: Multidisciplinary team\n  definition: Clinicians who plan care together.\n",
    )
    assert_refused_with(
        mini_site,
        f"data/glossary.yaml:{line}: record MDT, field term: no page uses MDT, so no reader meets its tooltip: use "
        "it where it belongs, or remove it",
    )


def test_a_track_without_its_page(mini_site):
    (mini_site.parent / "docs" / "tracks" / "ws-knee.md").unlink()
    line = line_containing(mini_site, "tracks.yaml", "- id: WS-KNEE")
    assert_refused_with(
        mini_site,
        f"data/tracks.yaml:{line}: record WS-KNEE, field id: WS-KNEE has no page: copy another track's page to "
        "docs/tracks/ws-knee.md, change the ID in its macro calls and its text, and add it under Tracks in mkdocs.yml's "
        "nav",
    )


def test_a_macro_call_without_a_comment_naming_its_data(mini_site):
    add_page(mini_site, "matrix.md", "---\nrender_macros: true\n---\n# Matrix\n\n{{ skill_matrix() }}\n")
    assert_refused_with(
        mini_site,
        "docs/matrix.md:6: put a comment naming the data skill_matrix() reads on the line above it, e.g. <!-- Table "
        "from data/tracks.yaml. -->",
    )


def test_a_comment_naming_data_that_does_not_exist(mini_site):
    add_page(
        mini_site,
        "matrix.md",
        "---\nrender_macros: true\n---\n# Matrix\n\n<!-- From data/track.yaml. -->\n{{ skill_matrix() }}\n",
    )
    assert_refused_with(
        mini_site,
        "docs/matrix.md:7: the comment above skill_matrix() names data/track.yaml, which does not exist: name the "
        "data file the macro reads",
    )


def test_a_macro_call_in_a_page_that_does_not_opt_in(mini_site):
    add_page(mini_site, "matrix.md", "# Matrix\n\n<!-- Table from data/tracks.yaml. -->\n{{ skill_matrix() }}\n")
    assert_refused_with(
        mini_site,
        "docs/matrix.md:4: skill_matrix() is shown as typed, because the page does not opt in to macros: start the "
        "page with the three lines ---, render_macros: true, ---",
    )


def test_a_skill_named_in_a_list_without_its_link(mini_site):
    add_page(mini_site, "tracks/index.md", "# Tracks\n\n- [US-KNEE-INJ](../skills.md#US-KNEE-INJ) and US-SCAN-BASICS\n")
    assert_refused_with(
        mini_site,
        "docs/tracks/index.md:3: US-SCAN-BASICS is named without a link to it: write "
        "[US-SCAN-BASICS](../skills.md#US-SCAN-BASICS)",
    )


def test_a_retired_track_whose_page_is_still_there(mini_site):
    replace(mini_site, "retired.yaml", "[]\n", "- {id: WS-OLD, kind: track, replaced_by: WS-KNEE, reason: Renamed.}\n")
    add_page(mini_site, "tracks/ws-old.md", TRACK_PAGE.format(track="WS-KNEE"))
    line = line_containing(mini_site, "retired.yaml", "WS-OLD")
    assert_refused_with(
        mini_site,
        f"data/retired.yaml:{line}: record WS-OLD, field id: WS-OLD is retired, so its page must go: its old address "
        "leads to WS-KNEE. Rename docs/tracks/ws-old.md to docs/tracks/ws-knee.md, or delete it",
    )
