"""Where people are, month by month: a stacked area of states (AZC, course, placement, jobs,
education, bijstand, anything else).

The model counts each state separately and some overlap (a part-time job next to a language
course, a bijstand top-up next to a job). A stacked area needs each person once, so the states
are taken in priority order and each layer is capped at the people not yet shown; the top
layer is everyone else. With overlaps a later layer can therefore hold some people who are
also in an earlier one (e.g. people on bijstand shown as "on bijstand" include top-ups of
people whose job is drawn below). States the model does not (yet) report are skipped.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
import xarray as xr
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from .labels import MONTHS_AXIS, group_words
from .series import check_results, require, require_group
from .style import figure_style


@dataclass(frozen=True)
class FlowState:
    """One layer: the indicator counting it, its label, fill colour and hatch (for black and white)."""

    indicator: str
    label: str
    color: str
    hatch: str


DEFAULT_FLOW_STATES: tuple[FlowState, ...] = (
    FlowState("in_reception", "In an AZC (reception)", "#999999", "xx"),
    FlowState("in_full_time_work", "Full-time job", "#009E73", ""),
    FlowState("in_part_time_work", "Part-time job", "#56B4E9", "//"),
    FlowState("in_placement", "Work placement", "#F0E442", "\\\\"),
    FlowState("in_education", "Education (MBO/HBO)", "#CC79A7", "oo"),
    FlowState("in_language_course", "Language course", "#E69F00", ".."),
    FlowState("on_bijstand", "On bijstand, none of the above", "#D55E00", "--"),
)
OTHER_STATE = FlowState("", "Anything else", "#FFFFFF", "")


def state_layers(dataset: xr.Dataset, states: Sequence[FlowState] = DEFAULT_FLOW_STATES, group: str = "all",
                 share: bool = True) -> tuple[list[FlowState], np.ndarray]:
    """The states present in ``dataset`` and their layers, shape (state + 'anything else', month):
    mean over replicates, capped in priority order so the layers add up to ``persons``; in % of
    ``group`` when ``share``."""
    require(dataset, "persons")
    require_group(dataset, group)
    present = [state for state in states if state.indicator in dataset.data_vars]
    if not present:
        raise KeyError(f"none of the states {[s.indicator for s in states]} are in the results")
    persons = dataset["persons"].sel(group=group).mean("replicate").values
    remaining = persons.copy()
    layers = []
    for state in present:
        count = dataset[state.indicator].sel(group=group).mean("replicate").values
        layer = np.minimum(count, remaining)
        layers.append(layer)
        remaining = remaining - layer
    layers.append(remaining)
    stacked = np.vstack(layers)
    if share:
        with np.errstate(invalid="ignore", divide="ignore"):
            stacked = np.where(persons > 0, 100.0 * stacked / persons, 0.0)
    return present + [OTHER_STATE], stacked


def plot_state_flow(
    dataset: xr.Dataset,
    *,
    states: Sequence[FlowState] = DEFAULT_FLOW_STATES,
    group: str = "all",
    share: bool = True,
    ax: Axes | None = None,
    title: str | None = None,
    legend: bool = True,
) -> Figure:
    """Stacked area of the states of one scenario over the months (mean over replicates)."""
    with figure_style():
        if ax is None:
            _, ax = plt.subplots(figsize=(7, 4), layout="constrained")
        present, stacked = state_layers(dataset, states, group, share)
        months = dataset["month"].values
        polys = ax.stackplot(months, stacked, labels=[state.label for state in present],
                             colors=[state.color for state in present], edgecolor="black", linewidth=0.4)
        for poly, state in zip(polys, present):
            poly.set_hatch(state.hatch or None)
        ax.set_xlabel(MONTHS_AXIS)
        ax.set_ylabel("Share of adults (%)" if share else "Adults (persons)")
        ax.set_xlim(months[0], months[-1])
        if share:
            ax.set_ylim(0, 100)
        ax.grid(False)
        ax.set_title(title or f"{group_words(group)}: where people are, month by month")
        if legend:
            handles, labels = ax.get_legend_handles_labels()
            ax.legend(handles[::-1], labels[::-1], loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False,
                      title="State (top to bottom)")
        return ax.figure


def plot_state_flows(
    results: Mapping[str, xr.Dataset],
    *,
    states: Sequence[FlowState] = DEFAULT_FLOW_STATES,
    group: str = "all",
    share: bool = True,
) -> Figure:
    """One stacked-area panel per scenario, side by side, with one legend."""
    check_results(results)
    count = len(results)
    columns = min(count, 3)
    rows = -(-count // columns)
    with figure_style():
        figure, axes = plt.subplots(rows, columns, figsize=(4.0 * columns + 2.4, 3.4 * rows + 0.4), sharey=True,
                                    squeeze=False, layout="constrained")
        for ax, (name, dataset) in zip(axes.flat, results.items()):
            plot_state_flow(dataset, states=states, group=group, share=share, ax=ax, title=name, legend=False)
        for ax in list(axes.flat)[count:]:
            ax.set_visible(False)
        for ax in axes[:, 1:].flat:
            ax.set_ylabel("")
        handles, labels = axes.flat[0].get_legend_handles_labels()
        figure.legend(handles[::-1], labels[::-1], loc="outside right center", frameon=False, title="State (top to bottom)")
        figure.suptitle(f"{group_words(group)}: where people are, month by month (mean over replicates)")
        return figure

