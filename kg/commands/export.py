"""`kg export GRAPH --format F -o OUT`: write a saved graph in another format."""
from __future__ import annotations

import argparse
from pathlib import Path

from kg.cli import UserError, examples
from kg.commands import reading_graph


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export", help="write a saved graph in another format",
        description="Convert a saved graph (a .ttl/.trig/.nt/.jsonld file or a `kg build` "
                    "output folder) to another format. Named graphs per article are "
                    "recomputed from the provenance, so any input gives the full TriG.",
        epilog=examples("kg export output -f csv",
                        "kg export output/graph.ttl -f nt -o graph.nt",
                        "kg export output -f graphml -f jsonld -o exports"),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("graph", type=Path, help="graph file or output folder")
    parser.add_argument("-f", "--format", required=True, action="append", dest="formats",
                        metavar="FORMAT",
                        help="turtle, trig, jsonld, nt, graphml, csv, parquet, html; repeatable")
    parser.add_argument("-o", "--output", type=Path, metavar="OUT",
                        help="file to write (one single-file format), or folder "
                             "(default: the graph's folder)")
    parser.set_defaults(run=run)


def targets(exp, output: Path | None, default_dir: Path, several: bool) -> list[Path]:
    """Where one exporter writes. OUT is a folder when it is one or has no suffix
    (files named as usual go inside); otherwise it is the file to write, which only
    one format writing one file can be."""
    if output is not None and not output.is_dir() and output.suffix:
        if output.exists() and exp.files:
            raise UserError(f"{output} is a file: {exp.name} writes {len(exp.outputs)} files "
                            f"into a folder")
        if exp.files or several:
            what = (f"{exp.name} writes {len(exp.outputs)} files ({', '.join(exp.outputs)})"
                    if exp.files else "several formats write several files")
            raise UserError(f"-o {output} names one file, but {what}: give -o a folder")
        return [output]
    folder = output if output is not None else default_dir
    if folder.exists() and not folder.is_dir():
        raise UserError(f"{folder} is a file: {exp.name} writes {len(exp.outputs)} files into a folder")
    return [folder / name for name in exp.outputs]


def run(args: argparse.Namespace) -> int:
    from kg import export
    from kg.extras import MissingExtra
    from kg.graph.graph import Graph
    from kg.graph.load import find_graph_file

    available = export.available()
    unknown = [f for f in args.formats if f not in available]
    if unknown:
        raise UserError(f"unknown format {unknown[0]!r}; known: {', '.join(sorted(available))}")
    try:
        for name in args.formats:
            export.check_libraries(name)
    except MissingExtra as err:
        raise UserError(str(err)) from None
    try:
        source = find_graph_file(args.graph)
    except FileNotFoundError as err:
        raise UserError(str(err)) from None
    # every target first, before the graph is read, so that a bad -o writes nothing
    plan = {name: targets(available[name], args.output, source.parent, len(args.formats) > 1)
            for name in args.formats}
    if any(p.resolve() == source.resolve() for paths in plan.values() for p in paths):
        raise UserError(f"{source}: refusing to overwrite the input graph")
    with reading_graph(args.graph):
        graph = Graph.load(source)
    for name, paths in plan.items():
        try:
            written = export.write_to(graph, name, paths)
        except OSError as err:
            where = err.filename or (paths[0].parent if len(paths) > 1 else paths[0])
            raise UserError(f"{where}: cannot write: {err.strerror or err}") from None
        for path in written:
            print(path)
    return 0
