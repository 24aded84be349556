"""Vocabulary as code: the ontology's namespaces and the IRIs govkg mints.

Every IRI string of the graph comes from here; the terms are checked against
`ontology/govkg.ttl` by the tests.
"""
from __future__ import annotations

import hashlib
import re
from enum import Enum
from urllib.parse import quote

from kg import namespaces

# The rdflib namespaces (GOV, ID, GEO, … below: `kg.vocab.GOV.Programme` is a URIRef) and
# the tables of their terms are made on first use (see `__getattr__` at the end): importing
# rdflib costs a tenth of a second that extraction, which needs only the enums and the
# IRI strings, never pays. GEO is W3C Basic Geo: a place's WGS84 point (geo:lat, geo:long).

__all__ = ["GOV", "ID", "GEO", "DCTERMS", "PROV", "RDF", "RDFS", "SKOS", "XSD",
           "EntityType", "Level", "LEVEL_OF_WORD", "Predicate", "entity_iri", "article_iri", "digest_iri",
           "url_iri"]


class EntityType(str, Enum):
    """The kinds of node the extractor makes; the value is the ontology class's local name."""

    PLACE = "Place"
    AGENCY = "Agency"
    PROGRAMME = "Programme"
    PERSON = "Person"
    DOCUMENT = "PolicyDocument"

    @property
    def term(self):
        return _lazy("GOV")[self.value]

    @property
    def iri_kind(self) -> str:
        """The path segment of the entity's IRI (`…/id/place/…`)."""
        return "document" if self is EntityType.DOCUMENT else self.value.lower()


class Level(str, Enum):
    """Administrative levels of China's divisions (`gov:adminLevel`), highest first."""

    PROVINCE = "province"
    CITY = "city"
    COUNTY = "county"
    TOWN = "town"
    VILLAGE = "village"

    @property
    def rank(self) -> int:
        return list(Level).index(self)


# The level a level word names (县公安局, 全县, 该镇, 自治区公安厅): one table for the
# recognisers and resolution. Plain strings, as spans and the graph carry levels.
LEVEL_OF_WORD: dict[str, str] = {
    "省": Level.PROVINCE.value, "自治区": Level.PROVINCE.value,
    "市": Level.CITY.value, "州": Level.CITY.value, "盟": Level.CITY.value, "自治州": Level.CITY.value,
    "县": Level.COUNTY.value, "区": Level.COUNTY.value, "旗": Level.COUNTY.value,
    "自治县": Level.COUNTY.value,
    "镇": Level.TOWN.value, "乡": Level.TOWN.value, "街道": Level.TOWN.value,
}


class Predicate(str, Enum):
    """The relations between entities; the value is the ontology property's local name."""

    PART_OF = "partOf"
    LOCATED_IN = "locatedIn"
    SUB_ORGANIZATION_OF = "subOrganizationOf"
    IMPLEMENTED_BY = "implementedBy"
    IMPLEMENTED_IN = "implementedIn"
    ISSUED_BY = "issuedBy"
    HOLDS_POST = "holdsPost"

    @property
    def term(self):
        return _lazy("GOV")[self.value]

# Characters kept as they are in minted IRIs: Chinese names stay readable,
# anything that would break Turtle or SPARQL syntax is percent-encoded.
# ASCII characters that Turtle, SPARQL or URL paths would misread; everything else,
# Chinese included, stays as it is (IRIs are Unicode), so IRIs read like the names.
# Beyond ASCII, the characters RFC 3987 keeps out of IRIs (controls, surrogates, private
# use, non-characters: what is not `ucschar`) are percent-encoded too, so any name, a file
# name with a DEL or a private-use character among them, mints an IRI parsers accept.
_OUTSIDE_IRI = ("\x7f-\x9f\ud800-\uf8ff\ufdd0-\ufdef\ufff0-\uffff"
                + "".join(f"{chr(p << 16 | 0xFFFE)}{chr(p << 16 | 0xFFFF)}" for p in range(1, 14))
                + "\U000e0000-\U000e0fff\U000efffe-\U0010ffff")
_UNSAFE = re.compile(r"""[\x00-\x20<>"{}|\\^`#?%&+,;=\[\]'@!$*""" + _OUTSIDE_IRI + "]")


