"""`kg export GRAPH --format F -o OUT`: write a saved graph in another format."""
from __future__ import annotations

import argparse
from pathlib import Path

from kg.cli import UserError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export", help="write a saved graph in another format",
        description="Convert a saved graph (a .ttl/.trig/.nt/.jsonld file or a `kg build` "
                    "output folder) to another format. Named graphs per article are "
                    "recomputed from the provenance, so any input gives the full TriG.")
    parser.add_argument("graph", type=Path, help="graph file or output folder")
    parser.add_argument("-f", "--format", required=True, action="append", dest="formats",
                        metavar="FORMAT", help="turtle, trig, jsonld, nt, graphml, csv, html; repeatable")
    parser.add_argument("-o", "--output", type=Path, metavar="OUT",
                        help="file to write (one single-file format), or folder "
                             "(default: the graph's folder)")
    parser.set_defaults(run=run)


def targets(exp, output: Path | None, default_dir: Path, several: bool) -> list[Path]:
    """Where one exporter writes: OUT as a file for a single-file format asked
    alone, else files named as usual inside the OUT folder."""
    if output is not None and not several and not exp.files and not output.is_dir():
        return [output]
    folder = output if output is not None else default_dir
    if folder.exists() and not folder.is_dir():
        raise UserError(f"{folder} is a file: {exp.name} writes {len(exp.outputs)} files into a folder")
    return [folder / name for name in exp.outputs]


def run(args: argparse.Namespace) -> int:
    from kg import export
    from kg.graph.load import find_graph_file, load_dataset

    available = export.available()
    unknown = [f for f in args.formats if f not in available]
    if unknown:
        raise UserError(f"unknown format {unknown[0]!r}; known: {', '.join(sorted(available))}")
    try:
        source = find_graph_file(args.graph)
        dataset = load_dataset(source)
    except FileNotFoundError as err:
        raise UserError(str(err)) from None
    except (ValueError, SyntaxError) as err:
        raise UserError(f"{args.graph}: cannot read the graph: {err}") from None
    for name in args.formats:
        exp = available[name]
        paths = targets(exp, args.output, source.parent, len(args.formats) > 1)
        if any(p.resolve() == source.resolve() for p in paths):
            raise UserError(f"{source}: refusing to overwrite the input graph")
        try:
            written = export.write_to(dataset, name, paths)
        except OSError as err:
            where = err.filename or (paths[0].parent if len(paths) > 1 else paths[0])
            raise UserError(f"{where}: cannot write: {err.strerror or err}") from None
        for path in written:
            print(path)
    return 0
