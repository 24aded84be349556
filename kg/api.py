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
    """A built knowledge graph (`.graph`, a `kg.graph.Graph`) plus what the build reported.

    Build one from corpus files with `KnowledgeGraph.build(paths)`, read a
    saved one with `KnowledgeGraph.load(path)`, or wrap a resolved Corpus with
    `KnowledgeGraph.from_corpus(corpus)`. rdflib objects (`to_rdflib()`) are made
    only when asked for.
    """

    def __init__(self, data, problems: Iterable = ()):
        """Wrap a `kg.graph.Graph`, GraphQuads (as `kg.graph.build.corpus_to_quads`
        makes them) or an rdflib Dataset (all triples in the default graph, one named
        graph per article, as `kg.graph.corpus_to_dataset` makes it)."""
        from kg.graph.graph import as_graph
        self.graph = as_graph(data)
        self.problems = list(problems)
        self.stats = None

    # ------------------------------------------------------------ making one

    @classmethod
    def build(cls, paths: Iterable[str | Path],
              progress: Callable[[int], None] | None = None,
              sources: str | Path | None = None, *, workers: int = 1,
              dask: str | None = None, dask_timeout: float = 30.0,
              cache: str | Path | None = None,
              stage: Callable[[str], None] | None = None) -> "KnowledgeGraph":
        """Read, extract and resolve the corpus files (or folders) at `paths`: text,
        PDF, saved web pages, Word files. `sources` is a CSV of where each came from
        (`kg.origin`; default: a sources.csv in a folder given).

        Extraction runs in this process, in `workers` processes, or on the Dask
        cluster whose scheduler is at `dask` (tried for `dask_timeout` seconds); the
        graph is the same either way. With `cache` (a folder), a file whose bytes
        did not change is not extracted again, and what no file given needs is dropped.

        `progress(n)` is called with the number of bytes of each file done, `stage(name)`
        when extraction is over ("resolve") and when the graph is made ("graph").
        Problems (unreadable files, suspicious lines) are in `.problems`, what the
        cache did in `.stats` (`kg.pipeline.BuildStats`). Raises
        `kg.origin.SourcesError` for a sources file that cannot be used and
        `kg.pipeline.ExecutorError` when the workers cannot be started."""
        from kg.pipeline import BuildStats, build_corpus, executor_for
        stats = BuildStats()
        options: dict = {"stats": stats, "sources": sources}
        if cache is not None:
            from kg.cache import ExtractionCache
            options["cache"] = ExtractionCache(Path(cache))
        with executor_for(workers, dask, dask_timeout) as executor:
            corpus = build_corpus([Path(p) for p in paths], progress, executor=executor,
                                  stage=stage, **options)
        if stage:
            stage("graph")
        # the corpus is emptied as its quads are made, so it is freed before they are sorted
        graph = cls.from_corpus(corpus, consume=True)
        graph.stats = stats
        return graph

    @classmethod
    def from_corpus(cls, corpus, consume: bool = False) -> "KnowledgeGraph":
        """The graph of a resolved `kg.model.Corpus`. With `consume`, the corpus
        is emptied as soon as its quads are made (less memory at large sizes;
        its problems are kept)."""
        from kg.graph.build import corpus_to_quads
        return cls(corpus_to_quads(corpus, consume), corpus.problems)

    @classmethod
    def load(cls, path: str | Path) -> "KnowledgeGraph":
        """Read a saved graph: a `.ttl`, `.trig`, `.nt` or `.jsonld` file, or an
        output folder holding one. Raises FileNotFoundError / ValueError."""
        from kg.graph.graph import Graph
        return cls(Graph.load(path))

    # ------------------------------------------------------------ writing

    def save(self, outdir: str | Path, formats: Iterable[str] = ("turtle",)) -> list[Path]:
        """Write the graph into `outdir` in each format (see `kg.export.available()`:
        turtle, trig, jsonld, nt, graphml, csv, …), atomically. Returns the files."""
        return self.graph.save(outdir, formats)

    def save_store(self, folder: str | Path) -> Path:
        """Write an on-disk Oxigraph store of the graph that `kg query --store` opens
        without parsing (`kg.store`); it replaces only an older store. Raises
        kg.store.StoreError."""
        from kg.store import write_store
        return write_store(self.graph, folder)

    # ------------------------------------------------------------ asking

    def query(self, sparql: str, timeout: float | None = None, allow_service: bool = False,
              **bindings) -> list[dict]:
        """Run a SPARQL query (Oxigraph engine; govkg prefixes predeclared).

        Rows are dicts of variable name -> rdflib term (None when unbound).
        Keyword arguments bind variables: `kg.query(q, place_name=Literal("成都市", lang="zh"))`;
        plain strings are bound as Chinese (@zh) literals. A SERVICE clause (a request to
        another server) needs `allow_service=True`. Raises kg.query.QueryError."""
        from rdflib.term import Identifier, Literal

        terms = {k: v if isinstance(v, Identifier) else Literal(str(v), lang="zh")
                 for k, v in bindings.items()}
        return self.graph.query(sparql, timeout=timeout, bindings=terms,
                         allow_service=allow_service)

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
        """Every statistic, or those about one entity given by IRI or by name, as
        dicts: `value` a number (int when whole, else float), `unit`, `measure`,
        `qualifier`, `direction` (上升, 下降 …), `period` (2022年 …), the evidence
        sentence and its source file and line."""
        from kg.graph.tables import statistic_rows
        if about is None:
            return statistic_rows(self.graph)
        if about.startswith(("http://", "https://")):
            return statistic_rows(self.graph, about=about)
        rows = []
        for entity in self.find(about):
            rows += statistic_rows(self.graph, about=entity["iri"])
        return rows

    def articles(self) -> list[dict]:
        """Every article by date (undated last): iri, date (ISO, '' when unknown), title,
        publisher, url, dateline, dateline_date, source_file, article_index, source_page,
        creators."""
        from kg.graph.tables import article_rows
        return article_rows(self.graph)

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
    def quads(self):
        """The graph as `kg.graph.quads.GraphQuads`: every triple in the default
        graph, one named graph per article; what the exporters write."""
        return self.graph.quads

    @property
    def dataset(self):
        """The rdflib Dataset: all triples in the default graph, one named graph per
        article (made on each call; `to_rdflib(dataset=True)`)."""
        return self.graph.to_rdflib(dataset=True)

    def to_rdflib(self, dataset: bool = False):
        """The graph as an rdflib Graph (the union), or with `dataset=True` the
        rdflib Dataset with one named graph per article."""
        return self.graph.to_rdflib(dataset)

    def to_networkx(self):
        """A networkx MultiDiGraph: entities as nodes (type, label, aliases, …),
        relations as edges keyed and labelled by predicate (and role for posts)."""
        from kg.graph.network import to_networkx
        return to_networkx(self.graph)

    def __len__(self) -> int:
        return len(self.quads)

    def __repr__(self) -> str:
        c = self.counts()
        return (f"<KnowledgeGraph {c['Article']} articles, "
                f"{sum(c[t] for t in ('Place', 'Agency', 'Programme', 'Person', 'PolicyDocument'))} "
                f"entities, {c['triples']} triples>")
