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


@pytest.mark.slow
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


# ------------------------------------------------------------------ places roll up

def test_baotou_links_to_inner_mongolia(store):
    """No sentence puts 包头市 in 内蒙古自治区; the gazetteer's lineage does."""
    rows = run_query(store, """SELECT ?level ?name ?code WHERE {
        ?p a gov:Place ; rdfs:label "包头市"@zh ; gov:within ?d .
        ?d gov:divisionLevel ?level ; skos:prefLabel ?name ; skos:notation ?code }
        ORDER BY ?code""")
    assert [tuple(map(str, r.values())) for r in rows] == [
        ("province", "内蒙古自治区", "150000"), ("city", "包头市", "150200")]


def test_a_province_returns_its_cities_and_counties_programmes_and_statistics(store):
    rows = ask(store, "programmes-by-province", province_name="内蒙古自治区")
    where = {(r["programme_name"], r["place_label"]) for r in rows}
    # run in a city (乌海市, 鄂尔多斯市) and in a district of 包头市 (青山区)
    assert {("小蒙微警局", "乌海市"), ("开门评警走访评议", "鄂尔多斯市"), ("社工E通", "青山区")} <= where
    # by its short form too; and the figures of a county of one of its cities
    stats = ask(store, "statistics-about-place", place_name="内蒙古")
    assert {r["place_label"] for r in stats} == {"内蒙古自治区"}
    assert {("青山区", "3091", "名"), ("青山区", "8929", "名")} <= {
        (r["subject"], r["value"], r["unit"]) for r in stats}
    assert any(r["direction"] == "下降" and r["period"] for r in stats)


def test_a_province_counts_at_least_what_each_of_its_counties_counts(store):
    rows = ask(store, "places-with-most-programmes")
    count = {r["place_name"]: int(r["programmes"]) for r in rows}
    assert count["山东省"] >= count["诸城市"] > 0
    assert count["内蒙古自治区"] >= count["包头市"] >= count["青山区"] > 0


def test_a_place_and_its_own_parent_are_one_adopter(store):
    # 小蒙微警局 runs in 乌海市 and its district 海勃湾区: one adopter, not two
    rows = ask(store, "shared-programmes")
    assert "小蒙微警局" not in {r["programme_name"] for r in rows}
