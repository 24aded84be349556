"""The ontology declares every term the code uses; built graphs conform to the shapes."""
from __future__ import annotations

import re
from pathlib import Path

from rdflib import Literal, URIRef

from kg.graph.validate import ontology_graph, shapes_graph, validate
from kg.vocab import ENTITY_CLASSES, GOV, RDF, RDFS, RELATION_PREDICATES, SKOS
from tests.conftest import JIAXING, PROG

ROOT = Path(__file__).resolve().parents[1]


def declared_terms() -> set[URIRef]:
    onto = ontology_graph()
    return {s for s in onto.subjects(RDF.type, None) if str(s).startswith(str(GOV))}


def used_in_code() -> set[URIRef]:
    """Every `GOV.term` / `GOV["term"]` written in the package's source."""
    names = set()
    for path in (ROOT / "kg").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        names |= set(re.findall(r"\bGOV\.([A-Za-z_]\w*)", text))
        names |= set(re.findall(r"\bGOV\[\"(\w+)\"\]", text))
    return {GOV[n] for n in names}


def test_every_term_used_is_declared(graph):
    declared = declared_terms()
    used = used_in_code() | set(ENTITY_CLASSES.values()) | set(RELATION_PREDICATES.values())
    for s, p, o in graph:
        for term in (p, o if p == RDF.type else None):
            if term is not None and str(term).startswith(str(GOV)):
                used.add(term)
    assert not used - declared, sorted(used - declared)


def test_every_declared_term_has_labels_comment_and_is_covered():
    onto = ontology_graph()
    for term in declared_terms():
        langs = {l.language for l in onto.objects(term, RDFS.label)}
        assert {"zh", "en"} <= langs, term
        assert onto.value(term, RDFS.comment) is not None, term


def test_every_class_has_a_shape():
    onto, shapes = ontology_graph(), shapes_graph()
    classes = {c for c in onto.subjects(RDF.type, URIRef("http://www.w3.org/2002/07/owl#Class"))
               if str(c).startswith(str(GOV))}
    targeted = set(shapes.objects(None, URIRef("http://www.w3.org/ns/shacl#targetClass")))
    assert classes <= targeted, classes - targeted


def test_built_graph_conforms(dataset):
    ok, report = validate(dataset)
    assert ok, report


def test_broken_graph_fails_with_a_readable_report(graph):
    graph.add((URIRef(PROG), RDFS.label, Literal("另一个名字", lang="zh")))
    graph.set((URIRef(JIAXING), GOV.adminLevel, Literal("metropolis")))
    stat = next(graph.subjects(RDF.type, GOV.Statistic))
    graph.remove((stat, GOV.value, None))
    graph.remove((URIRef(PROG), SKOS.altLabel, None))
    ok, report = validate(graph)
    assert not ok
    lines = report.splitlines()
    assert lines[0] == "3 violation(s):"
    assert any("红船枫警" in l and "rdfs:label" in l and "exactly one rdfs:label" in l for l in lines)
    assert any("gov:adminLevel" in l and "metropolis" in l for l in lines)
    assert any("gov:value" in l and "exactly one gov:value" in l for l in lines)
