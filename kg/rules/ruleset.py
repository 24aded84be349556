"""Rule files: each component's patterns, actions and examples, loaded from YAML.

    - id: document.book_title          # unique across the files
      action: propose                   # what the component does with a match
      pattern: [{TEXT: 《}, {TEXT: {NOT_IN: [《, 》]}, OP: "+", NAME: title}, {TEXT: 》}]
                                        # (or `patterns: [[…], […]]`: any of them)
      chars: {title: [4, 80]}           # optional: lengths of named parts, in characters
      where: [not_a_broadcast]          # optional: named checks a pattern cannot say
      yes: [公安局印发《社区警务工作规范》]   # sentences where the rule applies …
      no: [据《法治日报》报道]                # … and where it must not
      # any other key is an argument of the action (label, level, kind …)

An example is a sentence, or `{text: …, title: …, find: [texts the match must cover]}`.
`tests/test_rules.py` runs every example through the pipeline; a rule applies when it
matched with all its checks passing (`Doc.trace` records that).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Set
from dataclasses import dataclass, field
from functools import cache, reduce
from importlib import resources
import contextlib
import hashlib
import operator
import re

import yaml

from kg import cachefile
from kg.doc import Doc, Sent
from kg.rules.codecache import CODES
from kg.rules.engine import Context, Match, Pattern, PatternError, compile_pattern
from kg.rules.lexicon import lexicon

MATCH_PREDICATES: dict[str, Callable[[Match, Doc], bool]] = {}
_MOST_LIVE = 4096         # sets of needs held kept per action (then it starts over)


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """YAML whose booleans are YAML 1.2's (true, false): by YAML 1.1 a rule's keys `yes` and
    `no` would be read as booleans, and its examples never run."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool",
                              re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_RULE_KEYS = {"id", "action", "pattern", "patterns", "chars", "where", "yes", "no"}
_YAML_MARK = b"govkg-rules-yaml-1\0"


def check(name: str):
    """Register `fn(match, doc) -> bool` as the rule check `where: [name]`."""
    def register(fn):
        MATCH_PREDICATES[name] = fn
        return fn
    return register


@dataclass(frozen=True)
class Example:
    text: str
    title: str = ""
    find: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rule:
    id: str
    component: str
    action: str
    patterns: tuple[Pattern, ...] = field(repr=False)
    chars: dict[str, tuple[int, int]] = field(default_factory=dict)
    where: tuple[str, ...] = ()
    args: dict = field(default_factory=dict)
    yes: tuple[Example, ...] = ()
    no: tuple[Example, ...] = ()

    def finditer(self, ctx: Context) -> Iterator[Match]:
        """The matches of the rule's patterns, in order, not overlapping."""
        if len(self.patterns) == 1:
            yield from self.patterns[0].finditer(ctx)
            return
        yield from _first_of(sorted((m for p in self.patterns for m in p.finditer(ctx)),
                                    key=lambda m: (m.start, -m.end)))

    def applies(self, match: Match, doc: Doc) -> bool:
        for name, (low, high) in self.chars.items():
            if not low <= len(match.text(name)) <= high:
                return False
        for name in self.where:
            try:
                predicate = MATCH_PREDICATES[name]
            except KeyError:
                raise PatternError(f"rule {self.id}: unknown check {name!r}") from None
            if not predicate(match, doc):
                return False
        return True


