"""SPARQL over a built graph, with Oxigraph as the engine and rdflib terms in the rows.

    >>> rows = run_query("output/graph.ttl", "SELECT ?l WHERE { ?p a gov:Programme ; rdfs:label ?l }")
    >>> rows[0]["l"]
    rdflib.term.Literal('枫桥经验', lang='zh')

The govkg prefixes (gov, rdf, rdfs, skos, dcterms, prov, xsd, org, schema, geo) are
predeclared; a query may still declare its own. Oxigraph is much faster than
rdflib's own SPARQL engine on graphs of this size and larger.

rdflib is loaded only when rdflib terms are made: `kg query` asks for the
engine's own terms (`run_query(…, engine_terms=True)`), which `format_rows`
writes the same way, so a query of a saved store starts without it.
"""
from __future__ import annotations

import json
import os
import re
import sys
import threading
import time
import unicodedata
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

from kg import namespaces
from kg.sparql import uses_service, variables, where_clause_start

if TYPE_CHECKING:
    import pyoxigraph

__all__ = ["QueryError", "QueryTimeout", "BindingError", "engine_term", "Rows", "PREFIXES",
           "open_store", "run_query", "format_rows", "parse_binding", "bind_values", "json_value",
           "python_value", "FORMATS"]

PREFIXES = dict(namespaces.PREFIXES)
XSD = namespaces.XSD
FORMATS = ("table", "csv", "tsv", "json")



class QueryError(ValueError):
    """A query that cannot run: bad syntax (with `line` and `column`) or a bad graph."""

    def __init__(self, message: str, line: int = 0, column: int = 0, query: str = ""):
        self.line, self.column, self.query = line, column, query
        super().__init__(message)

    def pointer(self) -> str:
        """The offending line of the query with a caret under the error's column."""
        if not self.line or not self.query:
            return ""
        lines = self.query.splitlines() or [""]
        text = lines[min(self.line, len(lines)) - 1]
        width = _display_width(text[: max(self.column - 1, 0)])
        return f"  {text}\n  {' ' * width}^"


class QueryTimeout(QueryError):
    pass


class Rows(list):
    """The rows of a result (dicts), with `columns`: the variable names in query order."""

    def __init__(self, rows=(), columns: list[str] | None = None):
        super().__init__(rows)
        self.columns = list(columns) if columns is not None else (list(self[0]) if self else [])

    def to_df(self):
        """The rows as a pandas DataFrame, one column per variable in query order (as
        kglab's `query_as_df`): numbers, booleans and dates as Python values, IRIs and
        text as strings, unbound as None. Needs pandas (`pip install 'govkg[data]'`)."""
        from kg.extras import require
        pandas = require("pandas", "Rows.to_df")
        return pandas.DataFrame([[python_value(r.get(c)) for c in self.columns] for r in self],
                                columns=self.columns)


# ------------------------------------------------------------------ stores

def _ox():
    import pyoxigraph
    return pyoxigraph