def _segment(text: str) -> str:
    return _UNSAFE.sub(lambda m: quote(m.group(), safe="", errors="surrogatepass"), text)


def entity_iri(kind: str, key: str) -> str:
    """The stable IRI of an entity: `kind` is place/agency/programme/person/document."""
    return f"{namespaces.ID}{kind}/{_segment(key)}"


def article_iri(article_id: str) -> str:
    source, index = (article_id.rsplit("#", 1) + [""])[:2]   # a file name may hold '#' too
    return f"{namespaces.ID}article/{_segment(source)}/{index}"


# What a web address may not hold as an IRI in Turtle and N-Triples (spaces, <>"{}|\^`).
_URL_UNSAFE = re.compile(r"""[\x00-\x20<>"{}|\\^`]""")


def url_iri(url: str) -> str:
    """A web address as an IRI: characters Turtle cannot hold in one are percent-encoded."""
    return _URL_UNSAFE.sub(lambda m: quote(m.group(), safe=""), url.strip())


def digest_iri(kind: str, *parts: str) -> str:
    """A stable IRI for a node named by its content (statistics, memberships, evidence)."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
    return f"{namespaces.ID}{kind}/{digest}"


# --------------------------------------------------------------------------
# Additions for the graph stage (kg/graph): node kinds and helpers.

__all__ += ["ORG", "SCHEMA", "QB", "ENTITY_CLASSES", "ENTITY_KINDS", "entity_class",
            "membership_iri", "statistic_iri", "assertion_iri", "relation_predicate",
            "RELATION_PREDICATES"]

# EntityType value -> the `kind` segment entity_iri() uses.
ENTITY_KINDS = {t.value: t.iri_kind for t in EntityType}


def entity_class(type_name: str):
    """The ontology class of an entity type given as its name (`"Place"`) or EntityType."""
    return _lazy("ENTITY_CLASSES")[getattr(type_name, "value", type_name)]


def relation_predicate(name: str):
    """The ontology property of a Relation.predicate value; KeyError when unknown."""
    return _lazy("RELATION_PREDICATES")[name]


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

__all__ += ["DIVISION_SCHEME", "division_iri"]


def division_iri(adcode: str) -> str:
    """The skos:Concept of the division with this GB/T 2260 code."""
    return f"{namespaces.ID}division/{adcode}"


# --------------------------------------------------------------------------
# The rdflib objects, made on first use.

def _namespace(base: str):
    from rdflib import Namespace
    return Namespace(base)


def _library_namespace(name: str):
    import rdflib.namespace
    return getattr(rdflib.namespace, name)


_MADE_ON_USE = {
    "GOV": lambda: _namespace(namespaces.GOV),
    "ID": lambda: _namespace(namespaces.ID),
    "GEO": lambda: _namespace(namespaces.GEO),
    "ORG": lambda: _namespace(namespaces.ORG),
    "SCHEMA": lambda: _namespace(namespaces.SCHEMA),
    "QB": lambda: _namespace("http://purl.org/linked-data/cube#"),
    **{name: (lambda name=name: _library_namespace(name))
       for name in ("DCTERMS", "PROV", "RDF", "RDFS", "SKOS", "XSD")},
    # EntityType value (the class's local name) -> the ontology class.
    "ENTITY_CLASSES": lambda: {t.value: t.term for t in EntityType},
    # Relation.predicate values that become plain triples `?s gov:<p> ?o`;
    # holdsPost additionally becomes a gov:Membership node.
    "RELATION_PREDICATES": lambda: {p.value: p.term for p in Predicate},
    "DIVISION_SCHEME": lambda: _lazy("ID")["divisions"],
}


def __getattr__(name: str):
    """`kg.vocab.GOV` and the others of `_MADE_ON_USE`: made the first time asked for,
    then module attributes like any other."""
    make = _MADE_ON_USE.get(name)
    if make is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = globals()[name] = make()
    return value


def _lazy(name: str):
    """This module's attribute `name`, made if it is not yet (code inside the module
    does not go through the module's `__getattr__`)."""
    return globals()[name] if name in globals() else __getattr__(name)
