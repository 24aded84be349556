"""Quantities in Chinese text: `2904名`, `1.3万多件`, `390余万元`, `百分之二十`, `98%以上`, `71.39件/万人`.

`find_quantities(sentence)` reads every number that carries a unit (or a
万/亿 multiplier); `parse_quantity(text)` reads one whole quantity.  Values are exact
`Decimal`s with multipliers applied (`390余万元` is 3900000 元, qualifier 余).
Which of them are reported figures, not dates, ordinals, ranges, addresses or parts of
a name, the rules of kg/rules/statistics.yaml decide (kg/relate/statistics.py).

Chinese numerals are read by cn2an; the counting words, qualifiers and the
words that look like units but are not live in `kg/lexicons/` and are loaded
once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache

from kg.lexicons import sections, words
from kg.regex import finditer_at
from kg.words import tagged

CN_DIGITS = "零〇一壹幺二贰两三叁仨四肆五伍六陆七柒八捌九玖"
CN_PLACES = "十拾百佰千仟万亿"
CN_NUMERAL_CHARS = frozenset(CN_DIGITS + CN_PLACES + "廿")
MULTIPLIERS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000,
               "万": 10_000, "亿": 100_000_000}
#: multipliers written after an Arabic number or a qualifier: 1.3万, 390余万, 百余
ARABIC_MULTIPLIERS = ("千万", "百万", "十万", "万", "亿", "千")

_FULLWIDTH = str.maketrans("０１２３４５６７８９．％，", "0123456789.%,")


@dataclass(frozen=True)
class Quantity:
    value: Decimal
    unit: str            # as written, multiplier removed: 元 for 万元, 户 for 万户
    qualifier: str       # 余, 多, 近, 以上 … ("" when exact)
    surface: str         # the text as printed, qualifiers included
    start: int           # offsets in the text searched
    end: int
    kind: str = ""       # count, rate, money, duration ("" when unitless)
    numeral: str = ""    # the Chinese numeral as written ("" for Arabic digits)
    multiplier: str = ""  # 万, 亿 … written after the number

    def attrs(self) -> dict[str, str]:
        """What the rules test about the quantity (`ENT: Quantity, ATTRS: {…}`)."""
        return {"unit": self.unit, "kind": self.kind or "none", "qualifier": self.qualifier,
                "numeral": self.numeral, "multiplier": self.multiplier}


# ---------------------------------------------------------------- lexicons

@dataclass(frozen=True)
class _Lexicon:
    units: dict[str, str]          # unit -> kind
    not_units: frozenset[str]
    pre: tuple[str, ...]
    not_pre: frozenset[str]
    mid: tuple[str, ...]
    post: tuple[str, ...]
    pattern: re.Pattern
    # a character `pattern` can start a match with: a digit, a Chinese numeral, 百分之, a
    # [pre] qualifier; the scan jumps from one to the next instead of trying every position
    starts: re.Pattern


def _alternation(entries) -> str:
    return "|".join(re.escape(w) for w in sorted(set(entries), key=len, reverse=True))


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    units = {unit: kind for kind, found in sections("units").items() for unit in found}
    not_units = frozenset(words("stat_not_units"))
    quals = sections("stat_qualifiers")
    arabic = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
    chinese = rf"[{CN_DIGITS}{CN_PLACES}廿]+(?:点[{CN_DIGITS}]+)?"
    mid = _alternation(quals["mid"])
    pattern = re.compile(
        rf"(?P<pct>百分之(?P<pctnum>{arabic}|{chinese}))"
        rf"|(?P<pre>{_alternation(quals['pre'])})?"
        rf"(?:(?P<arabic>(?<![\d.A-Za-z]){arabic})|(?P<chinese>{chinese}))"
        rf" ?(?P<mid1>{mid})?(?P<mult>{_alternation(ARABIC_MULTIPLIERS)})?(?P<mid2>{mid})?"
        rf" ?(?P<unit>{_alternation(list(units) + list(not_units))})?"
        rf"(?P<post>{_alternation(quals['post'])})?"
    )
    first = "".join(sorted({w[0] for w in quals["pre"]} | set(CN_DIGITS + CN_PLACES + "廿百")))
    starts = re.compile(rf"[\d{re.escape(first)}]")
    return _Lexicon(units, not_units, tuple(quals["pre"]), frozenset(quals.get("not_pre", ())),
                    tuple(quals["mid"]),
                    tuple(quals["post"]), pattern, starts)


def _matches(text: str):
    """`lexicon().pattern.finditer(text)`: the same matches, tried only where one can start."""
    lex = lexicon()
    return finditer_at(lex.pattern, lex.starts, text)


# ---------------------------------------------------------------- numerals

@cache
def _cn2an():
    """cn2an's reader, imported on the first Chinese numeral: its import compiles a
    tenth of a second of regular expressions, which a text of Arabic figures never needs."""
    import cn2an
    return cn2an.cn2an


@lru_cache(maxsize=4096)
def chinese_value(numeral: str) -> Decimal | None:
    """The value of a Chinese numeral: what cn2an says, or a bare multiplier (百, 万, 千万)."""
    try:
        return _cn2an_value(numeral)
    except Exception:  # cn2an raises ValueError and, on odd input, others
        pass
    if numeral and all(ch in MULTIPLIERS for ch in numeral):
        value = Decimal(1)
        for ch in numeral:
            value *= MULTIPLIERS[ch]
        return value
    return None


def _cn2an_value(numeral: str) -> Decimal:
    """What cn2an reads a numeral as (raising as it does), without importing cn2an for the
    plain numerals most reports write and for the bare multipliers it refuses."""
    plain = _plain_numeral(numeral)
    if plain is not None:
        return Decimal(plain)
    if numeral and numeral[0] not in "十拾" and all(ch in MULTIPLIERS for ch in numeral):
        raise ValueError(f"no digit: {numeral}")      # 百, 千万: cn2an refuses them too
    return _decimal(_cn2an()(numeral, "normal"))


_DIGIT_VALUES = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
                 "九": 9}
_PLACE_VALUES = {"千": 1000, "百": 100, "十": 10}


def _plain_numeral(numeral: str) -> int | None:
    """The value of a numeral below 一亿 written place by place with no gap (两千, 十九,
    一百一十二, 三万五千); None for any other form (一二三, 二百五, 三千零五, 廿 …), which is
    cn2an's to read (tests/test_numbers.py holds the two to the same values)."""
    high, wan, low = numeral.partition("万")
    if not wan:
        return _plain_group(numeral, None)
    top = _plain_group(high, None)
    rest = _plain_group(low, 1000) if low else 0
    return None if top is None or rest is None else top * 10_000 + rest


