"""The graph built straight into compact quads says exactly what the rdflib
builder it replaced said: the same triples (graph.ttl) and the same named
graph per article (graph.trig), on the sample corpus and the bundled one.

`reference_graph` below is that rdflib builder, kept here as the oracle; the
named graphs come from `kg.graph.dataset.graph_to_dataset`, which derives them
from the provenance in the union graph.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from kg.export.rdf import sorted_ntriples, write_trig, write_turtle
from kg.graph.build import bind_prefixes, corpus_to_quads, decimal_text
from kg.graph.dataset import graph_to_dataset
from kg.graph.divisions import lineage
from kg.graph.quads import GraphQuads, from_n3, literal, to_n3
from kg.graph.summary import counts
from kg.geo import place_points
from kg.vocab import (DCTERMS, DIVISION_SCHEME, GEO, GOV, PROV, RDF, RDFS, SKOS, article_iri,
                      assertion_iri, division_iri, entity_class, membership_iri,
                      relation_predicate, statistic_iri, XSD)


def _decimal(value) -> Literal:
    """What the rdflib builder wrote for a number: an xsd:decimal in canonical form."""
    return Literal(decimal_text(value), datatype=XSD.decimal)


ROOT = Path(__file__).resolve().parent.parent


def reference_graph(corpus) -> Graph:
    """The union graph as the rdflib builder made it, triple by triple."""
    g = bind_prefixes(Graph())
    add = g.add
    articles = {a.id: a for a in corpus.articles}

    def zh(text):
        return Literal(text, lang="zh")

    def evidence(node, article_id, index, text):
        if article_id:
            add((node, PROV.wasDerivedFrom, URIRef(article_iri(article_id))))
        article = articles.get(article_id)
        sentence = None
        if article is not None and index >= 0:
            sentence = next((s for s in article.sentences if s.index == index), None)
        text = text or (sentence.text if sentence else "")
        if text:
            add((node, GOV.evidence, zh(text)))
        if index >= 0:
            add((node, GOV.sentenceIndex, Literal(index)))
        if sentence is not None and sentence.line:
            add((node, GOV.sourceLine, Literal(sentence.line)))

    for entity in corpus.entities.values():
        node, kind = URIRef(entity.iri), getattr(entity.type, "value", entity.type)
        add((node, RDF.type, entity_class(kind)))
        add((node, RDFS.label, zh(entity.label)))
        for alias in set(entity.aliases) - {entity.label}:
            if alias:
                add((node, SKOS.altLabel, zh(alias)))
        if kind == "Place":
            for key, prop in (("level", GOV.adminLevel), ("adcode", GOV.adcode)):
                if entity.attrs.get(key) not in (None, ""):
                    add((node, prop, Literal(str(entity.attrs[key]))))
            chain = lineage(entity.attrs)
            for i, division in enumerate(chain):
                concept = URIRef(division_iri(division.adcode))
                add((node, GOV.within, concept))
                for triple in ((RDF.type, SKOS.Concept), (SKOS.inScheme, DIVISION_SCHEME),
                               (SKOS.prefLabel, zh(division.name)),
                               (SKOS.notation, Literal(division.adcode)),
                               (GOV.divisionLevel, Literal(division.level))):
                    add((concept, *triple))
                if division.alias and division.alias != division.name:
                    add((concept, SKOS.altLabel, zh(division.alias)))
                if i:
                    add((concept, SKOS.broader, URIRef(division_iri(chain[i - 1].adcode))))
            if chain:
                add((DIVISION_SCHEME, RDF.type, SKOS.ConceptScheme))
                add((DIVISION_SCHEME, SKOS.prefLabel, zh("中华人民共和国行政区划（GB/T 2260）")))
        for article_id in entity.articles:
            add((URIRef(article_iri(article_id)), GOV.mentions, node))
    places = {e.iri: e.attrs.get("adcode") or "" for e in corpus.entities.values()
              if getattr(e.type, "value", e.type) == "Place"}
    part_of: dict = {}
    for rel in corpus.relations:
        if rel.predicate == "partOf":
            part_of.setdefault(rel.subject, []).append(rel.object)
    for place, point in place_points(places, part_of).items():
        add((URIRef(place), GEO.lat, _decimal(point.lat)))
        add((URIRef(place), GEO.long, _decimal(point.lon)))
        add((URIRef(place), GOV.coordinatePrecision, Literal(point.precision)))
    for article in corpus.articles:
        node = URIRef(article_iri(article.id))
        add((node, RDF.type, GOV.Article))
        if article.title:
            add((node, DCTERMS.title, zh(article.title)))
        add((node, GOV.sourceFile, Literal(article.source)))
        add((node, GOV.articleIndex, Literal(article.index)))
        for value, prop in ((article.subtitle, GOV.subtitle), (article.kicker, GOV.kicker),
                            (article.dateline, GOV.dateline), (article.date_text, GOV.dateText)):
            if value:
                add((node, prop, zh(value)))
        for person in corpus.reporters.get(article.id, []):
            add((node, DCTERMS.creator, URIRef(person)))
    for rel in corpus.relations:
        s, p, o = URIRef(rel.subject), relation_predicate(rel.predicate), URIRef(rel.object)
        add((s, p, o))
        node = URIRef(assertion_iri(rel.subject, rel.predicate, rel.object, rel.article,
                                    rel.sentence, rel.role))
        for triple in ((RDF.type, GOV.Assertion), (RDF.subject, s), (RDF.predicate, p),
                       (RDF.object, o)):
            add((node, *triple))
        evidence(node, rel.article, rel.sentence, rel.evidence)
        if rel.predicate == "holdsPost":
            m = URIRef(membership_iri(rel.subject, rel.object, rel.role))
            for triple in ((RDF.type, GOV.Membership), (GOV.member, s), (GOV.organization, o)):
                add((m, *triple))
            if rel.role:
                add((m, GOV.role, zh(rel.role)))
                add((node, GOV.role, zh(rel.role)))
            if rel.article:
                add((m, PROV.wasDerivedFrom, URIRef(article_iri(rel.article))))
            add((node, GOV.membership, m))
    for stat in corpus.statistics:
        value = _decimal(stat.value)
        node = URIRef(statistic_iri(stat.article, stat.sentence, stat.about, str(value),
                                    stat.unit, stat.measure, stat.surface))
        add((node, RDF.type, GOV.Statistic))
        add((node, GOV.about, URIRef(stat.about)))
        add((node, GOV.value, value))
        for text, prop in ((stat.unit, GOV.unit), (stat.measure, GOV.measure),
                           (stat.qualifier, GOV.qualifier), (stat.direction, GOV.direction),
                           (stat.period, GOV.period), (stat.surface, GOV.surface)):
            if text:
                add((node, prop, Literal(text)))
        evidence(node, stat.article, stat.sentence, stat.evidence)
    return g


def _quads(dataset: Dataset) -> set:
    return {(s, p, o, getattr(g, "identifier", g)) for s, p, o, g in dataset.quads((None,) * 4)}


@pytest.fixture(scope="module")
def bundled():
    from kg.pipeline import build_corpus
    return build_corpus([ROOT / "data" / "corpus"])


def _check_same(corpus, tmp_path):
    expected = reference_graph(corpus)
    quads = corpus_to_quads(corpus)
    # the same triples, and N-Triples byte for byte
    assert sorted_ntriples(quads) == sorted_ntriples(expected)
    write_turtle(quads, tmp_path / "graph.ttl")
    assert set(Graph().parse(tmp_path / "graph.ttl", format="turtle")) == set(expected)
    # the same named graph per article
    write_trig(quads, tmp_path / "graph.trig")
    trig = Dataset()
    trig.parse(tmp_path / "graph.trig", format="trig")
    assert _quads(trig) == _quads(graph_to_dataset(expected))
    assert _quads(quads.to_dataset()) == _quads(graph_to_dataset(expected))
    assert counts(quads) == counts(expected)


def test_sample_corpus_says_what_the_rdflib_builder_said(corpus, tmp_path):
    _check_same(corpus, tmp_path)


@pytest.mark.slow
def test_bundled_corpus_says_what_the_rdflib_builder_said(bundled, tmp_path):
    _check_same(bundled, tmp_path)


def test_turtle_and_trig_are_byte_identical_across_builds(bundled, tmp_path):
    for name in ("a", "b"):
        write_turtle(corpus_to_quads(bundled), tmp_path / f"{name}.ttl")
        write_trig(corpus_to_quads(bundled), tmp_path / f"{name}.trig")
    assert (tmp_path / "a.ttl").read_bytes() == (tmp_path / "b.ttl").read_bytes()
    assert (tmp_path / "a.trig").read_bytes() == (tmp_path / "b.trig").read_bytes()


def test_rdflib_dataset_round_trips_through_quads(dataset):
    again = GraphQuads.from_rdflib(dataset).to_dataset()
    assert _quads(again) == _quads(dataset)


@pytest.mark.parametrize("term", [
    URIRef("https://w3id.org/govkg/id/place/320300"),
    Literal("徐州"), Literal("徐州", lang="zh"), Literal('say "hi"\\ \n\r\tend', lang="zh"),
    Literal(12), Literal("2904.0", datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal")),
])
def test_terms_round_trip_through_their_ntriples_form(term):
    form = to_n3(term)
    assert from_n3(form) == term
    if isinstance(term, Literal):
        g = Graph()
        g.add((URIRef("http://x/s"), URIRef("http://x/p"), term))
        assert form in g.serialize(format="nt")
    assert literal("a\nb", lang="ZH") == '"a\\nb"@zh'
