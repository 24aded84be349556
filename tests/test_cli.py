"""The `kg` commands, run through kg.cli.main as a user would type them."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from kg.cli import main
from kg.model import Problem
from tests.conftest import make_corpus


@pytest.fixture
def fake_pipeline(monkeypatch):
    """`kg build` over the hand-built corpus: `KnowledgeGraph.build`, which the command
    calls, reports progress and stages, and one problem."""
    from kg.api import KnowledgeGraph
    from kg.pipeline import BuildStats
    calls = {}

    def build(cls, paths, progress=None, sources=None, stage=None, **options):
        calls["paths"] = [str(p) for p in paths]
        if progress:
            progress(100)
        if stage:
            stage("resolve")
            stage("graph")
        corpus = make_corpus()
        corpus.problems = [Problem("data/x.txt", "undecodable bytes, skipped", 12)]
        graph = cls.from_corpus(corpus)
        graph.stats = BuildStats()
        return graph

    monkeypatch.setattr(KnowledgeGraph, "build", classmethod(build))
    return calls


@pytest.fixture
def built(fake_pipeline, tmp_path, capsys):
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    (corpus_dir / "a.txt").write_text("text", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(corpus_dir), "-o", str(out), "-f", "turtle", "-f", "trig"]) == 0
    capsys.readouterr()
    return out


# ------------------------------------------------------------------ build

def test_build_writes_graph_and_summary(fake_pipeline, tmp_path, capsys):
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    out = tmp_path / "out"
    assert main(["build", str(corpus_dir), "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert (out / "graph.ttl").is_file()
    from kg import export
    assert (out / "graph.html").is_file() == ("html" in export.available())
    [summary] = captured.out.splitlines()
    assert summary.endswith("graph.ttl" + (", " + str(out / "graph.html") if (out / "graph.html").exists() else "") + " (1 problem)")
    assert summary.startswith("2 articles, 12 entities, 13 relations, 3 statistics in ")
    assert captured.err.splitlines() == ["data/x.txt:12: undecodable bytes, skipped"]
    assert fake_pipeline["paths"] == [str(corpus_dir)]


def test_build_strict_fails_on_problems(fake_pipeline, tmp_path, capsys):
    assert main(["build", str(tmp_path), "-o", str(tmp_path / "o"), "--strict", "-q"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "undecodable bytes" in captured.err


def test_build_all_formats_and_validate(fake_pipeline, tmp_path, capsys):
    out = tmp_path / "o"
    assert main(["build", str(tmp_path), "-o", str(out), "-f", "all", "--validate", "-q"]) == 0
    names = {p.name for p in out.iterdir()}
    assert {"graph.ttl", "graph.trig", "graph.nt", "graph.jsonld", "graph.graphml",
            "entities.csv", "relations.csv", "statistics.csv"} <= names


def test_build_missing_path_is_a_usage_error(fake_pipeline, tmp_path, capsys):
    assert main(["build", str(tmp_path / "nope"), "-o", str(tmp_path / "o")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_build_into_a_file_is_a_usage_error(fake_pipeline, tmp_path, capsys):
    target = tmp_path / "taken"
    target.write_text("x")
    assert main(["build", str(tmp_path), "-o", str(target)]) == 2
    assert "is a file, not a folder" in capsys.readouterr().err


def test_build_unknown_format(fake_pipeline, tmp_path, capsys):
    assert main(["build", str(tmp_path), "-o", str(tmp_path / "o"), "-f", "xls"]) == 2
    assert "unknown format 'xls'" in capsys.readouterr().err


# ------------------------------------------------------------------ export

def test_export_to_other_formats(built, tmp_path, capsys):
    assert main(["export", str(built / "graph.ttl"), "-f", "nt", "-o", str(tmp_path / "g.nt")]) == 0
    from rdflib import Graph
    triples = len(Graph().parse(str(built / "graph.ttl")))
    assert (tmp_path / "g.nt").read_text(encoding="utf-8").count(" .\n") == triples
    assert main(["export", str(built), "-f", "csv", "-f", "graphml"]) == 0
    assert {"entities.csv", "relations.csv", "statistics.csv", "graph.graphml"} <= {
        p.name for p in built.iterdir()}
    assert main(["export", str(built / "graph.ttl"), "-f", "turtle"]) == 2
    assert "refusing to overwrite" in capsys.readouterr().err


def test_export_missing_graph(tmp_path, capsys):
    assert main(["export", str(tmp_path / "none.ttl"), "-f", "nt"]) == 2
    assert "no such file" in capsys.readouterr().err


# ------------------------------------------------------------------ query

def test_query_prints_an_aligned_table(built, capsys):
    assert main(["query", "SELECT ?name WHERE { ?p a gov:Programme ; rdfs:label ?name } ORDER BY ?name",
                 "--graph", str(built / "graph.ttl")]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "name", "--------", "红船枫警", "警民通", "(2 rows)"]


def test_query_library_name_with_binding_as_csv(built, capsys):
    assert main(["query", "officials-of-agency", "-g", str(built), "-b", "agency_name=嘉兴公安",
                 "-f", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "agency_label,person_name,role", "嘉兴市公安局,王建华,党委书记", "嘉兴市公安局,王建华,局长"]


def test_query_file_as_json(built, tmp_path, capsys):
    path = tmp_path / "q.rq"
    path.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s a gov:Statistic }", encoding="utf-8")
    assert main(["query", str(path), "-g", str(built), "-f", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == [{"n": 3}]


def test_statistics_read_right_in_query_rows_json_and_show(built, capsys):
    """Direction and period in the saved query's rows; values are numbers in JSON."""
    assert main(["query", "statistics-about-place", "-g", str(built), "-b", "place_name=嘉兴市",
                 "-f", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["subject"], r["measure"], r["value"], r["unit"], r["direction"], r["period"])
            for r in rows] == [("嘉兴市", "违法犯罪警情", 21.2, "%", "下降", "2022年"),
                               ("嘉兴市公安局南湖区分局", "警务站", 36, "个", None, None)]
    assert main(["query", "statistics-about-place", "-g", str(built), "-b", "place_name=嘉兴市",
                 "-f", "csv"]) == 0
    header, first = capsys.readouterr().out.splitlines()[:2]
    assert header.startswith("place_label,subject,measure,value,unit,direction,period,")
    assert first.startswith("嘉兴市,嘉兴市,违法犯罪警情,21.2,%,下降,2022年,")
    assert main(["show", "嘉兴市", "-g", str(built), "-t", "Place", "-f", "json"]) == 0
    [record] = json.loads(capsys.readouterr().out)
    [stat] = record["statistics"]
    assert (stat["value"], stat["direction"], stat["period"]) == (21.2, "下降", "2022年")


