"""People: bylines, and names that a cue around them marks as a person.

A cue says where a name starts (`民警罗义`, `家住…的王云`), where it ends (`“…”黄树伶说`,
`王正奎、盛红菊等`) or both; the name itself must be a surname and one or two more
characters that jieba's dictionary does not read as an ordinary word (`群众安全感`,
`简单来说`, `志愿者和救援协会` are not people). Titles right before a name are the
person's `role` (holdsPost): `副市长、公安局局长王巧全`; a post stated after the name
(`杜伟是…派出所的副所长`, `陈剑锋现任…科科长`) is `post`, its offset in the sentence
`post_start`. Names known only by a surname and
某/女士/先生 are kept but marked `anonymous` (optional in the guidelines). Photographers
credited with 摄 are people of the article too.
"""
from __future__ import annotations

import re
from functools import cached_property

import logging

import jieba
import jieba.posseg

from kg.lexicons import words
from kg.model import Article, EntityType, Mention, TITLE_SENTENCE
from kg.components import component
from kg.recognise import ArticleContext, Recogniser
from kg.regex import finditer_at

jieba.setLogLevel(logging.WARNING)   # no "Building prefix dict…" chatter on every run
_HAN = r"[\u4e00-\u9fff]"
# Characters that rarely end a given name but often follow one: 王云对这些, 罗义已经…
# (consulted only when jieba reads them as a word of their own)
_AFTER_NAME = set("说介表告坦称笑已在和与等带把将就便是也都还对向为从接讲回来赶到被让给及跟正"
                  "了的着过们个这那上下中里外前后第一二三四五六七八九十")
_NOT_GIVEN = set("的了在是和与等及或者之其这那们个所以为被把将就都也还又再很更最不没有人员民警"
                 "他她它我你您咱某各每该此")
_OPEN = r"(?:^|(?<=[，。！？：；“”\s（）()]))"
# what a speaker's name may follow (_OPEN's characters, and 据)
_SPEAKER_BEFORE = re.compile(r"[，。！？：；“”\s（）()据]")
_LIST_NEXT = frozenset("、和与及")
_QUOTED_ROLE = re.compile(r"“(?P<role>[\u4e00-\u9fff]{1,3}[长员家官])”")
_CLAUSE_STOP = re.compile(r"[，。；！？]")

# A dictionary word of this frequency or more (and not a name) at the name's place
# means the text is that word, not a name: 安全感, 简单(来说), 关注(问题).
_COMMON_WORD = 100
# jieba tags many plain words nr (辛勤 1342, 呼唤 667): a "name" this frequent is a word.
_COMMON_NAME = 500
# A word covering the whole candidate needs less: 任组长 (31) in 局长任组长.
_WHOLE_WORD = 10
# A surname character that is itself a frequent non-name word (和, 都, 全, 来 …) only
# starts a three-character name when the last two are not a word: 和窗口, 全覆盖.
_FUNCTION_SURNAME = 3000
_GIVEN_WORD = 50
# A function word in the given name's place (张亲自上门, 李正在值班) is that word when it
# is a frequent one (亲自 5315, 亲手 747); 立新 (51) of 程立新 is a given name.
_GIVEN_FUNCTION_WORD = 500
_COMMON_SURNAMES = 100
# jieba tags of adverbs, prepositions, conjunctions, particles, pronouns, numerals,
# measure words, time and place words: no given name reads as one of these.
_FUNCTION_TAGS = ("d", "p", "c", "u", "r", "m", "q", "t", "f")


