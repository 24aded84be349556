"""CSV cells a spreadsheet shows and never runs (OWASP, "CSV Injection").

Excel, LibreOffice and Google Sheets take a cell that starts with `=`, `+`, `-` or `@`
(or a tab or carriage return, which some strip first) for a formula, and a formula can
open links or, through DDE, run commands. A label from a news page is untrusted text, so
every CSV and TSV govkg writes passes its cells through `safe_cell`: such a cell gets a
leading apostrophe, which spreadsheets read as "this is text" and do not show.

A plain number (`-12.5`, `+3`, `-4E+3`) is left as it is: a spreadsheet reads it as a
number, not a formula, so negative figures stay numbers one can sum.
"""
from __future__ import annotations

import re

__all__ = ["safe_cell"]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def safe_cell(text: str) -> str:
    """`text`, with an apostrophe in front when a spreadsheet would take it for a formula."""
    if text.startswith(_FORMULA_START) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text
