"""RDF serialisations of the graph: Turtle, TriG, JSON-LD, N-Triples.

Each is deterministic: rdflib's Turtle serializer sorts subjects, predicates
and objects; TriG is given its graphs in a fixed order; N-Triples lines and
the JSON-LD node list are sorted after serialising.
"""
from __future__ import annotations

import json
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.plugins.serializers.trig import TrigSerializer

from kg.export import exporter
from kg.graph.build import PREFIXES
from kg.graph.dataset import union_graph


def default_graph(dataset: Dataset) -> Graph:
    """Every triple of the dataset in one graph (the union of the named graphs)."""
    return union_graph(dataset)


@exporter("turtle", "graph.ttl", "Turtle, every triple in one graph")
def write_turtle(dataset: Dataset, path: Path) -> None:
    default_graph(dataset).serialize(destination=str(path), format="turtle", encoding="utf-8")


class _SortedTrigSerializer(TrigSerializer):
    """rdflib's TriG writer, with the default graph first and named graphs sorted."""

    def __init__(self, store):
        super().__init__(store)
        default = [c for c in self.contexts if c.identifier == self.default_context]
        named = sorted((c for c in self.contexts if c.identifier != self.default_context),
                       key=lambda c: str(c.identifier))
        self.contexts = default[:1] + named


@exporter("trig", "graph.trig",
          "TriG: everything in the default graph, and one named graph per article")
def write_trig(dataset: Dataset, path: Path) -> None:
    with open(path, "wb") as stream:
        _SortedTrigSerializer(dataset).serialize(stream, encoding="utf-8")


def sorted_ntriples(graph: Graph) -> str:
    lines = graph.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines()
    return "".join(line + "\n" for line in sorted(set(lines)) if line.strip())


@exporter("nt", "graph.nt", "N-Triples, one sorted line per triple of the union graph")
def write_ntriples(dataset: Dataset, path: Path) -> None:
    path.write_text(sorted_ntriples(default_graph(dataset)), encoding="utf-8")


JSONLD_CONTEXT = {prefix: str(ns) for prefix, ns in sorted(PREFIXES.items())}


def _sort_jsonld(value):
    """Sort node lists by @id and value lists canonically, so the output is stable."""
    if isinstance(value, dict):
        return {key: _sort_jsonld(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        items = [_sort_jsonld(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    return value


@exporter("jsonld", "graph.jsonld", "JSON-LD with a @context for the govkg prefixes")
def write_jsonld(dataset: Dataset, path: Path) -> None:
    text = default_graph(dataset).serialize(format="json-ld", context=JSONLD_CONTEXT,
                                            auto_compact=True)
    doc = json.loads(text)
    if isinstance(doc, list):
        nodes = doc
    elif "@graph" in doc:
        nodes = doc["@graph"]
    else:                                   # a single node is written without @graph
        nodes = [{k: v for k, v in doc.items() if k != "@context"}] if len(doc) > 1 else []
    doc = {"@context": JSONLD_CONTEXT, "@graph": _sort_jsonld(nodes)}
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                    encoding="utf-8")