class PersonRecognizer:
    def __init__(self):
        surname = trie_alternation(words("surnames"))
        titles = trie_alternation(words("titles"))
        cues = trie_alternation(words("person_cues"))
        speech = trie_alternation(words("speech_verbs"))
        anonymous = trie_alternation(words("anonymous_suffixes"))
        name = rf"(?P<sur>{surname}){_HAN}{{1,2}}?"
        # cues before the name: the name's end is for the dictionary to decide
        self.titled = re.compile(rf"(?P<title>{titles})(?=(?:{surname}){_HAN})")
        self.cued = re.compile(rf"(?:(?:{cues})|家住[^，。；！？]{{1,30}}?的|"
                               rf"(?:\d+|[一二三四五六七八九十]+)岁的)(?=(?:{surname}){_HAN})")
        # a character `cued` can start a match with
        self.cued_start = re.compile("[\\d一二三四五六七八九十家" + "".join(
            sorted({re.escape(w[0]) for w in words("person_cues")})) + "]")
        # A speaker starts a clause (or follows 据) and is followed by a verb of saying,
        # maybe with a manner or an addressee: 黄树伶说, 孔令辉激动地说,
        # 张鸣建向《法治日报》记者介绍 (see _speakers, _said). A list goes on after 、和与及
        # (_more). These are tested in Python rather than compiled into more patterns:
        # each pattern holding the surnames and a range of Chinese characters costs about a
        # millisecond to compile.
        self._surnames_by_length = sorted(
            ((n, frozenset(w for w in words("surnames") if len(w) == n))
             for n in {len(w) for w in words("surnames")}), reverse=True)
        # cues after the name: the name ends right before them
        # with, for each, what a sentence must hold for it to match at all (a string of
        # every group); each is compiled when a sentence first holds that (化名, ，男 are
        # rare, and a pattern with the surnames and a range of Chinese characters takes
        # ~1ms to compile)
        self.ended = [
            (_OnFirstUse(rf"在(?P<name>{name})(?:看来|眼里|心中)"),
             (("在",), ("看来", "眼里", "心中"))),
            (_OnFirstUse(rf"{_OPEN}(?P<name>{name})[（(]化名[）)]"), (("化名",),)),
            (_OnFirstUse(rf"{_OPEN}(?P<name>{name})，[男女][，,、]"), (("，男", "，女"),)),
            (_OnFirstUse(rf"像(?P<name>{name})(?:这样|一样|那样)"),
             (("像",), ("这样", "一样", "那样"))),
            (_OnFirstUse(rf"{_OPEN}(?P<name>{name})是(?:一名|一位)"), (("是一名", "是一位"),)),
            # 杜伟是…派出所的副所长: the post is kept apart from `role` (not before the name)
            # 吴某，晋江市综治中心主任，介绍说: a name set off by its post in apposition
            (_OnFirstUse(rf"(?:^|(?<=[。！？；]))(?P<name>{name})，[^，。；！？]{{2,24}}?"
                         rf"(?P<post>{titles})[，,]"), (("，",),)),
            # 宋佳，是…派出所的社区民警 / 马金山也是…委员会的调解员
            (_OnFirstUse(rf"{_OPEN}(?P<name>{name})[，,]?(?:也|还|则|现)?(?:是|现任|担任|任)"
                         rf"[^，。；！？]{{0,30}}?(?P<post>{titles})(?=[，。；！？]|$)"), (("是", "任"),)),
        ]
        self.listed = re.compile(rf"(?P<list>{_HAN}{{2,3}}(?:、{_HAN}{{2,3}})+)(?:等|两人|二人|三人)")
        self.anonymous = re.compile(rf"(?P<name>(?P<sur>{surname})(?:{anonymous}))")
        self.old = re.compile(rf"{_OPEN}老(?P<sur>{surname})(?=[，。！？、”]|说)")
        self.anonymous_after = re.compile(rf"(?:{anonymous})")
        self.speech = re.compile(rf"(?:{speech})")
        self.stop = re.compile(r"[，。！？；：、”）)]|$")
        # what a sentence must hold for `cued` to match: a cue, 家住 or …岁的; for `speaker`,
        # a verb of saying or 记者
        self.cue_word = re.compile(trie_alternation([*words("person_cues"), "家住", "岁的"],
                                                    literal_root=True))
        self.said_word = re.compile(trie_alternation([*words("speech_verbs"), "记者"],
                                                     literal_root=True))
        # The most common surnames come first in surnames.txt; past them, a surname that is
        # also a frequent word (和, 都, 全, 安 …) needs a given name that is no word.
        self._single_surnames = [w for w in words("surnames") if len(w) == 1]
        self.common_surnames = frozenset(self._single_surnames[:_COMMON_SURNAMES])

    @cached_property
    def _freq(self) -> dict[str, int]:
        from kg.words import _frequencies
        return _frequencies()

    @cached_property
    def _tags(self) -> dict[str, str]:
        return jieba.posseg.dt.word_tag_tab

    # ------------------------------------------------------------------ recognise
    def recognise(self, article: Article, context: ArticleContext) -> list[Mention]:
        taken: dict[int, list[tuple[int, int, bool]]] = {}
        for m in context.mentions:
            if m.type is not EntityType.PERSON:
                taken.setdefault(m.sentence, []).append((m.start, m.end, m.type is EntityType.PLACE))
        out = []
        for index, text in article.texts():
            if index != TITLE_SENTENCE:
                out.extend(self._sentence(index, text, taken.get(index, [])))
        out.extend(self._credits(article))
        return out

    def _credits(self, article: Article) -> list[Mention]:
        """Photographers (`黄辉延 摄`): people of the article with no place in its text."""
        end = len(article.title)
        return [Mention(EntityType.PERSON, name, end, end, TITLE_SENTENCE, name=name, key=name,
                        attrs={"photographer": True})
                for name in article.photographers if name not in article.reporters]

    def _sentence(self, index: int, text: str, taken: list[tuple[int, int, bool]]) -> list[Mention]:
        found: list[Mention] = []
        for m in self.titled.finditer(text):
            name = self._name(text, m.end(), taken, cued_start=True)
            if not (name and self._said(text, m.end() + len(name))):
                name = max(name, self._long_name(text, m.end(), taken), key=len)
            if name:
                found.append(self._mention(index, m.end(), name, role=m.group("title")))
                found.extend(self._more(index, text, m.end() + len(name), taken))
        if "”" in text:
            # “街长”徐春燕, “寨管家”申学文: a quoted local role right before the name
            for m in _QUOTED_ROLE.finditer(text):
                name = self._name(text, m.end(), taken, cued_start=True)
                if name:
                    found.append(self._mention(index, m.end(), name, role=m.group("role")))
        if self.cue_word.search(text):
            for m in finditer_at(self.cued, self.cued_start, text):
                name = self._name(text, m.end(), taken)
                if name:
                    found.append(self._mention(index, m.end(), name))
                    found.extend(self._more(index, text, m.end() + len(name), taken))
        # a verb of saying (or 记者) after the name: none in the sentence, no speaker
        if self.said_word.search(text):
            for at in self._speakers(text):
                sur_end = self._surname_end(text, at)
                ends = tuple(e for e in (sur_end + 2, sur_end + 1) if self._said(text, e))
                name = self._name(text, at, taken, ends=ends, cued_end=True) if ends else ""
                if name:
                    found.append(self._mention(index, at, name))
        for lazy, needs in self.ended:
            if not _holds(text, needs):
                continue
            pattern = lazy.pattern
            for m in pattern.finditer(text):
                start, end = m.span("name")
                name = self._name(text, start, taken, ends=(end,), cued_end=True)
                if name:
                    found.append(self._mention(index, start, name))
                    if "post" in pattern.groupindex:
                        found[-1].attrs.update(post=m.group("post"), post_start=m.start("post"))
        if "、" in text and ("等" in text or "人" in text):     # 等, 两人, 二人, 三人
            for m in self.listed.finditer(text):
                found.extend(self._list(index, text, m.start("list"), m.group("list"), taken))
        if self.anonymous_after.search(text):
            for m in self.anonymous.finditer(text):
                if self._free(text, m.start(), m.end(), taken) \
                        and self._anonymous(text, m.start(), m.end(), m.group("sur")):
                    found.append(self._mention(index, m.start(), m.group("name"), anonymous=True))
        if "老" in text:
            for m in self.old.finditer(text):
                if self._freq.get(m.group(0), 0) < _GIVEN_WORD:
                    found.append(self._mention(index, m.start(), m.group(0), anonymous=True))
        return self._merge(found)

    @staticmethod
    def _merge(found: list[Mention]) -> list[Mention]:
        """One mention per span, with what every cue said about it (role, post …)."""
        by_span: dict[tuple[int, int], Mention] = {}
        for m in found:
            kept = by_span.setdefault((m.start, m.end), m)
            if kept is not m:
                kept.attrs = {**m.attrs, **kept.attrs}
        return list(by_span.values())

    def _more(self, index: int, text: str, pos: int, taken) -> list[Mention]:
        """Further names of a list after a cue: 民警周伟、叶少龙."""
        out = []
        while text[pos:pos + 1] in _LIST_NEXT and self._surname_then_han(text, pos + 1):
            name = self._name(text, pos + 1, taken)
            if not name:
                break
            out.append(self._mention(index, pos + 1, name))
            pos += 1 + len(name)
        return out

    def _surname_end(self, text: str, pos: int) -> int:
        """Where the longest surname written at pos ends (what the surname alternation,
        longest first, would match), or -1."""
        for n, surnames in self._surnames_by_length:
            if text[pos:pos + n] in surnames:
                return pos + n
        return -1

    def _surname_then_han(self, text: str, pos: int) -> bool:
        r"""`(?=(?:surname)[\u4e00-\u9fff])` at pos: some surname (not only the longest)
        written there, a Chinese character after it."""
        for n, surnames in self._surnames_by_length:
            if text[pos:pos + n] in surnames and _is_han(text[pos + n:pos + n + 1]):
                return True
        return False

    def _speakers(self, text: str) -> list[int]:
        r"""Where a speaker's name can start: at a clause's start (the text's, or after a
        punctuation mark or space) or after 据, with a surname and a Chinese character.
        (`(?:^|(?<=[，。！？：；“”\s（）()])|据)(?=(?:surname)[\u4e00-\u9fff])`: the
        ends of its matches, in order.)"""
        out = [0] if self._surname_then_han(text, 0) else []
        for mark in _SPEAKER_BEFORE.finditer(text):
            if self._surname_then_han(text, mark.end()):
                out.append(mark.end())
        return out

    def _said(self, text: str, pos: int) -> bool:
        r"""Whether a verb of saying follows at pos (`说`), after a manner (`激动地说`) or an
        addressee (`向《法治日报》记者`): `(?:speech)|[\u4e00-\u9fff]{1,3}地(?:speech)|
        [向对][^，。；！？]{0,12}?记者` matched at pos."""
        if self.speech.match(text, pos):
            return True
        for n in (1, 2, 3):
            if text[pos + n:pos + n + 1] == "地" and _is_han(text[pos:pos + n]) \
                    and self.speech.match(text, pos + n + 1):
                return True
        if text[pos:pos + 1] in ("向", "对"):
            at = text.find("记者", pos + 1, pos + 15)   # the first within reach decides
            return at >= 0 and not _CLAUSE_STOP.search(text, pos + 1, at)
        return False

    def _list(self, index: int, text: str, start: int, items: str, taken) -> list[Mention]:
        """`王正奎、盛红菊等`: every item must be a name, or none is taken."""
        out = []
        for n, item in enumerate(items.split("、")):
            if n == 0 and len(item) == 3 and not self._listed_name(text, start, item, taken):
                start, item = start + 1, item[1:]     # 队员王正、… starts one character on
            name = self._listed_name(text, start, item, taken)
            if not name:
                return []
            out.append(self._mention(index, start, name))
            start += len(item) + 1
        return out

    def _listed_name(self, text: str, start: int, item: str, taken) -> str:
        if self._surname_end(item, 0) < 0:
            return ""
        return self._name(text, start, taken, ends=(start + len(item),), cued_end=True)

    # ------------------------------------------------------------------ names
    def _name(self, text: str, start: int, taken, ends: tuple[int, ...] = (),
              cued_end: bool = False, cued_start: bool = False) -> str:
        """The name starting at `start`, two or three characters, or "" when it reads as words.

        `cued_start`: a title or cue word ends right before `start`, so the name starts there
        even where jieba would read across (副局长江涛: 长江), and a place-like word at its
        start (社区民警罗家明: 罗家) does not make it words."""
        given_at = self._surname_end(text, start)
        if given_at < 0:
            return ""
        if self.anonymous_after.match(text, given_at):
            return ""                                  # 陈女士: the anonymous pattern's
        if not ends:
            ends = tuple(e for e in (given_at + 2, given_at + 1) if e <= len(text))
        ends = tuple(e for e in ends if given_at < e <= given_at + 2
                     and _is_han(text[given_at:e])
                     and not any(ch in _NOT_GIVEN for ch in text[given_at:e]))
        if not ends:
            return ""
        words = _words(text, start if cued_start else start - 4, max(ends) + 4)
        if start not in words:
            return ""                                  # 耀州区某…: the surname ends a word
        first, cuts = words[start], set(words) | {min(len(text), max(ends) + 4)}
        for end in ends:
            said = bool(self.speech.match(text, end))
            if end not in cuts and not said or not self._free(text, start, end, taken):
                continue                               # 王鹏赶到: not 王鹏赶; 蔡小明说 though 明说
            if not cued_end and end == given_at + 2 and text[end - 1] in _AFTER_NAME \
                    and end - 1 in cuts:
                continue                               # 王云对这些: jieba cannot tell, 对 goes
            name = text[start:end]
            if self._reads_as_words(name, first, given_at - start, said=said,
                                    stop=bool(self.stop.match(text, end)), cued=cued_start):
                return ""
            return name
        return ""

    def _long_name(self, text: str, start: int, taken) -> str:
        """A name of four or five characters between a title and a verb of saying: the
        minority names of Yi, Mongolian … officials (局长吉克阿依介绍, 主任乌云其其格介绍)."""
        for end in (start + 5, start + 4):
            name = text[start:end]
            if len(name) == end - start and _is_han(name) and self._said(text, end) \
                    and not self.speech.search(name) \
                    and end in _words(text, start, end + 4) \
                    and not any(ch in _NOT_GIVEN and ch != "其" for ch in name) \
                    and self._free(text, start, end, taken):
                return name                            # (not 赵磊一起劝说: 说 ends 劝说)
        return ""

    def _anonymous(self, text: str, start: int, end: int, sur: str) -> bool:
        """Whether jieba reads `张某`/`程女士` at start:end as its own words: not 现任某县
        (任 ends 现任), 和某些 (某些 is a word) or, for rarer surnames that are also function
        words, 她和先生一起."""
        cuts = set(_words(text, start - 4, end + 3)) | {min(len(text), end + 3)}
        if start not in cuts or end not in cuts:
            return False
        return self._tags.get(sur, "")[:1] not in _FUNCTION_TAGS or sur in self.common_surnames \
            or bool(self.stop.match(text, end))

    def _reads_as_words(self, name: str, first: str, sur_len: int, said: bool = False,
                        stop: bool = False, cued: bool = False) -> bool:
        """Whether jieba reads the name as ordinary words; a verb of saying (`said`) or a
        punctuation mark (`stop`) right after it make a name likelier."""
        freq, tags = self._freq, self._tags
        if len(first) > sur_len:
            common = freq.get(first, 0)
            if len(first) >= len(name) and common >= _WHOLE_WORD:
                # names in the dictionary pass when rare (林秀珍) or followed by a verb of
                # saying (所长高峰介绍); 安全感, 辛勤 are tagged nr too
                if len(first) > len(name) or not tags.get(first, "").startswith("nr"):
                    return True
                return not (said or common < _COMMON_WORD)
            # jieba tags many plain words nr (辛勤, 呼唤); only rarer ones pass as names (王明峰)
            if common >= (_COMMON_NAME if cued or tags.get(first, "").startswith("nr")
                          else _COMMON_WORD) and not (cued and said):
                return True                            # 简单来, 关注问, 呼唤穿
        sur, given = name[:sur_len], name[sur_len:]
        if sur in self._word_surnames and len(given) == 2 and freq.get(given, 0) >= _GIVEN_WORD \
                and not tags.get(given, "").startswith("nr") and not said:
            return True                                # 和窗口, 全覆盖, 都饱含 (冷建国说 though)
        if len(given) == 2 and tags.get(given, "")[:1] in _FUNCTION_TAGS \
                and freq.get(given, 0) >= _GIVEN_FUNCTION_WORD:
            return True                                # 张亲自上门, 李正在值班
        if sur in self._rare_word_surnames and len(given) == 1 and not (said or stop):
            return True                                # 民警和辅警, 干部包联到户
        return False

    @cached_property
    def _word_surnames(self) -> frozenset[str]:
        """Surnames more often read as a frequent word: 和, 都, 全, 安 (not 张, 马, 高)."""
        freq, tags = self._freq, self._tags
        return frozenset(
            c for c in self._single_surnames
            if freq.get(c, 0) >= _FUNCTION_SURNAME and not tags.get(c, "").startswith("nr")
            and (c not in self.common_surnames or tags.get(c, "")[:1] in ("c", "p")))

    @cached_property
    def _rare_word_surnames(self) -> frozenset[str]:
        """Of those, the ones past the common hundred: 和, 都, 包, 安 (not 于, 向)."""
        return self._word_surnames - self.common_surnames

    @staticmethod
    def _free(text: str, start: int, end: int, taken) -> bool:
        """No other mention crosses the name's edges (耀州区某 is no 区某), is the name, or
        is a place holding it.

        A mention inside the name (the place 凌海 in 凌海红) does not count, nor a longer
        name around it (王玉理 of 王玉理解解工作室).
        """
        return not any(s < start < e or s < end < e and not s <= start
                       or (s, e) == (start, end) or place and s <= start and end <= e
                       for s, e, place in taken)

    def _mention(self, index: int, start: int, name: str, role: str = "",
                 anonymous: bool = False) -> Mention:
        attrs = {}
        if role:
            attrs["role"] = role
        if anonymous:
            attrs["anonymous"] = True
        return Mention(EntityType.PERSON, name, start, start + len(name), index,
                       name=name, key=name, attrs=attrs)


