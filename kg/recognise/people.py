"""People: bylines, and names that a cue around them marks as a person.

The cues are the rules of kg/rules/people.yaml: a title or a word that shows a person before
the name (`民警罗义`, `村民李秀英`, `家住…的王云`), a verb of saying after it (`黄树伶说`), or both
(`在孙建平看来`, `王正奎、盛红菊等`). Whether the characters after a surname are a name or
ordinary words (`群众安全感`, `简单来说`, `志愿者和救援协会` hold no one) is for jieba's
dictionary: the sentence's own tokens, the frequencies and tags of words (the checks below).

Web prose adds its own cues (rules of the same file): names written by sound, their parts
joined by a middle dot (夏提克·拜木哈买提) or not (民警敖特根巴图), the first part alone naming
the same person later; a post in apposition (王芳，…社区党委书记，) or in brackets; a name
then a title (临岐司法所姚志刚所长), 同志, 等5名 or a photo's （右一）after it; photo credits
(王明摄) and lines of credits set apart by spaces (吴宇 陆翠 毛晓华).

What a person's mention carries (`attrs`): a title right before the name is its `role`
(holdsPost: `副市长、公安局局长王巧全`); a post stated after the name (`杜伟是…派出所的副所长`,
`陈剑锋现任…科科长`) is `post`, its offset in the sentence `post_start`; names known only by a
surname and 某/女士/老 are `anonymous` (optional in the guidelines); photographers credited
with 摄 are people of the article too (`photographer`, in the headline's place).

Two components: `people` finds the names, `repeated_names` finds each of them again wherever
else the article writes it.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from kg.components import component
from kg.doc import Doc, Sent
from kg.lexicons import sections
from kg.model import Article, EntityType, Mention, TITLE_SENTENCE
from kg.recognise import resolve_overlaps
from kg.rules.engine import Context, Match, token_predicate
from kg.rules.lexicon import lexicon
from kg.rules.ruleset import RuleSet, check, rules
from kg.words import dictionary_tag, frequency

Taken = list[tuple[int, int, bool]]   # the sentence's other mentions: start, end, is a place

# What may stand right after a name and end it: a punctuation mark, or the sentence's end.
_STOPS = frozenset("，。！？；：、”）)")
# The middle dots that join the parts of a name written by sound (阿不都热合曼·买买提).
_DOTS = frozenset("·・•‧∙")
_DOT = re.compile(f"[{''.join(sorted(_DOTS))}]")
# A dictionary word of this frequency or more (and not a name) at the name's place
# means the text is that word, not a name: 安全感, 简单(来说), 关注(问题).
_COMMON_WORD = 100
# jieba tags many plain words nr (辛勤 1342, 呼唤 667): a "name" this frequent is a word.
_COMMON_NAME = 500
# A word this frequent that ends in a verb of saying (听说 5887, 据说, 所说) is that word, not a
# name's last character and the verb (明说 113 of 蔡小明说 is).
_SAID_WORD = 1000
# A word covering the whole candidate needs less: 任组长 (31) in 局长任组长.
_WHOLE_WORD = 10
# A surname character that is itself a frequent non-name word (和, 都, 全, 来 …) only
# starts a three-character name when the last two are not a word: 和窗口, 全覆盖.
_FUNCTION_SURNAME = 3000
_GIVEN_WORD = 50
# A function word in the given name's place (张亲自上门, 李正在值班) is that word when it
# is a frequent one (亲自 5315, 亲手 747); 立新 (51) of 程立新 is a given name.
_GIVEN_FUNCTION_WORD = 500
# jieba tags of adverbs, prepositions, conjunctions, particles, pronouns, numerals,
# measure words, time and place words: no given name reads as one of these.
_FUNCTION_TAGS = ("d", "p", "c", "u", "r", "m", "q", "t", "f")


# ------------------------------------------------------------------ the components

@component("people")
def people(doc: Doc) -> None:
    """The names of the body's sentences (each rule's action says where the name is), then
    the photographers; the longest of overlapping mentions stays.

    The rules of action `next_name` run again for each name found (it can go on to the next
    of its list). Names join the doc's spans without splitting tokens until all are found:
    the tokens, and what the matcher knows of them, hold for every round."""
    ruleset = rules("people")
    found = [m for sent in doc.body()
             for m in _found(doc, ruleset.context(doc, sent), ruleset)]
    while found:
        doc.spans = doc.spans + found
        known = {(m.sentence, m.start, m.end) for m in doc.spans if m.type is EntityType.PERSON}
        found = [m for index in sorted({m.sentence for m in found})
                 for m in _found(doc, ruleset.context(doc, doc.sents[index]), ruleset,
                                 "next_name")
                 if (m.sentence, m.start, m.end) not in known]
    doc.spans = resolve_overlaps(doc.spans + _credits(doc.article))
    _share_roles(doc)
    for m in doc.spans:        # the names that stay: their edges become token boundaries
        if m.type is EntityType.PERSON and m.sentence in doc.sents:
            doc.sents[m.sentence].split_at(m.start)
            doc.sents[m.sentence].split_at(m.end)


@component("repeated_names")
def repeated_names(doc: Doc) -> None:
    """A name said once with its cue is a name wherever else the article writes it, the
    headline too. (Those mentions also let the overlap step drop place short forms that are
    really the start of a name: the 凌海 of 凌海红.) A name by sound is also written by its
    first part alone (夏提克 of 夏提克·拜木哈买提: the same person), and a name read short
    where the article writes it longer elsewhere (民警王国相与: jieba reads 相与) is the
    longer one."""
    persons = [m for m in doc.spans
               if m.type is EntityType.PERSON and not m.attrs.get("anonymous")]
    firsts = _first_parts(persons)
    for m in persons:
        if m.surface in firsts:
            m.name, m.key = firsts[m.surface].name, firsts[m.surface].key
    # first parts of three characters or more are looked for too (巴特尔, not 艾力)
    known = {**{f: m for f, m in firsts.items() if len(f) >= 3},
             **{m.surface: m for m in persons if len(m.surface) >= 2}}
    if not known:
        return
    at = {(m.sentence, m.start): m for m in doc.spans if m.type is EntityType.PERSON}
    # a plain search of the text, not of the tokens: jieba may read a name into its
    # neighbours (凌海|红), and the name is the article's own, in no lexicon
    pattern = re.compile("|".join(map(re.escape, sorted(known, key=len, reverse=True))))
    found = []
    for sent in doc.body():
        for hit in pattern.finditer(sent.text):
            same, there = known[hit.group()], at.get((sent.index, hit.start()))
            if there is None:
                found.append(Mention(EntityType.PERSON, hit.group(), hit.start(), hit.end(),
                                     sent.index, name=same.name, key=same.key, rule=same.rule))
            elif there.end < hit.end() and not there.attrs.get("anonymous"):
                there.surface, there.end, there.name, there.key = \
                    hit.group(), hit.end(), same.name, same.key
    doc.spans = resolve_overlaps(doc.spans + found)


def _first_parts(persons: list[Mention]) -> dict[str, Mention]:
    """The first part of each name by sound (the given name: 夏提克 of 夏提克·拜木哈买提), two
    characters or more, and the mention of the whole name."""
    out: dict[str, Mention] = {}
    for m in persons:
        first = _DOT.split(m.surface)[0]
        if first != m.surface and len(first) >= 2:
            out.setdefault(first, m)
    return out


def _found(doc: Doc, ctx: Context, ruleset: RuleSet, action: str | None = None
           ) -> list[Mention]:
    """The people the rules (of `action`; by default all but `next_name`) name in one
    sentence, one mention per span."""
    found = ruleset.matches(ctx, action) if action else \
        ruleset.of_actions(ctx, ruleset.actions - {"next_name"})
    return _merged(m for match in found for m in _mentions(doc, match))


def _merged(mentions: Iterable[Mention]) -> list[Mention]:
    """One mention per span, with what every rule said about it (role, post …): the first
    rule's word stands."""
    by_span: dict[tuple[int, int], Mention] = {}
    for m in mentions:
        kept = by_span.setdefault((m.start, m.end), m)
        if kept is not m:
            kept.attrs = {**m.attrs, **kept.attrs}
    return list(by_span.values())


