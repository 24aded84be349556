"""Token patterns: the matcher behind the rules of `kg/rules/*.yaml`.

A pattern is a list of elements in the format of spaCy's `Matcher`. An element tests one
token — `TEXT`, `TAG` (jieba's dictionary tag), `LENGTH`, `IS_HAN`, `IS_DIGIT`, `IS_PUNCT`,
`IS_SENT_START`, `LEX: {NOT_IN: [...]}`, `ENT: {NOT_IN: [...]}`, `PRED` — or, with `LEX: CLASS`
or `ENT: LABEL` (and `ATTRS: {key: value test}` on the span's attributes), one lexicon entry
or one span of the document, which may cover several tokens. `OP` repeats an element (`?`,
`*`, `+`, `{n,m}`; a trailing `?` makes it lazy) or negates a token test (`!`: one token that
fails it); `NAME` captures what it matched (a NAME that several elements give captures from
the first one's start to the last one's end); `CHARS: [n, m]` bounds the characters it covers,
all repeats together (a name of two or three characters, however jieba cut it). Zero-width
elements test where the match stands: `{IS_SENT_START: true}`, `{IS_SENT_END: true}`,
`{PEEK: element}` / `{NOT_PEEK: element}` (what comes next) and `{BEHIND: element}` /
`{NOT_BEHIND: element}` (the token or unit that ends here). Values are a string, or
`{IN: [...]}`, `{NOT_IN: [...]}`, `{REGEX: "..."}`; `LENGTH` takes `{">=": n}` and the like.
A rule may give several `patterns` instead of one.
`Pattern.match_at(ctx, start, end)` tests a pattern on one stretch of tokens only (as spaCy's
`Matcher` is called on a `Span`): the match must start at `start` and end at `end`.

Matching follows regular expressions: the leftmost start, then the first match in
backtracking order (greedy repeats take all they can), matches not overlapping. A pattern is
only tried where its first selective element (a literal text, a lexicon class, a span label)
can match, so most rules cost a few dictionary look-ups per sentence.

Why not spaCy's `Matcher` itself: measured here, `import spacy` alone costs 0.7 s of CPU,
a third of what a bare `jieba.cut` of twenty times the bundled corpus takes (the speed goal
of `bench/`), before a single match; the format is the same, so the rules would carry over.
"""
from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property

from kg.doc import Doc, Sent
from kg.rules.lexicon import Lexicon

TokenTest = Callable[["Context", int], bool]
TOKEN_PREDICATES: dict[str, Callable[[Sent, int], bool]] = {}

_COMPARE = {"==": operator.eq, "!=": operator.ne, ">=": operator.ge, "<=": operator.le,
            ">": operator.gt, "<": operator.lt}
_REPEAT = re.compile(r"^\{(\d*),(\d*)\}(\??)$|^([?*+!])(\??)$")
_PUNCT = re.compile(r"^[^\w\s]+$")
_DIGITS = re.compile(r"^[0-9０-９.,％%]+$")
_HAN = re.compile("[\u4e00-\u9fff]+")


def token_predicate(name: str):
    """Register `fn(sent, i) -> bool` as the token test `{PRED: name}`."""
    def register(fn):
        TOKEN_PREDICATES[name] = fn
        return fn
    return register


class PatternError(ValueError):
    pass


