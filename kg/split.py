"""Split: one decoded file -> articles with headline, byline and body sentences.

Newspaper text extracted from PDF pages holds several articles, and their
parts do not come in reading order: a headline may sit before its body (with
the byline under it) or after it (news briefs that open with `本报X电`), a
column label may sit above a headline, and a page break may drop one article
into the middle of another. The splitter works in three steps:

1. lines -> units: every non-blank clean line is a headline line, a byline,
   a dateline opening, a caption or body text; body lines are rejoined into
   paragraphs (a paragraph runs on while a line does not end a sentence);
2. units -> articles: a small state machine opens, labels and closes articles
   on datelines, bylines and headline blocks (see `_Assembler`);
3. articles -> sentences: paragraphs are split at 。！？； (and the closing
   quote after them), each sentence mapped back to raw offsets and its line.

Text saved from a web page is one article, whatever subheads it holds. Which kind of
page a file is, is decided once, from its own shape (`_page`, `_one_web_page`); on a
web page the site's chrome (kg/page.py) is left out, the headline is taken from the
lines above the body (`_web_headline`), bylines anywhere sign it and step 2 is
`_web_draft` instead of the state machine.
"""
from __future__ import annotations

import bisect
import datetime
import re
from collections.abc import Callable
from functools import cache
from dataclasses import dataclass, field, replace
from pathlib import Path

from kg.clean import CJK, normalize_text
from kg.dates import find_date
from kg.gazetteer import gazetteer
from kg.lexicons import alternation, sections, words
from kg.model import Article, CleanText, Problem, Sentence, SourceText
from kg.page import (Info, chrome_line, closing_info, crumb_site, date_line, editor_credit, foot_line,
                     info_line, original_title, page_header, paper_line, related_header, row_paper,
                     site_name, teaser, timestamp_line, web_debris, without_site_name)

# ---------------------------------------------------------------- patterns

_TERMINAL = re.compile(r"(?:[。！？；]|……)[”’」』）]*$|[。！？][”’」』）]+$")
_CLOSERS = "”’」』）"
_INNER_STOP = re.compile(r"[。！？；]")
_OPEN_END = re.compile(r"[，,、；：:（(“‘《〈【—-]$")
_COMMA = re.compile(r"[，,、；]")
_SEGMENT_SPLIT = re.compile(r"[，,、；：:]")
_QUOTES = re.compile(r"[“”‘’\"'「」『』《》 ]")
_SENTENCE_END = re.compile(r"[。！？；]+[”’」』）]*|[!?;]+(?=\s|$)")

_NAME = r"[\u4e00-\u9fff]{2,4}"
_ROLE = r"(?:本报)?(?:特约|全媒体|融媒体|首席|见习)?(?:记者|通讯员|实习生|摄影记者|摄影)"
# the paper, site or app a byline opens with: 某某日报记者 X, 新某某·某某日报记者 X
_PAPER_OUTLET = (r"[\u4e00-\u9fff·]{2,12}?(?:日报|晚报|早报|时报|商报|法治报|法制报|报|网|电视台|台|社|"
                 r"客户端|新闻)")
# (an app's brand may stand before it, or alone, set apart by a dot: 新某某·记者 X, 新某某•某某报记者 X)
_OUTLET = rf"(?:[\u4e00-\u9fff]{{2,6}}[·•・](?:{_PAPER_OUTLET})?|{_PAPER_OUTLET})"
_LEADING_OUTLET = re.compile(rf"^[□■●◆◇★☆▲△○◎\s（(【\[]*(?P<outlet>{_OUTLET})\s*(?={_ROLE})")
# 本报北京12月27日电, 本报讯, 本报南昌讯; a site's: 某某网重庆5月22日电, 某某网6月24日盐城讯,
# 某某网消息（某某）, 某某网12月17日消息, 某某网西安1月20日消息, and its own word for itself: 本网讯
_DATELINE = re.compile(
    r"^(?:本报|本网|新华社|中新社|(?P<outlet>[\u4e00-\u9fff·]{2,10}?(?:日报|晚报|报|网|社|台|客户端|融媒体|融媒))"
    r"(?=\S{0,16}?(?:[电讯]|消息)(?:[\s（(“【：:]|$)))"
    r"(?:(?P<place>[\u4e00-\u9fff]{1,8}?)(?P<date>\d{1,2}月\d{1,2}日)(?:电|讯|消息)|"
    r"(?P<day>\d{1,2}月\d{1,2}日)?(?P<at>[\u4e00-\u9fff]{0,8}?)(?:讯|消息))[\s：:]*")
_DATELINE_PAREN_BYLINE = re.compile(r"^[（(](?P<names>[^（）()]{2,40})[）)]\s*")
_SPACED_NAME = rf"(?:[\u4e00-\u9fff] [\u4e00-\u9fff](?![\u4e00-\u9fff])|{_NAME})"   # 江 宣
# 某某网讯 记者甲、通讯员乙、丙报道：… — names run on after their roles, closed by 报道 and a colon
_DATELINE_REPORTED_BYLINE = re.compile(
    rf"^(?P<names>{_ROLE}\s*{_NAME}(?:[、，,\s]+(?:{_ROLE})?\s*{_NAME})*?)\s*报道\s*[：:]\s*")
_DATELINE_ROLE_BYLINE = re.compile(
    rf"^(?:{_ROLE}\s*●?\s*{_SPACED_NAME}(?:\s+(?!{_ROLE}){_SPACED_NAME})*(?:\s+|$|(?=[“「（(])))+"
    rf"(?=(?:{_NAME})?[^\s]|$)")
_BYLINE_WORDS = re.compile(r"本报|特约|全媒体|融媒体|首席|见习|摄影记者|摄影|记者|通讯员|实习生|整理|"
                           r"综合报道|报道|文/图|文图|摄")
# 某某/文 某某/摄, 文/某某 图/某某, 文/图 某某
# (a bar may stand for the slash: 文丨某某, 记者｜某某)
_SLASH_ROLE = re.compile(r"[/／]\s*(?:文|图|摄)(?![\u4e00-\u9fff])|(?<![\u4e00-\u9fff])"
                         r"(?:(?:文[/／]图|图[/／]文)\s*[：:]?|(?:文|图|图文|摄影|文字|图片|撰文)\s*[/／：:丨｜|])")
_BYLINE_SEPARATORS = re.compile(r"[□■●◆◇★☆▲△○◎•、，,/\s【】\[\]（）()：:|｜丨]+")
# a role word set with spaces to the width of a name (记 者：某某)
_SPACED_ROLE = re.compile(r"记\s+者|通\s+讯\s+员|摄\s+影")
# where the reporter filed from, after the names: 大众网记者 某某 东营报道 (a place, no name)
_FILED_FROM = re.compile(r"(?<=\s)[\u4e00-\u9fff]{2,8}?报道$")
# the day (and time) a portal prints after the names: …记者 某某 某某2026-02-05 00:00
_STAMP_END = re.compile(r"\s*\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$")
# an e-paper's font may print its byline mark as a capital letter: N本报记者 某某
_LETTER_MARK = re.compile(r"^\s*[A-Z](?=本报)")
_BYLINE_ROLE_LINE = re.compile(rf"^[□■●◆◇★☆▲△○◎\s]*(?:[A-Z](?=本报))?(?:{_OUTLET}\s*(?={_ROLE}))?(?:{_ROLE}|{_NAME}\s*整理|"
                               r"(?:文|图|图文|文字|图片|撰文)\s*[/／：:丨｜|])")
_LEADING_PAREN_BYLINE = re.compile(rf"^[（(](?P<names>{_ROLE}[^（）()]{{2,30}})[）)]\s*(?=\S)")
# a name or two before the outlet and role of the rest of a byline: 某甲 某某报全媒体记者 某乙
_NAMES_FIRST = re.compile(rf"^(?P<names>{_NAME}(?:\s+{_NAME})?)\s+(?={_OUTLET}\s*{_ROLE})")
_MARKED_NAMES = re.compile(rf"^[□■●•]\s*{_SPACED_NAME}(?:[\s、，]+{_SPACED_NAME})*$")
# names alone on a line, set apart by commas or spaces (a name of two letter-spaced: 吕 某)
_BARE_NAMES = re.compile(rf"^{_SPACED_NAME}(?:[\s、，,]+{_SPACED_NAME}){{0,3}}$")
_BRACKET_BYLINE = re.compile(r"^[【\[（(](?P<names>[^【】\[\]（）()]{2,30})[】\]）)]$")
_TRAILING_BRACKET = re.compile(r"(?<=[。！？”」])\s*[【\[](?P<names>[^【】\[\]]{2,30})[】\]]$")
_TRAILING_PAREN = re.compile(r"(?<=[。！？”」])\s*[（(](?P<names>[^（）()]{2,20})[）)]$")
# the most characters from the opening bracket to the end, a final line break included
_TRAILING_BRACKET_LEN = 33
_TRAILING_PAREN_LEN = 23
_CREDIT = re.compile(r"^(?P<names>[^。！？，；]{2,60}?)\s*摄$")
_CAPTION = re.compile(r"^图\s*[①-⑳\d]|图为|^[（(]?图[）)]")
_CAPTION_CREDIT = re.compile(r"(?<=[。！？”])\s*(?P<credit>[^。！？”]{2,40}摄)$")
# A caption that ends on its credit: …查看银杏生长情况。某某摄 / …进行训练记者某某摄 /
# 工作人员进行交通劝导 某某 摄 (a web page's caption) / …快速解决。本组图片 通讯员某某提供
# (the credit after a sentence's end, a space or a role word)
_TAIL_CREDIT = re.compile(
    rf"(?:(?<=[。！？”])\s*|(?<=[\u4e00-\u9fff])\s+|(?:本组)?(?:图片)?\s*(?={_ROLE}))(?P<credit>(?:{_ROLE})?\s*"
    rf"{_SPACED_NAME}(?:[、\s]+{_SPACED_NAME})*)\s*摄$|"
    rf"(?:本组)?(?:图片)?(?:由)?\s*(?P<given>{_ROLE}\s*{_SPACED_NAME})\s*提供$|"
    rf"(?<=[。！？”])\s*(?:新华社|中新社)?发?\s*[（(](?P<paren>(?:{_ROLE})?\s*{_SPACED_NAME})\s*摄[）)]$")
