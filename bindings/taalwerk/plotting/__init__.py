"""Figures of taalwerk results (matplotlib): trajectories with quantile bands, paired
differences against a baseline, breakdowns by group, the flow of people between states, cost
against outcome, and sweep views (heat map, sensitivity chart).

Every function takes results as ``{scenario name: dataset}`` (datasets from ``taalwerk.run``,
``Scenario.run`` or ``SweepResult.point``), returns the matplotlib ``Figure`` and accepts an
``ax`` to draw into. The order of the scenarios fixes each one's colour, line style, marker
and hatch, the same in every figure; figures read in black and white.
"""
from __future__ import annotations

from .breakdowns import SUBGROUP_BREAKDOWNS, plot_group_breakdown, plot_group_breakdowns
from .cost_outcome import cost_outcome_table, plot_cost_against_outcome
from .differences import plot_paired_differences
from .flows import DEFAULT_FLOW_STATES, FlowState, plot_state_flow, plot_state_flows, state_layers
from .style import ScenarioStyle, scenario_styles
from .sweeps import plot_sensitivity, plot_sweep_heatmap
from .trajectories import plot_trajectories

__all__ = [
    "plot_trajectories", "plot_paired_differences", "plot_group_breakdown", "plot_group_breakdowns",
    "plot_state_flow", "plot_state_flows", "state_layers", "FlowState", "DEFAULT_FLOW_STATES",
    "plot_cost_against_outcome", "cost_outcome_table", "plot_sweep_heatmap", "plot_sensitivity",
    "ScenarioStyle", "scenario_styles", "SUBGROUP_BREAKDOWNS",
]
