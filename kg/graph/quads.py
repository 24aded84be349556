"""The built graph as compact quads: every term once, every quad four integers.

`GraphQuads` is what the graph stage makes and the exporters read. Terms are
kept in their N-Triples form (`<iri>`, `"text"@zh`, `"3"^^<…#integer>`), each
once; a quad is four indexes into that table (graph, subject, predicate,
object), in a numpy array. Once frozen, the terms are sorted and the quads are
sorted and unique, so every serialisation written from them is deterministic,
and the memory is about 16 bytes per quad plus the distinct terms.

The default graph (graph "") holds every triple; each named graph (named by an
article's IRI) holds what that article states, as `kg.graph.dataset` defines
it. rdflib objects are made only on demand (`to_graph`, `to_dataset`).
"""
from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections.abc import Iterator

__all__ = ["GraphQuads", "iri", "literal", "from_n3", "to_n3"]

_CHUNK = 1 << 16


def iri(value: str) -> str:
    """The N-Triples form of an IRI."""
    return f"<{value}>"


def _quote(text: str) -> str:
    # exactly what rdflib's N-Triples writer does
    return '"%s"' % text.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r")


def literal(text: str, lang: str = "", datatype: str = "") -> str:
    """The N-Triples form of a literal (language tags lower-cased, as rdflib does)."""
    if lang:
        return f"{_quote(text)}@{lang.lower()}"
    if datatype:
        return f"{_quote(text)}^^<{datatype}>"
    return _quote(text)


def to_n3(term) -> str:
    """The N-Triples form of an rdflib term."""
    from rdflib import BNode, Literal
    if isinstance(term, Literal):
        return literal(str(term), term.language or "", str(term.datatype) if term.datatype else "")
    if isinstance(term, BNode):
        return f"_:{term}"
    return iri(str(term))


_UNESCAPE = re.compile(r"\\(.)")
_ESCAPED = {"n": "\n", "r": "\r", '"': '"', "\\": "\\"}


def lexical(form: str) -> str:
    """The text of a literal given in N-Triples form; an IRI's value for `<iri>`."""
    if form.startswith("<"):
        return form[1:-1]
    body = form[1:form.rindex('"')]
    return _UNESCAPE.sub(lambda m: _ESCAPED.get(m.group(1), m.group(0)), body) if "\\" in body else body


def from_n3(form: str):
    """The rdflib term of an N-Triples form."""
    from rdflib import BNode, Literal, URIRef
    if form.startswith("<"):
        return URIRef(form[1:-1])
    if form.startswith("_:"):
        return BNode(form[2:])
    end = form.rindex('"')
    text, rest = lexical(form), form[end + 1:]
    if rest.startswith("@"):
        return Literal(text, lang=rest[1:])
    if rest.startswith("^^<"):
        return Literal(text, datatype=URIRef(rest[3:-1]))
    return Literal(text)


class _Ids(dict):
    """term -> id: a term not seen before takes the next id (a plain `ids[term]` for the
    terms seen before, the most of them, with no method call)."""

    def __missing__(self, term: str) -> int:
        self[term] = i = len(self)
        return i


