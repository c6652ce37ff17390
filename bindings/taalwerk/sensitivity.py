"""Sensitivity indices of a Saltelli sweep (Sobol indices) or a Morris sweep (elementary
effects), computed by SALib from the design's unit sample and one outcome per point: an
indicator at a month for a group, averaged over replicates. Every point runs on the same seeds,
so the replicate average carries the same noise at every point and differences between points
are the parameters' doing."""
from __future__ import annotations

import json
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from .sweep_result import SweepResult


def outcome_per_point(result: "SweepResult", indicator: str, month: int | None = None, group: str = "all",
                      share: bool = False) -> np.ndarray:
    """The mean over replicates of ``indicator`` (divided by ``persons`` if ``share``) per point."""
    column = f"{indicator} share mean" if share else f"{indicator} mean"
    return result.summary(indicator, month=month, group=group, share=share, quantiles=())[column].to_numpy()


def sensitivity_indices(result: "SweepResult", indicator: str, month: int | None = None, group: str = "all",
                        share: bool = False, seed: int | None = 0) -> pd.DataFrame:
    """One row per parameter: S1, ST (and confidence intervals) for a saltelli sweep; mu,
    mu_star, sigma for a morris sweep (in units of the outcome per full parameter range)."""
    definition = json.loads(result.header.attrs["sweep_definition"])
    kind = definition["design"]["kind"]
    if kind not in ("saltelli", "morris"):
        raise ValueError(f"sensitivity indices need a saltelli or morris design; sweep '{result.name}' is a {kind} design")
    missing = int((~result.completed).sum())
    if missing:
        raise ValueError(f"sweep '{result.name}' has {missing} unfinished point(s); finish it first (run the sweep command again)")
    outcome = outcome_per_point(result, indicator, month, group, share)
    return indices_of_outcome(kind, result.parameters, outcome, unit_sample=result.header.unit_sample,
                              second_order=definition["design"].get("second_order"), levels=definition["design"].get("levels"),
                              seed=seed)


def indices_of_outcome(kind: str, names: list[str], outcome: np.ndarray, unit_sample: np.ndarray | None = None,
                       second_order: bool | None = True, levels: int | None = 4, seed: int | None = 0) -> pd.DataFrame:
    """Sobol (``kind="saltelli"``) or Morris indices of any outcome per design point, e.g. a paired
    difference of two sweeps with the same design, or a test function. ``unit_sample``: the
    design's points in [0, 1] (needed by Morris)."""
    problem = {"num_vars": len(names), "names": list(names), "bounds": [[0.0, 1.0]] * len(names)}
    outcome = np.asarray(outcome, dtype=float)
    if kind == "saltelli":
        from SALib.analyze import sobol

        indices = sobol.analyze(problem, outcome, calc_second_order=True if second_order is None else second_order, seed=seed)
        columns = ["S1", "S1_conf", "ST", "ST_conf"]
    else:
        from SALib.analyze import morris

        indices = morris.analyze(problem, unit_sample, outcome, num_levels=4 if levels is None else levels, seed=seed)
        columns = ["mu", "mu_star", "sigma", "mu_star_conf"]
    return pd.DataFrame({column: np.asarray(indices[column], dtype=float) for column in columns}, index=pd.Index(names, name="parameter"))