def trie_alternation(entries, literal_root: bool = False) -> str:
    """A regex with the matches of `kg.lexicons.alternation` (longest entry first), as a trie.

    The entries matching at one position are prefixes of one another, tried longest first
    in both; the trie reaches them one character at a time (single characters as one
    class) instead of trying hundreds of entries in turn at every position of the text.
    With `literal_root`, one-character entries stay alternatives of their own rather than a
    class: every alternative then starts with a literal, and a search that starts with
    the trie skips in C to the next character that can start an entry (worth it for
    short lists, not for 400 surnames).
    """
    root: dict = {}
    for w in entries:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node) -> str:
        """(pattern, whether it is one atom: a character or a class)"""
        leaves = [ch for ch, sub in node.items() if ch and sub.keys() == {""}
                  and not (literal_root and node is root)]
        alts = []
        for ch, sub in node.items():
            if ch and ch not in leaves:
                rest, atom = build(sub)
                alts.append((re.escape(ch) + rest, False))
        if len(leaves) == 1:
            alts.append((re.escape(leaves[0]), True))
        elif leaves:
            alts.append(("[" + "".join(map(re.escape, leaves)) + "]", True))
        if not alts:
            return "", False
        if "" not in node:
            if len(alts) == 1:
                return alts[0]                      # a chain: 上官, not 上(?:官)
            return "(?:" + "|".join(a for a, _ in alts) + ")", True
        if len(alts) == 1 and alts[0][1]:
            return alts[0][0] + "?", False          # 欧阳?, not 欧(?:阳)?
        return "(?:" + "|".join(a for a, _ in alts) + ")?", False

    return "(?:" + build(root)[0] + ")"


