"""SPARQL text as tokens: comments, strings and IRIs are single tokens, so a keyword,
variable or brace inside one (`# … WHERE {`, `"SERVICE <x>"`) is never taken for the
query's own.

    >>> variables('SELECT ?n WHERE { ?p rdfs:label ?n } # ?x')
    ['n', 'p']
    >>> uses_service('SELECT * WHERE { ?s rdfs:label "SERVICE" }')
    False
    >>> uses_service('SELECT * WHERE { ?s rdfs:label ""@SERVICE }')
    False

Enough of the grammar to find things, not a parser: Oxigraph still parses the query
and reports its syntax errors.
"""
from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Token", "tokens", "variables", "uses_service", "where_clause_start"]

# SPARQL 1.1 terminals (https://www.w3.org/TR/sparql11-query/#terminals), longest first.
# An IRIREF cannot start with `?` or `$` here, so that `?a<?b` reads as a comparison.
_TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<comment>\#[^\r\n]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''
             | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
             | '(?:[^'\\\r\n]|\\.)*'
             | "(?:[^"\\\r\n]|\\.)*")
  | (?P<iri><(?![?$])[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<langtag>@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*)
  | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f\u2040]+)
  | (?P<word>[^\W\d][\w.:-]*|:[\w.:-]*)
  | (?P<other>.)
""", re.X | re.S)

_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")


class Token(NamedTuple):
    kind: str       # string, iri, langtag, var, word (keywords, prefixed names), other (one character)
    text: str
    start: int
    end: int


def tokens(text: str) -> list[Token]:
    """The query's tokens, without white space and comments."""
    return [Token(m.lastgroup, m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)
            if m.lastgroup not in ("space", "comment")]


def variables(text: str) -> list[str]:
    """The names of the variables the query uses, in order of first use."""
    return list(dict.fromkeys(t.text[1:] for t in tokens(text) if t.kind == "var"))


def _keyword(token: Token) -> str:
    """The keyword a token is (upper case), or '' (prefixed names hold a colon)."""
    return token.text.upper() if token.kind == "word" and ":" not in token.text else ""


def uses_service(text: str) -> bool:
    """Whether the query has a SERVICE clause (a request to another server)."""
    return any(_keyword(t) == "SERVICE" for t in tokens(text))


def where_clause_start(text: str) -> int | None:
    """The offset just after the `{` that opens the query's WHERE clause, or None when
    it has none that could take a VALUES block (`CONSTRUCT WHERE { triples }`, `DESCRIBE <x>`).

    The WHERE keyword is optional: then the clause is the first top-level group of a
    SELECT, ASK or DESCRIBE, the second of a CONSTRUCT (after its template)."""
    found = tokens(text)
    form, depth, groups = "", 0, 0
    for i, token in enumerate(found):
        keyword = _keyword(token)
        if depth == 0 and not form and keyword in _FORMS:
            form = keyword
        elif depth == 0 and form and keyword == "WHERE":
            short_construct = form == "CONSTRUCT" and groups == 0
            following = found[i + 1] if i + 1 < len(found) else None
            if short_construct or following is None or following.text != "{":
                return None
            return following.end
        elif token.text == "{":
            if depth == 0 and form:
                groups += 1
                if groups == (2 if form == "CONSTRUCT" else 1):
                    return token.end
            depth += 1
        elif token.text == "}":
            depth = max(depth - 1, 0)
    return None