def _plain_group(text: str, first: int | None) -> int | None:
    """A numeral below 一万 whose places run down one by one (一千二百三十四, 十九, 五),
    from the place `first` when given; 十 alone may open a numeral (十九), 两 may not count
    tens or ones after another place (两十, 十两: odd forms)."""
    value, expect, i = 0, first, 0
    while i < len(text):
        char = text[i]
        digit = _DIGIT_VALUES.get(char)
        i += digit is not None
        unit = 1 if i == len(text) else _PLACE_VALUES.get(text[i])
        i += unit != 1
        if unit is None or expect is not None and unit != expect:
            return None
        if digit is None and not (unit == 10 and value == 0 and first is None):
            return None
        if char == "两" and (unit == 10 or unit == 1 and value):
            return None
        value += (digit or 1) * unit
        expect = unit // 10
    return value or None


def _decimal(number) -> Decimal:
    """A plain Decimal: 13000 rather than 1.3E+4, 21.2 rather than 21.20."""
    value = Decimal(str(number))
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value.normalize()


def _arabic_value(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def _is_bare_multiplier(numeral: str) -> bool:
    """百, 万, 千万 … without a digit (十 alone is plainly ten, 十万 a hundred thousand)."""
    return all(ch in MULTIPLIERS for ch in numeral) and numeral[:1] not in ("十", "拾")


# ---------------------------------------------------------------- matching

def _quantity(m: re.Match, text: str, offset: int = 0) -> Quantity | None:
    """Turn one regex match into a Quantity, or None when it is no quantity."""
    lex = lexicon()
    if m.group("pct"):
        num = m.group("pctnum")
        value = _arabic_value(num) if num[0].isdigit() else chinese_value(num)
        if value is None:
            return None
        return Quantity(value, "%", "", m.group(0), m.start() + offset, m.end() + offset, "rate")
    unit, cut = m.group("unit") or "", None
    if unit in lex.not_units:
        cut = _unit_the_words_leave(text, m.start("unit"), unit)
        if cut is None:
            return None
        unit = cut
    pre = m.group("pre") or ""
    mid = m.group("mid1") or m.group("mid2") or ""
    mult = m.group("mult") or ""
    start = m.start()
    if m.group("arabic"):
        value = _arabic_value(m.group("arabic"))
    else:
        numeral = m.group("chinese")
        value = chinese_value(numeral)
        if _is_bare_multiplier(numeral) and not (pre or mid):
            return None            # 千家万户, 万一, 百姓: a bare 百/万 needs 余, 多, 上, 近
    if value is None:
        return None
    num_start = m.start("arabic") if m.group("arabic") else m.start("chinese")
    if pre and (pre == "上" and not (m.group("chinese") and _is_bare_multiplier(m.group("chinese")))
                or text[max(0, start - 1):num_start] in lex.not_pre):
        pre, start = "", num_start
    for ch in mult:
        value *= MULTIPLIERS[ch]
    post = "" if cut else m.group("post") or ""
    end = m.start("unit") + len(unit) if cut else m.end()
    if post and not unit and not m.group("pct"):
        end = m.start("post")       # 以上 qualifies a unit or a %, not a bare number
        post = ""
    qualifier = pre or mid or post
    surface = text[start:end]
    return Quantity(_decimal(value), unit, qualifier, surface, start + offset,
                    end + offset, lex.units.get(unit, ""), m.group("chinese") or "", mult)


def _unit_the_words_leave(text: str, at: int, word: str) -> str | None:
    """The unit at `at` when the rest of `word`, a word that is no unit, begins a longer word
    (2311处|警务室: a unit; 110处警|到达, 3个|月: none)."""
    cut = [w for w, _ in tagged(text[at:at + len(word) + 4])]
    if len(cut) < 2 or cut[0] not in lexicon().units or len(cut[0]) >= len(word):
        return None
    rest = word[len(cut[0]):]
    return cut[0] if cut[1].startswith(rest) and len(cut[1]) > len(rest) else None


def parse_quantity(text: str) -> Quantity | None:
    """Read `text` as exactly one quantity (`2904名`, `1.3万多件`, `两千`), else None."""
    if not isinstance(text, str):
        return None
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    if not stripped:
        return None
    if all(ch in CN_NUMERAL_CHARS or ch in "点负" for ch in stripped):
        try:
            value = _cn2an_value(stripped)
            return Quantity(value, "", "", stripped, lead, lead + len(stripped))
        except Exception:
            pass
    normal = stripped.translate(_FULLWIDTH)
    m = lexicon().pattern.fullmatch(normal)
    if m is None:
        return None
    q = _quantity(m, normal)
    if q is None or q.start != 0:
        return None
    return Quantity(q.value, q.unit, q.qualifier, stripped[q.start:q.end],
                    q.start + lead, q.end + lead, q.kind)


# ---------------------------------------------------------------- in sentences

_HAS_NUMBER = re.compile(rf"[\d０-９{CN_DIGITS}{CN_PLACES}廿]")


def find_quantities(sentence: str) -> list[Quantity]:
    """Every quantity `sentence` prints with a unit (or 万/亿), left to right."""
    if not sentence or not _HAS_NUMBER.search(sentence):
        return []
    text = sentence.translate(_FULLWIDTH)
    found: list[Quantity] = []
    for m in _matches(text):
        if found and m.start() < found[-1].end:
            continue                   # the denominator of a rate read just before (件/10万人)
        if not m.group("unit") and not m.group("pct") and \
                text[(m.start("post") if m.group("post") else m.end()) - 1] not in "万亿":
            continue                   # _quantity would end it there, and it needs a unit
        q = _quantity(m, text)
        if q is None or not (q.unit or q.surface[-1] in "万亿"):
            continue
        found.append(_per_capita(q, text, sentence) or Quantity(
            q.value, q.unit, q.qualifier, sentence[q.start:q.end],
            q.start, q.end, q.kind, q.numeral, q.multiplier))
    return found


@lru_cache(maxsize=1)
def _per_pattern() -> re.Pattern:
    """`/万人`, `/10万人`, `/千人`: the denominator written after the unit of a rate."""
    units = _alternation(u for u, kind in lexicon().units.items() if kind == "count")
    return re.compile(rf"/(?:\d+)?(?:{_alternation(ARABIC_MULTIPLIERS + ('百',))})?(?:{units})")


def _per_capita(q: Quantity, text: str, sentence: str) -> Quantity | None:
    """A count per so many people or households (万人成讼率71.39件/万人) as one rate whose
    unit is written whole (`件/万人`), so neither it nor its denominator reads as a count."""
    per = _per_pattern().match(text, q.end) if q.unit else None
    if per is None:
        return None
    return Quantity(q.value, q.unit + per.group(0), q.qualifier, sentence[q.start:per.end()],
                    q.start, per.end(), "rate", q.numeral, q.multiplier)
