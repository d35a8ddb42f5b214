"""The rules for per-background targets, high-risk minimums and EPAs (macros/load/rules/), each broken once on a
copy of the tiny fixture curriculum: `python -m macros check` stops with the exact message, at its file and line.

The fixture's 6-month fellowship admits anaesthesiologists and neurologists and teaches ASSESS-HISTORY (clinical,
level 4), SAFETY-ASEPSIS (procedural, 4, 20 supervised) and US-KNEE-INJ (procedural, 4, 10 supervised, built on
SAFETY-ASEPSIS); its workshop teaches US-KNEE-INJ at level 2; its EPA-STERILE-FIELD draws on SAFETY-ASEPSIS."""

from __future__ import annotations

from pathlib import Path

from macros.load import load_curriculum
from tests.support.checking import assert_fails_with, check, line_containing, replace
from tests.support.records import track_record

KNEE = "    - {skill: US-KNEE-INJ, level: 4, min_supervised: 10}\n"
ASEPSIS = "    - {skill: SAFETY-ASEPSIS, level: 4, min_supervised: 20}\n"


def with_targets(data: Path, line: str, *targets: str) -> int:
    """Rewrite a checklist line of the fellowship over several lines, with per-background targets (each a
    block of `key: value` lines for one for_backgrounds item); return the line of the first target."""
    entry = dict(part.split(": ", 1) for part in line.strip()[3:-1].split(", "))
    written = f"    - skill: {entry.pop('skill')}\n" + "".join(f"      {k}: {v}\n" for k, v in entry.items())
    written += "      for_backgrounds:\n"
    for target in targets:
        first, *rest = target.split("\n")
        written += f"        - {first}\n" + "".join(f"          {more}\n" for more in rest)
    start = replace(data, "tracks.yaml", line, written)
    return start + len(entry) + 2


def append(data: Path, file: str, text: str) -> None:
    path = data / file
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


# -- per-background targets ----------------------------------------------------------------------------


def test_a_per_background_target_applies_to_the_specialties_it_names(mini_data):
    with_targets(mini_data, KNEE, "backgrounds: [NEUROLOGY]\nlevel: 3\nreason: Few needle procedures in neurology.")
    assert check(mini_data).code == 0, check(mini_data).output
    entry = load_curriculum(mini_data).track("FEL-US-6M").target("US-KNEE-INJ")
    assert (entry.target_for("NEUROLOGY").level, entry.target_for("ANAESTHESIOLOGY").level) == (3, 4)
    assert entry.target_for("NEUROLOGY").min_supervised == 10  # left out: the track's own


def test_a_per_background_target_for_a_specialty_the_track_does_not_admit(mini_data):
    append(mini_data, "backgrounds.yaml", "- id: PSYCHIATRY\n  title: Psychiatry\n  people: psychiatrists\n")
    line = with_targets(mini_data, KNEE, "backgrounds: [PSYCHIATRY]\nlevel: 3\nreason: No needle procedures.")
    assert_fails_with(
        mini_data,
        f"data/tracks.yaml:{line}: record FEL-US-6M, field skills[US-KNEE-INJ].for_backgrounds[0].backgrounds: this track "
        "does not admit PSYCHIATRY (its admits: ANAESTHESIOLOGY, NEUROLOGY), so a target for it would never apply; "
        "remove it, or admit the specialty first",
    )


def test_a_specialty_named_in_two_targets_of_one_skill(mini_data):
    line = with_targets(
        mini_data,
        KNEE,
        "backgrounds: [NEUROLOGY]\nlevel: 3\nreason: Few needle procedures.",
        "backgrounds: [NEUROLOGY]\nlevel: 2\nreason: Fewer still.",
    )
    assert_fails_with(
        mini_data,
        f"data/tracks.yaml:{line + 3}: record FEL-US-6M, field skills[US-KNEE-INJ].for_backgrounds[1].backgrounds: NEUROLOGY "
        "already has a target for US-KNEE-INJ (for_backgrounds[0]); name each specialty once per skill",
    )


def test_a_per_background_target_never_asks_for_fewer_cases_at_the_tracks_level(mini_data):
    line = with_targets(mini_data, KNEE, "backgrounds: [NEUROLOGY]\nmin_supervised: 5\nreason: Already practised.")
    assert_fails_with(
        mini_data,
        f"data/tracks.yaml:{line + 1}: record FEL-US-6M, field skills[US-KNEE-INJ].for_backgrounds[0].min_supervised: at the "
        "track's own level (4) this target for NEUROLOGY asks for fewer supervised cases (5) than the track asks of "
        "everyone (10); ask for at least 10",
    )


