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