class Context:
    """One sentence as the matcher reads it: tokens, lexicon entries and the doc's spans."""

    def __init__(self, doc: Doc, sent: Sent, lex: Lexicon):
        self.doc, self.sent, self.lex = doc, sent, lex
        self.n = len(sent)

    @property
    def words(self) -> list[str]:
        return self.sent.words

    @property
    def positions(self) -> dict[str, list[int]]:
        return self.sent.positions

    @cached_property
    def spans(self) -> dict[str, dict[int, list]]:
        """label -> start character -> the doc's spans of this sentence starting there."""
        out: dict[str, dict[int, list]] = {}
        for span in [*self.doc.spans_in(self.sent.index), *self.doc.marks_in(self.sent.index)]:
            label = getattr(span.type, "value", span.type)
            out.setdefault(label, {}).setdefault(span.start, []).append(span)
        return out

    def covered(self, label: str) -> set[int]:
        """Characters inside a span of `label`."""
        cache = self.__dict__.setdefault("_covered", {})
        if label not in cache:
            cache[label] = {c for spans in self.spans.get(label, {}).values()
                            for span in spans for c in range(span.start, span.end)}
        return cache[label]

    def holds(self, need: tuple[str, frozenset[str]]) -> bool:
        """Whether the sentence holds one of the texts (whole tokens), lexicon classes or span
        labels of `need` (a `Pattern.needs` entry)."""
        kind, names = need
        if kind == "TEXT":
            found = self.positions
        elif kind == "LEX":
            found = self.sent.class_starts(self.lex)
        else:
            found = self.spans
        return not found.keys().isdisjoint(names)     # a view: the smaller side is walked

    def token_ends(self, char: int, char_ends: Iterable[int]) -> list[int]:
        """Token indexes where spans starting at `char` and ending at `char_ends` end,
        longest first."""
        token_at = self.sent.token_at
        ends = [e for e in map(token_at, char_ends) if e is not None]
        return ends if len(ends) < 2 else sorted(set(ends), reverse=True)


@dataclass(frozen=True)
class Element:
    ends: Callable[[Context, int], list[int]]      # token i -> where a match starting there ends
    min: int = 1
    max: int | None = 1
    lazy: bool = False
    name: str | None = None
    anchors: Callable[[Context], Iterable[int]] | None = None   # where it can start, if selective
    zero_width: Callable[[Context, int], bool] | None = None
    unit: bool = False                              # may cover several tokens
    trigger: tuple[str, frozenset[str]] | None = None   # ("TEXT"|"LEX"|"ENT", what must be there)
    chars: tuple[int, int] | None = None            # CHARS: fewest and most characters covered
    test: Callable[[Context, int], bool] | None = None  # a one-token element's test
    admits: Callable[[object], bool] | None = None  # ENT: whether a span has its label and ATTRS


@dataclass
class Match:
    sent: Sent
    start: int                                     # token indexes
    end: int
    groups: dict[str, tuple[int, int]] = field(default_factory=dict)
    rule: object = None                            # the Rule, when a rule set matched it

    def span(self, name: str | None = None) -> tuple[int, int]:
        """Character offsets of the match, or of a named part of it."""
        start, end = (self.start, self.end) if name is None else self.groups[name]
        return self.sent.starts[start], self.sent.starts[end]

    def text(self, name: str | None = None) -> str:
        if name is not None and name not in self.groups:
            return ""
        start, end = self.span(name)
        return self.sent.text[start:end]

    def has(self, name: str) -> bool:
        return name in self.groups


