"""Where each file came from: the sources file, and each article's date, publisher, address.

A sources file is a CSV table with the columns `file,title,date,publisher,url`
(only `file` is required): one row per corpus file, named by its path relative
to the sources file's folder or by its bare name. What a row gives overrides
what the text suggests. `kg build DIR` reads `DIR/sources.csv` when there is
one; `kg build --sources FILE` names another.

An article's date (`Article.date`, `dcterms:date`) is its day of publication:
the sources file's, else its page header's (`2024年5月15日 星期三 第5版`) or its
web page's (`发布时间：2024-03-18`, the page's head), else its dateline's day
(`12月27日电`) when a year for it is known. The dateline's day gets its year
from the day of publication, or from a year the sources file gives, never by
guessing (`Article.dateline_date`).
"""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import astuple
from pathlib import Path

from kg.dates import dateline_day, parse_date
from kg.model import Article, DocumentInfo, Problem, SourceText
from kg.split import byline_names

SOURCES_FILE = "sources.csv"
COLUMNS = ("file", "title", "date", "publisher", "url")


class SourcesError(ValueError):
    """A sources file that cannot be used: the message names the file and line."""


class Sources:
    """The rows of one sources file, looked up by corpus file."""

    def __init__(self, path: Path, rows: dict[str, tuple[int, DocumentInfo]]):
        self.path = path
        self.rows = rows                      # file as written -> (line, info)
        self.used: set[str] = set()

    def lookup(self, file: Path) -> DocumentInfo | None:
        """The row for a corpus file: by its path under the sources file's folder, else by name."""
        keys = [file.name]
        try:
            keys.insert(0, file.resolve().relative_to(self.path.resolve().parent).as_posix())
        except ValueError:
            pass
        for key in keys:
            if key in self.rows:
                self.used.add(key)
                return self.rows[key][1]
        return None

    def unused(self) -> list[Problem]:
        """One problem for each row that named no file of the build."""
        return [Problem(str(self.path), f"no input file is called {key}", line)
                for key, (line, _) in sorted(self.rows.items(), key=lambda kv: kv[1][0])
                if key not in self.used]


def read_sources(path: Path) -> Sources:
    """Read a sources file (UTF-8 with or without BOM, or GB18030 as Excel saves it)."""
    from kg.read import read_source

    source = read_source(path)
    if not source.ok:
        raise SourcesError(f"{path}: {source.problem}")
    reader = csv.DictReader(io.StringIO(source.text))
    header = [(name or "").strip().lower() for name in reader.fieldnames or []]
    if "file" not in header:
        raise SourcesError(f"{path}:1: no 'file' column (expected {','.join(COLUMNS)})")
    unknown = [name for name in header if name not in COLUMNS]
    if unknown:
        raise SourcesError(f"{path}:1: unknown column {unknown[0]!r} "
                           f"(expected {','.join(COLUMNS)})")
    reader.fieldnames = header
    rows: dict[str, tuple[int, DocumentInfo]] = {}
    for record in reader:
        line = reader.line_num
        row = {k: (v or "").strip() for k, v in record.items() if k is not None}
        file = row.get("file", "").replace("\\", "/").removeprefix("./")
        if not file:
            raise SourcesError(f"{path}:{line}: the file column is empty")
        if file in rows:
            raise SourcesError(f"{path}:{line}: {file} has a row already (line {rows[file][0]})")
        rows[file] = (line, _info(row, f"{path}:{line}"))
    return Sources(path, rows)


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://\S")


def absolute_url(url: str) -> str:
    """`url` when it is a full address (scheme and host), else ''."""
    url = (url or "").strip()
    return url if _SCHEME.match(url) else ""


def _info(row: dict[str, str], where: str) -> DocumentInfo:
    try:
        date, year = parse_date(row.get("date", ""))
    except ValueError as err:
        raise SourcesError(f"{where}: {err}") from None
    if row.get("url") and not absolute_url(row["url"]):
        raise SourcesError(f"{where}: the url {row['url']!r} is not a full address "
                           f"(write https://…)")
    return DocumentInfo(title=row.get("title", ""), date=date, year=year,
                        publisher=row.get("publisher", ""), url=row.get("url", ""))


def find_sources(paths: Iterable[Path], given: Path | None = None) -> Sources | None:
    """The sources file named with --sources, else the `sources.csv` of a folder given."""
    if given is not None:
        if not given.is_file():
            raise SourcesError(f"no such sources file: {given}")
        return read_sources(given)
    for path in paths:
        candidate = Path(path) / SOURCES_FILE
        try:
            found = Path(path).is_dir() and candidate.is_file()
        except OSError:          # a path past the length limit: the reader names it
            continue
        if found:
            return read_sources(candidate)
    return None


def info_key(info: DocumentInfo | None) -> str:
    """What of a row goes into a cache key: the same bytes with another row are
    another extraction."""
    return "" if info is None else "\x1f".join(str(v) for v in astuple(info))


def settle(articles: list[Article], source: SourceText, given: DocumentInfo | None
           ) -> list[Problem]:
    """Give each article its title, date, publisher and address: the sources row first,
    then what the text says (set by the splitter), then the file's own head."""
    given = given or DocumentInfo()
    own = source.info or DocumentInfo()
    problems = []
    if given.title and len(articles) == 1:
        articles[0].title = given.title
    elif given.title and articles:
        problems.append(Problem(source.path, f"the sources file gives one title for "
                                             f"{len(articles)} articles; their headlines are kept"))
    year = given.year or own.year
    for article in articles:
        article.date = given.date or article.date or own.date
        article.publisher = given.publisher or article.publisher or own.publisher
        article.url = given.url or article.url or absolute_url(own.url)
        article.dateline_date = dateline_day(article.date_text, article.date, year)
        article.date = article.date or article.dateline_date
        if not article.reporters and own.author:
            article.reporters = byline_names(own.author)
    return problems
