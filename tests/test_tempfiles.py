"""Temporary files beside outputs: what a killed writer left is removed by the next writer,
what a running one is writing is not."""
from __future__ import annotations

import subprocess
import sys

from kg.api import KnowledgeGraph
from kg.store import write_store
from tests.conftest import make_corpus


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_leftovers_of_dead_writers_go_and_those_of_live_ones_stay(tmp_path):
    from kg.tempfiles import remove_leftovers, temporary_file
    target = tmp_path / "graph.ttl"
    dead = _dead_pid()
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        (tmp_path / f".graph.ttl.{dead}.abc123.tmp").write_text("half")
        (tmp_path / f".graph.ttl.{live.pid}.def456.tmp").write_text("in progress")
        (tmp_path / f".graph.ttl.{dead}.x.new").mkdir()
        (tmp_path / f".graph.ttl.{dead}.x.new" / "data").write_text("x")
        (tmp_path / f".other.ttl.{dead}.abc.tmp").write_text("another output's")
        mine = temporary_file(target)
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted([
            f".graph.ttl.{live.pid}.def456.tmp", f".other.ttl.{dead}.abc.tmp", mine.name])
        assert remove_leftovers(target) == []          # this process still runs
    finally:
        live.kill()
        live.wait()


def test_a_save_removes_what_a_killed_save_of_any_format_left(tmp_path):
    dead = _dead_pid()
    leftovers = [tmp_path / f".{name}.{dead}.k1ll3d.tmp"
                 for name in ("graph.ttl", "entities.csv", "graph.graphml")]
    for path in leftovers:
        path.write_text("half")
    KnowledgeGraph.from_corpus(make_corpus()).save(tmp_path, ["turtle"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl"]


def test_a_store_write_removes_what_a_killed_one_left(tmp_path):
    dead = _dead_pid()
    building = tmp_path / f".store.{dead}.k1ll3d.new"
    building.mkdir()
    (building / "CURRENT").write_text("half a store")
    (tmp_path / f".store.{dead}.k1ll3d.new.nq").write_text("<a> <b> <c> .")
    (tmp_path / f".store.{dead}.old").mkdir()
    write_store(KnowledgeGraph.from_corpus(make_corpus()).dataset, tmp_path / "store")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]