class Pattern:
    def __init__(self, elements: list[Element]):
        if not elements or all(e.zero_width for e in elements):
            raise PatternError("a pattern needs an element that matches a token")
        self.elements = elements
        self._named = {e.name: e for e in elements if e.name}
        self._anchor = _anchor(elements)
        # what a sentence must hold for the pattern to match: a rule set skips it otherwise
        self.trigger = elements[self._anchor[0]].trigger if self._anchor else None
        # every text, lexicon class and span label a match needs: a sentence that lacks one is
        # not tried at all (the anchor alone is often a comma or a common word)
        self.needs = tuple(e.trigger for e in elements if e.trigger and e.min >= 1)

    def finditer(self, ctx: Context) -> Iterator[Match]:
        if not all(map(ctx.holds, self.needs)):
            return
        last = 0
        for start in self._starts(ctx):
            if start < last:
                continue
            found = self.match_at(ctx, start)
            if found is not None:
                yield found
                last = max(found.end, start + 1)

    def admits(self, name: str, span) -> bool:
        """Whether `span` could be what the element named `name` matches (an ENT element's
        label and ATTRS): a caller that knows its span can skip patterns that cannot match."""
        el = self._named.get(name)
        return el is None or el.admits is None or el.admits(span)

    def match_at(self, ctx: Context, start: int, end: int | None = None) -> Match | None:
        """The first match starting at token `start` (and ending at token `end`, when given)."""
        found = self._seq(ctx, 0, start, {}, end)
        return Match(ctx.sent, start, found[0], found[1]) if found else None

    def starts(self, ctx: Context) -> list[int]:
        """The tokens where a match can start (near where its first selective element can
        match), in order: a caller that tests one stretch tries only these."""
        return self._starts(ctx)

    def _starts(self, ctx: Context) -> list[int]:
        if self.elements[0].zero_width is _at_sent_start:
            return [0]
        if self._anchor is None:
            return list(range(ctx.n))
        k, width = self._anchor
        anchors = self.elements[k].anchors(ctx)
        if width == 0:
            return sorted(set(anchors))
        return sorted({p - d for p in anchors for d in range(width + 1) if p - d >= 0})

    def _seq(self, ctx: Context, k: int, pos: int, groups: dict, until: int | None = None):
        elements, limit = self.elements, ctx.n if until is None else until
        # elements that cannot backtrack (zero-width tests, one token exactly once) in a loop
        while k < len(elements):
            el = elements[k]
            if el.zero_width is not None:
                if not el.zero_width(ctx, pos):
                    return None
            elif el.test is not None and el.min == el.max == 1 and not el.chars:
                if pos >= limit or not el.test(ctx, pos):
                    return None
                if el.name:
                    groups = _capture(groups, el.name, pos, pos + 1)
                pos += 1
            else:
                break
            k += 1
        if k == len(elements):
            return (pos, groups) if until is None or pos == until else None
        el = elements[k]
        if el.test is not None:
            return self._run(ctx, k, pos, groups, until, limit)
        if el.min == el.max == 1 and pos < limit:
            for end in el.ends(ctx, pos):     # one token or unit: no repeat to track
                if end > pos and (until is None or end <= until) and \
                        (found := self._stop(ctx, k, pos, end, groups, until)):
                    return found
            return None
        return self._repeat(ctx, k, pos, pos, 0, groups, until)

    def _run(self, ctx: Context, k: int, pos: int, groups: dict, until: int | None, limit: int):
        """A repeated one-token element: the longest run of tokens that pass its test, then
        shorter ones (greedy), or the shortest first (lazy)."""
        el = self.elements[k]
        cap = limit if el.max is None else min(limit, pos + el.max)
        end = pos
        while end < cap and el.test(ctx, end):
            end += 1
        if end - pos < el.min:
            return None
        stops = range(pos + el.min, end + 1) if el.lazy else range(end, pos + el.min - 1, -1)
        for stop in stops:
            if found := self._stop(ctx, k, pos, stop, groups, until):
                return found
        return None

    def _repeat(self, ctx: Context, k: int, first: int, pos: int, count: int, groups: dict,
                until: int | None):
        el = self.elements[k]
        can_stop = count >= el.min
        if el.lazy and can_stop and (found := self._stop(ctx, k, first, pos, groups, until)):
            return found
        # a match that must end at `until` has nothing to look for past it
        if (el.max is None or count < el.max) and pos < (ctx.n if until is None else until):
            for end in el.ends(ctx, pos):
                if end > pos and (found := self._repeat(ctx, k, first, end, count + 1, groups,
                                                        until)):
                    return found
        if not el.lazy and can_stop:
            return self._stop(ctx, k, first, pos, groups, until)
        return None

    def _stop(self, ctx: Context, k: int, first: int, pos: int, groups: dict, until: int | None):
        el = self.elements[k]
        if el.chars and not el.chars[0] <= ctx.sent.starts[pos] - ctx.sent.starts[first] \
                <= el.chars[1]:
            return None
        if el.name and pos > first:
            groups = _capture(groups, el.name, first, pos)
        return self._seq(ctx, k + 1, pos, groups, until)