def open_store(source):
    """A pyoxigraph Store holding `source`: a Store, a `kg.graph.Graph` (its store,
    loaded once), a graph file or output folder, an rdflib Graph, or an rdflib Dataset
    (its named graphs stay named graphs)."""
    ox = _ox()
    if isinstance(source, ox.Store):
        return source
    if isinstance(source, (str, os.PathLike)):
        return _file_store(source)
    from kg.graph import graph as kg_graph
    if isinstance(source, kg_graph.Graph):
        return source.store()
    from rdflib import Dataset, Graph
    store = ox.Store()
    if isinstance(source, Dataset):
        for graph in source.graphs():
            if not len(graph):
                continue
            data = graph.serialize(format="nt", encoding="utf-8")
            target = (ox.DefaultGraph() if graph.identifier == source.default_graph.identifier
                      else ox.NamedNode(str(graph.identifier)))
            store.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=target)
        return store
    if isinstance(source, Graph):
        store.load(source.serialize(format="nt", encoding="utf-8"),
                   format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
        return store
    raise TypeError(f"cannot query a {type(source).__name__}")


def _file_store(source: str | Path):
    """A store holding the graph file at `source` (or in the output folder `source`)."""
    from kg.graph.load import find_graph_file, graph_format
    store = _ox().Store()
    try:
        path = find_graph_file(source)
    except FileNotFoundError as err:
        raise QueryError(str(err)) from None
    try:
        fmt = graph_format(path)
    except ValueError:
        raise QueryError(f"{path}: unknown graph format {path.suffix!r}") from None
    try:
        store.load(path=str(path), format=fmt)
    except (SyntaxError, ValueError, OSError) as err:
        raise QueryError(f"{path}: cannot read the graph: {err}") from None
    return store


# ------------------------------------------------------------------ terms

def _to_rdflib(term):
    from rdflib import BNode, Literal, URIRef
    ox = _ox()
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == XSD + "string":
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    return Literal(str(term))


def parse_binding(text: str) -> tuple[str, object]:
    """`VAR=VALUE` from the command line: `<iri>` is an IRI, `"…"@lang` or `"…"^^<dt>`
    a literal as in SPARQL, anything else a Chinese (@zh) literal, like the labels.
    The term is checked as the engine would (IRIs, language tags): BindingError if bad."""
    from rdflib import Literal, URIRef
    name, sep, value = text.partition("=")
    name = name.strip().lstrip("?$")
    if not sep or not re.fullmatch(r"[A-Za-z_]\w*", name):
        raise QueryError(f"bad binding {text!r}: expected VAR=VALUE")
    value = value.strip()
    if value.startswith("<") and value.endswith(">"):
        term = URIRef(_engine_iri(name, value[1:-1]).value)
    elif quoted := re.fullmatch(r'"(.*)"(?:@(.*)|\^\^(.*))?', value, re.S):
        term = _quoted_literal(name, *quoted.groups())
    else:
        term = Literal(value, lang="zh")
    engine_term(name, term)
    return name, term


def _quoted_literal(name: str, body: str, lang: str | None, datatype: str | None):
    """`"body"@lang` or `"body"^^<datatype>` as an rdflib literal; BindingError if malformed."""
    from rdflib import Literal, URIRef
    if datatype is not None and not (datatype.startswith("<") and datatype.endswith(">")):
        raise BindingError(name, f"the datatype {datatype!r} is not a valid IRI: "
                                 "write it as <http://…>")
    if lang is not None and not lang:
        raise BindingError(name, "an empty language tag: write \"…\"@zh or leave @ out")
    # checked before rdflib sees it: rdflib logs a warning for a bad IRI, then takes it
    datatype = URIRef(_engine_iri(name, datatype[1:-1]).value) if datatype else None
    try:    # language tags are case-insensitive; Oxigraph keeps them in lower case
        return Literal(body, lang=lang and lang.lower(), datatype=datatype)
    except ValueError:
        raise BindingError(name, f"{lang!r} is not a language tag (such as zh or en)") from None


class BindingError(QueryError):
    """A bound value that is no valid RDF term, or a variable the query does not use."""

    def __init__(self, name: str, reason: str):
        self.name, self.reason = name, reason
        super().__init__(f"binding ?{name}: {reason}")


def _engine_iri(name: str, iri: str) -> pyoxigraph.NamedNode:
    try:
        return _ox().NamedNode(iri)
    except ValueError as err:
        raise BindingError(name, f"<{iri}> is not a valid IRI ({err})") from None


def engine_term(name: str, term) -> pyoxigraph.NamedNode | pyoxigraph.Literal:
    """The Oxigraph term for an rdflib IRI or literal bound to ?name, built and checked by
    Oxigraph (IRI syntax, language tags, text that is valid Unicode); BindingError if bad."""
    from rdflib import Literal, URIRef
    ox = _ox()
    if isinstance(term, URIRef):
        return _engine_iri(name, str(term))
    if not isinstance(term, Literal):
        raise BindingError(name, "only an IRI or a literal can be bound, not a blank node")
    datatype = _engine_iri(name, str(term.datatype)) if term.datatype else None
    try:
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=datatype)
    except UnicodeError:                # undecodable bytes on the command line
        raise BindingError(name, f"{str(term)!r} holds bytes that are not UTF-8") from None
    except ValueError as err:
        raise BindingError(name, f"{str(term)!r} cannot be bound: {err}") from None


