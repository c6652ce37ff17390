"""The sensitivity pipeline (the Saltelli design the sweeps use, then SALib's analysis through
``taalwerk.sensitivity``) reproduces the known Sobol indices of the Ishigami function."""
from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from taalwerk.sensitivity import indices_of_outcome
from taalwerk.sweep_design import unit_sample

A, B = 7.0, 0.1
# Analytical indices of f = sin x1 + a sin^2 x2 + b x3^4 sin x1, x_i uniform on [-pi, pi].
VARIANCE = A**2 / 8 + B * np.pi**4 / 5 + B**2 * np.pi**8 / 18 + 0.5
V1 = 0.5 * (1 + B * np.pi**4 / 5) ** 2
V2 = A**2 / 8
V13 = B**2 * np.pi**8 / 18 - B**2 * np.pi**8 / 50
EXPECTED_S1 = np.array([V1, V2, 0.0]) / VARIANCE
EXPECTED_ST = np.array([V1 + V13, V2, V13]) / VARIANCE
TOLERANCE = 0.05  # absolute, on indices between 0 and 1, at N = 2048 base samples


def ishigami(x: np.ndarray) -> np.ndarray:
    return np.sin(x[:, 0]) + A * np.sin(x[:, 1]) ** 2 + B * x[:, 2] ** 4 * np.sin(x[:, 0])


def design(kind: str, points: int, **options) -> SimpleNamespace:
    """Stands in for a Sweep: the same design code draws the unit sample."""
    parameters = [SimpleNamespace(key=f"x{i + 1}") for i in range(3)]
    return SimpleNamespace(parameters=parameters, design=kind, points=points, sampling_seed=3,
                           second_order=options.get("second_order"), levels=options.get("levels"))


def test_expected_indices_are_the_published_ones():
    # Saltelli et al. (2008), Global Sensitivity Analysis: The Primer, for a = 7, b = 0.1.
    np.testing.assert_allclose(EXPECTED_S1, [0.3139, 0.4424, 0.0], atol=1e-4)
    np.testing.assert_allclose(EXPECTED_ST, [0.5576, 0.4424, 0.2437], atol=1e-4)


@pytest.mark.parametrize("second_order", [True, False])
def test_sobol_indices_of_ishigami(second_order: bool):
    sample = unit_sample(design("saltelli", 2048, second_order=second_order))
    outcome = ishigami(-np.pi + 2 * np.pi * sample)
    names = ["x1", "x2", "x3"]
    indices = indices_of_outcome("saltelli", names, outcome, second_order=second_order, seed=0)
    np.testing.assert_allclose(indices["S1"], EXPECTED_S1, atol=TOLERANCE)
    np.testing.assert_allclose(indices["ST"], EXPECTED_ST, atol=TOLERANCE)
    # The confidence intervals are honest: the true value lies within 3 of SALib's 95% half-widths.
    assert np.all(np.abs(indices["S1"] - EXPECTED_S1) <= 3 * indices["S1_conf"] + 1e-3)
    assert np.all(np.abs(indices["ST"] - EXPECTED_ST) <= 3 * indices["ST_conf"] + 1e-3)


def test_morris_screening_ranks_ishigami_inputs():
    sample = unit_sample(design("morris", 200, levels=4))
    outcome = ishigami(-np.pi + 2 * np.pi * sample)
    indices = indices_of_outcome("morris", ["x1", "x2", "x3"], outcome, unit_sample=sample, levels=4, seed=0)
    # Every input matters (x3 only through its interaction with x1): none is screened out.
    assert (indices["mu_star"] > 0.5).all()
    # x3 acts only in interaction, so its effects vary strongly relative to their mean.
    assert indices.loc["x3", "sigma"] > indices.loc["x3", "mu_star"] * 0.5