def _holds(text: str, needs: tuple[tuple[str, ...], ...]) -> bool:
    """Whether `text` holds a string of every group (plain loops: this runs six times a
    sentence, and generator expressions cost more than the tests)."""
    for group in needs:
        for n in group:
            if n in text:
                break
        else:
            return False
    return True


class _OnFirstUse:
    """A regular expression compiled the first time it is needed."""

    def __init__(self, source: str):
        self.source = source
        self._pattern: re.Pattern | None = None

    @property
    def pattern(self) -> re.Pattern:
        if self._pattern is None:
            self._pattern = re.compile(self.source)
        return self._pattern


def _is_han(chars: str) -> bool:
    """Whether `chars` is one or more characters of U+4E00-U+9FFF (`[\u4e00-\u9fff]+`)."""
    return bool(chars) and "\u4e00" <= min(chars) and max(chars) <= "\u9fff"


def _words(text: str, lo: int, hi: int) -> dict[int, str]:
    """jieba's dictionary cut of text[lo:hi] (no HMM guesses), as {start offset: word}."""
    lo = max(0, lo)
    out, pos = {}, lo
    for word in jieba.cut(text[lo:hi], HMM=False):
        out[pos] = word
        pos += len(word)
    return out


component("people")(Recogniser(PersonRecognizer))
