"""`kg.graph.Graph`, the one interface to a built graph: its lookups give what rdflib
gives over the same triples, its SPARQL store is made once, its files load back."""
from __future__ import annotations

import pytest
from rdflib import BNode, Literal, URIRef

from kg.graph.build import corpus_to_quads
from kg.graph.graph import Graph, as_graph, plain
from kg.vocab import GOV, RDF, RDFS, SKOS
from tests.conftest import make_corpus


@pytest.fixture(scope="module")
def both():
    """The Graph of the sample corpus and the rdflib Graph of the same quads."""
    g = Graph(corpus_to_quads(make_corpus()))
    return g, g.to_rdflib()


def test_lookups_answer_what_rdflib_answers(both):
    g, rdf = both
    for p in (RDF.type, RDFS.label, GOV.partOf, GOV.implementedIn, SKOS.altLabel):
        assert sorted(g.subject_objects(p)) == sorted((plain(s), plain(o))
                                                     for s, o in rdf.subject_objects(p))
    for node in rdf.subjects(RDF.type, GOV.Place):
        assert sorted(g.objects(node, RDFS.label)) == sorted(map(str, rdf.objects(node, RDFS.label)))
        assert sorted(g.subjects(GOV.partOf, node)) == sorted(map(str, rdf.subjects(GOV.partOf, node)))
        assert set(g.transitive_objects(node, GOV.partOf)) == set(
            map(str, rdf.transitive_objects(node, GOV.partOf)))
        assert set(g.transitive_subjects(GOV.partOf, node)) == set(
            map(str, rdf.transitive_subjects(GOV.partOf, node)))
    assert len(g) == len(rdf)


def test_terms_are_plain_strings_and_lookups_take_rdflib_terms_or_strings(both):
    g, _ = both
    place = min(g.subjects(RDF.type, GOV.Place))
    name = g.value(place, RDFS.label)
    assert type(place) is str and place.startswith("https://") and type(name) is str
    assert g.value(place, str(RDFS.label)) == g.value(URIRef(place), RDFS.label) == name
    assert g.value(place, GOV.nothingLikeThis) is None
    assert (place, RDFS.label, Literal(name, lang="zh")) in g
    assert (place, RDFS.label, "某某市") not in g
    assert g.first(place, GOV.nothingLikeThis) == ""


def test_plain_string_terms_answer_as_rdflib_terms_do(both):
    from kg import namespaces
    from kg.namespaces import Terms
    g, _ = both
    gov, rdf = Terms(namespaces.GOV), Terms(namespaces.RDF)
    assert gov.Place == str(GOV.Place) and type(gov.Place) is str
    assert sorted(g.subjects(rdf.type, gov.Place)) == sorted(g.subjects(RDF.type, GOV.Place))
    assert plain(BNode("b1")) == "_:b1" and plain(URIRef(gov.Place)) == gov.Place
    with pytest.raises(AttributeError):
        gov._private


def test_a_predicates_tables_are_what_the_lookups_answer(both):
    g, _ = both
    labels, mentioned = g.index(RDFS.label), g.reverse_index(GOV.mentions)
    place = min(g.subjects(RDF.type, GOV.Place))
    assert labels[place] == list(g.objects(place, RDFS.label))
    entity = min(mentioned)
    assert mentioned[entity] and sorted(mentioned[entity]) == sorted(g.subjects(GOV.mentions, entity))


def test_counts_and_patterns(both):
    g, rdf = both
    assert g.count(RDF.type, GOV.Programme) == len(set(rdf.subjects(RDF.type, GOV.Programme)))
    assert g.count(GOV.implementedIn) == len(set(rdf.subject_objects(GOV.implementedIn)))
    assert g.count(GOV.nothingLikeThis) == 0
    some = next(iter(g.subjects(RDF.type, GOV.Programme)))
    assert sorted(g.triples(some)) == sorted((plain(s), plain(p), plain(o))
                                             for s, p, o in rdf.triples((URIRef(some), None, None)))
    assert list(g.triples(None, GOV.nothingLikeThis)) == []
    assert list(g.triples(BNode("nowhere"))) == []


def test_a_subgraph_keeps_only_the_rows_asked_for(both):
    g, _ = both
    rows = g.quads.default_rows()
    labels = g.subgraph(rows[:, 2] == g.quads.rank(f"<{RDFS.label}>"))
    assert len(labels) == g.count(RDFS.label)
    assert list(labels.subjects(RDF.type, GOV.Place)) == []
    assert sorted(labels.subject_objects(RDFS.label)) == sorted(g.subject_objects(RDFS.label))


def test_sparql_runs_on_one_store_made_once(both):
    g, _ = both
    rows = g.query("SELECT ?l WHERE { ?p a gov:Programme ; rdfs:label ?l } ORDER BY ?l")
    assert sorted(str(r["l"]) for r in rows) == sorted(
        g.value(p, RDFS.label) for p in g.subjects(RDF.type, GOV.Programme))
    assert g.store() is g.store()
    named = g.query("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert int(named[0]["n"]) == g.count(RDF.type, GOV.Article)


def test_a_saved_graph_loads_back_the_same(both, tmp_path):
    g, _ = both
    written = g.save(tmp_path, ["turtle", "trig"])
    assert [p.name for p in written] == ["graph.ttl", "graph.trig"]
    for path in written:
        again = Graph.load(path)
        assert again.quads.terms == g.quads.terms
        assert (again.quads.rows == g.quads.rows).all(), path.name
    union = Graph.load(tmp_path, articles=False)
    assert len(union) == len(g) and union.quads.graph_names() == []
    assert g.serialize("nt", tmp_path / "x.nt") == [tmp_path / "x.nt"]
    assert Graph.load(tmp_path / "x.nt").quads.terms == g.quads.terms


def test_as_graph_takes_what_readers_are_given(both):
    g, rdf = both
    assert as_graph(g) is g
    assert len(as_graph(rdf)) == len(g)
    assert len(as_graph(g.quads)) == len(g)
    with pytest.raises(TypeError, match="expected a graph"):
        as_graph({"not": "a graph"})
