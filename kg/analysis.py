"""Analyses: plain functions over a built graph that answer what users ask.

    >>> from kg import KnowledgeGraph
    >>> from kg.analysis import programmes_by_place, officials, where_said
    >>> kg = KnowledgeGraph.build(["data/corpus"])
    >>> [r["programme_label"] for r in programmes_by_place(kg, "徐州市", include_parts=True)][:3]
    ['七色管理', '侨居码', '六融八联']
    >>> officials(kg, "徐州市公安局")[0]["person_label"], officials(kg, "徐州市公安局")[0]["role"]
    ('王巧全', '局长')

Every function takes the built graph (a `kg.graph.Graph`, a `KnowledgeGraph`, whose
`.graph` is used, or an rdflib Graph, read into one) and walks it with the ontology's
terms, like `kg.graph.tables` and `kg.graph.summary` do. The networkx view is not
used: it has no statistics and keeps one sentence per edge.

An entity argument is an IRI or a name; a name is matched as `KnowledgeGraph.find`
matches it (label or any alias; when none is equal, the names that contain it),
so it may stand for several entities. An unknown name gives no rows.

Rows are dicts sorted by their labels then IRIs: for each entity `x` in a row,
`x` is its IRI and `x_label` its canonical name. `include_parts=True` rolls facts
up the hierarchy: a programme run in a district is also run in its city and
province (the gazetteer's lineage, `gov:within`, whether or not the text names
them, and `gov:partOf` as the text states it), a post in a police station is also
a post in the bureau it belongs to (`gov:subOrganizationOf`); `via` then lists what
the text named. A province, city or county no article names is a division concept
of the graph (`kg.graph.divisions`): it can be asked for by name and appears in
rows by its IRI and name.
"""
from __future__ import annotations

from collections.abc import Iterable

from kg.graph.divisions import adopters, containers, find_divisions, inside, own_places, \
    place_level, place_name
from kg.graph.graph import Graph, as_graph, plain
from kg.graph.summary import find_entities
from kg.graph.tables import label, relation_rows, statistic_rows
from kg.vocab import DCTERMS, GOV, RDF, RELATION_PREDICATES

__all__ = ["programmes_by_place", "shared_programmes", "agencies_of_programme",
           "officials", "statistics_about", "where_said"]

_PREDICATE_NAMES = {str(p): name for name, p in RELATION_PREDICATES.items()}


# ------------------------------------------------------------------ helpers

def _graph(g) -> Graph:
    """The Graph of `g` (`kg.graph.graph.as_graph`)."""
    return as_graph(g)


def _nodes(graph: Graph, ref, type: str | None = None) -> set[str]:
    """The entities `ref` names: itself if an IRI, else those `find_entities` matches,
    and for places the divisions of that name (as the graph's place that is one, if any)."""
    if not isinstance(ref, str) or hasattr(ref, "n3") or ref.startswith(("http://", "https://")):
        return {plain(ref)}
    found = {row["iri"] for row in find_entities(graph, ref, type)}
    if type in (None, "Place"):
        own = own_places(graph)
        found |= {own.get(d, d) for d in find_divisions(graph, ref)}
    return found


def _text(value) -> str:
    return "" if value is None else str(value)


def _up(graph: Graph, node, prop, include_parts: bool) -> Iterable:
    """`node`, and with `include_parts` everything it is (transitively) part of by `prop`."""
    return graph.transitive_objects(node, prop) if include_parts else (node,)


def _labels(graph: Graph, nodes) -> list[str]:
    return sorted({label(graph, n) for n in nodes})


# ------------------------------------------------------------------ programmes

