"""Wire the stages: files -> articles -> per-article extraction -> resolved corpus.

Extraction is per file and independent of every other file; resolution
(`kg.resolve.resolve_entities`) merges the extractions by key, so files can be
extracted anywhere (worker processes, a Dask cluster) or taken from the
incremental cache, and the corpus is the same as long as the extractions come
back in file order. `build_corpus` does exactly that:

    files --read, hash--> cache hit? --no--> executor.map(extract_document) --> cache
                                   \\--yes--------------------------------------\\
                                                                   resolve_entities (in order)
"""
from __future__ import annotations

import gc
import pickle
import traceback
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kg import components
from kg.doc import Doc, make_doc
from kg.model import Article, ArticleExtraction, Corpus, DocumentInfo, Problem, SourceText
from kg.origin import Sources, SourcesError, find_sources, info_key, settle
from kg.read import decode_bytes, printable, read_source, source_files
from kg.resolve import resolve_entities
from kg.split import split_articles

Progress = Callable[[int], None]
FileResult = tuple[list[ArticleExtraction], list[Problem]]


def extract_source(source: SourceText, given: DocumentInfo | None = None) -> FileResult:
    """Everything one decoded file says, before cross-document resolution; `given` is
    its row of the sources file (title, date, publisher, url), which wins over the text.

    A fault of the extractor on one article costs that article, reported as a problem
    with its file and line, not the build: the other articles and files still come out."""
    if not source.ok:
        return [], [Problem(source.path, source.problem or "unreadable")]
    articles, problems = split_articles(source)
    problems += [Problem(source.path, note) for note in source.notes]
    problems += settle(articles, source, given)
    extractions = []
    for article in articles:
        try:
            extraction = extract_article(article)
        except Exception as err:       # noqa: BLE001 (any fault: report it, keep building)
            where = traceback.extract_tb(err.__traceback__)[-1]
            problems.append(Problem(
                source.path, f"article {article.index + 1} ({article.title[:20]}) skipped: "
                f"internal error {type(err).__name__}: {err} at {Path(where.filename).name}:"
                f"{where.lineno}; please report it", line=article.sentences[0].line
                if article.sentences else 0))
            continue
        extractions.append(extraction)
    return extractions, problems


def analyse(article: Article, until: str | None = None) -> Doc:
    """One article through the components of kg/config.toml (up to `until`)."""
    return components.run(make_doc(article), until)


def extract_article(article: Article) -> ArticleExtraction:
    return analyse(article).extraction


def extract_path(path: Path, given: DocumentInfo | None = None) -> FileResult:
    return extract_source(read_source(path), given)


def extract_document(path: str, name: str, data: bytes, given: DocumentInfo | None = None
                     ) -> bytes:
    """Extract one file's bytes (text, PDF, web page or Word file) and its sources row;
    returns the pickled `(path, extractions, problems)`.

    This is what worker processes and cluster workers run: plain data in
    (the bytes travel, so a cluster needs no shared file system), one
    picklable blob out, which the build both caches and unpickles. The decoded
    text is dropped as soon as the file is split."""
    source = decode_bytes(data, SourceText(path=path, name=name))
    del data
    extractions, problems = extract_source(source, given)
    return pickle.dumps((path, extractions, problems), protocol=pickle.HIGHEST_PROTOCOL)


@dataclass
class BuildStats:
    """What one build did: files seen, extracted now, taken from the cache."""

    files: int = 0
    extracted: int = 0
    cached: int = 0
    pruned: int = 0


class _InProcess:
    """The default executor: extraction in this process, one file after another."""

    def map(self, func: Callable, items: Iterable[tuple]) -> Iterator:
        for args in items:
            yield func(*args)


def _keep() -> None:
    """Move everything alive now (the extractions kept so far) out of the cyclic
    collector's reach: they live until resolution anyway, and without this every
    full collection walks the whole growing corpus again (unpickling and
    resolution ran 2-3x slower). Undone by `gc.unfreeze()` after the build."""
    gc.freeze()


