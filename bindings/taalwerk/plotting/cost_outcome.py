"""Cost against outcome: for each scenario against the baseline, the extra people in durable
work (x) and the extra public cost (y), with the cost per extra person in durable work.

Both are paired differences (same seeds), so the error bars (5%–95% over replicates) are the
policy's uncertainty, not noise between runs. A point to the right and below the origin is
better and cheaper; lines through the origin mark constant cost per extra durable worker.
"""
from __future__ import annotations

from typing import Mapping

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import xarray as xr
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ..paired_comparison import compare
from .labels import indicator_words
from .series import check_results, checked_month
from .style import ScenarioStyle, figure_style, scenario_styles

QUANTILES = (0.05, 0.95)
PER = 1000  # differences are shown per 1,000 adults of the cohort
MILLION = 1e6


def cost_outcome_table(
    results: Mapping[str, xr.Dataset],
    *,
    baseline: str | None = None,
    horizon: int | None = None,
    cost: str = "cost_total",
    outcome: str = "in_work_6_months_or_more",
    group: str = "all",
) -> pd.DataFrame:
    """One row per scenario other than the baseline: extra persons with ``outcome`` at the
    horizon and extra cumulative ``cost`` (months 0..horizon), both per 1,000 adults, with their
    5%/95% quantiles, and the cost per extra person (``PairedComparison.cost_per_extra_durable_worker``)."""
    check_results(results)
    baseline = baseline or next(iter(results))
    reference = results[baseline]
    horizon = checked_month(reference, horizon)
    rows = []
    for name, dataset in results.items():
        if name == baseline:
            continue
        comparison = compare(reference, dataset, indicators=[cost, outcome, "persons"])
        ratio = comparison.cost_per_extra_durable_worker(horizon=horizon, group=group, cost=cost, outcome=outcome)
        persons = reference["persons"].sel(group=group, month=horizon).values
        scale = PER / persons
        extra_people = ratio.delta_outcome.values * scale
        extra_cost = ratio.delta_cost.values * scale
        band = ratio.as_row()
        rows.append({
            "scenario": name, "baseline": baseline, "horizon": horizon,
            "extra_outcome_per_1000": float(np.mean(extra_people)),
            "extra_outcome_q05": float(np.quantile(extra_people, QUANTILES[0])),
            "extra_outcome_q95": float(np.quantile(extra_people, QUANTILES[1])),
            "extra_cost_per_1000": float(np.mean(extra_cost)),
            "extra_cost_q05": float(np.quantile(extra_cost, QUANTILES[0])),
            "extra_cost_q95": float(np.quantile(extra_cost, QUANTILES[1])),
            "cost_per_extra_person": ratio.value,
            "cost_per_extra_person_q05": band.get("q05", np.nan),
            "cost_per_extra_person_q95": band.get("q95", np.nan),
            "note": ratio.note,
        })
    return pd.DataFrame(rows)


def cost_per_person_words(value: float) -> str:
    """'€12,300 per extra person', 'saves €4,000 per extra person', or why it is undefined."""
    if not np.isfinite(value):
        return "no extra people in the outcome (cost per person undefined)"
    if value < 0:
        return f"saves €{-value:,.0f} per extra person"
    return f"€{value:,.0f} per extra person"


def plot_cost_against_outcome(
    results: Mapping[str, xr.Dataset],
    *,
    baseline: str | None = None,
    horizon: int | None = None,
    cost: str = "cost_total",
    outcome: str = "in_work_6_months_or_more",
    group: str = "all",
    styles: Mapping[str, ScenarioStyle] | None = None,
    ax: Axes | None = None,
    title: str | None = None,
) -> Figure:
    """Each scenario as a point (extra people in ``outcome``, extra cost) per 1,000 adults against
    the baseline (the origin), with 5%–95% error bars and its cost per extra person as a label."""
    table = cost_outcome_table(results, baseline=baseline, horizon=horizon, cost=cost, outcome=outcome, group=group)
    baseline = baseline or next(iter(results))
    reference = results[baseline]
    horizon = checked_month(reference, horizon)
    with figure_style():
        if ax is None:
            _, ax = plt.subplots(figsize=(7, 4.5), layout="constrained")
        chosen = scenario_styles(results, styles)
        ax.axhline(0, color="black", linewidth=0.8)
        ax.axvline(0, color="black", linewidth=0.8)
        ax.plot([0], [0], linestyle="none", label=f"{baseline} (baseline)", **{
            k: v for k, v in chosen[baseline].line_kwargs().items() if k not in ("linestyle", "linewidth")})
        for row in table.itertuples():
            style = chosen[row.scenario]
            x, y = row.extra_outcome_per_1000, row.extra_cost_per_1000 / MILLION
            xerr = [[max(x - row.extra_outcome_q05, 0)], [max(row.extra_outcome_q95 - x, 0)]]
            yerr = [[max(y - row.extra_cost_q05 / MILLION, 0)], [max(row.extra_cost_q95 / MILLION - y, 0)]]
            ax.errorbar([x], [y], xerr=xerr, yerr=yerr, color=style.color, marker=style.marker, markersize=8,
                        markeredgecolor="black", capsize=3, linestyle="none",
                        label=f"{row.scenario}: {cost_per_person_words(row.cost_per_extra_person)}")
            ax.annotate(row.scenario, (x, y), textcoords="offset points", xytext=(8, 6), fontsize=9)
        ax.set_xlabel(f"Extra people {indicator_words(outcome, reference)} at month {horizon} (per 1,000 adults)")
        ax.set_ylabel(f"Extra public cost, months 0–{horizon}\n(million euros per 1,000 adults)")
        ax.margins(0.15)
        ax.set_title(title or f"Cost against outcome, compared with {baseline}")
        ax.legend(loc="best", frameon=False, title="Scenario: cost per extra person (error bars: 5%–95%)")
        return ax.figure
