"""`kg query --bind` and hostile queries: bound values are RDF terms the library builds and
checks, never text pasted into the query; SERVICE needs --allow-service."""
from __future__ import annotations

import http.server
import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from kg.api import KnowledgeGraph
from kg.cli import main
from kg.query import QueryError, bind_values, parse_binding, run_query
from tests.conftest import make_corpus

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory):
    out = tmp_path_factory.mktemp("graph")
    KnowledgeGraph.from_corpus(make_corpus()).save(out, ["turtle"])
    return out / "graph.ttl"


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = main(["query", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _usage_error(capsys, argv, *fragments) -> str:
    code, out, err = _run(capsys, *argv)
    assert code == 2, err
    assert out == "" and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    for fragment in fragments:
        assert fragment in err, err
    return err


# ------------------------------------------------------------------ injection


def test_a_typed_literal_cannot_break_out_of_the_saved_query(graph_file, capsys):
    """The value closes the VALUES block and comments out the rest: on the old code it
    returned every official of every agency. Its datatype is no IRI: a usage error."""
    hostile = 'agency_name="x"^^<http://a> ) (UNDEF) } #>'
    _usage_error(capsys, ["officials-of-agency", "-g", str(graph_file), "--bind", hostile],
                 "--bind agency_name", "not a valid IRI")


@pytest.mark.parametrize("value", [
    'x" ) (UNDEF) } #', "x' ) (UNDEF) } #", '"x\\" ) (UNDEF) } #"@zh', "x\n) (UNDEF) }",
    '"""x""" ) (UNDEF) } #',
])
def test_hostile_text_is_one_literal_that_matches_nothing(graph_file, capsys, value):
    code, out, err = _run(capsys, "officials-of-agency", "-g", str(graph_file),
                          "--bind", f"agency_name={value}")
    assert (code, err) == (0, "")
    assert out.splitlines()[-1] == "(0 rows)"


def test_a_bound_literal_comes_back_exactly_as_given(graph_file):
    text = 'a"b\\c } # \' \n\t\x00 <x> """'
    rows = run_query(graph_file, "SELECT ?v WHERE { }", bindings={"v": Literal(text)})
    assert [r["v"] for r in rows] == [Literal(text)]


def test_a_malformed_iri_is_a_usage_error(graph_file):
    """Run as a user would: nothing else (no library warning) on stderr but the one line."""
    run = subprocess.run([sys.executable, "-m", "kg", "query", "officials-of-agency",
                          "-g", str(graph_file), "--bind", "agency_name=<http://a> b>"],
                         cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == ("kg query: --bind agency_name: <http://a> b> is not a valid IRI "
                          "(Invalid IRI code point '>')\n")


@pytest.mark.parametrize("binding", ['x="a"@not a tag', 'x="a"^^<no scheme>', "x=<>",
                                     "x=<relative/path>"])
def test_other_malformed_terms_are_usage_errors(graph_file, capsys, binding):
    _usage_error(capsys, ["SELECT ?x WHERE { }", "-g", str(graph_file), "--bind", binding],
                 "--bind x")


def test_the_api_checks_iris_too(graph_file):
    with pytest.raises(QueryError, match="not a valid IRI"):
        run_query(graph_file, "SELECT ?x WHERE { }", bindings={"x": URIRef("http://a> b")})
    with pytest.raises(QueryError, match="not a valid IRI"):
        parse_binding("x=<http://a> b>")


def test_an_unknown_variable_is_a_usage_error_naming_the_query_variables(graph_file, capsys):
    err = _usage_error(capsys, ["officials-of-agency", "-g", str(graph_file),
                                "--bind", "place_name=嘉兴"], "--bind place_name")
    assert "?agency_label" in err and "?agency_name" in err and "?role" in err


def test_a_variable_only_in_a_comment_or_string_is_not_the_query_s(graph_file, capsys):
    query = 'SELECT ?n WHERE { ?p rdfs:label ?n FILTER(?n != "?x") } # ?x'
    err = _usage_error(capsys, [query, "-g", str(graph_file), "--bind", "x=1"], "--bind x")
    assert "?n" in err and "?p" in err


def test_a_where_in_a_comment_does_not_receive_the_values(graph_file, tmp_path, capsys):
    """On the old code the VALUES block went into the comment: the binding was lost and
    every programme came back."""
    query = tmp_path / "programme.rq"
    query.write_text("# usage: kg query programme.rq --bind name=…  (binds ?name: WHERE { …)\n"
                     "SELECT ?name WHERE { ?p a gov:Programme ; rdfs:label ?name }\n",
                     encoding="utf-8")
    code, out, err = _run(capsys, str(query), "-g", str(graph_file), "--bind", "name=红船枫警",
                          "-f", "csv")
    assert (code, err) == (0, "")
    assert out.splitlines() == ["name", "红船枫警"]


@pytest.mark.parametrize("query, where", [
    ('SELECT ?x { ?x rdfs:label "a WHERE {" }', "SELECT ?x {"),
    ("SELECT * { ?x ?p ?o } # WHERE {", "SELECT * {"),
    ("PREFIX where: <http://e/>\nASK { ?x where:p ?o }", "ASK {"),
    ("CONSTRUCT { ?x ?p ?o } WHERE { ?x ?p ?o }", "} WHERE {"),
    ("CONSTRUCT { ?x ?p ?o } { ?x ?p ?o }", "} {"),
])
def test_the_values_open_the_real_where_clause(query, where):
    bound = bind_values(query, {"x": URIRef("http://e/1")})
    head, _, rest = bound.partition("VALUES")
    assert head.rstrip().endswith(where), bound
    assert rest.startswith(" (?x) { (<http://e/1>) }")


def test_a_where_clause_that_cannot_hold_values_gets_them_at_the_end():
    bound = bind_values("CONSTRUCT WHERE { ?x ?p ?o }", {"x": URIRef("http://e/1")})
    assert bound == "CONSTRUCT WHERE { ?x ?p ?o }\nVALUES (?x) { (<http://e/1>) }"


def test_undecodable_bytes_in_a_value_or_a_query_file_are_usage_errors(graph_file, tmp_path,
                                                                         capsys):
    _usage_error(capsys, ["officials-of-agency", "-g", str(graph_file),
                          "--bind", "agency_name=\udcff"], "not UTF-8")
    query = tmp_path / "gbk.rq"
    query.write_bytes('SELECT ?x WHERE { ?x rdfs:label "徐州" }'.encode("gbk"))
    _usage_error(capsys, [str(query), "-g", str(graph_file)], "gbk.rq: not UTF-8 text")


# ------------------------------------------------------------------ SERVICE


@pytest.fixture
def sparql_server():
    """A local SPARQL endpoint that answers every request with one row and records it."""
    seen: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def _answer(self):
            seen.append(self.path)
            body = json.dumps({"head": {"vars": ["x"]}, "results": {"bindings": [
                {"x": {"type": "literal", "value": "from the other server"}}]}}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _answer

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/sparql", seen
    server.shutdown()
    server.server_close()
    thread.join(5)


def test_service_is_refused_without_allow_service(graph_file, sparql_server, capsys):
    url, seen = sparql_server
    query = f"SELECT ?x WHERE {{ SERVICE <{url}> {{ ?x ?p ?o }} }}"
    _usage_error(capsys, [query, "-g", str(graph_file)], "SERVICE", "--allow-service")
    assert seen == []
    code, out, err = _run(capsys, query, "-g", str(graph_file), "--allow-service", "-f", "csv")
    assert (code, err) == (0, "")
    assert out.splitlines() == ["x", "from the other server"] and seen


def test_service_in_lower_case_or_a_saved_file_is_refused_too(graph_file, tmp_path, capsys):
    query = tmp_path / "remote.rq"
    query.write_text("SELECT ?x WHERE {\n  service <http://127.0.0.1:9/> { ?x ?p ?o }\n}\n",
                     encoding="utf-8")
    _usage_error(capsys, [str(query), "-g", str(graph_file)], "SERVICE")


def test_the_word_service_in_a_label_or_comment_is_no_service(graph_file, capsys):
    query = 'SELECT ?x WHERE { ?x rdfs:label "SERVICE <http://a> {" } # SERVICE <http://b>'
    code, out, err = _run(capsys, query, "-g", str(graph_file))
    assert (code, err) == (0, "") and out.splitlines()[-1] == "(0 rows)"


def test_the_api_refuses_service_unless_allowed(graph_file, sparql_server):
    url, seen = sparql_server
    query = f"SELECT ?x WHERE {{ SERVICE <{url}> {{ ?x ?p ?o }} }}"
    with pytest.raises(QueryError, match="SERVICE"):
        run_query(graph_file, query)
    assert seen == []
    assert len(run_query(graph_file, query, allow_service=True)) == 1


def test_a_language_tag_that_spells_a_keyword_is_no_service_clause(graph_file):
    # found by tests/test_fuzz.py: `x=""@SERVICE` was refused as a SERVICE clause
    name, term = parse_binding('x=""@SERVICE')
    rows = run_query(graph_file, "SELECT ?x WHERE { }", bindings={name: term})
    assert [row["x"] for row in rows] == [Literal("", lang="SERVICE")]
