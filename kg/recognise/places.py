"""Places: divisions of China found with the gazetteer, weighed by rules over the tokens.

    candidates   full names and short forms of provinces, cities and counties (one
                 Aho–Corasick automaton over the gazetteer's names); towns and villages
                 (700,000 names) by looking back from their suffix (镇, 乡, 街道, 村, 社区)
    choosing     a name shared by several divisions (鼓楼区, 两间房村) is the one whose
                 ancestors or descendants the article also names (`_Neighbourhood`)
    weighing     the rules of kg/rules/places.yaml read each candidate as a Place span
                 with its words around it: 安宁警方 is the place, 青山绿水 is not
    unlisted     towns and villages written right after their division (海林市横道河子镇),
                 by the same rules, over the places accepted

The neighbourhood is built once per article and answers each question from indexes, so
the work grows with the number of candidates, not with its square.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import cache, cached_property, lru_cache

import ahocorasick

from kg.components import component
from kg.doc import DATELINE, Doc, Sent, make_sent
from kg.gazetteer import LEVELS, Division, gazetteer, town_short_name
from kg.model import EntityType, Mention
from kg.recognise import resolve_overlaps
from kg.recognise.home import home_place
from kg.rules.engine import Context, Match, token_predicate
from kg.rules.lexicon import lexicon
from kg.rules.ruleset import Rule, check, rules
from kg.words import dictionary_tag

# Where a town's or village's name may end; its start is found by looking it up.
_TOWN_OR_VILLAGE_END = re.compile(r"街道|社区|镇|乡|村|苏木|嘎查")
_LOOKBACK = 9                       # the longest town or village name looked for
# 在万庾、三封寺、东山等3个乡镇试点, 朝阳和辛庄两个村: towns or villages listed by their short
# names, the kind after 等 or a count (the last two joined by 、 or a conjunction)
_LISTED_TOWNS = re.compile(r"((?:[\u4e00-\u9fff]{2,4}[、和与及])+(?:(?!等)[\u4e00-\u9fff]){2,4})"
                           r"(?:等(?:[0-9一二三四五六七八九十两]+[个個])?|[0-9一二三四五六七八九十两]+[个個])"
                           r"(乡镇|镇街|镇|乡|街道|行政村|村|社区)")
# the suffixes of the kind a list names (a village of 两个村 is a 村; of 两个社区 a 社区)
_LISTED_SUFFIXES = {"村": ("村",), "行政村": ("村",), "社区": ("社区",)}
# Divisions whose official name is also a common noun (城区 in 阳泉, 矿区, 郊区).
_GENERIC_NAME = re.compile(r"^(?:城区|矿区|郊区|市区|新区|林区|特区)$")
_CODED = ("province", "city", "county")
_OTHER = -9                       # the sentence index of a text outside the article (its publisher)
_BELOW = ("town", "village")
# The actions of kg/rules/places.yaml on a candidate, in the order in which they decide.
# characters that join two bodies in a list (和县 after a body word is 和 + 县)
_CONJUNCTIONS = frozenset("和与及同跟")
_ORDER = ("place", "accept", "reject", "needs_parent", "needs_support", "short_form", "below")


@dataclass
class _Candidate:
    sentence: int
    start: int
    end: int
    surface: str
    divisions: tuple[Division, ...]
    full_name: bool          # the text gives an official name, not a short form
    listed: bool = False     # a town of a list of short names that agree on one county


# ------------------------------------------------------------------ finding
@cache
def _automaton() -> ahocorasick.Automaton:
    gaz = gazetteer()
    auto = ahocorasick.Automaton()
    for name in gaz.names(*_CODED):
        if len(name) >= 2 and not _GENERIC_NAME.match(name):
            auto.add_word(name, name)
    for alias in gaz.by_alias:
        if len(alias) >= 2 and alias not in gaz.by_name:
            auto.add_word(alias, alias)
    auto.make_automaton()
    return auto


@cache
def _openings() -> tuple[frozenset[str], int]:
    """The first two characters of every name the automaton holds, and the longest name
    (every name has two characters or more)."""
    names = list(_automaton().keys())
    return frozenset(name[:2] for name in names), max(map(len, names))


def _window(text: str) -> tuple[int, int]:
    """Where the automaton need look (start, end): from the first place where a name may
    begin to the longest name past the last one ((0, 0) when nothing there begins one).
    Walking the automaton cost more than all else in finding the candidates, and most
    of a sentence holds no name."""
    openings, longest = _openings()
    first = next((i for i in range(len(text) - 1) if text[i:i + 2] in openings), None)
    if first is None:
        return 0, 0
    last = next(i for i in range(len(text) - 2, first - 1, -1) if text[i:i + 2] in openings)
    return first, min(len(text), last + longest)


# The same names come back in every article: look each up in the gazetteer once.
@lru_cache(maxsize=1 << 16)
def _upper(name: str) -> tuple[bool, tuple[Division, ...]]:
    """Whether `name` is a full name, and the provinces, cities and counties it may be."""
    gaz = gazetteer()
    return name in gaz.by_name, tuple(d for d in gaz.lookup(name) if d.level in _CODED)


@lru_cache(maxsize=1 << 17)
def _above(division_id: str) -> tuple[Division, ...]:
    """The divisions above one, parent first (a village of a common name has hundreds of
    namesakes, and each comes back with the name)."""
    return tuple(gazetteer().ancestors(division_id))


@lru_cache(maxsize=1 << 17)
def _above_ids(division_id: str) -> frozenset[str]:
    return frozenset(a.id for a in _above(division_id))


@lru_cache(maxsize=1 << 16)
def _lower(name: str) -> tuple[Division, ...]:
    """Towns and villages of that full name (唐家墩街道 is the gazetteer's 唐家墩街街道)."""
    gaz = gazetteer()
    for form in (name, name[:-2] + "街街道" if name.endswith("街道") else ""):
        if form and form in gaz.by_name:
            found = tuple(d for d in gaz.lookup(form) if d.level in _BELOW)
            if found:
                return found
    return ()


def _candidates(sent: Sent) -> list[_Candidate]:
    """The gazetteer's names in one sentence. Towns and villages may swallow a short form
    (the 月湖 of 望月湖街道) or a village (the 稻香村 of 稻香村街道), not a full name that
    runs across their edge."""
    text = sent.text
    upper: dict[int, _Candidate] = {}              # by start (the automaton's do not overlap)
    lower: dict[int, _Candidate] = {}              # by start (towns do not cross each other)
    taken: list[tuple[int, int] | None] = [None] * len(text)   # char -> the full name over it
    window = _window(text)
    for last, name in _automaton().iter_long(text, *window) if window[1] else ():
        full, divisions = _upper(name)
        if divisions:
            start = last - len(name) + 1
            upper[start] = _Candidate(sent.index, start, last + 1, name, divisions, full)
    _full_over_short(sent, upper, window)
    for cand in upper.values():
        if cand.full_name:
            taken[cand.start:cand.end] = [(cand.start, cand.end)] * (cand.end - cand.start)
    for suffix in _TOWN_OR_VILLAGE_END.finditer(text):
        cand = _town_or_village(sent.index, text, suffix.end(), taken)
        if cand is None:
            continue
        for held in (upper, lower):
            for start in range(cand.start, cand.end):
                if start in held and held[start].end <= cand.end:
                    del held[start]
        lower[cand.start] = cand
        taken[cand.start:cand.end] = [(cand.start, cand.end)] * (cand.end - cand.start)
    for cand in _listed_towns(sent):
        for held in (upper, lower):
            for start in [k for k, c in held.items() if c.start < cand.end and cand.start < c.end]:
                del held[start]
        lower[cand.start] = cand
    return [*upper.values(), *lower.values()]


def _listed_towns(sent: Sent) -> list[_Candidate]:
    """在万庾、三封寺、东山等3个乡镇试点, 朝阳和辛庄两个村: a list that 等 or a count and a kind
    close names towns (or villages) by their short names. Kept only when the items are towns of
    one county (villages of one town) in common (each then reads as its division there; the
    first item may carry words before it: 率先在万庾). Towns of a list place each other; the
    villages of one are as common a name as any and still need their town or county named."""
    out: list[_Candidate] = []
    for found in _LISTED_TOWNS.finditer(sent.text):
        suffixes = _LISTED_SUFFIXES.get(found.group(2))
        items, at = [], found.start(1)
        for i, item in enumerate(_list_items(found.group(1))):
            tails = [item[k:] for k in range(len(item) - 1)] if i == 0 else [item]
            at = sent.text.index(item, at)
            divisions = next(((at + len(item) - len(t), t, ds) for t in tails
                              if (ds := _short_divisions(t, suffixes))), None)
            items.append(divisions)
            at += len(item)
        parents = [{d.parent for d in ds} for _, _, ds in filter(None, items)]
        shared = set.intersection(*parents) if len(parents) >= 2 else set()
        if None in items or not shared:
            continue
        out += [_Candidate(sent.index, start, start + len(short), short,
                           tuple(d for d in ds if d.parent in shared), False,
                           listed=suffixes is None)
                for start, short, ds in items]
    return out


def _list_items(listed: str) -> list[str]:
    """The items of a list: split at 、, and the last two at a conjunction between them
    (朝阳和辛庄; not the 和 of 和平, which opens a name)."""
    items = listed.split("、")
    last = items[-1]
    cut = next((k for k in range(2, len(last) - 1) if last[k] in "和与及"), None)
    return items[:-1] + [last[:cut], last[cut + 1:]] if cut else items


def _short_divisions(short: str, suffixes: tuple[str, ...] | None) -> tuple[Division, ...]:
    """The towns (or, given a village's suffixes, the villages) whose name is `short` and a
    suffix of theirs."""
    if suffixes is None:
        return _short_towns(short)
    return tuple(d for suffix in suffixes for d in _lower(short + suffix) if d.level == "village")


def _short_towns(short: str) -> tuple[Division, ...]:
    """The towns whose name is `short` and a town's suffix (东山: 东山镇, 东山乡 …)."""
    return tuple(d for suffix in ("镇", "乡", "街道") for d in _lower(short + suffix)
                 if d.level == "town")


def _full_over_short(sent: Sent, upper: dict[int, _Candidate], window: tuple[int, int]
                     ) -> None:
    """召开平山县: the longest names from the left read 开平 (a short form) and lose the full
    name 平山县 that starts inside it; a full name that is words of the sentence (召开|平山县)
    takes the place of the short forms it crosses that are not (开平 is cut out of a verb; the
    海城市 of 滨海|城市 is no word and stays out)."""
    edges = set(sent.starts)
    for last, name in _automaton().iter(sent.text, *window) if window[1] else ():
        full, divisions = _upper(name)
        start = last - len(name) + 1
        if not full or not divisions or start in upper or {start, last + 1} - edges:
            continue
        crossed = [c for c in upper.values() if c.start < last + 1 and start < c.end]
        if crossed and not any(c.full_name or {c.start, c.end} <= edges for c in crossed):
            for c in crossed:
                del upper[c.start]
            upper[start] = _Candidate(sent.index, start, last + 1, name, divisions, full)


def _town_or_village(index: int, text: str, end: int, taken: list[tuple[int, int] | None]
                     ) -> _Candidate | None:
    """The longest town or village name ending at `end` that no name taken before crosses
    (a longer name may hold one: 稻香村街道 holds the village 稻香村)."""
    last = taken[end - 1]
    if last is not None and last[1] > end:
        return None
    for start in range(max(0, end - _LOOKBACK), end - 2):
        first = taken[start]
        if first is not None and first[0] < start:
            continue
        divisions = _lower(text[start:end])
        if divisions:
            return _Candidate(index, start, end, text[start:end], divisions, True)
    return None


# ------------------------------------------------------------------ choosing
class _Neighbourhood:
    """The article's candidate names, indexed by the divisions they may name and the
    divisions above those, so that each question about one division is a few look-ups.
    Nothing is asked about a village (only about what is above or below a division), so
    the many readings of a common village name (联合村: hundreds) are not indexed by id."""

    def __init__(self, cands: list[_Candidate]):
        self.readings: dict[str, set[str]] = {}    # surface -> ids of the divisions it may name
        self.naming: dict[str, set[str]] = {}      # id (no village) -> surfaces that may name it
        self.in_full: dict[str, set[str]] = {}     # id -> its full names written
        for c in cands:
            self.readings.setdefault(c.surface, set()).update(d.id for d in c.divisions)
            for d in c.divisions:
                if d.level != "village":
                    self.naming.setdefault(d.id, set()).add(c.surface)
                if c.full_name and d.level in _CODED:
                    self.in_full.setdefault(d.id, set()).add(c.surface)
        self.full_surfaces = {c.surface for c in cands if c.full_name}
        self.home: Division | None = None         # a local site's county the text never names
        self._around: dict[str, set[str]] = {}
        self.chosen: dict[tuple[str, str], Division | None] = {}   # (surface, level) -> division

    @cached_property
    def under(self) -> dict[str, set[str]]:
        """id -> the surfaces that may name a division below it (made when first asked)."""
        out: dict[str, set[str]] = {}
        for surface, ids in self.readings.items():
            for above in frozenset().union(*map(_above_ids, ids)):
                out.setdefault(above, set()).add(surface)
        return out

    def _others(self, division_id: str | None, surface: str) -> bool:
        """Whether a name other than `surface` may name that division."""
        names = self.naming.get(division_id, ())
        return len(names) > (surface in names)

    def parent_named(self, division: Division, surface: str) -> bool:
        return self._others(division.parent, surface)

    def near_parent(self, division: Division, surface: str) -> bool:
        """A town or village counts when its county (or, for a village, town) is named too,
        or is the home of a local site's report."""
        return any(self._others(a.id, surface) or self.home is not None and a.id == self.home.id
                   for a in _above(division.id) if a.level in ("county", "town"))

    def support(self, division: Division, surface: str) -> int:
        """How many other names in the article are this division's ancestors or descendants."""
        around = self._around.get(division.id)
        if around is None:
            below = self.under.get(division.id, ()) if division.level != "village" else ()
            around = set(below).union(*(self.naming.get(a.id, ()) for a in _above(division.id)))
            self._around[division.id] = around
        return len(around) - (surface in around)

    def supported(self, division: Division, surface: str) -> bool:
        return self.support(division, surface) > 0 or bool(
            self.in_full.get(division.id, set()) - {surface}) or self.home is not None and (
            division.id == self.home.id or self.home.id in _above_ids(division.id))


def _choose(cand: _Candidate, near: _Neighbourhood) -> Division | None:
    """The division a name stands for in this article (the same wherever it is written)."""
    if len(cand.divisions) == 1:
        return cand.divisions[0]
    key = (cand.surface, cand.divisions[0].level)
    if key not in near.chosen:
        near.chosen[key] = _best(cand, near)
    return near.chosen[key]


def _best(cand: _Candidate, near: _Neighbourhood) -> Division | None:
    if near.home is not None:        # the one reading in the home of a local site's report
        home = [d for d in cand.divisions if near.home.id in (d.id, *_above_ids(d.id))]
        if len(home) == 1:
            return home[0]
    # A short form of a name the article also gives in full: 承德 after 承德市.
    named = [d for d in cand.divisions if d.name in near.full_surfaces and d.name != cand.surface]
    if len(named) == 1:
        return named[0]
    scored = [(near.support(d, cand.surface), d) for d in named or cand.divisions]
    best = max(s for s, _ in scored)
    if best == 0 and cand.divisions[0].level in _BELOW:
        return None   # a common village name with nothing around it to place it
    # Highest support; then higher level (承德 is the city, not 承德县); then code order.
    return min(scored, key=lambda sd: (-sd[0], LEVELS.index(sd[1].level), sd[1].id))[1]


# ------------------------------------------------------------------ weighing
def _weigh(doc: Doc, picked: list[tuple[_Candidate, Division]], near: _Neighbourhood
           ) -> list[str | None]:
    """For each candidate, the id of the rule that makes it a place (None: it is none)."""
    view = _view(doc, picked)
    contexts: dict[int, Context] = {}
    verdicts: list[str | None] = []
    for (cand, division), span in zip(picked, view.spans):
        ctx = contexts.get(cand.sentence) or contexts.setdefault(
            cand.sentence, Context(view, view.sents[cand.sentence], lexicon()))
        verdicts.append(_verdict(ctx, cand, division, span, near))
    return verdicts


def _verdict(ctx: Context, cand: _Candidate, division: Division, span: Mention,
             near: _Neighbourhood) -> str | None:
    """The rules a candidate could match are tried where it starts, action by action in
    their order; the first that matches decides. Whether each action would make it a place
    is known beforehand (is its city named?), so once no rule left could, none is tried:
    公安 with no 荆州 around is settled when no body follows it."""
    tried = _admitted(division.level, span.attrs["form"], len(cand.surface))
    yes = [_holds(action, cand, division, near) for action, _ in tried]
    token = ctx.sent.token_at(cand.start)
    for k, (action, rule) in enumerate(tried):
        if not any(yes[k:]):
            return None
        if _match_at(rule, ctx, token, "place", span) is not None:
            return rule.id if yes[k] else None
    return None


@lru_cache(maxsize=None)
def _admitted(level: str, form: str, length: int) -> tuple[tuple[str, Rule], ...]:
    """The (action, rule) pairs, in order, whose rule could match a candidate of that level,
    form and length (the ATTRS and `chars` of its `place`)."""
    probe = Mention(EntityType.PLACE, "", 0, length, 0, attrs={"level": level, "form": form})
    by_action = _by_action()
    return tuple((action, rule) for action in _ORDER for rule in by_action.get(action, ())
                 if _fits(rule.chars.get("place"), length)
                 and any(p.admits("place", probe) for p in rule.patterns))


def _fits(chars: tuple[int, int] | None, length: int) -> bool:
    return chars is None or chars[0] <= length <= chars[1]


@cache
def _by_action() -> dict[str, list[Rule]]:
    """The rules of kg/rules/places.yaml by action, in file order."""
    out: dict[str, list[Rule]] = {}
    for rule in rules("places").rules:
        out.setdefault(rule.action, []).append(rule)
    return out


def _match_at(rule: Rule, ctx: Context, token: int | None, part: str, span: Mention
              ) -> Match | None:
    """A match of the rule starting at `token` whose `part` is the span, recorded in the
    doc's trace as RuleSet.matches records its matches (None if there is none)."""
    for pattern in rule.patterns:
        m = pattern.match_at(ctx, token) if token is not None else None
        if m is not None and m.has(part) and m.span(part) == (span.start, span.end) \
                and rule.applies(m, ctx.doc):
            m.rule = rule
            ctx.doc.trace.append((rule.id, ctx.sent.index, *m.span()))
            return m
    return None


def _view(doc: Doc, picked: list[tuple[_Candidate, Division]]) -> Doc:
    """The doc with the candidates as its Place spans (in the order of `picked`), for the
    rules to read. A span must start and end on token boundaries: a sentence where a
    candidate does not is copied and split there (the doc's own sentence keeps its tokens:
    most candidates are no place)."""
    sents = dict(doc.sents)
    for cand, _ in picked:
        sent = sents[cand.sentence]
        if sent is doc.sents[sent.index] and (sent.token_at(cand.start) is None
                                              or sent.token_at(cand.end) is None):
            sents[sent.index] = replace(sent, starts=list(sent.starts), tags=list(sent.tags),
                                        words=list(sent.words), _by_start=None, _positions=None,
                                        _classes=None, _class_starts=None)
    view = Doc(doc.article, sents, trace=doc.trace)
    for cand, division in picked:
        sents[cand.sentence].split_at(cand.start)
        sents[cand.sentence].split_at(cand.end)
        view.spans.append(Mention(EntityType.PLACE, cand.surface, cand.start, cand.end,
                                  cand.sentence, attrs={"level": division.level,
                                                        "form": "full" if cand.full_name else "short"}))
    return view


def _holds(action: str, cand: _Candidate, division: Division, near: _Neighbourhood) -> bool:
    """Whether a candidate the action decides is a place."""
    if action == "reject":
        return False
    if action == "needs_parent":
        return near.parent_named(division, cand.surface)
    if action == "needs_support":
        return near.supported(division, cand.surface)
    if action == "below":
        # a town no other division of the country shares a name with needs no county beside
        # it (a county's site names its towns and rarely itself)
        # (nor does a town of a list whose towns lie in one county: they place each other)
        return near.near_parent(division, cand.surface) or cand.listed \
            or _unique_town(cand, division, near)
    return True


def _unique_town(cand: _Candidate, division: Division, near: _Neighbourhood) -> bool:
    """A town no other division of the country shares a name with needs no county beside it
    (a county's site names its towns and rarely itself), unless the article writes out
    counties and none of them is its own (海林市横道河子镇: another 横道河子镇, not this one)."""
    if division.level != "town" or len(cand.divisions) != 1 or len(cand.surface) < 3:
        return False
    counties = [i for i, names in near.in_full.items() if names and i in _county_ids(near)]
    return not counties or any(i in _above_ids(division.id) for i in counties)


def _county_ids(near: _Neighbourhood) -> frozenset[str]:
    gaz = gazetteer()
    return frozenset(i for i in near.in_full if gaz.get(i).level == "county")


@check("place_inside_a_word")
def _inside_a_word(match: Match, doc: Doc) -> bool:
    """The name starts inside one of jieba's words of the sentence, or begins one that runs
    on past its end (jieba's words, not the tokens: 公安局 is one word, 公安|局 two tokens)."""
    cut = match.sent.cut
    start, end = match.span("place")
    at = bisect_left(cut, start)
    if at == len(cut) or cut[at] != start:
        return True
    return cut[at + 1] > end


@token_predicate("place_in_quotes")
def _in_quotes(sent: Sent, i: int) -> bool:
    """Token i is inside quotes: more of them open than close before it."""
    head = sent.text[:sent.starts[i]]
    return head.count("“") > head.count("”")


@token_predicate("place_name_word")
def _name_word(sent: Sent, i: int) -> bool:
    """A word of two characters or more that is a verb, an adverb or a numeral (推进, 所有)
    is no part of a name; a single character may be (the 兴 of 兴隆村)."""
    return len(sent.words[i]) < 2 or sent.tag(i) not in ("v", "vn", "vd", "d", "m")


# jieba's tags of words that name an act or a quality, not a place (促进, 美丽, 全面)
_PLAIN_TAGS = frozenset({"v", "vn", "vd", "a", "ad", "an", "d"})


@check("place_level_runs_on")
def _level_runs_on(match: Match, doc: Doc) -> bool:
    """A town or village whose name before its level word is one word of jieba's, a verb,
    adjective or adverb, and whose level word begins a longer word of the sentence:
    促进|乡风文明 names no 促进乡, though the gazetteer lists one."""
    start, end = match.span("place")
    return _runs_on(match.sent, start, end)


@check("place_plain_word_name")
def _plain_word_name(match: Match, doc: Doc) -> bool:
    start, end = match.span("place")
    return _plain_name(match.sent.text[start:end])


def _plain_name(name: str) -> bool:
    """The name before its level word is a verb, adjective or adverb of jieba's dictionary
    (促进乡, 胜利乡, 团结村): a word of running text as often as a place's."""
    level = _TOWN_OR_VILLAGE_END.search(name)
    return level is not None and level.end() == len(name) \
        and dictionary_tag(name[:level.start()]) in _PLAIN_TAGS


def _runs_on(sent: Sent, start: int, end: int) -> bool:
    cut = sent.cut
    level = bisect_left(cut, end - 1)
    if level >= len(cut) - 1 or cut[level] != end - 1 or cut[level + 1] <= end:
        return False                          # the level word stands alone or ends the name
    first = bisect_left(cut, start)
    if first >= len(cut) - 1 or cut[first] != start or cut[first + 1] != end - 1:
        return False                          # the rest of the name is not one word
    return dictionary_tag(sent.text[start:end - 1]) in _PLAIN_TAGS


@check("place_common_word")
def _common_word(match: Match, doc: Doc) -> bool:
    """The name is a word of jieba's dictionary, and not a place name there (公安, 青山)."""
    return dictionary_tag(match.text("place")) not in (None, "ns")


@check("place_not_joined_to_a_body")
def _not_joined_to_a_body(match: Match, doc: Doc) -> bool:
    """Not a name of two characters whose first is a conjunction (和, 与, 及) right after a
    body word: 派出所和县公安局 joins two bodies, it names no 和县."""
    start, end = match.span("place")
    text, before = match.sent.text, match.sent.text[:start]
    return not (end - start == 2 and text[start] in _CONJUNCTIONS
                and before.endswith(tuple(lexicon().words("BODY_WORD"))))


@check("place_parent_in_full")
def _parent_in_full(match: Match, doc: Doc) -> bool:
    """The place before is written in full (凌海红和村干部: no address runs on from 凌海)."""
    parent = _span(doc, match, "parent")
    return parent is not None and parent.surface == parent.name


@check("place_listed_elsewhere")
def _listed_elsewhere(match: Match, doc: Doc) -> bool:
    """The village the gazetteer has there is not under the division before (a village's
    key is the path below its county: 130824/两间房乡/两间房村)."""
    parent, village = _span(doc, match, "parent"), _span(doc, match, "place")
    return parent is not None and village is not None \
        and not village.key.startswith(parent.key + "/")


def _span(doc: Doc, match: Match, name: str) -> Mention | None:
    """The place span a named part of the match is (None if it is none)."""
    if not match.has(name):
        return None
    start, end = match.span(name)
    return next((s for s in doc.spans_in(match.sent.index) if s.type is EntityType.PLACE
                 and s.start == start and s.end == end), None)


# ------------------------------------------------------------------ the component
@component("places")
def places(doc: Doc) -> None:
    """Add the article's places (the dateline's only help to place the others)."""
    cands = [c for sent in doc.sents.values() for c in _candidates(sent)]
    near = _Neighbourhood(cands)
    # a town or village named by a plain word (促进|乡风, 胜利乡) is no evidence of the home
    evidence = [c for c in cands if c.divisions[0].level not in _BELOW
                or not _plain_name(c.surface) and not _runs_on(doc.sents[c.sentence], c.start, c.end)]
    home = home_place(doc, evidence, lambda text: _candidates(make_sent(_OTHER, text, lexicon())))
    if isinstance(home.value if home else None, Division):
        near.home = home.value
        doc.mark(home)
    picked = [(c, d) for c in cands if (d := _choose(c, near)) is not None]
    chosen = [(c, d, rule) for (c, d), rule in zip(picked, _weigh(doc, picked, near))
              if rule is not None]
    if near.home is not None:        # a local site's report: short forms of far places doubted
        chosen = [(c, d, rule) for c, d, rule in chosen if c.full_name or _near_home(d, c, near)]
    # 沾益区人民法院西平人民法庭 beside 西平街道: a short form the article gives a town is the town's
    towns = {town_short_name(d.name) for _, d, _ in chosen if d.level == "town"}
    mentions = [_mention(c, d, rule) for c, d, rule in chosen if c.sentence != DATELINE
                and (c.full_name or d.level in _BELOW or c.surface not in towns)]
    if home is not None and isinstance(home.value, str):   # a town the gazetteer cannot place
        mentions += [_unplaced(c) for c in cands if c.surface == home.value]
    for m in resolve_overlaps(mentions):
        doc.add(m)
    _unlisted(doc)
    doc.spans = resolve_overlaps(doc.spans)


def _near_home(division: Division, cand: _Candidate, near: _Neighbourhood) -> bool:
    """Whether a short form may name that division in a report about the home: it lies in
    the home's province, or the article names its neighbours (新城 beside 定海区's 我区 is
    no 新城区 of 呼和浩特)."""
    province = _above(near.home.id)[-1].id if _above(near.home.id) else near.home.id
    return division.id == province or province in _above_ids(division.id) \
        or near.support(division, cand.surface) > 0


def _unplaced(cand: _Candidate) -> Mention:
    """The home town of a report that the gazetteer has several of and nothing places:
    a place under no division (its key is its name)."""
    return Mention(EntityType.PLACE, cand.surface, cand.start, cand.end, cand.sentence,
                   name=cand.surface, key=cand.surface, rule="place.home_by_level",
                   attrs={"level": "town", "adcode": "", "parent_key": "", "unplaced": True})


def _mention(cand: _Candidate, division: Division, rule: str) -> Mention:
    return Mention(EntityType.PLACE, cand.surface, cand.start, cand.end, cand.sentence,
                   name=division.name, key=division.id, rule=rule,
                   attrs={"level": division.level, "adcode": division.adcode,
                          "parent_key": division.parent or ""})


def _unlisted(doc: Doc) -> None:
    """Towns, communities and villages written right after the division they belong to
    (海林市横道河子镇, 望湖街道曙光社区): places under it, even where the gazetteer does not
    list them there. A town found so is tried as a parent in turn (…横道河子镇X村)."""
    rules_here = [*_by_action().get("unlisted", ()), *_by_action().get("relisted", ())]
    parents = sorted((m for m in doc.spans if m.type is EntityType.PLACE
                      and m.attrs["level"] in ("county", "town")),
                     key=lambda m: (m.sentence, m.start), reverse=True)
    contexts: dict[int, Context] = {}
    while parents:
        parent = parents.pop()
        sent = doc.sents[parent.sentence]
        ctx = contexts.get(sent.index) or contexts.setdefault(
            sent.index, Context(doc, sent, lexicon()))
        m = next((m for rule in rules_here if (m := _match_at(
            rule, ctx, sent.token_at(parent.start), "parent", parent)) is not None), None)
        if m is None:
            continue
        listed, end = _span(doc, m, "place"), m.span()[1]
        if listed is not None:
            doc.spans.remove(listed)
        name = sent.text[parent.end:end]
        place = doc.add(Mention(EntityType.PLACE, name, parent.end, end, sent.index, name=name,
                                key=f"{parent.key}/{name}", rule=m.rule.id,
                                attrs={"level": m.rule.args["level"], "adcode": "",
                                       "parent_key": parent.key}))
        del contexts[sent.index]           # the sentence has a new span (and maybe new tokens)
        if place.attrs["level"] == "town":
            parents.append(place)
