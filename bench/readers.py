"""Which library reads PDF pages and saved web pages best? Speed and closeness to the text.

    .venv/bin/python bench/readers.py [--runs 3]

PDF: each bundled corpus page is laid out again as a two-column e-paper PDF
(`tests/makedocs.py`: headline across both columns, byline and body in two
columns, one story a page) and read back by

* pdfminer.six with govkg's reading order (`kg.readers.pdf`: layout boxes, XY-cuts),
* pdfminer.six's own order (`pdfminer.high_level.extract_text`),
* pypdf (`page.extract_text()`, and its `extraction_mode="layout"`).

Web pages: each story of the first two corpus pages is saved in three kinds of
site chrome (news site, government site in tables, portal with comments) and
read by trafilatura (`kg.readers.web`) and by the tag-stripping parser govkg
had before (copied below as the baseline).

Closeness: the text that was laid out (headlines, bylines, paragraphs, in
reading order; white space removed) against what came back. `order` is
difflib's ratio (1.0: the same characters in the same order), `recall` the
share of the source's characters recovered in order, `noise` the share of
what came back that is not in the source (page furniture, navigation).
"""
from __future__ import annotations

import argparse
import difflib
import io
import re
import statistics
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import makedocs  # noqa: E402  (tests/makedocs.py: the fixture makers)
from kg.model import SourceText  # noqa: E402

_SPACE = re.compile(r"\s+")


_PAGE_HEADER = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日 星期. 第\d+版")


def closeness(source: str, got: str) -> tuple[float, float, float]:
    """(order ratio, recall, noise) of `got` against `source`, white space and page
    headers (one on each page, also on pages a story runs on to) ignored."""
    a, b = (_SPACE.sub("", _PAGE_HEADER.sub("", text)) for text in (source, got))
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return matcher.ratio(), matched / max(1, len(a)), 1 - matched / max(1, len(b))


def story_text(story: makedocs.Story) -> str:
    return "\n".join([story.title, story.byline, *story.paragraphs])


# ------------------------------------------------------------------ PDF

def _govkg(data: bytes) -> str:
    from kg.readers.pdf import read_pdf
    return read_pdf(data, SourceText(path="x.pdf", name="x.pdf")).text


def _pdfminer_default(data: bytes) -> str:
    from pdfminer.high_level import extract_text
    return extract_text(io.BytesIO(data))


def _pypdf(data: bytes, mode: str = "plain") -> str:
    import pypdf
    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text(extraction_mode=mode) for page in reader.pages)


PDF_READERS = {
    "pdfminer.six + XY-cut (govkg)": _govkg,
    "pdfminer.six, its own order": _pdfminer_default,
    "pypdf": _pypdf,
    "pypdf, layout mode": lambda data: _pypdf(data, "layout"),
}


def bench_pdf(runs: int) -> None:
    pages = []
    for path in sorted(makedocs.CORPUS.glob("*.txt")):
        stories = makedocs.stories(path)
        source = "\n".join(
            makedocs.PAGE_HEADER.format(page=k + 1) + "\n" + story_text(s)
            for k, s in enumerate(stories))
        pages.append((source, makedocs.two_column_pdf(stories), len(stories)))
    import pypdf
    n_pages = sum(len(pypdf.PdfReader(io.BytesIO(data)).pages) for _, data, _ in pages)
    print(f"PDF: {len(pages)} files, {n_pages} two-column pages, "
          f"{sum(len(p[0]) for p in pages)} characters")
    print(f"{'reader':32} {'ms/page':>8} {'order':>7} {'recall':>7} {'noise':>7}")
    for name, read in PDF_READERS.items():
        times, scores = [], []
        for _ in range(runs):
            started = time.perf_counter()
            texts = [read(data) for _, data, _ in pages]
            times.append(time.perf_counter() - started)
        scores = [closeness(source, text) for (source, _, _), text in zip(pages, texts)]
        cols = [statistics.mean(s[i] for s in scores) for i in range(3)]
        print(f"{name:32} {1000 * min(times) / n_pages:8.1f} "
              f"{cols[0]:7.3f} {cols[1]:7.3f} {cols[2]:7.3f}")


# ------------------------------------------------------------------ web pages

class _TagStripper(HTMLParser):
    """The baseline: govkg's parser before trafilatura (visible text, one block a line)."""

    _SKIP = {"script", "style", "head", "title", "noscript"}
    _BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
              "section", "article", "header", "footer", "table", "ul", "ol", "pre"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skipping:
            self.parts.append(data)


def _strip_tags(html: str) -> tuple[str, dict]:
    parser = _TagStripper()
    parser.feed(html)
    return "".join(parser.parts), {}


def _trafilatura(html: str) -> tuple[str, dict]:
    """The reader, then what the build makes of its result (the 来源： line names the site)."""
    from kg.origin import settle
    from kg.readers.web import read_html
    from kg.split import split_articles
    source = read_html(html, SourceText(path="x.html", name="x.html"))
    article = split_articles(source)[0][0]
    settle([article], source, None)
    return source.text, {"title": article.title, "date": article.date.isoformat(),
                         "site": article.publisher, "url": article.url}


WEB_READERS = {"trafilatura (govkg)": _trafilatura, "tag stripper (before)": _strip_tags}
SITE, URL, DATE = "示例日报网", "https://www.example.cn/a/2023/1228/{k}.html", "2023-12-28"


def bench_web(runs: int) -> None:
    pages = []
    for path in sorted(makedocs.CORPUS.glob("*.txt"))[:2]:
        for k, story in enumerate(makedocs.stories(path)):
            for style in makedocs.PAGE_STYLES:
                url = URL.format(k=f"{path.stem[:3]}{k}")
                html = makedocs.styled_page(story, style, site=SITE, url=url, date=DATE)
                pages.append((story, url, html))
    print(f"\nWeb pages: {len(pages)} ({len(makedocs.PAGE_STYLES)} kinds of site chrome)")
    print(f"{'reader':24} {'ms/page':>8} {'recall':>7} {'noise':>7} {'title':>6} {'date':>6} "
          f"{'site':>6} {'url':>6}")
    for name, read in WEB_READERS.items():
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            results = [read(html) for _, _, html in pages]
            times.append(time.perf_counter() - started)
        scores = [closeness(story_text(story), text)
                  for (story, _, _), (text, _) in zip(pages, results)]
        found = {key: sum(meta.get(key) == want for (story, url, _), (_, meta)
                          in zip(pages, results)
                          for want in [{"title": story.title, "date": DATE, "site": SITE,
                                        "url": url}[key]]) / len(pages)
                 for key in ("title", "date", "site", "url")}
        print(f"{name:24} {1000 * min(times) / len(pages):8.1f} "
              f"{statistics.mean(s[1] for s in scores):7.3f} "
              f"{statistics.mean(s[2] for s in scores):7.3f} "
              + " ".join(f"{found[k]:6.2f}" for k in ("title", "date", "site", "url")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="timing runs (the best counts)")
    args = parser.parse_args()
    bench_pdf(args.runs)
    bench_web(args.runs)


if __name__ == "__main__":
    main()
