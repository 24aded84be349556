"""Turn a resolved `Corpus` into RDF, following ../shared/eval/CONTRACT.md.

The graph has no blank nodes: every node has an IRI minted in `kg.vocab`, so
building the same corpus twice gives the same triples.

Provenance (see `ontology/govkg.ttl`, section "Provenance"):

* every relation is a plain triple `?s gov:<predicate> ?o`, so simple queries
  stay simple;
* every time an article states it, one `gov:Assertion` node records the edge
  (`rdf:subject`, `rdf:predicate`, `rdf:object`), the sentence
  (`gov:evidence`, `gov:sentenceIndex`, `gov:sourceLine`) and the article
  (`prov:wasDerivedFrom`);
* `corpus_to_dataset` also puts what each article says into a named graph
  whose name is the article's IRI (see `kg.graph.dataset`), for TriG users.
"""
from __future__ import annotations

from decimal import Decimal

from rdflib import Dataset, Graph, Literal, URIRef

from kg.model import Article, Corpus, Entity, Relation, Statistic
from kg.vocab import (DCTERMS, GOV, PROV, RDF, RDFS, SKOS, XSD, article_iri,
                      assertion_iri, entity_class, membership_iri,
                      relation_predicate, statistic_iri)

__all__ = ["corpus_to_graph", "corpus_to_dataset", "decimal_literal", "bind_prefixes"]

ZH = "zh"
PREFIXES = {"gov": GOV, "rdf": RDF, "rdfs": RDFS, "skos": SKOS, "dcterms": DCTERMS,
            "prov": PROV, "xsd": XSD}
# Entity attributes written as properties of the node, with their datatype.
_PLACE_ATTRS = {"level": GOV.adminLevel, "adcode": GOV.adcode}


def bind_prefixes(graph: Graph) -> Graph:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def decimal_literal(value: Decimal | int | float | str) -> Literal:
    """An xsd:decimal in its canonical form (`3900000.0`, `21.2`, never `3.9E+6`).

    The canonical form always has a decimal point: it is what Turtle writes
    back, so the literal survives a round trip unchanged."""
    text = format(Decimal(str(value)).normalize(), "f")
    if text.startswith("-") and text.strip("-0.") == "":
        text = "0"
    if "." not in text:
        text += ".0"
    return Literal(text, datatype=XSD.decimal)


def _zh(text: str) -> Literal:
    return Literal(text, lang=ZH)


