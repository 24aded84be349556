"""Statistics: figures a sentence reports about a place, agency or programme.

    承德现有农村食品安全协管员2904名
      -> Statistic(about=<承德市>, value=2904, unit=名, measure=农村食品安全协管员)
    2022年，全市违法犯罪警情同比下降21.2%
      -> Statistic(about=<全市>, value=21.2, unit=%, measure=违法犯罪警情,
                   direction=下降, period=2022年)

`find_quantities` finds the numbers; this module decides what each one is
about (the subject of its clause, else the article's focus), what it counts,
in which direction it moved and for which period.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.model import EntityType, Mention, Sentence, Statistic
from kg.lexicons import alternation, words
from kg.regex import finditer_at
from kg.words import dictionary_tag
from kg.relate.numbers import Quantity, direction_words, find_quantities

SUBJECT_TYPES = frozenset({EntityType.PLACE, EntityType.AGENCY, EntityType.PROGRAMME})

_CLAUSE_BREAK = re.compile(r"[，,；;：:。！？!?]")
#: fillers between a direction word and its number: 下降了20%, 缩短到平均5分钟
_FILLER_TAIL = re.compile(r"(?:平均|约|达到|达|共计|共|累计|分别|仅|的|了|至|到|为)+$")
_FILLER_HEAD = re.compile(r"^(?:同比|环比|分别|共计|累计|共|均|已经|已|还|又|再|都|仅|就|达到|达)+")
#: possession verbs that open a measure without belonging to it: 现有协管员2904名
_MEASURE_HEAD = re.compile(r"^(?:现有|共有|拥有|已有|尚有|有)")
_MEASURE_TAIL = re.compile(r"(?:同比|环比|分别|共计|累计|共|均|已经|已|还|仅|就|达到|达|为|有|是|了|至|到|从|由|的|平均|约|近|超过|逾)+$")
_MAX_MEASURE = 16


@lru_cache(maxsize=1)
def _lexicons():
    dated = (r"(?:截至|截止)?(?:\d{4}年|今年|去年|前年)"
             r"(?:\d{1,2}(?:[—\-－~～至到]\d{1,2})?月(?:底|末|初|上旬|中旬|下旬|份)?"
             r"|[上下]半年|前?[一二三四]季度|第[一二三四]季度|底|末|初|以来|全年)?"
             r"|(?:截至|截止)\d{1,2}月(?:底|末|初|上旬|中旬|下旬)?"
             r"|\d{1,2}月(?:份)?以来")
    period = re.compile(f"{dated}|{alternation('stat_periods')}")
    # a character a period can start with (截至, a year, 今年 … or a stat_periods word)
    period_start = re.compile("[\\d截今去前" + "".join(
        sorted({re.escape(w[0]) for w in words("stat_periods")})) + "]")
    stops = tuple(sorted(words("stat_measure_stops"), key=len, reverse=True))
    openers = alternation("stat_clause_openers")
    directions = "|".join(re.escape(w) for w in direction_words())
    direction = re.compile(rf"(?P<dir>{directions})(?P<suf>至|到|为)?$")
    founding = tuple(words("stat_founding_verbs"))
    return period, stops, re.compile(rf"^(?:{openers})*"), direction, founding, period_start


def find_statistics(sentence: Sentence, mentions: list[Mention],
                    default_about: str | None, article_id: str) -> list[Statistic]:
    """The statistics `sentence` reports, each about a mention's key or `default_about`."""
    quantities = [q for q in find_quantities(sentence.text) if _reportable(q)]
    if not quantities:
        return []
    text = sentence.text
    lexicons = _lexicons()
    periods = [(m.start(), m.end(), m.group(0))
               for m in finditer_at(lexicons[0], lexicons[5], text)]
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(text)]
    subjects = sorted((m for m in mentions if m.type in SUBJECT_TYPES and m.key
                       and not _attributive(m, text)), key=lambda m: m.start)
    out: list[Statistic] = []
    previous: tuple[Quantity, str] | None = None
    previous_measure: tuple[Quantity, str] | None = None
    for i, q in enumerate(quantities):
        about = _about(q, text, breaks, subjects, periods, default_about)
        direction = _direction(q, text, breaks, periods, previous)
        previous = (q, direction)
        measure = _measure(q, text, breaks, periods, subjects, quantities)
        if not measure and previous_measure and _same_clause(previous_measure[0], q, text):
            measure = previous_measure[1]      # 占比从70%上升至90%: the same measure
        previous_measure = (q, measure)
        if about is None:
            continue
        for part in _measures(q, i, measure, text, quantities):
            out.append(Statistic(
                about=about, value=q.value, unit=q.unit, measure=part,
                evidence=text, sentence=sentence.index, qualifier=q.qualifier,
                direction=direction, period=_period(q, periods), surface=q.surface,
                article=article_id))
    return out


