"""SPARQL through Oxigraph: rows as dicts, clear syntax errors, and the query library."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from kg import export
from kg.query import (QueryError, QueryTimeout, format_rows, open_store, parse_binding,
                      read_query, run_query)
from tests.conftest import POLICE

LIBRARY = Path(__file__).resolve().parents[1] / "queries"


def library(name: str) -> str:
    return (LIBRARY / f"{name}.rq").read_text(encoding="utf-8")


def values(rows, *columns):
    return [tuple(None if r[c] is None else str(r[c]) for c in columns) for r in rows]


def test_rows_are_dicts_of_rdflib_terms(dataset):
    rows = run_query(dataset, "SELECT ?p ?l WHERE { ?p a gov:Programme ; rdfs:label ?l } ORDER BY ?l")
    assert [r["l"] for r in rows] == [Literal("红船枫警", lang="zh"), Literal("警民通", lang="zh")]
    assert all(isinstance(r["p"], URIRef) for r in rows)


def test_ask_and_construct(dataset):
    assert run_query(dataset, f"ASK {{ <{POLICE}> a gov:Agency }}") == [{"ask": Literal(True)}]
    rows = run_query(dataset, f"CONSTRUCT {{ <{POLICE}> rdfs:label ?l }} WHERE {{ <{POLICE}> rdfs:label ?l }}")
    assert values(rows, "object") == [("嘉兴市公安局",)]


def test_query_a_saved_file_or_folder(dataset, tmp_path):
    export.save(dataset, tmp_path, ["turtle", "trig"])
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    n = len(set(dataset.default_graph))
    for source in (tmp_path, tmp_path / "graph.ttl", tmp_path / "graph.trig"):
        assert run_query(source, query)[0]["n"].toPython() == n
    named = run_query(tmp_path / "graph.trig",
                      "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert named[0]["n"].toPython() == 2


def test_missing_graph_is_a_query_error(tmp_path):
    with pytest.raises(QueryError, match="no such file"):
        run_query(tmp_path / "nope.ttl", "SELECT * WHERE { ?s ?p ?o }")


def test_syntax_error_points_at_the_position(dataset):
    query = "SELECT ?x WHERE {\n  ?x rdfs:label ?l\n  FILTR(?l) }"
    with pytest.raises(QueryError) as info:
        run_query(dataset, query)
    err = info.value
    assert str(err).startswith("SPARQL syntax error at line 3, column")
    assert err.line == 3
    assert err.pointer().splitlines()[0] == "    FILTR(?l) }"
    assert err.pointer().splitlines()[1].strip() == "^"


def test_unknown_prefix_is_named(dataset):
    with pytest.raises(QueryError, match="unknown prefix"):
        run_query(dataset, "SELECT ?x WHERE { ?x foo:bar ?y }")


def test_timeout(dataset):
    store = open_store(dataset)
    slow = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"     # 60 million rows
    with pytest.raises(QueryTimeout, match="did not finish within 0.05 s"):
        run_query(store, slow, timeout=0.05)


def test_bindings(dataset):
    name, term = parse_binding("place_name=柳州")
    assert (name, term) == ("place_name", Literal("柳州", lang="zh"))
    assert parse_binding("x=<http://e/1>")[1] == URIRef("http://e/1")
    assert parse_binding('x="a"@en')[1] == Literal("a", lang="en")
    with pytest.raises(QueryError):
        parse_binding("no equals sign")


def test_table_is_aligned_for_chinese(dataset):
    rows = run_query(dataset, library("officials-of-agency"))
    table = format_rows(rows).splitlines()
    assert table[0].split() == ["agency_label", "person_name", "role"]
    assert table[2] == "嘉兴市公安局  王建华       党委书记"
    assert table[-1] == "(2 rows)"
    assert format_rows(rows, "csv").splitlines()[1] == "嘉兴市公安局,王建华,党委书记"
    assert format_rows(rows, "tsv").splitlines()[1] == "嘉兴市公安局\t王建华\t党委书记"
    assert '"role": "局长"' in format_rows(rows, "json")


def test_read_query_from_text_file_or_library(tmp_path):
    assert read_query("SELECT * WHERE {}") == "SELECT * WHERE {}"
    path = tmp_path / "q.rq"
    path.write_text("ASK {}", encoding="utf-8")
    assert read_query(str(path)) == "ASK {}"
    assert "gov:Membership" in read_query("officials-of-agency", LIBRARY)
    with pytest.raises(QueryError):
        read_query(str(tmp_path / "missing.rq"))


# ------------------------------------------------------------------ the query library

def test_every_library_query_has_a_readme_line():
    readme = (LIBRARY / "README.md").read_text(encoding="utf-8")
    for path in LIBRARY.glob("*.rq"):
        assert f"`{path.name}`" in readme, path.name


def test_programmes_by_city(dataset):
    rows = run_query(dataset, library("programmes-by-city"))
    assert values(rows, "city_label", "programme_name") == [
        ("嘉兴市", "红船枫警"), ("柳州市", "红船枫警"), ("柳州市", "警民通")]
    # by a short form, for a city only its county is named in (红船枫警 runs in 南湖区)
    rows = run_query(dataset, library("programmes-by-city"),
                     bindings={"city_name": Literal("嘉兴", lang="zh")})
    assert values(rows, "city_label", "programme_name") == [("嘉兴市", "红船枫警")]


def test_programmes_by_province_though_no_text_names_it(dataset):
    rows = run_query(dataset, library("programmes-by-province"),
                     bindings={"province_name": Literal("广西壮族自治区", lang="zh")})
    assert values(rows, "province_label", "programme_name", "place_label") == [
        ("广西壮族自治区", "红船枫警", "柳州市"), ("广西壮族自治区", "警民通", "柳州市")]


def test_agencies_running_programme_by_alias(dataset):
    rows = run_query(dataset, library("agencies-running-programme"),
                     bindings={"programme_name": Literal("红船枫警工作机制", lang="zh")})
    assert values(rows, "programme_label", "agency_name") == [("红船枫警", "嘉兴市公安局")]


def test_officials_of_agency(dataset):
    rows = run_query(dataset, library("officials-of-agency"),
                     bindings={"agency_name": Literal("嘉兴公安", lang="zh")})
    assert values(rows, "person_name", "role") == [("王建华", "党委书记"), ("王建华", "局长")]


def test_statistics_about_place_with_evidence(dataset):
    rows = run_query(dataset, library("statistics-about-place"),
                     bindings={"place_name": Literal("嘉兴市", lang="zh")})
    assert values(rows, "subject", "value", "unit", "line") == [
        ("嘉兴市", "21.2", "%", "5"), ("嘉兴市公安局南湖区分局", "36", "个", "7")]
    assert str(rows[0]["evidence"]) == "2022年，全市违法犯罪警情同比下降21.2%。"


def test_programmes_of_agency_with_evidence(dataset):
    rows = run_query(dataset, library("programmes-of-agency-with-evidence"),
                     bindings={"agency_name": Literal("嘉兴市公安局", lang="zh")})
    assert values(rows, "programme_name", "source_file", "line") == [
        ("红船枫警", "100_aaaaaaaaaaaaaaaa.txt", "3")]


def test_shared_programmes(dataset):
    rows = run_query(dataset, library("shared-programmes"))
    assert values(rows, "programme_name", "places") == [("红船枫警", "2")]


def test_places_with_most_programmes(dataset):
    rows = run_query(dataset, library("places-with-most-programmes"))
    # 广西 is named by no article: its count comes from the gazetteer's lineage of 柳州市
    assert values(rows, "place_name", "level", "programmes") == [
        ("广西壮族自治区", "province", "2"), ("柳州市", "city", "2"), ("南湖区", "county", "1"),
        ("嘉兴市", "city", "1"), ("浙江省", "province", "1")]


def test_where_said(dataset):
    rows = run_query(dataset, library("where-said"),
                     bindings={"subject_name": Literal("王建华", lang="zh")})
    assert values(rows, "relation", "object_label", "role", "line") == [
        ("holdsPost", "嘉兴市公安局", "党委书记", "7"), ("holdsPost", "嘉兴市公安局", "局长", "7")]
    assert rows.columns[:3] == ["subject_label", "relation", "object_label"]


def test_empty_result_keeps_its_columns(dataset):
    rows = run_query(dataset, "SELECT ?a ?b WHERE { ?a gov:nothing ?b }")
    assert rows == [] and rows.columns == ["a", "b"]
    assert format_rows(rows).splitlines() == ["a  b", "-  -", "(0 rows)"]


def test_a_binding_opens_the_where_clause_so_the_engine_starts_from_it():
    from rdflib import Literal

    from kg.query import bind_values
    text = "SELECT ?n WHERE { ?a rdfs:label ?name . ?a gov:x ?n }"
    bound = bind_values(text, {"name": Literal("徐州市", lang="zh")})
    assert bound.startswith('SELECT ?n WHERE {\n  VALUES (?name) { ("徐州市"@zh) }')
    # without the WHERE keyword, the block still opens the query's group
    assert bind_values("ASK { ?s ?p ?o }", {"s": Literal("x")}) == \
        'ASK {\n  VALUES (?s) { ("x") } ?s ?p ?o }'
    assert bind_values(text, {}) == text