_MAX_CAPTION = 200           # characters of a caption line
_KICKER_LINE = re.compile(r"^[■□◆◇★☆▲△●○◎▶►]|——$")
_SUBTITLE_LINE = re.compile(r"^——")
_PARALLEL_HEAD = re.compile(r"^[\u4e00-\u9fff]{2,6}[：:]")
_TABLE_BARS = re.compile(r"^[\s|｜]*[|｜]\s*|\s*[|｜][\s|｜]*$")
_LEAD_LABEL = re.compile(r"^[\[【][^\]】]{1,8}[\]】]\s*")     # [法安导读], 【摘要】
_MIN_LEAD = 20               # characters of a lead that a body line repeats


# Headline shapes.
_FURNITURE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日\s*(?:星期|周)[一二三四五六日天]|^第?\s*[A-Z]?\d{1,3}\s*版|"
                        # a jump to or from another page: （下转2版）, （上接第1版）
                        r"^[（(]\s*(?:下转|上接|转|接)\s*第?\s*[A-Z]?\d{1,3}\s*版\s*[）)]$|"
                        r"(?:责任编辑|美术编辑|版式设计|版面设计|校对)\s*[：:]?\s*[\u4e00-\u9fff]")
_PAPER_NAME = re.compile(r"^[\u4e00-\u9fff]{2,8}(?:日报|晚报|早报|时报|商报|法治报|法制报|报)$")
_MAX_FURNITURE = 60
_PICTURE_PARAS = 3           # a picture item's text runs to a few paragraphs at most
_PICTURE_TEXT = re.compile(r"^(?:\d{1,2}月\d{1,2}日[，,上下晚]|图为|图片)")
_MAX_HEADLINE = 40           # characters on one headline line
_MAX_WEB_HEADLINE = 50       # characters on a line of a web page's head
_MAX_INFO_HEADLINE = 100     # ... on the line right above its info line
# a column's name and the bar after it, before a web headline (栏目名|标题)
_COLUMN_BAR = re.compile(r"^[\u4e00-\u9fff][\u4e00-\u9fff ]{1,11}\s*[|｜]\s*(?=\S)")
_SHORT_HEADLINE = 30         # a headline this short may exclaim or ask inside (…！…)
_FULL_STOP = re.compile(r"[。；]|……")
_LONG_LINE = 20              # characters of a line that should end a sentence if lines are paragraphs
_FEW_LINES = 4               # fewer long lines than this say nothing of how the page was saved
_MAX_BYLINE = 60             # characters on one byline line
_MAX_COMMA_HEADLINE = 20     # a headline with commas is short...
_MAX_HEADLINE_SEGMENT = 12   # ...and made of short phrases
_SHORT_OF_COLUMN = 0.8       # a line this much shorter than its column ended early
_COLUMN_WINDOW = 8           # body lines that give the column width
_LABEL_LINE = 4              # a line this short under a long headline is a label
_PLACE_LINE = 6              # a first headline line this short is a place label
_DECK_LINE = 10              # lines of a headline-with-deck block are at least this long
_MAX_BODY_LABEL = 14         # characters of a body's name standing over a headline
_PLACE_ENDS = tuple("省市县区旗盟州镇乡村街")   # how a place's name ends
# Text that is not laid out as articles (a whole book on one line) is read in
# bounded pieces, so that no later stage sees an unbounded sentence or article.
_MAX_SENTENCE = 500          # characters with no 。！？； are cut (after a comma if any)
_MAX_ARTICLE = 300           # sentences with no headline between them form several articles

_NOT_NAMES = frozenset({"记者", "通讯员", "本报", "摄影", "整理", "报道", "实习生", "特约"})
# a press office's pen name in a byline (通讯员 厦公宣, 宁公宣, 某检宣): the police's, the
# procuratorate's, the court's or the justice bureau's publicity desk, no person
_PRESS_OFFICE = re.compile(r"^[\u4e00-\u9fff]{1,2}[公检法司]宣$")


def _terminal(text: str) -> re.Match | None:
    """`_TERMINAL.search(text)`, but looking at the end only, not at every character of a
    paragraph that grows line by line: a match starts right before the closing marks
    (and line break) the text ends with."""
    return _TERMINAL.search(text, max(0, len(text.rstrip(_CLOSERS + "\n")) - 2))


def _tail_search(pattern: re.Pattern, text: str, longest: int) -> re.Match | None:
    """`pattern.search(text)` for a pattern anchored at the end whose match is at most
    `longest` characters after leading white space: the search starts there, or at the
    start of the white space before it (lookbehinds still see the text before)."""
    pos = max(0, len(text) - longest)
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pattern.search(text, pos)


# ---------------------------------------------------------------- units

@dataclass
class _Line:
    start: int          # clean offsets of the stripped line
    end: int
    text: str
    blank_before: bool  # a blank line separates it from the previous line


@dataclass
class _Para:
    segments: list[tuple[int, int]]  # clean spans, joined without separators
    text: str
    soft_joins: list[int] = field(default_factory=list)  # segment indexes joined across blanks
    kind: str = "body"               # body | caption | subhead

    @property
    def dangling(self) -> bool:
        return not _terminal(self.text)


