"""`kg push --endpoint URL`: load a built graph into a SPARQL 1.1 server (Graph Store Protocol)."""
from __future__ import annotations

import argparse
import getpass
import math
import os
import sys
from pathlib import Path

from kg.cli import EXIT_FAILED, EXIT_OK, UserError, examples

USER_ENV, PASSWORD_ENV = "KG_PUSH_USER", "KG_PUSH_PASSWORD"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "push", help="load a built graph into a SPARQL server (Graph Store Protocol)",
        description="PUT a built graph into any SPARQL 1.1 server through the Graph Store "
                    "Protocol: Oxigraph (`http://HOST:7878/store`), Fuseki "
                    "(`http://HOST:3030/DATASET/data`), GraphDB (`.../repositories/ID/"
                    "rdf-graphs/service`). PUT replaces, so pushing again never duplicates. "
                    f"Basic auth: --user NAME with the password in ${PASSWORD_ENV} (or "
                    f"asked for), or ${USER_ENV}; credentials are never printed.",
        epilog=examples("oxigraph serve --location store   # a server, in another terminal",
                        "kg push -g output -e http://localhost:7878/store",
                        "kg push -g output -e http://localhost:7878/store --graph-per-article"),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-g", "--graph", type=Path, default=Path("output"),
                        help="graph file or output folder (default: output/)")
    parser.add_argument("-e", "--endpoint", required=True, metavar="URL",
                        help="the server's Graph Store Protocol URL")
    parser.add_argument("--graph-per-article", action="store_true",
                        help="also PUT one named graph per article (named by its IRI, as in "
                             "graph.trig); article graphs of an earlier push whose source is "
                             "gone are deleted")
    parser.add_argument("-u", "--user", metavar="NAME",
                        help=f"user for HTTP basic auth (default: ${USER_ENV}); the password "
                             f"comes from ${PASSWORD_ENV} or a prompt")
    parser.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS",
                        help="give up on a request (the whole of it, however slowly the "
                             "server answers) after this long (default 60)")
    parser.add_argument("--follow-redirects", action="store_true",
                        help="also follow a redirect to another server (scheme, host or port); "
                             "the credentials are never sent there")
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary line")
    parser.set_defaults(run=run)


def _credentials(args: argparse.Namespace, endpoint: str) -> tuple[str, tuple[str, str] | None]:
    """The endpoint without userinfo, and (user, password) or None."""
    from kg.push import split_credentials
    endpoint, from_url = split_credentials(endpoint)
    user = args.user or os.environ.get(USER_ENV) or (from_url[0] if from_url else None)
    if not user:
        return endpoint, None
    password = os.environ.get(PASSWORD_ENV)
    if password is None and from_url and from_url[0] == user:
        password = from_url[1]
    if password is None:
        if not sys.stdin or not sys.stdin.isatty():
            raise UserError(f"--user {user} needs a password: set ${PASSWORD_ENV}")
        password = getpass.getpass(f"password for {user}: ")
    return endpoint, (user, password)


def run(args: argparse.Namespace) -> int:
    from kg.api import KnowledgeGraph
    from kg.push import EndpointError, PushError, push, redact

    if not (args.timeout > 0 and math.isfinite(args.timeout)):
        raise UserError(f"--timeout must be a positive number of seconds, not {args.timeout:g}")
    try:
        endpoint, auth = _credentials(args, args.endpoint)
    except EndpointError as err:
        raise UserError(str(err)) from None
    try:
        graph = KnowledgeGraph.load(args.graph)
    except (FileNotFoundError, ValueError) as err:
        raise UserError(str(err)) from None
    try:
        report = push(graph.dataset, endpoint, per_article=args.graph_per_article, auth=auth,
                      timeout=args.timeout, follow_redirects=args.follow_redirects)
    except PushError as err:
        print(f"kg push: {err}", file=sys.stderr)
        return EXIT_FAILED
    if not args.quiet:
        print(f"{report.triples} triples in {report.graphs} graph{'s' if report.graphs != 1 else ''}"
              f" -> {redact(args.endpoint)}"
              + (f" ({report.deleted} stale article graph{'s' if report.deleted != 1 else ''} "
                 f"deleted)" if report.deleted else ""))
    return EXIT_OK