_YOUNG = 50_000        # allocations between the young generation's collections, extracting


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Collect the young generation every `_YOUNG` allocations instead of every 700 while
    the files are extracted and resolved. Extraction makes many small objects that die young
    (tables, matches, lists of tokens), freed as their count drops: collected less often,
    most are gone before the collector walks them. The cyclic collector cost 5% of
    extraction's instructions at Python's default, 1% at this one."""
    old = gc.get_threshold()
    gc.set_threshold(_YOUNG, *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


def _with_path(entry, path: str) -> FileResult:
    """A stored `(path, extractions, problems)` with problems re-pointed at `path`
    (the same bytes may have been cached from another folder)."""
    old, extractions, problems = entry
    if old != path:
        for problem in problems:
            if problem.path == old:
                problem.path = path
    return extractions, problems


def _corpus_files(paths: list[Path], table: Sources | None) -> tuple[list[Path], list[Problem]]:
    """The files to read (the sources file itself is not one of them), and the problems
    met walking the folders."""
    files, problems = source_files(paths)
    if table is None:
        return files, problems
    skip = table.path.resolve()
    return [f for f in files if f.resolve() != skip], problems


class ExecutorError(ValueError):
    """Extraction cannot run where it was asked to: dask is not installed, or its
    scheduler cannot be reached. The message is one line for the user."""


def start_executor(workers: int = 1, dask: str | None = None, dask_timeout: float = 30.0):
    """Where extraction runs: None (this process), worker processes, or a Dask cluster.
    Raises ExecutorError."""
    if dask:
        from kg.cluster import DaskExecutor
        try:
            return DaskExecutor(dask, timeout=dask_timeout).start()
        except RuntimeError as err:            # dask not installed
            raise ExecutorError(str(err)) from None
        except (OSError, TimeoutError) as err:
            raise ExecutorError(f"cannot reach the Dask scheduler at {dask}: {err}") from None
    if workers > 1:
        from kg.parallel import ProcessExecutor
        return ProcessExecutor(workers).start()
    return None


@contextmanager
def executor_for(workers: int = 1, dask: str | None = None, dask_timeout: float = 30.0
                 ) -> Iterator:
    """`start_executor`'s executor, closed when the block ends; a block that fails for
    any reason but a bad sources file terminates the workers at once instead of
    waiting for the files they hold."""
    executor = start_executor(workers, dask, dask_timeout)
    try:
        yield executor
    except SourcesError:
        raise
    except BaseException:
        if executor is not None and hasattr(executor, "terminate"):
            executor.terminate()
            executor = None
        raise
    finally:
        if executor is not None:
            executor.close()


def build_corpus(paths: Iterable[Path | str], progress: Progress | None = None, *,
                 executor=None, cache=None, stats: BuildStats | None = None,
                 prune: bool = True, sources: Path | str | None = None,
                 stage: Callable[[str], None] | None = None) -> Corpus:
    """Read, extract and resolve the files (or folders) at `paths`.

    `executor` runs the extractions: anything with an ordered
    `map(func, argument_tuples) -> iterator` (`kg.parallel.ProcessExecutor`,
    `kg.cluster.DaskExecutor`); default: this process. `cache` is a
    `kg.cache.ExtractionCache`: files whose name and bytes it has seen with the
    same pipeline are not extracted again, and (with `prune`) entries no file
    of this build needs are removed after it. `stats` is filled in if given.
    Every executor, with or without the cache, gives the same corpus. `sources` is a
    sources file (see `kg.origin`); without it, a `sources.csv` in a folder given
    is used. A sources file that cannot be used raises `kg.origin.SourcesError`.
    `stage(name)` is told when extraction is over and resolution starts ("resolve")."""
    stats = stats if stats is not None else BuildStats()
    paths = [Path(p) for p in paths]
    table = find_sources(paths, Path(sources) if sources is not None else None)
    files, walk_problems = _corpus_files(paths, table)
    batch = _Batch(files, [table.lookup(path) if table is not None else None for path in files],
                   cache, stats, progress)
    stats.files = len(files)
    try:
        with _fewer_collections():
            pending = batch.from_cache()
            batch.extract(pending, executor or _InProcess())
            extractions: list[ArticleExtraction] = []
            problems: list[Problem] = walk_problems + (table.unused() if table is not None
                                                       else [])
            for found, trouble in batch.results:
                extractions.extend(found)
                problems.extend(trouble)
            del batch
            if stage:
                stage("resolve")
            corpus = resolve_entities(extractions)
    finally:
        gc.unfreeze()
    corpus.problems = problems
    if cache is not None and prune:
        stats.pruned = cache.prune()
    return corpus


class _Batch:
    """The files of one build and what each gave, in file order: taken from the cache
    or extracted by the executor."""

    def __init__(self, files: list[Path], given: list[DocumentInfo | None], cache,
                 stats: BuildStats, progress: Progress | None) -> None:
        self.files, self.given, self.cache, self.stats = files, given, cache, stats
        self.progress = progress
        self.results: list[FileResult | None] = [None] * len(files)
        self.sizes: list[int] = [0] * len(files)

    def _done(self, i: int) -> None:
        if self.progress:
            self.progress(self.sizes[i])
        _keep()

    def from_cache(self) -> list[int]:
        """Fill in what the cache holds (and why an unreadable file cannot be read);
        returns the indexes of the files left to extract."""
        from kg.cache import document_key
        pending = []
        for i, path in enumerate(self.files):
            try:
                data = path.read_bytes()
            except OSError:
                self.results[i] = extract_path(path, self.given[i])   # reports why
                continue
            self.sizes[i] = len(data)
            entry = self.cache.get(document_key(printable(path.name), data,
                                                origin=info_key(self.given[i]))) \
                if self.cache is not None else None
            if entry is None:
                pending.append(i)
                continue
            self.results[i] = _with_path(entry, printable(path))
            self.stats.cached += 1
            self._done(i)
        return pending

    def extract(self, pending: list[int], executor) -> None:
        """Extract the files at `pending` with the executor, caching each result."""
        from kg.cache import document_key
        keys: dict[int, str] = {}

        def tasks() -> Iterator[tuple[str, str, bytes, DocumentInfo | None]]:
            # Files are read again as the executor asks for them, so only the few in
            # flight are held in memory; the key is of the bytes actually extracted.
            for i in pending:
                path = self.files[i]
                data = path.read_bytes()
                name = printable(path.name)
                if self.cache is not None:
                    keys[i] = document_key(name, data, origin=info_key(self.given[i]))
                yield printable(path), name, data, self.given[i]

        for i, blob in zip(pending, executor.map(extract_document, tasks())):
            if self.cache is not None:
                self.cache.put(keys.pop(i), blob)
            self.results[i] = _with_path(pickle.loads(blob), printable(self.files[i]))
            self.stats.extracted += 1
            self._done(i)
