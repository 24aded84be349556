"""Agencies by grammar: a place, then units each ending in a body word.

    成都市 公安局 | 青羊区 分局 | 苏坡 派出所
    <place> <top>   <name> <sub>   <name> <sub>

Each unit of a chain is an agency of its own, the one before it its parent.
A chain with no place in front inherits one later, in resolution: `市局`,
`县公安局户籍中队` and `区委` carry the level they imply (`generic`), and a
bare sub-unit (`治安支队`) asks for the parent in focus (`needs_parent`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass


from kg.gazetteer import town_short_name
from kg.lexicons import sections, words
from kg.model import Article, EntityType, Mention
from kg.components import component
from kg.recognise import ArticleContext, Recogniser
from kg.words import dictionary_cut as _cut, dictionary_tag as _tag

_LEVEL_CHARS = {"省": "province", "市": "city", "州": "city", "县": "county", "区": "county",
                "镇": "town", "乡": "town", "街道": "town"}
# Words that stop a name from extending further left.
_STOP = re.compile(r"[\s，。、；：！？“”‘’（）《》「」【】()…—·,.;:!?\"'0-9０-９a-zA-Z]|"
                   r"的|在|和|与|及|向|到|由|对|从|了|是|为|将|把|被|让|等|经|据|至|于|同|跟|并|或|"
                   r"各|其|我|你|他|她|它|这|那|有|获|赴|往|任|系|受|给|称|说|来|去|入|进|出|上|下")
# jieba dictionary tags of words that cannot begin a unit's name: verbs, prepositions,
# adverbs, pronouns, numerals … (坚持科, 新一届分局, 依托派出所).
_NOT_NAME_START = {"v", "p", "c", "d", "r", "m", "u", "a", "ad", "f", "q", "t", "y", "e", "o", "s"}
# Before a bare body word the name is what follows the last verb or particle
# (以特巡警大队 -> 特巡警, 成立房产物业巡回法庭 -> 房产物业); adjectives stay (大龙湖分局).
_NOT_BARE_NAME = {"v", "p", "c", "r", "m", "u", "f", "t", "y", "e", "o"}
# Words that say what kind of body, not which one: 县区公安局, 行业综治中心, 辖区派出所.
_PLURAL_LEVELS = {"县区", "市县", "区县", "县市区", "市区", "各级", "省市县", "市县区", "镇街", "街镇",
                  "多地", "多个", "各个",
                  "乡镇", "镇村", "村居", "村社区", "基层", "行业", "相关", "有关", "上级", "下级",
                  "属地", "当地", "本地", "辖区", "片区", "专门", "全国", "各地", "全省", "全市",
                  "街道", "社区", "村", "道", "镇", "乡"}
# Those that cannot start a proper name either: 18个乡镇全面推广综治中心 (全面推广 is nz to jieba).
_PLURAL_PREFIXES = tuple(w for w in _PLURAL_LEVELS if len(w) >= 2 and w not in ("社区", "街道", "专门"))
# Words that join two bodies or clauses, never the words of a unit's name.
_BRIDGE_TAGS = {"p", "c", "u"}
# Inside a chain verbs are common in unit names (指挥处, 信息应用科); only these break it.
_NOT_CONTINUATION = {"p", "c", "d", "r", "m", "u", "f", "t", "y", "e", "o"}
# A bare name before 派出所/中队 is a place-like proper name (苏坡, 新川), not a common noun.
_PROPER_TAGS = {"ns", "nr", "nz", "nt", "j", None}
_PRONOUN = re.compile(r"(?:该|本|我)(?:局|院|所|队|支队|大队|中队|分局|中心)(?![长员])")
_MAX_NAME = 8
_HAN_WORD = re.compile(r"^[\u4e00-\u9fff]+$")
# A kind of body held up as a model, not a body: “枫桥式”综治中心, “枫桥式交警中队”.
_DESIGNATION = re.compile(r"式”?$|式[^，。；“”]{0,5}$")
_JOINT_VERBS = frozenset({"联合", "会同", "协同", "携手", "联手", "配合"})
# 阳朔县公安局组建旅游警察大队: the verb opens a new unit, not a name inside the chain.
_FOUNDING = frozenset(words("stat_founding_verbs"))
# Two-character body words that also begin ordinary words (人大代表, 公安干警).
_WORDLIKE = {"人大", "公安", "警方", "专班", "政协"}
# Volunteer and joint teams: named only with a place or a quoted name (“秦岭护林”联防队).
_TEAMS = {"联防队", "巡防队", "巡逻队", "救援队", "志愿服务队"}
# Body words that only name an agency after a place or a parent unit.
_NEEDS_ANCHOR = {"办公室", "委员会", "常委会", "党委", "政府", "人民政府", "人大", "人大常委会", "政协",
                 "管理处", "管理局", "纪委", "监委", "平安办", "反诈中心", "办事处", "党工委",
                 "宣传部", "组织部", "统战部"}
# Bodies that, named with no place at all, are the place in focus's: 公安局局长王某.
_FOCUS_BODIES = {"公安局", "司法局", "人民法院", "法院", "人民检察院", "检察院", "公安分局",
                 "政法委", "政法委员会"}
_TITLE_AFTER = re.compile(r"(?:党委|党组)?副?(?:局长|院长|检察长|书记|政委|主任|民警|干警|庭长)")
_CANON = {"公安": "公安局", "警方": "公安局", "公安机关": "公安局", "公安分局": "分局",
          "法院": "人民法院", "检察院": "人民检察院", "政府": "人民政府", "政法委": "政法委员会",
          "市场监督管理局": "市场监管局", "车管所": "车辆管理所", "工作领导小组": "领导小组"}


@dataclass
class _Unit:
    start: int           # where the unit's name begins
    end: int             # end of its body word
    name: str            # text before the body word ('' for 市委's 市 handled as generic)
    suffix: str
    place: Mention | None = None


def canonical_suffix(suffix: str) -> str:
    return _CANON.get(suffix, suffix)


class AgencyRecognizer:
    def __init__(self):
        groups = sections("agency_suffixes")
        self.top = set(groups["top"])
        self.sub = set(groups["sub"])
        self.police = set(groups["police"])
        prefixes = "|".join(map(re.escape, sorted(groups["prefix"], key=len, reverse=True)))
        self.prefix_re = re.compile(rf"(?:{prefixes})$")
        self.prefix_at = re.compile(rf"(?:{prefixes})")
        words = sorted(self.top | self.sub | self.police, key=len, reverse=True)
        alternation = "|".join(re.escape(w) for w in words)
        # A body word is not one when it begins a title: 局长, 支队长, 所长, 党委书记.
        # 党委 before 书记/委员 is part of a title (党委书记), and 公安 before 民警 is generic.
        # A town's Party committee is named before its secretary too: 湖坊镇党委书记.
        self.suffix_re = re.compile(rf"(?:(?<=[镇乡])党委|党委(?!委员|书记|副书记)|{alternation}|"
                                    rf"(?<=[市县区省州])委)"
                                    rf"(?!员)(?<!公安(?=民警|干警|部门|工作|机关))")

    def recognise(self, article: Article, context: ArticleContext) -> list[Mention]:
        out = []
        # 横道河子派出所 after 海林市横道河子镇: the article's towns name stations too
        towns = frozenset(town_short_name(m.name) for m in context.of_type(EntityType.PLACE)
                          if m.attrs.get("level") == "town")
        for index, text in article.texts():
            places = context.of_type(EntityType.PLACE, index)
            out.extend(self._sentence(index, text, places, towns))
            out.extend(Mention(EntityType.AGENCY, m.group(), m.start(), m.end(), index,
                               attrs={"pronoun": True}) for m in _PRONOUN.finditer(text))
        return out

    # ------------------------------------------------------------- one sentence
    def _sentence(self, index: int, text: str, places: list[Mention],
                  towns: frozenset[str] = frozenset()) -> list[Mention]:
        chains: list[list[_Unit]] = []
        for match in self.suffix_re.finditer(text):
            unit = self._unit(text, match, places, chains[-1][-1] if chains else None, towns)
            if unit is None:
                continue
            if chains and chains[-1][-1].end == unit.start and unit.name != "" or \
                    chains and chains[-1][-1].end == match.start():
                chains[-1].append(unit)
            else:
                chains.append([unit])
        return [m for chain in chains if (m := self._mention(index, text, chain))]

    def _unit(self, text: str, match: re.Match, places: list[Mention], previous: _Unit | None,
              towns: frozenset[str] = frozenset()) -> _Unit | None:
        s, e, suffix = match.start(), match.end(), match.group()
        if text.startswith("长", e) and not any(p.start == e for p in places):
            return None            # 支队长, 局长: a title, unless a place follows (支队长安大队)
        if suffix == "委":
            place = next((p for p in places if p.end == s), None)
            if place is not None:
                return _Unit(self._prefixed(text, place.start), e, "", "委", place)
            if s > 0 and text[s - 1] in "市县区" and (s < 2 or _STOP.match(text, s - 2)):
                return _Unit(s - 1, e, text[s - 1], "委")     # 市委政法委: the city in focus
            return None
        if suffix in ("政府", "人民政府") and s > 0 and text[s - 1] in "市县区镇乡" \
                and (s < 2 or _STOP.match(text, s - 2)) and not any(p.end == s for p in places):
            return _Unit(s - 1, e, text[s - 1], suffix)    # 区委、区政府: the district in focus
        if (e - s == 1 or suffix in _WORDLIKE) and not _starts_word(text, s, e) \
                and not text.startswith(suffix + "长", e):
            return None            # 地处, 处于: the body word is part of another word (not 防控科科长)
        if _DESIGNATION.search(text, max(0, s - _MAX_NAME), s):
            return None            # 创建“枫桥式公安派出所”, 打造“枫桥式”综治中心: a model to copy
        floor = 0
        # Continues the previous unit: 公安局 + 青羊区分局.
        if previous and previous.end <= s and s - previous.end <= _MAX_NAME \
                and not _stops(text[previous.end:s]):
            name = _strip_function_words(text[previous.end:s], _NOT_CONTINUATION)
            # 综治中心整合法院: a verb before a top-level body starts a new clause, not a unit.
            first = _cut(name)[0] if name else ""
            if first in _FOUNDING and len(name) - len(first) >= 2:
                # 公安局组建旅游警察大队: a new unit of the body, named after the verb
                return _Unit(previous.end + len(first), e, name[len(first):], suffix)
            verb_led = suffix in self.top and name and _tag(first) == "v"
            # 综治中心调解员通过人民法院: a preposition or conjunction inside ends the chain
            bridged = any(_tag(w) in _BRIDGE_TAGS for w in _cut(name)) \
                or first in _JOINT_VERBS            # 派出所联合绥阳镇党委: two bodies at work
            if name == text[previous.end:s] and not verb_led and not bridged:
                place = next((p for p in places if p.start == previous.end and p.end <= s), None)
                return _Unit(previous.end, e, name, suffix, place)
            floor = previous.end   # 司法局还联合市中级人民法院: a new body starts after the verb
        # Anchored on the places right before it: 成都邛崃公安局, 成都市高新区新川派出所.
        anchor = self._anchor(text, s, [p for p in places if p.start >= floor])
        if anchor is not None:
            start, place = anchor
            name = text[place.end:s] if place else text[start:s]
            if name in _PLURAL_LEVELS:
                return None        # 山西多地公安机关: the bodies of many places
            first = _cut(name)[0] if name else ""
            if len(first) < 2 or _tag(first) != "v":      # 花果园街道 starts with 花, not a verb
                return _Unit(start, e, name, suffix, place)
            # 夷陵区成立诉源治理工作领导小组, 杭州建立平安卫士关爱基金会: the place is the subject,
            # the body it founds is the place's
            rest = name[len(first):]
            return _Unit(s - len(rest), e, rest, suffix, place) if len(rest) >= 2 else None
        if suffix in self.police or suffix in _NEEDS_ANCHOR or len(suffix) == 1:
            return None        # 公安机关, 办公室, 科 with no place or parent are not names
        if suffix in _TEAMS and not text.startswith("”", s - 1):
            return None        # 治安联防队, 社会救援队: a kind of team unless its name is quoted
        name = next((t for t in towns if text.startswith(t, s - len(t)) and s - len(t) >= floor),
                    None) or self._bare_name(text, s, floor)
        if name is None:
            return None
        if name == "" and suffix in _FOCUS_BODIES and _TITLE_AFTER.match(text, e):
            return _Unit(s, e, "", suffix)       # 公安局局长: the body of the place in focus
        if name in self.police:
            return None            # 与公安机关指挥中心联网: the police in general, no named unit
        if name == "" or name.endswith("级") or name in _PLURAL_LEVELS or \
                name.startswith(_PLURAL_PREFIXES):
            return None            # 村级综治中心, 县区公安局, 乡镇全面推广综治中心: a kind of body
        if suffix in ("派出所", "中队", "分局") and name not in _LEVEL_CHARS \
                and not _proper_name(name) and name not in towns:
            return None            # 布防派出所, 片区派出所
        return _Unit(s - len(name), e, name, suffix)

    def _prefixed(self, text: str, start: int) -> int:
        """Extend a chain's start over a national body or set prefix: 中共杭州市委, 中国人民银行包头市…"""
        match = self.prefix_re.search(text, 0, start)
        return match.start() if match else start

    def _anchor(self, text: str, s: int, places: list[Mention]) -> tuple[int, Mention | None] | None:
        before = [p for p in places if p.end <= s and s - p.end <= _MAX_NAME
                  and not _stops(text[p.end:s])]
        if not before:
            return None
        last = max(before, key=lambda p: p.end)
        start = last.start
        for p in sorted(places, key=lambda p: -p.end):   # contiguous place chain: 四川省成都市
            if p.end == start:
                start = p.start
        return self._prefixed(text, start), last

    def _bare_name(self, text: str, s: int, floor: int = 0) -> str | None:
        if s > 0 and text[s - 1] == "”":          # “秦岭护林”联防队: the quoted name
            open_at = text.rfind("“", floor, s)
            inner = text[open_at + 1:s - 1] if open_at >= 0 else ""
            return inner if 2 <= len(inner) <= 10 and not _STOP.search(inner) else None
        left = s
        while left > floor and s - left < 6 and not _STOP.match(text, left - 1):
            left -= 1
        if left > floor and s - left < 6:
            # a stop character inside a place-like word does not end the name (上京社区居委会)
            wider = text[max(floor, s - 6):s]
            words = _cut(wider)
            kept = ""
            for word in reversed(words):
                if _stops(word):
                    break
                kept = word + kept
            if len(kept) > s - left:
                left = s - len(kept)
        region = _after_last_function_word(text[left:s])
        if region[:1] in "全各" and region[1:] in _LEVEL_CHARS:
            return None                # 全市法院参与诉源治理: every court of the city, no one body
        if region in _LEVEL_CHARS or region[-1:] in _LEVEL_CHARS and \
                _strip_function_words(region[:-1], _NOT_NAME_START) == "":
            return region[-1:]
        return region

    # ------------------------------------------------------------- the mention
    def _mention(self, index: int, text: str, chain: list[_Unit]) -> Mention | None:
        first = chain[0]
        units = []
        for unit in chain:
            generic = _LEVEL_CHARS.get(unit.name) if unit.place is None else None
            if unit is first and unit.place is None and unit.name == "":
                # 公安分局局长: a district's branch; 公安局局长: the bureau of the place in focus
                generic = "county" if unit.suffix in ("公安分局", "分局") else "focus"
            prefix = self.prefix_at.match(text, unit.start) if unit.place else None
            units.append({
                "prefix": prefix.group() if prefix else "",
                "surface": text[unit.start:unit.end],
                "name": unit.name,
                "suffix": unit.suffix,
                "kind": canonical_suffix(unit.suffix),
                "place_key": unit.place.key if unit.place else "",
                "place_name": unit.place.name if unit.place else "",
                "place_surface": unit.place.surface if unit.place else "",
                "generic": generic or "",
            })
        start, end = first.start, chain[-1].end
        top = units[0]
        return Mention(
            type=EntityType.AGENCY, surface=text[start:end], start=start, end=end, sentence=index,
            attrs={"units": units,
                   "needs_parent": not top["place_key"] and not top["generic"]
                   and chain[0].suffix in self.sub})


