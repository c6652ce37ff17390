"""The layout of a sweep store (docs/python.md, "The sweep store"): the header that says what
the sweep is, the shape of every point's results, and per-point bookkeeping. How the store is
written safely and resumed is in ``sweep_store.py``."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import h5py
import numpy as np
import pandas as pd

from . import _core
from .point_runner import PointResult
from .scenario import native
from .sweep_plan import STORE_FORMAT, SweepPlan

CONVENTIONS = "taalwerk-sweep-1"
TEXT = h5py.string_dtype("utf-8")
TEXT_BLOCK = 256  # resolved scenarios are copied this many at a time
INDICATOR_DIMS = ("point", "replicate", "month", "group")


def utc_now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


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
        return text(self.attrs["sweep_hash"])

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
            "created_utc": utc_now(),
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
        attrs = {key: (text(value) if isinstance(value, (bytes, str)) else value) for key, value in file.attrs.items()}
        keys = json.loads(attrs["design_parameters"])
        columns = {}
        for key in keys:
            dataset = file[key]
            encoding = text(dataset.attrs["encoding"])
            if encoding == "number":
                columns[key] = dataset[()]
            else:
                texts = [text(v) for v in dataset[()]]
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

    @classmethod
    def read(cls, file: h5py.File) -> "OutputLayout | None":
        """The layout of a store, or None while no point is stored."""
        return cls(**json.loads(text(file.attrs["layout"]))) if "layout" in file.attrs else None

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
        texts = {name: [text(v) for v in file[name][()]] for name in ("point_created_utc", "point_session", "point_worker")}
        return cls(
            file["point_completed"][()].astype(np.uint8),
            file["point_core_seconds"][()],
            texts["point_created_utc"],
            texts["point_session"],
            texts["point_worker"],
        )


def filters(compression: int) -> dict[str, Any]:
    return {"compression": "gzip", "compression_opts": compression, "shuffle": True} if compression else {}


def write_results_layout(file: h5py.File, layout: OutputLayout, points: int, compression: int) -> list[h5py.Dataset]:
    """The coordinates of the results and one empty (NaN) dataset per indicator, one chunk per point."""
    file.attrs["layout"] = json.dumps(layout.__dict__)
    file.attrs["indicator_names"] = json.dumps(layout.indicator_names)
    _make_dimension(file, "replicate", np.asarray(layout.replicate_ids, dtype=np.uint32), "replicate id (random key (seed, replicate))")
    _make_dimension(file, "month", np.arange(layout.months, dtype=np.int32), "months since the permit (month 0 is the permit month)",
                    units="months")
    _make_dimension(file, "group", np.array(layout.group_labels, dtype=object), "population group")
    datasets = []
    for name, units, description in zip(layout.indicator_names, layout.units, layout.descriptions, strict=True):
        dataset = file.create_dataset(name, shape=(points, *layout.chunk_shape), dtype="<f8", chunks=(1, *layout.chunk_shape),
                                      fillvalue=np.nan, **filters(compression))
        dataset.attrs["units"] = units
        dataset.attrs["long_name"] = description
        _attach(file, dataset, INDICATOR_DIMS)
        datasets.append(dataset)
    return datasets
