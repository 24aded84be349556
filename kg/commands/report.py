"""`kg report GRAPH -o report.html`: the map, timeline and tables of a saved graph."""
from __future__ import annotations

import argparse
from pathlib import Path

from kg.cli import examples
from kg.commands import reading_graph, write_whole


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "report", help="write the report page (report.html): a map, a timeline and tables",
        description="Write one self-contained, offline HTML page for researchers: a map of China "
                    "coloured by the programmes and agencies reported in each province and city, a "
                    "point per place (click for its programmes, agencies, officials and statistics "
                    "with their evidence), a timeline of first reports of a chosen programme (from "
                    "the articles' dcterms:date; undated reports are listed apart), and sortable "
                    "tables of the most reported programmes, agencies and officials.",
        epilog=examples("kg report output -o output/report.html",
                        "kg report output/graph.ttl -o report.html --title 'govkg: bundled corpus'"),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("graph", type=Path,
                        help="a graph file (.ttl, .trig, .nt, .nq, .jsonld) or a `kg build` output folder")
    parser.add_argument("-o", "--output", type=Path, default=Path("report.html"),
                        help="the page to write (default: report.html)")
    parser.add_argument("--title", default="govkg report", help="the page title")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from kg.graph.graph import Graph
    from kg.report.data import report_data
    from kg.report.page import write_report

    with reading_graph(args.graph):
        graph = Graph.load(args.graph, articles=False)
    data = report_data(graph)
    del graph

    def write(tmp: Path) -> None:
        with open(tmp, "w", encoding="utf-8") as stream:
            write_report(data, stream, title=args.title)
    write_whole(args.output, write)
    placed = sum(1 for p in data["places"] if p["lat"] is not None)
    dated = sum(1 for r in data["reports"] if r["dates"])
    print(f"wrote {args.output} ({placed} of {len(data['places'])} places on the map, "
          f"{len(data['programmes'])} programmes, {dated} of {len(data['reports'])} reports dated)")
    return 0
