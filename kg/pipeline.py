"""Wire the stages: files -> articles -> per-article extraction -> resolved corpus."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg.model import ArticleExtraction, Corpus, Problem, SourceText
from kg.read import iter_source_paths, read_source
from kg.recognise import recognise_article
from kg.relate import relate_article
from kg.resolve import resolve_article, resolve_entities
from kg.split import split_articles

Progress = Callable[[int], None]


def extract_source(source: SourceText) -> tuple[list[ArticleExtraction], list[Problem]]:
    """Everything one decoded file says, before cross-document resolution."""
    if not source.ok:
        return [], [Problem(source.path, source.problem or "unreadable")]
    articles, problems = split_articles(source)
    extractions = []
    for article in articles:
        mentions = recognise_article(article)
        extraction, resolved = resolve_article(article, mentions)
        relate_article(extraction, resolved)
        extractions.append(extraction)
    return extractions, problems


def extract_path(path: Path) -> tuple[list[ArticleExtraction], list[Problem]]:
    return extract_source(read_source(path))


def iter_extractions(paths: Iterable[Path], progress: Progress | None = None
                     ) -> Iterator[tuple[list[ArticleExtraction], list[Problem]]]:
    for path in iter_source_paths(paths):
        yield extract_path(path)
        if progress:
            progress(path.stat().st_size)


def build_corpus(paths: Iterable[Path | str], progress: Progress | None = None) -> Corpus:
    extractions: list[ArticleExtraction] = []
    problems: list[Problem] = []
    for found, trouble in iter_extractions([Path(p) for p in paths], progress):
        extractions.extend(found)
        problems.extend(trouble)
    corpus = resolve_entities(extractions)
    corpus.problems = problems
    return corpus