def _mentions(doc: Doc, match: Match) -> list[Mention]:
    """The people a rule's match names, as its action says."""
    sent, action, rule = match.sent, match.rule.action, match.rule.id
    taken = _taken(doc, sent)
    if action == "list":
        return [_person(sent.index, start, name, rule, {})
                for start, name in listed_names(match, taken)]
    if action in ("name_after", "next_name"):
        start = match.span()[1]
        name = read_name(sent, start, taken, cued_start=match.has("role"),
                         listed=_listed(match, doc))
    elif action == "name_before":
        start, name = name_ending(sent, match.span("name")[1], taken, match.span("name")[0])
    else:
        start, end = match.span("name") if match.has("name") else match.span()
        name = sent.text[start:end]
    attrs: dict = {"anonymous": True} if action == "anonymous" else {}
    if match.has("role"):
        attrs.update(role=match.text("role"), role_start=match.span("role")[0])
    if match.has("post"):
        attrs.update(post=match.text("post"), post_start=match.span("post")[0])
    return [_person(sent.index, start, name, rule, attrs)] if name else []


def _share_roles(doc: Doc) -> None:
    """A name joined by 、 to a titled one before it holds the same title: the items of a list
    after one title share it (市政协副主席吴玉华、赵晓平、侯富林; 县政协副主席周某、单某等; 民警
    刘洋、陈刚); 和 may join a name of another post (局长张三和李四 need not be two 局长), so it
    shares nothing."""
    by_end = {(m.sentence, m.end): m for m in doc.spans if m.type is EntityType.PERSON}
    for m in sorted(by_end.values(), key=lambda m: (m.sentence, m.start)):
        before = by_end.get((m.sentence, m.start - 1))
        text = doc.sents[m.sentence].text if m.sentence in doc.sents else ""
        if before is not None and "role" in before.attrs and "role" not in m.attrs \
                and text[m.start - 1:m.start] == "、":
            role = before.attrs["role"]
            m.attrs = {**m.attrs, "role": role,
                       "role_start": before.attrs.get("role_start", before.start - len(role))}


