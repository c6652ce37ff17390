"""Paired differences against a baseline: each scenario minus the baseline, replicate by
replicate (common random numbers), with the spread over replicates as the uncertainty band."""
from __future__ import annotations

from typing import Mapping, Sequence

import matplotlib.pyplot as plt
import xarray as xr
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from .labels import MONTHS_AXIS, group_words, indicator_words, value_axis_label
from .series import DEFAULT_BAND, band, check_results, paired_values
from .style import BAND_ALPHA, ScenarioStyle, figure_style, marker_every, scenario_styles


def plot_paired_differences(
    results: Mapping[str, xr.Dataset],
    indicator: str,
    *,
    baseline: str | None = None,
    group: str = "all",
    share: bool = True,
    quantiles: Sequence[float] = DEFAULT_BAND,
    styles: Mapping[str, ScenarioStyle] | None = None,
    ax: Axes | None = None,
    title: str | None = None,
) -> Figure:
    """Scenario − baseline per month (mean line, quantile band); ``baseline`` defaults to the
    first scenario. The runs must share seeds and replicates (else ``ValueError``)."""
    check_results(results)
    baseline = baseline or next(iter(results))
    if baseline not in results:
        raise KeyError(f"baseline '{baseline}' is not among the results: {', '.join(results)}")
    if len(results) < 2:
        raise ValueError("a paired-difference plot needs a baseline and at least one other scenario")
    with figure_style():
        if ax is None:
            _, ax = plt.subplots(figsize=(7, 4), layout="constrained")
        chosen = scenario_styles(results, styles)
        reference = results[baseline]
        ax.axhline(0.0, color="black", linewidth=1.0, label=f"{baseline} (baseline)")
        for name, dataset in results.items():
            if name == baseline:
                continue
            mean, low, high = band(paired_values(reference, dataset, indicator, group, share), quantiles)
            months = mean["month"].values
            style = chosen[name]
            ax.fill_between(months, low.values, high.values, color=style.color, alpha=BAND_ALPHA, linewidth=0,
                            hatch=style.hatch or None, edgecolor=style.color, label="_band")
            ax.plot(months, mean.values, label=f"{name} − {baseline}", markevery=marker_every(len(months)),
                    **style.line_kwargs())
        ax.set_xlabel(MONTHS_AXIS)
        ax.set_ylabel(value_axis_label(reference, indicator, share, difference=True))
        low_q, high_q = quantiles
        ax.set_title(title or f"{group_words(group)}: difference with {baseline}, {indicator_words(indicator, reference)}")
        ax.legend(title=f"Paired difference (band: {low_q:.0%}–{high_q:.0%})", loc="best", frameon=False)
        ax.set_xlim(left=0)
        return ax.figure
