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
import warnings

from kg.model import DocumentInfo, SourceText

NO_TEXT = "web page without article text"


def read_html(html: str, source: SourceText) -> SourceText:
    """Fill `source` from a page's markup: headline on line 1 (a heading), then the body."""
    page = _extract(html)
    if page is None or not (page.text or "").strip():
        source.problem = NO_TEXT
        return source
    title = (page.title or "").strip()
    lines = [line.strip() for line in page.text.splitlines() if line.strip()]
    if title and (not lines or lines[0] != title):
        lines.insert(0, title)
    source.text = "\n\n".join(lines) + "\n"
    source.headings = [1] if title else []
    source.info = DocumentInfo(title=title, date=_date(page.date),
                               publisher=(page.sitename or "").strip(),
                               url=(page.url or "").strip(), author=(page.author or "").strip())
    return source


def _extract(html: str):
    import trafilatura

    with warnings.catch_warnings():      # lxml's FutureWarnings from inside trafilatura
        warnings.simplefilter("ignore")
        return trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                           include_tables=True, output_format="python")


def _date(text: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat((text or "")[:10])
    except ValueError:
        return None
