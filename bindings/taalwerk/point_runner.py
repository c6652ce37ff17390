"""Runs one sweep point wherever a backend sends it (a thread, a process, a Dask worker).

A point travels as its resolved scenario text, so a worker needs no access to the scenario
files, and comes back with each indicator already encoded as the HDF5 chunk the store keeps
(shuffle + deflate, done here so compression runs in parallel, not in the single writer)."""
from __future__ import annotations

import os
import socket
import tempfile
import time
import zlib
from dataclasses import dataclass
from datetime import datetime, timezone

import numpy as np

from . import _core


@dataclass(frozen=True)
class PointTask:
    index: int
    scenario_toml: str
    seed: int
    replicates: int
    threads: int
    compression: int  # deflate level 1-9, or 0 to store raw float64


@dataclass
class PointResult:
    index: int
    indicator_names: list[str]
    units: list[str]
    descriptions: list[str]
    group_labels: list[str]
    months: int
    replicate_ids: list[int]
    chunks: list[bytes]   # one encoded (replicate, month, group) float64 chunk per indicator
    core_seconds: float   # wall time inside the C++ run
    code_version: str
    created_utc: str
    worker: str


def encode_chunk(values: np.ndarray, compression: int) -> bytes:
    """The bytes HDF5 stores for a chunk filtered by shuffle then deflate (or unfiltered)."""
    data = np.ascontiguousarray(values, dtype="<f8")
    if compression == 0:
        return data.tobytes()
    shuffled = data.view(np.uint8).reshape(-1, data.itemsize).T.tobytes()
    return zlib.compress(shuffled, compression)


def decode_chunk(chunk: bytes, shape: tuple[int, ...], compression: int) -> np.ndarray:
    if compression == 0:
        return np.frombuffer(chunk, dtype="<f8").reshape(shape)
    planes = np.frombuffer(zlib.decompress(chunk), dtype=np.uint8).reshape(8, -1)
    return planes.T.copy().view("<f8").reshape(shape)


def run_point(task: PointTask) -> PointResult:
    descriptor, path = tempfile.mkstemp(prefix=f"taalwerk-point-{task.index}-", suffix=".toml")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(task.scenario_toml)
        start = time.perf_counter()
        result = _core.run(path, task.seed, task.replicates, task.threads, {})
        core_seconds = time.perf_counter() - start
    finally:
        os.unlink(path)
    names = list(result["indicators"])
    return PointResult(
        index=task.index,
        indicator_names=names,
        units=[result["units"][name] for name in names],
        descriptions=[result["descriptions"][name] for name in names],
        group_labels=list(result["group_labels"]),
        months=int(result["months"]),
        replicate_ids=[int(replicate) for replicate in result["metadata"]["replicates"]],
        chunks=[encode_chunk(result["indicators"][name], task.compression) for name in names],
        core_seconds=core_seconds,
        code_version=result["metadata"]["code_version"],
        created_utc=datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        worker=f"{socket.gethostname()}:{os.getpid()}",
    )


def run_points(tasks: list[PointTask]) -> list[PointResult]:
    """A batch of points: the unit of work sent to processes and Dask workers."""
    return [run_point(task) for task in tasks]
