"""The graph stage: a resolved Corpus in, RDF out (plus validation).

`kg.graph.Graph` is the one interface readers use; the names here load their
modules when first asked for, so importing `kg.graph.graph` stays cheap."""
from __future__ import annotations

from importlib import import_module

__all__ = ["Graph", "GraphQuads", "corpus_to_dataset", "corpus_to_graph", "corpus_to_quads",
           "graph_to_dataset", "union_graph", "validate"]

_HOMES = {"Graph": "kg.graph.graph", "GraphQuads": "kg.graph.quads",
          "corpus_to_dataset": "kg.graph.build", "corpus_to_graph": "kg.graph.build",
          "corpus_to_quads": "kg.graph.build", "graph_to_dataset": "kg.graph.dataset",
          "union_graph": "kg.graph.dataset", "validate": "kg.graph.validate"}


def __getattr__(name: str):
    if name not in _HOMES:
        raise AttributeError(f"module 'kg.graph' has no attribute {name!r}")
    return getattr(import_module(_HOMES[name]), name)