def unique_statistics(statistics: list[Statistic]) -> list[Statistic]:
    """The first of each figure an article repeats (headline and body, lead and summary):
    one per (article, about, value, unit, measure)."""
    seen: set[tuple] = set()
    out = []
    for st in statistics:
        key = (st.article, st.about, st.value, st.unit, st.measure)
        if key not in seen:
            seen.add(key)
            out.append(st)
    return out


_EACH = re.compile(r"[均都](?:达到|达|为|是|保持在|在)?$")
_COORDINATION = re.compile(r"[和及与、]")


def _measures(q: Quantity, i: int, measure: str, text: str,
              quantities: list[Quantity]) -> list[str]:
    """One measure per statistic: 安全感和满意度均达98% reports two figures;
    立案、受损金额分别下降8.7%、14.9% gives each figure its own measure."""
    parts = [p for p in _COORDINATION.split(measure) if p]
    if len(parts) < 2:
        return [measure]
    lead = text[max(0, q.start - 4):q.start]
    if _EACH.search(lead):
        return parts
    group = _list_around(i, text, quantities)
    if "分别" in text[:q.start] and len(group) == len(parts):
        return [parts[group.index(i)]]
    return [measure]


def _list_around(i: int, text: str, quantities: list[Quantity]) -> list[int]:
    """Indexes of the figures listed with quantities[i]: 8.7%、14.9%."""
    lo = hi = i
    while lo > 0 and text[quantities[lo - 1].end:quantities[lo].start] == "、":
        lo -= 1
    while hi + 1 < len(quantities) and text[quantities[hi].end:quantities[hi + 1].start] == "、":
        hi += 1
    return list(range(lo, hi + 1))


def _same_clause(a: Quantity, b: Quantity, text: str) -> bool:
    return not _CLAUSE_BREAK.search(text, a.end, b.start)


def _reportable(q: Quantity) -> bool:
    """Figures are printed in Arabic numerals (GB/T 15835); a Chinese single digit
    with a counting word (两个探头, 三项清单, 三轮车) describes, it does not report."""
    if not q.unit:
        return False
    if q.value < 10 and not any(ch.isdigit() for ch in q.surface) and q.kind != "rate":
        return False
    return True


# ---------------------------------------------------------------- clauses

def _clause(pos: int, text: str, breaks: list[int]) -> tuple[int, int]:
    start, end = 0, len(text)
    for b in breaks:
        if b < pos:
            start = b + 1
        else:
            end = b
            break
    return start, end


def _opens_clause(m: Mention, text: str, breaks: list[int], periods) -> bool:
    """Whether `m` is the first thing in its clause (after a period or 据统计-like opener)."""
    cs, _ = _clause(m.start, text, breaks)
    head = _strip_periods(text[cs:m.start], periods, cs)
    openers = _lexicons()[2]
    return openers.sub("", head) == ""


def _strip_periods(segment: str, periods, offset: int) -> str:
    if not segment:
        return segment
    chars = list(segment)
    for a, b, _ in periods:
        for i in range(max(a, offset), min(b, offset + len(segment))):
            chars[i - offset] = ""
    return "".join(chars)


# ---------------------------------------------------------------- about

