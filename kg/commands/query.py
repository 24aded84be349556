"""`kg query 'SELECT …' | FILE.rq | NAME`: SPARQL against a built graph."""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from kg.cli import EXIT_FAILED, UserError, examples
from kg.resources import queries_dir


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "query", help="run a SPARQL query against a built graph",
        description="Run SPARQL (Oxigraph engine) against a built graph. QUERY is the query "
                    "text, a .rq file, or the name of a query in queries/ (e.g. "
                    "programmes-by-city). The govkg prefixes (gov, rdfs, skos, dcterms, prov, "
                    "rdf, xsd, org, schema) are predeclared.",
        epilog=examples("kg query --list",
                        "kg query programmes-by-province --bind province_name=内蒙古自治区",
                        "kg query 'SELECT ?name WHERE { ?p a gov:Programme ; rdfs:label ?name } "
                        "LIMIT 3'"),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("query", metavar="QUERY", nargs="?",
                        help="SPARQL text, a .rq file, or the name of a saved query")
    parser.add_argument("-l", "--list", action="store_true",
                        help="list the saved queries (their names and what they answer)")
    parser.add_argument("-g", "--graph", type=Path, default=Path("output/graph.ttl"),
                        help="graph file or output folder (default: output/graph.ttl)")
    parser.add_argument("-s", "--store", type=Path, metavar="DIR",
                        help="query the Oxigraph store `kg build --store DIR` wrote instead of "
                             "a graph file (no parsing: instant on big graphs)")
    parser.add_argument("-f", "--format", choices=("table", "csv", "json", "tsv"),
                        default="table", help="output format (default: an aligned table)")
    parser.add_argument("-b", "--bind", action="append", default=[], metavar="VAR=VALUE",
                        help="bind a variable: bare text is a Chinese (@zh) literal such as a "
                             "label, <…> an IRI, \"…\"@lang or \"…\"^^<type> a literal; repeatable")
    parser.add_argument("--allow-service", action="store_true",
                        help="let a SERVICE clause send requests to the server it names "
                             "(refused without this flag)")
    parser.add_argument("--timeout", type=float, metavar="SECONDS",
                        help="give up after this many seconds (exit status 1)")
    parser.set_defaults(run=run)


def saved_queries() -> dict[str, str]:
    """Name -> the first sentence of its opening comment, for every saved query."""
    out = {}
    for path in sorted(queries_dir().glob("*.rq")):
        comment = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.startswith("#"):
                break
            comment.append(line.lstrip("# ").strip())
        out[path.stem] = re.split(r"(?<=[.?])\s", " ".join(comment), maxsplit=1)[0]
    return out


def _saved_name(text: str) -> str | None:
    """`text` when it can only be meant as a saved query's name (no SPARQL, no file)."""
    return text if re.fullmatch(r"[\w-]+", text) and not Path(text).is_file() else None


def _check_saved(text: str) -> None:
    name = _saved_name(text)
    known = saved_queries()
    if name is not None and name not in known:
        raise UserError(f"no saved query named {name!r}; saved queries: {', '.join(known)} "
                        f"(kg query --list says what each answers)")


def run(args: argparse.Namespace) -> int:
    from kg.query import (BindingError, QueryError, QueryTimeout, format_rows, parse_binding,
                          read_query, run_query)

    if args.list:
        known = saved_queries()
        width = max(map(len, known), default=0)
        sys.stdout.write("".join(f"{name:<{width}}  {about}\n" for name, about in known.items()))
        return 0
    if args.query is None:
        raise UserError("give a QUERY (SPARQL text, a .rq file or a saved query's name), "
                        "or --list to see the saved queries")
    _check_saved(args.query)
    if args.timeout is not None and not args.timeout > 0:
        raise UserError(f"--timeout must be a positive number of seconds, not {args.timeout:g}")
    try:
        sparql = read_query(args.query, queries_dir())
        bindings = dict(parse_binding(b) for b in args.bind)
        source = args.graph
        if getattr(args, "store", None) is not None:
            from kg.store import StoreError, open_saved_store
            try:
                source = open_saved_store(args.store)
            except StoreError as err:
                raise UserError(str(err)) from None
        rows = run_query(source, sparql, timeout=args.timeout, bindings=bindings,
                         allow_service=args.allow_service, engine_terms=True)
    except BindingError as err:
        raise UserError(f"--bind {err.name}: {err.reason}") from None
    except QueryTimeout as err:
        raise UserError(f"{err}; narrow the query or raise --timeout", EXIT_FAILED) from None
    except QueryError as err:
        pointer = err.pointer()
        raise UserError(f"{err}\n{pointer}" if pointer else str(err)) from None
    sys.stdout.write(format_rows(rows, args.format))
    return 0
