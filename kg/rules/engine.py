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
only tried where its first selective element (a literal text, a lexicon class, a span label,
a REGEX) can match, so most rules cost a few dictionary look-ups per sentence; a REGEX of a
few whole words (`^[全该本][市县]$`) counts as those words (kg/rules/finite.py), and any other
is asked once per distinct word, its answers kept. When the elements before that one may
cover any number of tokens, a match can start only where walking back from where it matches,
through their one-token tests, leads (`_walk_back`). Where a pattern may start is found once
per context, and once per sentence when the tokens alone decide it.

Each pattern is compiled once into a Python function of its own (kg/rules/codegen.py), its
tests inline and its choices as loops, as a regular-expression engine compiles before it
runs; the functions' code is kept on disk between runs (kg/rules/codecache.py). What a unit covers is read from tables made once per sentence (a lexicon class: where
its entries start and end) or once per context (a span label), shared by every element that
names the same classes or labels: `Context.table`.

Why not spaCy's `Matcher` itself: measured here, `import spacy` alone costs 0.7 s of CPU,
a third of what a bare `jieba.cut` of twenty times the bundled corpus takes (the speed goal
of `bench/`), before a single match; the format is the same, so the rules would carry over.
"""
from __future__ import annotations

import itertools
import re
import weakref
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace

from kg.doc import Doc, Sent
from kg.rules import codegen
from kg.rules.codegen import PLACEHOLDER as _I, Step
from kg.rules.finite import finite_words
from kg.rules.lexicon import Lexicon

TokenTest = Callable[["Context", int], bool]
Table = dict[int, tuple[int, ...]]   # token -> where a unit starting there ends (`table[i]`)
TOKEN_PREDICATES: dict[str, Callable[[Sent, int], bool]] = {}

_COMPARE = frozenset({"==", "!=", ">=", "<=", ">", "<"})
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
    """One sentence as the matcher reads it: tokens, lexicon entries and the doc's spans.

    What it reads of the spans is read once (`spans`, and the tables of span labels); what it
    reads of the tokens holds until the sentence is split (`Sent.version`)."""

    def __init__(self, doc: Doc, sent: Sent, lex: Lexicon):
        self.doc, self.sent, self.lex = doc, sent, lex
        self.n = len(sent)
        self._version = sent.version
        self._tables: _Tables | None = None
        self._held: dict[tuple[str, frozenset[str]], bool] = {}
        self._starts: dict[int, list[int]] = {}
        self._ent_index: dict[str, dict[int, list[tuple[object, int]]]] = {}
        self._spans: dict[str, dict[int, list]] | None = None
        self._taken: list | None = None    # the doc's spans and marks of the sentence it sees
        # what the rule sets found here (kg/rules/ruleset.py): rules, matches
        self.ruleset_cache: dict[tuple, object] = {}
        # rule set -> (the state of the tokens, the bits of its needs the sentence holds)
        self.held_bits: dict[object, tuple[int, int]] = {}

    @property
    def words(self) -> list[str]:
        return self.sent.words

    @property
    def positions(self) -> dict[str, list[int]]:
        return self.sent.positions

    def take_spans(self) -> None:
        """Fix which of the doc's spans the context sees: those of the sentence now (once per
        context; indexed by label only when asked, `spans`: many contexts never ask)."""
        if self._taken is None:
            spans, marks = self.doc.in_sentence(self.sent.index)
            self._taken = [*spans, *marks]

    @property
    def spans(self) -> dict[str, dict[int, list]]:
        """label -> start character -> the doc's spans of this sentence starting there (read
        once per context)."""
        if self._spans is None:
            self.take_spans()
            self._spans = self._read_spans()
        return self._spans

    def _read_spans(self) -> dict[str, dict[int, list]]:
        out: dict[str, dict[int, list]] = {}
        for span in self._taken:
            by_start = out.get(label := _label(span.type))
            if by_start is None:
                out[label] = {span.start: [span]}
            elif span.start in by_start:
                by_start[span.start].append(span)
            else:
                by_start[span.start] = [span]
        return out

    def ent_index(self, label: str) -> dict[int, list[tuple[object, int]]]:
        """token -> (span, the token it ends before) of the spans of `label` starting there
        (those whose edges are token boundaries), made once per context and state of its
        tokens and shared by every ENT table of the label."""
        self._fresh()
        found = self._ent_index.get(label)
        if found is None:
            found = self._ent_index[label] = {}
            token_at = self.sent.token_at
            for char, here in self.spans.get(label, {}).items():
                i = token_at(char)
                if i is not None:
                    pairs = [(span, end) for span in here
                             if (end := token_at(span.end)) is not None]
                    if pairs:
                        found[i] = pairs
        return found

    def covered(self, label: str) -> set[int]:
        """Characters inside a span of `label`."""
        cache = self.__dict__.setdefault("_covered", {})
        if label not in cache:
            cache[label] = {c for spans in self.spans.get(label, {}).values()
                            for span in spans for c in range(span.start, span.end)}
        return cache[label]

    def _fresh(self) -> None:
        """Forget what was read of the tokens if the sentence was split since."""
        if self._version != self.sent.version:
            self._tables, self._held, self._starts, self._ent_index = None, {}, {}, {}
            self._version = self.sent.version

    def holds(self, need: tuple[str, frozenset[str]]) -> bool:
        """Whether the sentence holds one of the texts (whole tokens), lexicon classes or span
        labels of `need` (a `Pattern.needs` entry); asked once per context."""
        self._fresh()
        held = self._held.get(need)
        if held is None:
            kind, names = need
            if kind == "TEXT":
                found = self.positions
            elif kind == "LEX":
                found = self.sent.classes(self.lex)
            else:
                found = self.spans
            held = self._held[need] = not found.keys().isdisjoint(names) if isinstance(
                found, dict) else not found.isdisjoint(names)
        return held

    @property
    def tables(self) -> _Tables:
        """unit -> its table (`tables[unit][i]`: where it ends when it starts at token i),
        made when first asked: once per sentence for what the tokens alone decide (lexicon
        classes, predicates), once per context for spans."""
        tables = self._tables
        if tables is None or self._version != self.sent.version:
            self._fresh()
            tables = self._tables = _Tables(self)
        return tables

    def starts(self, key: int, per_sentence: bool, anchors: Callable[[Context], Iterable[int]],
               width: int) -> list[int]:
        """Where the patterns anchored alike (`key`: the number of what the anchor names and
        `width`, how far before it a match may start) may start: found once per context and
        state of its tokens, and where the tokens alone decide (`per_sentence`: a text, a
        lexicon class), once per sentence."""
        if self._version != self.sent.version:
            self._fresh()
        found = self._starts.get(key)
        if found is None:
            if not per_sentence:
                found = _near(anchors(self), width)
            else:
                shared, skey = self.sent.tables, ("starts", key)
                known = shared.get(skey)
                if known is not None and known[0] is self.lex:
                    found = known[1]
                else:
                    found = _near(anchors(self), width)
                    shared[skey] = (self.lex, found)
            self._starts[key] = found
        return found

    @staticmethod
    def ends_at(table: Table, pos: int) -> bool:
        """Whether a unit of `table` ends at token `pos` (BEHIND a unit)."""
        return any(pos in table[start] for start in range(pos))


_LABELS: dict[object, str] = {}


def _label(kind: object) -> str:
    """A span's label: its type's value (EntityType.PLACE -> Place) or the type itself (marks)."""
    found = _LABELS.get(kind)
    if found is None:
        found = _LABELS[kind] = getattr(kind, "value", kind)
    return found


class _Tables(dict):
    """One context's tables by unit, each made when first asked; a table the tokens alone
    decide is shared by every context of the sentence (`Sent.tables`, new after a split)."""

    def __init__(self, ctx: Context):
        super().__init__()
        self.ctx = weakref.ref(ctx)        # no cycle: a context goes when it is no longer used

    def __missing__(self, unit: Unit) -> dict:
        ctx = self.ctx()
        if unit.per_sentence:
            shared = ctx.sent.tables
            table = shared.get(unit.id)
            if table is None:
                table = shared[unit.id] = unit.build(ctx)
        else:
            table = unit.build(ctx)
        self[unit] = table
        return table


@dataclass(eq=False)
class Unit:
    """What a LEX or ENT element covers, or what a predicate says of each token: its table,
    made by `build` and shared by every element that names the same thing."""

    id: int
    per_sentence: bool                               # the tokens alone decide (not the spans)
    build: Callable[[Context], dict]


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
    code: str = ""              # its test in Python (of the token or position `_I_`), or its table
    anchor_key: tuple = ()      # what `anchors` depends on: patterns anchored alike share starts
    at_start: bool = False      # {IS_SENT_START: true}: a match starts at the first token only

    def step(self) -> Step:
        kind = "zero" if self.zero_width is not None else "unit" if self.unit else "token"
        return Step(kind, self.code, self.min, self.max, self.lazy, self.name, self.chars)


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
        self._at_start = elements[0].at_start
        self._anchoring = None if self._at_start else \
            _back_anchoring(elements) if self._anchor is None else \
            _anchoring(elements[self._anchor[0]], self._anchor[1])
        # what a sentence must hold for the pattern to match: a rule set skips it otherwise
        self.trigger = elements[self._anchor[0]].trigger if self._anchor else None
        # every text, lexicon class and span label a match needs: a sentence that lacks one is
        # not tried at all (the anchor alone is often a comma or a common word)
        self.needs = tuple(e.trigger for e in elements if e.trigger and e.min >= 1)
        self._match = codegen.matcher([e.step() for e in elements], _NS)

    def finditer(self, ctx: Context) -> Iterator[Match]:
        if all(map(ctx.holds, self.needs)):
            yield from self.find(ctx)

    def find(self, ctx: Context) -> list[Match]:
        """The matches in the sentence, leftmost first and not overlapping (what the pattern
        needs, `needs`, is not checked: the caller knows the sentence holds it)."""
        out: list[Match] = []
        last, match, anchoring = 0, self._match, self._anchoring
        starts = ctx.starts(*anchoring) if anchoring is not None else \
            (0,) if self._at_start else range(ctx.n)
        for start in starts:
            if start >= last:
                found = match(ctx, start, None)
                if found is not None:
                    out.append(found)
                    last = found.end if found.end > start else start + 1
        return out

    def admits(self, name: str, span) -> bool:
        """Whether `span` could be what the element named `name` matches (an ENT element's
        label and ATTRS): a caller that knows its span can skip patterns that cannot match."""
        el = self._named.get(name)
        return el is None or el.admits is None or el.admits(span)

    def match_at(self, ctx: Context, start: int, end: int | None = None) -> Match | None:
        """The first match starting at token `start` (and ending at token `end`, when given)."""
        return self._match(ctx, start, end)

    def starts(self, ctx: Context) -> list[int]:
        """The tokens where a match can start (near where its first selective element can
        match), in order: a caller that tests one stretch tries only these."""
        return list(self._starts(ctx))

    def _starts(self, ctx: Context) -> list[int]:
        anchoring = self._anchoring
        if anchoring is not None:
            return ctx.starts(*anchoring)
        return [0] if self._at_start else list(range(ctx.n))


_ANCHORINGS: dict[tuple, int] = {}     # (what an anchor names, width) -> its number


def _anchoring(el: Element, width: int) -> tuple[int, bool, Callable, int]:
    """Context.starts's arguments for patterns anchored on `el` with `width` tokens before it:
    alike anchors share one number, so their starts are found once."""
    key = _ANCHORINGS.setdefault((el.anchor_key, width), len(_ANCHORINGS))
    return key, el.anchor_key[0] != "ENT", el.anchors, width


def _back_anchoring(elements: list[Element]) -> tuple[int, bool, Callable, int] | None:
    """Context.starts's arguments for a pattern whose elements before its first selective
    one may cover any number of tokens (`_anchor` gives up), when each of them tests one
    token at a time: a match can start only where walking back from a place the selective
    element can match, through those elements' tests, leads (`_walk_back`). None: try every
    position."""
    k = next((k for k, el in enumerate(elements) if el.anchors is not None and el.min >= 1),
             None)
    if k is None:
        return None
    before = [el for el in elements[:k] if el.zero_width is None]   # (they cover nothing)
    if any(el.unit or el.test is None for el in before):
        return None
    steps = [(el.test, el.min, el.max) for el in reversed(before)]
    anchors = elements[k].anchors
    key = _ANCHORINGS.setdefault(("BACK", next(_NAMES)), len(_ANCHORINGS))
    return key, False, lambda ctx: _walk_back(ctx, anchors(ctx), steps), 0


def _walk_back(ctx: Context, anchors: Iterable[int],
               steps: list[tuple[TokenTest, int, int | None]]) -> set[int]:
    """Where the elements before an anchor can start, the last element first: each covers
    between its fewest and most tokens, all passing its test, and ends where the one after it
    starts. (What zero-width elements and CHARS demand is left to the matcher: these are the
    tokens a match may start at, a few more perhaps, none fewer.)"""
    ends = set(anchors)
    for test, low, high in steps:
        starts: set[int] = set()
        for pos in ends:
            count = 0
            while True:
                if count >= low:
                    starts.add(pos)
                if pos == 0 or count == high or not test(ctx, pos - 1):
                    break
                pos, count = pos - 1, count + 1
        ends = starts
    return ends


def _near(anchors: Iterable[int], width: int) -> list[int]:
    """The tokens at most `width` before an anchor, in order."""
    if width == 0:
        return sorted(set(anchors))
    return sorted({p - d for p in anchors for d in range(width + 1) if p - d >= 0})


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


def _unit_stops(table: Table, pos: int, low: int, high: int | None, lazy: bool, limit: int,
                bound: int) -> Iterator[int]:
    """Where a repeated unit starting at token `pos` may stop, in the order the matcher tries
    them; each once (what follows failed there before), none past `bound` (nothing can)."""
    seen: set[int] = set()
    for stop in _walk(table, pos, 0, low, high, lazy, limit, set()):
        if stop <= bound and stop not in seen:
            seen.add(stop)
            yield stop


def _walk(table: Table, pos: int, count: int, low: int, high: int | None, lazy: bool,
          limit: int, walked: set[tuple[int, int]]) -> Iterator[int]:
    """Greedy: the longest repeats first (depth first, each unit longest first); lazy: the
    shortest first. A token reached again with as many repeats (or, with no most, again at
    least `low`) stops where it stopped before, all already given: it is not walked again
    (overlapping spans would make the paths to it many)."""
    state = (pos, count if high is not None or count < low else low)
    if state in walked:
        return
    walked.add(state)
    can_stop = count >= low
    if lazy and can_stop:
        yield pos
    if (high is None or count < high) and pos < limit:
        for end in table[pos]:
            if end > pos:
                yield from _walk(table, end, count + 1, low, high, lazy, limit, walked)
    if not lazy and can_stop:
        yield pos


def _predicate(name: str) -> Callable[[Sent, int], bool]:
    try:
        return TOKEN_PREDICATES[name]
    except KeyError:
        raise PatternError(f"unknown token predicate {name!r}") from None


def _predicate_unit(name: str) -> Unit:
    """A predicate's answers, kept per sentence (a predicate is a function of the sentence's
    tokens: several patterns ask it of the same token)."""
    return _interned(("PRED", name), None, lambda ctx: _PredicateTable(ctx.sent, name),
                     per_sentence=True)


class _PredicateTable(dict):
    """token -> what the predicate says of it, asked when first needed."""

    def __init__(self, sent: Sent, name: str):
        super().__init__()
        self.sent, self.test = weakref.ref(sent), _predicate(name)   # (kept by the sentence)

    def __missing__(self, i: int) -> bool:
        self[i] = found = self.test(self.sent(), i)
        return found


# the generated matchers' globals: helpers, and each pattern's constants under names of their own
_NS: dict = {"_Match": Match, "_stops": _unit_stops,
             "_han": _HAN.fullmatch, "_digits": _DIGITS.match, "_punct": _PUNCT.match}
_NAMES = itertools.count()
_UNITS: dict[tuple, tuple[object, Unit]] = {}      # interned tables: (what they name) -> unit


def _const(value) -> str:
    """A name for `value` in the generated code."""
    name = f"_k{next(_NAMES)}"
    _NS[name] = value
    return name


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
        code, at_start = zero
        return Element(ends=_never, zero_width=codegen.function(code, _NS), code=code,
                       at_start=at_start)
    unit = _unit(spec, lex)
    if unit is not None:
        if negate:
            raise PatternError("OP ! negates token tests, not LEX or ENT units")
        table, anchors, trigger, admits = unit
        return Element(_table_ends(table), low, high, lazy, name, anchors, unit=True,
                       trigger=trigger, admits=admits, code=f"T[{_const(table)}]",
                       anchor_key=trigger)
    code = _token_code(spec, lex)
    if negate:
        code = f"not ({code})"
        test = codegen.function(code, _NS)
        return Element(_token_ends(test), 1, 1, False, name, test=test, code=code)
    literals = _literals(spec)
    test = codegen.function(code, _NS)
    anchors, anchor_key = _text_anchors(literals), ("TEXT", literals)
    if anchors is None and (pattern := _regex(spec)) is not None:
        anchors, anchor_key = _regex_anchors(pattern), ("REGEX", pattern)
    return Element(_token_ends(test), low, high, lazy, name, anchors,
                   trigger=("TEXT", literals) if literals else None, test=test, code=code,
                   anchor_key=anchor_key)


def _token_ends(test: TokenTest) -> Callable[[Context, int], list[int]]:
    return lambda ctx, i: [i + 1] if test(ctx, i) else []


def _table_ends(unit: Unit) -> Callable[[Context, int], list[int]]:
    return lambda ctx, i: list(ctx.tables[unit][i])


def _zero_width(spec: dict, lex: Lexicon) -> tuple[str, bool] | None:
    """The code of a zero-width element's test of the position, and whether it is
    {IS_SENT_START: true} (None when the element consumes tokens)."""
    if len(spec) != 1:
        return None
    key, value = next(iter(spec.items()))
    if key == "IS_SENT_START" and value is True:
        return f"{_I} == 0", True
    if key == "IS_SENT_END" and value is True:
        return f"{_I} == n", False
    if key in ("PEEK", "NOT_PEEK"):
        ahead = _ahead(compile_element(value, lex))
        return (ahead if key == "PEEK" else f"not {ahead}"), False
    if key in ("BEHIND", "NOT_BEHIND"):
        behind = _behind(compile_element(value, lex))
        return (behind if key == "BEHIND" else f"not {behind}"), False
    return None


def _ahead(el: Element) -> str:
    """Whether the element matches at the position (PEEK): a token or unit starts there."""
    if el.zero_width is not None:
        return "(False)"
    if el.unit:
        return f"({_I} < n and bool({el.code}[{_I}]))"
    return f"({_I} < n and ({el.code}))"


def _behind(el: Element) -> str:
    """Whether the element ends at the position (BEHIND): the token before, or a unit."""
    if el.zero_width is not None:
        return "(False)"
    if el.unit:
        return f"({_I} > 0 and ctx.ends_at({el.code}, {_I}))"
    return f"({_I} > 0 and ({codegen.expression(el.code, f'{_I} - 1')}))"


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
    """(unit, anchors, trigger, admits) of a LEX or ENT element that names classes or labels."""
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
            return _lex_unit(tuple(names), lex), _lex_anchors(names), ("LEX", frozenset(names)), None
        attrs = {k: _value_test(v) for k, v in (spec.get("ATTRS") or {}).items()}
        labels = frozenset(names)
        return (_ent_unit(tuple(names), repr(spec.get("ATTRS")), attrs), _ent_anchors(names),
                ("ENT", labels),
                lambda span: _label(span.type) in labels and _has(span, attrs))
    return None


def _interned(key: tuple, owner: object, build: Callable[[Context], Table], per_sentence: bool
              ) -> Unit:
    """One unit for every element that names the same thing (so its table is made once)."""
    known = _UNITS.get(key)
    if known is not None and known[0] is owner:
        return known[1]
    unit = Unit(next(_NAMES), per_sentence, build)
    _UNITS[key] = (owner, unit)
    return unit


def _lex_unit(classes: tuple[str, ...], lex: Lexicon) -> Unit:
    words = frozenset().union(*(lex.words(c) for c in classes))
    return _interned(("LEX", id(lex), classes), lex,
                     lambda ctx: _LexTable(ctx.sent, classes, words), per_sentence=True)


class _LexTable(dict):
    """Where the entries of some lexicon classes starting at a token end (longest first):
    entries of several characters (`Sent.units`) and a token that is an entry. Each token's
    are found when first asked (`table[i]`)."""

    def __init__(self, sent: Sent, classes: tuple[str, ...], words: frozenset[str]):
        super().__init__()
        self.sent, self.classes, self.words = weakref.ref(sent), classes, words   # (kept by it)

    def __missing__(self, i: int) -> tuple[int, ...]:
        sent = self.sent()
        char, units, found = sent.starts[i], sent.units, set()
        for cls in self.classes:
            here = units.get(cls)
            if here is not None and char in here:
                found.update(map(sent.token_at, here[char]))
        found.discard(None)
        if sent.words[i] in self.words:
            found.add(i + 1)
        self[i] = ends = tuple(sorted(found, reverse=True)) if found else ()
        return ends


def _lex_anchors(classes: list[str]):
    def anchors(ctx: Context) -> Iterable[int]:
        sent, lex = ctx.sent, ctx.lex
        if len(classes) == 1:
            return sent.class_starts(classes[0], lex)
        return set().union(*(sent.class_starts(c, lex) for c in classes))
    return anchors


def _ent_unit(labels: tuple[str, ...], attrs_spec: str, attrs: dict[str, Callable[[str], bool]]
              ) -> Unit:
    return _interned(("ENT", labels, attrs_spec), None,
                     lambda ctx: _EntTable(ctx, labels, attrs), per_sentence=False)


class _EntTable(dict):
    """Where the doc's spans of some labels (with the attributes) starting at a token end
    (longest first): made at once from the context's spans (a sentence has few), a token
    that starts none reads ()."""

    def __init__(self, ctx: Context, labels: tuple[str, ...],
                 attrs: dict[str, Callable[[str], bool]]):
        super().__init__()
        for label in labels:
            for i, here in ctx.ent_index(label).items():
                ends = {end for span, end in here if not attrs or _has(span, attrs)}
                if ends:
                    ends.update(self.get(i, ()))
                    self[i] = tuple(sorted(ends, reverse=True))

    def __missing__(self, i: int) -> tuple[int, ...]:
        return ()


def _has(span, attrs: dict[str, Callable[[str], bool]]) -> bool:
    values = span.attrs
    for key, test in attrs.items():
        value = values.get(key, "")
        if not test(value if isinstance(value, str) else str(getattr(value, "value", value))):
            return False
    return True


def _ent_anchors(labels: list[str]):
    """Where a span of the labels starts (one that ends at a token boundary: no other can be
    matched), read from the context's index of each label's spans."""
    if len(labels) == 1:
        (label,) = labels
        return lambda ctx: ctx.ent_index(label).keys()
    return lambda ctx: {i for label in labels for i in ctx.ent_index(label)}


def _literals(spec: dict) -> frozenset[str]:
    """The texts a token must be one of: TEXT, TEXT IN, or a REGEX of a few whole words
    (kg/rules/finite.py)."""
    value = spec.get("TEXT")
    if isinstance(value, str):
        return frozenset([value])
    if isinstance(value, dict) and set(value) == {"IN"}:
        return frozenset(value["IN"])
    if isinstance(value, dict) and set(value) == {"REGEX"}:
        return finite_words(value["REGEX"]) or frozenset()
    return frozenset()


def _text_anchors(literals: frozenset[str]):
    """Where a token element that must be one of `literals` can match (None: no literals)."""
    if len(literals) == 1:
        (value,) = literals
        return lambda ctx: ctx.positions.get(value, ())
    if literals:
        return lambda ctx: [i for w in literals & ctx.positions.keys() for i in ctx.positions[w]]
    return None


def _regex(spec: dict) -> str | None:
    """The REGEX a token's text must match, if its TEXT test names one."""
    value = spec.get("TEXT")
    return value.get("REGEX") if isinstance(value, dict) else None


