"""Calibration files are checked before anything runs, with messages that name the problem."""
from __future__ import annotations

import copy
from pathlib import Path

import numpy as np
import pytest
import xarray as xr

from taalwerk.calibration import CalibrationError, CalibrationSpec
from taalwerk.calibration.targets import annual_exit_rates, discrepancy, distance

REPO = Path(__file__).resolve().parents[2]
SHIPPED = REPO / "scenarios" / "calibration" / "national-2014.calibration.toml"
MINIMAL = {
    "base": str(REPO / "scenarios" / "default.toml"),
    "parameters": {"labour.base_job_finding_rate": {}},
    "targets": [{"name": "work 42", "indicator": "in_paid_work", "month": 42, "value": 0.25}],
}


def spec_with(**changes) -> CalibrationSpec:
    table = copy.deepcopy(MINIMAL)
    table.update(changes)
    return CalibrationSpec.from_dict(table)


def test_shipped_specification_loads():
    spec = CalibrationSpec.load(SHIPPED)
    assert spec.name == "national-2014"
    assert {t.name for t in spec.targets} >= {"work share at 18 months", "benefit share at 42 months"}
    assert spec.scenario()["cohort.size"] == spec.agents


def test_prior_defaults_to_the_parameter_table_range():
    parameter = spec_with().parameters[0]
    assert (parameter.low, parameter.high) == (0.0, 1.0)  # docs/parameters.md: 0 to 1


@pytest.mark.parametrize("changes, message", [
    ({"sampler": 1}, "unknown key 'sampler'"),
    ({"parameters": {"labour.tightnes": {}}}, "not a scenario parameter"),
    ({"parameters": {"labour.tightness": {"range": [0.5, 9.0]}}}, "key 'range'"),
    ({"parameters": {"labour.tightness": {"rnage": [0.5, 2.0]}}}, "did you mean 'range'"),
    ({"parameters": {"municipalities.national.pathway": {}}}, "only real and integer"),
    ({"targets": [{"name": "x", "indicator": "in_paid_work", "month": 42}]}, "exactly one of 'value' or 'band'"),
    ({"targets": [{"name": "x", "kind": "ratio", "numerator": "in_paid_work", "month": 42, "value": 1.0}]}, "needs 'denominator'"),
    ({"targets": [{"name": "x", "indicator": "in_paid_work", "month": 99, "value": 0.2}]}, "runs 60 months"),
    ({"targets": [{"name": "x", "kind": "share_of", "indicator": "in_paid_work", "month": 9, "value": 0.2}]}, "did you mean 'share'"),
    ({"search": {"sampler": "tpee"}}, "did you mean 'tpe'"),
])
def test_errors_name_the_problem(changes, message):
    with pytest.raises(CalibrationError, match=message):
        spec_with(**changes)


def test_discrepancy_and_distance():
    spec = spec_with(targets=[
        {"name": "a", "indicator": "in_paid_work", "month": 42, "value": 0.25, "scale": 0.01},
        {"name": "b", "kind": "annual_exit_rate", "band": [0.01, 0.05], "scale": 0.01, "weight": 3.0},
    ])
    a, b = spec.targets
    assert discrepancy(a, 0.27) == pytest.approx(2.0)
    assert discrepancy(b, 0.03) == 0.0 and discrepancy(b, 0.0) == pytest.approx(-1.0)
    assert discrepancy(a, float("nan")) == 10.0
    assert distance(spec.targets, {"a": 0.27, "b": 0.0}) == pytest.approx(np.sqrt((4 + 3 * 1) / 4))


def test_annual_exit_rate_is_the_yearly_decline_of_the_share_on_bijstand():
    months = np.arange(30)
    housed = np.full((1, 30, 1), 100.0)
    on_bijstand = np.full((1, 30, 1), 100.0)
    on_bijstand[0, 16:, 0] = 98.0   # 2% leave in the first year after month 4
    on_bijstand[0, 28:, 0] = 94.08  # 4% of those left in the second
    dataset = xr.Dataset({"housed": (("replicate", "month", "group"), housed),
                          "on_bijstand": (("replicate", "month", "group"), on_bijstand)},
                         coords={"replicate": [0], "month": months, "group": ["all"]})
    np.testing.assert_allclose(annual_exit_rates(dataset, 4), [[0.02, 0.04]])


@pytest.mark.parametrize("sampler", ["tpe", "cmaes", "random", "qmc"])
def test_every_documented_sampler_can_be_made(sampler):
    # Each sampler the specification accepts has its package installed (cmaes is a separate one).
    from taalwerk.calibration.search import _sampler

    import optuna

    spec = spec_with(search={"sampler": sampler, "trials": 2})
    study = optuna.create_study(sampler=_sampler(spec))
    study.optimize(lambda trial: (trial.suggest_float("x", 0.0, 1.0) - 0.5) ** 2, n_trials=3)
    assert len(study.trials) == 3
