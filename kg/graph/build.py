"""Turn a resolved `Corpus` into RDF, following docs/contract.md.

The graph has no blank nodes: every node has an IRI minted in `kg.vocab`, so
building the same corpus twice gives the same triples.

Provenance (see `ontology/govkg.ttl`, section "Provenance"):

* every relation is a plain triple `?s gov:<predicate> ?o`, so simple queries
  stay simple;
* every time an article states it, one `gov:Assertion` node records the edge
  (`rdf:subject`, `rdf:predicate`, `rdf:object`), the sentence
  (`gov:evidence`, `gov:sentenceIndex`, `gov:sourceLine`, `gov:sourcePage` in a
  PDF) and the article (`prov:wasDerivedFrom`);
* an article carries when and where it was published: `dcterms:date` (xsd:date),
  `dcterms:publisher`, `dcterms:source` (its address), `gov:datelineDate`;
* what each article says also goes into a named graph whose name is the
  article's IRI (see `kg.graph.dataset`), for TriG users.

`corpus_to_quads` writes each quad once, straight into compact `GraphQuads`
(the named graphs are known while building: every relation and statistic
carries its article); `corpus_to_graph` and `corpus_to_dataset` give the same
as rdflib objects, for callers that want them.
"""
from __future__ import annotations

from decimal import Decimal

from kg.gazetteer import Division
from kg.graph.divisions import lineage
from kg.graph.quads import GraphQuads, iri, literal
from kg.model import Article, Corpus, Entity, Relation, Statistic
from kg.terms import (DCTERMS, DIVISION_SCHEME, ENTITY_CLASSES, GEO, GOV, PROV, RDF, RDFS,
                      RELATION_PREDICATES, SKOS, XSD)
from kg.vocab import (article_iri, assertion_iri, division_iri, membership_iri, statistic_iri,
                      url_iri)

__all__ = ["corpus_to_quads", "corpus_to_graph", "corpus_to_dataset", "decimal_text",
           "bind_prefixes"]

ZH = "zh"
PREFIXES = {prefix: str(terms) for prefix, terms in {
    "gov": GOV, "rdf": RDF, "rdfs": RDFS, "skos": SKOS, "dcterms": DCTERMS, "prov": PROV,
    "xsd": XSD, "geo": GEO}.items()}


