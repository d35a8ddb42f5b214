"""JSON Schemas generated from the models: one per data file (for editors and check-jsonschema) and one
for the whole curriculum (published beside its JSON download). Never written by hand.

    python -m macros schemas           write schemas/<file>.schema.json for every data file
    python -m macros schemas --check   exit 1, naming the files, when they differ from the models
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import TypeAdapter, create_model

from .model import KINDS, Kind, field_shapes

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"


def data_file_schema(kind: Kind) -> dict:
    """The schema of data/<kind>.yaml."""
    shape = list[kind.model] if kind.many else kind.model
    schema = TypeAdapter(shape).json_schema()
    _say_what_only_the_check_checks(kind.model, schema)
    return {"$schema": DIALECT, **schema, "title": kind.file, "description": kind.purpose}


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
                f" Whether {'each' if shape.many else 'it'} is {what} in data/{shape.ref.kind}.yaml only the check "
                "(make check) can tell, not the editor."
            )
        elif shape.nested is not None:
            _say_what_only_the_check_checks(shape.nested, schema, done)


def curriculum_schema() -> dict:
    """The schema of the whole curriculum as one JSON document, one property per data file."""
    fields = {kind.name: (list[kind.model] if kind.many else kind.model, ...) for kind in KINDS}
    model = create_model("Curriculum", **fields)
    return {
        "$schema": DIALECT,
        "description": "The whole curriculum, one property per data file.",
        **model.model_json_schema(),
    }


def schema_file_name(kind: Kind) -> str:
    """The name each data file's first line points to: `# yaml-language-server: $schema=../schemas/<this>`."""
    return f"{kind.name}.schema.json"


def schema_files() -> dict[str, str]:
    """Every data file's schema as the text committed under schemas/, by file name."""
    return {
        schema_file_name(kind): json.dumps(data_file_schema(kind), indent=2, ensure_ascii=False) + "\n"
        for kind in KINDS
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
