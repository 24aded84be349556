"""What the report page shows, as plain JSON-ready data: `report_data(graph)`.

Everything is read from the built graph (`kg.graph.Graph`, or anything
`kg.graph.graph.as_graph` takes) with the ontology's terms:

* a *report* is one statement that a programme, an agency, an official or a
  statistic is at a place: `?prog gov:implementedIn ?place`, or run by an
  agency `gov:locatedIn` it; `?agency gov:locatedIn ?place`; a person's
  gov:Membership in an agency located there; a gov:Statistic `gov:about` the
  place or one of its agencies. Each report carries the evidence the graph
  records for it (the gov:Assertion's sentence, its `gov:sourceLine` and
  article), and the dates (`dcterms:date`) of the articles that state it;
* evidence sentences are listed once (`evidence`), reports refer to them by
  number;
* places carry their point (geo:lat, geo:long), and the codes of the province
  and city they lie in, which key the map's outlines.

Articles without `dcterms:date` give undated reports: they are listed apart,
never given a guessed date.
"""
from __future__ import annotations

from collections import defaultdict

from kg.geo import level_of, place_key
from kg.graph.graph import Graph, as_graph
from kg.vocab import DCTERMS, GEO, GOV, PROV, RDF, RDFS, SKOS

__all__ = ["report_data"]

KINDS = (("programme", GOV.Programme), ("agency", GOV.Agency), ("person", GOV.Person))


def _first(index: Graph, subject, predicate) -> str:
    return min((str(o) for o in index.objects(subject, predicate)), default="")


def _number(text: str) -> str:
    """`2904.0` -> `2904`, `21.20` -> `21.2`."""
    return text.rstrip("0").rstrip(".") if "." in text else text


class _Reader:
    """The graph's index, with numbered evidence and the assertions of each edge."""

    def __init__(self, graph) -> None:
        self.index = as_graph(graph)
        self.evidence: list[dict] = []
        self._evidence_ids: dict[tuple, int] = {}
        self.articles = {a: self._article(a) for a in self.index.subjects(RDF.type, GOV.Article)}
        self.assertions: dict[tuple, list] = defaultdict(list)
        for node, s in self.index.subject_objects(RDF.subject):
            for p in self.index.objects(node, RDF.predicate):
                for o in self.index.objects(node, RDF.object):
                    self.assertions[(str(s), str(p), str(o))].append(node)

    def _article(self, article) -> dict:
        index = self.index
        return {"title": _first(index, article, DCTERMS.title),
                "file": _first(index, article, GOV.sourceFile),
                "date": _first(index, article, DCTERMS.date)[:10]}

    def cite(self, node) -> list[int]:
        """The evidence numbers of a node carrying gov:evidence (an assertion, a statistic)."""
        index, found = self.index, []
        line = _first(index, node, GOV.sourceLine)
        for article in sorted(index.objects(node, PROV.wasDerivedFrom), key=str) or [None]:
            meta = self.articles.get(article, {"title": "", "file": "", "date": ""})
            for text in sorted(str(t) for t in index.objects(node, GOV.evidence)) or [""]:
                key = (text, meta["file"], line, meta["title"])
                number = self._evidence_ids.get(key)
                if number is None:
                    number = self._evidence_ids[key] = len(self.evidence)
                    source = f"{meta['file']}:{line}" if line and meta["file"] else meta["file"]
                    self.evidence.append({"text": text, "source": source, "title": meta["title"],
                                          "date": meta["date"]})
                found.append(number)
        return found

    def said(self, s, p, o) -> list[int]:
        """Evidence numbers of every assertion of the edge (s p o)."""
        return sorted({n for node in self.assertions.get((str(s), str(p), str(o)), ())
                       for n in self.cite(node)})


def _places(reader: _Reader) -> tuple[list[dict], dict]:
    """Every place with its point and region codes; and place term -> its number."""
    index = reader.index
    terms = sorted(index.subjects(RDF.type, GOV.Place), key=str)
    number = {term: i for i, term in enumerate(terms)}
    codes: dict = {}

    def code_of(term, seen=()) -> str:            # own adcode, else the nearest above it
        if term not in codes:
            own = _first(index, term, GOV.adcode) or place_key(str(term)).split("/")[0]
            above = sorted(index.objects(term, GOV.partOf), key=str)
            codes[term] = own[:6] if own[:6].isdigit() else next(
                (c for p in above if p not in seen for c in [code_of(p, (*seen, term))] if c), "")
        return codes[term]

    places = []
    for term in terms:
        code, lat = code_of(term), _first(index, term, GEO.lat)
        parents = sorted((number[p] for p in index.objects(term, GOV.partOf) if p in number))
        places.append({
            "label": _first(index, term, RDFS.label), "iri": str(term),
            "level": _first(index, term, GOV.adminLevel), "adcode": _first(index, term, GOV.adcode),
            "lat": float(lat) if lat else None, "lon": float(_first(index, term, GEO.long) or 0),
            "precision": _first(index, term, GOV.coordinatePrecision), "parents": parents,
            "province": code[:2] + "0000" if code else "",
            "city": code[:4] + "00" if code and level_of(code) != "province" else ""})
    return places, number