def bind_prefixes(graph):
    """`graph` (an rdflib Graph) with the govkg prefixes bound."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def decimal_text(value: Decimal | int | float | str) -> str:
    """An xsd:decimal's canonical form (`3900000.0`, `21.2`, never `3.9E+6`).

    The canonical form always has a decimal point: it is what Turtle writes
    back, so the literal survives a round trip unchanged."""
    text = format(Decimal(str(value)).normalize(), "f")
    if text.startswith("-") and text.strip("-0.") == "":
        text = "0"
    if "." not in text:
        text += ".0"
    return text



def _integer(value: int) -> str:
    return literal(str(int(value)), datatype=XSD_INTEGER)


def _zh(text: str) -> str:
    return literal(text, lang=ZH)


XSD_DECIMAL, XSD_INTEGER, XSD_DATE = str(XSD.decimal), str(XSD.integer), str(XSD.date)
# The vocabulary in N-Triples form, once.
_A = iri(str(RDF.type))
_T = {name: iri(str(term)) for name, term in {
    "subject": RDF.subject, "predicate": RDF.predicate, "object": RDF.object,
    "label": RDFS.label, "altLabel": SKOS.altLabel, "title": DCTERMS.title,
    "creator": DCTERMS.creator, "derived": PROV.wasDerivedFrom, "lat": GEO.lat, "long": GEO.long,
    "date": DCTERMS.date, "publisher": DCTERMS.publisher, "source": DCTERMS.source,
    "Concept": SKOS.Concept, "ConceptScheme": SKOS.ConceptScheme, "inScheme": SKOS.inScheme,
    "prefLabel": SKOS.prefLabel, "notation": SKOS.notation, "broader": SKOS.broader,
    **{name: GOV[name] for name in (
        "Article", "Assertion", "Membership", "Statistic", "sourceFile", "articleIndex",
        "subtitle", "kicker", "dateline", "dateText", "mentions", "evidence",
        "sentenceIndex", "sourceLine", "sourcePage", "datelineDate", "membership", "member",
        "organization", "role",
        "about", "value", "unit", "measure", "qualifier", "direction", "period", "surface",
        "adminLevel", "adcode", "coordinatePrecision", "within", "divisionLevel")}}.items()}
# Entity attributes written as properties of the node.
_PLACE_PROPS = {"level": _T["adminLevel"], "adcode": _T["adcode"]}


class _Builder:
    """Emits the quads of one corpus: every triple into the default graph and, for
    what an article states, into that article's named graph too (see
    `kg.graph.dataset` for which triples those are)."""

    def __init__(self, corpus: Corpus):
        self.corpus = corpus
        self.quads = GraphQuads()
        self.add = self.quads.add
        self.articles: dict[str, Article] = {a.id: a for a in corpus.articles}
        # article id -> its node; only these are gov:Article nodes with a named graph
        self.nodes: dict[str, str] = {a.id: iri(article_iri(a.id)) for a in corpus.articles}
        self._sentences: dict[str, dict] = {}
        self.divisions: dict[str, Division] = {}     # adcode -> a division some place is in

    def _graph(self, article_id: str) -> str:
        return self.nodes.get(article_id, "") if article_id else ""

    def _article_node(self, article_id: str) -> str:
        return self.nodes.get(article_id) or iri(article_iri(article_id))

    # ------------------------------------------------------------ nodes

    def entity(self, entity: Entity) -> None:
        add, node = self.add, iri(entity.iri)
        type_name = getattr(entity.type, "value", entity.type)
        add(node, _A, iri(ENTITY_CLASSES[type_name]))
        add(node, _T["label"], _zh(entity.label))
        for alias in sorted(set(entity.aliases) - {entity.label}):
            if alias:
                add(node, _T["altLabel"], _zh(alias))
        if type_name == "Place":
            for key, prop in _PLACE_PROPS.items():
                value = entity.attrs.get(key)
                if value not in (None, ""):
                    add(node, prop, literal(str(value)))
            for division in lineage(entity.attrs):
                add(node, _T["within"], iri(division_iri(division.adcode)))
                self.divisions[division.adcode] = division

    def division_scheme(self) -> None:
        """The divisions the places are or lie in, as concepts of one scheme (see
        `kg.graph.divisions`), each with its parent among them."""
        if not self.divisions:
            return
        add, scheme = self.add, iri(DIVISION_SCHEME)
        add(scheme, _A, _T["ConceptScheme"])
        add(scheme, _T["prefLabel"], _zh("中华人民共和国行政区划（GB/T 2260）"))
        for code in sorted(self.divisions):
            division, node = self.divisions[code], iri(division_iri(code))
            add(node, _A, _T["Concept"])
            add(node, _T["inScheme"], scheme)
            add(node, _T["prefLabel"], _zh(division.name))
            if division.alias and division.alias != division.name:
                add(node, _T["altLabel"], _zh(division.alias))
            add(node, _T["notation"], literal(code))
            add(node, _T["divisionLevel"], literal(division.level))
            parent = self._parent_division(division)
            if parent is not None:
                add(node, _T["broader"], iri(division_iri(parent)))

    def _parent_division(self, division: Division) -> str | None:
        """The code of the nearest division above `division` that the scheme holds."""
        codes = [d.adcode for d in lineage({"adcode": division.adcode})]
        return codes[-2] if len(codes) > 1 else None

    def coordinates(self) -> None:
        """Every place's WGS84 point and whose point it is (see `kg.geo`)."""
        from kg.geo import place_points
        corpus = self.corpus
        places = {e.iri: str(e.attrs.get("adcode") or "") for e in corpus.entities.values()
                  if getattr(e.type, "value", e.type) == "Place"}
        part_of: dict[str, list[str]] = {}
        for rel in corpus.relations:
            if rel.predicate == "partOf":
                part_of.setdefault(rel.subject, []).append(rel.object)
        for place, point in place_points(places, part_of).items():
            node = iri(place)
            self.add(node, _T["lat"], literal(decimal_text(point.lat), datatype=XSD_DECIMAL))
            self.add(node, _T["long"], literal(decimal_text(point.lon), datatype=XSD_DECIMAL))
            self.add(node, _T["coordinatePrecision"], literal(point.precision))

    def article(self, article: Article) -> None:
        node = self.nodes[article.id]

        def add(p: str, o: str) -> None:
            self.add(node, p, o, node)
        add(_A, _T["Article"])
        if article.title:
            add(_T["title"], _zh(article.title))
        add(_T["sourceFile"], literal(article.source))
        add(_T["articleIndex"], _integer(article.index))
        for value, prop in ((article.subtitle, "subtitle"), (article.kicker, "kicker"),
                            (article.dateline, "dateline"), (article.date_text, "dateText")):
            if value:
                add(_T[prop], _zh(value))
        for person in self.corpus.reporters.get(article.id, []):
            add(_T["creator"], iri(person))
        self._origin(article, add)

    @staticmethod
    def _origin(article: Article, add) -> None:
        """When and where the article was published, and the page it starts on."""
        for day, prop in ((article.date, "date"), (article.dateline_date, "datelineDate")):
            if day is not None:
                add(_T[prop], literal(day.isoformat(), datatype=XSD_DATE))
        if article.publisher:
            add(_T["publisher"], literal(article.publisher))
        if article.url:
            add(_T["source"], iri(url_iri(article.url)))
        if article.sentences and article.sentences[0].page:
            add(_T["sourcePage"], _integer(article.sentences[0].page))

    def mentions(self) -> None:
        for entity in self.corpus.entities.values():
            node = iri(entity.iri)
            for article_id in entity.articles:
                subject = self._article_node(article_id)
                self.add(subject, _T["mentions"], node, self._graph(article_id))

    # ------------------------------------------------------------ evidence

    def _sentence(self, article_id: str, index: int):
        article = self.articles.get(article_id)
        if article is None or index < 0:
            return None
        by_index = self._sentences.get(article_id)
        if by_index is None:
            by_index = self._sentences[article_id] = {}
            for sentence in article.sentences:
                by_index.setdefault(sentence.index, sentence)
        return by_index.get(index)

    def _evidence(self, node: str, article_id: str, index: int, text: str, graph: str) -> None:
        """Attach article, sentence text, sentence index and source line to `node`."""
        if article_id:
            self.add(node, _T["derived"], self._article_node(article_id), graph)
        sentence = self._sentence(article_id, index)
        text = text or (sentence.text if sentence else "")
        if text:
            self.add(node, _T["evidence"], _zh(text), graph)
        if index >= 0:
            self.add(node, _T["sentenceIndex"], _integer(index), graph)
        if sentence is not None and sentence.line:
            self.add(node, _T["sourceLine"], _integer(sentence.line), graph)
        if sentence is not None and sentence.page:
            self.add(node, _T["sourcePage"], _integer(sentence.page), graph)

    # ------------------------------------------------------------ edges

    def relation(self, rel: Relation) -> None:
        add, graph = self.add, self._graph(rel.article)
        s, o = iri(rel.subject), iri(rel.object)
        p = iri(RELATION_PREDICATES[rel.predicate])
        add(s, p, o, graph)
        node = iri(assertion_iri(rel.subject, rel.predicate, rel.object,
                                 rel.article, rel.sentence, rel.role))
        add(node, _A, _T["Assertion"], graph)
        add(node, _T["subject"], s, graph)
        add(node, _T["predicate"], p, graph)
        add(node, _T["object"], o, graph)
        self._evidence(node, rel.article, rel.sentence, rel.evidence, graph)
        if rel.predicate == "holdsPost":
            membership = iri(membership_iri(rel.subject, rel.object, rel.role))
            add(membership, _A, _T["Membership"], graph)
            add(membership, _T["member"], s, graph)
            add(membership, _T["organization"], o, graph)
            if rel.role:
                add(membership, _T["role"], _zh(rel.role), graph)
            if rel.article:
                add(membership, _T["derived"], self._article_node(rel.article), graph)
            add(node, _T["membership"], membership, graph)
            if rel.role:
                add(node, _T["role"], _zh(rel.role), graph)

    def statistic(self, stat: Statistic) -> None:
        add, graph = self.add, self._graph(stat.article)
        value = decimal_text(stat.value)
        node = iri(statistic_iri(stat.article, stat.sentence, stat.about, value,
                                 stat.unit, stat.measure, stat.surface))
        add(node, _A, _T["Statistic"], graph)
        add(node, _T["about"], iri(stat.about), graph)
        add(node, _T["value"], literal(value, datatype=XSD_DECIMAL), graph)
        for text, prop in ((stat.unit, "unit"), (stat.measure, "measure"),
                           (stat.qualifier, "qualifier"), (stat.direction, "direction"),
                           (stat.period, "period"), (stat.surface, "surface")):
            if text:
                add(node, _T[prop], literal(text), graph)
        self._evidence(node, stat.article, stat.sentence, stat.evidence, graph)

    # ------------------------------------------------------------ all

    def build(self, consume: bool = False) -> GraphQuads:
        corpus = self.corpus
        for iri_ in sorted(corpus.entities):
            self.entity(corpus.entities[iri_])
        self.coordinates()
        self.division_scheme()
        for article in sorted(corpus.articles, key=lambda a: (a.source, a.index)):
            self.article(article)
        self.mentions()
        if consume:
            corpus.entities.clear()
        for rel in corpus.relations:
            self.relation(rel)
        if consume:
            corpus.relations.clear()
        for stat in corpus.statistics:
            self.statistic(stat)
        self.corpus = self.articles = self._sentences = None
        if consume:
            # Everything is in the quads now: free the corpus before sorting them.
            corpus.statistics.clear()
            corpus.articles.clear()
            corpus.reporters.clear()
        return self.quads.freeze()


def corpus_to_quads(corpus: Corpus, consume: bool = False) -> GraphQuads:
    """The corpus as GraphQuads: every triple in the default graph, and what each
    article states in the named graph of that article (what graph.trig holds).

    With `consume`, the corpus is emptied (its articles, entities, reporters,
    relations and statistics; not its problems) as soon as its quads are made,
    so that its memory is free before the quads are sorted: what `kg build`
    does, which has no use for the corpus afterwards."""
    return _Builder(corpus).build(consume)


def corpus_to_graph(corpus: Corpus):
    """Every triple of the corpus in one rdflib Graph (what `graph.ttl` holds)."""
    return corpus_to_quads(corpus).to_graph()


def corpus_to_dataset(corpus: Corpus):
    """The corpus as a Dataset: everything in the default graph, plus one named
    graph per article (named by the article's IRI) holding what that article says."""
    return corpus_to_quads(corpus).to_dataset()

