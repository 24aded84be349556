"""The vocabulary as plain strings: `GOV.Programme` is "https://w3id.org/govkg/ontology#Programme".

`kg.vocab` has the same namespaces as rdflib objects, for code that hands terms to rdflib.
The graph stage, the exports and the lookups over `kg.graph.Graph` use these instead: they
need no rdflib (whose import costs a tenth of a second of every `kg build`), and a term
read here is a plain attribute, not a new URIRef checked on every read.
"""
from __future__ import annotations

from kg import namespaces
from kg.namespaces import Terms
from kg.vocab import EntityType, Predicate

__all__ = ["GOV", "ID", "GEO", "DCTERMS", "PROV", "RDF", "RDFS", "SKOS", "XSD",
           "ENTITY_CLASSES", "RELATION_PREDICATES", "DIVISION_SCHEME"]

GOV, ID, GEO, DCTERMS, PROV, RDF, RDFS, SKOS, XSD = (Terms(base) for base in (
    namespaces.GOV, namespaces.ID, namespaces.GEO, namespaces.DCTERMS, namespaces.PROV,
    namespaces.RDF, namespaces.RDFS, namespaces.SKOS, namespaces.XSD))

# what kg.vocab's tables of the same names hold, as strings
ENTITY_CLASSES = {t.value: namespaces.GOV + t.value for t in EntityType}
RELATION_PREDICATES = {p.value: namespaces.GOV + p.value for p in Predicate}
DIVISION_SCHEME = namespaces.ID + "divisions"
