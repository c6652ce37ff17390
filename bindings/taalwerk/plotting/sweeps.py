"""Sweep views: a heat map of one outcome over two swept parameters, and a sensitivity chart
(Sobol indices of a Saltelli sweep, Morris elementary effects of a Morris sweep)."""
from __future__ import annotations

from typing import TYPE_CHECKING

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ..report_parameters import axis_label
from .labels import group_words, indicator_words
from .style import figure_style

if TYPE_CHECKING:
    from ..sweep_result import SweepResult


def _format_level(value: object) -> str:
    if isinstance(value, (float, np.floating)):
        return f"{value:g}"
    return str(value).replace("_", " ")


def plot_sweep_heatmap(
    sweep: "SweepResult | pd.DataFrame",
    indicator: str,
    x: str,
    y: str,
    *,
    month: int | None = None,
    group: str = "all",
    share: bool = True,
    value_column: str | None = None,
    ax: Axes | None = None,
    title: str | None = None,
) -> Figure:
    """Mean of ``indicator`` at ``month`` (default: the last) over the grid of two swept
    parameters ``x`` and ``y``; points that share (x, y) but differ in other swept parameters
    are averaged. Each cell is also written as a number, so the map reads without colour.

    ``sweep`` is a ``SweepResult`` or a table with columns ``x``, ``y`` and ``value_column``
    (e.g. from ``SweepResult.summary``)."""
    if isinstance(sweep, pd.DataFrame):
        table = sweep
        column = value_column or next((c for c in table.columns if c.endswith(" mean")), None)
        percent = False
    else:
        table = sweep.summary(indicator, month=month, group=group, share=share, quantiles=())
        column = f"{indicator} share mean" if share else f"{indicator} mean"
        percent = share
    for needed in (x, y, column):
        if needed is None or needed not in table.columns:
            raise KeyError(f"column '{needed}' is not in the sweep table; columns: {', '.join(map(str, table.columns))}")
    grid = table.pivot_table(index=y, columns=x, values=column, aggfunc="mean")
    if percent:
        grid = 100.0 * grid
    with figure_style():
        if ax is None:
            _, ax = plt.subplots(figsize=(1.1 * grid.shape[1] + 3.2, 0.6 * grid.shape[0] + 2.4), layout="constrained")
        image = ax.imshow(grid.values, origin="lower", aspect="auto", cmap="viridis")
        ax.set_xticks(range(grid.shape[1]), [_format_level(v) for v in grid.columns])
        ax.set_yticks(range(grid.shape[0]), [_format_level(v) for v in grid.index])
        ax.grid(False)
        span = np.nanmax(grid.values) - np.nanmin(grid.values) if np.isfinite(grid.values).any() else 0
        middle = np.nanmin(grid.values) + span / 2 if span else np.nan
        for row in range(grid.shape[0]):
            for col in range(grid.shape[1]):
                value = grid.values[row, col]
                if np.isfinite(value):
                    ax.text(col, row, f"{value:.1f}" if percent else f"{value:.3g}", ha="center", va="center",
                            fontsize=9, color="black" if span and value > middle else "white")
        ax.set_xlabel(axis_label(x))
        ax.set_ylabel(axis_label(y))
        words = indicator_words(indicator)
        unit = "% of adults" if percent else "mean over replicates"
        colorbar = ax.figure.colorbar(image, ax=ax)
        colorbar.set_label(f"{'Share ' if percent else ''}{words} ({unit})")
        month_text = f" at month {month}" if month is not None else ""
        ax.set_title(title or f"{group_words(group)}: {words}{month_text}")
        return ax.figure


def plot_sensitivity(
    indices: pd.DataFrame,
    *,
    outcome: str = "the outcome",
    ax: Axes | None = None,
    title: str | None = None,
) -> Figure:
    """Horizontal bars, most influential parameter on top (a tornado layout).

    ``indices`` is ``SweepResult.sensitivity(...)``: with ``S1``/``ST`` columns (Sobol) the
    first-order and total indices are drawn side by side (plain and hatched) with their
    confidence intervals; with ``mu_star`` (Morris) the mean absolute elementary effect with its
    confidence interval and ``sigma`` (interactions, non-linearity) as a hatched bar."""
    if {"S1", "ST"} <= set(indices.columns):
        first, second, first_error, second_error = "S1", "ST", "S1_conf", "ST_conf"
        labels = ("First-order index S1 (this parameter alone)", "Total index ST (with interactions)")
        axis = f"Share of the variance of {outcome} (Sobol index)"
        kind = "Sobol indices"
    elif "mu_star" in indices.columns:
        first, second, first_error, second_error = "mu_star", "sigma", "mu_star_conf", None
        labels = ("μ* (mean absolute effect)", "σ (spread: interactions, non-linearity)")
        axis = f"Elementary effect on {outcome} (per full parameter range)"
        kind = "Morris elementary effects"
    else:
        raise KeyError(f"not a sensitivity table (needs S1 and ST, or mu_star): columns {list(indices.columns)}")
    ordered = indices.sort_values(second if kind == "Sobol indices" else first)
    positions = np.arange(len(ordered))
    height = 0.38
    with figure_style():
        if ax is None:
            _, ax = plt.subplots(figsize=(7, 0.45 * len(ordered) + 1.8), layout="constrained")
        errors = lambda column: ordered[column].to_numpy() if column and column in ordered else None  # noqa: E731
        ax.barh(positions + height / 2, ordered[first].to_numpy(), height, xerr=errors(first_error), capsize=2,
                facecolor="#0072B2", edgecolor="black", label=labels[0])
        ax.barh(positions - height / 2, ordered[second].to_numpy(), height, xerr=errors(second_error), capsize=2,
                facecolor="#E69F00", edgecolor="black", hatch="//", label=labels[1])
        ax.set_yticks(positions, [str(name) for name in ordered.index])
        ax.axvline(0, color="black", linewidth=0.8)
        ax.set_xlabel(axis)
        ax.set_ylabel("Parameter")
        ax.grid(axis="y", visible=False)
        ax.set_title(title or f"Which parameters matter: {kind}")
        ax.legend(loc="lower right", frameon=False)
        return ax.figure
