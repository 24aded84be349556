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

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
import re
from importlib import resources
import re

import yaml

from kg.doc import Doc, Sent
from kg.rules.engine import Context, Match, Pattern, PatternError, compile_pattern
from kg.rules.lexicon import lexicon

MATCH_PREDICATES: dict[str, Callable[[Match, Doc], bool]] = {}


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """YAML whose booleans are YAML 1.2's (true, false): by YAML 1.1 a rule's keys `yes` and
    `no` would be read as booleans, and its examples never run."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool",
                              re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_RULE_KEYS = {"id", "action", "pattern", "patterns", "chars", "where", "yes", "no"}


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
        found = sorted((m for p in self.patterns for m in p.finditer(ctx)),
                       key=lambda m: (m.start, -m.end))
        last = 0
        for m in found:
            if m.start >= last:
                yield m
                last = m.end

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

    Each pattern names what a sentence must hold for it to match at all (a token's text, a
    lexicon class, a span label: `Pattern.trigger`); a few look-ups in the sentence's own
    indexes say which rules to try, so a sentence costs little for rules it cannot match."""

    def __init__(self, component: str, rules: list[Rule]):
        self.component = component
        self.rules = rules
        self.actions = {r.action for r in rules}
        self._of_action: dict[str, list[tuple[int, Rule]]] = {}
        self._always: set[int] = set()
        self._by: dict[str, dict[str, set[int]]] = {"TEXT": {}, "LEX": {}, "ENT": {}}
        for i, rule in enumerate(rules):
            self._of_action.setdefault(rule.action, []).append((i, rule))
            for p in rule.patterns:
                if p.trigger is None:
                    self._always.add(i)
                for what in p.trigger[1] if p.trigger else ():
                    self._by[p.trigger[0]].setdefault(what, set()).add(i)

    def context(self, doc: Doc, sent: Sent) -> Context:
        return Context(doc, sent, lexicon())

    def candidates(self, ctx: Context) -> set[int]:
        """Indexes of the rules whose trigger the sentence holds (once per context)."""
        cache = ctx.__dict__.setdefault("_candidates", {})
        if self.component not in cache:
            cache[self.component] = self._candidates(ctx)
        return cache[self.component]

    def _candidates(self, ctx: Context) -> set[int]:
        found = set(self._always)
        for kind, present in (("TEXT", ctx.positions), ("LEX", ctx.sent.class_starts(ctx.lex)),
                              ("ENT", ctx.spans)):
            wanted = self._by[kind]
            for name in (present.keys() & wanted.keys() if len(wanted) < len(present)
                         else wanted.keys() & present.keys()):
                found |= wanted[name]
        return found

    def matches(self, ctx: Context, action: str | None = None) -> list[Match]:
        """Every match of the rules (of one action) that applies, in file order, recorded in
        the doc's trace; found once per context (a component may ask several times)."""
        cache = ctx.__dict__.setdefault("_matches", {})
        if (self.component, action) not in cache:
            cache[(self.component, action)] = list(self._matches(ctx, action))
        return cache[(self.component, action)]

    def _matches(self, ctx: Context, action: str | None) -> Iterator[Match]:
        if action is None:              # every action's, in file order
            order = {id(r): i for i, r in enumerate(self.rules)}
            found = [m for name in self.actions for m in self.matches(ctx, name)]
            yield from sorted(found, key=lambda m: order[id(m.rule)])
            return
        candidates = self.candidates(ctx)
        for i, rule in self._of_action.get(action, ()):
            if i not in candidates:
                continue
            for m in rule.finditer(ctx):
                if rule.applies(m, ctx.doc):
                    m.rule = rule
                    start, end = m.span()
                    ctx.doc.trace.append((rule.id, ctx.sent.index, start, end))
                    yield m

    def by_id(self, rule_id: str) -> Rule:
        return next(r for r in self.rules if r.id == rule_id)


@cache
def rules(component: str) -> RuleSet:
    """The rule set of `kg/rules/<component>.yaml`, compiled once."""
    text = resources.files(__package__).joinpath(f"{component}.yaml").read_text(encoding="utf-8")
    return parse_rules(component, text)


def parse_rules(component: str, text: str) -> RuleSet:
    data = yaml.load(text, Loader=_Loader) or {}
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
