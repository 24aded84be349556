"""What keeps `kg build` bounded at large sizes, checked on the bundled corpus:

* the graph stage may consume the corpus (freed before the quads are sorted)
  and still gives the same quads;
* the explorer page of a graph with more nodes than its cap holds only the
  best-connected ones, each exactly as the full page shows it, and says in the
  page how many it left out; below the cap the page is unchanged.
"""
from __future__ import annotations

import re

from pathlib import Path

import numpy as np
import pytest

from kg.export.html import (PAGE_NODES, REPORTERS, best_connected, explorer_data, render_page,
                            write_html)
from kg.graph.build import corpus_to_quads
from kg.graph.quads import iri
from kg.vocab import GOV

ROOT = Path(__file__).resolve().parent.parent
CAP = 60


@pytest.fixture(scope="module")
def bundled_corpus():
    from kg.pipeline import build_corpus
    return build_corpus([ROOT / "data" / "corpus"])


@pytest.fixture(scope="module")
def quads(bundled_corpus):
    return corpus_to_quads(bundled_corpus)


@pytest.fixture(scope="module")
def full(quads):
    return explorer_data(quads)


@pytest.fixture(scope="module")
def capped(quads):
    return explorer_data(quads, page_nodes=CAP)


def _ntriples(quads) -> list[str]:
    import io
    out = io.StringIO()
    quads.write_nquads(out)
    return out.getvalue().splitlines()


def test_consuming_the_corpus_gives_the_same_quads_and_empties_it():
    from kg.pipeline import build_corpus
    corpus = build_corpus([ROOT / "data" / "corpus"])
    kept = corpus_to_quads(corpus)
    assert corpus.articles and corpus.entities          # not consumed by default
    problems = list(corpus.problems)
    consumed = corpus_to_quads(corpus, consume=True)
    assert _ntriples(consumed) == _ntriples(kept)
    assert not (corpus.articles or corpus.entities or corpus.relations
                or corpus.statistics or corpus.reporters)
    assert corpus.problems == problems


def test_kg_build_consumes_its_corpus(monkeypatch, tmp_path):
    import kg.graph.build as build
    from kg.cli import main
    seen = []
    real = build.corpus_to_quads

    def spy(corpus, consume=False):
        seen.append(consume)
        return real(corpus, consume)
    monkeypatch.setattr(build, "corpus_to_quads", spy)
    assert main(["build", str(ROOT / "data" / "corpus" / sorted(
        p.name for p in (ROOT / "data" / "corpus").glob("*.txt"))[0]), "-o", str(tmp_path), "-q",
        "-f", "nt"]) == 0
    assert seen == [True]


def graph_nodes(data: dict) -> int:
    """The nodes of the graph a page shows: its nodes, with each byline-only person
    its reporters node stands for."""
    group = data["details"].get(REPORTERS, {"members": [None]})
    return len(data["nodes"]) - 1 + len(group["members"])


def said(data: dict, numbers: list[int]) -> list:
    return [(data["evidence"][n][0], data["articles"][data["evidence"][n][1]]) for n in numbers]


def test_small_graphs_keep_every_node_and_no_note(quads, full):
    assert graph_nodes(full) < PAGE_NODES
    assert best_connected(quads, graph_nodes(full)) is None
    assert "omitted" not in full
    assert explorer_data(quads, page_nodes=graph_nodes(full)) == full
    assert 'id="page-note"' not in render_page(full)


def test_a_capped_page_holds_the_best_connected_nodes(quads, full, capped):
    assert capped["omitted"] == {"total": graph_nodes(full), "shown": CAP}
    ids = {n["id"] for n in capped["nodes"]}
    assert len(ids) == CAP
    # connectivity: triples linking a node to another node or an article
    rows = quads.default_rows()
    linking = [quads.rank(iri(str(GOV[p]))) for p in (
        "partOf", "locatedIn", "subOrganizationOf", "implementedBy", "implementedIn", "issuedBy",
        "about", "member", "organization", "mentions")]
    picked = rows[np.isin(rows[:, 2], [r for r in linking if r is not None])]
    score = {}
    for column in (1, 3):
        for term, count in zip(*np.unique(picked[:, column], return_counts=True)):
            score[quads.terms[term][1:-1]] = score.get(quads.terms[term][1:-1], 0) + int(count)
    everyone = sorted((n["id"] for n in full["nodes"]), key=lambda i: (-score.get(i, 0), i))
    assert ids == set(everyone[:CAP])
    assert min(score.get(i, 0) for i in ids) >= max(score.get(i, 0) for i in everyone[CAP:])


def test_capped_nodes_show_what_the_full_page_shows_of_them(full, capped):
    ids = {n["id"] for n in capped["nodes"]}
    for node in capped["nodes"]:
        whole = full["details"][node["id"]]
        part = capped["details"][node["id"]]
        for key in ("label", "aliases", "type", "iri", "adminLevel", "adcode", "articles"):
            assert part[key] == whole[key], (node["id"], key)
        # the relations to the nodes kept, with the same evidence (numbered within each page)
        def resolved(data, entries):
            return [{**e, "evidence": sorted(said(data, e["evidence"]))} for e in entries]
        assert resolved(capped, part["relations"]) == resolved(full, [r for r in whole["relations"]
                                                                       if r["node"] in ids])
        assert resolved(capped, part["statistics"]) == resolved(full, [s for s in whole["statistics"]
                                                                        if s["node"] in ids])
    assert capped["edges"] and all(e["from"] in ids and e["to"] in ids for e in capped["edges"])
    assert ([(e["from"], e["to"], e["label"]) for e in capped["edges"]]
            == [(e["from"], e["to"], e["label"]) for e in full["edges"]
                if e["from"] in ids and e["to"] in ids])
    folded = [n for n in capped["nodes"] if n["type"] == "statistic"]
    assert len(capped["initial"]) == CAP - len(folded)          # statistics wait in their panels


def test_a_capped_page_says_how_many_nodes_it_left_out_and_how_to_get_them(tmp_path, quads, full):
    data = write_html(quads, tmp_path / "graph.html", page_nodes=CAP)
    page = (tmp_path / "graph.html").read_text(encoding="utf-8")
    left = graph_nodes(full) - CAP
    note = page[page.index('<p id="page-note"'):]
    note = note[:note.index("</p>")]
    assert f"{CAP:,} best-connected of the graph&#39;s {graph_nodes(full):,} nodes ({left:,} left out)" in note
    assert "--page-nodes 0" in note
    assert page.index("</header>") < page.index('id="page-note"') < page.index('id="legend"')
    assert data["omitted"]["shown"] == CAP


def test_kg_html_page_nodes(tmp_path, capsys):
    from kg.cli import main
    out = tmp_path / "build"
    assert main(["build", str(ROOT / "data" / "corpus"), "-o", str(out), "-q", "-f", "turtle"]) == 0
    assert main(["html", str(out), "-o", str(tmp_path / "a.html"), "--page-nodes", "25"]) == 0
    said = capsys.readouterr().out
    drawn, folded = re.search(r"all (\d+) nodes \((\d+) statistics in their nodes' panels\)", said).groups()
    assert int(drawn) + int(folded) == 25 and "left out" in said
    assert 'id="page-note"' in (tmp_path / "a.html").read_text(encoding="utf-8")
    assert main(["html", str(out), "-o", str(tmp_path / "b.html")]) == 0
    assert "left out" not in capsys.readouterr().out
    assert 'id="page-note"' not in (tmp_path / "b.html").read_text(encoding="utf-8")
    assert main(["html", str(out), "--page-nodes", "-1"]) == 2
    assert "--page-nodes" in capsys.readouterr().err