def _about(q: Quantity, text: str, breaks, subjects: list[Mention], periods,
           default: str | None) -> str | None:
    """The subject of the number's clause, else the sentence's, else the article's focus."""
    cs, _ = _clause(q.start, text, breaks)
    before = [m for m in subjects if m.end <= q.start]
    in_clause = [m for m in before if m.start >= cs]
    opener = next((m for m in in_clause if _opens_clause(m, text, breaks, periods)), None)
    if opener is not None and opener.type is EntityType.PLACE:
        return _head_of_chain(opener, in_clause).key
    for m in reversed(in_clause):
        if m.surface.startswith("全") and q.start - m.end <= 1:
            return m.key                        # 在全市7个区县: the place's own parts
    if opener is not None and opener.type is EntityType.AGENCY:
        return _head_of_chain(opener, in_clause).key   # 瓦房店市公安局已在全市建成…68个
    for m in reversed(in_clause):
        if m.surface.startswith("全"):          # 全市23个县, 对全区28栋写字楼
            return m.key
    if opener is not None:
        return _head_of_chain(opener, in_clause).key
    for m in reversed(before):
        if m.start < cs and m.type is EntityType.AGENCY and _founded(m, text):
            return m.key
    for m in reversed(before):
        if m.start < cs and _opens_clause(m, text, breaks, periods):
            return _head_of_chain(m, before).key
    if in_clause:
        return in_clause[-1].key
    return default


_ATTRIBUTIVE = re.compile(r"(?:[和、及与][^，。；的]{1,8}?)?(?P<verb>[\u4e00-\u9fff]{2})的")


def _attributive(m: Mention, text: str) -> bool:
    """Whether `m` is the agent of a clause modifying a noun (市局和区委交办的18起信访积案):
    it describes what is counted, it is not whose figure it is."""
    match = _ATTRIBUTIVE.match(text, m.end)
    return bool(match) and dictionary_tag(match.group("verb")) == "v"


def _founded(m: Mention, text: str) -> bool:
    """Whether `m` is the object of 成立/组建 …: the body the next clauses report on."""
    head = text[max(0, m.start - 6):m.start]
    if head.endswith("了"):
        head = head[:-1]
    return head.endswith(_lexicons()[4])


def _head_of_chain(m: Mention, mentions: list[Mention]) -> Mention:
    """The last of mentions written back to back: 陕西省铜川市 is about 铜川市."""
    for other in mentions:
        if other.start == m.end:
            return _head_of_chain(other, mentions)
    return m


# ---------------------------------------------------------------- direction, period

def _direction(q: Quantity, text: str, breaks, periods,
               previous: tuple[Quantity, str] | None) -> str:
    """下降, 上升至 … written just before the number (through 了/至/平均/a period)."""
    if previous is not None:
        pq, pdir = previous
        if pdir and text[pq.end:q.start] in ("、", "，", ","):
            return pdir                    # 分别同比下降8.7%、14.9%
    cs, _ = _clause(q.start, text, breaks)
    head = text[cs:q.start].rstrip()
    direction = _lexicons()[3]
    for _ in range(4):
        m = direction.search(head)
        if m:
            return m.group(0)
        trimmed = _FILLER_TAIL.sub("", head)
        for a, b, _p in periods:
            if a >= cs and b == cs + len(trimmed):
                trimmed = trimmed[: a - cs]
        if trimmed == head:
            break
        head = trimmed
    return ""


def _period(q: Quantity, periods) -> str:
    """The last period expression before the number in the sentence."""
    found = ""
    for a, b, p in periods:
        if b <= q.start:
            found = p
    return found


# ---------------------------------------------------------------- measure

def _measure(q: Quantity, text: str, breaks, periods, subjects, quantities) -> str:
    """What is counted: the noun phrase after a count word, else the clause before the number."""
    _, stops, openers, direction, _, _ = _lexicons()
    cs, ce = _clause(q.start, text, breaks)
    if q.kind == "count" and q.end < ce and _is_cjk(text[q.end]):
        tail = text[q.end:ce]
        cut = min(len(tail), _MAX_MEASURE)
        for i in range(1, cut):
            if tail[i] in "“”\"《》（）()、" or tail.startswith(stops, i):
                cut = i
                break
        phrase = tail[:cut]
        if len(phrase) >= 2:
            return phrase
    start = cs
    for other in quantities:
        if cs <= other.end <= q.start:
            start = other.end
    for m in subjects:
        if start <= m.start and m.end <= q.start:
            start = m.end
    head = _strip_periods(text[start:q.start], periods, start)
    head = head.strip("，,、 ")
    head = openers.sub("", head)
    for _ in range(3):
        head = _MEASURE_TAIL.sub("", head)
        d = direction.search(head)
        if d:
            head = head[: d.start()]
    head = _FILLER_HEAD.sub("", head)
    head = _MEASURE_HEAD.sub("", head)
    return head[-_MAX_MEASURE:]


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"
