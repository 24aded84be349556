"""Plain rows out of a built graph: entities, relations with their evidence,
statistics with their evidence. Functions over a `kg.graph.Graph` (terms are
plain strings), sorted, used by the CSV export, the Python API and `kg show` /
`kg stats`."""
from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from kg.graph.graph import Graph
from kg.terms import DCTERMS, ENTITY_CLASSES, GOV, PROV, RDF, RDFS, RELATION_PREDICATES, SKOS

__all__ = ["entity_rows", "relation_rows", "statistic_rows", "article_rows", "label", "number",
           "ENTITY_FIELDS", "RELATION_FIELDS", "STATISTIC_FIELDS", "ARTICLE_FIELDS"]

_TYPE_NAMES = {str(cls): name for name, cls in ENTITY_CLASSES.items()}
_PREDICATE_NAMES = {str(p): name for name, p in RELATION_PREDICATES.items()}

ENTITY_FIELDS = ["iri", "type", "label", "aliases", "admin_level", "adcode", "province", "city",
                 "county", "articles"]
RELATION_FIELDS = ["subject", "subject_label", "predicate", "object", "object_label", "role",
                   "article", "article_date", "source_file", "sentence_index", "source_line",
                   "source_page", "evidence"]
STATISTIC_FIELDS = ["iri", "about", "about_label", "value", "unit", "measure", "qualifier",
                    "direction", "period", "surface", "article", "article_date", "source_file",
                    "sentence_index", "source_line", "source_page", "evidence"]
ARTICLE_FIELDS = ["iri", "date", "title", "publisher", "url", "dateline", "dateline_date",
                  "source_file", "article_index", "source_page", "creators"]


def _text(value) -> str:
    return "" if value is None else str(value)


def number(value) -> int | float | None:
    """A gov:value as a plain number: `13000` (an int) when whole, `21.2` (a float)
    otherwise; None when there is none or it is no number."""
    try:
        exact = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    if not exact.is_finite():
        return None
    return int(exact) if exact == exact.to_integral_value() else float(exact)


def label(graph: Graph, node) -> str:
    """The rdfs:label of a node (the smallest if several), else ''."""
    labels = sorted(str(l) for l in graph.objects(node, RDFS.label))
    return labels[0] if labels else ""


def _source(graph: Graph, node) -> dict:
    article = graph.value(node, PROV.wasDerivedFrom)
    return {
        "article": _text(article),
        "article_date": _text(graph.value(article, DCTERMS.date)) if article is not None else "",
        "source_file": _text(graph.value(article, GOV.sourceFile)) if article is not None else "",
        "sentence_index": _text(graph.value(node, GOV.sentenceIndex)),
        "source_line": _text(graph.value(node, GOV.sourceLine)),
        "source_page": _text(graph.value(node, GOV.sourcePage)),
        "evidence": _text(graph.value(node, GOV.evidence)),
    }


def _lineage(graph: Graph, node) -> dict[str, str]:
    """The names of the province, city and county a place is or lies in (gov:within)."""
    out = dict.fromkeys(("province", "city", "county"), "")
    for division in graph.objects(node, GOV.within):
        level = _text(graph.value(division, GOV.divisionLevel))
        if level in out:
            out[level] = _text(graph.value(division, SKOS.prefLabel))
    return out


def entity_rows(graph: Graph, type: str | None = None) -> list[dict]:
    """One row per entity: IRI, type name, label, aliases ('|'-joined), level, adcode,
    the province, city and county a place is or lies in (from the gazetteer, named
    in the text or not), and the source files of the articles that mention it
    ('|'-joined)."""
    classes = [ENTITY_CLASSES[type]] if type else list(ENTITY_CLASSES.values())
    rows = []
    for cls in classes:
        for node in set(graph.subjects(RDF.type, cls)):
            articles = {_text(graph.value(a, GOV.sourceFile)) or str(a)
                        for a in graph.subjects(GOV.mentions, node)}
            rows.append({
                "iri": str(node), "type": _TYPE_NAMES[str(cls)], "label": label(graph, node),
                "aliases": "|".join(sorted(str(a) for a in graph.objects(node, SKOS.altLabel))),
                "admin_level": _text(graph.value(node, GOV.adminLevel)),
                "adcode": _text(graph.value(node, GOV.adcode)),
                **_lineage(graph, node),
                "articles": "|".join(sorted(articles)),
            })
    return sorted(rows, key=lambda r: (r["type"], r["label"], r["iri"]))


