"""The points of a sweep design: a full grid, or samples of the unit hypercube (Latin
hypercube and Sobol sequences from scipy, Saltelli and Morris designs from SALib) mapped onto
each parameter's range or list of values."""
from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from . import _core
from .scenario import Scenario

if TYPE_CHECKING:
    from .sweep_definition import Sweep


@dataclass(frozen=True)
class Design:
    values: pd.DataFrame           # one row per point, one column per parameter key
    unit_sample: np.ndarray | None  # (point, parameter) samples in [0, 1]; None for a grid


def _whole_number_keys(sweep: "Sweep") -> set[str]:
    """Keys whose base value is an integer, so ranges are rounded (e.g. cohort.size)."""
    from .sweep_definition import SweepError

    try:
        base_values = Scenario(sweep.base, sweep.overrides).values()
    except _core.ScenarioError as error:
        raise SweepError(f"{sweep.where}: [overrides]: {error}") from None
    return {key for key, value in base_values.items() if isinstance(value, int) and not isinstance(value, bool)}


def _qmc_engine(kind: str, dimensions: int, seed: int):
    from scipy.stats import qmc

    engine = qmc.LatinHypercube if kind == "latin_hypercube" else qmc.Sobol
    generator = np.random.default_rng(seed)
    try:
        return engine(dimensions, rng=generator)
    except TypeError:  # scipy before 1.15 calls it `seed`
        return engine(dimensions, seed=generator)


def unit_sample(sweep: "Sweep") -> np.ndarray:
    """Samples in [0, 1]^d, one row per point, from the design's own generator."""
    dimensions = len(sweep.parameters)
    if sweep.design == "latin_hypercube":
        return _qmc_engine("latin_hypercube", dimensions, sweep.sampling_seed).random(sweep.points)
    if sweep.design == "sobol":
        return _qmc_engine("sobol", dimensions, sweep.sampling_seed).random_base2(int(sweep.points).bit_length() - 1)
    problem = {"num_vars": dimensions, "names": [p.key for p in sweep.parameters], "bounds": [[0.0, 1.0]] * dimensions}
    if sweep.design == "saltelli":
        from SALib.sample import sobol as saltelli

        second_order = True if sweep.second_order is None else sweep.second_order
        return saltelli.sample(problem, sweep.points, calc_second_order=second_order, seed=sweep.sampling_seed)
    if sweep.design == "morris":
        from SALib.sample import morris

        levels = 4 if sweep.levels is None else sweep.levels
        return morris.sample(problem, sweep.points, num_levels=levels, seed=sweep.sampling_seed)
    raise ValueError(f"no unit sample for design '{sweep.design}'")


def design_table(sweep: "Sweep") -> Design:
    whole = _whole_number_keys(sweep)
    keys = [parameter.key for parameter in sweep.parameters]
    if sweep.design == "grid":
        axes = [parameter.grid_values(parameter.key in whole) for parameter in sweep.parameters]
        rows: list[tuple[Any, ...]] = list(itertools.product(*axes))  # first parameter varies slowest
        values = pd.DataFrame(rows, columns=keys)
        sample = None
    else:
        sample = np.clip(np.asarray(unit_sample(sweep), dtype=float), 0.0, 1.0)
        values = pd.DataFrame({
            parameter.key: parameter.from_unit(sample[:, column], parameter.key in whole)
            for column, parameter in enumerate(sweep.parameters)
        })
    values.index = pd.RangeIndex(len(values), name="point")
    return Design(values=values, unit_sample=sample)
