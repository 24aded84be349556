"""GraphML for Gephi, Cytoscape and networkx users, written by networkx."""
from __future__ import annotations

from pathlib import Path

from kg.export import exporter
from kg.graph.network import to_networkx


@exporter("graphml", "graph.graphml",
          "GraphML: entities as typed nodes, relations as labelled edges")
def write_graphml(dataset, path: Path) -> None:
    import networkx as nx
    nx.write_graphml(to_networkx(dataset), str(path), encoding="utf-8",
                     prettyprint=True)
