"""Agencies by grammar: a place, then units each ending in a body word.

    成都市 公安局 | 青羊区 分局 | 苏坡 派出所
    <place> <top>   <name> <sub>   <name> <sub>

Each unit of a chain is an agency of its own, the one before it its parent.
A chain with no place in front inherits one later, in resolution: `市局`,
`县公安局户籍中队` and `区委` carry the level they imply (`generic`), and a
bare sub-unit (`治安支队`) asks for the parent in focus (`needs_parent`).

A name never runs over a verb: where a place (or a place pronoun: 该镇, 我县) opens a clause,
the body after its predicate is the place's (红山区高度重视综治中心 is 红山区综治中心). Bodies
of the centre (公安部) are named by their whole name and have no place.

The grammar is this module: it takes a sentence's body words left to right and names each
one, by the unit right before it, by the place before it, or by the words before it. Every
word it decides on (where a body word is, what a name may hold or start with, what says a
kind of body rather than one body) is a rule of kg/rules/agencies.yaml; its header lists the
actions.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property

from kg.components import component
from kg.doc import Doc, Sent
from kg.gazetteer import town_short_name
from kg.lexicons import words
from kg.model import EntityType, Mention
from kg.recognise import resolve_overlaps
from kg.rules.engine import Context, Match, Pattern, PatternError, token_predicate
from kg.rules.lexicon import lexicon
from kg.rules.ruleset import Rule, RuleSet, check, rules
from kg.vocab import LEVEL_OF_WORD
from kg.words import dictionary_tag

# The level a level word names when it stands for a place in focus (市法院, 区委, 县公安局,
# 自治区公安厅, 旗委).
_MAX_NAME = 8         # characters from a place (or the unit before) to the body word
_MAX_BARE_NAME = 6    # characters of a name with no place or unit before it
_MAX_TASK_NAME = 12   # … of a task force's (领导小组, 专班, 专业队), named by its task
# Rules about tokens by themselves (what one token is to a name, what a body word needs):
# each pattern is one element, and the answer is kept per words and tags.
_KEPT_ACTIONS = frozenset({"stop", "strip", "cut", "counter", "bridge", "found", "verb", "title",
                           "needs_a_place", "needs_a_unit", "predicate", "clause_start"})
# Rules tested at one body word (their `body` capture is that word).
_AT_A_BODY_WORD = frozenset({"not_a_body", "quoted_name", "focus", "sibling"})


@dataclass
class _Unit:
    start: int           # character offsets: where the unit's name begins
    end: int             # end of its body word
    name: str            # the words that name it (青羊区, 苏坡; '' in 成都市公安局: its place does)
    suffix: str          # the body word
    place: Mention | None = None
    rule: str = ""       # the rule that found the body word (or named the unit)
    written: str = ""    # its name as the text implies it, where the place is not written
                         # right before it (红山区…综治中心 is 红山区综治中心)


@dataclass(frozen=True)
class _Body:
    start: int           # token indexes of the body word
    end: int
    match: Match         # the `body` rule's match

    @property
    def rule(self) -> Rule:
        return self.match.rule


@component("agencies")
def agencies(doc: Doc) -> None:
    ruleset, towns = rules("agencies"), _towns(doc)
    found: list[Mention] = []
    for sent in doc.body():
        # patterns read places as units of tokens: their edges must be token boundaries
        # (doc.add makes them so; the places of a recogniser not yet on rules are not)
        for span in doc.spans_in(sent.index):
            sent.split_at(span.start)
            sent.split_at(span.end)
        ctx = ruleset.context(doc, sent)
        if not ruleset.candidates(ctx).isdisjoint(_openers(ruleset)):
            found += _Sentence(ctx, ruleset, towns).read()
    kept = resolve_overlaps(doc.spans + found)
    doc.spans = []
    for m in kept:
        doc.add(m)


class _Sentence:
    """One sentence as the grammar reads it: its tokens, its places and what the rules say."""

    def __init__(self, ctx: Context, ruleset: RuleSet, towns: frozenset[str]):
        self.ctx, self.doc, self.sent, self.ruleset = ctx, ctx.doc, ctx.sent, ruleset
        self.towns = towns            # short names of the article's towns (横道河子)
        self.text, self.starts = ctx.sent.text, ctx.sent.starts
        self.places = [m for m in ctx.doc.spans_in(ctx.sent.index) if m.type is EntityType.PLACE]

    def read(self) -> list[Mention]:
        out = [Mention(EntityType.AGENCY, m.text(), *m.span(), self.sent.index,
                       attrs={"pronoun": True}, rule=m.rule.id)
               for m in self.ruleset.matches(self.ctx, "pronoun")]
        bodies = self.bodies()
        if bodies:
            out += [self.mention(chain) for chain in self.chains(bodies)]
        return out

    def bodies(self) -> list[_Body]:
        """The body words left to right; of overlapping ones the one that starts first, then
        the longest, then the one the rule first in the file found."""
        found = [(m.groups.get("body", (m.start, m.end)), m)
                 for m in self.ruleset.matches(self.ctx, "body")]
        found.sort(key=lambda f: (f[0][0], -f[0][1]))       # stable: rules in file order
        out: list[_Body] = []
        for (start, end), m in found:
            if self.in_a_place(start, end):
                continue         # 科左中旗, 公安县: a place's name holds no body word
            if not out or start >= out[-1].end:
                out.append(_Body(start, end, m))
        return out

    def in_a_place(self, start: int, end: int) -> bool:
        """Whether tokens start..end lie inside a place's name."""
        s, e = self.starts[start], self.starts[end]
        return any(p.start <= s and e <= p.end for p in self.places)

    def chains(self, bodies: list[_Body]) -> list[list[_Unit]]:
        chains: list[list[_Unit]] = []
        after = 0           # where the last body word that names no unit ends
        for body in bodies:
            previous = chains[-1][-1] if chains else None
            sibling = self.sibling(body, previous)
            if sibling is not None:
                chains.append([sibling])        # 镇党委政府: two bodies of one place
                continue
            unit = self.unit(body, previous, after)
            if unit is None:
                after = self.starts[body.end]   # 风景区党工委|政法委: no name runs over it
                continue
            # 公安局|青羊区分局, 公安局|指挥中心: a unit right after the one before continues it
            if previous is not None and (previous.end == unit.start and unit.name
                                         or previous.end == unit.end - len(unit.suffix)):
                chains[-1].append(unit)
            else:
                chains.append([unit])
        return chains

    # ------------------------------------------------------------- one unit
    def unit(self, body: _Body, previous: _Unit | None, after: int) -> _Unit | None:
        if self.titled(body) or self.holds(body, "not_a_body"):
            return None
        if body.match.has("name") or {"suffix", "whole"} & body.rule.args.keys():
            return self.named_by_rule(body)
        floor = after
        if previous is not None:
            continued = self.continued(body, previous)
            if continued is None or isinstance(continued, _Unit):
                return continued
            floor = max(floor, continued)
        # 内蒙古自治区科: a section is a unit of a body, never of a place alone
        section = _kept(self.ctx, body.start, body.end, "needs_a_unit") is not None
        anchor = self.anchor(body, floor)
        if anchor is not None:
            return None if section else self.after_place(body, *anchor)
        level = self.level_before(body, floor) or self.listed(body, previous)
        if level is not None:
            return level
        needs = _kept(self.ctx, body.start, body.end, "needs_a_place")
        if needs is not None and not needs.args.get("unless_quoted"):
            # 公安机关, 办公室, 科 with no place or unit before them; but 组织部长, 政府副县长
            # named by no words at all: the body of the place in focus
            return self.in_focus(body) if self.bare_name(body, floor) == self.starts[body.start] \
                else None
        return self.alone(body, floor, quoted_only=needs is not None)

    def sibling(self, body: _Body, previous: _Unit | None) -> _Unit | None:
        """镇党委政府, 县委县政府: a body of the same place as the unit right before it (the
        government after the Party committee), not a unit inside it."""
        m = self.holds(body, "sibling") if previous is not None else None
        if m is None or self.starts[m.start + 1] != previous.end:
            return None
        level = m.text("level") if m.has("level") else ""
        start, end = m.span("level") if level else m.span("body")
        name = level or previous.name
        written = previous.place.surface + self.word(body) if previous.place and not level else ""
        return _Unit(start, self.starts[body.end], name, self.word(body),
                     None if level else previous.place, m.rule.id, written)

    def level_before(self, body: _Body, floor: int) -> _Unit | None:
        """县公安局, 该镇网格化中心, 自治区公安厅: a level word right before the body word names
        the place of that level the article is about (resolved later)."""
        for i in (body.start - 1, body.start - 2):
            if i >= 0 and self.starts[i] >= floor and (self.is_name(i, body.start, "level")
                                                       or self.is_name(i, body.start, "place_pronoun")):
                written = self.text[self.starts[i]:self.starts[body.start]]
                return _Unit(self.starts[i], self.starts[body.end], _level_char(written),
                             self.word(body), None, body.rule.id)
        return self.pronoun_subject(body, floor) or self.level_opens_a_name(body, floor)

    def level_opens_a_name(self, body: _Body, floor: int) -> _Unit | None:
        """县社区矫正管理局: a level word that opens a name of a few words before a body of its
        own names that body of the place of that level in focus; the words stay in its body
        word (社区矫正管理局 of the county), the place being resolved later."""
        if not self.is_word(body, "TOP_BODY"):
            return None
        limit = max(floor, self.starts[body.start] - _MAX_NAME)
        i = body.start - 2
        while i >= 0 and self.starts[i] >= limit and not self.role(i + 1, "stop") \
                and not self.role(i + 1, "cut"):
            if self.is_name(i, i + 1, "level"):
                if self.sent.words[i + 1] in LEVEL_OF_WORD or any(
                        self.is_name(k, body.start, action) for k in (i, i + 1)
                        for action in ("kind", "not_a_name")):
                    return None       # 州县综治中心, 县乡镇综治中心: the centres of a kind
                rest, end = self.starts[i + 1], self.starts[body.end]
                return _Unit(self.starts[i], end, _level_char(self.text[self.starts[i]:rest]),
                             self.text[rest:end], None, body.rule.id)
            i -= 1
        return None

    def listed(self, body: _Body, previous: _Unit | None) -> _Unit | None:
        """长寿区法院、检察院、公安局, 市法院、检察院: a body of a place listed right after one of
        the place's bodies named by its place or level (and no unit of another) is the same
        place's (FOCUS_BODY: the bodies a place has one of)."""
        if previous is None or self.text[previous.end:self.starts[body.start]] != "、" \
                or not (previous.place or previous.name in LEVEL_OF_WORD) \
                or not self.is_word(body, "FOCUS_BODY") \
                or previous.suffix not in self.ctx.lex.words("FOCUS_BODY"):
            return None
        suffix, place = self.word(body), previous.place
        return _Unit(self.starts[body.start], self.starts[body.end], previous.name, suffix, place,
                     body.rule.id, place.surface + suffix if place else "")

    def pronoun_subject(self, body: _Body, floor: int) -> _Unit | None:
        """我县高度重视综治中心建设, 该镇召开社会矛盾纠纷调处化解中心成立大会: a place pronoun that
        opens a clause is its subject; the body after its predicate is that place's."""
        s = self.starts[body.start]
        for i in range(body.start - 1, -1, -1):
            if self.starts[i] < max(floor, s - 2 * _MAX_NAME):
                return None
            j = next((j for j in (i + 1, i + 2) if j < body.start
                      and self.is_name(i, j, "place_pronoun")), None)
            if j is not None:
                return self.after_pronoun(body, i, j) if self.opens_a_clause(self.starts[i]) else None
            if self.role(i, "stop") and not self.adverb_after_pronoun(i):
                return None
        return None

    def adverb_after_pronoun(self, i: int) -> bool:
        """该县将综治中心建设列为…: an adverb or verb of the predicate right after the place
        pronoun, though a word a name never runs over (将), does not end the search for it
        (a word that joins two bodies does: 我县与市综治中心)."""
        return self.role(i, "predicate") and not self.role(i, "bridge") and any(
            k >= 0 and self.is_name(k, i, "place_pronoun") for k in (i - 1, i - 2))

    def after_pronoun(self, body: _Body, i: int, j: int) -> _Unit | None:
        """The body after the predicate of the place pronoun in tokens i..j, named by the words
        after the predicate (kept in its body word: 社会矛盾纠纷调处化解中心 of 该镇, since the
        place is only resolved later)."""
        k = j
        while k < body.start and self.role(k, "predicate"):
            k += 1
        if k == j or k < body.start and (self.is_name(k, body.start, "kind")
                                         or self.is_name(k, body.start, "not_a_name")):
            return None
        rest, end = self.starts[k], self.starts[body.end]
        if k == body.start and (not self.is_word(body, "TOP_BODY") or self.is_word(body, "TEAM")):
            return None          # 我县组建联防队: a kind of team
        if 0 < self.starts[body.start] - rest < 2:
            return None
        written = self.text[self.starts[i]:self.starts[j]]
        return _Unit(rest, end, _level_char(written), self.text[rest:end], None, body.rule.id)

    def titled(self, body: _Body) -> bool:
        """支队长, 巡防队员: the token after the body word makes it a title or a member
        (unless a place starts there: 支队|长安大队). 县公安局长 is the head of the 县公安局:
        a 局 or 厅 keeps its name before the 长 of its head's title."""
        i = body.end
        if i < len(self.sent) and self.sent.words[i] == "长" and self.word(body)[-1] in "局厅部":
            return False     # (组织部长: the head of the 组织部)
        return i < len(self.sent) and self.role(i, "title") \
            and not any(p.start == self.starts[i] for p in self.places)

    def named_by_rule(self, body: _Body) -> _Unit:
        """区政府, 区委: the rule names the unit (a level word in focus); 公安部: a body of the
        centre, its whole name one word (no place, no kind of its own)."""
        m, end = body.match, self.starts[body.end]
        start = m.span()[0]
        if body.rule.args.get("whole"):
            return _Unit(start, end, m.text("body"), "", None, m.rule.id)
        if m.has("name"):
            return _Unit(start, end, m.text("name"), m.text("body"), None, m.rule.id)
        suffix = m.rule.args["suffix"]          # 区委: the level word and 委 in one token
        return _Unit(start, end, m.text("body")[:-len(suffix)], suffix, None, m.rule.id)

    def continued(self, body: _Body, previous: _Unit) -> _Unit | int | None:
        """The unit that continues the one before it (公安局|青羊区分局), else the character
        where a name may start (after the unit before, when that ends a chain); None where the
        body word names no unit (综治中心专题调研综治中心: the clause goes on about the body)."""
        s, end = self.starts[body.start], self.starts[body.end]
        first = self.sent.token_at(previous.end)
        if first is None or previous.end > s or s - previous.end > _MAX_NAME \
                or self.stops(first, body.start):
            return 0
        k = self.stripped(first, body.start)
        suffix, rule = self.word(body), body.rule.id
        if k < body.start and self.role(k, "found") and s - self.starts[k + 1] >= 2:
            # 公安局组建旅游警察大队: a new unit of the body, named after the verb
            return _Unit(self.starts[k + 1], end, self.text[self.starts[k + 1]:s], suffix, None, rule)
        if suffix == previous.suffix:
            return None          # a body is no unit of a body of its own kind
        # 综治中心整合法院, 县政府高度重视县级综治中心: a verb or the start of a predicate before a
        # body of its own starts a clause, not a unit
        verb_led = k < body.start and (self.role(k, "verb") or self.role(k, "predicate")) \
            and self.is_word(body, "TOP_BODY")
        # 综治中心调解员通过人民法院, 派出所联合绥阳镇党委: two bodies, not a chain
        bridged = any(self.role(i, "bridge") for i in range(k, body.start))
        if k == first and not verb_led and not bridged:
            if s == previous.end and self.is_word(body, "STATION"):
                return None      # 公安局派出所, 法院人民法庭: a kind of unit it has many of
            place = next((p for p in self.places if p.start == previous.end and p.end <= s), None)
            return _Unit(previous.end, end, self.text[previous.end:s], suffix, place, rule)
        return previous.end

    def stripped(self, first: int, end: int) -> int:
        """The first token of a name after the unit before, past its leading function words."""
        k = first
        while k < end and self.role(k, "strip"):
            rest = self.text[self.starts[k + 1]:self.starts[end]]
            if len(rest) == 1 and rest not in LEVEL_OF_WORD:
                break          # 中坝: stripping 中 would leave a name of one character
            k += 1
        return k

    def anchor(self, body: _Body, floor: int) -> tuple[int, Mention] | None:
        """The last place before the body word (成都邛崃公安局, 成都市高新区新川派出所) and where
        the name starts: at the first of the places written together, or at a prefix."""
        s = self.starts[body.start]
        # (a body named by its task runs longer: 长寿区重大疑难复杂矛盾纠纷人民调解委员会)
        limit = _MAX_TASK_NAME if self.is_word(body, "TASK_BODY") else _MAX_NAME
        before = [p for p in self.places if p.start >= floor and p.end <= s
                  and s - self.epithet(p.end) <= limit
                  and not self.stops(self.sent.token_at(self.epithet(p.end)), body.start)]
        if not before:
            return None
        last = max(before, key=lambda p: p.end)
        start = last.start
        for p in sorted(self.places, key=lambda p: -p.end):     # 四川省成都市
            if p.end == start:
                start = p.start
        return self.prefixed(start), last

    def epithet(self, at: int) -> int:
        """Where the name of a body after a place at character `at` goes on: past a quoted
        epithet there (镇安县“一站式”矛盾纠纷调解中心), else at `at`."""
        return next((m.span()[1] for m in self.ruleset.matches(self.ctx, "epithet")
                     if m.span()[0] == at), at)

    def after_place(self, body: _Body, start: int, place: Mention) -> _Unit | None:
        s, end = self.starts[body.start], self.starts[body.end]
        name_at = self.epithet(place.end)
        i = self.sent.token_at(name_at)
        suffix, rule = self.word(body), body.rule.id
        if i < body.start and self.is_name(i, body.start, "kind"):
            return None        # 山西多地公安机关: the bodies of many places
        k = i
        while k < body.start and self.role(k, "predicate"):
            k += 1
        if k == i:
            return _Unit(start, end, self.text[name_at:s], suffix, place, rule)
        return self.after_predicate(body, k, place, self.opens_a_clause(start))

    def after_predicate(self, body: _Body, k: int, place: Mention, subject: bool) -> _Unit | None:
        """夷陵区成立诉源治理工作领导小组, 红山区高度重视综治中心, 红山区以区级综治中心: the place is
        the subject; the body after its predicate is the place's, its name starts after the
        predicate (a name never runs over a verb), and a level word there is the place's own
        level (or another place's: 红山区联合市法院). A body named by no words of its own is
        the place's only where the place opens the clause (not 赴铜川市学习考察综治中心建设)."""
        rest, s, end = self.starts[k], self.starts[body.start], self.starts[body.end]
        suffix, rule = self.word(body), body.rule.id
        own = _Unit(rest, end, "", suffix, place, rule, place.surface + suffix) if subject else None
        char = _level_char(self.text[rest:s])
        same = LEVEL_OF_WORD.get(char) == place.attrs.get("level")
        if k < body.start and self.is_name(k, body.start, "grade"):
            return own if same else None
        if k < body.start and self.is_name(k, body.start, "level"):
            return own if same else _Unit(rest, end, char, suffix, None, rule)
        if s - rest >= 2:
            # (薛圐圙乡调研乡镇综治中心: a kind of body after the predicate is none of the place's)
            if self.is_name(k, body.start, "kind") or self.is_name(k, body.start, "not_a_name"):
                return None
            return _Unit(rest, end, self.text[rest:s], suffix, place, rule)
        if k == body.start and self.is_word(body, "TOP_BODY") and not self.is_word(body, "TEAM"):
            return own
        return None

    def opens_a_clause(self, start: int) -> bool:
        """Whether a name starting at character `start` opens the sentence or a clause."""
        i = self.sent.token_at(start)
        return i == 0 or self.role(i - 1, "clause_start")

    def alone(self, body: _Body, floor: int, quoted_only: bool) -> _Unit | None:
        """A unit named by the words right before it: a quoted name, a town of the article,
        or a bare name."""
        s, end = self.starts[body.start], self.starts[body.end]
        suffix, rule = self.word(body), body.rule.id
        quoted = self.holds(body, "quoted_name")
        if quoted is not None:                  # “秦岭护林”联防队: the unit starts at the quote
            if self.is_name(*quoted.groups["name"], "not_a_name"):
                return None      # 评“一级”综治中心: a grade in quotes names no body
            return _Unit(quoted.span()[0], end, quoted.text("name"), suffix, None, rule)
        if quoted_only:
            return None        # 组建治安联防队: a kind of team
        start = self.town_before(s, floor)
        if start is None:
            start = self.bare_name(body, floor)
        name = self.text[start:s]
        if len(name) == 1 and name not in LEVEL_OF_WORD:
            return None          # 各县(区)委政法委: one character names no body
        if not name:
            return self.in_focus(body)
        i = self.sent.token_at(start)
        if i is not None and (self.is_name(i, body.start, "kind")
                              or self.is_name(i, body.start, "not_a_name")):
            return None
        return _Unit(start, end, name, suffix, None, rule)

    def in_focus(self, body: _Body) -> _Unit | None:
        """公安局局长 (no words name it): the body of the place in focus, where a rule says so
        (政府副县长: of the county in focus)."""
        if self.holds(body, "focus") is None:
            return None
        return _Unit(self.starts[body.start], self.starts[body.end], self.title_level(body.end),
                     self.word(body), None, body.rule.id)

    def title_level(self, i: int) -> str:
        """The level character of the head's title at token i (政府副县长 -> 县: the government
        it heads is of that level; LEVEL_HEAD_TITLE), else ''."""
        at = self.starts[i] if i < len(self.sent) else len(self.text)
        title = next((t for t in self.ctx.lex.words("LEVEL_HEAD_TITLE")
                      if self.text.startswith(t, at)), "")
        return title.removeprefix("副")[:1]

    def town_before(self, s: int, floor: int) -> int | None:
        """Where the longest town name of the article that ends at `s` starts (横道河子派出所)."""
        found = [s - len(t) for t in self.towns if self.text.startswith(t, s - len(t))]
        return min((start for start in found if start >= floor), default=None)

    def bare_name(self, body: _Body, floor: int) -> int:
        """Where a name with no place before it starts: after the last stop (six characters
        at most), then after the last `cut` word and the classifiers that follow it; a task
        force introduced by a founding verb or a relative clause (成立…的, 组建了), right after
        them (twelve characters at most)."""
        i = body.start
        task = self.is_word(body, "TASK_BODY")
        limit = max(floor, self.starts[body.start] - (_MAX_TASK_NAME if task else _MAX_BARE_NAME))
        while i > 0 and self.starts[i - 1] >= limit and not self.role(i - 1, "stop") \
                and not (task and self.role(i - 1, "found")):
            i -= 1
        if task and i > 0 and (self.sent.words[i - 1] in ("的", "了") or self.role(i - 1, "found")):
            return self.starts[i]     # …为成员的集中化解信访积案工作领导小组: named by its task
        k = next((j + 1 for j in range(body.start - 1, i - 1, -1) if self.role(j, "cut")), i)
        while k < body.start and self.role(k, "counter"):
            k += 1
        return self.starts[k]

    @cached_property
    def prefixes(self) -> list[tuple[int, int]]:
        """Where the prefixes before a place are (中共杭州市委, 中国人民银行包头市…)."""
        return [m.span() for m in self.ruleset.matches(self.ctx, "prefix")]

    def prefixed(self, start: int) -> int:
        """Where a name that starts at a place starts: at the prefix before it, if any."""
        return next((a for a, b in self.prefixes if b == start), start)

    def prefix_at(self, start: int) -> str:
        return next((self.text[a:b] for a, b in self.prefixes if a == start), "")

    # ------------------------------------------------------------- the mention
    def mention(self, chain: list[_Unit]) -> Mention:
        units = [self.unit_attrs(unit, unit is chain[0]) for unit in chain]
        start, end = chain[0].start, chain[-1].end
        top = units[0]
        needs_parent = not top["place_key"] and not top["generic"] \
            and chain[0].suffix in self.ctx.lex.words("SUB_BODY")
        return Mention(type=EntityType.AGENCY, surface=self.text[start:end], start=start, end=end,
                       sentence=self.sent.index, attrs={"units": units, "needs_parent": needs_parent},
                       rule=chain[-1].rule)

    def unit_attrs(self, unit: _Unit, first: bool) -> dict:
        generic = LEVEL_OF_WORD.get(unit.name) if unit.place is None else None
        if first and unit.place is None and unit.name == "":
            # 公安分局局长: a district's branch; 公安局局长: the bureau of the place in focus
            generic = "county" if _kind(unit.suffix) == "分局" else "focus"
        place = unit.place
        return {
            "prefix": self.prefix_at(unit.start) if place else "",
            "surface": unit.written or self.text[unit.start:unit.end],
            "name": _level_char(unit.name) if generic else unit.name,   # 旗委: a 县's
            "suffix": unit.suffix,
            "kind": _kind(unit.suffix),
            "place_key": place.key if place else "",
            "place_name": place.name if place else "",
            "place_surface": place.surface if place else "",
            "generic": generic or "",
        }

    # ------------------------------------------------------------- what the rules say
    def role(self, i: int, action: str) -> bool:
        return _kept(self.ctx, i, i + 1, action) is not None

    def stops(self, start: int | None, end: int) -> bool:
        """Whether a name cannot run over tokens start..end."""
        return start is None or any(self.role(i, "stop") for i in range(start, end))

    def holds(self, body: _Body, action: str) -> Match | None:
        """The first match of a rule of `action` whose `body` is this body word and ends it
        (tried where it can start: the body word, or as many tokens before as the rule reaches)."""
        span, candidates = (body.start, body.end), self.ruleset.candidates(self.ctx)
        for i, rule in _rules_of(self.ruleset, action):
            if i not in candidates:
                continue       # the sentence lacks a word the rule needs
            for pattern in rule.patterns:
                for start in self.tries(pattern, body.start):
                    m = pattern.match_at(self.ctx, start, body.end)
                    if m is not None and m.groups.get("body") == span and rule.applies(m, self.doc):
                        m.rule = rule
                        self.doc.trace.append((rule.id, self.sent.index, *m.span()))
                        return m
        return None

    def tries(self, pattern: Pattern, at: int) -> list[int]:
        """Where a pattern whose `body` is at token `at` may start, nearest first: at the body
        word, or before it where the pattern's first selective element can match."""
        reach = _reach(pattern)
        if reach == 0:
            return [at]
        return [s for s in reversed(pattern.starts(self.ctx)) if at - reach <= s <= at]

    def is_name(self, start: int, end: int, action: str) -> bool:
        """Whether a rule of `action` covers the name in tokens start..end, whole."""
        candidates = self.ruleset.candidates(self.ctx)
        for i, rule in _rules_of(self.ruleset, action):
            if i not in candidates:
                continue       # the sentence lacks a word the rule needs
            for pattern in rule.patterns:
                m = pattern.match_at(self.ctx, start, end)
                if m is not None and rule.applies(m, self.doc):
                    self.doc.trace.append((rule.id, self.sent.index, *m.span()))
                    return True
        return False

    def word(self, body: _Body) -> str:
        return self.text[self.starts[body.start]:self.starts[body.end]]

    def is_word(self, body: _Body, cls: str) -> bool:
        return self.word(body) in self.ctx.lex.words(cls)