def bind_values(sparql: str, bindings: dict) -> str:
    """`sparql` with a `VALUES` block binding each variable to one term, first thing in its
    WHERE clause: the engine then starts from the bound name instead of filtering every
    solution at the end (at 1000x the corpus, 5 ms instead of over 10 s). A query whose
    WHERE clause cannot hold one gets the block at its end.

    The clause is found among the query's tokens (never in a comment or a string), and the
    terms are written by Oxigraph from checked terms, so no value can change the query.
    BindingError for a bad term or a variable the query does not use."""
    if not bindings:
        return sparql
    names = sorted(bindings)
    used = variables(sparql)
    for name in names:
        if name not in used:
            listed = ", ".join(f"?{v}" for v in used) or "none"
            raise BindingError(name, f"the query has no variable ?{name}; its variables: {listed}")
    terms = " ".join(str(engine_term(n, bindings[n])) for n in names)
    block = f"VALUES ({' '.join('?' + n for n in names)}) {{ ({terms}) }}"
    start = where_clause_start(sparql)
    if start is None:
        return f"{sparql}\n{block}"
    return f"{sparql[:start]}\n  {block}{sparql[start:]}"


# ------------------------------------------------------------------ queries

_POSITION = re.compile(r"error at (\d+):(\d+):\s*(.*)", re.S)


def _syntax_error(err: Exception, sparql: str) -> QueryError:
    text = str(err)
    match = _POSITION.search(text)
    if not match:
        return QueryError(f"SPARQL syntax error: {text}", query=sparql)
    line, column, message = int(match[1]), int(match[2]), match[3].strip()
    message = message.splitlines()[0]
    if "Prefix not found" in message:
        message = "unknown prefix (declare it with PREFIX)"
    elif len(message) > 100:
        message = message[:100] + "…"
    return QueryError(f"SPARQL syntax error at line {line}, column {column}: {message}",
                      line, column, sparql)


def _rows(result, deadline: float | None = None, engine_terms: bool = False) -> list[dict]:
    """Convert Oxigraph's answer (to rdflib terms unless `engine_terms`); solutions are
    pulled lazily, so a deadline stops a long SELECT between rows instead of leaving
    it running."""
    ox = _ox()
    term = (lambda t: t) if engine_terms else _to_rdflib
    if isinstance(result, ox.QueryBoolean) or isinstance(result, bool):
        answer = ox.Literal("true" if result else "false", datatype=ox.NamedNode(XSD + "boolean"))
        return Rows([{"ask": term(answer)}], ["ask"])
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        convert = lambda solution: {name: term(solution[name]) for name in names}
    else:
        names = ["subject", "predicate", "object"]
        convert = lambda t: {"subject": term(t.subject), "predicate": term(t.predicate),
                             "object": term(t.object)}
    rows = Rows(columns=names)
    for item in result:
        rows.append(convert(item))
        if deadline is not None and len(rows) % 256 == 0 and time.monotonic() > deadline:
            raise QueryTimeout("query did not finish in time")
    return rows


