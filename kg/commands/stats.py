"""`kg stats GRAPH`: counts by type, top places and programmes."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kg.cli import examples
from kg.commands import reading_graph

ENTITY_TYPES = ("Place", "Agency", "Programme", "Person", "PolicyDocument")
RELATIONS = ("partOf", "locatedIn", "subOrganizationOf", "implementedBy", "implementedIn",
             "issuedBy", "holdsPost")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "stats", help="summarise a built graph",
        description="Counts of entities by type, relations and statistics, and the places "
                    "and programmes with the most programmes, places and articles.",
        epilog=examples("kg stats", "kg stats output -n 5 -f json"),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("graph", type=Path, nargs="?", default=Path("output/graph.ttl"),
                        help="graph file or output folder (default: output/graph.ttl)")
    parser.add_argument("-n", "--top", type=int, default=10, metavar="N",
                        help="how many top places and programmes (default: 10)")
    parser.add_argument("-f", "--format", choices=("table", "json"), default="table")
    parser.set_defaults(run=run)


def load(path: Path):
    from kg.api import KnowledgeGraph
    with reading_graph(path):
        return KnowledgeGraph.load(path)


def _table(rows: list[dict]) -> str:
    from kg.query import format_rows
    from rdflib import Literal
    text = format_rows([{k: Literal(v) for k, v in r.items()} for r in rows],
                       columns=list(rows[0]) if rows else [])
    return text


def run(args: argparse.Namespace) -> int:
    from kg.graph.summary import top_places, top_programmes

    graph = load(args.graph)
    counts = graph.counts()
    places = top_places(graph.graph, args.top)
    programmes = top_programmes(graph.graph, args.top)
    if args.format == "json":
        json.dump({"counts": counts, "top_places": places, "top_programmes": programmes},
                  sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    out = sys.stdout
    out.write(f"{args.graph}: {counts['triples']} triples, {counts['Article']} articles\n\n")
    out.write("entities\n")
    for name in ENTITY_TYPES:
        out.write(f"  {name:<18}{counts[name]:>6}\n")
    out.write(f"  {'total':<18}{sum(counts[n] for n in ENTITY_TYPES):>6}\n\nrelations\n")
    for name in RELATIONS:
        value = counts["Membership"] if name == "holdsPost" else counts[name]
        out.write(f"  {name:<18}{value:>6}\n")
    out.write(f"\nstatistics{counts['Statistic']:>14}\nassertions{counts['Assertion']:>14}\n")
    out.write(f"\ntop places\n{_table(places)}\ntop programmes\n{_table(programmes)}")
    return 0
