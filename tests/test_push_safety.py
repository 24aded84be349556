"""`kg push` against hostile or broken servers (local HTTP servers in threads, no network):
credentials never cross origins, redirects elsewhere are refused unless asked, --timeout
bounds the whole request, and a malformed endpoint is one line that quotes no secret."""
from __future__ import annotations

import base64
import http.server
import threading
import time

import pytest

from kg.api import KnowledgeGraph
from kg.cli import main
from kg.push import PushError, push
from kg import push as push_module
from tests.conftest import make_corpus

AUTH = ("alice", "s3cret-pw")
AUTH_HEADER = "Basic " + base64.b64encode(b"alice:s3cret-pw").decode()


class Server:
    """A local HTTP server; `answer(handler)` decides each reply, every request is recorded."""

    def __init__(self, answer):
        self.requests: list[tuple[str, str, str | None]] = []   # method, path, Authorization
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _any(self):
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                outer.requests.append((self.command, self.path, self.headers.get("Authorization")))
                answer(self)

            do_GET = do_PUT = do_DELETE = _any

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)


def reply(handler, code: int, headers: dict | None = None, body: bytes = b"") -> None:
    handler.send_response(code)
    for key, value in (headers or {}).items():
        handler.send_header(key, value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def accept_puts(handler) -> None:
    reply(handler, 404 if handler.command == "GET" else 204)


@pytest.fixture(scope="module")
def dataset():
    return KnowledgeGraph.from_corpus(make_corpus()).dataset


# ------------------------------------------------------------------ redirects


def test_credentials_never_follow_a_redirect_to_another_server(dataset):
    """urllib forwarded the Authorization header to wherever the index GET was redirected."""
    with Server(accept_puts) as other:
        def redirect(handler):
            reply(handler, 302, {"Location": f"{other.url}/steal{handler.path}"})

        with Server(redirect) as endpoint:
            with pytest.raises(PushError, match="redirect.* another server") as caught:
                push(dataset, f"{endpoint.url}/store", per_article=True, auth=AUTH, timeout=5)
            assert other.requests == []
            assert "s3cret" not in str(caught.value)
            # asked to follow: it goes there, but without the credentials
            with pytest.raises(PushError):
                push(dataset, f"{endpoint.url}/store", per_article=True, auth=AUTH, timeout=5,
                     follow_redirects=True)
            assert other.requests and all(auth is None for _, _, auth in other.requests)


def test_a_redirect_within_the_server_keeps_the_credentials(dataset):
    def answer(handler):
        if handler.path.startswith("/old"):
            reply(handler, 307 if handler.command != "GET" else 302,
                  {"Location": handler.path.replace("/old", "/new", 1)})
        else:                           # an empty index, then every PUT accepted
            reply(handler, 200 if handler.command == "GET" else 204)

    with Server(answer) as endpoint:
        report = push(dataset, f"{endpoint.url}/old", per_article=True, auth=AUTH, timeout=5)
    assert report.graphs == 3          # the default graph and two articles
    moved = [r for r in endpoint.requests if r[1].startswith("/new")]
    assert {m for m, _, _ in moved} == {"GET", "PUT"}
    assert all(auth == AUTH_HEADER for _, _, auth in endpoint.requests)


def test_a_redirect_that_ends_in_404_is_an_error_not_an_empty_index(dataset):
    def answer(handler):
        if handler.path.startswith("/store"):
            reply(handler, 302, {"Location": "/gone"})
        else:
            reply(handler, 404)

    with Server(answer) as endpoint:
        with pytest.raises(PushError, match="404"):
            push(dataset, f"{endpoint.url}/store", per_article=True, timeout=5)
    assert [m for m, _, _ in endpoint.requests] == ["GET", "GET"]    # nothing was PUT


def test_cli_refuses_a_redirect_elsewhere_and_names_the_flag(dataset, tmp_path, capsys,
                                                              monkeypatch):
    KnowledgeGraph(dataset).save(tmp_path / "out", ["turtle"])
    monkeypatch.setenv("KG_PUSH_PASSWORD", AUTH[1])
    with Server(accept_puts) as other:
        with Server(lambda h: reply(h, 307, {"Location": f"{other.url}/store"})) as endpoint:
            code = main(["push", "-g", str(tmp_path / "out"), "-e", f"{endpoint.url}/store",
                         "-u", "alice", "--timeout", "5"])
    err = capsys.readouterr().err
    assert code == 1 and "--follow-redirects" in err and AUTH[1] not in err
    assert other.requests == []


def test_credentials_in_the_endpoint_go_in_the_header_not_the_host(dataset):
    with Server(accept_puts) as endpoint:
        url = endpoint.url.replace("http://", "http://alice:s3cret-pw@")
        push(dataset, f"{url}/store", timeout=5)
    assert endpoint.requests == [("PUT", "/store?default", AUTH_HEADER)]


# ------------------------------------------------------------------ timeouts


def test_timeout_bounds_the_whole_request_not_each_read(dataset):
    """The server answers one byte every 0.2 s: no single read waits a second, so the old
    code waited for all of it (10 s)."""
    def trickle(handler):
        handler.wfile.write(b"HTTP/1.1 204 No Content\r\n")
        for _ in range(50):
            try:
                handler.wfile.write(b"X")
                handler.wfile.flush()
            except OSError:
                return
            time.sleep(0.2)

    with Server(trickle) as endpoint:
        started = time.monotonic()
        with pytest.raises(PushError, match="within 1 s"):
            push(dataset, f"{endpoint.url}/store", timeout=1)
        assert time.monotonic() - started < 4


@pytest.mark.parametrize("value", ["0", "-1", "nan", "inf"])
def test_timeout_must_be_a_positive_number(tmp_path, capsys, value):
    code = main(["push", "-g", str(tmp_path), "-e", "http://127.0.0.1:9/store", "--timeout", value])
    assert code == 2 and "--timeout" in capsys.readouterr().err


# ------------------------------------------------------------------ malformed endpoints


@pytest.mark.parametrize("endpoint", [
    "http://alice:s3cret-pw@127.0.0.1:http/store",          # port not a number
    "http://alice:s3cret-pw@127.0.0.1:99999/store",         # port out of range
    "http://alice:s3cret-pw@127.0.0.1:0/store",
    "http://alice:s3cret-pw@[::1/store",                    # '[' without ']'
    "http://alice:s3cr]et-pw@[::1/store",                   # the password's ']' is not the host's
    "http://alice:s3cr/et-pw@127.0.0.1:7878/store",         # '/' in the password
    "http://alice:s3cr#et-pw@127.0.0.1:7878/store",         # '#'
    "http://alice:s3cr?et-pw@127.0.0.1:7878/store",         # '?'
    "http://alice:4242/et-pw@127.0.0.1:7878/store",         # '/' after digits: host 'alice'
    "alice:s3cret-pw@127.0.0.1:7878/store",                 # no scheme
    "ftp://alice:s3cret-pw@127.0.0.1/store",
    "http:///store",                                        # no host
    "http://127.0.0.1:7878/st ore",
])
def test_a_malformed_endpoint_is_one_line_exit_2_and_quotes_no_secret(endpoint, tmp_path,
                                                                       capsys):
    KnowledgeGraph.from_corpus(make_corpus()).save(tmp_path / "out", ["turtle"])
    code = main(["push", "-g", str(tmp_path / "out"), "-e", endpoint, "--timeout", "2"])
    err = capsys.readouterr().err
    assert code == 2, err
    assert len(err.strip().splitlines()) == 1 and err.startswith("kg push: ")
    for secret in ("s3cr", "et-pw", "4242"):
        assert secret not in err, err
    with pytest.raises(push_module.EndpointError):
        push(KnowledgeGraph.from_corpus(make_corpus()).dataset, endpoint)