class _Builder:
    """Accumulates triples for one corpus; `graph` is the union of everything."""

    def __init__(self, corpus: Corpus):
        self.corpus = corpus
        self.graph = bind_prefixes(Graph())
        self.articles: dict[str, Article] = {a.id: a for a in corpus.articles}
        self.add = self.graph.add

    # ------------------------------------------------------------ nodes

    def entity(self, entity: Entity) -> None:
        node = URIRef(entity.iri)
        type_name = getattr(entity.type, "value", entity.type)
        self.add((node, RDF.type, entity_class(type_name)))
        self.add((node, RDFS.label, _zh(entity.label)))
        for alias in sorted(set(entity.aliases) - {entity.label}):
            if alias:
                self.add((node, SKOS.altLabel, _zh(alias)))
        if type_name == "Place":
            for key, prop in _PLACE_ATTRS.items():
                value = entity.attrs.get(key)
                if value not in (None, ""):
                    self.add((node, prop, Literal(str(value))))

    def article(self, article: Article) -> None:
        node = URIRef(article_iri(article.id))
        self.add((node, RDF.type, GOV.Article))
        if article.title:
            self.add((node, DCTERMS.title, _zh(article.title)))
        self.add((node, GOV.sourceFile, Literal(article.source)))
        self.add((node, GOV.articleIndex, Literal(article.index)))
        for value, prop in ((article.subtitle, GOV.subtitle), (article.kicker, GOV.kicker),
                            (article.dateline, GOV.dateline), (article.date, GOV.dateText)):
            if value:
                self.add((node, prop, _zh(value)))
        for person in self.corpus.reporters.get(article.id, []):
            self.add((node, DCTERMS.creator, URIRef(person)))

    def mentions(self) -> None:
        for entity in self.corpus.entities.values():
            for article_id in entity.articles:
                self.add((URIRef(article_iri(article_id)), GOV.mentions, URIRef(entity.iri)))

    # ------------------------------------------------------------ evidence

    def _sentence(self, article_id: str, index: int):
        article = self.articles.get(article_id)
        if article is None or index < 0:
            return None
        for sentence in article.sentences:
            if sentence.index == index:
                return sentence
        return None

    def _evidence(self, node: URIRef, article_id: str, index: int, text: str) -> None:
        """Attach article, sentence text, sentence index and source line to `node`."""
        if article_id:
            self.add((node, PROV.wasDerivedFrom, URIRef(article_iri(article_id))))
        sentence = self._sentence(article_id, index)
        text = text or (sentence.text if sentence else "")
        if text:
            self.add((node, GOV.evidence, _zh(text)))
        if index >= 0:
            self.add((node, GOV.sentenceIndex, Literal(index)))
        if sentence is not None and sentence.line:
            self.add((node, GOV.sourceLine, Literal(sentence.line)))

    # ------------------------------------------------------------ edges

    def relation(self, rel: Relation) -> None:
        s, o = URIRef(rel.subject), URIRef(rel.object)
        p = relation_predicate(rel.predicate)
        self.add((s, p, o))
        node = URIRef(assertion_iri(rel.subject, rel.predicate, rel.object,
                                    rel.article, rel.sentence, rel.role))
        self.add((node, RDF.type, GOV.Assertion))
        self.add((node, RDF.subject, s))
        self.add((node, RDF.predicate, p))
        self.add((node, RDF.object, o))
        self._evidence(node, rel.article, rel.sentence, rel.evidence)
        if rel.predicate == "holdsPost":
            membership = URIRef(membership_iri(rel.subject, rel.object, rel.role))
            self.add((membership, RDF.type, GOV.Membership))
            self.add((membership, GOV.member, s))
            self.add((membership, GOV.organization, o))
            if rel.role:
                self.add((membership, GOV.role, _zh(rel.role)))
            if rel.article:
                self.add((membership, PROV.wasDerivedFrom, URIRef(article_iri(rel.article))))
            self.add((node, GOV.membership, membership))
            if rel.role:
                self.add((node, GOV.role, _zh(rel.role)))

    def statistic(self, stat: Statistic) -> None:
        value = decimal_literal(stat.value)
        node = URIRef(statistic_iri(stat.article, stat.sentence, stat.about, str(value),
                                    stat.unit, stat.measure, stat.surface))
        self.add((node, RDF.type, GOV.Statistic))
        self.add((node, GOV.about, URIRef(stat.about)))
        self.add((node, GOV.value, value))
        if stat.unit:
            self.add((node, GOV.unit, Literal(stat.unit)))
        if stat.measure:
            self.add((node, GOV.measure, Literal(stat.measure)))
        for text, prop in ((stat.qualifier, GOV.qualifier), (stat.direction, GOV.direction),
                           (stat.period, GOV.period), (stat.surface, GOV.surface)):
            if text:
                self.add((node, prop, Literal(text)))
        self._evidence(node, stat.article, stat.sentence, stat.evidence)

    # ------------------------------------------------------------ all

    def build(self) -> Graph:
        for iri in sorted(self.corpus.entities):
            self.entity(self.corpus.entities[iri])
        for article in sorted(self.corpus.articles, key=lambda a: (a.source, a.index)):
            self.article(article)
        self.mentions()
        for rel in self.corpus.relations:
            self.relation(rel)
        for stat in self.corpus.statistics:
            self.statistic(stat)
        return self.graph


def corpus_to_graph(corpus: Corpus) -> Graph:
    """Every triple of the corpus in one rdflib Graph (what `graph.ttl` holds)."""
    return _Builder(corpus).build()


def corpus_to_dataset(corpus: Corpus) -> Dataset:
    """The corpus as a Dataset: everything in the default graph, plus one named
    graph per article (named by the article's IRI) holding what that article says."""
    from kg.graph.dataset import graph_to_dataset
    return graph_to_dataset(corpus_to_graph(corpus))

