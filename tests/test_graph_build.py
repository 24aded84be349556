"""The built graph follows CONTRACT.md: checked with the SPARQL a user would write."""
from __future__ import annotations

from rdflib import BNode, Literal, URIRef

from kg.graph import corpus_to_dataset, corpus_to_graph, union_graph
from kg.vocab import GOV, PROV, RDF, XSD, article_iri
from tests.conftest import (A1, A2, APP, BRANCH, JIAXING, LIUZHOU, LZ_POLICE, NANHU, POLICE,
                            PROG, WANG, ZHEJIANG)

PREFIXES = """
PREFIX gov: <https://w3id.org/govkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


def rows(graph, query):
    return [tuple(str(v) if v is not None else None for v in row)
            for row in graph.query(PREFIXES + query)]


def test_entities_have_one_zh_label_and_aliases(graph):
    labels = rows(graph, "SELECT ?e (COUNT(?l) AS ?n) WHERE { ?e rdfs:label ?l } GROUP BY ?e")
    assert labels and all(n == "1" for _, n in labels)
    assert (Literal("嘉兴市", lang="zh")) in set(graph.objects(URIRef(JIAXING), None))
    alts = rows(graph, f"SELECT ?a WHERE {{ <{PROG}> a gov:Programme ; skos:altLabel ?a }}")
    assert alts == [("红船枫警工作机制",)]          # the label itself is not repeated
    for l in graph.objects(None, None):
        if isinstance(l, Literal) and l.language:
            assert l.language == "zh"


def test_places_carry_level_and_adcode(graph):
    got = rows(graph, """SELECT ?l ?lv ?code WHERE {
        ?p a gov:Place ; rdfs:label ?l ; gov:adminLevel ?lv ; gov:adcode ?code } ORDER BY ?code""")
    assert got[0] == ("浙江省", "province", "330000")
    assert ("嘉兴市", "city", "330400") in got


def test_articles_title_source_creator_mentions(graph):
    got = rows(graph, """SELECT ?t ?f ?who WHERE {
        ?a a gov:Article ; dcterms:title ?t ; gov:sourceFile ?f ; dcterms:creator ?r .
        ?r rdfs:label ?who }""")
    assert got == [("嘉兴推行红船枫警机制", "100_aaaaaaaaaaaaaaaa.txt", "赵记者")]
    mentioned = rows(graph, f"SELECT ?e WHERE {{ <{article_iri(A2)}> gov:mentions ?e }}")
    assert {e for (e,) in mentioned} == {LIUZHOU, LZ_POLICE, APP, PROG}
    # Zhejiang is known (from the gazetteer) but no article names it.
    assert not rows(graph, f"SELECT ?a WHERE {{ ?a gov:mentions <{ZHEJIANG}> }}")


def test_relations_are_plain_triples(graph):
    assert (URIRef(PROG), GOV.implementedBy, URIRef(POLICE)) in graph
    assert (URIRef(PROG), GOV.implementedIn, URIRef(LIUZHOU)) in graph
    assert (URIRef(BRANCH), GOV.subOrganizationOf, URIRef(POLICE)) in graph
    assert (URIRef(JIAXING), GOV.partOf, URIRef(ZHEJIANG)) in graph


def test_posts_are_membership_nodes(graph):
    got = rows(graph, """SELECT ?who ?org ?role WHERE {
        ?m a gov:Membership ; gov:member ?p ; gov:organization ?a ; gov:role ?role .
        ?p rdfs:label ?who . ?a rdfs:label ?org } ORDER BY ?role""")
    assert got == [("王建华", "嘉兴市公安局", "党委书记"), ("王建华", "嘉兴市公安局", "局长")]
    # the shortcut edge, like org:memberOf beside org:Membership
    assert (URIRef(WANG), GOV.holdsPost, URIRef(POLICE)) in graph


def test_statistics_shape(graph):
    got = rows(graph, f"""SELECT ?v ?u ?m ?ev ?dir ?period ?src WHERE {{
        ?st a gov:Statistic ; gov:about <{JIAXING}> ; gov:value ?v ; gov:unit ?u ;
            gov:measure ?m ; gov:evidence ?ev ; gov:direction ?dir ; gov:period ?period ;
            prov:wasDerivedFrom ?a . ?a gov:sourceFile ?src }}""")
    assert got == [("21.2", "%", "违法犯罪警情", "2022年，全市违法犯罪警情同比下降21.2%。",
                    "下降", "2022年", "100_aaaaaaaaaaaaaaaa.txt")]
    values = set(graph.objects(None, GOV.value))
    assert Literal("13000.0", datatype=XSD.decimal) in values
    assert all(v.datatype == XSD.decimal for v in values)


def test_question_programmes_run_by_agency_and_where_said(graph):
    """Which programmes does 嘉兴市公安局 run, and where was that said?"""
    got = rows(graph, """SELECT ?programme ?sentence ?file ?line WHERE {
        ?agency rdfs:label "嘉兴市公安局"@zh .
        ?prog gov:implementedBy ?agency ; rdfs:label ?programme .
        ?as rdf:subject ?prog ; rdf:predicate gov:implementedBy ; rdf:object ?agency ;
            gov:evidence ?sentence ; gov:sourceLine ?line ; prov:wasDerivedFrom ?a .
        ?a gov:sourceFile ?file }""")
    assert got == [("红船枫警", "嘉兴市公安局推出“红船枫警”工作机制，在南湖区全面推行。",
                    "100_aaaaaaaaaaaaaaaa.txt", "3")]


def test_question_every_statistic_about_a_city_with_evidence(graph):
    got = rows(graph, """SELECT ?value ?unit ?measure ?evidence WHERE {
        ?city rdfs:label "柳州市"@zh .
        ?x gov:implementedIn ?city .
        ?st gov:about ?x ; gov:value ?value ; gov:unit ?unit ; gov:measure ?measure ;
            gov:evidence ?evidence }""")
    assert got == [("13000.0", "名", "群众注册用户", "柳州市公安局上线“警民通”平台，群众注册用户达1.3万名。")]


def test_evidence_looked_up_from_the_sentence_when_missing(graph):
    got = rows(graph, f"""SELECT ?ev WHERE {{ ?as rdf:subject <{APP}> ;
        rdf:predicate gov:implementedIn ; gov:evidence ?ev }}""")
    assert got == [("柳州市公安局上线“警民通”平台，群众注册用户达1.3万名。",)]


def test_structural_relations_keep_their_article(graph):
    got = rows(graph, f"""SELECT ?a ?i WHERE {{ ?as rdf:subject <{NANHU}> ; rdf:predicate gov:partOf ;
        prov:wasDerivedFrom ?a . OPTIONAL {{ ?as gov:sentenceIndex ?i }} }}""")
    assert got == [(article_iri(A1), None)]


def test_no_blank_nodes_and_deterministic(corpus):
    first = corpus_to_graph(corpus)
    assert not any(isinstance(t, BNode) for triple in first for t in triple)
    corpus.relations.reverse()
    corpus.statistics.reverse()
    second = corpus_to_graph(corpus)
    assert set(first) == set(second)


def test_named_graph_per_article(dataset, graph):
    assert set(union_graph(dataset)) == set(graph)
    names = {g.identifier for g in dataset.graphs() if g.identifier != dataset.default_graph.identifier}
    assert names == {URIRef(article_iri(A1)), URIRef(article_iri(A2))}
    got = rows(dataset, """SELECT ?file WHERE {
        GRAPH ?a { ?p gov:implementedIn ?place } ?place rdfs:label "柳州市"@zh .
        ?p rdfs:label "红船枫警"@zh . ?a gov:sourceFile ?file }""")
    assert got == [("101_bbbbbbbbbbbbbbbb.txt",)]
    a1 = dataset.graph(URIRef(article_iri(A1)))
    memberships = set(a1.subjects(RDF.type, GOV.Membership))
    assert len(memberships) == 2
    for m in memberships:
        assert set(a1.objects(m, PROV.wasDerivedFrom)) == {URIRef(article_iri(A1))}


def test_dataset_from_graph_is_the_same(dataset, graph):
    from kg.graph import graph_to_dataset
    again = graph_to_dataset(graph)
    assert sorted(again.quads()) == sorted(dataset.quads())
    assert len(dataset.default_graph) == len(graph)
