"""The sweep store: one HDF5 file per sweep (``NAME.h5``), fed while the sweep runs by a
folder of finished points (``NAME.h5.parts/``).

Why two places: an HDF5 file that is being appended to can be left unreadable by ``kill -9``,
which would lose finished points. So each finished point is first written as a small file of
its own, under a temporary name and then renamed (an atomic step): after a crash a point is
either completely there or not at all. Consolidation copies the finished points (their
compressed chunks, without recompressing) into a new copy of the sweep file, renames it over the
old one, and only then deletes the parts it took in. The sweep file is therefore always a
complete, readable snapshot, and readers may open it while a sweep runs. Layout: docs/python.md.
"""
from __future__ import annotations

import fcntl
import json
import os
import shutil
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterator

import h5py
import numpy as np
import pandas as pd

from . import _core
from .point_part import DamagedPart, read_part_header, read_point_part, write_point_part
from .point_runner import PointResult
from .sweep_plan import STORE_FORMAT, SweepPlan, native

CONVENTIONS = "taalwerk-sweep-1"
TEXT = h5py.string_dtype("utf-8")
POINT_FILE_PREFIX = "point-"
TEXT_BLOCK = 256  # resolved scenarios are copied this many at a time
PART_SUFFIX = ".part"


class SweepStoreError(_core.OutputError):
    """The store cannot be used for this sweep (the command line exits with 4)."""


def parts_folder(path: Path) -> Path:
    return path.with_name(path.name + ".parts")


