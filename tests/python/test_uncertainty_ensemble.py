"""Runs and paired comparisons over an ensemble of parameter sets carry both spreads."""
from __future__ import annotations

import numpy as np
import pytest

import taalwerk
from taalwerk.calibration import Ensemble

KEY = "labour.base_job_finding_rate"
PATHWAY = "municipalities.national.pathway"


@pytest.fixture
def ensemble(small_scenario) -> Ensemble:
    """Three members around the scenario's own value (the 'calibrated point' here)."""
    own = taalwerk.Scenario(small_scenario)[KEY]
    return Ensemble(name="test", parameters=(KEY,), point={KEY: own},
                    members=({KEY: own}, {KEY: 1.8 * own}, {KEY: 0.6 * own}), trials=(0, 1, 2), distances=(0.1, 0.2, 0.3))


def test_ensemble_file_round_trip(ensemble, tmp_path):
    path = ensemble.save(tmp_path / "e.toml")
    again = Ensemble.load(path)
    assert again.members == ensemble.members and again.point == ensemble.point
    assert again.table()["distance"].tolist() == [0.1, 0.2, 0.3]


def test_run_over_the_ensemble(ensemble, small_scenario):
    dataset = taalwerk.run_ensemble(small_scenario, ensemble, replicates=2, threads=1)
    assert dataset["in_paid_work"].dims == ("member", "replicate", "month", "group")
    work = dataset["in_paid_work"].sel(group="all", month=23).mean("replicate").values
    assert work[1] > work[0] > work[2]  # faster job finding, more work


def test_comparison_over_the_ensemble(ensemble, small_scenario):
    sequential = taalwerk.Scenario(small_scenario)
    parallel = sequential.override({PATHWAY: "parallel"})
    comparison = taalwerk.compare_over_ensemble(sequential, parallel, ensemble, replicates=3, threads=1)
    change = comparison.employment_change(month=23)
    assert change.values.shape == (3, 3)
    assert change.parameter_sd > 0 and change.stochastic_sd > 0
    assert change.band["q05"] <= change.mean <= change.band["q95"]
    # Member 0 is the point itself: exactly the plain paired comparison.
    plain = taalwerk.compare(sequential, parallel, replicates=3, threads=1).employment_change(month=23)
    np.testing.assert_array_equal(change.values[0], plain.values)
    headline = comparison.headline(months=[23])
    assert {"parameter_sd", "stochastic_sd", "q05", "q95"} <= set(headline.columns)
    summary = comparison.summary(months=[12, 23], indicators=["in_paid_work"], shares=True)
    assert summary["difference_mean"].iloc[1] == pytest.approx(change.mean)
    assert comparison.differences["in_paid_work"].dims == ("member", "replicate", "month", "group")


def test_keys_a_scenario_sets_itself_are_kept(ensemble, small_scenario):
    own = taalwerk.Scenario(small_scenario).override({KEY: 0.2})
    with pytest.raises(ValueError, match="not based on it"):
        ensemble.scenarios(own)  # its only ensemble key differs from the point: not based on it
    assert [s[KEY] for s in ensemble.scenarios(own, keep=[KEY])] == [0.2, 0.2, 0.2]
    assert [s[KEY] for s in ensemble.scenarios(own, keep=[])] == [m[KEY] for m in ensemble.members]
    two_keys = Ensemble(name="t", parameters=(KEY, "labour.tightness"), point={KEY: ensemble.point[KEY], "labour.tightness": 1.0},
                        members=({KEY: 0.07, "labour.tightness": 0.8},), trials=(0,), distances=(0.0,))
    (member,) = two_keys.scenarios(own)
    assert member[KEY] == 0.2 and member["labour.tightness"] == 0.8