def _items(reader: _Reader, cls) -> tuple[list, dict]:
    """The entities of a class, sorted by IRI, and term -> number."""
    terms = sorted(reader.index.subjects(RDF.type, cls), key=str)
    return terms, {term: i for i, term in enumerate(terms)}


def _dates(reader: _Reader, evidence: list[int]) -> list[str]:
    return sorted({reader.evidence[n]["date"] for n in evidence} - {""})


def _reports(reader: _Reader, number: dict) -> list[dict]:
    """Every programme, agency and official reported at a place, with its evidence."""
    index, out = reader.index, []

    def report(kind: str, item, place, evidence: list[int], **extra) -> None:
        if item in number[kind] and place in number["place"]:
            out.append({"kind": kind, "item": number[kind][item], "place": number["place"][place],
                        "evidence": evidence, "dates": _dates(reader, evidence), **extra})

    for prog, place in index.subject_objects(GOV.implementedIn):
        report("programme", prog, place, reader.said(prog, GOV.implementedIn, place))
    for prog, agency in index.subject_objects(GOV.implementedBy):
        for place in index.objects(agency, GOV.locatedIn):
            said = reader.said(prog, GOV.implementedBy, agency) + reader.said(agency, GOV.locatedIn, place)
            report("programme", prog, place, sorted(set(said)), via=number["agency"].get(agency))
    for agency, place in index.subject_objects(GOV.locatedIn):
        report("agency", agency, place, reader.said(agency, GOV.locatedIn, place))
    for membership in index.subjects(RDF.type, GOV.Membership):
        role = _first(index, membership, GOV.role)
        for person in index.objects(membership, GOV.member):
            for agency in index.objects(membership, GOV.organization):
                said = reader.said(person, GOV.holdsPost, agency)
                for place in index.objects(agency, GOV.locatedIn):
                    report("person", person, place, said, role=role, via=number["agency"].get(agency))
    return _merged(out)


def _merged(reports: list[dict]) -> list[dict]:
    """One report per (kind, item, place, role): evidence, dates and the agencies it
    came through (`via`) merged; sorted."""
    merged: dict[tuple, dict] = {}
    for r in reports:
        key = (r["kind"], r["item"], r["place"], r.get("role", ""))
        via = [] if r.get("via") is None else [r["via"]]
        if key in merged:
            old = merged[key]
            old["evidence"] = sorted(set(old["evidence"]) | set(r["evidence"]))
            old["dates"] = sorted(set(old["dates"]) | set(r["dates"]))
            old["via"] = sorted(set(old["via"]) | set(via))
        else:
            merged[key] = {**r, "via": via}
    return [merged[key] for key in sorted(merged)]


def _statistics(reader: _Reader, number: dict) -> list[dict]:
    """Statistics about a place or about an agency located at one: one row per place."""
    index, rows = reader.index, []
    for stat in sorted(index.subjects(RDF.type, GOV.Statistic), key=str):
        evidence = reader.cite(stat)
        for about in sorted(index.objects(stat, GOV.about), key=str):
            places = [about] if about in number["place"] else list(index.objects(about, GOV.locatedIn))
            for place in sorted(p for p in places if p in number["place"]):
                rows.append({"place": number["place"][place], "about": _first(index, about, RDFS.label),
                             "measure": _first(index, stat, GOV.measure),
                             "value": _number(_first(index, stat, GOV.value)),
                             "unit": _first(index, stat, GOV.unit), "evidence": evidence,
                             "dates": _dates(reader, evidence)})
    return rows


def _entity_rows(reader: _Reader, terms: list) -> list[dict]:
    index = reader.index
    return [{"label": _first(index, t, RDFS.label), "iri": str(t),
             "aliases": sorted({str(a) for a in index.objects(t, SKOS.altLabel)}
                               - {_first(index, t, RDFS.label)}),
             "articles": len(set(index.subjects(GOV.mentions, t)))} for t in terms]


def report_data(graph) -> dict:
    """Places, programmes, agencies, officials, their reports and statistics, the
    evidence, and the outlines of the provinces and cities (see the module's doc)."""
    from kg.geo import outlines
    reader = _Reader(graph)
    places, place_number = _places(reader)
    number, rows = {"place": place_number}, {}
    for kind, cls in KINDS:
        terms, number[kind] = _items(reader, cls)
        rows[kind] = _entity_rows(reader, terms)
    reports = _reports(reader, number)
    officials = {r["item"] for r in reports if r["kind"] == "person"}
    return {
        "places": places,
        "programmes": rows["programme"],
        "agencies": rows["agency"],
        "people": [row if i in officials else {"label": row["label"]} for i, row in enumerate(rows["person"])],
        "reports": reports,
        "statistics": _statistics(reader, number),
        "evidence": reader.evidence,
        "outlines": {level: [{"code": code, "name": name, "geometry": geometry}
                             for code, name, geometry in items] for level, items in outlines().items()},
    }
