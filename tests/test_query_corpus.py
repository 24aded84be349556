"""The query library and the graph contract on the bundled corpus (data/corpus).

Built once per session; a pipeline that cannot build the corpus fails these tests.
Assertions use facts the gold annotations also hold, not exact row counts.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal

from kg.query import open_store, run_query

ROOT = Path(__file__).resolve().parents[1]
LIBRARY = ROOT / "queries"


@pytest.fixture(scope="session")
def corpus_graph():
    from kg.api import KnowledgeGraph
    return KnowledgeGraph.build([ROOT / "data" / "corpus"])


@pytest.fixture(scope="session")
def store(corpus_graph):
    return open_store(corpus_graph.dataset)


def ask(store, name, **bindings):
    query = (LIBRARY / f"{name}.rq").read_text(encoding="utf-8")
    rows = run_query(store, query, bindings={k: Literal(v, lang="zh") for k, v in bindings.items()})
    return [{k: (None if v is None else str(v)) for k, v in r.items()} for r in rows]


def test_bundled_graph_conforms_to_the_shapes(corpus_graph):
    ok, report = corpus_graph.validate()
    assert ok, report


def test_programmes_of_xuzhou_police_and_where_said(store):
    rows = ask(store, "programmes-of-agency-with-evidence", agency_name="徐州市公安局")
    said = [r for r in rows if r["programme_name"] == "梳网清格"]
    assert said, rows
    assert all(r["source_file"] == "002_ddcbd0e929d78be1.txt" for r in said)
    assert any("梳网清格" in (r["evidence"] or "") for r in said)
    assert all(r["line"] and int(r["line"]) > 0 for r in said)


def test_statistics_about_chengdu_with_evidence(store):
    rows = ask(store, "statistics-about-place", place_name="成都市")
    found = {(r["subject"], r["value"], r["unit"]) for r in rows}
    assert {("成都市", "4000", "个"), ("成都市", "21.2", "%")} <= found
    assert all(r["evidence"] and r["source_file"] for r in rows)


def test_officials_of_xuzhou_police(store):
    rows = ask(store, "officials-of-agency", agency_name="徐州市公安局")
    assert {"person_name": "王巧全", "role": "局长", "agency_label": "徐州市公安局"} in rows


def test_programmes_by_city(store):
    rows = ask(store, "programmes-by-city", city_name="徐州市")
    assert "梳网清格" in {r["programme_name"] for r in rows}


def test_agencies_running_programme(store):
    rows = ask(store, "agencies-running-programme", programme_name="梳网清格")
    assert "徐州市公安局" in {r["agency_name"] for r in rows}


def test_shared_programmes(store):
    rows = ask(store, "shared-programmes")
    for r in rows:
        assert int(r["places"]) >= 2 and len(r["where"].split("、")) == int(r["places"])


def test_places_with_most_programmes(store):
    rows = ask(store, "places-with-most-programmes")
    counts = [int(r["programmes"]) for r in rows]
    assert 0 < len(rows) <= 20 and counts == sorted(counts, reverse=True) and counts[0] > 1


def test_where_said(store):
    rows = ask(store, "where-said", subject_name="梳网清格")
    assert any(r["relation"] == "implementedBy" and r["object_label"] == "徐州市公安局"
               and r["source_file"] for r in rows), rows


def test_places_reporting_a_programme_with_evidence(store):
    rows = ask(store, "places-reporting-programme", programme_name="一村一警")
    assert {r["place_label"] for r in rows} == {"惠州市"}
    assert {r["via"] for r in rows} == {None, "惠州市公安局", "惠州市公安局党委"}
    assert all(r["first_report"] is None for r in rows)               # the corpus has no dates yet
    said = {(r["source_file"], r["line"]) for r in rows}
    assert ("001_0bbed7d363e68c64.txt", "12") in said


def test_first_report_is_the_earliest_article_date_per_place():
    from kg.graph import corpus_to_graph
    from tests.conftest import make_corpus
    from tests.test_report import dated
    graph = dated(corpus_to_graph(make_corpus()), A1="2022-03-01")
    rows = ask(open_store(graph), "places-reporting-programme", programme_name="红船枫警")
    first = {r["place_label"]: r["first_report"] for r in rows}
    assert first == {"南湖区": "2022-03-01", "嘉兴市": "2022-03-01", "柳州市": None}
    assert {r["evidence"] for r in rows if r["place_label"] == "柳州市"} == {"“红船枫警”机制也在柳州市推广。"}
