"""Load a built graph into a SPARQL 1.1 server through the Graph Store Protocol.

    push(dataset, "http://localhost:7878/store")                      # Oxigraph server
    push(dataset, "http://fuseki:3030/govkg/data", per_article=True,
         auth=("admin", password))                                    # Fuseki

`endpoint` is the server's Graph Store Protocol URL (Oxigraph `/store`,
Fuseki `/DATASET/data`, GraphDB `/repositories/ID/rdf-graphs/service`).
Every request is an HTTP PUT, which *replaces* the graph it names, so pushing
the same build twice leaves the server as after one push:

* the default graph receives every triple (what graph.ttl holds);
* with `per_article`, each article's named graph (named by the article's IRI,
  holding what that article states, as in graph.trig and `kg.graph.dataset`)
  is PUT as well, and a small index graph (`INDEX_GRAPH`) records which
  article graphs this push wrote; on the next push, article graphs the index
  lists that the new build no longer has (their source file was deleted) are
  DELETEd, so nothing stale stays behind.

Credentials (HTTP basic auth) come from the caller, never from the URL text
shown to the user: `redact(url)` hides any user:password in an endpoint, and
no message includes the Authorization header.
"""
from __future__ import annotations

import base64
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass

from rdflib import Dataset, Graph, URIRef

from kg.vocab import DCTERMS, ID

__all__ = ["PushError", "PushReport", "INDEX_GRAPH", "push", "redact", "split_credentials"]

INDEX_GRAPH = URIRef(f"{ID}push-index")
_NT = "application/n-triples"


class PushError(RuntimeError):
    """The server refused or could not be reached; the message never holds credentials."""


@dataclass
class PushReport:
    graphs: int = 0        # graphs PUT (the default graph counts)
    triples: int = 0       # triples sent, over all graphs
    deleted: int = 0       # stale article graphs removed


def redact(url: str) -> str:
    """`url` with any user:password replaced by `***`."""
    parts = urllib.parse.urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    if parts.port:
        host += f":{parts.port}"
    return urllib.parse.urlunsplit((parts.scheme, f"***@{host}", parts.path, parts.query,
                                    parts.fragment))


def split_credentials(url: str) -> tuple[str, tuple[str, str] | None]:
    """`http://u:p@host/x` -> (`http://host/x`, ("u", "p")); URLs without userinfo unchanged."""
    parts = urllib.parse.urlsplit(url)
    if parts.username is None:
        return url, None
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    if parts.port:
        host += f":{parts.port}"
    bare = urllib.parse.urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))
    return bare, (urllib.parse.unquote(parts.username), urllib.parse.unquote(parts.password or ""))


class _Client:
    def __init__(self, endpoint: str, auth: tuple[str, str] | None, timeout: float):
        if urllib.parse.urlsplit(endpoint).scheme not in ("http", "https"):
            raise PushError(f"{redact(endpoint)}: the endpoint must be an http(s) URL")
        self.endpoint, self.timeout = endpoint, timeout
        self.headers = {}
        if auth is not None:
            token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode("ascii")
            self.headers["Authorization"] = f"Basic {token}"

    def url(self, graph: URIRef | None) -> str:
        query = "default" if graph is None else urllib.parse.urlencode({"graph": str(graph)})
        sep = "&" if urllib.parse.urlsplit(self.endpoint).query else "?"
        return f"{self.endpoint}{sep}{query}"

    def request(self, method: str, graph: URIRef | None, body: bytes | None = None,
                ok_missing: bool = False) -> bytes | None:
        headers = dict(self.headers)
        if body is not None:
            headers["Content-Type"] = f"{_NT}; charset=utf-8"
        if method == "GET":
            headers["Accept"] = _NT
        req = urllib.request.Request(self.url(graph), data=body, method=method, headers=headers)
        where = f"{method} {redact(self.endpoint)} ({'default graph' if graph is None else graph})"
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as response:
                return response.read()
        except urllib.error.HTTPError as err:
            if ok_missing and err.code == 404:
                return None
            detail = err.read(300).decode("utf-8", "replace").strip().splitlines()
            hint = " (check --user and the password)" if err.code in (401, 403) else ""
            raise PushError(f"{where}: HTTP {err.code} {err.reason}{hint}"
                            + (f": {detail[0]}" if detail else "")) from None
        except (urllib.error.URLError, OSError) as err:
            reason = getattr(err, "reason", err)
            raise PushError(f"{where}: cannot reach the server: {reason}") from None


def _ntriples(graph: Graph) -> bytes:
    return graph.serialize(format="nt", encoding="utf-8")


def _pushed_articles(client: _Client) -> set[URIRef]:
    data = client.request("GET", INDEX_GRAPH, ok_missing=True)
    if not data:
        return set()
    index = Graph().parse(data=data.decode("utf-8"), format="nt")
    return set(index.objects(INDEX_GRAPH, DCTERMS.hasPart))


def push(dataset: Dataset, endpoint: str, per_article: bool = False,
         auth: tuple[str, str] | None = None, timeout: float = 60.0,
         progress: Callable[[str], None] | None = None) -> PushReport:
    """PUT the dataset's graphs to the Graph Store Protocol `endpoint` (see the module doc)."""
    client = _Client(endpoint, auth, timeout)
    report = PushReport()
    default = dataset.default_graph
    previous = _pushed_articles(client) if per_article else set()
    client.request("PUT", None, _ntriples(default))
    report.graphs, report.triples = 1, len(default)
    if progress:
        progress(f"default graph: {len(default)} triples")
    if not per_article:
        return report
    articles = sorted(g.identifier for g in dataset.graphs()
                      if g.identifier != default.identifier and g.identifier != INDEX_GRAPH
                      and len(g))
    for name in articles:
        graph = dataset.graph(name)
        client.request("PUT", name, _ntriples(graph))
        report.graphs += 1
        report.triples += len(graph)
    if progress:
        progress(f"{len(articles)} article graphs")
    for stale in sorted(previous - set(articles)):
        client.request("DELETE", stale, ok_missing=True)
        report.deleted += 1
    index = Graph()
    for name in articles:
        index.add((INDEX_GRAPH, DCTERMS.hasPart, name))
    client.request("PUT", INDEX_GRAPH, _ntriples(index))
    return report
