"""`kg build --store DIR` then `kg query --store DIR`: the graph is parsed once, at build time."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.cli import main
from kg.store import StoreError, is_store, write_store

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
PROGRAMMES = "SELECT ?l WHERE { ?p a gov:Programme ; rdfs:label ?l } ORDER BY ?l"


def test_query_the_store_like_the_turtle(tmp_path, capsys):
    out, store = tmp_path / "out", tmp_path / "store"
    assert main(["build", str(CORPUS), "-o", str(out), "-q", "--store", str(store)]) == 0
    assert is_store(store)
    capsys.readouterr()
    assert main(["query", PROGRAMMES, "-g", str(out), "-f", "json"]) == 0
    from_turtle = json.loads(capsys.readouterr().out)
    assert main(["query", PROGRAMMES, "--store", str(store), "-f", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == from_turtle and from_turtle
    # Per-article named graphs are there too, as in graph.trig.
    assert main(["query", "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                 "--store", str(store), "-f", "csv"]) == 0
    assert int(capsys.readouterr().out.split()[1]) > 5


def test_rebuilding_replaces_the_store(tmp_path):
    from kg.api import KnowledgeGraph
    from kg.store import open_saved_store
    from tests.conftest import make_corpus
    graph = KnowledgeGraph.from_corpus(make_corpus())
    write_store(graph.dataset, tmp_path / "s")
    write_store(graph.dataset, tmp_path / "s")
    store = open_saved_store(tmp_path / "s")
    assert sum(1 for _ in store.quads_for_pattern(None, None, None, None)) == \
        sum(len(g) for g in graph.dataset.graphs())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s"]      # nothing left beside it


def test_a_folder_that_is_no_store_is_never_replaced(tmp_path, capsys):
    mine = tmp_path / "papers"
    mine.mkdir()
    (mine / "thesis.tex").write_text("keep me")
    from kg.api import KnowledgeGraph
    from tests.conftest import make_corpus
    with pytest.raises(StoreError):
        write_store(KnowledgeGraph.from_corpus(make_corpus()).dataset, mine)
    assert (mine / "thesis.tex").read_text() == "keep me"
    assert main(["query", PROGRAMMES, "--store", str(mine)]) == 2
    assert "no Oxigraph store" in capsys.readouterr().err


def test_the_store_is_loaded_in_batches_and_holds_every_quad(tmp_path, monkeypatch):
    """The quads reach the store one writer's chunk at a time (one bulk load of the whole
    graph holds it all in memory): with chunks of 1,000 quads the bundled corpus loads in
    many batches, and the store holds exactly the quads one batch holds."""
    import kg.graph.quads as quads_module
    import kg.store as store_module
    from kg.api import KnowledgeGraph
    from kg.store import open_saved_store
    graph = KnowledgeGraph.build(sorted(CORPUS.glob("*.txt")))
    write_store(graph.graph, tmp_path / "whole")
    monkeypatch.setattr(quads_module, "_CHUNK", 1000)
    batches: list[int] = []
    load = store_module._BulkLoader.write
    monkeypatch.setattr(store_module._BulkLoader, "write",
                        lambda self, text: (batches.append(text.count("\n")), load(self, text)))
    write_store(graph.graph, tmp_path / "batched")
    assert len(batches) > 5 and max(batches) <= 1000

    def quads(folder):
        return {str(q) for q in open_saved_store(folder).quads_for_pattern(None, None, None, None)}
    assert quads(tmp_path / "batched") == quads(tmp_path / "whole") and len(quads(tmp_path / "whole")) > 5000
