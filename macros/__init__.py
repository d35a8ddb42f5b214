"""The curriculum: data/*.yaml validated into a Curriculum (model/, load/) and rendered into pages (render.py).

mkdocs-macros imports this package (mkdocs.yml: `module_name: macros`) and calls define_env once per build.
Everything that faces MkDocs is in plugin.py, imported only then: `python -m macros check`, the tests and the
benchmark import the rest without MkDocs or Jinja2.
"""


def define_env(env) -> None:
    from .plugin import SiteBuild

    SiteBuild.start(env)
