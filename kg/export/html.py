"""The interactive explorer: one self-contained, offline `graph.html`.

Two steps, each a plain function:

    explorer_data(dataset)  -> dict   nodes, edges and side-panel details
    render_page(data)       -> str    the HTML page, vis-network inlined

The graph is read through `kg.graph.Graph`, whose terms are plain strings (no
rdflib term is made). The page carries each article title and each evidence
sentence once, and its nodes, edges and details as short numbered arrays
(`page_payload`) that its script expands. vis-network is the build the pyvis
package ships (under `pyvis/templates/lib`, licence header kept), inlined with
the page's own script and style from `kg/html/`. Nothing is fetched from a
CDN: the page makes no network request.

Every string from the graph reaches the browser only as JSON inside a
`<script type="application/json">` block with `<`, `>` and `&` escaped, and
the page's script writes it with `textContent`, so a label such as
`<script>` shows as text.
"""
from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from kg.export import exporter
from kg.export.limits import DEFAULT_MAX_NODES, PAGE_NODES
from kg.graph.graph import Graph, as_graph
from kg.namespaces import ID
from kg.terms import DCTERMS, GOV, PROV, RDF, RDFS, SKOS

VIS_VERSION = "9.1.2"
# The page's template, script and style (package data of `kg`).
# Starting layout: distance between rings of the radial tree, room per node on a ring.
RING_STEP = 140
NODE_SPACING = 36
ASPECT = 2.6
ASSETS = Path(__file__).resolve().parent.parent / "html"
# Fonts that cover CJK on Linux, macOS and Windows, then the system's own.
FONT_STACK = ('"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Hiragino Sans GB",'
              '"Microsoft YaHei","WenQuanYi Micro Hei",system-ui,sans-serif')


@dataclass(frozen=True)
class NodeStyle:
    key: str
    cls: str | None
    name: str          # shown in the legend and the filters
    color: str
    shape: str


# Colour-blind-safe Tableau 10 colours, one shape per type so the legend
# still reads in greyscale.
STYLES: tuple[NodeStyle, ...] = (
    NodeStyle("place", GOV.Place, "地点 Place", "#4e79a7", "dot"),
    NodeStyle("agency", GOV.Agency, "机构 Agency", "#f28e2b", "square"),
    NodeStyle("programme", GOV.Programme, "项目 Programme", "#59a14f", "diamond"),
    NodeStyle("person", GOV.Person, "人物 Person", "#b07aa1", "triangle"),
    NodeStyle("document", GOV.PolicyDocument, "文件 Document", "#e15759", "star"),
    NodeStyle("statistic", GOV.Statistic, "统计 Statistic", "#76b7b2", "triangleDown"),
)

# The contract's relations, with the words the panel and the hover labels use.
RELATIONS: tuple[tuple[str, str], ...] = (
    (GOV.partOf, "属于 part of"),
    (GOV.locatedIn, "位于 located in"),
    (GOV.subOrganizationOf, "隶属 sub-organisation of"),
    (GOV.implementedBy, "实施单位 implemented by"),
    (GOV.implementedIn, "实施地 implemented in"),
    (GOV.issuedBy, "发布单位 issued by"),
)
MEMBER_OF = "任职 member of"
# Node types listed in their entity's panel and drawn only when the user asks.
FOLDED = ("statistic",)
# How many of the best-connected nodes carry a label big enough to read at the overview.
HUBS = 40
# The prefix of govkg's IRIs, written once in the page.
ID_BASE = str(ID)
# The one node standing for every person named only in a byline.
REPORTERS = "group:reporters"
ABOUT = "统计 measures"

# What the page reads of the graph: these predicates, looked up by subject,
# and rdf:type and gov:mentions also by object.


# ---------------------------------------------------------------- extraction

