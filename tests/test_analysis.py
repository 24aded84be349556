"""Analyses over a built graph (kg.analysis), on the hand-built sample of conftest.py
and on the bundled corpus (data/corpus), with facts the articles state."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg import KnowledgeGraph
from kg.analysis import (agencies_of_programme, officials, programmes_by_place,
                         shared_programmes, statistics_about, where_said)
from kg.vocab import GOV
from tests.conftest import BRANCH, JIAXING, LIUZHOU, NANHU, POLICE, PROG, S1, S2, ZHEJIANG

ROOT = Path(__file__).resolve().parents[1]


def pairs(rows, a, b):
    return {(r[f"{a}_label"], r[f"{b}_label"]) for r in rows}


# ------------------------------------------------------------------ the hand-built sample
# 红船枫警 runs in 南湖区 (part of 嘉兴市, part of 浙江省) and in 柳州市; 警民通 in 柳州市.

def test_a_programme_in_a_district_runs_in_its_city_and_province_with_include_parts(graph):
    assert programmes_by_place(graph, "嘉兴市") == []
    [row] = programmes_by_place(graph, "嘉兴市", include_parts=True)
    assert (row["place"], row["programme"], row["via"]) == (JIAXING, PROG, ["南湖区"])
    assert pairs(programmes_by_place(graph, ZHEJIANG, include_parts=True),
                 "place", "programme") == {("浙江省", "红船枫警")}
    assert pairs(programmes_by_place(graph, "南湖区"), "place", "programme") == {
        ("南湖区", "红船枫警")}


def test_programmes_by_city_and_by_programme(graph):
    by_city = programmes_by_place(graph, include_parts=True, level="city")
    assert [(r["place_label"], r["programme_label"], r["via"]) for r in by_city] == [
        ("嘉兴市", "红船枫警", ["南湖区"]),
        ("柳州市", "红船枫警", ["柳州市"]),
        ("柳州市", "警民通", ["柳州市"]),
    ]
    assert {r["place"] for r in programmes_by_place(graph, programme="红船枫警")} == {
        NANHU, LIUZHOU}


def test_shared_programmes_count_named_places_or_cities(graph):
    [named] = shared_programmes(graph)
    assert (named["programme"], named["places"], named["count"]) == (PROG, ["南湖区", "柳州市"], 2)
    assert named["place_iris"] == [NANHU, LIUZHOU]
    [cities] = shared_programmes(graph, level="city")
    assert cities["places"] == ["嘉兴市", "柳州市"]
    [provinces] = shared_programmes(graph, level="province")   # 广西 from 柳州市's lineage
    assert provinces["places"] == ["广西壮族自治区", "浙江省"]
    assert [r["programme_label"] for r in shared_programmes(graph, min_places=1)] == [
        "红船枫警", "警民通"]


def test_a_place_and_its_own_parent_are_one_adopter(graph):
    from rdflib import URIRef
    graph.add((URIRef(PROG), GOV.implementedIn, URIRef(JIAXING)))    # 南湖区 is in 嘉兴市
    [named] = shared_programmes(graph)
    assert (named["places"], named["count"]) == (["南湖区", "柳州市"], 2)


def test_a_province_no_article_names_rolls_up_by_name(graph):
    rows = programmes_by_place(graph, "广西", include_parts=True)
    assert [(r["place"], r["place_label"], r["admin_level"], r["programme_label"], r["via"])
            for r in rows] == [
        ("https://w3id.org/govkg/id/division/450000", "广西壮族自治区", "province", "红船枫警",
         ["柳州市"]),
        ("https://w3id.org/govkg/id/division/450000", "广西壮族自治区", "province", "警民通",
         ["柳州市"])]
    assert [r["about_label"] for r in statistics_about(graph, "广西壮族自治区",
                                                        include_parts=True)] == ["警民通"]


def test_agencies_officials_statistics_and_where_said(graph):
    assert pairs(agencies_of_programme(graph), "programme", "agency") == {
        ("红船枫警", "嘉兴市公安局"), ("警民通", "柳州市公安局")}
    assert pairs(agencies_of_programme(graph, agency="嘉兴公安"), "programme", "agency") == {
        ("红船枫警", "嘉兴市公安局")}
    assert [(r["person_label"], r["role"]) for r in officials(graph, POLICE)] == [
        ("王建华", "党委书记"), ("王建华", "局长")]
    assert officials(graph, BRANCH) == []
    assert [r["value"] for r in statistics_about(graph, "嘉兴市")] == [21.2]
    within = statistics_about(graph, "嘉兴市", include_parts=True)   # the 南湖区分局's stations
    assert [(r["about"], r["value"], r["unit"]) for r in within] == [
        (JIAXING, 21.2, "%"), (BRANCH, 36, "个")]
    assert statistics_about(graph, "柳州市") == []
    assert [(r["about_label"], r["measure"]) for r in statistics_about(   # the app run there
        graph, "柳州市", include_parts=True)] == [("警民通", "群众注册用户")]
    said = where_said(graph, "红船枫警", GOV.implementedIn)
    assert [(r["object_label"], r["evidence"], r["title"]) for r in said] == [
        ("南湖区", S1[0], "嘉兴推行红船枫警机制"), ("柳州市", S2[1], "柳州上线警民通")]
    assert where_said(graph, "红船枫警", "implementedBy", "柳州市公安局") == []


def test_takes_a_knowledge_graph_as_well_as_its_rdflib_graph(corpus, graph):
    kg = KnowledgeGraph.from_corpus(corpus)
    assert programmes_by_place(kg, include_parts=True) == programmes_by_place(
        graph, include_parts=True)
    assert officials(kg) == officials(graph)
    with pytest.raises(TypeError):
        programmes_by_place(kg.to_networkx())


def test_unknown_names_give_no_rows(graph):
    assert programmes_by_place(graph, "不存在市") == []
    assert statistics_about(graph, "不存在市", include_parts=True) == []


# ------------------------------------------------------------------ the bundled corpus

@pytest.fixture(scope="module")
def bundled():
    return KnowledgeGraph.build([ROOT / "data" / "corpus"])


def test_xuzhou_runs_its_districts_programmes(bundled):
    # 002: 云龙分局黄山派出所创新“七色管理”…；铜山分局研发“侨居码”…
    direct = {r["programme_label"] for r in programmes_by_place(bundled, "徐州市")}
    rolled = {r["programme_label"]: r["via"]
              for r in programmes_by_place(bundled, "徐州市", include_parts=True)}
    assert "梳网清格" in direct and "七色管理" not in direct
    assert rolled["梳网清格"] == ["徐州市"]
    assert rolled["七色管理"] == ["云龙区"] and rolled["侨居码"] == ["铜山区"]
    assert direct < set(rolled)


def test_wuhai_shares_its_micro_police_station_with_a_district_only(bundled):
    # 003: 小蒙微警局 runs in 乌海市 and its 海勃湾区: one adopter, one city.
    [row] = programmes_by_place(bundled, programme="小蒙微警局", include_parts=True,
                                level="city")
    assert (row["place_label"], row["via"]) == ("乌海市", ["乌海市", "海勃湾区"])
    assert "小蒙微警局" not in {r["programme_label"] for r in shared_programmes(bundled)}
    assert "小蒙微警局" in {r["programme_label"] for r in shared_programmes(bundled, min_places=1)}
    by_city = {r["programme_label"] for r in shared_programmes(bundled, level="city")}
    assert "小蒙微警局" not in by_city


def test_inner_mongolia_counts_its_cities_and_districts(bundled):
    rows = programmes_by_place(bundled, "内蒙古自治区", include_parts=True)
    via = {r["programme_label"]: r["via"] for r in rows}
    assert via["社工E通"] == ["青山区"] and via["开门评警走访评议"] == ["鄂尔多斯市"]
    assert {r["place_label"] for r in rows} == {"内蒙古自治区"}
    stats = statistics_about(bundled, "内蒙古", include_parts=True)
    assert {("青山区", 3091, "名"), ("乌海市", 37, "辆")} <= {
        (r["about_label"], r["value"], r["unit"]) for r in stats}


def test_agencies_and_officials_in_the_corpus(bundled):
    assert ("一村（居）一警", "惠州市公安局") in pairs(
        agencies_of_programme(bundled, "一村一警"), "programme", "agency")
    assert ("七色管理", "徐州市公安局云龙分局黄山派出所") in pairs(
        agencies_of_programme(bundled, "七色管理"), "programme", "agency")
    own = {(r["person_label"], r["role"]) for r in officials(bundled, "徐州市公安局")}
    assert ("王巧全", "局长") in own and ("黄霖", "副支队长") not in own
    rows = officials(bundled, "徐州市公安局", include_parts=True)
    with_units = {(r["person_label"], r["role"]): r["via"] for r in rows}
    assert with_units[("黄霖", "副支队长")] == ["徐州市公安局治安支队"]
    assert {r["agency_label"] for r in rows} == {"徐州市公安局"}
    assert {(r["person_label"], r["role"]) for r in officials(bundled, "铜川市司法局")} >= {
        ("王昕", "党组书记、局长")}


def test_statistics_about_chengdu_and_where_the_xuzhou_facts_were_said(bundled):
    stats = statistics_about(bundled, "成都市")
    assert {("成都市", 4000, "个"), ("成都市", 21.2, "%")} <= {
        (r["about_label"], r["value"], r["unit"]) for r in stats}
    assert all(r["evidence"] and r["source_file"] == "000_74abfd0e8a4106d5.txt" for r in stats)
    assert len(statistics_about(bundled, "成都市", include_parts=True)) > len(stats)
    [said] = where_said(bundled, "侨居码", "implementedIn")
    assert said["object_label"] == "铜山区"
    assert said["source_file"] == "002_ddcbd0e929d78be1.txt" and said["source_line"] == "41"
    assert "铜山分局研发“侨居码”" in said["evidence"] and said["title"]
