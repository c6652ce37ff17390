"""Runs as xarray datasets: in memory from the C++ core, or read back from an HDF5 run file."""
from __future__ import annotations

import os
from typing import Any, Mapping

import numpy as np
import xarray as xr

from . import _core


def run(
    scenario: str | os.PathLike,
    *,
    seed: int = 1,
    replicates: int = 1,
    threads: int = 0,
    overrides: Mapping[str, Any] | None = None,
) -> xr.Dataset:
    """Run ``scenario`` and return its monthly indicators.

    ``overrides`` maps dotted scenario keys to values (``{"labour.tightness": 0.8}``); they are
    validated by the same schema as scenario files. The dataset has dimensions
    (replicate, month, group); each indicator is a variable with ``units`` and ``long_name``.
    """
    result = _core.run(os.fspath(scenario), seed, replicates, threads, dict(overrides or {}))
    metadata = result["metadata"]
    coords = {
        "replicate": np.asarray(metadata["replicates"], dtype=np.int64),
        "month": np.arange(result["months"], dtype=np.int32),
        "group": np.asarray(result["group_labels"], dtype=object),
    }
    variables = {
        name: xr.Variable(
            ("replicate", "month", "group"),
            values,
            attrs={"units": result["units"][name], "long_name": result["descriptions"][name]},
        )
        for name, values in result["indicators"].items()
    }
    attrs = {key: metadata[key] for key in ("scenario_name", "scenario_toml", "base_seed", "code_version", "created_utc", "agents", "threads")}
    for library, library_version in metadata["library_versions"].items():
        attrs[f"library_version_{library}"] = library_version
    return xr.Dataset(variables, coords=coords, attrs=attrs)


def open_run(path: str | os.PathLike) -> xr.Dataset:
    """Open an HDF5 file written by ``taalwerk run`` (loaded into memory, file closed)."""
    with xr.open_dataset(os.fspath(path), engine="h5netcdf") as dataset:
        return dataset.load()