def run_query(store_or_path, sparql: str, timeout: float | None = None,
              bindings: dict | None = None, union: bool = False,
              allow_service: bool = False, engine_terms: bool = False) -> Rows:
    """Run `sparql` and return its rows as dicts of variable name -> rdflib term (None if unbound).

    `store_or_path`: anything `open_store` takes. `timeout` (seconds) raises
    QueryTimeout when the query has not finished. `bindings` maps variable
    names to rdflib terms (a VALUES block opening the WHERE clause). The default
    graph holds every triple already; with `union` it is instead the union of
    all graphs (for stores loaded from other tools' TriG). ASK gives one row
    `{"ask": true}`, CONSTRUCT/DESCRIBE one row per triple. A query with a SERVICE
    clause, which makes the engine send requests to another server, is refused
    (QueryError) unless `allow_service`. With `engine_terms` the rows hold Oxigraph's
    terms instead of rdflib's (what `format_rows` needs, without loading rdflib).
    """
    text = bind_values(sparql, bindings or {})
    if not allow_service and uses_service(text):
        raise QueryError("the query has a SERVICE clause, which sends requests to another "
                         "server; allow it with --allow-service (allow_service=True in Python)")
    store = open_store(store_or_path)
    outcome: dict = {}
    deadline = None if timeout is None else time.monotonic() + timeout

    def work():
        # Oxigraph's result iterators must be dropped on the thread that made
        # them: keep them out of anything (a traceback) handed to the caller.
        try:
            result = store.query(text, prefixes=PREFIXES, use_default_graph_as_union=union)
            outcome["rows"] = _rows(result, deadline, engine_terms)
        except QueryTimeout as err:
            outcome["error"] = QueryTimeout(str(err))
        except SyntaxError as err:
            outcome["error"] = _syntax_error(err, text)
        except Exception as err:       # evaluation errors from the engine
            outcome["error"] = QueryError(f"query failed: {err}", query=text)

    if timeout is None:
        work()
    else:
        # Oxigraph cannot be interrupted inside one step (a big aggregate): the
        # worker thread is a daemon, so giving up on it never blocks exit.
        worker = threading.Thread(target=work, daemon=True)
        worker.start()
        worker.join(timeout + 0.5)
        if worker.is_alive() or isinstance(outcome.get("error"), QueryTimeout):
            raise QueryTimeout(f"query did not finish within {timeout:g} s")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["rows"]


# ------------------------------------------------------------------ output

_SHORT = sorted([(str(ns), p) for p, ns in PREFIXES.items()] + [(namespaces.ID, "id:")],
                key=lambda item: -len(item[0]))
_INTEGERS = {"integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
             "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong",
             "unsignedShort", "unsignedByte"}


def _engine_parts(term) -> tuple[str, str, str | None] | None:
    """(kind, text, datatype) of an Oxigraph term, kind "iri", "blank" or "literal" (the
    datatype of a plain or language-tagged literal is None); None for any other term."""
    ox = sys.modules.get("pyoxigraph")
    if ox is None:
        return None
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        plain = term.language or datatype == XSD + "string"
        return "literal", term.value, None if plain else datatype
    if isinstance(term, ox.NamedNode):
        return "iri", term.value, None
    if isinstance(term, ox.BlankNode):
        return "blank", term.value, None
    return None


def _is_iri(term) -> bool:
    rdflib = sys.modules.get("rdflib")
    return rdflib is not None and isinstance(term, rdflib.URIRef)


def _text(term) -> str:
    """The text of a term: an IRI's value, a literal's lexical form, a blank node's id."""
    parts = _engine_parts(term)
    return parts[1] if parts is not None else str(term)


def display(term) -> str:
    """A term as a reader wants it in a table: prefixed names, Chinese IRIs decoded."""
    if term is None:
        return ""
    parts = _engine_parts(term)
    if (parts is not None and parts[0] == "iri") or (parts is None and _is_iri(term)):
        value = _text(term)
        for ns, prefix in _SHORT:
            if value.startswith(ns):
                local = unquote(value[len(ns):])
                return f"{prefix}{local}" if prefix.endswith(":") else f"{prefix}:{local}"
        return f"<{unquote(value)}>"
    return _text(term)