class GraphQuads:
    """Quads of N-Triples terms: add them, `freeze()`, then read them sorted.

    `add(s, p, o, graph)` puts the triple in the default graph and, when
    `graph` names one, in that named graph too.
    """

    def __init__(self) -> None:
        self._ids: _Ids | None = _Ids({"": 0})    # term -> id, in the order first added
        self.terms: list[str] = []            # once frozen: rank -> N-Triples form, sorted
        self._buffer = array("I")
        self.rows = None                        # frozen: numpy (n, 4) uint32, sorted, unique
        self._defaults = 0

    # ------------------------------------------------------------ building

    def add(self, s: str, p: str, o: str, graph: str = "") -> None:
        ids = self._ids
        if ids is None:
            raise ValueError("GraphQuads is frozen")
        si, pi, oi = ids[s], ids[p], ids[o]
        if graph:
            self._buffer.extend((ids[graph], si, pi, oi, 0, si, pi, oi))
        else:
            self._buffer.extend((0, si, pi, oi))

    def freeze(self) -> "GraphQuads":
        """Sort the terms, then the quads (graph, subject, predicate, object), dropping duplicates."""
        import numpy as np
        if self._ids is None:
            return self
        terms = list(self._ids)                 # id -> term: the dict keeps insertion order
        self._ids = None                        # the term -> id table is done with
        order = sorted(range(len(terms)), key=terms.__getitem__)
        rank = np.empty(len(terms), dtype=np.uint32)
        rank[np.asarray(order, dtype=np.int64)] = np.arange(len(terms), dtype=np.uint32)
        # Each quad as two 64-bit keys of term ranks, (g, s) and (p, o): sorted
        # together they order the quads, and equal neighbours are duplicates.
        raw = np.frombuffer(self._buffer, dtype=np.uint32).reshape(-1, 4)
        hi = (rank[raw[:, 0]].astype(np.uint64) << np.uint64(32)) | rank[raw[:, 1]]
        lo = (rank[raw[:, 2]].astype(np.uint64) << np.uint64(32)) | rank[raw[:, 3]]
        del raw
        self._buffer = array("I")
        sorting = np.lexsort((lo, hi))
        hi, lo = hi[sorting], lo[sorting]
        del sorting
        keep = np.ones(len(hi), dtype=bool)
        keep[1:] = (hi[1:] != hi[:-1]) | (lo[1:] != lo[:-1])
        hi, lo = hi[keep], lo[keep]
        rows = np.empty((len(hi), 4), dtype=np.uint32)
        low = np.uint64(0xFFFFFFFF)
        rows[:, 0], rows[:, 1] = hi >> np.uint64(32), hi & low
        rows[:, 2], rows[:, 3] = lo >> np.uint64(32), lo & low
        self.rows = rows
        self.terms = [terms[i] for i in order]
        self._defaults = int(np.searchsorted(self.rows[:, 0], 1))
        return self

    @classmethod
    def from_rdflib(cls, data) -> "GraphQuads":
        """An rdflib Dataset (the default graph is the union of all its graphs; named
        graphs kept) or Graph (default graph only)."""
        from rdflib import Dataset
        quads = cls()
        forms: dict = {}

        def n3(term):
            form = forms.get(term)
            if form is None:
                form = forms[term] = to_n3(term)
            return form

        if isinstance(data, Dataset):
            default = data.default_graph.identifier
            for s, p, o, g in data.quads((None, None, None, None)):
                name = g.identifier if hasattr(g, "identifier") else g
                quads.add(n3(s), n3(p), n3(o), "" if name in (None, default) else n3(name))
        else:
            for s, p, o in data:
                quads.add(n3(s), n3(p), n3(o))
        return quads.freeze()

    # ------------------------------------------------------------ reading

    def _frozen(self):
        if self.rows is None:
            self.freeze()
        return self.rows

    def __len__(self) -> int:
        """The number of triples (of the default graph, the union)."""
        self._frozen()
        return self._defaults

    def rank(self, form: str) -> int | None:
        """The index of a term in `terms`, or None when the graph does not use it."""
        self._frozen()
        i = bisect_left(self.terms, form)
        return i if i < len(self.terms) and self.terms[i] == form else None

    def _chunks(self, rows) -> Iterator[list]:
        for start in range(0, len(rows), _CHUNK):
            yield from rows[start:start + _CHUNK].tolist()

    def triple_ids(self) -> Iterator[list]:
        """[0, s, p, o] term indexes of every triple of the default graph, sorted."""
        yield from self._chunks(self._frozen()[:self._defaults])

    def quad_ids(self) -> Iterator[list]:
        """[g, s, p, o] term indexes of every quad, default graph (g 0) first, sorted."""
        yield from self._chunks(self._frozen())

    def triples(self) -> Iterator[tuple[str, str, str]]:
        """(s, p, o) N-Triples forms of every triple, sorted."""
        terms = self.terms
        for _, s, p, o in self.triple_ids():
            yield terms[s], terms[p], terms[o]

    def graph_names(self) -> list[str]:
        """The N-Triples forms of the named graphs, sorted."""
        import numpy as np
        names = np.unique(self._frozen()[self._defaults:, 0])
        return [self.terms[i] for i in names.tolist()]

    def default_rows(self):
        """The default graph's triples as a read-only numpy (n, 4) uint32 view
        of [0, s, p, o] term indexes, sorted."""
        rows = self._frozen()[:self._defaults]
        rows.flags.writeable = False
        return rows

    # ------------------------------------------------------------ writing

    def write_ntriples(self, stream) -> None:
        """Every triple of the default graph, one sorted line each (UTF-8 text stream)."""
        terms = self.terms
        lines = []
        for _, s, p, o in self.triple_ids():
            lines.append(f"{terms[s]} {terms[p]} {terms[o]} .\n")
            if len(lines) >= _CHUNK:
                stream.write("".join(lines))
                lines.clear()
        stream.write("".join(lines))

    def write_nquads(self, stream) -> None:
        """Every quad: the default graph's triples, then each named graph's."""
        terms = self.terms
        lines = []
        for g, s, p, o in self.quad_ids():
            if g:
                lines.append(f"{terms[s]} {terms[p]} {terms[o]} {terms[g]} .\n")
            else:
                lines.append(f"{terms[s]} {terms[p]} {terms[o]} .\n")
            if len(lines) >= _CHUNK:
                stream.write("".join(lines))
                lines.clear()
        stream.write("".join(lines))

    # ------------------------------------------------------------ rdflib

    def _rdflib_terms(self):
        """A function: term index -> rdflib term, each made once."""
        cache: dict[int, object] = {}

        def term(i: int):
            value = cache.get(i)
            if value is None:
                value = cache[i] = from_n3(self.terms[i])
            return value
        return term

    def to_graph(self):
        """The default graph (every triple) as an rdflib Graph."""
        from rdflib import Graph

        from kg.graph.build import bind_prefixes
        graph = bind_prefixes(Graph())
        term = self._rdflib_terms()
        add = graph.add
        for _, s, p, o in self.triple_ids():
            add((term(s), term(p), term(o)))
        return graph

    def to_dataset(self):
        """An rdflib Dataset: every triple in the default graph, the named graphs as named graphs."""
        from rdflib import Dataset

        from kg.graph.build import PREFIXES
        dataset = Dataset()
        for prefix, namespace in PREFIXES.items():
            dataset.bind(prefix, namespace, override=True, replace=True)
        term = self._rdflib_terms()
        graphs = {0: dataset.default_graph}
        for g, s, p, o in self.quad_ids():
            graph = graphs.get(g)
            if graph is None:
                graph = graphs[g] = dataset.graph(term(g))
            graph.add((term(s), term(p), term(o)))
        return dataset

