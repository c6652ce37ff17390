"""A finished (or partly finished) sweep, read lazily from its store."""
from __future__ import annotations

import json
import os
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Sequence

import numpy as np
import pandas as pd
import xarray as xr

from .results import INDICATOR_DIMS, indicator_names, tidy
from .sealed_files import check_sealed, open_sealed
from .sweep_store import SweepStore, SweepStoreError
from .sweep_store_layout import StoreHeader

if TYPE_CHECKING:
    from .paired_comparison import PairedComparison


def open_sweep(path: str | os.PathLike) -> "SweepResult":
    """A handle on the sweep store ``path`` (written by ``taalwerk sweep`` or ``Sweep.run``)."""
    result = SweepResult(path)
    _ = result.header  # fails now, with a clear message, if the file is not a sweep store
    return result


class SweepResult:
    """Lazy handle on a sweep store: nothing is loaded until asked for.

    ``dataset()`` is the whole sweep as an xarray Dataset read from disk on demand, with dims
    (point, replicate, month, group) and the design values as coordinates along ``point``;
    ``point(i)`` one point in memory, shaped like ``taalwerk.run``; ``compare(i, j)`` a paired
    comparison of two points; ``summary(...)`` one indicator per point.
    """

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)

    def __repr__(self) -> str:
        return f"SweepResult({os.fspath(self.path)!r})"

    @cached_property
    def header(self) -> StoreHeader:
        if not self.path.exists():
            raise SweepStoreError(f"no sweep store '{self.path}'")
        return SweepStore(self.path).read_header()

    @property
    def name(self) -> str:
        return str(self.header.attrs["sweep_name"])

    @property
    def seed(self) -> int:
        return int(self.header.attrs["base_seed"])

    @property
    def replicates(self) -> int:
        return int(self.header.attrs["replicates_per_point"])

    @property
    def point_count(self) -> int:
        return self.header.point_count

    @property
    def parameters(self) -> list[str]:
        return list(self.header.design.columns)

    @property
    def completed(self) -> np.ndarray:
        """Which points are in the sweep file (finished points not yet consolidated are not)."""
        with open_sealed(self.path) as file:
            return file["point_completed"][()].astype(bool)

    @property
    def pending_points(self) -> int:
        """Finished points still waiting in the parts folder (a running or interrupted sweep)."""
        return len(SweepStore(self.path).part_indices())

    @property
    def is_complete(self) -> bool:
        return bool(self.completed.all())

    @property
    def design(self) -> pd.DataFrame:
        """One row per point: the design values, and whether the point is finished."""
        design = self.header.design.copy()
        design["completed"] = self.completed
        return design

    def dataset(self, scenarios: bool = False) -> xr.Dataset:
        """The whole store, lazily (values are read when used). Close it, or use ``with``.

        The resolved scenario of every point (``point_scenario_toml``) is left out unless
        ``scenarios``: xarray reads text variables whole when it opens them, a few KB per point;
        ``scenario_toml(i)`` gives one."""
        dropped = [] if scenarios else ["point_scenario_toml"]
        check_sealed(self.path)
        dataset = xr.open_dataset(os.fspath(self.path), engine="h5netcdf", drop_variables=dropped)
        return dataset.set_coords([key for key in self.parameters if key in dataset.variables])

    def scenario_toml(self, index: int) -> str:
        """The resolved scenario point ``index`` runs with."""
        with open_sealed(self.path) as file:
            return file["point_scenario_toml"].asstr()[index]

    def point(self, index: int) -> xr.Dataset:
        """One point in memory: dims (replicate, month, group), like ``taalwerk.run``."""
        if not 0 <= index < self.point_count:
            raise IndexError(f"point {index} is not in the sweep (points 0 to {self.point_count - 1})")
        with open_sealed(self.path) as file:
            if not file["point_completed"][index]:
                raise ValueError(f"point {index} of sweep '{self.name}' is not finished (yet)")
            names = json.loads(file.attrs["indicator_names"])
            variables = {
                name: xr.Variable(INDICATOR_DIMS, file[name][index],
                                  attrs={"units": file[name].attrs["units"], "long_name": file[name].attrs["long_name"]})
                for name in names
            }
            coords = {
                "replicate": file["replicate"][()].astype(np.int64),
                "month": file["month"][()],
                "group": np.array([g.decode() if isinstance(g, bytes) else g for g in file["group"][()]], dtype=object),
            }
            attrs: dict[str, Any] = {
                "sweep_name": self.name,
                "point": index,
                "scenario_toml": file["point_scenario_toml"].asstr()[index],
                "base_seed": int(file["point_seed"][index]),
                "code_version": str(self.header.attrs["code_version"]),
            }
        for key, value in self.header.design.iloc[index].items():
            attrs[f"design:{key}"] = value if isinstance(value, (int, float, str, np.generic)) else json.dumps(value)
        return xr.Dataset(variables, coords=coords, attrs=attrs)

    def compare(self, a: int, b: int, **options: Any) -> "PairedComparison":
        """Paired comparison of point ``b`` against point ``a`` (same seeds: b - a per replicate)."""
        from .paired_comparison import compare

        return compare(self.point(a), self.point(b), **options)

    def summary(self, indicator: str, month: int | None = None, group: str = "all", share: bool = False,
                quantiles: Sequence[float] = (0.05, 0.5, 0.95)) -> pd.DataFrame:
        """One row per point: design values, and the indicator at ``month`` (default: the
        last) for ``group``, as mean and quantiles over replicates; ``share`` divides by
        ``persons``. Unfinished points have NaN."""
        with self.dataset() as dataset:
            if indicator not in dataset:
                raise KeyError(f"no indicator '{indicator}' in the sweep; available: {indicator_names(dataset)}")
            month = int(dataset.sizes["month"]) - 1 if month is None else month
            values = dataset[indicator].sel(group=group, month=month).values
            if share:
                values = values / dataset["persons"].sel(group=group, month=month).values
        table = self.design
        label = f"{indicator} share" if share else indicator
        with np.errstate(all="ignore"):
            table[f"{label} mean"] = values.mean(axis=1)
            for q in quantiles:
                table[f"{label} q{round(100 * q):02d}"] = np.quantile(values, q, axis=1)
        return table

    def sensitivity(self, indicator: str, month: int | None = None, group: str = "all", share: bool = False) -> pd.DataFrame:
        """Sobol indices (saltelli design) or Morris elementary effects (morris design) of one
        outcome: ``indicator`` at ``month`` (default: the last) for ``group``; see ``taalwerk.sensitivity``."""
        from .sensitivity import sensitivity_indices

        return sensitivity_indices(self, indicator, month, group, share)

    def tidy(self, indicators: Iterable[str] | None = None, months: Sequence[int] | None = None,
             groups: Sequence[str] | None = ("all",)) -> pd.DataFrame:
        """Long table of finished points (one row per point, replicate, month, group, indicator)."""
        with self.dataset() as dataset:
            selected = dataset.isel(point=np.flatnonzero(self.completed))
            if months is not None:
                selected = selected.sel(month=list(months))
            if groups is not None:
                selected = selected.sel(group=list(groups))
            return tidy(selected.load(), indicators)
