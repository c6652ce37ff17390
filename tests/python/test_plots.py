"""The plotting module: each function draws the expected artists with labels in words, for small
runs of real scenarios (structure and behaviour only; no model figures are asserted)."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.collections import PolyCollection  # noqa: E402
from matplotlib.container import BarContainer  # noqa: E402

import taalwerk  # noqa: E402
from conftest import REPO  # noqa: E402
from taalwerk import plotting  # noqa: E402
from taalwerk.plotting.flows import FlowState  # noqa: E402
from taalwerk.plotting.style import scenario_styles  # noqa: E402

SCENARIOS = ("sequential", "parallel", "work-first")
SMALL = {"cohort.size": 1500, "run.months": 30}


@pytest.fixture(scope="module")
def results():
    return {name: taalwerk.run(REPO / "scenarios" / f"{name}.toml", seed=3, replicates=4, threads=1, overrides=SMALL)
            for name in SCENARIOS}


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def legend_texts(ax) -> list[str]:
    legend = ax.get_legend()
    return [text.get_text() for text in legend.get_texts()] if legend else []


def test_trajectories_draw_a_line_and_band_per_scenario(results):
    figure = plotting.plot_trajectories(results, "in_paid_work")
    ax = figure.axes[0]
    lines = [line for line in ax.get_lines() if line.get_label() in SCENARIOS]
    assert [line.get_label() for line in lines] == list(SCENARIOS)
    assert sum(isinstance(c, PolyCollection) for c in ax.collections) == len(SCENARIOS)  # one band each
    assert ax.get_xlabel() == "Months since the residence permit"
    assert "Share in paid work" in ax.get_ylabel() and "% of adults" in ax.get_ylabel()
    assert legend_texts(ax) == list(SCENARIOS)
    # Shares are in percent: the mean line stays within 0..100.
    assert all(0 <= y <= 100 for line in lines for y in line.get_ydata())


def test_scenario_styles_differ_in_more_than_colour_and_stay_the_same_across_figures(results):
    styles = scenario_styles(SCENARIOS)
    assert len({s.linestyle for s in styles.values()}) == len(SCENARIOS)
    assert len({s.marker for s in styles.values()}) == len(SCENARIOS)
    assert len({s.hatch for s in styles.values()}) == len(SCENARIOS)
    first = plotting.plot_trajectories(results, "in_paid_work").axes[0]
    second = plotting.plot_trajectories(results, "on_bijstand").axes[0]
    for a, b in zip(first.get_lines(), second.get_lines()):
        assert (a.get_color(), a.get_linestyle(), a.get_marker()) == (b.get_color(), b.get_linestyle(), b.get_marker())


def test_euro_indicators_are_labelled_in_euros(results):
    ax = plotting.plot_trajectories(results, "cost_total").axes[0]
    assert "euros" in ax.get_ylabel()


def test_paired_differences_against_the_first_scenario(results):
    figure = plotting.plot_paired_differences(results, "on_bijstand")
    ax = figure.axes[0]
    labels = [line.get_label() for line in ax.get_lines()]
    assert "sequential (baseline)" in labels
    assert "parallel − sequential" in labels and "work-first − sequential" in labels
    assert sum(isinstance(c, PolyCollection) for c in ax.collections) == 2
    assert "percentage points" in ax.get_ylabel()
    # The baseline against itself would be zero everywhere: the zero line is drawn at 0.
    zero = next(line for line in ax.get_lines() if line.get_label() == "sequential (baseline)")
    assert set(np.asarray(zero.get_ydata(), dtype=float)) == {0.0}


def test_paired_differences_refuse_unpaired_runs(results):
    other_seed = taalwerk.run(REPO / "scenarios" / "parallel.toml", seed=4, replicates=4, threads=1, overrides=SMALL)
    with pytest.raises(ValueError, match="same seed"):
        plotting.plot_paired_differences({"sequential": results["sequential"], "parallel": other_seed}, "in_paid_work")
    with pytest.raises(ValueError, match="at least one other"):
        plotting.plot_paired_differences({"sequential": results["sequential"]}, "in_paid_work")


def test_group_breakdown_has_a_hatched_bar_per_scenario_and_group(results):
    ax = plotting.plot_group_breakdown(results, "in_paid_work", breakdown="sex", month=24).axes[0]
    bars = [c for c in ax.containers if isinstance(c, BarContainer)]
    assert [b.get_label() for b in bars] == list(SCENARIOS)
    assert all(len(b.patches) == 2 for b in bars)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Men", "Women"]
    assert len({b.patches[0].get_hatch() for b in bars}) == len(SCENARIOS)
    assert ax.get_xlabel() == "Sex" and "month 24" in ax.get_title()


def test_group_breakdowns_leave_out_empty_cells_and_single_cell_breakdowns(results):
    figure = plotting.plot_group_breakdowns(results, "in_paid_work", month=24)
    titles = [ax.get_title() for ax in figure.axes if ax.get_visible()]
    assert "Sex" in titles and "Education" in titles
    # One national municipality on one pathway: those breakdowns have one populated cell.
    assert "Pathway" not in titles and "Municipality" not in titles
    with pytest.raises(KeyError, match="breakdown"):
        plotting.plot_group_breakdown(results, "in_paid_work", breakdown="shoe_size")


def test_state_flow_layers_add_up_to_everyone(results):
    dataset = results["parallel"]
    present, layers = plotting.state_layers(dataset)
    assert present[-1].label == "Anything else"
    assert np.allclose(layers.sum(axis=0), 100.0)
    assert (layers >= -1e-9).all()
    ax = plotting.plot_state_flow(dataset).axes[0]
    polys = [c for c in ax.collections if isinstance(c, PolyCollection)]
    assert len(polys) == len(present)
    assert ax.get_ylabel() == "Share of adults (%)" and ax.get_xlabel() == "Months since the residence permit"
    assert legend_texts(ax)[0] == "Anything else"


def test_state_flow_skips_states_the_model_does_not_report(results):
    states = (FlowState("in_reception", "AZC", "#999999", "xx"), FlowState("in_teleportation", "Elsewhere", "#123456", ""))
    present, layers = plotting.state_layers(results["sequential"], states)
    assert [s.indicator for s in present] == ["in_reception", ""]
    assert layers.shape == (2, results["sequential"].sizes["month"])
    figure = plotting.plot_state_flows(results)
    assert [ax.get_title() for ax in figure.axes if ax.get_visible()] == list(SCENARIOS)


def test_cost_against_outcome(results):
    table = plotting.cost_outcome_table(results)
    assert list(table["scenario"]) == ["parallel", "work-first"]
    assert {"extra_outcome_per_1000", "extra_cost_per_1000", "cost_per_extra_person", "note"} <= set(table.columns)
    ax = plotting.plot_cost_against_outcome(results).axes[0]
    texts = legend_texts(ax)
    assert texts[0] == "sequential (baseline)" and texts[1].startswith("parallel: ")
    assert "per extra person" in texts[1] or "undefined" in texts[1]
    assert "durable work" in ax.get_xlabel() and "euros" in ax.get_ylabel()
    assert {t.get_text() for t in ax.texts} >= {"parallel", "work-first"}


def test_sweep_heatmap_from_a_table():
    table = pd.DataFrame({"labour.tightness": [0.5, 1.0, 0.5, 1.0], "municipalities.national.pathway":
                          ["sequential", "sequential", "parallel", "parallel"], "in_paid_work share mean": [0.1, 0.2, 0.15, 0.3]})
    figure = plotting.plot_sweep_heatmap(table, "in_paid_work", "labour.tightness", "municipalities.national.pathway")
    ax = figure.axes[0]
    assert ax.get_xlabel() == "labour.tightness (factor)"
    assert ax.get_ylabel().startswith("municipalities.national.pathway")
    assert len(ax.images) == 1 and ax.images[0].get_array().shape == (2, 2)
    assert len(ax.texts) == 4  # every cell written as a number, readable without colour
    assert len(figure.axes) == 2  # and a colour bar
    with pytest.raises(KeyError, match="labour.tightnes"):
        plotting.plot_sweep_heatmap(table, "in_paid_work", "labour.tightnes", "municipalities.national.pathway")


def test_sweep_heatmap_from_a_sweep_store(tmp_path):
    sweep = taalwerk.Sweep(base=REPO / "scenarios" / "default.toml",
                           parameters={"labour.tightness": [0.5, 1.5], "municipalities.national.pathway": ["sequential", "parallel"]},
                           replicates=2, seed=1, overrides={"cohort.size": 500, "run.months": 12})
    result = sweep.run(tmp_path / "grid.h5", workers=1, progress=False)
    ax = plotting.plot_sweep_heatmap(result, "in_paid_work", "labour.tightness", "municipalities.national.pathway").axes[0]
    assert ax.images[0].get_array().shape == (2, 2)
    assert "% of adults" in ax.figure.axes[1].get_ylabel()


def test_sensitivity_chart_for_sobol_and_morris_indices():
    sobol = pd.DataFrame({"S1": [0.5, 0.1], "S1_conf": [0.05, 0.02], "ST": [0.6, 0.2], "ST_conf": [0.05, 0.03]},
                         index=pd.Index(["labour.tightness", "labour.female_factor"], name="parameter"))
    ax = plotting.plot_sensitivity(sobol, outcome="the share in work").axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["labour.female_factor", "labour.tightness"]  # largest on top
    bars = [c for c in ax.containers if isinstance(c, BarContainer)]
    assert len(bars) == 2 and bars[1].patches[0].get_hatch() == "//"
    assert "Sobol" in ax.get_xlabel() and "Sobol" in ax.get_title()
    morris = pd.DataFrame({"mu": [0.1, -0.2], "mu_star": [0.1, 0.3], "sigma": [0.05, 0.1], "mu_star_conf": [0.01, 0.02]},
                          index=pd.Index(["a", "b"], name="parameter"))
    ax = plotting.plot_sensitivity(morris).axes[0]
    assert "Morris" in ax.get_title() and [t.get_text() for t in ax.get_yticklabels()] == ["a", "b"]
    with pytest.raises(KeyError, match="sensitivity"):
        plotting.plot_sensitivity(pd.DataFrame({"x": [1]}))


def test_functions_draw_into_a_given_axes(results):
    figure, axes = plt.subplots(1, 2)
    assert plotting.plot_trajectories(results, "in_paid_work", ax=axes[0]) is figure
    assert plotting.plot_state_flow(results["sequential"], ax=axes[1]) is figure


def test_unknown_indicator_and_group_are_clear_errors(results):
    with pytest.raises(KeyError, match="in_paid_wrk"):
        plotting.plot_trajectories(results, "in_paid_wrk")
    with pytest.raises(KeyError, match="group 'sex=other'"):
        plotting.plot_trajectories(results, "in_paid_work", group="sex=other")
