"""Extraction on a Dask cluster: `kg build --dask ADDRESS`.

Why Dask (dask.distributed) rather than Ray or Spark: it is pure Python and
installs from PyPI with pip alone (`dask[distributed]`, no JVM, no native
wheels to match against the cluster), its scheduler and workers are ordinary
processes a research group can start on any machines it has (`dask scheduler`,
`dask worker tcp://host:8786`), or under SLURM/PBS/Kubernetes through
dask-jobqueue and friends, and `distributed.LocalCluster` runs the very same
scheduler in-process, so the test suite exercises the real engine without a
cluster.

What runs where: the client reads each file and ships its bytes with the task
(so workers need govkg installed, not the corpus on a shared disk); a worker
runs `kg.pipeline.extract_document` and returns the pickled extraction of that
one file; the client takes results back in file order, caches them, and runs
cross-document resolution (`kg.resolve.resolve_entities`) locally. Resolution
merges on keys only, so a corpus extracted on a cluster is the same as one
extracted here. Only a bounded number of tasks is in flight at a time.

Start workers with one thread each (`dask worker ADDRESS --nthreads 1
--nworkers N`): extraction is pure Python, so threads inside a worker only
contend for its GIL.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator

__all__ = ["DaskExecutor"]


class DaskExecutor:
    """An ordered `map` over a dask.distributed cluster.

    `address`: a scheduler address (`tcp://10.0.0.5:8786`) or an existing
    `distributed.Client`; `in_flight`: tasks per worker thread handed out before
    the first result is taken back."""

    def __init__(self, address, in_flight: int = 4, timeout: float = 30.0):
        self.address = address
        self.in_flight = in_flight
        self.timeout = timeout
        self._client = None
        self._own_client = False

    def start(self) -> "DaskExecutor":
        if self._client is not None:
            return self
        try:
            from distributed import Client
        except ImportError:
            raise RuntimeError("--dask needs dask.distributed: pip install 'dask[distributed]'") from None
        if isinstance(self.address, Client):
            self._client = self.address
        else:
            self._client = Client(self.address, timeout=self.timeout, set_as_default=False)
            self._own_client = True
        return self

    def close(self) -> None:
        if self._client is not None and self._own_client:
            self._client.close()
        self._client = None

    def __enter__(self) -> "DaskExecutor":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.close()

    def _window(self) -> int:
        threads = sum(self._client.nthreads().values()) or 1
        return max(2, threads * self.in_flight)

    def map(self, func: Callable, items: Iterable[tuple]) -> Iterator:
        """`func(*args)` for each tuple of `items`, run on the cluster, yielded in order."""
        self.start()
        client = self._client
        window = self._window()
        pending: deque = deque()
        items = iter(items)
        exhausted = False
        try:
            while True:
                while not exhausted and len(pending) < window:
                    try:
                        args = next(items)
                    except StopIteration:
                        exhausted = True
                        break
                    # pure=False: the same file twice is still two tasks, and no
                    # key hashing of the bytes on the client.
                    pending.append(client.submit(func, *args, pure=False))
                if not pending:
                    return
                future = pending.popleft()
                yield future.result()
                future.release()
        finally:
            for future in pending:
                future.cancel()
