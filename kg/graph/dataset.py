"""Named graphs per article, derived from the provenance in the union graph.

The union graph (`graph.ttl`) is complete: each article's named graph can be
recomputed from it, so a graph loaded from Turtle, N-Triples or JSON-LD gives
the same Dataset as one loaded from TriG.

The named graph of an article (named by the article's IRI) holds:
the article node's triples; every gov:Statistic derived from it; every
gov:Assertion derived from it together with the plain triple it asserts; and
for holdsPost assertions the gov:Membership node (with only this article as
its prov:wasDerivedFrom).
"""
from __future__ import annotations

from collections import defaultdict

from rdflib import Dataset, Graph, URIRef

from kg.vocab import GOV, PROV, RDF

__all__ = ["article_statements", "graph_to_dataset", "union_graph"]

Triple = tuple


def article_statements(graph: Graph) -> dict[URIRef, set[Triple]]:
    """Article IRI -> the triples that article states."""
    articles = set(graph.subjects(RDF.type, GOV.Article))
    out: dict[URIRef, set[Triple]] = defaultdict(set)
    for article in articles:
        out[article].update(graph.triples((article, None, None)))
    for node, article in graph.subject_objects(PROV.wasDerivedFrom):
        if article not in articles:
            continue
        types = set(graph.objects(node, RDF.type))
        if GOV.Statistic in types or GOV.Assertion in types:
            out[article].update(graph.triples((node, None, None)))
        if GOV.Assertion not in types:
            continue
        for s in graph.objects(node, RDF.subject):
            for p in graph.objects(node, RDF.predicate):
                for o in graph.objects(node, RDF.object):
                    out[article].add((s, p, o))
        for membership in graph.objects(node, GOV.membership):
            for triple in graph.triples((membership, None, None)):
                if triple[1] != PROV.wasDerivedFrom:
                    out[article].add(triple)
            out[article].add((membership, PROV.wasDerivedFrom, article))
    return out


def graph_to_dataset(graph: Graph) -> Dataset:
    """Everything in the default graph, plus one named graph per article."""
    dataset = Dataset()
    for prefix, namespace in graph.namespaces():
        dataset.bind(prefix, namespace, override=True, replace=True)
    default = dataset.default_graph
    for triple in sorted(graph):
        default.add(triple)
    statements = article_statements(graph)
    for article in sorted(statements):
        named = dataset.graph(article)
        for triple in sorted(statements[article]):
            named.add(triple)
    return dataset


def union_graph(dataset: Dataset | Graph) -> Graph:
    """Every triple of the dataset in one graph (the union of its graphs)."""
    union = Graph()
    for prefix, namespace in dataset.namespaces():
        union.bind(prefix, namespace, override=True, replace=True)
    if isinstance(dataset, Dataset):
        triples = {quad[:3] for quad in dataset.quads((None, None, None, None))}
    else:
        triples = set(dataset)
    for triple in sorted(triples):
        union.add(triple)
    return union
