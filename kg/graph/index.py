"""A read-only index of some of a graph's triples, for code that looks things
up node by node (the HTML explorer, the report) without an rdflib graph.

`TripleIndex.of(data, predicates, reverse)` keeps only the triples with the
given predicates; `objects(s, p)` and `subject_objects(p)` work for all of
them, `subjects(p, o)` for the predicates in `reverse`.

Every term is a plain `str`: an IRI its value, a literal its text, a blank
node `_:id`. From `GraphQuads` no rdflib term is ever made (each N-Triples
form is turned into its string once); lookups take plain strings or rdflib
terms (`RDFS.label`, a URIRef from elsewhere) alike.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

__all__ = ["TripleIndex", "plain"]


def plain(term) -> str:
    """The index's string for an rdflib term (or a string, unchanged)."""
    from rdflib import BNode
    return f"_:{term}" if isinstance(term, BNode) else str(term)


class TripleIndex:
    def __init__(self, triples: Iterable[tuple[str, str, str]], reverse: Iterable = ()):
        self._out: dict = {}          # p -> {s: [o, …]}
        self._in: dict = {plain(p): {} for p in reverse}   # p -> {o: [s, …]}
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
        from rdflib import Dataset

        from kg.graph.quads import GraphQuads, iri, lexical
        predicates = list(predicates)
        if isinstance(data, GraphQuads):
            terms, made = data.terms, {}

            def term(i: int) -> str:
                value = made.get(i)
                if value is None:
                    form = terms[i]
                    value = made[i] = form[1:-1] if form.startswith("<") else \
                        form if form.startswith("_:") else lexical(form)
                return value
            rows = data.select((iri(str(p)) for p in predicates), where)
            return cls(((term(s), term(p), term(o)) for s, p, o in rows), reverse)
        if where is not None:
            raise TypeError("TripleIndex.of: `where` needs GraphQuads")
        if isinstance(data, Dataset):
            from kg.graph.dataset import union_graph
            data = union_graph(data)
        return cls(((plain(s), plain(p), plain(o)) for p in predicates
                    for s, _, o in data.triples((None, p, None))), reverse)

    def objects(self, subject, predicate) -> Iterator[str]:
        return iter(self._out.get(plain(predicate), {}).get(plain(subject), ()))

    def subjects(self, predicate, obj) -> Iterator[str]:
        return iter(self._in[plain(predicate)].get(plain(obj), ()))

    def subject_objects(self, predicate) -> Iterator[tuple[str, str]]:
        for s, objects in self._out.get(plain(predicate), {}).items():
            for o in objects:
                yield s, o

    def first(self, subject, predicate) -> str:
        """The least of the subject's values for the predicate, "" when it has none."""
        return min(self.objects(subject, predicate), default="")
