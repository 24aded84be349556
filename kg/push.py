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
import functools
import http.client
import socket
import ssl
import threading
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass

from rdflib import Dataset, Graph, URIRef

from kg.vocab import DCTERMS, ID

__all__ = ["PushError", "EndpointError", "PushReport", "INDEX_GRAPH", "push", "redact",
           "split_credentials", "check_endpoint"]

INDEX_GRAPH = URIRef(f"{ID}push-index")
_NT = "application/n-triples"


class PushError(RuntimeError):
    """The server refused or could not be reached; the message never holds credentials."""


class EndpointError(PushError):
    """A malformed endpoint URL: a usage error. The message never quotes the URL, which
    may hold a password in a place the parser did not expect."""


@dataclass
class PushReport:
    graphs: int = 0        # graphs PUT (the default graph counts)
    triples: int = 0       # triples sent, over all graphs
    deleted: int = 0       # stale article graphs removed


_ENCODE = ("; a '/', '?', '#' or '@' in a user name or password must be percent-encoded "
           "(%2F, %3F, %23, %40), or give the user with --user and the password in "
           "$KG_PUSH_PASSWORD")


def check_endpoint(url: str) -> urllib.parse.SplitResult:
    """The parts of an http(s) endpoint URL, or EndpointError saying what is wrong.

    A password holding '/', '?' or '#' ends the host early (`http://u:p/w@h/` is host `u`
    with port `p`): such URLs are refused, with a hint to percent-encode, and so is any
    '@' after the host, which an unencoded password leaves there."""
    hint = _ENCODE if "@" in url else ""
    if any(ch.isspace() or unicodedata.category(ch) == "Cc" for ch in url):
        raise EndpointError(f"the endpoint URL holds a space or control character{hint}")
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        raise EndpointError(f"the endpoint's host is malformed (a '[' without ']'?){hint}") \
            from None
    host = parts.netloc.rpartition("@")[2]
    if ("[" in host) != ("]" in host):    # urlsplit counts a ']' of the password as the host's
        raise EndpointError(f"the endpoint's host is malformed (a '[' without ']'?){hint}")
    if parts.scheme.lower() not in ("http", "https"):
        raise EndpointError(f"the endpoint must start with http:// or https://{hint}")
    try:
        port = parts.port
    except ValueError:
        port = 0
    if not parts.hostname or port == 0:
        raise EndpointError(f"the endpoint needs a host and, if any, a port from 1 to 65535"
                            f"{hint}")
    if "@" in url[len(f"{parts.scheme}://{parts.netloc}"):]:
        raise EndpointError(f"the endpoint has an '@' after its host{_ENCODE}")
    return parts


def _host(parts: urllib.parse.SplitResult) -> str:
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    return f"{host}:{parts.port}" if parts.port else host


def redact(url: str) -> str:
    """`url` with any user:password replaced by `***`; a URL that does not parse is
    not quoted at all."""
    try:
        parts = urllib.parse.urlsplit(url)
        if parts.username is None and parts.password is None:
            return url
        return urllib.parse.urlunsplit((parts.scheme, f"***@{_host(parts)}", parts.path,
                                        parts.query, parts.fragment))
    except ValueError:
        return "(a malformed URL)"


def split_credentials(url: str) -> tuple[str, tuple[str, str] | None]:
    """`http://u:p@host/x` -> (`http://host/x`, ("u", "p")); URLs without userinfo unchanged.
    EndpointError when the URL is malformed (see `check_endpoint`)."""
    parts = check_endpoint(url)
    if parts.username is None:
        return url, None
    bare = urllib.parse.urlunsplit((parts.scheme, _host(parts), parts.path, parts.query,
                                    parts.fragment))
    return bare, (urllib.parse.unquote(parts.username), urllib.parse.unquote(parts.password or ""))


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urllib.parse.urlsplit(url)
    scheme = parts.scheme.lower()
    return scheme, (parts.hostname or ""), parts.port or {"http": 80, "https": 443}.get(scheme)


class _Deadline:
    """Ends a request when its time is up, however slowly the server answers: urllib's
    timeout bounds each socket operation, so a server sending a byte a second would hold
    a request forever. At the deadline the request's sockets are shut down, which wakes
    whatever read or write is blocked on them."""

    def __init__(self, seconds: float):
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> "_Deadline":
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.cancel()

    def watch(self, sock: socket.socket) -> socket.socket:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                self._shut(sock)
        return sock

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                self._shut(sock)

    @staticmethod
    def _shut(sock: socket.socket) -> None:
        try:    # the plain socket's shutdown, also under TLS: no TLS close is sent
            socket.socket.shutdown(sock, socket.SHUT_RDWR)
        except OSError:
            pass


class _Watched:
    """An http.client connection whose socket a _Deadline watches from the moment it
    connects (http.client opens it through `_create_connection`, so the TLS handshake is
    watched too)."""

    def __init__(self, *args, deadline: _Deadline, **kwargs):
        super().__init__(*args, **kwargs)
        self._create_connection = lambda *a, **k: deadline.watch(socket.create_connection(*a, **k))


class _HTTPConnection(_Watched, http.client.HTTPConnection):
    pass


