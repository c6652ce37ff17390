"""Paired comparison: differences are those of the single runs, summaries and policy measures
are computed from them, and undefined ratios are reported, never divided silently."""
from __future__ import annotations

import numpy as np
import pytest

import taalwerk
from conftest import REPO


@pytest.fixture(scope="module")
def scenarios(tmp_path_factory):
    folder = tmp_path_factory.mktemp("compare")
    a = folder / "slack.toml"
    a.write_text(f'base = "{REPO / "scenarios" / "default.toml"}"\n[run]\nmonths = 30\n[cohort]\nsize = 2000\n'
                 '[labour]\ntightness = 0.5\n')
    b = folder / "tight.toml"  # a much tighter labour market: certainly more people in (durable) work
    b.write_text('base = "slack"\n[labour]\ntightness = 3.0\n')
    return a, b


@pytest.fixture(scope="module")
def runs(scenarios):
    a, b = scenarios
    return taalwerk.run(a, seed=2, replicates=6), taalwerk.run(b, seed=2, replicates=6)


def test_differences_are_those_of_the_single_runs(runs, scenarios):
    a, b = runs
    comparison = taalwerk.compare(a, b)
    assert set(comparison.indicators) == set(taalwerk.indicator_names(a))
    for name in comparison.indicators:
        np.testing.assert_array_equal(comparison.differences[name].values, b[name].values - a[name].values, err_msg=name)
    assert comparison.differences["cost_total"].attrs["units"] == "EUR"
    # Files and Scenario objects are run with the given seed: the same comparison.
    from_files = taalwerk.compare(*scenarios, seed=2, replicates=6)
    from_objects = taalwerk.compare(taalwerk.Scenario.load(scenarios[0]), taalwerk.Scenario.load(scenarios[1]), seed=2, replicates=6)
    for other in (from_files, from_objects):
        np.testing.assert_array_equal(other.differences["in_paid_work"].values, comparison.differences["in_paid_work"].values)


def test_summary_is_mean_and_quantiles_of_the_paired_differences(runs):
    a, b = runs
    table = taalwerk.compare(a, b).summary(months=[12, 29], groups=["all", "sex=female"],
                                           indicators=["in_paid_work", "cost_total"], shares=True)
    assert len(table) == 2 * 2 * 2
    row = table.query("indicator == 'in_paid_work' and group == 'sex=female' and month == 29").iloc[0]
    share = lambda ds: (ds.in_paid_work / ds.persons).sel(group="sex=female", month=29).values  # noqa: E731
    difference = share(b) - share(a)
    assert row["units"] == "share"
    assert row["difference_mean"] == pytest.approx(difference.mean(), abs=1e-15)
    assert row["difference_q05"] == pytest.approx(np.quantile(difference, 0.05), abs=1e-15)
    assert row["difference_q95"] == pytest.approx(np.quantile(difference, 0.95), abs=1e-15)
    cost = table.query("indicator == 'cost_total' and group == 'all' and month == 12").iloc[0]
    assert cost["units"] == "EUR"
    assert cost["difference_q50"] == pytest.approx(np.median((b.cost_total - a.cost_total).sel(group="all", month=12).values))


def test_policy_measures_from_the_paired_replicates(runs):
    a, b = runs
    comparison = taalwerk.compare(a, b)
    share = lambda ds, name: (ds[name] / ds.persons).sel(group="all")  # noqa: E731
    avoided = comparison.bijstand_months_avoided()
    expected = (share(a, "on_bijstand") - share(b, "on_bijstand")).sum("month").values
    np.testing.assert_allclose(avoided.values, expected, rtol=1e-12)
    assert avoided.mean == pytest.approx(expected.mean()) and set(avoided.band) == {"q05", "q50", "q95"}
    change = comparison.employment_change(month=24)
    np.testing.assert_allclose(change.values, (share(b, "in_paid_work") - share(a, "in_paid_work")).sel(month=24).values)
    cost = comparison.cost_per_extra_durable_worker(horizon=29)
    delta_cost = (b.cost_total - a.cost_total).sel(group="all", month=slice(0, 29)).sum("month").values
    delta_durable = (b.in_work_6_months_or_more - a.in_work_6_months_or_more).sel(group="all", month=29).values
    assert delta_durable.mean() > 0
    assert cost.value == pytest.approx(delta_cost.mean() / delta_durable.mean())
    with pytest.raises(ValueError, match="outside the runs"):
        comparison.employment_change(month=42)


def test_undefined_cost_per_person_is_reported_not_divided(runs):
    a, b = runs
    same = taalwerk.compare(a, a).cost_per_extra_durable_worker()
    assert np.isnan(same.value) and "does not raise" in same.note and np.isnan(same.per_replicate).all()
    worse = taalwerk.compare(b, a).cost_per_extra_durable_worker()  # fewer in durable work
    assert np.isnan(worse.value) and "undefined" in worse.note
    row = worse.as_row()
    assert np.isnan(row["mean"]) and np.isnan(row["q05"]) and row["note"]


def test_only_paired_runs_are_compared(scenarios, runs):
    a, _ = runs
    other_seed = taalwerk.run(scenarios[1], seed=3, replicates=6)
    with pytest.raises(ValueError, match="same seed"):
        taalwerk.compare(a, other_seed)
    fewer = taalwerk.run(scenarios[1], seed=2, replicates=5)
    with pytest.raises(ValueError, match="replicate"):
        taalwerk.compare(a, fewer)
    with pytest.raises(KeyError, match="available"):
        taalwerk.compare(a, a, indicators=["in_paid_wrok"])


def test_sweep_points_compare_like_single_runs(scenarios, runs, tmp_path):
    a, b = runs
    sweep = taalwerk.Sweep(base=scenarios[0], parameters={"labour.tightness": [0.5, 3.0]}, replicates=6, seed=2)
    result = sweep.run(tmp_path / "pathways.h5", progress=False)
    from_sweep = result.compare(0, 1)
    from_runs = taalwerk.compare(a, b)
    for name in from_runs.indicators:
        np.testing.assert_array_equal(from_sweep.differences[name].values, from_runs.differences[name].values)
