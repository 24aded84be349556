"""Summaries of a built graph: counts, top places and programmes, one entity's record.

Plain functions over a `kg.graph.Graph`, used by `kg stats`, `kg show` and the
Python API.
"""
from __future__ import annotations

import unicodedata

from kg.graph.graph import Graph
from kg.graph.tables import entity_rows, label, relation_rows, statistic_rows
from kg.terms import DCTERMS, ENTITY_CLASSES, GOV, RDF, RELATION_PREDICATES, SKOS

__all__ = ["counts", "top_places", "top_programmes", "find_entities", "name_matches",
           "close_names", "describe", "normalise"]


def counts(graph) -> dict[str, int]:
    """Number of nodes of each type, edges of each relation, and triples (of anything
    `kg.graph.graph.as_graph` takes). Triples are unique, so a (node, rdf:type, class)
    triple is one node and a (s, p, o) triple one edge."""
    from kg.graph.graph import as_graph
    graph = as_graph(graph)
    classes = {**ENTITY_CLASSES, "Article": GOV.Article, "Statistic": GOV.Statistic,
               "Membership": GOV.Membership, "Assertion": GOV.Assertion}
    out = {name: graph.count(RDF.type, cls) for name, cls in classes.items()}
    for name, prop in RELATION_PREDICATES.items():
        out[name] = graph.count(prop)
    out["triples"] = len(graph)
    return out


def top_places(graph: Graph, n: int = 10) -> list[dict]:
    """Places ranked by the programmes run in them or anywhere inside them (the
    gazetteer's lineage and gov:partOf), then by articles."""
    from kg.graph.divisions import inside
    rows = []
    for place in set(graph.subjects(RDF.type, GOV.Place)):
        below = inside(graph, place)
        programmes = {p for q in below for p in graph.subjects(GOV.implementedIn, q)}
        articles = set(graph.subjects(GOV.mentions, place))
        rows.append({"place": label(graph, place),
                     "level": str(graph.value(place, GOV.adminLevel) or ""),
                     "programmes": len(programmes), "articles": len(articles),
                     "statistics": len(set(graph.subjects(GOV.about, place)))})
    rows.sort(key=lambda r: (-r["programmes"], -r["articles"], r["place"]))
    return rows[:n]


def top_programmes(graph: Graph, n: int = 10) -> list[dict]:
    """Programmes ranked by the places they run in, then by the articles naming them."""
    rows = []
    for prog in set(graph.subjects(RDF.type, GOV.Programme)):
        rows.append({"programme": label(graph, prog),
                     "places": len(set(graph.objects(prog, GOV.implementedIn))),
                     "agencies": len(set(graph.objects(prog, GOV.implementedBy))),
                     "articles": len(set(graph.subjects(GOV.mentions, prog)))})
    rows.sort(key=lambda r: (-r["places"], -r["articles"], -r["agencies"], r["programme"]))
    return rows[:n]


def normalise(name: str) -> str:
    """Fold width, spaces and quotes so `徐州市公安局`, `“徐州市公安局”` compare equal."""
    text = unicodedata.normalize("NFKC", name)
    return "".join(ch for ch in text if not ch.isspace() and ch not in "“”\"'‘’《》「」")


def name_matches(graph: Graph, name: str, type: str | None = None) -> tuple[list, list]:
    """(exact, partial): the entities whose label or an alias is `name`, most mentioned
    first; then those whose names contain it, the closest first (a name starting with
    it, then the shortest, then the most mentioned)."""
    wanted = normalise(name)
    exact, partial = [], []
    for row in entity_rows(graph, type):
        names = [row["label"]] + [a for a in row["aliases"].split("|") if a]
        folded = [normalise(n) for n in names]
        mentions = len([a for a in row["articles"].split("|") if a])
        if wanted in folded:
            exact.append(((-mentions, row["type"], row["label"], row["iri"]), row))
        elif wanted and any(wanted in f for f in folded):
            starts = any(f.startswith(wanted) for f in folded)
            partial.append(((not starts, len(row["label"]), -mentions, row["label"], row["iri"]), row))
    return [r for _, r in sorted(exact, key=lambda x: x[0])], \
        [r for _, r in sorted(partial, key=lambda x: x[0])]


def find_entities(graph: Graph, name: str, type: str | None = None) -> list[dict]:
    """Entities whose label or any alias is `name`; if none, those whose names contain it."""
    exact, partial = name_matches(graph, name, type)
    return exact or partial


def close_names(graph: Graph, name: str, type: str | None = None, n: int = 3) -> list[str]:
    """The labels of the entities whose names are most like `name` (for "did you mean")."""
    import difflib
    labels: dict[str, str] = {}
    for row in entity_rows(graph, type):
        for alias in [row["label"], *row["aliases"].split("|")]:
            if alias:
                labels.setdefault(normalise(alias), row["label"])
    close = difflib.get_close_matches(normalise(name), list(labels), n=n * 3, cutoff=0.5)
    return list(dict.fromkeys(labels[c] for c in close))[:n]


def describe(graph: Graph, iri: str) -> dict:
    """Everything the graph knows about one entity, with the sources of each fact."""
    node = iri
    [entity] = [r for r in entity_rows(graph) if r["iri"] == iri] or [None]
    relations = [r for r in relation_rows(graph) if iri in (r["subject"], r["object"])]
    articles = sorted(
        ({"article": str(a), "source_file": str(graph.value(a, GOV.sourceFile) or ""),
          "title": str(graph.value(a, DCTERMS.title) or "")}
         for a in set(graph.subjects(GOV.mentions, node))),
        key=lambda r: (r["source_file"], r["article"]))
    return {
        "entity": entity or {"iri": iri, "label": label(graph, node), "type": "",
                             "aliases": "|".join(sorted(map(str, graph.objects(node, SKOS.altLabel))))},
        "outgoing": [r for r in relations if r["subject"] == iri],
        "incoming": [r for r in relations if r["object"] == iri],
        "statistics": statistic_rows(graph, about=iri),
        "articles": articles,
    }
