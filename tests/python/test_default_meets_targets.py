"""Issue 6, point 2, in a CI-sized run: the default scenario (based on the calibrated point) lands
within 2 percentage points of the observed work and benefit shares of the 2014 permit cohort
(model brief §7), and each observed value lies inside the default's 90% band over the ensemble
of acceptable parameter sets (parameter and stochastic uncertainty together)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import taalwerk
from taalwerk.calibration import CalibrationSpec
from taalwerk.calibration.targets import measure
from taalwerk.uncertainty import run_ensemble

REPO = Path(__file__).resolve().parents[2]
SPEC = CalibrationSpec.load(REPO / "scenarios" / "calibration" / "national-2014.calibration.toml")
TARGETS = [t for t in SPEC.targets if t.kind == "share" and t.indicator in ("in_paid_work", "on_bijstand")]
ENSEMBLE = REPO / "scenarios" / "calibration" / "national-2014-ensemble.toml"


@pytest.fixture(scope="module")
def default_run():
    return taalwerk.run(REPO / "scenarios" / "default.toml", seed=1, replicates=5, threads=1)


@pytest.fixture(scope="module")
def ensemble_run():
    return run_ensemble(REPO / "scenarios" / "default.toml", ENSEMBLE, seed=1, replicates=4, threads=1)


def test_the_five_work_and_benefit_targets_are_checked():
    assert {(t.indicator, t.months[0]) for t in TARGETS} == {
        ("in_paid_work", 18), ("in_paid_work", 30), ("in_paid_work", 42), ("on_bijstand", 30), ("on_bijstand", 42)}


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t.name)
def test_default_is_within_two_points_of_the_target(default_run, target):
    model = float(np.mean(measure(target, default_run)))
    assert abs(model - target.value) <= 0.02, f"{target.name}: model {model:.3f}, observed {target.value:.3f}"


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t.name)
def test_observed_value_lies_in_the_default_s_ensemble_band(ensemble_run, target):
    values = np.concatenate([measure(target, ensemble_run.isel(member=m)) for m in range(ensemble_run.sizes["member"])])
    low, high = np.quantile(values, [0.05, 0.95])
    assert low <= target.value <= high, f"{target.name}: observed {target.value:.3f} outside [{low:.3f}, {high:.3f}]"
