"""CSV tables for spreadsheet users: entities, relations and statistics with evidence,
and the articles with their dates.

UTF-8 with a byte-order mark, so that Excel opens the Chinese text correctly; cells a
spreadsheet would run as formulas are neutralised (kg.export.spreadsheet).
"""
from __future__ import annotations

import csv
from pathlib import Path

from kg.export import exporter
from kg.export.spreadsheet import safe_cell
from kg.graph.quads import rdflib_graph
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
    graph = rdflib_graph(dataset)
    for name, (fields, rows) in TABLES.items():
        write_table(paths[name], fields, rows(graph))
