"""Read a saved graph back: any RDF file `kg build` writes, or its output folder."""
from __future__ import annotations

from pathlib import Path

__all__ = ["RDF_FORMATS", "find_graph_file", "load_dataset", "load_graph"]

# file suffix -> rdflib parser name
RDF_FORMATS = {".ttl": "turtle", ".trig": "trig", ".nt": "nt", ".nq": "nquads",
               ".jsonld": "json-ld", ".json": "json-ld", ".rdf": "xml", ".xml": "xml"}
# what to look for in an output folder, best first
_FOLDER_FILES = ("graph.ttl", "graph.nt", "graph.trig", "graph.jsonld")


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


def load_graph(path: Path | str):
    """The union rdflib Graph stored at `path` (a graph file or an output folder)."""
    from rdflib import Dataset, Graph

    from kg.graph.build import bind_prefixes
    path = find_graph_file(path)
    fmt = RDF_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(f"{path}: unknown graph format {path.suffix!r}; "
                         f"known: {', '.join(sorted(RDF_FORMATS))}")
    graph = bind_prefixes(Graph())
    if fmt in ("trig", "nquads"):
        dataset = Dataset()
        dataset.parse(str(path), format=fmt)
        for s, p, o, _ in dataset.quads((None, None, None, None)):
            graph.add((s, p, o))
    else:
        graph.parse(str(path), format=fmt)
    return graph


def load_dataset(path: Path | str):
    """The rdflib Dataset stored at `path`, with its named graph per article recomputed."""
    from kg.graph.dataset import graph_to_dataset
    return graph_to_dataset(load_graph(path))
