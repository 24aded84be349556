"""`Graph`: the one interface every reader of a built graph goes through.

It wraps the compact `GraphQuads` the graph stage makes (every term once, every
quad four integers) and answers what the exports, the Python API, the
analyses, the explorer and report pages and SPARQL ask:

    >>> g = Graph(quads)
    >>> g.value(place, GOV.adminLevel), sorted(g.subjects(RDF.type, GOV.Programme))[:1]
    >>> g.count(RDF.type, GOV.Place), len(g)
    >>> g.query("SELECT ?l WHERE { ?p a gov:Programme ; rdfs:label ?l }")
    >>> g.save("output", ["turtle", "html"]);  Graph.load("output/graph.ttl")

Terms come out as plain strings: an IRI its value, a literal its text, a blank
node `_:id`; lookups take those or rdflib terms (`RDFS.label`) alike. The
lookups are those of rdflib's Graph (`objects`, `subjects`, `value`,
`subject_objects`, `transitive_objects`, `(s, p, o) in g`) over the default
graph (the union); each predicate is indexed the first time it is asked for,
from the sorted quads, so what nobody reads is never indexed. The SPARQL store
(Oxigraph) is loaded on the first query and kept. rdflib objects are made only
for who asks (`to_rdflib`).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

from kg.graph.quads import GraphQuads, iri, lexical

__all__ = ["Graph", "as_graph", "plain"]


def plain(term) -> str:
    """The graph's string for an rdflib term (or a string, unchanged)."""
    if type(term) is str:
        return term
    return f"_:{term}" if isinstance(term, _bnode()) else str(term)


@cache
def _bnode() -> type:
    """rdflib's BNode, imported once (not on every lookup), and only by callers that
    pass rdflib terms."""
    from rdflib import BNode
    return BNode