class _HTTPSConnection(_Watched, http.client.HTTPSConnection):
    pass


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline):
        super().__init__()
        self.deadline = deadline

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(functools.partial(_HTTPConnection, deadline=self.deadline), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline):
        super().__init__(context=ssl.create_default_context())
        self.deadline = deadline

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(functools.partial(_HTTPSConnection, deadline=self.deadline), req,
                            context=self._context)


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects within the endpoint's origin (scheme, host, port) with the
    credentials; another origin only when asked, and never with them (urllib would
    forward the Authorization header). A PUT or DELETE follows only 307 and 308, which
    keep the method and body."""

    def __init__(self, authorization: str | None, follow_elsewhere: bool):
        super().__init__()
        self.authorization, self.follow_elsewhere = authorization, follow_elsewhere

    def redirect_request(self, req: urllib.request.Request, fp, code: int, msg: str, headers,
                         newurl: str) -> urllib.request.Request:
        method, where = req.get_method(), f"{req.get_method()} {redact(req.full_url)}"
        target = _origin(newurl)
        if target[0] not in ("http", "https"):
            raise PushError(f"{where}: the server redirects to a non-http URL ({redact(newurl)})")
        elsewhere = target != _origin(req.full_url)
        if elsewhere and not self.follow_elsewhere:
            raise PushError(f"{where}: the server redirects to another server "
                            f"({redact(newurl)}); push there directly, or pass "
                            f"--follow-redirects (the credentials are never sent there)")
        if method not in ("GET", "HEAD") and code not in (307, 308):
            raise PushError(f"{where}: the server answers HTTP {code}, a redirect that would "
                            f"drop the data; push to {redact(newurl)} instead")
        new = urllib.request.Request(newurl, data=req.data, method=method,
                                     headers=dict(req.headers))
        if self.authorization and not elsewhere:
            new.add_unredirected_header("Authorization", self.authorization)
        return new


class _Client:
    def __init__(self, endpoint: str, auth: tuple[str, str] | None, timeout: float,
                 follow_redirects: bool = False):
        check_endpoint(endpoint)
        self.endpoint, self.timeout, self.follow_redirects = endpoint, timeout, follow_redirects
        self.authorization = None
        if auth is not None:
            token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode("ascii")
            self.authorization = f"Basic {token}"

    def url(self, graph: URIRef | None) -> str:
        query = "default" if graph is None else urllib.parse.urlencode({"graph": str(graph)})
        sep = "&" if urllib.parse.urlsplit(self.endpoint).query else "?"
        return f"{self.endpoint}{sep}{query}"

    def _request(self, method: str, url: str, body: bytes | None) -> urllib.request.Request:
        headers = {}
        if body is not None:
            headers["Content-Type"] = f"{_NT}; charset=utf-8"
        if method == "GET":
            headers["Accept"] = _NT
        req = urllib.request.Request(url, data=body, method=method, headers=headers)
        if self.authorization:      # unredirected: only _Redirects decides where it goes
            req.add_unredirected_header("Authorization", self.authorization)
        return req

    def request(self, method: str, graph: URIRef | None, body: bytes | None = None,
                ok_missing: bool = False) -> bytes | None:
        """The answer's body; None for a 404 when `ok_missing` (but not for a 404 at the
        end of a redirect: the graph is not missing, the endpoint is wrong)."""
        url = self.url(graph)
        where = f"{method} {redact(self.endpoint)} ({'default graph' if graph is None else graph})"
        with _Deadline(self.timeout) as deadline:
            opener = urllib.request.build_opener(
                _Redirects(self.authorization, self.follow_redirects),
                _HTTPHandler(deadline), _HTTPSHandler(deadline))
            try:
                with opener.open(self._request(method, url, body), timeout=self.timeout) as answer:
                    data = answer.read()
                if not deadline.expired:
                    return data
            except urllib.error.HTTPError as err:
                with err:
                    if not deadline.expired:
                        return _http_error(err, where, url, ok_missing)
            except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as err:
                if not deadline.expired:
                    reason = getattr(err, "reason", err)
                    raise PushError(f"{where}: cannot reach the server: {reason}") from None
        raise PushError(f"{where}: no complete answer within {self.timeout:g} s (--timeout)")


def _http_error(err: urllib.error.HTTPError, where: str, url: str, ok_missing: bool) -> None:
    """None for a 404 the caller accepts; else the PushError that says what the server said."""
    if ok_missing and err.code == 404 and err.url == url:
        return None
    moved = f" after a redirect to {redact(err.url)}" if err.url != url else ""
    detail = err.read(300).decode("utf-8", "replace").strip().splitlines()
    hint = " (check --user and the password)" if err.code in (401, 403) else ""
    raise PushError(f"{where}: HTTP {err.code} {err.reason}{moved}{hint}"
                    + (f": {detail[0]}" if detail else ""))


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
         progress: Callable[[str], None] | None = None,
         follow_redirects: bool = False) -> PushReport:
    """PUT the dataset's graphs to the Graph Store Protocol `endpoint` (see the module doc).

    `timeout` bounds each request as a whole (seconds). A redirect to another origin is
    refused unless `follow_redirects`, and the credentials (`auth`, else the endpoint's
    user:password) never go there. EndpointError for a malformed endpoint."""
    endpoint, from_url = split_credentials(endpoint)
    client = _Client(endpoint, auth or from_url, timeout, follow_redirects)
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
