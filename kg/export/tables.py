"""Tables for spreadsheet and data users: entities, relations and statistics with evidence,
and the articles with their dates.

CSV is UTF-8 with a byte-order mark, so that Excel opens the Chinese text correctly; cells a
spreadsheet would run as formulas are neutralised (kg.export.spreadsheet). Parquet (pyarrow,
`pip install 'govkg[data]'`) holds the same tables with typed columns: `value` a float,
`sentence_index` and `source_line` integers.
"""
from __future__ import annotations

import csv
from pathlib import Path

from kg.export import exporter
from kg.export.spreadsheet import safe_cell
from kg.graph.graph import as_graph
from kg.graph.tables import (ARTICLE_FIELDS, ENTITY_FIELDS, RELATION_FIELDS, STATISTIC_FIELDS,
                             article_rows, entity_rows, relation_rows, statistic_rows)

TABLES = {
    "entities.csv": (ENTITY_FIELDS, entity_rows),
    "relations.csv": (RELATION_FIELDS, relation_rows),
    "statistics.csv": (STATISTIC_FIELDS, statistic_rows),
    "articles.csv": (ARTICLE_FIELDS, article_rows),
}


def write_table(path: Path, fields: list[str], rows: list[dict]) -> None:
    """The rows as CSV; text a spreadsheet would run as a formula is neutralised."""
    with open(path, "w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: safe_cell(v) if isinstance(v, str) else v for k, v in row.items()}
                         for row in rows)


@exporter("csv", "entities.csv",
          "CSV tables: entities.csv, relations.csv, statistics.csv, articles.csv",
          files=tuple(TABLES))
def write_tables(dataset, paths: dict[str, Path]) -> None:
    graph = as_graph(dataset)
    for name, (fields, rows) in TABLES.items():
        write_table(paths[name], fields, rows(graph))


# columns that are numbers; every other column is text
NUMBERS = {"value": "float64", "sentence_index": "int64", "source_line": "int64"}


def parquet_table(fields: list[str], rows: list[dict]):
    """A pyarrow Table of `rows`, numbers typed ('' is null)."""
    import pyarrow as pa
    schema = pa.schema([(f, getattr(pa, NUMBERS.get(f, "string"))()) for f in fields])
    columns = {f: [_cell(r[f], NUMBERS.get(f)) for r in rows] for f in fields}
    return pa.Table.from_pydict(columns, schema=schema)


def _cell(value, kind: str | None):
    """A cell of a column of `kind` (None: text); '' is null in a column of numbers."""
    if kind is None:
        return value
    if value in ("", None):
        return None
    return float(value) if kind == "float64" else int(value)


@exporter("parquet", "entities.parquet",
          "Parquet tables with typed columns: entities, relations, statistics (needs pyarrow)",
          files=tuple(name.replace(".csv", ".parquet") for name in TABLES), needs=("pyarrow",))
def write_parquet(dataset, paths: dict[str, Path]) -> None:
    from kg.extras import require
    require("pyarrow", "the parquet format")
    import pyarrow.parquet as pq
    graph = as_graph(dataset)
    for name, (fields, rows) in TABLES.items():
        pq.write_table(parquet_table(fields, rows(graph)), paths[name.replace(".csv", ".parquet")])