def _person(sentence: int, start: int, name: str, rule: str, attrs: dict) -> Mention:
    return Mention(EntityType.PERSON, name, start, start + len(name), sentence,
                   name=name, key=name, attrs=attrs, rule=rule)


def _credits(article: Article) -> list[Mention]:
    """Photographers (`黄辉延 摄`): people of the article with no place in its text."""
    end = len(article.title)
    return [Mention(EntityType.PERSON, name, end, end, TITLE_SENTENCE, name=name, key=name,
                    attrs={"photographer": True})
            for name in article.photographers if name not in article.reporters]


def _taken(doc: Doc, sent: Sent) -> Taken:
    return [(m.start, m.end, m.type is EntityType.PLACE) for m in doc.spans_in(sent.index)
            if m.type is not EntityType.PERSON]


# ------------------------------------------------------------------ checks of the rules

@check("name_follows")
def _name_follows(match: Match, doc: Doc) -> bool:
    """A name starts where the match ends (after a captured title: even where jieba reads
    across the title's end)."""
    return bool(read_name(match.sent, match.span()[1], _taken(doc, match.sent),
                          cued_start=match.has("role"), listed=_listed(match, doc)))


def _listed(match: Match, doc: Doc) -> bool:
    """Whether the match goes on from a name to the next of a list joined by 、."""
    comma = match.span()[1] - 1
    return match.sent.text[comma:comma + 1] == "、" and any(
        m.type is EntityType.PERSON and m.end == comma for m in doc.spans_in(match.sent.index))


@check("a_name")
def _a_name(match: Match, doc: Doc) -> bool:
    """The captured `name` is a name, its end given by the cue after it."""
    start, end = match.span("name")
    return read_name(match.sent, start, _taken(doc, match.sent), ends=(end,),
                     cued_end=True) == match.text("name")