def test_a_lower_level_for_a_specialty_binds_what_builds_on_it(mini_data):
    """Neurologists' sterile technique stops at level 3, so their knee injection cannot go to 4."""
    with_targets(mini_data, ASEPSIS, "backgrounds: [NEUROLOGY]\nlevel: 3\nmin_supervised: 20\nreason: Few procedures.")
    line = line_containing(mini_data, "tracks.yaml", "skill: US-KNEE-INJ, level: 4")
    assert_fails_with(
        mini_data,
        f"data/tracks.yaml:{line}: record FEL-US-6M, field skills[US-KNEE-INJ].level: level 4 for US-KNEE-INJ for fellows from "
        "NEUROLOGY is above level 3 for its prerequisite SAFETY-ASEPSIS in this track; lower it, or say why in "
        "above_prerequisite_reason",
    )


def test_a_higher_level_never_needs_fewer_cases_than_another_specialtys_target(mini_data):
    with_targets(mini_data, KNEE, "backgrounds: [NEUROLOGY]\nlevel: 3\nmin_supervised: 20\nreason: Start further back.")
    line = line_containing(mini_data, "tracks.yaml", "      min_supervised: 10")
    assert_fails_with(
        mini_data,
        f"data/tracks.yaml:{line}: record FEL-US-6M, field skills[US-KNEE-INJ].min_supervised: level 4 for US-KNEE-INJ needs at "
        "least 10 supervised here, fewer than the 20 this track (for NEUROLOGY) asks for level 3; a higher level "
        "needs at least as many",
    )


def test_a_per_background_sign_off_uses_the_skills_and_the_tracks_assessments(mini_data):
    line = with_targets(mini_data, KNEE, "backgrounds: [NEUROLOGY]\nsign_off_requires: [CBD]\nreason: A case talk.")
    problems = assert_fails_with(
        mini_data,
        f"data/tracks.yaml:{line + 1}: record FEL-US-6M, field skills[US-KNEE-INJ].for_backgrounds[0].sign_off_requires: CBD "
        "is not one of the assessments of US-KNEE-INJ (DOPS, LOGBOOK); add it to the skill's assessments in "
        "data/skills.yaml",
    ).problems
    assert (
        f"data/tracks.yaml:{line + 1}: record FEL-US-6M, field skills[US-KNEE-INJ].for_backgrounds[0].sign_off_requires: CBD "
        "is not one of this track's assessments; add it there"
    ) in problems


def test_an_exam_module_expects_no_more_than_a_fellowships_lowest_target(mini_data):
    with_targets(mini_data, KNEE, "backgrounds: [NEUROLOGY]\nlevel: 3\nreason: Few needle procedures.")
    append(
        mini_data,
        "tracks.yaml",
        track_record("EXAM-FIPP", "exam-preparation", "[FIPP]", KNEE.replace(", min_supervised: 10", "")),
    )
    text = (mini_data / "tracks.yaml").read_text(encoding="utf-8").splitlines()
    module = next(n for n, t in enumerate(text, 1) if t.startswith("- id: EXAM-FIPP"))
    line = next(n for n, t in enumerate(text, 1) if n > module and "skill: US-KNEE-INJ" in t)
    assert_fails_with(
        mini_data,
        f"data/tracks.yaml:{line}: record EXAM-FIPP, field skills[US-KNEE-INJ].level: the module expects level 4 in US-KNEE-INJ, "
        "but FEL-US-6M, which also prepares for FIPP, ends at level 3 for NEUROLOGY; expect no more than the "
        "fellowships reach",
    )


# -- high-risk skills at levels 4 and 5 -------------------------------------------------------------------


def make_history_high_risk(data: Path, assessments: str = "[CBD]") -> None:
    """ASSESS-HISTORY, the fixture's clinical skill, made high-risk (as sedation is)."""
    replace(data, "skills.yaml", "  risk: low\n", "  risk: high\n")  # the first skill, ASSESS-HISTORY
    replace(data, "skills.yaml", "  assessments: [CBD]\n", f"  assessments: {assessments}\n")


