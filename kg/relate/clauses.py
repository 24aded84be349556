"""Clauses of a sentence, as the relation and statistics components read them."""
from __future__ import annotations

import bisect

from kg.doc import Mark
from kg.rules.engine import Context

BREAKS = frozenset("，,；;：:。！？!?")


class Clauses:
    """Where the clauses of a sentence start and end (at its punctuation)."""

    def __init__(self, text: str):
        self.text = text
        self.breaks = [i for i, ch in enumerate(text) if ch in BREAKS]

    def span(self, pos: int) -> tuple[int, int]:
        """(start, end) of the clause holding character `pos`."""
        at = bisect.bisect_left(self.breaks, pos)
        start = self.breaks[at - 1] + 1 if at else 0
        end = self.breaks[at] if at < len(self.breaks) else len(self.text)
        return start, end

    def same(self, a: int, b: int) -> bool:
        return self.span(a) == self.span(b)


def opens_clause(ctx: Context, pos: int, clause_start: int, periods: list[Mark]) -> bool:
    """Whether what is written from `clause_start` up to `pos` is only periods and openers
    (据统计, 目前, 今年以来 …): the thing at `pos` is the first of its clause."""
    sent = ctx.sent
    i, end = sent.token_at(clause_start), sent.token_at(pos)
    if i is None or end is None:
        return False
    while i < end:
        char = sent.starts[i]
        period = next((p for p in periods if p.start <= char < p.end), None)
        if period is not None:
            i = sent.token_at(period.end) or end
            continue
        ends = ctx.sent.unit_ends("STAT_OPENER", char)
        if sent.word(i) in ctx.lex.words("STAT_OPENER"):
            ends = [*ends, sent.starts[i + 1]]
        reach = [sent.token_at(e) for e in ends if e <= pos]
        reach = [r for r in reach if r is not None]
        if not reach:
            return False
        i = max(reach)
    return True