class RuleSet:
    """The rules of one component, in file order.

    Each pattern names what a sentence must hold for it to match at all (`Pattern.needs`: the
    texts, lexicon classes and span labels of its elements); each such need is one bit, so a
    few look-ups in the sentence's own indexes say which patterns to try, and a sentence costs
    little for rules it cannot match. What the tokens hold is looked up once per sentence for
    all the rule files' rule sets (`_TokenNeeds`), the span labels once per context."""

    def __init__(self, component: str, rules: list[Rule]):
        self.component = component
        self.rules = rules
        self.actions = {r.action for r in rules}
        self._order = {id(r): i for i, r in enumerate(rules)}
        bits: dict[tuple[str, frozenset[str]], int] = {}
        self._wanted: dict[str, dict[str, int]] = {"TEXT": {}, "LEX": {}, "ENT": {}}
        # action -> its rules, each with what all its patterns need (a rule none of whose
        # patterns can match is passed over with one test) and its patterns with their needs
        self._of_action: dict[str, list[tuple[Rule, int, tuple[tuple[Pattern, int], ...]]]] = {}
        self._masks: list[tuple[int, tuple[int, ...]]] = []      # rule index -> its patterns'
        for i, rule in enumerate(rules):
            masks = tuple((p, self._mask(p, bits)) for p in rule.patterns)
            common = reduce(operator.and_, (mask for _, mask in masks))
            self._of_action.setdefault(rule.action, []).append((rule, common, masks))
            self._masks.append((i, tuple(mask for _, mask in masks)))
        # action -> the bits any of its patterns needs, and its rules that may match for each
        # set of those bits a sentence held (`_live`)
        self._action_bits = {action: reduce(operator.or_, (mask for _, _, masks in here
                                                           for _, mask in masks))
                             for action, here in self._of_action.items()}
        self._live_rules: dict[str, dict[int, tuple]] = {a: {} for a in self._of_action}
        # the keys of the context's cache, made once (not a tuple per call)
        self._keys = {a: ("matches", component, a) for a in (*self.actions, None)}
        self._span_bits = reduce(operator.or_, self._wanted["ENT"].values(), 0)
        self._width = len(bits)           # its bits: one per need
        self._all = (1 << self._width) - 1
        self._offset: int | None = None   # where they start in `_TOKENS`, once registered

    def _mask(self, pattern: Pattern, bits: dict[tuple[str, frozenset[str]], int]) -> int:
        """The bits of the pattern's needs (a new bit for a need no pattern had before)."""
        mask = 0
        for need in pattern.needs:
            if need not in bits:
                bits[need] = 1 << len(bits)
                kind, names = need
                for name in names:
                    wanted = self._wanted[kind]
                    wanted[name] = wanted.get(name, 0) | bits[need]
            mask |= bits[need]
        return mask

    def context(self, doc: Doc, sent: Sent) -> Context:
        return Context(doc, sent, lexicon())

    def held(self, ctx: Context) -> int:
        """The bits of the needs the sentence holds, once per context and state of its tokens
        (what the tokens hold, once per sentence for all contexts)."""
        version = ctx.sent.version
        found = ctx.held_bits.get(self)
        if found is not None and found[0] == version:
            return found[1]
        if self._offset is not None:
            tokens = _TOKENS.held(ctx.sent, ctx.lex) >> self._offset & self._all
        else:
            shared = ctx.sent.tables
            tokens = shared.get(self)
            if tokens is None:
                tokens = shared[self] = self._present("TEXT", ctx.positions.keys()) | \
                    self._present("LEX", ctx.sent.classes(ctx.lex))
        ctx.take_spans()                 # (now in any case: what the context sees)
        held = tokens | self._present("ENT", ctx.spans.keys()) if self._wanted["ENT"] else tokens
        ctx.held_bits[self] = (version, held)
        return held

    def _present(self, kind: str, present: Set[str]) -> int:
        held, wanted = 0, self._wanted[kind]
        for name in wanted.keys() & present:
            held |= wanted[name]
        return held

    def may_match(self, sent: Sent, action: str) -> bool:
        """Whether a rule of `action` may match in the sentence by what its tokens hold (the
        span labels taken as held): False, and none can, without making a context."""
        if action not in self._live_rules:
            return False
        if self._offset is None:
            return True
        tokens = _TOKENS.held(sent, lexicon()) >> self._offset & self._all
        return bool(self._live(action, tokens | self._span_bits))

    def candidates(self, ctx: Context) -> set[int]:
        """Indexes of the rules with a pattern whose needs the sentence holds (once per
        context): no other rule can match."""
        cache, key = ctx.ruleset_cache, ("rules", self.component)
        found = cache.get(key)
        if found is None:
            held, found = self.held(ctx), set()
            for i, masks in self._masks:
                for mask in masks:
                    if mask & held == mask:
                        found.add(i)
                        break
            cache[key] = found
        return found

    def matches(self, ctx: Context, action: str | None = None) -> list[Match]:
        """Every match of the rules (of one action) that applies, in file order, recorded in
        the doc's trace; found once per context (a component may ask several times)."""
        cache = ctx.ruleset_cache
        key = self._keys.get(action) or ("matches", self.component, action)
        found = cache.get(key)
        if found is None:
            found = cache[key] = self._all(ctx) if action is None else self._matches(ctx, action)
        return found

    def _all(self, ctx: Context) -> list[Match]:
        """Every action's matches, in file order."""
        return self.of_actions(ctx, self.actions)

    def of_actions(self, ctx: Context, actions: Iterable[str]) -> list[Match]:
        """The matches of the rules of `actions`, in file order (the rules of other actions
        are not tried)."""
        found = [m for name in actions for m in self.matches(ctx, name)]
        return sorted(found, key=lambda m: self._order[id(m.rule)])

    def _matches(self, ctx: Context, action: str) -> list[Match]:
        known = self._live_rules.get(action)
        if known is None:
            return []
        # (`held` and `_live` as they answer when they know, without two calls: most
        # contexts ask a rule set for several actions, and most of those find no rule)
        held = ctx.held_bits.get(self)
        held = held[1] if held is not None and held[0] == ctx.sent.version else self.held(ctx)
        rules_here = known.get(held & self._action_bits[action])
        if rules_here is None:
            rules_here = self._live(action, held)
        doc, out = ctx.doc, []
        for rule, live in rules_here:
            if len(live) == 1:
                found = live[0].find(ctx)
            else:                  # as Rule.finditer: of all the patterns' matches, in order
                found = _first_of(sorted((m for p in live for m in p.find(ctx)),
                                         key=lambda m: (m.start, -m.end)))
            checked = bool(rule.chars or rule.where)
            for m in found:
                if not checked or rule.applies(m, doc):
                    m.rule = rule
                    start, end = m.span()
                    doc.trace.append((rule.id, ctx.sent.index, start, end))
                    out.append(m)
        return out

    def _live(self, action: str, held: int) -> tuple[tuple[Rule, tuple[Pattern, ...]], ...]:
        """The rules of `action` whose needs the sentence holds (`held`), each with those of
        its patterns whose needs it holds: the same for every sentence that holds the same of
        the action's needs, so worked out once for each such set, not rule by rule each time."""
        known, key = self._live_rules[action], held & self._action_bits[action]
        found = known.get(key)
        if found is None:
            if len(known) >= _MOST_LIVE:
                known.clear()
            found = known[key] = tuple(
                (rule, live) for rule, common, masks in self._of_action[action]
                if common & key == common
                and (live := tuple(p for p, mask in masks if mask & key == mask)))
        return found

    def by_id(self, rule_id: str) -> Rule:
        return next(r for r in self.rules if r.id == rule_id)