@check("name_ends")
def _name_ends(match: Match, doc: Doc) -> bool:
    """A name ends where the captured `name` ends (the cue after it says so)."""
    start, end = match.span("name")
    return bool(name_ending(match.sent, end, _taken(doc, match.sent), start)[1])


@check("long_name")
def _long_name(match: Match, doc: Doc) -> bool:
    """A name of four or five characters (吉克阿依, 乌云其其格): no verb of saying inside it,
    no character no name holds (but 其), no adverb of two characters or more inside it (the
    name ends where the adverb begins: 局长彭某某非常感慨), and no shorter name already
    followed by the verb (所长高峰介绍 is 高峰)."""
    sent, (start, end) = match.sent, match.span("name")
    taken = _taken(doc, sent)
    not_given = _characters("not_given")
    if any(said_at(sent, c) for c in range(start + 1, end)) or not free(start, end, taken) \
            or any(ch in not_given and ch != "其" for ch in sent.text[start:end]) \
            or _adverb_within(sent, *match.groups["name"]):
        return False
    short = read_name(sent, start, taken, cued_start=True)
    return not (short and said_at(sent, start + len(short)))


def _adverb_within(sent: Sent, first: int, last: int) -> bool:
    """Whether a token after the name's first is an adverb of two characters or more (非常,
    一直, 亲自): names by sound are written in characters jieba reads as no such word."""
    return any(len(sent.word(i)) >= 2 and (sent.tag(i) or "").startswith("d")
               for i in range(first + 1, last))


@check("names_listed")
def _names_listed(match: Match, doc: Doc) -> bool:
    return bool(listed_names(match, _taken(doc, match.sent)))


@check("title_after")
def _title_after(match: Match, doc: Doc) -> bool:
    """A title after a name: not the head of a place (村主任, 镇长), and the name does not end
    in a character that ends a place's name (王庄|村主任, 马家|村书记, 刘集|镇长)."""
    return match.text("post")[:1] not in _characters("place_end") \
        and match.text("name")[-1:] not in _characters("place_end")


@check("anonymous_name")
def _anonymous_name(match: Match, doc: Doc) -> bool:
    """张某/程女士 stand as words of their own (the tokens say so: not 和某些); a rarer
    surname that is also a function word needs a stop after it (not 她和先生一起)."""
    sent, (start, end) = match.sent, match.span()
    surname = match.text("surname")
    return free(start, end, _taken(doc, sent)) and (
        (dictionary_tag(surname) or "")[:1] not in _FUNCTION_TAGS
        or surname in _characters("common_surname") or stop_at(sent.text, end))


@check("old_surname")
def _old_surname(match: Match, doc: Doc) -> bool:
    """老 and a surname (老陈) is a person when jieba's dictionary has no common word so."""
    text = match.text()
    return text[1:] in _surnames() and frequency(text) < _GIVEN_WORD


@token_predicate("surname_then_han")
def surname_then_han(sent: Sent, i: int) -> bool:
    """A surname starts token i and a Chinese character follows it (罗义, 欧阳振华)."""
    text, at = sent.text, sent.starts[i]
    for n in _surname_lengths(text, at):
        if "\u4e00" <= text[at + n:at + n + 1] <= "\u9fff":
            return True
    return False


@token_predicate("surname")
def is_surname(sent: Sent, i: int) -> bool:
    """Token i is a surname (刘 of 刘某, 欧阳 of 欧阳某)."""
    return sent.words[i] in _surnames()


@token_predicate("by_sound")
def by_sound(sent: Sent, i: int) -> bool:
    """Token i is written in characters that write names by sound (买买提, 巴特尔), or is a
    middle dot that joins the parts of such a name."""
    word = sent.words[i]
    return word in _DOTS or _sound_word(word)