def _typed(text: str, datatype: str):
    """The Python value of a typed literal as rdflib's `toPython` gives it (numbers,
    booleans, dates); the text itself when the type is another or the text no value."""
    local = datatype[len(XSD):] if datatype.startswith(XSD) else ""
    try:
        if local in _INTEGERS:
            return int(text)
        if local == "decimal":
            return Decimal(text)
        if local in ("double", "float"):
            return float(text)
        if local == "boolean":
            return text.strip().lower() in ("true", "1")
        if local == "date":
            return date.fromisoformat(text)
        if local == "dateTime":
            return datetime.fromisoformat(text)
    except ValueError:
        pass
    return text


def python_value(term):
    """A term as a plain Python value: numbers as int (whole) or float, booleans, dates
    and date-times as such, everything else as its text; None when unbound."""
    if term is None:
        return None
    parts = _engine_parts(term)
    if parts is not None:
        value = _typed(parts[1], parts[2]) if parts[0] == "literal" and parts[2] else parts[1]
    elif getattr(term, "datatype", None) is not None:      # an rdflib typed literal
        value = term.toPython()
    else:
        value = str(term)
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (bool, int, float, date)):
        return value
    return str(term) if parts is None else parts[1]


def json_value(term):
    """A term as JSON wants it: numbers and booleans as such (`21.2`, `3`, `true`),
    everything else (dates too) as its text, None when unbound."""
    value = python_value(term)
    return value.isoformat() if isinstance(value, date) else value


def _plain(term) -> str:
    return "" if term is None else _text(term)


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _display_width(text))


def _columns(rows: list[dict], columns: Iterable[str] | None) -> list[str]:
    if columns is not None:
        return list(columns)
    if isinstance(rows, Rows):
        return rows.columns
    return list(rows[0]) if rows else []


def _delimited(rows: list[dict], cols: list[str], delimiter: str) -> str:
    """CSV or TSV (tabs in values become spaces); a cell a spreadsheet would run as a
    formula is neutralised (kg.export.spreadsheet)."""
    import csv
    import io

    from kg.export.spreadsheet import safe_cell
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(cols)
    for r in rows:
        cells = (_plain(r.get(c)) for c in cols)
        writer.writerow([safe_cell(c.replace("\t", " ") if delimiter == "\t" else c)
                         for c in cells])
    return out.getvalue()


def format_rows(rows: list[dict], fmt: str = "table", columns: list[str] | None = None) -> str:
    """Rows as an aligned table (CJK-aware widths), CSV, TSV or JSON (a list of objects)."""
    cols = _columns(rows, columns)
    if fmt == "json":
        return json.dumps([{c: json_value(r.get(c)) for c in cols} for r in rows],
                          ensure_ascii=False, indent=1) + "\n"
    if fmt in ("csv", "tsv"):
        return _delimited(rows, cols, "," if fmt == "csv" else "\t")
    if fmt != "table":
        raise ValueError(f"unknown output format {fmt!r}; known: {', '.join(FORMATS)}")
    cells = [[display(r.get(c)).replace("\n", " ") for c in cols] for r in rows]
    widths = [max([_display_width(c)] + [_display_width(row[i]) for row in cells])
              for i, c in enumerate(cols)]
    lines = ["  ".join(_pad(c, w) for c, w in zip(cols, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(_pad(v, w) for v, w in zip(row, widths)).rstrip() for row in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def read_query(text_or_path: str, library: Path | None = None) -> str:
    """The query text: `text_or_path` itself, a .rq file, or a name from the query library."""
    candidate = Path(text_or_path)
    if text_or_path.endswith(".rq") or (len(text_or_path) < 256 and candidate.is_file()):
        if not candidate.is_file() and library is not None:
            candidate = library / candidate.name
        if not candidate.is_file():
            raise QueryError(f"{text_or_path}: no such query file")
        return _query_file(candidate)
    if library is not None and re.fullmatch(r"[\w-]+", text_or_path):
        named = library / f"{text_or_path}.rq"
        if named.is_file():
            return _query_file(named)
    return text_or_path


def _query_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise QueryError(f"{path}: not UTF-8 text (byte {err.start + 1}); save the query "
                         "as UTF-8") from None
    except OSError as err:
        raise QueryError(f"{path}: cannot read: {err.strerror or err}") from None
