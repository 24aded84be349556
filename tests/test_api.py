"""The Python API, used the way the README shows."""
from __future__ import annotations

import subprocess
import sys

import networkx as nx
from rdflib import Dataset, Graph

import kg
from kg import KnowledgeGraph
from tests.conftest import POLICE


def test_import_kg_is_light_and_silent():
    code = ("import sys, kg; heavy = [m for m in ('rdflib', 'pyoxigraph', 'pyshacl', 'networkx')"
            " if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "[]\n" and out.stderr == ""
    assert kg.KnowledgeGraph is KnowledgeGraph


def test_from_corpus_save_load_round_trip(corpus, tmp_path):
    graph = KnowledgeGraph.from_corpus(corpus)
    written = graph.save(tmp_path, formats=["turtle", "csv"])
    assert [p.name for p in written] == ["graph.ttl", "entities.csv", "relations.csv",
                                         "statistics.csv", "articles.csv"]
    again = KnowledgeGraph.load(tmp_path)
    assert set(again.to_rdflib()) == set(graph.to_rdflib())
    assert "12 entities" in repr(again)


def test_query_with_bindings(corpus):
    graph = KnowledgeGraph.from_corpus(corpus)
    rows = graph.query("SELECT ?p WHERE { ?a rdfs:label ?name . ?p gov:implementedBy ?a }",
                       name="嘉兴市公安局")
    assert len(rows) == 1


def test_entities_find_statistics(corpus):
    graph = KnowledgeGraph.from_corpus(corpus)
    assert len(graph.entities()) == 12
    assert [e["label"] for e in graph.entities("Programme")] == ["红船枫警", "警民通"]
    assert [e["iri"] for e in graph.find("嘉兴公安")] == [POLICE]         # by alias
    assert [e["label"] for e in graph.find(" “南湖区分局” ")] == ["嘉兴市公安局南湖区分局"]
    assert {e["label"] for e in graph.find("公安局")} >= {"嘉兴市公安局", "柳州市公安局"}
    assert graph.find("不存在") == []
    stats = graph.statistics(about="嘉兴")
    assert [(s["value"], s["unit"], s["measure"], s["direction"], s["period"])
            for s in stats] == [(21.2, "%", "违法犯罪警情", "下降", "2022年")]
    values = {s["measure"]: s["value"] for s in graph.statistics()}
    assert values == {"违法犯罪警情": 21.2, "警务站": 36, "群众注册用户": 13000}
    assert all(type(v) in (int, float) for v in values.values())   # numbers, not text


def test_describe_and_counts(corpus):
    graph = KnowledgeGraph.from_corpus(corpus)
    record = graph.describe(POLICE)
    assert record["entity"]["label"] == "嘉兴市公安局"
    assert {r["predicate"] for r in record["incoming"]} == {
        "implementedBy", "subOrganizationOf", "holdsPost", "issuedBy"}
    assert record["articles"][0]["source_file"] == "100_aaaaaaaaaaaaaaaa.txt"
    c = graph.counts()
    assert (c["Place"], c["Agency"], c["Article"], c["Statistic"], c["Membership"]) == (4, 3, 2, 3, 2)


def test_to_rdflib_and_networkx(corpus):
    graph = KnowledgeGraph.from_corpus(corpus)
    assert isinstance(graph.to_rdflib(), Graph)
    assert isinstance(graph.to_rdflib(dataset=True), Dataset)
    net = graph.to_networkx()
    assert isinstance(net, nx.MultiDiGraph)
    assert net.nodes[POLICE]["type"] == "Agency"
    assert graph.validate()[0]


def test_build_takes_the_cache_and_says_its_stages(tmp_path):
    """What `kg build --cache` asks of the API: the second build of unchanged files
    extracts nothing and gives the same graph; stages come in order."""
    import shutil
    from pathlib import Path
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(Path(__file__).resolve().parent.parent / "data" / "corpus" /
                "003_f02fbc5c5be15434.txt", folder)
    stages: list[str] = []
    first = KnowledgeGraph.build([folder], cache=tmp_path / "cache", stage=stages.append)
    assert stages == ["resolve", "graph"]
    assert (first.stats.files, first.stats.extracted, first.stats.cached) == (1, 1, 0)
    again = KnowledgeGraph.build([folder], cache=tmp_path / "cache")
    assert (again.stats.extracted, again.stats.cached) == (0, 1)
    assert again.quads.terms == first.quads.terms and (again.quads.rows == first.quads.rows).all()
    assert again.counts()["Article"] == first.counts()["Article"] > 0


def test_build_refuses_workers_it_cannot_reach(tmp_path):
    import pytest

    from kg.pipeline import ExecutorError
    with pytest.raises(ExecutorError, match="cannot reach the Dask scheduler|dask"):
        KnowledgeGraph.build([tmp_path], dask="tcp://127.0.0.1:9", dask_timeout=0.5)
