"""Checks the calibration does not tune to (model brief §7): figures a model that reproduces the
targets through plausible mechanisms should land near by itself. Used to write
``docs/validation.md``; run again after the model or the calibration changes."""
from __future__ import annotations

import numpy as np
import pandas as pd
import xarray as xr

from ..scenario import Scenario


def _share(dataset: xr.Dataset, indicator: str, group: str, month: int, denominator: str = "persons") -> np.ndarray:
    values = dataset[indicator].sel(group=group, month=month) / dataset[denominator].sel(group=group, month=month)
    return values.values


def _row(check: str, expectation: str, values: np.ndarray, holds: bool, source: str) -> dict:
    return {"check": check, "expectation": expectation, "model": float(np.mean(values)),
            "q05": float(np.quantile(values, 0.05)), "q95": float(np.quantile(values, 0.95)),
            "holds": bool(holds), "source": source}


def untuned_checks(dataset: xr.Dataset) -> pd.DataFrame:
    """One row per check on a run of the calibrated scenario: the model's value (mean and 5-95%
    band over replicates) and whether the expectation holds for the mean."""
    last = int(dataset.sizes["month"]) - 1
    rows = []
    gap = _share(dataset, "in_paid_work", "sex=male", 42) - _share(dataset, "in_paid_work", "sex=female", 42)
    rows.append(_row("women progress more slowly: work share at 42 months, men minus women",
                     "> 0", gap, gap.mean() > 0, "brief §3, §7 (002)"))
    gap = _share(dataset, "in_paid_work", "literacy=literate", 42) - _share(dataset, "in_paid_work", "literacy=not_literate", 42)
    rows.append(_row("low-literate people progress more slowly: work share at 42 months, literate minus not literate",
                     "> 0", gap, gap.mean() > 0, "brief §3, §7 (002)"))
    a2 = ["language_a2", "language_b1", "language_b2_or_higher"]
    at_a2 = {group: sum(_share(dataset, name, group, 36) for name in a2) for group in ("literacy=literate", "literacy=not_literate")}
    gap = at_a2["literacy=literate"] - at_a2["literacy=not_literate"]
    rows.append(_row("low-literate people learn more slowly: share at A2 or higher at 36 months, literate minus not literate",
                     "> 0", gap, gap.mean() > 0, "brief §4 (much longer for illiterate learners)"))
    for month in (18, 24):
        part_time = _share(dataset, "in_part_time_work", "all", month, "in_paid_work")
        rows.append(_row(f"early jobs are small: part-time share of jobs at {month} months", "> 0.5 (most)",
                         part_time, part_time.mean() > 0.5, "brief §4, §7 (003, 004)"))
        temporary = _share(dataset, "in_temporary_work", "all", month, "in_paid_work")
        rows.append(_row(f"early jobs are temporary: temporary share of jobs at {month} months", "> 0.5 (most)",
                         temporary, temporary.mean() > 0.5, "brief §4, §7 (003, 004)"))
    work_last = _share(dataset, "in_paid_work", "all", last)
    rows.append(_row(f"only slow improvement: work share at {last} months", "< 0.5 (a minority works)",
                     work_last, work_last.mean() < 0.5, "brief §7"))
    bijstand_last = _share(dataset, "on_bijstand", "all", last)
    rows.append(_row(f"only slow improvement: bijstand share at {last} months", "> 0.4 (many still on bijstand)",
                     bijstand_last, bijstand_last.mean() > 0.4, "brief §7"))
    durable = _share(dataset, "in_work_12_months_or_more", "all", 42, "in_paid_work")
    rows.append(_row("jobs at 42 months held for 12 months or more", "a minority (high turnover of temp jobs)",
                     durable, durable.mean() < 0.5, "brief §4 (high dropout from temp jobs)"))
    passed = _share(dataset, "inburgering_passed", "all", 42)
    rows.append(_row("inburgering exam passed at 42 months", "about 0.30 (2017/18, horizon not stated)",
                     passed, abs(passed.mean() - 0.30) <= 0.10, "brief §7 (003, Amersfoort comparison)"))
    poor = _share(dataset, "below_poverty_line", "all", 42)
    rows.append(_row("persons in households below the poverty line at 42 months", "about 0.53 (refugee households)",
                     poor, abs(poor.mean() - 0.53) <= 0.10, "brief §7 (002)"))
    return pd.DataFrame(rows)


def run_untuned_checks(scenario: Scenario, seed: int = 1, replicates: int = 20, agents: int | None = None) -> pd.DataFrame:
    """Run ``scenario`` (with ``agents`` as cohort size if given) and return ``untuned_checks``."""
    if agents is not None:
        scenario = scenario.override({"cohort.size": agents})
    return untuned_checks(scenario.run(seed=seed, replicates=replicates, threads=1))
