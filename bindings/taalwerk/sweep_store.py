"""The sweep store: one HDF5 file per sweep (``NAME.h5``), fed while the sweep runs by a
folder of finished points (``NAME.h5.parts/``).

Why two places: an HDF5 file that is being appended to can be left unreadable by ``kill -9``,
which would lose finished points. So each finished point is first written as a small file of
its own, under a temporary name and then renamed (an atomic step): after a crash a point is
either completely there or not at all. Consolidation copies the finished points (their
compressed chunks, as bytes) into a new copy of the sweep file, renames it over the old one, and
only then deletes the parts it took in. The sweep file is therefore always a complete, readable
snapshot, and readers may open it while a sweep runs. Layout: ``sweep_store_layout.py``.
"""
from __future__ import annotations

import fcntl
import json
import os
import shutil
import warnings
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

import h5py
import numpy as np

from . import _core
from .point_part import DamagedPart, read_part_header, read_point_part, write_point_part
from .point_runner import PointResult
from .sealed_files import create_for_sealing, open_sealed, seal
from .sweep_plan import SweepPlan
from .sweep_store_layout import CONVENTIONS, OutputLayout, PointRecords, StoreHeader, text, write_results_layout

POINT_FILE_PREFIX = "point-"
PART_SUFFIX = ".part"


class SweepStoreError(_core.OutputError):
    """The store cannot be used for this sweep (the command line exits with 4)."""


def parts_folder(path: Path) -> Path:
    return path.with_name(path.name + ".parts")