@dataclass
class _Unit:
    kind: str                        # H, B, D, P, C
    lines: list[_Line] = field(default_factory=list)
    para: _Para | None = None
    names: list[str] = field(default_factory=list)
    photo: bool = False
    closing: bool = False            # a byline that ends an article (【…】, （…）, 整理)
    place: str = ""
    date: str = ""
    outlet: str = ""                 # the paper a byline names (某某日报记者 X)
    bare: bool = False               # names alone, no role or mark: no sign of a new story


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of one paragraph: cut after 。！？； and the closing quotes that follow."""
    return [paragraph[a:b] for a, b in _sentence_spans(paragraph)]


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        spans.extend(_cut_long(text, start, end))
        start = end
    spans.extend(_cut_long(text, start, len(text)))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def _cut_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A run of text with no sentence end, in pieces of at most _MAX_SENTENCE
    characters, each cut after the last comma (or space) it holds if any."""
    spans = []
    while end - start > _MAX_SENTENCE:
        window = text[start:start + _MAX_SENTENCE]
        comma = max(window.rfind(c) for c in "，、；：, ")
        cut = start + (comma + 1 if comma > _MAX_SENTENCE // 2 else _MAX_SENTENCE)
        spans.append((start, cut))
        start = cut
    spans.append((start, end))
    return spans


def byline_names(text: str) -> list[str]:
    """Names in a byline, 2-4 Chinese characters each: the outlet it opens with (某某日报记者),
    role words (letter-spaced too: 记 者) and separators dropped, and nothing from an
    editor's credit on (editors are never reporters)."""
    text = _SPACED_ROLE.sub(lambda m: re.sub(r"\s", "", m.group()), text)
    text = _LEADING_OUTLET.sub("", _LETTER_MARK.sub("", text[:editor_credit(text)].rstrip()))
    text = _FILED_FROM.sub("", _STAMP_END.sub("", text))
    text = _BYLINE_WORDS.sub(" ", _SLASH_ROLE.sub(" ", text))
    tokens = [t for t in _BYLINE_SEPARATORS.split(text) if t]
    names = []
    while tokens:
        token = tokens.pop(0)
        # 杜 娟: two-character names are set with a space to the width of three
        if len(token) == 1 and tokens and len(tokens[0]) == 1:
            token += tokens.pop(0)
        if not re.fullmatch(_NAME, token) or token in _NOT_NAMES:
            return []
        names.append(token)
    return names


def _lines(clean: CleanText) -> list[_Line]:
    out: list[_Line] = []
    blank = False
    pos = 0
    for raw in clean.text.split("\n"):
        stripped = raw.strip()
        if CJK.search(stripped):             # | 标题 | |||: a table's cell borders, not its text
            stripped = _TABLE_BARS.sub("", stripped)
        if stripped:
            lead = raw.index(stripped)
            out.append(_Line(pos + lead, pos + lead + len(stripped), stripped, blank))
            blank = False
        elif out:
            blank = True
        pos += len(raw) + 1
    return out


def _column_widths(lines: list[_Line]) -> list[float]:
    """For each line, the width of the column it would run in as body text.

    That is the column of the body lines after it (75th percentile of their
    lengths), or before it at the end of the file; body lines are those with
    punctuation.
    """
    body = [_width(l.text) if _COMMA.search(l.text) or _INNER_STOP.search(l.text) else 0
            for l in lines]
    widths = []
    for i in range(len(lines)):
        near = [w for w in body[i + 1: i + 1 + _COLUMN_WINDOW] if w] or \
               [w for w in body[max(0, i - _COLUMN_WINDOW): i] if w]
        near.sort()
        widths.append(near[(3 * len(near)) // 4] if near else float("inf"))
    return widths


def _width(text: str) -> int:
    return len(text) - text.count(" ")


@cache
def _running_text() -> re.Pattern:
    """What only running text does on a line: open on a connective and a comma (下一步，…),
    quote someone (所长张伟军告诉记者，…), or stop on a word that needs a continuation (…印发的)."""
    openers = alternation("stat_clause_openers")
    speech = alternation("speech_verbs")
    return re.compile(rf"^(?:{openers})[，,]|\w(?:{speech})[，,]|(?:{alternation('open_line_ends')})$")


def _headline_shape(text: str) -> bool:
    if len(text) > _MAX_HEADLINE or _terminal(text) or _INNER_STOP.search(text):
        return False
    if _running_text().search(text):
        return False
    if text.count("“") > text.count("”") or text.count("（") > text.count("）"):
        return False           # a quotation or aside still open runs on into the next line
    if _KICKER_LINE.search(text):
        return bool(CJK.search(text))
    if _OPEN_END.search(text):
        return False
    if _COMMA.search(text):
        segments = [s for s in _SEGMENT_SPLIT.split(text)]
        if len(text) > _MAX_COMMA_HEADLINE or any(
                len(s) < 2 or len(s) > _MAX_HEADLINE_SEGMENT for s in segments) or len(segments[-1]) < 3:
            return False
    return bool(CJK.search(text))


def _byline_unit(line: _Line) -> _Unit | None:
    text = line.text
    if len(text) > _MAX_BYLINE:
        return None
    credit = _CREDIT.match(text)
    if credit:
        names = byline_names(credit.group("names"))
        if names:
            return _Unit("B", [line], names=names, photo=True, closing=True)
    bracket = _BRACKET_BYLINE.match(text)
    if bracket:
        # a section's heading in brackets (【做法】, 【背景】) names no one: names alone in
        # brackets start with surnames, or follow a role (【通讯员 某某】)
        names = byline_names(bracket.group("names"))
        if names and (re.search(_ROLE, text) or all(_has_surname(n) and not _unit_name(n) for n in names)):
            return _Unit("B", [line], names=names, closing=True)
    first = _NAMES_FIRST.match(text)          # 某甲 某某报全媒体记者 某乙 文/图
    if first and all(map(_has_surname, byline_names(first.group("names")))):
        unit = _byline_unit(replace(line, text=text[first.end():]))
        if unit is not None:
            unit.names[:0] = byline_names(first.group("names"))
            unit.lines = [line]
            return unit
    if _BYLINE_ROLE_LINE.match(text):
        names = byline_names(text)
        outlet = _LEADING_OUTLET.match(text)
        if names:
            return _Unit("B", [line], names=names, closing=text.endswith("整理"),
                         outlet=_outlet_name(outlet.group("outlet")) if outlet else "")
    if _MARKED_NAMES.match(text):         # □ 某某 某某: the byline mark, then names alone
        names = byline_names(text)
        if names and all(_has_surname(n) for n in names):
            return _Unit("B", [line], names=names)
    if _BARE_NAMES.match(text):           # 戴某某，陈某某 / 吕 某: the authors' names alone
        names = byline_names(text)
        if names and all(map(_bare_name, names)):
            return _Unit("B", [line], names=names, bare=True)
    return None


def _caption(text: str) -> tuple[int, list[str]] | None:
    """A photo caption: (where its credit starts, the names credited), or None. A caption
    says 图为 or 图①, or ends on a credit after a sentence or a role word (…生长情况。某某摄)."""
    if _CAPTION.search(text):
        credit = _CAPTION_CREDIT.search(text)
        names = byline_names(credit.group("credit")[:-1]) if credit else []
        return (credit.start() if credit and names else len(text)), names
    tail = _TAIL_CREDIT.search(text) if len(text) <= _MAX_CAPTION else None
    if tail is None or tail.start() == 0:
        return None
    names = byline_names(tail.group("credit") or tail.group("given") or tail.group("paren"))
    # a name credited after a sentence has a surname (…。他拍摄 is no credit)
    if names and all(_has_surname(n) for n in names):
        return tail.start(), names
    return None


@cache
def _surnames() -> frozenset[str]:
    return frozenset(words("surnames"))


# what the short name of an office or a body's unit ends on (某某街办, 宣传科, 某某站):
# a credit in brackets that names it names no one
_UNIT_END = re.compile(r"[\u4e00-\u9fff]{2,}[办处站室队委局组]$|[\u4e00-\u9fff]{3}[科所院部]$")


def _outlet_name(printed: str) -> str:
    """The paper a byline opens with, after the app's brand and its dot (某某法制报 of
    新某某·某某法制报), or the brand when it stands alone (新某某 of 新某某·记者 某某)."""
    return next(part for part in reversed(re.split("[·•・]", printed)) if part)


def _unit_name(name: str) -> bool:
    return bool(_UNIT_END.fullmatch(name))


def _has_surname(name: str) -> bool:
    return name[:1] in _surnames() or name[:2] in _surnames()


def _units(clean: CleanText, lines: list[_Line], furniture: set[int],
           heading: Callable[[int], bool] = lambda offset: False, web: bool = False
           ) -> list[_Unit]:
    """The units of the clean text's lines, less the page furniture (their indexes);
    `heading(offset)` says whether the line starting at that clean offset is one the
    file itself marks as a heading (Word, a web page). On a web page (`web`) a line is
    a paragraph, and a short line that ends no sentence is a subhead."""
    return _UnitReader(clean, lines, web).read(furniture, heading)


class _UnitReader:
    """Lines -> units, in one pass: a paragraph grows line by line until a line ends a
    sentence (on a web page, at every line's end); captions met while it is open wait
    for it to close."""

    def __init__(self, clean: CleanText, lines: list[_Line], web: bool) -> None:
        self.text, self.lines, self.web = clean.text, lines, web
        self.units: list[_Unit] = []
        self.para: _Para | None = None
        self.held: list[_Unit] = []          # captions met while a paragraph was open
        # which lines have a headline's shape and stand apart from their column
        widths = _column_widths(lines)
        self.shaped = [_headline_shape(l.text) for l in lines]
        self.short = [_width(l.text) <= _SHORT_OF_COLUMN * w for l, w in zip(lines, widths)]

    def read(self, furniture: set[int], heading: Callable[[int], bool]) -> list[_Unit]:
        for i, line in enumerate(self.lines):
            if i in furniture:
                continue             # the page's header and footer run across the stories
            if heading(line.start):
                self.heading(i, line)
                continue
            byline = _byline_unit(line)
            if byline is not None and not (byline.bare and self.read_body()):
                self.byline(line, byline)  # (names alone inside the body: a caption's, a picture's)
                continue
            dateline = _DATELINE.match(line.text)
            if dateline:
                self.dateline(line, dateline)
                continue
            if self.para is None and self.leading_byline(line):
                continue
            caption = _caption(line.text)
            if caption is not None:
                self.caption(line, caption)
                continue
            if self.web and _web_subhead(line.text):
                self.units.append(_Unit("H", [line]))  # 一、…, “多元共治”, 社区网格：小网格撬动大治理
                continue
            if self.para is None and self.headline(i, line):
                continue
            self.add_body(line)
        self.close_para()
        return self.units

    def read_body(self) -> bool:
        return self.para is not None or any(u.kind == "P" for u in self.units)

    def close_para(self) -> None:
        if self.para is not None:
            self.units.append(_Unit("P", para=self.para))
            self.para = None
        self.units.extend(self.held)
        self.held.clear()

    def add_body(self, line: _Line, start: int | None = None) -> None:
        a = line.start if start is None else start
        piece = self.text[a:line.end]
        if not piece:
            return
        para = self.para
        if para is None:
            para = self.para = _Para([(a, line.end)], piece)
        else:
            if line.blank_before:
                para.soft_joins.append(len(para.segments))
            para.segments.append((a, line.end))
            para.text += piece
        trailing = _tail_search(_TRAILING_BRACKET, para.text, _TRAILING_BRACKET_LEN) \
            or _tail_search(_TRAILING_PAREN, para.text, _TRAILING_PAREN_LEN)
        names = byline_names(trailing.group("names")) if trailing else []
        if names:
            _trim_para(para, len(para.text) - (trailing.end() - trailing.start()))
            self.close_para()
            self.units.append(_Unit("B", [line], names=names, closing=True))
        elif self.web or _terminal(para.text):
            self.close_para()

    def heading(self, i: int, line: _Line) -> None:
        """A line the file marks as a heading: a headline block, with the one above if any."""
        self.close_para()
        units = self.units
        if units and units[-1].kind == "H" and units[-1].lines[-1] is self.lines[i - 1]:
            units[-1].lines.append(line)
        else:
            units.append(_Unit("H", [line]))

    def byline(self, line: _Line, byline: _Unit) -> None:
        """A byline closes the paragraph (a photo credit goes to the caption before it);
        consecutive bylines are one."""
        units, held = self.units, self.held
        if self.para is not None and not byline.photo:
            self.close_para()
        if byline.photo and (held or (units and units[-1].kind == "C")):
            (held[-1] if held else units[-1]).names.extend(byline.names)
            return
        if self.para is None:
            units.extend(held)
            held.clear()
        last = units[-1] if units else None
        if (last is not None and last.kind == "B" and not last.photo and not last.closing
                and not byline.photo):
            last.lines.append(line)
            last.names.extend(byline.names)
            last.closing = byline.closing
        else:
            units.append(byline)

    def dateline(self, line: _Line, dateline: re.Match) -> None:
        """本报X电（记者 Y）…: a dateline unit with its byline, and the body after them."""
        self.close_para()
        unit = _Unit("D", [line], place=dateline.group("place") or dateline.group("at") or "",
                     date=dateline.group("date") or dateline.group("day") or "",
                     outlet=dateline.group("outlet") or "")
        pos = dateline.end()
        rest = line.text[pos:]
        paren = (_DATELINE_PAREN_BYLINE.match(rest) or _DATELINE_REPORTED_BYLINE.match(rest)
                 or _DATELINE_ROLE_BYLINE.match(rest))
        if paren:
            names = byline_names(paren.group("names") if "names" in paren.groupdict()
                                 else paren.group())
            if names:
                unit.names = names
                pos += paren.end()
        self.units.append(unit)
        self.add_body(line, line.start + pos)

    def leading_byline(self, line: _Line) -> bool:
        """（记者 刘洋）湖南省株洲市…: the byline opens the story's first line."""
        lead = _LEADING_PAREN_BYLINE.match(line.text)
        names = byline_names(lead.group("names")) if lead else []
        if names:
            self.units.append(_Unit("B", [line], names=names))
            self.add_body(line, line.start + lead.end())
        return bool(names)

    def caption(self, line: _Line, caption: tuple[int, list[str]]) -> None:
        end, names = line.start + caption[0], caption[1]
        cap = _Unit("C", [line], para=_Para([(line.start, end)], self.text[line.start:end],
                                            kind="caption"), names=names, photo=True)
        (self.held if self.para is not None else self.units).append(cap)

    def headline(self, i: int, line: _Line) -> bool:
        """A deck under a headline, or a line of a headline's shape that stands apart
        from its column or above a dateline, byline or another such line."""
        units, lines = self.units, self.lines
        if units and units[-1].kind == "H" and _SUBTITLE_LINE.match(line.text) \
                and len(line.text) <= _MAX_HEADLINE and not _terminal(line.text):
            units[-1].lines.append(line)   # ——访宜宾市副市长，…: a deck, commas and all
            return True
        if not self.shaped[i]:
            return False
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        structural = nxt is None or _DATELINE.match(nxt.text) or _byline_unit(nxt) or (
            self.shaped[i + 1] and self.short[i + 1])
        if not (self.short[i] or structural):
            return False
        after_credit = line.blank_before and len(units) >= 2 and units[-2].kind == "B" \
            and units[-2].photo          # 摄 / 图片新闻的标题 / (blank) / 下一篇的标题
        if units and units[-1].kind == "H" and not _starts_new_block(units[-1], line) \
                and not after_credit:
            units[-1].lines.append(line)
        else:
            units.append(_Unit("H", [line]))
        return True


def _page_furniture(lines: list[_Line]) -> set[int]:
    """Lines of the page's header and footer: the issue date with its weekday, the page
    number (第3版), the editors' credits, a web page's date and source line, and the
    paper's name on a line beside them."""
    found = {i for i, l in enumerate(lines) if len(l.text) <= _MAX_FURNITURE
             and (_FURNITURE.search(l.text) or info_line(l.text) is not None)}
    found |= {i for i, l in enumerate(lines) if _PAPER_NAME.match(l.text)
              and (i - 1 in found or i + 1 in found)}
    return found


# ---------------------------------------------------------------- one web page

@dataclass
class _Page:
    """What the file's own shape says it is (decided once, in `_page`)."""
    web: bool                 # one web page, read as one article
    skip: set[int]            # lines of no article: page furniture, site chrome, a web page's head
    furniture: list[int]      # a newspaper page's header, footer and info lines (they date articles)
    head: list[int] = field(default_factory=list)    # a web page's headline lines
    info: list[Info] = field(default_factory=list)   # what a web page's info lines say
    paragraphs: bool = False  # a web page whose lines are whole paragraphs (not wrapped)
    # what the page's chrome says of its origin (its foot, its host, its e-paper's links):
    # the last word, after the paper a byline names
    chrome_info: list[Info] = field(default_factory=list)
    # a reprint's original headline (原标题：…) and its line: the title when the page prints
    # no other above it
    original_title: tuple[int, str] = (-1, "")
    # its info lines that give a date or a source, and its date lines with the time of day
    info_at: frozenset[int] = frozenset()


def _page(lines: list[_Line], source: SourceText, heading: Callable[[int], bool]) -> _Page:
    """Newspaper page or web page. A web page's chrome, info and date lines, markup
    and repeated lines (alt texts, the headline printed twice) are left out, and the
    lines above its body are its head (`_web_head`)."""
    furniture = _page_furniture(lines)
    chrome = {i for i, l in enumerate(lines) if chrome_line(l.text)}
    infos = {i: info for i, l in enumerate(lines) if (info := info_line(l.text)) is not None}
    # a page header (第3版：要闻) is printed too: no sign of a web page, if chrome on one
    signs = {i for i in chrome if not page_header(lines[i].text)}
    if not _one_web_page(lines, source, signs, infos):
        return _Page(False, furniture, sorted(furniture))
    dated = {i: d for i, l in enumerate(lines) if i not in infos and (d := date_line(l.text))}
    papers = _paper_lines(lines, set(infos) | set(dated))
    skip = furniture | chrome | set(infos) | set(dated) | set(papers) | \
        _related_links(lines, set(infos) | set(dated)) | \
        {i for i, l in enumerate(lines) if web_debris(l.text) and _byline_unit(l) is None}
    head = _web_head(lines, skip, set(infos), heading)
    skip |= set(head)
    seen: set[str] = set()
    for i, line in enumerate(lines):
        if i not in skip and line.text in seen:
            skip.add(i)
        seen.add(line.text)
    skip |= _repeated_leads(lines, skip)
    # an info line's date before a date standing alone (it may be today's, in the site's bar),
    # then the source the last paragraph closes on, then a paper named beside a date
    last = max((i for i in range(len(lines)) if i not in skip), default=None)
    closing = closing_info(lines[last].text) if last is not None else None
    return _Page(True, skip, [], head, [infos[i] for i in sorted(infos)] +
                 [dated[i] for i in sorted(dated)] + ([closing] if closing else []) +
                 [papers[i] for i in sorted(papers)], _whole_paragraphs(lines, skip),
                 _chrome_origin(lines, chrome),
                 next(((i, t) for i, l in enumerate(lines) if (t := original_title(l.text))),
                      (-1, "")),
                 frozenset(i for i, info in infos.items() if info.date or info.written or info.publisher)
                 | {i for i in dated if timestamp_line(lines[i].text)})


def _chrome_origin(lines: list[_Line], chrome: set[int]) -> list[Info]:
    """What the page's chrome says of its origin, in the order of the lines: its host in the
    footer, a publishing system's record, a breadcrumb that starts from a paper; then, on an
    e-paper, the paper its row of links names first (返回主页 | 郑州日报 | 版面导航 | 郑州晚报);
    last, the site a breadcrumb names (首页 > 某某政法网 > 动态)."""
    feet = [info for l in lines if (info := foot_line(l.text)) is not None]
    crumbs = [Info(publisher=name) for i in sorted(chrome) if (name := crumb_site(lines[i].text))]
    if not any(page_header(l.text) for l in lines):
        return feet + crumbs
    return feet + [Info(publisher=name) for i in sorted(chrome) if (name := row_paper(lines[i].text))] \
        + crumbs


def _repeated_leads(lines: list[_Line], skip: set[int]) -> set[int]:
    """A lead printed twice: a line (after a label such as [导读] or 【摘要】) that the next
    body line starts with, whole or cut off (…化解了居民蒋阿姨与邻居庞 / …与邻居庞某之间的…)."""
    body = [i for i in range(len(lines)) if i not in skip]
    found = set()
    for i, k in zip(body, body[1:]):
        lead = _LEAD_LABEL.sub("", lines[i].text)
        if len(lead) >= _MIN_LEAD and lines[k].text.startswith(lead):
            found.add(i)
    return found


def _paper_lines(lines: list[_Line], dated: set[int]) -> dict[int, Info]:
    """A paper's or site's name alone on a line beside a date or info line (the headline,
    闽南日报, 2023-12-29 10:21): the publisher, never part of the headline."""
    return {i: Info(publisher=name) for i, l in enumerate(lines)
            if (name := paper_line(l.text)) and (i - 1 in dated or i + 1 in dated)}


def _whole_paragraphs(lines: list[_Line], skip: set[int]) -> bool:
    """Whether a web page's lines are its paragraphs, as a browser saves them: most long
    lines end a sentence (text copied from a narrow column breaks them anywhere)."""
    body = [l for i, l in enumerate(lines) if i not in skip and len(l.text) >= _LONG_LINE]
    ends = sum(1 for l in body if _terminal(l.text) or _caption(l.text) or _byline_unit(l))
    return len(body) < _FEW_LINES or ends >= len(body) / 2


def _related_links(lines: list[_Line], dated: set[int]) -> set[int]:
    """The lines of the lists of links to other stories under a 相关新闻, 推荐阅读 or
    本版列表新闻 header: headlines and cut-off teasers (with the marks between them), up
    to the next line that is none of these, or a date or info line (the article's own)."""
    found: set[int] = set()
    for i, line in enumerate(lines):
        if related_header(line.text):
            k = i + 1
            while k < len(lines) and k not in dated and (
                    _web_head_line(lines[k]) or teaser(lines[k].text) or web_debris(lines[k].text)):
                found.add(k)
                k += 1
    return found


def _one_web_page(lines: list[_Line], source: SourceText, chrome: set[int],
                  infos: dict[int, Info]) -> bool:
    """Whether the file is one web page, to be read as one article, or a newspaper page
    of several (the splitter's state machine). In this order:
    * a PDF's pages are printed pages;
    * two or more datelines or leading bylines (photo credits aside): clearly several
      articles;
    * read from HTML, or with site chrome or an info line that gives a date, source or
      author, or a date line with its clock time (2025-11-13 09:18), or opening on its
      headline printed twice (the page's title, then its heading) or on a column's name
      and a bar before it (栏目|标题): a web page;
    * else a dateline and a byline, or two bylines: several articles;
    * with a newspaper page's header (its date and weekday, 第3版): a newspaper page;
    * else a text that opens on its body or a byline, no headline above them: a web
      page whose headline was lost (a newspaper page opens on a headline or dateline)."""
    if source.pages:
        return False
    datelines = sum(1 for l in lines if _DATELINE.match(l.text))
    bylines = {i: b for i, l in enumerate(lines) if (b := _byline_unit(l)) and not (b.photo or b.bare)}
    firsts = [b for i, b in bylines.items() if i - 1 not in bylines]   # one per byline block
    if datelines >= 2 or sum(1 for b in firsts if not b.closing) >= 2:
        return False
    if source.info is not None or chrome or any(i.says_something for i in infos.values()) \
            or _headline_twice(lines) or _column_headline(lines) \
            or any(timestamp_line(l.text) for l in lines):
        return True
    if datelines + len(firsts) >= 2:             # the dateline of one story, the byline of another
        return False
    if any(_FURNITURE.search(l.text) for l in lines if len(l.text) <= _MAX_FURNITURE):
        return False
    first = next((l for i, l in enumerate(lines) if i not in infos), None)
    return first is not None and (_byline_unit(first) is not None or not _web_head_line(first))


def _after_column(text: str) -> str:
    """The headline proper of an app's or a public account's title, after its column's name
    and a bar (生命至上 安全第一|止付…！这份…的故事): no printed page sets a bar in a headline."""
    column = _COLUMN_BAR.match(text)
    return text[column.end():] if column else text


def _column_headline(lines: list[_Line]) -> bool:
    """Whether the file opens on a column's name, a bar and a headline (打架的成本|…): a web page."""
    return bool(lines) and _COLUMN_BAR.match(lines[0].text) is not None and _web_head_line(lines[0])


def _headline_twice(lines: list[_Line]) -> bool:
    """Whether the file opens on the same headline line twice (no newspaper prints that)."""
    return len(lines) > 2 and lines[0].text.replace(" ", "") == lines[1].text.replace(" ", "") \
        and _web_head_line(lines[0])


def _web_head_line(line: _Line, longest: int = _MAX_WEB_HEADLINE) -> bool:
    """A line that may stand in a web page's head: short, no sentence in it (a short one
    may exclaim or trail off: 特别能战斗！一起走近…, 民警来敲门！是为了……), no byline,
    dateline or caption."""
    text = line.text
    proper = _after_column(text)
    stops = _FULL_STOP if len(proper) <= _SHORT_HEADLINE else _INNER_STOP
    if _COMMA.search(text) and text.endswith("…"):
        return False                # 清晨，我们还在睡梦当中，…开始了一天的巡逻……: a sentence
    return (len(text) <= longest and not stops.search(proper.rstrip("！？”’…"))
            and bool(CJK.search(text)) and not _DATELINE.match(text)
            and _byline_unit(line) is None and _caption(text) is None)


def _web_head(lines: list[_Line], skip: set[int], infos: set[int],
              heading: Callable[[int], bool]) -> list[int]:
    """The lines above a web page's body that are not chrome: its headline, printed once
    or twice, maybe an e-paper's list of the page's other headlines, a site name. None
    when the page opens on its body. A line the file marks as a heading (the web reader's
    headline) is in the head whatever its length, a line right above the info line if it
    is not much longer than a headline."""
    head: list[int] = []
    for i, line in enumerate(lines):
        if i in skip or not head and _names_alone(line):
            continue                 # the authors' names over the headline (某某 / 标题 / 正文)
        longest = _MAX_INFO_HEADLINE if i + 1 in infos else _MAX_WEB_HEADLINE
        if not (_web_head_line(line, longest) or heading(line.start)):
            return head
        head.append(i)
    return head[:1]          # no body under it: the first line heads the rest


def _names_alone(line: _Line) -> bool:
    unit = _byline_unit(line)
    return unit is not None and unit.bare


def _web_subhead(text: str) -> bool:
    """A line of a web page that ends no sentence and is short: a section's subhead."""
    return len(text) <= _MAX_HEADLINE and not _INNER_STOP.search(text) and bool(CJK.search(text))


def _web_headline(lines: list[_Line], head: list[int], info_at: frozenset[int] = frozenset()
                  ) -> tuple[list[str], str, str]:
    """(title lines, kicker, subtitle) of a web page's head. The headline is the text
    printed twice (page title and heading) if some is, else the run of head lines right
    above an info line that gives a date or source (`info_at`; what the head holds under
    it is chrome, captions and leads), else the last run of head lines (a chrome or info
    line ends a run: an e-paper's list of headlines, a site name) that is not only the
    deck of a skipped line.
    Of two lines, a first one that holds a comma and is the longer is the kicker (引题)."""
    if not head:
        return [], "", ""
    # 标题-某某网 repeats 标题; a list's bullet (• 标题) is no part of it
    texts = [without_site_name(lines[i].text).lstrip("•● ") for i in head]
    # printed twice, maybe once with a space between its parts (110个故事 揭秘110台)
    plain = [t.replace(" ", "") for t in texts]
    repeated = [t for k, t in enumerate(texts) if plain.count(plain[k]) > 1 and plain.index(plain[k]) == k]
    if repeated:
        chosen = repeated
    else:
        # a run of `——…` lines alone is the deck of a skipped line (原标题：…)
        starts = [k for k in range(len(head)) if (k == 0 or head[k] != head[k - 1] + 1)
                  and not _SUBTITLE_LINE.match(texts[k])] or [0]
        ends = [k for k in range(1, len(head) + 1) if k == len(head) or head[k] != head[k - 1] + 1]
        runs = [(k, next(e for e in ends if e > k)) for k in starts]
        # the run right above the info line is the headline (标题 / 发布时间：… / 评分 / 摘要 …)
        chosen = texts[slice(*next((r for r in reversed(runs) if head[r[1] - 1] + 1 in info_at
                                    and not all(map(site_name, texts[r[0]:r[1]]))), runs[-1]))]
    title = chosen[:1] + [t for t in chosen[1:] if not _SUBTITLE_LINE.match(t)]
    subtitle = next((t.lstrip("—").strip() for t in chosen[1:] if _SUBTITLE_LINE.match(t)), "")
    kicker = ""
    if len(title) == 2 and _COMMA.search(title[0].rstrip("，,")) and len(title[0]) > len(title[1]) \
            or len(title) > 1 and _body_label(title[0]):
        kicker = title.pop(0)
    return title, kicker, subtitle


@cache
def _body_words() -> tuple[tuple[str, ...], re.Pattern]:
    """The words a body's name ends on (公安局, 人民法院), and the verbs no name holds."""
    verbs = "|".join(sorted(map(re.escape, words("programme_verbs")), key=len, reverse=True))
    return sections("agency_suffixes")["top"], re.compile(verbs)


def _body_label(text: str) -> bool:
    """A body's name over a headline (鹿邑县人民法院 / 将“万人成讼率”纳入…): the kicker that
    says whose story it is, no part of the title. A place over a headline (山东昌邑 /
    推动干部下沉…) is, as the newspapers' own headlines print it."""
    suffixes, verbs = _body_words()
    return len(text) <= _MAX_BODY_LABEL and bool(re.fullmatch(r"[\u4e00-\u9fff]{3,}", text)) and \
        text.endswith(suffixes) and not verbs.search(text)


def _web_draft(units: list[_Unit], page: _Page, lines: list[_Line]) -> "_Draft":
    """The one article of a web page: its headline, every byline's names (作者 fields
    of the info line first, photo credits apart), its first dateline, and the rest in order."""
    draft = _Draft("W", whole_paragraphs=page.paragraphs)
    draft.reporters = [n for info in page.info for n in byline_names(info.authors)]
    for unit in units:
        if unit.kind == "B":
            (draft.photographers if unit.photo else draft.reporters).extend(unit.names)
        elif unit.kind == "D":
            draft.dateline, draft.date = draft.dateline or unit.place, draft.date or unit.date
            draft.reporters.extend(unit.names)
        elif unit.kind != "X":
            draft.units.append(unit)
    # a name alone under the headline (井研率先推行… / 胡丽君 / 本报讯（胡丽君）…) signs the
    # page: a reporter, and no line of its headline
    draft.reporters.extend(lines[i].text for i in page.head[1:] if _bare_name(lines[i].text))
    draft.reporters = list(dict.fromkeys(draft.reporters))
    head = [i for i in page.head if lines[i].text not in draft.reporters] or page.head
    draft.title_lines, draft.kicker, draft.subtitle = _web_headline(lines, head, page.info_at)
    at, original = page.original_title
    if original and not (head and head[0] < at):
        draft.title_lines = [original]   # what the head holds under it is no headline (□讲述：…)
    return draft


def _bare_name(text: str) -> bool:
    """A person's name alone (胡丽君): two or three characters after a surname, not a
    place's or a body's name (万宁市, 张家川, 公安局)."""
    return bool(re.fullmatch(r"[\u4e00-\u9fff]{2,3}", text)) and _has_surname(text) and \
        not text.endswith(_PLACE_ENDS + _body_words()[0]) and not gazetteer().lookup(text)


def _web_origin(article: Article, page: _Page, units: list[_Unit]) -> None:
    """A web page's date (its first info or date line that gives one, else its chrome's, else
    the day its document was written: 成文日期) and
    publisher: the paper it was reprinted from (摘自), else its 来源 (or the paper named by
    its date), else the paper its byline names, else what its chrome says."""
    article.date = next((i.date for i in page.info + page.chrome_info if i.date), None) or \
        next((i.written for i in page.info if i.written), None)
    article.publisher = next((i.reprint for i in page.info if i.reprint), "") or \
        next((i.publisher for i in page.info if i.publisher), "") or \
        next((u.outlet for u in units if u.outlet), "") or \
        next((i.publisher for i in page.chrome_info if i.publisher), "")


def _starts_new_block(block: _Unit, line: _Line) -> bool:
    """Two parallel headlines (`郓城：…`, `台儿庄：…`) are two blocks, not title and deck."""
    last = block.lines[-1].text
    if not _PARALLEL_HEAD.match(line.text):
        return False
    # 长安交警…出行 / 鄠邑：…: a full headline then a `place：` headline are two stories;
    # a short place label (山东昌邑) over its headline is one
    return bool(_PARALLEL_HEAD.match(last)) or len(last) >= _DECK_LINE


def _picture_start(draft: "_Draft") -> int:
    """Where the text of a picture item starts among the draft's last few paragraphs: the
    one that opens on the day it shows (6月8日，…) or says 图为, after other body text of
    the draft; 0 if none does."""
    units = draft.units
    for k in range(len(units) - 1, max(0, len(units) - _PICTURE_PARAS) - 1, -1):
        if units[k].kind != "P":
            return 0
        if _PICTURE_TEXT.match(units[k].para.text) and any(u.kind == "P" for u in units[:k]):
            return k
    return 0


def _short_tail(draft: "_Draft") -> bool:
    """Whether the draft's text after its last subhead is a short item: a few paragraphs
    and captions."""
    heads = [k for k, u in enumerate(draft.units) if u.kind == "H"]
    return bool(heads) and 1 <= len(draft.units) - heads[-1] - 1 <= 3 and all(
        u.kind in "PC" for u in draft.units[heads[-1] + 1:])


def _trim_para(para: _Para, length: int) -> None:
    """Cut a paragraph (text and segments) to its first `length` characters, minus end spaces."""
    length = len(para.text[:length].rstrip())
    kept, total = [], 0
    for a, b in para.segments:
        if total >= length:
            break
        take = min(b - a, length - total)
        kept.append((a, a + take))
        total += take
    para.segments = kept
    para.text = para.text[:length]
    para.soft_joins = [j for j in para.soft_joins if j < len(kept)]


# ---------------------------------------------------------------- articles

@dataclass
class _Draft:
    opened_by: str
    title_lines: list[str] = field(default_factory=list)
    kicker: str = ""
    subtitle: str = ""
    reporters: list[str] = field(default_factory=list)
    photographers: list[str] = field(default_factory=list)
    dateline: str = ""
    date: str = ""
    units: list[_Unit] = field(default_factory=list)
    closed: bool = False
    upgraded: bool = False
    whole_paragraphs: bool = False   # its units are a web page's whole paragraphs
    outlet: str = ""                 # the paper or site its dateline names

    @property
    def titled(self) -> bool:
        return bool(self.title_lines)

    @property
    def has_body(self) -> bool:
        return any(u.kind in "PC" for u in self.units)

    @property
    def only_captions(self) -> bool:
        return self.has_body and all(u.kind == "C" for u in self.units if u.kind != "H")


def _deck_only(draft: _Draft) -> bool:
    """Whether all a titled, unsigned draft holds under its headline is one line that ends no
    sentence (社会调解优先，法院诉讼断后 / 浙江大力推进“诉源治理”，实现矛盾纠纷源头化解 /
    本报记者 …): the headline's deck, which a byline under it does not close."""
    if not draft.titled or draft.reporters or draft.subtitle or len(draft.units) != 1:
        return False
    unit = draft.units[0]
    return unit.kind == "P" and unit.para is not None and len(unit.para.segments) == 1 \
        and len(unit.para.text) <= _MAX_WEB_HEADLINE and not _INNER_STOP.search(unit.para.text)


def _headline_parts(lines: list[str]) -> tuple[list[str], str, str]:
    """(title lines, kicker, subtitle) of one headline block."""
    kicker, subtitle, title = [], "", []
    for i, text in enumerate(lines):
        if not title and (_KICKER_LINE.search(text) or i + 1 < len(lines) and _body_label(text)):
            kicker.append(text)
        elif _SUBTITLE_LINE.match(text):
            subtitle = text.lstrip("—").strip()
        elif title and len(_QUOTES.sub("", text)) <= _LABEL_LINE:
            continue                                   # a label such as 核心提示
        elif title and not subtitle and len(title) == 1 and len(title[0]) > _PLACE_LINE \
                and len(text) >= len(title[0]) and i == len(lines) - 1:
            subtitle = text                            # a longer deck under a full headline
        else:
            title.append(text)
    return title, " ".join(kicker), subtitle


class _Assembler:
    """Units in file order -> article drafts.

    Rules, in words:
    * a dateline (本报X电) opens an article, titled by a headline just before it
      unless that headline ends an untitled brief;
    * a headline block followed by a byline opens an article (title first), or
      labels and closes the untitled, unsigned article before it (title last);
    * a headline after the body of an untitled dateline brief is its title;
    * a headline block inside a titled article is a subhead, unless it is a
      fuller headline-with-deck under a one-line label, which it replaces;
    * a closing byline (【…】, （…）, …整理) signs the open article; when that
      article is already signed, the part after its last subhead is a
      separate article; when body text follows, the article had been dropped
      into another one at a page break, and that other one resumes;
    * body text after a closed article opens a new, untitled one; a headline
      nobody claims titles the latest untitled article.
    """

    def __init__(self) -> None:
        self.drafts: list[_Draft] = []

    @property
    def current(self) -> _Draft | None:
        return self.drafts[-1] if self.drafts and not self.drafts[-1].closed else None

    def open(self, opened_by: str) -> _Draft:
        if self.drafts:
            self.drafts[-1].closed = True
        draft = _Draft(opened_by)
        self.drafts.append(draft)
        return draft

    def run(self, units: list[_Unit]) -> list[_Draft]:
        i = 0
        while i < len(units):
            unit = units[i]
            nxt = units[i + 1] if i + 1 < len(units) else None
            getattr(self, "_" + unit.kind)(unit, nxt)
            i += 1
        return self.drafts

    # -- unit handlers

    def _D(self, unit: _Unit, nxt: _Unit | None) -> None:
        cur = self.current
        if not (cur and cur.titled and not cur.has_body and not cur.dateline
                and not cur.closed):
            cur = self.open("D")
        cur.dateline, cur.date = unit.place, unit.date
        cur.outlet = cur.outlet or unit.outlet      # 某某网消息（某某）: the site that ran it
        cur.reporters.extend(n for n in unit.names if n not in cur.reporters)

    def _B(self, unit: _Unit, nxt: _Unit | None) -> None:
        cur = self.current
        if unit.photo:
            target = cur or (self.drafts[-1] if self.drafts else self.open("B"))
            if (nxt is None or nxt.kind == "H") and target.reporters and _short_tail(target):
                # a signed story, a headline, a short text and its credit: a picture item of its own
                target = self._split_at_last_subhead(target)
            elif nxt is not None and nxt.kind == "H" and (k := _picture_start(target)):
                # …the story's last paragraph / 6月8日，…（a picture's text）/ X 摄 / its headline
                target = self._split_from(target, k)
            target.photographers.extend(unit.names)
            if nxt is not None and nxt.kind == "H" and target.titled and target.has_body:
                target.closed = True     # a picture item ends with its credit; a headline follows
            return
        # a byline between a headline and its dateline leads the story: 标题 / 本报记者 X / 本报太原…电
        leading = nxt is not None and nxt.kind in "DP" and cur is not None and cur.titled \
            and not cur.has_body and not cur.reporters and not cur.closed
        trailing = not leading and (unit.closing or nxt is None or nxt.kind in "HBD")
        if not trailing:
            if not leading and cur is not None and _deck_only(cur):
                cur.subtitle, cur.units = cur.units[0].para.text, []
            elif not leading and (cur is None or cur.reporters or cur.has_body):
                cur = self.open("B")
            cur.reporters.extend(n for n in unit.names if n not in cur.reporters)
            cur.outlet = cur.outlet or unit.outlet      # 某某法制报记者 X leads: the paper ran it
            return
        if cur is None:
            if self.drafts:
                cur = self.drafts[-1]
            else:
                cur = self.open("B")
        if cur.reporters:
            cur = self._split_at_last_subhead(cur)
        cur.reporters.extend(n for n in unit.names if n not in cur.reporters)
        cur.closed = True
        if nxt is not None and nxt.kind == "P":
            self._resume_interrupted(cur)

    def _H(self, unit: _Unit, nxt: _Unit | None) -> None:
        lines = [l.text for l in unit.lines]
        cur = self.current
        has_kicker = any(_KICKER_LINE.search(t) for t in lines)
        nxt_kind = nxt.kind if nxt else None
        if cur is not None and cur.titled and cur.only_captions:
            cur.closed = True          # a picture with its caption was a whole item
            cur = None
        unsigned_untitled = cur is not None and not cur.titled and not cur.reporters \
            and cur.has_body
        untitled_brief = cur is not None and not cur.titled and cur.has_body \
            and (not cur.reporters or cur.opened_by == "D")
        if nxt_kind == "B" and not nxt.photo:
            if unsigned_untitled:
                self._title(cur, lines)
                cur.reporters.extend(nxt.names)
                cur.closed = True
                nxt.names = []
                nxt.kind = "X"
            else:
                self._title(self.open("H"), lines)
            return
        if nxt_kind == "D":
            if untitled_brief:
                self._title(cur, lines)
                cur.closed = True
            else:
                self._title(self.open("H"), lines)
            return
        if nxt_kind in (None, "H"):
            self._before_headline(cur, lines, nxt_kind)
        elif cur is None or has_kicker:              # followed by body text or a caption
            self._title(self.open("H"), lines)
        else:
            self._above_body(cur, unit, lines)

    def _before_headline(self, cur: _Draft | None, lines: list[str], nxt_kind: str | None
                         ) -> None:
        """A headline block followed by another, or at the end: it titles the untitled
        article before it (or an orphan one), else opens one."""
        if cur is not None and not cur.titled and cur.has_body:
            self._title(cur, lines)
            cur.closed = True
            return
        orphan = next((d for d in reversed(self.drafts) if not d.titled and d.has_body), None)
        if orphan is not None:
            self._title(orphan, lines)
        elif nxt_kind is not None:
            self._title(self.open("H"), lines)

    def _above_body(self, cur: _Draft, unit: _Unit, lines: list[str]) -> None:
        """A headline block followed by body text, with an article open: its title, its
        deck, a fuller headline than its label, or a subhead."""
        if not cur.titled:
            if cur.opened_by == "D" and cur.has_body:
                self._title(cur, lines)
                cur.closed = True
                return
            if not cur.has_body and not cur.reporters:
                self._title(cur, lines)
                return
            cur.units.append(unit)
            return
        if not cur.has_body:
            # a second headline block right under the first: deck lines
            cur.title_lines.extend(lines)
            return
        if self._is_fuller_headline(cur, lines):
            cur.kicker = " ".join(filter(None, [cur.kicker, " ".join(cur.title_lines)]))
            cur.title_lines, cur.subtitle = [], ""
            self._title(cur, lines)
            cur.upgraded = True
            return
        cur.units.append(unit)

    def _P(self, unit: _Unit, nxt: _Unit | None) -> None:
        cur = self.current
        if cur is None:
            cur = self.open("P")
        cur.units.append(unit)

    _C = _P

    def _X(self, unit: _Unit, nxt: _Unit | None) -> None:
        """A byline already consumed by the headline before it."""

    # -- helpers

    def _title(self, draft: _Draft, lines: list[str]) -> None:
        title, kicker, subtitle = _headline_parts(lines)
        if not title and kicker:
            draft.kicker = kicker
            return
        draft.title_lines.extend(title)
        if kicker:
            draft.kicker = " ".join(filter(None, [draft.kicker, kicker]))
        if subtitle:
            draft.subtitle = subtitle

    @staticmethod
    def _is_fuller_headline(draft: _Draft, lines: list[str]) -> bool:
        """A headline with its deck, under a one-line label that stood as title."""
        if draft.upgraded or len(draft.title_lines) != 1 or draft.subtitle:
            return False
        plain = [_QUOTES.sub("", t) for t in lines]
        return len(plain) >= 2 and all(len(t) >= _DECK_LINE for t in plain)

    def _split_from(self, draft: _Draft, k: int) -> _Draft:
        """The draft's units from `k` on are a picture item of its own, titled by what follows."""
        draft.closed = True
        new = _Draft("B")
        new.units = draft.units[k:]
        del draft.units[k:]
        self.drafts.append(new)
        return new

    def _split_at_last_subhead(self, draft: _Draft) -> _Draft:
        """A second byline: the text after the last subhead is another article."""
        for k in range(len(draft.units) - 1, -1, -1):
            if draft.units[k].kind == "H":
                head = draft.units[k]
                tail = draft.units[k + 1:]
                del draft.units[k:]
                draft.closed = True
                new = _Draft("H")
                self._title(new, [l.text for l in head.lines])
                new.units = tail
                self.drafts.append(new)
                return new
        return draft

    def _resume_interrupted(self, closed: _Draft) -> None:
        """Body after a closing byline: the signed article had been dropped into another.

        The other article's paragraph that was cut mid-sentence (a soft join in
        the signed one) marks where the dropped article began; the other article
        gets its head back and is reopened for the body that follows.
        """
        for k in range(len(closed.units) - 1, -1, -1):
            unit = closed.units[k]
            if unit.kind != "P" or not unit.para.soft_joins:
                continue
            para = unit.para
            cut = para.soft_joins[-1]
            head_segments, tail_segments = para.segments[:cut], para.segments[cut:]
            head_len = sum(b - a for a, b in head_segments)
            head = _Para(head_segments, para.text[:head_len],
                         [j for j in para.soft_joins if j < cut])
            tail = _Para(tail_segments, para.text[head_len:],
                         [j - cut for j in para.soft_joins if j > cut])
            if not head.dangling or _terminal(head.text):
                return
            resumed = _Draft(closed.opened_by, closed.title_lines, closed.kicker,
                             closed.subtitle, [], list(closed.photographers),
                             closed.dateline, closed.date,
                             closed.units[:k] + [_Unit("P", para=head)])
            closed.units = [_Unit("P", para=tail)] + closed.units[k + 1:]
            closed.title_lines, closed.kicker, closed.subtitle = [], "", ""
            closed.dateline = closed.date = ""
            closed.opened_by = "P"
            closed.photographers = []
            self.drafts.insert(self.drafts.index(closed), resumed)
            # reopen: move the resumed draft to the end so that it is current
            self.drafts.remove(resumed)
            self.drafts.append(resumed)
            return


# ---------------------------------------------------------------- sentences

def split_articles(source: SourceText) -> tuple[list[Article], list[Problem]]:
    clean = normalize_text(source.text)
    line_starts = [0] + [m.end() for m in re.finditer("\n", source.text)]
    headings = set(source.headings)
    lines = _lines(clean)

    def heading(offset: int) -> bool:        # a line the file marks as a heading
        return bool(headings) and bisect.bisect_right(line_starts, clean.offsets[offset]) in headings

    page = _page(lines, source, heading)
    units = _units(clean, lines, page.skip, heading, web=page.paragraphs)
    drafts = [_web_draft(units, page, lines)] if page.web else \
        _merge_resumed(_Assembler().run(units))
    articles: list[Article] = []
    problems: list[Problem] = _damage(source, line_starts)
    for draft in drafts:
        if not draft.has_body and not draft.titled:
            continue
        if not draft.has_body:
            problems.append(Problem(source.path, f"headline without body: {' '.join(draft.title_lines)}"))
            continue
        article = _article(source, clean, draft, len(articles), line_starts)
        if article.sentences:
            articles.append(article)
    if not articles and clean.text.strip():
        articles.append(_fallback_article(source, clean, line_starts))
    articles = _bounded(articles, source, problems)
    for article in articles:
        for sentence in article.sentences:
            sentence.page = source.page_of(sentence.raw_start)
    if page.web and articles:
        _web_origin(articles[0], page, units)
    else:
        _header_lines(articles, source, clean, [lines[i] for i in page.furniture])
    for article in articles:
        if not article.title:
            article.title = Path(source.name).stem
            problems.append(Problem(source.path, f"article {article.index}: no headline found",
                                    article.sentences[0].line if article.sentences else 0))
    return articles, problems


def _header_lines(articles: list[Article], source: SourceText, clean: CleanText,
                  furniture: list[_Line]) -> None:
    """What the page's header and a web page's info line say: a page header's date
    (2024年5月15日 星期三 第5版) dates every article on its page (in a file without
    pages: from that header to the next, the first one also what comes before it);
    an info line (发布时间：2024-03-18 来源：…) dates, and names the publisher of, the
    article that starts after it (or the last one before it)."""
    if not articles:
        return
    starts = [a.sentences[0].raw_start if a.sentences else 0 for a in articles]
    headers: list[tuple[int, datetime.date]] = []   # (raw offset, date) of page headers
    for line in furniture:
        text, raw = line.text, clean.offsets[line.start]
        day = find_date(text)
        info = info_line(text)
        if info is not None and info.says_something:
            k = min(bisect.bisect_left(starts, raw), len(articles) - 1)
            articles[k].date = articles[k].date or info.date or info.written
            articles[k].publisher = articles[k].publisher or info.reprint or info.publisher
        elif day is not None:
            headers.append((raw, day))
    if not headers:
        return
    dated = {source.page_of(raw) if source.pages else k: day
             for k, (raw, day) in reversed(list(enumerate(headers)))}
    offsets = [raw for raw, _ in headers]
    for article, start in zip(articles, starts):
        key = source.page_of(start) if source.pages else \
            max(0, bisect.bisect_right(offsets, start) - 1)
        article.date = article.date or dated.get(key)


def _bounded(articles: list[Article], source: SourceText, problems: list[Problem]
             ) -> list[Article]:
    """Articles of more than _MAX_ARTICLE sentences cut into parts (each reported)."""
    out: list[Article] = []
    for article in articles:
        if len(article.sentences) <= _MAX_ARTICLE:
            article.index = len(out)
            out.append(article)
            continue
        sentences = article.sentences
        parts = range(0, len(sentences), _MAX_ARTICLE)
        problems.append(Problem(source.path, f"{len(sentences)} sentences without a headline "
                                f"between them; read as {len(parts)} articles", sentences[0].line))
        for first in parts:
            part = replace(article, index=len(out), title=article.title or Path(source.name).stem,
                           sentences=[
                replace(s, index=i) for i, s in enumerate(sentences[first:first + _MAX_ARTICLE])])
            out.append(part)
    return out


def _damage(source: SourceText, line_starts: list[int]) -> list[Problem]:
    """One line for a file with undecodable bytes (U+FFFD, which cleaning drops)."""
    text = source.text
    first = text.find("\ufffd")
    if first < 0:
        return []
    line = bisect.bisect_right(line_starts, first)
    if first == len(text.rstrip()) - 1:
        return [Problem(source.path, "the file ends inside a character (truncated?); "
                                     "that character was dropped", line)]
    count = text.count("\ufffd")
    lines = len({bisect.bisect_right(line_starts, m.start())
                 for m in re.finditer("\ufffd", text)})
    where = f" on {lines} lines" if lines > 1 else ""
    return [Problem(source.path, f"{count} undecodable character{'s' if count > 1 else ''} "
                                 f"dropped{where}", line)]


def _merge_resumed(drafts: list[_Draft]) -> list[_Draft]:
    """Put articles back in order of their first paragraph; join a cut paragraph to its rest."""
    def first_offset(d: _Draft) -> int:
        for u in d.units:
            if u.para is not None and u.para.segments:
                return u.para.segments[0][0]
        return 1 << 60
    return sorted(drafts, key=first_offset)


def _article(source: SourceText, clean: CleanText, draft: _Draft, index: int,
             line_starts: list[int]) -> Article:
    for unit in draft.units:
        if unit.kind == "C":
            draft.photographers.extend(unit.names)
    reporters = [n for n in dict.fromkeys(draft.reporters or draft.photographers)
                 if not _PRESS_OFFICE.match(n)]
    article = Article(
        source=source.name, index=index, title=" ".join(draft.title_lines),
        reporters=reporters, dateline=draft.dateline, date_text=draft.date,
        kicker=draft.kicker, subtitle=draft.subtitle, publisher=draft.outlet)
    article.photographers = [p for p in dict.fromkeys(draft.photographers)
                             if p not in reporters]
    sentences: list[Sentence] = []
    # a web page's lines are whole paragraphs (one that ends on a credit or a colon too)
    units = draft.units if draft.whole_paragraphs else _join_dangling(draft.units)
    paragraph = _subtitle_sentences(sentences, clean, draft.subtitle, units, line_starts)
    for unit in units:
        if unit.kind == "H":
            for line in unit.lines:
                _add_sentences(sentences, clean, [(line.start, line.end)], line.text,
                               paragraph, line_starts)
                paragraph += 1
            continue
        if unit.para is None:
            continue
        _add_sentences(sentences, clean, unit.para.segments, unit.para.text, paragraph,
                       line_starts)
        paragraph += 1
    article.sentences = sentences
    return article


def _subtitle_sentences(out: list[Sentence], clean: CleanText, subtitle: str, units: list[_Unit],
                        line_starts: list[int]) -> int:
    """The subtitle (`——某某县公安局以“四道防线”筑牢平安根基`) read as the first paragraph of
    the body: it states facts as a sentence does, and often the only full names of the
    story (the body goes on with 该局, 县公安局). Its line is the last one printed with its
    text above the body. The number of paragraphs added (0 or 1)."""
    body = next((u.para.segments[0][0] for u in units if u.para is not None and u.para.segments),
                None)
    at = clean.text.rfind(subtitle, 0, body) if subtitle and body is not None else -1
    if at < 0:
        return 0
    _add_sentences(out, clean, [(at, at + len(subtitle))], subtitle, 0, line_starts)
    return 1


def _join_dangling(units: list[_Unit]) -> list[_Unit]:
    """A paragraph cut mid-sentence continues in the next body paragraph."""
    out: list[_Unit] = []
    for unit in units:
        if unit.kind == "P" and out:
            prev = next((u for u in reversed(out) if u.kind == "P"), None)
            if prev is not None and prev.para.dangling and prev is out[-1]:
                prev.para = _Para(prev.para.segments + unit.para.segments,
                                  prev.para.text + unit.para.text)
                continue
        out.append(unit)
    return out


def _add_sentences(out: list[Sentence], clean: CleanText, segments: list[tuple[int, int]],
                   text: str, paragraph: int, line_starts: list[int]) -> None:
    index_map: list[int] = []
    for a, b in segments:
        index_map.extend(range(a, b))
    for a, b in _sentence_spans(text):
        raw_start = clean.offsets[index_map[a]]
        raw_end = clean.offsets[index_map[b - 1]] + 1
        out.append(Sentence(text=text[a:b], index=len(out), paragraph=paragraph,
                            raw_start=raw_start, raw_end=raw_end,
                            line=bisect.bisect_right(line_starts, raw_start)))


def _fallback_article(source: SourceText, clean: CleanText, line_starts: list[int]) -> Article:
    """Text the splitter cannot read as a newspaper page: one article, all of it."""
    lines = _lines(clean)
    article = Article(source=source.name, index=0, title="")
    first = lines[0].text if lines else ""
    if first and len(first) <= _MAX_HEADLINE and not _terminal(first):
        article.title = first
        lines = lines[1:]
    sentences: list[Sentence] = []
    for paragraph, line in enumerate(lines):
        _add_sentences(sentences, clean, [(line.start, line.end)], line.text, paragraph,
                       line_starts)
    article.sentences = sentences
    return article
