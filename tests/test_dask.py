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


@pytest.mark.slow
def test_a_mixed_folder_with_its_sources_file_builds_the_same_on_the_cluster(cluster, tmp_path):
    """PDF, web page, Word file and text extract on the workers from their bytes, with
    their rows of sources.csv; the corpus is the one built here."""
    from kg.cluster import DaskExecutor
    from tests import makedocs
    stories = makedocs.stories(CORPUS / "000_74abfd0e8a4106d5.txt")
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "page.pdf").write_bytes(makedocs.two_column_pdf(stories[:2]))
    (folder / "notice.docx").write_bytes(makedocs.word_file(stories[2:3]))
    (folder / "story.html").write_text(makedocs.web_page(
        stories[3], site="示例日报网", url="https://www.example.cn/a/3.html", date="2023-12-28"),
        encoding="utf-8")
    (folder / "brief.txt").write_text((CORPUS / "001_0bbed7d363e68c64.txt").read_text(
        encoding="utf-8"), encoding="utf-8")
    (folder / "sources.csv").write_text("file,date,publisher\nnotice.docx,2024-02-01,某某日报\n",
                                        encoding="utf-8")
    local = build_corpus([folder])
    with DaskExecutor(cluster.scheduler_address) as executor:
        remote = build_corpus([folder], executor=executor)
    assert sorted_ntriples(corpus_to_graph(remote)) == sorted_ntriples(corpus_to_graph(local))
    dates = {a.source: a.date.isoformat() for a in remote.articles if a.date}
    assert dates == {"page.pdf": "2023-12-28", "notice.docx": "2024-02-01",
                     "story.html": "2023-12-28"}
