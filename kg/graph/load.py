"""Read a saved graph back: any RDF file `kg build` writes, or its output folder.

Files are parsed by Oxigraph straight into compact `GraphQuads` (no rdflib term
is made); the named graph of each article is then recomputed from the
provenance (`kg.graph.dataset.with_article_graphs`), so a graph read from
Turtle, N-Triples or JSON-LD is the same as one read from TriG.
"""
from __future__ import annotations

from pathlib import Path

from kg.graph.quads import GraphQuads, iri, literal

__all__ = ["RDF_FORMATS", "find_graph_file", "graph_format", "read_quads", "load_dataset",
           "load_graph"]

# file suffix -> Oxigraph's RdfFormat name
RDF_FORMATS = {".ttl": "TURTLE", ".trig": "TRIG", ".nt": "N_TRIPLES", ".nq": "N_QUADS",
               ".jsonld": "JSON_LD", ".json": "JSON_LD", ".rdf": "RDF_XML", ".xml": "RDF_XML"}
# what to look for in an output folder, best first
_FOLDER_FILES = ("graph.ttl", "graph.nt", "graph.trig", "graph.jsonld")
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def find_graph_file(path: Path | str) -> Path:
    """`path` itself, or the graph file inside an output folder."""
    path = Path(path)
    if path.is_dir():
        for name in _FOLDER_FILES:
            if (path / name).is_file():
                return path / name
        raise FileNotFoundError(f"{path}: no graph file ({', '.join(_FOLDER_FILES)}) in this folder")
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such file")
    return path


def graph_format(path: Path):
    """Oxigraph's RdfFormat for a graph file, by its suffix; ValueError if unknown."""
    import pyoxigraph as ox
    name = RDF_FORMATS.get(path.suffix.lower())
    if name is None:
        raise ValueError(f"{path}: unknown graph format {path.suffix!r}; "
                         f"known: {', '.join(sorted(RDF_FORMATS))}")
    return getattr(ox.RdfFormat, name)


def _form(term) -> str:
    """The N-Triples form of an Oxigraph term, as `kg.graph.quads` writes it."""
    import pyoxigraph as ox
    if isinstance(term, ox.NamedNode):
        return iri(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if term.language:
        return literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return literal(term.value, datatype="" if datatype == _XSD_STRING else datatype)


def read_quads(path: Path | str) -> GraphQuads:
    """Every triple stored at `path` (a graph file or an output folder), whatever graph of
    the file holds it, as frozen GraphQuads of the default graph. Raises
    FileNotFoundError, ValueError (unknown format) or SyntaxError (no RDF)."""
    import pyoxigraph as ox
    path = find_graph_file(path)
    fmt = graph_format(path)
    quads, forms = GraphQuads(), {}

    def form(term) -> str:
        found = forms.get(term)
        if found is None:
            found = forms[term] = _form(term)
        return found

    for quad in ox.parse(path=str(path), format=fmt):
        quads.add(form(quad.subject), form(quad.predicate), form(quad.object))
    return quads.freeze()


def load_graph(path: Path | str):
    """The union rdflib Graph stored at `path` (a graph file or an output folder)."""
    return read_quads(path).to_graph()


def load_dataset(path: Path | str):
    """The rdflib Dataset stored at `path`, with its named graph per article recomputed."""
    from kg.graph.dataset import with_article_graphs
    return with_article_graphs(read_quads(path)).to_dataset()
