"""Clean: decoded text -> normalised text with a map back to raw offsets.

The line structure is kept (the splitter reads it); each line is cleaned:

* full-width ASCII letters and digits become half-width, Kangxi radicals,
  compatibility ideographs and the vertical and small forms of punctuation that
  PDFs emit become the ordinary characters (NFKC on those ranges), brackets become
  full-width （）, ASCII , ; : ? ! beside Chinese text become Chinese punctuation;
* zero-width characters, replacement characters, control characters, the
  pinyin a mirror site writes after characters (`社区（qū）`) and lone page
  numbers go; form feeds and Unicode line separators become line
  breaks;
* the stray spaces of PDF extraction go: around digits and punctuation next to
  Chinese, and between Chinese characters when the line is letter-spaced
  (`全 市 违 法 犯 罪`); a single space between words is kept where it carries
  meaning (`Wi Fi`, `推动干部下沉 贴心服务群众`, `本报记者 王明峰 李凯旋`);
* traditional characters become simplified (OpenCC t2s).

Every step keeps or drops characters, never reorders them, so `offsets[i]` is
the index in the raw text of clean character i. `normalize_text` is idempotent.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from kg.lexicons import words
from kg.model import CleanText

_CJK_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
CJK = re.compile(f"[{_CJK_CHARS}]")
_SPACES = " \t\u3000\u00a0\u2002\u2003\u2009\u202f"
_SPACE_RUN = re.compile(f"[{_SPACES}]+")
_CJK_GAP = re.compile(f"(?<=[{_CJK_CHARS}]) +(?=[{_CJK_CHARS}])")
_DELETE = re.compile(
    r"[\u200b-\u200f\u2060-\u2064\ufeff\u00ad\ufffd\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]+")
# The pinyin a mirror site writes after a character (区（qū）, 发（fā）布): one syllable
# with its tone mark, in brackets.
_PINYIN_GLOSS = re.compile(f"(?<=[{_CJK_CHARS}])（[a-zü]{{0,5}}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{{0,5}}）")
_PAGE_NUMBER = re.compile(r"(?m)^[ \t]*(?:[-—–]\s*)?\d{1,4}(?:\s*[-—–])?[ \t]*$")
_LINE = re.compile(r"[^\n]+")
# ASCII punctuation used inside Chinese text; not between two digits (1,000 / 6:35).
# (The punctuation mark comes first in the pattern, so that a search skips to the next one.)
_ASCII_PUNCT = re.compile(
    f"[,;:?!](?:(?<=[{_CJK_CHARS}\u3000-\u303f\uff00-\uffef“”‘’…—][,;:?!])"
    f"|(?=[{_CJK_CHARS}“”‘’]))")
_FULLWIDTH_POINT = re.compile(r"．(?<=\d．)(?=\d)")
_ASCII_TO_FULL = str.maketrans({",": "，", ";": "；", ":": "：", "?": "？", "!": "！"})

# A space between two Chinese characters is stray when the line is letter-spaced:
# at least this many such gaps and fewer Chinese characters per gap-free run.
_LETTER_SPACED_MIN_GAPS = 2
_LETTER_SPACED_MAX_RUN = 2.5

# Bylines set two-character names to the width of three (【杜 娟 宋鹏飞】, 王 磊 摄):
# there the spaces separate names and must stay.
_BYLINE_LIKE = re.compile(r"^[【\[][^】\]]{2,24}[】\]]$|^[（(][^）)]{2,24}[）)]$|记者|通讯员|摄$")

_NARROW = re.compile(r"[\x21-\x7e\u00c0-\u024f]")


def _width_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xFF10, 0xFF1A):            # ０-９
        table[code] = chr(code - 0xFEE0)
    for code in list(range(0xFF21, 0xFF3B)) + list(range(0xFF41, 0xFF5B)):  # Ａ-Ｚ ａ-ｚ
        table[code] = chr(code - 0xFEE0)
    for ch in "％＋＝＠＃＆＄＿＾｀｜＜＞":
        table[ord(ch)] = chr(ord(ch) - 0xFEE0)
    table.update({ord("("): "（", ord(")"): "）", ord("\f"): "\n", ord("\v"): "\n",
                  ord("\x85"): "\n", ord("\u2028"): "\n", ord("\u2029"): "\n"})
    for ch in _SPACES:
        table[ord(ch)] = " "
    table.update(_compatibility_forms())
    return table


# What PDF text layers emit for ordinary characters: radicals (⽌ for 止), compatibility
# ideographs, and the vertical and small presentation forms of punctuation.
_COMPATIBILITY = ((0x2E80, 0x2EFF), (0x2F00, 0x2FDF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F),
                  (0xFE10, 0xFE1F), (0xFE30, 0xFE4F), (0xFE50, 0xFE6F))


def _compatibility_forms() -> dict[int, str]:
    """NFKC on those ranges only (it would also turn the full-width ，：（） that later
    stages read into ASCII), one character for one; punctuation it gives as ASCII
    becomes the full-width form the text around it uses (︐ -> ，, ︵ -> （)."""
    table: dict[int, str] = {}
    for first, last in _COMPATIBILITY:
        for code in range(first, last + 1):
            folded = unicodedata.normalize("NFKC", chr(code))
            if len(folded) != 1 or folded == chr(code):
                continue
            if "!" <= folded <= "~" and not folded.isalnum():
                folded = chr(ord(folded) + 0xFEE0)
            table[code] = folded
    for pair in words("radical_equivalents"):
        table[ord(pair[0])] = pair[1]
    return table


_WIDTH = _width_table()
# The characters the table changes: `raw.translate(_WIDTH)` is a slow per-character
# lookup over the whole text, when most texts hold only a few of them, or none.
def _char_class(codes: list[int]) -> str:
    """A regex class of the code points, consecutive ones as ranges: a class listing
    hundreds of characters outside the BMP one by one is tested one by one."""
    runs: list[list[int]] = []
    for code in sorted(codes):
        if runs and code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return "[" + "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "")
                         for a, b in runs) + "]"


_WIDTH_CHARS = re.compile(_char_class([k for k, v in _WIDTH.items() if chr(k) != v]))


def _widen(match: re.Match) -> str:
    return _WIDTH[ord(match.group())]


# Standard simplified characters that the conversion tables would fold anyway (孃 -> 娘).
_KEEP = frozenset(words("simplified_keep"))


class _Simplifier:
    """Traditional -> simplified, one character for one character.

    OpenCC converts whole lines (its phrase table picks the right character in
    context); the per-character table is the fallback if a conversion ever
    changed the length, so offsets stay exact.
    """

    def __init__(self) -> None:
        from opencc import OpenCC
        import opencc

        self._opencc = OpenCC("t2s")
        path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
        table: dict[int, str] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            trad, _, simp = line.partition("\t")
            simp = simp.split(" ")[0]
            if len(trad) == 1 and len(simp) == 1 and trad != simp and trad not in _KEEP:
                table[ord(trad)] = simp
        self._table = table
        # A set test is several times faster than a regex class of 2,700 characters.
        self._traditional = frozenset(chr(c) for c in table)
        # Cleaning writes no character of its own that is traditional (． -> ., the ASCII
        # , ; : ? ! -> ，；：？！), so text with none keeps none through a cleaning pass.
        self.writes_simplified = self._traditional.isdisjoint(".，；：？！")

    def __call__(self, text: str) -> str:
        if self._traditional.isdisjoint(text):
            return text
        return self.convert(text)

    def is_simplified(self, text: str) -> bool:
        """Whether `text` holds no traditional character (`self(text)` is `text`)."""
        return self._traditional.isdisjoint(text)

    def convert(self, text: str) -> str:
        return _LINE.sub(self._line, text)

    def _line(self, match: re.Match) -> str:
        line = match.group()
        if self._traditional.isdisjoint(line):
            return line
        converted = self._opencc.convert(line)
        if len(converted) != len(line):
            return line.translate(self._table)
        if _KEEP.isdisjoint(line):
            return converted
        return "".join(o if o in _KEEP else c for o, c in zip(line, converted))


@lru_cache(maxsize=1)
def _simplifier() -> _Simplifier:
    return _Simplifier()


def normalize_text(raw: str) -> CleanText:
    text, offsets, simplified = _clean_pass(raw)
    # One step can expose work for another (a page number once a zero-width
    # character beside it is gone, a comma once the spaces around it are):
    # repeat until nothing changes, so that cleaning clean text changes nothing.
    for _ in range(_MAX_PASSES):
        again, kept, simplified = _clean_pass(text, simplified)
        if again == text:
            break
        if kept is not None:
            offsets = kept if offsets is None else [offsets[i] for i in kept]
        text = again
    if offsets is None:
        offsets = list(range(len(text)))
    return CleanText(text=text, offsets=offsets)


_MAX_PASSES = 8


def _clean_pass(raw: str, simplified: bool = False) -> tuple[str, list[int] | None, bool]:
    """One pass of every step; the offsets map into `raw` (None: nothing was dropped).

    `simplified` says that `raw` is known to hold no traditional character (the output of
    a pass whose text held none); the pass returns whether its output is known so.
    """
    # 1. one character for one character: widths, brackets, spaces, script.
    text = _WIDTH_CHARS.sub(_widen, raw)
    simplifier = _simplifier()
    if not (simplified and text == raw):        # (else the test below would say so again)
        simplified = simplifier.is_simplified(text)
        if not simplified:
            text = simplifier.convert(text)
    simplified = simplified and simplifier.writes_simplified
    text = _FULLWIDTH_POINT.sub(".", text)
    # 2. drop invisible debris and pinyin glosses, then lone page numbers.
    text, offsets = _drop(text, None, [m.span() for m in _DELETE.finditer(text)])
    text, offsets = _drop(text, offsets, [m.span() for m in _PINYIN_GLOSS.finditer(text)])
    text, offsets = _drop(text, offsets, [m.span() for m in _PAGE_NUMBER.finditer(text)])
    # 3. drop stray spaces.
    text, offsets = _drop(text, offsets, _stray_spaces(text))
    # 4. ASCII punctuation inside Chinese text becomes Chinese punctuation.
    text = _ASCII_PUNCT.sub(lambda m: m.group().translate(_ASCII_TO_FULL), text)
    return text, offsets, simplified


def _drop(text: str, offsets: list[int] | None, spans: list[tuple[int, int]]
          ) -> tuple[str, list[int] | None]:
    """Remove the sorted, non-overlapping spans; compose the offset map (None: identity)."""
    if not spans:
        return text, offsets
    if offsets is None:
        offsets = list(range(len(text)))
    parts: list[str] = []
    kept: list[int] = []
    pos = 0
    for start, end in spans:
        if start < pos:
            start = pos
        if start >= end:
            continue
        parts.append(text[pos:start])
        kept.extend(offsets[pos:start])
        pos = end
    parts.append(text[pos:])
    kept.extend(offsets[pos:])
    return "".join(parts), kept


def _letter_spaced_stretch(body: str) -> set[int]:
    """Starts of the spaces inside a letter-spaced stretch of an otherwise normal line
    (`2023年，全 区 综 治 中 心 共受理`): three or more single characters in a row."""
    gaps = [(m.start(), m.end()) for m in _CJK_GAP.finditer(body)]
    if len(gaps) < 2:
        return set()

    def run_left(a: int) -> int:
        n = 0
        while a - n - 1 >= 0 and CJK.match(body[a - n - 1]):
            n += 1
        return n

    def run_right(b: int) -> int:
        n = 0
        while b + n < len(body) and CJK.match(body[b + n]):
            n += 1
        return n

    singles = [run_left(a) == 1 and run_right(b) == 1 for a, b in gaps]
    stray = set()
    for k, (a, b) in enumerate(gaps):
        chained = singles[k] and (k > 0 and singles[k - 1] and gaps[k - 1][1] == a - 1
                                  or k + 1 < len(gaps) and singles[k + 1] and gaps[k + 1][0] == b + 1)
        # the stretch's ends: a single character next to a stray gap joins its neighbour word
        edge = (run_left(a) == 1 and k > 0 and singles[k - 1] and gaps[k - 1][1] == a - 1) or \
               (run_right(b) == 1 and k + 1 < len(gaps) and singles[k + 1] and gaps[k + 1][0] == b + 1)
        if chained or edge:
            stray.add(a)
    return stray


def _stray_spaces(text: str) -> list[tuple[int, int]]:
    """Spans of spaces to drop: all, or all but one where a space carries meaning."""
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        start, end = line.span()
        body = line.group()
        if " " not in body:
            continue
        gaps = len(_CJK_GAP.findall(body))
        byline = bool(_BYLINE_LIKE.search(body.strip()))
        letter_spaced = (gaps >= _LETTER_SPACED_MIN_GAPS
                         and len(CJK.findall(body)) / (gaps + 1) < _LETTER_SPACED_MAX_RUN
                         and not byline)
        spaced_chars = set() if letter_spaced or byline else _letter_spaced_stretch(body)
        for run in _SPACE_RUN.finditer(body):
            a, b = run.span()
            if a == 0 or b == len(body):
                spans.append((start + a, start + b))
                continue
            before, after = body[a - 1], body[b]
            if CJK.match(before) and CJK.match(after):
                keep = not letter_spaced and a not in spaced_chars
            else:
                keep = bool(_NARROW.match(before) and _NARROW.match(after))
            spans.append((start + a + (1 if keep else 0), start + b))
    return spans
