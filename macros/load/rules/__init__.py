"""The rules every record must keep beyond its own fields: across records and files. Each rule is a module here,
as yamllint's rules are: an `ID`, a docstring that says the rule to faculty (the data reference page shows it),
and `check(loaded)`, which yields a Problem, with its file and line, for each place the rule is broken.

To add a rule: write its module beside these and add it to RULES below (tests/test_rules.py fails for a module
left out). Rules run in this order; each sees every record that validated, whatever the others found.
"""

from __future__ import annotations

from types import ModuleType

from . import (
    admits_once,
    application_dates,
    background_targets_admitted,
    background_targets_within_track,
    baseline_once,
    epa_evidence,
    epa_fellowships,
    epa_levels_vs_skills,
    epa_skills_in_track,
    exam_modules_vs_fellowships,
    high_risk_minimums,
    levels_on_scale,
    levels_vs_prerequisites,
    levels_without_gaps,
    minimum_numbers,
    minimums_across_tracks,
    prerequisites,
    procedural_modalities,
    published_ids,
    references,
    retired_ids,
    reviewed_by_and_when,
    sign_off_methods,
    skills_once_per_track,
    skills_taught,
    unique_keys,
    version_in_changelog,
    workshop_sessions,
)

RULES: tuple[ModuleType, ...] = (
    published_ids,  # first: the others name a renamed ID as renamed
    unique_keys,
    references,
    retired_ids,
    levels_without_gaps,
    levels_on_scale,
    admits_once,
    skills_once_per_track,
    background_targets_admitted,
    minimum_numbers,
    skills_taught,
    prerequisites,
    procedural_modalities,
    baseline_once,
    workshop_sessions,
    sign_off_methods,
    background_targets_within_track,
    high_risk_minimums,
    levels_vs_prerequisites,
    exam_modules_vs_fellowships,
    minimums_across_tracks,
    epa_fellowships,
    epa_skills_in_track,
    epa_levels_vs_skills,
    epa_evidence,
    version_in_changelog,
    application_dates,
    reviewed_by_and_when,
)


def get(rule_id: str) -> ModuleType:
    """A rule by its ID."""
    found = {rule.ID: rule for rule in RULES}
    if rule_id not in found:
        raise ValueError(f"no such rule: {rule_id!r}")
    return found[rule_id]
