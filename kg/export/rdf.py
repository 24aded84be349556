"""RDF serialisations of the graph."""
from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph

from kg.export import exporter


def default_graph(dataset: Dataset) -> Graph:
    """Every triple of the dataset in one graph (the union of the named graphs)."""
    union = Graph()
    for prefix, namespace in dataset.namespaces():
        union.bind(prefix, namespace)
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


@exporter("turtle", "graph.ttl", "Turtle, every triple in one graph")
def write_turtle(dataset: Dataset, path: Path) -> None:
    default_graph(dataset).serialize(destination=str(path), format="turtle")
