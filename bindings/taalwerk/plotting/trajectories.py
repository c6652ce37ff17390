"""An indicator month by month for several scenarios: mean line and quantile band over replicates."""
from __future__ import annotations

from typing import Mapping, Sequence

import matplotlib.pyplot as plt
import xarray as xr
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from .labels import MONTHS_AXIS, group_words, indicator_words, value_axis_label
from .series import DEFAULT_BAND, band, check_results, values
from .style import BAND_ALPHA, ScenarioStyle, figure_style, marker_every, scenario_styles


def plot_trajectories(
    results: Mapping[str, xr.Dataset],
    indicator: str,
    *,
    group: str = "all",
    share: bool = True,
    quantiles: Sequence[float] = DEFAULT_BAND,
    styles: Mapping[str, ScenarioStyle] | None = None,
    ax: Axes | None = None,
    title: str | None = None,
) -> Figure:
    """One line per scenario (mean over replicates) with a shaded band between the ``quantiles``.

    ``results`` maps scenario names to datasets from ``taalwerk.run`` (the order fixes each
    scenario's style). Counts of persons are shown as a share of ``group`` in %.
    """
    check_results(results)
    with figure_style():
        if ax is None:
            _, ax = plt.subplots(figsize=(7, 4), layout="constrained")
        chosen = scenario_styles(results, styles)
        for name, dataset in results.items():
            mean, low, high = band(values(dataset, indicator, group, share), quantiles)
            months = mean["month"].values
            style = chosen[name]
            ax.fill_between(months, low.values, high.values, color=style.color, alpha=BAND_ALPHA, linewidth=0,
                            label="_band")
            ax.plot(months, mean.values, label=name, markevery=marker_every(len(months)), **style.line_kwargs())
        first = next(iter(results.values()))
        ax.set_xlabel(MONTHS_AXIS)
        ax.set_ylabel(value_axis_label(first, indicator, share))
        low_q, high_q = quantiles
        ax.set_title(title or f"{group_words(group)}: {indicator_words(indicator, first)}")
        ax.legend(title=f"Scenario (band: {low_q:.0%}–{high_q:.0%} of replicates)", loc="best", frameon=False)
        ax.set_xlim(left=0)
        return ax.figure
