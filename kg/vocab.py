"""Vocabulary as code: the ontology's namespaces and the IRIs govkg mints.

Every IRI string of the graph comes from here; the terms are checked against
`ontology/govkg.ttl` by the tests.
"""
from __future__ import annotations

import hashlib
import re
from urllib.parse import quote

from rdflib import Namespace
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

GOV = Namespace("https://w3id.org/govkg/ontology#")
ID = Namespace("https://w3id.org/govkg/id/")

__all__ = ["GOV", "ID", "DCTERMS", "PROV", "RDF", "RDFS", "SKOS", "XSD",
           "entity_iri", "article_iri", "digest_iri"]

# Characters kept as they are in minted IRIs: Chinese names stay readable,
# anything that would break Turtle or SPARQL syntax is percent-encoded.
# ASCII characters that Turtle, SPARQL or URL paths would misread; everything else,
# Chinese included, stays as it is (IRIs are Unicode), so IRIs read like the names.
_UNSAFE = re.compile(r"""[\x00-\x20<>"{}|\\^`#?%&+,;=\[\]'@!$*]""")


def _segment(text: str) -> str:
    return _UNSAFE.sub(lambda m: quote(m.group(), safe=""), text)


def entity_iri(kind: str, key: str) -> str:
    """The stable IRI of an entity: `kind` is place/agency/programme/person/document."""
    return str(ID[f"{kind}/{_segment(key)}"])


def article_iri(article_id: str) -> str:
    source, _, index = article_id.partition("#")
    return str(ID[f"article/{_segment(source)}/{index}"])


def digest_iri(kind: str, *parts: str) -> str:
    """A stable IRI for a node named by its content (statistics, memberships, evidence)."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
    return str(ID[f"{kind}/{digest}"])


# --------------------------------------------------------------------------
# Additions for the graph stage (kg/graph): node kinds and helpers.

ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
QB = Namespace("http://purl.org/linked-data/cube#")

__all__ += ["ORG", "SCHEMA", "QB", "ENTITY_CLASSES", "ENTITY_KINDS", "entity_class",
            "membership_iri", "statistic_iri", "assertion_iri", "relation_predicate",
            "RELATION_PREDICATES"]

# EntityType value (the class's local name) -> the ontology class.
ENTITY_CLASSES = {
    "Place": GOV.Place,
    "Agency": GOV.Agency,
    "Programme": GOV.Programme,
    "Person": GOV.Person,
    "PolicyDocument": GOV.PolicyDocument,
}

# EntityType value -> the `kind` segment entity_iri() uses.
ENTITY_KINDS = {
    "Place": "place",
    "Agency": "agency",
    "Programme": "programme",
    "Person": "person",
    "PolicyDocument": "document",
}

# Relation.predicate values that become plain triples `?s gov:<p> ?o`.
# holdsPost additionally becomes a gov:Membership node.
RELATION_PREDICATES = {
    "partOf": GOV.partOf,
    "locatedIn": GOV.locatedIn,
    "subOrganizationOf": GOV.subOrganizationOf,
    "implementedBy": GOV.implementedBy,
    "implementedIn": GOV.implementedIn,
    "issuedBy": GOV.issuedBy,
    "holdsPost": GOV.holdsPost,
}


def entity_class(type_name: str):
    """The ontology class of an entity type given as its name (`"Place"`) or EntityType."""
    return ENTITY_CLASSES[getattr(type_name, "value", type_name)]


def relation_predicate(name: str):
    """The ontology property of a Relation.predicate value; KeyError when unknown."""
    return RELATION_PREDICATES[name]


def membership_iri(person: str, organization: str, role: str) -> str:
    """One gov:Membership per (person, organization, role), whichever article said it."""
    return digest_iri("membership", person, organization, role)


def statistic_iri(article: str, sentence: int, about: str, value: str, unit: str,
                  measure: str, surface: str = "") -> str:
    return digest_iri("statistic", article, str(sentence), about, value, unit, measure, surface)


def assertion_iri(subject: str, predicate: str, obj: str, article: str, sentence: int,
                  role: str = "") -> str:
    """The evidence node of one edge as one sentence of one article states it."""
    return digest_iri("assertion", subject, predicate, obj, article, str(sentence), role)


# --------------------------------------------------------------------------
# The division scheme: the GB/T 2260 divisions (province, city, county) the
# graph's places are or lie in, as skos:Concepts, whether or not a text names them.

DIVISION_SCHEME = ID["divisions"]
__all__ += ["DIVISION_SCHEME", "division_iri"]


def division_iri(adcode: str) -> str:
    """The skos:Concept of the division with this GB/T 2260 code."""
    return str(ID[f"division/{adcode}"])
