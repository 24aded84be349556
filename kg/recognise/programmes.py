"""Programmes: named initiatives, mostly quoted and followed by a cue word.

`“织网扎根”工程` gives 织网扎根 (alias 织网扎根工程); `“警令”APP` gives 警令APP. Every lexical
decision is a rule of kg/rules/programmes.yaml; this module turns the matches into mentions:

1. quoted phrases (`quote`) become units that the other patterns see as `{ENT: Quote}`;
   the verdict rules (`reject`, `accept`) judge each: the first in the file that touches it
   decides. Undecided quotes count when they stand in a run of quotes with a sure programme,
   or beside a name the article gives a programme elsewhere;
2. names without quotes (`unquoted`) and the items of lists ending in 等…行动 (`list`, `item`),
   where no quoted programme is;
3. a short modifier before a name the article also writes alone is that programme
   (交通融警务站 beside 融警务站);
4. the names found are units `{ENT: Named}` that `repeat` rules find again elsewhere in the
   article (“共享法庭”建设 … 塘下镇“共享法庭”设立以来).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache

import ahocorasick

from kg.components import component
from kg.doc import Doc, Sent
from kg.model import TITLE_SENTENCE, EntityType, Mention
from kg.recognise import resolve_overlaps
from kg.rules.engine import Context, Match, token_predicate
from kg.rules.lexicon import lexicon
from kg.rules.ruleset import Rule, RuleSet, check, rules
from kg.words import dictionary_tag, frequency

_BRACKETED = re.compile(r"[（(][^）)]*[）)]")
_NUMBER = re.compile("^[一二三四五六七八九十两双]+")
_TAIL = re.compile("[\u4e00-\u9fffA-Za-z]{1,10}")     # the words after a quote, to the next mark
_QUALITIES = re.compile("^(?:[\u4e00-\u9fff]{1,3}[化性]){2}")   # 专业化, 综合性: words of quality
_EVERYDAY = 1000                       # jieba's count of a word every report uses (交通, 安全)
QUOTE, NAMED = "Quote", "Named"        # the labels of this component's units in patterns


def programme_key(name: str) -> str:
    """一村(居)一警 and 一村一警 are one programme."""
    return _BRACKETED.sub("", name).replace(" ", "")


# ------------------------------------------------------------------ units and predicates

@dataclass(eq=False)
class Unit:
    """A phrase the rules here see as one unit (`{ENT: Quote}`, `{ENT: Named}`) beside the doc's
    spans; it is no span of the doc, so no later component sees it."""

    start: int
    end: int
    attrs: dict                                # {"text": the phrase without its marks}

    @property
    def text(self) -> str:
        return self.attrs["text"]


class _WithUnits(Context):
    """A sentence as the matcher reads it, with this component's units among the spans."""

    def __init__(self, doc: Doc, sent: Sent, units: dict[str, list[Unit]]):
        super().__init__(doc, sent, lexicon())
        self.units = units

    def _read_spans(self) -> dict[str, dict[int, list]]:
        out = super()._read_spans()            # the doc's spans, as the base class reads them
        for label, units in self.units.items():
            for unit in units:
                out.setdefault(label, {}).setdefault(unit.start, []).append(unit)
        return out


def _ends_with(cls: str) -> Callable[[Sent, int], bool]:
    """Whether the text up to the end of token i ends with an entry of lexicon class `cls`
    (the entry may start inside an earlier token: 一网通|办 ends with 通办)."""
    def test(sent: Sent, i: int) -> bool:
        entries, lengths = _entries(cls)
        end, text = sent.starts[i + 1], sent.text
        for n in lengths:                      # (shortest first)
            if n > end:
                return False
            if text[end - n:end] in entries:
                return True
        return False
    return test


@cache
def _entries(cls: str) -> tuple[frozenset[str], tuple[int, ...]]:
    """The class's entries and their lengths, shortest first."""
    entries = lexicon().words(cls)
    return entries, tuple(sorted({len(w) for w in entries}))