def test_a_high_risk_skill_at_level_4_needs_real_supervised_cases(mini_data):
    make_history_high_risk(mini_data)
    line = line_containing(mini_data, "tracks.yaml", "{skill: ASSESS-HISTORY, level: 4}")
    assert_fails_with(
        mini_data,
        f"data/tracks.yaml:{line}: record FEL-US-6M, field skills[ASSESS-HISTORY].level: level 4 in ASSESS-HISTORY, a high-risk "
        "skill, is work without a supervisor present: it needs a minimum of real cases done or managed under "
        "supervision (min_supervised)",
    )
    replace(
        mini_data,
        "tracks.yaml",
        "{skill: ASSESS-HISTORY, level: 4}",
        "{skill: ASSESS-HISTORY, level: 4, min_supervised: 10}",
    )
    assert check(mini_data).code == 0


def test_a_rare_emergency_at_level_4_needs_a_passed_simulation_and_observed_drills(mini_data):
    append(
        mini_data,
        "assessments.yaml",
        "- id: SIM\n  title: Simulation\n  short_title: Simulation\n  description: An emergency on a simulator.\n"
        "  source: PROGRAMME\n",
    )
    replace(mini_data, "tracks.yaml", "  assessments: [DOPS, LOGBOOK]\n", "  assessments: [DOPS, LOGBOOK, SIM]\n")
    make_history_high_risk(mini_data, "[SIM, CBD]")
    line = replace(
        mini_data,
        "tracks.yaml",
        "{skill: ASSESS-HISTORY, level: 4}",
        "{skill: ASSESS-HISTORY, level: 4, min_drills: 2}",
    )
    assert_fails_with(
        mini_data,
        f"data/tracks.yaml:{line}: record FEL-US-6M, field skills[ASSESS-HISTORY].level: level 4 in ASSESS-HISTORY, a high-risk "
        "skill, is work without a supervisor present: it needs a minimum of real supervised cases (min_supervised) "
        "or, since it is an emergency too rare to meet on demand, a passed simulation (sign_off_requires: [SIM]) and "
        "a minimum of observed drills (min_drills)",
    )
    replace(mini_data, "tracks.yaml", "min_drills: 2}", "min_drills: 2, sign_off_requires: [SIM]}")
    assert check(mini_data).code == 0


def test_a_high_risk_target_for_a_specialty_needs_its_own_cases_too(mini_data):
    """The track's own target is below level 4; a specialty's target may not reach it without real cases."""
    make_history_high_risk(mini_data)
    replace(mini_data, "tracks.yaml", "{skill: ASSESS-HISTORY, level: 4}", "{skill: ASSESS-HISTORY, level: 3}")
    line = with_targets(
        mini_data, "    - {skill: ASSESS-HISTORY, level: 3}\n", "backgrounds: [NEUROLOGY]\nlevel: 4\nreason: A mistake."
    )
    problems = check(mini_data).problems
    assert (
        f"data/tracks.yaml:{line + 1}: record FEL-US-6M, field skills[ASSESS-HISTORY].for_backgrounds[0].level: level 4 for NEUROLOGY "
        "in ASSESS-HISTORY, a high-risk skill, is work without a supervisor present: it needs a minimum of real cases "
        "done or managed under supervision (min_supervised)"
    ) in problems


# -- EPAs ----------------------------------------------------------------------------------------------

EPA_TRACK = "    - track: FEL-US-6M\n      level: 4\n"


def test_an_epa_is_entrusted_in_fellowships_only(mini_data):
    line = replace(mini_data, "epas.yaml", EPA_TRACK, "    - track: WS-KNEE\n      level: 4\n")
    problems = assert_fails_with(
        mini_data,
        f"data/epas.yaml:{line}: record EPA-STERILE-FIELD, field tracks[WS-KNEE]: WS-KNEE is a workshop track, which "
        "signs off no practice on patients; an EPA is entrusted in fellowships only",
    ).problems
    assert len(problems) == 1, "one mistake, one message: not also the skills the workshop does not teach"