def _capture(groups: dict, name: str, start: int, end: int) -> dict:
    """The groups with `name` captured from `start` to `end`: a NAME that several elements
    give spans them all, from the first one's start."""
    return {**groups, name: (groups[name][0] if name in groups else start, end)}


def _anchor(elements: list[Element]) -> tuple[int, int] | None:
    """The first selective element that every match must contain, and the most tokens the
    elements before it can cover (None: try every position)."""
    width = 0
    for k, el in enumerate(elements):
        if el.anchors is not None and el.min >= 1:
            return k, width
        if el.zero_width is not None:
            continue
        if el.unit or el.max is None:
            return None
        width += el.max
    return None


# ------------------------------------------------------------------ compiling

def compile_pattern(spec: list[dict], lex: Lexicon) -> Pattern:
    if not isinstance(spec, list):
        raise PatternError("a pattern is a list of token descriptions")
    return Pattern([compile_element(e, lex) for e in spec])


def compile_element(spec: dict, lex: Lexicon) -> Element:
    if not isinstance(spec, dict):
        raise PatternError(f"an element is a mapping, not {spec!r}")
    spec = dict(spec)
    chars = spec.pop("CHARS", None)
    el = _compile_element(spec, lex)
    if chars is None:
        return el
    if el.zero_width is not None:
        raise PatternError("CHARS bounds what an element covers; a zero-width one covers nothing")
    low, high = (int(n) for n in chars)
    return replace(el, chars=(low, high))


def _compile_element(spec: dict, lex: Lexicon) -> Element:
    op = str(spec.pop("OP", ""))
    name = spec.pop("NAME", None)
    low, high, lazy, negate = _repeat(op)
    zero = _zero_width(spec, lex)
    if zero is not None:
        return Element(ends=_never, zero_width=zero)
    unit = _unit(spec, lex)
    if unit is not None:
        if negate:
            raise PatternError("OP ! negates token tests, not LEX or ENT units")
        ends, anchors, trigger, admits = unit
        return Element(ends, low, high, lazy, name, anchors, unit=True, trigger=trigger,
                       admits=admits)
    test = _token_test(spec, lex)
    if negate:
        return Element(lambda ctx, i: [i + 1] if not test(ctx, i) else [], 1, 1, False, name,
                       test=lambda ctx, i: not test(ctx, i))
    return Element(lambda ctx, i: [i + 1] if test(ctx, i) else [], low, high, lazy, name,
                   _text_anchors(spec), trigger=("TEXT", _literals(spec)) if _literals(spec) else None,
                   test=test)


def _zero_width(spec: dict, lex: Lexicon) -> Callable[[Context, int], bool] | None:
    """The test of a zero-width element (None when the element consumes tokens)."""
    if len(spec) != 1:
        return None
    key, value = next(iter(spec.items()))
    if key == "IS_SENT_START" and value is True:
        return _at_sent_start
    if key == "IS_SENT_END" and value is True:
        return lambda ctx, pos: pos == ctx.n
    if key in ("PEEK", "NOT_PEEK"):
        ahead, want = compile_element(value, lex).ends, key == "PEEK"
        return lambda ctx, pos: (pos < ctx.n and bool(ahead(ctx, pos))) is want
    if key in ("BEHIND", "NOT_BEHIND"):
        ending, want = _ending_here(value, lex), key == "BEHIND"
        return lambda ctx, pos: (pos > 0 and ending(ctx, pos)) is want
    return None