_MEMO_WORDS = 1 << 15       # words whose answers a REGEX anchor keeps (then it starts over)


def _regex_anchors(pattern: str):
    """Where a token element whose text must match a REGEX can match: each distinct word of
    the sentence is tested once (not once per position and pattern: 全市, 该局 are rare), and
    its answer kept, for the same words come back in every sentence (set operations over
    the sentence's words: they walk the smaller side)."""
    search, seen, hits = re.compile(pattern).search, set(), set()

    def anchors(ctx: Context) -> list[int]:
        positions = ctx.positions
        words = set(positions)
        new = words.difference(seen)
        if new:
            if len(seen) + len(new) > _MEMO_WORDS:
                seen.clear()
                hits.clear()
                new = words
            seen.update(new)
            hits.update(w for w in new if search(w) is not None)
        return [i for w in words.intersection(hits) for i in positions[w]]
    return anchors


# ------------------------------------------------------------------ token tests as code

_FLAGS = {"IS_HAN": f"_han(words[{_I}]) is not None",
          "IS_DIGIT": f"_digits(words[{_I}]) is not None",
          "IS_PUNCT": f"_punct(words[{_I}]) is not None",
          "IS_SENT_START": f"{_I} == 0"}


def _token_code(spec: dict, lex: Lexicon) -> str:
    """A one-token element's tests as one expression of the token `_I_` (all must pass)."""
    parts = [_one_code(key, value, lex) for key, value in spec.items()]
    if not parts:
        return "True"
    return parts[0] if len(parts) == 1 else " and ".join(f"({p})" for p in parts)