@token_predicate("by_sound_edge")
def by_sound_edge(sent: Sent, i: int) -> bool:
    """Token i may start or end a name by sound: written by sound, and no word of grammar
    (the 都 of 买买提都来了, the 再次 of 次仁再次来到)."""
    return _sound_word(sent.words[i]) and (sent.tag(i) or "")[:1] not in _FUNCTION_TAGS


@check("name_by_sound")
def _name_by_sound(match: Match, doc: Doc) -> bool:
    """Every part of the name has two characters or more, no other mention crosses it, and
    when no dot says it is one name, no token of it is a frequent plain word (the 安排 of
    民警高华安排部署)."""
    sent, (start, end) = match.sent, match.span("name")
    parts = _DOT.split(match.text("name"))
    first, last = match.groups["name"]
    plain = len(parts) == 1 and any(
        len(sent.word(i)) >= 2 and frequency(sent.word(i)) >= _COMMON_NAME
        and not (sent.tag(i) or "").startswith(("nr", "ns")) for i in range(first, last))
    return not plain and all(len(p) >= 2 for p in parts) and free(start, end, _taken(doc, sent))


def _sound_word(word: str) -> bool:
    return _is_han(word) and all(ch in _characters("by_sound") for ch in word)


# ------------------------------------------------------------------ reading a name

def read_name(sent: Sent, start: int, taken: Taken, ends: tuple[int, ...] = (),
              cued_start: bool = False, cued_end: bool = False, listed: bool = False) -> str:
    """The name starting at `start` (a surname and a given name of one or two characters), or
    "" when the characters there read as words.

    `ends`: where the name may end (a cue after it says so: `cued_end`); by default after a
    given name of two characters, else of one. `cued_start`: a title ends right before, so
    jieba's reading across it (副局长江涛: 长江) or of a place-like word at the name's start
    (社区民警罗家明: 罗家) counts for less. `listed`: the name is an item of a list of names
    joined by 、, so a 、 after it says it ends as a verb of saying would (李冠男、徐晨凯、
    李鹏飞、: jieba reads 李鹏, a name of its dictionary, into the third)."""
    text, first = sent.text, sent.token_at(start)
    given_at = _surname_end(text, start)
    if given_at < 0 or first is None or _entry_at(sent, "ANONYMOUS", given_at) \
            or _dot_within(text, start) or _joins_a_name(sent, start, given_at, taken):
        return ""                                  # 耀州区某…: the surname ends a word; 陈女士
    for end in _given_ends(text, given_at, ends):
        said = said_at(sent, end) and not _said_within_a_word(sent, end) \
            or listed and text[end:end + 1] == "、"
        if sent.token_at(end) is None and not said or not free(start, end, taken):
            continue                               # 王鹏赶到: not 王鹏赶; 蔡小明说 though 明说
        if not cued_end and end == given_at + 2 and sent.token_at(end - 1) is not None \
                and text[end - 1] in _characters("after_name"):
            continue                               # 王云对这些: jieba cannot tell, 对 goes
        if any(sent.unit_ends("TITLE", c) for c in range(start, end)) \
                or _serves_as(sent, start, given_at) or _body_word_from(sent, given_at, end):
            return ""                              # 区长任副组长, 楼长任…: a title, not a name
        name = text[start:end]
        if _reads_as_words(sent, first, name, given_at - start, said, stop_at(text, end),
                           cued_start or listed):
            return ""
        return name
    return ""


def _joins_a_name(sent: Sent, start: int, given_at: int, taken: Taken) -> bool:
    """和 (a surname that is mostly a conjunction) right before a name is the conjunction:
    民警和刘德明 (not 于洪涛, 楼国栋: 于 and 楼 join nothing)."""
    char = sent.text[start]
    return given_at == start + 1 and char in _word_surnames() \
        and (dictionary_tag(char) or "").startswith("c") and bool(read_name(sent, given_at, taken))


def _serves_as(sent: Sent, start: int, given_at: int) -> bool:
    """任 before a title a few characters on, in the same clause, is the verb "to serve as"
    (书记任片区网格长, 楼长任微网格长), not the surname 任."""
    if sent.text[start:given_at] not in _characters("post_verb"):
        return False
    clause = re.match(r"[\u4e00-\u9fff]{0,6}", sent.text[given_at:]).end()
    return any(sent.unit_ends("TITLE", c) for c in range(given_at, given_at + clause))