def test_query_syntax_error_exits_2_with_position(built, capsys):
    assert main(["query", "SELECT ?x WHERE {\n  ?x rdfs:label ?l\n  FILTR(?l) }",
                 "-g", str(built)]) == 2
    err = capsys.readouterr().err
    assert "SPARQL syntax error at line 3, column" in err
    assert "    FILTR(?l) }" in err and "^" in err


# ------------------------------------------------------------------ stats and show

def test_stats(built, capsys):
    assert main(["stats", str(built)]) == 0
    out = capsys.readouterr().out
    assert "  Agency                 3" in out
    assert "  holdsPost              2" in out
    assert "top places" in out and "柳州市" in out and "top programmes" in out
    assert main(["stats", str(built), "-f", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["counts"]["Statistic"] == 3
    assert data["top_programmes"][0]["programme"] == "红船枫警"


def test_show_by_alias_with_sources(built, capsys):
    assert main(["show", "嘉兴公安", "-g", str(built)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("嘉兴市公安局  [Agency]")
    assert "  locatedIn -> 嘉兴市" in out
    assert "  holdsPost (局长) <- 王建华" in out
    assert "100_aaaaaaaaaaaaaaaa.txt:3  嘉兴市公安局推出“红船枫警”工作机制，在南湖区全面推行。" in out


def test_show_statistics_of_a_place(built, capsys):
    assert main(["show", "嘉兴市", "-g", str(built), "-t", "Place"]) == 0
    out = capsys.readouterr().out
    assert "  违法犯罪警情: 21.2 %  (2022年 下降)" in out


def test_show_unknown_name(built, capsys):
    assert main(["show", "不存在的机构", "-g", str(built)]) == 1
    assert "nothing named" in capsys.readouterr().err


def test_build_progress_covers_every_stage_only_on_a_terminal(fake_pipeline, tmp_path, capsys,
                                                              monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["build", str(tmp_path), "-o", str(tmp_path / "o"), "-f", "turtle", "-f", "csv",
                 "--validate"]) == 0
    err = capsys.readouterr().err
    stages = re.findall(r"kg build: ([^…\r\n]+?) … \d+\.\d s", err)
    assert stages == ["read and extract", "resolve entities", "make the graph", "validate",
                      "write graph.ttl",
                      "write entities.csv, relations.csv, statistics.csv, articles.csv"], err
    assert main(["build", str(tmp_path), "-o", str(tmp_path / "o"), "--quiet"]) == 0
    assert "kg build" not in capsys.readouterr().err
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    assert main(["build", str(tmp_path), "-o", str(tmp_path / "o")]) == 0
    assert "kg build:" not in capsys.readouterr().err


def test_show_a_place_says_where_it_lies(built, capsys):
    # no article names 广西: the gazetteer's lineage does
    assert main(["show", "柳州", "-g", str(built), "-t", "Place"]) == 0
    assert "  in: 广西壮族自治区\n" in capsys.readouterr().out


# ------------------------------------------------------------------ answers that never mislead

def test_build_summary_counts_are_what_stats_shows(built, fake_pipeline, tmp_path, capsys):
    assert main(["build", str(tmp_path), "-o", str(tmp_path / "again"), "-f", "turtle"]) == 0
    summary = capsys.readouterr().out
    assert main(["stats", str(tmp_path / "again"), "-f", "json"]) == 0
    counts = json.loads(capsys.readouterr().out)["counts"]
    entities = sum(counts[t] for t in ("Place", "Agency", "Programme", "Person", "PolicyDocument"))
    relations = sum(counts[p] for p in ("partOf", "locatedIn", "subOrganizationOf", "implementedBy",
                                        "implementedIn", "issuedBy", "Membership"))
    assert summary.startswith(f"{counts['Article']} articles, {entities} entities, {relations} "
                              f"relations, {counts['Statistic']} statistics in ")
    assert main(["html", str(tmp_path / "again")]) == 0   # entities drawn, figures in their panels
    drawn = re.search(r"\(all (\d+) nodes \((\d+) statistics in their nodes' panels\)",
                      capsys.readouterr().out)
    # byline-only people are drawn as one Reporters node, so at most every entity is a node
    assert drawn and int(drawn.group(1)) <= entities and int(drawn.group(2)) == counts["Statistic"]


BAD = Path(__file__).parent / "bad_files"


@pytest.mark.parametrize("files", [[], [("empty.txt", b"")], [
    ("blank.txt", b" \n\n"), ("pic.txt", (BAD / "04_png_as_txt.txt").read_bytes())]])
def test_a_build_with_no_text_fails_and_writes_nothing(files, tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, data in files:
        (corpus / name).write_bytes(data)
    assert main(["build", str(corpus), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[-1].startswith("kg build: nothing to build: no ") and "nothing was written" in err[-1]
    assert len(err) == 1 + len(files)                   # one line per file saying why
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_unknown_saved_query_lists_the_saved_ones(built, capsys):
    assert main(["query", "programmes-by-county", "-g", str(built)]) == 2
    [err] = capsys.readouterr().err.splitlines()
    assert err.startswith("kg query: no saved query named 'programmes-by-county'; saved queries: ")
    assert "programmes-by-city" in err and "shared-programmes" in err
    assert main(["query", "--list"]) == 0
    listed = dict(line.split(None, 1) for line in capsys.readouterr().out.splitlines())
    from kg.resources import queries_dir
    assert set(listed) == {p.stem for p in queries_dir().glob("*.rq")}
    assert listed["programmes-by-province"].startswith("Programmes by province: ")
    assert main(["query", "-g", str(built)]) == 2
    assert "--list" in capsys.readouterr().err


def test_export_o_file_writes_that_file(built, tmp_path, capsys):
    target = tmp_path / "sub" / "mine.nt"
    assert main(["export", str(built), "-f", "nt", "-o", str(target)]) == 0
    assert capsys.readouterr().out.splitlines() == [str(target)] and target.stat().st_size > 0
    # one file cannot hold two formats, nor csv's three tables: nothing is written
    assert main(["export", str(built), "-f", "nt", "-f", "jsonld", "-o", str(tmp_path / "b.nt")]) == 2
    assert "give -o a folder" in capsys.readouterr().err
    assert main(["export", str(built), "-f", "csv", "-o", str(tmp_path / "t.csv")]) == 2
    assert "csv writes 4 files (entities.csv, relations.csv, statistics.csv, articles.csv)" \
        in capsys.readouterr().err
    assert not (tmp_path / "b.nt").exists() and not (tmp_path / "t.csv").exists()
    assert main(["export", str(built), "-f", "csv", "-o", str(tmp_path / "tables")]) == 0
    assert sorted(p.name for p in (tmp_path / "tables").iterdir()) == [
        "articles.csv", "entities.csv", "relations.csv", "statistics.csv"]


def test_html_writes_beside_the_graph(built, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (built / "graph.html").unlink(missing_ok=True)
    assert main(["html", str(built / "graph.trig")]) == 0
    assert capsys.readouterr().out.startswith(f"wrote {built / 'graph.html'} (")
    assert (built / "graph.html").is_file() and not (tmp_path / "graph.html").exists()


def test_show_ranks_exact_matches_first_and_says_what_else_matched(built, capsys):
    assert main(["show", "嘉兴市", "-g", str(built)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("嘉兴市  [Place]")
    assert out.rstrip().endswith("3 other entities matched '嘉兴市': 嘉兴市公安局、嘉兴市公安局南湖区分局、"
                                 "嘉兴市平安社区建设实施方案 (kg show NAME shows one)")
    assert "嘉兴市公安局  [Agency]" not in out
    # no name is 南湖: the closest one holding it, then the others
    assert main(["show", "南湖", "-g", str(built)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[:2] == ["(no entity is named '南湖'; the closest name holding it:)",
                                    "南湖区  [Place]  <https://w3id.org/govkg/id/place/330402>"]
    assert "1 other entity matched '南湖': 嘉兴市公安局南湖区分局" in out


def test_show_did_you_mean(built, capsys):
    assert main(["show", "嘉兴市公按局", "-g", str(built)]) == 1
    [err] = capsys.readouterr().err.splitlines()
    assert err.startswith(f"kg show: nothing named '嘉兴市公按局' in {built}; did you mean 嘉兴市公安局")
    assert main(["show", "上海", "-g", str(built)]) == 1          # nothing like it: no guess
    assert capsys.readouterr().err == f"kg show: nothing named '上海' in {built}\n"


def test_every_help_ends_with_examples(capsys):
    from kg.cli import build_parser
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices
    for name, sub in commands.items():
        lines = sub.format_help().rstrip().splitlines()
        at = lines.index("examples (on the bundled corpus, from the project folder):")
        examples = lines[at + 1:]
        assert 2 <= len(examples) <= 3 and all(e.startswith("  ") for e in examples), name
        assert any(e.strip().startswith(f"kg {name} ") or e.strip() == f"kg {name}"
                   for e in examples), name