# Level words of autonomous divisions, as the level character whose places they are among
# (自治区公安厅: a 省's; resolution looks for a place ending in 省 or 自治区, not in 市).
_LEVEL_OF_AUTONOMOUS = {"自治区": "省", "自治州": "州", "盟": "州", "自治县": "县", "旗": "县"}


def _level_char(written: str) -> str:
    """The level character of a written level (该镇 -> 镇, 区级 -> 区, 我县 -> 县, 自治区 -> 省):
    the place it stands for ends in it."""
    char = written.removeprefix("该").removeprefix("本").removeprefix("我").removesuffix("级")
    return _LEVEL_OF_AUTONOMOUS.get(char, char)


@cache
def _kinds() -> dict[str, str]:
    return dict(entry.split("/") for entry in words("agency_kinds"))


def _kind(suffix: str) -> str:
    """The kind of body a body word names: 公安 and 警方 are a 公安局 (kg/lexicons/agency_kinds.txt)."""
    return _kinds().get(suffix, suffix)


@cache
def _rules_of(ruleset: RuleSet, action: str) -> tuple[tuple[int, Rule], ...]:
    """The rules of one action with their places in the rule set, checked for what the
    grammar assumes of them."""
    found = tuple((i, r) for i, r in enumerate(ruleset.rules) if r.action == action)
    for _, rule in found:
        if action in _KEPT_ACTIONS and any(len(p.elements) != 1 or p.elements[0].zero_width
                                           for p in rule.patterns):
            raise PatternError(f"rule {rule.id}: a rule of `{action}` is one token or word alone")
        if action in _AT_A_BODY_WORD:
            for p in rule.patterns:
                _reach(p)
    return found


