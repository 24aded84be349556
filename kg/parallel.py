"""Extraction in worker processes: `kg build --workers N`.

    >>> from kg.parallel import ProcessExecutor
    >>> with ProcessExecutor(2) as executor:
    ...     corpus = build_corpus(paths, executor=executor)

Extraction is pure Python and holds the GIL, so parallelism means processes.
Each worker runs `kg.pipeline.extract_document` on one file's bytes and sends
back the pickled extraction; results are yielded in the order the files were
given, so a build with N workers writes the same bytes as one with one.

Workers work under every start method: the initializer does everything a
worker needs (jieba's word counts, the gazetteer, the recognisers' automata, warmed on
a short text) instead of relying on state inherited through fork, and ignores
SIGINT so Ctrl-C reaches only the parent, which then stops the pool. Only a
few files per worker are in flight at a time, so memory does not grow with
the corpus while the workers are busy.
"""
from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

__all__ = ["ProcessExecutor", "default_start_method", "warm_up"]

# A short text that touches every stage once (place, agency, programme,
# person, figure), so a worker's first real file is not paying for set-up.
_WARM_TEXT = ("成都警方推行“枫桥经验”\n"
              "本报成都3月1日电 记者王明报道：四川省成都市公安局在武侯区推行“枫桥经验”，"
              "全市违法犯罪警情同比下降21.2%。局长张建华介绍，已建成警务站36个。\n")


def warm_up() -> None:
    """Load what extraction needs once: jieba's word counts, the gazetteer, and every
    recogniser, by extracting a short made-up article."""
    from kg.gazetteer import gazetteer
    from kg.model import SourceText
    from kg.pipeline import extract_source
    from kg.words import frequency
    frequency("的")
    gazetteer()
    extract_source(SourceText(path="<warm-up>", name="warm-up.txt", text=_WARM_TEXT))


def _init_worker(ready) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warm_up()
    ready.put(os.getpid())


def default_start_method() -> str:
    """`spawn`: the same on every platform, and safe when the parent has threads
    (a progress bar's, a Dask client's) which `fork` is not."""
    return "spawn"


class ProcessExecutor:
    """An ordered `map` over a pool of warmed worker processes.

    `workers`: how many processes; `start_method`: fork, spawn or forkserver
    (default `default_start_method()`); `in_flight`: tasks handed out per
    worker before the first result is taken back."""

    def __init__(self, workers: int, start_method: str | None = None, in_flight: int = 4,
                 ready_timeout: float = 300.0):
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.workers = workers
        self.start_method = start_method or default_start_method()
        self.window = max(2, workers * in_flight)
        self.ready_timeout = ready_timeout
        self._pool = None

    # ------------------------------------------------------------ life cycle
    def start(self) -> "ProcessExecutor":
        """Start the workers and wait until every one is warmed up; a worker that
        cannot start (its initializer failed) raises at once instead of hanging."""
        if self._pool is not None:
            return self
        ctx = multiprocessing.get_context(self.start_method)
        ready = ctx.Queue()
        self._pool = ProcessPoolExecutor(self.workers, mp_context=ctx,
                                         initializer=_init_worker, initargs=(ready,))
        try:
            # One probe per worker: under spawn the pool starts a process per waiting task.
            probes = [self._pool.submit(os.getpid) for _ in range(self.workers)]
            deadline = time.monotonic() + self.ready_timeout
            started = 0
            while started < self.workers:
                try:
                    ready.get(timeout=0.2)
                    started += 1
                except queue.Empty:
                    failed = [p.exception() for p in probes if p.done() and p.exception()]
                    if failed:
                        raise RuntimeError(f"worker processes failed to start: {failed[0]}") from None
                    if time.monotonic() > deadline:
                        raise RuntimeError(f"worker processes not ready within "
                                           f"{self.ready_timeout:g} s") from None
        except BaseException:
            self.terminate()
            raise
        return self

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None

    def terminate(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> "ProcessExecutor":
        return self.start()

    def __exit__(self, kind, value, traceback) -> None:
        if kind is None:
            self.close()
        else:
            self.terminate()

    # ------------------------------------------------------------ work
    def map(self, func: Callable, items: Iterable[tuple]) -> Iterator:
        """`func(*args)` for each tuple of `items`, run in the workers, yielded in order."""
        self.start()
        pending: deque = deque()
        items = iter(items)
        exhausted = False
        while True:
            while not exhausted and len(pending) < self.window:
                try:
                    args = next(items)
                except StopIteration:
                    exhausted = True
                    break
                pending.append(self._pool.submit(func, *args))
            if not pending:
                return
            yield pending.popleft().result()
