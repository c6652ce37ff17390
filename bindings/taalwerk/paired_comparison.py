"""Paired comparison of two scenarios (or sweep points) run with the same seeds.

With common random numbers replicate r of A and replicate r of B share every random draw, so
the per-replicate difference B - A is the effect of the policy change alone; its spread over
replicates is the uncertainty band. Indicators are addressed by name, never by position.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

import numpy as np
import pandas as pd
import xarray as xr

from .results import indicator_names
from .scenario import Scenario

DEFAULT_MONTHS = (12, 30, 42, 60)
QUANTILES = (0.05, 0.5, 0.95)


def _label(q: float) -> str:
    return f"q{round(100 * q):02d}"


@dataclass(frozen=True)
class Estimate:
    """A paired effect: one value per replicate, summarised by mean and quantile band."""

    name: str
    units: str
    values: np.ndarray
    quantiles: tuple[float, ...] = QUANTILES
    note: str = ""

    @property
    def mean(self) -> float:
        return float(np.mean(self.values))

    @property
    def band(self) -> dict[str, float]:
        return {_label(q): float(np.quantile(self.values, q)) for q in self.quantiles}

    def as_row(self) -> dict[str, Any]:
        return {"measure": self.name, "units": self.units, "mean": self.mean, **self.band, "note": self.note}

    def __str__(self) -> str:
        band = self.band
        return f"{self.name}: {self.mean:.4g} {self.units} ({' / '.join(f'{k} {v:.4g}' for k, v in band.items())})"


@dataclass(frozen=True)
class CostPerOutcome:
    """Extra cost per extra person reaching an outcome: mean Δcost / mean Δoutcome.

    ``value`` is NaN (or ±inf when Δoutcome is exactly 0 and Δcost is not) whenever B does not
    raise the outcome; ``note`` then says why. Nothing is divided silently.
    """

    name: str
    delta_cost: Estimate
    delta_outcome: Estimate
    value: float
    per_replicate: np.ndarray  # NaN where that replicate's Δoutcome <= 0
    note: str = ""

    def as_row(self) -> dict[str, Any]:
        finite = self.per_replicate[np.isfinite(self.per_replicate)]
        band = {_label(q): (float(np.quantile(finite, q)) if len(finite) == len(self.per_replicate) else np.nan)
                for q in self.delta_cost.quantiles}
        return {"measure": self.name, "units": f"{self.delta_cost.units} per person", "mean": self.value, **band, "note": self.note}

    def __str__(self) -> str:
        return f"{self.name}: {self.value:.4g} {self.delta_cost.units} per person" + (f" ({self.note})" if self.note else "")


def _ratio(cost: float, outcome: float) -> float:
    if outcome > 0:
        return cost / outcome
    if outcome == 0 and cost != 0:
        return float(np.copysign(np.inf, cost))
    return float("nan")


def _as_dataset(side: Any, seed: int, replicates: int, threads: int) -> xr.Dataset:
    if isinstance(side, xr.Dataset):
        return side
    scenario = side if isinstance(side, Scenario) else Scenario.load(os.fspath(side))
    return scenario.run(seed=seed, replicates=replicates, threads=threads)


def _check_paired(a: xr.Dataset, b: xr.Dataset) -> None:
    seed_a, seed_b = a.attrs.get("base_seed"), b.attrs.get("base_seed")
    if seed_a is None or seed_b is None or int(seed_a) != int(seed_b):
        raise ValueError(f"not a paired comparison: A ran with seed {seed_a}, B with seed {seed_b}; "
                         "run both with the same seed so they share random numbers")
    for dim in ("replicate", "month", "group"):
        if not np.array_equal(a[dim].values, b[dim].values):
            raise ValueError(f"not a paired comparison: A and B differ in their '{dim}' coordinate")


def compare(
    a: Any,
    b: Any,
    *,
    indicators: Iterable[str] | None = None,
    seed: int = 1,
    replicates: int = 10,
    threads: int = 0,
) -> "PairedComparison":
    """Paired comparison of B against A: per-replicate differences B - A.

    ``a`` and ``b`` are datasets (from ``taalwerk.run``, ``Scenario.run`` or a sweep point),
    ``Scenario`` objects or scenario files; the last two are run here with ``seed`` and
    ``replicates``. ``indicators`` limits the differences to those names (default: all that A
    and B share).
    """
    a = _as_dataset(a, seed, replicates, threads)
    b = _as_dataset(b, seed, replicates, threads)
    _check_paired(a, b)
    shared = [name for name in indicator_names(a) if name in b.data_vars]
    names = shared if indicators is None else list(indicators)
    missing = [name for name in names if name not in shared]
    if missing:
        raise KeyError(f"indicator(s) {missing} not in both runs; available: {shared}")
    return PairedComparison(a, b, names)


@dataclass
class PairedComparison:
    """B against A. ``differences``: B - A per replicate, month and group, for each indicator."""

    a: xr.Dataset
    b: xr.Dataset
    indicators: list[str]
    differences: xr.Dataset = field(init=False)

    def __post_init__(self) -> None:
        self.differences = xr.Dataset(
            {name: (self.b[name] - self.a[name]).assign_attrs(self.a[name].attrs) for name in self.indicators},
            attrs={"base_seed": self.a.attrs["base_seed"], "comparison": "B - A, per replicate (common random numbers)"},
        )

    def _need(self, *names: str) -> None:
        for name in names:
            if name not in self.a.data_vars or name not in self.b.data_vars:
                raise KeyError(f"indicator '{name}' is not in both runs; available: {indicator_names(self.a)}")

    def _month(self, month: int | None) -> int:
        last = int(self.a.sizes["month"]) - 1
        month = last if month is None else int(month)
        if not 0 <= month <= last:
            raise ValueError(f"month {month} is outside the runs (months 0 to {last})")
        return month

    def _share(self, dataset: xr.Dataset, name: str, group: str, persons: str) -> xr.DataArray:
        self._need(name, persons)
        return dataset[name].sel(group=group) / dataset[persons].sel(group=group)

    def summary(self, months: Sequence[int] | None = None, groups: Sequence[str] = ("all",),
                indicators: Sequence[str] | None = None, shares: bool = False,
                quantiles: Sequence[float] = QUANTILES, persons: str = "persons") -> pd.DataFrame:
        """One row per (indicator, group, month): means of A and B, and the mean and quantiles
        of the paired difference. ``shares``: indicators counted in persons are divided by
        ``persons`` of the same group (a difference of shares; other units stay as they are)."""
        months = available_months(self.a, months)
        rows = []
        for name in indicators or self.indicators:
            self._need(name)
            units = str(self.a[name].attrs.get("units", ""))
            as_share = shares and units == "persons" and name != persons and persons in self.a.data_vars
            for group in groups:
                if as_share:
                    a_values = self._share(self.a, name, group, persons)
                    b_values = self._share(self.b, name, group, persons)
                else:
                    a_values, b_values = self.a[name].sel(group=group), self.b[name].sel(group=group)
                for month in months:
                    a_month = a_values.sel(month=month).values
                    b_month = b_values.sel(month=month).values
                    difference = b_month - a_month
                    rows.append({
                        "indicator": name, "group": group, "month": month, "units": "share" if as_share else units,
                        "a_mean": float(a_month.mean()), "b_mean": float(b_month.mean()),
                        "difference_mean": float(difference.mean()),
                        **{f"difference_{_label(q)}": float(np.quantile(difference, q)) for q in quantiles},
                    })
        return pd.DataFrame(rows)

    def bijstand_months_avoided(self, group: str = "all", horizon: int | None = None,
                                indicator: str = "on_bijstand", persons: str = "persons") -> Estimate:
        """Months on bijstand avoided per person from month 0 to ``horizon`` (default: the last):
        sum over months of (A share on bijstand - B share on bijstand). Positive: B has less."""
        horizon = self._month(horizon)
        window = slice(0, horizon)
        a = self._share(self.a, indicator, group, persons).sel(month=window).sum("month")
        b = self._share(self.b, indicator, group, persons).sel(month=window).sum("month")
        return Estimate(f"months of {indicator} avoided per person, months 0-{horizon}", "months per person", (a - b).values)

    def employment_change(self, month: int = 42, group: str = "all", indicator: str = "in_paid_work",
                          persons: str = "persons") -> Estimate:
        """Change (B - A) in the share of ``group`` with ``indicator`` at ``month``."""
        month = self._month(month)
        a = self._share(self.a, indicator, group, persons).sel(month=month)
        b = self._share(self.b, indicator, group, persons).sel(month=month)
        return Estimate(f"change in share {indicator} at month {month}", "share", (b - a).values)

    def cost_per_extra_durable_worker(self, horizon: int | None = None, group: str = "all", cost: str = "cost_total",
                                      outcome: str = "in_work_6_months_or_more") -> CostPerOutcome:
        """Δ cumulative ``cost`` (months 0 to ``horizon``) / Δ persons with ``outcome`` at the
        horizon. Undefined (NaN, ±inf) with an explicit note when B does not raise the outcome."""
        self._need(cost, outcome)
        horizon = self._month(horizon)
        window = slice(0, horizon)
        cost_units = str(self.a[cost].attrs.get("units", ""))
        delta_cost = (self.b[cost] - self.a[cost]).sel(group=group, month=window).sum("month").values
        delta_outcome = (self.b[outcome] - self.a[outcome]).sel(group=group, month=horizon).values
        cost_estimate = Estimate(f"change in cumulative {cost}, months 0-{horizon}", cost_units, delta_cost)
        outcome_estimate = Estimate(f"change in persons {outcome} at month {horizon}", "persons", delta_outcome)
        value = _ratio(cost_estimate.mean, outcome_estimate.mean)
        per_replicate = np.array([_ratio(c, o) if o > 0 else np.nan for c, o in zip(delta_cost, delta_outcome, strict=True)])
        notes = []
        if not outcome_estimate.mean > 0:
            notes.append(f"B does not raise {outcome} (mean change {outcome_estimate.mean:+.4g} persons): "
                         f"the cost per extra person is undefined ({value})")
        elif cost_estimate.mean < 0:
            notes.append("B costs less and has more persons in the outcome: a saving per extra person")
        not_positive = int(np.sum(~(delta_outcome > 0)))
        if not_positive:
            notes.append(f"{not_positive} of {len(delta_outcome)} replicates have no extra persons; "
                         "their ratio is NaN and no band is given")
        return CostPerOutcome(f"cost per extra person {outcome} at month {horizon}", cost_estimate, outcome_estimate,
                              value, per_replicate, "; ".join(notes))

    def headline(self, months: Sequence[int] | None = None, group: str = "all") -> pd.DataFrame:
        """The measures policy questions ask for, where the runs have the indicators for them."""
        rows = []
        names = set(self.indicators)
        if {"on_bijstand", "persons"} <= names:
            rows.append(self.bijstand_months_avoided(group).as_row())
        if {"in_paid_work", "persons"} <= names:
            rows += [self.employment_change(month, group).as_row() for month in available_months(self.a, months)]
        if {"in_work_6_months_or_more", "persons"} <= names:
            rows += [self.employment_change(month, group, "in_work_6_months_or_more").as_row()
                     for month in available_months(self.a, months)]
        if {"cost_total", "in_work_6_months_or_more"} <= names:
            rows.append(self.cost_per_extra_durable_worker(group=group).as_row())
        return pd.DataFrame(rows)


def available_months(dataset: xr.Dataset, months: Sequence[int] | None) -> list[int]:
    """``months`` checked against the runs; by default the usual report months that fit, and the last."""
    last = int(dataset.sizes["month"]) - 1
    if months is None:
        return sorted({m for m in DEFAULT_MONTHS if m <= last} | {last})
    outside = [m for m in months if not 0 <= m <= last]
    if outside:
        raise ValueError(f"month(s) {outside} are outside the runs (months 0 to {last})")
    return [int(m) for m in months]
