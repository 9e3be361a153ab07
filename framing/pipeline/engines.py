"""Where the per-document stages run: in this process and its worker processes, or on a Dask cluster.

Both engines score the same chunks with the same function (:func:`~framing.pipeline.chunks.score_chunk`) and
hand the results back in chunk order, so the aggregates, computed once from every chunk, are identical: the same
tables, byte for byte in CSV. The Dask engine needs ``pip install "framing[dask]"``.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from framing.corpus.load import Corpus
from framing.errors import UsageError, check_choice
from framing.pipeline.chunks import Part, Plan, run_chunks, score_chunk

#: The engines ``framing signals --engine`` accepts.
ENGINES = ("local", "dask")


def check_engine(engine: str, scheduler: str | None) -> None:
    """Raise :class:`UsageError` for an unknown engine, a scheduler without Dask, or Dask not installed."""
    check_choice(engine, ENGINES, "engine")
    if scheduler is not None and engine != "dask":
        raise UsageError("a scheduler address needs --engine dask")
    if engine == "dask":
        try:
            import distributed  # noqa: F401
        except ImportError:
            raise UsageError('the dask engine needs Dask: pip install "framing[dask]"') from None


def map_chunks(fn: Callable[[Corpus], Any], chunks: Iterable[Corpus], *, engine: str = "local",
               scheduler: str | None = None, workers: int = 1) -> Iterator[Any]:
    """``fn`` over every chunk, results in chunk order, on the engine chosen.

    ``local`` runs ``fn`` here, chunk after chunk; ``dask`` submits each chunk to
    the cluster at ``scheduler`` (or to a local cluster of ``workers`` processes when ``scheduler`` is
    ``None``), with at most two chunks per worker in flight so that memory stays bounded.
    """
    if engine == "local":
        for chunk in chunks:
            yield fn(chunk)
        return
    with _client(scheduler, workers) as client:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or workers)
        pending: deque[Any] = deque()
        # the function (with its resources) goes to every worker once, and each chunk straight to a worker:
        # inside the task graph they were sent with every task ("Sending large graph of size 17.61 MiB")
        on_cluster = client.scatter(fn, broadcast=True, hash=False)
        for chunk in chunks:
            pending.append(client.submit(_apply, on_cluster, client.scatter(chunk, hash=False), pure=False))
            if len(pending) > 2 * n_workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def score_chunks(chunks: Iterable[Corpus], run: Plan, *, engine: str = "local", scheduler: str | None = None,
                 workers: int = 1) -> Iterator[Part]:
    """Every per-document stage for each chunk, on the engine chosen (see :func:`map_chunks`).

    Example:
        >>> from framing import load_corpus, load_resources
        >>> from framing.pipeline.chunks import plan, split_corpus
        >>> res = load_resources()
        >>> parts = list(score_chunks(split_corpus(load_corpus("data/raw/xi-trump-calls"), 2), plan(res, [["outlet"]])))
        >>> [len(p.tables["articles"]) for p in parts]
        [2, 2, 1]
    """
    if engine == "local":
        yield from run_chunks(chunks, run, workers=workers)
        return
    yield from map_chunks(_Scorer(run), chunks, engine=engine, scheduler=scheduler, workers=workers)


def _apply(fn: Callable[[Corpus], Any], chunk: Corpus) -> Any:
    return fn(chunk)


def sign_chunk(chunk: Corpus):
    """The reuse signatures of a chunk's articles (a module-level function, so a cluster can run it)."""
    from framing.extract.reuse import sign_documents

    return sign_documents(chunk.articles, chunk.sentences)


class _Scorer:
    """``score_chunk`` with its plan bound, picklable for the cluster."""

    def __init__(self, run: Plan):
        self.run = run

    def __call__(self, chunk: Corpus) -> Part:
        return score_chunk(chunk, self.run)


class _client:
    """A Dask client on ``scheduler``, or on a local cluster of ``workers`` single-threaded processes."""

    def __init__(self, scheduler: str | None, workers: int):
        self.scheduler, self.workers, self.cluster, self.client = scheduler, workers, None, None

    def __enter__(self):
        from distributed import Client, LocalCluster

        if self.scheduler is None:
            self.cluster = LocalCluster(n_workers=max(1, self.workers), threads_per_worker=1, processes=True,
                                        dashboard_address=":0")
            self.client = Client(self.cluster)
        else:
            _reachable(self.scheduler)
            try:
                self.client = Client(self.scheduler, timeout="30s")
            except OSError as exc:
                raise UsageError(f"cannot reach the Dask scheduler at {self.scheduler}: {exc}") from None
        return self.client

    def __exit__(self, *exc: object) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _reachable(address: str) -> None:
    """Fail at once, in one line, when nothing listens at a ``tcp://host:port`` scheduler address."""
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(address if "://" in address else f"tcp://{address}")
    if parts.scheme not in ("tcp", "tls") or not parts.hostname or not parts.port:
        raise UsageError(f"scheduler address {address!r} is not tcp://HOST:PORT")
    try:
        socket.create_connection((parts.hostname, parts.port), timeout=10).close()
    except OSError as exc:
        raise UsageError(f"cannot reach the Dask scheduler at {address}: {exc.strerror or exc}") from None