class Graph:
    """A built graph: its quads, lookups over its triples, SPARQL, files."""

    def __init__(self, quads: GraphQuads, where=None) -> None:
        """The graph of `quads` (frozen here); with `where`, a boolean array over
        `quads.default_rows()`, only the triples where it is true (see `subgraph`)."""
        self.quads = quads.freeze()
        rows = quads.default_rows()
        self._rows = rows if where is None else rows[where]
        self._plain: list[str | None] = [None] * len(quads.terms)    # id -> plain string
        self._out: dict[str, dict[str, list[str]]] = {}     # p -> {s: [o, …]}
        self._in: dict[str, dict[str, list[str]]] = {}      # p -> {o: [s, …]}
        self._store = None

    # ------------------------------------------------------------ making one

    @classmethod
    def load(cls, path: str | Path, articles: bool = True) -> "Graph":
        """A saved graph: a `.ttl`, `.trig`, `.nt` or `.jsonld` file, or an output folder
        holding one; the named graph of each article is recomputed from the provenance
        (`articles=False`: not, for a reader of the union only). Raises
        FileNotFoundError / ValueError (SyntaxError for a file that is no RDF)."""
        from kg.graph.dataset import with_article_graphs
        from kg.graph.load import read_quads
        quads = read_quads(path)
        return cls(with_article_graphs(quads) if articles else quads)

    def subgraph(self, where) -> "Graph":
        """The triples of this graph where the boolean array `where` (one entry per row
        of `quads.default_rows()`) is true, as a Graph of their own."""
        return Graph(self.quads, where)

    # ------------------------------------------------------------ terms

    def _term(self, i: int) -> str:
        value = self._plain[i]
        if value is None:
            form = self.quads.terms[i]
            value = self._plain[i] = form if form.startswith("_:") else lexical(form)
        return value

    def _strings(self, ids) -> list[str | None]:
        """The id -> plain string table, with the strings of `ids` (a numpy array) made."""
        import numpy as np
        strings, term = self._plain, self._term
        for i in np.unique(ids).tolist():
            if strings[i] is None:
                term(i)
        return strings

    def _rank(self, term) -> int | None:
        """The index of an IRI (or blank node) in the graph's terms; None when unused."""
        text = plain(term)
        return self.quads.rank(text if text.startswith("_:") else iri(text))

    def _rows_of(self, predicate):
        """The rows [0, s, p, o] of one predicate, sorted by subject then object."""
        rank = self._rank(predicate)
        if rank is None:
            return self._rows[:0]
        return self._rows[self._rows[:, 2] == rank]

    def _index(self, predicate) -> dict[str, list[str]]:
        p = plain(predicate)
        found = self._out.get(p)
        if found is None:
            found = self._out[p] = {}
            rows = self._rows_of(p)
            strings = self._strings(rows[:, 1::2])
            for s, o in zip(rows[:, 1].tolist(), rows[:, 3].tolist()):
                found.setdefault(strings[s], []).append(strings[o])
        return found

    def _reverse(self, predicate) -> dict[str, list[str]]:
        p = plain(predicate)
        found = self._in.get(p)
        if found is None:
            found = self._in[p] = {}
            for s, objects in self._index(p).items():
                for o in objects:
                    found.setdefault(o, []).append(s)
        return found

    # ------------------------------------------------------------ lookups

    def index(self, predicate) -> dict[str, list[str]]:
        """subject -> its objects by `predicate`, in term order: the table `objects` and
        `value` read, for a loop that asks one predicate of many subjects (not to be
        changed)."""
        return self._index(predicate)

    def reverse_index(self, predicate) -> dict[str, list[str]]:
        """object -> the subjects with `predicate` and that object (not to be changed)."""
        return self._reverse(predicate)

    def objects(self, subject, predicate) -> Iterator[str]:
        """The objects of `subject` by `predicate` (of every subject when it is None)."""
        index = self._index(predicate)
        if subject is None:
            return (o for objects in index.values() for o in objects)
        return iter(index.get(plain(subject), ()))

    def subjects(self, predicate, obj) -> Iterator[str]:
        """The subjects with `predicate` `obj` (every subject of `predicate` when obj is None)."""
        if obj is None:
            return iter(self._index(predicate))
        return iter(self._reverse(predicate).get(plain(obj), ()))

    def subject_objects(self, predicate) -> Iterator[tuple[str, str]]:
        for s, objects in self._index(predicate).items():
            for o in objects:
                yield s, o

    def value(self, subject, predicate) -> str | None:
        """One object of `subject` by `predicate` (the first in term order), else None."""
        if subject is None:
            return None
        objects = self._index(predicate).get(plain(subject))
        return objects[0] if objects else None

    def first(self, subject, predicate) -> str:
        """The least of the subject's values for the predicate, "" when it has none."""
        return min(self.objects(subject, predicate), default="")

    def transitive_objects(self, node, predicate) -> Iterator[str]:
        """`node`, then everything reachable from it by `predicate`, each once."""
        return self._walk(plain(node), self._index(predicate))

    def transitive_subjects(self, predicate, node) -> Iterator[str]:
        """`node`, then everything that reaches it by `predicate`, each once."""
        return self._walk(plain(node), self._reverse(predicate))

    @staticmethod
    def _walk(start: str, edges: dict[str, list[str]]) -> Iterator[str]:
        seen, todo = {start}, [start]
        while todo:
            node = todo.pop()
            yield node
            for nxt in edges.get(node, ()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)

    def __contains__(self, triple: tuple) -> bool:
        s, p, o = triple
        return plain(o) in self._index(p).get(plain(s), ())

    def triples(self, subject=None, predicate=None, obj=None) -> Iterator[tuple[str, str, str]]:
        """The triples matching a pattern (None matches anything), sorted."""
        import numpy as np
        rows = self._rows
        mask = np.ones(len(rows), dtype=bool)
        for column, term in ((1, subject), (2, predicate), (3, obj)):
            if term is not None:
                rank = self.quads.rank(self._form(term))
                if rank is None:
                    return iter(())
                mask &= rows[:, column] == rank
        term = self._term
        return ((term(s), term(p), term(o)) for _, s, p, o in rows[mask].tolist())

    @staticmethod
    def _form(term) -> str:
        """The N-Triples form of a term given as an rdflib term or an IRI string."""
        if type(term) is str:
            return term if term.startswith("_:") else iri(term)
        from kg.graph.quads import to_n3
        return to_n3(term)

    def count(self, predicate, obj=None) -> int:
        """The number of triples with `predicate` (and `obj`, an IRI)."""
        rows = self._rows_of(predicate)
        if obj is None:
            return len(rows)
        rank = self._rank(obj)
        return 0 if rank is None else int((rows[:, 3] == rank).sum())

    def __len__(self) -> int:
        """The number of triples (of the default graph, the union)."""
        return len(self._rows)

    # ------------------------------------------------------------ SPARQL, files, rdflib

    def store(self):
        """The pyoxigraph Store of the graph (named graphs stay named), loaded once."""
        if self._store is None:
            import io

            import pyoxigraph as ox
            text = io.StringIO()
            self.quads.write_nquads(text)
            self._store = ox.Store()
            self._store.bulk_load(text.getvalue().encode("utf-8"), format=ox.RdfFormat.N_QUADS)
        return self._store

    def query(self, sparql: str, **options) -> list[dict]:
        """Rows of a SPARQL query (`kg.query.run_query`'s options: timeout, bindings,
        allow_service); rdflib terms in the rows."""
        from kg.query import run_query
        return run_query(self.store(), sparql, **options)

    def save(self, outdir: str | Path, formats: Iterable[str] = ("turtle",)) -> list[Path]:
        """Write the graph into `outdir` in each format (`kg.export`), atomically."""
        from kg import export
        return export.save(self, Path(outdir), list(formats))

    def serialize(self, format: str, path: str | Path) -> list[Path]:
        """Write the graph in one format (`kg.export.available()`) to `path`, or to
        the files named by the format inside `path` when it is a folder."""
        from kg import export
        path = Path(path)
        exporter = export.get(format)
        targets = [path / name for name in exporter.outputs] if path.is_dir() else [path]
        return export.write_to(self, format, targets)

    def to_rdflib(self, dataset: bool = False):
        """The graph as an rdflib Graph (the union), or with `dataset=True` the
        rdflib Dataset with one named graph per article."""
        return self.quads.to_dataset() if dataset else self.quads.to_graph()


def as_graph(data) -> Graph:
    """`data` as a Graph: itself, a KnowledgeGraph's, or made from GraphQuads or an
    rdflib Dataset or Graph."""
    if isinstance(data, Graph):
        return data
    if isinstance(data, GraphQuads):
        return Graph(data)
    inner = getattr(data, "graph", None)
    if isinstance(inner, Graph):
        return inner
    from rdflib import Graph as RdflibGraph
    if isinstance(data, RdflibGraph):
        return Graph(GraphQuads.from_rdflib(data))
    raise TypeError(f"expected a graph (kg.graph.Graph, KnowledgeGraph, GraphQuads or an "
                    f"rdflib Graph), not {type(data).__name__}")