def _body_word_from(sent: Sent, given_at: int, end: int) -> bool:
    """Whether the name to `end` stands before a body word of two characters or more, or
    ends inside one (民警和调解中心的同志: 和调解 is no name)."""
    return any(e - c >= 2 and e > end for c in range(given_at, end + 1)
               for e in sent.unit_ends("BODY_WORD", c))


def _dot_within(text: str, start: int) -> bool:
    """Whether a middle dot follows the few characters from `start` on: then they are the
    first part of a name by sound (司坎旦尔·司马义), which rule person.by_sound reads."""
    run = re.match(r"[\u4e00-\u9fff]{1,4}", text[start:])
    return bool(run) and text[start + run.end():start + run.end() + 1] in _DOTS


def name_ending(sent: Sent, end: int, taken: Taken, earliest: int) -> tuple[int, str]:
    """(start, name) of the name that ends at `end` and starts at `earliest` or later, or
    (-1, "") when none does: a cue after a name (等5名, 同志, 所长) says where it ends, not
    where it starts (由周卫东等: not 由周卫东; 和张三等: 和 is the conjunction)."""
    text, surnames = sent.text, _surnames()
    lengths = [n for n in (4, 3, 2) if end - n >= earliest
               and (n < 4 or text[end - n:end - n + 2] in surnames)]
    if len(lengths) > 1 and lengths[-2] == 3 and text[end - 3] in _word_surnames():
        lengths[-2:] = [2, 3]                      # 和张三: the name is 张三 if it is one
    for n in lengths:
        name = read_name(sent, end - n, taken, ends=(end,), cued_end=True)
        if name:
            return end - n, name
    return -1, ""


def _given_ends(text: str, given_at: int, ends: tuple[int, ...]) -> list[int]:
    """The ends a given name at `given_at` may have: one or two Chinese characters that no
    name holds (的, 了, 和 … end it)."""
    not_given = _characters("not_given")
    ends = ends or tuple(e for e in (given_at + 2, given_at + 1) if e <= len(text))
    return [e for e in ends if given_at < e <= given_at + 2 and _is_han(text[given_at:e])
            and not any(ch in not_given for ch in text[given_at:e])]


def _reads_as_words(sent: Sent, first: int, name: str, sur_len: int, said: bool, stop: bool,
                    cued: bool) -> bool:
    """Whether jieba's dictionary reads the name as ordinary words; a verb of saying (`said`)
    or a punctuation mark (`stop`) right after it make a name likelier."""
    if len(sent.word(first)) > sur_len:
        verdict = _first_word_verdict(sent, first, name, said, cued, stop)
        if verdict is not None:
            return verdict
    surname, given = name[:sur_len], name[sur_len:]
    return (_word_surname_before_word(surname, given, said) or _function_word_given(given)
            or _adverb_surname_before_verb(surname, given)
            or _word_surname_alone(surname, given, said or stop)
            or _grammar_surname_uncued(surname, cued or said))


def _first_word_verdict(sent: Sent, first: int, name: str, said: bool,
                        cued: bool, stop: bool = False) -> bool | None:
    """When jieba reads the surname into a longer word (高峰, 安全感, 简单来): True when that
    word makes the text words, False when it is a name after all, None when it says neither."""
    word, tag = sent.word(first), sent.tag(first) or ""
    common = frequency(word)
    if len(word) >= len(name) and (common >= _WHOLE_WORD or len(word) >= 3 and tag):
        # names in the dictionary pass when rare (林秀珍), followed by a verb of saying
        # (所长高峰介绍) or, not too frequent, set between a title and a punctuation mark
        # (党委书记常青，); 安全感, 辛勤 are tagged nr too; a rare word of three characters or
        # more that is no name is a word (记者宣讲团走进)
        if len(word) > len(name) or not tag.startswith("nr"):
            return True
        return not (said or common < _COMMON_WORD or cued and stop and common < _COMMON_NAME)
    # jieba tags many plain words nr (辛勤, 呼唤); only rarer ones pass as names (王明峰)
    if common >= (_COMMON_NAME if cued or tag.startswith("nr") else _COMMON_WORD) \
            and not (cued and said):
        return True                                # 简单来, 关注问, 呼唤穿
    # a plain noun, verb or adjective (no name, place or body: 金国, 丁香 pass) read from the
    # surname on is that word unless a punctuation mark or a verb of saying ends the name
    if common >= _COMMON_WORD and tag[:1] in ("n", "v", "a") and not said and not stop \
            and not tag.startswith(("nr", "ns", "nz", "nt")):
        return True                                # 调解员常态化联络, 法官普法送法
    return None