def programmes_by_place(g, place=None, *, programme=None, include_parts: bool = False,
                        level: str | None = None) -> list[dict]:
    """Which places run which programmes (`gov:implementedIn`): one row per
    (place, programme) with `place`, `place_label`, `admin_level`, `programme`,
    `programme_label` and `via` (the labels of the places the text names).

    `place` / `programme` keep the rows of those (IRI or name). With
    `include_parts=True` a programme run in a division also counts for every
    place above it (县 -> 市 -> 省). `level` ("province", "city", "county",
    "town", "village") keeps the places of that level: `level="city",
    include_parts=True` is programmes by city, as `queries/programmes-by-city.rq`."""
    graph = _graph(g)
    places = None if place is None else _nodes(graph, place, "Place")
    programmes = None if programme is None else _nodes(graph, programme, "Programme")
    own = own_places(graph)
    named: dict[tuple, set] = {}
    for prog, where in graph.subject_objects(GOV.implementedIn):
        if programmes is not None and prog not in programmes:
            continue
        for up in containers(graph, where, own) if include_parts else (where,):
            named.setdefault((up, prog), set()).add(where)
    rows = []
    for (where, prog), via in named.items():
        admin_level = place_level(graph, where)
        if (places is not None and where not in places) or (level and admin_level != level):
            continue
        rows.append({"place": str(where), "place_label": place_name(graph, where),
                     "admin_level": admin_level, "programme": str(prog),
                     "programme_label": label(graph, prog), "via": _labels(graph, via)})
    return sorted(rows, key=lambda r: (r["place_label"], r["place"], r["programme_label"],
                                       r["programme"]))


def shared_programmes(g, min_places: int = 2, *, level: str | None = None) -> list[dict]:
    """Programmes run in `min_places` places or more: `programme`, `programme_label`,
    `places` (their labels), `place_iris` (in the same order) and `count`; most
    places first.

    Without `level` the places are those the text names, but a place and a division
    inside it that both run the programme (徐州市 and its 铜山区) are one adopter, the
    inner one (as `queries/shared-programmes.rq`). With `level="city"` each place is
    rolled up to the city it lies in (places under no city drop out): programmes
    shared by several cities."""
    graph = _graph(g)
    rows = programmes_by_place(graph, include_parts=level is not None, level=level)
    grouped: dict[str, dict] = {}
    for row in rows:
        entry = grouped.setdefault(row["programme"], {
            "programme": row["programme"], "programme_label": row["programme_label"],
            "places": [], "place_iris": []})
        entry["places"].append(row["place_label"])       # rows are sorted by place
        entry["place_iris"].append(row["place"])
    if level is None:
        own = own_places(graph)
        for entry in grouped.values():
            _drop_containers(graph, entry, own)
    shared = [{**entry, "count": len(entry["places"])} for entry in grouped.values()
              if len(entry["places"]) >= min_places]
    return sorted(shared, key=lambda r: (-r["count"], r["programme_label"], r["programme"]))


def _drop_containers(graph: Graph, entry: dict, own: dict) -> None:
    """Keep only the places of `entry` that no other of its places lies in."""
    keep = adopters(graph, entry["place_iris"], own)
    pairs_ = [(p, i) for p, i in zip(entry["places"], entry["place_iris"]) if i in keep]
    entry["places"] = [p for p, _ in pairs_]
    entry["place_iris"] = [i for _, i in pairs_]


def agencies_of_programme(g, programme=None, *, agency=None) -> list[dict]:
    """Which agencies run, launched or lead a programme (`gov:implementedBy`): one
    row per (programme, agency) with `programme`, `programme_label`, `agency`,
    `agency_label`. `programme` / `agency` keep the rows of those (IRI or name),
    so `agencies_of_programme(g, agency="徐州市公安局")` lists an agency's programmes."""
    graph = _graph(g)
    programmes = None if programme is None else _nodes(graph, programme, "Programme")
    agencies = None if agency is None else _nodes(graph, agency, "Agency")
    rows = [{"programme": str(prog), "programme_label": label(graph, prog),
             "agency": str(body), "agency_label": label(graph, body)}
            for prog, body in set(graph.subject_objects(GOV.implementedBy))
            if (programmes is None or prog in programmes)
            and (agencies is None or body in agencies)]
    return sorted(rows, key=lambda r: (r["programme_label"], r["programme"], r["agency_label"],
                                       r["agency"]))


# ------------------------------------------------------------------ people

