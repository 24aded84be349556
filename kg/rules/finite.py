"""The words a REGEX can match, when they are few: `^[全该本][市县]$` is 全市, 全县 … 本县.

A token element whose text must match such a REGEX is then anchored like one with
`TEXT: {IN: [...]}` (kg/rules/engine.py): the sentence's words are looked up instead of each
being tested, and a sentence holding none of them does not try the pattern at all. The REGEX
itself still tests each token, so what matches is unchanged.

Only a REGEX that must match a whole word (`^…$`) made of literals, character sets,
alternatives and groups is read; anything else (repeats, categories, look-arounds, flags)
gives None, and the REGEX is tested word by word as before. Python's `$` also matches before
a final newline, so each word comes with a newline after it too. The REGEX is read by the
parser of `re` itself, so it means here what it means when it runs.
"""
from __future__ import annotations

import re
from re import _parser  # noqa: PLC2701  (re's own reading of a pattern)

_MOST = 512                      # more words than this: not worth listing
_FLAGS = re.UNICODE.value        # what every str pattern has


def finite_words(pattern: str) -> frozenset[str] | None:
    """Every text `re.search(pattern, text)` matches, or None when they are not few or the
    REGEX holds more than literals, sets, alternatives and groups."""
    try:
        parsed = _parser.parse(pattern)
    except re.error:
        return None
    items = list(parsed)
    if parsed.state.flags & ~_FLAGS or len(items) < 2 \
            or items[0] != (_parser.AT, _parser.AT_BEGINNING) \
            or items[-1] != (_parser.AT, _parser.AT_END):
        return None
    words = _sequence(items[1:-1])
    return None if words is None else frozenset(words | {w + "\n" for w in words})


def _sequence(items: list) -> set[str] | None:
    out = {""}
    for op, arg in items:
        choices = _choices(op, arg)
        if choices is None:
            return None
        out = {head + tail for head in out for tail in choices}
        if len(out) > _MOST:
            return None
    return out


def _choices(op, arg) -> set[str] | None:
    """The texts one parsed item matches (None: not a literal, set, alternative or group)."""
    if op is _parser.LITERAL:
        return {chr(arg)}
    if op is _parser.IN:
        return _charset(arg)
    if op is _parser.BRANCH:
        found: set[str] = set()
        for alternative in arg[1]:
            words = _sequence(list(alternative))
            if words is None:
                return None
            found |= words
        return found
    if op is _parser.SUBPATTERN:
        _group, add_flags, del_flags, inner = arg
        return None if add_flags or del_flags else _sequence(list(inner))
    return None


def _charset(members: list) -> set[str] | None:
    chars: set[str] = set()
    for op, arg in members:
        if op is _parser.LITERAL:
            chars.add(chr(arg))
        elif op is _parser.RANGE and arg[1] - arg[0] < _MOST:
            chars.update(map(chr, range(arg[0], arg[1] + 1)))
        else:                                   # a negated set, a category, a wide range
            return None
    return chars
