"""Regex helpers shared by the stages."""
from __future__ import annotations

import re


def finditer_at(pattern: re.Pattern, starts: re.Pattern, text: str):
    """`pattern.finditer(text)` for a pattern that never matches empty and whose every
    match starts with a character of the one-class pattern `starts`: the match at the next
    such position, if any, is the leftmost one from there (a lookbehind still sees the text
    before it), so the pattern is tried only there, not entered at every character."""
    pos, end = 0, len(text)
    while pos < end:
        at = starts.search(text, pos)
        if at is None:
            return
        pos = at.start()
        m = pattern.match(text, pos)
        if m is None:
            pos += 1
            continue
        yield m
        pos = m.end()
