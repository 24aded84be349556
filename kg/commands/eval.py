"""`kg eval GRAPH --gold DIR`: how far to trust a graph, against hand annotations."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kg.cli import UserError, examples
from kg.commands import reading_graph, write_whole


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "eval", help="score a built graph against gold annotations",
        description="Compare a built graph with hand annotations (one JSON file per corpus "
                    "file, as docs/annotation.md describes) and print precision, recall and "
                    "F1 per entity type, relation, statistics (lenient: value and unit; "
                    "strict: also what the figure is about), articles and reporters (and "
                    "dates and publishers when the gold gives them). The last line is "
                    "`entity_f1=… relation_f1=… statistic_f1=… article_f1=…` (statistics strict).",
        epilog=examples("kg build data/corpus -o output",
                        "kg eval output/graph.ttl --gold data/gold",
                        "kg eval output --gold data/gold --show-errors --json score.json"),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("graph", type=Path, help="graph file or `kg build` output folder")
    parser.add_argument("--gold", type=Path, required=True, metavar="DIR",
                        help="folder of gold files (*.json), e.g. data/gold")
    parser.add_argument("--show-errors", action="store_true",
                        help="also list what the graph missed (FN) and what the gold lacks (FP)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures here")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from kg.evaluate import GoldError, evaluate

    try:
        with reading_graph(args.graph):
            report = evaluate(args.graph, args.gold)
    except GoldError as err:
        raise UserError(str(err)) from None
    lines = report.table() + (report.errors() if args.show_errors else [])
    if args.json is not None:
        text = json.dumps(report.as_dict(), ensure_ascii=False, indent=1) + "\n"
        write_whole(args.json, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
    sys.stdout.write("\n".join(lines + [report.summary()]) + "\n")
    return 0
