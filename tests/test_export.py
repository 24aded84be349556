"""Every export format loads back with the same counts, and rebuilding gives the same bytes."""
from __future__ import annotations

import csv
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset, Graph

from kg import export
from kg.graph import union_graph
from kg.graph.load import load_dataset, load_graph
from kg.graph.network import to_networkx
from tests.conftest import POLICE

ROOT = Path(__file__).resolve().parents[1]
ALL = ["turtle", "trig", "jsonld", "nt", "graphml", "csv"]


def test_registry_knows_every_format():
    assert set(ALL) <= set(export.available())
    assert export.get("csv").outputs == ("entities.csv", "relations.csv", "statistics.csv",
                                         "articles.csv")
    with pytest.raises(KeyError, match="unknown format 'xls'"):
        export.get("xls")


@pytest.mark.parametrize("fmt,parser", [("turtle", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_rdf_graph_formats_load_back(dataset, tmp_path, fmt, parser):
    [path] = export.save(dataset, tmp_path, [fmt])
    back = Graph().parse(str(path), format=parser)
    assert set(back) == set(union_graph(dataset))


def test_trig_has_one_named_graph_per_article(dataset, tmp_path):
    [path] = export.save(dataset, tmp_path, ["trig"])
    back = Dataset()
    back.parse(str(path), format="trig")
    assert sorted(back.quads()) == sorted(dataset.quads())
    names = {str(g.identifier) for g in back.graphs() if len(g)}
    assert len(names) == 3        # the default graph and the two articles
    assert "嘉兴推行红船枫警机制" in path.read_text(encoding="utf-8")


def test_graphml_loads_back_with_typed_nodes_and_labelled_edges(dataset, graph, tmp_path):
    [path] = export.save(dataset, tmp_path, ["graphml"])
    back = nx.read_graphml(str(path), force_multigraph=True)
    net = to_networkx(graph)
    assert back.number_of_nodes() == net.number_of_nodes() == 12
    assert back.number_of_edges() == net.number_of_edges()
    node = back.nodes[POLICE]
    assert node["type"] == "Agency" and node["label"] == "嘉兴市公安局"
    roles = sorted(d["role"] for _, _, d in back.edges(data=True) if d["predicate"] == "holdsPost")
    assert roles == ["党委书记", "局长"]


def test_csv_tables(dataset, tmp_path):
    paths = export.save(dataset, tmp_path, ["csv"])
    assert [p.name for p in paths] == ["entities.csv", "relations.csv", "statistics.csv",
                                       "articles.csv"]
    read = {p.name: list(csv.DictReader(open(p, encoding="utf-8-sig"))) for p in paths}
    assert len(read["entities.csv"]) == 12
    place = {r["label"]: (r["province"], r["city"], r["county"]) for r in read["entities.csv"]}
    assert place["南湖区"] == ("浙江省", "嘉兴市", "南湖区")
    assert place["柳州市"] == ("广西壮族自治区", "柳州市", "")     # 广西 from the gazetteer
    assert place["嘉兴市公安局"] == ("", "", "")
    assert len(read["relations.csv"]) == 13        # one row per (edge, sentence)
    stats = read["statistics.csv"]
    assert [(r["about_label"], r["value"], r["unit"]) for r in stats] == [
        ("嘉兴市", "21.2", "%"), ("嘉兴市公安局南湖区分局", "36", "个"), ("警民通", "13000", "名")]
    assert stats[0]["evidence"].startswith("2022年") and stats[0]["source_line"] == "5"
    assert (stats[0]["direction"], stats[0]["period"]) == ("下降", "2022年")
    post = [r for r in read["relations.csv"] if r["role"] == "局长"][0]
    assert post["predicate"] == "holdsPost" and post["source_file"] == "100_aaaaaaaaaaaaaaaa.txt"


def test_every_rdf_file_loads_as_the_same_dataset(dataset, tmp_path):
    paths = export.save(dataset, tmp_path, ["turtle", "trig", "jsonld", "nt"])
    for path in paths:
        assert sorted(load_dataset(path).quads()) == sorted(dataset.quads()), path.name
    assert len(load_graph(tmp_path)) == len(union_graph(dataset))


def test_save_is_atomic_when_an_exporter_fails(dataset, tmp_path, monkeypatch):
    [path] = export.save(dataset, tmp_path, ["turtle"])
    good = path.read_bytes()

    def broken(ds, target):
        target.write_text("half a graph")
        raise RuntimeError("disk on fire")
    monkeypatch.setitem(export.EXPORTERS, "turtle",
                        export.Exporter("turtle", "graph.ttl", broken))
    with pytest.raises(RuntimeError):
        export.save(dataset, tmp_path, ["turtle"])
    assert path.read_bytes() == good
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]   # no temporary left


BUILD_SCRIPT = """
import sys
from kg import export
from kg.graph import corpus_to_dataset
from tests.conftest import make_corpus
export.save(corpus_to_dataset(make_corpus()), sys.argv[1], sys.argv[2:])
"""


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.mark.slow
def test_two_builds_are_byte_identical(tmp_path):
    """Separate processes with different hash seeds write the same bytes."""
    for run, seed in (("a", "1"), ("b", "2")):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", BUILD_SCRIPT, str(tmp_path / run), *ALL],
                       cwd=ROOT, env=env, check=True)
    first, second = _digests(tmp_path / "a"), _digests(tmp_path / "b")
    assert len(first) == 9
    assert first == second
