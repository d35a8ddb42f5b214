"""The rules across records (macros/load/rules/): one registry, each rule with an ID, a docstring faculty read on
the data reference page, and a check that yields problems placed at their lines."""

from __future__ import annotations

import pkgutil
import re

import pytest
from bs4 import BeautifulSoup

from macros.load import load_curriculum, rules
from macros.load.reading import Loaded
from macros.load.rules import RULES
from macros.problems import Problem
from tests.support.sitebuild import MINI, PROJECT


def test_every_rule_module_is_registered_once():
    modules = {info.name for info in pkgutil.iter_modules(rules.__path__)}
    assert sorted(rule.__name__.rpartition(".")[2] for rule in RULES) == sorted(modules)
    assert len({rule.ID for rule in RULES}) == len(RULES)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.ID)
def test_each_rule_has_an_id_named_as_its_module_and_says_what_it_asks(rule):
    assert rule.__name__.rpartition(".")[2].replace("_", "-") == rule.ID
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.ID)
    assert rule.__doc__ and len(rule.__doc__.split()) >= 8 and rule.__doc__.strip().endswith(".")
    assert rules.get(rule.ID) is rule


@pytest.mark.parametrize("data", [MINI, PROJECT / "data"], ids=["mini", "real"])
def test_each_rule_finds_nothing_in_valid_data(data):
    load_curriculum(data)  # valid
    loaded = Loaded(data.resolve())
    loaded.read_all()
    for rule in RULES:
        assert list(rule.check(loaded)) == [], rule.ID


def test_a_rule_yields_problems_placed_at_their_line(mini_data):
    skills = mini_data / "skills.yaml"
    text = skills.read_text(encoding="utf-8")
    skill_id = re.search(r"^- id: (\S+)", text, re.MULTILINE).group(1)
    skills.write_text(text.replace(f"- id: {skill_id}\n", f"- id: {skill_id}\n  modalities: [ultrasound]\n", 1))
    loaded = Loaded(mini_data.resolve())
    loaded.read_all()
    found = list(rules.get("procedural-modalities").check(loaded))
    kind = next(s.kind.value for _, s in loaded.valid["skills"] if s.id == skill_id)
    if kind == "procedural":
        pytest.skip("the fixture's first skill is procedural")
    line = text.splitlines().index(f"- id: {skill_id}") + 2
    assert found == [
        Problem(
            "data/skills.yaml",
            line,
            skill_id,
            "modalities",
            f"only procedural skills have modalities; this skill is {kind}",
        )
    ]


def test_the_data_reference_lists_every_rule_with_its_words(built_site):
    page = BeautifulSoup((built_site / "contributing" / "reference" / "index.html").read_text("utf-8"), "html.parser")
    listed = [dt["id"].removeprefix("rule-") for dt in page.select("section[aria-labelledby=rules] dt")]
    assert listed == [rule.ID for rule in RULES]
    for rule in RULES:
        said = " ".join(page.find(id=f"rule-{rule.ID}").find_next_sibling("dd").get_text().split())
        assert said == " ".join(rule.__doc__.replace("`", "").split())
