"""JSON Schemas generated from the models: one per data file (for editors and check-jsonschema) and one
for the whole curriculum (published beside its JSON download). Never written by hand.

    python -m macros schemas           write schemas/<file>.schema.json for every data file
    python -m macros schemas --check   exit 1, naming the files, when they differ from the models
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import TypeAdapter, create_model

from .model import DATA_FILES, DataFile, field_shapes

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"


def data_file_schema(data_file: DataFile) -> dict:
    """The schema of data/<name>.yaml."""
    shape = list[data_file.model] if data_file.many else data_file.model
    schema = TypeAdapter(shape).json_schema()
    _say_what_only_the_check_checks(data_file.model, schema)
    return {"$schema": DIALECT, **schema, "title": data_file.file_name, "description": data_file.purpose}


def _say_what_only_the_check_checks(model, schema: dict, done: set | None = None) -> None:
    """A schema sees one file; whether an ID exists in another file only the check can tell. Each field that
    names a record of another file says so in its description, which the editor shows beside the field."""
    done = set() if done is None else done
    if model in done:
        return
    done.add(model)
    definition = schema.get("$defs", {}).get(model.__name__, schema)
    for name, shape in field_shapes(model).items():
        if shape.ref is not None:
            what = "an ID" if shape.ref.key == "id" else f"a {shape.ref.key}"
            definition["properties"][name]["description"] += (
                f" Whether {'each' if shape.many else 'it'} is {what} in data/{shape.ref.file}.yaml only the check "
                "(make check) can tell, not the editor."
            )
        elif shape.nested is not None:
            _say_what_only_the_check_checks(shape.nested, schema, done)


def curriculum_schema() -> dict:
    """The schema of the whole curriculum as one JSON document, one property per data file."""
    fields = {
        data_file.name: (list[data_file.model] if data_file.many else data_file.model, ...) for data_file in DATA_FILES
    }
    model = create_model("Curriculum", **fields)
    return {
        "$schema": DIALECT,
        "description": "The whole curriculum, one property per data file.",
        **model.model_json_schema(),
    }


def schema_file_name(data_file: DataFile) -> str:
    """The name each data file's first line points to: `# yaml-language-server: $schema=../schemas/<this>`."""
    return f"{data_file.name}.schema.json"


def schema_files() -> dict[str, str]:
    """Every data file's schema as the text committed under schemas/, by file name."""
    return {
        schema_file_name(data_file): json.dumps(data_file_schema(data_file), indent=2, ensure_ascii=False) + "\n"
        for data_file in DATA_FILES
    }


def stale_schemas(folder: Path = SCHEMAS) -> list[str]:
    """Files in `folder` that are missing, out of date or left over, compared with the models."""
    return _stale(Path(folder), schema_files())


def _stale(folder: Path, expected: dict[str, str]) -> list[str]:
    present = {path.name for path in folder.glob("*.schema.json")}
    differ = [
        name
        for name, text in expected.items()
        if name not in present or (folder / name).read_text(encoding="utf-8") != text
    ]
    return sorted(differ + list(present - expected.keys()))


def write_schemas(folder: Path = SCHEMAS) -> list[str]:
    """Bring `folder` in line with the models. Returns the names of the files written or removed."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    expected = schema_files()
    changed = _stale(folder, expected)
    for name in changed:
        if name in expected:
            (folder / name).write_text(expected[name], encoding="utf-8")
        else:
            (folder / name).unlink()
    return changed
