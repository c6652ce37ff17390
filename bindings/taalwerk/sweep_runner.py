"""Running a sweep: plan it, open (or resume) its store, send the unfinished points to a
backend, and store each result as it arrives, with a progress bar."""
from __future__ import annotations

import math
import os
import uuid
from pathlib import Path
from typing import Any, Callable, Iterator

from tqdm.auto import tqdm

from .backends import Batch, check_backend, open_backend
from .sweep_definition import Sweep
from .sweep_plan import SweepPlan
from .sweep_result import SweepResult
from .sweep_store import SweepStore, lock_file


def default_batch_size(backend: str, points: int, concurrency: int) -> int:
    """Threads take points one by one; processes and Dask workers get batches (fewer round
    trips) small enough that every worker gets several and all finish at about the same time."""
    if backend == "threads":
        return 1
    return max(1, min(16, math.ceil(points / (8 * concurrency))))


def _batches(plan: SweepPlan, todo: list[int], size: int, threads_per_run: int, compression: int) -> Iterator[Batch]:
    for start in range(0, len(todo), size):
        yield [plan.task(index, threads_per_run, compression) for index in todo[start : start + size]]


def run_sweep(
    sweep: Sweep | str | os.PathLike,
    out: str | os.PathLike,
    *,
    backend: str = "threads",
    workers: int | None = None,
    client: Any = None,
    scheduler: str | None = None,
    threads_per_run: int = 1,
    batch_size: int | None = None,
    compression: int = 1,
    force: bool = False,
    progress: bool = True,
    on_point_stored: Callable[[int], None] | None = None,
) -> SweepResult:
    """Run ``sweep`` (a ``Sweep`` or a sweep file) into the store ``out``, or resume it.

    Points already in the store are skipped; the store must hold this same sweep (same
    definition, resolved scenarios and code version) unless ``force`` discards it. Backends:
    "threads" (``workers`` threads), "processes" (``workers`` processes), "dask" (a
    ``client``, a ``scheduler`` address, or a local cluster of ``workers`` processes).
    ``threads_per_run`` is passed to each C++ run (results do not depend on it).
    ``compression`` is the deflate level (0 = none) of a new store. ``on_point_stored(index)``
    is called once a point is safely on disk. Returns a lazy handle on the store.
    """
    if not isinstance(sweep, Sweep):
        sweep = Sweep.load(sweep)
    check_backend(backend, workers, client, scheduler)
    if not 0 <= compression <= 9:
        raise ValueError(f"compression must be a deflate level from 0 (none) to 9; got {compression}")
    if batch_size is not None and batch_size < 1:
        raise ValueError(f"batch_size must be at least 1; got {batch_size}")
    plan = sweep.plan()  # every point validated before anything is written
    store = SweepStore(out)
    session = uuid.uuid4().hex[:12]
    with store.locked():
        header = store.prepare(plan, compression, force)
        with store.writer(header, session) as writer:
            done = writer.completed
            todo = [index for index in range(plan.point_count) if index not in done]
            replicates = sweep.replicates
            bar = tqdm(total=plan.run_count, initial=(plan.point_count - len(todo)) * replicates, unit="run",
                       desc=sweep.name, disable=not progress, smoothing=0.05, dynamic_ncols=True)
            try:
                if todo:
                    with open_backend(backend, workers=workers, client=client, scheduler=scheduler) as runner:
                        size = batch_size or default_batch_size(backend, len(todo), runner.concurrency)
                        for results in runner.run(_batches(plan, todo, size, threads_per_run, header.compression)):
                            for result in results:
                                writer.store_point(result)
                                bar.update(replicates)
                                if on_point_stored is not None:
                                    on_point_stored(result.index)
            finally:
                bar.close()
                # Also after Ctrl-C or a failed point: what finished goes into the sweep file.
                writer.finish()
        if len(writer.completed) == plan.point_count:
            lock_file(Path(out)).unlink(missing_ok=True)
    return SweepResult(out)
