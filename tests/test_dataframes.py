"""Python and data users: query results as pandas DataFrames, tables as Parquet."""
from __future__ import annotations

import csv

import pytest

from kg.api import KnowledgeGraph
from kg.cli import main
from kg.extras import MissingExtra


@pytest.fixture
def kg(corpus):
    return KnowledgeGraph.from_corpus(corpus)


@pytest.fixture
def without(monkeypatch):
    """Pretend an optional library is not installed."""
    import kg.extras

    def hide(*modules: str) -> None:
        real = kg.extras.installed
        monkeypatch.setattr(kg.extras, "installed", lambda m: m not in modules and real(m))
    return hide


def test_query_rows_to_a_dataframe(kg):
    rows = kg.query("""SELECT ?about ?value ?unit ?direction WHERE {
        ?s a gov:Statistic ; gov:about/rdfs:label ?about ; gov:value ?value ; gov:unit ?unit .
        OPTIONAL { ?s gov:direction ?direction } } ORDER BY ?value""")
    df = rows.to_df()
    assert list(df.columns) == ["about", "value", "unit", "direction"]       # query order
    assert df["value"].tolist() == [21.2, 36.0, 13000.0]
    assert str(df["value"].dtype) == "float64"                              # numbers, not text
    assert df["about"].tolist() == ["嘉兴市", "嘉兴市公安局南湖区分局", "警民通"]
    assert df["direction"].tolist()[0] == "下降" and df["direction"].isna().tolist()[1:] == [True, True]
    counts = kg.query("SELECT (COUNT(*) AS ?n) WHERE { ?s a gov:Statistic }").to_df()
    assert counts["n"].tolist() == [3] and str(counts["n"].dtype) == "int64"


def test_an_empty_result_keeps_its_columns(kg):
    df = kg.query("SELECT ?a ?b WHERE { ?a gov:nothing ?b }").to_df()
    assert list(df.columns) == ["a", "b"] and len(df) == 0


def test_to_df_without_pandas_says_how_to_get_it(kg, without):
    without("pandas")
    rows = kg.query("SELECT ?s WHERE { ?s a gov:Place }")
    with pytest.raises(MissingExtra, match=r"Rows.to_df needs pandas.*pip install 'govkg\[data\]'"):
        rows.to_df()


def test_parquet_tables_beside_csv_with_typed_columns(corpus, tmp_path, capsys):
    import pyarrow.parquet as pq
    KnowledgeGraph.from_corpus(corpus).save(tmp_path, ["turtle", "csv"])
    assert main(["export", str(tmp_path), "-f", "parquet"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        str(tmp_path / f"{t}.parquet") for t in ("entities", "relations", "statistics", "articles")]
    for name in ("entities", "relations", "statistics"):
        table = pq.read_table(tmp_path / f"{name}.parquet")
        with open(tmp_path / f"{name}.csv", encoding="utf-8-sig") as f:
            rows = list(csv.DictReader(f))
        assert table.num_rows == len(rows) and table.column_names == list(rows[0])
    stats = pq.read_table(tmp_path / "statistics.parquet")
    assert str(stats.schema.field("value").type) == "double"
    assert str(stats.schema.field("source_line").type) == "int64"
    assert stats.column("value").to_pylist() == [21.2, 36.0, 13000.0]
    assert stats.column("direction").to_pylist() == ["下降", "", ""]


def test_parquet_without_pyarrow_is_a_usage_error_and_all_leaves_it_out(
        corpus, tmp_path, capsys, without, monkeypatch):
    without("pyarrow")
    KnowledgeGraph.from_corpus(corpus).save(tmp_path, ["turtle"])
    assert main(["export", str(tmp_path), "-f", "parquet"]) == 2
    assert capsys.readouterr().err == ("kg export: the parquet format needs pyarrow, which is not "
                                       "installed: pip install 'govkg[data]'\n")
    assert not (tmp_path / "entities.parquet").exists()
    from kg.commands.build import _formats
    assert "parquet" not in _formats(["all"]) and "csv" in _formats(["all"])
