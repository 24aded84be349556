"""Patterns compiled to Python: each pattern's matcher is written once as a function of its own.

A regular-expression engine compiles a pattern before it runs it; so does this one. Where the
generic matcher would walk the elements with closures and recursion on every attempt, the
function written here tests each element inline, and each place where a match may go on in
several ways (a repeat, a unit that ends at several tokens) is a `for` loop over those ways in
the order the matcher tries them, so backtracking is the loops' own order:

    [{TEXT: 《}, {TEXT: {NOT_IN: [《, 》]}, OP: "+", NAME: t}, {TEXT: 》}]  becomes

    def _match(ctx, p0, until):
        ...
        if p0 >= limit or not (words[p0] == _k1): return None
        p1 = p0 + 1
        e1 = p1
        c1 = limit
        while e1 < c1 and (words[e1] not in _k2): e1 += 1
        if e1 - p1 < 1: return None
        for p2 in range(e1, p1 + 0, -1):
            if p2 >= limit or not (words[p2] == _k3): continue
            p3 = p2 + 1
            if until is None or p3 == until:
                return _Match(sent, p0, p3, {'t': (p1, p2)} if p2 > p1 else {})

The elements come from `kg.rules.engine`, each with its test as an expression over the token
`_I_` (`Step.code`), constants by name in the engine's namespace; a unit's code names the
table of where it ends (`T[unit]`: token -> ends, longest first; `T` is `ctx.tables`). What a match
returns and which one is first are exactly those of the generic definition in the engine's
docstring: the leftmost start, then the first match in backtracking order.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from kg.rules.codecache import CODES

PLACEHOLDER = "_I_"           # the token (or position) an element's code tests
# the sentence as the functions read it: bound once per call, only what the code uses
_LOCALS = (("sent", "ctx.sent"), ("words", "sent.words"), ("tags", "sent.tags"),
           ("starts", "sent.starts"), ("n", "ctx.n"), ("T", "ctx.tables"))
_MAX_LOOPS = 16               # Python nests at most 20 blocks: a longer chain of choices
                              # goes on in a function of its own
_TAILS = itertools.count()    # the namespace is shared: those functions' names are unique


@dataclass(frozen=True)
class Step:
    """What the writer needs of one element."""

    kind: str                  # "zero" (a test where the match stands), "token", "unit"
    code: str                  # zero, token: a test of `_I_`; unit: the table's expression
    min: int = 1
    max: int | None = 1
    lazy: bool = False
    name: str | None = None
    chars: tuple[int, int] | None = None


def expression(code: str, at: str) -> str:
    """An element's code testing position `at` (a variable or an expression)."""
    return code.replace(PLACEHOLDER, f"({at})" if not at.isidentifier() else at)


def function(code: str, namespace: dict) -> object:
    """`code` as a function `(ctx, _I_)`: an element's test on its own."""
    body = f"    return {code}\n"
    return _define("_f", ["ctx", PLACEHOLDER], body, namespace)


def matcher(steps: list[Step], namespace: dict) -> object:
    """The function `(ctx, start, until) -> Match | None` of a pattern's steps."""
    writer = _Writer(steps, namespace)
    return writer.define("_match", 0, ["ctx", "p0", "until"], "p0", [])


