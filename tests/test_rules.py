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


@pytest.mark.parametrize(
    ("data", "docs"), [(MINI, None), (PROJECT / "data", PROJECT / "docs")], ids=["mini", "real data and pages"]
)
def test_each_rule_finds_nothing_in_valid_data(data, docs):
    """The shipped curriculum and its pages keep every rule: the content the tests used to check one assert at a
    time is checked here, by the rules the check and the build apply."""
    load_curriculum(data)  # valid
    loaded = Loaded(data.resolve(), docs_dir=docs)
    loaded.read_all()
    assert bool(loaded.pages) is (docs is not None)
    for rule in RULES:
        assert list(rule.check(loaded)) == [], rule.ID


def test_the_check_reads_the_pages_beside_the_data():
    """`make check` and the build load data/ with docs/ beside it: the page rules run in both."""
    loaded_pages = {page.name for page in Loaded(PROJECT / "data", docs_dir=PROJECT / "docs").pages}
    assert "docs/index.md" in loaded_pages and "docs/tracks/fel-us-6m.md" in loaded_pages


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
