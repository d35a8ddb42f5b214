"""The JSON Schemas in schemas/: generated from the models, in sync with them, and what editors and
check-jsonschema validate each data file against."""

from __future__ import annotations

import json

import check_jsonschema
import pytest
from click.testing import CliRunner

from macros.__main__ import main
from macros.model import DATA_FILES, DATA_FILES_BY_NAME, field_shape
from macros.schema import SCHEMAS, data_file_schema, schema_file_name, schema_files, stale_schemas
from tests.support.sitebuild import PROJECT

DATA_FOLDERS = [PROJECT / "data", PROJECT / "tests" / "fixtures" / "mini"]


def run_check_jsonschema(*args) -> tuple[int, str]:
    """The check-jsonschema command (as pre-commit runs it), in this process: exit status and output."""
    done = CliRunner().invoke(check_jsonschema.main, [str(arg) for arg in args])
    return done.exit_code, done.output


def test_the_committed_schemas_are_those_the_models_give():
    assert stale_schemas(SCHEMAS) == [], "run `.venv/bin/python -m macros schemas` and commit schemas/"
    assert sorted(p.name for p in SCHEMAS.glob("*")) == sorted(schema_file_name(kind) for kind in DATA_FILES)


def test_each_schema_describes_its_file_from_the_model():
    for kind in DATA_FILES:
        schema = json.loads((SCHEMAS / schema_file_name(kind)).read_text(encoding="utf-8"))
        assert (schema["title"], schema["description"]) == (kind.file_name, kind.purpose)
        record = schema["items"]["$ref"] if kind.many else None
        properties = schema["$defs"][record.split("/")[-1]]["properties"] if record else schema["properties"]
        assert list(properties) == list(kind.model.model_fields)
        for name, field in kind.model.model_fields.items():
            described = properties[name]["description"]
            if field_shape(field).ref is None:
                assert described == field.description, f"{kind.file_name}: {name}"
            else:  # a rule across files, which the editor cannot check: the description says so
                assert described.startswith(field.description + " Whether "), f"{kind.file_name}: {name}"
                assert described.endswith("only the check (make check) can tell, not the editor."), described


def test_the_check_mode_names_what_is_out_of_date_and_writing_fixes_it(tmp_path, capsys):
    folder = tmp_path / "schemas"
    assert main(["schemas", "--folder", str(folder)]) == 0
    assert main(["schemas", "--check", "--folder", str(folder)]) == 0

    skills = folder / schema_file_name(DATA_FILES_BY_NAME["skills"])
    skills.write_text(skills.read_text().replace("capitals", "CAPITALS"))
    (folder / "old.schema.json").write_text("{}")
    (folder / schema_file_name(DATA_FILES_BY_NAME["glossary"])).unlink()
    capsys.readouterr()
    assert main(["schemas", "--check", "--folder", str(folder)]) == 1
    reported = capsys.readouterr().err
    for name in (skills.name, "old.schema.json", "glossary.schema.json"):
        assert f"schemas/{name} does not match the models" in reported

    assert main(["schemas", "--folder", str(folder)]) == 0
    assert stale_schemas(folder) == []
    assert {p.name: p.read_text() for p in folder.iterdir()} == schema_files()


def test_the_schemas_are_valid_json_schemas():
    status, output = run_check_jsonschema("--check-metaschema", *sorted(SCHEMAS.glob("*.schema.json")))
    assert status == 0, output


@pytest.mark.parametrize("kind", DATA_FILES, ids=lambda k: k.name)
def test_every_data_file_is_valid_against_its_schema(kind):
    """data/ and the test fixtures alike: dates, IDs, lists and nested records as the models accept them."""
    files = [folder / kind.file_name for folder in DATA_FOLDERS]
    status, output = run_check_jsonschema("--schemafile", SCHEMAS / schema_file_name(kind), *files)
    assert status == 0, output


@pytest.mark.parametrize(
    ("kind", "text", "complaint"),
    [
        ("skills", "- id: X\n  titel: A skill\n", "Additional properties are not allowed ('titel' was unexpected)"),
        ("skills", "- id: lower-case\n", "'lower-case' does not match"),
        ("tracks", "- skills:\n    - {skill: A, level: ten}\n", "'ten' is not of type 'integer'"),
        ("sources", "- kind: opinion\n", "'opinion' is not one of"),
        ("curriculum", "effective: 2026-13-01\n", "'2026-13-01' is not a 'date'"),
        ("glossary", "- term: CRPS\n  definition: ''\n", "'' should be non-empty"),
    ],
)
def test_an_editor_flags_what_the_check_would_refuse(tmp_path, kind, text, complaint):
    """What the schemas flag while a faculty member types: misspelt fields, bad IDs, wrong types, dates."""
    schema = tmp_path / "schema.json"
    schema.write_text(json.dumps(data_file_schema(DATA_FILES_BY_NAME[kind])))
    data = tmp_path / f"{kind}.yaml"
    data.write_text(text)
    status, output = run_check_jsonschema("--schemafile", schema, data)
    assert status == 1
    assert complaint in output


def test_a_date_written_as_yaml_writes_it_passes(tmp_path):
    """check-jsonschema reads YAML dates as dates; the schema's date format must accept them."""
    info = DATA_FILES_BY_NAME["curriculum"]
    schema = tmp_path / "schema.json"
    schema.write_text(json.dumps(data_file_schema(info)))
    data = tmp_path / "curriculum.yaml"
    data.write_text('title: T\nversion: "1"\neffective: 2026-02-28\nreview_after_months: 12\n')
    status, output = run_check_jsonschema("--schemafile", schema, data)
    assert status == 0, output
