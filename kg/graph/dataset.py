"""Named graphs per article, derived from the provenance in the union graph.

The union graph (`graph.ttl`) is complete: each article's named graph can be
recomputed from it, so a graph loaded from Turtle, N-Triples or JSON-LD gives
the same quads as one loaded from TriG.

The named graph of an article (named by the article's IRI) holds:
the article node's triples; every gov:Statistic derived from it; every
gov:Assertion derived from it together with the plain triple it asserts; and
for holdsPost assertions the gov:Membership node (with only this article as
its prov:wasDerivedFrom).
"""
from __future__ import annotations

from kg.graph.quads import GraphQuads, iri
from kg.terms import GOV, PROV, RDF

__all__ = ["with_article_graphs", "graph_to_dataset", "union_graph"]


class _Subjects:
    """The rows [0, s, p, o] of frozen quads' default graph, looked up by subject
    (the rows are sorted by subject, so each subject's are one slice)."""

    def __init__(self, quads: GraphQuads) -> None:
        self.rows = quads.default_rows()
        self.terms = quads.terms
        self._column = self.rows[:, 1]

    def rank(self, term) -> int:
        found = self._rank_of(iri(str(term)))
        return -1 if found is None else found

    def _rank_of(self, form: str):
        from bisect import bisect_left
        i = bisect_left(self.terms, form)
        return i if i < len(self.terms) and self.terms[i] == form else None

    def of(self, subject: int) -> list[list[int]]:
        import numpy as np
        lo, hi = np.searchsorted(self._column, [subject, subject + 1])
        return self.rows[lo:hi].tolist()


def with_article_graphs(union: GraphQuads) -> GraphQuads:
    """The triples of `union` (frozen GraphQuads, default graph only) in the default
    graph, plus one named graph per article, as the module doc says."""
    index, terms = _Subjects(union), union.terms
    kind, derived = index.rank(RDF.type), index.rank(PROV.wasDerivedFrom)
    statistic, assertion = index.rank(GOV.Statistic), index.rank(GOV.Assertion)
    parts = index.rank(RDF.subject), index.rank(RDF.predicate), index.rank(RDF.object)
    membership = index.rank(GOV.membership)
    out = GraphQuads()
    for _, s, p, o in index.rows.tolist():
        out.add(terms[s], terms[p], terms[o])
    rows = index.rows
    articles = set(rows[(rows[:, 2] == kind) & (rows[:, 3] == index.rank(GOV.Article))][:, 1].tolist())

    def add(rows_: list, article: int, skip: int = -2) -> None:
        for _, s, p, o in rows_:
            if p != skip:
                out.add(terms[s], terms[p], terms[o], terms[article])

    for article in articles:
        add(index.of(article), article)
    for node, article in rows[rows[:, 2] == derived][:, [1, 3]].tolist():
        if article not in articles:
            continue
        own = index.of(node)
        types = {o for _, _, p, o in own if p == kind}
        if statistic in types or assertion in types:
            add(own, article)
        if assertion not in types:
            continue
        s, p, o = ([obj for _, _, pred, obj in own if pred == part] for part in parts)
        add([[0, a, b, c] for a in s for b in p for c in o], article)
        for member in (obj for _, _, pred, obj in own if pred == membership):
            add(index.of(member), article, skip=derived)
            add([[0, member, derived, article]], article)
    return out.freeze()


def graph_to_dataset(graph):
    """An rdflib Graph's triples in the default graph of an rdflib Dataset, plus one
    named graph per article."""
    return with_article_graphs(GraphQuads.from_rdflib(graph)).to_dataset()


def union_graph(dataset):
    """Every triple of an rdflib Dataset (or Graph) in one rdflib Graph."""
    from rdflib import Dataset, Graph
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
