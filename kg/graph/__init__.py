"""The graph stage: a resolved Corpus in, RDF out (plus validation)."""
from __future__ import annotations

from kg.graph.build import corpus_to_dataset, corpus_to_graph, corpus_to_quads
from kg.graph.dataset import graph_to_dataset, union_graph
from kg.graph.quads import GraphQuads
from kg.graph.validate import validate

__all__ = ["GraphQuads", "corpus_to_dataset", "corpus_to_graph", "corpus_to_quads",
           "graph_to_dataset", "union_graph", "validate"]
