"""Where sweep points run: threads in this process, a local process pool, or a Dask cluster.

Every backend takes batches of point tasks and yields each batch's results as soon as it
finishes, keeping only a few batches in flight so memory does not grow with the sweep. The
results do not depend on the backend or the worker count: each point is one deterministic run.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor, wait
from contextlib import contextmanager
from itertools import islice
from typing import Any, Iterable, Iterator

from .point_runner import PointResult, PointTask, run_points
from .suggestions import allowed_text, did_you_mean

BACKENDS = ("threads", "processes", "dask")
Batch = list[PointTask]


class Backend:
    """Runs batches; ``concurrency`` is how many points run at the same time."""

    name = "backend"
    concurrency = 1

    def run(self, batches: Iterable[Batch]) -> Iterator[list[PointResult]]:
        raise NotImplementedError

    def close(self) -> None:
        pass


class ExecutorBackend(Backend):
    """Threads or processes from ``concurrent.futures``."""

    def __init__(self, name: str, executor: Executor, concurrency: int):
        self.name = name
        self.executor = executor
        self.concurrency = concurrency

    def run(self, batches: Iterable[Batch]) -> Iterator[list[PointResult]]:
        batches = iter(batches)
        pending: set[Future] = {self.executor.submit(run_points, batch) for batch in islice(batches, 2 * self.concurrency)}
        try:
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    for batch in islice(batches, 1):
                        pending.add(self.executor.submit(run_points, batch))
                    yield future.result()
        finally:
            for future in pending:
                future.cancel()

    def close(self) -> None:
        # Points already running finish (a C++ run cannot be stopped halfway); queued ones are dropped.
        self.executor.shutdown(wait=True, cancel_futures=True)


def _ignore_interrupts() -> None:
    """Pool processes leave Ctrl-C to the parent, which stops the sweep cleanly."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class DaskBackend(Backend):
    """A ``dask.distributed`` cluster: a ``Client``, a scheduler address, or (neither) a local
    cluster of ``workers`` processes. Workers need the same taalwerk installed."""

    name = "dask"

    def __init__(self, client: Any = None, scheduler: str | None = None, workers: int | None = None):
        from dask.distributed import Client, LocalCluster

        self._owned: list[Any] = []
        if client is None:
            if scheduler:
                client = Client(scheduler)
            else:
                cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
                self._owned.append(cluster)
                client = Client(cluster)
            self._owned.insert(0, client)
        self.client = client
        self.concurrency = max(1, sum(client.nthreads().values()))

    def run(self, batches: Iterable[Batch]) -> Iterator[list[PointResult]]:
        from dask.distributed import as_completed

        batches = iter(batches)

        def submit(batch: Batch):
            return self.client.submit(run_points, batch, pure=False, key=f"taalwerk-points-{batch[0].index}-{os.urandom(4).hex()}")

        running = as_completed([submit(batch) for batch in islice(batches, 2 * self.concurrency)])
        try:
            for future in running:
                for batch in islice(batches, 1):
                    running.add(submit(batch))
                results = future.result()
                future.release()
                yield results
        finally:
            remaining = list(running.futures)
            if remaining:
                self.client.cancel(remaining)

    def close(self) -> None:
        for owned in self._owned:
            owned.close()


def check_backend(name: str, workers: int | None = None, client: Any = None, scheduler: str | None = None) -> None:
    if name not in BACKENDS:
        raise ValueError(f"backend {name!r} is not known{did_you_mean(str(name), BACKENDS)}; allowed: {allowed_text(BACKENDS)}")
    if name != "dask" and (client is not None or scheduler):
        raise ValueError(f"a Dask client or scheduler address needs backend='dask', not {name!r}")
    if workers is not None and workers < 1:
        raise ValueError(f"workers must be at least 1; got {workers}")


@contextmanager
def open_backend(name: str = "threads", *, workers: int | None = None, client: Any = None,
                 scheduler: str | None = None) -> Iterator[Backend]:
    """A backend by name: "threads", "processes" or "dask" (``client`` or ``scheduler`` address)."""
    check_backend(name, workers, client, scheduler)
    count = workers or os.cpu_count() or 1
    if name == "threads":
        backend: Backend = ExecutorBackend(name, ThreadPoolExecutor(count, thread_name_prefix="taalwerk-point"), count)
    elif name == "processes":
        pool = ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("spawn"), initializer=_ignore_interrupts)
        backend = ExecutorBackend(name, pool, count)
    else:
        backend = DaskBackend(client=client, scheduler=scheduler, workers=workers)
    try:
        yield backend
    finally:
        backend.close()