def _word_surname_before_word(surname: str, given: str, said: bool) -> bool:
    """和窗口, 全覆盖, 都饱含: a surname that is mostly a word, before a word (冷建国说 though)."""
    return surname in _word_surnames() and len(given) == 2 and not said \
        and frequency(given) >= _GIVEN_WORD and not (dictionary_tag(given) or "").startswith("nr")


def _adverb_surname_before_verb(surname: str, given: str) -> bool:
    """居民曾赞叹道, 常走访: a surname that is also an adverb (曾 once, 常 often) before a
    verb of the dictionary reads as adverb and verb, even before a verb of saying; given
    names are rarely verbs (曾志伟, 常建国)."""
    return len(given) == 2 and (dictionary_tag(surname) or "") == "d" \
        and (dictionary_tag(given) or "") == "v" and frequency(given) >= _GIVEN_WORD


def _function_word_given(given: str) -> bool:
    """张亲自上门, 李正在值班: a frequent function word in the given name's place."""
    return len(given) == 2 and (dictionary_tag(given) or "")[:1] in _FUNCTION_TAGS \
        and frequency(given) >= _GIVEN_FUNCTION_WORD


def _word_surname_alone(surname: str, given: str, cued_after: bool) -> bool:
    """民警和辅警, 干部包联到户: a rarer surname that is mostly a word, with one character
    after it and nothing after that says a name ends there."""
    return surname in _rare_word_surnames() and len(given) == 1 and not cued_after


def _grammar_surname_uncued(surname: str, cued: bool) -> bool:
    """看着方老板那气劲: a rarer surname that is mostly a pronoun, adverb, preposition or
    conjunction (那, 都, 由, 但) starts a name only with a title before it or a verb of
    saying after it."""
    return not cued and surname in _rare_word_surnames() \
        and (dictionary_tag(surname) or "")[:1] in ("r", "d", "p", "c")


@cache
def _word_surnames() -> frozenset[str]:
    """Surnames more often read as a frequent word: 和, 都, 全, 安 (not 张, 马, 高); of the
    common hundred only conjunctions and prepositions (于, 向 are no words here)."""
    common = _characters("common_surname")
    out = set()
    for c in _surnames():
        tag = dictionary_tag(c) or ""
        if len(c) == 1 and frequency(c) >= _FUNCTION_SURNAME and not tag.startswith("nr") \
                and (c not in common or tag[:1] in ("c", "p")):
            out.add(c)
    return frozenset(out)


@cache
def _rare_word_surnames() -> frozenset[str]:
    """Of those, the ones past the common hundred: 和, 都, 包, 安 (not 于, 向)."""
    return _word_surnames() - _characters("common_surname")


def listed_names(match: Match, taken: Taken) -> list[tuple[int, str]]:
    """(start, name) of each item of `王正奎、盛红菊等`, or [] when one of them is no name.

    The items after the first are the 、-separated runs of two or three characters before
    等; the first is the last two or three characters before them (队伍王正奎: 王正奎, or 正奎
    when that is no name)."""
    sent = match.sent
    items = _list_items(match)
    if not items:
        return []
    out = []
    for n, (start, end) in enumerate(items):
        name = read_name(sent, start, taken, ends=(end,), cued_end=True, listed=True)
        if not name and n == 0 and end - start == 3:
            start += 1                            # 队员王正、…: the list starts one on
            name = read_name(sent, start, taken, ends=(end,), cued_end=True, listed=True)
        if not name:
            return []
        out.append((start, name))
    return out