def _strip_function_words(region: str, tags: set[str] = _NOT_NAME_START) -> str:
    """Drop leading verbs, numerals, adverbs …: 新一届 -> '', 还联合市 -> 市."""
    words = list(_cut(region))
    while words and not words[0].startswith("第") and (
            _tag(words[0]) in tags or words[0] in ("该", "每", "各", "全")):
        rest = "".join(words[1:])
        if len(rest) == 1 and rest not in _LEVEL_CHARS:
            break              # 中坝: stripping 中 would leave a name of one character
        words.pop(0)
    return "".join(words)


def _stops(segment: str) -> bool:
    """Whether a name cannot run over `segment`: it holds punctuation, or a stop word that
    stands as a word of its own (the 上 of 上海路派出所 is part of 上海, not a verb)."""
    if not _STOP.search(segment):
        return False
    return any(_STOP.search(w) and (len(w) == 1 or not _HAN_WORD.match(w)
                                    or _tag(w) not in _PROPER_TAGS | {"n"})
               for w in _cut(segment))


def _starts_word(text: str, pos: int, end: int) -> bool:
    """Whether the body word at [pos, end) stands as a word: not 处于, 所在, 地处 or 调处."""
    lo = max(0, pos - 3)
    offset = lo
    for word in _cut(text[lo:end + 3]):
        w_start, w_end = offset, offset + len(word)
        offset = w_end
        if w_end <= pos:
            continue
        if w_start < pos:      # a word straddles the start: 地处, 调处 (but 县公安局 is fine)
            return w_end <= end and not (end - pos == 1 and text[w_start:pos] not in _LEVEL_CHARS)
        return w_end <= end    # starts here: the body word, unless it runs on (处于, 所在)
    return True


def _after_last_function_word(region: str) -> str:
    """What follows the region's last verb or particle: 率先成立房产物业 -> 房产物业."""
    words = list(_cut(region))
    cut = 0
    for i, word in enumerate(words):
        tag = _tag(word)
        counted = tag == "q" and (i == 0 or words[i - 1].isdigit() or _tag(words[i - 1]) == "m")
        if tag in _NOT_BARE_NAME or counted or (tag == "d" and len(word) > 1) \
                or word in ("们", "等", "该", "各"):
            cut = i + 1            # 13个街道: a classifier after a number, not 薛家岛's 家
    return "".join(words[cut:])


def _proper_name(name: str) -> bool:
    """A place-like proper name: one word jieba calls a name or does not know (苏坡, 新川),
    or words with a proper one among them (小王家庄镇, 大龙湖) — not 街面梯次布防."""
    words = list(_cut(name))
    if len(words) == 1:
        return _tag(name) in _PROPER_TAGS
    if any(_tag(w) in ("ns", "nr", "nz", "nt") for w in words):
        return True
    # 中坝, 薛家岛: a name jieba does not know falls apart into unknown words and characters
    return all(len(w) == 1 or _tag(w) is None for w in words)


component("agencies")(Recogniser(AgencyRecognizer))
