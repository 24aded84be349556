"""`kg build --dask`: extraction on a real dask.distributed cluster, resolution here."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.export.rdf import sorted_ntriples
from kg.graph.build import corpus_to_graph
from kg.pipeline import BuildStats, build_corpus

try:
    import distributed
except ImportError:                 # a test extra: its absence is a broken install, not a skip
    pytest.fail("dask.distributed is not installed: pip install 'dask[distributed]'",
                pytrace=False)

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


@pytest.fixture(scope="module")
def cluster():
    from kg.parallel import warm_up
    warm_up()        # worker threads share this process: load the models once, up front
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None, scheduler_port=0) as local:
        yield local


def test_cluster_build_equals_the_local_build(cluster):
    from kg.cluster import DaskExecutor
    local = build_corpus([CORPUS])
    stats = BuildStats()
    with DaskExecutor(cluster.scheduler_address) as executor:
        remote = build_corpus([CORPUS], executor=executor, stats=stats)
    assert stats.extracted == 5
    assert [a.id for a in remote.articles] == [a.id for a in local.articles]
    assert sorted(remote.entities) == sorted(local.entities)
    assert sorted_ntriples(corpus_to_graph(remote)) == sorted_ntriples(corpus_to_graph(local))


def test_cli_build_on_the_cluster(cluster, tmp_path, capsys):
    from kg.cli import main
    local, remote = tmp_path / "local", tmp_path / "remote"
    assert main(["build", str(CORPUS), "-o", str(local), "-q"]) == 0
    assert main(["build", str(CORPUS), "-o", str(remote), "-q", "--dask",
                 cluster.scheduler_address, "--cache"]) == 0
    assert (remote / "graph.ttl").read_bytes() == (local / "graph.ttl").read_bytes()
    assert len(list((remote / ".cache").glob("??/*.pickle"))) == 5


def test_unreachable_scheduler_is_a_usage_error(tmp_path, capsys):
    import socket
    from kg.cli import main
    with socket.socket() as s:              # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    assert main(["build", str(CORPUS), "-o", str(tmp_path), "-q",
                 "--dask", f"tcp://127.0.0.1:{port}", "--dask-timeout", "1"]) == 2
    assert "cannot reach the Dask scheduler" in capsys.readouterr().err