@cache
def _openers(ruleset: RuleSet) -> frozenset[int]:
    """The rules an agency starts from (body words, pronouns): a sentence where none can
    match has nothing more to read."""
    return frozenset(i for action in ("body", "pronoun") for i, _ in _rules_of(ruleset, action))


@cache
def _reach(pattern: Pattern) -> int:
    """How many tokens before its `body` a pattern tested at a body word may start."""
    reach = 0
    for el in pattern.elements:
        if el.name == "body":
            return reach
        if el.zero_width is None and (el.unit or el.max is None):
            raise PatternError("a rule tested at a body word needs a bounded width before it")
        reach += 0 if el.zero_width else el.max
    raise PatternError("a rule tested at a body word names its `body`")


@cache
def _known(ruleset: RuleSet) -> dict[tuple, Rule | None]:
    """(action, words, tags) -> the rule of `action` those tokens satisfy (None: no rule)."""
    return {}


def _kept(ctx: Context, start: int, end: int, action: str) -> Rule | None:
    """The rule of `action` that tokens start..end satisfy by themselves (a token's role, a body
    word's needs): asked once per words and tags; the rule is traced wherever it applies."""
    ruleset = rules("agencies")
    known = _known(ruleset)
    sent = ctx.sent
    key = (action, sent.words[start], sent.tags[start]) if end == start + 1 \
        else (action, tuple(sent.words[start:end]), tuple(sent.tags[start:end]))
    if key not in known:
        known[key] = next((r for _, r in _rules_of(ruleset, action)
                           if any((m := p.match_at(ctx, start, end)) and r.applies(m, ctx.doc)
                                  for p in r.patterns)), None)
    rule = known[key]
    if rule is not None:
        ctx.doc.trace.append((rule.id, sent.index, sent.starts[start], sent.starts[end]))
    return rule