def _list_items(match: Match) -> list[tuple[int, int]]:
    """Character spans of a list's items, first to last: the `last` before 等, each run of
    two or three Chinese characters that 、 joins before it, and the last two or three
    characters of the run before those (or, when that run is one character, the earliest
    item itself: then at least two must be left)."""
    sent, items, comma = match.sent, [match.span("last")], match.start
    while True:
        run = comma
        while run > 0 and _is_han(sent.word(run - 1)):
            run -= 1
        start, end = sent.starts[run], sent.starts[comma]
        if 2 <= end - start <= 3 and run > 0 and sent.word(run - 1) == "、":
            items.append((start, end))
            comma = run - 1
            continue
        if end - start >= 2:
            items.append((max(start, end - 3), end))
        return items[::-1] if len(items) >= 2 else []


# ------------------------------------------------------------------ characters and words

def _surname_lengths(text: str, pos: int) -> tuple[int, ...]:
    """The lengths of the surnames written at `pos`, longest first (欧阳 before 欧)."""
    surnames, two = _surnames(), text[pos:pos + 2]
    lengths = (2,) if len(two) == 2 and two in surnames else ()
    return (*lengths, 1) if text[pos:pos + 1] in surnames else lengths


@cache
def _surnames() -> frozenset[str]:
    return lexicon().words("SURNAME")


def _surname_end(text: str, pos: int) -> int:
    """Where the longest surname written at `pos` ends, or -1."""
    lengths = _surname_lengths(text, pos)
    return pos + lengths[0] if lengths else -1


def _entry_at(sent: Sent, cls: str, char: int) -> bool:
    """Whether an entry of the lexicon class `cls` is written from character `char` on
    (whether or not jieba's tokens break there: 蔡小明说 is read 蔡|小|明说)."""
    return bool(sent.unit_ends(cls, char)) or sent.text[char:char + 1] in lexicon().words(cls)


def said_at(sent: Sent, char: int) -> bool:
    """Whether a verb of saying (SPEECH_VERB) is written from character `char` on."""
    return _entry_at(sent, "SPEECH_VERB", char)


def _said_within_a_word(sent: Sent, char: int) -> bool:
    """Whether the verb of saying at `char` ends a frequent word jieba reads across it (村民王芳
    听说…: 听说, 据说, 所说 are no one's saying; 蔡小明说 though jieba reads 明说, a rare word)."""
    return sent.token_at(char) is None and frequency(sent.text[char - 1:char + 1]) >= _SAID_WORD


def stop_at(text: str, char: int) -> bool:
    """Whether the text ends at `char` or a punctuation mark that ends a name stands there."""
    return char >= len(text) or text[char] in _STOPS


def free(start: int, end: int, taken: Taken) -> bool:
    """No other mention crosses the name's edges (耀州区某 is no 区某), is the name, or is a
    place holding it. A mention inside the name (the place 凌海 in 凌海红) does not count,
    nor a longer one around it (王玉理 of 王玉理解解工作室)."""
    return not any(s < start < e or s < end < e and not s <= start
                   or (s, e) == (start, end) or place and s <= start and end <= e
                   for s, e, place in taken)


@cache
def _characters(name: str) -> frozenset[str]:
    """Characters of general knowledge: kg/lexicons/name_characters.txt's `not_given` and
    `after_name`, and the hundred most common single surnames (surnames.txt's `common`)."""
    if name == "common_surname":
        return frozenset(sections("surnames")["common"])
    return frozenset(sections("name_characters")[name])


def _is_han(chars: str) -> bool:
    """Whether `chars` is one or more characters of U+4E00-U+9FFF."""
    return bool(chars) and "\u4e00" <= min(chars) and max(chars) <= "\u9fff"
