"""`kg push`: the graph into a real SPARQL server (`oxigraph serve` on loopback)."""
from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from kg.api import KnowledgeGraph
from kg.cli import main
from kg.push import PushError, push, redact, split_credentials
from tests.conftest import make_corpus


def _oxigraph() -> str:
    beside = Path(sys.executable).with_name("oxigraph")
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if not found:
        pytest.fail("the Oxigraph server is not installed: pip install oxigraph (test extra)")
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    """A fresh in-memory `oxigraph serve` on 127.0.0.1; yields its base URL."""
    port = _free_port()
    log = open(tmp_path / "oxigraph.log", "wb")
    proc = subprocess.Popen([_oxigraph(), "serve", "--bind", f"127.0.0.1:{port}"],
                            stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"oxigraph serve did not start: {(tmp_path / 'oxigraph.log').read_text()}")
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()


def _count(base: str, where: str) -> int:
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}"
    req = urllib.request.Request(f"{base}/query?" + urllib.parse.urlencode({"query": query}),
                                 headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=10) as response:
        return int(json.load(response)["results"]["bindings"][0]["n"]["value"])


ALL = "?s ?p ?o"
NAMED = "GRAPH ?g { ?s ?p ?o }"


@pytest.fixture
def graph():
    return KnowledgeGraph.from_corpus(make_corpus())


def test_push_and_push_again_replaces(server, graph):
    store = f"{server}/store"
    report = push(graph.dataset, store)
    assert report.triples == len(graph) == _count(server, ALL)
    push(graph.dataset, store)
    assert _count(server, ALL) == len(graph)           # replaced, not doubled
    assert _count(server, NAMED) == 0


def test_one_named_graph_per_article(server, graph):
    store = f"{server}/store"
    push(graph.dataset, store, per_article=True)
    named = {str(g.identifier): len(g) for g in graph.dataset.graphs()
             if g.identifier != graph.dataset.default_graph.identifier}
    assert len(named) == 2                              # the two articles of the corpus
    for iri, size in named.items():
        assert _count(server, f"GRAPH <{iri}> {{ ?s ?p ?o }}") == size
    once = _count(server, NAMED)
    push(graph.dataset, store, per_article=True)
    assert _count(server, NAMED) == once and _count(server, ALL) == len(graph)


def test_an_article_gone_from_the_build_is_gone_from_the_server(server, graph):
    store = f"{server}/store"
    push(graph.dataset, store, per_article=True)
    corpus = make_corpus()
    dropped = corpus.articles.pop()
    smaller = KnowledgeGraph.from_corpus(corpus)
    report = push(smaller.dataset, store, per_article=True)
    assert report.deleted == 1
    from kg.vocab import article_iri
    assert _count(server, f"GRAPH <{article_iri(dropped.id)}> {{ ?s ?p ?o }}") == 0


def test_cli_push_never_prints_the_password(server, graph, tmp_path, capsys, monkeypatch):
    graph.save(tmp_path / "out", ["turtle"])
    monkeypatch.setenv("KG_PUSH_PASSWORD", "s3cret-pw")
    assert main(["push", "-g", str(tmp_path / "out"), "-e", f"{server}/store",
                 "--user", "alice", "--graph-per-article"]) == 0
    out = capsys.readouterr()
    assert "s3cret-pw" not in out.out + out.err
    assert "in 3 graphs -> " in out.out                 # the default graph and two articles
    assert _count(server, ALL) == len(graph)
    # A refused or unreachable endpoint: the message names it without the credentials.
    dead = f"http://bob:hunter2@127.0.0.1:{_free_port()}/store"
    monkeypatch.delenv("KG_PUSH_PASSWORD")
    assert main(["push", "-g", str(tmp_path / "out"), "-e", dead, "--timeout", "2"]) == 1
    err = capsys.readouterr().err
    assert "hunter2" not in err and "bob" not in err and "cannot reach the server" in err


def test_redaction():
    assert redact("http://u:p@h:8/x?y=1") == "http://***@h:8/x?y=1"
    assert redact("http://h/x") == "http://h/x"
    assert split_credentials("https://u%40x:p%3A@h/s") == ("https://h/s", ("u@x", "p:"))


def test_not_http_is_refused(graph):
    with pytest.raises(PushError, match="http"):
        push(graph.dataset, "file:///etc/passwd")
