"""`kg html GRAPH`: write the interactive explorer page for a saved graph."""
from __future__ import annotations

import argparse
from pathlib import Path

from kg.cli import UserError, examples
from kg.commands import reading_graph, write_whole
from kg.export.limits import DEFAULT_MAX_NODES, PAGE_NODES


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "html", help="write the interactive explorer page (graph.html) for a graph",
        description="Write one self-contained, offline HTML page to explore a graph. Graphs with "
                    "more than --max-nodes nodes open on their best-connected programmes and "
                    "places; double-click a node (or use Expand in its panel) to grow the view.",
        epilog=examples("kg html output", "kg html output/graph.ttl --focus 徐州市公安局 -o xuzhou.html"),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("graph", type=Path,
                        help="a graph file (.ttl, .trig, .nt, .nq, .jsonld) or a `kg build` output folder")
    parser.add_argument("-o", "--output", type=Path,
                        help="the page to write (default: beside the graph, graph.ttl -> "
                             "graph.html)")
    parser.add_argument("--max-nodes", type=int, default=DEFAULT_MAX_NODES, metavar="N",
                        help=f"show at most N nodes at first (default: {DEFAULT_MAX_NODES})")
    parser.add_argument("--page-nodes", type=int, default=0, metavar="N",
                        help="put only the N best-connected nodes in the page, saying how many "
                             f"were left out (default 0: every node; `kg build` pages hold at most "
                             f"{PAGE_NODES:,})")
    parser.add_argument("--focus", metavar="NAME",
                        help="open on the node with this name or alias and its neighbourhood")
    parser.add_argument("--title", default="govkg explorer", help="the page title")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from kg.export.html import FOLDED, explorer_data, write_page
    from kg.graph.graph import Graph
    from kg.graph.load import find_graph_file

    if args.max_nodes < 1:
        raise UserError(f"--max-nodes must be at least 1, not {args.max_nodes}")
    if args.page_nodes < 0:
        raise UserError(f"--page-nodes must be 0 (every node) or more, not {args.page_nodes}")
    with reading_graph(args.graph):
        source = find_graph_file(args.graph)
        graph = Graph.load(source, articles=False)
    if args.output is None:
        args.output = source.with_suffix(".html")
    try:
        data = explorer_data(graph, max_nodes=args.max_nodes, focus=args.focus,
                             page_nodes=args.page_nodes)
    except LookupError as err:
        raise UserError(f"--focus: {err.args[0]}") from None
    del graph

    def write(tmp: Path) -> None:
        with open(tmp, "w", encoding="utf-8") as stream:
            write_page(data, stream, title=args.title)
    write_whole(args.output, write)
    shown = len(data["initial"])
    folded = sum(1 for n in data["nodes"] if n["type"] in FOLDED)
    total = len(data["nodes"]) - folded
    view = f"all {total} nodes" if shown == total and not args.focus else f"{shown} of {total} nodes"
    omitted = data.get("omitted")
    left_out = (f"; {omitted['total'] - omitted['shown']} of the graph's {omitted['total']} nodes "
                f"left out" if omitted else "")
    print(f"wrote {args.output} ({view} ({folded} statistics in their nodes' panels), "
          f"{len(data['edges'])} edges{left_out})")
    return 0
