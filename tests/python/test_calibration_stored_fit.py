"""The stored calibrated scenario reproduces the fit recorded when it was made.

If the model changes on purpose, the fit moves: run the calibration again
(`taalwerk calibrate scenarios/calibration/national-2014.calibration.toml`), check the report and
commit the new files. This test then tells whether the stored scenario is still the one reported.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

import taalwerk
from taalwerk.calibration import CalibrationSpec, Ensemble, measure_all

FOLDER = Path(__file__).resolve().parents[2] / "scenarios" / "calibration"
RECORD = json.loads((FOLDER / "national-2014-fit.json").read_text())
SPEC = CalibrationSpec.load(FOLDER / RECORD["calibration"])
RECALIBRATE = f"re-run `taalwerk calibrate scenarios/calibration/{RECORD['calibration']}` and commit its outputs"


@pytest.fixture(scope="module")
def rerun() -> dict[str, np.ndarray]:
    scenario = taalwerk.Scenario(FOLDER / RECORD["scenario"], {"cohort.size": RECORD["agents"]})
    dataset = scenario.run(seed=RECORD["seed"], replicates=RECORD["replicates"], threads=1)
    return measure_all(SPEC.targets, dataset)


def test_stored_scenario_holds_the_recorded_point():
    scenario = taalwerk.Scenario(FOLDER / RECORD["scenario"])
    for key, value in RECORD["point_values"].items():
        assert scenario[key] == pytest.approx(value, rel=1e-12), key
    ensemble = Ensemble.load(FOLDER / f"{RECORD['name']}-ensemble.toml")
    assert dict(ensemble.point) == pytest.approx(RECORD["point_values"])
    assert len(ensemble) == RECORD["members"]


@pytest.mark.parametrize("target", [t["target"] for t in RECORD["targets"]])
def test_stored_scenario_reproduces_its_recorded_fit(rerun, target):
    recorded = next(t for t in RECORD["targets"] if t["target"] == target)
    values = rerun[target]
    stored = np.asarray(recorded["point_per_replicate"], dtype=float)
    # Same scenario, seed and replicates: identical unless the model changed. Allow half a
    # percentage point (or 3 standard errors) so a refactoring that moves nothing real passes.
    margin = max(0.005, 3 * float(np.std(stored, ddof=1)) / np.sqrt(len(stored)))
    assert abs(np.nanmean(values) - recorded["point_mean"]) <= margin, (
        f"{target}: recorded {recorded['point_mean']:.4f} (model {RECORD['code_version']}), "
        f"now {np.nanmean(values):.4f} (model {taalwerk.version()}); {RECALIBRATE}")