# ------------------------------------------------------------------ checks and predicates

@check("after_a_stop_word")
def _after_a_stop_word(match: Match, doc: Doc) -> bool:
    """The match opens the sentence or follows a word a name never runs over (与区委政法委)."""
    ctx = Context(doc, match.sent, lexicon())
    return match.start == 0 or _kept(ctx, match.start - 1, match.start, "stop") is not None


@check("quoted_name_holds_no_stop")
def _quoted_name_holds_no_stop(match: Match, doc: Doc) -> bool:
    ctx = Context(doc, match.sent, lexicon())
    start, end = match.groups["name"]
    return all(_kept(ctx, i, i + 1, "stop") is None for i in range(start, end))


@check("not_a_town_of_the_article")
def _not_a_town_of_the_article(match: Match, doc: Doc) -> bool:
    """横道河子派出所 after 海林市横道河子镇: a town of the article names a station."""
    return match.text() not in _towns(doc)


def _towns(doc: Doc) -> frozenset[str]:
    """The short names of the article's towns (横道河子 of 横道河子镇): they name stations."""
    return frozenset(town_short_name(m.name) for m in doc.spans
                     if m.type is EntityType.PLACE and m.attrs.get("level") == "town")


@token_predicate("holds_a_name_stop")
def _holds_a_name_stop(sent: Sent, i: int) -> bool:
    """The token has a character of NAME_STOP in it (进行, 来自)."""
    stops = lexicon().words("NAME_STOP")
    return any(ch in stops for ch in sent.words[i])