class _TokenNeeds:
    """What the rule files' rule sets need of a sentence's tokens (its words, its lexicon
    classes), indexed by word and class: each rule set's bits have a place of their own in one
    wide bit set (`RuleSet._offset`), so one pass over a sentence's words and classes gives
    every rule set its bits (`held`), instead of one look-up of each rule set's needs."""

    def __init__(self) -> None:
        self.width = 0                               # bits given out so far
        self.by_name: dict[str, dict[str, int]] = {"TEXT": {}, "LEX": {}}

    def register(self, ruleset: RuleSet) -> None:
        ruleset._offset, self.width = self.width, self.width + ruleset._width
        for kind, by_name in self.by_name.items():
            for name, bits in ruleset._wanted[kind].items():
                by_name[name] = by_name.get(name, 0) | bits << ruleset._offset

    def held(self, sent: Sent, lex: object) -> int:
        """The bits of every registered rule set's needs the sentence's tokens hold (once per
        sentence and state of its tokens, and again when a rule set was registered since)."""
        found = sent.tables.get(_TokenNeeds)
        if found is not None and found[0] == self.width and found[1] is lex:
            return found[2]
        held = 0
        for kind, present in (("TEXT", sent.positions.keys()), ("LEX", sent.classes(lex))):
            by_name = self.by_name[kind]
            for name in by_name.keys() & present:
                held |= by_name[name]
        sent.tables[_TokenNeeds] = (self.width, lex, held)
        return held


