"""The graph as a networkx MultiDiGraph: entities as typed nodes, relations as
labelled edges (one per predicate, one per role for posts)."""
from __future__ import annotations

from kg.graph.graph import as_graph
from kg.graph.tables import entity_rows, relation_rows

__all__ = ["to_networkx"]


def to_networkx(graph):
    """A `networkx.MultiDiGraph` of the entities and relations of `graph` (anything
    `kg.graph.graph.as_graph` takes).

    Nodes are entity IRIs with attributes `type`, `label`, `aliases` ('|'-joined),
    `admin_level`, `adcode` (places) and `articles` (source files, '|'-joined).
    Edges are keyed by predicate (and role, for `holdsPost`), with attributes
    `predicate`, `label` (same, for Gephi), `role`, `sources` (source files,
    '|'-joined) and `evidence` (the first sentence that states the edge).
    Nodes and edges are added in sorted order, so writing it is deterministic.
    """
    import networkx as nx

    graph = as_graph(graph)

    net = nx.MultiDiGraph()
    for row in entity_rows(graph):
        net.add_node(row["iri"], type=row["type"], label=row["label"], aliases=row["aliases"],
                     admin_level=row["admin_level"], adcode=row["adcode"],
                     articles=row["articles"])
    edges: dict[tuple, dict] = {}
    for row in relation_rows(graph):
        key = row["predicate"] + (f":{row['role']}" if row["role"] else "")
        edge = edges.setdefault((row["subject"], row["object"], key), {
            "predicate": row["predicate"], "label": row["predicate"], "role": row["role"],
            "sources": set(), "evidence": ""})
        if row["source_file"]:
            edge["sources"].add(row["source_file"])
        if row["evidence"] and not edge["evidence"]:
            edge["evidence"] = row["evidence"]
    for (s, o, key), attrs in sorted(edges.items()):
        for node in (s, o):
            if node not in net:
                net.add_node(node, type="", label="", aliases="", admin_level="", adcode="",
                             articles="")
        net.add_edge(s, o, key=key, **{**attrs, "sources": "|".join(sorted(attrs["sources"]))})
    return net
