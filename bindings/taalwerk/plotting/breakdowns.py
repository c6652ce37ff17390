"""An indicator at one month by population group (sex, origin, education, literacy, age,
pathway, municipality): grouped bars per scenario, with the quantile band as error bars."""
from __future__ import annotations

import textwrap
from typing import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
import xarray as xr
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from .labels import breakdown_words, group_words, indicator_words, value_axis_label
from .series import DEFAULT_BAND, breakdown_groups, breakdowns_of, check_results, checked_month, values
from .style import ScenarioStyle, figure_style, scenario_styles

SUBGROUP_BREAKDOWNS = ("sex", "origin", "education", "literacy", "age", "pathway", "municipality")


def plot_group_breakdown(
    results: Mapping[str, xr.Dataset],
    indicator: str,
    *,
    breakdown: str = "sex",
    month: int | None = None,
    share: bool = True,
    quantiles: Sequence[float] = DEFAULT_BAND,
    styles: Mapping[str, ScenarioStyle] | None = None,
    ax: Axes | None = None,
    title: str | None = None,
    legend: bool = True,
) -> Figure:
    """Bars of ``indicator`` at ``month`` (default: the last) for each cell of ``breakdown``, one
    hatched bar per scenario; error bars span the ``quantiles`` over replicates. Cells with nobody
    in them (e.g. pathways no municipality follows) are left out."""
    check_results(results)
    first = next(iter(results.values()))
    month = checked_month(first, month)
    cells = breakdown_groups(first, breakdown)
    with figure_style():
        if ax is None:
            _, ax = plt.subplots(figsize=(max(5.0, 1.3 * len(cells) * max(1, len(results)) ** 0.5 + 2), 4),
                                 layout="constrained")
        chosen = scenario_styles(results, styles)
        width = 0.8 / len(results)
        positions = np.arange(len(cells))
        for index, (name, dataset) in enumerate(results.items()):
            means, lows, highs = [], [], []
            for cell in cells:
                data = values(dataset, indicator, cell, share).sel(month=month)
                means.append(float(data.mean()))
                lows.append(float(data.quantile(quantiles[0])))
                highs.append(float(data.quantile(quantiles[1])))
            means_array = np.array(means)
            errors = np.vstack([np.clip(means_array - lows, 0, None), np.clip(np.array(highs) - means_array, 0, None)])
            ax.bar(positions + (index - (len(results) - 1) / 2) * width, means_array, width, yerr=errors,
                   capsize=2, error_kw={"elinewidth": 0.8}, label=name, **chosen[name].bar_kwargs())
        ax.set_xticks(positions, [textwrap.fill(group_words(cell), 14) for cell in cells])
        ax.set_xlabel(breakdown_words(breakdown))
        ax.set_ylabel(value_axis_label(first, indicator, share))
        ax.set_title(title or f"{indicator_words(indicator, first).capitalize()} at month {month}, by {breakdown_words(breakdown).lower()}")
        ax.grid(axis="x", visible=False)
        if legend:
            ax.legend(title=f"Scenario (bars: {quantiles[0]:.0%}–{quantiles[1]:.0%})", frameon=False, loc="best")
        return ax.figure


def plot_group_breakdowns(
    results: Mapping[str, xr.Dataset],
    indicator: str,
    *,
    breakdowns: Sequence[str] | None = None,
    month: int | None = None,
    share: bool = True,
    styles: Mapping[str, ScenarioStyle] | None = None,
) -> Figure:
    """One panel per breakdown (default: those of ``SUBGROUP_BREAKDOWNS`` in the results with
    more than one populated cell), sharing the value axis and one legend."""
    check_results(results)
    first = next(iter(results.values()))
    available = breakdowns_of(first)
    chosen_breakdowns = [b for b in (breakdowns or SUBGROUP_BREAKDOWNS) if b in available]
    if breakdowns is None:
        chosen_breakdowns = [b for b in chosen_breakdowns if len(breakdown_groups(first, b)) > 1]
    missing = [b for b in (breakdowns or []) if b not in available]
    if missing or not chosen_breakdowns:
        raise KeyError(f"breakdown(s) {missing or list(SUBGROUP_BREAKDOWNS)} not in the results; breakdowns: {', '.join(available)}")
    month = checked_month(first, month)
    columns = min(3, len(chosen_breakdowns))
    rows = -(-len(chosen_breakdowns) // columns)
    with figure_style():
        figure, axes = plt.subplots(rows, columns, figsize=(4.2 * columns, 3.6 * rows + 0.6), sharey=True,
                                    layout="constrained", squeeze=False)
        for ax, breakdown in zip(axes.flat, chosen_breakdowns):
            plot_group_breakdown(results, indicator, breakdown=breakdown, month=month, share=share, styles=styles,
                                 ax=ax, title=breakdown_words(breakdown), legend=False)
            ax.set_xlabel("")
        for ax in list(axes.flat)[len(chosen_breakdowns):]:
            ax.set_visible(False)
        for ax in axes[:, 1:].flat:
            ax.set_ylabel("")
        handles, labels = axes.flat[0].get_legend_handles_labels()
        figure.legend(handles, labels, loc="outside lower center", ncols=min(len(labels), 4), frameon=False,
                      title="Scenario (error bars: 5%–95% of replicates)")
        figure.suptitle(f"{indicator_words(indicator, first).capitalize()} at month {month}, by group")
        return figure
