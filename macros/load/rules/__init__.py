"""The rules the data and the pages must keep beyond each field's own: across records, files and pages (`make
check`, the build and its live preview, and every pull request keep them all). Each rule is a module here,
as yamllint's rules are: an `ID`, a docstring that says the rule to faculty (the data reference page shows it),
and `check(loaded)`, which yields a Problem, with its file and line, for each place the rule is broken.

To add a rule: write its module beside these and add it to RULES below (tests/test_rules.py fails for a module
left out). Rules run in this order; each sees every record that validated, whatever the others found.
"""

from __future__ import annotations

from types import ModuleType

from . import (
    abbreviations_in_glossary,
    admits_once,
    aims_on_fellowships,
    application_dates,
    aspiration_wording,
    background_targets_admitted,
    background_targets_within_track,
    cell_therapies_knowledge_only,
    domains_have_skills,
    epa_evidence,
    epa_fellowships,
    epa_levels_vs_skills,
    epa_skills_in_track,
    exam_modules_vs_fellowships,
    exam_skills_taught,
    exam_sources,
    fee_currency,
    glossary_expansions_plain,
    glossary_terms_used,
    high_risk_minimums,
    high_risk_supervised,
    levels_on_scale,
    levels_vs_prerequisites,
    levels_without_gaps,
    macro_calls_name_their_data,
    minimum_numbers,
    minimums_across_tracks,
    minimums_are_programme_decisions,
    no_doses,
    other_specialties_safety,
    prerequisites,
    prerequisites_taught,
    preset_in_a_fellowship,
    preset_skills_once,
    procedural_modalities,
    published_ids,
    references,
    retired_ids,
    reviewed_by_and_when,
    rotations_used,
    sign_off_methods,
    skill_mentions_linked,
    skills_once_per_track,
    skills_taught,
    sources_cited,
    sources_dated,
    track_pages,
    unique_keys,
    version_in_changelog,
    workshop_levels,
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
    preset_skills_once,
    aims_on_fellowships,
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
    fee_currency,
    reviewed_by_and_when,
    # Content policy: what the curriculum asks of every track and record.
    workshop_levels,
    high_risk_supervised,
    other_specialties_safety,
    cell_therapies_knowledge_only,
    prerequisites_taught,
    preset_in_a_fellowship,
    exam_skills_taught,
    minimums_are_programme_decisions,
    exam_sources,
    sources_cited,
    sources_dated,
    domains_have_skills,
    rotations_used,
    # Wording, in the data and the pages.
    no_doses,
    aspiration_wording,
    abbreviations_in_glossary,
    glossary_expansions_plain,
    glossary_terms_used,
    # The pages.
    track_pages,
    macro_calls_name_their_data,
    skill_mentions_linked,
)


def get(rule_id: str) -> ModuleType:
    """A rule by its ID."""
    found = {rule.ID: rule for rule in RULES}
    if rule_id not in found:
        raise ValueError(f"no such rule: {rule_id!r}")
    return found[rule_id]
