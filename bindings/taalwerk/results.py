"""Runs as xarray datasets: in memory from the C++ core, or read back from an HDF5 run file."""
from __future__ import annotations

import os
from typing import Any, Iterable, Mapping

import numpy as np
import pandas as pd
import xarray as xr

from . import _core
from .sealed_files import check_sealed

INDICATOR_DIMS = ("replicate", "month", "group")


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
    checked_overrides = checked_override_mapping(overrides)
    for name, value in (("seed", seed), ("replicates", replicates), ("threads", threads)):
        require_integer(name, value)
    # Ranges (and the memory the run would need) are checked by the C++ core, with the same
    # limits as `taalwerk run`.
    result = _core.run(os.fspath(scenario), int(seed), int(replicates), int(threads), checked_overrides)
    return dataset_from_core(result)


def require_integer(name: str, value: Any) -> None:
    """A TypeError naming the argument, rather than pybind11's list of accepted signatures."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be an integer, not {type(value).__name__} {value!r}")
    if not -(2**63) <= value < 2**63:  # the C++ side checks the real range; this much must fit to get there
        raise ValueError(f"{name} = {value} is out of range")


def native(value: Any) -> Any:
    """numpy scalars as Python values (the C++ binding takes bool, int, float, str, lists)."""
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, (list, tuple, np.ndarray)):
        return [native(item) for item in value]
    return value


def checked_override_mapping(overrides: Mapping[str, Any] | None) -> dict[str, Any]:
    """``overrides`` as a plain dict of dotted key -> native value, or a TypeError saying what is wrong."""
    if overrides is None:
        return {}
    if not isinstance(overrides, Mapping):
        raise TypeError(f"overrides must be a mapping of dotted keys to values, e.g. "
                        f"{{'labour.tightness': 0.8}}, not {type(overrides).__name__}")
    for key in overrides:
        if not isinstance(key, str):
            raise TypeError(f"override keys must be dotted scenario keys (str), not {type(key).__name__} {key!r}")
    return {key: native(value) for key, value in overrides.items()}


def dataset_from_core(result: Mapping[str, Any]) -> xr.Dataset:
    """The dataset of one ``_core.run`` result (arrays are wrapped, not copied)."""
    metadata = result["metadata"]
    coords = {
        "replicate": np.asarray(metadata["replicates"], dtype=np.int64),
        "month": np.arange(result["months"], dtype=np.int32),
        "group": np.asarray(result["group_labels"], dtype=object),
    }
    variables = {
        name: xr.Variable(
            INDICATOR_DIMS,
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
    """Open an HDF5 file written by ``taalwerk run`` (loaded into memory, file closed).

    A missing, unreadable or damaged file raises ``OutputError`` naming the file."""
    source = os.fspath(path)
    if os.path.isdir(source):
        raise _core.OutputError(f"cannot read output file '{source}': it is a folder")
    if not os.path.exists(source):
        raise _core.OutputError(f"cannot read output file '{source}': no such file")
    check_sealed(source)
    try:
        with xr.open_dataset(source, engine="h5netcdf") as dataset:
            return dataset.load()
    except (OSError, ValueError, KeyError, TypeError, RuntimeError) as error:
        # h5py, h5netcdf and xarray report damage in many shapes; one message that names the file.
        raise _core.OutputError(f"cannot read output file '{source}': {type(error).__name__}: {error}") from error


def indicator_names(dataset: xr.Dataset) -> list[str]:
    """Names of the indicator variables: those laid out over (..., replicate, month, group)."""
    return [str(name) for name, variable in dataset.data_vars.items() if variable.dims[-3:] == INDICATOR_DIMS]


def tidy(dataset: xr.Dataset, indicators: Iterable[str] | None = None) -> pd.DataFrame:
    """One row per (replicate, month, group, indicator): columns for every dimension, the
    indicator name, its value and unit, and any coordinates along the way (e.g. the design
    parameters of a sweep's points)."""
    names = list(indicators) if indicators is not None else indicator_names(dataset)
    missing = [name for name in names if name not in dataset.data_vars]
    if missing:
        raise KeyError(f"no indicator {missing}; available: {indicator_names(dataset)}")
    wide = dataset[names].to_dataframe().reset_index()
    identifiers = [column for column in wide.columns if column not in names]
    long = wide.melt(id_vars=identifiers, value_vars=names, var_name="indicator", value_name="value")
    long["units"] = long["indicator"].map({name: dataset[name].attrs.get("units", "") for name in names})
    return long
