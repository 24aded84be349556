"""`kg build --workers N`: extraction in worker processes gives the very same files."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.cli import main
from kg.export.rdf import sorted_ntriples
from kg.graph.build import corpus_to_graph
from kg.parallel import ProcessExecutor
from kg.pipeline import BuildStats, build_corpus

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


@pytest.fixture(scope="module")
def one_worker(tmp_path_factory):
    out = tmp_path_factory.mktemp("one")
    assert main(["build", str(CORPUS), "-o", str(out), "-f", "turtle", "-f", "trig", "-q"]) == 0
    return out


@pytest.mark.slow
def test_two_workers_write_the_same_bytes_as_one(one_worker, tmp_path):
    out = tmp_path / "two"
    assert main(["build", str(CORPUS), "-o", str(out), "-f", "turtle", "-f", "trig", "-q",
                 "--workers", "2"]) == 0
    for name in ("graph.ttl", "graph.trig"):
        assert (out / name).read_bytes() == (one_worker / name).read_bytes(), name


@pytest.mark.slow
def test_forkserver_workers_give_the_same_corpus_with_problems_in_order(tmp_path):
    # A broken file among good ones: its problem is reported where it stands.
    for src in sorted(CORPUS.glob("*.txt")):
        (tmp_path / src.name).write_bytes(src.read_bytes())
    (tmp_path / "002_zz_binary.txt").write_bytes(bytes(range(256)) * 8)
    alone = build_corpus([tmp_path])
    stats = BuildStats()
    with ProcessExecutor(2, start_method="forkserver") as executor:
        together = build_corpus([tmp_path], executor=executor, stats=stats)
    assert stats.extracted == stats.files == 6
    assert [a.id for a in together.articles] == [a.id for a in alone.articles]
    assert [str(p) for p in together.problems] == [str(p) for p in alone.problems]
    assert any("002_zz_binary.txt" in str(p) for p in together.problems)
    assert sorted_ntriples(corpus_to_graph(together)) == sorted_ntriples(corpus_to_graph(alone))


def test_results_come_back_in_order_whatever_finishes_first():
    with ProcessExecutor(2, start_method="fork") as executor:
        # Later items finish first: a worker sleeps less for them.
        out = list(executor.map(_slow_echo, [(i, 0.05 * (5 - i)) for i in range(6)]))
    assert out == list(range(6))


def test_a_worker_error_reaches_the_caller():
    with pytest.raises(ZeroDivisionError):
        with ProcessExecutor(1, start_method="fork") as executor:
            list(executor.map(_divide, [(1, 1), (1, 0)]))


def test_bad_worker_count_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["build", str(CORPUS), "-o", str(tmp_path), "--workers", "0"])
    assert exit_.value.code == 2
    assert "at least 1" in capsys.readouterr().err


def _slow_echo(value, delay):
    import time
    time.sleep(max(delay, 0))
    return value


def _divide(a, b):
    return a / b
