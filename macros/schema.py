"""JSON Schemas generated from the models: one per data file (for editors and check-jsonschema) and one
for the whole curriculum (published beside its JSON download). Never written by hand."""

from __future__ import annotations

from pydantic import TypeAdapter, create_model

from .model import KINDS, Kind

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def data_file_schema(kind: Kind) -> dict:
    """The schema of data/<kind>.yaml."""
    shape = list[kind.model] if kind.many else kind.model
    schema = TypeAdapter(shape).json_schema()
    return {"$schema": DIALECT, "title": kind.file, "description": kind.purpose, **schema}


def curriculum_schema() -> dict:
    """The schema of the whole curriculum as one JSON document, one property per data file."""
    fields = {kind.name: (list[kind.model] if kind.many else kind.model, ...) for kind in KINDS}
    model = create_model("Curriculum", **fields)
    return {
        "$schema": DIALECT,
        "description": "The whole curriculum, one property per data file.",
        **model.model_json_schema(),
    }
