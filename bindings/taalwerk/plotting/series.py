"""The numbers behind the figures: indicator values per replicate and month, as shares where
they count persons, and their summaries over replicates (mean and a quantile band)."""
from __future__ import annotations

from typing import Mapping, Sequence

import numpy as np
import xarray as xr

from ..paired_comparison import compare
from .labels import shown_as_share

DEFAULT_BAND = (0.05, 0.95)


def require(dataset: xr.Dataset, *names: str) -> None:
    missing = [name for name in names if name not in dataset.data_vars]
    if missing:
        available = ", ".join(str(n) for n in dataset.data_vars)
        raise KeyError(f"indicator(s) {missing} not in the results; available: {available}")


def require_group(dataset: xr.Dataset, group: str) -> None:
    if group not in dataset.group.values:
        raise KeyError(f"group '{group}' is not in the results; groups: {', '.join(map(str, dataset.group.values))}")


def values(dataset: xr.Dataset, indicator: str, group: str = "all", share: bool = True) -> xr.DataArray:
    """(replicate, month) values of ``indicator`` for ``group``; a share in % when it counts persons."""
    require(dataset, indicator)
    require_group(dataset, group)
    data = dataset[indicator].sel(group=group)
    if shown_as_share(dataset, indicator, share):
        persons = dataset["persons"].sel(group=group)
        with np.errstate(invalid="ignore", divide="ignore"):
            data = 100.0 * data / persons.where(persons > 0)
    return data


def cumulative_cost_per_person(dataset: xr.Dataset, cost: str = "cost_total", group: str = "all") -> xr.DataArray:
    """(replicate, month): public cost summed from month 0, divided by the adults of the group at
    that month (euros per adult)."""
    require(dataset, cost, "persons")
    persons = dataset["persons"].sel(group=group)
    return dataset[cost].sel(group=group).cumsum("month") / persons.where(persons > 0)


def paired_values(baseline: xr.Dataset, other: xr.Dataset, indicator: str, group: str = "all",
                  share: bool = True) -> xr.DataArray:
    """(replicate, month) paired difference other - baseline, replicate by replicate (checks that
    both ran with the same seeds, i.e. common random numbers)."""
    names = [indicator] + (["persons"] if "persons" in baseline.data_vars and indicator != "persons" else [])
    comparison = compare(baseline, other, indicators=names)
    return values(comparison.b, indicator, group, share) - values(comparison.a, indicator, group, share)


def band(data: xr.DataArray, quantiles: Sequence[float] = DEFAULT_BAND) -> tuple[xr.DataArray, xr.DataArray, xr.DataArray]:
    """Mean over replicates and the (low, high) quantiles."""
    low, high = quantiles
    return (data.mean("replicate"), data.quantile(low, "replicate").drop_vars("quantile"),
            data.quantile(high, "replicate").drop_vars("quantile"))


def check_results(results: Mapping[str, xr.Dataset]) -> None:
    if not results:
        raise ValueError("no results to plot: give at least one {scenario name: dataset}")
    for name, dataset in results.items():
        if not isinstance(dataset, xr.Dataset):
            raise TypeError(f"results['{name}'] is a {type(dataset).__name__}, not an xarray Dataset from taalwerk.run")


def checked_month(dataset: xr.Dataset, month: int | None) -> int:
    """``month`` if the runs have it; by default the last month."""
    last = int(dataset.sizes["month"]) - 1
    month = last if month is None else int(month)
    if not 0 <= month <= last:
        raise ValueError(f"month {month} is outside the runs (months 0 to {last})")
    return month


def breakdown_groups(dataset: xr.Dataset, breakdown: str) -> list[str]:
    """The cells of one breakdown ('sex' -> ['sex=male', 'sex=female']) that hold anyone."""
    cells = [str(g) for g in dataset.group.values if str(g).startswith(f"{breakdown}=")]
    if not cells:
        breakdowns = sorted({str(g).split("=", 1)[0] for g in dataset.group.values if "=" in str(g)})
        raise KeyError(f"no breakdown '{breakdown}' in the results; breakdowns: {', '.join(breakdowns)}")
    if "persons" in dataset.data_vars:
        persons = dataset["persons"].sel(group=cells).max(["replicate", "month"]).values
        cells = [cell for cell, count in zip(cells, persons) if count > 0]
    return cells


def breakdowns_of(dataset: xr.Dataset) -> list[str]:
    """Every breakdown in the results, in their order ('sex', 'origin', ...)."""
    seen: list[str] = []
    for group in map(str, dataset.group.values):
        if "=" in group and group.split("=", 1)[0] not in seen:
            seen.append(group.split("=", 1)[0])
    return seen