def lock_file(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def part_file(folder: Path, index: int) -> Path:
    return folder / f"{POINT_FILE_PREFIX}{index:06d}{PART_SUFFIX}"


def _fsync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _write_atomically(path: Path, write: Callable[[h5py.File], None]) -> None:
    """Write an HDF5 file under a temporary name, make it durable, then rename it into place."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        # HDF5 1.10 format: its fixed-array chunk index keeps the writer's memory small.
        with create_for_sealing(temporary, track_order=True, libver=("v110", "v110")) as file:
            write(file)
        seal(temporary)  # also flushes it to disk: survive a power cut too, not only a crash
        os.replace(temporary, path)
        _fsync_folder(path.parent)
    finally:
        temporary.unlink(missing_ok=True)


class SweepStore:
    """The store of one sweep at ``path`` (``NAME.h5``; its parts in ``NAME.h5.parts/``)."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self.parts = parts_folder(self.path)

    def read_header(self) -> StoreHeader:
        try:
            with open_sealed(self.path) as file:
                if text(file.attrs.get("Conventions", "")) != CONVENTIONS:
                    raise SweepStoreError(f"'{self.path}' is not a taalwerk sweep store")
                return StoreHeader.read(file)
        except SweepStoreError:
            raise
        except _core.OutputError as error:  # a broken seal; the message names the file
            raise SweepStoreError(str(error)) from None
        except OSError as error:
            raise SweepStoreError(f"cannot read sweep store '{self.path}': {error}") from None

    def part_indices(self) -> list[int]:
        if not self.parts.is_dir():
            return []
        names = (entry.name for entry in os.scandir(self.parts))
        return sorted(int(name[len(POINT_FILE_PREFIX):-len(PART_SUFFIX)]) for name in names
                      if name.startswith(POINT_FILE_PREFIX) and name.endswith(PART_SUFFIX))

    def completed_points(self) -> set[int]:
        """Points whose results are stored, in the sweep file or (not yet consolidated) as parts."""
        done = set(self.part_indices())
        if self.path.exists():
            with open_sealed(self.path) as file:
                done.update(int(i) for i in np.flatnonzero(file["point_completed"][()]))
        return done

    @contextmanager
    def locked(self) -> Iterator[None]:
        """One writer per store: a second sweep command on the same store stops at once."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(lock_file(self.path), "a") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise SweepStoreError(f"another process is writing the sweep store '{self.path}' (lock: {lock_file(self.path)})") from None
            yield

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)
        shutil.rmtree(self.parts, ignore_errors=True)

    def prepare(self, plan: SweepPlan, compression: int, force: bool) -> StoreHeader:
        """Create the store for ``plan``, or check that the existing one holds this same sweep."""
        if self.path.exists():
            header = self.read_header()
            problem = self._mismatch(header, plan)
            if problem is None:
                return header
            if not force:
                raise SweepStoreError(f"{problem}; use another output file, or --force (force=True) to discard it and start over")
            self.discard()
        elif self.part_indices():
            stale = read_part_header(part_file(self.parts, self.part_indices()[0]))["sweep_hash"] != plan.sweep_hash
            if stale and not force:
                raise SweepStoreError(f"'{self.parts}' holds finished points of a different sweep; delete it, or use --force (force=True)")
            if stale:
                self.discard()
        header = StoreHeader.from_plan(plan, compression)

        def write(file: h5py.File) -> None:
            header.write(file)
            PointRecords.empty(header.point_count).write(file)

        _write_atomically(self.path, write)
        return header

    def _mismatch(self, header: StoreHeader, plan: SweepPlan) -> str | None:
        if header.sweep_hash != plan.sweep_hash:
            stored = json.loads(header.attrs["sweep_definition"])
            now = plan.sweep.definition()
            changed = [key for key in now if stored.get(key) != now[key] and key != "base"]
            what = f"its definition differs in {changed}" if changed else "the resolved scenarios differ (was the base scenario edited?)"
            return f"'{self.path}' holds a different sweep ('{header.attrs['sweep_name']}', {header.point_count} points): {what}"
        if header.attrs["code_version"] != _core.version():
            return (f"'{self.path}' was started by taalwerk code version {header.attrs['code_version']}, this is {_core.version()}; "
                    "its finished points would not be comparable with new ones")
        return None

    @contextmanager
    def writer(self, header: StoreHeader, session: str) -> Iterator["SweepWriter"]:
        self.parts.mkdir(exist_ok=True)
        for entry in os.scandir(self.parts):  # temporary files of a writer that was killed
            if entry.name.endswith(".tmp"):
                os.unlink(entry.path)
        yield SweepWriter(self, header, session)


class SweepWriter:
    """The single writer of a running sweep: stores finished points, consolidates them."""

    def __init__(self, store: SweepStore, header: StoreHeader, session: str):
        self.store = store
        self.header = header
        self.session = session
        self._completed = store.completed_points()
        self.layout = self._stored_layout()

    def _stored_layout(self) -> OutputLayout | None:
        with open_sealed(self.store.path) as file:
            layout = OutputLayout.read(file)
        indices = self.store.part_indices()
        if layout is None and indices:
            layout = OutputLayout(**read_part_header(part_file(self.store.parts, indices[0]))["layout"])
        return layout

    @property
    def completed(self) -> set[int]:
        return set(self._completed)

    def store_point(self, result: PointResult) -> None:
        layout = OutputLayout.of(result)
        if self.layout is None:
            self.layout = layout
        difference = self.layout.difference(layout)
        if difference:
            raise SweepStoreError(f"point {result.index} produced {difference}: every point of a sweep must give results of the "
                                  "same shape (do not sweep keys such as run.months that change it)")
        if result.code_version != self.header.attrs["code_version"]:
            raise SweepStoreError(f"point {result.index} ran on {result.worker} with taalwerk code version {result.code_version}; "
                                  f"the sweep uses {self.header.attrs['code_version']} (install the same version on every worker)")
        write_point_part(part_file(self.store.parts, result.index), result, self.header.sweep_hash, self.session)
        self._completed.add(result.index)

    def consolidate(self) -> int:
        """Move every finished part into a new copy of the sweep file; returns the parts taken in."""
        indices = self.store.part_indices()
        if not indices:
            return 0
        if self.layout is None:
            self.layout = self._stored_layout()
        with open_sealed(self.store.path) as old:
            _write_atomically(self.store.path, lambda new: self._write_consolidated(old, new, indices))
        for index in indices:  # only now: the new sweep file holds them
            part_file(self.store.parts, index).unlink(missing_ok=True)
        return len(indices)

    def _write_consolidated(self, old: h5py.File, new: h5py.File, indices: list[int]) -> None:
        header, layout = self.header, self.layout
        records = PointRecords.read(old)
        header.write(new, previous=old)
        datasets = write_results_layout(new, layout, header.point_count, header.compression)
        already = np.flatnonzero(records.completed)
        for dataset in datasets if len(already) else []:  # points of the old file, chunk by chunk
            source = old[dataset.name]
            for index in already:
                mask, chunk = source.id.read_direct_chunk((index, 0, 0, 0))
                dataset.id.write_direct_chunk((index, 0, 0, 0), chunk, mask)
        for index in indices:
            if records.completed[index]:  # taken in before a crash left its part behind
                continue
            path = part_file(self.store.parts, index)
            try:
                part = read_point_part(path)
            except (OSError, DamagedPart) as error:
                # Only an operating-system crash or a disk fault can do this (the file was renamed
                # into place whole): keep it aside for inspection and run the point again.
                path.rename(path.with_name(path.name + ".damaged"))
                self._completed.discard(index)
                warnings.warn(f"finished point {index} was damaged on disk ({error}); it will run again when the sweep is resumed",
                              stacklevel=2)
                continue
            found = part.header
            if found["sweep_hash"] != header.sweep_hash:
                raise SweepStoreError(f"part '{path}' belongs to a different sweep")
            difference = layout.difference(OutputLayout(**found["layout"]))
            if difference:
                raise SweepStoreError(f"part '{path}' has {difference}")
            for dataset, chunk in zip(datasets, part.chunks, strict=True):
                dataset.id.write_direct_chunk((index, 0, 0, 0), chunk, 0)
            records.record(index, found["core_seconds"], found["created_utc"], found["session"], found["worker"])
        records.write(new)

    def finish(self) -> None:
        """Consolidate; after a complete sweep nothing is left outside the sweep file."""
        self.consolidate()
        if len(self._completed) == self.header.point_count:
            shutil.rmtree(self.store.parts, ignore_errors=True)