def officials(g, agency=None, *, include_parts: bool = False) -> list[dict]:
    """The people holding posts (`gov:Membership`) in an agency, or in every agency:
    one row per (agency, person, role) with `agency`, `agency_label`, `person`,
    `person_label`, `role` ('' when the text gives none) and `via` (the labels of
    the organisations the post is in). With `include_parts=True` posts in an
    agency's sub-organisations (branches, stations, its Party committee) count too."""
    graph = _graph(g)
    agencies = None if agency is None else _nodes(graph, agency, "Agency")
    posts: dict[tuple, set] = {}
    for membership in graph.subjects(RDF.type, GOV.Membership):
        person = graph.value(membership, GOV.member)
        organization = graph.value(membership, GOV.organization)
        if person is None or organization is None:
            continue
        role = _text(graph.value(membership, GOV.role))
        for up in _up(graph, organization, GOV.subOrganizationOf, include_parts):
            if agencies is None or up in agencies:
                posts.setdefault((up, person, role), set()).add(organization)
    rows = [{"agency": str(body), "agency_label": label(graph, body), "person": str(person),
             "person_label": label(graph, person), "role": role, "via": _labels(graph, via)}
            for (body, person, role), via in posts.items()]
    return sorted(rows, key=lambda r: (r["agency_label"], r["agency"], r["person_label"],
                                       r["person"], r["role"]))


# ------------------------------------------------------------------ figures and sources

def _inside(graph: Graph, node) -> set:
    """`node`, the places inside it (`kg.graph.divisions.inside`), the agencies (and
    their units) located in any of those, the programmes run in any of those, and
    `node`'s own units."""
    places = inside(graph, node) | {node}
    bodies = {node} | {a for p in places for a in graph.subjects(GOV.locatedIn, p)}
    units = {u for b in bodies for u in graph.transitive_subjects(GOV.subOrganizationOf, b)}
    programmes = {prog for p in places for prog in graph.subjects(GOV.implementedIn, p)}
    return places | units | programmes


def statistics_about(g, entity, *, include_parts: bool = False) -> list[dict]:
    """The statistics reported about an entity (IRI or name; usually a place), each
    with value, unit, measure, qualifiers, its evidence sentence, article, source
    file and line (the rows of `KnowledgeGraph.statistics`).

    With `include_parts=True` also those about what lies inside it: divisions, the
    agencies located there and their units, the programmes run there (for an
    agency: its units), as `queries/statistics-about-place.rq`; `about_label` says
    which entity each figure measures."""
    graph = _graph(g)
    about = set()
    for node in _nodes(graph, entity):
        about |= _inside(graph, node) if include_parts else {node}
    rows = statistic_rows(graph, about={str(node) for node in about})
    return sorted(rows, key=lambda r: (r["about_label"], r["about"], r["source_file"],
                                       int(r["sentence_index"] or 0), r["measure"], r["iri"]))


def where_said(g, subject=None, predicate=None, obj=None) -> list[dict]:
    """Where a relation was said: one row per sentence stating an edge, with
    `subject`, `subject_label`, `predicate` (its name, e.g. "implementedIn"),
    `object`, `object_label`, `role`, `article`, `title`, `source_file`,
    `sentence_index`, `source_line` and `evidence` (the sentence).

    `subject` / `obj` keep the edges between those entities (IRI or name);
    `predicate` is a name ("implementedIn") or the term (`GOV.implementedIn`)."""
    graph = _graph(g)
    subjects = None if subject is None else {str(n) for n in _nodes(graph, subject)}
    objects = None if obj is None else {str(n) for n in _nodes(graph, obj)}
    name = _PREDICATE_NAMES.get(plain(predicate), predicate) if predicate is not None else None
    rows = [{**row, "title": _text(graph.value(row["article"], DCTERMS.title))
             if row["article"] else ""}
            for row in relation_rows(graph)
            if (subjects is None or row["subject"] in subjects)
            and (objects is None or row["object"] in objects)
            and (name is None or row["predicate"] == name)]
    return sorted(rows, key=lambda r: (
        r["subject_label"], r["subject"], r["predicate"], r["object_label"], r["object"],
        r["role"], r["source_file"], int(r["sentence_index"] or 0), r["evidence"]))
