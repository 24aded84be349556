"""The graph stage: a resolved Corpus in, RDF out (plus validation)."""
from __future__ import annotations

from kg.graph.build import corpus_to_dataset, corpus_to_graph
from kg.graph.dataset import graph_to_dataset, union_graph
from kg.graph.validate import validate

__all__ = ["corpus_to_dataset", "corpus_to_graph", "graph_to_dataset", "union_graph", "validate"]
