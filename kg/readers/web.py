"""Saved web pages -> the article's text, its headline, date, site, author and address.

trafilatura finds the main text of a page and leaves out the navigation,
breadcrumbs, share bars, related links, sidebars and footers around it; its
metadata pass reads the headline, publication date (htmldate), site name,
author and canonical URL from the page's head and markup. Why trafilatura and
not the project's own tag-stripping parser: see bench/README.md ("Reading saved
web pages").
"""
from __future__ import annotations

import datetime
import re
import warnings
from html import unescape

from kg.dates import find_date
from kg.model import DocumentInfo, SourceText

NO_TEXT = "web page without article text"


def read_html(html: str, source: SourceText) -> SourceText:
    """Fill `source` from a page's markup: headline on line 1 (a heading), then the body."""
    page = _extract(html)
    if page is None or not (page.text or "").strip():
        source.problem = NO_TEXT
        return source
    head = _head(html)
    site = head.get("contentsource") or _site_name(page.sitename)
    title, site = _headline(head.get("articletitle") or page.title or "", site)
    if not site:          # trafilatura cut the site's name off the title: take it from there
        site = _headline(head.get("title", ""), "")[1]
    lines = [line.strip() for line in page.text.splitlines() if line.strip()]
    if title and (not lines or lines[0] != title):
        lines.insert(0, title)
    source.text = "\n\n".join(lines) + "\n"
    source.headings = [1] if title else []
    source.info = DocumentInfo(
        title=title, date=_date(page.date) or find_date(head.get("pubdate", "")),
        publisher=site, url=(page.url or head.get("url") or "").strip(),
        author=(page.author or head.get("author") or "").strip())
    return source


def _extract(html: str):
    import trafilatura

    with warnings.catch_warnings():      # lxml's FutureWarnings from inside trafilatura
        warnings.simplefilter("ignore")
        # Tables off: government sites lay whole pages out in tables, whose cells would
        # come back as one row of text each; the main text inside them is still found.
        return trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                           include_tables=False, output_format="python")


# The meta tags of Chinese government sites' publishing systems (ArticleTitle,
# PubDate, ContentSource, Url), which general extractors do not read.
_META = re.compile(r"""<meta\s+name=["']?(articletitle|pubdate|contentsource|url|author)["']?\s+"""
                   r"""content=["']([^"'<>]*)["']""", re.I)
_SEPARATOR = re.compile(r"\s*[-_|｜–—]+\s*")


_TITLE = re.compile(r"<title[^>]*>([^<]*)</title>", re.I)


def _head(html: str) -> dict[str, str]:
    """The page's <title> and the meta tags above, by lower-case name."""
    found = {name.lower(): unescape(value).strip()
             for name, value in _META.findall(html[:20000]) if value.strip()}
    title = _TITLE.search(html[:20000])
    if title:
        found["title"] = unescape(title.group(1)).strip()
    return found


def _site_name(name: str | None) -> str:
    """trafilatura's site name, unless it is only the host name (example.cn)."""
    name = (name or "").strip()
    return "" if re.fullmatch(r"[\w.-]+\.[a-z]{2,}", name) else name


def _headline(title: str, site: str) -> tuple[str, str]:
    """(headline, site) of a page title that may end in the site's name (标题-某某网,
    标题_某某日报): the site is the one known, else the name cut off the title."""
    parts = _SEPARATOR.split(title.strip())
    last = parts[-1]
    if len(parts) > 1 and (last == site or last.endswith(_SITE_WORDS)):
        return title[:title.rfind(last)].rstrip(" -_|｜–—"), site or last
    return title.strip(), site


_SITE_WORDS = ("网", "网站", "门户", "政府", "日报", "晚报", "新闻", "客户端", "频道")


def _date(text: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat((text or "")[:10])
    except ValueError:
        return None
