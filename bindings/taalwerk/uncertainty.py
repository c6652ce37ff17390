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

import dataclasses
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Sequence

import numpy as np
import pandas as pd
import xarray as xr

from . import _core
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


# --- ensembles on the command line (taalwerk compare / report --ensemble) -----------------------

DEFAULT_MEMBERS = 10  # members used when --members is not given (the best ones: members are best first)
ENSEMBLE_REPLICATES = 4  # replicates per member when --replicates is not given


class EnsembleError(_core.ScenarioError):
    """A missing or malformed ensemble file, or a scenario that does not fit the ensemble. A
    ``ScenarioError``, so the command line exits with the scenario/file error code (3)."""


def load_ensemble(path: str | os.PathLike, members: int | None = None) -> Ensemble:
    """The ensemble file checked thoroughly, reduced to its best ``members`` (default: the best
    ``DEFAULT_MEMBERS``, or all when there are fewer). Raises ``EnsembleError`` for a missing or
    malformed file and ``ValueError`` when ``members`` is not between 1 and the members in the file."""
    path = Path(path)
    try:
        ensemble = Ensemble.load(path)
    except FileNotFoundError:
        raise EnsembleError(f"ensemble file '{path}' does not exist") from None
    except IsADirectoryError:
        raise EnsembleError(f"ensemble file '{path}' is a folder, not a file") from None
    except OSError as error:
        raise EnsembleError(f"cannot read ensemble file '{path}': {error.strerror or error}") from None
    except tomllib.TOMLDecodeError as error:
        raise EnsembleError(f"ensemble file '{path}' is not valid TOML: {error}") from None
    except UnicodeDecodeError:
        raise EnsembleError(f"ensemble file '{path}' is not a text file") from None
    except ValueError as error:  # wrong format line (the message names the file), or a bad number
        message = str(error)
        raise EnsembleError(message if str(path) in message else f"ensemble file '{path}': {message}") from None
    except (KeyError, TypeError, AttributeError) as error:
        raise EnsembleError(f"ensemble file '{path}' is malformed: a required entry is missing or of the wrong kind "
                            f"({type(error).__name__}: {error}); write it again with `taalwerk calibrate`") from None
    problems = _ensemble_problems(ensemble)
    if problems:
        raise EnsembleError(f"ensemble file '{path}' is malformed: {problems}; write it again with `taalwerk calibrate`")
    available = len(ensemble)
    if members is None:
        members = min(DEFAULT_MEMBERS, available)
    if not 1 <= members <= available:
        raise ValueError(f"--members {members}: the ensemble file '{path}' has {available} member(s); "
                         f"give a number from 1 to {available}")
    return dataclasses.replace(ensemble, members=ensemble.members[:members], trials=ensemble.trials[:members],
                               distances=ensemble.distances[:members])


def _ensemble_problems(ensemble: Ensemble) -> str:
    if not ensemble.parameters:
        return "it names no parameters"
    if not all(isinstance(key, str) for key in ensemble.parameters):
        return "'parameters' must be a list of parameter keys"
    if not len(ensemble):
        return "it has no members"
    wanted = set(ensemble.parameters)
    for index, values in enumerate([ensemble.point, *ensemble.members]):
        where = "the point" if index == 0 else f"member {index} (trial {ensemble.trials[index - 1]})"
        missing, extra = sorted(wanted - set(values)), sorted(set(values) - wanted)
        if missing:
            return f"{where} has no value for {', '.join(missing)}"
        if extra:
            return f"{where} sets {', '.join(extra)}, which is not among its parameters"
        bad = [key for key, value in values.items() if not isinstance(value, (int, float, str, bool))]
        if bad:
            return f"{where} has a value of the wrong kind for {', '.join(bad)}"
    return ""


def ensemble_member_scenarios(scenario: Scenario | str | os.PathLike, ensemble: Ensemble,
                              source: str | os.PathLike = "") -> tuple[list[Scenario], list[str]]:
    """``scenario`` once per member (validated now, before anything runs) and the keys the
    members leave alone because the scenario sets them itself (``Ensemble.kept_keys``).
    Raises ``EnsembleError`` when the scenario does not fit the ensemble."""
    scenario = _scenario(scenario)
    where = f" ({source})" if source else ""
    try:
        kept = ensemble.kept_keys(scenario)
    except KeyError as error:
        raise EnsembleError(f"ensemble '{ensemble.name}'{where} has a parameter the scenario '{scenario.path}' does not "
                            f"know: {error.args[0] if error.args else error}") from None
    except ValueError:
        point = f" ({ensemble.point_scenario})" if ensemble.point_scenario else ""
        raise EnsembleError(
            f"scenario '{scenario.path}' does not fit ensemble '{ensemble.name}'{where}: it sets all of the ensemble's "
            f"{len(ensemble.parameters)} parameters away from the calibrated point, so it is not based on the calibrated "
            f"scenario{point} and the members' values would silently replace its own. Base the scenario on the calibrated "
            "scenario (e.g. base = \"default\"), or compare without --ensemble") from None
    try:
        members = ensemble.scenarios(scenario, kept)
    except _core.ScenarioError as error:
        raise EnsembleError(f"ensemble '{ensemble.name}'{where} does not fit scenario '{scenario.path}': {error}") from None
    return members, kept


def describe_ensemble_comparison(table: pd.DataFrame, *, members: int, replicates: int) -> list[str]:
    """Plain-language lines, one per row of ``EnsembleComparison.summary``: the mean B - A with
    its pooled 5%-95% band and the two spreads. Shares are told in percentage points."""
    from .plotting.labels import indicator_words

    lines = []
    runs = members * replicates
    for _, row in table.iterrows():
        name, month, units = str(row["indicator"]), int(row["month"]), str(row["units"])
        words = indicator_words(name)
        low, high = row["difference_q05"], row["difference_q95"]
        mean, parameter, stochastic = row["difference_mean"], row["parameter_sd"], row["stochastic_sd"]
        if units == "share":
            value = lambda x, signed=True: f"{100 * x:{'+' if signed else ''}.1f}"  # noqa: E731
            unit = "percentage points"
            what = f"The share {words} at month {month}"
        elif units == "EUR":
            value = lambda x, signed=True: (f"{x:+,.0f}" if signed else f"{x:,.0f}")  # noqa: E731
            unit = "euros"
            what = f"The {words} in month {month} (whole group)"
        else:
            value = lambda x, signed=True: (f"{x:+.4g}" if signed else f"{x:.4g}")  # noqa: E731
            unit = units
            what = f"{words[:1].upper()}{words[1:]} at month {month}"
        if np.isfinite(low) and np.isfinite(high) and (low > 0 or high < 0):
            verdict = "higher" if mean > 0 else "lower"
            verdict = f"is clearly {verdict} in B"
        else:
            verdict = "shows no clear difference"
        chance = (f"{value(stochastic, False)} {unit} from chance (between replicates)" if np.isfinite(stochastic)
                  else "chance spread not measured (one replicate per member)")
        lines.append(
            f"{what} {verdict}: B - A is {value(mean)} {unit} on average; in 90% of the {runs} paired runs it lies "
            f"between {value(low)} and {value(high)}. Spread (standard deviation): {value(parameter, False)} {unit} from parameter uncertainty "
            f"(between the {members} parameter sets), {chance}.")
    return lines