def lock_file(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def part_file(folder: Path, index: int) -> Path:
    return folder / f"{POINT_FILE_PREFIX}{index:06d}{PART_SUFFIX}"


def _utc_now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def _fsync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _write_atomically(path: Path, write: Callable[[h5py.File], None], durable: bool) -> None:
    """Write an HDF5 file under a temporary name, then rename it into place."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        # HDF5 1.10 format: its fixed-array chunk index keeps the writer's memory small.
        with h5py.File(temporary, "w", track_order=True, libver=("v110", "v110")) as file:
            write(file)
        if durable:  # survive a power cut too, not only a crash of this process
            with open(temporary, "rb") as handle:
                os.fsync(handle.fileno())
        os.replace(temporary, path)
        if durable:
            _fsync_folder(path.parent)
    finally:
        temporary.unlink(missing_ok=True)


def _write_texts(file: h5py.File, name: str, texts: list[str]) -> h5py.Dataset:
    return file.create_dataset(name, data=np.array(texts, dtype=object), dtype=TEXT)


def _make_dimension(file: h5py.File, name: str, values: np.ndarray, long_name: str, **attrs: Any) -> None:
    if values.dtype == object:
        dataset = _write_texts(file, name, list(values))
    else:
        dataset = file.create_dataset(name, data=values)
    dataset.make_scale(name)
    dataset.attrs["long_name"] = long_name
    for key, value in attrs.items():
        dataset.attrs[key] = value


def _attach(file: h5py.File, dataset: h5py.Dataset, dims: tuple[str, ...]) -> None:
    for axis, dim in enumerate(dims):
        dataset.dims[axis].attach_scale(file[dim])


def _design_column(values: list[Any]) -> tuple[np.ndarray, str]:
    """Store a design column as numbers, text, or JSON text (lists, booleans, mixtures)."""
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return np.asarray(values, dtype=np.int64), "number"
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        return np.asarray(values, dtype=np.float64), "number"
    if all(isinstance(v, str) for v in values):
        return np.array(values, dtype=object), "text"
    return np.array([json.dumps(v) for v in values], dtype=object), "json"


@dataclass
class StoreHeader:
    """Everything in the store except results: what the sweep is and how each point runs."""

    attrs: dict[str, Any]
    design: pd.DataFrame
    unit_sample: np.ndarray | None
    seeds: np.ndarray
    plan: SweepPlan | None = None  # makes the resolved scenarios of a new store

    @property
    def point_count(self) -> int:
        return len(self.design)

    @property
    def sweep_hash(self) -> str:
        return _text(self.attrs["sweep_hash"])

    @property
    def compression(self) -> int:
        return int(self.attrs["compression"])

    @classmethod
    def from_plan(cls, plan: SweepPlan, compression: int) -> "StoreHeader":
        sweep = plan.sweep
        attrs: dict[str, Any] = {
            "title": "taalwerk sweep",
            "Conventions": CONVENTIONS,
            "layout_version": np.int32(STORE_FORMAT),
            "sweep_name": sweep.name,
            "sweep_description": sweep.description,
            "sweep_hash": plan.sweep_hash,
            "sweep_definition": plan.definition_json(),
            "sweep_file_text": sweep.source_text,
            "base_scenario": os.fspath(sweep.base.resolve()),
            "design_kind": sweep.design,
            "design_parameters": json.dumps(list(plan.design.columns)),
            "base_seed": np.uint64(sweep.seed),
            "replicates_per_point": np.int64(sweep.replicates),
            "compression": np.int32(compression),
            "code_version": _core.version(),
            "created_utc": _utc_now(),
        }
        for library, version in _core.library_versions().items():
            attrs[f"library_version_{library}"] = version
        return cls(
            attrs=attrs,
            design=plan.design,
            unit_sample=plan.unit_sample,
            seeds=np.full(plan.point_count, sweep.seed, dtype=np.uint32),
            plan=plan,
        )

    def write(self, file: h5py.File, previous: h5py.File | None = None) -> None:
        """Write the header; resolved scenarios come from ``previous`` (the store being
        replaced) or, for a new store, from the plan, a block at a time."""
        for key, value in self.attrs.items():
            file.attrs[key] = value
        points = self.point_count
        _make_dimension(file, "point", np.arange(points, dtype=np.int64), "sweep point (a row of the design)")
        keys = list(self.design.columns)
        _make_dimension(file, "parameter", np.array(keys, dtype=object), "swept scenario key")
        for key in keys:
            values, encoding = _design_column([native(v) for v in self.design[key].tolist()])
            dataset = _write_texts(file, key, list(values)) if values.dtype == object else file.create_dataset(key, data=values)
            dataset.attrs["long_name"] = f"design value of scenario key {key}"
            dataset.attrs["encoding"] = encoding
            _attach(file, dataset, ("point",))
        if self.unit_sample is not None:
            dataset = file.create_dataset("design_unit_sample", data=np.asarray(self.unit_sample, dtype=np.float64))
            dataset.attrs["long_name"] = "the design's sample in [0, 1] before mapping onto each parameter's range or values"
            _attach(file, dataset, ("point", "parameter"))
        dataset = file.create_dataset("point_seed", data=self.seeds)
        dataset.attrs["long_name"] = "base seed of the point's runs; replicate r uses random key (seed, r)"
        _attach(file, dataset, ("point",))
        dataset = file.create_dataset("point_scenario_toml", shape=(points,), dtype=TEXT)
        for start in range(0, points, TEXT_BLOCK):
            stop = min(points, start + TEXT_BLOCK)
            if previous is not None:
                dataset[start:stop] = previous["point_scenario_toml"].asstr()[start:stop]
            else:
                dataset[start:stop] = np.array([self.plan.resolved_toml(i) for i in range(start, stop)], dtype=object)
        dataset.attrs["long_name"] = "resolved scenario of the point: every parameter value it runs with"
        _attach(file, dataset, ("point",))

    @classmethod
    def read(cls, file: h5py.File) -> "StoreHeader":
        attrs = {key: (_text(value) if isinstance(value, (bytes, str)) else value) for key, value in file.attrs.items()}
        keys = json.loads(attrs["design_parameters"])
        columns = {}
        for key in keys:
            dataset = file[key]
            encoding = _text(dataset.attrs["encoding"])
            if encoding == "number":
                columns[key] = dataset[()]
            else:
                texts = [_text(v) for v in dataset[()]]
                columns[key] = [json.loads(t) for t in texts] if encoding == "json" else texts
        design = pd.DataFrame(columns, columns=keys)
        design.index = pd.RangeIndex(len(file["point"]), name="point")
        return cls(
            attrs=attrs,
            design=design,
            unit_sample=file["design_unit_sample"][()] if "design_unit_sample" in file else None,
            seeds=file["point_seed"][()],
        )


@dataclass
class OutputLayout:
    """The shape of every point's results, fixed by the first point that finishes."""

    indicator_names: list[str]
    units: list[str]
    descriptions: list[str]
    group_labels: list[str]
    months: int
    replicate_ids: list[int]

    @property
    def chunk_shape(self) -> tuple[int, int, int]:
        return (len(self.replicate_ids), self.months, len(self.group_labels))

    @classmethod
    def of(cls, result: PointResult) -> "OutputLayout":
        return cls(result.indicator_names, result.units, result.descriptions, result.group_labels, result.months, result.replicate_ids)

    def to_attrs(self) -> dict[str, str]:
        return {"layout": json.dumps(self.__dict__)}

    @classmethod
    def from_attrs(cls, attrs: Any) -> "OutputLayout":
        return cls(**json.loads(_text(attrs["layout"])))

    def difference(self, other: "OutputLayout") -> str | None:
        for name in ("indicator_names", "group_labels", "months", "replicate_ids"):
            if getattr(self, name) != getattr(other, name):
                return f"{name} {getattr(other, name)!r} instead of {getattr(self, name)!r}"
        return None


@dataclass
class PointRecords:
    """Per-point bookkeeping: done or not, when, by which run of the sweep command, how long."""

    completed: np.ndarray
    core_seconds: np.ndarray
    created_utc: list[str]
    session: list[str]
    worker: list[str]

    FIELDS = {
        "point_completed": "1 when the point's results are stored",
        "point_core_seconds": "wall time of the point's run inside the C++ core (seconds)",
        "point_created_utc": "when the point finished (ISO 8601, UTC)",
        "point_session": "id of the sweep command that ran the point (a resumed sweep has several)",
        "point_worker": "host:process that ran the point",
    }

    @classmethod
    def empty(cls, points: int) -> "PointRecords":
        return cls(np.zeros(points, dtype=np.uint8), np.full(points, np.nan), [""] * points, [""] * points, [""] * points)

    def record(self, index: int, core_seconds: float, created_utc: str, session: str, worker: str) -> None:
        self.completed[index] = 1
        self.core_seconds[index] = core_seconds
        self.created_utc[index] = created_utc
        self.session[index] = session
        self.worker[index] = worker

    def write(self, file: h5py.File) -> None:
        arrays = {
            "point_completed": self.completed,
            "point_core_seconds": self.core_seconds,
            "point_created_utc": self.created_utc,
            "point_session": self.session,
            "point_worker": self.worker,
        }
        for name, values in arrays.items():
            dataset = _write_texts(file, name, values) if isinstance(values, list) else file.create_dataset(name, data=values)
            dataset.attrs["long_name"] = self.FIELDS[name]
            _attach(file, dataset, ("point",))

    @classmethod
    def read(cls, file: h5py.File) -> "PointRecords":
        texts = {name: [_text(v) for v in file[name][()]] for name in ("point_created_utc", "point_session", "point_worker")}
        return cls(
            file["point_completed"][()].astype(np.uint8),
            file["point_core_seconds"][()],
            texts["point_created_utc"],
            texts["point_session"],
            texts["point_worker"],
        )


def _filters(compression: int) -> dict[str, Any]:
    return {"compression": "gzip", "compression_opts": compression, "shuffle": True} if compression else {}


def _indicator_dataset(file: h5py.File, layout: OutputLayout, position: int, points: int, compression: int) -> h5py.Dataset:
    name = layout.indicator_names[position]
    dataset = file.create_dataset(
        name, shape=(points, *layout.chunk_shape), dtype="<f8", chunks=(1, *layout.chunk_shape), fillvalue=np.nan, **_filters(compression)
    )
    dataset.attrs["units"] = layout.units[position]
    dataset.attrs["long_name"] = layout.descriptions[position]
    _attach(file, dataset, ("point", "replicate", "month", "group"))
    return dataset


class SweepStore:
    """The store of one sweep at ``path`` (``NAME.h5``; its parts in ``NAME.h5.parts/``)."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self.parts = parts_folder(self.path)

    # -- reading ---------------------------------------------------------------------------
    def read_header(self) -> StoreHeader:
        try:
            with h5py.File(self.path, "r") as file:
                if _text(file.attrs.get("Conventions", "")) != CONVENTIONS:
                    raise SweepStoreError(f"'{self.path}' is not a taalwerk sweep store")
                return StoreHeader.read(file)
        except OSError as error:
            if isinstance(error, SweepStoreError):
                raise
            raise SweepStoreError(f"cannot read sweep store '{self.path}': {error}") from None

    def part_indices(self) -> list[int]:
        if not self.parts.is_dir():
            return []
        indices = []
        for entry in os.scandir(self.parts):
            name = entry.name
            if name.startswith(POINT_FILE_PREFIX) and name.endswith(PART_SUFFIX):
                indices.append(int(name[len(POINT_FILE_PREFIX) : -len(PART_SUFFIX)]))
        return sorted(indices)

    def completed_points(self) -> set[int]:
        """Points whose results are stored, in the sweep file or (not yet consolidated) as parts."""
        done: set[int] = set(self.part_indices())
        if self.path.exists():
            with h5py.File(self.path, "r") as file:
                done.update(int(i) for i in np.flatnonzero(file["point_completed"][()]))
        return done

    # -- writing ---------------------------------------------------------------------------
    @contextmanager
    def locked(self) -> Iterator[None]:
        """One writer per store: a second sweep command on the same store stops at once."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(lock_file(self.path), "a")
        try:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise SweepStoreError(f"another process is writing the sweep store '{self.path}' (lock: {lock_file(self.path)})") from None
            yield
        finally:
            handle.close()

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

        _write_atomically(self.path, write, durable=True)
        return header

    def _mismatch(self, header: StoreHeader, plan: SweepPlan) -> str | None:
        if header.sweep_hash != plan.sweep_hash:
            stored = json.loads(header.attrs["sweep_definition"])
            now = plan.sweep.definition()
            changed = [key for key in now if stored.get(key) != now[key] and key != "base"]
            what = f"its definition differs in {changed}" if changed else "the resolved scenarios differ (was the base scenario edited?)"
            return (f"'{self.path}' holds a different sweep ('{header.attrs['sweep_name']}', {header.point_count} points): {what}")
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


@dataclass
class SweepWriter:
    """The single writer of a running sweep: stores finished points, consolidates them."""

    store: SweepStore
    header: StoreHeader
    session: str
    layout: OutputLayout | None = None
    _completed: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._completed = self.store.completed_points()
        self.layout = self._stored_layout()

    def _stored_layout(self) -> OutputLayout | None:
        with h5py.File(self.store.path, "r") as file:
            if "layout" in file.attrs:
                return OutputLayout.from_attrs(file.attrs)
        indices = self.store.part_indices()
        if indices:
            return OutputLayout(**read_part_header(part_file(self.store.parts, indices[0]))["layout"])
        return None

    @property
    def completed(self) -> set[int]:
        return set(self._completed)

    def store_point(self, result: PointResult) -> None:
        layout = OutputLayout.of(result)
        if self.layout is None:
            self.layout = layout
        difference = self.layout.difference(layout)
        if difference:
            raise SweepStoreError(
                f"point {result.index} produced {difference}: every point of a sweep must give results of the same shape "
                "(do not sweep keys such as run.months that change it)"
            )
        if result.code_version != self.header.attrs["code_version"]:
            raise SweepStoreError(f"point {result.index} ran on {result.worker} with taalwerk code version {result.code_version}; "
                                  f"the sweep uses {self.header.attrs['code_version']} (install the same version on every worker)")
        write_point_part(part_file(self.store.parts, result.index), result, self.header.sweep_hash, self.session)
        self._completed.add(result.index)

    def consolidate(self) -> int:
        """Move every finished part into a new copy of the sweep file; returns the points moved."""
        store = self.store
        indices = store.part_indices()
        if not indices:
            return 0
        with h5py.File(store.path, "r") as old:
            records = PointRecords.read(old)
            layout = OutputLayout.from_attrs(old.attrs) if "layout" in old.attrs else None
            if layout is None:
                layout = OutputLayout(**read_part_header(part_file(store.parts, indices[0]))["layout"])
            already = [int(i) for i in np.flatnonzero(records.completed)]
            header = self.header

            def write(new: h5py.File) -> None:
                header.write(new, previous=old)
                new.attrs.update(layout.to_attrs())
                new.attrs["indicator_names"] = json.dumps(layout.indicator_names)
                _make_dimension(new, "replicate", np.asarray(layout.replicate_ids, dtype=np.uint32), "replicate id (random key (seed, replicate))")
                _make_dimension(new, "month", np.arange(layout.months, dtype=np.int32), "months since the permit (month 0 is the permit month)", units="months")
                _make_dimension(new, "group", np.array(layout.group_labels, dtype=object), "population group")
                datasets = [_indicator_dataset(new, layout, i, header.point_count, header.compression) for i in range(len(layout.indicator_names))]
                for position, dataset in enumerate(datasets if already else []):  # points already in the file, chunk by chunk
                    source = old[layout.indicator_names[position]]
                    for index in already:
                        mask, chunk = source.id.read_direct_chunk((index, 0, 0, 0))
                        dataset.id.write_direct_chunk((index, 0, 0, 0), chunk, mask)
                for index in indices:
                    if records.completed[index]:  # consolidated before a crash left its part behind
                        continue
                    path = part_file(store.parts, index)
                    try:
                        part = read_point_part(path)
                    except (OSError, DamagedPart) as error:
                        raise SweepStoreError(f"cannot read finished point '{path}' ({error}); delete it and re-run to redo that point") from None
                    found = part.header
                    if found["sweep_hash"] != header.sweep_hash:
                        raise SweepStoreError(f"part '{path}' belongs to a different sweep")
                    difference = layout.difference(OutputLayout(**found["layout"]))
                    if difference:
                        raise SweepStoreError(f"part '{path}' has {difference}")
                    for dataset, chunk in zip(datasets, part.chunks):
                        dataset.id.write_direct_chunk((index, 0, 0, 0), chunk, 0)
                    records.record(index, found["core_seconds"], found["created_utc"], found["session"], found["worker"])
                records.write(new)

            _write_atomically(store.path, write, durable=True)
        for index in indices:
            part_file(store.parts, index).unlink(missing_ok=True)
        return len(indices)

    def finish(self) -> None:
        """After a complete sweep: nothing is left outside the sweep file."""
        self.consolidate()
        if len(self._completed) == self.header.point_count:
            shutil.rmtree(self.store.parts, ignore_errors=True)