def _ending_here(spec: dict, lex: Lexicon) -> Callable[[Context, int], bool]:
    """Whether a token or unit described by `spec` ends at token `pos`."""
    el = compile_element(spec, lex)
    if not el.unit:
        return lambda ctx, pos: bool(el.ends(ctx, pos - 1))
    return lambda ctx, pos: any(pos in el.ends(ctx, start) for start in range(pos))


def _repeat(op: str) -> tuple[int, int | None, bool, bool]:
    """(min, max, lazy, negate) of an OP."""
    if op == "":
        return 1, 1, False, False
    m = _REPEAT.match(op)
    if m is None:
        raise PatternError(f"unknown OP {op!r}")
    if m.group(4):
        low, high = {"?": (0, 1), "*": (0, None), "+": (1, None), "!": (1, 1)}[m.group(4)]
        return low, high, bool(m.group(5)), m.group(4) == "!"
    low = int(m.group(1) or 0)
    high = int(m.group(2)) if m.group(2) else None
    return low, high, bool(m.group(3)), False


def _unit(spec: dict, lex: Lexicon):
    """(ends, anchors, trigger, admits) of a LEX or ENT element that names classes or labels."""
    for key in ("LEX", "ENT"):
        value = spec.get(key)
        if value is None or isinstance(value, dict) and "NOT_IN" in value:
            continue
        if set(spec) - {key, "ATTRS"} or "ATTRS" in spec and key != "ENT":
            raise PatternError(f"{key} units take no other test: {spec}")
        names = [value] if isinstance(value, str) else list(value["IN"])
        if key == "LEX":
            for cls in names:
                lex.words(cls)                    # unknown classes fail when the rule loads
            return _lex_ends(names), _lex_anchors(names), ("LEX", frozenset(names)), None
        attrs = {k: _value_test(v) for k, v in (spec.get("ATTRS") or {}).items()}
        labels = frozenset(names)
        return (_ent_ends(names, attrs), _ent_anchors(names), ("ENT", labels),
                lambda span: getattr(span.type, "value", span.type) in labels and _has(span, attrs))
    return None


def _lex_ends(classes: list[str]):
    def ends(ctx: Context, i: int) -> list[int]:
        char = ctx.sent.starts[i]
        out = ctx.token_ends(char, (e for c in classes for e in ctx.sent.unit_ends(c, char)))
        if any(ctx.words[i] in ctx.lex.words(c) for c in classes) and i + 1 not in out:
            out.append(i + 1)
        return out
    return ends


def _lex_anchors(classes: list[str]):
    def anchors(ctx: Context) -> Iterable[int]:
        starts = ctx.sent.class_starts(ctx.lex)
        if len(classes) == 1:
            return starts.get(classes[0], ())
        return set().union(*(starts.get(c, ()) for c in classes))
    return anchors


def _ent_ends(labels: list[str], attrs: dict[str, Callable[[str], bool]]):
    def ends(ctx: Context, i: int) -> list[int]:
        char = ctx.sent.starts[i]
        spans = ctx.spans
        found = [span.end for lb in labels for span in spans.get(lb, {}).get(char, ())
                 if not attrs or _has(span, attrs)]
        return ctx.token_ends(char, found) if found else found
    return ends


def _has(span, attrs: dict[str, Callable[[str], bool]]) -> bool:
    values = span.attrs
    for key, test in attrs.items():
        value = values.get(key, "")
        if not test(value if isinstance(value, str) else str(getattr(value, "value", value))):
            return False
    return True


def _ent_anchors(labels: list[str]):
    def anchors(ctx: Context) -> Iterable[int]:
        starts = (s for lb in labels for s in ctx.spans.get(lb, {}))
        return {i for i in map(ctx.sent.token_at, starts) if i is not None}
    return anchors


def _literals(spec: dict) -> frozenset[str]:
    value = spec.get("TEXT")
    if isinstance(value, str):
        return frozenset([value])
    if isinstance(value, dict) and set(value) == {"IN"}:
        return frozenset(value["IN"])
    return frozenset()


