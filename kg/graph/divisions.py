"""Places roll up: every place's lineage from the gazetteer, as a division scheme.

An article that names 包头市 rarely says it lies in 内蒙古自治区, and a division no
article names is no entity of the graph. So each gov:Place carries `gov:within`
links to the divisions it is or lies in, province, city and county (those that
exist at or above its level), which are `skos:Concept`s of one scheme:

    <id/place/150204> a gov:Place ; rdfs:label "青山区"@zh ;
        gov:within <id/division/150000> , <id/division/150200> , <id/division/150204> .
    <id/division/150200> a skos:Concept ; skos:inScheme <id/divisions> ;
        skos:prefLabel "包头市"@zh ; skos:altLabel "包头"@zh ; skos:notation "150200" ;
        gov:divisionLevel "city" ; skos:broader <id/division/150000> .

A query then counts everything inside a province or city by name, whichever
level the text named: `?p gov:within/skos:prefLabel "内蒙古自治区"@zh`.

The functions over a built `kg.graph.Graph` (`inside`, `containers`, …) are what
the analyses, `kg stats` and the explorer use to roll facts up.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from kg.gazetteer import Division, gazetteer
from kg.terms import DIVISION_SCHEME, GOV, RDF, RDFS, SKOS
from kg.vocab import division_iri

if TYPE_CHECKING:
    from kg.graph.graph import Graph

__all__ = ["LEVELS", "lineage", "is_division", "division_node", "own_places", "find_divisions",
           "containers", "adopters", "inside", "place_name", "place_level"]

LEVELS = ("province", "city", "county")
# Rows of the gazetteer that group counties but are no division (湖北省's 省直辖行政区划)
_PSEUDO = ("直辖",)


def lineage(attrs: dict) -> list[Division]:
    """The coded divisions a place (its entity attributes: `division` id or `adcode`)
    is or lies in, province first; [] when the gazetteer does not know it."""
    gaz = gazetteer()
    key = attrs.get("division") or attrs.get("adcode")
    if not key:
        return []
    try:
        chain = [gaz.get(key)] if key in gaz.divisions else []
        chain += gaz.ancestors(key)
    except KeyError:
        return []
    coded = [d for d in chain if d.level in LEVELS and d.adcode
             and not any(word in d.name for word in _PSEUDO)]
    return coded[::-1]


# ------------------------------------------------------------------ over a built graph

def is_division(graph: Graph, node) -> bool:
    return (node, SKOS.inScheme, DIVISION_SCHEME) in graph


def division_node(graph: Graph, place) -> str | None:
    """The division concept a coded place is (the one with its code), else None."""
    code = graph.value(place, GOV.adcode)
    node = division_iri(code) if code is not None else None
    return node if node is not None and is_division(graph, node) else None


def own_places(graph: Graph) -> dict[str, str]:
    """Division concept -> the place of the graph that is that division."""
    out = {}
    for place in sorted(graph.subjects(RDF.type, GOV.Place)):
        division = division_node(graph, place)
        if division is not None:
            out.setdefault(division, place)
    return out


def find_divisions(graph: Graph, name: str) -> set[str]:
    """The division concepts whose name or short form is `name` (as `find_entities` folds it)."""
    from kg.graph.summary import normalise
    wanted = normalise(name)
    return {node for prop in (SKOS.prefLabel, SKOS.altLabel)
            for node, label in graph.subject_objects(prop)
            if normalise(str(label)) == wanted and is_division(graph, node)}


def containers(graph: Graph, place, own: dict | None = None) -> set:
    """`place`, the places the text says it is part of, and the divisions of its lineage;
    a division the graph has a place for is given as that place (`own`: `own_places`)."""
    own = own_places(graph) if own is None else own
    above = set(graph.transitive_objects(place, GOV.partOf))
    lineage_ = {d for p in above for d in graph.objects(p, GOV.within)}
    return above | {own.get(d, d) for d in lineage_}


def adopters(graph: Graph, places, own: dict | None = None) -> set:
    """Of `places` (that run one programme, say), those no other of them lies in: a
    place and a division inside it are one adopter, the inner one."""
    own = own_places(graph) if own is None else own
    places = set(places)
    outer = {up for p in places for up in containers(graph, p, own) - {p}}
    return places - outer


def inside(graph: Graph, node) -> set:
    """The places that are `node` or lie in it (`node`: a gov:Place or a division concept):
    through the gazetteer's lineage, and through gov:partOf as the text states it."""
    division = node if is_division(graph, node) else division_node(graph, node)
    roots = set() if division == node else {node}
    if division is not None:
        roots |= set(graph.subjects(GOV.within, division))
    return {p for root in roots for p in graph.transitive_subjects(GOV.partOf, root)}


def place_name(graph: Graph, node) -> str:
    """A place's rdfs:label or a division's skos:prefLabel."""
    names = sorted(str(n) for n in graph.objects(node, RDFS.label)) or sorted(
        str(n) for n in graph.objects(node, SKOS.prefLabel))
    return names[0] if names else ""


def place_level(graph: Graph, node) -> str:
    """A place's gov:adminLevel or a division's gov:divisionLevel."""
    value = graph.value(node, GOV.adminLevel) or graph.value(node, GOV.divisionLevel)
    return "" if value is None else str(value)
