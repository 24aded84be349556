"""Programmes: named initiatives, mostly quoted and followed by a cue word.

`“织网扎根”工程` gives 织网扎根 (alias 织网扎根工程); `“警令”APP` gives 警令APP.
A quoted phrase with no cue counts when its shape says programme (numbers in
it like 一村一警 or 四个一, a `+`, a programme noun at its end), a verb such as
开展/推行 introduces it, or it stands in a run of quoted names that ends in
`等…品牌` or holds a programme; slogans (`急难愁盼`, `双下降`), enumerations
(`安全第一、预防为主、综合治理`), goals (实现“三降两升”), categories
(“两抢一盗”案件) and honours (评为“最美基层民警”) do not.

Unquoted names count in two places: after a programme verb with a programme
head (推出全时警务服务模式, 打造X平台, 在X平台上), and as items of a list that
ends in `等…行动/系统` (依托民生警务平台、X等网上服务系统).
"""
from __future__ import annotations

import re

from kg.lexicons import sections, words
from kg.model import Article, EntityType, Mention
from kg.components import component
from kg.recognise import ArticleContext, Recogniser
from kg.words import dictionary_cut as _cut, dictionary_tag as _tag

_QUOTED = re.compile(r"[“\"「‘]([^“”\"「」‘’]{2,24})[”\"」’]")
_NUMERAL_SHAPE = re.compile(r"[一二三四五六七八九十百两双0-9][^\s]*[一二三四五六七八九十百两0-9]|"
                            r"^[一二三四五六七八九十百两][个级化网色融联调][^\s]{0,8}$|[A-Za-z0-9]\+|\+[A-Za-z0-9]|\+$")
_PROGRAMME_END = re.compile(r"(?:警局|工作室|调解室|工程|码|平台|APP|App|站|岗|系统|品牌|法庭|警务室|"
                            r"行动|机制|模式|网|通办|经验|厅|超市|之家)$")
_SENTENCE_LIKE = re.compile(r"[。；！？：]")
_ENUMERATION = re.compile(r"[、，,]")
_STYLE_WORD = re.compile(r"^.{1,3}[式化性]$")          # “地毯式”摸排, “精细化”管理
_METAPHOR = re.compile(r"^[大小][^\d+]{1,2}$")          # 以“小网格”托起“大平安”
# “资源、需求、项目”三项清单 (not 设立“积分超市”203个, a count of the thing itself)
_PARTS = re.compile(r"^[一二三四五六七八九十两\d]+(?:位一体|级|项|个|大|种)[\u4e00-\u9fff]")
_NUMERALS_ONLY = re.compile(r"^[一二三四五六七八九十]+$")          # “五一”假期
# jieba tags a name cannot start with: prepositions, conjunctions, particles, pronouns
_NOT_NAME_START = frozenset({"p", "c", "u", "r"})
_TIME_ADVERBS = ("已", "正在", "将要", "刚刚", "曾经")
_ROLE_BEFORE = re.compile(r"(?:作为|当作|当成|成为|变成)[^，。；“”]{0,10}的?[“\"「]$")
# 建成市级社会治理综合指挥平台: a level's kind of platform, not a name
_LEVEL_START = re.compile(r"^(?:[省市县区镇乡村]级|全[省市县区镇乡])")
_BRACKETED = re.compile(r"[（(][^）)]*[）)]")
_NAME_CHARS = r"[\u4e00-\u9fffA-Za-z0-9+]"
_NAME_ASCII = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+")


def _is_name(item: str, shortest: int, longest: int) -> bool:
    """`re.fullmatch(_NAME_CHARS{shortest,longest}, item)`, without compiling the range of
    Chinese characters into one more pattern."""
    return shortest <= len(item) <= longest and all(
        "\u4e00" <= ch <= "\u9fff" or ch in _NAME_ASCII for ch in item)


def _starts_like_a_clause(inner: str) -> bool:
    """“已派单至湖坊镇网格工作站” is a message: it opens on a preposition, pronoun or an
    adverb of time (已, 将, 正在); “最多跑一次”, “不打烊” are names."""
    first = _cut(inner)[0]
    return _tag(first) in _NOT_NAME_START or inner.startswith(_TIME_ADVERBS)


