"""The faculty pages about the data and the macros: the data reference lists every field of every
model; the macros guide documents every macro, with examples that work; pages name their data."""

from __future__ import annotations

import datetime
import enum
import re

import pytest
from bs4 import BeautifulSoup
from jinja2 import Environment, StrictUndefined
from pydantic import BaseModel

from macros.model import DATA_FILES, field_shape
from macros.reference import file_anchor, record_anchor
from macros.render import Renderer
from tests.support.sitebuild import PROJECT, academy_contact

DOCS = PROJECT / "docs"
MACROS_GUIDE = DOCS / "contributing" / "macros.md"


def every_model() -> dict[type[BaseModel], str]:
    """Each record kind and each record type nested in one, with its section's anchor on the page."""
    models = {}

    def visit(model, anchor):
        models.setdefault(model, anchor)
        for field in model.model_fields.values():
            nested = field_shape(field).nested
            if nested is not None and nested not in models:
                visit(nested, record_anchor(nested))

    for kind in DATA_FILES:
        visit(kind.model, file_anchor(kind.name))
    return models


@pytest.fixture(scope="module")
def reference(curriculum) -> BeautifulSoup:
    html = Renderer(curriculum, today=datetime.date(2026, 11, 1), contact=academy_contact()).data_reference()
    return BeautifulSoup(html, "html.parser")


def rows_of(page: BeautifulSoup, anchor: str) -> dict[str, tuple]:
    """Each field's row in a section: the field's name (as the row's anchor and as shown), required or
    optional, what it means, what may be written."""
    section = page.find(id=anchor).find_parent("section")
    rows = {}
    for row in section.find("table").find("tbody").find_all("tr"):
        name = row["id"].removeprefix(f"{anchor}-")
        status = row.th.find("span")
        shown = "".join(row.th.find_all(string=True)).removesuffix(status.get_text()).strip()
        meaning, allowed = row.td.find_all("p")
        rows[name] = (shown, status.get_text(strip=True), meaning, allowed)
    return rows


@pytest.mark.parametrize("model", list(every_model()), ids=lambda m: m.__name__)
def test_the_reference_lists_every_field_of_every_model(reference, model):
    rows = rows_of(reference, every_model()[model])
    assert list(rows) == list(model.model_fields)
    for name, field in model.model_fields.items():
        shown, required, meaning, allowed = rows[name]
        assert shown == name
        assert required == ("required" if field.is_required() else "optional"), name
        assert field.description and _squeezed(meaning.get_text()) == _squeezed(field.description), name
        shape = field_shape(field)
        if shape.ref is not None:
            target = next(kind for kind in DATA_FILES if kind.name == shape.ref.file)
            assert allowed.find("a", href=f"#{file_anchor(target.name)}") is not None, name
        if shape.nested is not None:
            assert allowed.find("a", href=f"#{record_anchor(shape.nested)}") is not None, name
        what = allowed.get_text(" ", strip=True)
        assert all(choice in what for choice in _choices(field.annotation)), f"{name}: {what}"


def _squeezed(text: str) -> str:
    return " ".join(text.split())


def _choices(annotation) -> list[str]:
    """The allowed values of an enum or Literal field, found anywhere in its annotation."""
    found = []
    for part in [annotation, *_args(annotation)]:
        if isinstance(part, type) and issubclass(part, enum.Enum):
            found += [member.value for member in part]
        elif getattr(part, "__origin__", None) is not None and str(part).startswith("typing.Literal"):
            found += [str(arg) for arg in part.__args__]
    return found


def _args(annotation) -> list:
    args = list(getattr(annotation, "__args__", ()))
    return args + [inner for arg in args for inner in _args(arg)]


def test_every_data_file_has_a_section_and_the_index_links_to_each(reference):
    index = {a["href"] for a in reference.find("nav").find_all("a")}
    sections = {f"#{section.find('h2')['id']}" for section in reference.find_all("section")}
    assert index == sections
    assert {f"#{file_anchor(kind.name)}" for kind in DATA_FILES} <= sections
    headings = [h2.get_text(strip=True) for h2 in reference.find_all("h2")]
    assert [f"data/{kind.file_name}" for kind in DATA_FILES] == [h for h in headings if h.startswith("data/")]


def test_the_built_site_has_the_reference_page(built_site):
    page = BeautifulSoup((built_site / "contributing" / "reference" / "index.html").read_text(), "html.parser")
    shown = {table.find("caption").get_text(strip=True) for table in page.select("table.cm-reference")}
    assert {f"Fields of data/{kind.file_name}" for kind in DATA_FILES} <= shown


# -- the macros guide -----------------------------------------------------------------------------

GUIDE_TEXT = MACROS_GUIDE.read_text(encoding="utf-8")


def example_calls() -> list[str]:
    """Every `{{ … }}` written in the guide's code blocks."""
    blocks = re.findall(r"^```text\n(.*?)^```", GUIDE_TEXT, re.MULTILINE | re.DOTALL)
    return [call for block in blocks for call in re.findall(r"\{\{.*?\}\}", block)]


def test_the_macros_guide_does_not_render_macros_itself():
    """Its front matter may rank it in search (as every faculty page is ranked), never switch macros on."""
    front = GUIDE_TEXT.split("---")[1] if GUIDE_TEXT.startswith("---") else ""
    assert "render_macros" not in front, "front matter could switch macros on for this page"


def test_the_macros_guide_documents_every_macro():
    documented = set(re.findall(r"^`(\w+)\(", GUIDE_TEXT, re.MULTILINE))
    assert documented == set(Renderer.macros)


@pytest.mark.parametrize("call", example_calls())
def test_each_example_in_the_macros_guide_works(curriculum, call):
    renderer = Renderer(curriculum, today=datetime.date(2026, 11, 1), contact=academy_contact())
    env = Environment(undefined=StrictUndefined, autoescape=True)
    env.globals.update({name: getattr(renderer, name) for name in Renderer.macros})
    assert env.from_string(call).render().strip()


def test_the_built_macros_guide_shows_the_calls_as_typed(built_site):
    page = (built_site / "contributing" / "macros" / "index.html").read_text(encoding="utf-8")
    text = BeautifulSoup(page, "html.parser").get_text()
    assert example_calls()
    for call in example_calls():
        assert call in text
