"""Page: which lines of a saved page are the site around the article, and what its info line says.

Text saved from a web page (as .txt from the browser, or what the web reader kept
of an HTML file) carries the site around the article: the welcome bar and the
breadcrumb (`首页 > 新闻 > 正文`), the info line (`来源：… 时间：… 作者：… 编辑：…`)
or a government site's open-information table (`索引号 …`, `发布机构 某某镇`, with or
without colons), view counters, font-size, share, print and close links, app
promotions, paging links, an e-paper reader's page header and list of the page's
stories, image placeholders and stray markup. None of these is a headline, a byline
or a sentence of the body; several say where and when the article appeared (`info_line`,
`date_line`, and at the foot `foot_line`, `closing_info`). This module names such lines,
one line at a time; kg/split.py decides from them whether a file is one web page
(`split._page`). The words are general knowledge, in kg/lexicons/web_page.txt.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import cache

from kg.dates import find_date
from kg.gazetteer import gazetteer
from kg.lexicons import sections

_CJK = "\u4e00-\u9fff"
_MAX_INFO = 150          # characters of an info line
_MAX_CHROME = 80         # characters of a chrome line
_MAX_ITEM = 12           # characters of one link or label of a chrome line
_MAX_CRUMB = 15          # characters of one step of a breadcrumb
_MAX_SITE_NAME = 6       # characters of a site's name standing alone beside a date (观海融媒)
_MAX_SITE_LINE = 12      # characters of a site's name on a line of its own (某某县人民政府)
_NAV_ITEMS = 5           # a row of at least this many short links is a navigation bar
_SENTENCE = re.compile(r"[。！？；，]")
_FULL_STOP = re.compile(r"[。！？]")
_ITEM_SPLIT = re.compile(r"[\s|｜/／\\\[\]【】（）()：:·•,，、<>«»]+|\d+")
_CRUMB_SPLIT = re.compile(r"(?:\s*[>»›＞]\s*)+")          # 首页 > > 正文: one step
_MARKUP = re.compile(r"^(?:<[^<>]*>\s*)+$")
_DIGIT = re.compile(r"[0-9０-９]")
# a menu entry (• 要闻) and a line naming a page or address, which no printed page holds
_MENU_ITEM = re.compile(rf"^•\s*[{_CJK}A-Za-z]{{1,8}}$")
_LINK = re.compile(r"https?://|www\.|\w\.s?html?\b|\.(?:php|aspx?|jsp)\b", re.I)
_IMAGE_FILE = re.compile(r"^\S+\.(?:jpe?g|png|gif|bmp|webp|tiff?)$", re.I)
# (set apart by spaces or bars: 直通屏山|福建|时评|…)
_NAV_ROW = re.compile(rf"^[{_CJK}]{{2,6}}(?:(?:\s+|\s*[|｜]\s*)[{_CJK}]{{2,6}}){{{_NAV_ITEMS - 1},}}$")
_LEADING_DATE = re.compile(r"^[\s|｜•●▪]*\d{4}\s*[年\-/.]\s*\d{1,2}\s*[月\-/.]\s*\d{1,2}\s*日?"
                           r"(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?")
# a name in a field stops at a space, a bar, a date or an address
_NAME_END = re.compile(r"\s|[|｜【\[]|\d{4}\s*[年\-/.]|https?:|www\.")
_PAPER = re.compile(rf"^[{_CJK}·]{{2,10}}?(?:日报|晚报|早报|时报|商报|法治报|法制报|报|网)")
# a paper's name standing alone (or as one token of a row): 闽南日报, 周口晚报
_PAPER_NAME = re.compile(rf"(?<![{_CJK}])[{_CJK}]{{2,8}}?(?:日报|晚报|早报|时报|商报|都市报|法治报|法制报|"
                         rf"青年报|新闻网)(?![{_CJK}])")
# an e-paper's page header: 第A06版：社会与法·庭审内外 PDF版, 02：综合新闻·广告
# (or with the number padded: 00005版：平安巷)
_PAGE_HEADER = re.compile(rf"^(?:版面\s*[：:]\s*)?(?:第\s*[A-Z]?\d{{1,3}}\s*版|[A-Z]\d{{1,2}}\s*版?|0{{1,4}}\d{{1,2}}\s*版?)"
                          rf"\s*[：:]\s*[{_CJK}·、\s]{{2,20}}?(?:PDF版?)?$")
_CLOCK = re.compile(r"\d{1,2}[:：]\d{2}")
_DAY_FIRST = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})\s*\d{1,2}:\d{2}(?::\d{2})?$")
_NUMERIC_DATE = re.compile(r"\d{4}\s*[\-/]\s*\d{1,2}\s*[\-/]\s*\d{1,2}")
# a date and its clock time between a few words (a channel, an outlet, a place) and nothing else
# (cleaning drops the spaces between words and digits: 政务2024-11-15 09:12甘肃)
_STAMPED = re.compile(rf"^(?:(?P<before>[{_CJK}·]{{1,{_MAX_SITE_LINE}}})\s*)?(?P<day>\d{{4}}\s*[年\-/.]\s*\d{{1,2}}"
                      rf"\s*[月\-/.]\s*\d{{1,2}}\s*日?\s*\d{{1,2}}[:：]\d{{2}}(?:[:：]\d{{2}})?)"
                      rf"\s*(?P<after>[{_CJK}]{{0,{_MAX_SITE_NAME}}})\s*$")
# the date (and time) that ends a line, maybe before the page's font controls (… 04:34 大字)
_TRAILING_DATE = re.compile(r"\d{4}\s*[年\-/.]\s*\d{1,2}\s*[月\-/.]\s*\d{1,2}\s*日?"
                            rf"(?:\s*\d{{1,2}}[:：]\d{{2}}(?:[:：]\d{{2}})?)?(?P<tail>[\s{_CJK}]{{0,{_MAX_ITEM}}})$")
_PAGE_NUMBER = re.compile(r"^(?:版面\s*[：:]\s*)?第\s*[A-Z]?\d{1,3}\s*版")
_WEEKDAY = re.compile(r"^[\s,，]*(?:星期|周)[一二三四五六日天]")
# a cut-off teaser in a list of the page's other stories: …现场一片繁忙——~~~
_TEASER_END = re.compile(r"(?:——|…+|\.{3,})[^\u4e00-\u9fff]*$")
_CLOSING_INFO = re.compile(r"(?<=[。！？”」])\s*[（(【\[](?P<field>[^（）()【】\[\]]{4,40})[）)】\]]$")
_MARKUP_TRACE = re.compile(r"-->|<!--|/\w+>")
# an e-paper reader's record ends on the day and weekday (… 2020年10月23日 星期五)
_DAY_AND_WEEKDAY_END = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日\s*(?:星期|周)[一二三四五六日天]\s*$")
_MAX_BARE_VALUE = 30     # characters of the value of a field printed without a colon
_MIN_BARE_LABEL = 3      # a shorter label (来源, 时间) needs a colon, or a number after it
_LABEL_KINDS = ("date", "written_date", "source", "reprint", "author", "editor", "counter", "meta")
_BULLETS = " •●▪"         # a list's bullets (an info line printed as a list of fields)
# what may stand before an info line's only field: brackets and bars
_LEAD_MARKS = " |｜[]【】（("


@dataclass
class Info:
    """What one info line (or a web page's date line) says; empty fields are not given."""
    date: datetime.date | None = None
    publisher: str = ""      # 来源
    reprint: str = ""        # 摘自, 转自: the paper that printed the article first
    authors: str = ""        # 作者/记者/通讯员 fields as printed, labels kept (for split.byline_names)
    written: datetime.date | None = None   # 成文日期: the page's date when it gives no other

    @property
    def says_something(self) -> bool:
        """Whether the line gives a date, a source or an author (an editor's or a
        counter's field alone says nothing of the article)."""
        return bool(self.date or self.written or self.publisher or self.reprint or self.authors)


@cache
def _words() -> dict[str, tuple[str, ...]]:
    return sections("web_page")


@cache
def _labels() -> tuple[re.Pattern, dict[str, str]]:
    """The field-label pattern (longest label first; not inside a word) and each label's kind."""
    kinds: dict[str, str] = {}
    for kind in _LABEL_KINDS:
        for label in _words()[f"{kind}_labels"]:
            kinds.setdefault(label, kind)
    alternation = "|".join(re.escape(w) for w in sorted(kinds, key=len, reverse=True))
    return re.compile(rf"(?<![{_CJK}])(?P<label>{alternation})\s*[：:]\s*"), kinds


@cache
def _bare_label() -> re.Pattern:
    """A line that is one field of a table printed without its colon: `发布机构 修山镇`,
    `发文日期2023-08-23`, `索引号 xsz/2023-1810258` (the value after a space, or Latin
    letters and digits right after the label); a short label (时间, 发布) only before a
    date and time alone. A role without its colon (通讯员 某某) is a byline's, not a field's."""
    kinds = _labels()[1]

    def labels(shortest: int) -> str:
        return "|".join(re.escape(w) for w in sorted(
            (w for w, kind in kinds.items() if len(w) >= shortest and kind != "author"),
            key=len, reverse=True))
    return re.compile(
        rf"^(?:(?P<label>{labels(_MIN_BARE_LABEL)})(?:\s+|(?=[0-9A-Za-z]))"
        rf"(?P<value>[^\s：:][^：:]{{0,{_MAX_BARE_VALUE}}})|"
        rf"(?P<short>{labels(2)})\s*(?P<day>{_LEADING_DATE.pattern.lstrip('^')}))$")


def _fields(text: str) -> list[tuple[str, str, int]]:
    """(kind, value, start) of each labelled field: the value runs to the next label."""
    pattern, kinds = _labels()
    found = list(pattern.finditer(text))
    out = []
    for k, match in enumerate(found):
        end = found[k + 1].start() if k + 1 < len(found) else len(text)
        value = _closed(text[match.end():end].strip(" |｜[]【】（("))
        out.append((kinds[match.group("label")], value, match.start()))
    return out


_PAIRS = {"）": "（", ")": "(", "】": "【", "]": "["}


def _closed(value: str) -> str:
    """A field's value without the closing brackets around it, but with one that closes a
    bracket it opened: 宣传处（新闻办） stays whole, 某某日报】 loses its bracket."""
    while value and value[-1] in _PAIRS and value.count(_PAIRS[value[-1]]) < value.count(value[-1]):
        value = value[:-1].rstrip(" |｜")
    return value.rstrip(" |｜")


def _bare_field(text: str) -> list[tuple[str, str, int]]:
    """The one field of a table's line printed without a colon, as `_fields` gives it."""
    match = _bare_label().match(text)
    if match is None:
        return []
    label = match.group("label") or match.group("short")
    return [(_labels()[1][label], (match.group("value") or match.group("day")).strip(), 0)]


def _name(value: str) -> str:
    """The publisher's name at the start of a field's value: 桂林日报 of `桂林日报 2019-08-23`,
    and of `桂林日报责任编辑：某某` (an editor's field glued to it, no space between)."""
    end = _NAME_END.search(value)
    value = value[:end.start()] if end else value
    editor = _editor_field().search(value)
    return (value[:editor.start()] if editor else value).strip("《》 ")


@cache
def _editor_field() -> re.Pattern:
    labels = sorted(_words()["editor_labels"], key=len, reverse=True)
    return re.compile(f"(?:{'|'.join(map(re.escape, labels))})\\s*[：:]")


def info_line(text: str) -> Info | None:
    """What a page's info line says, or None when `text` is none: labelled fields
    (`发布时间：2024-03-18 来源：某某日报 编辑：某某`), starting the line (after a date,
    a bar or a list's bullet: `• 来源：某某公安局`; or after what has no words but chrome
    words: `www.某某.gov.cn 】【 2025-09-03 11:36:59 】【 来源：某某`) or at least two of
    them, on a line without sentence punctuation."""
    if len(text) > _MAX_INFO or _SENTENCE.search(text):
        return None                   # 记者：能举个例子吗？ is an interview's question
    text = text.lstrip(_BULLETS)      # • 更新时间2015-10-22: a list's item
    fields = _fields(text) or _bare_field(text)
    if not fields:
        return None
    lead = _LEADING_DATE.match(text)
    before = text[lead.end() if lead else 0:fields[0][2]].strip(_LEAD_MARKS)
    if len(fields) < 2 and not _chrome_words(re.sub(f"[^{_CJK}]", "", before)):
        return None
    info = Info(date=find_date(lead.group()) if lead else None)
    for kind, value, _ in fields:
        if kind == "date" and info.date is None:
            info.date = find_date(value)
        elif kind == "written_date" and info.written is None:
            info.written = find_date(value)
        elif kind == "source" and not info.publisher:
            info.publisher = _name(value)
        elif kind == "reprint" and not info.reprint:
            info.reprint = _name(value)
        elif kind == "author" and value:
            info.authors = " ".join(filter(None, [info.authors, value]))
    if info.written is None:
        info.date = info.date or find_date(text)      # 来源：某某日报 2019-08-23
    return info


def date_line(text: str) -> Info | None:
    """A web page's line of its date alone, or its date and paper (and page name), or
    an e-paper's date, weekday and font controls: `2019-08-23 11:59`,
    `2025年06月24日某某日报要闻`, `2021年02月25日 星期四 放大 缩小 默认`."""
    lead = _LEADING_DATE.match(text)
    if lead is None:
        return _paper_and_date(text) or _stamped_line(text) or _day_first_line(text)
    rest = text[lead.end():].strip()
    weekday = _WEEKDAY.match(rest)
    if weekday and _chrome_words(re.sub(f"[^{_CJK}]", "", rest[weekday.end():])):
        return Info(date=find_date(lead.group()))      # 2007年3月1日，星期四（GSM+8 北京时间）
    if len(rest) > _MAX_ITEM or not re.fullmatch(f"[{_CJK}·]*", rest):
        # a journal mirror's line: the date and time, then the author and affiliation glued on
        stamped = _CLOCK.search(lead.group()) and len(text) <= _MAX_INFO and not _SENTENCE.search(rest)
        return Info(date=find_date(lead.group())) if stamped else None
    paper = _PAPER.match(rest)
    return Info(date=find_date(lead.group()), publisher=paper.group() if paper else "")


def timestamp_line(text: str) -> bool:
    """A date line that only a web page's publishing system prints, which no printed page
    carries: with the clock time (`2025-11-13 09:18:17`, `• 2023-03-24 18:55`,
    `政务 2024-11-15 09:12 甘肃`), or the date in digits with dashes or slashes and the
    author after it (`2022-09-09张云亮`)."""
    lead = _LEADING_DATE.match(text)
    if lead is None:
        return _stamped_line(text) is not None or _day_first_line(text) is not None
    return bool(_CLOCK.search(lead.group()) or _NUMERIC_DATE.match(lead.group().lstrip(_LEAD_MARKS + _BULLETS))) \
        and date_line(text) is not None


def _day_first_line(text: str) -> Info | None:
    """A date with its clock time printed day first, as a site built on a European system
    prints it (`20.04.2016 14:18`)."""
    match = _DAY_FIRST.match(text)
    if match is None:
        return None
    day, month, year = map(int, match.groups())
    try:
        return Info(date=datetime.date(year, month, day))
    except ValueError:
        return None


def _stamped_line(text: str) -> Info | None:
    """A date with its clock time between a few words and nothing else: the channel and
    the place (a province, a city) a page's system prints around it (`政务   2024-11-15 09:12   甘肃`), or the
    outlet that posted it (`某某出版社  2025/7/23 14:43:47`: its publisher). No headline
    carries the time of day."""
    match = _STAMPED.match(text)
    after = match.group("after") if match else ""
    if match is None or not (_chrome_words(after) or gazetteer().lookup(after)):
        return None                  # 某某日报 2019-08-02 04:34 召开会议: an article's words
    before = match.group("before") or ""
    outlet = before if _PAPER_NAME.fullmatch(before) or before.endswith(_words()["outlet_words"]) else ""
    return Info(date=find_date(match.group("day")), publisher=outlet)


def _paper_and_date(text: str) -> Info | None:
    """`闽南日报 2023-12-29 10:21`, `上海法治报 · 公众号 · 2025-01-29 13:36`: a paper's name,
    maybe chrome words, then the date (and time) that ends the line."""
    paper = _PAPER_NAME.match(text)
    day = _TRAILING_DATE.search(text)
    if paper is None or day is None or paper.end() > day.start():
        return None
    between = re.sub(f"[^{_CJK}]", "", text[paper.end():day.start()])
    tail = re.sub(f"[^{_CJK}]", "", day.group("tail"))
    return Info(date=find_date(day.group()), publisher=paper.group()) \
        if _chrome_words(between) and _chrome_words(tail) else None


@cache
def _chrome_set() -> tuple[frozenset[str], int]:
    """The chrome words, and the length of the longest."""
    chrome = frozenset(_words()["chrome"])
    return chrome, max(map(len, chrome))


def _chrome_words(text: str) -> bool:
    """Whether `text` is empty or made of chrome words only, however glued together
    (cleaning joins a letter-spaced row: 放大 缩小 默认 -> 放大缩小默认)."""
    chrome, longest = _chrome_set()
    ends = {0}                                   # where a run of whole words can end
    for end in range(1, len(text) + 1):
        if any(end - k in ends and text[end - k:end] in chrome for k in range(2, longest + 1)):
            ends.add(end)
    return len(text) in ends


def chrome_line(text: str) -> bool:
    """Site chrome that no printed page has: the welcome bar, a breadcrumb, a menu entry
    (`• 要闻`), a row of links or controls (`分享到`, `字号`, `浏览量`, `上一篇`,
    `返回主页|…`, `放大缩小默认`), an e-paper's page header (`第A06版：社会与法`), a line
    naming a page's address, the site's notices (`特别声明：…`)."""
    if text.startswith(_words()["chrome_statements"]):
        return True                  # 特别声明：以上内容…, （版权作品，未经…）
    if len(text) > _MAX_CHROME or _SENTENCE.search(text.rstrip("，")):
        return False
    if text.startswith(_words()["chrome_openers"]) or _MENU_ITEM.match(text) or _LINK.search(text):
        return True
    if breadcrumb(text) or page_header(text):
        return True
    items = [item.strip(".") for item in _ITEM_SPLIT.split(text) if item.strip(".")]
    return bool(items) and all(len(i) <= _MAX_ITEM for i in items) and \
        any(_chrome_words(i) for i in items)


def page_header(text: str) -> bool:
    """An e-paper's page header: `第A06版：社会与法·庭审内外 PDF版`, `02：综合新闻·广告`,
    `第01版：封面 下一版`."""
    return bool(_PAGE_HEADER.match(text) or _PAGE_NUMBER.match(text) and len(text) <= _MAX_CHROME)


def row_paper(text: str) -> str:
    """The first paper a row of links names (`返回主页 | 郑州日报 | 版面导航 | 郑州晚报`), or ""."""
    return next((item for item in _ITEM_SPLIT.split(text) if _PAPER_NAME.fullmatch(item)), "")


def related_header(text: str) -> bool:
    """`相关新闻`, `推荐阅读`: a header over links to other stories. A line that goes on to a
    date (`往期回顾:  高级检索  出版日期: 2025-05-09`) is an e-paper reader's tool row, with
    the article's own head below it."""
    text = text.lstrip("【[ ")
    header = next((w for w in _words()["related_headers"] if text.startswith(w)), None)
    return header is not None and chrome_line(text) and not _DIGIT.search(text, len(header))


def teaser(text: str) -> bool:
    """A story's opening cut off in a list of the page's other stories: `…现场一片繁忙——~~~`."""
    return bool(_TEASER_END.search(text)) and not _SENTENCE.search(text[-1:])


def closing_info(text: str) -> Info | None:
    """What the last paragraph of a page closes on, when it is an info field in brackets:
    `…较好实现了目标。（来源：闽南日报）`, `…【作者：某某】`."""
    match = _CLOSING_INFO.search(text)
    info = info_line(match.group("field")) if match else None
    return info if info is not None and info.says_something else None


def paper_line(text: str) -> str:
    """The paper's or news site's name when `text` is that name alone (`闽南日报`, or a short
    name of a media outlet: `观海融媒`), else "" (a site's own name, `海峡网`, is no paper)."""
    text = text.strip()
    match = _PAPER_NAME.fullmatch(text)
    if match:
        return match.group()
    short = re.fullmatch(rf"[{_CJK}]{{2,{_MAX_SITE_NAME}}}", text) and text.endswith(_words()["media_words"])
    return text if short else ""


@cache
def _host() -> re.Pattern:
    labels = sorted(_words()["host_labels"], key=len, reverse=True)
    # 主办单位：某某, 版权所有 © 2019 某某日报社: the name after the colon, a copyright sign, a year
    return re.compile(rf"^(?:{'|'.join(map(re.escape, labels))})(?:[\s：:©]|\(c\)|copyright|\d{{4}}|-)+"
                      rf"(?P<name>[{_CJK}][^\s]*)", re.I)


def foot_line(text: str) -> Info | None:
    """What a line of a page's chrome (mostly at its foot) says of its origin, or None: the
    body that runs the site (`主办单位：某某市人民政府办公室 承办：…`), the paper a breadcrumb
    starts from (`浙江法制报 > 第二版：钱塘`), or a publishing system's record
    left in the text, a file name or markup with the day and the paper
    (`2023-07-24 鹿邑县人民法院 2 2 周口晚报 content_206971.html 1 …-->`, or ending on the
    issue's day and weekday: `浙江法制报 平安巷 00005 … 2020-10-23 2 2020年10月23日 星期五`)."""
    host = _host().match(text)
    if host and len(text) <= _MAX_INFO and not _SENTENCE.search(text):
        return Info(publisher=_name(host.group("name")))
    steps = _CRUMB_SPLIT.split(text.strip())
    if len(steps) > 1 and chrome_line(text):     # 浙江法制报 > 第二版：钱塘: an e-paper's own path
        paper = _PAPER_NAME.fullmatch(re.sub(r"^.*[：:]", "", steps[0]).strip())
        if paper:
            return Info(publisher=paper.group())
    if (_LINK.search(text) or _MARKUP_TRACE.search(text) or _DAY_AND_WEEKDAY_END.search(text)) \
            and not _FULL_STOP.search(text):
        paper = _PAPER_NAME.search(text)
        day = find_date(text)
        if paper and day:
            return Info(date=day, publisher=paper.group())
    return None


_SITE_SEPARATOR = re.compile(r"\s*(?:[-_|｜–]+|——)\s*(?=[^-_|｜–—]{2,20}$)")


def without_site_name(text: str) -> str:
    """A page title without the site's name it ends on (标题-某某网, 标题_某某县人民政府);
    `text` when it ends on none."""
    parts = _SITE_SEPARATOR.split(text.strip())
    if len(parts) > 1 and parts[-1].endswith(_words()["site_words"]):
        return text[:text.rfind(parts[-1])].rstrip(" -_|｜–—")
    return text


def site_name(text: str) -> bool:
    """A site's or outlet's name alone (中国甘肃网, 某某县人民政府, 观海融媒): no headline."""
    return bool(re.fullmatch(rf"[{_CJK}]{{2,{_MAX_SITE_LINE}}}", text.strip())) \
        and text.strip().endswith(_words()["site_words"] + _words()["media_words"])


def breadcrumb(text: str) -> bool:
    """`首页 > 新闻 > 正文`: at least three short steps joined by `>`, or two from the site's
    home (`首页 > 市县政协`); a separator at its end leads nowhere (`首页 >> 新知 > 资讯 >`)."""
    steps = _CRUMB_SPLIT.split(text.strip().rstrip(">»›＞ "))
    home = len(steps) == 2 and steps[0] in _words()["home_steps"]
    return (len(steps) >= 3 or home) and all(0 < len(s) <= _MAX_CRUMB for s in steps)


def crumb_site(text: str) -> str:
    """The last site named in a breadcrumb (`您现在的位置：某某市人民政府 > 某某政法网 > 动态`
    gives 某某政法网), or "": who published a page that names no other publisher."""
    if not breadcrumb(re.sub(r"^[^>»›＞]*[：:]", "", text)):
        return ""
    steps = [re.sub(r"^.*[：:]", "", s).strip() for s in _CRUMB_SPLIT.split(text.strip())]
    return next((s for s in reversed(steps) if s.endswith(_words()["crumb_site_ends"])
                 and s not in _words()["home_steps"]), "")


def original_title(text: str) -> str:
    """The headline a reprint says the article first had (`原标题：…`), or ""."""
    label = re.match(rf"^(?:{'|'.join(_words()['original_title_labels'])})\s*[：:]\s*", text)
    return text[label.end():].strip() if label else ""


def web_debris(text: str) -> bool:
    """What else a saved web page leaves on a line of its own, and a printed page never
    holds: markup, an image's file name, a row of navigation links, a line without any
    Chinese (a counter, a web address, `A A`)."""
    return bool(_MARKUP.match(text) or _IMAGE_FILE.match(text) or _NAV_ROW.match(text)
                or not re.search(f"[{_CJK}]", text))


@cache
def _editors() -> re.Pattern:
    labels = sorted(_words()["editor_labels"], key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in labels))


def editor_credit(text: str) -> int:
    """Where an editor's credit starts in a byline (`编辑 某某`, `责任编辑：某某`);
    len(text) when it holds none."""
    match = _editors().search(text)
    return match.start() if match else len(text)