class _Writer:
    """Writes the functions of one pattern (more than one only for very long patterns)."""

    def __init__(self, steps: list[Step], namespace: dict):
        self.steps, self.namespace = steps, namespace
        self.count = 0

    def define(self, name: str, k: int, params: list[str], pos: str, captures: list) -> object:
        lines = ["limit = ctx.n if until is None else until",
                 "ub = limit if until is not None else 1 << 62"]
        self.body(lines, k, pos, captures, depth=0)
        lines.append("return None")
        return _define(name, params, "".join(f"    {line}\n" for line in lines), self.namespace)

    def fresh(self, prefix: str) -> str:
        self.count += 1
        return f"{prefix}{self.count}"

    def body(self, lines: list[str], k: int, pos: str, captures: list, depth: int) -> None:
        """Steps k… from position `pos`, appended to `lines` (indented by `depth`)."""
        pad, fail = "    " * depth, "continue" if depth else "return None"
        for j in range(k, len(self.steps)):
            step = self.steps[j]
            if step.kind == "zero":
                lines.append(f"{pad}if not ({expression(step.code, pos)}): {fail}")
            elif step.kind == "token" and step.min == step.max == 1 and not step.chars:
                nxt = self.fresh("p")
                lines.append(f"{pad}if {pos} >= limit or not ({expression(step.code, pos)}): {fail}")
                lines.append(f"{pad}{nxt} = {pos} + 1")
                captures = [*captures, (step.name, pos, nxt, False)]
                pos = nxt
            elif depth >= _MAX_LOOPS:
                self.tail(lines, pad, j, pos, captures, fail)
                return
            else:
                nxt = self.choices(lines, pad, step, pos, fail)
                captures = [*captures, (step.name, pos, nxt, True)]
                self.body(lines, j + 1, nxt, captures, depth + 1)
                return
        self.finish(lines, pad, pos, captures)

    def choices(self, lines: list[str], pad: str, step: Step, pos: str, fail: str) -> str:
        """The loop over where `step` may end, in the order they are tried; its variable."""
        nxt = self.fresh("p")
        if step.kind == "token":
            end, cap = self.fresh("e"), self.fresh("c")
            bound = "limit" if step.max is None else f"min(limit, {pos} + {step.max})"
            lines += [f"{pad}{end} = {pos}", f"{pad}{cap} = {bound}",
                      f"{pad}while {end} < {cap} and ({expression(step.code, end)}): {end} += 1"]
            if step.min:
                lines.append(f"{pad}if {end} - {pos} < {step.min}: {fail}")
            stops = f"range({pos} + {step.min}, {end} + 1)" if step.lazy \
                else f"range({end}, {pos} + {step.min - 1}, -1)"
            lines.append(f"{pad}for {nxt} in {stops}:")
        elif step.min == step.max == 1:
            lines += [f"{pad}if {pos} >= limit: {fail}",
                      f"{pad}for {nxt} in {step.code}[{pos}]:",
                      f"{pad}    if {nxt} <= {pos} or {nxt} > ub: continue"]
        else:
            lines.append(f"{pad}for {nxt} in _stops({step.code}, {pos}, {step.min}, {step.max}, "
                         f"{step.lazy}, limit, ub):")
        if step.chars:
            low, high = step.chars
            lines.append(f"{pad}    if not {low} <= starts[{nxt}] - starts[{pos}] <= {high}: continue")
        return nxt

    def tail(self, lines: list[str], pad: str, k: int, pos: str, captures: list, fail: str) -> None:
        """Steps k… in a function of their own (Python's limit on nested blocks)."""
        known = sorted({v for _, a, b, _ in captures for v in (a, b)} | {pos, "p0"})
        name = f"_tail{next(_TAILS)}"
        self.namespace[name] = self.define(name, k, ["ctx", "until", *known], pos, captures)
        found = self.fresh("m")
        lines.append(f"{pad}{found} = {name}(ctx, until, {', '.join(known)})")
        lines.append(f"{pad}if {found} is not None: return {found}")

    def finish(self, lines: list[str], pad: str, pos: str, captures: list) -> None:
        lines.append(f"{pad}if until is None or {pos} == until:")
        named = [c for c in captures if c[0]]
        if all(not cond for *_, cond in named):
            spans: dict[str, tuple[str, str]] = {}
            for name, a, b, _ in named:    # a NAME several elements give spans them all
                spans[name] = (spans[name][0] if name in spans else a, b)
            groups = ", ".join(f"{name!r}: ({a}, {b})" for name, (a, b) in spans.items())
            lines.append(f"{pad}    return _Match(sent, p0, {pos}, {{{groups}}})")
            return
        lines.append(f"{pad}    g = {{}}")
        for name, a, b, cond in named:     # in element order: the dict's order is the groups'
            test = f"if {b} > {a}: " if cond else ""
            lines.append(f"{pad}    {test}g[{name!r}] = (g[{name!r}][0] if {name!r} in g else {a}, {b})")
        lines.append(f"{pad}    return _Match(sent, p0, {pos}, g)")


def _define(name: str, params: list[str], body: str, namespace: dict) -> object:
    """Define a function from its body; the sentence's locals it reads are bound first."""
    used = set(_NAMED.findall(body))
    bound = "".join(f"    {var} = {value}\n" for var, value in _LOCALS
                    if var in used or var == "sent" and not used.isdisjoint(("words", "tags", "starts")))
    source = f"def {name}({', '.join(params)}):\n{bound}{body}"
    scope: dict = {}
    exec(CODES.compile(source, f"<pattern {name}>"), namespace, scope)   # noqa: S102
    fn = scope[name]
    fn.source = source             # what was written, for debugging a pattern
    return fn


# the locals a body reads: each name read as a variable (not an attribute, not part of a
# longer name), found in one pass
_NAMED = re.compile(rf"(?<![\w.])({'|'.join(var for var, _ in _LOCALS)})\b")
