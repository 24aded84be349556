"""The article pipeline: components registered by name, run in the order kg/config.toml gives.

A component is a function `(doc: Doc) -> None` that reads what the components before it
added to the doc (tokens, spans, entities) and adds its own; none calls another.

    @component("documents")
    def documents(doc: Doc) -> None: ...
"""
from __future__ import annotations

import tomllib
from collections.abc import Callable
from functools import cache
from importlib import import_module, resources

from kg.doc import Doc

Component = Callable[[Doc], None]
_REGISTRY: dict[str, Component] = {}


def component(name: str) -> Callable[[Component], Component]:
    def register(fn: Component) -> Component:
        _REGISTRY[name] = fn
        return fn
    return register


@cache
def pipeline() -> tuple[tuple[str, Component], ...]:
    """The components of kg/config.toml's [pipeline], in order (their modules imported)."""
    config = tomllib.loads(resources.files(__package__).joinpath("config.toml")
                           .read_text(encoding="utf-8"))["pipeline"]
    for module in config["modules"]:
        import_module(module)
    unknown = [n for n in config["components"] if n not in _REGISTRY]
    if unknown:
        raise LookupError(f"kg/config.toml names unknown components: {', '.join(unknown)}")
    return tuple((name, _REGISTRY[name]) for name in config["components"])


def run(doc: Doc, until: str | None = None) -> Doc:
    """Run the pipeline over `doc` (up to and including the component `until`)."""
    for name, fn in pipeline():
        fn(doc)
        if name == until:
            break
    return doc