def test_an_epas_skills_are_all_taught_in_its_track(mini_data):
    """SAFETY-ASEPSIS moves from the fellowship to the workshop (and US-KNEE-INJ no longer builds on it)."""
    replace(mini_data, "tracks.yaml", ASEPSIS, "")
    replace(mini_data, "skills.yaml", "  prerequisites: [SAFETY-ASEPSIS]\n", "")
    workshop = "    - {skill: US-KNEE-INJ, level: 2}\n"
    replace(mini_data, "tracks.yaml", workshop, workshop + "    - {skill: SAFETY-ASEPSIS, level: 2}\n")
    line = line_containing(mini_data, "epas.yaml", "  - track: FEL-US-6M")
    assert_fails_with(
        mini_data,
        f"data/epas.yaml:{line}: record EPA-STERILE-FIELD, field tracks[FEL-US-6M]: FEL-US-6M does not teach "
        "SAFETY-ASEPSIS, which this EPA draws on; add it to the track's skills, or take it out of the EPA's skills",
    )


def test_an_epa_is_never_entrusted_above_a_specialtys_target_in_its_skills(mini_data):
    with_targets(mini_data, ASEPSIS, "backgrounds: [NEUROLOGY]\nlevel: 3\nmin_supervised: 20\nreason: Few procedures.")
    with_targets(
        mini_data, KNEE, "backgrounds: [NEUROLOGY]\nlevel: 3\nmin_supervised: 20\nreason: Follows its prerequisite."
    )
    line = line_containing(mini_data, "epas.yaml", "      level: 4")
    assert_fails_with(
        mini_data,
        f"data/epas.yaml:{line}: record EPA-STERILE-FIELD, field tracks[FEL-US-6M].level: level 4 in FEL-US-6M is above the "
        "track's target in SAFETY-ASEPSIS (level 3 for NEUROLOGY); an EPA is entrusted no higher than the skills it "
        "draws on",
    )


def test_an_epa_draws_on_a_skill_done_for_patients(mini_data):
    replace(mini_data, "skills.yaml", "  kind: procedural\n", "  kind: knowledge\n")  # SAFETY-ASEPSIS
    replace(mini_data, "skills.yaml", "  modalities: [landmark]\n", "")
    replace(mini_data, "tracks.yaml", ASEPSIS, "    - {skill: SAFETY-ASEPSIS, level: 4}\n")
    line = line_containing(mini_data, "epas.yaml", "  skills: [SAFETY-ASEPSIS]")
    assert_fails_with(
        mini_data,
        f"data/epas.yaml:{line}: record EPA-STERILE-FIELD, field skills: none of these skills is rated on the "
        "entrustment scale (procedural or clinical skills): an EPA is a unit of work done for patients; add the "
        "skills it is done with",
    )


def test_an_epas_evidence_uses_the_tracks_assessments_once_each(mini_data):
    line = replace(
        mini_data,
        "epas.yaml",
        "        - {assessment: DOPS, minimum: 3}\n",
        "        - {assessment: DOPS, minimum: 3}\n        - {assessment: DOPS, minimum: 2}\n        - {assessment: CBD, minimum: 2}\n",
    )
    problems = assert_fails_with(
        mini_data,
        f"data/epas.yaml:{line + 1}: record EPA-STERILE-FIELD, field tracks[FEL-US-6M].evidence[DOPS]: DOPS is listed "
        "twice; give one minimum",
    ).problems
    assert (
        f"data/epas.yaml:{line + 2}: record EPA-STERILE-FIELD, field tracks[FEL-US-6M].evidence[CBD]: CBD is not one "
        "of the assessments of FEL-US-6M; add it there"
    ) in problems


def test_a_higher_epa_level_never_needs_less_evidence_than_a_lower_one(mini_data):
    append(
        mini_data,
        "tracks.yaml",
        track_record("FEL-PM-1Y", "fellowship", "[]", "    - {skill: SAFETY-ASEPSIS, level: 3, min_supervised: 10}\n"),
    )
    replace(
        mini_data,
        "epas.yaml",
        "  source: PROGRAMME\n",
        "    - track: FEL-PM-1Y\n      level: 3\n      evidence:\n        - {assessment: DOPS, minimum: 5}\n"
        "  source: PROGRAMME\n",
    )
    evidence = line_containing(mini_data, "epas.yaml", "      evidence:")
    assert_fails_with(
        mini_data,
        f"data/epas.yaml:{evidence}: record EPA-STERILE-FIELD, field tracks[FEL-US-6M].evidence: level 4 in FEL-US-6M asks for "
        "3 DOPS, fewer than the 5 FEL-PM-1Y asks for level 3; a higher level needs at least as much evidence",
    )