token_predicate("ends_like_a_verb")(_ends_with("PROGRAMME_VERB"))
token_predicate("ends_like_a_body")(_ends_with("PROGRAMME_BODY_END"))
token_predicate("ends_like_a_programme")(_ends_with("PROGRAMME_END"))
token_predicate("ends_like_a_description")(_ends_with("PROGRAMME_GENERIC_END"))
token_predicate("ends_like_an_image")(_ends_with("PROGRAMME_IMAGE_VERB"))


@token_predicate("in_headline")
def _in_headline(sent: Sent, i: int) -> bool:
    """Whether the token stands in the headline, where a quote before a verb names what the story
    is about (in the body such a quote is as often a slogan said again)."""
    return sent.index == TITLE_SENTENCE


@check("no_slogan")
def _no_slogan(m: Match, doc: Doc) -> bool:
    """The name (or list item) found is not a set phrase: 一体化平台, but 智慧车联一体化平台."""
    found = m.text("name") or m.text("item")
    return found not in lexicon().words("PROGRAMME_SLOGAN")


@check("parts_are_posts")
def _parts_are_posts(m: Match, doc: Doc) -> bool:
    """Every part of a quote joined by + is a post or a kind of staff (主任+副主任+工作人员)."""
    parts = m.text().strip("“”\"「」‘’").split("+")
    return all(part in lexicon().words("TITLE") for part in parts)


@check("quote_is_an_idiom")
def _quote_is_an_idiom(m: Match, doc: Doc) -> bool:
    """The quoted phrase is one idiom of jieba's dictionary (tag i: 一网打尽, 对症下药)."""
    return dictionary_tag(m.text().strip("“”\"「」‘’")) == "i"


@check("no_description")
def _no_description(m: Match, doc: Doc) -> bool:
    """The name does not open with two words of quality (专业化一体化综合性矛调化解平台): such a
    name describes what a thing is like, it does not name it (立体化大巡防体系 has one only)."""
    return not _QUALITIES.match(m.text("name"))


@check("a_name_not_a_phrase")
def _a_name_not_a_phrase(m: Match, doc: Doc) -> bool:
    """The words found without quotes (NAME name or item) name one thing: no 的 or 和 in them
    (信息数据引领的现代警务, 城管和警务平台 describe or join), no verb acting on the words after it
    (整合智慧警务: the verb governs the list; 扫黑除恶 is verb and verb), and not one everyday
    word alone (交通: a field of work)."""
    start, end = m.groups.get("name") or m.groups["item"]
    tags, words = m.sent.tags[start:end], m.sent.words[start:end]
    if any(tag in ("uj", "c") for tag in tags):
        return False
    if len(tags) > 1 and tags[0] == "v" and (tags[1] or "").startswith("n"):
        return False
    return not (len(words) == 1 and frequency(words[0]) >= _EVERYDAY)


@check("no_name_after")
def _no_name_after(m: Match, doc: Doc) -> bool:
    """The words after the quote (up to the next mark, 的 aside) do not end like a programme:
    “541”诉源治理工作法 names a method whose name is the number; “74岁”的派出所 names none."""
    tail = _TAIL.match(m.sent.text, m.span()[1])
    if tail is None or tail.group().startswith("的"):
        return True
    # (a one-character end such as 码 is too loose here: “12345”这个号码)
    entries = tuple(w for w in _entries("PROGRAMME_END")[0] if len(w) > 1)
    return not tail.group().endswith(entries)


@check("counted_name")
def _counted_name(m: Match, doc: Doc) -> bool:
    """The name found is a number word that names a whole of parts (四联, 三防), not a count of
    things (三项, 四位一体: a PROGRAMME_COUNTER after the number)."""
    name = m.text("name")
    number = _NUMBER.match(name)
    return number is not None and not name[number.end():].startswith(
        tuple(lexicon().words("PROGRAMME_COUNTER")))


# ------------------------------------------------------------------ the component

# The actions a sentence's programmes start from (the others run on their matches): a
# sentence where none may match has none, and no context is made for it (4 sentences in 10).
_OPENING = ("quote", "unquoted", "list")