_TOKENS = _TokenNeeds()


def _first_of(found: list[Match]) -> list[Match]:
    """Of matches sorted by start (the longest first), those that overlap none before them."""
    out, last = [], 0
    for m in found:
        if m.start >= last:
            out.append(m)
            last = m.end
    return out


@cache
def rules(component: str) -> RuleSet:
    """The rule set of `kg/rules/<component>.yaml`, compiled once."""
    text = resources.files(__package__).joinpath(f"{component}.yaml").read_text(encoding="utf-8")
    found = _rule_set(component, _kept_yaml(component, text))
    _TOKENS.register(found)
    _COMPILED.add(component)
    if _COMPILED >= _RULE_FILES:         # the last one: its patterns' code kept for the next
        CODES.save()                     # run now (and at exit, `kg.rules.codecache`)
    return found


_RULE_FILES = frozenset(f.name.removesuffix(".yaml") for f in resources.files(__package__).iterdir()
                        if f.name.endswith(".yaml")) - {"lexicon"}
_COMPILED: set[str] = set()


def parse_rules(component: str, text: str) -> RuleSet:
    return _rule_set(component, yaml.load(text, Loader=_Loader) or {})


def _kept_yaml(component: str, text: str) -> dict:
    """A rule file's YAML, read back from govkg's cache folder while its text is the same:
    YAML's constructor, Python code, took ~0.05 s of each build for the nine files; marshal
    gives the same lists, dicts and scalars back in a millisecond."""
    key = hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()
    try:
        file = cachefile.cache_dir() / f"rules-{component}.marshal"
    except (RuntimeError, KeyError):          # Path.home() of a user without one
        file = None
    found = cachefile.load(file, _YAML_MARK)
    if isinstance(found, tuple) and len(found) == 2 and found[0] == key:
        return found[1]
    data = yaml.load(text, Loader=_Loader) or {}
    with contextlib.suppress(ValueError):    # (a value marshal cannot keep: read again next run)
        cachefile.keep(file, _YAML_MARK, (key, data))
    return data


def _rule_set(component: str, data: dict) -> RuleSet:
    out = []
    for n, entry in enumerate(data.get("rules", []), 1):
        where = f"kg/rules/{component}.yaml, rule {entry.get('id') or n}"
        try:
            out.append(_rule(component, entry))
        except (PatternError, KeyError, TypeError, ValueError) as err:
            raise PatternError(f"{where}: {err}") from None
    ids = [r.id for r in out]
    if len(ids) != len(set(ids)):
        raise PatternError(f"kg/rules/{component}.yaml: rule ids repeat")
    return RuleSet(component, out)


def _rule(component: str, entry: dict) -> Rule:
    unknown = [k for k in entry if not isinstance(k, str)]
    if unknown:
        raise KeyError(f"keys must be words, not {unknown}")
    missing = {"id", "action"} - entry.keys()
    if missing or ("pattern" in entry) == ("patterns" in entry):
        raise KeyError(f"needs id, action and one of pattern, patterns (missing {sorted(missing)})")
    specs = [entry["pattern"]] if "pattern" in entry else entry["patterns"]
    return Rule(
        id=str(entry["id"]), component=component, action=str(entry["action"]),
        patterns=tuple(compile_pattern(p, lexicon()) for p in specs),
        chars={k: (int(v[0]), int(v[1])) for k, v in (entry.get("chars") or {}).items()},
        where=tuple(entry.get("where") or ()),
        args={k: v for k, v in entry.items() if k not in _RULE_KEYS},
        yes=tuple(map(_example, entry.get("yes") or ())),
        no=tuple(map(_example, entry.get("no") or ())))


def _example(entry) -> Example:
    if isinstance(entry, str):
        return Example(entry)
    find = entry.get("find") or ()
    return Example(str(entry["text"]), str(entry.get("title", "")),
                   (find,) if isinstance(find, str) else tuple(find))