def _one_code(key: str, value, lex: Lexicon) -> str:
    word = f"words[{_I}]"
    if key == "TEXT":
        return _value_code(value, word)
    if key == "TAG":
        return _value_code(value, f"(tags[{_I}] or '')")
    if key == "LENGTH":
        return _compare_code(value, f"len({word})")
    if key == "LEX":
        classes = list(value["NOT_IN"])
        banned = frozenset().union(*(lex.words(c) for c in classes))  # unknown classes fail here
        return f"{word} not in {_const(banned)}"
    if key == "ENT":
        labels = list(value["NOT_IN"])
        return " and ".join(f"starts[{_I}] not in ctx.covered({_const(label)})"
                            for label in labels) or "True"
    if key == "PRED":
        return f"T[{_const(_predicate_unit(value))}][{_I}]"
    if key in _FLAGS:
        return _FLAGS[key] if bool(value) else f"not ({_FLAGS[key]})"
    raise PatternError(f"unknown token attribute {key!r}")


def _value_code(value, subject: str) -> str:
    if isinstance(value, str):
        return f"{subject} == {_const(value)}"
    if not isinstance(value, dict):
        raise PatternError(f"a value is a string or a mapping, not {value!r}")
    checks = []
    for op, arg in value.items():
        if op == "IN":
            checks.append(f"{subject} in {_const(frozenset(arg))}")
        elif op == "NOT_IN":
            checks.append(f"{subject} not in {_const(frozenset(arg))}")
        elif op == "REGEX":
            checks.append(f"{_const(re.compile(arg).search)}({subject}) is not None")
        else:
            raise PatternError(f"unknown value test {op!r}")
    if not checks:
        raise PatternError("a value test names IN, NOT_IN or REGEX")
    return " and ".join(checks)


def _compare_code(value, subject: str) -> str:
    if isinstance(value, int):
        return f"{subject} == {int(value)}"
    parts = []
    for op, n in value.items():
        if op not in _COMPARE:
            raise KeyError(op)
        parts.append(f"{subject} {op} {int(n)}")
    return " and ".join(parts) or "True"


def _value_test(value) -> Callable[[str], bool]:
    """A value test as a function (what ATTRS test a span's attributes with)."""
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


def _never(ctx: Context, i: int) -> list[int]:
    return []