@component("programmes")
def programmes(doc: Doc) -> None:
    ruleset = rules("programmes")
    found: list[Mention] = []
    undecided: list[tuple[Mention, set[str]]] = []
    for sent in doc.body():
        if any(ruleset.may_match(sent, action) for action in _OPENING):
            undecided += _sentence(doc, sent, ruleset, found)
    found += _beside_known(found, undecided)
    _add(doc, _merge_abbreviated(_merge_modified(found)))
    _add(doc, _repeated(doc, ruleset))


def _beside_known(found: list[Mention], undecided: list[tuple[Mention, set[str]]]) -> list[Mention]:
    """把“街长制”与“警网融合”结合起来: an undecided quote beside a programme the article names
    elsewhere is one too; the rule that found that programme decided this one."""
    known = {alias: m for m in found for alias in (m.name, *m.attrs.get("aliases", ()))}
    out = []
    for m, mates in undecided:
        mate = next((known[name] for name in mates if name in known), None)
        if mate is not None:
            m.rule = mate.rule
            out.append(m)
    return out


def _sentence(doc: Doc, sent: Sent, ruleset: RuleSet,
              found: list[Mention]) -> list[tuple[Mention, set[str]]]:
    """Add the sentence's programmes to `found`; return its undecided quotes with the phrases
    quoted beside them."""
    ctx = ruleset.context(doc, sent)
    quotes = _quotes(ctx, ruleset)
    quoted: list[Mention] = []
    pending: list[tuple[Mention, set[str]]] = []
    if quotes:
        ctx = _WithUnits(doc, sent, {QUOTE: [q.unit for q in quotes]})
        quoted, pending = _quoted(ctx, ruleset, quotes)
    found += quoted + _unquoted(ctx, ruleset, taken=quoted)
    return pending


def _add(doc: Doc, mentions: list[Mention]) -> None:
    """Keep the longest of overlapping mentions (as every recogniser does); the edges of the
    new ones kept become token boundaries."""
    new = {id(m) for m in mentions}
    doc.spans = resolve_overlaps(doc.spans + mentions)
    for m in doc.spans:
        if id(m) in new:
            doc.sents[m.sentence].split_at(m.start)
            doc.sents[m.sentence].split_at(m.end)


def _mention(sent: Sent, start: int, end: int, name: str, aliases: Iterable[str],
             rule: Rule) -> Mention:
    return Mention(EntityType.PROGRAMME, sent.text[start:end], start, end, sent.index, name=name,
                   key=programme_key(name), attrs={"aliases": list(dict.fromkeys(aliases))},
                   rule=rule.id)


# ------------------------------------------------------------------ quoted

@dataclass
class _Quote:
    unit: Unit
    run: int                                   # quotes of one run share it
    verdict: Rule | None = None                # the `judge` rule that decided
    cue: tuple[int, bool] | None = None        # (end of the cue, whether the name keeps it)
    prefixes: list[str] = field(default_factory=list)

    @property
    def accepted(self) -> bool:
        return self.verdict is not None and self.verdict.args.get("verdict") == "accept"


def _quoted(ctx: Context, ruleset: RuleSet,
            quotes: list[_Quote]) -> tuple[list[Mention], list[tuple[Mention, set[str]]]]:
    """The quoted programmes of one sentence, and its undecided quotes with the phrases quoted
    beside them."""
    _judge(ctx, ruleset, quotes)
    _prefix(ctx, ruleset, quotes)
    found, pending = [], []
    for q in quotes:
        if q.accepted:
            found.append(_quote_mention(ctx.sent, q, q.verdict, with_cue=True))
            continue
        run = [r for r in quotes if r.run == q.run and r is not q]
        if q.verdict is not None or not run:
            continue
        vouching = next((r.verdict for r in run if r.accepted and r.verdict.args.get("vouches")),
                        None)
        if vouching is not None:          # “24小时警局”“雪亮工程”“云眼卫士”
            found.append(_quote_mention(ctx.sent, q, vouching, with_cue=False))
        else:                             # its rule is settled by _beside_known
            mention = _quote_mention(ctx.sent, q, ruleset.by_id("programme.quoted"), with_cue=False)
            pending.append((mention, {r.unit.text for r in run}))
    return found, pending


