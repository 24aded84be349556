"""RDF serialisations of the graph: Turtle, TriG, N-Triples, N-Quads, JSON-LD.

Turtle, TriG, N-Triples and N-Quads are written straight from the compact
`GraphQuads` (kg.graph.quads), whose terms and quads are sorted: subjects in
order, `a` first in each block, then the predicates and objects in order;
named graphs after the default graph, in order. So the same graph always gives
the same bytes, and nothing as big as an rdflib graph is built to write them.
JSON-LD goes through rdflib (its node list is sorted after serialising).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from kg.export import exporter
from kg.graph.build import PREFIXES
from kg.graph.graph import as_graph
from kg.graph.quads import GraphQuads
from kg.terms import RDF, XSD

RDF_TYPE = f"<{RDF.type}>"
_NAMESPACES = sorted(((str(ns), prefix) for prefix, ns in PREFIXES.items()), key=lambda x: -len(x[0]))
_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
# Literals Turtle may write bare, by datatype: the lexical forms its grammar reads back unchanged.
_BARE = {str(XSD.integer): re.compile(r"[+-]?[0-9]+\Z"),
         str(XSD.decimal): re.compile(r"[+-]?[0-9]*\.[0-9]+\Z")}


def _prefixed(value: str) -> str | None:
    for namespace, prefix in _NAMESPACES:
        if value.startswith(namespace) and _LOCAL.match(value, len(namespace)):
            return f"{prefix}:{value[len(namespace):]}"
    return None


def turtle_form(form: str) -> str:
    """The Turtle form of a term given in N-Triples form: prefixed names for the
    vocabulary, bare integers and decimals."""
    if form.startswith("<"):
        return _prefixed(form[1:-1]) or form
    if form.endswith(">") and '"^^<' in form:
        end = form.rindex('"^^<')
        datatype = form[end + 4:-1]
        bare = _BARE.get(datatype)
        if bare is not None and bare.match(form, 1, end):
            return form[1:end]
        short = _prefixed(datatype)
        if short:
            return f"{form[:end + 1]}^^{short}"
    return form


def _prefix_lines() -> str:
    return "".join(f"@prefix {prefix}: <{ns}> .\n" for prefix, ns in sorted(PREFIXES.items())) + "\n"


class _Blocks:
    """Turtle blocks (`subject a … ; p o, o .`) of runs of sorted [g, s, p, o] rows."""

    def __init__(self, quads: GraphQuads):
        self.terms = quads.terms
        # every term's Turtle form, made once (a graph uses nearly all its terms)
        self.forms = [turtle_form(term) for term in quads.terms]
        type_rank = quads.rank(RDF_TYPE)
        self.type = -1 if type_rank is None else type_rank

    def block(self, subject: int, pairs: list, indent: str) -> str:
        """`pairs` are the subject's (p, o), sorted as the quads are: rdf:type's go first."""
        forms, a = self.forms, self.type
        lines = [f"a {', '.join(forms[o] for p, o in pairs if p == a)}"] \
            if any(p == a for p, _ in pairs) else []
        current = None
        for p, o in pairs:
            if p == a:
                continue
            if p == current:
                lines[-1] += f", {forms[o]}"
            else:
                lines.append(f"{forms[p]} {forms[o]}")
                current = p
        return f"{indent}{forms[subject]} " + f" ;\n{indent}    ".join(lines) + " .\n\n"


def write_turtle_stream(quads: GraphQuads, stream, graphs: bool = False) -> None:
    """Turtle (the default graph) or, with `graphs`, TriG (the default graph in `{ }`,
    then each named graph) to a text stream."""
    blocks = _Blocks(quads)
    stream.write(_prefix_lines())
    rows = quads.quad_ids() if graphs else quads.triple_ids()
    indent = "    " if graphs else ""
    out: list[str] = []
    graph = subject = None
    pairs: list = []
    for g, s, p, o in rows:
        if g != graph or s != subject:
            if pairs:
                out.append(blocks.block(subject, pairs, indent))
                pairs = []
            if g != graph and graphs:
                if graph is not None:
                    out.append("}\n\n")
                out.append("{\n" if g == 0 else f"{blocks.terms[g]} {{\n")
            graph, subject = g, s
            if len(out) > 4096:
                stream.write("".join(out))
                out.clear()
        pairs.append((p, o))
    if pairs:
        out.append(blocks.block(subject, pairs, indent))
    if graphs and graph is not None:
        out.append("}\n")
    stream.write("".join(out))


@exporter("turtle", "graph.ttl", "Turtle, every triple in one graph")
def write_turtle(dataset, path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as stream:
        write_turtle_stream(as_graph(dataset).quads, stream)


@exporter("trig", "graph.trig",
          "TriG: everything in the default graph, and one named graph per article")
def write_trig(dataset, path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as stream:
        write_turtle_stream(as_graph(dataset).quads, stream, graphs=True)


def sorted_ntriples(graph) -> str:
    """The union of `graph` (anything `kg.graph.graph.as_graph` takes) as sorted N-Triples lines."""
    import io
    buffer = io.StringIO()
    as_graph(graph).quads.write_ntriples(buffer)
    return buffer.getvalue()


@exporter("nt", "graph.nt", "N-Triples, one sorted line per triple of the union graph")
def write_ntriples(dataset, path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as stream:
        as_graph(dataset).quads.write_ntriples(stream)


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
def write_jsonld(dataset, path: Path) -> None:
    text = as_graph(dataset).to_rdflib().serialize(format="json-ld", context=JSONLD_CONTEXT,
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