def relation_rows(graph: Graph) -> list[dict]:
    """One row per (edge, article, sentence) that states it; an edge no assertion
    records (e.g. added by hand) gets one row without a source."""
    rows, asserted = [], set()
    for node in set(graph.subjects(RDF.type, GOV.Assertion)):
        s, p, o = (graph.value(node, RDF.subject), graph.value(node, RDF.predicate),
                   graph.value(node, RDF.object))
        if p not in _PREDICATE_NAMES:
            continue
        asserted.add((s, p, o))
        rows.append({"subject": str(s), "subject_label": label(graph, s),
                     "predicate": _PREDICATE_NAMES[p], "object": str(o),
                     "object_label": label(graph, o),
                     "role": _text(graph.value(node, GOV.role)), **_source(graph, node)})
    for p, name in _PREDICATE_NAMES.items():
        for s, o in graph.subject_objects(p):
            if (s, p, o) not in asserted:
                rows.append({"subject": str(s), "subject_label": label(graph, s),
                             "predicate": name, "object": str(o),
                             "object_label": label(graph, o), "role": "",
                             **dict.fromkeys(RELATION_FIELDS[6:], "")})
    return sorted(rows, key=lambda r: tuple(r[f] for f in RELATION_FIELDS))


def statistic_rows(graph: Graph, about: str | Iterable[str] | None = None) -> list[dict]:
    """One row per gov:Statistic, optionally only those about one entity IRI (or any of
    several): `value` a number (`13000`, `21.2`; see `number`), `unit`, `measure`,
    `qualifier`, `direction` (上升, 下降 …), `period` (2022年 …), the surface form, and
    the evidence with its article, source file and line."""
    wanted = None if about is None else {str(about)} if isinstance(about, str) else set(
        map(str, about))
    rows = []
    for node in set(graph.subjects(RDF.type, GOV.Statistic)):
        subject = graph.value(node, GOV.about)
        if wanted is not None and str(subject) not in wanted:
            continue
        rows.append({
            "iri": str(node), "about": _text(subject), "about_label": label(graph, subject),
            "value": number(graph.value(node, GOV.value)),
            **{f: _text(graph.value(node, GOV[f]))
               for f in ("unit", "measure", "qualifier", "direction", "period", "surface")},
            **_source(graph, node),
        })
    return sorted(rows, key=lambda r: (r["about_label"], r["source_file"],
                                       r["sentence_index"].zfill(6), r["measure"], r["iri"]))


def article_rows(graph: Graph) -> list[dict]:
    """One row per article, by date (undated last), then file and position: headline,
    day of publication, paper or site, address, dateline, file, page, byline names."""
    rows = []
    for node in set(graph.subjects(RDF.type, GOV.Article)):
        rows.append({
            "iri": str(node), "date": _text(graph.value(node, DCTERMS.date)),
            "title": _text(graph.value(node, DCTERMS.title)),
            "publisher": _text(graph.value(node, DCTERMS.publisher)),
            "url": _text(graph.value(node, DCTERMS.source)),
            "dateline": _text(graph.value(node, GOV.dateline)),
            "dateline_date": _text(graph.value(node, GOV.datelineDate)),
            "source_file": _text(graph.value(node, GOV.sourceFile)),
            "article_index": _text(graph.value(node, GOV.articleIndex)),
            "source_page": _text(graph.value(node, GOV.sourcePage)),
            "creators": "|".join(sorted(label(graph, p) for p in graph.objects(node, DCTERMS.creator))),
        })
    return sorted(rows, key=lambda r: (r["date"] or "9999", r["source_file"],
                                       r["article_index"].zfill(6), r["iri"]))