def _quotes(ctx: Context, ruleset: RuleSet) -> list[_Quote]:
    """The quoted phrases, each with the run of quotes side by side it belongs to."""
    out: list[_Quote] = []
    for m in ruleset.matches(ctx, "quote"):
        start, end = m.span()
        run = len(out) if not out else out[-1].run + (start - out[-1].unit.end > 1)
        out.append(_Quote(Unit(start, end, {"text": m.text("inner").strip()}), run))
    return out


def _judge(ctx: Context, ruleset: RuleSet, quotes: list[_Quote]) -> None:
    """Each quote's verdict (the first `judge` rule in the file that touches it) and its cue
    (the longest word after it that a `cue` rule, or a `judge` rule with `cue: true`, matched)."""
    for m in ruleset.matches(ctx, "cue"):
        _take_cue(m, quotes)
    for m in ruleset.matches(ctx, "judge"):           # rule by rule, in file order
        if m.rule.args.get("cue"):
            _take_cue(m, quotes)
        for q in _covered(m, quotes):
            q.verdict = q.verdict or m.rule
        if all(q.verdict for q in quotes):
            break                                     # no later rule can change a verdict


def _take_cue(m: Match, quotes: list[_Quote]) -> None:
    start, end = m.span()
    q = next(q for q in quotes if q.unit.start == start)
    if q.cue is None or end > q.cue[0]:
        q.cue = (end, bool(m.rule.args.get("keep")))


def _covered(m: Match, quotes: list[_Quote]) -> list[_Quote]:
    """The quotes the match touches, or (`scope: run`) every quote of their runs."""
    start, end = m.span()
    inside = [q for q in quotes if start < q.unit.end and q.unit.start < end]
    if m.rule.args.get("scope") != "run":
        return inside
    runs = {q.run for q in inside}
    return [q for q in quotes if q.run in runs]


def _prefix(ctx: Context, ruleset: RuleSet, quotes: list[_Quote]) -> None:
    """The words before a quote that make another alias of it (`prefix`: 新时代“枫桥经验”)."""
    for m in ruleset.matches(ctx, "prefix"):
        q = next((q for q in quotes if q.unit.end == m.span()[1]), None)
        if q is not None:
            q.prefixes.append(m.text("prefix"))


def _quote_mention(sent: Sent, q: _Quote, rule: Rule, with_cue: bool) -> Mention:
    """The programme a quote names: the phrase, with its cue if a rule accepted it itself."""
    inner, start, end = q.unit.text, q.unit.start, q.unit.end
    name, aliases = inner, [inner]
    if with_cue and q.cue is not None:
        cue_end, keep = q.cue
        word = sent.text[end:cue_end]
        name = inner + word if keep else inner
        aliases.append(inner + word)
        end = cue_end
    aliases += [prefix + inner for prefix in q.prefixes]
    return _mention(sent, start, end, name, aliases, rule)


# ------------------------------------------------------------------ unquoted

def _unquoted(ctx: Context, ruleset: RuleSet, taken: list[Mention]) -> list[Mention]:
    """Names without quotes after launch verbs, and listed before 等…行动, where no quoted
    programme (or earlier such name) is."""
    spans = [(m.start, m.end) for m in taken]
    out = []
    for m in [*_named(ctx, ruleset), *_listed(ctx, ruleset)]:
        if not any(m.start < e and s < m.end for s, e in spans):
            out.append(m)
            spans.append((m.start, m.end))
    return out


def _named(ctx: Context, ruleset: RuleSet) -> Iterable[Mention]:
    for m in ruleset.matches(ctx, "unquoted"):
        start, end = m.span("name")[0], m.span()[1]
        head_start = m.span("head")[0] if m.has("head") else end
        full, bare = ctx.sent.text[start:end], ctx.sent.text[start:head_start]
        generic = m.rule.args.get("drop_heads")
        name = bare if generic and m.text("head") in lexicon().words(generic) else full
        yield _mention(ctx.sent, start, end, name, [full, bare], m.rule)


