"""`kg query` writes Oxigraph's own terms (no rdflib loaded): every output format gives
for them what it gives for the rdflib terms the Python API returns. One difference,
on purpose: a literal is written as the graph or the engine spells it, where rdflib
respells a number it can read (`"1.5E3"^^xsd:double` as 1500.0); the graph's own
numbers are canonical, so they read the same either way."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.query import _to_rdflib, display, format_rows, json_value, python_value

XSD = "http://www.w3.org/2001/XMLSchema#"
TERMS = [
    ox.NamedNode("https://w3id.org/govkg/id/place/徐州市"),
    ox.NamedNode("https://w3id.org/govkg/ontology#Programme"),
    ox.NamedNode("http://example.org/x%20y"),
    ox.BlankNode("b0"),
    ox.Literal("徐州市", language="zh"),
    ox.Literal("plain text"),
    ox.Literal("3900000.0", datatype=ox.NamedNode(XSD + "decimal")),
    ox.Literal("21.2", datatype=ox.NamedNode(XSD + "decimal")),
    ox.Literal("42", datatype=ox.NamedNode(XSD + "integer")),
    ox.Literal("1500.0", datatype=ox.NamedNode(XSD + "double")),
    ox.Literal("true", datatype=ox.NamedNode(XSD + "boolean")),
    ox.Literal("2024-01-05", datatype=ox.NamedNode(XSD + "date")),
    ox.Literal("2024-01-05T08:30:00", datatype=ox.NamedNode(XSD + "dateTime")),
    ox.Literal("not a number", datatype=ox.NamedNode(XSD + "integer")),
    ox.Literal("x", datatype=ox.NamedNode("http://example.org/type")),
]


@pytest.mark.parametrize("term", TERMS, ids=str)
def test_an_engine_term_reads_as_its_rdflib_term(term):
    same = _to_rdflib(term)
    assert display(term) == display(same)
    assert python_value(term) == python_value(same)
    assert type(python_value(term)) is type(python_value(same))
    assert json_value(term) == json_value(same)


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json"])
def test_rows_of_engine_terms_format_as_rows_of_rdflib_terms(fmt):
    rows = [{"t": term, "u": None} for term in TERMS]
    converted = [{k: _to_rdflib(v) for k, v in row.items()} for row in rows]
    assert format_rows(rows, fmt, ["t", "u"]) == format_rows(converted, fmt, ["t", "u"])


def test_a_number_in_another_spelling_is_written_as_spelled_and_read_as_the_number():
    term = ox.Literal("1.5E3", datatype=ox.NamedNode(XSD + "double"))
    assert display(term) == "1.5E3" and display(_to_rdflib(term)) == "1500.0"
    assert python_value(term) == python_value(_to_rdflib(term)) == 1500.0


def test_the_plain_namespaces_are_the_vocabulary_s():
    from kg import namespaces, vocab
    for name in ("GOV", "ID", "GEO", "ORG", "SCHEMA", "RDF", "RDFS", "SKOS", "DCTERMS", "PROV",
                 "XSD"):
        assert getattr(namespaces, name) == str(getattr(vocab, name)), name
