"""The Python API: one small facade over the graph stage, exporters and queries.

    >>> from kg import KnowledgeGraph
    >>> kg = KnowledgeGraph.build(["data/corpus"])          # or KnowledgeGraph.load("output/")
    >>> kg.find("徐州公安")[0]["label"]
    '徐州市公安局'
    >>> rows = kg.query("SELECT ?l WHERE { ?p a gov:Programme ; rdfs:label ?l }")
    >>> kg.save("output", formats=["turtle", "csv"])

Everything here delegates to plain functions (`kg.graph`, `kg.export`,
`kg.query`); the CLI is a thin layer over this class.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

__all__ = ["KnowledgeGraph"]


class KnowledgeGraph:
    """A built knowledge graph: an rdflib Dataset plus what the build reported.

    Build one from corpus files with `KnowledgeGraph.build(paths)`, read a
    saved one with `KnowledgeGraph.load(path)`, or wrap a resolved Corpus with
    `KnowledgeGraph.from_corpus(corpus)`.
    """

    def __init__(self, dataset, problems: Iterable = ()):
        """Wrap an rdflib Dataset (all triples in the default graph, one named
        graph per article, as `kg.graph.corpus_to_dataset` makes it)."""
        self.dataset = dataset
        self.problems = list(problems)
        self._graph = None
        self._store = None

    # ------------------------------------------------------------ making one

    @classmethod
    def build(cls, paths: Iterable[str | Path],
              progress: Callable[[int], None] | None = None) -> "KnowledgeGraph":
        """Read, extract and resolve the corpus files (or folders) at `paths`.

        `progress(n)` is called with the number of bytes of each file done.
        Problems (unreadable files, suspicious lines) are in `.problems`."""
        from kg.pipeline import build_corpus
        return cls.from_corpus(build_corpus([Path(p) for p in paths], progress))

    @classmethod
    def from_corpus(cls, corpus) -> "KnowledgeGraph":
        """The graph of a resolved `kg.model.Corpus`."""
        from kg.graph import corpus_to_dataset
        return cls(corpus_to_dataset(corpus), corpus.problems)

    @classmethod
    def load(cls, path: str | Path) -> "KnowledgeGraph":
        """Read a saved graph: a `.ttl`, `.trig`, `.nt` or `.jsonld` file, or an
        output folder holding one. Raises FileNotFoundError / ValueError."""
        from kg.graph.load import load_dataset
        return cls(load_dataset(path))

    # ------------------------------------------------------------ writing

    def save(self, outdir: str | Path, formats: Iterable[str] = ("turtle",)) -> list[Path]:
        """Write the graph into `outdir` in each format (see `kg.export.available()`:
        turtle, trig, jsonld, nt, graphml, csv, …), atomically. Returns the files."""
        from kg import export
        return export.save(self.dataset, Path(outdir), list(formats))

    # ------------------------------------------------------------ asking

    def query(self, sparql: str, timeout: float | None = None, **bindings) -> list[dict]:
        """Run a SPARQL query (Oxigraph engine; govkg prefixes predeclared).

        Rows are dicts of variable name -> rdflib term (None when unbound).
        Keyword arguments bind variables: `kg.query(q, place_name=Literal("成都市", lang="zh"))`;
        plain strings are bound as Chinese (@zh) literals. Raises kg.query.QueryError."""
        from rdflib.term import Identifier, Literal

        from kg.query import open_store, run_query
        if self._store is None:
            self._store = open_store(self.dataset)
        terms = {k: v if isinstance(v, Identifier) else Literal(str(v), lang="zh")
                 for k, v in bindings.items()}
        return run_query(self._store, sparql, timeout=timeout, bindings=terms)

    def entities(self, type: str | None = None) -> list[dict]:
        """Every entity (or those of one type: Place, Agency, Programme, Person,
        PolicyDocument) as a dict: iri, type, label, aliases, admin_level, adcode, articles."""
        from kg.graph.tables import entity_rows
        return entity_rows(self.graph, type)

    def find(self, name: str, type: str | None = None) -> list[dict]:
        """Entities whose label or any alias is `name` (width, spaces and quotes
        ignored); when none is, those whose names contain it."""
        from kg.graph.summary import find_entities
        return find_entities(self.graph, name, type)

    def relations(self) -> list[dict]:
        """Every relation, one row per sentence that states it, with its evidence."""
        from kg.graph.tables import relation_rows
        return relation_rows(self.graph)

    def statistics(self, about: str | None = None) -> list[dict]:
        """Every statistic, or those about one entity given by IRI or by name,
        with value, unit, measure, qualifiers, evidence sentence and source."""
        from kg.graph.tables import statistic_rows
        if about is None:
            return statistic_rows(self.graph)
        if about.startswith(("http://", "https://")):
            return statistic_rows(self.graph, about=about)
        rows = []
        for entity in self.find(about):
            rows += statistic_rows(self.graph, about=entity["iri"])
        return rows

    def describe(self, iri: str) -> dict:
        """Everything known about one entity: its record, relations both ways,
        statistics and the articles that mention it."""
        from kg.graph.summary import describe
        return describe(self.graph, iri)

    def counts(self) -> dict[str, int]:
        """Nodes per type, edges per relation and the number of triples."""
        from kg.graph.summary import counts
        return counts(self.graph)

    def validate(self) -> tuple[bool, str]:
        """Check the graph against ontology/shapes.ttl: (conforms, report)."""
        from kg.graph.validate import validate
        return validate(self.graph)

    # ------------------------------------------------------------ other libraries

    @property
    def graph(self):
        """The union of all graphs as one rdflib Graph (what graph.ttl holds)."""
        if self._graph is None:
            from kg.graph.dataset import union_graph
            self._graph = union_graph(self.dataset)
        return self._graph

    def to_rdflib(self, dataset: bool = False):
        """The graph as an rdflib Graph (the union), or with `dataset=True` the
        rdflib Dataset with one named graph per article."""
        return self.dataset if dataset else self.graph

    def to_networkx(self):
        """A networkx MultiDiGraph: entities as nodes (type, label, aliases, …),
        relations as edges keyed and labelled by predicate (and role for posts)."""
        from kg.graph.network import to_networkx
        return to_networkx(self.graph)

    def __len__(self) -> int:
        return len(self.graph)

    def __repr__(self) -> str:
        c = self.counts()
        return (f"<KnowledgeGraph {c['Article']} articles, "
                f"{sum(c[t] for t in ('Place', 'Agency', 'Programme', 'Person', 'PolicyDocument'))} "
                f"entities, {c['triples']} triples>")