def _listed(ctx: Context, ruleset: RuleSet) -> list[Mention]:
    """The items of each list (from its start to its 等), each its own programme."""
    lists = [(m.span()[0], m.span("deng")[0]) for m in ruleset.matches(ctx, "list")]
    if not lists:
        return []
    out = []
    for m in ruleset.matches(ctx, "item"):
        start, end = m.span("item")
        if any(s <= start and end <= e for s, e in lists):
            item = m.text("item")
            out.append(_mention(ctx.sent, start, end, item, [item], m.rule))
    return out


# ------------------------------------------------------------------ forms of one name

def _merge_modified(mentions: list[Mention]) -> list[Mention]:
    """交通融警务站 beside 融警务站 in one article: a short modifier before a known name is one programme."""
    names = {m.key: m.name for m in mentions}
    for m in mentions:
        for other in list(names):
            if other != m.key and m.key.endswith(other) and 0 < len(m.key) - len(other) <= 2 \
                    and len(other) >= 3:
                m.attrs["aliases"] = [*m.attrs.get("aliases", []), m.name]
                m.name, m.key = names[other], other
                break
    return mentions


def _merge_abbreviated(mentions: list[Mention]) -> list[Mention]:
    """“智安小区” in a headline beside 智慧安防小区 in the text: a name whose characters are those
    of a longer name of the article, in order, opening with its first character and ending on
    its head (the last two), is its short form; so is the brand without the kind of area it
    makes (“智慧安防”延伸到农村 beside 智慧安防小区). The long name is the programme's name."""
    names = {m.key: m.name for m in mentions}
    areas = tuple(lexicon().words("PROGRAMME_AREA"))
    for m in mentions:
        full = next((k for k in names if len(k) >= len(m.key) + 2 and len(m.key) >= 3
                     and k[0] == m.key[0] and (k[-2:] == m.key[-2:] and _in_order(m.key, k)
                                               or k.endswith(areas) and k[:-2] == m.key)), None)
        if full is not None:
            m.attrs["aliases"] = [*m.attrs.get("aliases", []), m.name]
            m.name, m.key = names[full], full
    return mentions


def _in_order(short: str, long: str) -> bool:
    """Whether the characters of `short` stand in `long` in the same order."""
    rest = iter(long)
    return all(char in rest for char in short)


def _repeated(doc: Doc, ruleset: RuleSet) -> list[Mention]:
    """The article's programme names wherever the `repeat` rules find them again."""
    named = {m.name: m for m in doc.spans if m.type is EntityType.PROGRAMME}
    if not named:
        return []
    finder = _finder(named)
    seen = {(m.sentence, m.start, m.end) for m in doc.spans if m.type is EntityType.PROGRAMME}
    covered = {(m.sentence, i) for m in doc.spans if m.type is EntityType.PROGRAMME
               for i in range(m.start, m.end)}
    out = []
    for sent in doc.body():
        # a name written inside a programme mention is that mention (the name as first found)
        units = [u for u in _occurrences(sent, finder) if (sent.index, u.start) not in covered]
        if not units:
            continue
        for unit in units:                # whole tokens, so that patterns read each as a unit
            sent.split_at(unit.start)
            sent.split_at(unit.end)
        ctx = _WithUnits(doc, sent, {NAMED: units})
        last = 0
        for m in sorted(ruleset.matches(ctx, "repeat"), key=lambda m: (m.span()[0], -m.span()[1])):
            start, end = m.span()
            if start < last:
                continue
            last = end                    # the longest form here, even if already a mention
            if (sent.index, start) in covered or (sent.index, start, end) in seen:
                continue
            first = named[m.text("name")]
            out.append(Mention(EntityType.PROGRAMME, m.text(), start, end, sent.index,
                               name=first.name, key=first.key, rule=m.rule.id))
    return out


def _finder(names: Iterable[str]) -> ahocorasick.Automaton:
    """A phrase matcher of the article's names (the lexicon's automata hold general words only)."""
    auto = ahocorasick.Automaton()
    for name in names:
        auto.add_word(name, name)
    auto.make_automaton()
    return auto


def _occurrences(sent: Sent, finder: ahocorasick.Automaton) -> list[Unit]:
    """Where the names are written in the sentence (longest first, not overlapping)."""
    return [Unit(last + 1 - len(name), last + 1, {"text": name})
            for last, name in finder.iter_long(sent.text)]
