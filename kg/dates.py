"""Dates as people write them on Chinese pages and in spreadsheets -> `datetime.date`.

Nothing is guessed: a day without its year (a dateline's `12月27日`) gets a year
only from a full date that is known for the same article (its page, its web
page, the sources file) or a year the sources file gives.
"""
from __future__ import annotations

import datetime
import re

_FULL = re.compile(r"(?<!\d)(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})(?!\d)")
_YEAR_MONTH = re.compile(r"^(\d{4})\s*(?:[年\-/.]\s*(\d{1,2})\s*月?)?$")
_MONTH_DAY = re.compile(r"(\d{1,2})月(\d{1,2})日")


def find_date(text: str) -> datetime.date | None:
    """The first full date in `text` (2024年5月15日, 2024-05-15, 2024/5/15, 2024.5.15)."""
    for match in _FULL.finditer(text):
        day = _day(*(int(g) for g in match.groups()))
        if day is not None:
            return day
    return None


def parse_date(text: str) -> tuple[datetime.date | None, int | None]:
    """A date as a person types it into a spreadsheet: (full date, year). `2024-05-15`
    gives both; `2024` or `2024-05` the year only. ValueError when it is no date."""
    text = text.strip().removesuffix("日")
    if not text:
        return None, None
    match = _FULL.fullmatch(text)
    if match:
        day = _day(*(int(g) for g in match.groups()))
        if day is None:
            raise ValueError(f"no such day: {text}")
        return day, day.year
    match = _YEAR_MONTH.match(text)
    if match and (match.group(2) is None or 1 <= int(match.group(2)) <= 12):
        return None, int(match.group(1))
    raise ValueError(f"not a date: {text!r} (write 2024-05-15, 2024年5月15日 or 2024)")


def dateline_day(text: str, known: datetime.date | None, year: int | None = None
                 ) -> datetime.date | None:
    """The day of a dateline without a year (`12月27日`), its year from `known` (the day
    the article was published: a dateline never comes after it, so 12月31日 on a page
    of 2024年1月2日 is 2023) or else from `year`; None when neither is known."""
    match = _MONTH_DAY.search(text or "")
    if not match:
        return None
    month, day = int(match.group(1)), int(match.group(2))
    if known is not None:
        found = _day(known.year, month, day)
        if found is not None and found > known:
            found = _day(known.year - 1, month, day)
        return found
    return _day(year, month, day) if year is not None else None


def _day(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None