def _text_anchors(spec: dict):
    """Where a token element with a literal TEXT (or a TEXT IN list) can match."""
    value = spec.get("TEXT")
    if isinstance(value, str):
        return lambda ctx: ctx.positions.get(value, ())
    if isinstance(value, dict) and set(value) == {"IN"}:
        wanted = frozenset(value["IN"])
        return lambda ctx: [i for w in wanted & ctx.positions.keys() for i in ctx.positions[w]]
    return None


def _token_test(spec: dict, lex: Lexicon) -> TokenTest:
    tests: list[TokenTest] = []
    for key, value in spec.items():
        tests.append(_one_test(key, value, lex))
    if not tests:
        return lambda ctx, i: True
    if len(tests) == 1:
        return tests[0]
    return lambda ctx, i: all(t(ctx, i) for t in tests)


def _one_test(key: str, value, lex: Lexicon) -> TokenTest:
    if key == "TEXT":
        check = _value_test(value)
        return lambda ctx, i: check(ctx.words[i])
    if key == "TAG":
        check = _value_test(value)
        return lambda ctx, i: check(ctx.sent.tag(i) or "")
    if key == "LENGTH":
        check = _compare(value)
        return lambda ctx, i: check(len(ctx.words[i]))
    if key == "LEX":
        classes = list(value["NOT_IN"])
        for cls in classes:
            lex.words(cls)
        return lambda ctx, i: not any(ctx.words[i] in ctx.lex.words(c) for c in classes)
    if key == "ENT":
        labels = list(value["NOT_IN"])
        return lambda ctx, i: not any(ctx.sent.starts[i] in ctx.covered(lb) for lb in labels)
    if key == "PRED":
        return _predicate(value)
    if key in _FLAGS:
        flag, want = _FLAGS[key], bool(value)
        return lambda ctx, i: flag(ctx, i) is want
    raise PatternError(f"unknown token attribute {key!r}")


def _predicate(name: str) -> TokenTest:
    def test(ctx: Context, i: int) -> bool:
        try:
            fn = TOKEN_PREDICATES[name]
        except KeyError:
            raise PatternError(f"unknown token predicate {name!r}") from None
        return fn(ctx.sent, i)
    return test


_FLAGS: dict[str, TokenTest] = {
    "IS_HAN": lambda ctx, i: _HAN.fullmatch(ctx.words[i]) is not None,
    "IS_DIGIT": lambda ctx, i: bool(_DIGITS.match(ctx.words[i])),
    "IS_PUNCT": lambda ctx, i: bool(_PUNCT.match(ctx.words[i])),
    "IS_SENT_START": lambda ctx, i: i == 0,
}


def _value_test(value) -> Callable[[str], bool]:
    if isinstance(value, str):
        return value.__eq__
    if not isinstance(value, dict):
        raise PatternError(f"a value is a string or a mapping, not {value!r}")
    checks: list[Callable[[str], bool]] = []
    for op, arg in value.items():
        if op == "IN":
            checks.append(frozenset(arg).__contains__)
        elif op == "NOT_IN":
            banned = frozenset(arg)
            checks.append(lambda s: s not in banned)
        elif op == "REGEX":
            checks.append(lambda s, r=re.compile(arg): r.search(s) is not None)
        else:
            raise PatternError(f"unknown value test {op!r}")
    return checks[0] if len(checks) == 1 else (lambda s: all(c(s) for c in checks))


def _compare(value) -> Callable[[int], bool]:
    if isinstance(value, int):
        return value.__eq__
    pairs = [(_COMPARE[op], int(n)) for op, n in value.items()]
    return lambda n: all(f(n, m) for f, m in pairs)


def _never(ctx: Context, i: int) -> list[int]:
    return []


def _at_sent_start(ctx: Context, pos: int) -> bool:
    return pos == 0
