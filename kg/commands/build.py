"""`kg build [PATHS...] -o OUTDIR`: corpus files in, graph files out."""
from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.cli import EXIT_FAILED, EXIT_OK, UserError, examples

DEFAULT_PATHS = [Path("data/corpus")]
DEFAULT_OUTDIR = Path("output")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "build", help="build the knowledge graph of corpus files",
        description="Read newspaper pages (text, PDF, saved web pages, Word files, or folders "
                    "of them), extract entities, relations and statistics, and write the "
                    "graph. Problems are printed to stderr as `path:line: message`.",
        epilog=examples("kg build data/corpus -o output",
                        "kg build data/corpus -o output -f all --validate",
                        "kg build data/corpus -o output -j 2 --cache"),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="corpus files or folders (default: data/corpus)")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTDIR, metavar="OUTDIR",
                        help="folder to write into (default: output/)")
    parser.add_argument("-f", "--format", action="append", dest="formats", metavar="FORMAT",
                        help="an export format, repeatable: turtle, trig, jsonld, nt, graphml, "
                             "csv, parquet, html, or all (those whose libraries are installed; "
                             "default: turtle, and html when available)")
    parser.add_argument("--sources", type=Path, metavar="CSV",
                        help="a table of where each file came from, columns "
                             "file,title,date,publisher,url; what it gives overrides what the "
                             "text says (default: sources.csv in a folder given)")
    parser.add_argument("--strict", action="store_true",
                        help="exit with status 1 if any problem was reported")
    parser.add_argument("--validate", action="store_true",
                        help="also check the graph against ontology/shapes.ttl (SHACL)")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="no progress bar and no summary line")
    scale = parser.add_argument_group("scale")
    where = scale.add_mutually_exclusive_group()
    where.add_argument("-j", "--workers", type=_positive, default=1, metavar="N",
                       help="extract in N worker processes (default 1: in this process); "
                            "the output is the same for any N")
    where.add_argument("--dask", metavar="ADDRESS",
                       help="extract on a Dask cluster (scheduler address, e.g. "
                            "tcp://10.0.0.5:8786); resolution runs here")
    scale.add_argument("--dask-timeout", type=float, default=30.0, metavar="SECONDS",
                       help="how long to try reaching the Dask scheduler (default 30)")
    scale.add_argument("--cache", nargs="?", const=_DEFAULT_CACHE, type=Path, metavar="DIR",
                       help="reuse the extraction of every file whose bytes did not change "
                            "(default DIR: OUTDIR/.cache); files no longer given are dropped")
    scale.add_argument("--store", type=Path, metavar="DIR",
                       help="also write an on-disk Oxigraph store that `kg query --store DIR` "
                            "opens without parsing the graph again")
    parser.set_defaults(run=run)


_DEFAULT_CACHE = object()   # `--cache` without DIR: OUTDIR/.cache


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return value


def default_formats(available: dict) -> list[str]:
    return ["turtle"] + (["html"] if "html" in available else [])


def _formats(requested: list[str] | None) -> list[str]:
    from kg import export
    from kg.extras import MissingExtra, installed
    available = export.available()
    if not requested:
        return default_formats(available)
    names = []
    for item in requested:
        for name in item.split(","):
            name = name.strip()
            if name == "all":       # those whose libraries are installed
                names += [n for n, e in available.items()
                          if n not in names and all(map(installed, e.needs))]
            elif name not in available:
                raise UserError(f"unknown format {name!r}; known: {', '.join(sorted(available))}, all")
            elif name not in names:
                names.append(name)
    try:
        for name in names:
            export.check_libraries(name)
    except MissingExtra as err:
        raise UserError(str(err)) from None
    return names


def check_writable(outdir: Path) -> None:
    """Fail before a long build, not after it, when OUTDIR cannot be written."""
    import tempfile
    try:
        outdir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=outdir):
            pass
    except OSError as err:
        raise UserError(f"cannot write to {outdir}: {err.strerror or err}") from None


def _total_bytes(paths: list[Path]) -> int:
    """The size of the files the build will read, for the progress bar (a file that cannot
    be looked at counts nothing: the build names it)."""
    from kg.read import source_files
    total = 0
    for file in source_files(paths)[0]:
        try:
            total += file.stat().st_size
        except OSError:
            pass
    return total


def _build(args: argparse.Namespace, paths: list[Path], progress: "Progress"):
    """The graph of the corpus files, through the Python API."""
    from kg.api import KnowledgeGraph
    from kg.origin import SourcesError
    from kg.pipeline import ExecutorError

    cache = getattr(args, "cache", None)
    stages = {"resolve": "resolve entities", "graph": "make the graph"}
    try:
        return KnowledgeGraph.build(
            paths, progress.extracted if progress.enabled else None,
            getattr(args, "sources", None), workers=getattr(args, "workers", 1),
            dask=getattr(args, "dask", None), dask_timeout=getattr(args, "dask_timeout", 30.0),
            cache=args.output / ".cache" if cache is _DEFAULT_CACHE else cache,
            stage=lambda name: progress.stage(stages[name]))
    except (SourcesError, ExecutorError) as err:
        raise UserError(str(err)) from None


