"""`kg build --cache`: a file is extracted once per content; resolution always reruns."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import kg.pipeline
from kg.cache import ExtractionCache, document_key
from kg.cli import main
from kg.export.rdf import sorted_ntriples
from kg.graph.build import corpus_to_graph
from kg.pipeline import BuildStats, build_corpus

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


@pytest.fixture
def counted(monkeypatch):
    """The number of files `extract_source` really ran on."""
    calls = []
    real = kg.pipeline.extract_source

    def extract_source(source, given=None):
        calls.append(source.name)
        return real(source, given)

    monkeypatch.setattr(kg.pipeline, "extract_source", extract_source)
    return calls


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for src in sorted(CORPUS.glob("*.txt")):
        (folder / src.name).write_bytes(src.read_bytes())
    return folder


def _more_files(folder: Path, count: int) -> list[Path]:
    """`count` new reports: the bundled ones with other figures, under other names."""
    sources = sorted(CORPUS.glob("*.txt"))
    made = []
    for i in range(count):
        src = sources[i % len(sources)]
        text = re.sub(r"\d+", lambda m: str(int(m.group()) + 1 + i), src.read_text(encoding="utf-8"))
        path = folder / f"1{i:02d}_{src.name}"
        path.write_text(text, encoding="utf-8")
        made.append(path)
    return made


def _nt(corpus) -> str:
    return sorted_ntriples(corpus_to_graph(corpus))


@pytest.mark.slow
def test_adding_ten_files_extracts_only_those(corpus, tmp_path, counted):
    cache = ExtractionCache(tmp_path / "cache")
    build_corpus([corpus], cache=cache)
    assert len(counted) == 5
    new = _more_files(corpus, 10)
    counted.clear()
    stats = BuildStats()
    grown = build_corpus([corpus], cache=ExtractionCache(tmp_path / "cache"), stats=stats)
    assert sorted(counted) == sorted(p.name for p in new)
    assert (stats.files, stats.extracted, stats.cached) == (15, 10, 5)
    assert _nt(grown) == _nt(build_corpus([corpus]))      # the same as building afresh


def test_deleting_a_file_removes_what_only_it_said(corpus, tmp_path, counted):
    cache_dir = tmp_path / "cache"
    full = build_corpus([corpus], cache=ExtractionCache(cache_dir))
    gone = sorted(corpus.glob("*.txt"))[1]
    gone.unlink()
    counted.clear()
    stats = BuildStats()
    smaller = build_corpus([corpus], cache=ExtractionCache(cache_dir), stats=stats)
    assert counted == [] and stats.cached == 4 and stats.pruned == 1
    assert _nt(smaller) == _nt(build_corpus([corpus]))
    assert not any(a.source == gone.name for a in smaller.articles)
    only_there = {e.label for e in full.entities.values()} - {e.label for e in smaller.entities.values()}
    assert only_there                                    # the deleted file said something of its own


def test_an_edited_file_is_extracted_again(corpus, tmp_path, counted):
    cache_dir = tmp_path / "cache"
    build_corpus([corpus], cache=ExtractionCache(cache_dir))
    edited = sorted(corpus.glob("*.txt"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    counted.clear()
    build_corpus([corpus], cache=ExtractionCache(cache_dir))
    assert counted == [edited.name]


def test_a_corrupt_or_half_written_entry_is_recomputed(corpus, tmp_path, counted):
    cache_dir = tmp_path / "cache"
    expected = _nt(build_corpus([corpus], cache=ExtractionCache(cache_dir)))
    entries = sorted(cache_dir.glob("??/*.pickle"))
    assert len(entries) == 5
    entries[0].write_bytes(entries[0].read_bytes()[:100])          # truncated
    entries[1].write_bytes(b"not a pickle at all")                   # garbage
    (entries[2].parent / ".deadbeef.tmp").write_bytes(b"\x80")        # a crash mid-write
    counted.clear()
    cache = ExtractionCache(cache_dir)
    assert _nt(build_corpus([corpus], cache=cache)) == expected
    assert len(counted) == 2 and cache.corrupt == 2
    assert not list(cache_dir.glob("??/*.tmp"))                       # leftovers pruned


def test_problems_point_at_where_the_file_is_now(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    for folder in (first, second):
        folder.mkdir()
        (folder / "empty.txt").write_bytes(b"   \n")
    cache_dir = tmp_path / "cache"
    build_corpus([first], cache=ExtractionCache(cache_dir))
    stats = BuildStats()
    corpus = build_corpus([second], cache=ExtractionCache(cache_dir), stats=stats)
    assert stats.cached == 1
    assert [p.path for p in corpus.problems] == [str(second / "empty.txt")]


def test_keys_depend_on_name_bytes_and_pipeline():
    assert document_key("a.txt", b"x", "v1") != document_key("b.txt", b"x", "v1")
    assert document_key("a.txt", b"x", "v1") != document_key("a.txt", b"y", "v1")
    assert document_key("a.txt", b"x", "v1") != document_key("a.txt", b"x", "v2")
    assert document_key("a.txt", b"x", "v1") == document_key("a.txt", b"x", "v1")


def test_cli_cache_defaults_into_the_output_folder(corpus, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["build", str(corpus), "-o", str(out), "--cache"]) == 0
    assert "5 files extracted, 0 from the cache" in capsys.readouterr().out
    assert len(list((out / ".cache").glob("??/*.pickle"))) == 5
    first = (out / "graph.ttl").read_bytes()
    assert main(["build", str(corpus), "-o", str(out), "--cache"]) == 0
    assert "0 files extracted, 5 from the cache" in capsys.readouterr().out
    assert (out / "graph.ttl").read_bytes() == first