@token_predicate("one_word_with_the_last")
def _one_word_with_the_last(sent: Sent, i: int) -> bool:
    """jieba's dictionary reads this token and the one before it as one word (公安|干警)."""
    return i > 0 and dictionary_tag(sent.words[i - 1] + sent.words[i]) is not None


@token_predicate("ends_a_dictionary_word")
def _ends_a_dictionary_word(sent: Sent, i: int) -> bool:
    """One of jieba's words ends with token i (the 长 of 公安局长, not of 长期)."""
    return sent.starts[i + 1] in sent.cut


@token_predicate("opens_with_a_manner_word")
def _opens_with_a_manner_word(sent: Sent, i: int) -> bool:
    """The token begins with an adverb of manner (高度重视, 大力推进): a predicate, not a name."""
    return sent.words[i].startswith(tuple(lexicon().words("MANNER")))


@check("opens_a_name")
def _opens_a_name(match: Match, doc: Doc) -> bool:
    """The match opens the sentence or follows a word a name never runs over or starts after
    (协同乡综治中心: 协同 joins two bodies; 该镇网格化中心)."""
    ctx = Context(doc, match.sent, lexicon())
    i = match.start - 1
    return i < 0 or any(_kept(ctx, i, i + 1, action) is not None
                        for action in ("stop", "cut", "bridge"))


@check("sets_a_task")
def _sets_a_task(match: Match, doc: Doc) -> bool:
    """What follows the match, past the other bodies above listed with it (、市委, 和省政府)
    and the words before a task (的, 工作, 统一), is a task or paper from above (部署, 要求, 文件):
    中央和省委、市委部署的, 省、市委文件, 省委的决策部署."""
    lex, words, i = lexicon(), match.sent.words, match.end
    for cls in ("BODY_ABOVE", "TASK_MODIFIER"):
        while i < len(words) and words[i] in lex.words(cls):
            i += 1
    return i < len(words) and words[i].startswith(tuple(lex.words("TASK_FROM_ABOVE")))


@token_predicate("level_word")
def _level_word(sent: Sent, i: int) -> bool:
    return sent.words[i] in LEVEL_OF_WORD
