"""Runs and paired comparisons over an ensemble of acceptable parameter sets, so every answer
carries the spread that parameter uncertainty causes on top of the stochastic spread.

Each member is one parameter set from the calibration (``taalwerk.calibration.Ensemble``). Every
member runs on the same seeds (common random numbers), so in a comparison member m's replicate r
of A and of B share their random draws: B - A is the policy effect under that parameter set.
An estimate over the ensemble has values per (member, replicate); its band pools them all, and
it splits the spread into a parameter part (the standard deviation of the member means) and a
stochastic part (the root mean within-member variance).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

import numpy as np
import pandas as pd
import xarray as xr

from .calibration.ensemble import Ensemble
from .paired_comparison import QUANTILES, PairedComparison, _label, available_months, compare
from .scenario import Scenario


def _scenario(side: Any) -> Scenario:
    return side if isinstance(side, Scenario) else Scenario.load(os.fspath(side))


def _ensemble(ensemble: Ensemble | str | os.PathLike) -> Ensemble:
    return ensemble if isinstance(ensemble, Ensemble) else Ensemble.load(ensemble)


def run_ensemble(scenario: Scenario | str | os.PathLike, ensemble: Ensemble | str | os.PathLike, *, seed: int = 1,
                 replicates: int = 5, threads: int = 0, keep: Sequence[str] | None = None) -> xr.Dataset:
    """``scenario`` under every member: a dataset with dims (member, replicate, month, group).

    ``keep``: keys the members must not override (default: those the scenario sets itself away
    from the calibrated point; see ``Ensemble.kept_keys``)."""
    ensemble = _ensemble(ensemble)
    runs = [member.run(seed=seed, replicates=replicates, threads=threads)
            for member in ensemble.scenarios(_scenario(scenario), keep)]
    combined = xr.concat(runs, dim=pd.Index(np.arange(len(runs)), name="member"), combine_attrs="drop_conflicts")
    combined.attrs.update(ensemble=ensemble.name, ensemble_members=len(runs), base_seed=seed)
    return combined


@dataclass(frozen=True)
class EnsembleEstimate:
    """An effect with values per (member, replicate). ``value`` overrides the pooled mean (used by
    ratios, which are a ratio of means rather than a mean of ratios)."""

    name: str
    units: str
    values: np.ndarray  # (member, replicate)
    quantiles: tuple[float, ...] = QUANTILES
    value: float | None = None
    note: str = ""

    @property
    def mean(self) -> float:
        return float(np.nanmean(self.values)) if self.value is None else self.value

    @property
    def band(self) -> dict[str, float]:
        """Quantiles over every member and replicate (NaN when any value is undefined)."""
        pooled = self.values.ravel()
        if not np.isfinite(pooled).all():
            return {_label(q): float("nan") for q in self.quantiles}
        return {_label(q): float(np.quantile(pooled, q)) for q in self.quantiles}

    @property
    def parameter_sd(self) -> float:
        """Spread caused by parameter uncertainty: standard deviation of the member means."""
        return float(np.std(np.nanmean(self.values, axis=1), ddof=1)) if len(self.values) > 1 else 0.0

    @property
    def stochastic_sd(self) -> float:
        """Stochastic spread: root of the mean within-member variance over replicates."""
        if self.values.shape[1] < 2:
            return float("nan")
        return float(np.sqrt(np.nanmean(np.nanvar(self.values, axis=1, ddof=1))))

    def as_row(self) -> dict[str, Any]:
        return {"measure": self.name, "units": self.units, "mean": self.mean, **self.band,
                "parameter_sd": self.parameter_sd, "stochastic_sd": self.stochastic_sd,
                "members": self.values.shape[0], "replicates": self.values.shape[1], "note": self.note}

    def __str__(self) -> str:
        band = " / ".join(f"{k} {v:.4g}" for k, v in self.band.items())
        return (f"{self.name}: {self.mean:.4g} {self.units} ({band}; sd from parameters {self.parameter_sd:.3g}, "
                f"stochastic {self.stochastic_sd:.3g})")


class EnsembleComparison:
    """B against A under every member of an ensemble: one ``PairedComparison`` per member."""

    def __init__(self, comparisons: Sequence[PairedComparison], ensemble: Ensemble):
        self.comparisons = list(comparisons)
        self.ensemble = ensemble

    @property
    def differences(self) -> xr.Dataset:
        """B - A with dims (member, replicate, month, group)."""
        return xr.concat([c.differences for c in self.comparisons], dim=pd.Index(np.arange(len(self.comparisons)), name="member"))

    def _stack(self, estimates: list[Any]) -> np.ndarray:
        return np.stack([np.asarray(estimate.values, dtype=float) for estimate in estimates])

    def employment_change(self, month: int = 42, group: str = "all", indicator: str = "in_paid_work") -> EnsembleEstimate:
        estimates = [c.employment_change(month, group, indicator) for c in self.comparisons]
        return EnsembleEstimate(estimates[0].name, estimates[0].units, self._stack(estimates))

    def bijstand_months_avoided(self, group: str = "all", horizon: int | None = None) -> EnsembleEstimate:
        estimates = [c.bijstand_months_avoided(group, horizon) for c in self.comparisons]
        return EnsembleEstimate(estimates[0].name, estimates[0].units, self._stack(estimates))

    def cost_per_extra_durable_worker(self, horizon: int | None = None, group: str = "all", cost: str = "cost_total",
                                      outcome: str = "in_work_6_months_or_more") -> EnsembleEstimate:
        """Mean Δcost / mean Δoutcome over every member and replicate; the band is of the
        per-(member, replicate) ratios and is NaN when any of them has no extra person."""
        results = [c.cost_per_extra_durable_worker(horizon, group, cost, outcome) for c in self.comparisons]
        delta_cost = self._stack([r.delta_cost for r in results])
        delta_outcome = self._stack([r.delta_outcome for r in results])
        mean_outcome = float(delta_outcome.mean())
        value = float(delta_cost.mean() / mean_outcome) if mean_outcome > 0 else float("nan")
        ratios = np.where(delta_outcome > 0, delta_cost / np.where(delta_outcome > 0, delta_outcome, 1.0), np.nan)
        notes = []
        if not mean_outcome > 0:
            notes.append(f"B does not raise {outcome} on average over the ensemble: the cost per extra person is undefined")
        undefined = int(np.sum(~(delta_outcome > 0)))
        if undefined:
            notes.append(f"{undefined} of {delta_outcome.size} member-replicates have no extra persons; no band is given")
        return EnsembleEstimate(results[0].name, f"{results[0].delta_cost.units} per person", ratios, value=value,
                                note="; ".join(notes))

    def summary(self, months: Sequence[int] | None = None, groups: Sequence[str] = ("all",),
                indicators: Sequence[str] | None = None, shares: bool = False) -> pd.DataFrame:
        """Per (indicator, group, month): means of A and B and the difference's mean, pooled
        5/50/95% quantiles, and its parameter and stochastic standard deviations."""
        per_member = [c.summary(months, groups, indicators, shares, quantiles=()) for c in self.comparisons]
        keys = ["indicator", "group", "month", "units"]
        rows = []
        first = per_member[0]
        for index in range(len(first)):
            row = {key: first.iloc[index][key] for key in keys}
            name, group, month = row["indicator"], row["group"], int(row["month"])
            values = np.stack([self._difference_values(c, name, group, month, shares) for c in self.comparisons])
            estimate = EnsembleEstimate(name, str(row["units"]), values)
            row.update({"a_mean": float(np.mean([m.iloc[index]["a_mean"] for m in per_member])),
                        "b_mean": float(np.mean([m.iloc[index]["b_mean"] for m in per_member])),
                        "difference_mean": estimate.mean,
                        **{f"difference_{k}": v for k, v in estimate.band.items()},
                        "parameter_sd": estimate.parameter_sd, "stochastic_sd": estimate.stochastic_sd})
            rows.append(row)
        return pd.DataFrame(rows)

    @staticmethod
    def _difference_values(comparison: PairedComparison, name: str, group: str, month: int, shares: bool) -> np.ndarray:
        units = str(comparison.a[name].attrs.get("units", ""))
        if shares and units == "persons" and name != "persons":
            a = comparison.a[name].sel(group=group, month=month) / comparison.a["persons"].sel(group=group, month=month)
            b = comparison.b[name].sel(group=group, month=month) / comparison.b["persons"].sel(group=group, month=month)
            return (b - a).values
        return comparison.differences[name].sel(group=group, month=month).values

    def headline(self, months: Sequence[int] | None = None, group: str = "all") -> pd.DataFrame:
        """The headline measures of ``PairedComparison.headline`` over the ensemble."""
        first = self.comparisons[0]
        names = set(first.indicators)
        rows = []
        if {"on_bijstand", "persons"} <= names:
            rows.append(self.bijstand_months_avoided(group).as_row())
        for month in available_months(first.a, months):
            if {"in_paid_work", "persons"} <= names:
                rows.append(self.employment_change(month, group).as_row())
        for month in available_months(first.a, months):
            if {"in_work_6_months_or_more", "persons"} <= names:
                rows.append(self.employment_change(month, group, "in_work_6_months_or_more").as_row())
        if {"cost_total", "in_work_6_months_or_more"} <= names:
            rows.append(self.cost_per_extra_durable_worker(group=group).as_row())
        return pd.DataFrame(rows)


def compare_over_ensemble(a: Scenario | str | os.PathLike, b: Scenario | str | os.PathLike,
                          ensemble: Ensemble | str | os.PathLike, *, seed: int = 1, replicates: int = 5,
                          threads: int = 0, keep: Sequence[str] | None = None,
                          indicators: Iterable[str] | None = None) -> EnsembleComparison:
    """Paired comparison of B against A under every member of ``ensemble`` (same seeds for all)."""
    ensemble = _ensemble(ensemble)
    a_members = ensemble.scenarios(_scenario(a), keep)
    b_members = ensemble.scenarios(_scenario(b), keep)
    comparisons = [compare(sa, sb, seed=seed, replicates=replicates, threads=threads, indicators=indicators)
                   for sa, sb in zip(a_members, b_members, strict=True)]
    return EnsembleComparison(comparisons, ensemble)