class Progress:
    """What `kg build` is doing, on stderr when it is a terminal: a bar over the bytes
    while files are read and extracted, then one line per stage (resolve, graph,
    validate, each file written) with the seconds it took."""

    def __init__(self, enabled: bool, paths: list[Path]):
        self.enabled, self.bar, self.started = enabled, None, time.monotonic()
        self.current: str | None = "read and extract" if enabled else None
        if enabled:
            from tqdm import tqdm
            self.bar = tqdm(total=_total_bytes(paths), unit="B", unit_scale=True,
                            desc="kg build: read and extract", file=sys.stderr, leave=False)

    def extracted(self, size: int) -> None:
        if self.bar is not None:
            self.bar.update(size)

    def stage(self, name: str) -> None:
        """The stage before is over; `name` starts."""
        self.done()
        if self.enabled:
            sys.stderr.write(f"kg build: {name} …")
            sys.stderr.flush()
            self.current, self.started = name, time.monotonic()

    def done(self) -> None:
        """The current stage is over: say how long it took."""
        if self.bar is not None:
            self.bar.close()
            self.bar = None
            sys.stderr.write(f"kg build: {self.current} …")
        if self.current is not None:
            sys.stderr.write(f" {time.monotonic() - self.started:.1f} s\n")
            sys.stderr.flush()
            self.current = None


def _check(args: argparse.Namespace, paths: list[Path]) -> list[str]:
    """The formats to write, once the arguments are known to make sense."""
    from kg.read import missing_paths, printable
    missing = [printable(p) for p in missing_paths(paths)]
    if missing:
        raise UserError(f"no such file or folder: {', '.join(missing)}")
    if args.output.exists() and not args.output.is_dir():
        raise UserError(f"{args.output} is a file, not a folder: choose another -o OUTDIR")
    formats = _formats(args.formats)
    check_writable(args.output)
    return formats


def _nothing_read(paths: list[Path], problems: list) -> UserError:
    """The error of a build that found no article: nothing is written."""
    where = ", ".join(str(p) for p in paths)
    if problems:
        return UserError(f"nothing to build: no file in {where} holds text that could be read "
                         f"(the lines above say why); nothing was written", EXIT_FAILED)
    return UserError(f"nothing to build: no text files in {where}; nothing was written",
                     EXIT_FAILED)


def _write(graph, args: argparse.Namespace, formats: list[str], progress: Progress) -> list[Path]:
    """Every format, then the store: one stage each."""
    from kg import export
    written: list[Path] = []
    for name in formats:
        progress.stage(f"write {', '.join(export.get(name).outputs)}")
        try:
            written += graph.save(args.output, [name])
        except OSError as err:
            raise UserError(f"cannot write to {args.output}: {err.strerror or err}") from None
    if getattr(args, "store", None) is not None:
        from kg.store import StoreError
        progress.stage(f"write the store {args.store}")
        try:
            written.append(graph.save_store(args.store))
        except (StoreError, OSError) as err:
            raise UserError(f"cannot write the store: {err}") from None
    progress.done()
    return written


def summary(counts: dict[str, int]) -> str:
    """`23 articles, 372 entities, 399 relations, 198 statistics`: the numbers `kg stats`
    prints (entities by type, edges by relation with a post per gov:Membership)."""
    entities = sum(counts[t] for t in ("Place", "Agency", "Programme", "Person", "PolicyDocument"))
    relations = sum(counts[p] for p in ("partOf", "locatedIn", "subOrganizationOf",
                                        "implementedBy", "implementedIn", "issuedBy"))
    relations += counts["Membership"]
    return (f"{counts['Article']} articles, {entities} entities, {relations} relations, "
            f"{counts['Statistic']} statistics")


def run(args: argparse.Namespace) -> int:
    paths = args.paths or DEFAULT_PATHS
    formats = _check(args, paths)
    started = time.monotonic()
    progress = Progress(not args.quiet and sys.stderr.isatty(), paths)
    try:
        graph = _build(args, paths, progress)
        progress.done()
        for problem in graph.problems:
            print(str(problem), file=sys.stderr)
        if not graph.counts()["Article"]:
            raise _nothing_read(paths, graph.problems)
        problems = len(graph.problems)
        if args.validate:
            progress.stage("validate")
            ok, report = graph.validate()
            progress.done()
            if not ok:
                print(f"{args.output}: the graph does not conform to ontology/shapes.ttl:\n{report}",
                      file=sys.stderr)
                problems += 1
        with _collector_paused():
            written = _write(graph, args, formats, progress)
    finally:
        progress.done()
    if not args.quiet:
        print(_finished(graph, written, time.monotonic() - started,
                        graph.stats if getattr(args, "cache", None) is not None else None))
    return EXIT_FAILED if args.strict and problems else EXIT_OK


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while the files are written. What is alive then (the
    graph, the gazetteer, the rules) stays, and the exports make tables and strings, not
    cycles; yet every full collection walked all of it again, and the exports' growing
    tables set off one after another: Turtle and the page took 1.6x the CPU at 100x."""
    gc.freeze()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.unfreeze()


def _finished(graph, written: list[Path], seconds: float, stats) -> str:
    """The summary line: what was built, how fast, where it went, what went wrong."""
    count = len(graph.problems)
    return (f"{summary(graph.counts())} in {seconds:.1f} s -> "
            f"{', '.join(str(p) for p in written)}"
            + (f" ({count} problem{'s' if count > 1 else ''})" if count else "")
            + (f"; {stats.extracted} file{'s' if stats.extracted != 1 else ''} extracted, "
               f"{stats.cached} from the cache" if stats is not None else ""))
