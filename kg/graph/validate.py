"""Check a graph against `ontology/shapes.ttl` with pyshacl."""
from __future__ import annotations

from functools import lru_cache
from urllib.parse import unquote

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH

from kg.resources import ontology_dir
from kg.vocab import RDFS

__all__ = ["ONTOLOGY_DIR", "ontology_graph", "shapes_graph", "validate"]

ONTOLOGY_DIR = ontology_dir()


@lru_cache(maxsize=None)
def ontology_graph() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "govkg.ttl", format="turtle")


@lru_cache(maxsize=None)
def shapes_graph() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")


def _name(graph: Graph, node) -> str:
    """A node as a reader wants to see it: label first, IRI with its Chinese decoded."""
    if not isinstance(node, URIRef):
        return repr(str(node))
    labels = sorted(str(label) for label in graph.objects(node, RDFS.label))
    text = f"<{unquote(str(node))}>"
    return f"{labels[0]} {text}" if labels else text


def validate(dataset) -> tuple[bool, str]:
    """Validate the union of `dataset` (anything `kg.graph.graph.as_graph` takes)
    against the SHACL shapes.

    Returns `(conforms, report)`: the report is one line per violation,
    `<focus node> <path>: <message>` (value shown where there is one), sorted.
    """
    import pyshacl

    from kg.graph.graph import as_graph
    data = dataset if type(dataset) is Graph else as_graph(dataset).to_rdflib()
    conforms, results, _text = pyshacl.validate(
        data, shacl_graph=shapes_graph(), inference="none", allow_warnings=True)
    if conforms:
        return True, "conforms: no violations"
    lines = set()
    for result in results.subjects(SH.focusNode, None):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        message = results.value(result, SH.resultMessage) or Literal("violation")
        where = _name(data, focus)
        if path is not None:
            where += f" {path.n3(data.namespace_manager) if isinstance(path, URIRef) else path}"
        shown = f" [value: {_name(data, value)}]" if value is not None else ""
        lines.add(f"{where}: {message}{shown}")
    report = sorted(lines)
    return False, f"{len(report)} violation(s):\n" + "\n".join(report)