def _number(value: str) -> str:
    """`2904.0` -> `2904`; anything unparsable is kept as it is."""
    try:
        number = Decimal(value)
    except (InvalidOperation, ValueError):
        return value
    text = format(number.normalize(), "f") if number == number.to_integral() else format(number, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _statistic_label(measure: str, value: str, unit: str) -> str:
    return f"{measure} {_number(value)}{unit}".strip()


def _article_title(graph: Graph, article: str) -> str:
    """An article as the page lists it: `2024-05-15 headline` when its date is known, so
    that a list of articles sorts by date."""
    title = graph.first(article, DCTERMS.title) or graph.first(article, GOV.sourceFile) or article
    day = graph.first(article, DCTERMS.date)
    return f"{day} {title}" if day else title


class _Evidence:
    """Articles and evidence sentences, each listed once: the page refers to them by
    number (`articles`: titles; `evidence`: [sentence, article number])."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.titles = {a: _article_title(graph, a) for a in graph.subjects(RDF.type, GOV.Article)}
        self.articles = sorted(set(self.titles.values()))
        self._article_no = {t: i for i, t in enumerate(self.articles)}
        self.evidence: list[list] = []
        self._evidence_no: dict[tuple, int] = {}
        self._sentences, self._sources = graph.index(GOV.evidence), graph.index(PROV.wasDerivedFrom)

    def article(self, article: str) -> int:
        title = self.titles.get(article, article)
        if title not in self._article_no:
            self._article_no[title] = len(self.articles)
            self.articles.append(title)
        return self._article_no[title]

    def cite(self, node: str) -> list[int]:
        """The evidence numbers of a node carrying gov:evidence or prov:wasDerivedFrom."""
        found = []
        texts = sorted(self._sentences.get(node, ())) or [""]
        for article in sorted(self._sources.get(node, ())) or [None]:
            at = -1 if article is None else self.article(article)
            for text in texts:
                if text or at >= 0:
                    key = (text, at)
                    if key not in self._evidence_no:
                        self._evidence_no[key] = len(self.evidence)
                        self.evidence.append([text, at])
                    found.append(self._evidence_no[key])
        return sorted(set(found))


def _relation_evidence(graph: Graph, ev: _Evidence) -> dict[tuple, list[int]]:
    """Per-edge provenance, if the graph records it: the nodes naming the triple they
    support (RDF reification: rdf:subject, rdf:predicate, rdf:object) with their
    sentence (gov:evidence) or article (prov:wasDerivedFrom)."""
    found: dict[tuple, set] = defaultdict(set)
    predicates, objects = graph.index(RDF.predicate), graph.index(RDF.object)
    for node, s in graph.subject_objects(RDF.subject):
        cited = ev.cite(node)
        for p in predicates.get(node, ()):
            for o in objects.get(node, ()):
                found[(s, p, o)].update(cited)
    return {key: sorted(values) for key, values in found.items()}


def _types(graph: Graph) -> dict[str, str]:
    types: dict[str, str] = {}
    for style in STYLES:
        for subject in graph.subjects(RDF.type, style.cls):
            types.setdefault(subject, style.key)
    return types


def _reporters(graph: Graph, types: dict, ev: _Evidence) -> dict[str, set[int]]:
    """People named only in bylines (no post), with the articles they wrote: the page
    shows them as one group."""
    posted = {p for _, p in graph.subject_objects(GOV.member)}
    wrote: dict[str, set[int]] = defaultdict(set)
    for article in graph.subjects(RDF.type, GOV.Article):
        for person in graph.objects(article, DCTERMS.creator):
            if types.get(person) == "person" and person not in posted:
                wrote[person].add(ev.article(article))
    return wrote


def _details(graph: Graph, types: dict, ev: _Evidence) -> dict[str, dict]:
    details: dict[str, dict] = {}
    # each predicate's table once, not a lookup per node (this runs over every node)
    label, measure, value, unit, alias, level, adcode = (graph.index(p) for p in (
        RDFS.label, GOV.measure, GOV.value, GOV.unit, SKOS.altLabel, GOV.adminLevel, GOV.adcode))
    mentioned = graph.reverse_index(GOV.mentions)
    for term, kind in types.items():
        name = _least(label, term)
        if kind == "statistic":
            name = _statistic_label(_least(measure, term), _least(value, term),
                                    _least(unit, term)) or name
        details[term] = {
            "label": name or term.rsplit("/", 1)[-1],
            "aliases": sorted(set(alias.get(term, ())) - {name}),
            "type": kind, "iri": term,
            "adminLevel": _least(level, term),
            "adcode": _least(adcode, term),
            "articles": sorted({ev.article(a) for a in mentioned.get(term, ())}),
            "relations": [], "statistics": [],
        }
    return details


def _least(index: dict[str, list[str]], subject: str) -> str:
    """`Graph.first` over a predicate's table: the least value, "" when there is none."""
    return min(index.get(subject, ()), default="")


def _group_reporters(details: dict, reporters: dict[str, set[int]]) -> None:
    """One node for all byline-only people, listing them, instead of one dot each."""
    if not reporters:
        return
    members = sorted(reporters, key=lambda p: (details[p]["label"], p))
    articles = sorted({a for p in members for a in details[p]["articles"] + sorted(reporters[p])})
    names = [details[p]["label"] for p in members]
    for p in members:
        del details[p]
    details[REPORTERS] = {"label": f"记者 Reporters ({len(members)})", "aliases": [], "type": "person",
                          "iri": "", "adminLevel": "", "adcode": "", "articles": articles,
                          "relations": [], "statistics": [], "members": names}


def explorer_data(dataset, max_nodes: int = DEFAULT_MAX_NODES,
                  focus: str | None = None, page_nodes: int = 0) -> dict:
    """Everything the page shows, as plain JSON-ready data, from `dataset`
    (anything `kg.graph.graph.as_graph` takes).

    `nodes` and `edges` cover the whole graph, or, when `page_nodes` is set
    and the graph has more nodes, only its `page_nodes` best-connected nodes
    (see `best_connected`) and the edges between them; then `omitted` says
    how many nodes the graph has and how many the page shows. Statistics are
    nodes too but also listed in the panel of what they measure, and the page
    draws them only when asked; people named only in bylines are one node
    (`REPORTERS`). `articles` and `evidence` list each title and each sentence
    once; details refer to them by number. `initial` lists the node ids the
    page starts with (all but statistics unless there are more than
    `max_nodes` or `focus` names a node). Raises `LookupError` when `focus`
    matches no node.
    """
    graph, omitted = _page_index(dataset, page_nodes)
    ev = _Evidence(graph)
    types = _types(graph)
    details = _details(graph, types, ev)
    reporters = _reporters(graph, types, ev)
    edges = _edges(graph, details, _relation_evidence(graph, ev), ev)
    _group_reporters(details, reporters)
    for detail in details.values():
        detail["relations"].sort(key=lambda r: (r["dir"], r["name"], details[r["node"]]["label"], r["node"]))
        detail["statistics"].sort(key=lambda s: (s["measure"], s["value"], s["node"]))
    degree: dict[str, int] = defaultdict(int)
    for edge in edges:
        degree[edge["from"]] += 1
        degree[edge["to"]] += 1
    regions = _regions(graph, types, details)
    nodes = []
    for nid in sorted(details):
        detail = details[nid]
        detail["degree"] = degree[nid]
        nodes.append({"id": nid, "label": detail["label"], "type": detail["type"],
                      "value": 1 + degree[nid] + len(detail["articles"]),
                      "regions": regions.get(nid, [])})
    for index, edge in enumerate(edges):
        edge["id"] = f"e{index}"
    data = {
        "nodes": nodes, "edges": edges, "details": details,
        "articles": ev.articles, "evidence": ev.evidence,
        "regions": _region_choices(graph, details, regions),
        "types": [{"key": s.key, "name": s.name, "color": s.color, "shape": s.shape} for s in STYLES],
        "folded": list(FOLDED),
        "initial": _initial_view(nodes, edges, details, max_nodes, focus),
        "focus": _find(nodes, details, focus) if focus else None,
        "maxNodes": max_nodes,
    }
    if omitted is not None:
        data["omitted"] = omitted
    return data


def _edges(graph: Graph, details: dict, evidence: dict, ev: _Evidence) -> list[dict]:
    """The edges between nodes, each also listed in both ends' panels with its evidence."""
    edges: list[dict] = []

    def relate(source: str, target: str, name: str, found: list[int], extra: dict | None = None) -> None:
        if source not in details or target not in details:
            return
        edges.append({"from": source, "to": target, "label": name})
        details[source]["relations"].append({"dir": "out", "name": name, "node": target,
                                             "evidence": found, **(extra or {})})
        details[target]["relations"].append({"dir": "in", "name": name, "node": source,
                                             "evidence": found, **(extra or {})})

    for predicate, name in RELATIONS:
        for s, o in graph.subject_objects(predicate):
            relate(s, o, name, evidence.get((s, predicate, o), []))
    roles, members, organizations = (graph.index(p) for p in (GOV.role, GOV.member, GOV.organization))
    for membership in graph.subjects(RDF.type, GOV.Membership):
        role = _least(roles, membership)
        for person in members.get(membership, ()):
            for agency in organizations.get(membership, ()):
                relate(person, agency, f"{MEMBER_OF}: {role}" if role else MEMBER_OF,
                       evidence.get((person, GOV.holdsPost, agency), []), {"role": role})
    measures, values, units, sources, abouts = (graph.index(p) for p in (
        GOV.measure, GOV.value, GOV.unit, PROV.wasDerivedFrom, GOV.about))
    for stat in graph.subjects(RDF.type, GOV.Statistic):
        entry = {"node": stat, "measure": _least(measures, stat),
                 "value": _number(_least(values, stat)), "unit": _least(units, stat),
                 "evidence": ev.cite(stat)}
        details[stat]["articles"] = sorted(set(details[stat]["articles"])
                                           | {ev.article(a) for a in sources.get(stat, ())})
        for about in sorted(abouts.get(stat, ())):
            if about in details:
                details[about]["statistics"].append(entry)
                relate(stat, about, ABOUT, entry["evidence"])
    return _unique_sorted(edges)


def _page_index(dataset, page_nodes: int) -> tuple[Graph, dict | None]:
    """The graph the page is made from: the whole graph, or, when it has more than
    `page_nodes` nodes, what its best-connected ones need; and then
    {"total": nodes in the graph, "shown": nodes in the page}."""
    graph = as_graph(dataset)
    if page_nodes and page_nodes > 0:
        picked = best_connected(graph.quads, page_nodes)
        if picked is not None:
            where, total = picked
            return graph.subgraph(where), {"total": total, "shown": page_nodes}
    return graph, None


def best_connected(quads, limit: int):
    """When the graph (GraphQuads) has more than `limit` nodes (entities and
    statistics, what the page draws), the triples the page needs to show its
    `limit` best-connected ones: a boolean array over `quads.default_rows()`,
    and the number of nodes in the graph. None when the graph is small enough.

    A node's connectivity is the number of triples linking it to another node
    or to an article (relations, memberships, statistics, mentions), ties broken
    by IRI; what the page keeps of the others: articles (for their titles), the
    assertion and membership nodes between two kept nodes, and for every kept
    node its own triples and the mentions of it. Worked out on the term indexes
    with numpy, so the whole graph is never indexed in Python."""
    import numpy as np

    from kg.graph.quads import iri
    rows = quads.default_rows()
    s, p, o = rows[:, 1], rows[:, 2], rows[:, 3]
    n = len(quads.terms)

    def rank(term) -> int:            # `n`, which no term has, when the graph does not use it
        found = quads.rank(iri(str(term)))
        return n if found is None else found

    def ranks(*terms) -> np.ndarray:
        return np.asarray([rank(t) for t in terms], dtype=np.uint32)

    typed = (p == rank(RDF.type)) & np.isin(o, ranks(*(style.cls for style in STYLES)))
    node = np.zeros(n, dtype=bool)
    node[s[typed]] = True
    total = int(node.sum())
    if total <= limit:
        return None
    linking = np.isin(p, ranks(*(pred for pred, _ in RELATIONS), GOV.about, GOV.member,
                               GOV.organization, GOV.mentions))
    score = np.bincount(s[linking], minlength=n) + np.bincount(o[linking], minlength=n)
    candidates = np.flatnonzero(node)
    best = candidates[np.lexsort((candidates, -score[candidates].astype(np.int64)))[:limit]]
    kept = np.zeros(n, dtype=bool)
    kept[best] = True
    holder = kept.copy()            # subjects whose triples the page reads
    holder[s[(p == rank(RDF.type)) & (o == rank(GOV.Article))]] = True
    holder[o[(p == rank(GOV.within)) & kept[s]]] = True      # the divisions, for the filter
    for one, other in ((RDF.subject, RDF.object), (GOV.member, GOV.organization)):
        # the assertions and memberships linking two kept nodes
        both = np.intersect1d(s[(p == rank(one)) & kept[o]], s[(p == rank(other)) & kept[o]])
        holder[both] = True
    where = holder[s] & ((p != rank(GOV.mentions)) | kept[o])
    return where, total


def _unique_sorted(edges: list[dict]) -> list[dict]:
    seen = {(e["from"], e["to"], e["label"]): e for e in edges}
    return [seen[key] for key in sorted(seen)]


def _containers(graph: Graph, place: str, own: dict, cache: dict) -> list[str]:
    """The place, every place above it on the gov:partOf chain, and the divisions of
    their lineage (gov:within), a division given as the graph's place that is it."""
    if place in cache:
        return cache[place]
    cache[place] = [place]          # guards against partOf cycles
    chain, seen, current = [place], {place}, place
    while True:
        parents = sorted(p for p in graph.objects(current, GOV.partOf) if p not in seen)
        if not parents:
            break
        current = parents[0]
        chain.append(current)
        seen.add(current)
    divisions = {own.get(d, d) for p in chain for d in graph.objects(p, GOV.within)}
    cache[place] = chain + sorted(divisions - seen)
    return cache[place]


def _own_places(graph: Graph, details: dict) -> dict:
    """Division concept -> the place node that is that division (same code)."""
    by_code = {d["adcode"]: nid for nid, d in details.items() if d["type"] == "place" and d["adcode"]}
    return {division: by_code[code] for division, code in graph.subject_objects(SKOS.notation)
            if code in by_code}


def _regions(graph: Graph, types: dict, details: dict) -> dict[str, list[str]]:
    """For every node, the ids of the places and divisions it lies in (provinces and
    cities no article names included, from the gazetteer's lineage)."""
    cache: dict = {}
    own = _own_places(graph, details)

    def around(place: str) -> set[str]:
        return {p for p in _containers(graph, place, own, cache)
                if types.get(p) == "place" or p not in types}

    regions: dict[str, set[str]] = defaultdict(set)
    for term, kind in types.items():
        if kind == "place":
            regions[term] |= around(term)
    for agency, place in graph.subject_objects(GOV.locatedIn):
        regions[agency] |= around(place)
    for prog, place in graph.subject_objects(GOV.implementedIn):
        regions[prog] |= around(place)
    # second-hand: programmes through their agencies, documents, people, statistics
    for prog, agency in graph.subject_objects(GOV.implementedBy):
        if not regions[prog]:
            regions[prog] |= regions[agency]
    for doc, agency in graph.subject_objects(GOV.issuedBy):
        regions[doc] |= regions[agency]
    members, organizations = graph.index(GOV.member), graph.index(GOV.organization)
    for membership in graph.subjects(RDF.type, GOV.Membership):
        for person in members.get(membership, ()):
            for agency in organizations.get(membership, ()):
                regions[person] |= regions[agency]
    for stat, about in graph.subject_objects(GOV.about):
        regions[stat] |= regions[about]
    return {t: sorted(r) for t, r in regions.items() if r and t in details}


def _region_choices(graph: Graph, details: dict, regions: dict) -> list[dict]:
    """The provinces the places lie in, each with its cities, for the filter: places
    of the graph or divisions no article names."""
    def about(rid: str) -> tuple[str, str, str]:        # (level, code, label)
        if rid in details:
            d = details[rid]
            return d["adminLevel"], d["adcode"], d["label"]
        return (graph.first(rid, GOV.divisionLevel) or "", graph.first(rid, SKOS.notation) or "",
                graph.first(rid, SKOS.prefLabel) or "")

    cities: dict[str, set[str]] = defaultdict(set)
    for nid, ids in regions.items():
        if details[nid]["type"] != "place":
            continue
        levels = {rid: about(rid)[0] for rid in ids}
        for province in (r for r, level in levels.items() if level == "province"):
            cities[province] |= {r for r, level in levels.items() if level == "city"}

    def order(rid: str) -> tuple:
        _, code, label = about(rid)
        return code or "~", label, rid
    return [{"id": p, "label": about(p)[2],
             "cities": [{"id": c, "label": about(c)[2]} for c in sorted(cities[p], key=order)]}
            for p in sorted(cities, key=order)]


def _find(nodes: list[dict], details: dict, name: str) -> str:
    """The id of the node called `name`: exact label or alias first, then a substring;
    among several, the best connected."""
    exact = [n for n in nodes if name == n["label"] or name in details[n["id"]]["aliases"]]
    partial = [n for n in nodes if name in n["label"] or any(name in a for a in details[n["id"]]["aliases"])]
    for found in (exact, partial):
        if found:
            return min(found, key=lambda n: (-n["value"], n["label"], n["id"]))["id"]
    raise LookupError(f"no node named {name!r}")


def _initial_view(nodes: list[dict], edges: list[dict], details: dict,
                  max_nodes: int, focus: str | None) -> list[str]:
    """The node ids the page starts with: never a folded statistic, unless it is the focus."""
    drawn = {n["id"] for n in nodes if n["type"] not in FOLDED}
    if not focus and len(drawn) <= max_nodes:
        return sorted(drawn)
    neighbours: dict[str, set[str]] = defaultdict(set)
    for edge in edges:
        if edge["from"] in drawn and edge["to"] in drawn:
            neighbours[edge["from"]].add(edge["to"])
            neighbours[edge["to"]].add(edge["from"])
    rank = {n["id"]: (-details[n["id"]]["degree"], n["label"], n["id"]) for n in nodes}
    if focus:
        seeds = [_find(nodes, details, focus)]
    else:
        hubs = sorted((n["id"] for n in nodes if n["type"] in ("programme", "place")), key=rank.__getitem__)
        seeds = hubs[:max(1, max_nodes // 2)] or sorted(drawn, key=rank.__getitem__)[:1]
    chosen = list(dict.fromkeys(seeds))[:max_nodes]
    frontier = chosen
    picked = set(chosen)
    while frontier and len(chosen) < max_nodes:
        layer = sorted({m for n in frontier for m in neighbours[n]} - picked, key=rank.__getitem__)
        layer = layer[:max_nodes - len(chosen)]
        chosen.extend(layer)
        picked.update(layer)
        frontier = layer
    return sorted(chosen)


# ---------------------------------------------------------------- rendering

def _asset(*parts: str) -> str:
    return ASSETS.joinpath(*parts).read_text(encoding="utf-8")


def _vis_asset(name: str) -> str:
    """A file of the vis-network build the pyvis package ships, read without importing
    pyvis (its import pulls in jinja2 and IPython)."""
    from importlib.util import find_spec
    spec = find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pyvis is not installed: it ships the vis-network library")
    root = Path(next(iter(spec.submodule_search_locations)))
    return (root / "templates" / "lib" / f"vis-{VIS_VERSION}" / name).read_text(encoding="utf-8")


def _escape_script(text: str) -> str:
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def script_json(value: object) -> str:
    """JSON safe to place inside a <script> element: no `<`, `>` or `&` survive."""
    return _escape_script(_json(value))


_SLICE = 1024       # list items written with one json.dumps


def _json_pieces(value: object, depth: int = 2):
    """`_json(value)` in pieces (dicts and lists opened `depth` levels deep), so a
    big payload is never one string; joined, the pieces are `_json(value)` exactly."""
    if depth and isinstance(value, dict) and value:
        yield "{"
        for i, key in enumerate(sorted(value)):
            yield ("," if i else "") + _json(key) + ":"
            yield from _json_pieces(value[key], depth - 1)
        yield "}"
    elif depth == 1 and isinstance(value, list) and value:
        # the items a slice at a time: a list's JSON is its items' joined by ","
        yield "["
        for start in range(0, len(value), _SLICE):
            yield ("," if start else "") + _json(value[start:start + _SLICE])[1:-1]
        yield "]"
    elif depth and isinstance(value, list) and value:
        yield "["
        for i, item in enumerate(value):
            if i:
                yield ","
            yield from _json_pieces(item, depth - 1)
        yield "]"
    else:
        yield _json(value)


def radial_layout(ids: list[str], edges: list[dict], rank: dict[str, tuple]) -> dict[str, tuple[int, int]]:
    """Starting positions, so the browser only has to polish the layout.

    Each connected component becomes a radial tree grown breadth-first from
    its best-ranked node: children share their parent's angular sector in
    proportion to their subtree sizes, one ring per depth, each ring wide
    enough for its nodes. Components are packed in rows, largest first.
    Linear in the size of the graph and deterministic.
    """
    adjacent = _adjacency(ids, edges, rank)
    placed: set[str] = set()
    discs: list[tuple[float, dict[str, tuple[float, float]]]] = []
    for root in sorted(ids, key=rank.__getitem__):
        if root not in placed:
            disc = _radial_tree(root, adjacent)
            placed.update(disc[1])
            discs.append(disc)
    return _pack(discs)


def _adjacency(ids: list[str], edges: list[dict], rank: dict[str, tuple]) -> dict[str, list[str]]:
    """Each node's neighbours among `ids` (not itself), best-ranked first."""
    members = set(ids)
    adjacent: dict[str, list[str]] = {i: [] for i in ids}
    for edge in edges:
        a, b = edge["from"], edge["to"]
        if a in members and b in members and a != b:
            adjacent[a].append(b)
            adjacent[b].append(a)
    return {i: sorted(set(adjacent[i]), key=rank.__getitem__) for i in ids}


def _radial_tree(root: str, adjacent: dict[str, list[str]]
                 ) -> tuple[float, dict[str, tuple[float, float]]]:
    """The component of `root` laid out around it: (the disc's radius, each node's
    offset from its centre)."""
    order, parent, depth = [root], {root: None}, {root: 0}
    for node in order:                          # breadth-first, growing `order`
        for other in adjacent[node]:
            if other not in parent:
                parent[other], depth[other] = node, depth[node] + 1
                order.append(other)
    children: dict[str, list[str]] = defaultdict(list)
    for node in order[1:]:
        children[parent[node]].append(node)
    size = {node: 1 for node in order}
    for node in reversed(order[1:]):
        size[parent[node]] += size[node]
    per_ring: dict[int, int] = defaultdict(int)
    for node in order:
        per_ring[depth[node]] += 1
    radius = [0.0]
    for d in range(1, max(per_ring) + 1):
        radius.append(max(radius[-1] + RING_STEP, per_ring[d] * NODE_SPACING / (2 * math.pi)))
    sector = {root: (0.0, 2 * math.pi)}
    local = {}
    for node in order:
        start, width = sector[node]
        angle = start + width / 2
        local[node] = (radius[depth[node]] * math.cos(angle), radius[depth[node]] * math.sin(angle))
        kids = children[node]
        total = sum(size[k] for k in kids)
        for kid in kids:
            share = width * size[kid] / total
            sector[kid] = (start, share)
            start += share
    return radius[-1] + NODE_SPACING, local


def _pack(discs: list[tuple[float, dict[str, tuple[float, float]]]]) -> dict[str, tuple[int, int]]:
    """The discs packed in rows, into a box shaped like a landscape screen."""
    width = math.sqrt(ASPECT * sum((2 * r) ** 2 for r, _ in discs)) or 1.0
    positions: dict[str, tuple[int, int]] = {}
    x = y = row_height = 0.0
    for r, local in discs:
        if x > 0 and x + 2 * r > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        cx, cy = x + r, y + r
        for node, (dx, dy) in local.items():
            positions[node] = (round(cx + dx), round(cy + dy))
        x += 2 * r
        row_height = max(row_height, 2 * r)
    return positions


def page_payload(data: dict) -> dict:
    """`data` as the page carries it: nodes numbered, every record a short array that
    the page's script expands (`unpack` in `kg/html/explorer.js` spells them out), the
    relation names listed once, each edge once with its evidence (the panels of both
    ends are made from it), a statistic in its entity's panel by number only, IRIs
    without the common prefix, and the drawn nodes with their starting positions."""
    number = {n["id"]: i for i, n in enumerate(data["nodes"])}
    kinds = {style.key: i for i, style in enumerate(STYLES)}
    names = sorted({e["label"] for e in data["edges"]})
    name_no = {name: i for i, name in enumerate(names)}
    # a province or city of the filter is a node, or a division no article names: those
    # are numbered after the nodes
    wanted = {r["id"] for r in data["regions"]} | {
        c["id"] for r in data["regions"] for c in r["cities"]}
    region_no = {**number, **{rid: len(number) + i
                              for i, rid in enumerate(sorted(wanted - number.keys()))}}
    choices = {region_no[rid] for rid in wanted}
    rank = {n["id"]: (-n["value"], n["label"], n["id"]) for n in data["nodes"]}
    position = radial_layout(data["initial"], data["edges"], rank)
    nodes = [[n["label"], kinds[n["type"]], n["value"],
              [region_no[r] for r in n["regions"] if region_no.get(r) in choices],
              *position.get(n["id"], ())]
             for n in data["nodes"]]
    said = {}                 # (from, to, name) -> (evidence, role), from the `out` side
    details = []
    for n in data["nodes"]:
        d = data["details"][n["id"]]
        for r in d["relations"]:
            if r["dir"] == "out":
                said[(n["id"], r["node"], r["name"])] = (r["evidence"], r.get("role", ""))
        iri = d["iri"][len(ID_BASE):] if d["iri"].startswith(ID_BASE) else d["iri"]
        details.append([d["aliases"], iri, d["adminLevel"], d["adcode"], d["articles"],
                        [number[st["node"]] for st in d["statistics"]], d["degree"], d.get("members", [])])
    edges = [[number[e["from"]], number[e["to"]], name_no[e["label"]],
              *said.get((e["from"], e["to"], e["label"]), ([], ""))] for e in data["edges"]]
    regions = [{"id": region_no[r["id"]], "label": r["label"],
                "cities": [{"id": region_no[c["id"]], "label": c["label"]} for c in r["cities"]]}
               for r in data["regions"]]
    return {**data, "nodes": nodes, "edges": edges, "details": details, "names": names,
            "regions": regions, "base": ID_BASE, "initial": [number[i] for i in data["initial"]],
            "focus": number[data["focus"]] if data.get("focus") else None,
            "hubs": [number[i] for i in hubs(data)], "options": vis_options(len(data["initial"]))}


def hubs(data: dict) -> list[str]:
    """The best-connected places, programmes and agencies drawn at first: the page
    keeps their labels readable at any zoom, so the overview names its hubs."""
    initial = set(data["initial"])
    ranked = sorted((n for n in data["nodes"] if n["id"] in initial
                     and n["type"] in ("place", "programme", "agency")),
                    key=lambda n: (-data["details"][n["id"]]["degree"], n["label"], n["id"]))
    return [n["id"] for n in ranked[:HUBS]]


def stabilization_iterations(node_count: int) -> int:
    """Physics iterations before the page stops it: many for small graphs, where they
    are cheap, few for big ones, whose starting layout is already sound (an
    iteration costs about 40 ms at 2,000 nodes in headless Chromium: 15 of them
    keep the 100x corpus's page ready in under 3 s)."""
    return max(10, min(400, 30_000 // max(node_count, 1)))


def vis_options(node_count: int) -> dict:
    """vis-network options: physics that settles, then stops (the page turns it off)."""
    big = node_count > 1000
    return {
        "autoResize": True,
        # every node starts at a computed position; the seed only serves nodes added later
        "layout": {"randomSeed": 7, "improvedLayout": False},
        "physics": {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -6000 if big else -4000, "centralGravity": 0.35,
                          "springLength": 110, "springConstant": 0.05, "damping": 0.35,
                          "avoidOverlap": 0.1, "theta": 0.8 if big else 0.5},
            "minVelocity": 2 if big else 0.75,
            "maxVelocity": 60,
            "stabilization": {"enabled": True, "iterations": stabilization_iterations(node_count),
                              "updateInterval": 25, "fit": True},
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": big,
                        "hideEdgesOnZoom": big, "navigationButtons": False, "keyboard": False},
        "nodes": {"scaling": {"min": 8, "max": 40, "label": {"enabled": False, "drawThreshold": 9}},
                  "font": {"face": FONT_STACK, "size": 14, "color": "#222"},
                  "borderWidth": 1},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "color": {"color": "#b5b5b5", "highlight": "#444", "hover": "#444"},
                  "font": {"face": FONT_STACK, "size": 11, "align": "middle", "strokeWidth": 3},
                  "smooth": False, "width": 1, "selectionWidth": 2},
    }



_SLOT = re.compile(r"/\*\{\{(\w+)\}\}\*/|\{\{(\w+)\}\}")


def write_page(data: dict, stream, title: str = "govkg explorer") -> None:
    """The page, to a text stream, with vis-network, the script, the style and the
    data inlined; the data is written piece by piece, never held as one string."""
    payload = page_payload(data)
    slots = {
        "title": lambda: [_escape_html(title)],
        "vis_css": lambda: [_vis_asset("vis-network.css")],
        "explorer_css": lambda: [_asset("explorer.css")],
        "vis_js": lambda: [_vis_asset("vis-network.min.js")],
        "explorer_js": lambda: [_asset("explorer.js")],
        "data": lambda: map(_escape_script, _json_pieces(payload)),
    }
    # one pass over the template, so nothing substituted is ever scanned for slots again
    template, at = _asset("explorer.html"), 0
    if data.get("omitted"):
        template = template.replace("</header>\n", "</header>\n" + page_note(data["omitted"]) + "\n", 1)
    for match in _SLOT.finditer(template):
        stream.write(template[at:match.start()])
        buffered: list[str] = []
        for piece in slots[match.group(1) or match.group(2)]():
            buffered.append(piece)
            if len(buffered) >= 4096:
                stream.write("".join(buffered))
                buffered.clear()
        stream.write("".join(buffered))
        at = match.end()
    stream.write(template[at:])


def page_note(omitted: dict) -> str:
    """The line under the toolbar of a page that left nodes out: how many, and how
    to get a page with all of them."""
    total, shown = omitted["total"], omitted["shown"]
    text = (f"此页只含连接最多的 {shown:,} 个节点，另有 {total - shown:,} 个未列出。"
            f" This page holds the {shown:,} best-connected of the graph's {total:,} nodes"
            f" ({total - shown:,} left out). For a page with every node (very large): "
            f"kg html OUTDIR --page-nodes 0 -o all.html; for another size: --page-nodes N; "
            f"the whole graph answers kg query.")
    return ('<p id="page-note" role="note" style="margin:0;padding:5px 12px;font-size:13px;'
            'background:#fff8e1;border-bottom:1px solid #d9dde3">' + _escape_html(text) + "</p>")


def render_page(data: dict, title: str = "govkg explorer") -> str:
    """The page as one HTML string (see `write_page`)."""
    import io
    page = io.StringIO()
    write_page(data, page, title)
    return page.getvalue()


def _escape_html(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#39;"))


def write_html(dataset, path: Path, max_nodes: int = DEFAULT_MAX_NODES,
               focus: str | None = None, title: str = "govkg explorer",
               page_nodes: int = 0) -> dict:
    """Write the page of `dataset` to `path`; returns its data (`explorer_data`)."""
    data = explorer_data(dataset, max_nodes=max_nodes, focus=focus, page_nodes=page_nodes)
    with open(path, "w", encoding="utf-8") as stream:
        write_page(data, stream, title=title)
    return data


@exporter("html", "graph.html", "Interactive explorer, one offline HTML page")
def export_html(dataset, path: Path) -> None:
    """At most PAGE_NODES nodes, the best connected, when the graph has more."""
    write_html(dataset, path, page_nodes=PAGE_NODES)

