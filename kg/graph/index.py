"""A read-only index of some of a graph's triples, for exporters that look
things up node by node (the HTML explorer) without an rdflib graph.

`TripleIndex.of(data, predicates, reverse)` keeps only the triples with the
given predicates; `objects(s, p)` and `subject_objects(p)` work for all of
them, `subjects(p, o)` for the predicates in `reverse`. Terms are rdflib
terms when `data` is an rdflib Graph or Dataset; from `GraphQuads` IRIs are
rdflib URIRefs and literals their plain text (all an exporter reads of them),
each made once.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

__all__ = ["TripleIndex"]


class TripleIndex:
    def __init__(self, triples: Iterable[tuple], reverse: Iterable = ()):
        self._out: dict = {}          # p -> {s: [o, …]}
        self._in: dict = {p: {} for p in reverse}   # p -> {o: [s, …]}
        out, back = self._out, self._in
        for s, p, o in triples:
            by_subject = out.get(p)
            if by_subject is None:
                by_subject = out[p] = {}
            objects = by_subject.get(s)
            if objects is None:
                by_subject[s] = [o]
            else:
                objects.append(o)
            by_object = back.get(p)
            if by_object is not None:
                by_object.setdefault(o, []).append(s)

    @classmethod
    def of(cls, data, predicates: Iterable, reverse: Iterable = (), where=None) -> "TripleIndex":
        """The index of `data` (GraphQuads, rdflib Dataset or Graph; a Dataset's union).
        `where` (GraphQuads only): a boolean array over `data.default_rows()`, to
        keep only the triples where it is true."""
        from rdflib import BNode, Dataset, URIRef

        from kg.graph.quads import GraphQuads, iri, lexical
        predicates = list(predicates)
        if isinstance(data, GraphQuads):
            terms, made = data.terms, {}

            def term(i: int):
                value = made.get(i)
                if value is None:
                    form = terms[i]
                    value = made[i] = (URIRef(form[1:-1]) if form.startswith("<") else
                                       BNode(form[2:]) if form.startswith("_:") else lexical(form))
                return value
            rows = data.select((iri(str(p)) for p in predicates), where)
            return cls(((term(s), term(p), term(o)) for s, p, o in rows), reverse)
        if where is not None:
            raise TypeError("TripleIndex.of: `where` needs GraphQuads")
        if isinstance(data, Dataset):
            from kg.graph.dataset import union_graph
            data = union_graph(data)
        return cls((t for p in predicates for t in data.triples((None, p, None))), reverse)

    def objects(self, subject, predicate) -> Iterator:
        return iter(self._out.get(predicate, {}).get(subject, ()))

    def subjects(self, predicate, obj) -> Iterator:
        return iter(self._in[predicate].get(obj, ()))

    def subject_objects(self, predicate) -> Iterator[tuple]:
        for s, objects in self._out.get(predicate, {}).items():
            for o in objects:
                yield s, o