def programme_key(name: str) -> str:
    """一村(居)一警 and 一村一警 are one programme."""
    return _BRACKETED.sub("", name).replace(" ", "")


def _alternation(items) -> str:
    return "|".join(map(re.escape, sorted(set(items), key=len, reverse=True)))


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


class ProgrammeRecognizer:
    def __init__(self):
        cues = sections("programme_cues")
        self.keep = set(cues["keep"])
        # 派出所里设起“调解室”: a cue word alone in quotes is the thing, not a name for it
        self.generic_nouns = set(cues["drop"] + cues["keep"] + cues["head"])
        self.weak = set(cues["weak"])
        self.cue_re = re.compile(_alternation(cues["drop"] + cues["keep"]))
        # “打击侵犯犯罪”亮剑行动: a short head noun ending in a strong cue.
        self.head_cue_re = re.compile(rf"[\u4e00-\u9fff]{{1,6}}?(?:{_alternation(cues['head'])})"
                                      r"(?=$|[，。；、的）)\s为和与中上已是在将也还以自于共均都成等被让把开"
                                      r"正不])")
        verbs = _alternation(words("programme_verbs"))
        self.verb_before = re.compile(rf"(?:{verbs})(?:了|起|好|出)?(?:新时代)?[“\"「]$")
        # “寨管家”是务川县委政法委2022年推出的…品牌: introduced by the verb after it
        self.launched_after = re.compile(rf"是[^，。；“”]{{0,24}}?(?:{verbs})的")
        stops = sections("programme_stops")
        self.slogans = set(stops["slogans"])
        self.heads_re = re.compile(rf"^(?:等)?(?:多种|一系列|各类|各种|两类)?(?:{_alternation(stops['heads'])})")
        self.honour_before = re.compile(rf"(?:{_alternation(stops['honours'])})了?[^，。；“”]{{0,8}}[“\"「]$")
        self.goal_before = re.compile(rf"(?:{_alternation(stops['goals'])})了?[^，。；“”]{{0,6}}[“\"「]$")
        self.agency_end = re.compile(rf"(?:{_alternation(stops['agency_ends'])})$")
        self.list_tail = re.compile(rf"^等[^，。；：、“”]{{0,8}}?(?:{_alternation(cues['drop'] + cues['keep'])})")
        openers = _alternation(stops["openers"])
        self.opener = re.compile(rf"^(?:{openers})+")
        self.strip = set(stops["strip"])
        self.generic_end = re.compile(rf"(?:{_alternation(stops['generic_ends'])})$")
        head = _alternation(stops["unquoted"])
        uverbs = _alternation(stops["unquoted_verbs"])
        # 打造旗县区12348公共法律服务平台 / 创新推出全时警务服务模式 /
        # 构建“人防+技防”“共建+共治”的立体化大巡防体系 (a name described by its quoted parts)
        self.unquoted_re = re.compile(
            rf"(?:{uverbs})(?:了|起)?(?:[^，。；：]{{0,24}}[”」\"]的)?"
            rf"(?P<name>{_NAME_CHARS}{{3,14}}?(?P<head>{head}))(?=$|[，。；、）)\s上中为和与等])")
        # 杜伟在智慧车联一体化平台上联络
        self.on_platform_re = re.compile(rf"在(?P<name>{_NAME_CHARS}{{3,12}}?(?P<head>平台|系统))上")
        # 结合基层基础三年攻坚战收官验收: a campaign dated by its length
        self.dated_re = re.compile(
            rf"(?:^|[，。；、：“”]|{openers})(?P<name>[\u4e00-\u9fff]{{2,12}}?"
            r"(?:[一二三四五六七八九十百\d]+(?:年|天|日)|百日)(?P<head>攻坚战|攻坚行动|专项行动|行动))")
        long_openers = [w for w in stops["openers"] + words("programme_verbs") if len(w) > 1]
        self.last_opener = re.compile(rf"^.*(?:{_alternation(long_openers)})")
        # 依托A、B等网上服务系统 / 以A、“B”行动、“C”等专项行动为契机
        self.unquoted_list_re = re.compile(
            rf"(?P<items>[^，。；：！？]{{2,60}}?)等[^，。；：、“”]{{0,6}}?(?:{_alternation(stops['list_heads'])})"
            r"(?=$|[，。；、的为中上])")
        # its end, which a sentence must hold for it to match (found fast: it starts with 等)
        self.unquoted_list_end = re.compile(
            rf"等[^，。；：、“”]{{0,6}}?(?:{_alternation(stops['list_heads'])})"
            r"(?=$|[，。；、的为中上])")

    def recognise(self, article: Article, context: ArticleContext) -> list[Mention]:
        out = []
        agencies_in: dict[int, list[tuple[int, int]]] = {}   # sentence -> agency spans
        for m in context.mentions:
            if m.type is EntityType.AGENCY:
                agencies_in.setdefault(m.sentence, []).append((m.start, m.end))
        undecided: list[tuple[int, str, re.Match, list[str]]] = []
        for index, text in article.texts():
            agencies = agencies_in.get(index, [])
            found = self._quoted(index, text, agencies, undecided)
            taken = [(m.start, m.end) for m in found]
            for m in self._unquoted(index, text) + self._listed(index, text):
                if not any(m.start < e and s < m.end for s, e in taken):
                    found.append(m)
                    taken.append((m.start, m.end))
            out.extend(found)
        # 把“街长制”与“警网融合”结合起来: quoted beside a programme the article names elsewhere
        known = {alias for m in out for alias in (m.name, *m.attrs.get("aliases", ()))}
        out.extend(self._mention(index, text, m, None) for index, text, m, mates in undecided
                   if known.intersection(mates))
        return _merge_modified(out)

    # ------------------------------------------------------------ quoted
    def _quoted(self, index: int, text: str, agencies: list[tuple[int, int]],
                undecided: list[tuple[int, str, re.Match, list[str]]]) -> list[Mention]:
        """Quoted programmes of one sentence; quotes it cannot decide on their own go to
        `undecided` with the names quoted beside them."""
        found = []
        quotes = list(_QUOTED.finditer(text))
        runs = self._runs(quotes)
        verdicts = [self._judge(text, m, run_tail=text[runs[i][1]:], agencies=agencies)
                    for i, m in enumerate(quotes)]
        for i, m in enumerate(quotes):
            verdict, cue = verdicts[i]
            if verdict is None:
                # “24小时警局”“雪亮工程”“云眼卫士”: a run with a named programme in it.
                first, _ = runs[i]
                members = [j for j in range(len(quotes)) if runs[j] == runs[i]]
                if len(members) > 1 and any(verdicts[j][0] == "strong" for j in members):
                    verdict = "listed"
                elif len(members) > 1:
                    undecided.append((index, text, m, [quotes[j].group(1).strip()
                                                       for j in members if j != i]))
            if verdict in (None, "no"):
                continue
            found.append(self._mention(index, text, m, cue))
        return found

    def _runs(self, quotes: list[re.Match]) -> list[tuple[int, int]]:
        """For each quote, (start of its run of adjacent quotes, end of the run)."""
        runs: list[tuple[int, int]] = []
        i = 0
        while i < len(quotes):
            j = i
            while j + 1 < len(quotes) and quotes[j + 1].start() - quotes[j].end() <= 1:
                j += 1
            runs.extend([(quotes[i].start(), quotes[j].end())] * (j - i + 1))
            i = j + 1
        return runs

    def _judge(self, text: str, m: re.Match, run_tail: str,
               agencies: list[tuple[int, int]]) -> tuple[str | None, re.Match | None]:
        """("strong"|"yes"|"no"|None, cue match); None means undecided on its own."""
        inner = m.group(1).strip()
        if (_SENTENCE_LIKE.search(inner) or len(inner) > 20 or inner in self.slogans
                or inner in self.generic_nouns
                or _STYLE_WORD.match(inner) or _NUMERALS_ONLY.match(inner)
                or _starts_like_a_clause(inner)):
            return "no", None
        after = text[m.end():]
        if any(s <= m.start() + 1 and m.end() - 1 <= e for s, e in agencies) or \
                self.agency_end.search(inner) and not self.cue_re.match(after):
            return "no", None
        cue = self.cue_re.match(after)
        if cue and _ENUMERATION.search(inner):
            # “践行新使命、忠诚保大庆”活动 is a campaign; a list in quotes with no cue is a slogan.
            return ("yes", cue) if cue.group() not in self.weak else ("no", None)
        if _ENUMERATION.search(inner) or _PARTS.match(after):
            return "no", None
        before = text[:m.start() + 1]
        if _ROLE_BEFORE.search(before):
            return "no", None            # 把调解室作为接处警的“分流站”: a role, not a name
        if (self.honour_before.search(before) and not cue) or self.heads_re.match(after) or \
                self.heads_re.match(run_tail):
            return "no", None
        if cue and cue.group() not in self.weak:
            return "strong", cue
        head = None if cue else self.head_cue_re.match(after)
        if head:
            return "strong", head
        verb = self.verb_before.search(before) or self.launched_after.match(after)
        # 1+2+N and 泉警+ are shapes; a plain pair like 网络+警格 needs a verb or a cue.
        shaped = _NUMERAL_SHAPE.search(inner)
        named = _PROGRAMME_END.search(inner)
        if self.goal_before.search(before) and not verb:
            return "no", None
        if _METAPHOR.match(inner):
            return "no", None
        if self.list_tail.match(run_tail):
            return "strong", cue
        if named:
            return "strong", cue
        if verb or shaped:
            return "yes", cue
        return None, None

    def _mention(self, index: int, text: str, m: re.Match, cue: re.Match | None) -> Mention:
        inner = m.group(1).strip()
        aliases = [inner]
        end = m.end()
        name = inner
        if cue:
            word = cue.group()
            end = m.end() + cue.end()        # the cue was matched on the text after the quote
            if word in self.keep and cue.re is self.cue_re:
                name = inner + word
            aliases.append(inner + word)
        if text[max(0, m.start() - 3):m.start()] == "新时代":
            aliases.append("新时代" + inner)
        return self._make(index, text[m.start():end], m.start(), end, name, aliases)

    def _make(self, index: int, surface: str, start: int, end: int, name: str,
              aliases: list[str]) -> Mention:
        aliases = list(dict.fromkeys(aliases))
        return Mention(EntityType.PROGRAMME, surface, start, end, index, name=name,
                       key=programme_key(name), attrs={"aliases": aliases})

    # ---------------------------------------------------------- unquoted
    def _unquoted(self, index: int, text: str) -> list[Mention]:
        found = []
        matches = [*self.unquoted_re.finditer(text), *self.on_platform_re.finditer(text)]
        if "行动" in text or "攻坚战" in text:          # every head dated_re ends with
            matches.extend(self.dated_re.finditer(text))
        for m in matches:
            full, head = m.group("name"), m.group("head")
            full = self.opener.sub("", self.last_opener.sub("", full))
            if full.startswith("的"):
                continue             # 是…2022年推出的便民服务平台: a description, not a name
            bare = full[:-len(head)]
            if len(bare) < 3 or self.agency_end.search(bare) or bare in self.slogans \
                    or self.generic_end.search(bare) or _LEVEL_START.match(full):
                continue
            name = bare if head in self.strip else full
            found.append(self._make(index, full, m.start("name") + m.group("name").find(full),
                                    m.end("name"), name, [full, bare]))
        return found

    def _listed(self, index: int, text: str) -> list[Mention]:
        found = []
        if not self.unquoted_list_end.search(text):    # no match without its end: skip
            return found                                # the slow scan
        for m in self.unquoted_list_re.finditer(text):
            items = m.group("items")
            if "、" not in items:
                continue
            offset = m.start("items")
            pos = 0
            for part in items.split("、"):
                start = offset + pos
                pos += len(part) + 1
                item = self.opener.sub("", part)
                start += len(part) - len(item)
                if "“" in item or "”" in item or not _is_name(item, 2, 12):
                    continue
                if item in self.slogans or self.agency_end.search(item):
                    continue
                found.append(self._make(index, item, start, start + len(item), item, [item]))
        return found


component("programmes")(Recogniser(ProgrammeRecognizer))
